package lists_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// Files gives back the bytes a list was imported with, by role and in
// role order, and refuses a stored file that no longer matches its digest.
func TestStoreFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	st, err := lists.OpenStore(dir, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.Files("kasp"); !errors.Is(err, lists.ErrNotStored) {
		t.Fatalf("empty store: %v, want ErrNotStored", err)
	}
	if _, _, err := st.Files("../x"); err == nil {
		t.Fatal("a path as list id was accepted")
	}
	_, err = st.Import(lists.ImportSpec{
		Meta:   provenance.List{ID: "kasp", Published: time.Date(2024, 6, 21, 0, 0, 0, 0, time.UTC)},
		Format: lists.FormatOFACLegacy,
		Files: map[string]lists.Source{
			lists.RoleAlt:     lists.FileSource("testdata/ofac/kaspersky/alt.csv"),
			lists.RolePrimary: lists.FileSource("testdata/ofac/kaspersky/sdn.csv"),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	format, files, err := st.Files("kasp")
	if err != nil || format != lists.FormatOFACLegacy || len(files) != 2 {
		t.Fatalf("Files = %s, %d files, %v", format, len(files), err)
	}
	for i, want := range []struct{ role, name, path string }{
		{lists.RolePrimary, "sdn.csv", "testdata/ofac/kaspersky/sdn.csv"},
		{lists.RoleAlt, "alt.csv", "testdata/ofac/kaspersky/alt.csv"},
	} {
		b, err := os.ReadFile(want.path)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		f := files[i]
		if f.Role != want.role || f.Name != want.name || string(f.Data) != string(b) || f.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("file %d = %s %s %s (%d bytes), want %s %s", i, f.Role, f.Name, f.SHA256, len(f.Data), want.role, want.name)
		}
	}
	// A damaged object is refused, naming the file.
	if err := os.WriteFile(filepath.Join(dir, "objects", files[1].SHA256), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.Files("kasp"); err == nil || !strings.Contains(err.Error(), "alt.csv does not match its digest") {
		t.Errorf("damaged object: %v", err)
	}
}
