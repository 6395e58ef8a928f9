package decision_test

import (
	"testing"

	"github.com/bangate/bangate/internal/decision"
)

func TestSeverityRank(t *testing.T) {
	t.Parallel()
	want := []string{"critical", "high", "medium", "low", "info"}
	if got := decision.Severities(); len(got) != len(want) {
		t.Fatalf("severities %v", got)
	}
	for i := 1; i < len(want); i++ {
		if decision.SeverityRank(want[i-1]) <= decision.SeverityRank(want[i]) {
			t.Errorf("%s must rank above %s", want[i-1], want[i])
		}
	}
	if decision.SeverityRank("catastrophic") != decision.SeverityRank("critical") || decision.ValidSeverity("catastrophic") {
		t.Error("an unknown severity ranks with critical and is not valid")
	}
}

func TestParseFailOn(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"High": "high", " critical ": "critical", "REVIEW": "review", "low": "low"} {
		if got, err := decision.ParseFailOn(in); err != nil || got != want {
			t.Errorf("ParseFailOn(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "warn", "info", "highest"} {
		if _, err := decision.ParseFailOn(bad); err == nil {
			t.Errorf("ParseFailOn(%q) accepted", bad)
		}
	}
}

func TestOutcomeExitMap(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		outcome string
		code    int
	}{{"pass", 0}, {"fail", 1}, {"error", 2}, {"review", 3}} {
		if got := decision.ExitCodeFor(tc.outcome); got != tc.code {
			t.Errorf("ExitCodeFor(%s) = %d, want %d", tc.outcome, got, tc.code)
		}
		if got := decision.OutcomeFor(tc.code); got != tc.outcome {
			t.Errorf("OutcomeFor(%d) = %s, want %s", tc.code, got, tc.outcome)
		}
	}
	if decision.ExitCodeFor("maybe") != decision.ExitError || decision.OutcomeFor(42) != decision.OutcomeError {
		t.Error("unknown outcomes and codes must map to could not check")
	}
}

func TestWorse(t *testing.T) {
	t.Parallel()
	order := []int{decision.ExitPass, decision.ExitReview, decision.ExitFail, decision.ExitError}
	for i := range order {
		for j := range order {
			if got := decision.Worse(order[i], order[j]); got != (i > j) {
				t.Errorf("Worse(%d, %d) = %v", order[i], order[j], got)
			}
		}
	}
}

// An input's exit code under every --fail-on level, for every kind of
// finding: a violation at or above the level fails, one below it is a
// review, a review fails only at "review", and an error is always 2.
func TestInputExitCodeEveryLevel(t *testing.T) {
	t.Parallel()
	viol := func(sev string) decision.Input {
		return decision.Input{Outcome: "fail", Result: decision.Result{Outcome: "fail", Violations: []decision.Violation{{Rule: "r", Severity: sev}}}}
	}
	review := decision.Input{Outcome: "review", Result: decision.Result{Outcome: "review", Reviews: []decision.Violation{{Rule: "r", Severity: "medium"}}}}
	warnOnly := decision.Input{Outcome: "pass", Result: decision.Result{Outcome: "pass", Warnings: []decision.Violation{{Rule: "w", Severity: "low"}}}}
	broken := decision.Input{Outcome: "error", Error: "parse x: truncated"}
	inputs := map[string]decision.Input{
		"critical": viol("critical"), "high": viol("high"), "medium": viol("medium"), "low": viol("low"), "info": viol("info"),
		"review": review, "warning": warnOnly, "error": broken,
	}
	// want[level][input] is the exit code.
	want := map[string]map[string]int{
		"critical": {"critical": 1, "high": 3, "medium": 3, "low": 3, "info": 3, "review": 3, "warning": 0, "error": 2},
		"high":     {"critical": 1, "high": 1, "medium": 3, "low": 3, "info": 3, "review": 3, "warning": 0, "error": 2},
		"medium":   {"critical": 1, "high": 1, "medium": 1, "low": 3, "info": 3, "review": 3, "warning": 0, "error": 2},
		"low":      {"critical": 1, "high": 1, "medium": 1, "low": 1, "info": 3, "review": 3, "warning": 0, "error": 2},
		"review":   {"critical": 1, "high": 1, "medium": 1, "low": 1, "info": 1, "review": 1, "warning": 0, "error": 2},
	}
	for _, level := range decision.FailOnLevels() {
		for name, in := range inputs {
			got := decision.InputExitCode(&in, level)
			if got != want[level][name] {
				t.Errorf("fail-on %s, %s: exit %d, want %d", level, name, got, want[level][name])
			}
			run := &decision.Run{Inputs: []decision.Input{in}}
			if g := decision.GateExitCode(run, level); g != got {
				t.Errorf("fail-on %s, %s: gate %d, input %d", level, name, g, got)
			}
		}
	}
	if decision.GateExitCode(&decision.Run{}, "low") != decision.ExitError {
		t.Error("a run without inputs checked nothing: exit 2")
	}
	mixed := &decision.Run{Inputs: []decision.Input{review, viol("critical"), warnOnly}}
	if got := decision.GateExitCode(mixed, "low"); got != decision.ExitFail {
		t.Errorf("the worst input wins: %d", got)
	}
}
