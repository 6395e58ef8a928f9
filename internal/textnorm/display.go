package textnorm

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"
)

// DisplayOrder returns s as a reader sees it displayed, when s holds the
// bidirectional controls that reorder what follows them (the embeddings,
// overrides and isolates of U+202A–U+202E and U+2066–U+2069): its runs of
// left-to-right letters forced right to left are reversed, and the
// controls dropped. A name written "\u202enituP rimidalV" shows as
// "Vladimir Putin", which is what a reader of it checks, and what it must
// be screened as. ok is false for a string without such controls, or one
// that reads the same either way.
// It applies the levels of the Unicode Bidirectional Algorithm as
// golang.org/x/text/unicode/bidi computes them for one paragraph, a run
// at a time: embeddings nested more than one level deep are read as one.
func DisplayOrder(s string) (string, bool) {
	if !strings.ContainsFunc(s, isBidiControl) {
		return "", false
	}
	var p bidi.Paragraph
	if _, err := p.SetString(s); err != nil {
		return "", false
	}
	o, err := p.Order()
	if err != nil {
		return "", false
	}
	var b strings.Builder
	for i := range o.NumRuns() {
		r := o.Run(i)
		t := r.String()
		if r.Direction() == bidi.RightToLeft && !strings.ContainsFunc(t, rightToLeftLetter) {
			// Letters of a left-to-right script forced right to left:
			// a reader reads them as they show, in reverse. Those of a
			// right-to-left script read right to left, as written.
			t = reverseRunes(t)
		}
		for _, c := range t {
			if !isBidiControl(c) {
				b.WriteRune(c)
			}
		}
	}
	logical := strings.Map(func(c rune) rune {
		if isBidiControl(c) {
			return -1
		}
		return c
	}, s)
	if v := b.String(); v != logical {
		return v, true
	}
	return "", false
}

// isBidiControl reports whether c is a bidirectional control that reorders
// the text after it: LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI and PDI.
func isBidiControl(c rune) bool {
	return c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069'
}

// reverseRunes returns s with its characters in reverse order, a base
// character and the combining marks after it kept together.
func reverseRunes(s string) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for end := len(rs); end > 0; {
		start := end - 1
		for start > 0 && unicode.Is(unicode.Mn, rs[start]) {
			start--
		}
		out = append(out, rs[start:end]...)
		end = start
	}
	return string(out)
}

// rightToLeftLetter reports whether c is a letter of a right-to-left
// script (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...).
func rightToLeftLetter(c rune) bool {
	p, _ := bidi.LookupRune(c)
	return p.Class() == bidi.R || p.Class() == bidi.AL
}
