package lists

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/bangate/bangate/internal/provenance"
)

// part is one loaded file in a digest: its role in the list ("sdn.csv",
// "alt.csv", ...) and its bytes.
type part struct {
	role string
	data []byte
}

// digest returns the hex sha256 that Provenance.SHA256 carries. For a list
// loaded from one file it is that file's sha256, so `sha256sum` verifies it.
// For several files it is the sha256 of the sha256sum-style manifest
// "<hex>  <role>\n", one line per file in the loader's fixed order (primary,
// alt, add, comments); absent optional files are left out. Roles are the
// official lower-case file names, never the caller's paths, so the digest
// does not depend on where the files were stored.
func digest(parts ...part) string {
	if len(parts) == 1 {
		sum := sha256.Sum256(parts[0].data)
		return hex.EncodeToString(sum[:])
	}
	var b strings.Builder
	for _, p := range parts {
		sum := sha256.Sum256(p.data)
		b.WriteString(hex.EncodeToString(sum[:]))
		b.WriteString("  ")
		b.WriteString(p.role)
		b.WriteByte('\n')
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// finish fills the computed provenance fields of l and returns it.
func finish(l *List, meta provenance.List, sha string) *List {
	l.Provenance = meta
	l.Provenance.SHA256 = sha
	l.Provenance.Entries = len(l.Entries)
	for i := range l.Entries {
		l.Entries[i].List = meta.ID
	}
	return l
}
