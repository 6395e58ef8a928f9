package report

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
)

// This file holds the run-level facts several renderers print: counts,
// outcomes, list ages, dates and the tool line.

// counts are the sizes of a result's four lists.
type counts struct {
	Violations, Reviews, Warnings, Waived int
}

func (c *counts) add(r *decision.Result) {
	c.Violations += len(r.Violations)
	c.Reviews += len(r.Reviews)
	c.Warnings += len(r.Warnings)
	c.Waived += len(r.Waived)
}

// String says the counts with their nouns.
func (c counts) String() string {
	return plural(c.Violations, "violation", "violations") + ", " +
		plural(c.Reviews, "review", "reviews") + ", " +
		plural(c.Warnings, "warning", "warnings") + ", " +
		strconv.Itoa(c.Waived) + " waived"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// runCounts adds up the counts of every input.
func runCounts(run *decision.Run) counts {
	var c counts
	for i := range run.Inputs {
		c.add(&run.Inputs[i].Result)
	}
	return c
}

// inputOutcome is the input's outcome, "error" when it has an error.
func inputOutcome(in *decision.Input) string {
	if in.Error != "" {
		return decision.OutcomeError
	}
	if in.Outcome == "" {
		return in.Result.Outcome
	}
	return in.Outcome
}

// runOutcome is the run's outcome, falling back to the exit code.
func runOutcome(run *decision.Run) string {
	if run.Outcome != "" {
		return run.Outcome
	}
	switch run.ExitCode {
	case decision.ExitPass:
		return decision.OutcomePass
	case decision.ExitFail:
		return decision.OutcomeFail
	case decision.ExitReview:
		return decision.OutcomeReview
	default:
		return decision.OutcomeError
	}
}

// sortedLists returns the run's list provenance sorted by ID.
func sortedLists(run *decision.Run) []provenance.List {
	out := slices.Clone(run.Lists)
	slices.SortStableFunc(out, func(a, b provenance.List) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// ageText is the age of a list at asOf in whole days ("99d"); "unknown"
// when either date is unknown, and "after as-of" when the list was
// published after asOf (a check replayed as of an earlier day with the
// lists of today), which no age in days would say.
func ageText(asOf, published time.Time) string {
	if asOf.IsZero() || published.IsZero() {
		return "unknown"
	}
	d := asOf.Sub(published)
	if d < 0 {
		return "after as-of"
	}
	return strconv.Itoa(int(d/(24*time.Hour))) + "d"
}

// dateText renders a date as YYYY-MM-DD in UTC, or "unknown".
func dateText(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.UTC().Format(time.DateOnly)
}

// timeText renders an instant as RFC 3339 in UTC, or "unknown".
func timeText(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.UTC().Format(time.RFC3339)
}

// shortHash is the first 12 characters of a hex digest.
func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	if h == "" {
		return "-"
	}
	return h
}

// toolLine names the tool and what it embeds.
func toolLine(t decision.Tool) string {
	name := t.Name
	if name == "" {
		name = "bangate"
	}
	s := name
	if t.Version != "" {
		s += " " + t.Version
	}
	var parts []string
	if t.Commit != "" {
		parts = append(parts, "commit "+t.Commit)
	}
	if t.OPAVersion != "" {
		parts = append(parts, "OPA "+t.OPAVersion)
	}
	if t.BundleVersion != "" {
		parts = append(parts, "policy bundle "+t.BundleVersion)
	}
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}
