package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
)

// TestTwoEditNames: a long rare surname, or a given name beside a rare
// surname, two letters from the list's spelling, the rest of the name as
// listed, is a possible match by its own method; a name one edit apart
// (scoring's), a given name for a surname, another given name, or a
// surname too far apart in length is not.
func TestTwoEditNames(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ name, entry, method string }{
		{"Yevgeniy Prigoschine", "PRIGOZHIN, Yevgeniy Viktorovich", "two-edit surname"},
		{"Evgueni Prigojine", "PRIGOZHIN, Yevgeniy Viktorovich", "two-edit given name"},
	} {
		found := false
		for _, m := range ix.Name(screen.Query{Name: tt.name, Kind: screen.KindPerson}) {
			if m.EntryName != tt.entry {
				continue
			}
			found = true
			if m.Method != tt.method || opts.IsHit(m.Score) || !strings.Contains(m.Explain, "Damerau–Levenshtein distance 2") {
				t.Errorf("%q: %s at %.3f (%s), want %s at review", tt.name, m.Method, m.Score, m.Explain, tt.method)
			}
		}
		if !found {
			t.Errorf("%q: %s not found", tt.name, tt.entry)
		}
	}
	for _, name := range []string{"Ivan Prigoschine", "Andrew Johnson", "Mark Mueller", "John Morris", "Barbara Roberts", "Dmitri Kuznetsova", "Андрей Тихонов"} {
		for _, m := range ix.Name(screen.Query{Name: name, Kind: screen.KindPerson}) {
			if strings.HasPrefix(m.Method, "two-edit") {
				t.Errorf("%q: %s %q by %s at %.3f", name, m.EntryID, m.MatchedName, m.Method, m.Score)
			}
		}
	}
}

// TestTwoEditNameWithoutFamilyName: in a list that writes a person's name
// without saying which word is the family name, one word two letters
// apart beside a rare one that agrees is a possible match ("two-edit
// name").
func TestTwoEditNameWithoutFamilyName(t *testing.T) {
	t.Parallel()
	own := &lists.List{Provenance: provenance.List{ID: "own", Kind: provenance.KindSanctions, Entries: 1},
		Entries: []lists.Entry{{ID: "1", List: "own", Name: "Michel Obama", Type: "individual"}}}
	ix := newIndex(t, sdnList(t), own)
	for _, m := range ix.Name(screen.Query{Name: "Michelle Obama", Kind: screen.KindPerson}) {
		if m.List == "own" {
			if m.Method != "two-edit name" || ix.Options().IsHit(m.Score) {
				t.Errorf("Michelle Obama: %s at %.3f", m.Method, m.Score)
			}
			return
		}
	}
	t.Error("Michelle Obama: Michel Obama not found")
}
