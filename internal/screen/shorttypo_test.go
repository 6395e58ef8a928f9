package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestFiveLetterSurnameTypo: a rare listed surname of five letters with
// one letter left out or two neighbouring letters swapped, the given name
// as listed, is a possible match (Damerau–Levenshtein 1 on a surname of
// five letters or more), as a longer one is; a surname two edits away
// (shared only by a deletion at two places, "Souza" and SUAZA) is not,
// nor is a word another listed name spells as the query does.
func TestFiveLetterSurnameTypo(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ name, entry string }{
		{"Ali Kcoak", "KOCAK, Ali"},
		{"Ali Kock", "KOCAK, Ali"},
		{"Muhammad Saur", "SARUR, Muhammad"},
		{"Muhammad Sarru", "SARUR, Muhammad"},
	} {
		var score float64
		for _, m := range ix.Name(screen.Query{Name: tt.name, Kind: screen.KindPerson}) {
			if m.EntryName == tt.entry {
				score = m.Score
			}
		}
		if score < opts.Review || opts.IsHit(score) {
			t.Errorf("%q: %s at %.3f, want a possible match (review)", tt.name, tt.entry, score)
		}
	}
	for _, tt := range []struct{ name, entry string }{
		{"Carmen Souza", "SUAZA BARCO, Carmen"},
		{"Abolfazl Jabri", "JABARI, Abolfazl"}, // JABRI is a listed name
	} {
		for _, m := range ix.Name(screen.Query{Name: tt.name, Kind: screen.KindPerson}) {
			if m.EntryName == tt.entry {
				t.Errorf("%q: %s at %.3f (%s)", tt.name, tt.entry, m.Score, m.Explain)
			}
		}
	}
}
