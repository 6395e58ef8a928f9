package strictkeys

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// maxYAMLDepth bounds the nesting CheckYAML walks; deeper documents are a
// *SyntaxError.
const maxYAMLDepth = 512

// maxMerges bounds the merge keys (<<) one mapping may pull keys from,
// counting nested merges, so that aliases cannot make the walk explode.
const maxMerges = 1024

// CheckYAML reads every document in a YAML stream and returns a *KeyError
// for the first mapping that holds a key twice or two keys equal up to
// case folding, or a *SyntaxError when the stream does not parse. A JSON
// text is YAML, so CheckYAML also checks JSON. Keys that are not strings
// are compared in their resolved form (1 and 0x1 are the same key, as for
// a decoder into map[string]any). Keys a merge key (<<) pulls in count
// too: a merged key may be repeated exactly (the mapping's own key wins,
// as YAML says) but not up to case. Alias nodes are not followed except
// by merges, so an alias bomb costs nothing. KeyError.Offset is -1;
// Line and Column are yaml.v3's.
func CheckYAML(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return &SyntaxError{Format: "YAML", Offset: -1, Line: yamlErrLine(err), Err: err}
		}
		if err := checkYAMLNode(&doc, "", 0); err != nil {
			return err
		}
	}
}

// yamlErrLine finds "line N" in a yaml.v3 error, 0 when there is none.
func yamlErrLine(err error) int {
	msg := err.Error()
	i := strings.Index(msg, "line ")
	if i < 0 {
		return 0
	}
	j := i + len("line ")
	k := j
	for k < len(msg) && msg[k] >= '0' && msg[k] <= '9' {
		k++
	}
	n, _ := strconv.Atoi(msg[j:k])
	return n
}

// yamlKey is one key of a mapping: its name and the node that holds it.
type yamlKey struct {
	name   string
	node   *yaml.Node
	merged bool
}

// checkYAMLNode walks n; ptr is its JSON pointer.
func checkYAMLNode(n *yaml.Node, ptr string, depth int) error {
	if depth > maxYAMLDepth {
		return &SyntaxError{Format: "YAML", Pointer: ptr, Offset: -1, Line: n.Line, Column: n.Column,
			Err: fmt.Errorf("nesting deeper than %d levels", maxYAMLDepth)}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			if err := checkYAMLNode(c, ptr, depth+1); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if err := checkYAMLNode(c, ptr+"/"+strconv.Itoa(i), depth+1); err != nil {
				return err
			}
		}
	case yaml.MappingNode:
		if err := checkMapping(n, ptr); err != nil {
			return err
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if isMerge(k) {
				continue // the merged mappings are checked where they are defined
			}
			if k.Kind == yaml.MappingNode || k.Kind == yaml.SequenceNode {
				// A complex key: its own mappings are checked too.
				if err := checkYAMLNode(k, ptr, depth+1); err != nil {
					return err
				}
			}
			if err := checkYAMLNode(v, ptr+"/"+escapePointer(keyName(k)), depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// isMerge reports whether k is a merge key (<<).
func isMerge(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge"
}

// keyName returns the name a decoder into map[string]any gives key k: the
// text of a string, the resolved value of another scalar, and for an
// alias the name of what it points to.
func keyName(k *yaml.Node) string {
	for k.Kind == yaml.AliasNode && k.Alias != nil {
		k = k.Alias
	}
	if k.Kind != yaml.ScalarNode {
		return k.Value
	}
	if k.ShortTag() == "!!str" {
		return k.Value
	}
	var v any
	if err := k.Decode(&v); err != nil || v == nil {
		return k.Value
	}
	return fmt.Sprint(v)
}

// checkMapping compares the keys of mapping n, its own and merged ones.
func checkMapping(n *yaml.Node, ptr string) error {
	var keys []yamlKey
	merges := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if isMerge(k) {
			var err error
			if keys, err = mergedKeys(n.Content[i+1], k, keys, &merges); err != nil {
				return err
			}
			continue
		}
		if k.Kind != yaml.ScalarNode && k.Kind != yaml.AliasNode {
			continue // a complex key: no reader of these files takes it as a name
		}
		keys = append(keys, yamlKey{name: keyName(k), node: k})
	}
	// Small mappings are compared pairwise; wide ones through the two
	// foldings.
	if len(keys) <= linearMax {
		for i := range keys {
			for j := range i {
				if err := compareYAML(keys[j], keys[i], ptr); err != nil {
					return err
				}
			}
		}
		return nil
	}
	seen := make(map[string]int, 2*len(keys))
	for i, k := range keys {
		for _, form := range []string{"s" + string(appendFoldSimple(nil, []byte(k.name))), "l" + string(appendFoldLower(nil, []byte(k.name)))} {
			if j, ok := seen[form]; ok {
				if err := compareYAML(keys[j], k, ptr); err != nil {
					return err
				}
			}
			seen[form] = i
		}
	}
	return nil
}

// mergedKeys appends the keys that the merge value v (a mapping, an alias
// to one, or a sequence of those) brings in, nested merges included.
func mergedKeys(v, at *yaml.Node, keys []yamlKey, merges *int) ([]yamlKey, error) {
	*merges++
	if *merges > maxMerges {
		return keys, &SyntaxError{Format: "YAML", Offset: -1, Line: at.Line, Column: at.Column,
			Err: fmt.Errorf("more than %d merged mappings", maxMerges)}
	}
	for v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	switch v.Kind {
	case yaml.SequenceNode:
		var err error
		for _, c := range v.Content {
			if keys, err = mergedKeys(c, at, keys, merges); err != nil {
				return keys, err
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(v.Content); i += 2 {
			k := v.Content[i]
			if isMerge(k) {
				var err error
				if keys, err = mergedKeys(v.Content[i+1], at, keys, merges); err != nil {
					return keys, err
				}
				continue
			}
			if k.Kind == yaml.ScalarNode || k.Kind == yaml.AliasNode {
				keys = append(keys, yamlKey{name: keyName(k), node: at, merged: true})
			}
		}
	}
	return keys, nil
}

// compareYAML fails when keys a (earlier) and b collide. A merged key
// repeated exactly is overridden, as YAML defines, and is no collision.
func compareYAML(a, b yamlKey, ptr string) error {
	if !collide([]byte(a.name), []byte(b.name)) {
		return nil
	}
	exact := a.name == b.name
	if exact && (a.merged || b.merged) {
		return nil
	}
	ke := &KeyError{Err: ErrFoldedKey, Key: b.name, Other: a.name, Pointer: ptr, Offset: -1,
		Line: b.node.Line, Column: b.node.Column, OtherLine: a.node.Line}
	if exact {
		ke.Err = ErrDuplicateKey
	}
	return ke
}

// escapePointer escapes a key for an RFC 6901 pointer.
func escapePointer(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
