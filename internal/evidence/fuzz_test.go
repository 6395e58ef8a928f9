package evidence_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/bangate/bangate/internal/evidence"
)

// FuzzVerify feeds envelope bytes to Open and Verify: no input may panic,
// and only the genuine record verifies with its key.
func FuzzVerify(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "record.intoto.json"))
	if err != nil {
		f.Fatal(err)
	}
	pub, err := os.ReadFile(filepath.Join("testdata", "record.pub"))
	if err != nil {
		f.Fatal(err)
	}
	key, err := evidence.ParsePublicKey(pub, "record.pub")
	if err != nil {
		f.Fatal(err)
	}
	genuine, err := evidence.Open(seed, "seed")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Add([]byte(`{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[]}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := evidence.Open(data, "fuzz")
		if err != nil {
			return
		}
		_ = evidence.RenderText(discard{}, rec)
		_, err = evidence.Verify(context.Background(), rec, evidence.VerifyOptions{Key: key})
		if err == nil && rec.ID != genuine.ID {
			t.Fatalf("a record other than the genuine one verified: %s", rec.ID)
		}
		_, _ = evidence.Verify(context.Background(), rec, evidence.VerifyOptions{Digest: rec.ID})
	})
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
