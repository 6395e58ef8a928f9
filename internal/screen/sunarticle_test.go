package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestSunArticle finds names written with the Arabic article assimilated
// to the next word's first consonant ("az-Zawahiri", "ash-Sham"), as
// romanisations write it, where the lists write AL: the article pairs as
// the article and weighs as it does.
func TestSunArticle(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct{ q, kind, entryID, explain string }{
		{"Ayman az-Zawahiri", screen.KindPerson, "2676", "az~al (the same particle)"},
		{"Saddam at-Tikriti", screen.KindPerson, "7843", "at~al (the same particle)"},
		{"Hayat Tahrir ash-Sham", screen.KindOrganization, "16937", "ash~al (the same particle)"},
		{"Jabhat an-Nusra", screen.KindOrganization, "16937", "an~al (the same particle)"},
		{"Ansar ash-Sharia", screen.KindOrganization, "11695", "ash~al (the same particle)"},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: tt.kind}), tt.entryID)
		if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, tt.explain) {
			t.Errorf("%q: got %+v, want entry %s at match level, %q", tt.q, m, tt.entryID, tt.explain)
		}
	}
}
