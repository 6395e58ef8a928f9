package cli_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/cli"
	"github.com/bangate/bangate/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// determinismAsOf is the --as-of of every determinism run; it is the only
// date a report may carry besides the dates of the lists.
const determinismAsOf = "2026-11-27"

// determinismCase is one check whose reports must not vary.
type determinismCase struct {
	name   string
	args   []string // flags and inputs after "check"
	golden bool     // compare with testdata/golden/<name>.<ext>
}

var determinismCases = []determinismCase{
	{name: "fail", args: []string{example("sbom/kaspersky.cdx.json")}},
	{name: "review", args: []string{example("sbom/review.cdx.json")}},
	{name: "waivers", args: []string{"--waivers", example("waivers.yaml"), example("sbom/kaspersky.cdx.json")}, golden: true},
}

// reportArgs returns "-o FORMAT=dir/name.EXT" for every format.
func reportArgs(dir, name string) []string {
	var args []string
	for _, f := range report.Formats() {
		args = append(args, "-o", f+"="+filepath.Join(dir, name+"."+report.Extension(f)))
	}
	return args
}

// readReports reads the report of every format written by reportArgs.
func readReports(t *testing.T, dir, name string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, f := range report.Formats() {
		data, err := os.ReadFile(filepath.Join(dir, name+"."+report.Extension(f)))
		if err != nil {
			t.Fatalf("%s report: %v", f, err)
		}
		if len(data) == 0 {
			t.Fatalf("%s report is empty", f)
		}
		out[f] = data
	}
	return out
}

// checkInProcess runs "bangate check" in this process with the clock at now
// and the user cache directory at cache, and returns every report.
func checkInProcess(t *testing.T, tc determinismCase, now time.Time, cache string) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	args := append(append([]string{"check", "--as-of", determinismAsOf}, reportArgs(dir, tc.name)...), tc.args...)
	var stdout, stderr bytes.Buffer
	env := testEnv(t, "", &stdout, &stderr)
	env.Now, env.CacheDir = func() time.Time { return now }, cache
	code := cli.Run(context.Background(), testLists(args), env)
	if code == 2 {
		t.Fatalf("exit 2: %s", stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("every report went to a file, yet stdout has %d bytes", stdout.Len())
	}
	return readReports(t, dir, tc.name)
}

// checkBinary runs the bangate binary, a separate process with its own
// wall clock and map seeds, from this directory so that the input paths
// read the same, and returns every report.
func checkBinary(t *testing.T, tc determinismCase) map[string][]byte {
	t.Helper()
	binDir := bangateBinary(t)
	dir := t.TempDir()
	args := append(append([]string{"check", "--as-of", determinismAsOf}, reportArgs(dir, tc.name)...), tc.args...)
	cmd := exec.Command(filepath.Join(binDir, "bangate"), args...)
	cmd.Env = ciEnv(t, "", nil)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && (!errors.As(err, &ee) || ee.ExitCode() == 2) {
		t.Fatalf("bangate binary: %v: %s", err, stderr.String())
	}
	return readReports(t, dir, tc.name)
}

// The same inputs, policies and lists give byte-identical reports in every
// format: run twice in this process with clocks hours apart (the first
// indexes the lists and caches the index, the second reads it from the
// cache), and once more in a separate process with the real clock. Only
// --as-of dates a report.
func TestDeterministicReports(t *testing.T) {
	t.Parallel()
	for _, f := range []string{"text", "json", "sarif", "junit", "markdown", "html"} {
		if !slices.Contains(report.Formats(), f) {
			t.Errorf("report format %s is missing", f)
		}
	}
	for _, tc := range determinismCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cache := t.TempDir()
			first := checkInProcess(t, tc, testNow, cache)
			if m, _ := filepath.Glob(filepath.Join(cache, "bangate", "lists", "index", "*.idx")); len(m) != 1 {
				t.Fatalf("index files after the first run: %v, want one", m)
			}
			second := checkInProcess(t, tc, testNow.Add(7*time.Hour+13*time.Minute+17*time.Second), cache)
			other := checkBinary(t, tc)
			for _, f := range report.Formats() {
				if !bytes.Equal(first[f], second[f]) {
					t.Errorf("%s: two runs differ (-first +second):\n%s", f, cmp.Diff(string(first[f]), string(second[f])))
				}
				if !bytes.Equal(first[f], other[f]) {
					t.Errorf("%s: this process and the binary differ (-in-process +binary):\n%s", f, cmp.Diff(string(first[f]), string(other[f])))
				}
			}
			if tc.golden {
				compareGolden(t, tc.name, first)
			}
		})
	}
}

// compareGolden compares reports with testdata/golden/<name>.<ext>, or
// rewrites those files with -update.
func compareGolden(t *testing.T, name string, reports map[string][]byte) {
	t.Helper()
	for _, f := range report.Formats() {
		path := filepath.Join("testdata", "golden", name+"."+report.Extension(f))
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, reports[f], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("read golden (run go test ./internal/cli -update to create it): %v", err)
		}
		if diff := cmp.Diff(string(want), string(reports[f])); diff != "" {
			t.Errorf("%s differs from %s (-want +got):\n%s", f, path, diff)
		}
	}
}
