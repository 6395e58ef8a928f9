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
	arNoon        = 'ن'
	arGhayn       = 'غ'
	arDad         = 'ض'
	arThal        = 'ذ'
	arTha         = 'ث'
	arYa          = 'ي'
	faYa          = 'ی' // Persian ya
	faHeh         = 'ە' // Kurdish ae
	arHeh         = 'ه'
	urHehGoal     = 'ہ' // Urdu heh
)

// appendArabic romanises a run of the Arabic script. Alef is "a"; waw and
// ya are the consonants w and y at the start of a word, between vowels or
// before alef, and the long vowels u and i elsewhere; ta marbuta, alef
// maqsura and ayn are "a"; hamza on its own is not written; zah is "z"
// (ALA-LC ẓ). The article al- leading a word of three letters or more
// after it is written apart, with a hyphen, as ALA-LC writes it
// ("الأسد" → "al-asd"). Ghayn ending a word after nun is the g of a
// foreign name's final ng, as Arabic writes Chinese, Korean and
// Vietnamese syllables ("جونغ" → "jung", Jong; "يانغ" Yang). Short vowels
// are not written in Arabic text, so they are absent here ("محمد" →
// "mhmd"): compare with ConsonantKey. In a Persian text (persian: one
// with a letter Arabic does not write, persianLetter) the letters Persian,
// Urdu and Pashto sound otherwise than Arabic are read as they sound them,
// as ALA-LC's Persian table writes them: dad, thal and zah "z", tha "s",
// and waw as a consonant "v" ("حمیدرضا" → "hmidrza", Hamidreza; "جواد"
// → "jvad", Javad).
func appendArabic(dst []byte, run []rune, persian bool) []byte {
	if stem, ok := allahEnding(run); ok {
		// The name of God is written the same way whatever the
		// consonants suggest: "Allah", alone ("عبد الله", Abd Allah) or
		// ending a name ("عبدالله", Abdallah; "سيف‌الله").
		if len(stem) > 0 {
			dst = appendArabic(dst, stem, persian)
		}
		return append(dst, "allah"...)
	}
	if len(run) >= 5 && run[0] == arAlef && run[1] == arLam {
		dst = append(dst, "al-"...)
		run = run[2:]
	}
	if k, kunya := abuArticle(run); k > 0 {
		// Abu or Dhu and the article run into the next word, as
		// Latin writes them ("ابوالقاسم", Abolghasem, Abul Qasim; "ذوالفقار",
		// Zolfaghar): the waw is the u of Abu, the article's alef not
		// sounded.
		if persian && kunya == "dhul" {
			kunya = "zul"
		}
		dst = append(dst, kunya...)
		run = run[k:]
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
		case arDad, arThal, arTha:
			if !persian {
				dst = appendAnyASCII(dst, r)
			} else if r == arTha {
				dst = append(dst, 's')
			} else {
				dst = append(dst, 'z')
			}
		case arWaw:
			if !(first || next == arAlef || lastIsVowel(dst)) {
				dst = append(dst, 'u')
			} else if persian {
				dst = append(dst, 'v')
			} else {
				dst = append(dst, 'w')
			}
		case arYa, faYa:
			if first || next == arAlef || next == arAlefMaqsura || next == arWaw || lastIsVowel(dst) {
				dst = append(dst, 'y')
			} else {
				dst = append(dst, 'i')
			}
		case faHeh:
			dst = append(dst, 'e')
		case arGhayn:
			if i > 0 && run[i-1] == arNoon && i == len(run)-1 {
				dst = append(dst, 'g')
			} else {
				dst = appendAnyASCII(dst, r)
			}
		default:
			dst = appendAnyASCII(dst, r)
		}
	}
	return dst
}

// abuArticle reports whether run begins with Abu or Dhu (ابو, ذو) run
// into the article before a word of two letters or more, and returns how
// many runes that is and its reading ("abul", "dhul").
func abuArticle(run []rune) (int, string) {
	switch {
	case len(run) >= 7 && string(run[:5]) == "ابوال":
		return 5, "abul"
	case len(run) >= 6 && string(run[:4]) == "ذوال":
		return 4, "dhul"
	}
	return 0, ""
}

// persianLetter reports whether r is a letter of the Arabic script that
// Persian, Urdu or Pashto write and Arabic does not: pe, che, zhe, gaf,
// keheh, Farsi yeh, and Urdu's tteh, ddal, rreh, heh goal and yeh barree.
func persianLetter(r rune) bool {
	switch r {
	case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی', 'ٹ', 'ڈ', 'ڑ', 'ہ', 'ے':
		return true
	}
	return false
}

// allahEnding reports whether run is or ends with the name of God, الله
// (alef, two lams, heh; the heh as Urdu writes it too), and returns what
// comes before it.
func allahEnding(run []rune) (stem []rune, ok bool) {
	n := len(run)
	if n < 4 || run[n-4] != arAlef || run[n-3] != arLam || run[n-2] != arLam {
		return nil, false
	}
	switch run[n-1] {
	case arHeh, urHehGoal:
		return run[:n-4], true
	}
	return nil, false
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
// ("ไทย" → "thai"). Tone marks are not written. อ beginning a word
// before a vowel is the silent carrier of that vowel, not the vowel o it
// is between consonants: "อาลี" is "ali", "อึน" "uen", "อ่อง" "ong"
// ("จ็อง", where it is the vowel, "chong"). So is อ inside a word before a
// vowel sign written after it, tone marks between: a syllable beginning
// with a vowel. The Arabic article อัล leading a word of two letters or
// more after it is written apart, as appendArabic writes al- ("อัลอะซัด"
// → "al-asad", not "aloasad").
func appendThai(dst []byte, run []rune) []byte {
	if len(run) >= 5 && run[0] == thaiO && run[1] == 0x0E31 && run[2] == 0x0E25 {
		dst = append(dst, "al-"...)
		run = run[3:]
	}
	for i := 0; i < len(run); i++ {
		r := run[i]
		if r >= 0x0E40 && r <= 0x0E44 && i+1 < len(run) && isThaiConsonant(run[i+1]) {
			if !(i == 0 && run[i+1] == thaiO) {
				dst = appendAnyASCII(dst, run[i+1])
			}
			dst = appendAnyASCII(dst, r)
			i++
			continue
		}
		if r == thaiO && i == 0 && i+1 < len(run) && isThaiVowelSign(run[i+1]) {
			continue
		}
		if r == thaiO && i > 0 && thaiCarried(run[i+1:]) {
			continue
		}
		dst = appendAnyASCII(dst, r)
	}
	return dst
}

// thaiO is อ, a consonant that carries a vowel sign and is the vowel o
// between consonants.
const thaiO = 0x0E2D

// isThaiVowelSign reports whether r is a Thai vowel or tone sign written
// after, above or below a consonant (U+0E30–U+0E3A, U+0E47–U+0E4E), or อ
// itself as the vowel o.
func isThaiVowelSign(r rune) bool {
	return r >= 0x0E30 && r <= 0x0E3A || r >= 0x0E47 && r <= 0x0E4E || r == thaiO
}

// thaiCarried reports whether rest, what follows อ inside a word, begins
// with a vowel sign written after a consonant (U+0E30–U+0E39), tone marks
// (U+0E48–U+0E4B) before it: อ then carries that vowel.
func thaiCarried(rest []rune) bool {
	for _, r := range rest {
		switch {
		case r >= 0x0E48 && r <= 0x0E4B:
			continue
		case r >= 0x0E30 && r <= 0x0E39:
			return true
		}
		return false
	}
	return false
}

func isThaiConsonant(r rune) bool { return r >= 0x0E01 && r <= 0x0E2E }

// Devanagari signs. Bengali's block (U+0980–U+09FF) is laid out as
// Devanagari's (U+0900–U+097F), letter for letter, 0x80 later, and so are
// Gurmukhi's, Gujarati's, Oriya's, Tamil's, Telugu's, Kannada's and
// Malayalam's, each 0x80 after the last (U+0A00–U+0D7F): their letters
// are classed by their Devanagari counterparts.
const (
	dvVirama = 0x094D
	dvNukta  = 0x093C
	// bengaliOffset is how far Bengali's letters are from Devanagari's.
	bengaliOffset = 0x80
	// tamilOffset is how far Tamil's letters are: Tamil and the blocks
	// after it are the Dravidian scripts.
	tamilOffset = 0x280
)

// indicOffset is how far the letters of run, a run of one of the blocks
// after Bengali's, are from Devanagari's.
func indicOffset(run []rune) rune {
	for _, r := range run {
		if r >= 0x0A00 && r <= 0x0D7F {
			return r&^0x7F - 0x0900
		}
	}
	return 0
}

func isDevConsonant(r rune) bool {
	return r >= 0x0915 && r <= 0x0939 || r >= 0x0958 && r <= 0x095F || r >= 0x0978 && r <= 0x097F
}

func isDevVowelSign(r rune) bool {
	return r >= 0x093A && r <= 0x094C && r != dvNukta && r != 0x093D || r >= 0x094E && r <= 0x094F || r >= 0x0955 && r <= 0x0957 || r == 0x0962 || r == 0x0963
}

// devNukta is the Latin of a Devanagari consonant written with a nukta,
// for the sounds of Persian, Arabic and English ("ज़" z, "फ़" f); NFKC
// writes the letter and the nukta apart.
var devNukta = map[rune]string{
	'क': "q", 'ख': "kh", 'ग': "gh", 'ज': "z", 'ड': "r", 'ढ': "rh", 'फ': "f", 'य': "y",
}

// indicSyllable is one consonant of a run of Devanagari or Bengali, with
// its Latin and whether its inherent vowel is written.
type indicSyllable struct {
	at       int  // the consonant's index in the run
	next     int  // the index after it and its nukta
	inherent bool // no vowel sign or virama follows
}

// appendDevanagari romanises a run of Devanagari (off 0), Bengali (off
// bengaliOffset) or another block laid out as Devanagari's (indicOffset).
// AnyAscii writes a consonant without its inherent vowel; it is restored
// here unless a vowel sign or virama follows, the consonant ends the word
// after a single consonant (Hindi drops it there: "पुतिन" → "putin", but
// "नरेन्द्र" → "narendra"), or Hindi's schwa deletion drops it: between a
// vowel and a consonant a vowel follows ("रमज़ान" → "ramzan", not
// "ramazan"; "लावरोव" → "lavrov"). The Dravidian scripts (off tamilOffset
// and after) drop it nowhere: they write a vowel they do not sound with a
// virama ("ரம்ஜான்" → "ramjan"). A consonant with a nukta is the sound it
// marks ("ज़" z). Anusvara and candrabindu are "m" before p, b, m and "n"
// elsewhere, but Bengali's anusvara, "ng" but before k and g.
func appendDevanagari(dst []byte, run []rune, off rune) []byte {
	dev := func(r rune) rune {
		if off != 0 && r >= 0x0900+off && r <= 0x097F+off {
			return r - off
		}
		return r
	}
	dravidian := off >= tamilOffset
	consonant := func(r rune) bool {
		if off <= bengaliOffset {
			return isDevConsonant(dev(r))
		}
		// Past Bengali, the letters after U+0x39 of a block are not all
		// consonants (Malayalam's chillus, final consonants of their
		// own, stand there).
		d := dev(r)
		return d >= 0x0915 && d <= 0x0939
	}
	// The consonants and whether each writes its inherent vowel.
	var sylBuf [16]indicSyllable
	syls := sylBuf[:0]
	for i := 0; i < len(run); i++ {
		if !consonant(run[i]) {
			continue
		}
		j := i + 1
		for j < len(run) && dev(run[j]) == dvNukta {
			j++
		}
		syl := indicSyllable{at: i, next: j}
		switch {
		case j < len(run) && (isDevVowelSign(dev(run[j])) || dev(run[j]) == dvVirama):
		case j == len(run):
			syl.inherent = dravidian || i > 0 && dev(run[i-1]) == dvVirama
		default:
			syl.inherent = true
		}
		syls = append(syls, syl)
		i = j - 1
	}
	// Schwa deletion, right to left: V C(a) C V → V C C V.
	vowelAfter := func(k int) bool { // syllable k is followed by a vowel
		s := syls[k]
		return s.inherent || s.next < len(run) && isDevVowelSign(dev(run[s.next]))
	}
	vowelBefore := func(k int) bool { // a vowel comes right before syllable k
		at := syls[k].at
		if at == 0 {
			return false
		}
		p := dev(run[at-1])
		if isDevVowelSign(p) || p >= 0x0904 && p <= 0x0914 {
			return true // a vowel sign or an independent vowel
		}
		return k > 0 && syls[k-1].next == at && syls[k-1].inherent
	}
	for k := len(syls) - 2; k >= 0 && !dravidian; k-- {
		s := &syls[k]
		n := syls[k+1]
		if s.inherent && s.next == n.at && vowelBefore(k) && vowelAfter(k+1) {
			s.inherent = false
		}
	}
	k := 0
	for i := 0; i < len(run); i++ {
		r := dev(run[i])
		switch {
		case k < len(syls) && syls[k].at == i:
			s := syls[k]
			k++
			switch lat, ok := devNukta[r]; {
			case ok && s.next > i+1:
				dst = append(dst, lat...)
			case r == 'च':
				dst = append(dst, "ch"...) // ISO 15919 c, as English writes it
			case r == 'छ':
				dst = append(dst, "chh"...)
			default:
				dst = appendAnyASCII(dst, run[i])
			}
			if s.inherent {
				dst = append(dst, 'a')
			}
			i = s.next - 1
		case r == 0x0902 || r == 0x0901:
			next := rune(0)
			if i+1 < len(run) {
				next = dev(run[i+1])
			}
			switch {
			case next == 'प' || next == 'फ' || next == 'ब' || next == 'भ' || next == 'म':
				dst = append(dst, 'm')
			case off == bengaliOffset && r == 0x0902 && next != 'क' && next != 'ख' && next != 'ग' && next != 'घ':
				// Bengali's anusvara is the velar nasal ng
				// ("বাংলা" Bangla, "জং" jang).
				dst = append(dst, "ng"...)
			default:
				dst = append(dst, 'n')
			}
		case r == dvVirama || r == dvNukta:
		default:
			dst = appendAnyASCII(dst, run[i])
		}
	}
	return dst
}
