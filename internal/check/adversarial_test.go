package check_test

import (
	"context"
	"sync"
	"testing"

	"github.com/bangate/bangate/internal/check"
)

// adversarialSession is the one session the adversarial suite and the
// disguise fuzz target share: profile "all", so that every obligation of
// every ban list applies.
var adversarialSession = sync.OnceValue(func() func(testing.TB) *check.Session {
	var (
		s    *check.Session
		once sync.Once
	)
	return func(t testing.TB) *check.Session {
		t.Helper()
		once.Do(func() { s = session(t, testPlan(t, "all", "2026-12-03")) })
		if s == nil {
			t.Fatal("no session")
		}
		return s
	}
})

// TestAdversarialSuite runs every generated disguise of every banned
// vendor through the gate (issue 13): none may pass, none may be sent to
// review where the plain name is denied, and keys that differ only by
// case stop the check.
func TestAdversarialSuite(t *testing.T) {
	s := adversarialSession()(t)
	cases := disguiseCases()
	perFamily := map[string]int{}
	for _, c := range cases {
		perFamily[c.family]++
	}
	t.Logf("%d cases: %v", len(cases), perFamily)
	if len(cases) < 500 {
		t.Errorf("%d cases, want at least 500", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := oneChecker{s}.Check(context.Background(), check.Input{Path: c.path, Data: []byte(c.data)})
			if got.Outcome != c.want {
				t.Errorf("outcome %q, want %q (error %q)\ninput %s\n%s", got.Outcome, c.want, got.Error, printable(c.data),
					describe(append(append(got.Result.Violations, got.Result.Reviews...), got.Result.Warnings...)))
			}
		})
	}
}
