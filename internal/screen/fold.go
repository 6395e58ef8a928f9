package screen

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cyrillic transliterates the lower-case Cyrillic letters U+0430..U+045F
// with a scheme close to BGN/PCGN and the one OFAC uses in SDN names
// (х→kh, ц→ts, щ→shch, й→y, ы→y, ю→yu, я→ya; soft and hard signs dropped).
// Spelling variants of the result (kh/h, -iy/-y, ye/e) are levelled by the
// phonetic key, not here.
var cyrillic = [0x60]string{
	// U+0430..U+044F: а..я
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
	// U+0450..U+045F: ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ
	"e", "e", "dj", "g", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "k", "i", "u", "dz",
}

// cyrillicExtra covers the letters outside U+0430..U+045F that names use.
var cyrillicExtra = map[rune]string{
	'ґ': "g", 'ғ': "gh", 'қ': "q", 'ң': "ng", 'ү': "u", 'ұ': "u", 'һ': "h",
	'ә': "a", 'ө': "o", 'ҳ': "h", 'ҷ': "j", 'ӣ': "i", 'ӯ': "u",
}

// greek transliterates lower-case Greek letters U+03B1..U+03C9 (ELOT 743
// simplified; θ→th, χ→ch, ψ→ps, ξ→x).
var greek = [0x19]string{
	"a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p",
	"r", "s", "s", "t", "y", "f", "ch", "ps", "o",
}

// latinSpecial folds the Latin letters that have no canonical decomposition.
// Azerbaijani's ə is a, as English writes it ("Əliyev", Aliyev).
var latinSpecial = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'ł': "l",
	'þ': "th", 'ı': "i", 'ŋ': "n", 'ħ': "h", 'ŧ': "t", 'ĸ': "k", 'ſ': "s",
	'ƒ': "f", 'ɨ': "i", 'ʉ': "u", 'ə': "a",
}

// isHacek reports whether r is a letter with a háček or a cedilla that
// folds to s, c or z and that Cyrillic transliteration writes sh, ch or
// zh: š, č, ž (Czech, Slovak, the South Slavic languages, Lithuanian,
// Latvian, Belarusian Łacinka), ş and ș (Turkish, Azerbaijani, Romanian),
// ć and ż (Polish).
func isHacek(r rune) bool {
	switch unicode.ToLower(r) {
	case 'š', 'č', 'ž', 'ş', 'ș', 'ć', 'ż':
		return true
	}
	return false
}

// latinMarks reports whether s has a letter of isHacek (hacek), a German
// umlaut, ä, ö or ü (umlaut), and a letter only Turkish and Azerbaijani
// write, ı, İ or ğ, or Turkish ş (turkish).
func latinMarks(s string) (hacek, umlaut, turkish bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				switch {
				case r == 'ı' || r == 'İ' || r == 'ğ' || r == 'Ğ':
					turkish = true
				case r == 'ş' || r == 'Ş':
					hacek, turkish = true, true
				case isHacek(r):
					hacek = true
				case isUmlaut(r):
					umlaut = true
				}
			}
			return hacek, umlaut, turkish
		}
	}
	return false, false, false
}

// isUmlaut reports whether r is ä, ö or ü.
func isUmlaut(r rune) bool {
	switch unicode.ToLower(r) {
	case 'ä', 'ö', 'ü':
		return true
	}
	return false
}

// latinFold maps every precomposed Latin letter of U+00C0..U+024F and
// U+1E00..U+1EFF to its base letters without diacritics. It is computed
// once, on first use (not in every process's start-up), from the Unicode
// canonical decompositions and never written again.
var latinFold = sync.OnceValue(buildLatinFold)

func buildLatinFold() map[rune]string {
	m := make(map[rune]string, 1024)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if s, ok := latinSpecial[unicode.ToLower(r)]; ok {
				m[r] = s
				continue
			}
			base := foldByDecomposition(unicode.ToLower(r))
			if base != "" {
				m[r] = base
			}
		}
	}
	add(0x00C0, 0x024F)
	add(0x1E00, 0x1EFF)
	return m
}

// foldByDecomposition returns the ASCII base of r when its canonical
// decomposition is ASCII letters followed by combining marks only.
func foldByDecomposition(r rune) string {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Bytes(buf[:n])
	out := make([]byte, 0, 2)
	for len(d) > 0 {
		c, size := utf8.DecodeRune(d)
		d = d[size:]
		switch {
		case c < utf8.RuneSelf && (c >= 'a' && c <= 'z'):
			out = append(out, byte(c))
		case unicode.Is(unicode.Mn, c):
		default:
			return ""
		}
	}
	return string(out)
}

// greekBase maps accented and final Greek lower-case letters to the plain
// letter before transliteration.
var greekBase = map[rune]rune{
	'ά': 'α', 'έ': 'ε', 'ή': 'η', 'ί': 'ι', 'ό': 'ο', 'ύ': 'υ', 'ώ': 'ω',
	'ϊ': 'ι', 'ϋ': 'υ', 'ΐ': 'ι', 'ΰ': 'υ', 'ς': 'σ',
}

// foldKind says what a rune becomes in a folded name.
type foldKind uint8

const (
	// foldSep ends the current word.
	foldSep foldKind = iota
	// foldDrop vanishes inside a word (marks, apostrophes, soft signs).
	foldDrop
	// foldText appends the returned Latin letters.
	foldText
	// foldKeep appends the returned rune itself (a letter or digit of a
	// script without a transliteration here, e.g. CJK or Arabic).
	foldKeep
)

// foldRune folds one non-ASCII rune: Cyrillic and Greek are transliterated
// (translit is true), Latin letters lose their diacritics, other letters and
// digits are kept lower-cased, everything else separates words.
func foldRune(r rune) (s string, keep rune, translit bool, k foldKind) {
	switch {
	case r >= 0x0400 && r <= 0x04FF:
		lr := unicode.ToLower(r)
		if lr >= 0x0430 && lr <= 0x045F {
			s = cyrillic[lr-0x0430]
			if s == "" {
				return "", 0, true, foldDrop
			}
			return s, 0, true, foldText
		}
		if s, found := cyrillicExtra[lr]; found {
			return s, 0, true, foldText
		}
	case r >= 0x0370 && r <= 0x03FF:
		lr := unicode.ToLower(r)
		if b, found := greekBase[lr]; found {
			lr = b
		}
		if lr >= 0x03B1 && lr <= 0x03C9 {
			return greek[lr-0x03B1], 0, true, foldText
		}
	case r >= 0x00C0 && r <= 0x024F, r >= 0x1E00 && r <= 0x1EFF:
		if s, found := latinFold()[r]; found {
			return s, 0, false, foldText
		}
	case r == '\u2019' || r == '\u2018' || r == '\u02BC' || r == '\u00B4' || r == '\u02B9':
		// Apostrophes and primes inside a word: "O’Brien".
		return "", 0, false, foldDrop
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r) {
		return "", 0, false, foldDrop
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return "", unicode.ToLower(r), false, foldKeep
	}
	return "", 0, false, foldSep
}
