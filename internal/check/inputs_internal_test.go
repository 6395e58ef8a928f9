package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadSized: a file read into a buffer of its stated size is read
// whole when it grew since (within the size limit), read as it is when it
// shrank, and refused when it grew beyond the limit.
func TestReadSized(t *testing.T) {
	for _, tc := range []struct {
		name    string
		content string
		size    int64 // the size Stat gave
		max     int64
		want    string
		err     string
	}{
		{"exact", "abcdef", 6, 10, "abcdef", ""},
		{"grew", "abcdefgh", 6, 10, "abcdefgh", ""},
		{"grew to the limit", "abcdefghij", 6, 10, "abcdefghij", ""},
		{"grew beyond the limit", "abcdefghijk", 6, 10, "", "larger than the input size limit of 10 bytes"},
		{"shrank", "abc", 6, 10, "abc", ""},
		{"empty", "", 0, 10, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := readSized("f.json", strings.NewReader(tc.content), tc.size, tc.max, nil)
			if tc.err != "" {
				if in.Err == nil || !strings.Contains(in.Err.Error(), tc.err) || !strings.Contains(in.Err.Error(), "f.json") {
					t.Fatalf("err %v, want %q", in.Err, tc.err)
				}
				return
			}
			if in.Err != nil || string(in.Data) != tc.want {
				t.Fatalf("got %q, %v; want %q", in.Data, in.Err, tc.want)
			}
		})
	}
}

// TestReadFileOverLimit: a regular file whose size is over the limit is
// refused from its size, unread, and the message gives the size. (Read
// first, as a stream of unknown length is, its size would be unknown.)
func TestReadFileOverLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	if err := os.WriteFile(path, make([]byte, 5000), 0o644); err != nil {
		t.Fatal(err)
	}
	var r reader
	in := r.readFile(path, 4096)
	if in.Err == nil || !strings.Contains(in.Err.Error(), "huge.json: 5000 bytes, larger than the input size limit of 4096 bytes") {
		t.Fatalf("err %v, want the size and the limit named", in.Err)
	}
	if in.Data != nil {
		t.Fatalf("read %d bytes of a file over the limit", len(in.Data))
	}
}
