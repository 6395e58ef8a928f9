package check

import (
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/sbom"
)

// The policy input is built as OPA values directly, never through a JSON
// round trip: OPA's cost grows with the input, and converting Go maps or
// JSON into ast values is most of it.

type objBuilder struct{ items [][2]*ast.Term }

func (b *objBuilder) str(k, v string) *objBuilder {
	b.items = append(b.items, ast.Item(ast.StringTerm(k), ast.StringTerm(v)))
	return b
}

// strOpt adds k only when v is not empty.
func (b *objBuilder) strOpt(k, v string) *objBuilder {
	if v != "" {
		b.str(k, v)
	}
	return b
}

// strsOpt adds k only when vs is not empty: a match carries the detail
// fields that apply to it, so that a record written before they existed
// replays to the same match.
func (b *objBuilder) strsOpt(k string, vs []string) *objBuilder {
	if len(vs) > 0 {
		b.val(k, strArray(vs))
	}
	return b
}

func (b *objBuilder) num(k string, v float64) *objBuilder {
	b.items = append(b.items, ast.Item(ast.StringTerm(k), ast.FloatNumberTerm(v)))
	return b
}

func (b *objBuilder) int(k string, v int) *objBuilder {
	b.items = append(b.items, ast.Item(ast.StringTerm(k), ast.IntNumberTerm(v)))
	return b
}

func (b *objBuilder) val(k string, v ast.Value) *objBuilder {
	b.items = append(b.items, ast.Item(ast.StringTerm(k), ast.NewTerm(v)))
	return b
}

func (b *objBuilder) obj() ast.Object { return ast.NewObject(b.items...) }

// hashesOpt adds k, the hashes as waivers select them ("ALG:HEX",
// decision.HashSelector), only when there are any.
func (b *objBuilder) hashesOpt(k string, hs []sbom.Hash) *objBuilder {
	if len(hs) == 0 {
		return b
	}
	out := make([]string, 0, len(hs))
	for _, h := range hs {
		if h.Value != "" {
			out = append(out, decision.HashSelector(h.Algorithm, h.Value))
		}
	}
	if len(out) > 0 {
		b.val(k, strArray(out))
	}
	return b
}

func strArray(ss []string) *ast.Array {
	terms := make([]*ast.Term, len(ss))
	for i, s := range ss {
		terms[i] = ast.StringTerm(s)
	}
	return ast.NewArray(terms...)
}

func objArray(objs []ast.Object) *ast.Array {
	terms := make([]*ast.Term, len(objs))
	for i, o := range objs {
		terms[i] = ast.NewTerm(o)
	}
	return ast.NewArray(terms...)
}

// matchValue is the match object of the input contract.
func matchValue(f Found) ast.Object {
	b := &objBuilder{}
	b.str("entry_type", f.EntryType).val("linked_to", strArray(nonNil(f.LinkedTo)))
	b.str("list", f.List).str("entry_id", f.EntryID).str("entry_name", f.EntryName).
		str("matched_name", f.MatchedName).str("matched_on", f.MatchedOn).num("score", f.Score).
		str("method", f.Method).val("programs", strArray(nonNil(f.Programs))).
		strOpt("explain", f.Explain).
		str("signal", f.Signal).str("value", f.Value).str("pointer", f.Pointer).str("confidence", f.Confidence).
		strOpt("basis", f.Basis).strOpt("contradiction", f.Contradiction).
		strsOpt("missing", f.Missing).strsOpt("corroboration", f.Corroboration).strsOpt("namesakes", f.Namesakes).
		strsOpt("dates_of_birth", f.DatesOfBirth).strsOpt("nationalities", f.Nationalities)
	if f.NameWords > 0 {
		b.int("name_words", f.NameWords)
	}
	if f.Spelt {
		b.val("spelt", ast.Boolean(true))
	}
	return b.obj()
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// settingsValue is input.settings: the configuration policies read.
func (s *Session) settingsValue() ast.Object {
	embargo := s.plan.Embargo
	if embargo == "" {
		embargo = "deny"
	}
	return (&objBuilder{}).str("embargo", embargo).obj()
}
