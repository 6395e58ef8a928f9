package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
)

// TestTiedNamesFewestWords: when several names of one entry score alike,
// the match reports the one the query leaves least of out, so that the
// gate sees a name written whole ("Daniil Borshchev" is the alias
// "BORSHCHEV, Daniil") rather than the primary name short of a word; with
// no such alias the primary name is reported.
func TestTiedNamesFewestWords(t *testing.T) {
	t.Parallel()
	entry := func(aliases ...lists.Alias) *lists.List {
		return &lists.List{Provenance: provenance.List{ID: "sdn", Kind: provenance.KindSanctions}, Entries: []lists.Entry{{
			ID: "45862", Name: "BORSHCHEV, Daniil Sergeyevich", Type: "individual", Aliases: aliases,
		}}}
	}
	for _, tt := range []struct {
		name    string
		list    *lists.List
		q       string
		matched string
		on      string
	}{
		{"alias written whole", entry(lists.Alias{Name: "BORSHCHEV, Daniil", Type: "aka"}), "Daniil Borshchev", "BORSHCHEV, Daniil", "alias"},
		{"whole name over a shorter alias", entry(lists.Alias{Name: "BORSHCHEV, Daniil", Type: "aka"}), "Daniil Sergeyevich Borshchev", "BORSHCHEV, Daniil Sergeyevich", "name"},
		{"no alias: the primary name", entry(), "Daniil Borshchev", "BORSHCHEV, Daniil Sergeyevich", "name"},
		{"a weak alias is not preferred", entry(lists.Alias{Name: "BORSHCHEV, Daniil", Type: "weak"}), "Daniil Borshchev", "BORSHCHEV, Daniil Sergeyevich", "name"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ix := newIndex(t, tt.list)
			ms := ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson})
			if len(ms) != 1 {
				t.Fatalf("%q: %d matches, want 1: %v", tt.q, len(ms), ms)
			}
			if ms[0].MatchedName != tt.matched || ms[0].MatchedOn != tt.on {
				t.Errorf("%q matched %s %q (score %.3f), want %s %q", tt.q, ms[0].MatchedOn, ms[0].MatchedName, ms[0].Score, tt.on, tt.matched)
			}
		})
	}
}
