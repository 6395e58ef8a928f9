package monitor_test

import (
	"context"
	"testing"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/monitor"
	"github.com/bangate/bangate/policies"
)

// Another build of the program (its matcher may decide otherwise) makes
// another fingerprint, so that every subject is checked again whole; the
// same build, the same one.
func TestFingerprintProgram(t *testing.T) {
	plan := scenarioPlan(t, "")
	plan.Ownership = nil
	fp := func(program string) string {
		t.Helper()
		sess, err := check.NewSession(context.Background(), plan, check.Sources{Builtin: policies.FS, Cache: sessions,
			IndexCache: &check.IndexCache{Dir: t.TempDir(), Program: program}, Tool: decision.Tool{Name: "bangate", Version: "test"}})
		if err != nil {
			t.Fatal(err)
		}
		return monitor.Fingerprint(sess)
	}
	a, a2, b := fp("build A"), fp("build A"), fp("build B")
	if a != a2 {
		t.Errorf("the same build: fingerprints %s and %s", a, a2)
	}
	if a == b {
		t.Errorf("another build: the same fingerprint %s", a)
	}
}
