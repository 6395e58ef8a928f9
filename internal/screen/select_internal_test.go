package screen

import (
	"slices"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// TestSelectPatronymic: a word with a patronymic's ending ("Stankevich")
// weighs as a further name in the words a candidate must pair with only
// in a query of three words or more, where a given name and a surname
// beside it may pair (queryPatronymic): in "Sergey Stankevich" it is the
// surname, and the names holding "Sergey" alone are no candidates.
func TestSelectPatronymic(t *testing.T) {
	t.Parallel()
	person := func(id, name string) lists.Entry { return lists.Entry{ID: id, Name: name, Type: "individual"} }
	ls := []*lists.List{{Provenance: provenance.List{ID: "l", Kind: provenance.KindSanctions}, Entries: []lists.Entry{
		person("1", "STANKEVICH, Sergey"), person("2", "IVANOV, Sergey"), person("3", "PETROV, Sergey"),
		person("4", "SIDOROV, Sergey"), person("5", "ORLOV, Ivan"), person("6", "VOLKOV, Pavel"),
		person("7", "KOZLOV, Oleg"), person("8", "POPOV, Anton"), person("9", "NOVIKOV, Igor"),
	}}}
	ix, err := NewIndex(ls, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query string
		sel   []bool
	}{
		{"Sergey Stankevich", []bool{false, true}},
		{"Stankevich Sergey", []bool{true, false}},
	} {
		sc := ix.pool.Get().(*scratch)
		sc.nb.initials = true
		sc.nb.normalize(tt.query)
		ix.computeKeys(&sc.nb)
		sc.personRules, sc.orgQuery = true, false
		ix.prepare(sc)
		sc.sel = resetBools(sc.sel, len(sc.qw))
		sc.selectPrefix(false, float32(ix.opts.Review))
		if got := sc.sel; !slices.Equal(got, tt.sel) {
			t.Errorf("%q: selected %v, want %v", tt.query, got, tt.sel)
		}
		ix.pool.Put(sc)
	}
}
