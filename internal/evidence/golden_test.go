package evidence_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/evidence"
)

var update = flag.Bool("update", false, "rewrite golden files and the fuzz seed record")

// TestGolden renders the predicate of a signed record of iran.cdx.json with
// the volatile fields redacted: the tool version and commit, the policy
// bundle's files and digests (they change with every policy edit) and the
// list objects (their encoding may change between Go releases).
func TestGolden(t *testing.T) {
	sdn := importSDN(t, t.TempDir(), "sdn-2025-05", published2025)
	st := openStore(t)
	signer, verifier, pub := testKey(t, 42)
	env, rec := write(t, st, checkFiles(t, sdn, "clean.cdx.json", "iran.cdx.json"), signer)
	if _, err := evidence.Verify(context.Background(), rec, evidence.VerifyOptions{Key: verifier}); err != nil {
		t.Fatal(err)
	}
	got := redact(t, rec.Predicate)
	path := filepath.Join("testdata", "snapshot", t.Name()+".golden")
	if *update {
		for p, b := range map[string][]byte{path: got, filepath.Join("testdata", "record.intoto.json"): env, filepath.Join("testdata", "record.pub"): pub} {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("predicate differs from %s (-want +got):\n%s", path, d)
	}
}

// redact returns p as indented JSON with the volatile fields replaced.
func redact(t *testing.T, p *evidence.Predicate) []byte {
	t.Helper()
	c := *p
	c.Tool.Version, c.Tool.Commit, c.Tool.OPAVersion = "<version>", "<commit>", "<opa>"
	c.Policy = evidence.Bundle{Version: "<bundle>", Digest: "<digest>"}
	c.Lists = append([]evidence.ListSnapshot{}, p.Lists...)
	for i := range c.Lists {
		c.Lists[i].Object = "<object>"
		if c.Lists[i].Kind == "ban" {
			c.Lists[i].SHA256 = "<ban list digest>"
		}
	}
	c.Inputs = append([]evidence.Input{}, p.Inputs...)
	for i := range c.Inputs {
		c.Inputs[i].Certificate = "<certificate: see TestNoHitCertificate>"
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// volatileText matches what changes with every policy or ban-list edit in
// the text format: the bundle line, ban-list digests, OPA's version and
// the record ID and key ID.
var volatileText = regexp.MustCompile(`(?m)(Policy bundle .*$|OPA \S+$|sha256:[0-9a-f]{64}|sha256 [0-9a-f]{64}|record [0-9a-f]{64}|SHA256:\S+)`)

// TestGoldenText renders a record in the human text format.
func TestGoldenText(t *testing.T) {
	sdn := importSDN(t, t.TempDir(), "sdn-2025-05", published2025)
	st := openStore(t)
	signer, _, _ := testKey(t, 42)
	_, rec := write(t, st, checkFiles(t, sdn, "clean.cdx.json", "iran.cdx.json"), signer)
	var buf bytes.Buffer
	if err := evidence.RenderText(&buf, rec); err != nil {
		t.Fatal(err)
	}
	if err := evidence.RenderSummary(&buf, evidence.Summarize(rec)); err != nil {
		t.Fatal(err)
	}
	got := volatileText.ReplaceAllString(buf.String(), "<redacted>")
	got = regexp.MustCompile(`(?m)^[0-9a-f]{12}  `).ReplaceAllString(got, "<id>  ")
	path := filepath.Join("testdata", "snapshot", t.Name()+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("text differs from %s (-want +got):\n%s", path, d)
	}
}
