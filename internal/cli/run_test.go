package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/cli"
	"github.com/bangate/bangate/internal/decision"
)

// repoRoot is the repository root, seen from this package's directory.
var repoRoot = filepath.Join("..", "..")

var testNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// sessions is shared by the in-process runs of every test, as a server
// shares one between its sessions: a plan's policies are compiled and its
// lists indexed once per test binary, not once per run.
var sessions = check.NewCache()

type result struct {
	code   int
	stdout string
	stderr string
}

// run executes bangate in-process, with no bangate.yaml in reach, sharing
// compiled policies and screening indexes with the other tests. Its
// checks and screens run on the lists embedded in bangate (testLists):
// freshness_test.go tests the refresh and the freshness rule.
func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return runEnv(t, sessions, stdin, testLists(args)...)
}

// runOwn executes bangate in-process as a separate process would: it
// compiles the policies and loads (or reads the cached index of) the
// lists itself.
func runOwn(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return runEnv(t, nil, stdin, testLists(args)...)
}

// testLists puts "--offline --max-list-age 0" before the arguments of a
// check or a screen: no refresh from the network, and the lists embedded
// in bangate, older than lists.max-age at testNow, are not aged, so that
// they decide by their content, as current lists with the same entries
// would. A later flag in args overrides either.
func testLists(args []string) []string {
	if len(args) == 0 || (args[0] != "check" && args[0] != "screen") {
		return args
	}
	return append([]string{args[0], "--offline", "--max-list-age", "0"}, args[1:]...)
}

// testClient is the HTTP client of every in-process run: it reaches only
// servers on this machine (httptest), so that no test touches the
// internet, whatever its flags say.
var testClient = &http.Client{Transport: loopbackOnly{}}

// loopbackOnly refuses every request to a host that is not a loopback
// address.
type loopbackOnly struct{}

// RoundTrip implements http.RoundTripper.
func (loopbackOnly) RoundTrip(req *http.Request) (*http.Response, error) {
	if ip := net.ParseIP(req.URL.Hostname()); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("no network in tests: %s is not a loopback address", req.URL.Host)
	}
	return http.DefaultTransport.RoundTrip(req)
}

// testEnv is the Env of an in-process run at testNow, with its own
// working and cache directories.
func testEnv(t *testing.T, stdin string, out, errOut *bytes.Buffer) cli.Env {
	t.Helper()
	return cli.Env{Stdin: strings.NewReader(stdin), Stdout: out, Stderr: errOut, Now: func() time.Time { return testNow },
		Dir: t.TempDir(), CacheDir: t.TempDir(), HTTPClient: testClient}
}

// runAt runs bangate in-process with the clock at now, sharing compiled
// policies and indexes (keyed by the lists' digests), with no flag added:
// the test says what it wants of the lists.
func runAt(t *testing.T, now time.Time, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	env := testEnv(t, stdin, &out, &errOut)
	env.Now, env.Sessions = func() time.Time { return now }, sessions
	code := cli.Run(context.Background(), args, env)
	return result{code, out.String(), errOut.String()}
}

func runEnv(t *testing.T, cache *check.Cache, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	env := testEnv(t, stdin, &out, &errOut)
	env.Sessions = cache
	code := cli.Run(context.Background(), args, env)
	return result{code, out.String(), errOut.String()}
}

// decisionOf parses the JSON report of a run.
func decisionOf(t *testing.T, r result) decision.Run {
	t.Helper()
	var d decision.Run
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatalf("parse JSON report: %v\nstdout: %.500s\nstderr: %s", err, r.stdout, r.stderr)
	}
	return d
}

func example(name string) string { return filepath.Join(repoRoot, "examples", name) }

func TestVersion(t *testing.T) {
	r := run(t, "", "version")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"bangate ", "opa: 1.", "policy bundle: "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("version output lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestCheckErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name       string
		stdin      string
		args       []string
		wantStderr string
	}{
		{"missing file", "", []string{"check", filepath.Join(dir, "nope.json")}, "nope.json"},
		{"not an sbom", `{"hello": "world"}`, []string{"check", "-"}, "parse -"},
		{"empty stdin", "", []string{"check", "-"}, "parse -"},
		{"unknown profile", "", []string{"check", "--profile", "reseller", "-"}, `profile "reseller": the policy bundle defines`},
		{"unknown output format", "", []string{"check", "-o", "pdf", example("sbom/clean.cdx.json")}, "output \"pdf\""},
		{"unwritable output", "", []string{"check", "-o", "json=" + filepath.Join(dir, "no", "such", "dir", "x.json"), example("sbom/clean.cdx.json")}, "x.json"},
		{"bad waiver file", "", []string{"check", "--waivers", filepath.Join(dir, "nope.yaml"), example("sbom/clean.cdx.json")}, "read waivers"},
		{"bad policy dir", "", []string{"check", "--policy", filepath.Join(dir, "nope"), example("sbom/clean.cdx.json")}, "load policy"},
		{"too large", "", []string{"check", "--max-input-size", "10B", example("sbom/clean.cdx.json")}, "input size limit"},
		{"unknown flag", "", []string{"check", "--frobnicate", "x"}, "frobnicate"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, tc.stdin, tc.args...)
			if r.code != decision.ExitError {
				t.Fatalf("exit %d, want 2; stderr: %s", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.wantStderr) {
				t.Errorf("stderr %q lacks %q", r.stderr, tc.wantStderr)
			}
		})
	}
}

// With several inputs, each is decided and the worst exit code wins.
func TestCheckSeveralInputs(t *testing.T) {
	r := run(t, "", "check", "-o", "json", example("sbom/clean.cdx.json"), example("sbom/kaspersky.cdx.json"), example("sbom/review.cdx.json"))
	if r.code != decision.ExitFail {
		t.Fatalf("exit %d, want 1; stderr %s", r.code, r.stderr)
	}
	d := decisionOf(t, r)
	var got []string
	for _, in := range d.Inputs {
		got = append(got, in.Outcome)
	}
	if strings.Join(got, ",") != "pass,fail,review" {
		t.Errorf("outcomes = %v", got)
	}
	r = run(t, "not json", "check", example("sbom/kaspersky.cdx.json"), "-")
	if r.code != decision.ExitError {
		t.Errorf("a bad input among good ones: exit %d, want 2", r.code)
	}
}

// Rough edges a newcomer meets, each with the answer it now gets.
func TestRoughEdges(t *testing.T) {
	kaspersky := example(filepath.Join("sbom", "kaspersky.cdx.json"))
	tests := []struct {
		name       string
		args       []string
		wantExit   int
		wantStderr string
		wantStdout string
	}{
		{"check without input", []string{"check"}, 2, "no input given: name SBOM or vendor files", ""},
		{"fail-on any case", []string{"check", "--fail-on", "High", kaspersky}, 1, "", ""},
		{"ownership file checked directly", []string{"check", example(filepath.Join("procurement", "ownership.csv"))}, 2, "give it with --ownership", ""},
		{"parse error names the path once", []string{"check", filepath.Join(repoRoot, "internal", "cli", "testdata", "not-an-sbom.json")}, 2, "", ""},
		{"screen an empty name", []string{"screen", ""}, 2, "an empty name cannot be screened", ""},
		{"screen a person", []string{"screen", "--party-kind", "person", "--match-threshold", "0.9", "Andrey Tikhonov"}, 1, "", "45815"},
		{"help shows boolean flags plainly", []string{"check", "--help"}, 0, "", "--waiver-fail "},
		{"evidence ls has a header", []string{"evidence", "ls"}, 0, "", "no records in"},
		{"data import needs a date", []string{"data", "import", "--id", "ofac-sdn", filepath.Join(repoRoot, "internal", "evidence", "testdata", "sdn-2025-05", "sdn.csv")}, 2, "--published is required", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, "", tc.args...)
			if r.code != tc.wantExit {
				t.Fatalf("exit %d, want %d\nstderr: %s", r.code, tc.wantExit, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.wantStderr) || !strings.Contains(r.stdout, tc.wantStdout) {
				t.Errorf("stderr %q lacks %q, or stdout lacks %q:\n%.2000s", r.stderr, tc.wantStderr, tc.wantStdout, r.stdout)
			}
			if strings.Contains(r.stdout+r.stderr, "[=true|false]") || strings.Contains(r.stderr, ".bangate-probe") {
				t.Errorf("internal detail leaked:\n%s%s", r.stdout, r.stderr)
			}
			for _, line := range strings.Split(r.stderr, "\n") {
				if line != "" && strings.Count(line, "not-an-sbom.json") > 1 {
					t.Errorf("the path is repeated: %q", line)
				}
			}
		})
	}
}
