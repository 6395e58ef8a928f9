package screen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
)

// A name written with the Arabic article apart is joined as French writes
// it, the article assimilated and a final e ("Safi al-Din" for
// SAFIEDDINE).
func TestJoinedArticleDine(t *testing.T) {
	t.Parallel()
	l := &lists.List{Provenance: provenance.List{ID: "sdn", Kind: provenance.KindSanctions}}
	l.Entries = []lists.Entry{
		{ID: "1", List: "sdn", Name: "SAFIEDDINE, Hashem", Type: "individual"},
		{ID: "2", List: "sdn", Name: "KARIMOV, Rustam", Type: "individual"},
		{ID: "3", List: "sdn", Name: "PETROV, Ivan", Type: "individual"},
	}
	l.Provenance.Entries = len(l.Entries)
	ix := newIndex(t, l)
	ms := ix.Name(screen.Query{Name: "Hashem Safi al-Din", Kind: screen.KindPerson})
	i := slices.IndexFunc(ms, func(m screen.Match) bool { return m.EntryID == "1" })
	if i < 0 || !strings.Contains(ms[i].Explain, `split words joined: "safi al din"`) {
		t.Errorf("got %+v, want entry 1 with the words joined", ms)
	}
}
