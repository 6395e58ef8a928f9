package screen

// Names a list writes only in kana. The index reads such a name as
// Hepburn writes it, a vowel after each consonant but n and r for l
// ("ドナルド・トランプ" as "donarudo toranpu"), which a Latin query writes
// otherwise ("Donald Trump"). A Latin query's word is paired with such a
// word of the same consonants as kana writes them (kanaConsonants), that
// has a vowel wherever the query's word has one: a possible match at
// most, as a vowel variant is.

// minKanaConsonants is the fewest consonants a word is paired by with a
// word read from kana.
const minKanaConsonants = 2

// buildKanaWords maps the consonants of the words of rwKana to their
// keys; nil when the index holds none.
func (ix *Index) buildKanaWords() map[string][]int32 {
	return ix.wordsByConsonants(rwKana, func(dst, w []byte) []byte { return kanaConsonants(dst, w, false) }, minKanaConsonants)
}

// appendKanaKeys appends to dst the keys of the words read from kana
// (rwKana) of the consonants of w, a Latin query's word, as kana writes
// them.
func (ix *Index) appendKanaKeys(dst []int32, w []byte) []int32 {
	m := ix.kanaWords()
	if m == nil {
		return dst
	}
	var cb [maxReadLetters]byte
	if c := kanaConsonants(cb[:0], w, true); len(c) >= minKanaConsonants {
		dst = append(dst, m[string(c)]...)
	}
	return dst
}

// kanaConsonants appends to dst the consonants of w, a folded word of
// letters a–z, as kanaConsonantAt reads them, a consonant written twice
// side by side once.
func kanaConsonants(dst, w []byte, latin bool) []byte {
	for i := range w {
		c, ok := kanaConsonantAt(w, i, latin)
		if !ok || len(dst) > 0 && dst[len(dst)-1] == c {
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// kanaConsonantAt returns the consonant w[i] is, ok false for a vowel
// letter or another byte; of a Latin word (latin) as kana writes it: l as
// r, v as b, c and q as k (but the c of ch), m before p or b as n (ン).
func kanaConsonantAt(w []byte, i int, latin bool) (byte, bool) {
	c := w[i]
	if isVowelLetter(c) || c < 'a' || c > 'z' {
		return 0, false
	}
	if !latin {
		return c, true
	}
	next := byte(0)
	if i+1 < len(w) {
		next = w[i+1]
	}
	switch {
	case c == 'l':
		c = 'r'
	case c == 'v':
		c = 'b'
	case c == 'c' && next != 'h', c == 'q':
		c = 'k'
	case c == 'm' && (next == 'p' || next == 'b'):
		c = 'n'
	}
	return c, true
}

// kanaReads reports whether listed, a word read from kana, is w, a Latin
// word, as kana writes it: the same consonants (kanaConsonants), and a
// vowel in listed wherever w has one between them.
func kanaReads(listed, w []byte) bool {
	if len(w) > maxReadLetters {
		return false
	}
	var lb, wb [2 * maxReadLetters]byte
	if string(kanaConsonants(lb[:0], listed, false)) != string(kanaConsonants(wb[:0], w, true)) {
		return false
	}
	lg, wg := kanaGaps(listed, false), kanaGaps(w, true)
	if len(lg) != len(wg) {
		return false
	}
	for k := range wg {
		if wg[k] && !lg[k] {
			return false
		}
	}
	return true
}

// kanaGaps returns, for w's consonants as kanaConsonants counts them,
// whether a vowel comes before each and after the last.
func kanaGaps(w []byte, latin bool) []bool {
	var gaps []bool
	vowel := false
	var prev byte
	for i := range w {
		c, ok := kanaConsonantAt(w, i, latin)
		switch {
		case !ok:
			vowel = vowel || isVowelLetter(w[i])
		case c == prev && !vowel:
			// the consonant written again
		default:
			gaps = append(gaps, vowel)
			vowel, prev = false, c
		}
	}
	return append(gaps, vowel)
}
