package screen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// A name written with the Arabic article apart is joined as French writes
// it, the article assimilated and a final e ("Safi al-Din" for
// SAFIEDDINE).
func TestJoinedArticleDine(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t,
		"SAFIEDDINE, Hashem",
		"KARIMOV, Rustam",
		"PETROV, Ivan")
	ms := ix.Name(screen.Query{Name: "Hashem Safi al-Din", Kind: screen.KindPerson})
	i := slices.IndexFunc(ms, func(m screen.Match) bool { return m.EntryID == "1" })
	if i < 0 || !strings.Contains(ms[i].Explain, `split words joined: "safi al din"`) {
		t.Errorf("got %+v, want entry 1 with the words joined", ms)
	}
}
