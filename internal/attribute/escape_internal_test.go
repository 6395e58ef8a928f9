package attribute

import (
	"strings"
	"testing"
)

// TestHasEscapeStart: hasEscapeStart is strings.ContainsAny(name,
// escapeStarts).
func TestHasEscapeStart(t *testing.T) {
	for _, name := range []string{
		"", "AO Kaspersky Lab", "AO%20Kaspersky", "AT&amp;T", "Köln GmbH", "Köln % GmbH", "Köln ％４Ｂ", "＆", "﹪", "﹠x",
		"日本語", "a\uFF05", "\xff%", "\xff", "Jane Doe <jane@example.com>",
	} {
		if got, want := hasEscapeStart(name), strings.ContainsAny(name, escapeStarts); got != want {
			t.Errorf("hasEscapeStart(%q) = %v, want %v", name, got, want)
		}
	}
}
