package report_test

import (
	"os"
	"os/exec"
	"testing"
)

// lookTool finds an external program a test needs. Without it the test is
// skipped on a developer's machine, but fails under CI (CI set), where the
// tool must be installed.
func lookTool(t *testing.T, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "" {
		t.Skipf("%s not installed (required when CI is set)", names[0])
	}
	t.Fatalf("%s not installed, and CI is set: install it (Debian package for %s)", names[0], names[0])
	return ""
}
