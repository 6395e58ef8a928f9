package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestSayyidLeftOut: Sayyid, the honorific of the Prophet's descendants,
// leading a name whose given name and surname the list gives without it,
// is left out, and the name is a possible match (review), explained; in
// Persian letters too. Where the list gives it, it pairs as a word of the
// name; behind the given name, or before a name of two words, it is no
// honorific.
func TestSayyidLeftOut(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	assertReview(t, ix, "", []reviewCase{
		{"Seyed Ali Khamenei", "KHAMENEI, Ali Husseini", "seyed (honorific, left out)"},
		{"Syed Ali Khamenei", "KHAMENEI, Ali Husseini", "syed (honorific, left out)"},
		{"Sayyed Hassan Nasrallah", "NASRALLAH, Hasan", "sayyed (honorific, left out)"},
		{"Seyed Ebrahim Raisi", "RAISI, Ebrahim", "the honorific Sayyid before a name that does not give it"},
		{"سید علی خامنه\u200cای", "KHAMENEI, Ali Husseini", "sid (honorific, left out)"},
	})
	for _, q := range []string{"Ali Seyed Khamenei", "Seyed Khamenei"} {
		for _, m := range ix.Name(screen.Query{Name: q, Kind: screen.KindPerson}) {
			if m.EntryName == "KHAMENEI, Ali Husseini" && strings.Contains(m.Explain, "honorific") {
				t.Errorf("%q: %s", q, m.Explain)
			}
		}
	}
}
