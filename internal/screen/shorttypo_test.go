package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestFiveLetterSurnameTypo: a rare listed surname of five letters with
// one letter left out or two neighbouring letters swapped, the given name
// as listed, is a possible match (Damerau–Levenshtein 1 on a surname of
// five letters or more), as a longer one is, and so is one that another
// listed name spells as the query does ("Jabri", JABARI); a surname two
// edits away (shared only by a deletion at two places, "Souza" and
// SUAZA) is not.
func TestFiveLetterSurnameTypo(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ name, entry string }{
		{"Ali Kcoak", "KOCAK, Ali"},
		{"Ali Kock", "KOCAK, Ali"},
		{"Muhammad Saur", "SARUR, Muhammad"},
		{"Muhammad Sarru", "SARUR, Muhammad"},
		{"Abolfazl Jabri", "JABARI, Abolfazl"}, // JABRI is a listed name
	} {
		var score float64
		if m := matchOf(ix.Name(screen.Query{Name: tt.name, Kind: screen.KindPerson}), tt.entry); m != nil {
			score = m.Score
		}
		if score < opts.Review || opts.IsHit(score) {
			t.Errorf("%q: %s at %.3f, want a possible match (review)", tt.name, tt.entry, score)
		}
	}
	for _, tt := range []struct{ name, entry string }{
		{"Carmen Souza", "SUAZA BARCO, Carmen"},
	} {
		if m := matchOf(ix.Name(screen.Query{Name: tt.name, Kind: screen.KindPerson}), tt.entry); m != nil {
			t.Errorf("%q: %s at %.3f (%s)", tt.name, tt.entry, m.Score, m.Explain)
		}
	}
}

// TestListedSurnameTypo: a family name of five or six letters that one
// listed name spells as the query does and another one edit apart is
// found (TUITO, Oded for "Tvito, Oded", TVITO another listed name), but
// as a possible match at most, however much of the name is spelt alike:
// two such names are as often two names (RAMOS, RAMON) as one. Seven
// letters or more are one name misspelt.
func TestListedSurnameTypo(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("sdn", "individual", append(fillerPersons(),
		"TUITO, Oded", "TVITO, Daniel", "RAMOS, Maria Fernanda Isabel", "RAMON, Jose", "KALASHNIKOV, Pavel", "KALASHNIKOVA, Irina",
		"KALASHNIKOV, Mikhail Timofeevich", "KALASHNIKOW, Boris")))
	assertLevels(t, ix, screen.KindPerson, []levelCase{
		{"TVITO, Oded", "TUITO, Oded", false},
		{"Maria Fernanda Isabel Ramon", "RAMOS, Maria Fernanda Isabel", false},
		{"Mikhail Timofeevich Kalashnikow", "KALASHNIKOV, Mikhail Timofeevich", true},
	})
}

// TestOrgWordLetterWrittenForAnother: an organisation's word of six or
// seven letters (as its phonetic key reads) with one letter written for
// another ("Talbqi" for TALAQI, "Vanfssa" for VANESSA) is credited more
// than one with a letter added or left out, which as often makes another
// word: "Globant S.A." is no possible match of GLOBANTY S.A.S.
func TestOrgWordLetterWrittenForAnother(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ q, entryID string }{
		{"TALBQI GROUP", "27329"},
		{"VANFSSA GROUP LIMITED", "46872"},
		{"NANTHAN LTD", "56774"},
	} {
		if m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entryID); m == nil || m.Score < opts.Review {
			t.Errorf("%q: entry %s %+v, want a possible match at least", tt.q, tt.entryID, m)
		}
	}
	if m := matchOf(ix.Name(screen.Query{Name: "Globant S.A.", Kind: screen.KindOrganization}), "GLOBANTY S.A.S."); m != nil && m.Score >= opts.Review {
		t.Errorf("Globant S.A.: GLOBANTY S.A.S. at %.3f, want no possible match", m.Score)
	}
}
