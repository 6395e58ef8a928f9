package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The evidence commands end to end: keygen, check --evidence with and
// without a key, verify (0, 1, 2), replay, ls and show.
func TestEvidenceCommands(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	key := filepath.Join(dir, "ci")
	r := run(t, "", "evidence", "keygen", key)
	if r.code != 0 {
		t.Fatalf("keygen: exit %d: %s", r.code, r.stderr)
	}
	info, err := os.Stat(key + ".key")
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("private key mode %v, want 0600", info.Mode().Perm())
	}
	if r := run(t, "", "evidence", "keygen", key); r.code != 2 {
		t.Errorf("keygen over existing keys: exit %d, want 2", r.code)
	}

	// The two checks share a list store: the second reads the screening
	// index the first cached, and its record must replay all the same.
	lists := filepath.Join(dir, "lists")
	sbomPath := example(filepath.Join("sbom", "kaspersky.cdx.json"))
	signed := filepath.Join(dir, "signed.json")
	r = runOwn(t, "", "check", "-o", "json", "--evidence", signed, "--evidence-dir", store, "--lists-dir", lists, "--sign-key", key+".key", sbomPath)
	if r.code != 1 {
		t.Fatalf("check --evidence: exit %d, want the check's own 1: %s", r.code, r.stderr)
	}
	clean := filepath.Join(dir, "clean.json")
	r = runOwn(t, "", "check", "-o", "json", "--evidence", clean, "--evidence-dir", store, "--lists-dir", lists, "--log-level", "debug", example(filepath.Join("sbom", "clean.cdx.json")))
	if !strings.Contains(r.stderr, "screening index from cache") {
		t.Errorf("the second check did not read the cached index:\n%s", r.stderr)
	}
	if r.code != 0 {
		t.Fatalf("check --evidence (unsigned, clean): exit %d: %s", r.code, r.stderr)
	}
	if r := run(t, "", "check", "--evidence", filepath.Join(dir, "x.json"), "--evidence-dir", store, "--sign-key", filepath.Join(dir, "nokey"), sbomPath); r.code != 2 {
		t.Errorf("check with a missing sign key: exit %d, want 2", r.code)
	}

	data, err := os.ReadFile(sbomPath)
	if err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(dir, "truncated.json")
	full, err := os.ReadFile(signed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(truncated, full[:len(full)/3], 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other")
	if r := run(t, "", "evidence", "keygen", other); r.code != 0 {
		t.Fatal(r.stderr)
	}

	tests := []struct {
		name string
		args []string
		want int
		out  string
	}{
		{"valid with key and input", []string{"evidence", "verify", signed, "--key", key + ".pub", "--input", sbomPath}, 0, "valid"},
		{"signed, no key", []string{"evidence", "verify", signed}, 2, "give the public key"},
		{"wrong key", []string{"evidence", "verify", signed, "--key", other + ".pub"}, 1, "does not verify"},
		{"private key as key", []string{"evidence", "verify", signed, "--key", key + ".key"}, 2, "private key"},
		{"truncated record", []string{"evidence", "verify", truncated, "--key", key + ".pub"}, 2, "truncated"},
		{"unsigned, no digest", []string{"evidence", "verify", clean}, 2, "not signed"},
		{"replay", []string{"evidence", "replay", signed, "--evidence-dir", store}, 0, "same decision"},
		{"replay no-hit", []string{"evidence", "replay", clean, "--evidence-dir", store}, 0, "same decision"},
		{"ls", []string{"evidence", "ls", "--evidence-dir", store}, 0, "no-hit-certificate"},
		{"show", []string{"evidence", "show", signed, "--evidence-dir", store}, 0, "Integrity: signed"},
		{"show unknown id", []string{"evidence", "show", "deadbeefdeadbeef", "--evidence-dir", store}, 2, "not available"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, "", tc.args...)
			if r.code != tc.want {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.want, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout+r.stderr, tc.out) {
				t.Errorf("output lacks %q:\n%s%s", tc.out, r.stdout, r.stderr)
			}
			for _, secret := range []string{"PRIVATE KEY"} {
				if strings.Contains(r.stdout+r.stderr, secret) {
					t.Errorf("output shows %q", secret)
				}
			}
		})
	}

	// A changed input is named, exit 1.
	changedPath := filepath.Join(dir, "kaspersky.cdx.json")
	if err := os.WriteFile(changedPath, append(data, ' '), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, "", "evidence", "verify", signed, "--key", key+".pub", "--input", changedPath)
	if r.code != 1 || !strings.Contains(r.stderr, "the input was changed") {
		t.Errorf("changed input: exit %d: %s", r.code, r.stderr)
	}
	b, err := os.ReadFile(signed)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "PRIVATE") {
		t.Error("the record holds the private key")
	}
}
