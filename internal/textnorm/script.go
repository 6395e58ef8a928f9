package textnorm

import (
	"unicode"
	"unicode/utf8"

	anyascii "github.com/anyascii/go"
)

// script is the writing system of a letter, as far as folding cares.
type script uint8

const (
	scriptNone script = iota // digits, marks and other characters of no script here
	scriptLatin
	scriptCyrillic
	scriptGreek
	scriptHan
	scriptKana
	scriptHangul
	scriptArabic
	scriptHebrew
	scriptGeorgian
	scriptArmenian
	scriptThai
	scriptDevanagari
	scriptBengali
	scriptIndic // the other blocks laid out as Devanagari's (indicOffset)
	scriptMyanmar
	scriptOther
)

// computeScript returns the script of r.
func computeScript(r rune) script {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return scriptLatin
		}
		return scriptNone
	case unicode.IsMark(r) || unicode.IsDigit(r):
		return scriptNone
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Greek, r):
		return scriptGreek
	case unicode.Is(unicode.Han, r):
		return scriptHan
	case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r), r == 0x30FC:
		return scriptKana
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic
	case unicode.Is(unicode.Hebrew, r):
		return scriptHebrew
	case unicode.Is(unicode.Georgian, r):
		return scriptGeorgian
	case unicode.Is(unicode.Armenian, r):
		return scriptArmenian
	case unicode.Is(unicode.Thai, r):
		return scriptThai
	case unicode.Is(unicode.Devanagari, r):
		return scriptDevanagari
	case unicode.Is(unicode.Bengali, r):
		return scriptBengali
	case r >= 0x0A00 && r <= 0x0D7F && unicode.IsLetter(r):
		return scriptIndic
	case unicode.Is(unicode.Myanmar, r):
		return scriptMyanmar
	case unicode.IsLetter(r):
		return scriptOther
	}
	return scriptNone
}

// schemeOf returns the scheme a script is transliterated with.
func schemeOf(s script, cyr cyrillicScheme) Scheme {
	switch s {
	case scriptCyrillic:
		switch cyr {
		case cyrICAO:
			return CyrillicICAO
		case cyrEnglish:
			return CyrillicEnglish
		}
		return CyrillicBGN
	case scriptGreek:
		return GreekELOT
	case scriptHan:
		return Pinyin
	case scriptKana:
		return Hepburn
	case scriptHangul:
		return RevisedRomanization
	case scriptArabic:
		return ArabicScript
	case scriptHebrew:
		return Hebrew
	case scriptGeorgian:
		return Georgian
	case scriptArmenian:
		return Armenian
	case scriptThai:
		return Thai
	case scriptDevanagari:
		return Devanagari
	case scriptBengali:
		return Bengali
	case scriptIndic:
		return Indic
	case scriptMyanmar:
		return Myanmar
	}
	return OtherScript
}

// appendAnyASCII appends AnyAscii's romanisation of r, lower case, letters
// and digits only (its apostrophes for glottal stops and ejectives, its
// spaces and punctuation dropped). AnyAscii writes nothing for letters that
// are silent (vowel carriers, fillers, the kana long vowel mark) and for
// letters newer than its tables; those, rare Han characters and letters
// beyond the Basic Multilingual Plane, are kept, lower-cased, so that a
// name of them is not lost.
func appendAnyASCII(dst []byte, r rune) []byte {
	s := anyascii.TransliterateRune(r)
	if s == "" && (r > 0xFFFF || scriptOf(r) == scriptHan) && unicode.IsLetter(r) {
		return utf8.AppendRune(dst, unicode.ToLower(r))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			dst = append(dst, c)
		case c >= 'A' && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		}
	}
	return dst
}

// appendScript appends the romanisation of run, runes of script s (and the
// marks and digits among them), lower case: Cyrillic by scheme cyr, the
// Arabic script as Persian reads it when persian is set (appendArabic).
func appendScript(dst []byte, s script, run []rune, cyr cyrillicScheme, persian bool) []byte {
	switch s {
	case scriptCyrillic:
		return appendCyrillic(dst, run, cyr)
	case scriptGreek:
		return appendGreek(dst, run)
	case scriptHan:
		return appendHan(dst, run)
	case scriptKana:
		return appendKana(dst, run)
	case scriptArabic:
		return appendArabic(dst, run, persian)
	case scriptHebrew:
		return appendHebrew(dst, run)
	case scriptArmenian:
		return appendArmenian(dst, run)
	case scriptThai:
		return appendThai(dst, run)
	case scriptDevanagari:
		return appendDevanagari(dst, run, 0)
	case scriptBengali:
		return appendDevanagari(dst, run, bengaliOffset)
	case scriptIndic:
		return appendDevanagari(dst, run, indicOffset(run))
	case scriptMyanmar:
		return appendMyanmar(dst, run)
	}
	for _, r := range run {
		dst = appendAnyASCII(dst, r)
	}
	return dst
}

// appendHan appends one pinyin syllable per character, separated by
// spaces: Chinese writes no spaces between words, and the syllables are
// what a reader of pinyin sees ("hua wei").
func appendHan(dst []byte, run []rune) []byte {
	for i := 0; i < len(run); i++ {
		if i > 0 {
			dst = append(dst, ' ')
		}
		if syl, n := hanWordReading(run[i:]); n > 0 {
			dst = append(dst, syl...)
			i += n - 1
			continue
		}
		if syl, ok := hanNameReading[run[i]]; ok {
			dst = append(dst, syl...)
			continue
		}
		dst = appendAnyASCII(dst, run[i])
	}
	return dst
}

// hanNameReading are the readings of characters of several readings that
// names of persons, places and companies take, where AnyAscii's table
// gives another: 长 (長) is chang in 长沙, 长春, 长安 and 长城, zhang only
// in titles (董事长); 都 is du in 成都 and 首都, dou only as an adverb; 勒
// is le in names (米勒, Miller; 勒成), lei only as a verb; 曾 is the
// surname Zeng, ceng only as an adverb; 翟 the surname Zhai and 缪 the
// surname Miao; 薄 is bo but in speech (薄熙来, Bo Xilai); 地 is di but
// as a particle (地产, real estate); 什 is shi in names (什叶, Shia;
// 喀什, Kashgar), shen only in 什么.
var hanNameReading = map[rune]string{
	'长': "chang", '長': "chang", '都': "du", '勒': "le", '曾': "zeng",
	'翟': "zhai", '缪': "miao", '繆': "miao", '薄': "bo", '地': "di", '什': "shi",
}

// hanWords are words of two characters of several readings that a name
// reads otherwise than each character's commonest (重 is zhong in 重工,
// heavy industry, chong in 重庆; 行 is xing in 旅行, hang in 银行, bank),
// in simplified and traditional characters.
var hanWords = map[[2]rune]string{
	{'重', '庆'}: "chong qing", {'重', '慶'}: "chong qing",
	{'厦', '门'}: "xia men", {'廈', '門'}: "xia men",
	{'银', '行'}: "yin hang", {'銀', '行'}: "yin hang",
	{'蚌', '埠'}: "beng bu", {'六', '安'}: "lu an",
	{'秘', '鲁'}: "bi lu", {'秘', '魯'}: "bi lu", // Peru
	{'西', '藏'}: "xi zang", // Tibet
}

// hanWordReading returns the reading of the word of hanWords run begins
// with, and its length in characters; 0 when it begins with none.
func hanWordReading(run []rune) (string, int) {
	if len(run) < 2 {
		return "", 0
	}
	if s, ok := hanWords[[2]rune{run[0], run[1]}]; ok {
		return s, 2
	}
	return "", 0
}
