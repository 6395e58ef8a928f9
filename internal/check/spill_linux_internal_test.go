//go:build linux

package check

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestSpillCopyPrivate checks that a private copy holds the file's bytes,
// keeps them when the file changes after it was read, and gives them back
// after its pages were unmapped from the process (as the trimming does):
// the bytes hashed, decided and placed are the ones read.
func TestSpillCopyPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.json")
	want := bytes.Repeat([]byte("0123456789abcdef"), 70000)
	if err := os.WriteFile(path, want, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, release, ok, err := spillCopy(f, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Skip("no private copy in the directory for temporary files here")
	}
	defer release()
	if !bytes.Equal(data, want) {
		t.Fatalf("the copy holds %d bytes unlike the file's %d", len(data), len(want))
	}
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), len(want)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := unix.Madvise(data, unix.MADV_DONTNEED); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, want) {
		t.Errorf("the copy changed after the file changed and its pages were unmapped")
	}
}

// TestSpillCopyTooLarge checks that a file over the limit is refused.
func TestSpillCopyTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(path, make([]byte, 4096), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, release, _, err := spillCopy(f, 4095); !errors.Is(err, errTooLarge) {
		if release != nil {
			release()
		}
		t.Errorf("a file over the limit: err %v, want errTooLarge", err)
	}
}

// TestReadInputsSpilled checks that the inputs read through private
// copies are the ones ReadInputs reads, and that a file over the limit is
// still refused.
func TestReadInputsSpilled(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"big.json":   bytes.Repeat([]byte("0123456789abcdef"), 70000),
		"empty.json": {},
		"small.json": []byte(`{"bomFormat":"CycloneDX"}`),
	}
	var paths []string
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	r := &reader{offHeap: true, spillFrom: 1}
	got := r.inputs(paths, nil, 1<<30)
	defer func() {
		for _, f := range r.free {
			f()
		}
	}()
	want := ReadInputs(paths, nil, 1<<30)
	for i := range got {
		if got[i].Err != nil || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("%s: %d bytes (err %v), want %d", paths[i], len(got[i].Data), got[i].Err, len(want[i].Data))
		}
	}
	limited := (&reader{offHeap: true, spillFrom: 1}).inputs([]string{filepath.Join(dir, "big.json")}, nil, 100)
	if limited[0].Err == nil || !strings.Contains(limited[0].Err.Error(), "size limit") {
		t.Errorf("a file over the size limit: err %v", limited[0].Err)
	}
}
