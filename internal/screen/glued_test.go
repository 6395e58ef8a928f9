package screen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
)

// A query word that is two name words run together, itself a word of
// another listed name ("Hamidreza" for HAMID REZA, while another entry
// writes HAMIDREZA), pairs with both; so does a name written with the
// article assimilated and a final e ("Jamaleddine" for JAMAL AL DIN), and
// the other way round ("Safi al-Din" for SAFIEDDINE).
func TestGluedNameWords(t *testing.T) {
	t.Parallel()
	l := &lists.List{Provenance: provenance.List{ID: "sdn", Kind: provenance.KindSanctions}}
	l.Entries = []lists.Entry{
		{ID: "1", List: "sdn", Name: "LASHGARIAN, Hamid Reza", Type: "individual"},
		{ID: "2", List: "sdn", Name: "TAHERI, Hamidreza", Type: "individual"},
		{ID: "8", List: "sdn", Name: "RAHIMI, Hamidreza", Type: "individual"},
		{ID: "9", List: "sdn", Name: "NOURI, Hamidreza", Type: "individual"},
		{ID: "3", List: "sdn", Name: "JAMAL AL DIN, Hasan", Type: "individual"},
		{ID: "4", List: "sdn", Name: "SAFIEDDINE, Hashem", Type: "individual"},
		{ID: "5", List: "sdn", Name: "KARIMOV, Rustam", Type: "individual"},
		{ID: "6", List: "sdn", Name: "PETROV, Ivan", Type: "individual"},
		// A possible match of the query as written, so that it is not
		// read once more with its listed words split.
		{ID: "7", List: "sdn", Name: "LASHGARIAN, Hamidreza Mohammad Ali", Type: "individual"},
	}
	l.Provenance.Entries = len(l.Entries)
	ix := newIndex(t, l)
	for _, c := range []struct{ query, id, explain string }{
		{"Hamidreza Lashgarian", "1", "hamidreza=hamid+reza (words run together)"},
		{"Hasan Jamaleddine", "3", "jamaleddine=jamal+al+din (words run together)"},
		{"Hashem Safi al-Din", "4", `split words joined: "safi al din"`},
	} {
		ms := ix.Name(screen.Query{Name: c.query, Kind: screen.KindPerson})
		i := slices.IndexFunc(ms, func(m screen.Match) bool { return m.EntryID == c.id })
		if i < 0 || !strings.Contains(ms[i].Explain, c.explain) {
			t.Errorf("%q: got %+v, want entry %s explained by %q", c.query, ms, c.id, c.explain)
		}
	}
}
