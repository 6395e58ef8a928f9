package sbom

import (
	"encoding/json"
	"strconv"
	"strings"
)

// maxPointerDepth bounds the pointers put in error messages: deeper ones
// (a nesting bomb) are left out.
const maxPointerDepth = 64

// maxPointerToken bounds one member name in a pointer of an error message.
const maxPointerToken = 64

// ptrFrame is one open container while jsonPointerAt walks a JSON text.
type ptrFrame struct {
	object   bool
	key      string // the member being read (objects)
	keyValid bool   // a key has been read since the last ','
	expect   bool   // the next string is a key (objects)
	idx      int    // the current element (arrays)
	started  bool   // the current element has begun (arrays)
}

// jsonPointerAt returns the RFC 6901 pointer of the innermost value that
// contains byte at of a JSON text, walking only the text before it (so it
// works on broken input too). Member names that are not plain identifiers
// become "*", so that an error message never echoes arbitrary input; ""
// means the top level, or nesting deeper than maxPointerDepth.
func jsonPointerAt(data []byte, at int) string {
	var frames []ptrFrame
	n := len(data)
	i := 0
	for i <= at && i < n {
		c := data[i]
		switch c {
		case ' ', '\t', '\r', '\n':
			i++
			continue
		case '{', '[':
			markStarted(frames)
			frames = append(frames, ptrFrame{object: c == '{', expect: c == '{'})
			if len(frames) > maxPointerDepth {
				return ""
			}
			i++
		case '}', ']':
			if len(frames) > 0 {
				frames = frames[:len(frames)-1]
			}
			i++
		case ',':
			if d := len(frames); d > 0 {
				f := &frames[d-1]
				if f.object {
					f.expect, f.keyValid = true, false
				} else {
					f.idx++
					f.started = false
				}
			}
			i++
		case ':':
			if d := len(frames); d > 0 {
				frames[d-1].expect = false
			}
			i++
		case '"':
			end, ok := stringEnd(data, i+1)
			if !ok {
				end = n - 1
			}
			if d := len(frames); d > 0 && frames[d-1].object && frames[d-1].expect && ok {
				f := &frames[d-1]
				k, err := jsonKey(data[i : end+1])
				f.key, f.keyValid = string(k), err == nil
			} else {
				markStarted(frames)
			}
			i = end + 1
		default:
			markStarted(frames)
			for i < n && !isDelimiter(data[i]) {
				i++
			}
		}
	}
	return framesPointer(frames)
}

// markStarted records that a value begins in the innermost array.
func markStarted(frames []ptrFrame) {
	if d := len(frames); d > 0 && !frames[d-1].object {
		frames[d-1].started = true
	}
}

// isDelimiter reports the bytes that end a JSON literal or number.
func isDelimiter(c byte) bool {
	switch c {
	case ',', ':', '{', '}', '[', ']', '"', ' ', '\t', '\r', '\n':
		return true
	}
	return false
}

// framesPointer renders the open containers as a pointer.
func framesPointer(frames []ptrFrame) string {
	var b []byte
	for _, f := range frames {
		switch {
		case f.object && f.keyValid:
			b = append(b, '/')
			b = append(b, safeToken(f.key)...)
		case !f.object && f.started:
			b = append(b, '/')
			b = strconv.AppendInt(b, int64(f.idx), 10)
		default:
			return string(b)
		}
	}
	return string(b)
}

// safeToken returns a member name as a pointer token when it is a plain
// identifier (letters, digits, "_", "-", ".", "@", "$", ":"), and "*"
// otherwise.
func safeToken(k string) string {
	if k == "" || len(k) > maxPointerToken {
		return "*"
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '_' || c == '-' || c == '.' || c == '@' || c == '$' || c == ':'
		if !ok {
			return "*"
		}
	}
	return k
}

// typeErrorPointer locates the value an encoding/json type error is about
// when its offset cannot be trusted (a library's UnmarshalJSON decodes a
// part of the text on its own, so the offset counts from that part): the
// first value of the text at the error's field path (struct field names,
// matched as encoding/json matches them, without case) whose JSON kind is
// the one the error names. ok is false when there is none.
func typeErrorPointer(data []byte, te *json.UnmarshalTypeError) (string, bool) {
	if te.Field == "" || !safeFieldPath(te.Field) {
		return "", false
	}
	var root any
	if err := json.Unmarshal(data, &root); err != nil {
		return "", false
	}
	path := strings.Split(te.Field, ".")
	var find func(v any, i int, p string) (string, bool)
	find = func(v any, i int, p string) (string, bool) {
		if list, ok := v.([]any); ok {
			for k, e := range list {
				if r, ok := find(e, i, p+"/"+strconv.Itoa(k)); ok {
					return r, true
				}
			}
			return "", false
		}
		if i == len(path) {
			return p, jsonKind(v) == te.Value
		}
		obj, ok := v.(map[string]any)
		if !ok {
			return "", false
		}
		for _, k := range sortedKeys(obj) {
			if strings.EqualFold(k, path[i]) {
				if r, ok := find(obj[k], i+1, p+"/"+safeToken(k)); ok {
					return r, true
				}
			}
		}
		return "", false
	}
	return find(root, 0, "")
}

// lastToken returns the last token of a pointer.
func lastToken(p string) string {
	return p[strings.LastIndexByte(p, '/')+1:]
}
