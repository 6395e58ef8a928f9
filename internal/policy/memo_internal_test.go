package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/bangate/bangate/policies"
)

func TestInputReads(t *testing.T) {
	tests := []struct {
		name, module string
		want         string // reads as JSON; "" when the input is read whole
	}{
		{"paths", "package p\na := input.x.y\nb := input.z\nc if input.x.w[_] == 1", `{"x":{"w":{},"y":{}},"z":{}}`},
		{"a path read whole covers the longer ones", "package p\na := input.x.y\nb := input.x\nc := input.x.z", `{"x":{}}`},
		{"object.get with a constant key", "package p\na contains v if some v in object.get(input, \"vs\", [])\nb := object.get(input, \"c\", {}).d", `{"c":{},"vs":{}}`},
		{"a variable key stops the path", "package p\na contains v if { some k; v := input.x[k].y }", `{"x":{}}`},
		{"input in a function argument", "package p\nf(x) := x.a\nb := f(input.s)", `{"s":{}}`},
		{"bare input", "package p\na := input", ""},
		{"input passed whole", "package p\na := json.marshal(input)", ""},
		{"input with a variable key", "package p\na contains v if { some k; v := input[k] }", ""},
		{"object.get with a variable key", "package p\na contains v if { some k in [\"x\"]; v := object.get(input, k, 0) }", ""},
		{"import of input", "package p\nimport input.x as y\na := y.z", ""},
		{"with input", "package p\nb := input.q\na if { b == 1 with input as {\"q\": 1} }", ""},
		{"non-deterministic built-in", "package p\na := time.now_ns()\nb := input.x", ""},
		{"built-in that reads the clock", "package p\na := crypto.x509.parse_and_verify_certificates(input.x)", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := ast.MustParseModule(tc.module)
			reads, ok := inputReads(map[string]*ast.Module{"p.rego": m})
			if tc.want == "" {
				if ok {
					t.Fatalf("reads %v, want the input read whole", reads)
				}
				return
			}
			if !ok {
				t.Fatalf("input read whole, want %s", tc.want)
			}
			got, err := json.Marshal(reads)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("reads %s, want %s", got, tc.want)
			}
		})
	}
}

func TestProject(t *testing.T) {
	reads := readTree{"a": {}, "s": {"path": {}}, "n": {"deep": {}}}
	in := ast.MustParseTerm(`{"a": [1, {"b": 2}], "s": {"path": "p", "sha256": "x"}, "n": 3, "other": true}`).Value.(ast.Object)
	want := ast.MustParseTerm(`{"a": [1, {"b": 2}], "s": {"path": "p"}, "n": 3}`).Value
	if got := reads.projection().project(in); got.Compare(want) != 0 {
		t.Errorf("project = %v, want %v", got, want)
	}
}

func TestMemoKeepsAndBounds(t *testing.T) {
	m := newMemo(map[string]*ast.Module{"p.rego": ast.MustParseModule("package p\na := input.x")})
	k1 := m.key(ast.MustParseTerm(`{"x": 1, "y": 1}`).Value)
	k2 := m.key(ast.MustParseTerm(`{"x": 1, "y": 2}`).Value)
	k3 := m.key(ast.MustParseTerm(`{"x": 2, "y": 1}`).Value)
	if k1.Compare(k2) != 0 || k1.Compare(k3) == 0 {
		t.Fatalf("keys %v %v %v: want the first two equal, the third different", k1, k2, k3)
	}
	m.put(k1, []byte("one"))
	if got := m.get(k2); string(got) != "one" {
		t.Errorf("get(k2) = %q, want one", got)
	}
	if got := m.get(k3); got != nil {
		t.Errorf("get(k3) = %q, want none", got)
	}
	if got := m.key(ast.NewArray()); got != nil {
		t.Errorf("key of an array = %v, want none", got)
	}
	big := ast.NewArray()
	for i := range memoMaxTerms {
		big = big.Append(ast.InternedTerm(i))
	}
	if got := m.key(ast.NewObject(ast.Item(ast.StringTerm("x"), ast.NewTerm(big)))); got != nil {
		t.Errorf("key of a large input kept")
	}
	for i := range memoMaxEntries + 1 {
		m.put(m.key(ast.NewObject(ast.Item(ast.StringTerm("x"), ast.InternedTerm(i+10)))), []byte("x"))
	}
	if m.size > memoMaxEntries {
		t.Errorf("memo holds %d entries, over %d", m.size, memoMaxEntries)
	}
	m.put(m.key(ast.MustParseTerm(`{"x": "large"}`).Value), make([]byte, memoMaxResult+1))
	if got := m.get(m.key(ast.MustParseTerm(`{"x": "large"}`).Value)); got != nil {
		t.Errorf("a large decision kept")
	}
	none := newMemo(map[string]*ast.Module{"p.rego": ast.MustParseModule("package p\na := input")})
	if got := none.key(ast.MustParseTerm(`{"x": 1}`).Value); got != nil {
		t.Errorf("key %v with the input read whole, want none", got)
	}
}

// A decision kept in the memo is the decision evaluated again: for an
// input that differs only where no rule reads, and for one that differs
// where a user's rule reads, even deep in the input.
func TestMemoDecisions(t *testing.T) {
	dir := t.TempDir()
	rule := "package bangate.rules.mine\n\ndeny contains {\"rule\": \"r\", \"severity\": \"high\", \"message\": input.source.sha256, \"subject\": {\"kind\": \"document\"}} if input.source.sha256 == \"bad\"\n"
	if err := os.WriteFile(filepath.Join(dir, "mine.rego"), []byte(rule), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	e, err := New(ctx, Options{BuiltIn: policies.FS, UserDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	input := func(sha, other string) ast.Value {
		return ast.MustParseTerm(fmt.Sprintf(`{"kind": "sbom", "as_of": "2026-11-27T00:00:00Z", "profile": "federal-contractor",
			"source": {"path": "x", "sha256": %q, "unread": %q}, "subject": {"parties": []}, "components": [], "vendors": [],
			"lists": {}, "warnings": [], "coverage": {"components": 0, "unattributed_count": 0, "unattributed": []}}`, sha, other)).Value
	}
	for i, tc := range []struct {
		sha, other, want string
	}{
		{"good", "1", "pass"}, {"good", "2", "pass"}, {"bad", "1", "fail"}, {"bad", "2", "fail"}, {"good", "3", "pass"},
	} {
		res, err := e.Evaluate(ctx, input(tc.sha, tc.other))
		if err != nil {
			t.Fatal(err)
		}
		if string(res.Outcome) != tc.want {
			t.Errorf("%d: outcome %s, want %s", i, res.Outcome, tc.want)
		}
		if tc.want == "fail" {
			if len(res.Violations) != 1 || res.Violations[0].Message != "bad" {
				t.Fatalf("%d: violations %+v", i, res.Violations)
			}
			res.Violations[0].Message = "changed by the caller"
		}
	}
	if e.memo.size != 2 {
		t.Errorf("memo holds %d decisions, want 2", e.memo.size)
	}
}
