package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestRussianCompanyWords: a Russian company's name written in English
// finds the name the list writes romanised ("Technologies" for
// TEKHNOLOGII), the rule named in the explanation.
func TestRussianCompanyWords(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	for _, tt := range []struct{ q, entry, explain string }{
		{"Ugolnye Technologies LLC", "UGOLNYE TEKHNOLOGII, OOO", "technologies~tekhnologii (a word of company names as Russian writes it, romanised"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entry)
		if m == nil || !ix.Options().IsHit(m.Score) || !strings.Contains(m.Explain, tt.explain) {
			t.Errorf("%q: %v, want %s at match, explained %q", tt.q, m, tt.entry, tt.explain)
		}
	}
}
