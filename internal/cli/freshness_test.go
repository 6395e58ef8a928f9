package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/decision"
)

// newPartySBOM is an SBOM whose one component is supplied by newParty.
const newPartySBOM = `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
"metadata":{"component":{"type":"application","bom-ref":"app","name":"app","version":"1"}},
"components":[{"type":"library","bom-ref":"nf","name":"nf-agent","version":"2.1","supplier":{"name":"Nova Fortis Software LLC"}}]}`

// A check refreshes, by itself and from the mirror BANGATE_LISTS_BASE_URL
// names, a list fetched longer ago than lists.update-after, and then
// finds a party only the new snapshot lists; data status names the mirror
// as the source. A list fetched recently is not fetched again. (The store
// holds a small SDN list, imported on purpose, so that the test is fast.)
func TestRefreshBeforeCheck(t *testing.T) {
	m := newListMirror(t, "shrunk+new", testNow.Add(-2*time.Hour))
	t.Setenv("BANGATE_LISTS_BASE_URL", m.URL())
	store := t.TempDir()
	k := filepath.Join(repoRoot, "internal", "lists", "testdata", "ofac", "kaspersky")
	r := runAt(t, testNow.Add(-48*time.Hour), "", "data", "import", "--index-cache=false", "--lists-dir", store, "--allow-shrink",
		"--published", testNow.Add(-50*time.Hour).Format(time.DateOnly), filepath.Join(k, "sdn.csv"), filepath.Join(k, "alt.csv"))
	if r.code != 0 {
		t.Fatalf("import two days ago: exit %d: %s", r.code, r.stderr)
	}
	// Offline, the store's list (two days old) does not list the party:
	// the check passes (the embedded non-SDN list, stale, only warns).
	if r := runAt(t, testNow, newPartySBOM, "check", "--offline", "--stale-lists", "warn", "--lists-dir", store, "-"); r.code != decision.ExitPass {
		t.Fatalf("offline check on the old snapshot: exit %d, want 0: %s", r.code, r.stderr)
	}
	if served := m.served(); len(served) != 0 {
		t.Fatalf("an offline check made requests: %v", served)
	}

	// OFAC has published the new designation; the next check refreshes
	// first, on bangate's defaults.
	r = runAt(t, testNow, newPartySBOM, "check", "-o", "json", "--lists-dir", store, "-")
	if r.code != decision.ExitFail {
		t.Fatalf("check after the publication: exit %d, want 1: %s", r.code, r.stderr)
	}
	d := decisionOf(t, r)
	found := false
	for _, v := range d.Inputs[0].Result.Violations {
		found = found || (v.Rule == "ofac-sdn-blocked" && v.Match["entry_id"] == newParty.ID)
	}
	if !found {
		t.Errorf("no ofac-sdn-blocked finding on %s: %+v", newParty.ID, d.Inputs[0].Result.Violations)
	}
	served := m.served()
	for _, name := range []string{"SDN.CSV", "ALT.CSV", "CONS_PRIM.CSV", "consolidated.json"} {
		if served[name] != 1 {
			t.Errorf("%s fetched %d times by the refresh, want once (served %v)", name, served[name], served)
		}
	}
	// The profile (federal-contractor) applies no UN, EU or UK list: none
	// was fetched.
	for _, name := range []string{"consolidated.xml", "xmlFullSanctionsList_1_1.xml", "UK-Sanctions-List.xml"} {
		if served[name] != 0 {
			t.Errorf("%s fetched for a profile that does not apply it", name)
		}
	}
	for _, l := range d.Lists {
		if l.ID == "ofac-sdn" && (!l.Retrieved.Equal(testNow) || l.SourceURL != m.URL()+"/SDN.CSV" || !l.Published.Equal(testNow.Add(-2*time.Hour))) {
			t.Errorf("ofac-sdn in the report: %+v, want fetched now from the mirror, published as its Last-Modified", l)
		}
	}

	// data status names the mirror, the fetch and the next refresh.
	r = runAt(t, testNow, "", "data", "status", "--lists-dir", store)
	for _, want := range []string{m.URL() + "/SDN.CSV (mirror)", "2026-11-27 12:00", "2026-11-28 12:00", "index cache: index/"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("data status lacks %q:\n%s", want, r.stdout)
		}
	}

	// Within lists.update-after nothing is fetched again.
	if r := runAt(t, testNow.Add(time.Hour), newPartySBOM, "check", "--lists-dir", store, "-"); r.code != decision.ExitFail {
		t.Fatalf("second check: exit %d: %s", r.code, r.stderr)
	}
	if served := m.served(); len(served) != 0 {
		t.Errorf("a check within lists.update-after fetched %v", served)
	}
}

// A first update that would shrink the SDN list to a handful of entries
// (a mirror serving 12 rows) is refused and leaves the store as it was:
// the embedded snapshot stays in force, whether the update is explicit or
// the refresh before a check.
func TestFirstUpdateShrinkRefused(t *testing.T) {
	m := newListMirror(t, "shrunk", testNow.Add(-2*time.Hour))
	store := t.TempDir()
	r := run(t, "", "data", "update", "--quiet", "--index-cache=false", "--lists-dir", store, "--lists-base-url", m.URL())
	if r.code != decision.ExitError || !strings.Contains(r.stderr, "update ofac-sdn") ||
		!strings.Contains(r.stderr, "12 entries, the snapshot embedded in bangate has 19249") {
		t.Fatalf("update: exit %d, stderr %s; want 2 refusing ofac-sdn", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(store, "lists", "ofac-sdn")); !os.IsNotExist(err) {
		t.Errorf("the refused list left a record in the store: %v", err)
	}
	r = run(t, "", "data", "status", "--lists-dir", store)
	if !strings.Contains(r.stdout, "embedded in bangate (from https://sanctionslistservice.ofac.treas.gov") || !strings.Contains(r.stdout, "19249") {
		t.Errorf("status after the refused update:\n%s", r.stdout)
	}
	// --allow-shrink accepts it, for a mass delisting one has checked.
	if r := run(t, "", "data", "update", "--quiet", "--index-cache=false", "--allow-shrink", "--lists-dir", t.TempDir(), "--lists-base-url", m.URL()); r.code != 0 {
		t.Errorf("update with --allow-shrink: exit %d: %s", r.code, r.stderr)
	}

	// The refresh before a check refuses it the same way, warns, and the
	// check goes on with the embedded lists: Kaspersky still fails.
	r = runAt(t, testNow, "", "check", "--lists-dir", store, "--lists-base-url", m.URL(), example("sbom/kaspersky.cdx.json"))
	if r.code != decision.ExitFail || !strings.Contains(r.stderr, "lists not refreshed") || !strings.Contains(r.stderr, "much smaller") {
		t.Errorf("check: exit %d, stderr %s; want 1 with the refused refresh in a warning", r.code, r.stderr)
	}
}

// quickStart returns the arguments of the README quick start's bangate
// command.
func quickStart(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	body := block(t, string(data), "## Quick start", "sh")
	_, cmd, ok := strings.Cut(body, `/bin/bangate" `)
	if !ok {
		t.Fatalf("the quick start does not run bangate:\n%s", body)
	}
	return strings.Fields(cmd)
}

// Offline with the lists embedded in bangate, which are older than
// lists.max-age: the README's quick start (the Kaspersky example, decided
// by the ban list) still fails with exit 1, with the staleness beside it;
// a clean SBOM cannot pass and is exit 2 with the fix in the message.
// "Offline" is both --offline and a machine without network (the refresh
// fails and says so).
func TestOfflineWithStaleLists(t *testing.T) {
	qs := quickStart(t)
	if len(qs) < 2 || qs[0] != "check" || !strings.HasPrefix(qs[len(qs)-1], "examples/") {
		t.Fatalf("quick start %v: want check on an example", qs)
	}
	kaspersky := append(qs[:len(qs)-1:len(qs)-1], filepath.Join(repoRoot, qs[len(qs)-1]))
	clean := append(qs[:len(qs)-1:len(qs)-1], example("sbom/clean.cdx.json"))
	fix := []string{"list ofac-sdn published 2026-08-20 is 99 days old, more than the 14 days allowed (lists.max-age)",
		"bangate data update", "bangate data import", "--offline --stale-lists warn"}
	for _, offline := range []bool{true, false} {
		extra := []string{}
		if offline {
			extra = []string{"--offline"}
		}
		r := runAt(t, testNow, "", append(append(kaspersky, extra...), "--lists-dir", t.TempDir())...)
		if r.code != decision.ExitFail || !strings.Contains(r.stdout, "kaspersky-icts-2024") || !strings.Contains(r.stderr, fix[0]) {
			t.Errorf("offline %v, quick start: exit %d, want 1 with the staleness beside it\nstderr: %s", offline, r.code, r.stderr)
		}
		r = runAt(t, testNow, "", append(append(clean, extra...), "--lists-dir", t.TempDir())...)
		if r.code != decision.ExitError {
			t.Errorf("offline %v, clean SBOM: exit %d, want 2", offline, r.code)
		}
		for _, want := range fix {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("offline %v, clean SBOM: stderr lacks %q:\n%s", offline, want, r.stderr)
			}
		}
		if refreshed := strings.Contains(r.stderr, "lists not refreshed"); refreshed == offline {
			t.Errorf("offline %v: a refresh warning %v:\n%s", offline, refreshed, r.stderr)
		}
		// The fix the message names works: the risk accepted, it passes.
		r = runAt(t, testNow, "", append(append(clean, extra...), "--offline", "--stale-lists", "warn", "--lists-dir", t.TempDir())...)
		if r.code != decision.ExitPass {
			t.Errorf("clean SBOM with --offline --stale-lists warn: exit %d: %s", r.code, r.stderr)
		}
	}
}
