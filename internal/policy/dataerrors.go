package policy

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/dependencies"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// DataErrorsRule is the rule that holds the defects of the bundle's list
// and profile data (data.bangate.lib.lists.data_errors). It depends on the
// data alone, which is fixed for an engine's lifetime, so the engine
// evaluates it once, when it compiles the bundle, rather than on every
// evaluation, where it cost more than half of a small input's time.
const DataErrorsRule = "data.bangate.lib.lists.data_errors"

// PrecomputedRules returns the rules the engine evaluates once, when it
// compiles the bundle, and gives to every evaluation of the decision
// (`with … as <value>`), when the bundle defines them on the data alone:
// the defects of the list and profile data (DataErrorsRule) and of the
// ban lists' linked designations, the ban lists by id, the entries with
// linked designations, and the embargo regions' name patterns. Each
// would otherwise be computed again for every input.
func PrecomputedRules() []string {
	return []string{
		DataErrorsRule,
		"data.bangate.lib.lists.ban_lists",
		"data.bangate.rules.sdn_linked.data_errors",
		"data.bangate.rules.sdn_linked.designated",
		"data.bangate.rules.procurement.region_patterns",
	}
}

// decisionQuery returns the decision query (Query), with the value of
// each of PrecomputedRules computed once and given to it (`with … as
// <value>`) when the bundle defines the rule and no rule it depends on,
// however indirectly, refers to the input or calls a non-deterministic
// builtin. Otherwise, or when the evaluation fails (a builtin error then
// surfaces on every evaluation, as without this), that rule is computed
// by every evaluation.
func decisionQuery(ctx context.Context, compiler *ast.Compiler, store storage.Store, caps *ast.Capabilities) ast.Body {
	plain := ast.MustParseBody(Query)
	var with []*ast.With
	for _, name := range PrecomputedRules() {
		ref := ast.MustParseRef(name)
		if v := precompute(ctx, compiler, store, caps, ref); v != nil {
			with = append(with, &ast.With{Target: ast.NewTerm(ref), Value: v})
		}
	}
	if len(with) == 0 {
		return plain
	}
	expr := plain[0].Copy()
	expr.With = with
	return ast.NewBody(expr)
}

// precompute evaluates the rule ref on no input; nil when the rule is
// not defined, depends on the input or on a non-deterministic builtin,
// is undefined or fails.
func precompute(ctx context.Context, compiler *ast.Compiler, store storage.Store, caps *ast.Capabilities, ref ast.Ref) *ast.Term {
	rules := compiler.GetRules(ref)
	if len(rules) == 0 {
		return nil
	}
	deps, err := dependencies.Base(compiler, ref)
	if err != nil {
		return nil
	}
	for _, d := range deps {
		if d.HasPrefix(ast.InputRootRef) {
			return nil
		}
	}
	virtual, err := dependencies.Virtual(compiler, ref)
	if err != nil {
		return nil
	}
	for _, v := range virtual {
		rules = append(rules, compiler.GetRules(v)...)
	}
	for _, r := range rules {
		if nondeterministic(r, caps) {
			return nil
		}
	}
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return nil
	}
	defer store.Abort(ctx, txn)
	x := ast.VarTerm("x")
	rs, err := topdown.NewQuery(ast.NewBody(ast.Equality.Expr(x, ast.NewTerm(ref)))).
		WithCompiler(compiler).WithStore(store).WithTransaction(txn).
		WithInput(ast.NewTerm(ast.NewObject())).WithStrictBuiltinErrors(true).
		Run(ctx)
	if err != nil || len(rs) != 1 {
		return nil
	}
	return rs[0][x.Value.(ast.Var)]
}

// nondeterministic says whether rule r calls a builtin whose result may
// differ between evaluations (time.now_ns, rand.intn, http.send, …).
func nondeterministic(r *ast.Rule, caps *ast.Capabilities) bool {
	nd := func(op string) bool {
		for _, b := range caps.Builtins {
			if b.Name == op && b.Nondeterministic {
				return true
			}
		}
		return false
	}
	found := false
	ast.WalkExprs(r, func(e *ast.Expr) bool {
		found = found || (e.IsCall() && nd(e.Operator().String()))
		return found
	})
	ast.WalkTerms(r, func(t *ast.Term) bool {
		if c, ok := t.Value.(ast.Call); ok && len(c) > 0 {
			found = found || nd(c[0].String())
		}
		return found
	})
	return found
}
