package screen

import (
	"math"
	"strings"

	"github.com/bangate/bangate/internal/textnorm"
)

// Script phonetic keys. A foreign name written in a script that lacks the
// distinctions of Latin letters comes back from transliteration spelt
// otherwise than the lists write it: kana adds vowels after consonants and
// has one letter for r and l ("ウラジーミル" → "urajimiru" for Vladimir),
// Hangul adds "eu" and writes f as p and v as b ("카디로프" → "kadilopeu"
// for Kadyrov), the abjads do not write short vowels and have no p or v
// ("قديروف" → "qdiruf"), Thai neutralises final consonants, Greek has no
// b, d, g, j or sh of its own. Each script family has a key that keeps
// what its renderings keep and merges what they merge; a query written
// in that script is compared with the listed names by it.
//
// Such a key is coarse: many names share one ("km" is every Kim). It
// therefore never pairs a word on its own; phoneticMatches requires the
// whole name to agree (every query word and every listed word that a
// query may not leave out), a rare word among them, and it is a possible
// match at most unless the spellings agree exactly.

// phonFamily is a group of scripts whose renderings of foreign names lose
// the same distinctions.
type phonFamily uint8

const (
	phonNone phonFamily = iota
	phonKana
	phonHangul
	phonAbjad
	phonThai
	phonGreek
	// phonKorean is a Korean name in Latin letters, in McCune–Reischauer
	// or Revised Romanization ("Kim Jeong-eun", "Kim Chong-un" for KIM,
	// Jong Un): no script of its own, see koreanKey.
	phonKorean
	// phonHan is a foreign name written in Han characters, read in
	// pinyin syllables, and phonMyanmar one written in Myanmar syllables
	// (hankey.go).
	phonHan
	phonMyanmar
	// phonCyrillic is a foreign name in Cyrillic (cyrkey.go).
	phonCyrillic
	// phonMandarin is a Chinese name in Latin letters, in Wade–Giles or
	// pinyin ("Teng Hsiao-ping" for DENG, Xiaoping): no script of its
	// own, see mandarin.go.
	phonMandarin
	phonFamilies
)

// phonNames name the families in the method of a match ("phonetic
// (kana)") and the explanation.
var phonNames = [phonFamilies]string{"", "kana", "Hangul", "abjad", "Thai", "Greek", "Korean romanisation", "Han syllables of a foreign name", "Myanmar syllables of a foreign name", "Cyrillic rendering of a foreign name", "Chinese romanisation"}

// phonRules say in words what each family's key merges, for the
// explanation.
var phonRules = [phonFamilies]string{
	"",
	"vowels as written but the u and o kana adds after consonants, long vowels once, r=l, b=v=f, chi=ti, tsu=tu, shi=si, d=j=z",
	"vowels as written (eo=o, ae=e) but the eu Hangul adds after consonants, r=l, p=f=b=v, j=z=zh, ch=ts",
	"vowels, w and y left out (the abjads do not write short vowels), p=b=f=v, k=q=g, h=kh, s=sh, d=z, ch=tsh, k also kh (Hebrew kaf)",
	"vowels left out, k=kh=g, ch=j, ch=sh (a foreign name's), t=th=d, p=ph=b, f=v=w, r=l, final consonants neutralised",
	"vowels left out, b=v (μπ), t=d (ντ), k=g (γκ), s=sh, z=zh, tz=j, ch=kh=h (χ)",
	"McCune–Reischauer and Revised Romanization read alike: eo=o, eu=u, oi=oe, ch=j, g=k, d=t, b=p, r=l, syllables hyphenated, spaced or run together",
	"pinyin syllables run together, vowels, y and w left out, r=l, b=p=f=v, k=g, d=t, s=sh=x, ch=ts=z=zh=j=q, kh=h",
	"syllables run together, vowels, y and w left out, r=l, b=p=f=v, k=g, d=t, s=sh, th=t or s, ch=ky=gy=j=z, an r before a consonant or ending a word not sounded",
	"vowels, y and w left out, dzh=dj=zh=j, kh=h, th=t, ph=f, ck=k, c=k or s, z=s, sh=sch=shch; the k of the Cyrillic also a ch, its g an h, its kh a Spanish j, its dzh a g",
	"Wade–Giles and pinyin read alike: hs=x, j=r, ts=tz=z=c, ch=zh=j=q, p=b, t=d, k=g, ih=i, ung=ong, ieh=ie, ien=ian, uei=ui, erh=er, o=e after k and h and uo after other consonants, you=yu, syllables hyphenated, spaced or run together",
}

// phonFamilyOf returns the family of the first scheme of a query that
// has one.
func phonFamilyOf(schemes []textnorm.Scheme) phonFamily {
	for _, s := range schemes {
		switch s {
		case textnorm.Hepburn:
			return phonKana
		case textnorm.RevisedRomanization:
			return phonHangul
		case textnorm.ArabicScript, textnorm.Hebrew:
			return phonAbjad
		case textnorm.Thai:
			return phonThai
		case textnorm.GreekELOT:
			return phonGreek
		case textnorm.CyrillicBGN:
			return phonCyrillic
		}
	}
	return phonNone
}

// maxPhonVariants is the most readings of a query word's ambiguous
// letters (phonAmbiguous) explored, and maxLoanVariants the most of its
// loan readings (phonLoanReading) over each.
const (
	maxPhonVariants = 8
	maxLoanVariants = 8
)

// phonKeys appends to dst the keys of w, a folded word, in family f, each
// followed by a 0 byte; a listed word (query false) has one, a query word
// up to maxPhonVariants where its transliteration is ambiguous (an abjad's
// waw and final he, a Greek γ before a front vowel). A word with bytes
// other than a–z has none.
func phonKeys(dst []byte, f phonFamily, w []byte, query bool) []byte {
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return dst
		}
	}
	switch f {
	case phonKorean:
		return append(appendKoreanKey(dst, w), 0)
	case phonHan:
		return appendHanKeys(dst, w, query)
	case phonMyanmar:
		return appendMyanmarKeys(dst, w, query)
	case phonCyrillic:
		return appendCyrillicKeys(dst, w, query)
	case phonMandarin:
		return appendMandarinKeys(dst, w, query)
	}
	// Each variant is a choice at each ambiguous place; choice is a bit
	// mask over them. The places of the first kind (phonAmbiguous) take
	// the low bits, explored up to maxPhonVariants ways; the loan
	// readings (phonLoanReading) the high bits, explored up to
	// maxLoanVariants ways over each of those.
	n := phonAmbiguities(f, w, query)
	m := phonLoanReadings(f, w, query)
	start := len(dst)
	for hi := 0; hi < 1<<m && hi < maxLoanVariants; hi++ {
		for lo := 0; lo < 1<<n && lo < maxPhonVariants; lo++ {
			k0 := len(dst)
			dst = endKey(appendPhonKey(dst, f, w, query, lo, hi), start, k0)
		}
	}
	return dst
}

// endKey returns dst, a key appended to its first k0 bytes, with the key
// terminated, unless the keys dst[start:k0] hold it already: a variant
// equal to one before it is dropped.
func endKey(dst []byte, start, k0 int) []byte {
	if hasPhonKey(dst[start:k0], dst[k0:]) {
		return dst[:k0]
	}
	return append(dst, 0)
}

// hasPhonKey reports whether keys, 0-terminated, hold k.
func hasPhonKey(keys, k []byte) bool {
	for len(keys) > 0 {
		i := 0
		for keys[i] != 0 {
			i++
		}
		if string(keys[:i]) == string(k) {
			return true
		}
		keys = keys[i+1:]
	}
	return false
}

// phonAmbiguities returns the number of places in a query word whose
// reading the key leaves open.
func phonAmbiguities(f phonFamily, w []byte, query bool) int {
	if !query {
		return 0
	}
	n := 0
	if phonFinalHe(f, w) {
		n++
	}
	for i := 0; i < len(w); i++ {
		if phonAmbiguous(f, w, i) {
			n++
		}
	}
	return n
}

// phonFinalHe reports whether a query word of family f ends in an h that
// may be no consonant: Hebrew and Persian write a final a or e with he
// ("דריפסקה" is Deripaska, "drifskh").
func phonFinalHe(f phonFamily, w []byte) bool {
	return f == phonAbjad && len(w) > 2 && w[len(w)-1] == 'h'
}

// phonAmbiguous reports whether the letter at w[i] of a query word of
// family f has two readings: an abjad's w or v (a consonant, or the
// vowel u or o) and an h between a letter and a vowel (Persian writes an
// e with he, "خامنه‌ای" is Khamenei); Greek γ at the start before e or i
// (y, or the j of a foreign name), and γι before a vowel inside a word.
func phonAmbiguous(f phonFamily, w []byte, i int) bool {
	c := w[i]
	switch f {
	case phonAbjad:
		switch c {
		case 'w', 'v':
			return true
		case 'h':
			if i == 0 || i == len(w)-1 || strings.IndexByte("kscztdg", w[i-1]) >= 0 {
				return false // initial or final h, or the second letter of kh, sh, ch, zh, th, dh, gh
			}
			return isVowel(w[i+1]) || w[i+1] == 'y'
		}
	case phonGreek:
		// γ inside a word before ι and a vowel too: γι is y there
		// (Καμπέγιο, Cabello as Spanish sounds it).
		return c == 'g' && (i == 0 && len(w) > 2 && (w[1] == 'i' || w[1] == 'e') ||
			i > 0 && i+2 < len(w) && w[i+1] == 'i' && isVowel(w[i+2]))
	case phonHangul:
		// The vowels Hangul adds after a consonant: eu ("peuligojin"
		// for Prigozhin), and a final i after ch and j.
		if i == 0 || !isKanaConsonant(w[i-1]) {
			return false
		}
		switch c {
		case 'e':
			return i+1 < len(w) && w[i+1] == 'u'
		case 'i':
			return i == len(w)-1 && (w[i-1] == 'j' || w[i-1] == 'h' && i > 1 && w[i-2] == 'c')
		}
	case phonKana:
		// The vowels kana adds after a consonant: u after any ("kimu",
		// "furain"), o after t and d ("do" for a final d), i after ch,
		// sh and j at the end ("micchi"), each before a consonant or at
		// the end of the word.
		if i == 0 || !isKanaConsonant(w[i-1]) || w[i-1] == 'n' || i+1 < len(w) && !isKanaConsonant(w[i+1]) {
			return false // after n, u is a mora of its own (ジョンウン, "jonun")
		}
		switch c {
		case 'u':
			return true
		case 'o':
			return w[i-1] == 't' || w[i-1] == 'd'
		case 'i':
			return i == len(w)-1 && i > 1 && (w[i-1] == 'j' || w[i-1] == 'h' && (w[i-2] == 'c' || w[i-2] == 's'))
		}
	}
	return false
}

// phonLoanReadings returns the number of places in a query word of
// family f that phonLoanReading reads two ways.
func phonLoanReadings(f phonFamily, w []byte, query bool) int {
	if !query {
		return 0
	}
	n := 0
	for i := range w {
		if phonLoanReading(f, w, i) {
			n++
			if abjadKaf(f, w, i) {
				n++ // a third reading, kh
			}
		}
	}
	return n
}

// abjadKaf reports whether w[i], a query word's letter in family f, is a
// k of an abjad that is no k of kh: Hebrew's kaf, read k, is a kh inside
// a word ("מיכאיל", Mikhail; "זכרובה", Zakharova), beside the k and the
// ch of a foreign name that an abjad writes with it (appendLoan).
func abjadKaf(f phonFamily, w []byte, i int) bool {
	return f == phonAbjad && w[i] == 'k' && byteAfter(w, i) != 'h'
}

// phonLoanReading reports whether the letter at w[i] of a query word of
// family f may stand for a letter of a foreign name that the script
// writes with one it has. In an abjad: a k for the ch of Michael or
// Christopher (مايكل, מייקל), a kh for k and h (כהן is Cohen, not
// "khn"), a j for a g before e or i (أنجيلا is Angela; Egyptian Arabic
// reads ج as g), an o or u inside a word for a v (Hebrew writes v and o
// with one vav: לוי is Levi, דוד David), and Hebrew's ts for an s (its
// tsadi writes the sad of Arabic names: אנצאר is Ansar). In Greek: a k for a ch
// (Μάικλ, Κρίστοφερ), a ch (χ) for a Spanish j (Χοσέ is José), γου
// before a vowel for a w (Γουίλσον is Wilson), τσ for a t and an s
// (Γκέιτς is Gates), τζ for a g before e or i (Τζορτζ is George), and μπ
// and ντ inside a word for a b and a d alone (Ρόμπερτ is Robert). In
// Thai, which has no sh: a ch for the sh of a foreign name (บัชชาร is
// Bashar).
func phonLoanReading(f phonFamily, w []byte, i int) bool {
	switch f {
	case phonGreek:
		next := byteAfter(w, i)
		switch w[i] {
		case 'k':
			return i == 0 || w[i-1] != 'g'
		case 'c':
			return next == 'h'
		case 't':
			return next == 's' || next == 'z'
		case 'm':
			return i > 0 && next == 'p'
		case 'n':
			return i > 0 && next == 't'
		}
		return greekW(w, i)
	case phonThai:
		return w[i] == 'c' && byteAfter(w, i) == 'h'
	case phonAbjad:
		switch w[i] {
		case 'k', 'j':
			return true
		case 'o', 'u':
			return i > 0 && i < len(w)-1 && !isVowel(w[i-1]) && w[i-1] != 'y' && w[i-1] != 'w'
		case 't':
			return byteAfter(w, i) == 's'
		}
	}
	return false
}

// appendLoan adds to key the letter of a foreign name that the place at
// w[i] of a query word of family f stands for (phonLoanReading), and
// returns the index of the place's last letter.
func appendLoan(key *keyBuf, f phonFamily, w []byte, i int) int {
	c, next := w[i], byteAfter(w, i)
	if f == phonGreek {
		switch c {
		case 'k':
			key.add('c') // κ for a ch: the family's key of a listed ch
			return i
		case 'c':
			key.add('j') // χ for a Spanish j
			return i + 1
		case 'g':
			key.gap() // γου for a w
			return i + 2
		case 't':
			if next == 's' {
				key.add('t') // τσ for a t and an s
				key.add('s')
			} else {
				key.add('k') // τζ for a soft g
			}
			return i + 1
		case 'm':
			key.add('b') // μπ inside a word for a b
			return i + 1
		}
		key.add('t') // ντ inside a word for a d
		return i + 1
	}
	if f == phonThai {
		key.add('s') // ช for an sh
		return i + 1
	}
	switch c {
	case 'k':
		if next == 'h' {
			key.add('k') // k, then h read as it stands
		} else {
			key.add('t') // the abjad key of ch
			key.add('s')
		}
	case 'j':
		key.add('k')
	case 't':
		key.add('s') // Hebrew's tsadi for the sad of an Arabic name
		return i + 1
	default:
		key.add('b') // o or u: a v
	}
	return i
}

// greekW reports whether w[i:] begins with "gou" and a vowel: Greek's
// γου, which writes the w of a foreign name.
func greekW(w []byte, i int) bool {
	return w[i] == 'g' && hasPrefix(w[i+1:], "ou") && i+3 < len(w) && isVowel(w[i+3])
}

// isKanaConsonant reports whether c is a consonant letter of a kana
// romanisation (y, a glide, is not).
func isKanaConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !isVowel(c)
}

// keyBuf builds a phonetic key: a letter that repeats the one before it
// is written once, unless gap was called between them (a vowel the key
// leaves out stood there).
type keyBuf struct {
	b    []byte
	last byte
}

// add appends c to the key unless it repeats the letter before.
func (k *keyBuf) add(c byte) {
	if c != k.last {
		k.b = append(k.b, c)
	}
	k.last = c
}

// gap lets the next letter be added even if it repeats the last one.
func (k *keyBuf) gap() { k.last = 0 }

// byteAfter returns w[i+1], or 0 when i is the last index of w.
func byteAfter(w []byte, i int) byte {
	if i+1 < len(w) {
		return w[i+1]
	}
	return 0
}

// isVowelByte reports whether c is one of the vowel letters a, e, i, o, u.
func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// appendPhonKey appends the key of w in family f; choice picks, bit by
// bit, the reading of each ambiguous place of a query word (bit set: the
// consonant, or the letter kept), and loan the reading of each place
// phonLoanReading reads two ways (bit set: the foreign name's letter).
func appendPhonKey(dst []byte, f phonFamily, w []byte, query bool, choice, loan int) []byte {
	start := len(dst)
	key := keyBuf{b: dst}
	add, vowel := key.add, key.gap
	amb, loans := 0, 0
	pick := func() bool {
		b := choice&(1<<amb) != 0
		amb++
		return b
	}
	pickLoan := func() bool {
		b := loan&(1<<loans) != 0
		loans++
		return b
	}
	if query && phonFinalHe(f, w) && !pick() {
		w = w[:len(w)-1]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byteAfter(w, i)
		two := func(s string) bool { return c == s[0] && next == s[1] }
		if query && phonAmbiguous(f, w, i) {
			keep := pick()
			switch {
			case f == phonGreek:
				if keep {
					add('j')
				}
				if w[i+1] == 'i' && isVowel(w[i+2]) {
					i++ // γι before a vowel is y
				}
				vowel()
			case f == phonKana:
				if keep {
					add(c) // a vowel of the name; dropped, an epenthetic one
				}
			case f == phonHangul:
				if c == 'e' {
					i++ // eu, read as u when it is a vowel of the name
					c = 'u'
				}
				if keep {
					add(c)
				}
			case !keep:
				vowel()
			case c == 'h':
				add('h')
			default:
				add('b')
			}
			continue
		}
		if query && abjadKaf(f, w, i) {
			ch, kh := pickLoan(), pickLoan()
			switch {
			case ch:
				i = appendLoan(&key, f, w, i)
				continue
			case kh:
				add('h') // the abjad key of kh
				continue
			}
		} else if query && phonLoanReading(f, w, i) && pickLoan() {
			i = appendLoan(&key, f, w, i)
			continue
		}
		switch {
		case f == phonKana && !query && c == 'h' && i == len(w)-1 && i > 0 && isVowelByte(w[i-1]):
			// A final h after a vowel, which kana leaves unwritten
			// ("nasrallah", ナスララ) or writes as a syllable of its own.
			continue
		case f == phonKana && isVowelByte(c):
			// Kana writes the vowels of a foreign name; long ones once.
			add(c)
			continue
		case f == phonHangul && isVowelByte(c):
			// So does Hangul, eo for o and ae for e among them.
			switch {
			case c == 'e' && next == 'o', c == 'o' && next == 'u' && !query:
				add(next)
				i++
			case c == 'a' && next == 'e':
				add('e')
				i++
			default:
				add(c)
			}
			continue
		case (f == phonKana || f == phonHangul) && c == 'y' && !query && i > 0 && isKanaConsonant(w[i-1]) && (next == 0 || isKanaConsonant(next)):
			add('i') // y between consonants, or ending a word, is i (Kadyrov is カディロフ)
			continue
		case isVowel(c) || c == 'y':
			vowel()
			continue
		case c == 'w' && f != phonKana && f != phonThai:
			vowel() // a glide: the abjads and Greek write it as a vowel
			continue
		case c == 's' && hasPrefix(w[i:], "shch"):
			add('s')
			i += 3
			continue
		case c == 's' && hasPrefix(w[i:], "sch"):
			add('s')
			i += 2
			continue
		case c == 'n' && next == 'g':
			add('n')
			if f == phonAbjad || f == phonGreek {
				add('k') // the abjads and Greek write the g
			}
			i++
			continue
		case c == 'x' && !query && i == 0 && (next == 'i' || next == 'u'):
			// A listed word's first x before i or u, pinyin's
			// (XI, XU, XIAO): an s or sh as other scripts write it
			// ("Σι", "שי" for Xi).
			add('s')
			continue
		case c == 'x':
			add('k')
			add('s')
			continue
		case (f == phonKana || f == phonHangul) && !query && two("th") && i+2 == len(w):
			add('s') // a final th, an s: Smith is スミス, 스미스
			i++
			continue
		case hDigraphKey(f, c, next) != 0:
			add(hDigraphKey(f, c, next))
			i++
			continue
		case two("ch"), two("ts"), two("tz"):
			switch {
			case f == phonGreek && query && c == 'c':
				add('h') // χ
			case f == phonGreek && query && next == 'z':
				add('j') // τζ
			case f == phonAbjad:
				add('t')
				add('s')
			case f == phonKana:
				add('t')
			default:
				add('c')
			}
			i++
			continue
		case f == phonGreek && query && (two("mp") || two("nt") || two("gk") || two("gg")):
			// μπ, ντ, γκ are b, d, g at the start of a word and mb, nd,
			// g or ng inside it; γγ is ng.
			switch {
			case c == 'm':
				if i > 0 {
					add('m')
				}
				add('b')
			case c == 'n':
				if i > 0 {
					add('n')
				}
				add('t')
			case next == 'g':
				add('n')
				add('k')
			default:
				add('k')
			}
			i++
			continue
		case c == 'c':
			if next == 'e' || next == 'i' {
				add('s')
			} else {
				add('k')
			}
			if next == 'k' {
				i++
			}
			continue
		case c == 'd' && (next == 'j' || next == 'z'):
			add(phonPalatal(f))
			i++
			if i+1 < len(w) && w[i+1] == 'h' {
				i++
			}
			continue
		}
		switch c {
		case 'b', 'p', 'f', 'v', 'w':
			if f == phonKana && (c == 'v' || c == 'w') && i == 0 && i+1 < len(w) && !isVowel(w[i+1]) {
				add('u') // "Vladimir" is ウラジーミル, "urajimiru"
				continue
			}
			add(phonLabial(f, c))
		case 'k', 'g', 'q':
			add(phonVelar(f, c))
		case 't':
			add('t')
		case 'd':
			switch f {
			case phonKana:
				add('j')
			case phonAbjad:
				add('d')
			default:
				add('t')
			}
		case 'j', 'z':
			switch {
			case f == phonGreek && c == 'z':
				add('z')
			case f == phonAbjad && c == 'z':
				add('d') // ض, ذ, ظ and ز are all z in Persian, ض is ḍ in Arabic
			default:
				add(phonPalatal(f))
			}
		case 's':
			add('s')
		case 'l', 'r':
			if f == phonAbjad || f == phonGreek {
				add(c)
			} else {
				add('r')
			}
		case 'h':
			if (f == phonKana || f == phonHangul || f == phonGreek) && !query && i > 0 && w[i-1] == 'o' && (next == 0 || !isVowel(next)) {
				// An h English does not sound after o (John, Johnson):
				// kana, Hangul and Greek write none (ジョン, 존, Τζόνσον).
				// Any other h Greek writes with χ.
			} else if f == phonKana && !query && next != 0 && !isVowel(next) && next != 'y' {
				add('b') // h before a consonant is "fu": Ahmad is アフマド
			} else {
				add('h')
			}
		case 'm':
			if f == phonKana && (next == 'b' || next == 'p') {
				add('n')
			} else {
				add('m')
			}
		case 'n':
			if f == phonKana && query && next == 'm' {
				add('m') // ン before m is m: ムハンマド, "muhanmado", is Muhammad
			} else {
				add('n')
			}
		default:
			add(c)
		}
	}
	if f == phonThai && len(key.b) > start && !isVowel(w[len(w)-1]) && w[len(w)-1] != 'y' {
		// Thai neutralises a final consonant.
		switch k := &key.b[len(key.b)-1]; *k {
		case 'c', 's', 'j':
			*k = 't'
		case 'f':
			*k = 'b'
		case 'r':
			*k = 'n'
		}
	}
	return key.b
}

// hDigraphKey is the key letter, in family f, of the spelling of one
// sound by c and an h (ph, sh, zh, kh, gh, th, dh); 0 for any other pair.
func hDigraphKey(f phonFamily, c, next byte) byte {
	if next != 'h' {
		return 0
	}
	switch c {
	case 'p':
		return phonLabial(f, 'f')
	case 's', 't':
		return c
	case 'z':
		if f == phonGreek {
			return 'z' // ζ
		}
		return phonPalatal(f)
	case 'k':
		if f == phonThai {
			return 'k'
		}
		return 'h'
	case 'g':
		return phonVelar(f, 'g')
	case 'd':
		if f == phonAbjad {
			return 'd'
		}
		return 't'
	}
	return 0
}

// phonLabial is the class of b, p, f, v and w in family f.
func phonLabial(f phonFamily, c byte) byte {
	switch f {
	case phonKana:
		if c == 'p' {
			return 'p'
		}
	case phonThai:
		if c == 'f' || c == 'v' || c == 'w' {
			return 'f'
		}
	case phonGreek:
		if c == 'f' || c == 'p' {
			return c
		}
	}
	return 'b'
}

// phonVelar is the class of k, g and q in family f: kana keeps the
// voicing, the others do not.
func phonVelar(f phonFamily, c byte) byte {
	if f == phonKana && c == 'g' {
		return 'g'
	}
	return 'k'
}

// phonPalatal is the class of j, z, zh and dj in family f.
func phonPalatal(f phonFamily) byte {
	if f == phonThai {
		return 'c'
	}
	return 'j'
}

// phonIndex is the key index of one family: the key of every text of the
// vocabulary, and the key ids of the texts of each key.
type phonIndex struct {
	byText []string
	// alt is a second key of a text: for the Han family where Chinese
	// writes the name without letters its key holds, or by how the name's
	// language sounds them (hanAltWord); for the families of the scripts
	// that write foreign names by their sounds, the word as Spanish sounds
	// it (spanishAltWord); "" for a text with none.
	alt    []string
	hasKey []bool // whether the text has a key (byText may be "": a name of vowels)
	toks   map[string][]int32
	// weight is the weight of each key as the dict weighs a word, over
	// the names holding a word of that key: a key many words share ("l",
	// the abjad key of Ali, Wali and Ale) says little.
	weight map[string]float32
	// korean marks, for phonKorean, the texts that are Korean syllables.
	korean []bool
}

// buildPhonIndex computes the keys of the vocabulary in family f.
func (ix *Index) buildPhonIndex(f phonFamily) *phonIndex {
	d := &ix.dict
	p := &phonIndex{byText: make([]string, len(d.texts)), hasKey: make([]bool, len(d.texts)),
		toks: make(map[string][]int32, len(d.texts)/2)}
	if f == phonKorean {
		p.korean = make([]bool, len(d.texts))
	}
	var buf []byte
	for id, t := range d.texts {
		buf = phonKeys(buf[:0], f, []byte(t), false)
		if len(buf) == 0 {
			continue
		}
		k := string(buf[:len(buf)-1])
		p.byText[id], p.hasKey[id] = k, true
		if f == phonKorean {
			p.korean[id] = koreanNameWord(t)
		}
		tok := d.textKey[id]
		addTok(p.toks, k, tok)
		var a string
		switch f {
		case phonHan:
			if w, ok := hanAltWord(t); ok {
				a = string(appendHanKey(nil, w, false))
			}
		case phonKana, phonHangul, phonAbjad, phonThai, phonGreek, phonMyanmar:
			if w, ok := spanishAltWord(t); ok {
				if kb := phonKeys(nil, f, w, false); len(kb) > 0 {
					a = string(kb[:len(kb)-1])
				}
			}
		}
		if a != k && a != "" {
			if p.alt == nil {
				p.alt = make([]string, len(d.texts))
			}
			p.alt[id] = a
			addTok(p.toks, a, tok)
		}
	}
	// The names holding a key are at most the sum of its words'; the
	// dict's unseen weight is idf(n, 1), which gives n.
	n := int(math.Round(math.Exp(float64(d.unseen)) - 1))
	p.weight = make(map[string]float32, len(p.toks))
	for k, ts := range p.toks {
		df := 0
		for _, t := range ts {
			df += int(postings(d, t))
		}
		p.weight[k] = idf(n, max(df, 1))
	}
	return p
}

// appendKoreanKey appends the key of a Korean name's word in Latin
// letters: ㅓ, ㅗ, ㅜ and ㅡ written alike, however McCune–Reischauer,
// Revised Romanization and common usage spell them (o, eo, u, eu, oo,
// ou); oi and oe alike; ee and ui as i; wh as hw; the consonant pairs one
// system writes voiced and the other unvoiced (g/k, d/t, b/p, j/ch) and
// r/l merged; doubled letters once. The other vowels are kept: every
// system writes them.
func appendKoreanKey(dst, w []byte) []byte {
	if c, ok := koreanSurnameForms[string(w)]; ok {
		// A surname whose spellings the rules below do not bring
		// together.
		w = c
	}
	key := keyBuf{b: dst}
	add := key.add
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byteAfter(w, i)
		switch {
		case c == 'e' && (next == 'o' || next == 'u'):
			add('o')
			i++
		case c == 'o' && next == 'i':
			add('o')
			add('e')
			i++
		case c == 'u' && next == 'i':
			add('i') // ㅢ, ui, as common usage writes it: "Hee" for 희
			i++
		case c == 'o' || c == 'u':
			// ㅓ, ㅗ, ㅜ and ㅡ: the romanisations write them eo, o, u
			// and eu, common usage u for ㅓ as often ("Sung", "Hyun",
			// "Suk" for 성, 현, 석) and oo or ou for ㅜ and ㅓ ("Soo",
			// "Young" for 수, 영).
			add('o')
		case c == 'e' && next == 'e':
			add('i') // "Hee", "Lee"
			i++
		case c == 'w' && next == 'h':
			add('h') // "Wha" for 화, hwa
			add('w')
			i++
		case c == 'c' && next == 'h', c == 'j':
			add('j')
			if c == 'c' {
				i++
			}
		case c == 's' && next == 'h':
			add('s')
			i++
		case c == 'g' || c == 'k' || c == 'q':
			add('k')
		case c == 'd' || c == 't':
			add('t')
		case c == 'b' || c == 'p':
			add('p')
		case c == 'l' || c == 'r':
			add('r')
		default:
			add(c)
		}
	}
	return key.b
}

// koreanSurnames are the commonest Korean surnames in the spellings of
// both romanisations and of common usage.
var koreanSurnames = map[string]struct{}{
	"kim": {}, "gim": {}, "lee": {}, "yi": {}, "ri": {}, "rhee": {}, "park": {}, "pak": {}, "bak": {},
	"choi": {}, "choe": {}, "jeong": {}, "chong": {}, "jong": {}, "jung": {}, "kang": {}, "gang": {},
	"cho": {}, "jo": {}, "yoon": {}, "yun": {}, "jang": {}, "chang": {}, "lim": {}, "rim": {}, "im": {},
	"han": {}, "oh": {}, "seo": {}, "so": {}, "shin": {}, "sin": {}, "kwon": {}, "gwon": {}, "hwang": {},
	"ahn": {}, "an": {}, "song": {}, "ryu": {}, "yu": {}, "hong": {}, "jeon": {}, "chon": {}, "jon": {},
	"ko": {}, "go": {}, "moon": {}, "mun": {}, "yang": {}, "ryang": {}, "son": {}, "bae": {}, "pae": {},
	"baek": {}, "paek": {}, "heo": {}, "ho": {}, "nam": {}, "sim": {}, "noh": {}, "ro": {}, "no": {},
	"ha": {}, "kwak": {}, "sung": {}, "cha": {}, "ju": {}, "chu": {}, "woo": {}, "u": {},
	"ku": {}, "koo": {}, "min": {}, "ryo": {}, "yo": {}, "hyon": {}, "hyun": {}, "hyeon": {}, "tak": {},
	"o": {}, "pyon": {}, "byun": {}, "byeon": {}, "chae": {}, "chi": {}, "ji": {}, "om": {}, "eom": {},
	// Common usage's spellings: 정 Chung, 노 Roh, 유 Yoo, 심 Shim, 서 Suh.
	"chung": {}, "roh": {}, "yoo": {}, "shim": {}, "suh": {},
}

// koreanSurnameForms map, as the bytes appendKoreanKey reads (no copy
// made per key), the spellings of a Korean surname that common
// usage, Revised Romanization and McCune–Reischauer write too far apart
// for appendKoreanKey's rules to one of them: 이 is Lee and Yi in the
// South, Ri in the North (as the lists write North Korean names), 박 Park
// and Pak, 정 Jeong, Jung, Chung and Chong, 윤 Yoon and Yun.
var koreanSurnameForms = map[string][]byte{
	"lee": []byte("ri"), "yi": []byte("ri"), "rhee": []byte("ri"), "rhie": []byte("ri"), "ree": []byte("ri"),
	"park":  []byte("pak"),
	"jeong": []byte("chong"), "jung": []byte("chong"), "chung": []byte("chong"),
	"yoon": []byte("yun"), "moon": []byte("mun"), "woo": []byte("u"), "koo": []byte("ku"), "noh": []byte("ro"),
	"roh": []byte("ro"), "yoo": []byte("ryu"), "suh": []byte("so"),
}

// koreanLooking reports whether a Latin name reads as a Korean person's
// name: a Korean surname of one syllable first or last, and a given name
// of two syllables (as most are), as one word, hyphenated or spaced,
// every word Korean syllables. Shorter names meet too many others. A
// name of one word may be the surname and the given name run together
// ("Kimjongun"); glued is then the length of the surname, else 0.
func koreanLooking(nb *normBuf) (ok bool, glued int) {
	n := len(nb.words)
	if n == 1 {
		w := nb.word(0)
		for k := min(len(w)-2, 5); k >= 1; k-- {
			if _, ok := koreanSurnames[string(w[:k])]; ok && koreanWord(w[k:]) && vowelGroups(w[k:]) == 2 && koreanWord(w[:k]) {
				return true, k
			}
		}
		return false, 0
	}
	if n > 3 {
		return false, 0
	}
	at := -1
	for _, i := range []int{0, n - 1} {
		if _, ok := koreanSurnames[string(nb.word(i))]; ok {
			at = i
			break
		}
	}
	if at < 0 {
		return false, 0
	}
	given := 0
	for i := range nb.words {
		w := nb.word(i)
		if !koreanNameWord(w) {
			return false, 0
		}
		if i != at {
			given += vowelGroups(w)
		}
	}
	return given == 2, 0
}

// koreanNameWord reports whether w is Korean syllables in Latin letters
// or a surname in a spelling of common usage that is none ("Park",
// "Lee").
func koreanNameWord[T string | []byte](w T) bool {
	if _, ok := koreanSurnameForms[string(w)]; ok {
		return true
	}
	return koreanWord(w)
}

// mayBeKorean is koreanLooking's cheap first test, on the query as
// scored: a word of it is a Korean surname, or it is one word that
// begins with one.
func mayBeKorean(nb *normBuf) bool {
	for i := range nb.words {
		w := nb.word(i)
		n := len(w)
		if len(nb.words) > 1 {
			n = 1 // the whole word only
		}
		for k := len(w); k >= 1 && k >= len(w)-n+1; k-- {
			if _, ok := filteredGet(koreanSurnameFilter, koreanSurnames, w[:k]); ok {
				return true
			}
		}
	}
	return false
}

// koreanSurnameFilter is the wordFilter of koreanSurnames.
var koreanSurnameFilter = filterOf(koreanSurnames)

// vowelGroups counts the runs of vowels of w, a Korean word's syllables
// (w and y before a vowel belong to it).
func vowelGroups(w []byte) int {
	n := 0
	for i, c := range w {
		if isVowel(c) && (i == 0 || !isVowel(w[i-1])) {
			n++
		}
	}
	return n
}

// spanishAltWord returns a listed word as Spanish sounds it, which the
// scripts write a Spanish name by (spanishSound), and its ll between
// vowels as y (spanishLL: Καμπέγιο "kampegio", 카베요, Cabello; not in
// Han, which writes it l: 卡韦略): ホアキン "hoakin", 호아킨, חואקין for
// Joaquin, グスマン "gusuman", Γκουσμάν for Guzman; false when it has no
// initial j, no z and no Spanish ll.
func spanishAltWord(t string) ([]byte, bool) {
	if !strings.ContainsRune(t, 'z') && (len(t) < 2 || t[0] != 'j' || !isVowelByte(t[1])) && !hasSpanishLL(t) {
		return nil, false
	}
	w := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		if spanishLL(t, i) {
			w, i = append(w, 'y'), i+1
		} else if sw, n := spanishSound(w, t, i); n > 0 {
			w, i = sw, i+n-1
		} else {
			w = append(w, t[i])
		}
	}
	return w, true
}

// spanishLL reports whether t[i:] begins with an ll between vowels of a
// word that does not end in h, which Spanish sounds y (Cabello, Castillo,
// Villa); the ll of an Arabic name ending so (Abdullah, Nasrallah, Mullah)
// is an l.
func spanishLL(t string, i int) bool {
	return i > 0 && i+2 < len(t) && t[i] == 'l' && t[i+1] == 'l' && isVowelByte(t[i-1]) && isVowelByte(t[i+2]) && t[len(t)-1] != 'h'
}

// hasSpanishLL reports whether t has a Spanish ll (spanishLL).
func hasSpanishLL(t string) bool {
	for i := 0; i+1 < len(t); i++ {
		if spanishLL(t, i) {
			return true
		}
	}
	return false
}

// spanishSound appends to w the letters t[i:] begins with as Spanish
// sounds them where the spelling says otherwise, and returns how many
// letters of t it read (0 for none such): a j that begins the word before a
// vowel as h, z as s, qu before e or i as k and gu as g (the u
// unsounded: ロドリゲス "rodorigesu", Rodriguez), g before e or i as h
// (豪尔赫 "hao er he", ホルヘ, Jorge).
func spanishSound(w []byte, t string, i int) ([]byte, int) {
	switch c := t[i]; {
	case c == 'j' && i == 0 && len(t) > 1 && isVowelByte(t[1]):
		return append(w, 'h'), 1
	case c == 'z':
		return append(w, 's'), 1
	case c == 'q' && i+2 < len(t) && t[i+1] == 'u' && (t[i+2] == 'e' || t[i+2] == 'i'):
		return append(w, 'k'), 2
	case c == 'g' && i+1 < len(t) && (t[i+1] == 'e' || t[i+1] == 'i'):
		return append(w, 'h'), 1
	case c == 'g' && i+2 < len(t) && t[i+1] == 'u' && (t[i+2] == 'e' || t[i+2] == 'i'):
		return append(w, 'g'), 2
	}
	return w, 0
}
