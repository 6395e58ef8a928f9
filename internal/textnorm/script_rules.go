package textnorm

// The context rules that a table of single characters cannot hold. Each
// works on one run of one script inside a word and appends lower-case ASCII
// letters.

// appendKana applies Hepburn's rules on top of AnyAscii's syllables:
//   - a small tsu doubles the next consonant ("ニッサン" → "nissan", "tch"
//     before "ch");
//   - a small ya, yu or yo contracts the syllable before it ("きゃ" → "kya",
//     "しゃ" → "sha");
//   - a small vowel replaces the vowel before it ("ティ" → "ti", "ファ" →
//     "fa");
//   - the long vowel mark is not written.
func appendKana(dst []byte, run []rune) []byte {
	var buf [8]byte
	double := false
	for _, r := range run {
		if r == 'っ' || r == 'ッ' {
			double = true
			continue
		}
		if v := smallY(r); v != 0 && len(dst) > 0 && dst[len(dst)-1] == 'i' {
			dst = dst[:len(dst)-1] // き+ゃ: "ki" → "k" + "ya"; し+ゃ: "shi" → "sh" + "a"
			if !hasSuffix(dst, "sh") && !hasSuffix(dst, "ch") && !hasSuffix(dst, "j") {
				dst = append(dst, 'y')
			}
			dst = append(dst, v)
			double = false
			continue
		}
		if n := len(dst); isSmallVowel(r) && n > 1 && isVowelByte(dst[n-1]) && !isVowelByte(dst[n-2]) {
			dst = dst[:n-1] // テ+ィ: "te" → "t" + "i"
		}
		syl := appendAnyASCII(buf[:0], r)
		if double && len(syl) > 0 && !isVowelByte(syl[0]) {
			c := syl[0]
			if c == 'c' {
				c = 't' // っち → tchi
			}
			dst = append(dst, c)
		}
		dst = append(dst, syl...)
		double = false
	}
	return dst
}

// smallY returns the vowel of a small ya, yu or yo, or 0.
func smallY(r rune) byte {
	switch r {
	case 'ゃ', 'ャ':
		return 'a'
	case 'ゅ', 'ュ':
		return 'u'
	case 'ょ', 'ョ':
		return 'o'
	}
	return 0
}

func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

func isSmallVowel(r rune) bool {
	switch r {
	case 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ':
		return true
	}
	return false
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// Arabic letters with values of their own here; every other letter takes
// AnyAscii's.
const (
	arAlef        = 'ا'
	arAlefMadda   = 'آ'
	arAlefHamzaUp = 'أ'
	arAlefHamzaDn = 'إ'
	arAlefWasla   = 'ٱ'
	arAlefMaqsura = 'ى'
	arTaMarbuta   = 'ة'
	arHamza       = 'ء'
	arWawHamza    = 'ؤ'
	arYaHamza     = 'ئ'
	arAyn         = 'ع'
	arZah         = 'ظ'
	arLam         = 'ل'
	arWaw         = 'و'
	arYa          = 'ي'
	faYa          = 'ی' // Persian ya
	faHeh         = 'ە' // Kurdish ae
)

// appendArabic romanises a run of the Arabic script. Alef is "a"; waw and
// ya are the consonants w and y at the start of a word, between vowels or
// before alef, and the long vowels u and i elsewhere; ta marbuta, alef
// maqsura and ayn are "a"; hamza on its own is not written; zah is "z"
// (ALA-LC ẓ). The article al- leading a word of three letters or more
// after it is written apart, with a hyphen, as ALA-LC writes it
// ("الأسد" → "al-asd"). Short vowels are not written in Arabic text, so
// they are absent here ("محمد" → "mhmd"): compare with ConsonantKey.
func appendArabic(dst []byte, run []rune) []byte {
	if len(run) >= 5 && run[0] == arAlef && run[1] == arLam {
		dst = append(dst, "al-"...)
		run = run[2:]
	}
	for i, r := range run {
		var next rune
		if i+1 < len(run) {
			next = run[i+1]
		}
		first := i == 0
		switch r {
		case arAlef, arAlefMadda, arAlefHamzaUp, arAlefWasla, arAlefMaqsura, arTaMarbuta, arAyn:
			dst = append(dst, 'a')
		case arAlefHamzaDn, arYaHamza:
			dst = append(dst, 'i')
		case arWawHamza:
			dst = append(dst, 'u')
		case arHamza:
		case arZah:
			dst = append(dst, 'z')
		case arWaw:
			if first || next == arAlef || lastIsVowel(dst) {
				dst = append(dst, 'w')
			} else {
				dst = append(dst, 'u')
			}
		case arYa, faYa:
			if first || next == arAlef || next == arAlefMaqsura || next == arWaw || lastIsVowel(dst) {
				dst = append(dst, 'y')
			} else {
				dst = append(dst, 'i')
			}
		case faHeh:
			dst = append(dst, 'e')
		default:
			dst = appendAnyASCII(dst, r)
		}
	}
	return dst
}

func lastIsVowel(b []byte) bool {
	return len(b) > 0 && isVowelByte(b[len(b)-1])
}

// appendHebrew romanises a run of Hebrew. A letter with a geresh is the
// foreign sound it marks (ג׳ j, ז׳ zh, צ׳ ch, ת׳ th). Bet, kaf and pe at the start of a
// word are b, k and p (they carry a dagesh there); vav is v at the start of
// a word or doubled, o inside a word and u at its end; yod is y at the
// start of a word or doubled and i elsewhere; alef and ayin are "a". Vowel
// points are removed before this, and most Hebrew is written without
// them: compare with ConsonantKey.
func appendHebrew(dst []byte, run []rune) []byte {
	for i := 0; i < len(run); i++ {
		r := run[i]
		var next rune
		if i+1 < len(run) {
			next = run[i+1]
		}
		first, last := i == 0, i == len(run)-1
		if isGeresh(next) {
			// A geresh makes a letter a sound Hebrew has not: ג׳ j,
			// ז׳ zh, צ׳ ch, ת׳ th.
			if s, ok := hebrewGeresh[r]; ok {
				dst = append(dst, s...)
				i++
				continue
			}
		}
		switch r {
		case 'ב':
			if first {
				dst = append(dst, 'b')
			} else {
				dst = append(dst, 'v')
			}
		case 'כ', 'ך':
			dst = append(dst, 'k') // kh in speech inside a word; k keeps the consonants
		case 'פ':
			if first {
				dst = append(dst, 'p')
			} else {
				dst = append(dst, 'f')
			}
		case 'ו':
			switch {
			case first || next == 'ו':
				dst = append(dst, 'v')
				if next == 'ו' {
					i++
				}
			case last:
				dst = append(dst, 'u')
			default:
				dst = append(dst, 'o')
			}
		case 'י':
			switch {
			case first || next == 'י':
				dst = append(dst, 'y')
				if next == 'י' {
					i++
				}
			default:
				dst = append(dst, 'i')
			}
		case 'א', 'ע':
			dst = append(dst, 'a')
		default:
			dst = appendAnyASCII(dst, r)
		}
	}
	return dst
}

// hebrewGeresh are the letters that a geresh makes foreign sounds of.
var hebrewGeresh = map[rune]string{'ג': "j", 'ז': "zh", 'צ': "ch", 'ץ': "ch", 'ת': "th"}

// hebrewGereshMark is the Hebrew punctuation geresh.
const hebrewGereshMark = '\u05F3'

// isGeresh reports whether r is the Hebrew geresh or an apostrophe
// written for it.
func isGeresh(r rune) bool {
	return r == hebrewGereshMark || r == '\'' || r == '\u2019'
}

// appendArmenian romanises a run of Armenian: the digraph ու is u, և is ev.
func appendArmenian(dst []byte, run []rune) []byte {
	for i := 0; i < len(run); i++ {
		r := run[i]
		switch {
		case (r == 'ո' || r == 'Ո') && i+1 < len(run) && (run[i+1] == 'ւ' || run[i+1] == 'Ւ'):
			dst = append(dst, 'u')
			i++
		case r == 'և':
			dst = append(dst, "ev"...)
		default:
			dst = appendAnyASCII(dst, r)
		}
	}
	return dst
}

// appendThai romanises a run of Thai. The vowels เ แ โ ใ ไ are written
// before the consonant they follow in speech; they are moved after it
// ("ไทย" → "thai"). Tone marks are not written.
func appendThai(dst []byte, run []rune) []byte {
	for i := 0; i < len(run); i++ {
		r := run[i]
		if r >= 0x0E40 && r <= 0x0E44 && i+1 < len(run) && isThaiConsonant(run[i+1]) {
			dst = appendAnyASCII(dst, run[i+1])
			dst = appendAnyASCII(dst, r)
			i++
			continue
		}
		dst = appendAnyASCII(dst, r)
	}
	return dst
}

func isThaiConsonant(r rune) bool { return r >= 0x0E01 && r <= 0x0E2E }

// Devanagari signs.
const (
	dvVirama = 0x094D
	dvNukta  = 0x093C
)

func isDevConsonant(r rune) bool {
	return r >= 0x0915 && r <= 0x0939 || r >= 0x0958 && r <= 0x095F || r >= 0x0978 && r <= 0x097F
}

func isDevVowelSign(r rune) bool {
	return r >= 0x093A && r <= 0x094C && r != dvNukta && r != 0x093D || r >= 0x094E && r <= 0x094F || r >= 0x0955 && r <= 0x0957 || r == 0x0962 || r == 0x0963
}

// appendDevanagari romanises a run of Devanagari. AnyAscii writes a
// consonant without its inherent vowel; it is restored here unless a vowel
// sign or virama follows, or the consonant ends the word after a single
// consonant (Hindi drops it there: "पुतिन" → "putin", but "नरेन्द्र" →
// "narendra"). Anusvara and candrabindu are "m" before p, b, m and "n"
// elsewhere.
func appendDevanagari(dst []byte, run []rune) []byte {
	for i := 0; i < len(run); i++ {
		r := run[i]
		switch {
		case isDevConsonant(r):
			dst = appendAnyASCII(dst, r)
			j := i + 1
			for j < len(run) && run[j] == dvNukta {
				j++
			}
			switch {
			case j < len(run) && (isDevVowelSign(run[j]) || run[j] == dvVirama):
			case j == len(run):
				if i > 0 && run[i-1] == dvVirama {
					dst = append(dst, 'a')
				}
			default:
				dst = append(dst, 'a')
			}
			i = j - 1
		case r == 0x0902 || r == 0x0901:
			if i+1 < len(run) && (run[i+1] == 'प' || run[i+1] == 'फ' || run[i+1] == 'ब' || run[i+1] == 'भ' || run[i+1] == 'म') {
				dst = append(dst, 'm')
			} else {
				dst = append(dst, 'n')
			}
		case r == dvVirama || r == dvNukta:
		default:
			dst = appendAnyASCII(dst, r)
		}
	}
	return dst
}
