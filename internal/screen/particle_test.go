package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestParticleBeforeItsName: a query's particle (the article, bin, abd)
// pairs with the one of the name's that stands before the word the next
// query word pairs with, where the name holds it more than once: "Abd
// al-Muhsin" is AL-LIBI, Abd al-Muhsin by the "al" of al-Muhsin, not the
// family name's, and the family name and its article are what the query
// leaves out.
func TestParticleBeforeItsName(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"AL-RAQQAWI, Abd al-Hafiz"}))
	assertExplained(t, ix, screen.KindPerson, []reviewCase{
		{"Abd al-Muhsin", "AL-LIBI, Abd al-Muhsin", ""},
		{"Abd al-Hafiz", "AL-RAQQAWI, Abd al-Hafiz", ""},
	})
}
