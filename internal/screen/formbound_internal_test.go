package screen

import (
	"fmt"
	"slices"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// TestGatherCompanyForms: a name gathered by a company word's forms alone
// ("TRADING COMPANY" for "Torgovaya Kompaniya") cannot reach the
// threshold beside the rarer words of the query it lacks, and is not
// scored; the name that holds them is, and matches.
func TestGatherCompanyForms(t *testing.T) {
	t.Parallel()
	var entries []lists.Entry
	for i := range 40 {
		entries = append(entries, lists.Entry{ID: fmt.Sprint(i), Name: fmt.Sprintf("%s TRADING COMPANY", []string{"ALFA", "BETA", "GAMMA", "DELTA", "OMEGA", "SIGMA", "KAPPA", "THETA"}[i%8]+fmt.Sprint(i)), Type: "entity"})
	}
	for i := range 6 {
		entries = append(entries, lists.Entry{ID: fmt.Sprint("r", i), Name: fmt.Sprintf("OOO PROIZVODSTVENNO KOMPANIYA %s", []string{"VEGA", "ORION", "LIRA", "ALTAIR", "RIGEL", "DENEB"}[i]), Type: "entity"})
	}
	entries = append(entries,
		lists.Entry{ID: "target", Name: "OOO PROIZVODSTVENNO TORGOVAYA KOMPANIYA APRIORI", Type: "entity"})
	ls := []*lists.List{{Provenance: provenance.List{ID: "l", Kind: provenance.KindSanctions}, Entries: entries}}
	ix, err := NewIndex(ls, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	gathered := func(query, kind string) []string {
		sc := ix.pool.Get().(*scratch)
		defer ix.pool.Put(sc)
		sc.nb.fuzzyLegal = true
		sc.nb.initials = kind == KindPerson
		sc.nb.normalize(query)
		ix.computeKeys(&sc.nb)
		sc.personRules, sc.orgQuery = kind != KindOrganization, kind != KindPerson
		ix.prepare(sc)
		sc.sel = resetBools(sc.sel, len(sc.qw))
		t := float32(ix.opts.Review)
		if kind != KindPerson {
			sc.selectPrefix(true, t)
		}
		if kind != KindOrganization {
			sc.selectPrefix(false, t)
		}
		ix.gather(sc, kind)
		var ids []string
		for _, ri := range sc.cands {
			if id := ix.recs[ri].ref; !slices.Contains(ids, ls[0].Entries[id.entry].ID) {
				ids = append(ids, ls[0].Entries[id.entry].ID)
			}
		}
		slices.Sort(ids)
		return ids
	}
	const query = "Proizvodstvenno Torgovaya Kompaniya Apriori"
	if got := gathered(query, KindOrganization); !slices.Equal(got, []string{"target"}) {
		t.Errorf("%q (organization): gathered %v, want [target]", query, got)
	}
	ms, err := ix.Name(Query{Name: query, Kind: KindOrganization})
	if err != nil || len(ms) != 1 || ms[0].EntryID != "target" || ms[0].Score < ix.opts.Match {
		t.Errorf("%q: %v, %v; want a match of target", query, ms, err)
	}
}

// TestAddPostingsKind: the names of a key that addPostings leaves out, of
// a kind the call does not allow, are still gathered by a later call of
// the same gathering that allows them.
func TestAddPostingsKind(t *testing.T) {
	t.Parallel()
	ls := []*lists.List{{Provenance: provenance.List{ID: "l", Kind: provenance.KindSanctions}, Entries: []lists.Entry{
		{ID: "org", Name: "TRADING HOUSE", Type: "entity"},
		{ID: "person", Name: "TRADING, Ivan", Type: "individual"},
	}}}
	ix, err := NewIndex(ls, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	id, ok := ix.listedText([]byte("trading"))
	if !ok {
		t.Fatal("trading not listed")
	}
	key := ix.dict.textKey[id]
	sc := ix.pool.Get().(*scratch)
	defer ix.pool.Put(sc)
	sc.startCands()
	ix.addPostings(sc, key, KindPerson)
	if len(sc.cands) != 1 || ix.recs[sc.cands[0]].kind != recPerson {
		t.Fatalf("addPostings(person): %v, want the person's name", sc.cands)
	}
	ix.addPostings(sc, key, "")
	if len(sc.cands) != 2 {
		t.Errorf("addPostings(any) after addPostings(person): %d names, want both", len(sc.cands))
	}
}
