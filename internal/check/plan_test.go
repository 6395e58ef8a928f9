package check_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
)

// Validate refuses a built-in function allowed by name that bangate does
// not deny (it would allow nothing: a typo), and accepts denied ones and
// none.
func TestPlanValidateAllowBuiltins(t *testing.T) {
	for _, tc := range []struct {
		allow []string
		bad   string
	}{
		{nil, ""},
		{[]string{"http.send"}, ""},
		{[]string{"http.send", "upper"}, `"upper" is not a built-in function bangate denies`},
	} {
		p := check.Plan{Profile: "all", AsOf: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), FailOn: "low",
			Screening: check.Thresholds{Match: 0.90, Review: 0.80}, PolicyInput: check.PolicyInputDiet,
			Input: check.InputPlan{Kind: check.KindAuto, MaxSize: 1 << 20}, Embargo: "deny",
			Lists: check.ListPlan{MaxAge: check.Duration(24 * time.Hour), Stale: check.StaleError}}
		p.Policies.AllowBuiltins = tc.allow
		err := p.Validate()
		if (err != nil) != (tc.bad != "") || (err != nil && !strings.Contains(err.Error(), tc.bad)) {
			t.Errorf("allow %v: %v, want %q", tc.allow, err, tc.bad)
		}
	}
}
