package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestOrgInnerTypo: an organisation's one word with a letter left out
// inside it, as a hand slips ("Sberbnk", "Rosnft", "Talban"), is a
// possible match at least, credited by the listed word's length; a letter
// left out at its start or end, which makes another word as often
// ("Globant" of GLOBANTY), is not credited so ("Rosnef", "Berbank").
func TestOrgInnerTypo(t *testing.T) {
	t.Parallel()
	assertFound(t, []foundCase{
		{"Sberbnk", "18715", true},
		{"Rosnft", "17022", true},
		{"Talban", "6636", true},
		{"Rosnef", "17022", false},
		{"Berbank", "18715", false},
	})
}

// TestOrgSixLetterTypo: an organisation's word of six letters with one
// written for another, two swapped, or one left out or added inside it,
// is a possible match ("Uvicm Ltd", "Uivcom Ltd" for UVICOM LTD; "Kohlas
// AG" for KOHAS AG; "Daloks Co Ltd" for DALKOS CO LTD). A word of five so
// misspelt is one only beside another word of the name spelt right
// ("Mahjn Air" for MAHAN AIR, "Sunr ILLC" for SUNOR ILLC), not alone
// ("Redis Ltd.", a software company, is not REDIN COMPANY).
func TestOrgSixLetterTypo(t *testing.T) {
	t.Parallel()
	assertFound(t, []foundCase{
		{"Uvicm Ltd", "40862", true},
		{"Uivcom Ltd", "40862", true},
		{"Kohlas AG", "9618", true},
		{"Daloks Co Ltd", "50117", true},
		{"Dzlkos Co Ltd", "50117", true},
		{"Mahjn Air", "12927", true},
		{"Sunr ILLC", "51499", true},
		{"LLC Tubo King", "48423", true},
		{"Redis Ltd.", "27123", false},
		{"Dlair Ltd", "47709", false},
	})
}

// TestWordSetOfShortWords: a word-set match made of words of one or two
// letters and "and" says nothing of the name: "an and" (licence text) is
// not CHANG AN SHIPPING & TECHNOLOGY, while "Chang An" still is, at
// review.
func TestWordSetOfShortWords(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, q := range []string{"an and", "the an and"} {
		if m := matchByID(ix.Name(screen.Query{Name: q, Kind: screen.KindOrganization}), "23763"); m != nil {
			t.Errorf("%q: got %.3f (%s), want no match", q, m.Score, m.Explain)
		}
	}
	if m := matchByID(ix.Name(screen.Query{Name: "Chang An", Kind: screen.KindOrganization}), "23763"); m == nil || m.Score < opts.Review {
		t.Errorf("Chang An: got %+v, want a possible match", m)
	}
}

// TestWordSetLongTypo: a word-set match may stand on a long word one
// letter off, as a match of the whole name may ("Hezbolah" for ANSAR
// HEZBOLLAH, "Gazpromnft" for LIMITED LIABILITY COMPANY GAZPROMNEFT
// DEVELOPMENT): a possible match, where it had to be spelt right.
func TestWordSetLongTypo(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ q, entryID string }{{"Hezbolah", "24588"}, {"Gazpromnft", "51965"}} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entryID)
		if m == nil || m.Score < opts.Review || opts.IsHit(m.Score) {
			t.Errorf("%q: got %+v, want entry %s, a possible match", tt.q, m, tt.entryID)
		}
	}
}

// TestOrgListedMisspelling: an organisation's word that some listed name
// spells as the query does, a rare one, one letter off a word of the name
// it is compared with pairs as the typo it is, however common that word:
// "Invesments", a name's misspelling in the list, is INVESTMENTS of
// SANZETTA INVESTMENTS LIMITED; "Fondation", French and a listed word, is
// FOUNDATION of NATWIN FOUNDATION.
func TestOrgListedMisspelling(t *testing.T) {
	t.Parallel()
	assertFound(t, []foundCase{
		{"Sanzetta Invesments Limited", "24672", true},
		{"Natwin Fondation", "49477", true},
		{"Munitions Industry Departament", "12214", true},
	})
}

// TestOrgSpellingWeighsAsCommoner: an organisation's word the query
// spells as another romanisation does (a consonant voiced) weighs as its
// commoner spelling: "OAO Gazprom" is a possible match of "Gasprom JSC",
// a name a list writes so, however rare that spelling makes its word
// beside the lists' many GAZPROMs.
func TestOrgSpellingWeighsAsCommoner(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "entity", []string{"Gasprom JSC"}))
	m := matchOf(ix.Name(screen.Query{Name: "OAO Gazprom", Kind: screen.KindOrganization}), "Gasprom JSC")
	if m == nil || m.Score < ix.Options().Review || !strings.Contains(m.Explain, "gazprom≈gasprom (a consonant voiced or voiceless") {
		t.Errorf("OAO Gazprom: %+v, want Gasprom JSC at review at least, paired as voiced", m)
	}
}
