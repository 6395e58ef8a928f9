package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/decision"
)

// Every profile the bundle defines is accepted, a user's own profile too,
// and an unknown one is exit 2 naming the profiles that exist: the bundle
// is the one source of truth for profiles.
func TestProfilesFromBundle(t *testing.T) {
	user := t.TempDir()
	dir := filepath.Join(user, "bangate", "profiles")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte("eu-buyer:\n  title: An EU buyer\n  obligations: [icts-kaspersky]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	kaspersky := example(filepath.Join("sbom", "kaspersky.cdx.json"))
	for _, tc := range []struct {
		args     []string
		wantExit int
	}{
		{[]string{"--profile", "us-person"}, decision.ExitFail},
		{[]string{"--profile", "federal-contractor"}, decision.ExitFail},
		{[]string{"--profile", "telecom-carrier"}, decision.ExitFail},
		{[]string{"--profile", "exporter"}, decision.ExitFail},
		{[]string{"--profile", "all"}, decision.ExitFail},
		{[]string{"--profile", "eu-buyer", "--policy", user}, decision.ExitFail},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := run(t, "", append(append([]string{"check"}, tc.args...), kaspersky)...)
			if r.code != tc.wantExit {
				t.Fatalf("exit %d, want %d: %s", r.code, tc.wantExit, r.stderr)
			}
		})
	}
	r := run(t, "", "check", "--profile", "reseller", kaspersky)
	if r.code != decision.ExitError || !strings.Contains(r.stderr, `profile "reseller"`) || !strings.Contains(r.stderr, "exporter") {
		t.Errorf("unknown profile: exit %d, stderr %q; want 2 naming the profiles", r.code, r.stderr)
	}
}
