package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/monitor/monitortest"
)

// monitorReport is the JSON report of bangate monitor, as far as the
// tests read it.
type monitorReport struct {
	First   bool `json:"first"`
	Changes []struct {
		Name    string `json:"name"`
		Old     string `json:"old_outcome"`
		New     string `json:"new_outcome"`
		Entries []struct {
			List, ID, Change string
			Snapshot         struct {
				Published time.Time `json:"published"`
			} `json:"snapshot"`
		} `json:"entries"`
	} `json:"changes"`
	New       []string `json:"new"`
	Gone      []string `json:"gone"`
	Rechecked []string `json:"rechecked"`
	Subjects  []struct {
		Name    string `json:"name"`
		Outcome string `json:"outcome"`
	} `json:"subjects"`
	Outcome  string `json:"outcome"`
	ExitCode int    `json:"exit_code"`
}

func monitorOf(t *testing.T, r result) monitorReport {
	t.Helper()
	var m monitorReport
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatalf("monitor report: %v\nstdout: %s\nstderr: %s", err, r.stdout, r.stderr)
	}
	if m.ExitCode != r.code {
		t.Errorf("report says exit %d, the run exited %d", m.ExitCode, r.code)
	}
	return m
}

// TestMonitorScenario runs the seed's scenario with bangate monitor: the
// first run checks the inventory on the SDN list of 2024-05-03 (all
// pass, exit 0), a run with nothing new checks nothing again, and after
// data import of the 2024-06-21 state exactly the vendor owned by two of
// the designated leaders flips, named with those designations and the
// snapshot's date, with exit 1 (the worst current outcome); the state
// file is replaced atomically in the inventory, and a README is no
// subject.
func TestMonitorScenario(t *testing.T) {
	dir := t.TempDir()
	before, after, err := monitortest.States(repoRoot, dir)
	if err != nil {
		t.Fatal(err)
	}
	scenario := filepath.Join(repoRoot, "internal", "monitor", "testdata", "scenario")
	inv := filepath.Join(dir, "inventory")
	if err := os.MkdirAll(inv, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"baltic-holding.csv", "acme-office-supply.csv", "blue-ridge-network.csv",
		"cascade-software.csv", "northwind-nominees.csv", "security-portal.cdx.json"} {
		b, err := os.ReadFile(filepath.Join(scenario, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(inv, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(inv, "README.md"), []byte("# Our vendors\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(dir, "lists")
	imp := func(st monitortest.State) {
		t.Helper()
		args := append([]string{"data", "import", "--lists-dir", store, "--allow-shrink", "--index-cache=false",
			"--published", st.Published.Format(time.DateOnly)}, st.Files()...)
		if r := run(t, "", args...); r.code != 0 {
			t.Fatalf("data import: exit %d: %s", r.code, r.stderr)
		}
	}
	mon := func(format string) result {
		return run(t, "", "monitor", "--inventory", inv, "--lists-dir", store, "--offline", "--max-list-age", "0",
			"--index-cache=false", "--as-of", "2024-06-20", "--ownership", filepath.Join(scenario, "ownership.csv"), "--format", format)
	}

	imp(before)
	r := mon("json")
	m := monitorOf(t, r)
	if r.code != 0 || !m.First || len(m.Subjects) != 6 || len(m.New) != 6 || len(m.Changes) != 0 {
		t.Fatalf("first run: exit %d, %+v\n%s", r.code, m, r.stderr)
	}
	state := filepath.Join(inv, ".bangate-monitor.json")
	if _, err := os.Stat(state); err != nil {
		t.Fatalf("no state file: %v", err)
	}

	r = mon("json")
	if m = monitorOf(t, r); r.code != 0 || m.First || len(m.Rechecked)+len(m.New)+len(m.Changes) != 0 {
		t.Fatalf("run with nothing new: exit %d, %+v", r.code, m)
	}

	imp(after)
	r = mon("json")
	m = monitorOf(t, r)
	if r.code != 1 || m.Outcome != "fail" {
		t.Fatalf("after the designations: exit %d (%s), want 1 (fail)\n%s", r.code, m.Outcome, r.stdout)
	}
	if !slices.Equal(m.Rechecked, []string{"baltic-holding.csv"}) || len(m.Changes) != 1 {
		t.Fatalf("after the designations: rechecked %v, changes %+v; want baltic-holding.csv only", m.Rechecked, m.Changes)
	}
	c := m.Changes[0]
	var ids []string
	for _, e := range c.Entries {
		ids = append(ids, e.List+"/"+e.ID)
		if e.Change != "added" || !e.Snapshot.Published.Equal(monitortest.After) {
			t.Errorf("entry %+v: want an addition of 2024-06-21", e)
		}
	}
	if c.Name != "baltic-holding.csv" || c.Old != "pass" || c.New != "fail" || !slices.Equal(ids, []string{"ofac-sdn/45815", "ofac-sdn/45817"}) {
		t.Errorf("change %+v (entries %v): want baltic-holding.csv pass -> fail by ofac-sdn/45815 and 45817", c, ids)
	}
	for _, s := range m.Subjects {
		if want := map[bool]string{true: "fail", false: "pass"}[s.Name == "baltic-holding.csv"]; s.Outcome != want {
			t.Errorf("%s: %s, want %s", s.Name, s.Outcome, want)
		}
	}

	// The text report of the next run: nothing changed, still exit 1;
	// a file removed from the inventory is reported gone.
	if err := os.Remove(filepath.Join(inv, "acme-office-supply.csv")); err != nil {
		t.Fatal(err)
	}
	r = mon("text")
	if r.code != 1 || !strings.Contains(r.stdout, "outcome FAIL (exit 1)") || !strings.Contains(r.stdout, "no outcome changed") ||
		!strings.Contains(r.stdout, "gone: acme-office-supply.csv") || strings.Contains(r.stdout, "->") {
		t.Errorf("text report: exit %d\n%s", r.code, r.stdout)
	}
}

// A state file that is not one is refused (exit 2), and left as it was.
func TestMonitorBadState(t *testing.T) {
	inv := t.TempDir()
	state := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(state, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "monitor", "--inventory", inv, "--state", state, "--offline")
	if r.code != 2 || !strings.Contains(r.stderr, "state.json") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(state); string(b) != "{not json" {
		t.Errorf("state file changed: %s", b)
	}
	if r := run(t, "", "monitor", "--offline"); r.code != 2 || !strings.Contains(r.stderr, "--inventory") {
		t.Errorf("no --inventory: exit %d: %s", r.code, r.stderr)
	}
}
