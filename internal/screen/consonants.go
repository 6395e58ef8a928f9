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
// other bytes has none.
func appendConsonants(dst, w []byte) []byte {
	start := len(dst)
	n := len(w)
	if n > 1 && w[n-1] == 'h' && isVowelLetter(w[n-2]) {
		n--
	}
	for i := range n {
		c := w[i]
		switch {
		case c < 'a' || c > 'z':
			return dst[:start]
		case isVowelLetter(c), i > 0 && w[i-1] == c:
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// consonantForm appends to dst the consonants of w (appendConsonants) and
// then, as one byte, the number of runs of consonants and of vowels w
// alternates in, a vowel ending it not counted: the consonants of a name
// in its syllables, whichever vowels fill them ("mezher" and "muzhir"
// both m-z-h-r in five runs; "jamaluddin" and the French "jamaleddine"
// in nine). Two names of the same consonants in other syllables are
// other names ("mohyuddin", MAHDIAN). A word of fewer than minConsonants
// consonants has none.
func consonantForm(dst, w []byte) []byte {
	start := len(dst)
	dst = appendConsonants(dst, w)
	if len(dst)-start < minConsonants {
		return dst[:start]
	}
	n := len(w)
	if n > 1 && w[n-1] == 'h' && isVowelLetter(w[n-2]) {
		n--
	}
	runs := 0
	for i := range n {
		if i == 0 || isVowelLetter(w[i]) != isVowelLetter(w[i-1]) {
			runs++
		}
	}
	if n > 0 && isVowelLetter(w[n-1]) {
		runs--
	}
	return append(dst, byte(runs))
}

// isVowelLetter reports whether c is a vowel letter of appendConsonants
// (w and y among them: romanisations write long vowels so).
func isVowelLetter(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'w', 'y':
		return true
	}
	return false
}

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
// a consonant variant: the same letter, or a vowel each ("Esdaleh",
// ASADOLLAH).
func sameInitial(a, b byte) bool {
	return a == b || isVowelLetter(a) && isVowelLetter(b) && a != 'w' && a != 'y' && b != 'w' && b != 'y'
}
