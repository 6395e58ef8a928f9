package lists

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// StoredFile is one file of a list snapshot held in the store.
type StoredFile struct {
	// Role is the file's role (RolePrimary, RoleAlt, RoleAdd,
	// RoleComments, RoleFile).
	Role string
	// Name is the file's name as it was imported or downloaded
	// ("SDN.CSV").
	Name string
	// SHA256 is the hex sha256 of Data.
	SHA256 string
	// Data is the file's content.
	Data []byte
}

// Files returns the format and the files of list id's current snapshot,
// in the fixed role order, each checked against the digest its record
// names: the bytes that were imported or downloaded, for a caller that
// must keep them (the release's snapshot generator).
func (s *Store) Files(id string) (Format, []StoredFile, error) {
	if !validListID.MatchString(id) {
		return "", nil, fmt.Errorf("files of %s: not a list id", id)
	}
	m, err := s.readManifest(id, "current.json")
	if err != nil {
		return "", nil, err
	}
	out := make([]StoredFile, 0, len(m.Files))
	for _, f := range m.Files {
		if len(f.SHA256) != 64 {
			return "", nil, fmt.Errorf("files of %s: manifest names a bad digest", id)
		}
		b, err := os.ReadFile(filepath.Join(s.dir, "objects", f.SHA256))
		if err != nil {
			return "", nil, fmt.Errorf("files of %s: %w", id, err)
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			return "", nil, fmt.Errorf("files of %s: stored file %s does not match its digest", id, f.Name)
		}
		out = append(out, StoredFile{Role: f.Role, Name: f.Name, SHA256: f.SHA256, Data: b})
	}
	return m.Format, out, nil
}
