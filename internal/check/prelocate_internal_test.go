package check

import (
	"slices"
	"testing"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/sbom"
	"github.com/open-policy-agent/opa/v1/ast"
)

// inputPointers finds the pointers of a policy input wherever they are
// (components, their parties, matches inside those), once each.
func TestInputPointers(t *testing.T) {
	v := ast.MustParseTerm(`{
		"components": [
			{"pointer": "/components/0", "parties": [{"pointer": "/components/0/supplier/name", "matches": [{"pointer": "/components/0/supplier/name"}]}]},
			{"pointer": "/components/1", "hashes": ["pointer"], "parties": {{"pointer": "/components/1/author"}}},
			{"pointer": "", "name": "no pointer"},
			{"pointer": 7}
		],
		"subject": {"pointer": "/metadata/component"}
	}`).Value
	got := inputPointers(v)
	slices.Sort(got)
	want := []string{"/components/0", "/components/0/supplier/name", "/components/1", "/components/1/author", "/metadata/component"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A finding whose pointer was placed during evaluation takes that place;
// the others are placed after it, in the input's bytes.
func TestLocateFindingsPrelocated(t *testing.T) {
	data := []byte("{\n  \"components\": [\n    {\"name\": \"a\"},\n    {\"name\": \"b\"}\n  ]\n}\n")
	p := &parsed{kind: KindSBOM, format: string(sbom.FormatCycloneDXJSON), data: data}
	pre := &prelocated{done: make(chan struct{}), places: map[string]sbom.Position{
		// Not where it is: a place taken from pre shows as this one.
		"/components/0": {Line: 40, Column: 2},
	}}
	close(pre.done)
	res := decision.Result{
		Violations: []decision.Violation{{Pointer: "/components/0"}, {Pointer: "/components/1/name"}},
		Reviews:    []decision.Violation{{Pointer: "/components/0"}, {Pointer: ""}},
	}
	if err := locateFindings(p, &res, pre); err != nil {
		t.Fatal(err)
	}
	got := [][2]int{}
	for _, v := range slices.Concat(res.Violations, res.Reviews) {
		got = append(got, [2]int{v.Line, v.Column})
	}
	want := [][2]int{{40, 2}, {4, 6}, {40, 2}, {0, 0}}
	if !slices.Equal(got, want) {
		t.Errorf("places %v, want %v", got, want)
	}
}
