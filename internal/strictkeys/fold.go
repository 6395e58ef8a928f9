package strictkeys

import (
	"unicode"
	"unicode/utf8"
)

// appendFoldLower appends b lower-cased and then upper-cased, rune by rune
// (unicode.ToUpper(unicode.ToLower(r)); ASCII letters simply upper-cased).
// Two strings that strings.ToLower makes equal, as viper does with every
// key, have equal forms; so have U+0130 İ, U+0131 ı and I, which simple
// case folding keeps apart.
func appendFoldLower(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		dst = utf8.AppendRune(dst, unicode.ToUpper(unicode.ToLower(r)))
		i += n
	}
	return dst
}

// appendFoldSimple appends b with every rune replaced by the smallest rune
// of its simple case folding orbit (unicode.SimpleFold): two strings have
// equal forms exactly when strings.EqualFold reports them equal. This is
// the form encoding/json matches member names to struct fields in
// (its foldName).
func appendFoldSimple(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			// The orbits of ASCII letters hold the upper-case letter, the
			// lower-case one and at most one non-ASCII rune (K, ſ) above
			// both: the smallest is the upper-case letter.
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		dst = utf8.AppendRune(dst, orbitMin(r))
		i += n
	}
	return dst
}

// orbitMin returns the smallest rune equivalent to r under simple case
// folding.
func orbitMin(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// collide reports whether two keys are equal under either folding of this
// package.
func collide(a, b []byte) bool {
	var x, y [64]byte
	if string(appendFoldLower(x[:0], a)) == string(appendFoldLower(y[:0], b)) {
		return true
	}
	return string(appendFoldSimple(x[:0], a)) == string(appendFoldSimple(y[:0], b))
}

// FoldName returns the form in which encoding/json matches a member name
// to a struct field: every rune replaced by the smallest of its simple case
// folding orbit. Two names match a field alike exactly when their forms are
// equal.
func FoldName(name []byte) []byte { return appendFoldSimple(nil, name) }
