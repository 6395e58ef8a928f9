package screen

import (
	"slices"
	"strings"

	"github.com/bangate/bangate/internal/textnorm"
)

// Foreign names written in Han characters. Chinese writes a foreign name
// by its sounds, one character a syllable, and sets its parts apart by a
// middle dot ("尼古拉斯·马杜罗" for Nicolas Maduro, "拉姆赞·卡德罗夫" for
// Ramzan Kadyrov); a Chinese name has none. Pinyin reads such a name as
// syllables ("ni gu la si ma du luo"), which the words of the listed name
// are compared with, run together, by a key of the consonants both
// keep: the vowels, which the syllables add and change, are left out;
// l and r are one (Chinese has no r before a vowel); b, p, f and v are
// one, as are k, g and q, d and t; the sibilants s, sh and x one; and the
// affricates ch, ts, z, zh, j (pinyin j, q, z, zh, c, ch) one; kh is h
// (哈 "ha" for Kha-).

// hanRunMax is the most syllables one listed word may be written in
// ("ni gu la si" for Nicolas, "ye fu gen ni" for Yevgeniy).
const hanRunMax = 5

// hanMinRunKey is the fewest key letters of a run of syllables that
// gathers candidates: shorter keys are shared by too many names.
const hanMinRunKey = 3

// hanForeignName reports whether a query is a foreign name written in Han
// characters: its transliteration is pinyin and a middle dot sets its
// parts apart (U+00B7, as Chinese writes it; U+30FB, the katakana middle
// dot Japanese uses; U+2027 and U+2022, which are typed for it).
func hanForeignName(name string, schemes []textnorm.Scheme) bool {
	return slices.Contains(schemes, textnorm.Pinyin) && strings.ContainsAny(name, "\u00b7\u30fb\u2027\u2022")
}

// appendHanKey appends the key of w, a pinyin syllable of a query
// (query) or a word of a listed name, in the Han family: its consonants
// by class, vowels, y and w left out, a letter repeated once.
func appendHanKey(dst, w []byte, query bool) []byte {
	last := byte(0)
	add := func(c byte) {
		if c != last {
			dst = append(dst, c)
		}
		last = c
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		var next byte
		if i+1 < len(w) {
			next = w[i+1]
		}
		if isVowelByte(c) || c == 'y' || c == 'w' {
			last = 0
			continue
		}
		if query {
			// Pinyin's letters: zh, ch, j, q, z and c are affricates, sh
			// and x sibilants, ng a final n.
			switch {
			case c == 'z' || c == 'c' || c == 's':
				if next == 'h' {
					i++
				}
				if c == 's' {
					add('s')
				} else {
					add('j')
				}
				continue
			case c == 'n' && next == 'g':
				add('n')
				i++
				continue
			}
			switch c {
			case 'j', 'q':
				add('j')
			case 'x':
				add('s')
			default:
				add(hanClass(c))
			}
			continue
		}
		switch {
		case hasPrefix(w[i:], "shch"):
			add('s')
			i += 3
		case hasPrefix(w[i:], "tsch"), hasPrefix(w[i:], "dzh"):
			add('j')
			i += 2
		case hasPrefix(w[i:], "sch"):
			add('s')
			i += 2
		case next == 'h' && (c == 's'):
			add('s')
			i++
		case next == 'h' && (c == 'c' || c == 'z'):
			add('j')
			i++
		case next == 'h' && c == 'k':
			add('h')
			i++
		case next == 'h' && (c == 'p' || c == 't' || c == 'd' || c == 'g'):
			add(hanClass(c))
			i++
		case c == 't' && (next == 's' || next == 'z'), c == 'd' && (next == 'j' || next == 'z'):
			add('j')
			i++
		case c == 'c' && next == 'k':
			add('k')
			i++
		case c == 'c':
			if next == 'e' || next == 'i' || next == 'y' {
				add('s')
			} else {
				add('k')
			}
		case c == 'n' && next == 'g':
			add('n')
			i++
		case c == 'x':
			add('k')
			add('s')
		case c == 'j' || c == 'z':
			add('j')
		default:
			add(hanClass(c))
		}
	}
	return dst
}

// hanClass is the key letter of a consonant both pinyin and the lists
// write alike.
func hanClass(c byte) byte {
	switch c {
	case 'b', 'p', 'f', 'v':
		return 'b'
	case 'k', 'g', 'q':
		return 'k'
	case 'd', 't':
		return 't'
	case 'l', 'r':
		return 'r'
	}
	return c
}

// hanRunKey appends to dst the keys of query words [qi, qi+qn) run
// together, a letter ending one and starting the next written once.
func (st *phonState) hanRunKey(dst []byte, qi, qn int) []byte {
	for i := qi; i < qi+qn; i++ {
		k := st.q[i].keys
		k = k[:len(k)-1] // one key, 0-terminated
		if len(k) > 0 && len(dst) > 0 && dst[len(dst)-1] == k[0] {
			k = k[1:]
		}
		dst = append(dst, k...)
	}
	return dst
}

// hanCandidates returns the names of the allowed kinds holding a word
// whose key is that of a run of query syllables, for every run whose key
// has hanMinRunKey letters or more and is held by at most
// maxPhonPostings names: which syllables make up a word is not known
// beforehand.
func (ix *Index) hanCandidates(sc *scratch, st *phonState, kind string) []int32 {
	d := &ix.dict
	var kb [64]byte
	sc.startCands()
	for qi := range st.q {
		if st.q[qi].optional {
			continue
		}
		for qn := 1; qn <= hanRunMax && qi+qn <= len(st.q); qn++ {
			if st.q[qi+qn-1].optional {
				break
			}
			k := st.hanRunKey(kb[:0], qi, qn)
			if len(k) < hanMinRunKey {
				continue
			}
			ts := st.p.toks[string(k)]
			var n int32
			for _, t := range ts {
				n += d.postStart[t+1] - d.postStart[t]
			}
			if n == 0 || n > maxPhonPostings {
				continue
			}
			for _, t := range ts {
				ix.addPostings(sc, t, kind)
			}
		}
	}
	return sc.cands
}
