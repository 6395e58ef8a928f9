package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestUkrainianFamilyNames: a Ukrainian family name romanised from
// Ukrainian (h, y, iu) is the name a list writes romanised from Russian
// (g, i, yu): "Oleksandr Hrytsenko" finds GRITSENKO, Aleksandr and
// "Yuriy Hotsaniuk" GOTSANYUK, Yuri at match, explained by the
// orthography; a word that does not end as Ukrainian family names do is
// not read so ("Robert Hall" is no GALL, Robert).
func TestUkrainianFamilyNames(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("own", "individual", append(fillerPersons(),
		"GRITSENKO, Aleksandr", "GOTSANYUK, Yuri", "GRINCHUK, Nikolai", "GALL, Robert")))
	opts := ix.Options()
	for _, tt := range []struct{ q, entry string }{
		{"Oleksandr Hrytsenko", "GRITSENKO, Aleksandr"},
		{"Yuriy Hotsaniuk", "GOTSANYUK, Yuri"},
		{"Mykola Hrynchuk", "GRINCHUK, Nikolai"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entry)
		if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, "Ukrainian spelling") {
			t.Errorf("%q: %+v, want %s at match, read as the Ukrainian spelling", tt.q, m, tt.entry)
		}
	}
	if m := matchOf(ix.Name(screen.Query{Name: "Robert Hall", Kind: screen.KindPerson}), "GALL, Robert"); m != nil && m.Score >= opts.Review {
		t.Errorf("Robert Hall: GALL, Robert at %.3f (%s), want no possible match", m.Score, m.Explain)
	}
}
