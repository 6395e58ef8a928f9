package check_test

import (
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
)

func TestReportWaivers(t *testing.T) {
	asOf := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	ws := []decision.Waiver{
		{ID: "W-used-soon", Rule: "r", Subject: decision.WaiverSubject{Ref: "a"}, Expires: "2026-12-10"},
		{ID: "W-used-later", Rule: "r", Subject: decision.WaiverSubject{Ref: "b"}, Expires: "2027-06-01"},
		{ID: "W-unused", Rule: "r", Subject: decision.WaiverSubject{Ref: "zzz"}, Expires: "2027-06-01"},
		{ID: "W-expired", Rule: "r", Subject: decision.WaiverSubject{Ref: "c"}, Expires: "2026-01-01"},
	}
	run := &decision.Run{Inputs: []decision.Input{{Result: decision.Result{
		Waived: []decision.Violation{
			{Rule: "r", Waiver: map[string]any{"id": "W-used-soon"}},
			{Rule: "r", Waiver: map[string]any{"id": "W-used-later"}},
		},
		Warnings: []decision.Violation{{Rule: "waiver-expired", Waiver: map[string]any{"id": "W-expired"}}},
	}}}}
	check.ReportWaivers(run, ws, asOf, 30)
	got := map[string]string{}
	for _, w := range run.Inputs[0].Result.Warnings {
		got[w.Waiver["id"].(string)] = w.Rule
	}
	want := map[string]string{"W-used-soon": check.RuleWaiverExpiring, "W-unused": check.RuleWaiverUnused, "W-expired": "waiver-expired"}
	if len(got) != len(want) {
		t.Fatalf("warnings %v, want %v", got, want)
	}
	for id, rule := range want {
		if got[id] != rule {
			t.Errorf("waiver %s: rule %q, want %q", id, got[id], rule)
		}
	}
	if n := check.WaiverFindings(run); n != 3 {
		t.Errorf("WaiverFindings = %d, want 3", n)
	}
}
