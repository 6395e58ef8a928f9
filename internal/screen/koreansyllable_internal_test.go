package screen

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

// koreanSyllableRE is the regular expression of a Korean syllable in
// Latin letters that koreanSyllableSet enumerates, written out: the
// oracle of TestKoreanSyllables.
const koreanSyllableRE = `(kk|tt|pp|ss|jj|ch|sh|wh|[kgndtrlmbpsjh])?(yae|yeo|wae|weo|ae|ya|eo|ye|yo|wa|oe|wi|yu|eu|ui|wo|we|oi|yoo|you|woo|oo|ou|ee|a|e|i|o|u)(ng|[kgntdlrmpb])?`

// TestKoreanSyllables: isKoreanSyllable and koreanWord answer as the
// regular expressions of one syllable and of syllables run together do,
// on named words and on random words of the letters syllables are made
// of.
func TestKoreanSyllables(t *testing.T) {
	t.Parallel()
	one := regexp.MustCompile(`^` + koreanSyllableRE + `$`)
	many := regexp.MustCompile(`^(` + koreanSyllableRE + `)+$`)
	check := func(w string) {
		t.Helper()
		if got, want := isKoreanSyllable(w), one.MatchString(w); got != want {
			t.Errorf("isKoreanSyllable(%q) = %v, want %v", w, got, want)
		}
		if got, want := koreanWord([]byte(w)), many.MatchString(w); got != want {
			t.Errorf("koreanWord(%q) = %v, want %v", w, got, want)
		}
	}
	for _, tt := range []struct {
		word         string
		one, several bool
	}{
		{"kim", true, true}, {"yong", true, true}, {"ri", true, true}, {"kkwaeng", true, true},
		{"sch", false, false}, {"pri", false, false}, {"gos", false, false}, {"", false, false},
		{"kimjongun", false, true}, {"pyongyang", false, true}, {"putin", false, true}, {"smith", false, false},
		// Common usage's spellings ("Soo", "Hee", "Young", "Wha").
		{"soo", true, true}, {"hee", true, true}, {"young", true, true}, {"wha", true, true}, {"youngsoo", false, true},
	} {
		if got := isKoreanSyllable(tt.word); got != tt.one {
			t.Errorf("isKoreanSyllable(%q) = %v, want %v", tt.word, got, tt.one)
		}
		if got := koreanWord(tt.word); got != tt.several {
			t.Errorf("koreanWord(%q) = %v, want %v", tt.word, got, tt.several)
		}
		check(tt.word)
	}
	set, _ := koreanSyllables()
	for s := range set {
		check(s)
	}
	letters := "kgndtrlmbpsjhcyaeowiuxfvz"
	r := rand.New(rand.NewPCG(20, 20))
	w := make([]byte, 0, 80)
	for range 20_000 {
		w = w[:0]
		for range 1 + r.IntN(9) {
			w = append(w, letters[r.IntN(len(letters))])
		}
		check(string(w))
	}
	// Syllables run together, one letter changed in half of them.
	syls := make([]string, 0, len(set))
	for s := range set {
		syls = append(syls, s)
	}
	slices.Sort(syls)
	for range 5_000 {
		w = w[:0]
		for range 1 + r.IntN(4) {
			w = append(w, syls[r.IntN(len(syls))]...)
		}
		if r.IntN(2) == 0 {
			w[r.IntN(len(w))] = letters[r.IntN(len(letters))]
		}
		check(string(w))
	}
	// A word longer than koreanWord's buffer.
	long := ""
	for range 30 {
		long += "kim"
	}
	check(long)
	check(long + "x")
}
