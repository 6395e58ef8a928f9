package atomicfile_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/bangate/bangate/internal/atomicfile"
)

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "report.sarif")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}

	if err := atomicfile.Write(path, 0, write("first")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Fatalf("content = %q", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", fi.Mode().Perm())
	}

	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.Write(path, 0, write("second")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "second" {
		t.Fatalf("content = %q", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced file mode = %v, want 0600 kept", fi.Mode().Perm())
	}

	boom := errors.New("boom")
	err := atomicfile.Write(path, 0, func(w io.Writer) error {
		_, _ = io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "second" {
		t.Fatalf("failed write changed the file to %q", b)
	}
	if names := dirEntries(t, dir); len(names) != 1 {
		t.Errorf("temporary files left: %v", names)
	}
}

func TestWritePanic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	func() {
		defer func() { _ = recover() }()
		_ = atomicfile.Write(path, 0, func(w io.Writer) error {
			_, _ = io.WriteString(w, "half")
			panic("renderer bug")
		})
	}()
	if names := dirEntries(t, dir); len(names) != 0 {
		t.Errorf("files left after a panic: %v", names)
	}
}

func TestWriteErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ok := func(w io.Writer) error { return nil }
	tests := []struct {
		name string
		path string
		fn   func(io.Writer) error
	}{
		{"nil fn", filepath.Join(dir, "a"), nil},
		{"directory", dir, ok},
		{"trailing slash", dir + string(filepath.Separator), ok},
		{"missing dir", filepath.Join(dir, "missing", "a"), ok},
	}
	for _, tt := range tests {
		if err := atomicfile.Write(tt.path, 0, tt.fn); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestWritePerm(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "key.pem")
	if err := atomicfile.WriteBytes(path, 0o600, []byte("secret")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
}
