package policies_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/snapshot")

// decisionCase is one file under testdata/decision: an input document as the
// engine builds it and the waivers loaded beside the bundle. The files do
// not end in .json because `opa test policies/` would load them as data.
type decisionCase struct {
	Waivers []any          `json:"waivers"`
	Input   map[string]any `json:"input"`
}

// compileEmbedded loads and compiles the embedded bundle once; the compiled
// compiler is read-only afterwards and may be shared by parallel queries.
func compileEmbedded(tb testing.TB) (*loader.Result, *ast.Compiler) {
	tb.Helper()
	res := loadEmbedded(tb)
	compiler, err := res.Compiler()
	if err != nil {
		tb.Fatalf("compile embedded bundle: %v", err)
	}
	return res, compiler
}

// prepareDecision prepares the one query the engine runs on a fresh store
// holding the bundle's data and the waivers, with builtin errors raised as
// the engine does.
func prepareDecision(tb testing.TB, res *loader.Result, compiler *ast.Compiler, waivers []any) rego.PreparedEvalQuery {
	tb.Helper()
	ctx := context.Background()
	store, err := res.Store()
	if err != nil {
		tb.Fatalf("store: %v", err)
	}
	if waivers != nil {
		if err := storage.WriteOne(ctx, store, storage.AddOp, storage.MustParsePath("/bangate/waivers"), waivers); err != nil {
			tb.Fatalf("write waivers: %v", err)
		}
	}
	pq, err := rego.New(
		rego.Query("data.bangate.decision.result"),
		rego.Compiler(compiler),
		rego.Store(store),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
	if err != nil {
		tb.Fatalf("prepare decision query: %v", err)
	}
	return pq
}

// evalDecision evaluates the prepared query on one input; ok is false when
// the result is undefined.
func evalDecision(ctx context.Context, pq rego.PreparedEvalQuery, input ast.Value) (result map[string]any, ok bool, err error) {
	rs, err := pq.Eval(ctx, rego.EvalParsedInput(input))
	if err != nil {
		return nil, false, err
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, false, nil
	}
	result, ok = rs[0].Expressions[0].Value.(map[string]any)
	return result, ok, nil
}

func readCase(t *testing.T, path string) decisionCase {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	dec.DisallowUnknownFields()
	var c decisionCase
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return c
}

// TestDecision evaluates data.bangate.decision.result through the Go
// loader path on each case and compares it with its golden file.
func TestDecision(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob(filepath.Join("testdata", "decision", "*.case"))
	if err != nil {
		t.Fatalf("glob cases: %v", err)
	}
	if len(paths) == 0 {
		t.Fatal("no cases under testdata/decision")
	}
	res, compiler := compileEmbedded(t)
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".case")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c := readCase(t, p)
			pq := prepareDecision(t, res, compiler, c.Waivers)
			input, err := ast.InterfaceToValue(c.Input)
			if err != nil {
				t.Fatalf("convert input: %v", err)
			}
			result, ok, err := evalDecision(context.Background(), pq, input)
			if err != nil {
				t.Fatalf("evaluate: %v", err)
			}
			if !ok {
				t.Fatal("data.bangate.decision.result is undefined")
			}
			got, err := json.MarshalIndent(result, "", "  ")
			if err != nil {
				t.Fatalf("marshal result: %v", err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "snapshot", "TestDecision", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatalf("create snapshot dir: %v", err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatalf("write %s: %v", golden, err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read %s (run with -update to create it): %v", golden, err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("result differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}
