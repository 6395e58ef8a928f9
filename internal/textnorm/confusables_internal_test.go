package textnorm

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

// TestConfusablesData checks the embedded data: its header names the
// version this package declares, and it parses with as many entries as its
// "# total" line says.
func TestConfusablesData(t *testing.T) {
	t.Parallel()
	zr, err := gzip.NewReader(bytes.NewReader(confusablesGz))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	head := string(raw[:min(len(raw), 600)])
	if !strings.Contains(head, "# Version: "+ConfusablesVersion+"\n") || !strings.Contains(head, "Unicode Security Mechanisms for UTS #39") {
		t.Errorf("header does not name version %s:\n%s", ConfusablesVersion, head)
	}
	c, err := parseConfusables(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.proto); n < 6000 {
		t.Errorf("%d entries", n)
	}
	latin := latinLookalikes(c.proto)
	for r, want := range map[rune]string{'р': "p", 'у': "y", 'а': "a", 'К': "k", 'к': "k", 'т': "t", 'ο': "o", 'Ꭺ': "a", 'օ': "o"} {
		if got, ok := latin[r]; !ok || got != want {
			t.Errorf("lookalike %q = %q, %v; want %q", r, got, ok, want)
		}
	}
	for _, r := range []rune{'б', 'п', 'и', 'й', 'ж', '华'} {
		if got, ok := latin[r]; ok {
			t.Errorf("%q is no Latin lookalike, got %q", r, got)
		}
	}
}

// TestParseConfusablesErrors: a damaged file is an error that says where.
func TestParseConfusablesErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"0430 ;\t0061 ;\tMA\n# total: 2\n", "1 entries, but the file says total 2"},
		{"0430 ;\t0061\n", "line 1: 2 fields"},
		{"04ZZ ;\t0061 ;\tMA\n", "line 1: source"},
		{"0430 ;\t ;\tMA\n", "line 1: target"},
		{"0430 ;\t0061 ;\tMA\n0430 ;\t0061 ;\tMA\n", "line 2: U+0430 listed twice"},
	} {
		_, err := parseConfusables(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseConfusables(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
}
