package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/cli"
	"github.com/bangate/bangate/internal/decision"
)

// screenLine is one line of "screen --format json".
type screenLine struct {
	Query   string `json:"query"`
	Outcome string `json:"outcome"`
	Matches []struct {
		List     string   `json:"list"`
		EntryID  string   `json:"entry_id"`
		Score    float64  `json:"score"`
		Method   string   `json:"method"`
		Programs []string `json:"programs"`
	} `json:"matches"`
}

// The done-when look-ups of the sanctions issue, through the command, with
// the index built (first run) and read from its cache (second run).
func TestScreenCommand(t *testing.T) {
	cache := t.TempDir()
	screenRun := func(stdin string, args ...string) result {
		t.Helper()
		var out, errOut bytes.Buffer
		env := testEnv(t, stdin, &out, &errOut)
		env.CacheDir = cache
		code := cli.Run(context.Background(), testLists(append([]string{"screen"}, args...)), env)
		return result{code, out.String(), errOut.String()}
	}
	args := []string{"--format", "json", "--file", "-", "Andrey Tikhonov", "Андрей Тихонов", "Positive Technologies"}
	stdin := "Belletech Corp\n\n!!!\n"
	var runs [2]result
	for i := range runs {
		runs[i] = screenRun(stdin, args...)
		if runs[i].code != decision.ExitFail {
			t.Fatalf("run %d: exit %d, want 1: %s", i, runs[i].code, runs[i].stderr)
		}
	}
	if runs[0].stdout != runs[1].stdout {
		t.Fatalf("the cached index answers differently:\n%s\n---\n%s", runs[0].stdout, runs[1].stdout)
	}
	var lines []screenLine
	for _, l := range strings.Split(strings.TrimSpace(runs[1].stdout), "\n") {
		var sl screenLine
		if err := json.Unmarshal([]byte(l), &sl); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		lines = append(lines, sl)
	}
	want := []struct {
		query, outcome, entry string
	}{
		{"Andrey Tikhonov", "match", "45815"},
		{"Андрей Тихонов", "match", "45815"},
		{"Positive Technologies", "match", "31455"},
		{"Belletech Corp", "none", ""},
		{"!!!", "none", ""},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), runs[1].stdout)
	}
	for i, w := range want {
		l := lines[i]
		if l.Query != w.query || l.Outcome != w.outcome {
			t.Errorf("line %d: %q %s, want %q %s", i, l.Query, l.Outcome, w.query, w.outcome)
			continue
		}
		if w.entry == "" {
			if len(l.Matches) != 0 {
				t.Errorf("%q: matches %+v, want none", l.Query, l.Matches)
			}
			continue
		}
		if len(l.Matches) == 0 || l.Matches[0].List != "ofac-sdn" || l.Matches[0].EntryID != w.entry || len(l.Matches[0].Programs) == 0 {
			t.Errorf("%q: best match %+v, want ofac-sdn %s with its programs", l.Query, l.Matches, w.entry)
		}
	}
	if r := screenRun(""); r.code != decision.ExitError {
		t.Errorf("no names: exit %d, want 2", r.code)
	}
}
