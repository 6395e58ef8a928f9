package monitor_test

import (
	"slices"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
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
	// An entry whose name stays and whose addresses and identifiers
	// change: only a subject that gives one of them is affected.
	idsBefore := lists.Entry{ID: "400", Name: "KALINA SOFT OOO", Type: "entity", Programs: []string{"CYBER2"},
		Domains: []string{"kalinasoft.example"}, IDs: []lists.Identifier{{Type: "Tax ID No.", Number: "7701234567"}}}
	idsAfter := idsBefore
	idsAfter.Domains = []string{"kalinasoft.example", "ks-updates.example", "gmail.com"} // as the loaders add an address's domain
	idsAfter.Emails = []string{"release.bot@gmail.com"}
	idsAfter.IDs = []lists.Identifier{{Type: "Tax ID No.", Number: "7701234567"}, {Type: "Registration Number", Number: "1187746123456"}}
	old := sdn("a", d1, kept, gone, before, idsBefore)
	cur := sdn("b", d2, kept, after, added, idsAfter)

	if cs := monitor.Changes([]*lists.List{old}, []*lists.List{old}); len(cs) != 0 {
		t.Fatalf("changes of an unchanged list: %+v", cs)
	}
	cs := monitor.Changes([]*lists.List{old}, []*lists.List{cur})
	if len(cs) != 1 || len(cs[0].Diff.Added) != 1 || len(cs[0].Diff.Changed) != 2 || len(cs[0].Diff.Removed) != 1 || monitor.Entries(cs) != 4 {
		t.Fatalf("changes: %+v", cs)
	}
	sc, err := monitor.NewScreener(cs, 0.90, 0.80)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		names   []string
		cited   []string
		lookups []check.Lookup
		want    []string // list/id/change
	}{
		{"owned by the designated person", []string{"Baltic Holding Ltd", "Andrei Tikhonov"}, nil, nil, []string{"ofac-sdn/45815/added"}},
		{"the new alias", []string{"Northern Wind LLC"}, nil, nil, []string{"ofac-sdn/300/changed"}},
		{"the old name of the changed entry", []string{"Severnyi Veter OOO"}, nil, nil, []string{"ofac-sdn/300/changed"}},
		{"a removed entry by name", []string{"Blue Lagoon Shipping Ltd"}, nil, nil, []string{"ofac-sdn/200/removed"}},
		{"a removed entry its decision cites", []string{"BL Shipping"}, []string{"ofac-sdn/200"}, nil, []string{"ofac-sdn/200/removed"}},
		{"an unchanged entry", []string{"Orion Trading LLC"}, []string{"ofac-sdn/100"}, nil, nil},
		{"clean", []string{"Acme Office Supply LLC", "Cascade Software GmbH"}, nil, nil, nil},
		{"a domain the entry gained", []string{"Update Team"}, nil, []check.Lookup{{Kind: check.LookupDomain, Value: "ks-updates.example"}}, []string{"ofac-sdn/400/changed"}},
		{"an address the entry gained", nil, nil, []check.Lookup{{Kind: check.LookupEmail, Value: "release.bot@gmail.com"}}, []string{"ofac-sdn/400/changed"}},
		{"an identifier the entry gained", nil, nil, []check.Lookup{{Kind: check.LookupIdentifier, Value: "1187746123456"}}, []string{"ofac-sdn/400/changed"}},
		{"an identifier the entry kept", nil, nil, []check.Lookup{{Kind: check.LookupIdentifier, Value: "7701234567"}}, []string{"ofac-sdn/400/changed"}},
		{"other addresses and numbers", []string{"Update Team"}, nil, []check.Lookup{
			{Kind: check.LookupDomain, Value: "updates.example"}, {Kind: check.LookupEmail, Value: "someone@gmail.com"},
			{Kind: check.LookupIdentifier, Value: "9909999999"}, {Kind: check.LookupNamespace, Ecosystem: "maven", Value: "com.example"},
		}, nil},
	} {
		es, err := sc.Affects(tc.names, tc.cited, tc.lookups)
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
