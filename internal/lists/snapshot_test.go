package lists_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/google/go-cmp/cmp"
)

func TestSnapshot(t *testing.T) {
	t.Parallel()
	ls, err := lists.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 2 || ls[0].Provenance.ID != "ofac-sdn" || ls[1].Provenance.ID != "ofac-cons" {
		t.Fatalf("lists = %v, want ofac-sdn and ofac-cons", ls)
	}
	sdn, cons := ls[0], ls[1]
	if !sdn.Provenance.Derived {
		// A release regenerated ofac-sdn from the official files: what
		// follows describes the hand-assembled list (TestEmbeddedInfo and
		// the generator's tests cover the official one).
		t.Skip("ofac-sdn is the official set the generator wrote")
	}

	// ofac-sdn: the 19,249 entries of the 2026-08-20 derived export
	// (its metadata.json counts), marked derived.
	p := sdn.Provenance
	if p.Entries != 19249 || len(sdn.Entries) != 19249 || !p.Derived || p.Kind != provenance.KindSanctions ||
		!p.Published.Equal(time.Date(2026, 8, 20, 0, 0, 0, 0, time.UTC)) || len(p.SHA256) != 64 {
		t.Errorf("ofac-sdn provenance = %+v", p)
	}
	for _, want := range []string{"derived", "2026-08-20", "2024-05-03", "2025-01-06", "not continued", "45818 ASTRAKHAN"} {
		if !strings.Contains(p.Note, want) {
			t.Errorf("ofac-sdn note does not mention %q: %s", want, p.Note)
		}
	}
	byID := make(map[string]lists.Entry, len(sdn.Entries))
	for _, e := range sdn.Entries {
		if e.List != "ofac-sdn" {
			t.Fatalf("entry %s has list %q", e.ID, e.List)
		}
		byID[e.ID] = e
	}

	// The eleven Kaspersky leaders designated 2024-06-21 that the 2026 data
	// still lists, with their aliases and the IDs of their official rows.
	leaders := map[string][]string{
		"45815": {"TIKHONOV, Andrey"},
		"45817": {"EFREMOV, Andrey"},
		"45821": {"SUVOROV, Andrey"},
		"45849": {"CHEKUNOV, Igor"},
		"45854": {"ALEKSEYEVA, Marina Mikhaylovna", "ALEKSEEVA, Marina"},
		"45856": {"GERBER, Mikhail"},
		"45858": {"IVANOV, Anton Mihaylovich", "IVANOV, Anton"},
		"45860": {"KULASHOVA, Anna", "DUDORINA, Anna"},
		"45862": {"BORSHCHEV, Daniil", "BORSCHEV, Daniil"},
		"45863": {"DOUKHVALOV, Andrey"},
		"45864": nil,
	}
	for id, aliases := range leaders {
		e, ok := byID[id]
		if !ok {
			t.Errorf("Kaspersky leader %s missing", id)
			continue
		}
		var got []string
		for _, a := range e.Aliases {
			got = append(got, a.Name)
		}
		if diff := cmp.Diff(aliases, got); diff != "" {
			t.Errorf("%s aliases (-want +got):\n%s", id, diff)
		}
		if !cmp.Equal(e.Programs, []string{"RUSSIA-EO14024"}) || len(e.DatesOfBirth) != 1 ||
			!cmp.Equal(e.Nationalities, []string{"Russia"}) || len(e.IDs) == 0 || e.IDs[0].Type != "Passport" {
			t.Errorf("%s = %+v, want RUSSIA-EO14024 with DOB, nationality and passport", id, e)
		}
	}
	if _, ok := byID["45818"]; ok {
		t.Errorf("45818 ASTRAKHAN is in the snapshot, but absent from the 2026 data")
	}

	// Remarks from the official 2024-05-03 row.
	pt := byID["31455"]
	if !cmp.Equal(pt.Domains, []string{"ptsecurity.ru", "ptsecurity.com"}) || !cmp.Equal(pt.LinkedTo, []string{"FEDERAL SECURITY SERVICE"}) {
		t.Errorf("31455 = %+v, want ptsecurity domains and Linked To", pt)
	}
	// Remarks cut at 1000 characters stay cut: no continuation of the
	// same date is at hand.
	if suex := byID["33151"]; len(suex.Remarks) != 1000 || !strings.HasSuffix(suex.Remarks, "XBT 1B64QRxf") {
		t.Errorf("33151 remarks: length %d, want the 1000 characters of 2024-05-03", len(suex.Remarks))
	}
	// Alias types from ALT.CSV of 2025-01-06 (the export calls all "aka").
	fka := 0
	for _, e := range sdn.Entries {
		for _, a := range e.Aliases {
			if a.Type == "fka" {
				fka++
			}
		}
	}
	if fka < 400 {
		t.Errorf("%d f.k.a. aliases, want the ~550 of ALT.CSV less delistings", fka)
	}

	// ofac-cons: the 442 rows of CONS_PRIM.CSV of 2025-12, as the
	// generator recorded them.
	if cons.Provenance.Entries != 442 || cons.Provenance.Derived || len(cons.Provenance.SHA256) != 64 ||
		!cons.Provenance.Published.Equal(time.Date(2025, 12, 19, 0, 0, 0, 0, time.UTC)) ||
		!strings.Contains(cons.Provenance.Note, "-published") {
		t.Errorf("ofac-cons provenance = %+v", cons.Provenance)
	}
	for _, e := range cons.Entries {
		if e.ID == "30947" {
			want := []lists.Identifier{{Type: "Unified Social Credit Code (USCC)", Number: "914403001922038216", Country: "China"}}
			if e.Name != "HUAWEI TECHNOLOGIES CO., LTD." || !cmp.Equal(e.IDs, want) || !cmp.Equal(e.Programs, []string{"CMIC-EO13959"}) {
				t.Errorf("30947 = %+v", e)
			}
		}
	}
}

func TestSnapshotDeterministic(t *testing.T) {
	t.Parallel()
	a, err := lists.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	b, err := lists.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("two calls differ:\n%.2000s", diff)
	}
	// Each call returns its own lists: changing one leaves the next intact.
	a[0].Entries[0].Name = "changed"
	c, err := lists.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if c[0].Entries[0].Name == "changed" {
		t.Errorf("Snapshot shares state between calls")
	}
}
