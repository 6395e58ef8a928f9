package screen

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// TestPrefilters: the filters an index builds once hold what they
// filter: every text of the vocabulary and every legal form
// (segmentWords), every start of every brand word, with the brands of the
// whole word (brandHeads), and every word the brand tables hold
// (brandWords).
func TestPrefilters(t *testing.T) {
	t.Parallel()
	ls := []*lists.List{
		{Provenance: provenance.List{ID: "l", Kind: provenance.KindSanctions}, Entries: []lists.Entry{
			{ID: "1", Name: "MAKHLOUF, Rami", Type: "individual"},
			{ID: "2", Name: "Banco Nacional de Cuba", Type: "entity"},
			{ID: "3", Name: "AO Nauchno-Proizvodstvennoe Predpriyatie Salyut", Type: "entity"},
		}},
		{Provenance: provenance.List{ID: "b", Kind: provenance.KindBan}, Entries: []lists.Entry{
			{ID: "k", Name: "Kaspersky Lab", Type: "entity", Brands: []string{"kaspersky", "kasper", "hikvision digital"}},
		}},
	}
	ix, err := NewIndex(ls, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	f := ix.segmentWords()
	for _, w := range ix.dict.texts {
		if !f.mayHold([]byte(w)) {
			t.Errorf("segmentWords: mayHold(%q) = false for a listed word", w)
		}
	}
	for w := range legalForms {
		if !f.mayHold([]byte(w)) {
			t.Errorf("segmentWords: mayHold(%q) = false for a legal form", w)
		}
	}
	// The company words whose forms listed names hold, each in the
	// filter of them: "scientific" for NAUCHNO.
	cf := ix.companyForms()
	if lf := cf.forms["scientific"]; len(lf.keys) == 0 || lf.least <= 0 {
		t.Errorf("companyForms: scientific's listed forms %+v, want a key and its weight", lf)
	}
	for w := range cf.forms {
		if !cf.filter.mayHold([]byte(w)) {
			t.Errorf("companyForms: mayHold(%q) = false for a word with listed forms", w)
		}
	}
	heads := ix.brandHeads()
	if len(ix.brands) == 0 {
		t.Fatal("no brands indexed")
	}
	for w, bs := range ix.brands {
		for l := minGluedCore; l <= len(w); l++ {
			got, ok := heads[w[:l]]
			if !ok {
				t.Errorf("brandHeads has no %q, a start of %q", w[:l], w)
				continue
			}
			if want := ix.brands[w[:l]]; len(got) != len(want) {
				t.Errorf("brandHeads[%q] holds %d brands, want %d", w[:l], len(got), len(want))
			}
		}
		if len(bs) == 0 {
			t.Errorf("brands[%q] is empty", w)
		}
	}
	for h := range heads {
		found := false
		for w := range ix.brands {
			found = found || strings.HasPrefix(w, h)
		}
		if !found {
			t.Errorf("brandHeads holds %q, which begins no brand word", h)
		}
	}
	bw := ix.brandWords()
	for _, m := range []map[string][]brand{ix.brands, ix.brandKeys, heads} {
		for w := range m {
			if !bw.mayHold([]byte(w)) {
				t.Errorf("brandWords: mayHold(%q) = false for a word brandMatches looks up", w)
			}
		}
	}
	if len(ix.brandKeys) == 0 {
		t.Error("no brand keys indexed")
	}
}

// TestMayBeBrandKey: the key of a word may be a brand's key when it
// begins with a letter a brand's key begins with, and is not otherwise.
func TestMayBeBrandKey(t *testing.T) {
	t.Parallel()
	ix, _ := tablesFixture(t) // the brand "kaspersky"
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"kasperskiy", true},
		{"khasperskiy", true}, // kh → h: the rule's, kept
		{"casperskiy", true},  // c → k
		{"qasperskiy", true},  // q → k
		{"xasperskiy", true},  // x → ks
		{"zasperskiy", false},
		{"bogdanovich", false},
		{"oleksandrovych", true}, // an East Slavic form, read by its table
	} {
		if got := ix.mayBeBrandKey([]byte(tt.word)); got != tt.want {
			t.Errorf("mayBeBrandKey(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
