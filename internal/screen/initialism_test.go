package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestInitialismReading: a list that names an organisation by its
// initials alone is found by the name written out, read as its initials
// with the linking words and the legal form left out or kept: a possible
// match, explained. Not initials of three letters, which spell some
// listed word by chance too often, nor of words a reading split.
func TestInitialismReading(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("own", "entity", []string{"NIOC", "KCNA", "ISIL", "IRISL", "IBM", "KIAM", "API MACHINERY CO", "GOLDEN STAR TRADING LLC"}))
	assertExplained(t, ix, screen.KindOrganization, []reviewCase{
		{"National Iranian Oil Company", "NIOC", `name read as its initials: "national iranian oil company"`},
		{"Korean Central News Agency", "KCNA", "the organisation's name read as its initials, a reading of the query: review at most"},
		{"Islamic State of Iraq and the Levant", "ISIL", `name read as its initials`},
		{"Islamic Republic of Iran Shipping Lines", "IRISL", `name read as its initials`},
	})
	assertNotReview(t, ix, screen.KindOrganization,
		[2]string{"International Business Machines", "IBM"},
		// Not a word of digits, nor words another reading split: the
		// real-world corpus's "k8s.io/apimachinery" ("k8s io api
		// machinery") is no KIAM.
		[2]string{"k8s.io/apimachinery", "KIAM"},
		[2]string{"Korean Central News Agency", "GOLDEN STAR TRADING LLC"})
	// Not a person's name.
	assertNotReview(t, ix, screen.KindPerson, [2]string{"Nadia Ivanova Oleg Chernov", "NIOC"})
}
