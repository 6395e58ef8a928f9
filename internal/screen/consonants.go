package screen

// The consonants of a name as a Latin spelling writes them. Romanisations
// of Arabic and Persian names write the short vowels, which the script
// leaves out, each its own way, and the long ones as a vowel, w or y
// ("Muzhir", "Mezher"; "Kawtharani", "Kutherani"; "Seifi", "Seyfi"): two
// spellings of one name mostly keep its consonants as written, in order,
// where a one-letter likeness (a typo) or a vowel class (vowelClassVariant)
// cannot tell more than one vowel apart. A query word no listed name holds
// is paired with the rare listed words of its consonants, in as many
// syllables (consonantForm), and of its first letter, as a vowel variant:
// a possible match at most.

// minConsonants is the fewest consonants a word is looked up by.
const minConsonants = 3

// appendConsonants appends to dst the consonants of w, a folded word of
// letters a–z, as written: a, e, i, o, u, w and y left out, a consonant
// written twice side by side written once, and an h that ends the word
// after a vowel (a ta marbuta written "ah", "eh") left out. A word with
// other bytes has none. It returns too the number of runs of consonants
// and of vowels the word alternates in (its final h after a vowel left
// out as above), a vowel ending it not counted.
func appendConsonants(dst, w []byte) ([]byte, int) {
	start := len(dst)
	if n := len(w); n > 1 && w[n-1] == 'h' && isVowelLetter(w[n-2]) {
		w = w[:n-1]
	}
	runs := 0
	for i, c := range w {
		vowel := isVowelLetter(c)
		if i == 0 || vowel != isVowelLetter(w[i-1]) {
			runs++
		}
		switch {
		case c < 'a' || c > 'z':
			return dst[:start], 0
		case vowel, i > 0 && w[i-1] == c:
		default:
			dst = append(dst, c)
		}
	}
	if len(w) > 0 && isVowelLetter(w[len(w)-1]) {
		runs--
	}
	return dst, runs
}

// consonantForm appends to dst the consonants of w and then, as one byte,
// the number of runs of consonants and of vowels w alternates in, a vowel
// ending it not counted (appendConsonants): the consonants of a name in
// its syllables, whichever vowels fill them
// ("mezher" and "muzhir" both m-z-h-r in five runs; "jamaluddin" and the
// French "jamaleddine" in nine). Two names of the same consonants in
// other syllables are other names ("mohyuddin", MAHDIAN). A word of fewer
// than minConsonants consonants has none.
func consonantForm(dst, w []byte) []byte {
	start := len(dst)
	dst, runs := appendConsonants(dst, w)
	if len(dst)-start < minConsonants {
		return dst[:start]
	}
	return append(dst, byte(runs))
}

// isVowelLetter reports whether c is a vowel letter of appendConsonants:
// isVowel's, and w (romanisations write long vowels with w and y).
func isVowelLetter(c byte) bool { return isVowel(c) || c == 'w' }

// consonantIndex maps the consonant forms of listed words (consonantForm)
// to their keys, with the filter of its keys.
type consonantIndex struct {
	keys   map[string][]int32
	filter *wordFilter
}

// buildConsonants builds consonantIndex over the vocabulary.
func (ix *Index) buildConsonants() *consonantIndex {
	m := ix.keysByForm(consonantForm, minConsonants+1)
	return &consonantIndex{keys: m, filter: filterOf(m)}
}

// appendConsonantKeys appends to dst the keys of the listed words with
// the consonants of w.
func (ix *Index) appendConsonantKeys(dst []int32, w []byte) []int32 {
	var buf [64]byte
	s := consonantForm(buf[:0], w)
	if len(s) == 0 {
		return dst
	}
	c := ix.consonants()
	ks, _ := filteredGet(c.filter, c.keys, s)
	return append(dst, ks...)
}

// sameInitial reports whether words beginning with a and b begin alike for
// a consonant variant: the same letter, or a vowel each, a to u
// ("Esdaleh", ASADOLLAH).
func sameInitial(a, b byte) bool {
	return a == b || isVowelByte(a) && isVowelByte(b)
}
