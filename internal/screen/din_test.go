package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestDinSpellings: a compound name with al-Din ("of the faith") is found
// however the query and the list each write al-Din, run together or as a
// word of its own: the query read as the list writes it, a possible
// match.
func TestDinSpellings(t *testing.T) {
	t.Parallel()
	cases := []reviewCase{
		// Run together, as a listed word holds it in another spelling.
		{"Kamal Eddine Saleh", "SALEH, Kamaluddin", `al-Din of a compound name read as the list writes it: "eddine"`},
		// The first part and al-Din apart, as the list writes al-Din.
		{"Salahuddin Ahmed", "AHMED, Salah Eddine", `al-Din of a compound name read as the list writes it: "salahuddin"`},
	}
	for _, c := range cases {
		ix := newIndex(t, namedList("own", "individual", append(fillerPersons(), c.entry)))
		assertExplained(t, ix, screen.KindPerson, []reviewCase{c})
	}
}
