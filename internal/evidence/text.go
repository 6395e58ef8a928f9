package evidence

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/decision"
)

// maxShownParties bounds the party names the text format lists.
const maxShownParties = 50

// Summary is one line of `bangate evidence ls`.
type Summary struct {
	ID        string
	CheckedAt time.Time
	Kind      string
	Outcome   string
	ExitCode  int
	Signed    bool
	Inputs    []string
}

// Summarize returns the summary of an opened record.
func Summarize(rec *Record) Summary {
	s := Summary{ID: rec.ID, CheckedAt: rec.Predicate.CheckedAt, Kind: rec.Predicate.Kind,
		Outcome: rec.Predicate.Outcome, ExitCode: rec.Predicate.ExitCode, Signed: rec.Signed()}
	for _, in := range rec.Predicate.Inputs {
		s.Inputs = append(s.Inputs, in.Path)
	}
	return s
}

// summaryFormat lays out the columns of RenderSummary and SummaryHeader.
const summaryFormat = "%-12s  %-20s  %-7s  %-18s  %-8s  %s"

// SummaryHeader names the columns RenderSummary writes.
var SummaryHeader = fmt.Sprintf(summaryFormat, "ID", "CHECKED AT", "OUTCOME", "KIND", "SIGNED", "INPUTS")

// RenderSummary writes s as one line: short ID, date, outcome, kind,
// integrity, inputs.
func RenderSummary(w io.Writer, s Summary) error {
	integ := "signed"
	if !s.Signed {
		integ = "unsigned"
	}
	_, err := fmt.Fprintf(w, summaryFormat+"\n", s.ID[:12], s.CheckedAt.UTC().Format(time.RFC3339),
		s.Outcome, s.Kind, integ, strings.Join(s.Inputs, ", "))
	return err
}

// RenderText writes the record in the human text format. It does not
// verify the record; say so to the reader where that matters.
func RenderText(w io.Writer, rec *Record) error {
	p := rec.Predicate
	ew := &errWriter{w: w}
	kind := "decision record"
	if p.Kind == KindNoHit {
		kind = "no-hit certificate"
	}
	ew.printf("Evidence record %s (%s)\n", rec.ID, kind)
	if rec.Signed() {
		var ids []string
		for _, s := range rec.Envelope.Signatures {
			ids = append(ids, s.KeyID)
		}
		ew.printf("Integrity: signed, Ed25519 (DSSE), key %s; check with `bangate evidence verify --key`\n", strings.Join(ids, ", "))
	} else {
		ew.printf("Integrity: UNSIGNED; bound only by its digest sha256:%s\n", rec.ID)
	}
	ew.printf("Checked at: %s\nAs of: %s\n", p.CheckedAt.UTC().Format(time.RFC3339), p.AsOf.UTC().Format(time.RFC3339))
	commit := p.Tool.Commit
	if commit == "" {
		commit = "unknown"
	}
	ew.printf("Tool: %s %s (commit %s), OPA %s\n", p.Tool.Name, p.Tool.Version, commit, p.Tool.OPAVersion)
	ew.printf("Outcome: %s (exit %d)\n", p.Outcome, p.ExitCode)
	if c := p.Plan; c != nil {
		ew.printf("Plan: profile %s, fail-on %s, policy input %s, match %g, review %g, max list age %s (%s)\n",
			c.Profile, c.FailOn, c.PolicyInput, c.Screening.Match, c.Screening.Review, days(time.Duration(c.Lists.MaxAge)), c.Lists.Stale)
	} else if c := p.Config; c != nil {
		ew.printf("Configuration: profile %s, fail-on %s, policy input %s, match %g, review %g, max list age %s (%s)\n",
			c.Profile, c.FailOn, c.PolicyInput, c.MatchThreshold, c.ReviewThresh, c.MaxListAge, c.StaleLists)
	}
	for _, e := range p.Errors {
		ew.printf("Could not fully check: %s\n", e)
	}
	for _, l := range p.Licensed {
		ew.printf("Waived under a sanctions licence: %s waiver %s, licence %q: %s in %s (approved by %s, expires %s)\n",
			l.Rule, l.Waiver, l.Licence, l.Subject.Ref, l.Input, l.ApprovedBy, l.Expires)
	}
	if src := p.Sources; src != nil {
		for _, f := range src.Config {
			ew.printf("Config: %s (%s) sha256:%s\n", f.Path, f.Trust, f.SHA256)
			for _, s := range f.Ignored {
				ew.printf("  not applied: %s %s: %s\n", s.Key, s.Value, s.Reason)
			}
		}
		for _, f := range src.Policies {
			ew.printf("User policy: %s: %s sha256:%s\n", f.Origin, f.Path, f.SHA256)
		}
	}
	ew.printf("Policy bundle %s: sha256:%s, %d files\n", p.Policy.Version, p.Policy.Digest, len(p.Policy.Files))
	ew.printf("Lists:\n")
	for _, l := range p.Lists {
		pub := "undated"
		if !l.Published.IsZero() {
			pub = l.Published.UTC().Format(time.DateOnly)
		}
		ew.printf("  %-22s published %s  %6d entries  sha256:%s\n", l.ID, pub, l.Entries, l.SHA256)
	}
	wv := p.Waivers
	if len(wv.Entries) > 0 {
		ew.printf("Waivers (%s): applied %s; expired %s; unused %s\n", wv.File, list(wv.Applied), list(wv.Expired), list(wv.Unused))
	}
	for _, in := range p.Inputs {
		ew.printf("\n%s\n", in.Path)
		if in.SHA256 != "" {
			ew.printf("  sha256:%s  %s %s  %d bytes\n", in.SHA256, in.Format, in.SpecVersion, in.Size)
		}
		ew.printf("  outcome: %s\n", in.Outcome)
		if in.Error != "" {
			ew.printf("  error: %s\n", in.Error)
		}
		more := ""
		if in.Screened.Truncated {
			more = fmt.Sprintf(" (first %d listed in the record)", len(in.Screened.Parties))
		}
		ew.printf("  parties screened: %d%s\n", in.Screened.Count, more)
		for _, g := range []struct {
			name string
			vs   []decision.Violation
		}{{"violation", in.Result.Violations}, {"review", in.Result.Reviews}, {"warning", in.Result.Warnings}, {"waived", in.Result.Waived}} {
			for _, v := range g.vs {
				ew.printf("  %s [%s] %s: %s\n", g.name, v.Severity, v.Rule, v.Message)
			}
		}
		if in.Certificate != "" {
			ew.printf("  certificate: %s\n", in.Certificate)
			for i, sp := range in.Screened.Parties {
				if i == maxShownParties {
					ew.printf("    ... and %d more (see the record)\n", in.Screened.Count-maxShownParties)
					break
				}
				ew.printf("    screened: %s (%s)\n", sp.Name, strings.Join(sp.Roles, ", "))
			}
		}
	}
	return ew.err
}

// days writes an age in whole days ("30d"), "0" for no limit.
func days(d time.Duration) string {
	if d <= 0 {
		return "0"
	}
	return fmt.Sprintf("%dd", d/(24*time.Hour))
}

func list(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
