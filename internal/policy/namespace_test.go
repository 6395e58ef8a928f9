package policy_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/policies"
)

// waiveAll is the issue 13 attack: a user policy that redefines the
// decision, or the waiver library, so that every violation is waived.
const waiveAll = `package %s

import rego.v1

active contains {"id": "all", "rule": r} if some r in {"kaspersky-icts-2024", "ofac-sdn-blocked"}

covers(_, _) := true
`

// A user directory may add rule sets, lists and profiles of its own, and
// anything outside bangate; it may not define or override any other part
// of the built-in bundle. The error names the directory, the file and the
// package or data path.
func TestUserNamespace(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		wantFile string
		wantPath string // "" when the directory loads
	}{
		{"decision redefined", map[string]string{"evil/decision.rego": strings.Replace(waiveAll, "%s", "bangate.decision", 1)},
			"evil/decision.rego", "package bangate.decision"},
		{"waiver library redefined", map[string]string{"w.rego": strings.Replace(waiveAll, "%s", "bangate.lib.waivers", 1)},
			"w.rego", "package bangate.lib.waivers"},
		{"new library under bangate.lib", map[string]string{"l.rego": "package bangate.lib.mine\n\nx := 1\n"}, "l.rego", "package bangate.lib.mine"},
		{"root package", map[string]string{"r.rego": "package bangate\n\ndecision := {}\n"}, "r.rego", "package bangate"},
		{"rules package itself", map[string]string{"r.rego": "package bangate.rules\n\nmine := {\"deny\": set()}\n"}, "r.rego", "package bangate.rules"},
		{"built-in rule set redefined", map[string]string{"s.rego": "package bangate.rules.sanctions\n\ndeny := set()\n"}, "s.rego", "package bangate.rules.sanctions"},
		{"built-in rule set extended", map[string]string{"s.rego": "package bangate.rules.vendor_bans.extra\n\nx := 1\n"}, "s.rego", "package bangate.rules.vendor_bans.extra"},
		{"rules as lists", map[string]string{"l.rego": "package bangate.lists.mine\n\nentries := {}\n"}, "l.rego", "package bangate.lists.mine"},
		{"built-in list replaced", map[string]string{"bangate/lists/kaspersky.yaml": "kaspersky:\n  title: emptied\n  kind: ban\n  entries: {}\n"},
			"bangate/lists/kaspersky.yaml", "data.bangate.lists.kaspersky"},
		{"built-in list extended", map[string]string{"bangate/lists/k.yaml": "kaspersky:\n  entries:\n    x: {name: X}\n"},
			"bangate/lists/k.yaml", "data.bangate.lists.kaspersky"},
		{"built-in profile weakened", map[string]string{"bangate/profiles/p.yaml": "eu-person:\n  require_lists: false\n"},
			"bangate/profiles/p.yaml", "data.bangate.profiles.eu-person"},
		{"waivers as data", map[string]string{"bangate/w.yaml": "waivers:\n  - {id: W, rule: r}\n"}, "bangate/w.yaml", "data.bangate.waivers"},
		{"waivers from the root", map[string]string{"w.json": `{"bangate": {"waivers": []}}`}, "w.json", "data.bangate.waivers"},
		{"sanctions data", map[string]string{"bangate/sanctions/x.yaml": "regimes: {}\n"}, "bangate/sanctions/x.yaml", "data.bangate.sanctions"},
		{"data under the decision", map[string]string{"bangate/decision/d.json": `{"result": {"outcome": "pass"}}`}, "bangate/decision/d.json", "data.bangate.decision"},
		{"a scalar at bangate", map[string]string{"b.json": `{"bangate": 1}`}, "b.json", "data.bangate"},

		{"new rule set", map[string]string{"bangate/rules/mine/mine.rego": "package bangate.rules.mine\n\ndeny := set()\n"}, "", ""},
		{"helpers below a new rule set", map[string]string{"h.rego": "package bangate.rules.mine.helpers\n\nx := 1\n"}, "", ""},
		{"own namespace", map[string]string{"lib/lib.rego": "package mycompany.lib\n\nx := 1\n", "data/d.yaml": "mycompany:\n  allow: [a]\n"}, "", ""},
		{"new list and profile", map[string]string{
			"bangate/lists/mine.yaml":    "mine:\n  title: Mine\n  kind: ban\n  entries: {}\n",
			"bangate/profiles/mine.yaml": "strict-buyer:\n  title: x\n  obligations: [icts-kaspersky]\n",
		}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := userDir(t, tc.files)
			_, err := policy.New(context.Background(), policy.Options{BuiltIn: policies.FS, UserDirs: []string{dir}})
			if tc.wantPath == "" {
				if err != nil {
					t.Fatalf("a user's own namespace refused: %v", err)
				}
				return
			}
			var ne *policy.NamespaceError
			if !errors.As(err, &ne) {
				t.Fatalf("err = %v, want a namespace error", err)
			}
			if ne.Origin != dir || ne.File != tc.wantFile || ne.Path != tc.wantPath {
				t.Errorf("origin %q file %q path %q, want %q %q %q", ne.Origin, ne.File, ne.Path, dir, tc.wantFile, tc.wantPath)
			}
			if msg := err.Error(); !strings.Contains(msg, dir) || !strings.Contains(msg, tc.wantFile) || strings.Contains(msg, "\n") {
				t.Errorf("message %q: want one line naming the directory and the file", msg)
			}
		})
	}
}

// A user directory named like the built-in origin is not taken for it.
func TestUserDirNamedBuiltin(t *testing.T) {
	dir := userDir(t, map[string]string{"builtin/d.rego": strings.Replace(waiveAll, "%s", "bangate.decision", 1)})
	t.Chdir(dir)
	_, err := policy.New(context.Background(), policy.Options{BuiltIn: policies.FS, UserDirs: []string{policy.OriginBuiltin}})
	var ne *policy.NamespaceError
	if !errors.As(err, &ne) || ne.Origin != "./builtin" {
		t.Fatalf("err = %v, want a namespace error of ./builtin", err)
	}
}
