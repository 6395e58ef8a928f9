package monitor_test

import (
	"slices"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/monitor"
	"github.com/bangate/bangate/internal/provenance"
)

func sdn(sha string, published time.Time, es ...lists.Entry) *lists.List {
	l := &lists.List{Entries: es}
	l.Provenance = provenance.List{ID: "ofac-sdn", Kind: provenance.KindSanctions, SHA256: sha, Published: published}
	return l
}

// The screener finds the subjects an addition, a change (a new alias) and
// a removal can affect, by a screened name or by an entry the last
// decision cites, and no others; an unchanged list makes no change.
func TestScreener(t *testing.T) {
	d1, d2 := time.Date(2024, 6, 14, 0, 0, 0, 0, time.UTC), time.Date(2024, 6, 21, 0, 0, 0, 0, time.UTC)
	kept := lists.Entry{ID: "100", Name: "ORION TRADING LLC", Type: "entity", Programs: []string{"RUSSIA-EO14024"}}
	gone := lists.Entry{ID: "200", Name: "BLUE LAGOON SHIPPING LIMITED", Type: "entity", Programs: []string{"IRAN"}}
	before := lists.Entry{ID: "300", Name: "SEVERNYI VETER OOO", Type: "entity", Programs: []string{"RUSSIA-EO14024"}}
	after := before
	after.Aliases = []lists.Alias{{Name: "NORTHERN WIND LLC", Type: "aka"}}
	added := lists.Entry{ID: "45815", Name: "TIKHONOV, Andrei Gennadyevich", Type: "individual", Programs: []string{"RUSSIA-EO14024"}}
	old := sdn("a", d1, kept, gone, before)
	cur := sdn("b", d2, kept, after, added)

	if cs := monitor.Changes([]*lists.List{old}, []*lists.List{old}); len(cs) != 0 {
		t.Fatalf("changes of an unchanged list: %+v", cs)
	}
	cs := monitor.Changes([]*lists.List{old}, []*lists.List{cur})
	if len(cs) != 1 || len(cs[0].Diff.Added) != 1 || len(cs[0].Diff.Changed) != 1 || len(cs[0].Diff.Removed) != 1 || monitor.Entries(cs) != 3 {
		t.Fatalf("changes: %+v", cs)
	}
	sc, err := monitor.NewScreener(cs, 0.90, 0.80)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		names []string
		cited []string
		want  []string // list/id/change
	}{
		{"owned by the designated person", []string{"Baltic Holding Ltd", "Andrei Tikhonov"}, nil, []string{"ofac-sdn/45815/added"}},
		{"the new alias", []string{"Northern Wind LLC"}, nil, []string{"ofac-sdn/300/changed"}},
		{"the old name of the changed entry", []string{"Severnyi Veter OOO"}, nil, []string{"ofac-sdn/300/changed"}},
		{"a removed entry by name", []string{"Blue Lagoon Shipping Ltd"}, nil, []string{"ofac-sdn/200/removed"}},
		{"a removed entry its decision cites", []string{"BL Shipping"}, []string{"ofac-sdn/200"}, []string{"ofac-sdn/200/removed"}},
		{"an unchanged entry", []string{"Orion Trading LLC"}, []string{"ofac-sdn/100"}, nil},
		{"clean", []string{"Acme Office Supply LLC", "Cascade Software GmbH"}, nil, nil},
	} {
		es, err := sc.Affects(tc.names, tc.cited)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range es {
			got = append(got, e.List+"/"+e.ID+"/"+e.Change)
			want := d2
			if e.Change == monitor.ChangeRemoved {
				want = d1
			}
			if !e.Snapshot.Published.Equal(want) {
				t.Errorf("%s: entry %s in the snapshot of %s, want %s", tc.name, e.ID, e.Snapshot.Published, want)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: affected by %v, want %v", tc.name, got, tc.want)
		}
	}
}
