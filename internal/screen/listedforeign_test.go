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
		// A w, z or j for в, ц and the j of е in a word ending as a
		// Russian family name does, a French -ine after a j or with atch
		// beside it; and a query's word some listed name spells as it is
		// ("Sechin", "Vyacheslav").
		{"Vyacheslav Volodin", "WOLODIN, Wjatscheslaw", "read as English respells its"},
		{"Vyacheslav Volodin", "Wjatscheslaw Wolodin", "read as English respells its"},
		{"Vyacheslav Volodin", "Viatcheslav Volodine", "read as English respells its"},
		{"Yevgeny Prigozhin", "Jewgeni Prigoschin", "read as English respells its"},
		{"Yevgeny Prigozhin", "PRIGOSCHIN, Jewgeni", "read as English respells its"},
		{"Igor Sechin", "Igor Setschin", "read as English respells its"},
		{"Boris Yeltsin", "JELZIN, Boris", "read as English respells its"},
	}
	for _, c := range cases {
		ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{c.entry}))
		assertExplained(t, ix, screen.KindPerson, []reviewCase{c})
	}
}
