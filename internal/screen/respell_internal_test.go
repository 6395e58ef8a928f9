package screen

import "testing"

// TestMayApply: an orthography mayApply turns away leaves the word as it
// is (apply changes nothing), for every orthography but those asked only
// of words with their distinctive spellings (orthographyNeeds), and every
// word of up to three letters of the rewrites' letters and every
// rewrite's spelling within a word; those others take every word with
// such a spelling; and each turns away a word with none of its letters.
func TestMayApply(t *testing.T) {
	t.Parallel()
	var all []orthography
	all = append(all, orthographies...)
	all = append(all, arabicConsonantOrthographies...)
	for _, os := range scriptOrthographies {
		all = append(all, os...)
	}
	letters := map[byte]bool{'a': true, 'e': true}
	for _, o := range all {
		for _, r := range o.rewrites {
			for i := range len(r.from) {
				letters[r.from[i]] = true
			}
		}
	}
	words := []string{}
	var grow func(w string)
	grow = func(w string) {
		if w != "" {
			words = append(words, w)
		}
		if len(w) == 3 {
			return
		}
		for c := range letters {
			grow(w + string(c))
		}
	}
	grow("")
	for _, o := range all {
		for _, r := range o.rewrites {
			words = append(words, r.from, "a"+r.from+"a", "e"+r.from, r.from+"e")
		}
	}
	for _, o := range all {
		if needs := orthographyNeeds(o.name); needs != nil {
			for _, n := range needs {
				if b := []byte("a" + n + "a"); !o.mayApply(b, letterSet(b), pairsOf(b)) {
					t.Errorf("%s: mayApply turns away %q", o.name, b)
				}
			}
		} else {
			testMayApplyWords(t, o, words)
		}
		if b := []byte("mmm"); o.mayApply(b, letterSet(b), pairsOf(b)) {
			t.Errorf("%s: mayApply lets %q through", o.name, "mmm")
		}
	}
	// respell asks arabicConsonantOrthographies only of a word
	// arabicConsonantSpelling lets through: none changes another.
	var buf [2 * maxRespell]byte
	for _, o := range arabicConsonantOrthographies {
		for _, w := range words {
			b := []byte(w)
			if out, changed := o.apply(buf[:0], b); changed && !arabicConsonantSpelling(letterSet(b), pairsOf(b)) {
				t.Errorf("%s: arabicConsonantSpelling turns away %q, which apply makes %q", o.name, w, out)
			}
		}
	}
}

// testMayApplyWords checks that apply changes none of words that
// o.mayApply turns away.
func testMayApplyWords(t *testing.T, o orthography, words []string) {
	t.Helper()
	var buf [2 * maxRespell]byte
	for _, w := range words {
		b := []byte(w)
		if o.mayApply(b, letterSet(b), pairsOf(b)) {
			continue
		}
		if out, changed := o.apply(buf[:0], b); changed {
			t.Errorf("%s: mayApply turns away %q, which apply makes %q", o.name, w, out)
		}
	}
}

// TestRewriteToItself: a rewrite to itself (egyptianArabic's gh, which
// keeps the g of ghayn from its g rule) holds its letters and changes
// nothing, so that the word is not looked up again as a reading.
func TestRewriteToItself(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		w, want string
		changed bool
	}{
		{"ghazi", "ghazi", false},
		{"ragab", "rajab", true},
		{"naguib", "najib", true},
		{"maghreb", "maghreb", false},
		{"konig", "konig", false},
	} {
		var buf [2 * maxRespell]byte
		out, changed := egyptianArabic.apply(buf[:0], []byte(tt.w))
		if string(out) != tt.want || changed != tt.changed {
			t.Errorf("apply(%q) = %q, %v; want %q, %v", tt.w, out, changed, tt.want, tt.changed)
		}
	}
}
