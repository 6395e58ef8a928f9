package lists_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"
)

// sha256File returns the hex sha256 of a file.
func sha256File(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
