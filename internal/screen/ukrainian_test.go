package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestUkrainianFamilyNames: a Ukrainian family name romanised from
// Ukrainian (h, y, iu) is the name a list writes romanised from Russian
// (g, i, yu): "Oleksandr Hrytsenko" finds GRITSENKO, Aleksandr and
// "Yuriy Hotsaniuk" GOTSANYUK, Yuri at match, explained by the
// orthography; a word that does not end as Ukrainian family names do is
// not read so ("Robert Hall" is no GALL, Robert).
func TestUkrainianFamilyNames(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("own", "individual", append(fillerPersons(),
		"GRITSENKO, Aleksandr", "GOTSANYUK, Yuri", "GRINCHUK, Nikolai", "GALL, Robert")))
	assertMatchExplained(t, ix, screen.KindPerson, []reviewCase{
		{"Oleksandr Hrytsenko", "GRITSENKO, Aleksandr", "Ukrainian spelling"},
		{"Yuriy Hotsaniuk", "GOTSANYUK, Yuri", "Ukrainian spelling"},
		{"Mykola Hrynchuk", "GRINCHUK, Nikolai", "Ukrainian spelling"},
	})
	assertNotReview(t, ix, screen.KindPerson, [2]string{"Robert Hall", "GALL, Robert"})
}
