package monitor_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/monitor"
	"github.com/bangate/bangate/internal/monitor/monitortest"
	"github.com/bangate/bangate/policies"
)

// sessions is shared by the tests: the policies compile once.
var sessions = check.NewCache()

var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// scenarioInputs are the subjects of the scenario, by file name.
var scenarioInputs = []string{"baltic-holding.csv", "acme-office-supply.csv", "blue-ridge-network.csv",
	"cascade-software.csv", "northwind-nominees.csv", "security-portal.cdx.json"}

// scenarioPlan is the plan of the scenario's checks: as of 2024-06-20,
// the day before the designations, on the lists of store, with the
// scenario's ownership file. The lists are old by today's clock, so
// their age is not judged.
func scenarioPlan(t *testing.T, store string) check.Plan {
	t.Helper()
	own, err := os.ReadFile(filepath.Join("testdata", "scenario", "ownership.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return check.Plan{Profile: "federal-contractor", AsOf: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC), FailOn: "low",
		Screening: check.Thresholds{Match: 0.90, Review: 0.80}, PolicyInput: check.PolicyInputDiet, MaxListed: 50,
		Input: check.InputPlan{Kind: check.KindAuto, MaxSize: 8 << 20}, Embargo: "deny",
		Ownership: check.NewBlob("ownership.csv", own),
		Lists:     check.ListPlan{StoreDir: store, MaxAge: 0, Stale: check.StaleWarn}}
}

func session(t *testing.T, plan check.Plan) *check.Session {
	t.Helper()
	sess, err := check.NewSession(context.Background(), plan, check.Sources{Builtin: policies.FS, Cache: sessions,
		Now: func() time.Time { return testNow }, Tool: decision.Tool{Name: "bangate", Version: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	return sess
}

func subjects(t *testing.T, sess *check.Session) []monitor.Subject {
	t.Helper()
	var subs []monitor.Subject
	for _, name := range scenarioInputs {
		data, err := os.ReadFile(filepath.Join("testdata", "scenario", name))
		if err != nil {
			t.Fatal(err)
		}
		sub := monitor.Subject{Key: name, Name: name, Data: data}
		run := sess.Run(context.Background(), []check.Input{{Path: name, Data: data}})
		monitor.Observe(&sub, sess, run)
		subs = append(subs, sub)
	}
	return subs
}

// TestScenario is the seed's scenario: the checks of 2024-06-20 pass on
// the SDN list of 2024-05-03; once the designations of 2024-06-21 are
// imported, the one vendor they affect (50% owned by two of the twelve
// Kaspersky leaders) flips to fail, its alert names those two
// designations and the snapshot of 2024-06-21, and nothing else is even
// checked again.
func TestScenario(t *testing.T) {
	dir := t.TempDir()
	before, after, err := monitortest.States(filepath.Join("..", ".."), dir)
	if err != nil {
		t.Fatal(err)
	}
	storeDir := filepath.Join(dir, "lists")
	st, err := lists.OpenStore(storeDir, func() time.Time { return testNow })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Import(before.Spec()); err != nil {
		t.Fatal(err)
	}
	plan := scenarioPlan(t, storeDir)
	old := session(t, plan)
	subs := subjects(t, old)
	for _, s := range subs {
		if s.Outcome != decision.OutcomePass {
			t.Fatalf("%s on the list of 2024-05-03: %s, want pass", s.Name, s.Outcome)
		}
	}

	if _, err := st.Import(after.Spec()); err != nil {
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
	changes := monitor.Changes(oldLs, curLs)
	if len(changes) != 1 || changes[0].New.List != "ofac-sdn" || len(changes[0].Diff.Added) != 12 ||
		len(changes[0].Diff.Changed)+len(changes[0].Diff.Removed) != 0 {
		t.Fatalf("changes: want the 12 designations added to ofac-sdn, got %+v", summary(changes))
	}
	var added []string
	for _, e := range changes[0].Diff.Added {
		added = append(added, e.ID)
	}
	if !slices.Equal(added, monitortest.Designated) {
		t.Fatalf("added %v, want %v", added, monitortest.Designated)
	}
	sc, err := monitor.NewScreener(changes, plan.Screening.Match, plan.Screening.Review)
	if err != nil {
		t.Fatal(err)
	}
	res, err := monitor.Rescreen(context.Background(), cur, subs, sc, monitor.ListsKey(old), testNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		switch r.Subject.Name {
		case "baltic-holding.csv":
			a := r.Alert
			if a == nil || a.Old != decision.OutcomePass || a.New != decision.OutcomeFail {
				t.Fatalf("baltic-holding.csv: want an alert pass -> fail, got %+v (outcome %s)", a, r.Subject.Outcome)
			}
			var ids []string
			for _, e := range a.Entries {
				ids = append(ids, e.ID)
				if e.Change != monitor.ChangeAdded || e.Snapshot.List != "ofac-sdn" || !e.Snapshot.Published.Equal(monitortest.After) {
					t.Errorf("alert entry %+v: want an addition in the ofac-sdn snapshot of 2024-06-21", e)
				}
			}
			if !slices.Contains(ids, "45815") || !slices.Contains(ids, "45817") {
				t.Errorf("alert entries %v: want TIKHONOV (45815) and EFREMOV (45817)", ids)
			}
			if len(a.Snapshots) != 1 || !a.Snapshots[0].Published.Equal(monitortest.After) {
				t.Errorf("alert snapshots %+v: want ofac-sdn of 2024-06-21", a.Snapshots)
			}
		default:
			if r.Alert != nil || r.Run != nil || r.Subject.Outcome != decision.OutcomePass {
				t.Errorf("%s: re-run %v, alert %+v, outcome %s; want it left alone, passing", r.Subject.Name, r.Run != nil, r.Alert, r.Subject.Outcome)
			}
			if r.Subject.Lists != monitor.ListsKey(cur) {
				t.Errorf("%s: not marked as standing on the new lists", r.Subject.Name)
			}
		}
	}

	// The prefilter left nothing out: checking everything again gives
	// the same outcomes.
	for _, s := range subjects(t, cur) {
		want := decision.OutcomePass
		if s.Name == "baltic-holding.csv" {
			want = decision.OutcomeFail
		}
		if s.Outcome != want {
			t.Errorf("full re-check of %s: %s, want %s", s.Name, s.Outcome, want)
		}
	}
}

// TestScenarioLaterCompany shows that the SBOM's supplier is a company
// OFAC listed later: on the embedded snapshot (2026) the SBOM fails.
func TestScenarioLaterCompany(t *testing.T) {
	plan := scenarioPlan(t, "")
	plan.AsOf = testNow
	sess := session(t, plan)
	data, err := os.ReadFile(filepath.Join("testdata", "scenario", "security-portal.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	run := sess.Run(context.Background(), []check.Input{{Path: "security-portal.cdx.json", Data: data}})
	if got := run.Decision.Outcome; got != decision.OutcomeFail {
		t.Fatalf("security-portal.cdx.json on the embedded snapshot: %s, want fail", got)
	}
	if cited := monitor.CitedOf(run.Decision); !slices.Contains(cited, "ofac-sdn/50179") {
		t.Errorf("cited %v: want ofac-sdn/50179", cited)
	}
}

func summary(cs []monitor.Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.New.List+"/"+c.Old.List)
	}
	return out
}
