package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestCommonWordName: an organisation the list names by one word of
// everyday English, named so by the query ("Monitoring Co., Ltd." for
// OOO MONITORING, "Class Ltd" for JOINT STOCK COMPANY CLASS), is a
// possible match, not a match: the word is the whole name of many
// vendors, not the party's own. A one-word name of the party's own
// ("Cubafrutas", "Kontroles") stays a match.
func TestCommonWordName(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct {
		q, entryID string
		common     bool
	}{
		{"Monitoring Co., Ltd.", "46581", true},
		{"OOO MONITORING", "46581", true},
		{"Class Ltd", "48436", true},
		{"Capital LLC", "28539", true},
		{"VETERAN LLC", "51606", true},
		{"Cubafrutas", "592", false},
		{"Kontroles", "9386", false},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entryID)
		switch {
		case m == nil:
			t.Errorf("%q: no match of entry %s", tt.q, tt.entryID)
		case tt.common && (opts.IsHit(m.Score) || m.Score < opts.Review || !strings.Contains(m.Explain, "everyday English")):
			t.Errorf("%q: got %.3f (%s), want a possible match, the name said to be a word of everyday English", tt.q, m.Score, m.Explain)
		case !tt.common && !opts.IsHit(m.Score):
			t.Errorf("%q: got %.3f (%s), want a match", tt.q, m.Score, m.Explain)
		}
	}
	// A number or a word of two letters alone is no party's own either,
	// and stands for no longer name: "7." of licence text is not S 7
	// ENGINEERING LLC, "is" not IS BANK.
	for _, tt := range []struct{ q, entryID string }{{"7.", "47939"}, {"is", "22507"}, {"IS LLC", "22507"}} {
		if m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entryID); m != nil {
			t.Errorf("%q: got %s %q at %.3f (%s), want none", tt.q, m.EntryID, m.MatchedName, m.Score, m.Explain)
		}
	}
	if m := matchByID(ix.Name(screen.Query{Name: "IS Bank", Kind: screen.KindOrganization}), "22507"); m == nil || !opts.IsHit(m.Score) {
		t.Errorf("IS Bank: got %+v, want IS BANK at match level", m)
	}
}

// TestEnglishWordKeyTypo: an organisation's word of everyday English is
// the word it is: one letter from a listed word's phonetic key but
// further in spelling, it is no misspelling of it ("controlled", in a
// supplier field of licence text, was KONTROLES at 0.85, a block). One
// letter from a listed word in spelling it still may be ("Gleaning HK
// Trading Limited", GLEAMING), and a word of no English vocabulary
// still pairs by its key (the Spanish for controls, with a legal form).
func TestEnglishWordKeyTypo(t *testing.T) {
	t.Parallel()
	assertFound(t, []foundCase{
		{"controlled", "9386", false},
		{"Controlled Ltd", "9386", false},
		{"Controles SA", "9386", true}, //nolint:misspell // Spanish, the query under test
		{"Gleaning HK Trading Limited", "58276", true},
	})
}

// TestKeyTypoExplained: a word one letter from a listed word in their
// phonetic keys, further in spelling, is explained so, not as one letter
// apart ("Kontrolled" and KONTROLES: three letters apart).
func TestKeyTypoExplained(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	m := matchByID(ix.Name(screen.Query{Name: "Kontrolled", Kind: screen.KindOrganization}), "9386")
	if m == nil || !strings.Contains(m.Explain, "one letter apart in their phonetic keys") || strings.Contains(m.Explain, "Damerau") {
		t.Errorf("Kontrolled: got %+v, want it explained as one letter apart in their phonetic keys", m)
	}
}
