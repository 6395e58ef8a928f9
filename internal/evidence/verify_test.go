package evidence_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/evidence"
)

func TestSignVerifyRoundTrip(t *testing.T) {
	sdn := importSDN(t, t.TempDir(), "sdn-2025-05", time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC))
	st := openStore(t)
	signer, verifier, _ := testKey(t, 1)
	env, rec := write(t, st, checkFiles(t, sdn, "iran.cdx.json"), signer)
	if !rec.Signed() || rec.Predicate.Integrity != evidence.IntegritySigned {
		t.Fatalf("signed %v, integrity %s", rec.Signed(), rec.Predicate.Integrity)
	}
	input, err := os.ReadFile(filepath.Join("testdata", "iran.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := evidence.Verify(context.Background(), rec, evidence.VerifyOptions{Key: verifier,
		Inputs: []evidence.InputFile{{Path: filepath.Join("testdata", "iran.cdx.json"), Data: input}}})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Signed || len(rep.Checks) != 3 {
		t.Errorf("report %+v", rep)
	}
	p := rec.Predicate
	if p.Kind != evidence.KindDecision || p.Outcome != "fail" || p.ExitCode != 1 {
		t.Errorf("kind %s outcome %s exit %d, want decision fail 1", p.Kind, p.Outcome, p.ExitCode)
	}
	if len(p.Inputs) != 1 || len(p.Inputs[0].Result.Violations) == 0 || p.Inputs[0].Certificate != "" {
		t.Errorf("inputs %+v", p.Inputs)
	}
	// The private key (seed 0x01...) is in no part of the record.
	seed := strings.Repeat("\x01", 32)
	for _, enc := range []string{base64.StdEncoding.EncodeToString([]byte(seed)), hex.EncodeToString([]byte(seed))} {
		if strings.Contains(string(env), enc) || strings.Contains(string(rec.Payload), enc) {
			t.Errorf("the record holds the private key")
		}
	}
}

func TestUnsignedRecord(t *testing.T) {
	sdn := importSDN(t, t.TempDir(), "sdn-2025-05", time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC))
	st := openStore(t)
	env, rec := write(t, st, checkFiles(t, sdn, "iran.cdx.json"), nil)
	if rec.Signed() || rec.Predicate.Integrity != evidence.IntegrityDigest {
		t.Fatalf("signed %v, integrity %s", rec.Signed(), rec.Predicate.Integrity)
	}
	ctx := context.Background()
	tests := []struct {
		name        string
		opts        evidence.VerifyOptions
		wantErr     error
		wantInvalid bool
	}{
		{"digest given", evidence.VerifyOptions{Digest: "sha256:" + rec.ID}, nil, false},
		{"no digest: cannot check", evidence.VerifyOptions{}, evidence.ErrUnsigned, false},
		{"wrong digest", evidence.VerifyOptions{Digest: strings.Repeat("0", 64)}, evidence.ErrInvalid, true},
		{"key given but unsigned", evidence.VerifyOptions{Key: mustVerifier(t, 2)}, evidence.ErrUnsigned, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := evidence.Verify(ctx, rec, tc.opts)
			if !errors.Is(err, tc.wantErr) || (err != nil) != (tc.wantErr != nil) {
				t.Fatalf("err %v, want %v", err, tc.wantErr)
			}
			if evidence.IsInvalid(err) != tc.wantInvalid {
				t.Errorf("IsInvalid %v, want %v (%v)", evidence.IsInvalid(err), tc.wantInvalid, err)
			}
		})
	}
	if !strings.Contains(string(env), `"signatures": []`) {
		t.Errorf("unsigned envelope should carry an empty signature list")
	}
}

func mustVerifier(t *testing.T, seed byte) *evidence.Verifier {
	_, v, _ := testKey(t, seed)
	return v
}

func TestKeysAndEnvelopeErrors(t *testing.T) {
	sdn := importSDN(t, t.TempDir(), "sdn-2025-05", time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC))
	st := openStore(t)
	signer, _, _ := testKey(t, 1)
	env, rec := write(t, st, checkFiles(t, sdn, "clean.cdx.json"), signer)

	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ecPub, _ := x509.MarshalPKIXPublicKey(ecKey.Public())
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	rsaPriv, _ := x509.MarshalPKCS8PrivateKey(rsaKey)

	t.Run("wrong key", func(t *testing.T) {
		_, err := evidence.Verify(context.Background(), rec, evidence.VerifyOptions{Key: mustVerifier(t, 9)})
		if !errors.Is(err, evidence.ErrInvalid) {
			t.Fatalf("err %v, want ErrInvalid", err)
		}
	})
	t.Run("public key of the wrong type", func(t *testing.T) {
		_, err := evidence.ParsePublicKey(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: ecPub}), "ec.pub")
		if !errors.Is(err, evidence.ErrKeyType) || evidence.IsInvalid(err) {
			t.Fatalf("err %v, want ErrKeyType", err)
		}
	})
	t.Run("private key of the wrong type", func(t *testing.T) {
		_, err := evidence.ParsePrivateKey(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: rsaPriv}), "rsa.key")
		if !errors.Is(err, evidence.ErrKeyType) {
			t.Fatalf("err %v, want ErrKeyType", err)
		}
		if strings.Contains(err.Error(), "MII") {
			t.Errorf("error quotes key bytes: %v", err)
		}
	})
	t.Run("private key given as public", func(t *testing.T) {
		_, err := evidence.ParsePublicKey(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: rsaPriv}), "k.key")
		if err == nil || strings.Contains(err.Error(), "MII") {
			t.Fatalf("err %v", err)
		}
	})

	payload, err := base64.StdEncoding.DecodeString(rec.Envelope.Payload)
	if err != nil {
		t.Fatal(err)
	}
	reseal := func(p []byte) []byte {
		b, _, err := evidence.Seal(context.Background(), p, nil)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	envelopeErrs := []struct {
		name string
		data []byte
		want error
	}{
		{"truncated envelope", env[:len(env)/2], evidence.ErrMalformed},
		{"empty file", nil, evidence.ErrMalformed},
		{"not an envelope", []byte(`{"hello": "world"}`), evidence.ErrMalformed},
		{"trailing data", append(append([]byte{}, env...), []byte("{}")...), evidence.ErrMalformed},
		{"wrong payload type", []byte(strings.Replace(string(env), "application/vnd.in-toto+json", "text/plain", 1)), evidence.ErrMalformed},
		{"payload not base64", []byte(strings.Replace(string(env), rec.Envelope.Payload[:8], "!!!!!!!!", 1)), evidence.ErrMalformed},
		{"truncated statement", reseal(payload[:len(payload)-10]), evidence.ErrMalformed},
		{"unknown predicate version in type", reseal([]byte(strings.Replace(string(payload), evidence.PredicateType, strings.TrimSuffix(evidence.PredicateType, "v2")+"v3", 1))), evidence.ErrUnknownVersion},
		{"unknown predicate version field", reseal([]byte(strings.Replace(string(payload), `"version":2`, `"version":3`, 1))), evidence.ErrUnknownVersion},
		{"version 1 type with a version 2 body", reseal([]byte(strings.Replace(string(payload), evidence.PredicateType, strings.TrimSuffix(evidence.PredicateType, "v2")+"v1", 1))), evidence.ErrUnknownVersion},
		{"unknown statement type", reseal([]byte(strings.Replace(string(payload), "https://in-toto.io/Statement/v1", "https://in-toto.io/Statement/v0.1", 1))), evidence.ErrUnknownVersion},
		{"predicate field missing", reseal([]byte(strings.Replace(string(payload), `"as_of":`, `"as_ofx":`, 1))), evidence.ErrMalformed},
	}
	for _, tc := range envelopeErrs {
		t.Run(tc.name, func(t *testing.T) {
			_, err := evidence.Open(tc.data, "rec.json")
			if !errors.Is(err, tc.want) {
				t.Fatalf("err %v, want %v", err, tc.want)
			}
			if evidence.IsInvalid(err) {
				t.Errorf("%v must be could-not-check (exit 2), not invalid", err)
			}
			if !strings.Contains(err.Error(), "rec.json") {
				t.Errorf("error does not name the file: %v", err)
			}
		})
	}
}

func TestNoHitCertificate(t *testing.T) {
	sdn := importSDN(t, t.TempDir(), "sdn-2025-05", time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC))
	st := openStore(t)
	_, rec := write(t, st, checkFiles(t, sdn, "clean.cdx.json"), nil)
	p := rec.Predicate
	if p.Kind != evidence.KindNoHit || p.Outcome != "pass" {
		t.Fatalf("kind %s outcome %s, want a no-hit certificate that passed", p.Kind, p.Outcome)
	}
	in := p.Inputs[0]
	var names []string
	for _, sp := range in.Screened.Parties {
		names = append(names, sp.Name)
	}
	for _, want := range []string{"Example Corp", "The Apache Software Foundation", "Sebastian McKenzie"} {
		if !contains(names, want) {
			t.Errorf("parties screened %q lack %q", names, want)
		}
	}
	if in.Screened.Count != len(names) || in.Screened.Truncated {
		t.Errorf("count %d for %d names", in.Screened.Count, len(names))
	}
	for _, l := range p.Lists {
		if !strings.Contains(in.Certificate, l.ID+" (") || !strings.Contains(in.Certificate, l.SHA256) {
			t.Errorf("certificate does not name list %s sha256 %s: %s", l.ID, l.SHA256, in.Certificate)
		}
	}
	if !strings.Contains(in.Certificate, "As of 2026-11-27") || !strings.Contains(in.Certificate, "none matched") {
		t.Errorf("certificate: %s", in.Certificate)
	}
	if len(p.Lists) < 4 {
		t.Errorf("lists %d, want the ban lists and ofac-sdn", len(p.Lists))
	}

	// A run with a hit is not a certificate, and neither is its input.
	_, hit := write(t, st, checkFiles(t, sdn, "clean.cdx.json", "iran.cdx.json"), nil)
	if hit.Predicate.Kind != evidence.KindDecision || hit.Predicate.Inputs[0].Certificate == "" || hit.Predicate.Inputs[1].Certificate != "" {
		t.Errorf("mixed run: kind %s, certificates %q / %q", hit.Predicate.Kind, hit.Predicate.Inputs[0].Certificate, hit.Predicate.Inputs[1].Certificate)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestStoreListsAndFinds(t *testing.T) {
	sdn := importSDN(t, t.TempDir(), "sdn-2025-05", time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC))
	st := openStore(t)
	_, a := write(t, st, checkFiles(t, sdn, "clean.cdx.json"), nil)
	_, b := write(t, st, checkFiles(t, sdn, "iran.cdx.json"), nil)
	ids, err := st.RecordIDs()
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 2 || !contains(ids, a.ID) || !contains(ids, b.ID) {
		t.Fatalf("ids %v", ids)
	}
	got, id, err := st.FindRecord(b.ID[:10])
	if err != nil || id != b.ID {
		t.Fatalf("find %s: %s %v", b.ID[:10], id, err)
	}
	var env map[string]any
	if err := json.Unmarshal(got, &env); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.FindRecord("abc"); err == nil {
		t.Error("a 3-digit prefix must be refused")
	}
	if _, _, err := st.FindRecord(strings.Repeat("f", 12)); !errors.Is(err, evidence.ErrMissing) && (a.ID[:12] != strings.Repeat("f", 12)) {
		t.Errorf("missing record: %v", err)
	}
}
