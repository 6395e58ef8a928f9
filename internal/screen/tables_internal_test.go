package screen

import (
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// tablesFixture is an index built in memory over a sanctions list and a
// ban list, and what FromTables needs to make it again.
func tablesFixture(t *testing.T) (*Index, []StoredList) {
	t.Helper()
	ls := []*lists.List{
		{Provenance: provenance.List{ID: "l", Kind: provenance.KindSanctions}, Entries: []lists.Entry{
			{ID: "1", Name: "SECHIN, Igor Ivanovich", Type: "individual", Aliases: []lists.Alias{{Name: "Igor Setchin", Type: "aka"}}},
			{ID: "2", Name: "Positive Technologies", Type: "entity", Domains: []string{"ptsecurity.com"}},
		}},
		{Provenance: provenance.List{ID: "b", Kind: provenance.KindBan}, Entries: []lists.Entry{
			{ID: "k", Name: "Kaspersky Lab", Type: "entity", Brands: []string{"kaspersky"}, CPEVendors: []string{"kaspersky"}},
		}},
	}
	ix, err := NewIndex(ls, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	stored := make([]StoredList, len(ls))
	for li, l := range ls {
		stored[li].Provenance = l.Provenance
		for _, e := range l.Entries {
			stored[li].Aliases = append(stored[li].Aliases, int32(len(e.Aliases)))
		}
	}
	return ix, stored
}

// TestFromTables: an index made from another's tables answers alike; tables
// that do not hold together, or point past the entries, are refused.
func TestFromTables(t *testing.T) {
	t.Parallel()
	ix, stored := tablesFixture(t)
	again, err := FromTables(ix.Options(), stored, ix.Tables(), ix.src)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []Query{{Name: "Igor Sechin"}, {Name: "Kaspersky Lab UK Ltd."}, {Name: "Positive Technologies", URLs: []string{"ptsecurity.com"}}} {
		a, errA := ix.Party(q)
		b, errB := again.Party(q)
		if len(a) == 0 || errA != nil || errB != nil || !cmp.Equal(a, b) {
			t.Errorf("%+v: built %v (%v), from tables %v (%v)", q, a, errA, b, errB)
		}
	}

	names := func(t *Tables) []NameRec { t.Names = slices.Clone(t.Names); return t.Names }
	tests := []struct {
		name   string
		change func(*Tables, []StoredList) []StoredList
		want   string
	}{
		{"name kind", func(t *Tables, ls []StoredList) []StoredList { names(t)[0].kind = recVessel + 1; return ls }, "name 0"},
		{"name flag not a bool", func(t *Tables, ls []StoredList) []StoredList {
			*(*uint8)(unsafe.Pointer(&names(t)[1].surnames)) = 2
			return ls
		}, "name 1"},
		{"name words", func(t *Tables, ls []StoredList) []StoredList { names(t)[0].w1 = int32(len(t.Words) + 1); return ls }, "name 0"},
		{"alias", func(t *Tables, ls []StoredList) []StoredList { names(t)[0].alias = 5; return ls }, "alias out of range"},
		{"entry", func(t *Tables, ls []StoredList) []StoredList {
			return []StoredList{{Provenance: ls[0].Provenance}, ls[1]}
		}, "entry out of range"},
		{"list", func(t *Tables, ls []StoredList) []StoredList { return nil }, "list out of range"},
		{"word", func(t *Tables, ls []StoredList) []StoredList {
			t.Words = slices.Clone(t.Words)
			t.Words[0].tok = int32(len(t.Keys))
			return ls
		}, "word 0"},
		{"posting", func(t *Tables, ls []StoredList) []StoredList {
			t.Posts = slices.Clone(t.Posts)
			t.Posts[0] = int32(len(t.Names))
			return ls
		}, "posting"},
		{"key table", func(t *Tables, ls []StoredList) []StoredList { t.KeyIDs.Mask++; return ls }, "key table"},
		{"deletions", func(t *Tables, ls []StoredList) []StoredList {
			t.KeyDel.Ent = slices.Clone(t.KeyDel.Ent)
			t.KeyDel.Ent[0] = tagID(t.KeyDel.Ent[0].tag(), ^uint32(0)) // id -1
			return ls
		}, "key deletions"},
		{"identifier", func(t *Tables, ls []StoredList) []StoredList {
			t.IDs[idCPE].Refs = slices.Clone(t.IDs[idCPE].Refs)
			t.IDs[idCPE].Refs[0].entry = 7
			return ls
		}, "identifiers"},
		{"no list id", func(t *Tables, ls []StoredList) []StoredList {
			ls = slices.Clone(ls)
			ls[0].Provenance.ID = ""
			return ls
		}, "no provenance id"},
		{"list twice", func(t *Tables, ls []StoredList) []StoredList {
			ls = slices.Clone(ls)
			ls[1].Provenance.ID = "l"
			return ls
		}, "given twice"},
	}
	for _, tt := range tests {
		tab := ix.Tables()
		ls := tt.change(&tab, slices.Clone(stored))
		if _, err := FromTables(ix.Options(), ls, tab, ix.src); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}
