package textnorm

import "unicode"

// cyrillicScheme is one romanisation of Cyrillic.
type cyrillicScheme uint8

const (
	// cyrBGN is the scheme close to BGN/PCGN that OFAC uses in SDN names:
	// х→kh, ц→ts, щ→shch, й→y, ы→y, ю→yu, я→ya, soft and hard signs dropped.
	cyrBGN cyrillicScheme = iota //nolint:unused // the zero value: the scheme every caller gets by default
	// cyrICAO is ICAO Doc 9303, the scheme of Russian passports since
	// 2013: й→i, ю→iu, я→ia, ъ→ie.
	cyrICAO
	// cyrEnglish is cyrBGN with the adjective endings -ий and -ый written
	// -y, as English writes Russian names ("Kaspersky", "Dostoevsky").
	cyrEnglish
)

// cyrillicBGN transliterates the lower-case letters U+0430..U+045F.
var cyrillicBGN = [0x30]string{
	// U+0430..U+044F: а..я
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
	// U+0450..U+045F: ѐ ё ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ
	"e", "e", "dj", "g", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "k", "i", "u", "dz",
}

// cyrillicICAO differs from cyrillicBGN in these letters.
var cyrillicICAO = map[rune]string{
	'й': "i", 'ъ': "ie", 'ю': "iu", 'я': "ia", 'є': "ie", 'ї': "i",
}

// cyrillicExtra covers the letters outside U+0430..U+045F that names use.
var cyrillicExtra = map[rune]string{
	'ґ': "g", 'ғ': "gh", 'қ': "q", 'ң': "ng", 'ү': "u", 'ұ': "u", 'һ': "h",
	'ә': "a", 'ө': "o", 'ҳ': "h", 'ҷ': "j", 'ӣ': "i", 'ӯ': "u",
}

// appendCyrillic appends the romanisation of the Cyrillic word w (lower
// case, every rune Cyrillic) in scheme sc. A letter no table holds takes
// AnyAscii's value.
func appendCyrillic(dst []byte, w []rune, sc cyrillicScheme) []byte {
	for i, r := range w {
		r = lowerCyrillic(r)
		if sc == cyrEnglish && i == len(w)-1 && r == 'й' && i > 0 && (lowerCyrillic(w[i-1]) == 'и' || lowerCyrillic(w[i-1]) == 'ы') {
			// -ий, -ый → -y: drop the "i"/"y" just written for и/ы.
			dst = dst[:len(dst)-1]
			dst = append(dst, 'y')
			continue
		}
		if sc == cyrICAO {
			if s, ok := cyrillicICAO[r]; ok {
				dst = append(dst, s...)
				continue
			}
		}
		switch {
		case r >= 0x0430 && r <= 0x045F:
			dst = append(dst, cyrillicBGN[r-0x0430]...)
		default:
			if s, ok := cyrillicExtra[r]; ok {
				dst = append(dst, s...)
			} else {
				dst = appendAnyASCII(dst, r)
			}
		}
	}
	return dst
}

// greekELOT transliterates the lower-case letters U+03B1..U+03C9 (ELOT 743
// simplified: θ→th, χ→ch, ψ→ps, ξ→x, η→i, υ→y, ου→ou).
var greekELOT = [0x19]string{
	"a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p",
	"r", "s", "s", "t", "y", "f", "ch", "ps", "o",
}

// greekBase maps accented Greek letters and final sigma to the plain letter.
var greekBase = map[rune]rune{
	'ά': 'α', 'έ': 'ε', 'ή': 'η', 'ί': 'ι', 'ό': 'ο', 'ύ': 'υ', 'ώ': 'ω',
	'ϊ': 'ι', 'ϋ': 'υ', 'ΐ': 'ι', 'ΰ': 'υ', 'ς': 'σ',
}

// appendGreek appends the romanisation of the Greek word w.
func appendGreek(dst []byte, w []rune) []byte {
	prev := rune(0)
	for _, r := range w {
		r = unicode.ToLower(r)
		if b, ok := greekBase[r]; ok {
			r = b
		}
		switch {
		case r == 'υ' && prev == 'ο':
			dst = append(dst, 'u') // ου → ou
		case r >= 0x03B1 && r <= 0x03C9:
			dst = append(dst, greekELOT[r-0x03B1]...)
		default:
			dst = appendAnyASCII(dst, r)
		}
		prev = r
	}
	return dst
}

// lowerCyrillic is unicode.ToLower, quick for the Russian alphabet.
func lowerCyrillic(r rune) rune {
	switch {
	case r >= 0x0410 && r <= 0x042F:
		return r + 0x20
	case r >= 0x0400 && r <= 0x040F:
		return r + 0x50
	case r >= 0x0430 && r <= 0x045F:
		return r
	}
	return unicode.ToLower(r)
}
