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
// (哈 "ha" for Kha-). A syllable is also read as the sounds Chinese
// writes with it in foreign names (hanVariants): j and q for a d, t, g
// or k before i (基 "ji" for the di of Vladimir, 京 "jing" for the tin of
// Putin), r for zh (任 "ren" in Prigozhin), w for v (维 "wei" in
// -ovich).

// hanRunMax is the most syllables one listed word may be written in
// ("ni gu la si" for Nicolas, "fu la ji mi luo wei qi" for Vladimirovich),
// and hanMaxSyllables the most of a query read so.
const (
	hanRunMax       = 7
	hanMaxSyllables = 20
)

// hanMinRunKey is the fewest key letters of a run of syllables that
// gathers candidates: shorter keys are shared by too many names.
const hanMinRunKey = 3

// Foreign names written in Myanmar syllables. Burmese writes a foreign
// name by its sounds too ("ဗလာဒီမာ ပူတင်", Vladimir Putin), one syllable
// a word of the transliteration ("ba la di ma pu tin"), and does not
// sound an r before a consonant or at the end of a word. Its syllables
// are compared as Han ones are, by the same classes of consonants, the r
// a listed name ends a syllable with left out; ht, hp and the h before
// m, n, l and w are the consonant alone, ky, gy and ch the affricate, th
// a t or an s.

// appendMyanmarKeys appends the keys of w, each 0-terminated: for a
// listed word (query false) its key with the r Burmese does not sound left
// out, for a romanised Myanmar syllable of a query its key and the other
// reading of th.
func appendMyanmarKeys(dst, w []byte, query bool) []byte {
	if !query {
		// An r before a consonant or ending the word is not sounded.
		var wb [64]byte
		nr := wb[:0]
		for i, c := range w {
			if c == 'r' && (i+1 == len(w) || !isVowelByte(w[i+1]) && w[i+1] != 'y') {
				continue
			}
			if len(nr) < len(wb) {
				nr = append(nr, c)
			}
		}
		return append(appendHanKey(dst, nr, false), 0)
	}
	var kb [32]byte
	key := keyBuf{b: kb[:0]}
	add := key.add
	th := -1
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byteAfter(w, i)
		switch {
		case isVowelByte(c) || c == 'y' || c == 'w':
			key.gap()
		case c == 'h' && (next == 't' || next == 'p' || next == 'm' || next == 'n' || next == 'l' || next == 'w' || next == 's'):
			// ht, hp, hm, hn, hl, hw, hs: the consonant, aspirated or
			// voiceless.
		case c == 't' && next == 'h':
			th = len(key.b)
			add('t')
			i++
		case c == 's' && next == 'h':
			add('s')
			i++
		case c == 'k' && next == 'h':
			add('k')
			i++
		case (c == 'k' || c == 'g') && next == 'y', c == 'c' && next == 'h':
			add('j')
			i++
		case c == 'n' && (next == 'g' || next == 'y'):
			add('n')
			i++
		case c == 'z' || c == 'j':
			add('j')
		default:
			add(hanClass(c))
		}
	}
	k := key.b
	dst = append(append(dst, k...), 0)
	if th >= 0 {
		alt := append(append(make([]byte, 0, len(k)+1), k...), 0)
		alt[th] = 's'
		if !hasPhonKey(dst, alt[:len(alt)-1]) {
			dst = append(dst, alt...)
		}
	}
	return dst
}

// hanParts returns, for each of the n words of name as normalised, the
// part of the name it is in, the parts set apart by middle dots
// (hanForeignName): "拉姆赞·卡德罗夫" is "la mu zan" and "ka de luo fu".
// Each part is normalised on its own to count its words; nil when the
// counts do not add up to n (a part that normalises otherwise alone).
func hanParts(name string, n int) []int8 {
	var nb normBuf
	parts := make([]int8, 0, n)
	for k, seg := range strings.FieldsFunc(name, isHanNameDot) {
		nb.normalize(seg)
		for range nb.words {
			parts = append(parts, int8(min(k, 127)))
		}
	}
	if len(parts) != n {
		return nil
	}
	return parts
}

// isHanNameDot reports whether r is a middle dot that sets the parts of a
// foreign name in Han characters apart (hanForeignName).
func isHanNameDot(r rune) bool {
	return strings.ContainsRune(hanNameDots, r)
}

// hanNameDots are the middle dots of hanForeignName.
const hanNameDots = "\u00b7\u30fb\u2027\u2022"

// hanForeignName reports whether a query is a foreign name written in Han
// characters: its transliteration is pinyin and a middle dot sets its
// parts apart (U+00B7, as Chinese writes it; U+30FB, the katakana middle
// dot Japanese uses; U+2027 and U+2022, which are typed for it).
func hanForeignName(name string, schemes []textnorm.Scheme) bool {
	return slices.Contains(schemes, textnorm.Pinyin) && strings.ContainsAny(name, hanNameDots)
}

// appendHanKey appends the key of w, a pinyin syllable of a query
// (query) or a word of a listed name, in the Han family: its consonants
// by class, vowels, y and w left out, a letter repeated once.
func appendHanKey(dst, w []byte, query bool) []byte {
	key := keyBuf{b: dst}
	add := key.add
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byteAfter(w, i)
		if isVowelByte(c) || c == 'y' || c == 'w' {
			key.gap()
			continue
		}
		if !query && c == 'h' && i == len(w)-1 && i > 0 && isVowelByte(w[i-1]) {
			continue // a final h after a vowel, which no syllable writes ("nasrallah", 纳斯鲁拉)
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
		case c == 'c' && next == 'h' && (hasPrefix(w[i+2:], "r") || hasPrefix(w[i+2:], "l") || hasPrefix(w[i+2:], "ael")):
			// The ch of a Greek name, a k: 克 "ke" in Christopher,
			// Michael.
			add('k')
			i++
		case c == 't' && next == 'h' && i+2 == len(w):
			add('s') // a final th, an s: 史密斯 "shi mi si" for Smith
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
		case c == 'n' && next == 'g' && !isVowelByte(byteAfter(w, i+1)):
			add('n') // a final ng, as a pinyin syllable ends; before a
			i++      // vowel, n and g (安格拉 "an ge la" for Angela)
		case c == 'x':
			add('k')
			add('s')
		case c == 'j' || c == 'z':
			add('j')
		default:
			add(hanClass(c))
		}
	}
	return key.b
}

// hanAltWord returns a listed word as Chinese often writes a foreign
// name, without letters it does not sound: an r or an l before the
// consonants that end the word (伯格 "bo ge" for the berg of Rotenberg,
// 扎克伯格 for Zuckerberg, 罗纳德 "luo na de" for Ronald; not the r of
// Sergun or Arkady, 尔 in 阿尔卡季), a final r
// after a vowel (彼得 "bi de", Peter; 维克托 "wei ke tuo", Viktor;
// 亚历山大 "ya li shan da", Alexander), the k of an x (亚历山大 again);
// false when it has none of them. Its key
// is the word's second (phonIndex.alt): Chinese writes the same letters
// with 尔 "er" and 克 "ke" as often (弗拉基米尔, Vladimir; 马克西姆,
// Maxim), and a query's "er" may stand for nothing (appendHanKeys).
//
// The second key also reads the letters Chinese writes by how the name's
// own language sounds them: the dh of an Arabic name as a z (卡扎菲 "ka
// zha fei", Qadhafi; 阿布扎比, Abu Dhabi), and the letters Spanish sounds
// otherwise than it spells them (spanishSound: 古斯曼 "gu si man", Guzman;
// 华金 "hua jin", Joaquin; 何塞, Jose).
func hanAltWord(t string) ([]byte, bool) {
	w := make([]byte, 0, len(t))
	changed := false
	for i := 0; i < len(t); i++ {
		switch c, rest := t[i], t[i+1:]; {
		case (c == 'r' || c == 'l') && rest != "" && consonantsOnly(rest), c == 'r' && rest == "" && i > 1 && isVowelByte(t[i-1]):
			changed = true // left out
		case c == 'x':
			w = append(w, 's')
			changed = true
		case c == 'd' && rest != "" && rest[0] == 'h':
			w = append(w, 'z')
			i++
			changed = true
		default:
			if sw, n := spanishSound(w, t, i); n > 0 {
				w, i, changed = sw, i+n-1, true
			} else {
				w = append(w, c)
			}
		}
	}
	return w, changed
}

// consonantsOnly reports whether s holds no vowel (nor y).
func consonantsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if isVowelByte(s[i]) || s[i] == 'y' {
			return false
		}
	}
	return true
}

// maxHanVariants bounds the keys of one query syllable, and maxHanRuns
// the keys of a run of syllables tried when gathering candidates.
const (
	maxHanVariants = 3
	maxHanRuns     = 32
)

// appendHanKeys appends the keys of w, each 0-terminated: one for a
// listed word, and for a pinyin syllable of a query also its readings in
// foreign names (hanVariants).
func appendHanKeys(dst, w []byte, query bool) []byte {
	start := len(dst)
	dst = append(appendHanKey(dst, w, query), 0)
	if !query || len(w) == 0 {
		return dst
	}
	base := string(dst[start : len(dst)-1])
	add := func(k string) {
		if !hasPhonKey(dst[start:], []byte(k)) {
			dst = append(append(dst, k...), 0)
		}
	}
	switch w[0] {
	case 'j', 'q':
		if len(base) > 0 {
			add("t" + base[1:])
			add("k" + base[1:])
		}
	case 'r':
		if len(base) > 0 {
			add("j" + base[1:])
		}
	case 'w':
		add("b" + base)
	case 'x':
		if len(base) > 0 {
			add("h" + base[1:]) // 希 "xi" for the hi of Zawahiri
		}
	case 'e':
		if string(w) == "er" {
			add("") // 尔, an r a listed name's second key leaves out (hanAltWord)
		}
	case 'h':
		if string(w) == "he" {
			// 赫, the final h after a vowel that a listed name's key
			// leaves out (appendHanKey), where Chinese writes it: 萨利赫
			// "sa li he", Salih.
			add("")
		}
	}
	if n := len(w); n > 1 && w[n-1] == 'n' && len(base) > 0 && base[len(base)-1] == 'n' {
		// Mandarin ends no syllable in m, and writes a foreign m so
		// ("han" for the "ham" of Muhammad, 穆罕默德).
		add(base[:len(base)-1] + "m")
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

// hanKeys returns the keys of query word i, each 0-terminated.
func (st *phonState) hanKeys(i int) []byte { return st.q[i].keys }

// hanAgrees reports whether query words [qi, qi+qn), run together by one
// of their keys each, read as k; a letter ending one key and starting the
// next is written once.
func (st *phonState) hanAgrees(qi, qn int, k []byte, last byte, alt bool) bool {
	if qn == 0 {
		return len(k) == 0
	}
	ok := false
	eachPhonKey(st.hanKeys(qi), func(key []byte) {
		if ok || len(key) == 0 && !alt && st.q[qi].text == "er" {
			return // 尔 is nothing only against a name word's second key
		}
		if len(key) > 0 && key[0] == last {
			key = key[1:]
		}
		if len(k) < len(key) || string(k[:len(key)]) != string(key) {
			return
		}
		ok = st.hanAgrees(qi+1, qn-1, k[len(key):], st.hanJoinLast(qi, key, last), alt)
	})
	return ok
}

// hanJoinLast returns the letter a key of the syllable after query word
// qi, read as key, writes once if it begins with it: the last letter of
// key when the syllable ends in a consonant (a nasal final, "an na" for
// Anna), none when it ends in a vowel, which parts two consonants the
// name's key keeps apart too ("lu la" for the "rall" of Nasrallah); last
// when key is empty.
func (st *phonState) hanJoinLast(qi int, key []byte, last byte) byte {
	if len(key) == 0 {
		return last
	}
	if t := st.q[qi].text; t != "" && isVowelByte(t[len(t)-1]) {
		return 0
	}
	return key[len(key)-1]
}

// hanRunKeys calls fn with the keys of query words [qi, qi+qn) run
// together, at most maxHanRuns of them.
func (st *phonState) hanRunKeys(qi, qn int, fn func(k []byte)) {
	var kb [64]byte
	n := 0
	var walk func(i int, k []byte, last byte)
	walk = func(i int, k []byte, last byte) {
		if n >= maxHanRuns {
			return
		}
		if i == qi+qn {
			n++
			fn(k)
			return
		}
		eachPhonKey(st.hanKeys(i), func(key []byte) {
			full := key
			if len(key) > 0 && key[0] == last {
				key = key[1:]
			}
			if len(k)+len(key) <= len(kb) {
				walk(i+1, append(k, key...), st.hanJoinLast(i, full, last))
			}
		})
	}
	walk(qi, kb[:0], 0)
}

// hanCandidates returns the names of the allowed kinds holding a word
// whose key is that of a run of query syllables, for every run whose key
// has hanMinRunKey letters or more and is held by at most
// maxPhonPostings names: which syllables make up a word is not known
// beforehand.
func (ix *Index) hanCandidates(sc *scratch, st *phonState, kind string) []int32 {
	d := &ix.dict
	sc.startCands()
	for qi := range st.q {
		if st.q[qi].optional {
			continue
		}
		for qn := 1; qn <= hanRunMax && qi+qn <= len(st.q); qn++ {
			if !st.mayRun(qi, qn) {
				break
			}
			st.hanRunKeys(qi, qn, func(k []byte) {
				if len(k) < hanMinRunKey {
					return
				}
				ts := st.p.toks[string(k)]
				var n int32
				for _, t := range ts {
					n += d.postStart[t+1] - d.postStart[t]
				}
				if n == 0 || n > maxPhonPostings {
					return
				}
				for _, t := range ts {
					ix.addPostings(sc, t, kind)
				}
			})
		}
	}
	return sc.cands
}
