package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestSkeletonOneWord: one word of a longer listed name, paired by its
// consonant skeleton alone, is no match, however common the given name it
// leaves out: "プーチン", "بوتين" and "פוטין" (Putin, read "puchin", "butin",
// "potin") are not ABEDINI, Mohammad, whose skeleton is Putin's ("btn").
// Two words by their skeletons still are ("ולדימיר פוטין", PUTIN,
// Vladimir).
func TestSkeletonOneWord(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	for _, q := range []string{"プーチン", "بوتين", "פוטין"} {
		if m := matchByID(ix.Name(screen.Query{Name: q, Kind: screen.KindPerson}), "57050"); m != nil {
			t.Errorf("%q: %s %.3f, want no match: %s", q, m.MatchedName, m.Score, m.Explain)
		}
	}
	assertReview(t, ix, "", []reviewCase{
		{"ולדימיר פוטין", "PUTIN, Vladimir Vladimirovich", "potin~putin (consonant skeleton btn)"},
	})
}
