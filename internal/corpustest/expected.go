package corpustest

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Outcomes a corpus file is expected to have, as EXPECTED.tsv writes them.
const (
	// ExpectPass is exit 0.
	ExpectPass = "pass"
	// ExpectFail is exit 1: the file names a banned or sanctioned party.
	ExpectFail = "fail"
	// ExpectReview is exit 3.
	ExpectReview = "review"
	// ExpectUnreadable is exit 2: the file cannot be read faithfully.
	ExpectUnreadable = "unreadable"
)

// Expectation is one row of EXPECTED.tsv: what bangate should decide for a
// corpus file once the fixes of issue 12 are in, and what it decided before.
type Expectation struct {
	// Name is the file's path inside the archive.
	Name string
	// Outcome is ExpectPass, ExpectFail, ExpectReview or ExpectUnreadable.
	Outcome string
	// Reason says why, for every outcome but pass.
	Reason string
	// Baseline is what bangate decided before the fixes, with its cause.
	Baseline string
}

// ParseExpected reads EXPECTED.tsv: a header "path, expected, baseline",
// then one row per file whose expected column is "pass" or
// "<outcome>:<reason>". It names the line of any fault.
func ParseExpected(r io.Reader) (map[string]Expectation, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	if !sc.Scan() || sc.Text() != "path\texpected\tbaseline" {
		return nil, fmt.Errorf("expected: line 1: want the header \"path\\texpected\\tbaseline\"")
	}
	out := make(map[string]Expectation)
	for line := 2; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("expected: line %d: %d fields, want 3", line, len(f))
		}
		if err := checkName(f[0]); err != nil {
			return nil, fmt.Errorf("expected: line %d: %w", line, err)
		}
		if _, dup := out[f[0]]; dup {
			return nil, fmt.Errorf("expected: line %d: %s listed twice", line, f[0])
		}
		e := Expectation{Name: f[0], Baseline: f[2]}
		outcome, reason, _ := strings.Cut(f[1], ":")
		e.Outcome, e.Reason = outcome, strings.TrimSpace(reason)
		switch {
		case outcome == ExpectPass && reason == "":
		case (outcome == ExpectFail || outcome == ExpectReview || outcome == ExpectUnreadable) && e.Reason != "":
		default:
			return nil, fmt.Errorf("expected: line %d: %q is not pass or <fail|review|unreadable>:<reason>", line, f[1])
		}
		out[e.Name] = e
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("expected: %w", err)
	}
	return out, nil
}
