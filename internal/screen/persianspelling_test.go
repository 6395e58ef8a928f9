package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestPersianZh: the -nezhad of Iranian family names is the -nejad a
// list writes, either way round, as Persian's zh (ژ) is written j by
// others: "Mahmoud Ahmadinezhad" finds AHMADINEJAD, Mahmoud where a list
// writes only that, and "Hossein Saburinejad" SABURINEZHAD, Hossein.
func TestPersianZh(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"AHMADINEJAD, Mahmoud", "SABURINEZHAD, Hossein"}))
	for _, tt := range []struct{ q, entry string }{
		{"Mahmoud Ahmadinezhad", "AHMADINEJAD, Mahmoud"},
		{"Hossein Saburinejad", "SABURINEZHAD, Hossein"},
	} {
		var m *screen.Match
		for _, c := range ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}) {
			if c.List == "own" && c.EntryName == tt.entry {
				m = &c
			}
		}
		if m == nil || !ix.Options().IsHit(m.Score) || !strings.Contains(m.Explain, "Persian zh") {
			t.Errorf("%q: %+v, want %s at match, read as Persian zh for j or the other way", tt.q, m, tt.entry)
		}
	}
}

// TestPersianZadehApart: the -zadeh of Iranian family names, which
// Persian script writes apart as often as not, is joined to the word
// before it: "حسن حسن زاده", read "hsn hsn zadh", is HASSANZADEH, Hassan,
// as "حسن حسن‌زاده" is, at review at least.
func TestPersianZadehApart(t *testing.T) {
	t.Parallel()
	assertExplained(t, newIndex(t, testLists(t)...), screen.KindPerson, []reviewCase{
		{"حسن حسن زاده", "HASSANZADEH, Hassan", "hsnzadh~hassanzadeh"},
		{"حسن حسن\u200cزاده", "HASSANZADEH, Hassan", "hsnzadh~hassanzadeh"},
	})
}
