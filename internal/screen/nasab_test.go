package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestQueryNasab: a query that gives a person's nasab further than the
// list does (the grandfather's name after a second bin or ben) finds the
// listed name, a possible match, as a further given name of the query
// does.
func TestQueryNasab(t *testing.T) {
	t.Parallel()
	assertFoundAs(t, screen.KindPerson, []foundCase{
		{"Al-Habib ben Ahmad ben al-Tayib al-Lubiri", "8272", true},
		{"Seifallah Ben Omar Ben Mohamed Ben Hassine", "16478", true},
		{"Ahmad ben al-Tayib al-Lubiri", "8272", false}, // the given name left out
	})
}
