package cli_test

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/decision"
)

// exampleRow is one row of the table in examples/README.md.
type exampleRow struct {
	input   string
	flags   []string
	exit    int
	outcome string
	rules   []string
}

func readExampleTable(t *testing.T) []exampleRow {
	t.Helper()
	f, err := os.Open(example("README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []exampleRow
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) != 5 {
			t.Fatalf("examples/README.md: row has %d cells, want 5: %s", len(cells), line)
		}
		for i := range cells {
			cells[i] = strings.Trim(strings.TrimSpace(cells[i]), "`")
		}
		exit, err := strconv.Atoi(cells[2])
		if err != nil {
			t.Fatalf("examples/README.md: bad exit code in %s", line)
		}
		row := exampleRow{input: cells[0], exit: exit, outcome: cells[3]}
		for _, f := range strings.Fields(cells[1]) {
			if strings.HasPrefix(f, "examples/") {
				f = example(strings.TrimPrefix(f, "examples/"))
			}
			row.flags = append(row.flags, f)
		}
		for _, r := range strings.Split(cells[4], ",") {
			if r = strings.TrimSpace(r); r != "" {
				row.rules = append(row.rules, r)
			}
		}
		rows = append(rows, row)
	}
	if len(rows) < 5 {
		t.Fatalf("examples/README.md: found %d example rows", len(rows))
	}
	return rows
}

// Every example gives its documented outcome, so the examples cannot rot.
// The table holds with current lists: run (testLists) checks on the lists
// embedded in bangate, unaged. Offline with only those lists, which are
// older than lists.max-age, a row that fails still fails (a ban list or an
// SDN entry decides it) and every other row is "could not check", as
// examples/README.md says.
func TestExamples(t *testing.T) {
	for _, row := range readExampleTable(t) {
		name := row.input + " " + strings.Join(row.flags, " ")
		t.Run(name, func(t *testing.T) {
			// Every format in the same run: json on stdout, the others to files.
			dir := t.TempDir()
			args := []string{"check", "-o", "json"}
			for _, f := range []string{"text", "sarif", "junit", "markdown", "html"} {
				args = append(args, "-o", f+"="+filepath.Join(dir, "report."+f))
			}
			args = append(args, row.flags...)
			r := run(t, "", append(args, example(row.input))...)
			for _, f := range []string{"text", "sarif", "junit", "markdown", "html"} {
				if fi, err := os.Stat(filepath.Join(dir, "report."+f)); err != nil || fi.Size() == 0 {
					t.Errorf("%s report missing or empty: %v", f, err)
				}
			}
			if r.code != row.exit {
				t.Errorf("exit %d, want %d; stderr: %s", r.code, row.exit, r.stderr)
			}
			d := decisionOf(t, r)
			if len(d.Inputs) != 1 {
				t.Fatalf("inputs = %d", len(d.Inputs))
			}
			in := d.Inputs[0]
			if in.Outcome != row.outcome {
				t.Errorf("outcome %q, want %q (error %q)", in.Outcome, row.outcome, in.Error)
			}
			var rules []string
			for _, v := range in.Result.Violations {
				if !slices.Contains(rules, v.Rule) {
					rules = append(rules, v.Rule)
				}
			}
			slices.Sort(rules)
			want := slices.Sorted(slices.Values(row.rules))
			if !slices.Equal(rules, want) {
				t.Errorf("violated rules %v, want %v", rules, want)
			}
			for _, v := range in.Result.Violations {
				if v.Authority == nil || v.Authority.Citation == "" || v.Pointer == "" || v.Match == nil {
					t.Errorf("violation %s on %s lacks authority, pointer or match: %+v", v.Rule, v.Subject.Ref, v)
				}
			}
			if row.outcome == decision.OutcomeReview && len(in.Result.Reviews) == 0 {
				t.Errorf("outcome review with no reviews")
			}

			offline := runAt(t, testNow, "", append(append([]string{"check", "--offline", "-o", "json"}, row.flags...), example(row.input))...)
			wantOffline := decision.ExitError
			if row.exit == decision.ExitFail {
				wantOffline = decision.ExitFail
			}
			if offline.code != wantOffline || !strings.Contains(offline.stderr, "bangate data update") {
				t.Errorf("offline on the embedded lists: exit %d, want %d with the fix in the message: %s", offline.code, wantOffline, offline.stderr)
			}
		})
	}
}
