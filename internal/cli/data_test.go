package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/decision"
)

func TestDataUpdate(t *testing.T) {
	m := newListMirror(t, "old", testNow.Add(-2*time.Hour))
	store := t.TempDir()
	update := func(extra ...string) result {
		args := append([]string{"data", "update", "--quiet", "--index-cache=false", "--lists-dir", store, "--lists-base-url", m.URL() + "/exports/"}, extra...)
		return run(t, "", args...)
	}
	if r := update(); r.code != 0 {
		t.Fatalf("update: exit %d: %s", r.code, r.stderr)
	}
	for _, name := range []string{"SDN.CSV", "ALT.CSV", "ADD.CSV", "SDN_COMMENTS.CSV", "CONS_PRIM.CSV", "consolidated.json",
		"consolidated.xml", "xmlFullSanctionsList_1_1.xml", "UK-Sanctions-List.xml"} {
		if n := m.served()[name]; n != 0 && n != 1 {
			t.Errorf("%s requested %d times", name, n)
		}
	}
	r := run(t, "", "data", "status", "--lists-dir", store)
	for _, want := range []string{"ofac-cons", "442", "19249", m.URL() + "/exports/SDN.CSV (mirror)", "fetched from the mirror"} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Fatalf("status after update: exit %d, lacks %q\n%s", r.code, want, r.stdout)
		}
	}
	records := map[string][]byte{}
	for _, id := range []string{"ofac-sdn", "ofac-cons"} {
		b, err := os.ReadFile(filepath.Join(store, "lists", id, "current.json"))
		if err != nil {
			t.Fatal(err)
		}
		records[id] = b
	}
	for _, tc := range []struct{ mode, want string }{
		{"truncated", "ofac-cons"},
		{"500", "500"},
		{"slow", "ofac"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			m.mode.Store(tc.mode)
			defer m.mode.Store("ok")
			args := []string{}
			if tc.mode == "slow" {
				args = append(args, "--lists-update-timeout", "300ms")
			}
			r := update(args...)
			if r.code != decision.ExitError || !strings.Contains(r.stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want 2 naming %q", r.code, r.stderr, tc.want)
			}
			// The stored snapshots are untouched.
			for id, want := range records {
				if got, err := os.ReadFile(filepath.Join(store, "lists", id, "current.json")); err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s replaced after a failed update (%v)", id, err)
				}
			}
		})
	}
}

func TestDataImportAndDiff(t *testing.T) {
	store := t.TempDir()
	k := filepath.Join(repoRoot, "internal", "lists", "testdata", "ofac", "kaspersky")
	// Twelve rows instead of the embedded 19,249: refused, unless allowed.
	r := run(t, "", "data", "import", "--lists-dir", store, "--published", "2025-05-01",
		filepath.Join(k, "sdn.csv"), filepath.Join(k, "alt.csv"))
	if r.code != decision.ExitError || !strings.Contains(r.stderr, "the snapshot embedded in bangate has 19249") {
		t.Fatalf("first import of 12 rows: exit %d: %s", r.code, r.stderr)
	}
	r = run(t, "", "data", "import", "--lists-dir", store, "--published", "2025-05-01", "--allow-shrink",
		filepath.Join(k, "sdn.csv"), filepath.Join(k, "alt.csv"))
	if r.code != 0 || !strings.Contains(r.stdout, "stored ofac-sdn: 12 entries") {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	// The import indexed the lists in force for the next check.
	if m, _ := filepath.Glob(filepath.Join(store, "index", "*.idx")); len(m) != 1 {
		t.Errorf("index files after the import: %v, want one", m)
	}
	r = run(t, "", "data", "import", "--lists-dir", store, "--id", "ofac-sdn", "--published", "2025-06-01",
		filepath.Join(k, "sdn.csv"), filepath.Join(k, "alt.csv"), filepath.Join(k, "add.csv"))
	if r.code != 0 {
		t.Fatalf("second import: exit %d: %s", r.code, r.stderr)
	}
	r = run(t, "", "data", "diff", "--lists-dir", store, "ofac-sdn")
	if r.code != 0 || !strings.Contains(r.stdout, "0 added, 0 removed") {
		t.Fatalf("diff: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "", "data", "import", "--lists-dir", store, "--id", "ofac-sdn", filepath.Join(k, "nope.csv")); r.code != decision.ExitError {
		t.Errorf("import of a bad file name: exit %d", r.code)
	}
}

// data import reads every format the store knows, by --format: each list
// is stored under its ID with the date its file states (or --published
// for the formats that state none), and the import names what it was.
func TestDataImportFormats(t *testing.T) {
	store := t.TempDir()
	td := filepath.Join(repoRoot, "internal", "lists", "testdata")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "un-sc-xml", filepath.Join(td, "un", "consolidated-excerpt.xml")}, "stored un-sc: 5 entries, published 2026-02-27"},
		{[]string{"--format", "eu-fsf-xml", filepath.Join(td, "eu", "sample_eu_sanctions.xml")}, "stored eu-fsf: 7 entries, published 2020-04-15"},
		{[]string{"--format", "uk-fcdo-xml", filepath.Join(td, "uk", "uk-sanctions-list-excerpt.xml")}, "stored uk-fcdo: 3 entries, published 2026-08-14"},
		{[]string{"--format", "uk-ofsi-csv", filepath.Join(td, "uk", "conlist-2022-excerpt.csv")}, "stored uk-ofsi: 5 entries"},
		{[]string{"--format", "CSL-JSON", "--published", "2026-11-20", filepath.Join(td, "csl", "consolidated.json")}, "stored trade-csl: 6 entries, published 2026-11-20"},
		{[]string{"--format", "ofac-sdn-xml", "--id", "sdn-xml", filepath.Join(td, "xml", "sdn.xml")}, "stored sdn-xml: 3 entries"},
	} {
		r := run(t, "", append([]string{"data", "import", "--index-cache=false", "--lists-dir", store}, tc.args...)...)
		if r.code != 0 || !strings.Contains(r.stdout, tc.want) {
			t.Errorf("import %v: exit %d, stdout %q, stderr %q; want %q", tc.args, r.code, r.stdout, r.stderr, tc.want)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "pdf", "x"}, `--format "pdf": want one of ofac-legacy-csv`},
		{[]string{"--format", "un-sc-xml", "--published", "2026-01-01", filepath.Join(td, "un", "consolidated-excerpt.xml")}, "state their own publication date"},
		{[]string{"--format", "csl-json", filepath.Join(td, "csl", "consolidated.json")}, "--published is required"},
		{[]string{"--format", "un-sc-xml", "a.xml", "b.xml"}, "takes one file, got 2"},
		{[]string{"--format", "eu-fsf-xml", filepath.Join(td, "un", "consolidated-excerpt.xml")}, "consolidated-excerpt.xml"},
	} {
		r := run(t, "", append([]string{"data", "import", "--lists-dir", store}, tc.args...)...)
		if r.code != decision.ExitError || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("import %v: exit %d, stderr %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	r := run(t, "", "data", "status", "--lists-dir", store, "--profile", "all")
	for _, want := range []string{"import:consolidated-excerpt.xml", "import:uk-sanctions-list-excerpt.xml", "un-sc", "eu-fsf", "uk-fcdo", "uk-ofsi", "trade-csl"} {
		if !strings.Contains(r.stdout, want) && !strings.Contains(r.stdout, strings.ToLower(want)) {
			t.Errorf("status lacks %q:\n%s", want, r.stdout)
		}
	}
}
