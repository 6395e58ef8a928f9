package policy

import (
	"context"
	"fmt"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestResult is the outcome of one Rego test.
type TestResult struct {
	Package string
	Name    string
	Pass    bool
	Skip    bool
	// Fail holds why a test failed or errored.
	Fail string
}

// RunTests runs every Rego test (test_* rules) of the bundle: the same
// tests `opa test` runs, with builtin errors raised, compiled with the
// capabilities a check compiles them with (Capabilities), each test under
// the limits' time limit.
func RunTests(ctx context.Context, b *Bundle, limits Limits) ([]TestResult, error) {
	limits = limits.withDefaults()
	caps, err := Capabilities(limits.AllowBuiltins)
	if err != nil {
		return nil, err
	}
	if err := deniedCalls(b.Modules, caps); err != nil {
		return nil, err
	}
	store := inmem.NewFromObject(b.Documents)
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return nil, fmt.Errorf("run policy tests: %w", err)
	}
	defer store.Abort(ctx, txn)
	ch, err := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithEnablePrintStatements(false).WithCapabilities(caps)).
		SetTimeout(limits.Timeout).
		SetStore(store).
		SetModules(b.Modules).
		RaiseBuiltinErrors(true).
		SetDefaultRegoVersion(ast.RegoV1).
		RunTests(ctx, txn)
	if err != nil {
		return nil, fmt.Errorf("run policy tests: %w", oneLine(err))
	}
	return collect(ch), nil
}

func collect(ch chan *tester.Result) []TestResult {
	var out []TestResult
	for r := range ch {
		tr := TestResult{Package: r.Package, Name: r.Name, Pass: r.Pass(), Skip: r.Skip}
		switch {
		case r.Error != nil:
			tr.Fail = oneLine(r.Error).Error()
		case r.Fail:
			tr.Fail = "test failed"
		}
		out = append(out, tr)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Package != out[j].Package {
			return out[i].Package < out[j].Package
		}
		return out[i].Name < out[j].Name
	})
	return out
}
