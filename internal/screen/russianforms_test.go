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
	const q, entry = "Ugolnye Technologies LLC", "UGOLNYE TEKHNOLOGII, OOO"
	m := matchOf(ix.Name(screen.Query{Name: q, Kind: screen.KindOrganization}), entry)
	const explain = "technologies~tekhnologii (a word of company names as Russian writes it, romanised"
	if m == nil || !ix.Options().IsHit(m.Score) || !strings.Contains(m.Explain, explain) {
		t.Errorf("%q: %v, want %s at match, explained %q", q, m, entry, explain)
	}
}

// TestRussianResearchFirmWords: the words of a Russian research and
// production firm's name romanised (NPP, "nauchno-proizvodstvennoe
// predpriyatie") find the name a list gives only in English, SCIENTIFIC
// PRODUCTION ENTERPRISE, at match.
func TestRussianResearchFirmWords(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("own", "entity", []string{"JOINT STOCK COMPANY SCIENTIFIC PRODUCTION ENTERPRISE SALYUT", "MOSCOW MACHINE BUILDING PLANT"}))
	const q, entry = "AO Nauchno-Proizvodstvennoe Predpriyatie Salyut", "JOINT STOCK COMPANY SCIENTIFIC PRODUCTION ENTERPRISE SALYUT"
	m := matchOf(ix.Name(screen.Query{Name: q, Kind: screen.KindOrganization}), entry)
	const explain = "proizvodstvennoe~production (a word of company names as Russian writes it, romanised"
	if m == nil || !ix.Options().IsHit(m.Score) || !strings.Contains(m.Explain, explain) {
		t.Errorf("%q: %v, want %s at match, explained %q", q, m, entry, explain)
	}
}
