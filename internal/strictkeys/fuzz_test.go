package strictkeys_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-json-experiment/json/jsontext"
	yaml "go.yaml.in/yaml/v3"

	"github.com/bangate/bangate/internal/strictkeys"
)

// sameKey is the reference relation, written independently of the
// package: equal under strings.EqualFold (encoding/json, mapstructure) or
// after lower- then upper-casing (viper lower-cases keys).
func sameKey(a, b string) bool {
	//nolint:staticcheck // lower- then upper-casing is the relation under test, on purpose not EqualFold
	return strings.EqualFold(a, b) || strings.ToUpper(strings.ToLower(a)) == strings.ToUpper(strings.ToLower(b))
}

// objectKeys walks a JSON stream with the jsontext decoder and returns the
// keys of each object; ok is false when the stream is not well-formed.
func objectKeys(data []byte) (objects [][]string, ok bool) {
	dec := jsontext.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))), jsontext.AllowDuplicateNames(true))
	var open []int // indexes into objects of the open objects and -1 for arrays
	for {
		tok, err := dec.ReadToken()
		if errors.Is(err, io.EOF) {
			return objects, len(open) == 0
		}
		if err != nil {
			return nil, false
		}
		switch tok.Kind() {
		case '{':
			objects = append(objects, nil)
			open = append(open, len(objects)-1)
		case '[':
			open = append(open, -1)
		case '}', ']':
			open = open[:len(open)-1]
		case '"':
			if len(open) == 0 || open[len(open)-1] < 0 {
				break
			}
			if _, n := dec.StackIndex(dec.StackDepth()); n%2 == 1 { // a name was just read
				i := open[len(open)-1]
				objects[i] = append(objects[i], tok.String())
			}
		}
	}
}

// FuzzCheckJSON checks that CheckJSON never panics, never accepts a
// document where two keys of one object are equal under strings.EqualFold
// (or lower-casing), never accepts malformed JSON, and never rejects a
// well-formed document without such a pair.
func FuzzCheckJSON(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, tc := range append(append([]keyCase{}, issueCases...), moreCases...) {
		f.Add([]byte(tc.doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := strictkeys.CheckJSON(data)
		objects, ok := objectKeys(data)
		var ke *strictkeys.KeyError
		if errors.As(err, &ke) && (!sameKey(ke.Key, ke.Other) || ke.Line < 1 || ke.Column < 1) {
			t.Fatalf("key error %+v names keys that do not collide or no place", ke)
		}
		if !ok {
			// A collision before the syntax error may be reported first.
			if err == nil {
				t.Fatalf("malformed JSON accepted")
			}
			return
		}
		colliding := false
		for _, keys := range objects {
			for i := range keys {
				for j := range i {
					if sameKey(keys[i], keys[j]) {
						colliding = true
					}
				}
			}
		}
		switch {
		case err == nil && colliding:
			t.Fatalf("accepted a document with two keys equal up to case")
		case err != nil && !colliding:
			t.Fatalf("rejected a document without colliding keys: %v", err)
		case err != nil && ke == nil:
			t.Fatalf("error %v on well-formed JSON, want a *KeyError", err)
		}
	})
}

// FuzzCheckYAML checks that CheckYAML never panics and never accepts a
// stream where a mapping holds two keys equal under strings.EqualFold.
func FuzzCheckYAML(f *testing.F) {
	for _, tc := range yamlCases {
		f.Add([]byte(tc.doc))
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := strictkeys.CheckYAML(data)
		var ke *strictkeys.KeyError
		if errors.As(err, &ke) && !sameKey(ke.Key, ke.Other) {
			t.Fatalf("key error %+v names keys that do not collide", ke)
		}
		if err != nil {
			return
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		for {
			var doc yaml.Node
			if derr := dec.Decode(&doc); derr != nil {
				return
			}
			if a, b, bad := foldedPair(&doc, 0); bad {
				t.Fatalf("accepted a mapping with keys %q and %q", a, b)
			}
		}
	})
}

// foldedPair finds two plain string keys of one mapping equal under
// strings.EqualFold, walking n without following aliases.
func foldedPair(n *yaml.Node, depth int) (string, string, bool) {
	if depth > 100 {
		return "", "", false
	}
	if n.Kind == yaml.MappingNode {
		var keys []string
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.ShortTag() == "!!str" {
				keys = append(keys, k.Value)
			}
		}
		for i := range keys {
			for j := range i {
				if strings.EqualFold(keys[i], keys[j]) {
					return keys[j], keys[i], true
				}
			}
		}
	}
	for _, c := range n.Content {
		if a, b, bad := foldedPair(c, depth+1); bad {
			return a, b, true
		}
	}
	return "", "", false
}

// FuzzCheckJSONNames checks CheckJSONNames against CheckJSON and an
// independent reader: the same verdict, and on a well-formed document
// every string it reports is the string its pointer leads to, found under
// a member the callback refused (here: every name that starts with "x").
func FuzzCheckJSONNames(f *testing.F) {
	for _, s := range []string{
		`{"a": {"x": "v", "b": ["w", {"xy": {"z": "u"}}]}, "xa": ["s", 1, {"t": "r"}]}`,
		`[{"x": "\u0041"}, {"x~/": "p"}]`,
		`{"a": 1, "A": 2}`,
		`{"x": "open`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		members := func([]byte) func([]byte) bool {
			return func(name []byte) bool { return !bytes.HasPrefix(name, []byte("x")) }
		}
		type rep struct{ ptr, name, value string }
		var got []rep
		err := strictkeys.CheckJSONNames(data, members, func(ptr, name, value string) { got = append(got, rep{ptr, name, value}) })
		if want := strictkeys.CheckJSON(data); (err == nil) != (want == nil) {
			t.Fatalf("CheckJSONNames error %v, CheckJSON %v", err, want)
		}
		if err != nil {
			return
		}
		for _, r := range got {
			if !strings.HasPrefix(r.name, "x") {
				t.Errorf("%q reported under %q, a known name", r.value, r.name)
			}
			if v, ok := stringAt(data, r.ptr); !ok || v != r.value {
				t.Errorf("pointer %q leads to %q (%v), reported %q", r.ptr, v, ok, r.value)
			}
		}
	})
}

// stringAt returns the string value the JSON pointer ptr leads to in the
// first JSON value of data, read with jsontext's own pointer tracking.
func stringAt(data []byte, ptr string) (string, bool) {
	dec := jsontext.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))), jsontext.AllowDuplicateNames(true))
	for {
		tok, err := dec.ReadToken()
		if err != nil {
			return "", false
		}
		if tok.Kind() == '"' && string(dec.StackPointer()) == ptr {
			if k, n := dec.StackIndex(dec.StackDepth()); k == '{' && n%2 == 1 {
				continue // a name, not a value
			}
			return tok.String(), true
		}
	}
}
