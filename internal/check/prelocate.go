package check

import (
	"github.com/bangate/bangate/sbom"
	"github.com/open-policy-agent/opa/v1/ast"
)

// prelocateFrom is the input size from which the pointers of the policy
// input are placed while the policies are evaluated (startPrelocate): the
// placing reads the whole text, a second core's work beside evaluation.
const prelocateFrom = streamFrom

// prelocated is the placing of the pointers a policy input holds, started
// beside the evaluation of that input: a finding's pointer is one of them,
// unless a policy made it up, so that after evaluation only the
// findings' other pointers are left to place.
type prelocated struct {
	done chan struct{}
	// places maps each pointer placed to its place; it is the caller's
	// once done is closed.
	places map[string]sbom.Position
	err    error
}

// startPrelocate starts placing every pointer of the policy input value
// of p (the string values of its members named "pointer") in p's bytes,
// for an SBOM of prelocateFrom bytes or more; nil otherwise. The caller
// must wait (prelocated.wait) before p's bytes are let go.
func startPrelocate(p *parsed, value ast.Value) *prelocated {
	if p.kind != KindSBOM || p.data == nil || len(p.data) < prelocateFrom {
		return nil
	}
	ptrs := inputPointers(value)
	if len(ptrs) == 0 {
		return nil
	}
	pl := &prelocated{done: make(chan struct{}), places: make(map[string]sbom.Position, len(ptrs))}
	go func() {
		defer close(pl.done)
		pl.err = placeInto(pl.places, p, ptrs)
	}()
	return pl
}

// placeInto places ptrs in p's bytes (locateIn) and records each place in
// places; none when the format has no places.
func placeInto(places map[string]sbom.Position, p *parsed, ptrs []string) error {
	at, err := locateIn(p, ptrs)
	if at != nil {
		for i, ptr := range ptrs {
			places[ptr] = at[i]
		}
	}
	return err
}

// wait waits for the placing to end; nil waits for nothing.
func (pl *prelocated) wait() {
	if pl != nil {
		<-pl.done
	}
}

// inputPointers returns, once each and in the order met, the string
// values of the members named "pointer" anywhere in v.
func inputPointers(v ast.Value) []string {
	seen := map[string]bool{}
	var out []string
	key := ast.InternedTerm("pointer")
	var walk func(ast.Value)
	walk = func(v ast.Value) {
		switch x := v.(type) {
		case ast.Object:
			if t := x.Get(key); t != nil {
				if s, ok := t.Value.(ast.String); ok && s != "" && !seen[string(s)] {
					seen[string(s)] = true
					out = append(out, string(s))
				}
			}
			x.Foreach(func(_, t *ast.Term) { walk(t.Value) })
		case *ast.Array:
			x.Foreach(func(t *ast.Term) { walk(t.Value) })
		case ast.Set:
			x.Foreach(func(t *ast.Term) { walk(t.Value) })
		}
	}
	walk(v)
	return out
}
