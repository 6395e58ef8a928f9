package evidence_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/evidence"
)

// Every kind of tampering is detected, by verify or by replay, and the
// error names what no longer matches.
func TestTamper(t *testing.T) {
	ctx := context.Background()
	sdn := importSDN(t, t.TempDir(), "sdn-2025-05", published2025)
	c := checkFiles(t, sdn, "iran.cdx.json")
	signer, verifier, _ := testKey(t, 1)
	input, err := os.ReadFile(filepath.Join("testdata", "iran.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}

	// fixture is a fresh store holding the record.
	type fixture struct {
		st  *evidence.Store
		env []byte
		rec *evidence.Record
	}
	fresh := func(t *testing.T) fixture {
		st := openStore(t)
		env, rec := write(t, st, c, signer)
		return fixture{st, env, rec}
	}
	verify := func(env []byte, inputs ...evidence.InputFile) error {
		rec, err := evidence.Open(env, "rec.json")
		if err != nil {
			return err
		}
		_, err = evidence.Verify(ctx, rec, evidence.VerifyOptions{Key: verifier, Inputs: inputs})
		return err
	}
	replay := func(f fixture) error {
		_, err := evidence.Replay(ctx, f.rec, f.st, evidence.ReplayOptions{Tool: tool})
		return err
	}
	objectOf := func(f fixture, origin, path string) string {
		for _, pf := range f.rec.Predicate.Policy.Files {
			if pf.Origin == origin && pf.Path == path {
				return pf.SHA256
			}
		}
		t.Fatalf("no policy file %s:%s", origin, path)
		return ""
	}
	envelope := func(f fixture) map[string]any {
		var m map[string]any
		if err := json.Unmarshal(f.env, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	encode := func(m map[string]any) []byte {
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	tests := []struct {
		name     string
		tamper   func(t *testing.T, f fixture) error
		want     error
		mentions []string
	}{
		{"untouched record verifies", func(t *testing.T, f fixture) error {
			return verify(f.env, evidence.InputFile{Path: "testdata/iran.cdx.json", Data: input})
		}, nil, nil},
		{"untouched store replays", func(t *testing.T, f fixture) error { return replay(f) }, nil, nil},
		{"statement byte changed", func(t *testing.T, f fixture) error {
			m := envelope(f)
			payload := []byte(strings.Replace(string(f.rec.Payload), `"outcome":"fail"`, `"outcome":"pass"`, 1))
			m["payload"] = base64.StdEncoding.EncodeToString(payload)
			return verify(encode(m))
		}, evidence.ErrInvalid, []string{"signature does not verify"}},
		{"signature byte changed", func(t *testing.T, f fixture) error {
			m := envelope(f)
			sig := m["signatures"].([]any)[0].(map[string]any)
			raw, _ := base64.StdEncoding.DecodeString(sig["sig"].(string))
			raw[7] ^= 1
			sig["sig"] = base64.StdEncoding.EncodeToString(raw)
			return verify(encode(m))
		}, evidence.ErrInvalid, []string{"signature does not verify"}},
		{"signature removed", func(t *testing.T, f fixture) error {
			m := envelope(f)
			m["signatures"] = []any{}
			return verify(encode(m))
		}, evidence.ErrUnsigned, []string{"not signed"}},
		{"signature removed, checked by digest", func(t *testing.T, f fixture) error {
			m := envelope(f)
			m["signatures"] = []any{}
			rec, err := evidence.Open(encode(m), "rec.json")
			if err != nil {
				return err
			}
			_, err = evidence.Verify(ctx, rec, evidence.VerifyOptions{Digest: f.rec.ID})
			return err
		}, evidence.ErrInvalid, []string{"predicate says dsse-ed25519"}},
		{"input changed", func(t *testing.T, f fixture) error {
			changed := []byte(strings.Replace(string(input), "Iran Aircraft", "Iran Aircraf7", 1))
			return verify(f.env, evidence.InputFile{Path: "testdata/iran.cdx.json", Data: changed})
		}, evidence.ErrInvalid, []string{"input testdata/iran.cdx.json", "the input was changed"}},
		{"input not in the record", func(t *testing.T, f fixture) error {
			return verify(f.env, evidence.InputFile{Path: "other.cdx.json", Data: input})
		}, evidence.ErrInvalid, []string{"other.cdx.json is not a subject"}},
		{"built-in policy file changed in the store", func(t *testing.T, f fixture) error {
			flip(t, f.st, objectOf(f, "builtin", "bangate/decision.rego"))
			return replay(f)
		}, evidence.ErrTampered, []string{"policy file builtin:bangate/decision.rego"}},
		{"user policy file changed in the store", func(t *testing.T, f fixture) error {
			flip(t, f.st, objectOf(f, userPolicy, "bangate/rules/evtest/evtest.rego"))
			return replay(f)
		}, evidence.ErrTampered, []string{"policy file " + userPolicy + ":bangate/rules/evtest/evtest.rego"}},
		{"list snapshot changed in the store", func(t *testing.T, f fixture) error {
			flip(t, f.st, snapshotOf(t, f.rec, "ofac-sdn").Object)
			return replay(f)
		}, evidence.ErrTampered, []string{"list ofac-sdn snapshot"}},
		{"ban list snapshot changed in the store", func(t *testing.T, f fixture) error {
			flip(t, f.st, snapshotOf(t, f.rec, "kaspersky").Object)
			return replay(f)
		}, evidence.ErrTampered, []string{"list kaspersky snapshot"}},
		{"stored input changed", func(t *testing.T, f fixture) error {
			flip(t, f.st, f.rec.Predicate.Inputs[0].SHA256)
			return replay(f)
		}, evidence.ErrTampered, []string{"input testdata/iran.cdx.json"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.tamper(t, fresh(t))
			if tc.want == nil {
				if err != nil {
					t.Fatalf("untampered: %v", err)
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("err %v, want %v", err, tc.want)
			}
			if !evidence.IsInvalid(err) && !errors.Is(err, evidence.ErrUnsigned) {
				t.Errorf("tampering must be invalid (exit 1): %v", err)
			}
			for _, m := range tc.mentions {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error does not say %q: %v", m, err)
				}
			}
		})
	}

	// Any byte of the envelope: a changed record never verifies.
	f := fresh(t)
	step := len(f.env)/150 + 1
	for i := 0; i < len(f.env); i += step {
		b := append([]byte{}, f.env...)
		b[i] ^= 0x04
		if err := verify(b); err == nil {
			t.Errorf("byte %d changed (%q → %q): the record still verifies", i, f.env[i], b[i])
		}
	}
}

// flip changes one byte of a stored object.
func flip(t *testing.T, st *evidence.Store, d string) {
	t.Helper()
	p := filepath.Join(st.Dir(), "objects", d)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0x20
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
