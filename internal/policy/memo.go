package policy

import (
	"maps"
	"slices"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The decision is a pure function of the bundle (its modules and data,
// fixed for an engine's lifetime) and of the parts of the input its rules
// read, as long as no rule calls a non-deterministic built-in function.
// Many inputs differ only in what no rule reads: two clean vendor records
// whose matches the policy input leaves out differ only in their digests.
// The engine therefore keeps the decisions of recent inputs, keyed by the
// input projected onto the paths the rules read (inputReads), and answers
// an input whose projection it has seen without evaluating again.

// Memo bounds: at most some 256 × (1,024 terms + 32 KiB) held.
const (
	// memoMaxEntries is how many decisions an engine keeps.
	memoMaxEntries = 256
	// memoMaxTerms is the most terms a projected input may hold to be
	// kept: large inputs (SBOMs) are rarely decided twice, and a key
	// holds on to its input.
	memoMaxTerms = 1024
	// memoMaxResult is the largest decision (its JSON) kept.
	memoMaxResult = 32 << 10
)

// readTree is the paths below input that a bundle's rules read, as a tree
// of object keys: a node without children is read whole.
type readTree map[string]readTree

// add records that path (the keys below input) is read: a path
// below one already read whole adds nothing, a shorter one replaces
// the longer ones.
func (t readTree) add(path []string) {
	for i, k := range path {
		child, ok := t[k]
		if ok && len(child) == 0 {
			return // read whole already
		}
		if i == len(path)-1 {
			t[k] = readTree{} // read whole from now on
			return
		}
		if !ok {
			child = readTree{}
			t[k] = child
		}
		t = child
	}
}

// inputReads returns the paths below input that the rules of modules (as
// parsed: the compiler assigns input to local variables) read
// (input.a.b, object.get(input, "a", …)), and false when some rule reads
// the input as a whole (a bare input, input[x] with x not a string
// constant, an import of input) or calls one of DeniedBuiltins (the
// non-deterministic ones, and those that read the clock), even where the
// limits allow it: then no projection of the input decides it.
func inputReads(modules map[string]*ast.Module) (readTree, bool) {
	reads := readTree{}
	whole := false
	denied := DeniedBuiltins()
	var visit func(x any) bool
	visit = func(x any) bool {
		if whole {
			return true
		}
		switch x := x.(type) {
		case ast.Ref:
			if !x[0].Equal(ast.InputRootDocument) {
				return false
			}
			var path []string
			for _, el := range x[1:] {
				s, ok := el.Value.(ast.String)
				if !ok {
					break
				}
				path = append(path, string(s))
			}
			if len(path) == 0 {
				whole = true
				return true
			}
			reads.add(path)
			for _, el := range x[1+len(path):] {
				ast.NewGenericVisitor(visit).Walk(el)
			}
			return true
		case *ast.Expr:
			if x.IsCall() && objectGetInput(x.Operator(), x.Operands()) {
				reads.add([]string{string(x.Operand(1).Value.(ast.String))})
				for _, t := range x.Operands()[2:] {
					ast.NewGenericVisitor(visit).Walk(t)
				}
				for _, w := range x.With {
					ast.NewGenericVisitor(visit).Walk(w)
				}
				return true
			}
		case ast.Call:
			if op, ok := x[0].Value.(ast.Ref); ok && objectGetInput(op, x[1:]) {
				reads.add([]string{string(x[2].Value.(ast.String))})
				for _, t := range x[3:] {
					ast.NewGenericVisitor(visit).Walk(t)
				}
				return true
			}
		case ast.Var:
			if x.Equal(ast.InputRootDocument.Value) {
				whole = true
				return true
			}
		}
		return false
	}
	for _, name := range slices.Sorted(maps.Keys(modules)) {
		for _, imp := range modules[name].Imports {
			if ref, ok := imp.Path.Value.(ast.Ref); ok && ref[0].Equal(ast.InputRootDocument) {
				return nil, false // read through an alias
			}
		}
		for _, r := range modules[name].Rules {
			if callsAny(r, denied) {
				return nil, false
			}
			ast.NewGenericVisitor(visit).Walk(r)
			if whole {
				return nil, false
			}
		}
	}
	return reads, true
}

// callsAny holds when rule r calls one of the built-in functions names.
func callsAny(r *ast.Rule, names map[string]string) bool {
	found := false
	ast.WalkExprs(r, func(e *ast.Expr) bool {
		if e.IsCall() {
			_, ok := names[e.Operator().String()]
			found = found || ok
		}
		return found
	})
	ast.WalkTerms(r, func(t *ast.Term) bool {
		if c, ok := t.Value.(ast.Call); ok && len(c) > 0 {
			_, ok := names[c[0].String()]
			found = found || ok
		}
		return found
	})
	return found
}

// objectGetInput holds for object.get(input, "key", …).
func objectGetInput(op ast.Ref, args []*ast.Term) bool {
	if !op.Equal(ast.ObjectGet.Ref()) || len(args) < 2 {
		return false
	}
	_, isString := args[1].Value.(ast.String)
	return isString && (args[0].Equal(ast.InputRootDocument) || args[0].Equal(ast.NewTerm(ast.InputRootRef)))
}

// projection is a readTree ready to project inputs with: its keys as
// terms, in order.
type projection []projectionKey

type projectionKey struct {
	key   *ast.Term
	under projection // nil: read whole
}

// projection returns t ready to project inputs with.
func (t readTree) projection() projection {
	out := make(projection, 0, len(t))
	for _, k := range slices.Sorted(maps.Keys(t)) {
		var under projection
		if len(t[k]) > 0 {
			under = t[k].projection()
		}
		out = append(out, projectionKey{key: ast.StringTerm(k), under: under})
	}
	return out
}

// project returns the parts of o that p names, sharing o's terms; a value
// that p reads into but that is not an object is kept whole.
func (p projection) project(o ast.Object) ast.Object {
	out := ast.NewObjectWithCapacity(len(p))
	for _, pk := range p {
		v := o.Get(pk.key)
		if v == nil {
			continue
		}
		if pk.under != nil {
			if obj, ok := v.Value.(ast.Object); ok {
				v = ast.NewTerm(pk.under.project(obj))
			}
		}
		out.Insert(pk.key, v)
	}
	return out
}

// memo holds the decisions (their raw result) of recent inputs, keyed by
// the projection of the input onto what the rules read.
type memo struct {
	reads   projection // nil: no memo (the rules read the input whole)
	mu      sync.Mutex
	entries map[int][]memoEntry
	size    int
}

type memoEntry struct {
	key ast.Value
	raw []byte
}

// newMemo returns the memo of the decisions of a bundle's modules, as
// parsed.
func newMemo(modules map[string]*ast.Module) *memo {
	reads, ok := inputReads(modules)
	if !ok {
		return &memo{}
	}
	return &memo{reads: reads.projection(), entries: map[int][]memoEntry{}}
}

// key is the projection of input the memo keys its decision by; nil when
// the decision of input is not kept (no memo, not an object, too large).
func (m *memo) key(input ast.Value) ast.Value {
	obj, ok := input.(ast.Object)
	if m.reads == nil || !ok {
		return nil
	}
	key := m.reads.project(obj)
	terms := 0
	ast.WalkTerms(key, func(*ast.Term) bool {
		terms++
		return terms > memoMaxTerms
	})
	if terms > memoMaxTerms {
		return nil
	}
	return key
}

// get returns the raw result kept for key, nil when none is.
func (m *memo) get(key ast.Value) []byte {
	if key == nil {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range m.entries[key.Hash()] {
		if e.key.Compare(key) == 0 {
			return e.raw
		}
	}
	return nil
}

// put keeps the raw result of key; when the memo is full it starts again
// empty (the decisions repeated most are kept again at once).
func (m *memo) put(key ast.Value, raw []byte) {
	if key == nil || len(raw) > memoMaxResult {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.size >= memoMaxEntries {
		clear(m.entries)
		m.size = 0
	}
	h := key.Hash()
	for _, e := range m.entries[h] {
		if e.key.Compare(key) == 0 {
			return
		}
	}
	m.entries[h] = append(m.entries[h], memoEntry{key: key, raw: raw})
	m.size++
}
