package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestArabicTradeWords: an organisation's name in the Arabic script is
// read once more with its words of kinds and qualities in English, the
// article before each left out, as the lists write the Latin name: a
// possible match, explained with the words read so. A name of those words
// only ("شركة المحدودة", company limited) names no party.
func TestArabicTradeWords(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	checkExplained(t, ix, screen.KindOrganization, "", false, []reviewCase{
		{"الجماعة الاسلامية المسلحة", "ARMED ISLAMIC GROUP", "al jmaaa as group"},
		{"الجماعة الاسلامية المقاتلة الليبية", "LIBYAN ISLAMIC FIGHTING GROUP", "al mqatla as fighting"},
		{"شبكة محمد جمال", "MUHAMMAD JAMAL NETWORK", "read as the English words the lists write, a reading of the query: review at most"},
		{"شركة الفاخر لألعمال المتقدمة المحدودة", "AL-FAKHER ADVANCED WORKS CO. LTD.", "al mtqdma as advanced"},
	})
	if ms := ix.Name(screen.Query{Name: "شركة المحدودة", Kind: screen.KindOrganization}); len(ms) > 0 {
		t.Errorf("شركة المحدودة: %s %.3f, want none", ms[0].EntryName, ms[0].Score)
	}
}
