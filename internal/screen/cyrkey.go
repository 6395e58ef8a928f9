package screen

// Foreign names in Cyrillic. Russian writes a foreign name by its sounds,
// and BGN/PCGN reads the Cyrillic back letter for letter, not into the
// spelling of the name's own language: "Джон Смит" is "dzhon smit" for
// John Smith, "Мария Гарсия" "mariya garsiya" for Maria Garcia,
// "Уильям" "uilyam" for William, "Хуан" "khuan" for Juan, "Гарри"
// "garri" for Harry. The Cyrillic family's key keeps the consonants both
// spellings keep and merges those they write otherwise: vowels, y and w
// left out; dzh, dj, zh and j one; kh and h one; th t, ph f, ck k; c k
// or, before e, i or y, s; z s; sh, sch and shch one. A query word's k
// may also be a ch (Christopher is Кристофер), its g an h, its kh a
// Spanish j and its dzh a g before e or i (George is Джордж): each such
// place is read both ways (cyrAmbiguous).

// cyrAmbiguous reports whether the letter at w[i] of a query word read
// from Cyrillic begins a place that stands for two letters of foreign
// names: k or kh, g and dzh.
func cyrAmbiguous(w []byte, i int) bool {
	switch w[i] {
	case 'k', 'g':
		return true
	case 'd':
		return hasPrefix(w[i:], "dzh")
	}
	return false
}

// appendCyrillicKeys appends the keys of w, each 0-terminated: one for a
// listed word, one for each reading of the ambiguous places of a query
// word (cyrAmbiguous), at most maxPhonVariants.
func appendCyrillicKeys(dst, w []byte, query bool) []byte {
	n := 0
	if query {
		for i := range w {
			if cyrAmbiguous(w, i) {
				n++
			}
		}
	}
	start := len(dst)
	for choice := 0; choice < 1<<n && choice < maxPhonVariants; choice++ {
		k0 := len(dst)
		dst = endKey(appendCyrillicKey(dst, w, query, choice), start, k0)
	}
	return dst
}

// appendCyrillicKey appends the Cyrillic family's key of w; choice picks,
// bit by bit, the second reading of each ambiguous place of a query word.
func appendCyrillicKey(dst, w []byte, query bool, choice int) []byte {
	key := keyBuf{b: dst}
	add := key.add
	amb := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byteAfter(w, i)
		if query && cyrAmbiguous(w, i) {
			alt := choice&(1<<amb) != 0
			amb++
			switch {
			case c == 'k' && next == 'h':
				add(pickByte(alt, 'j', 'h')) // Хуан, Juan
				i++
			case c == 'k':
				add(pickByte(alt, 'c', 'k')) // Кристофер, Christopher
			case c == 'g':
				add(pickByte(alt, 'h', 'g')) // Гарри, Harry
			default: // dzh
				add(pickByte(alt, 'g', 'j')) // Джордж, George
				i += 2
			}
			continue
		}
		switch {
		case isVowelByte(c) || c == 'y' || c == 'w':
			key.gap()
		case hasPrefix(w[i:], "shch"):
			add('x')
			i += 3
		case hasPrefix(w[i:], "sch"):
			add('x')
			i += 2
		case hasPrefix(w[i:], "dzh"):
			add('j')
			i += 2
		case c == 'd' && next == 'j':
			add('j')
			i++
		case next == 'h' && (c == 's' || c == 'z' || c == 'k' || c == 'c' || c == 't' || c == 'p' || c == 'g'):
			add(cyrDigraph[c])
			i++
		case c == 'c' && next == 'k':
			add('k')
			i++
		case c == 'c':
			add(pickByte(next == 'e' || next == 'i' || next == 'y', 's', 'k'))
		case c == 'q':
			add('k')
		case c == 'x':
			add('k')
			add('s')
		case c == 'z':
			add('s')
		case c == 'h' && !query && i > 0 && w[i-1] == 'o' && (next == 0 || !isVowel(next)):
			// An h English does not sound after o (John, Kohn):
			// Russian writes none.
		default:
			add(c)
		}
	}
	return key.b
}

// cyrDigraph is the key letter of a consonant followed by h: sh x, zh j,
// kh h, ch c, th t, ph f, gh g.
var cyrDigraph = [256]byte{'s': 'x', 'z': 'j', 'k': 'h', 'c': 'c', 't': 't', 'p': 'f', 'g': 'g'}

// pickByte returns a when cond holds, b otherwise.
func pickByte(cond bool, a, b byte) byte {
	if cond {
		return a
	}
	return b
}
