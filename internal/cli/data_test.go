package cli_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bangate/bangate/internal/decision"
)

// officialFiles maps the official file names to real files of the repo:
// the full official non-SDN set of the embedded snapshot, served for the
// SDN names too (the two share one layout), since no full consistent SDN
// set of the same date is in the repo; excerpts of the CSL, UN, EU and UK
// lists for their sources.
var officialFiles = map[string]string{
	"consolidated.json":            "internal/lists/testdata/csl/consolidated.json",
	"consolidated.xml":             "internal/lists/testdata/un/consolidated-excerpt.xml",
	"xmlFullSanctionsList_1_1.xml": "internal/lists/testdata/eu/sample_eu_sanctions.xml",
	"UK-Sanctions-List.xml":        "internal/lists/testdata/uk/uk-sanctions-list-excerpt.xml",
	"CONS_PRIM.CSV":                "internal/lists/snapshot/ofac-cons/cons_prim.csv",
	"CONS_ALT.CSV":                 "internal/lists/snapshot/ofac-cons/cons_alt.csv",
	"CONS_ADD.CSV":                 "internal/lists/snapshot/ofac-cons/cons_add.csv",
	"CONS_COMMENTS.CSV":            "internal/lists/snapshot/ofac-cons/cons_comments.csv",
	"SDN.CSV":                      "internal/lists/snapshot/ofac-cons/cons_prim.csv",
	"ALT.CSV":                      "internal/lists/snapshot/ofac-cons/cons_alt.csv",
	"ADD.CSV":                      "internal/lists/snapshot/ofac-cons/cons_add.csv",
	"SDN_COMMENTS.CSV":             "internal/lists/snapshot/ofac-cons/cons_comments.csv",
}

// listServer serves the official file names; mode decides what goes wrong.
func listServer(t *testing.T, mode *atomic.Value) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Base(r.URL.Path)
		path, ok := officialFiles[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		data, err := os.ReadFile(filepath.Join(repoRoot, path))
		if err != nil {
			t.Error(err)
			return
		}
		switch mode.Load().(string) {
		case "500":
			http.Error(w, "unavailable", http.StatusInternalServerError)
			return
		case "truncated":
			if name == "CONS_PRIM.CSV" {
				data = data[:len(data)/2]
			}
		case "slow":
			<-r.Context().Done() // never answers; the client's timeout ends it
			return
		}
		_, _ = w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDataUpdate(t *testing.T) {
	var mode atomic.Value
	mode.Store("ok")
	srv := listServer(t, &mode)
	store := t.TempDir()
	update := func(extra ...string) result {
		args := append([]string{"data", "update", "--quiet", "--lists-dir", store, "--base-url", srv.URL + "/exports/"}, extra...)
		return run(t, "", args...)
	}
	if r := update(); r.code != 0 {
		t.Fatalf("update: exit %d: %s", r.code, r.stderr)
	}
	r := run(t, "", "data", "status", "--lists-dir", store)
	if r.code != 0 || !strings.Contains(r.stdout, "ofac-cons") || !strings.Contains(r.stdout, "442") {
		t.Fatalf("status after update: exit %d\n%s", r.code, r.stdout)
	}
	for _, tc := range []struct{ mode, want string }{
		{"truncated", "ofac-cons"},
		{"500", "500"},
		{"slow", "ofac"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			mode.Store(tc.mode)
			args := []string{}
			if tc.mode == "slow" {
				args = append(args, "--timeout", "300ms")
			}
			r := update(args...)
			if r.code != decision.ExitError || !strings.Contains(r.stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want 2 naming %q", r.code, r.stderr, tc.want)
			}
			// The stored snapshot is untouched: still the full 442 entries.
			if s := run(t, "", "data", "status", "--lists-dir", store); !strings.Contains(s.stdout, "442") {
				t.Errorf("snapshot replaced after a failed update:\n%s", s.stdout)
			}
		})
	}
}

func TestDataImportAndDiff(t *testing.T) {
	store := t.TempDir()
	k := filepath.Join(repoRoot, "internal", "lists", "testdata", "ofac", "kaspersky")
	r := run(t, "", "data", "import", "--lists-dir", store, "--id", "ofac-sdn", "--published", "2025-05-01",
		filepath.Join(k, "sdn.csv"), filepath.Join(k, "alt.csv"))
	if r.code != 0 {
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
