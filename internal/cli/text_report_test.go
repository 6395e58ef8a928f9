package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/cli"
	"github.com/bangate/bangate/internal/decision"
)

// terminal is what a test says about the writers of a run: whether
// stdout and stderr are terminals, and their width.
type terminal struct {
	stdout, stderr bool
	width          int
	env            map[string]string // NO_COLOR, TERM
	progressAfter  int               // ms; 0: the default
}

// runTerminal runs bangate in-process as if stdout and stderr were (or
// were not) terminals.
func runTerminal(t *testing.T, term terminal, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	env := cli.Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Now: func() time.Time { return testNow }, Dir: t.TempDir(), CacheDir: t.TempDir(), Sessions: sessions, HTTPClient: testClient,
		Terminal: func(w io.Writer) (bool, int) {
			switch w {
			case &out:
				return term.stdout, term.width
			case &errOut:
				return term.stderr, term.width
			}
			return false, 0
		},
		Getenv: func(name string) string { return term.env[name] },
	}
	if term.progressAfter != 0 {
		env.ProgressAfter = time.Duration(term.progressAfter) * time.Millisecond
	}
	code := cli.Run(context.Background(), testLists(args), env)
	return result{code, out.String(), errOut.String()}
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// On a terminal, the default text report of the Kaspersky example fits on
// one screen (at most 40 lines) and still names, for every finding, its
// rule, subject, list entry, line and authority; the golden file holds it.
func TestCompactReportKaspersky(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	jsonFile := filepath.Join(dir, "decision.json")
	r := runTerminal(t, terminal{stdout: true, width: 120}, "check", "--as-of", "2026-11-27", "--color", "never",
		"-o", "text", "-o", "json="+jsonFile, example("sbom/kaspersky.cdx.json"))
	if r.code != decision.ExitFail {
		t.Fatalf("exit %d, want 1: %s", r.code, r.stderr)
	}
	out := r.stdout
	if n := strings.Count(out, "\n"); n > 40 {
		t.Errorf("the report has %d lines, want at most 40:\n%s", n, out)
	}
	path := filepath.Join("testdata", "golden", "kaspersky.compact.txt")
	if *update {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test ./internal/cli -update to create it): %v", err)
	}
	if d := cmp.Diff(string(want), out); d != "" {
		t.Errorf("compact report differs from %s (-want +got):\n%s", path, d)
	}

	data, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	var d decision.Run
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	res := d.Inputs[0].Result
	all := slices.Concat(res.Violations, res.Reviews, res.Warnings, res.Waived)
	if len(all) < 8 {
		t.Fatalf("%d findings, want at least 8", len(all))
	}
	rows := strings.Split(out, "\n")
	for _, v := range all {
		entry := v.Match["list"].(string) + "/" + v.Match["entry_id"].(string)
		found := slices.ContainsFunc(rows, func(row string) bool {
			f := strings.Fields(row)
			return slices.Contains(f, v.Rule) && slices.Contains(f, v.Subject.Name+"@"+v.Subject.Version) &&
				slices.Contains(f, entry) && slices.Contains(f, strconv.Itoa(v.Line)) && slices.Contains(f, v.Pointer)
		})
		if !found {
			t.Errorf("no row names %s, %s@%s, %s, line %d and %s", v.Rule, v.Subject.Name, v.Subject.Version, entry, v.Line, v.Pointer)
		}
		if v.Authority == nil || !strings.Contains(strings.Join(strings.Fields(out), " "), v.Authority.Citation) {
			t.Errorf("authority of %s missing", v.Rule)
		}
	}
	// The long explanation of the leaders warning is printed once.
	const leaders = "AO Kaspersky Lab itself is not on the SDN list"
	if n := strings.Count(out, leaders); n != 1 {
		t.Errorf("the leaders explanation is printed %d times, want once", n)
	}
}

// --verbose (and -v) writes the full report on standard output; a text
// report written to a file is always the full one.
func TestVerboseAndTextFile(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "report.txt")
	compact := runTerminal(t, terminal{}, "check", "--as-of", "2026-11-27", "-o", "text", "-o", "text="+file, example("sbom/kaspersky.cdx.json"))
	full := runTerminal(t, terminal{}, "check", "--as-of", "2026-11-27", "--verbose", example("sbom/kaspersky.cdx.json"))
	short := runTerminal(t, terminal{}, "check", "--as-of", "2026-11-27", "-v", example("sbom/kaspersky.cdx.json"))
	for _, r := range []result{compact, full, short} {
		if r.code != decision.ExitFail {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
	}
	if strings.Contains(compact.stdout, "VIOLATION [critical]") || !strings.Contains(compact.stdout, "SEVERITY") {
		t.Errorf("the default text report on stdout is not the summary:\n%s", compact.stdout)
	}
	if !strings.Contains(full.stdout, "VIOLATION [critical]") || full.stdout != short.stdout {
		t.Errorf("--verbose and -v do not both write the full report")
	}
	inFile, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(inFile) != full.stdout {
		t.Errorf("-o text=FILE is not the full report (-file +verbose):\n%s", cmp.Diff(string(inFile), full.stdout))
	}
	if !strings.Contains(full.stdout, "/components/0/supplier/name at ") || !strings.Contains(full.stdout, "kaspersky.cdx.json:12:19") {
		t.Errorf("the full report does not place the supplier field at its line")
	}
}

// Colour: auto colours a terminal unless NO_COLOR (any value) or
// TERM=dumb; always and never say so; a file never gets colour.
func TestColor(t *testing.T) {
	t.Parallel()
	kaspersky := example("sbom/kaspersky.cdx.json")
	tests := []struct {
		name  string
		term  terminal
		flags []string
		want  bool
	}{
		{"terminal", terminal{stdout: true}, nil, true},
		{"pipe", terminal{}, nil, false},
		{"NO_COLOR", terminal{stdout: true, env: map[string]string{"NO_COLOR": "1"}}, nil, false},
		{"NO_COLOR empty", terminal{stdout: true, env: map[string]string{"NO_COLOR": ""}}, nil, true},
		{"TERM=dumb", terminal{stdout: true, env: map[string]string{"TERM": "dumb"}}, nil, false},
		{"always on a pipe", terminal{}, []string{"--color", "always"}, true},
		{"always over NO_COLOR", terminal{env: map[string]string{"NO_COLOR": "1"}}, []string{"--color", "ALWAYS"}, true},
		{"never on a terminal", terminal{stdout: true}, []string{"--color", "never"}, false},
		{"verbose on a terminal", terminal{stdout: true}, []string{"-v"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			file := filepath.Join(t.TempDir(), "r.txt")
			args := append(append([]string{"check", "--as-of", "2026-11-27", "-o", "text", "-o", "text=" + file}, tc.flags...), kaspersky)
			r := runTerminal(t, tc.term, args...)
			if r.code != decision.ExitFail {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if got := ansi.MatchString(r.stdout); got != tc.want {
				t.Errorf("colour %v, want %v", got, tc.want)
			}
			if data, _ := os.ReadFile(file); bytes.Contains(data, []byte("\x1b")) {
				t.Error("colour in a report file")
			}
		})
	}
	if r := runTerminal(t, terminal{}, "check", "--color", "rainbow", kaspersky); r.code != decision.ExitError || !strings.Contains(r.stderr, "config key color") {
		t.Errorf("--color rainbow: exit %d, %s", r.code, r.stderr)
	}
}

// BANGATE_COLOR sets the colour as any key is set.
func TestColorFromEnvironment(t *testing.T) {
	t.Setenv("BANGATE_COLOR", "always")
	r := runTerminal(t, terminal{}, "check", "--as-of", "2026-11-27", example("sbom/kaspersky.cdx.json"))
	if r.code != decision.ExitFail || !ansi.MatchString(r.stdout) {
		t.Errorf("BANGATE_COLOR=always: exit %d, coloured %v", r.code, ansi.MatchString(r.stdout))
	}
}

// A check draws a progress line on a terminal standard error, redrawn in
// place and erased before the report; never when stderr is not a
// terminal.
func TestCheckProgress(t *testing.T) {
	t.Parallel()
	args := []string{"check", "--as-of", "2026-11-27", example("sbom/kaspersky.cdx.json"), example("sbom/clean.cdx.json")}
	r := runTerminal(t, terminal{stderr: true, width: 60, progressAfter: -1}, args...)
	if r.code != decision.ExitFail {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stderr, "\r") || !strings.Contains(r.stderr, "checking ") || !strings.Contains(r.stderr, "(1/2)") {
		t.Errorf("no progress line on a terminal: %q", r.stderr)
	}
	if !strings.HasSuffix(r.stderr, "\r\x1b[K") {
		t.Errorf("the progress line is not erased at the end: %q", r.stderr)
	}
	for _, line := range strings.Split(r.stderr, "\r") {
		if n := len([]rune(strings.TrimSuffix(line, "\x1b[K"))); n >= 60 {
			t.Errorf("a progress line of %d columns on a 60-column terminal: %q", n, line)
		}
	}
	quiet := runTerminal(t, terminal{stdout: true, progressAfter: -1}, args...)
	if quiet.stderr != "" {
		t.Errorf("progress on a standard error that is not a terminal: %q", quiet.stderr)
	}
	// A check quicker than the delay shows nothing.
	quick := runTerminal(t, terminal{stderr: true, progressAfter: 60_000}, args...)
	if quick.stderr != "" {
		t.Errorf("progress before the delay: %q", quick.stderr)
	}
}
