package screen

import (
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
	// Most names read nothing so: nothing is copied until a word does,
	// and then on the stack while it fits.
	var outBuf [256]byte
	var wBuf [64]byte
	var out []byte
	changed := false
	for i := 0; i < len(latin); {
		if !visualByte(latin[i]) {
			if changed {
				out = append(out, latin[i])
			}
			i++
			continue
		}
		j := i
		for j < len(latin) && visualByte(latin[j]) {
			j++
		}
		var w []byte
		read := false
		if lAsI, iAsL, digraph := visualWord(latin[i:j]); lAsI || iAsL || digraph {
			w = append(wBuf[:0], latin[i:j]...)
			read = visualLetters(w, lAsI, iAsL)
			if digraph {
				if v, ok := visualDigraphs(w, known); ok {
					w, read = v, true
				}
			}
		}
		switch {
		case read && !changed:
			out = append(append(outBuf[:0], latin[:i]...), w...)
			changed = true
		case read:
			out = append(out, w...)
		case changed:
			out = append(out, latin[i:j]...)
		}
		i = j
	}
	if !changed {
		return latin, false
	}
	return string(out), true
}

// visualWord returns what the case of word w shows its l, I and 1 to be
// (visualCase), for visualLetters, and whether it holds an rn or a vv for
// visualDigraphs: most words hold neither, and are not copied.
func visualWord(w string) (lAsI, iAsL, digraph bool) {
	lAsI, iAsL = visualCase(w)
	for k := 0; k+1 < len(w) && !digraph; k++ {
		a, b := w[k]|0x20, w[k+1]|0x20
		digraph = a == 'r' && b == 'n' || a == 'v' && b == 'v'
	}
	return lAsI, iAsL, digraph
}

// visualCase reports, for word w, whether the case of its other letters
// shows a lower-case l in it to be the capital I it looks like (a word of
// capitals), and whether it shows a capital I or a 1 after its first
// letter to be the l (a word of lower-case letters after its first).
func visualCase[S ~string | ~[]byte](w S) (lAsI, iAsL bool) {
	upper, lower := 0, 0
	l, i := false, false
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case c == 'l':
			l = true
		case c == 'I' || c == '1':
			i = i || k > 0
		case c >= 'A' && c <= 'Z':
			upper++
		case c >= 'a' && c <= 'z':
			lower++
		}
	}
	lAsI = l && upper >= 2 && lower == 0
	iAsL = i && lower >= 2 && (upper == 0 || upper == 1 && w[0] >= 'A' && w[0] <= 'Z')
	return lAsI, iAsL
}

// visualByte reports whether c is read as part of a word by visualReading:
// an ASCII letter, or the digit 1 that looks like l.
func visualByte(c byte) bool { return isASCIILetter(c) || c == '1' }

// visualLetters rewrites in place, in word w, the l, I and 1 that the
// case of its other letters shows to be another of them (visualCase's
// lAsI and iAsL, as visualWord found them), and reports whether it read
// any so.
func visualLetters(w []byte, lAsI, iAsL bool) bool {
	for k, c := range w {
		switch {
		case lAsI && c == 'l':
			w[k] = 'I'
		case iAsL && k > 0 && (c == 'I' || c == '1'):
			w[k] = 'l'
		}
	}
	return lAsI || iAsL
}

// visualDigraphs returns word w, lower-cased, with rn read as m and vv as
// w, where known holds the word so read and not w; ok is false otherwise.
func visualDigraphs(w []byte, known func([]byte) bool) ([]byte, bool) {
	lw := make([]byte, 0, len(w))
	for _, c := range w {
		lw = append(lw, c|0x20)
	}
	if known(lw) {
		return nil, false
	}
	v := make([]byte, 0, len(lw))
	for k := 0; k < len(lw); k++ {
		switch {
		case k+1 < len(lw) && lw[k] == 'r' && lw[k+1] == 'n':
			v, k = append(v, 'm'), k+1
		case k+1 < len(lw) && lw[k] == 'v' && lw[k+1] == 'v':
			v, k = append(v, 'w'), k+1
		default:
			v = append(v, lw[k])
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
		// banMatches only reads sc.nb.
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
