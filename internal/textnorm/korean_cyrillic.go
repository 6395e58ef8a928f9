package textnorm

import (
	"strings"
	"unicode"
)

// KontsevichKorean is the reading of a Korean name written in Cyrillic, as
// Russian writes Korean names (the Kontsevich system, with the older
// spellings of North Korean names: "Ким Чен Ын" for Kim Jong Un, "Чхве
// Рён Хэ" for Choe Ryong Hae), syllable by syllable in McCuneReischauer.
const KontsevichKorean Scheme = "Kontsevich (Korean names in Cyrillic), read in McCune–Reischauer"

// maxKoreanCyrillicReadings is the most readings KoreanCyrillicNames
// returns: a final н is ㄴ or ㅇ (n or ng), which Cyrillic does not tell.
const maxKoreanCyrillicReadings = 8

// cyrKoreanInitials are the initial consonants of a Korean syllable as
// Cyrillic writes them, longest first, with their McCune–Reischauer
// values; voicing as Russian writes it ("Су Гиль", Su Gil).
var cyrKoreanInitials = []struct{ c, mr string }{
	{"кх", "k"}, {"тх", "t"}, {"пх", "p"}, {"чх", "ch"}, {"чж", "j"}, {"дж", "j"},
	{"кк", "kk"}, {"тт", "tt"}, {"пп", "pp"}, {"сс", "ss"}, {"чч", "jj"},
	{"ч", "ch"}, {"ц", "ch"}, {"к", "k"}, {"г", "g"}, {"н", "n"}, {"т", "t"}, {"д", "d"},
	{"р", "r"}, {"л", "r"}, {"м", "m"}, {"п", "p"}, {"б", "b"}, {"с", "s"}, {"х", "h"},
}

// cyrKoreanVowels are the vowels, longest first; "е" before a final н is
// the ŏ of the older spellings ("Чен", chŏng; "Сен", sŏng).
var cyrKoreanVowels = []struct{ c, mr string }{
	{"ый", "ui"}, {"вэ", "wae"}, {"ве", "oe"}, {"ви", "wi"}, {"ва", "wa"}, {"во", "wo"},
	{"йе", "ye"}, {"а", "a"}, {"о", "o"}, {"у", "u"}, {"ы", "u"}, {"и", "i"}, {"э", "ae"},
	{"е", "e"}, {"ё", "yo"}, {"ю", "yu"}, {"я", "ya"},
}

// cyrKoreanFinals are the final consonants; a final н has two readings.
var cyrKoreanFinals = []struct{ c, mr string }{
	{"ль", "l"}, {"н", "n"}, {"р", "l"}, {"л", "l"}, {"к", "k"}, {"п", "p"}, {"т", "t"}, {"м", "m"},
}

// KoreanCyrillicNames returns the readings of s as a Korean name written
// in Cyrillic (KontsevichKorean): every word of s one Korean syllable
// ("Ким Чен Ын"; a hyphen, as in "Чен-Ын", separates syllables too), two
// words or more. A final н gives two readings, n and ng ("Чен": chon,
// chong), up to maxKoreanCyrillicReadings. ok is false when a word is not
// one syllable so written: Russian names ("Иван Петров") and Chinese
// names in Cyrillic ("Си Цзиньпин") are not read so.
func KoreanCyrillicNames(s string) ([]string, bool) {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == ',' || r == '.' || r == '\u00B7'
	})
	if len(words) < 2 {
		return nil, false
	}
	readings := []string{""}
	for _, w := range words {
		alts, ok := cyrKoreanSyllable(w)
		if !ok {
			return nil, false
		}
		var next []string
		for _, r := range readings {
			for _, a := range alts {
				if len(next) == maxKoreanCyrillicReadings {
					break
				}
				if r == "" {
					next = append(next, a)
				} else {
					next = append(next, r+" "+a)
				}
			}
		}
		readings = next
	}
	return readings, true
}

// cyrKoreanSyllable reads w as one Korean syllable in Cyrillic: an initial
// or none, a vowel, a final or none. It returns its readings, the first
// the likelier.
func cyrKoreanSyllable(w string) ([]string, bool) {
	initial, rest := "", w
	for _, c := range cyrKoreanInitials {
		if strings.HasPrefix(rest, c.c) {
			initial, rest = c.mr, rest[len(c.c):]
			break
		}
	}
	vowel, found := "", false
	for _, v := range cyrKoreanVowels {
		if strings.HasPrefix(rest, v.c) {
			vowel, rest, found = v.mr, rest[len(v.c):], true
			break
		}
	}
	if !found {
		return nil, false
	}
	if rest == "" {
		return []string{initial + vowel}, true
	}
	for _, f := range cyrKoreanFinals {
		if rest != f.c {
			continue
		}
		if f.c != "н" {
			return []string{initial + vowel + f.mr}, true
		}
		switch vowel {
		case "e":
			// "Чен", "Сен": ŏng in the older spellings of North
			// Korean names.
			return []string{initial + "ong", initial + "on"}, true
		case "u", "i", "ui", "wo":
			// 은, 인, 원: a final ㅇ after these is rare in names.
			return []string{initial + vowel + "n"}, true
		}
		return []string{initial + vowel + "ng", initial + vowel + "n"}, true
	}
	return nil, false
}
