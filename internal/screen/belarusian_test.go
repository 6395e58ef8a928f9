package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestBelarusianGivenNames: the Belarusian and Ukrainian forms of given
// names, as BGN/PCGN and those countries' passports write them, are the
// Russian forms a list may write alone: "Kanstantsin" is Konstantin,
// "Viachaslau" Vyacheslav, "Sviatlana" Svetlana, "Aliaxandr" (x for ks)
// Aleksandr, each a match with the family name.
func TestBelarusianGivenNames(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{
		"KARPENKOV, Konstantin Anatolievich", "VOLKOV, Vyacheslav", "NIKOLAEVA, Svetlana", "SHATROV, Aleksandr",
	}))
	opts := ix.Options()
	for _, tt := range []struct{ q, entry string }{
		{"Kanstantsin Karpenkov", "KARPENKOV, Konstantin Anatolievich"},
		{"Viachaslau Volkov", "VOLKOV, Vyacheslav"},
		{"Sviatlana Nikolaeva", "NIKOLAEVA, Svetlana"},
		{"Aliaxandr Shatrov", "SHATROV, Aleksandr"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entry)
		if m == nil || !opts.IsHit(m.Score) {
			t.Errorf("%q: %+v, want %s at match", tt.q, m, tt.entry)
		}
	}
}
