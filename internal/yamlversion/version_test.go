package yamlversion_test

import (
	"bytes"
	"testing"

	"github.com/bangate/bangate/internal/yamlversion"
)

func TestAs11(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"%YAML 1.2\n---\na: 1\n", "%YAML 1.1\n---\na: 1\n"},
		{"# c\n\n%TAG ! tag:x,2024:\n%YAML 1.23\n---\n", "# c\n\n%TAG ! tag:x,2024:\n%YAML 1.1 \n---\n"},
		{"%YAML 1.1\n---\n", "%YAML 1.1\n---\n"},
		{"%YAML 2.0\n---\n", "%YAML 2.0\n---\n"}, // for the library to refuse
		{"%YAML 1.x\n---\n", "%YAML 1.x\n---\n"},
		{"a: 1\n%YAML 1.2\n", "a: 1\n%YAML 1.2\n"}, // not leading
		{"", ""},
	} {
		in := []byte(tt.in)
		if got := string(yamlversion.As11(in)); got != tt.want {
			t.Errorf("As11(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if string(in) != tt.in {
			t.Errorf("As11(%q) changed its input", tt.in)
		}
	}
}

// FuzzAs11 checks that the result has the input's length and differs
// from it, if at all, only in the version of a %YAML directive: the bytes
// changed are digits written as "1" and spaces, on one line that begins
// with "%YAML".
func FuzzAs11(f *testing.F) {
	f.Add([]byte("%YAML 1.2\n---\na: 1\n"))
	f.Add([]byte("# x\n%YAML 1.99 # c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out := yamlversion.As11(data)
		if len(out) != len(data) {
			t.Fatalf("length %d, want %d", len(out), len(data))
		}
		line := -1
		for i := range data {
			if data[i] == out[i] {
				continue
			}
			start := bytes.LastIndexByte(data[:i], '\n') + 1
			if line >= 0 && start != line || !bytes.HasPrefix(data[start:], []byte("%YAML")) ||
				(out[i] != '1' && out[i] != ' ') || data[i] < '0' || data[i] > '9' {
				t.Fatalf("changed %q to %q at %d", data, out, i)
			}
			line = start
		}
	})
}
