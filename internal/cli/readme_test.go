package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/decision"
)

// block returns the first fenced code block of the given language after
// the heading in the README.
func block(t *testing.T, readme, heading, lang string) string {
	t.Helper()
	i := strings.Index(readme, heading)
	if i < 0 {
		t.Fatalf("README.md has no %q", heading)
	}
	start := strings.Index(readme[i:], "```"+lang+"\n")
	if start < 0 {
		t.Fatalf("README.md has no %s block after %q", lang, heading)
	}
	body := readme[i+start+len("```"+lang+"\n"):]
	return body[:strings.Index(body, "```")]
}

// The policy example of the README works as the README says.
func TestREADMEPolicyExample(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	dir := t.TempDir()
	files := map[string]string{
		"bangate/rules/mycompany/mycompany.rego":  block(t, readme, "## Writing a policy", "rego"),
		"bangate/lists/mycompany-offboarded.yaml": block(t, readme, "## Writing a policy", "yaml"),
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	sbom := `{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[{"type":"library","bom-ref":"w","name":"widget","version":"1","supplier":{"name":"Acme Widgets Ltd."}}]}`
	r := run(t, sbom, "check", "-o", "json", "--policy", dir, "-")
	if r.code != decision.ExitFail {
		t.Fatalf("exit %d, want 1; stderr %s", r.code, r.stderr)
	}
	d := decisionOf(t, r)
	if v := d.Inputs[0].Result.Violations; len(v) != 1 || v[0].Rule != "mycompany-offboarded" {
		t.Errorf("violations %+v, want one mycompany-offboarded", v)
	}
	if r := run(t, "", "policy", "test", dir); r.code != 0 {
		t.Errorf("policy test with the example: exit %d\n%s", r.code, r.stdout)
	}
}
