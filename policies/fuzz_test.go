package policies_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// FuzzDecision feeds arbitrary input documents to the built-in bundle, as
// the engine evaluates it (strict builtin errors). The decision may fail
// with an evaluation error (the engine then exits 2), but it must never be
// undefined, must have a known outcome, and must never pass an input that
// lacks a readable as_of or a profile.
func FuzzDecision(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("testdata", "decision", "*.case"))
	if err != nil {
		f.Fatalf("glob cases: %v", err)
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			f.Fatalf("read %s: %v", p, err)
		}
		var c struct {
			Input json.RawMessage `json:"input"`
		}
		if err := json.Unmarshal(raw, &c); err != nil {
			f.Fatalf("decode %s: %v", p, err)
		}
		f.Add([]byte(c.Input))
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"as_of":"2024-02-31T00:00:00Z","profile":"all"}`))
	f.Add([]byte(`{"as_of":"2026-11-27T00:00:00Z","profile":"all","components":{"a":{"matches":[{"list":"kaspersky","entry_id":"kaspersky-lab","confidence":"high"}]}}}`))
	f.Add([]byte(`{"as_of":"2026-11-27T00:00:00Z","profile":"all","vendors":[{"matches":[{"list":"ndaa889","entry_id":"zte","score":"high"}]}],"coverage":{"unattributed_count":-1}}`))

	res, compiler := compileEmbedded(f)
	pq := prepareDecision(f, res, compiler, nil)
	outcomes := map[string]bool{"pass": true, "fail": true, "review": true, "error": true}

	f.Fuzz(func(t *testing.T, data []byte) {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var doc map[string]any
		if err := dec.Decode(&doc); err != nil || doc == nil {
			return // the engine builds the input; only objects reach OPA
		}
		input, err := ast.InterfaceToValue(doc)
		if err != nil {
			return
		}
		result, ok, err := evalDecision(context.Background(), pq, input)
		if err != nil {
			return // an evaluation error is exit 2: fail closed
		}
		if !ok {
			t.Fatalf("data.bangate.decision.result undefined for %s", data)
		}
		outcome, _ := result["outcome"].(string)
		if !outcomes[outcome] {
			t.Fatalf("unknown outcome %q for %s", outcome, data)
		}
		_, hasProfile := doc["profile"].(string)
		_, hasAsOf := doc["as_of"].(string)
		if outcome == "pass" && (!hasProfile || !hasAsOf) {
			t.Fatalf("pass without as_of or profile for %s", data)
		}
		for _, k := range []string{"violations", "reviews", "warnings", "waived", "invalid", "errors"} {
			if _, ok := result[k].([]any); !ok {
				t.Fatalf("result.%s is not a list for %s", k, data)
			}
		}
	})
}
