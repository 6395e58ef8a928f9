package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestNaturalOrderNames: a person's name a list writes with no comma, in
// its natural order (the UN and UK lists, a user's own list), is found by
// a query that leaves out a further name between the first and the last
// (a possible match where counting it whole keeps the name from a hit),
// by a nickname where the other word is rare, from another script, and
// by its first names with the last left out (a second family name).
func TestNaturalOrderNames(t *testing.T) {
	t.Parallel()
	own := namedList("own", "individual", []string{"William Henry Gates", "Michael Joseph Jackson", "Nicolás Maduro Moros"})
	ix := newIndex(t, sdnList(t), own)
	opts := ix.Options()
	for _, tt := range []struct {
		q, want, explain string // want "": no name of own found
	}{
		{"William Gates", "William Henry Gates", "henry left out"},
		{"Bill Gates", "William Henry Gates", "bill~william (a nickname of the same given name)"},
		{"Michael Jackson", "Michael Joseph Jackson", "joseph left out"},
		{"Майкл Джексон", "Michael Joseph Jackson", "dzhekson~jackson"},
		{"William Jackson", "", ""},
		// The last name left out: a second family name, or the family
		// name, explained so and not as a surname alone.
		{"Nicolas Maduro", "Nicolás Maduro Moros", "moros left out (the last name"},
	} {
		var got *screen.Match
		for _, m := range ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}) {
			if m.List == "own" && m.Score >= opts.Review {
				got = &m
				break
			}
		}
		switch {
		case tt.want == "" && got != nil:
			t.Errorf("%q: %s %.3f, want none: %s", tt.q, got.EntryName, got.Score, got.Explain)
		case tt.want != "" && (got == nil || got.EntryName != tt.want || !strings.Contains(got.Explain, tt.explain)):
			t.Errorf("%q: got %+v, want %s explained %q", tt.q, got, tt.want, tt.explain)
		}
	}
}
