package sbom

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// decodeTree decodes a JSON text into generic values (objects as
// map[string]any, numbers as json.Number), for the error paths that need
// to find or edit a value by place.
func decodeTree(body []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// jsonKind names the JSON kind of a generic value as encoding/json's
// UnmarshalTypeError.Value does ("string", "number", "bool", "array",
// "object", "null").
func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case json.Number, float64:
		return "number"
	case bool:
		return "bool"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "null"
}

// typeErrorKind returns the JSON kind an UnmarshalTypeError reports
// ("number -1" → "number").
func typeErrorKind(value string) string {
	if f := strings.Fields(value); len(f) > 0 {
		return f[0]
	}
	return ""
}

// nodesAt returns the RFC 6901 pointers, in document order, of the values
// at a dotted field path as encoding/json reports it ("components.supplier":
// member names, with arrays crossed implicitly) whose JSON kind is kind.
// Member names match case-insensitively, as encoding/json matches them.
func nodesAt(root any, field, kind string) []string {
	var out []string
	var walk func(v any, segs []string, ptr string)
	walk = func(v any, segs []string, ptr string) {
		if len(out) >= 64 {
			return
		}
		if len(segs) == 0 {
			if jsonKind(v) == kind {
				out = append(out, ptr)
				return
			}
			if arr, ok := v.([]any); ok {
				for i, e := range arr {
					walk(e, nil, ptr+"/"+strconv.Itoa(i))
				}
			}
			return
		}
		switch n := v.(type) {
		case []any:
			for i, e := range n {
				walk(e, segs, ptr+"/"+strconv.Itoa(i))
			}
		case map[string]any:
			if m, ok := n[segs[0]]; ok {
				walk(m, segs[1:], ptr+"/"+escapeToken(segs[0]))
				return
			}
			for k, m := range n {
				if strings.EqualFold(k, segs[0]) {
					walk(m, segs[1:], ptr+"/"+escapeToken(k))
				}
			}
		}
	}
	if field == "" {
		return nil
	}
	walk(root, strings.Split(field, "."), "")
	return out
}

// clearAt removes the value at an RFC 6901 pointer from a generic tree: a
// member is deleted, an array element becomes null (so that the indexes,
// and the pointers of what follows, stay as in the file). It reports
// whether the pointer named a value.
func clearAt(root any, ptr string) bool {
	toks := strings.Split(ptr, "/")[1:]
	if len(toks) == 0 {
		return false
	}
	for i := range toks {
		toks[i] = strings.NewReplacer("~1", "/", "~0", "~").Replace(toks[i])
	}
	cur := root
	for _, t := range toks[:len(toks)-1] {
		switch n := cur.(type) {
		case map[string]any:
			cur = n[t]
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(n) {
				return false
			}
			cur = n[i]
		default:
			return false
		}
	}
	last := toks[len(toks)-1]
	switch n := cur.(type) {
	case map[string]any:
		if _, ok := n[last]; ok {
			delete(n, last)
			return true
		}
	case []any:
		i, err := strconv.Atoi(last)
		if err == nil && i >= 0 && i < len(n) {
			n[i] = nil
			return true
		}
	}
	return false
}
