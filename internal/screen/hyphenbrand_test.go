package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestHyphenBrand: a listed name whose first word is a legal form's
// letters joined to the next word by a hyphen ("RT-INFORM", the prefix of
// Rostec's companies; "SC-YUG") holds that word as its own: a company
// named by the rest alone ("Inform GmbH", INFORM of Aachen; "Business
// Development Ltd") is no match of it, while the name written with a
// space or the hyphen is, the query's first word paired although read as
// a legal form.
func TestHyphenBrand(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct {
		q, entryID string
		hit        bool // at match level; else no match at all, or a review
	}{
		{"RT Inform", "18788", true},
		{"RT-Inform", "18788", true},
		{"RT Inform LLC", "18788", true},
		{"RT Business Development", "37792", true},
		{"RT Capital", "37790", true},
		{"SC Yug", "36736", true},
		{"Inform GmbH", "18788", false},
		{"Inform", "18788", false},
		{"Business Development Ltd", "37792", false},
		{"Yug", "36736", false},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entryID)
		switch {
		case tt.hit && (m == nil || !opts.IsHit(m.Score)):
			t.Errorf("%q: got %+v, want entry %s at match level", tt.q, m, tt.entryID)
		case tt.hit && strings.Contains(m.Explain, "query legal form ignored: rt"), tt.hit && strings.Contains(m.Explain, "query legal form ignored: sc"):
			t.Errorf("%q: %s: the first word paired is no legal form ignored", tt.q, m.Explain)
		case !tt.hit && m != nil && opts.IsHit(m.Score):
			t.Errorf("%q: got entry %s %q at %.3f (%s), want no match", tt.q, m.EntryID, m.MatchedName, m.Score, m.Explain)
		}
	}
}
