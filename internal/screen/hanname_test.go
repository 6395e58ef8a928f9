package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestHanCompanyNames finds Chinese companies by their names in Han
// characters as the lists write them in English: 都 of 成都 read du, not
// dou; the trade words read in English on the name's own syllables, not
// after a join of two of them that another listed name's word made ("li
// ke" of 动力科技, LIKE, which left neither 动力, power, nor 科技,
// technology, to read).
func TestHanCompanyNames(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct {
		q, entryID string
		hit        bool
		explain    string
	}{
		{"成都景昕科技有限公司", "50354", true, "chengdu=chengdu"},
		{"金华市海润动力科技有限公司", "49933", true, "power=power, technology=technology"},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entryID)
		if m == nil || m.Score < opts.Review || opts.IsHit(m.Score) != tt.hit || !strings.Contains(m.Explain, tt.explain) {
			t.Errorf("%q: got %+v, want entry %s (a match: %v), %q", tt.q, m, tt.entryID, tt.hit, tt.explain)
		}
	}
}
