package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestSpelt: a match is spelt when two words or more paired, each by its
// spelling as listed (any other as a person's initial), and every word
// of the name left out is optional, whatever capped its score; not when
// a word paired by a likeness (a typo), a name's own word is missing, one
// word only is spelt, or the name is a weak alias.
func TestSpelt(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, withWeakAliases(t, sdnList(t)), banList())
	tests := []struct {
		query, entry string
		spelt        bool
	}{
		{"Oleg Deripaska", "24283", true},
		{"Oleg Deripaska, PhD", "24283", true},
		{"Oleg Deripaska III", "24283", true},
		{"Oleg V. Deripaska", "24283", true}, // an initial beside two spelt words
		{"O. Deripaska", "24283", false},     // one spelt word
		{"Ramzan A. Kadyrov", "23343", true},
		{"Oleg Deripeska", "24283", false}, // a typo
		{"Sergey Rubanov", "", false},
		// The list's given name left out: another person of the family.
		{"Saddam Hussein Al-Tikriti", "7844", false},
		{"Saddam Hussein Al-Tikriti", "7843", true},
	}
	for _, tt := range tests {
		ms := ix.Name(screen.Query{Name: tt.query, Kind: screen.KindPerson})
		var got *screen.Match
		for i := range ms {
			if tt.entry == "" || ms[i].EntryID == tt.entry {
				got = &ms[i]
				break
			}
		}
		switch {
		case got == nil && tt.entry != "":
			t.Errorf("%q: entry %s not matched", tt.query, tt.entry)
		case got != nil && got.Spelt != tt.spelt:
			t.Errorf("%q: %s %q %.3f spelt %v, want %v", tt.query, got.EntryID, got.MatchedName, got.Score, got.Spelt, tt.spelt)
		}
	}
}
