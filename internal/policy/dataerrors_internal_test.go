package policy

import (
	"context"
	"slices"
	"testing"

	"github.com/bangate/bangate/policies"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
)

// TestDecisionQueryDataErrors checks that the data errors are computed
// once only when they do not depend on the input, and that the decision
// is the same either way.
func TestDecisionQueryDataErrors(t *testing.T) {
	const decision = `package bangate.decision
import data.bangate.lib.lists
result := {"errors": lists.errors}
`
	cases := []struct {
		name, lists string
		with        bool
	}{
		{"data only", `package bangate.lib.lists
errors contains e if some e in data_errors
errors contains "no profile" if not input.profile
data_errors contains sprintf("bad %s", [k]) if {
	some k, v in data.ls
	v != 1
}
`, true},
		{"none", `package bangate.lib.lists
errors contains e if some e in data_errors
data_errors contains "x" if data.ls.a == 5
`, true},
		{"reads the input", `package bangate.lib.lists
errors contains e if some e in data_errors
data_errors contains "p" if input.profile
`, false},
		{"no such rule", `package bangate.lib.lists
errors contains "x" if data.ls.b == 2
`, false},
		{"reads the input through a function", `package bangate.lib.lists
errors contains e if some e in data_errors
data_errors contains "k" if kind("sbom")
kind(k) if input.kind == k
`, false},
		{"non-deterministic builtin", `package bangate.lib.lists
errors contains e if some e in data_errors
data_errors contains "late" if time.now_ns() > data.ls.zero
`, false},
		{"non-deterministic builtin through a function", `package bangate.lib.lists
errors contains e if some e in data_errors
data_errors contains "late" if late(data.ls.zero)
late(t) if time.now_ns() > t
`, false},
		{"builtin error", `package bangate.lib.lists
errors contains e if some e in data_errors
data_errors contains x if x := 1 / data.ls.zero
`, false},
	}
	ctx := context.Background()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ast.NewCompiler()
			c.Compile(map[string]*ast.Module{
				"d.rego": ast.MustParseModule(decision),
				"l.rego": ast.MustParseModule(tc.lists),
			})
			if c.Failed() {
				t.Fatal(c.Errors)
			}
			store := inmem.NewFromObject(map[string]any{"ls": map[string]any{"a": 1, "b": 2, "zero": 0}})
			q := decisionQuery(ctx, c, store, ast.CapabilitiesForThisVersion())
			if got := len(q[0].With) > 0; got != tc.with {
				t.Fatalf("query %v: computed once %v, want %v", q, got, tc.with)
			}
			for _, in := range []map[string]any{{}, {"profile": "all"}} {
				input := ast.MustInterfaceToValue(in)
				eval := func(body ast.Body) (any, error) {
					rs, err := rego.New(rego.ParsedQuery(body), rego.Compiler(c), rego.Store(store), rego.StrictBuiltinErrors(true), rego.ParsedInput(input)).Eval(ctx)
					if err != nil || len(rs) == 0 {
						return nil, err
					}
					return rs[0].Expressions[0].Value, nil
				}
				want, werr := eval(ast.MustParseBody(Query))
				got, gerr := eval(q)
				if (werr == nil) != (gerr == nil) || ast.MustInterfaceToValue(want).Compare(ast.MustInterfaceToValue(got)) != 0 {
					t.Errorf("input %v: %v (%v), the plain query gives %v (%v)", in, got, gerr, want, werr)
				}
			}
		})
	}
}

// The built-in bundle defines every one of PrecomputedRules on the data
// alone: the engine computes each once.
func TestBuiltinPrecomputed(t *testing.T) {
	e, err := New(context.Background(), Options{BuiltIn: policies.FS})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range e.query[0].With {
		got = append(got, w.Target.String())
	}
	if want := PrecomputedRules(); !slices.Equal(got, want) {
		t.Errorf("computed once: %v, want %v", got, want)
	}
}
