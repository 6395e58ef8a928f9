package screen

// The consonants of a name as a Latin spelling writes them. Romanisations
// of Arabic and Persian names write the short vowels, which the script
// leaves out, each its own way, and the long ones as a vowel, w or y
// ("Muzhir", "Mezher"; "Kawtharani", "Kutherani"; "Seifi", "Seyfi"): two
// spellings of one name mostly keep its consonants as written, in order,
// where a one-letter likeness (a typo) or a vowel class (vowelClassVariant)
// cannot tell more than one vowel apart. A query word no listed name holds
// is paired with the rare listed words of its consonants and first letter,
// as a vowel variant: a possible match at most.

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

// isVowelLetter reports whether c is a vowel letter of appendConsonants
// (w and y among them: romanisations write long vowels so).
func isVowelLetter(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'w', 'y':
		return true
	}
	return false
}

// consonantIndex maps the consonants of listed words (appendConsonants,
// minConsonants or more) to their keys, with the filter of its keys.
type consonantIndex struct {
	keys   map[string][]int32
	filter *wordFilter
}

// buildConsonants builds consonantIndex over the vocabulary.
func (ix *Index) buildConsonants() *consonantIndex {
	m := ix.keysByForm(appendConsonants, minConsonants)
	return &consonantIndex{keys: m, filter: filterOf(m)}
}

// appendConsonantKeys appends to dst the keys of the listed words with
// the consonants of w.
func (ix *Index) appendConsonantKeys(dst []int32, w []byte) []int32 {
	var buf [64]byte
	s := appendConsonants(buf[:0], w)
	if len(s) < minConsonants {
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
