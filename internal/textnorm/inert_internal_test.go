package textnorm

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestInert checks the shortcut prepare takes: a string of inert runes
// (and ASCII) is NFKC-normal, for runes next to each other and next to
// ASCII letters.
func TestInert(t *testing.T) {
	t.Parallel()
	var inert []rune
	for r := rune(0x80); r < 0x3000; r++ {
		if propsOf(r)&propInert != 0 && propsOf(r).class() == classText {
			inert = append(inert, r)
		}
	}
	if len(inert) < 1000 {
		t.Fatalf("only %d inert runes", len(inert))
	}
	for i, r := range inert {
		next := inert[(i*7+1)%len(inert)]
		for _, s := range []string{string([]rune{r, next}), "a" + string(r) + "e"} {
			if !norm.NFKC.IsNormalString(s) {
				t.Errorf("%q (%U, %U) is not NFKC-normal", s, r, next)
			}
		}
	}
	for _, r := range []rune{'й', 'ё', 'á', 'д', 'λ'} {
		if propsOf(r)&propInert == 0 {
			t.Errorf("%q is not inert", r)
		}
	}
	for _, r := range []rune{'\u0301', 'ﬁ', 'Ｋ', '\u1161'} {
		if propsOf(r)&propInert != 0 {
			t.Errorf("%q is inert", r)
		}
	}
}
