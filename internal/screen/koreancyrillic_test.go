package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestKoreanCyrillic finds North Korean persons written in Cyrillic as
// Russian writes Korean names ("Чхве Рён Хэ" for CHOE, Ryong Hae; "Ким
// Чен Ын", in the older spelling, for KIM, Jong Un), which BGN/PCGN
// reads as Russian ("chkhve ren khe"). Russian names are not read so.
func TestKoreanCyrillic(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	const how = "Kontsevich (Korean names in Cyrillic)"
	for _, tt := range []struct {
		q, entryID string
		hit        bool
	}{
		{"Чхве Рён Хэ", "23213", true},
		{"Ким Ё Чжон", "21444", true},
		{"Ри Пён Чхоль", "23215", true},
		{"Ким Чен Ын", "20157", false},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entryID)
		if m == nil || m.Score < opts.Review || opts.IsHit(m.Score) != tt.hit || !strings.Contains(m.Explain, how) {
			t.Errorf("%q: got %+v, want entry %s (at match level: %v), %q", tt.q, m, tt.entryID, tt.hit, how)
		}
	}
	for _, q := range []string{"Иван Петров", "Ким Александр", "Ли Ян"} {
		for _, m := range ix.Name(screen.Query{Name: q, Kind: screen.KindPerson}) {
			if strings.Contains(m.Explain, how) {
				t.Errorf("%q: read as a Korean name: %+v", q, m)
			}
		}
	}
}
