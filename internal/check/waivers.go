package check

import (
	"fmt"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/decision"
)

// Rules of the waiver findings made in Go, over the whole run.
const (
	RuleWaiverUnused   = "waiver-unused"
	RuleWaiverExpiring = "waiver-expiring"
)

// ReportWaivers adds, after every input is decided, the findings about the
// waivers themselves that only the whole run can tell: a waiver that covered
// nothing in any input (reported on the first input), and a waiver in use
// that expires within warnDays of asOf (reported on each input it covered).
// Expired waivers are reported by the policies. warnDays < 0 turns the
// expiry warning off.
func ReportWaivers(run *decision.Run, ws []decision.Waiver, asOf time.Time, warnDays int) {
	if len(ws) == 0 || len(run.Inputs) == 0 {
		return
	}
	used := map[string]bool{}
	for i := range run.Inputs {
		in := &run.Inputs[i]
		seen := map[string]bool{}
		for _, v := range in.Result.Waived {
			id, _ := v.Waiver["id"].(string)
			if id == "" {
				continue
			}
			used[id] = true
			if seen[id] {
				continue
			}
			seen[id] = true
			for _, w := range ws {
				if w.ID != id || warnDays < 0 {
					continue
				}
				exp, err := time.Parse(time.DateOnly, w.Expires)
				if err != nil {
					continue
				}
				if days := int(exp.Sub(asOf).Hours() / 24); days >= 0 && days <= warnDays {
					in.Result.Warnings = append(in.Result.Warnings, waiverFinding(w, RuleWaiverExpiring, "Waiver expires soon",
						fmt.Sprintf("waiver %s of rule %s (ticket %s, approved by %s) expires on %s, in %d day(s); the finding it covers will then fail the check",
							w.ID, w.Rule, w.Ticket, w.ApprovedBy, w.Expires, days)))
				}
			}
		}
	}
	for _, in := range run.Inputs {
		for _, v := range in.Result.Warnings {
			if id, _ := v.Waiver["id"].(string); id != "" {
				used[id] = true // reported as expired by the policies
			}
		}
	}
	first := &run.Inputs[0]
	for _, w := range ws {
		if used[w.ID] {
			continue
		}
		first.Result.Warnings = append(first.Result.Warnings, waiverFinding(w, RuleWaiverUnused, "Waiver matches nothing",
			fmt.Sprintf("waiver %s of rule %s (subject %s) covered no finding in this run; remove it or correct its rule or subject",
				w.ID, w.Rule, subjectText(w.Subject))))
	}
}

func waiverFinding(w decision.Waiver, rule, title, msg string) decision.Violation {
	return decision.Violation{
		Rule: rule, Severity: "low", Title: title, Message: msg,
		Subject: decision.Subject{Kind: "document", Name: "waiver " + w.ID},
		Waiver: map[string]any{"id": w.ID, "rule": w.Rule, "reason": w.Reason, "approved_by": w.ApprovedBy,
			"ticket": w.Ticket, "expires": w.Expires},
	}
}

// subjectText names every selector of a waiver's subject.
func subjectText(s decision.WaiverSubject) string {
	var parts []string
	for _, f := range []struct{ key, v string }{{"purl", s.PURL}, {"hash", s.Hash}, {"vendor", s.Vendor}, {"ref", s.Ref}, {"name", s.Name}} {
		if f.v != "" {
			parts = append(parts, f.key+" "+f.v)
		}
	}
	return strings.Join(parts, ", ")
}

// WaiverFindings counts the findings about waivers in a run: expired,
// unused or expiring.
func WaiverFindings(run *decision.Run) int {
	n := 0
	for _, in := range run.Inputs {
		for _, v := range in.Result.Warnings {
			switch v.Rule {
			case "waiver-expired", RuleWaiverUnused, RuleWaiverExpiring:
				n++
			}
		}
	}
	return n
}
