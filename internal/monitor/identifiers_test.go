package monitor_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/monitor"
	"github.com/bangate/bangate/internal/provenance"
)

// sdnState writes an OFAC legacy CSV pair holding rows (and an alias of
// entry 36001), and returns its import into a list store.
func sdnState(t *testing.T, dir string, published time.Time, rows string) lists.ImportSpec {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	sdnPath, altPath := filepath.Join(dir, "sdn.csv"), filepath.Join(dir, "alt.csv")
	if err := os.WriteFile(sdnPath, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(altPath, []byte("36001,1001,aka,\"KALINA SOFTWARE\",-0- \r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return lists.ImportSpec{Format: lists.FormatOFACLegacy, AllowShrink: true,
		Meta:  provenance.List{ID: "ofac-sdn", Kind: provenance.KindSanctions, Published: published, SourceURL: "import:sdn.csv,alt.csv"},
		Files: map[string]lists.Source{lists.RolePrimary: lists.FileSource(sdnPath), lists.RoleAlt: lists.FileSource(altPath)}}
}

// An entry that keeps its name and gains a web address: a subject that
// names no listed party but whose author writes from that domain is
// checked again and flips, with an alert naming the changed entry; the
// same subject observed without its look-ups (as a name-only prefilter
// saw it) would have been left alone.
func TestRescreenIdentifierChange(t *testing.T) {
	dir := t.TempDir()
	d1, d2 := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	const row = `36001,"KALINA SOFT OOO",-0- ,CYBER2,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Website www.kalinasoft.example%s."` + "\r\n"
	before := sdnState(t, filepath.Join(dir, "before"), d1, fmtRow(row, ""))
	after := sdnState(t, filepath.Join(dir, "after"), d2, fmtRow(row, "; Website ks-updates.example"))

	storeDir := filepath.Join(dir, "lists")
	st, err := lists.OpenStore(storeDir, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(before); err != nil {
		t.Fatal(err)
	}
	plan := scenarioPlan(t, storeDir)
	plan.AsOf, plan.Ownership = testNow, nil
	old := session(t, plan)
	data := []byte(`{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[{"type":"library","name":"updater","version":"2.0",
		"author":"Release Team <release@ks-updates.example>"}]}`)
	sub := monitor.Subject{Key: "updater", Name: "updater.cdx.json", Data: data}
	monitor.Observe(&sub, old, old.Run(context.Background(), []check.Input{{Path: sub.Name, Data: data}}))
	if sub.Outcome != decision.OutcomePass {
		t.Fatalf("before the change: %s, want pass", sub.Outcome)
	}
	if !slices.Contains(sub.Lookups, check.Lookup{Kind: check.LookupDomain, Value: "ks-updates.example"}) {
		t.Fatalf("look-ups %+v: want the author's domain", sub.Lookups)
	}

	if _, err := st.Import(after); err != nil {
		t.Fatal(err)
	}
	cur := session(t, plan)
	oldLs, err := old.LoadedLists()
	if err != nil {
		t.Fatal(err)
	}
	curLs, err := cur.LoadedLists()
	if err != nil {
		t.Fatal(err)
	}
	sc, err := monitor.NewScreener(monitor.Changes(oldLs, curLs), plan.Screening.Match, plan.Screening.Review)
	if err != nil {
		t.Fatal(err)
	}
	nameOnly := sub
	nameOnly.Lookups = nil
	res, err := monitor.Rescreen(context.Background(), cur, []monitor.Subject{sub, nameOnly}, sc, monitor.ListsKey(old), testNow)
	if err != nil {
		t.Fatal(err)
	}
	a := res[0].Alert
	if res[0].Run == nil || a == nil || a.New == decision.OutcomePass {
		t.Fatalf("with its look-ups: re-run %v, alert %+v; want a re-check that no longer passes", res[0].Run != nil, a)
	}
	if len(a.Entries) != 1 || a.Entries[0].ID != "36001" || a.Entries[0].Change != monitor.ChangeChanged {
		t.Errorf("alert entries %+v: want 36001, changed", a.Entries)
	}
	if res[1].Run != nil {
		t.Errorf("without its look-ups the subject was checked again: the test no longer shows what the look-ups add")
	}
}

func fmtRow(row, extra string) string {
	return fmt.Sprintf(row, extra)
}
