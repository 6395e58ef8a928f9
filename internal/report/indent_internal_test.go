package report

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// TestIndentAsJSONIndent: indentJSON writes what json.Indent writes for
// the output of a json.Encoder, whatever the strings and numbers hold.
func TestIndentAsJSONIndent(t *testing.T) {
	t.Parallel()
	values := []any{
		map[string]any{},
		[]any{},
		"",
		nil,
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{map[string]any{}, []any{}, nil}},
		map[string]any{"html": "<a href=\"x\">&amp;</a>", "js": "line\u2028sep\u2029para", "ctl": "\x00\x01\t\n\r\"\\/", "bad": string([]byte{0xff, 0xfe, 'x'})},
		map[string]any{"emoji": "Kaspersky 🛡 Лаборатория Касперского 卡巴斯基", "nfkc": "ﬁ ＡＢＣ", "bom": "\ufeff"},
		[]any{0, math.Copysign(0, -1), 1, -1, 0.1, 1e21, 1e-7, 123456789012345678, math.MaxInt64, math.SmallestNonzeroFloat64, math.MaxFloat64, 1.5e300, 3.0},
		map[string]any{"nested": map[string]any{"deeper": map[string]any{"deepest": []any{1, "two", true, false, nil, map[string]any{"k": "v"}}}}},
		struct {
			A string            `json:"a"`
			B []int             `json:"b"`
			C map[string]string `json:"c,omitempty"`
			D *int              `json:"d"`
			E json.RawMessage   `json:"e"`
		}{A: "x", E: json.RawMessage(`{"raw":[1,2,{}]}`)},
	}
	var compacts [][]byte
	for i, v := range values {
		var compact bytes.Buffer
		enc := json.NewEncoder(&compact)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatalf("value %d: %v", i, err)
		}
		compacts = append(compacts, compact.Bytes())
	}
	// The golden JSON documents, compacted as the encoder writes them.
	golden, err := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	if err != nil || len(golden) == 0 {
		t.Fatalf("no golden JSON documents: %v", err)
	}
	for _, path := range golden {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		compacts = append(compacts, append(compact.Bytes(), '\n'))
	}
	for i, compact := range compacts {
		var want bytes.Buffer
		if err := json.Indent(&want, compact, "", "  "); err != nil {
			t.Fatalf("value %d: json.Indent: %v", i, err)
		}
		got, err := indentJSON(compact)
		if err != nil {
			t.Fatalf("value %d: %v", i, err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("value %d:\ngot  %q\nwant %q", i, got, want.Bytes())
		}
	}
}
