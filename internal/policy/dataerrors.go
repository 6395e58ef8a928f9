package policy

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/dependencies"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
)

// DataErrorsRule is the rule that holds the defects of the bundle's list
// and profile data (data.bangate.lib.lists.data_errors). It depends on the
// data alone, which is fixed for an engine's lifetime, so the engine
// evaluates it once, when it compiles the bundle, rather than on every
// evaluation, where it cost more than half of a small input's time.
const DataErrorsRule = "data.bangate.lib.lists.data_errors"

// decisionQuery returns the decision query (Query), with the value of
// DataErrorsRule computed once and given to it (`with … as <value>`)
// when the bundle defines the rule and no rule it depends on, however
// indirectly, refers to the input. Otherwise, or when the evaluation
// fails (a builtin error then surfaces on every evaluation, as without
// this), the plain query.
func decisionQuery(ctx context.Context, compiler *ast.Compiler, store storage.Store, caps *ast.Capabilities) ast.Body {
	plain := ast.MustParseBody(Query)
	ref := ast.MustParseRef(DataErrorsRule)
	if len(compiler.GetRules(ref)) == 0 {
		return plain
	}
	deps, err := dependencies.Base(compiler, ref)
	if err != nil {
		return plain
	}
	for _, d := range deps {
		if d.HasPrefix(ast.InputRootRef) {
			return plain
		}
	}
	pq, err := rego.New(
		rego.ParsedQuery(ast.NewBody(ast.NewExpr(ast.NewTerm(ref)))),
		rego.Compiler(compiler),
		rego.Store(store),
		rego.StoreReadAST(true),
		rego.StrictBuiltinErrors(true),
		rego.Capabilities(caps),
	).PrepareForEval(ctx)
	if err != nil {
		return plain
	}
	rs, err := pq.Eval(ctx, rego.EvalParsedInput(ast.NewObject()))
	if err != nil || len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return plain
	}
	v, err := ast.InterfaceToValue(rs[0].Expressions[0].Value)
	arr, ok := v.(*ast.Array)
	if err != nil || !ok {
		return plain
	}
	// A set comes out of the evaluation as an array: make it a set again,
	// the rule's kind.
	set := ast.NewSet()
	arr.Foreach(set.Add)
	expr := plain[0].Copy()
	expr.With = []*ast.With{{Target: ast.NewTerm(ref), Value: ast.NewTerm(set)}}
	return ast.NewBody(expr)
}
