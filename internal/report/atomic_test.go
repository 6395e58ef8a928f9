package report_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/bangate/bangate/internal/report"
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

func TestWriteFileAtomic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "report.sarif")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}

	if err := report.WriteFileAtomic(path, write("first")); err != nil {
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
	if err := report.WriteFileAtomic(path, write("second")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "second" {
		t.Fatalf("content = %q", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced file mode = %v, want 0600 kept", fi.Mode().Perm())
	}

	boom := errors.New("boom")
	err := report.WriteFileAtomic(path, func(w io.Writer) error {
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

func TestWriteFileAtomicPanic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	func() {
		defer func() { _ = recover() }()
		_ = report.WriteFileAtomic(path, func(w io.Writer) error {
			_, _ = io.WriteString(w, "half")
			panic("renderer bug")
		})
	}()
	if names := dirEntries(t, dir); len(names) != 0 {
		t.Errorf("files left after a panic: %v", names)
	}
}

func TestWriteFileAtomicErrors(t *testing.T) {
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
		if err := report.WriteFileAtomic(tt.path, tt.fn); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestWriteFileAtomicRender(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "fail.sarif")
	r, _ := report.New(report.FormatSARIF)
	if err := report.WriteFileAtomic(path, func(w io.Writer) error { return r.Render(w, failRun()) }); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, b)
}
