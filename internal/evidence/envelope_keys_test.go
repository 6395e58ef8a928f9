package evidence_test

import (
	"context"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/evidence"
	"github.com/bangate/bangate/internal/strictkeys"
)

// TestOpenAmbiguousKeys checks that a record whose envelope or statement
// holds a key twice, or twice up to case, cannot be opened: encoding/json
// would keep the last value while other DSSE and in-toto readers may take
// the first, so such a record must never verify as valid. The error is
// ErrMalformed (verify: could not check, exit 2), never ErrInvalid alone
// and never nil.
func TestOpenAmbiguousKeys(t *testing.T) {
	ctx := context.Background()
	sdn := importSDN(t, t.TempDir(), "sdn-2025-05", published2025)
	c := checkFiles(t, sdn, "iran.cdx.json")
	signer, verifier, _ := testKey(t, 1)
	env, rec := write(t, openStore(t), c, signer)

	genuine := base64.StdEncoding.EncodeToString(rec.Payload)
	forgedStmt := strings.Replace(string(rec.Payload), `"outcome":"fail"`, `"outcome":"pass"`, 1)
	if forgedStmt == string(rec.Payload) {
		t.Fatal("the statement has no failing outcome to forge")
	}
	forged := base64.StdEncoding.EncodeToString([]byte(forgedStmt))
	payloadMember := `"payload": "` + genuine + `"`
	if !strings.Contains(string(env), payloadMember) {
		t.Fatalf("envelope has no %s member", payloadMember[:12])
	}
	// The forged payload under the exact key a case-sensitive reader
	// takes, the signed one under a key only encoding/json also takes.
	envWith := func(members string) []byte {
		return []byte(strings.Replace(string(env), payloadMember, members, 1))
	}
	// A statement signed by the key but holding a repeated predicate key.
	resealed := func(stmt string) []byte {
		out, _, err := evidence.Seal(ctx, []byte(stmt), signer)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	tests := []struct {
		name string
		env  []byte
		key  string
	}{
		{"payload forged, PAYLOAD signed", envWith(`"payload": "` + forged + `", "PAYLOAD": "` + genuine + `"`), "PAYLOAD"},
		{"payload twice", envWith(`"payload": "` + forged + `", "payload": "` + genuine + `"`), "payload"},
		{"payloadType twice", envWith(payloadMember + `, "payloadType": "x"`), "payloadType"},
		{"SIGNATURES and signatures", envWith(payloadMember + `, "SIGNATURES": []`), "signatures"},
		{"statement predicateType twice", resealed(strings.Replace(string(rec.Payload), `"predicateType":`, `"predicateType":"https://example.com/other","predicateType":`, 1)), "predicateType"},
		{"predicate outcome and OUTCOME", resealed(strings.Replace(string(rec.Payload), `"outcome":"fail"`, `"outcome":"pass","OUTCOME":"fail"`, 1)), "OUTCOME"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := evidence.Open(tc.env, "rec.json")
			if err == nil {
				_, verr := evidence.Verify(ctx, r, evidence.VerifyOptions{Key: verifier})
				t.Fatalf("Open accepted it (verify: %v)", verr)
			}
			var ke *strictkeys.KeyError
			if !errors.Is(err, evidence.ErrMalformed) || evidence.IsInvalid(err) || !errors.As(err, &ke) {
				t.Fatalf("error %v: want ErrMalformed over a key error", err)
			}
			if ke.Key != tc.key || !strings.Contains(err.Error(), "rec.json") || !strings.Contains(err.Error(), "line ") {
				t.Errorf("error %v: want the file, key %q and the line", err, tc.key)
			}
		})
	}
	// The untouched record still opens and verifies.
	r, err := evidence.Open(env, "rec.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := evidence.Verify(ctx, r, evidence.VerifyOptions{Key: verifier}); err != nil {
		t.Fatalf("control: %v", err)
	}
}
