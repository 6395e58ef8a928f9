package policy_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/policies"
)

// userDir writes a user policy directory.
func userDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func emptyInput(t *testing.T) ast.Value {
	t.Helper()
	v, err := ast.InterfaceToValue(map[string]any{
		"kind": "sbom", "as_of": "2026-11-27T00:00:00Z", "profile": "federal-contractor",
		"source": map[string]any{"path": "x"}, "subject": map[string]any{"parties": []any{}},
		"components": []any{}, "vendors": []any{}, "lists": map[string]any{}, "warnings": []any{},
		"coverage": map[string]any{"components": 0, "unattributed_count": 0, "unattributed": []any{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestBuiltinPassesOnEmptyInput(t *testing.T) {
	e, err := policy.New(context.Background(), policy.Options{BuiltIn: policies.FS})
	if err != nil {
		t.Fatal(err)
	}
	res, err := e.Evaluate(context.Background(), emptyInput(t))
	if err != nil {
		t.Fatal(err)
	}
	if res.Outcome != "pass" {
		t.Errorf("outcome %q, want pass: %+v", res.Outcome, res)
	}
	if len(e.Files()) == 0 || len(e.Digest()) != 64 {
		t.Errorf("bundle files %d, digest %q", len(e.Files()), e.Digest())
	}
}

func TestEngineFailsClosed(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		builtin bool
		wantErr string
		atEval  bool
	}{
		{"policy does not compile", map[string]string{"bad.rego": "package bangate.rules.bad\n\ndeny contains v if {\n"}, true, "load policy", false},
		{"undefined reference", map[string]string{"bad.rego": "package bangate.rules.bad\n\ndeny contains v if { v := data.nope.x(1) }\n"}, true, "compile policies", false},
		{"malformed violation", map[string]string{"bad.rego": "package bangate.rules.bad\n\ndeny contains {\"message\": \"no rule\"} if { true }\n"}, true, "malformed violation", true},
		{"builtin error at evaluation", map[string]string{"bad.rego": "package bangate.rules.bad\n\ndeny contains {\"rule\": \"r\", \"severity\": \"high\", \"message\": \"m\", \"subject\": {\"kind\": \"document\"}} if {\n\ttime.parse_rfc3339_ns(\"not a date\") > 0\n}\n"}, true, "evaluate policies", true},
		{"no decision package", map[string]string{"only.rego": "package other\n\nx := 1\n"}, false, "undefined", true},
		{"built-in list overridden", map[string]string{"bangate/lists/k.yaml": "kaspersky:\n  title: mine\n"}, true, "defined by the built-in bundle", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := policy.Options{UserDirs: []string{userDir(t, tc.files)}}
			if tc.builtin {
				opts.BuiltIn = policies.FS
			}
			e, err := policy.New(context.Background(), opts)
			if !tc.atEval {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("New error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			_, err = e.Evaluate(context.Background(), emptyInput(t))
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("Evaluate error %v, want %q", err, tc.wantErr)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestParseWaivers(t *testing.T) {
	good := "waivers:\n  - id: W1\n    rule: r\n    subject: {purl: pkg:npm/c1@1}\n    reason: why\n    approved_by: me\n    expires: \"2027-01-31\"\n"
	if ws, err := policy.ParseWaivers([]byte(good), "w.yaml"); err != nil || len(ws) != 1 {
		t.Fatalf("good file: %v %v", ws, err)
	}
	bad := map[string]string{
		"bad date":       strings.Replace(good, "2027-01-31", "31/01/2027", 1),
		"no subject":     strings.Replace(good, "subject: {purl: pkg:npm/c1@1}", "subject: {}", 1),
		"unknown key":    strings.Replace(good, "reason: why", "reasn: why", 1),
		"no approver":    strings.Replace(good, "approved_by: me", "approved_by: \"\"", 1),
		"not a list":     "waivers: 3\n",
		"no waivers key": "other: []\n",
	}
	for name, body := range bad {
		if _, err := policy.ParseWaivers([]byte(body), "w.yaml"); err == nil || !strings.Contains(err.Error(), "w.yaml") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestNestedRulePackageRefused(t *testing.T) {
	dir := userDir(t, map[string]string{"x.rego": "package bangate.rules.mine.sub\n\ndeny contains {\"rule\": \"r\"} if { true }\n"})
	_, err := policy.New(context.Background(), policy.Options{BuiltIn: policies.FS, UserDirs: []string{dir}})
	if err == nil || !strings.Contains(err.Error(), "bangate.rules.mine.sub") {
		t.Fatalf("err = %v", err)
	}
}
