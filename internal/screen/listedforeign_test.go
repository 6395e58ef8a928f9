package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestListedForeignSpellings: a list that writes Russian and Persian
// names as German, Polish or French do (a company's own list, a European
// register) is found by the name as English writes it, which the lists
// and the press mostly do: a possible match, by the listed word's
// consonants as English respells it.
func TestListedForeignSpellings(t *testing.T) {
	t.Parallel()
	cases := []reviewCase{
		{"Mikhail Gorbachev", "GORBATSCHOW, Michail", "read as English respells its"},
		{"Nikita Khrushchev", "CHRUSCHTSCHOW, Nikita", "read as English respells its"},
		{"Nikita Khrushchev", "KHROUCHTCHEV, Nikita", "read as English respells its"},
		{"Viktor Yanukovych", "JANUKOWYTSCH, Viktor", "read as English respells its"},
		{"Mahmoud Ahmadinejad", "AHMADINEDSCHAD, Mahmud", "read as English respells its"},
		{"Akbar Hashemi Rafsanjani", "RAFSANDSCHANI, Akbar Haschemi", "read as English respells its"},
		{"Mikhail Gorbachev", "GORBACZOW, Michail", "read as English respells its"},
	}
	for _, c := range cases {
		ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{c.entry}))
		assertExplained(t, ix, screen.KindPerson, []reviewCase{c})
	}
}
