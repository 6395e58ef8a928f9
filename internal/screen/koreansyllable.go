package screen

import "sync"

// A Korean syllable in Latin letters, McCune–Reischauer (without
// diacritics), Revised Romanization or common usage (the spellings of
// passports and the press: "Soo", "Hee", "Young", "Woo", "Yoo", "Wha"):
// an optional initial consonant, a vowel, an optional final consonant. There are a few thousand, so a word
// is read against the set of all of them (koreanSyllables) rather than
// a regular expression.
var (
	koreanInitials = []string{"", "kk", "tt", "pp", "ss", "jj", "ch", "sh", "wh", "k", "g", "n", "d", "t", "r", "l", "m", "b", "p", "s", "j", "h"}
	koreanVowels   = []string{"yae", "yeo", "wae", "weo", "ae", "ya", "eo", "ye", "yo", "wa", "oe", "wi", "yu", "eu", "ui", "wo", "we", "oi", "yoo", "you", "woo", "oo", "ou", "ee", "a", "e", "i", "o", "u"}
	koreanFinals   = []string{"", "ng", "k", "g", "n", "t", "d", "l", "r", "m", "p", "b"}
)

// koreanSyllables returns the set of every Korean syllable in Latin
// letters and the length of the longest, built on first use: a process
// that reads no Korean name does not build its 5,000 entries (it did so
// in every process's start-up, before main).
var koreanSyllables = sync.OnceValues(func() (map[string]struct{}, int) {
	set, longest := map[string]struct{}{}, 0
	for _, i := range koreanInitials {
		for _, v := range koreanVowels {
			for _, f := range koreanFinals {
				s := i + v + f
				set[s] = struct{}{}
				longest = max(longest, len(s))
			}
		}
	}
	return set, longest
})

// isKoreanSyllable reports whether w is one Korean syllable in Latin
// letters ("kim", "yong", "ri"; not "sch", "pri", "gos").
func isKoreanSyllable[T string | []byte](w T) bool {
	set, longest := koreanSyllables()
	if len(w) == 0 || len(w) > longest {
		return false
	}
	_, ok := set[string(w)]
	return ok
}

// koreanWord reports whether w is one or more Korean syllables in Latin
// letters run together ("kimjongun", "pyongyang").
func koreanWord[T string | []byte](w T) bool {
	n := len(w)
	if n == 0 {
		return false
	}
	// at[i]: w[:i] is syllables.
	var buf [64]bool
	var at []bool
	if n+1 > len(buf) {
		at = make([]bool, n+1)
	} else {
		at = buf[:n+1]
	}
	at[0] = true
	_, longest := koreanSyllables()
	for i := range n {
		if !at[i] {
			continue
		}
		for l := 1; l <= longest && i+l <= n; l++ {
			if !at[i+l] && isKoreanSyllable(w[i:i+l]) {
				at[i+l] = true
			}
		}
	}
	return at[n]
}
