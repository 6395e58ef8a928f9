package textnorm

import "strings"

// McCuneReischauer is the McCune–Reischauer romanisation of Korean without
// its diacritics and apostrophes (ŏ and ŭ as o and u), one syllable per
// word, with ㅈ as j, as North Korea writes names and as the sanctions
// lists carry them ("김정은" → "kim jong un" for KIM, Jong Un; "최룡해" →
// "choe ryong hae"). KoreanName reads a name so.
const McCuneReischauer Scheme = "McCune–Reischauer without diacritics, syllable by syllable (Hangul names)"

// Hangul syllables are composed of an initial consonant, a vowel and a
// final consonant (Unicode §3.12): syllable = 0xAC00 + (L*21 + V)*28 + T.
const (
	hangulFirst = 0xAC00
	hangulLast  = 0xD7A3
	hangulV     = 21
	hangulT     = 28
)

// mrInitial, mrVowel and mrFinal are the McCune–Reischauer values of the
// initials, vowels and finals, in Unicode order.
var (
	mrInitial = [19]string{"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"}
	mrVowel   = [hangulV]string{"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"}
	mrFinal   = [hangulT]string{"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"}
)

// northSurnames are the surnames South Korean spelling writes without their
// initial ㄹ (이, 임, 유, 양, 노) and North Korean spelling and the lists with
// it (Ri, Rim, Ryu, Ryang, Ro).
var northSurnames = map[rune]string{'이': "ri", '임': "rim", '유': "ryu", '양': "ryang", '노': "ro", '여': "ryo", '용': "ryong"}

// KoreanName returns a name written in Hangul read as a Korean name:
// every Hangul syllable a word in McCuneReischauer, the first syllable of
// a word in North Korean spelling when it is a surname written without
// its initial ㄹ; the rest as Latin writes it. ok is false when s holds no
// Hangul syllable.
func KoreanName(s string) (string, bool) {
	var b strings.Builder
	ok, start := false, true
	for _, r := range s {
		if r < hangulFirst || r > hangulLast {
			b.WriteRune(r)
			start = r == ' ' || r == ',' || r == '-' || r == '\u00B7' || r == '\u30FB'
			continue
		}
		ok = true
		b.WriteByte(' ')
		if n, found := northSurnames[r]; found && start {
			b.WriteString(n)
		} else {
			i := r - hangulFirst
			b.WriteString(mrInitial[i/(hangulV*hangulT)])
			b.WriteString(mrVowel[i%(hangulV*hangulT)/hangulT])
			b.WriteString(mrFinal[i%hangulT])
		}
		b.WriteByte(' ')
		start = false
	}
	if !ok {
		return "", false
	}
	out, _ := Latin(b.String())
	return strings.Join(strings.Fields(out), " "), true
}
