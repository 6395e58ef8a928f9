package policy

import (
	"strings"
	"testing"
)

// parseResult accepts only a decision whose outcome and findings agree and
// whose every violation is well formed; everything else is an error, never
// a pass.
func TestParseResult(t *testing.T) {
	t.Parallel()
	v := `{"rule":"r","severity":"high","message":"m","subject":{"kind":"component"}}`
	tests := []struct {
		name    string
		raw     string
		wantErr string
	}{
		{"pass", `{"outcome":"pass","violations":[],"reviews":[],"warnings":[],"waived":[]}`, ""},
		{"fail", `{"outcome":"fail","violations":[` + v + `]}`, ""},
		{"review", `{"outcome":"review","reviews":[` + v + `]}`, ""},
		{"warnings only pass", `{"outcome":"pass","warnings":[` + v + `]}`, ""},
		{"not json", `{"outcome":`, "malformed result"},
		{"unknown outcome", `{"outcome":"maybe"}`, `unknown outcome "maybe"`},
		{"pass with a violation", `{"outcome":"pass","violations":[` + v + `]}`, "outcome pass with 1 violation"},
		{"review with a violation", `{"outcome":"review","violations":[` + v + `]}`, "outcome review with 1 violation"},
		{"invalid reported", `{"outcome":"fail","invalid":[{"x":1}]}`, "1 malformed violation"},
		{"policy error", `{"outcome":"error","errors":[{"code":"profile-unknown","message":"profile x"},{"code":"c","message":"m"}]}`, "policy error profile-unknown: profile x (and 1 more)"},
		{"no rule", `{"outcome":"fail","violations":[{"severity":"high","message":"m","subject":{"kind":"component"}}]}`, "has no rule"},
		{"bad severity", `{"outcome":"fail","violations":[{"rule":"r","severity":"severe","message":"m","subject":{"kind":"component"}}]}`, `bad severity "severe"`},
		{"no message", `{"outcome":"fail","violations":[{"rule":"r","severity":"high","subject":{"kind":"component"}}]}`, "has no message"},
		{"no subject kind", `{"outcome":"fail","violations":[{"rule":"r","severity":"high","message":"m","subject":{}}]}`, "no subject kind"},
		{"malformed waived", `{"outcome":"pass","waived":[{"rule":"r"}]}`, "bad severity"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := parseResult([]byte(tc.raw))
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				if res.Violations == nil || res.Reviews == nil || res.Warnings == nil || res.Waived == nil {
					t.Errorf("nil lists in %+v", res)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error %v, want %q", err, tc.wantErr)
			}
		})
	}
}
