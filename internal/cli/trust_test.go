package cli_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/cli"
	"github.com/bangate/bangate/internal/decision"
)

// The examples of issue 13, items 6 (the scanned repository controls the
// gate) and 7 (waivers): each one let a banned vendor through with exit 0;
// each now fails closed or is refused.

// runIn executes bangate in-process with dir as the working directory
// (where a bangate.yaml is found), sharing the session cache.
func runIn(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Run(context.Background(), args, cli.Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Now: func() time.Time { return testNow }, Dir: dir, CacheDir: t.TempDir(), Sessions: sessions,
	})
	return result{code, out.String(), errOut.String()}
}

// writeTree writes files under a new directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
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

func sha256Of(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// passEverything is a user policy that redefines the decision so that
// every input passes.
const passEverything = `package bangate.decision

result := {"outcome": "pass", "violations": [], "reviews": [], "warnings": [], "waived": [], "invalid": [], "errors": []}
`

// waiveEverything is a user policy that redefines the waiver library so
// that every violation is waived.
const waiveEverything = `package bangate.lib.waivers

active := {{"id": "W", "rule": r, "subject": {}, "reason": "r", "approved_by": "a", "ticket": "t", "expires": "2999-01-01"} | some r in ["kaspersky-icts-2024", "kaspersky-far-52-204-23"]}

expired := set()

errors := set()

covers(_, _) := true
`

// Item 6: a bangate.yaml found in the working directory cannot weaken the
// gate. Each setting issue 13 used is not applied, the check of the
// Kaspersky example still fails, and the reports name the file, its
// sha256 and what was not applied.
func TestFoundConfigCannotWeakenTheGate(t *testing.T) {
	tests := []struct {
		name   string
		config string
		files  map[string]string
		key    string
	}{
		{"policy.dirs at its own rego", "policy:\n  dirs: [own]\n", map[string]string{"own/bangate/decision/d.rego": passEverything}, "policy.dirs"},
		{"lists.dir at its own 12-entry store", "lists:\n  dir: ./twelve\n", map[string]string{"twelve/lists/README": "a store of 12 entries"}, "lists.dir"},
		{"as-of in the past", "as-of: 2015-01-01\n", nil, "as-of"},
		{"a weaker profile", "profile: us-person\n", nil, "profile"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"bangate.yaml": tc.config}
			for k, v := range tc.files {
				files[k] = v
			}
			dir := writeTree(t, files)
			r := runIn(t, dir, "", "check", "-o", "json", example("sbom/kaspersky.cdx.json"))
			if r.code != decision.ExitFail {
				t.Fatalf("exit %d, want 1; stderr %s", r.code, r.stderr)
			}
			d := decisionOf(t, r)
			if d.Profile != "federal-contractor" || !d.AsOf.Equal(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)) || len(d.Sources.Policies) != 0 {
				t.Errorf("profile %s, as of %s, user policies %v: a found file's setting applied", d.Profile, d.AsOf, d.Sources.Policies)
			}
			if got := rules(d.Inputs[0].Result.Violations); !strings.Contains(got, "kaspersky-far-52-204-23") || !strings.Contains(got, "kaspersky-icts-2024") {
				t.Errorf("violations %s", got)
			}
			if len(d.Sources.Config) != 1 {
				t.Fatalf("config files %+v, want the found one", d.Sources.Config)
			}
			c := d.Sources.Config[0]
			if c.Path != filepath.Join(dir, "bangate.yaml") || c.SHA256 != sha256Of(tc.config) || c.Trust != decision.TrustFound ||
				len(c.Ignored) != 1 || c.Ignored[0].Key != tc.key {
				t.Errorf("config file %+v", c)
			}
			if !strings.Contains(r.stderr, "not applied") || !strings.Contains(r.stderr, tc.key) {
				t.Errorf("stderr does not say what was not applied: %s", r.stderr)
			}
		})
	}
}

// A found file's own lists.dir is not used as the list store: the sanctions
// list screened is the embedded one, not the file's.
func TestFoundConfigListStoreNotUsed(t *testing.T) {
	dir := writeTree(t, map[string]string{"bangate.yaml": "lists:\n  dir: ./twelve\n"})
	r := runIn(t, dir, "", "check", "-o", "json", example("sbom/kaspersky.cdx.json"))
	d := decisionOf(t, r)
	for _, l := range d.Lists {
		if l.ID == "ofac-sdn" && l.Entries < 1000 {
			t.Errorf("ofac-sdn has %d entries: the found file's store was used", l.Entries)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "twelve")); err == nil {
		t.Error("the found file's list store was created")
	}
}

// The same file, named, applies whole, and says so in every report.
func TestNamedConfigApplies(t *testing.T) {
	const body = "profile: us-person\nas-of: 2024-07-01\n"
	dir := writeTree(t, map[string]string{"team.yaml": body})
	path := filepath.Join(dir, "team.yaml")
	r := run(t, "", "check", "--config", path, "-o", "json", example("sbom/kaspersky.cdx.json"))
	if r.code != decision.ExitPass {
		t.Fatalf("exit %d, want 0 (us-person before ICTS took effect); stderr %s", r.code, r.stderr)
	}
	d := decisionOf(t, r)
	if len(d.Sources.Config) != 1 || d.Sources.Config[0].Trust != decision.TrustNamed || d.Sources.Config[0].SHA256 != sha256Of(body) {
		t.Errorf("config files %+v", d.Sources.Config)
	}
}

// Every format names each configuration file read and each user policy
// file loaded, with its sha256 (issue 13: "no report says a config file
// was read or a user policy loaded").
func TestReportsNameConfigAndPolicies(t *testing.T) {
	const rego = "package bangate.rules.mine\n\nwarn contains {\"rule\": \"mine\", \"severity\": \"info\", \"message\": \"checked\", \"subject\": {\"kind\": \"document\"}} if true\n"
	const config = "fail-on: review\n"
	dir := writeTree(t, map[string]string{"bangate.yaml": config, "pol/bangate/rules/mine/mine.rego": rego})
	out := t.TempDir()
	args := []string{"check", "--policy", filepath.Join(dir, "pol")}
	for _, f := range []string{"text", "json", "sarif", "junit", "markdown", "html"} {
		args = append(args, "-o", f+"="+filepath.Join(out, "report."+f))
	}
	r := runIn(t, dir, "", append(args, example("sbom/kaspersky.cdx.json"))...)
	if r.code != decision.ExitFail {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, f := range []string{"text", "json", "sarif", "junit", "markdown", "html"} {
		data, err := os.ReadFile(filepath.Join(out, "report."+f))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{sha256Of(config), sha256Of(rego), "bangate.yaml", "mine.rego"} {
			if !bytes.Contains(data, []byte(want)) {
				t.Errorf("%s report lacks %s", f, want)
			}
		}
	}
}

// Item 6: a user policy may not redefine the decision or the waiver
// library; the check stops with exit 2 naming the file and the package.
func TestUserPolicyCannotRedefineTheDecision(t *testing.T) {
	for pkg, body := range map[string]string{"bangate.decision": passEverything, "bangate.lib.waivers": waiveEverything} {
		t.Run(pkg, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"p/x.rego": body})
			r := run(t, "", "check", "--policy", dir, example("sbom/kaspersky.cdx.json"))
			if r.code != decision.ExitError {
				t.Fatalf("exit %d, want 2", r.code)
			}
			for _, want := range []string{filepath.Join("p", "x.rego"), "package " + pkg, "reserved for the built-in bundle"} {
				if !strings.Contains(r.stderr, filepath.ToSlash(want)) {
					t.Errorf("stderr lacks %q: %s", want, r.stderr)
				}
			}
		})
	}
}

// Item 6: user policies cannot call the network, and run under a time
// and a memory limit: numbers.range(1, 1e8) ran 120 s in 3.6 GB.
func TestUserPolicyBuiltinsAndLimits(t *testing.T) {
	policyCalling := func(expr string) string {
		return writeTree(t, map[string]string{"bangate/rules/probe/probe.rego": "package bangate.rules.probe\n\n" +
			"deny contains {\"rule\": \"probe\", \"severity\": \"high\", \"message\": \"m\", \"subject\": {\"kind\": \"document\"}} if {\n\tx := " + expr + "\n\tx == \"never\"\n}\n"})
	}
	tests := []struct {
		name  string
		expr  string
		flags []string
		want  []string
	}{
		{"http.send", `http.send({"method": "get", "url": "https://example.com/"})`, nil, []string{"http.send", "--allow-builtin http.send"}},
		{"net.lookup_ip_addr", `net.lookup_ip_addr("example.com")`, nil, []string{"net.lookup_ip_addr", "--allow-builtin net.lookup_ip_addr"}},
		{"time limit", `sprintf("%d", [count(numbers.range(1, 1e8))])`, []string{"--policy-timeout", "500ms"}, []string{"stopped after 500ms", "policy.timeout"}},
		{"memory limit", `sprintf("%d", [count(numbers.range(1, 1e8))])`, []string{"--policy-timeout", "1m", "--policy-max-memory", "32MiB"}, []string{"memory limit", "policy.max-memory"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			args := append([]string{"check", "--policy", policyCalling(tc.expr)}, tc.flags...)
			r := run(t, "", append(args, example("sbom/kaspersky.cdx.json"))...)
			if r.code != decision.ExitError {
				t.Fatalf("exit %d, want 2; stderr %s", r.code, r.stderr)
			}
			for _, want := range tc.want {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q: %s", want, r.stderr)
				}
			}
			if took := time.Since(start); took > 30*time.Second {
				t.Errorf("took %s", took)
			}
		})
	}
}

// kasperskyPair is an SBOM with a harmless Kaspersky test framework and a
// banned Kaspersky component given the same bom-ref (issue 13, item 7).
const kasperskyPair = `{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[
{"type":"library","bom-ref":"shared","name":"kaspresso","version":"1.6.0","purl":"pkg:maven/com.kaspersky.android-components/kaspresso@1.6.0"},
{"type":"library","bom-ref":"shared","name":"kav-sdk","version":"8.2.1","purl":"pkg:maven/com.kaspersky/kav-sdk@8.2.1","supplier":{"name":"AO Kaspersky Lab"}}]}`

// waiverFile writes a waiver file with one waiver of rule on subject.
func waiverFile(t *testing.T, rule, subject, extra string) string {
	t.Helper()
	dir := writeTree(t, map[string]string{"w.yaml": "waivers:\n  - id: W-1\n    rule: " + rule + "\n    subject: " + subject +
		"\n    reason: accepted\n    approved_by: legal@example.com\n    ticket: T-1\n    expires: \"2027-06-30\"\n" + extra})
	return filepath.Join(dir, "w.yaml")
}

// Item 7: waivers match on what the SBOM's author cannot spoof alone.
func TestWaiversCannotBeStretched(t *testing.T) {
	t.Run("a ref alone is refused", func(t *testing.T) {
		r := run(t, kasperskyPair, "check", "--profile", "us-person", "--waivers", waiverFile(t, "kaspersky-icts-2024", "{ref: shared}", ""), "-")
		if r.code != decision.ExitError || !strings.Contains(r.stderr, `ref "shared" alone`) || !strings.Contains(r.stderr, "purl") {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
	})
	t.Run("a ref with a purl waives only that component", func(t *testing.T) {
		w := waiverFile(t, "kaspersky-icts-2024", "{ref: shared, purl: pkg:maven/com.kaspersky.android-components/kaspresso@1.6.0}", "")
		r := run(t, kasperskyPair, "check", "--profile", "us-person", "-o", "json", "--waivers", w, "-")
		if r.code != decision.ExitFail {
			t.Fatalf("exit %d, want 1: %s", r.code, r.stderr)
		}
		res := decisionOf(t, r).Inputs[0].Result
		if len(res.Violations) != 1 || res.Violations[0].Subject.Name != "kav-sdk" || len(res.Waived) != 1 || res.Waived[0].Subject.Name != "kaspresso" {
			t.Errorf("violations %+v, waived %+v", res.Violations, res.Waived)
		}
	})
	t.Run("a bare purl prefix is refused", func(t *testing.T) {
		r := run(t, kasperskyPair, "check", "--profile", "us-person", "--waivers", waiverFile(t, "kaspersky-icts-2024", "{purl: p}", ""), "-")
		if r.code != decision.ExitError || !strings.Contains(r.stderr, `purl "p" is not a purl`) {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
	})
	t.Run("a namespace glob stops at the namespace", func(t *testing.T) {
		w := waiverFile(t, "kaspersky-icts-2024", "{purl: \"pkg:maven/com.kaspersky.android-components/*\"}", "")
		r := run(t, kasperskyPair, "check", "--profile", "us-person", "-o", "json", "--waivers", w, "-")
		if r.code != decision.ExitFail || len(decisionOf(t, r).Inputs[0].Result.Waived) != 1 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
	})
}

// sdnSupplier is an SBOM whose component is supplied by an entity on the
// SDN list.
const sdnSupplier = `{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[
{"type":"library","bom-ref":"pt","name":"pt-lib","version":"1.0.0","purl":"pkg:npm/pt-lib@1.0.0","supplier":{"name":"AO Positive Technologies"}}]}`

// Item 7: an SDN block can be waived only under a licence, and a waiver
// under a licence is shown first in every format.
func TestSDNBlockWaiverNeedsLicence(t *testing.T) {
	r := run(t, sdnSupplier, "check", "--profile", "us-person", "--waivers", waiverFile(t, "ofac-sdn-blocked", "{purl: pkg:npm/pt-lib@1.0.0}", ""), "-")
	if r.code != decision.ExitError || !strings.Contains(r.stderr, "w.yaml") || !strings.Contains(r.stderr, "must name the licence") {
		t.Fatalf("without a licence: exit %d: %s", r.code, r.stderr)
	}
	const licence = "OFAC specific licence CYBER-2026-123456-1"
	w := waiverFile(t, "ofac-sdn-blocked", "{purl: pkg:npm/pt-lib@1.0.0}", "    licence: "+licence+"\n")
	out := t.TempDir()
	args := []string{"check", "--profile", "us-person", "--waivers", w}
	for _, f := range []string{"text", "json", "sarif", "junit", "markdown", "html"} {
		args = append(args, "-o", f+"="+filepath.Join(out, "report."+f))
	}
	r = run(t, sdnSupplier, append(args, "-")...)
	if r.code != decision.ExitPass {
		t.Fatalf("with a licence: exit %d: %s", r.code, r.stderr)
	}
	for _, f := range []string{"text", "json", "sarif", "junit", "markdown", "html"} {
		data, err := os.ReadFile(filepath.Join(out, "report."+f))
		if err != nil {
			t.Fatal(err)
		}
		prominent := "waived under licence"
		if f == "json" {
			prominent = `"licensed": [`
		}
		if !bytes.Contains(data, []byte(licence)) || !bytes.Contains(data, []byte(prominent)) {
			t.Errorf("%s report does not show the licence prominently", f)
		}
	}
	text, _ := os.ReadFile(filepath.Join(out, "report.text"))
	if i := bytes.Index(text, []byte("licensed: ofac-sdn-blocked")); i < 0 || i > bytes.Index(text, []byte("input ")) {
		t.Errorf("text report does not show the licensed waiver before the inputs:\n%s", text)
	}
}

// rules lists the rules of violations, comma-separated.
func rules(vs []decision.Violation) string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Rule)
	}
	return strings.Join(out, ",")
}

// check --help documents the trust rule for configuration files, the user
// namespace and the waiver selectors.
func TestCheckHelpDocumentsTheTrustRule(t *testing.T) {
	r := run(t, "", "check", "--help")
	for _, want := range []string{"BANGATE_CONFIG", "bangate.yaml in the working directory", "stricter", "bangate.rules.<set>",
		"--allow-builtin", "--policy-timeout", "--policy-max-memory", "a ref or a name alone", "licence"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("check --help lacks %q", want)
		}
	}
}
