package screen

import (
	"strconv"
	"testing"
)

// TestAppendQuoted: the fast path quotes as strconv does.
func TestAppendQuoted(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "PUTIN, Vladimir", `a "quoted" name`, `back\slash`, "tab\there", "Łukašenka", "卡巴斯基", "\x7f", "~", "\xff"} {
		if got, want := string(appendQuoted([]byte("x"), s)), string(strconv.AppendQuote([]byte("x"), s)); got != want {
			t.Errorf("appendQuoted(%q) = %s, want %s", s, got, want)
		}
	}
}
