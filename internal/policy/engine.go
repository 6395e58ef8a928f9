package policy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/version"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
)

// Query is the only query the engine evaluates.
const Query = "data.bangate.decision.result"

// Options configure an Engine.
type Options struct {
	// BuiltIn is the embedded bundle (nil to run only user policies).
	BuiltIn fs.FS
	// UserDirs are the user's policy and data directories.
	UserDirs []string
	// Waivers are placed at data.bangate.waivers.
	Waivers []map[string]any
	// Limits bound the policies' built-in functions, time and memory.
	Limits Limits
}

// Engine evaluates input documents against a compiled bundle.
type Engine struct {
	pq      rego.PreparedEvalQuery
	query   ast.Body // the decision query pq was prepared from
	waivers rego.PreparedEvalQuery
	bundle  *Bundle
	limits  Limits
	memo    *memo // decisions of recent inputs (memo.go)
	digest  string
}

// WaiverQuery is the query whose value is every problem with the waivers
// loaded (lib/waivers.rego): a set of {code, message}.
const WaiverQuery = "data.bangate.lib.waivers.errors"

// OPAVersion is the version of the embedded OPA.
func OPAVersion() string { return version.Version }

// New loads and compiles the bundle once and prepares the decision query.
func New(ctx context.Context, opts Options) (*Engine, error) {
	origins, err := Origins(opts.BuiltIn, opts.UserDirs)
	if err != nil {
		return nil, err
	}
	b, err := LoadOrigins(origins, false)
	if err != nil {
		return nil, err
	}
	return NewFromBundle(ctx, b, opts.Waivers, opts.Limits)
}

// NewFromBundle compiles an already loaded bundle with the capabilities
// the limits allow (Capabilities), and prepares the decision query and
// the waiver query.
func NewFromBundle(ctx context.Context, b *Bundle, waivers []map[string]any, limits Limits) (*Engine, error) {
	limits = limits.withDefaults()
	caps, err := Capabilities(limits.AllowBuiltins)
	if err != nil {
		return nil, err
	}
	docs := maps.Clone(b.Documents)
	if waivers != nil {
		bg, _ := docs["bangate"].(map[string]any)
		if bg == nil {
			bg = map[string]any{}
		} else {
			bg = maps.Clone(bg)
		}
		if _, ok := bg["waivers"]; ok {
			return nil, errors.New("load waivers: data.bangate.waivers is already set by a policy directory")
		}
		ws := make([]any, len(waivers))
		for i, w := range waivers {
			ws[i] = w
		}
		bg["waivers"] = ws
		docs["bangate"] = bg
	}
	// Round-trip the documents through JSON so the store holds plain JSON
	// types (json.Number for numbers, as OPA requires).
	raw, err := json.Marshal(docs)
	if err != nil {
		return nil, fmt.Errorf("encode policy data: %w", err)
	}
	var plain map[string]any
	if err := decodeJSON(raw, &plain); err != nil {
		return nil, fmt.Errorf("encode policy data: %w", err)
	}
	// The store converts the documents to AST values once, here: read as
	// Go values, every evaluation would convert what it reads again.
	store := inmem.NewFromObjectWithOpts(plain, inmem.OptRoundTripOnWrite(false), inmem.OptReturnASTValuesOnRead(true))

	compiler := ast.NewCompiler().WithStrict(false).WithEnablePrintStatements(false).WithCapabilities(caps)
	modules := map[string]*ast.Module{}
	for _, k := range slices.Sorted(maps.Keys(b.Modules)) {
		modules[k] = b.Modules[k]
	}
	if err := deniedCalls(modules, caps); err != nil {
		return nil, err
	}
	compiler.Compile(modules)
	if compiler.Failed() {
		return nil, fmt.Errorf("compile policies: %w", oneLine(compiler.Errors))
	}
	if err := checkRulePackages(modules); err != nil {
		return nil, err
	}
	prepare := func(query ast.Body) (rego.PreparedEvalQuery, error) {
		pq, err := rego.New(
			rego.ParsedQuery(query),
			rego.Compiler(compiler),
			rego.Store(store),
			rego.StoreReadAST(true),
			rego.StrictBuiltinErrors(true),
			rego.Capabilities(caps),
		).PrepareForEval(ctx)
		if err != nil {
			return pq, fmt.Errorf("prepare policies: %w", oneLine(err))
		}
		return pq, nil
	}
	e := &Engine{bundle: b, limits: limits, memo: newMemo(modules), digest: b.Digest()}
	e.query = decisionQuery(ctx, compiler, store, caps)
	if e.pq, err = prepare(e.query); err != nil {
		return nil, err
	}
	if e.waivers, err = prepare(ast.MustParseBody(WaiverQuery)); err != nil {
		return nil, err
	}
	return e, nil
}

// WaiverErrors evaluates the bundle's own checks of the waivers loaded
// (WaiverQuery), which need no input: a waiver of a rule that requires a
// licence without one, a malformed selector. It returns their messages,
// sorted; none when the bundle has no such checks.
func (e *Engine) WaiverErrors(ctx context.Context) ([]string, error) {
	rs, err := e.eval(ctx, e.waivers, ast.NewObject())
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, nil
	}
	errs, ok := rs[0].Expressions[0].Value.([]any)
	if !ok {
		return nil, fmt.Errorf("evaluate waivers: %s is not a set", WaiverQuery)
	}
	var out []string
	for _, x := range errs {
		m, _ := x.(map[string]any)
		msg, _ := m["message"].(string)
		if msg == "" {
			return nil, fmt.Errorf("evaluate waivers: %s holds %v, not {code, message}", WaiverQuery, x)
		}
		out = append(out, msg)
	}
	slices.Sort(out)
	return out, nil
}

// eval evaluates a prepared query on input under the engine's time and
// memory limits.
func (e *Engine) eval(ctx context.Context, pq rego.PreparedEvalQuery, input ast.Value) (rego.ResultSet, error) {
	g := watch(ctx, e.limits)
	rs, err := pq.Eval(ctx, rego.EvalParsedInput(input), rego.EvalExternalCancel(g.cancel))
	grown, why := g.finish()
	if why != nil && err != nil {
		return nil, limitError(why, e.limits, grown)
	}
	if err != nil {
		return nil, fmt.Errorf("evaluate policies: %w", oneLine(err))
	}
	return rs, nil
}

// Limits are the engine's limits, defaults filled.
func (e *Engine) Limits() Limits { return e.limits }

// Files lists the bundle's files with their digests.
func (e *Engine) Files() []provenance.File { return slices.Clone(e.bundle.Files) }

// Content is the bytes of one of Files, as compiled; nil for a file not
// in the bundle.
func (e *Engine) Content(f provenance.File) []byte { return e.bundle.Contents[f] }

// Digest is the bundle digest over every file (computed once: the
// bundle is fixed for the engine's lifetime).
func (e *Engine) Digest() string { return e.digest }

// Profiles are the obligation profiles the bundle defines.
func (e *Engine) Profiles() []string { return e.bundle.Profiles() }

// Evaluate runs the decision query on one input document, under the
// engine's time and memory limits (Limits), or answers it from the
// decisions of recent inputs when one read the same as input wherever a
// rule reads (memo.go). An undefined result, a builtin
// error, a limit reached or a malformed violation is an error: a check
// that could not be made is never a pass.
func (e *Engine) Evaluate(ctx context.Context, input ast.Value) (decision.Result, error) {
	key := e.memo.key(input)
	if raw := e.memo.get(key); raw != nil {
		return parseResult(raw)
	}
	rs, err := e.eval(ctx, e.pq, input)
	if err != nil {
		return decision.Result{}, err
	}
	if len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return decision.Result{}, fmt.Errorf("evaluate policies: %s is undefined (a rule errored or the bundle has no decision package)", Query)
	}
	raw, err := json.Marshal(rs[0].Expressions[0].Value)
	if err != nil {
		return decision.Result{}, fmt.Errorf("read decision: %w", err)
	}
	res, err := parseResult(raw)
	if err == nil {
		e.memo.put(key, raw)
	}
	return res, err
}

// checkRulePackages refuses deny, review and warn rules the decision would
// never gather: those of a package nested more than one level below
// bangate.rules ("bangate.rules.a.b"), which would otherwise be silently
// ignored.
func checkRulePackages(modules map[string]*ast.Module) error {
	for _, name := range slices.Sorted(maps.Keys(modules)) {
		m := modules[name]
		path := m.Package.Path
		if len(path) <= 4 || !path[:3].Equal(ast.MustParseRef("data.bangate.rules")) {
			continue
		}
		for _, r := range m.Rules {
			switch r.Head.Name.String() {
			case "deny", "review", "warn":
				return fmt.Errorf("compile policies: %s: package %s defines %s, but only packages directly below bangate.rules are evaluated (rename it bangate.rules.<set>)",
					name, path, r.Head.Name)
			}
		}
	}
	return nil
}
