package atomicfile_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/atomicfile"
)

// mustWrite writes s to path with atomicfile.WriteBytes.
func mustWrite(t *testing.T, path string, perm os.FileMode, s string) {
	t.Helper()
	if err := atomicfile.WriteBytes(path, perm, []byte(s)); err != nil {
		t.Fatal(err)
	}
}

// readString returns the contents of path.
func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// isLink reports whether path is a symbolic link.
func isLink(t *testing.T, path string) bool {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode()&fs.ModeSymlink != 0
}

// TestWriteThroughSymlink checks that a link to a regular file has its
// target replaced atomically, with the target's mode, and stays a link;
// relative, absolute, chained and dangling links alike.
func TestWriteThroughSymlink(t *testing.T) {
	t.Parallel()
	shared := t.TempDir() // the folder the links lead into
	work := t.TempDir()   // the folder the links are in
	target := filepath.Join(shared, "report.json")
	if err := os.WriteFile(target, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(work, target)
	if err != nil {
		t.Fatal(err)
	}
	links := map[string]string{"abs.json": target, "rel.json": rel}
	for name, dest := range links {
		if err := os.Symlink(dest, filepath.Join(work, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("abs.json", filepath.Join(work, "chain.json")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"abs.json", "rel.json", "chain.json"} {
		link := filepath.Join(work, name)
		mustWrite(t, link, 0o644, "via "+name)
		if got := readString(t, target); got != "via "+name {
			t.Errorf("%s: target holds %q", name, got)
		}
		if !isLink(t, link) {
			t.Errorf("%s was replaced by a file", name)
		}
		if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
			t.Errorf("%s: target mode %v, want 0640 kept", name, fi.Mode().Perm())
		}
	}
	if names := dirEntries(t, shared); len(names) != 1 {
		t.Errorf("files left beside the target: %v", names)
	}
	if names := dirEntries(t, work); len(names) != 3 {
		t.Errorf("files left beside the links: %v", names)
	}

	// A dangling link: its target is created, with the new-file mode.
	dangling := filepath.Join(work, "new.json")
	created := filepath.Join(shared, "created.json")
	if err := os.Symlink(created, dangling); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, dangling, 0o600, "fresh")
	if got := readString(t, created); got != "fresh" || !isLink(t, dangling) {
		t.Errorf("dangling link: target %q, link kept %v", got, isLink(t, dangling))
	}
	if fi, _ := os.Stat(created); fi.Mode().Perm() != 0o600 {
		t.Errorf("created target mode %v, want 0600", fi.Mode().Perm())
	}
}

// TestWriteSymlinkErrors checks links that cannot be written.
func TestWriteSymlinkErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	loop := filepath.Join(dir, "loop")
	if err := os.Symlink("loop", loop); err != nil {
		t.Fatal(err)
	}
	toDir := filepath.Join(dir, "todir")
	if err := os.Symlink(dir, toDir); err != nil {
		t.Fatal(err)
	}
	nowhere := filepath.Join(dir, "nowhere")
	if err := os.Symlink(filepath.Join(dir, "missing", "x.json"), nowhere); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{loop: "too many levels", toDir: "is a directory", nowhere: "does not exist"} {
		err := atomicfile.WriteBytes(path, 0, []byte("x"))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", filepath.Base(path), err, want)
		}
		if cerr := atomicfile.CheckWritable(path); cerr == nil || !strings.Contains(cerr.Error(), want) {
			t.Errorf("CheckWritable %s: error %v, want %q", filepath.Base(path), cerr, want)
		}
		if !isLink(t, path) {
			t.Errorf("%s is no longer a link", filepath.Base(path))
		}
	}
}

// TestWriteKeepsMode checks the modes of new and replaced files: perm is
// for new files only; a replaced file keeps its own.
func TestWriteKeepsMode(t *testing.T) {
	t.Parallel()
	checkModes(t, t.TempDir())
}

// checkModes runs the mode checks in dir; it is shared with the run as an
// unprivileged user.
func checkModes(t *testing.T, dir string) {
	t.Helper()
	for _, tc := range []struct {
		name     string
		existing os.FileMode // 0: no file yet
		perm     os.FileMode
		want     os.FileMode
	}{
		{"new, default", 0, 0, 0o644},
		{"new, private", 0, 0o600, 0o600},
		{"replaced private stays private", 0o600, 0o644, 0o600},
		{"replaced group-writable stays so", 0o664, 0o644, 0o664},
		{"replaced, perm 0", 0o640, 0, 0o640},
	} {
		path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-"))
		if tc.existing != 0 {
			if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, tc.existing); err != nil {
				t.Fatal(err)
			}
		}
		mustWrite(t, path, tc.perm, "new")
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != tc.want || readString(t, path) != "new" {
			t.Errorf("%s: mode %v, want %v", tc.name, fi.Mode().Perm(), tc.want)
		}
	}
}

// TestCheckWritable checks the probe: no probe file name in a message, a
// missing directory named as such, directories refused, nothing left.
func TestCheckWritable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	existing := filepath.Join(dir, "old.json")
	if err := os.WriteFile(existing, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, ok := range []string{filepath.Join(dir, "new.json"), existing} {
		if err := atomicfile.CheckWritable(ok); err != nil {
			t.Errorf("%s: %v", filepath.Base(ok), err)
		}
	}
	if readString(t, existing) != "keep" {
		t.Errorf("the probe changed an existing file")
	}
	missing := filepath.Join(dir, "missing", "r.json")
	err := atomicfile.CheckWritable(missing)
	if err == nil || !strings.Contains(err.Error(), "directory "+filepath.Join(dir, "missing")+" does not exist") {
		t.Errorf("missing directory: %v", err)
	}
	if err != nil && strings.Contains(err.Error(), "probe") {
		t.Errorf("message leaks the probe file: %v", err)
	}
	if err := atomicfile.CheckWritable(dir); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: %v", err)
	}
	if names := dirEntries(t, dir); len(names) != 1 {
		t.Errorf("files left: %v", names)
	}
}
