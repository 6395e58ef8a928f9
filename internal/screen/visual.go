package screen

import (
	"bytes"
	"strconv"

	"github.com/bangate/bangate/internal/textnorm"
)

// visualReading returns the name in Latin letters (textnorm.Latin, ASCII
// case kept) read as its letters look in the sans-serif fonts that show
// names, where Unicode Technical Standard #39 gives two spellings one
// prototype; ok is false when it reads nothing so.
//   - In a word of capitals, a lower-case l is the capital I it looks like
//     ("HlKVlSlON" is HIKVISION). In a word of lower-case letters after
//     its first, a capital I or a digit 1 is the l ("HezboIIah",
//     "Hezbol1ah").
//   - rn is the m and vv the w they look like ("Gazprorn", "VVagner"),
//     where the word so read is one known reports and the word as written
//     is not.
func visualReading(latin string, known func([]byte) bool) (string, bool) {
	if !mayReadVisually(latin) {
		return latin, false
	}
	// Most names read nothing so: on the stack until one does.
	var outBuf [256]byte
	var wBuf, lBuf [64]byte
	out := outBuf[:0]
	changed := false
	for i := 0; i < len(latin); {
		if !visualByte(latin[i]) {
			out = append(out, latin[i])
			i++
			continue
		}
		j := i
		for j < len(latin) && visualByte(latin[j]) {
			j++
		}
		w := append(wBuf[:0], latin[i:j]...)
		if visualLetters(w) {
			changed = true
		}
		if v, ok := visualDigraphs(lBuf[:0], w, known); ok {
			w, changed = v, true
		}
		out = append(out, w...)
		i = j
	}
	if !changed {
		return latin, false
	}
	return string(out), true
}

// mayReadVisually reports whether visualReading may read anything in
// latin: whether it holds an l, an I, a 1, an rn or a vv. Most names that
// match nothing hold none of them in a word where the case tells.
func mayReadVisually(latin string) bool {
	for i := 0; i < len(latin); i++ {
		switch latin[i] {
		case 'l', 'I', '1':
			return true
		case 'r', 'R':
			if i+1 < len(latin) && latin[i+1]|0x20 == 'n' {
				return true
			}
		case 'v', 'V':
			if i+1 < len(latin) && latin[i+1]|0x20 == 'v' {
				return true
			}
		}
	}
	return false
}

// visualByte reports whether c is read as part of a word by visualReading:
// an ASCII letter, or the digit 1 that looks like l.
func visualByte(c byte) bool { return isASCIILetter(c) || c == '1' }

// visualLetters rewrites in place, in word w, the l, I and 1 that the
// case of its other letters shows to be another of them (visualReading),
// and reports whether it rewrote any.
func visualLetters(w []byte) bool {
	upper, lower := 0, 0
	for _, c := range w {
		switch {
		case c == 'l' || c == 'I' || c == '1':
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= 'a' && c <= 'z':
			lower++
		}
	}
	changed := false
	switch {
	case upper >= 2 && lower == 0:
		for k, c := range w {
			if c == 'l' {
				w[k], changed = 'I', true
			}
		}
	case lower >= 2 && (upper == 0 || upper == 1 && w[0] >= 'A' && w[0] <= 'Z'):
		for k, c := range w[1:] {
			if c == 'I' || c == '1' {
				w[k+1], changed = 'l', true
			}
		}
	}
	return changed
}

// visualDigraphs returns word w, lower-cased into dst, with rn read as m
// and vv as w, where known holds the word so read and not w; ok is false
// otherwise.
func visualDigraphs(dst, w []byte, known func([]byte) bool) ([]byte, bool) {
	for _, c := range w {
		dst = append(dst, c|0x20)
	}
	if !bytes.Contains(dst, []byte("rn")) && !bytes.Contains(dst, []byte("vv")) || known(dst) {
		return nil, false
	}
	v := dst[:0]
	for k := 0; k < len(dst); k++ {
		switch {
		case k+1 < len(dst) && dst[k] == 'r' && dst[k+1] == 'n':
			v, k = append(v, 'm'), k+1
		case k+1 < len(dst) && dst[k] == 'v' && dst[k+1] == 'v':
			v, k = append(v, 'w'), k+1
		default:
			v = append(v, dst[k])
		}
	}
	return v, known(v)
}

// visualMatches matches the query against the ban lists and the scored
// lists once more, read as its letters look (visualReading), when nothing
// matched at match level; the explanations of its matches say how the
// query was read. sc.nb holds the reading on return.
func (ix *Index) visualMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	latin, _ := textnorm.Latin(q.Name)
	vis, ok := visualReading(latin, func(w []byte) bool {
		_, brand := ix.brands[string(w)]
		return brand || ix.knownWord(w)
	})
	if !ok {
		return out, nil
	}
	n := len(out)
	sc.nb.normalize(vis)
	out, err := ix.banMatches(sc, q, out)
	if err != nil {
		return nil, err
	}
	if len(ix.recs) > 0 {
		sc.nb.normalize(vis)
		if out, err = ix.scoreAnew(sc, q, out); err != nil {
			return nil, err
		}
	}
	for i := n; i < len(out); i++ {
		out[i].Explain += "; " + visualNote + strconv.Quote(vis)
	}
	return out, nil
}

// visualNote says, in an explanation, that the query's letters were read
// as they look; the reading follows it.
const visualNote = "letters read as they look (Unicode confusables): "
