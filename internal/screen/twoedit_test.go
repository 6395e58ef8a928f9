package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestTwoEditSurname: a long rare surname two letters from the list's
// spelling, with the given name as listed, is a possible match by the
// method "two-edit surname"; a short or common surname so far apart, or
// a given name that differs, is not.
func TestTwoEditSurname(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	ms := ix.Name(screen.Query{Name: "Yevgeniy Prigoschine", Kind: screen.KindPerson})
	found := false
	for _, m := range ms {
		if m.EntryName == "PRIGOZHIN, Yevgeniy Viktorovich" {
			found = true
			if m.Method != "two-edit surname" || opts.IsHit(m.Score) || !strings.Contains(m.Explain, "Damerau–Levenshtein distance 2") {
				t.Errorf("Yevgeniy Prigoschine: %s at %.3f (%s)", m.Method, m.Score, m.Explain)
			}
		}
	}
	if !found {
		t.Errorf("Yevgeniy Prigoschine: PRIGOZHIN not found in %d matches", len(ms))
	}
	for _, name := range []string{"Ivan Prigoschine", "Andrew Johnson", "Mark Mueller", "Yevgeniy Prigoshkina"} {
		for _, m := range ix.Name(screen.Query{Name: name, Kind: screen.KindPerson}) {
			if m.Method == "two-edit surname" {
				t.Errorf("%q: %s %q by two-edit surname at %.3f", name, m.EntryID, m.MatchedName, m.Score)
			}
		}
	}
}
