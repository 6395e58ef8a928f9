package provenance

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// File is one file of a compiled policy bundle, as the evidence record
// names it.
type File struct {
	// Origin is "builtin" or the user directory the file came from.
	Origin string `json:"origin"`
	// Path is the file's path inside its origin.
	Path string `json:"path"`
	// SHA256 is the hex digest of the file's bytes.
	SHA256 string `json:"sha256"`
}

// BundleDigest is one sha256 over every file's origin, path and digest, in
// the order given (a bundle keeps its files sorted by origin, then path).
func BundleDigest(files []File) string {
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00%s\x00%s\n", f.Origin, f.Path, f.SHA256)
	}
	return hex.EncodeToString(h.Sum(nil))
}
