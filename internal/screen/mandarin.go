package screen

import "slices"

// Chinese names in Latin letters. The lists write Chinese names in pinyin
// (DENG, Xiaoping; ZHANG, Junxiong); Taiwan's passports, older documents
// and the press of many countries write them in Wade–Giles ("Teng
// Hsiao-p'ing", "Chang Chun-hsiung", "Tsai Ing-wen"), which spells most
// syllables otherwise: hs for x, j for r, ts and tz for z and c, ch for
// zh, j and q, p, t and k for both b and p, d and t, g and k (an
// apostrophe, mostly left out, marks the second), ih for the i after zh,
// ch, sh and r, ung for ong, ieh for ie, ien for ian, o for the e after g,
// k and h and for the uo after other consonants, erh for er.
//
// The Mandarin key (phonMandarin) reads both alike: a query word is read
// as Wade–Giles and as pinyin, a listed word as pinyin or, where it is
// not pinyin, as Wade–Giles (OFAC writes some names so: PAO, Yu Hsiang),
// and the letters the two write otherwise are merged. A name in Han
// characters is read in pinyin first. A listed word that is not Mandarin
// syllables has no key, so that only a Chinese name pairs whole. As the
// other phonetic keys, it is a possible match at most unless every word
// is spelt alike.

// pinyinInitials and pinyinFinals are the initials and finals of
// Mandarin syllables in pinyin, and wadeGilesInitials and wadeGilesFinals
// those Wade–Giles writes besides, without its diacritics and
// apostrophes. A word is Mandarin syllables when it splits into initial
// and final pairs (mandarinSyllables).
var (
	pinyinInitials    = []string{"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", ""}
	pinyinFinals      = []string{"iang", "iong", "uang", "ueng", "iao", "ian", "ing", "ang", "eng", "ong", "uai", "uan", "ai", "ei", "ao", "ou", "an", "en", "er", "ia", "ie", "iu", "in", "ua", "uo", "ui", "un", "ue", "a", "o", "e", "i", "u"}
	wadeGilesInitials = []string{"hs", "ts", "tz", "ss", "sz"}
	wadeGilesFinals   = []string{"iung", "ieh", "ien", "ung", "uei", "ueh", "erh", "eh", "ih"}
)

// maxMandarinSyllables is the most syllables of one word of a Chinese
// name: a given name of two run together, a surname of two ("Ouyang");
// maxMandarinWord the most letters of such a word (syllables of six
// letters at most: "zhuang", "hsiung").
const (
	maxMandarinSyllables = 3
	maxMandarinWord      = 6 * maxMandarinSyllables
)

// mandarinSyllables returns how many Mandarin syllables w, letters a–z,
// splits into in pinyin or Wade–Giles (the fewest, up to
// maxMandarinSyllables), 0 when it does not split so.
func mandarinSyllables(w []byte) int {
	return syllableCount(w, true)
}

// isPinyin reports whether w, letters a–z, is pinyin syllables (up to
// maxMandarinSyllables): a listed word that is not, but is Wade–Giles,
// is read as Wade–Giles.
func isPinyin(w []byte) bool {
	return syllableCount(w, false) > 0
}

// syllableCount returns the fewest Mandarin syllables w splits into, of
// pinyin's initials and finals and, where wadeGiles is set, of those
// Wade–Giles writes besides; 0 when it does not split into
// maxMandarinSyllables or fewer.
func syllableCount(w []byte, wadeGiles bool) int {
	if len(w) == 0 || len(w) > maxMandarinWord {
		return 0
	}
	// least[i] is one more than the fewest syllables w[:i] splits into,
	// 0 where it does not split.
	var least [maxMandarinWord + 1]int8
	least[0] = 1
	inits, finals := [2][]string{pinyinInitials}, [2][]string{pinyinFinals}
	if wadeGiles {
		inits[1], finals[1] = wadeGilesInitials, wadeGilesFinals
	}
	for i := range w {
		if least[i] == 0 || least[i] > maxMandarinSyllables {
			continue
		}
		for _, ins := range inits {
			for _, in := range ins {
				if !bytesAt(w, i, in) {
					continue
				}
				j := i + len(in)
				for _, fs := range finals {
					for _, fi := range fs {
						if k := j + len(fi); bytesAt(w, j, fi) && (least[k] == 0 || least[i]+1 < least[k]) {
							least[k] = least[i] + 1
						}
					}
				}
			}
		}
	}
	return max(0, int(least[len(w)])-1)
}

// bytesAt reports whether w holds s at i: hasPrefix(w[i:], s), but
// compared byte by byte, which for the few bytes of an initial or a final
// takes syllableCount less than half hasPrefix's time (a string
// comparison calls the runtime).
func bytesAt(w []byte, i int, s string) bool {
	if len(w)-i < len(s) {
		return false
	}
	for k := range len(s) {
		if w[i+k] != s[k] {
			return false
		}
	}
	return true
}

// appendWadeGilesPinyin appends w, a syllable (or syllables) in
// Wade–Giles, spelt as pinyin spells it, but for the letters the
// Mandarin key merges (p for b, ch for zh, j and q, ts for z and c).
func appendWadeGilesPinyin(dst, w []byte) []byte {
	start := len(dst)
	for i := 0; i < len(w); i++ {
		c, rest := w[i], w[i+1:]
		switch {
		case c == 'h' && hasPrefix(rest, "s"):
			dst = append(dst, 'x')
			i++
		case (c == 't' && (hasPrefix(rest, "z") || hasPrefix(rest, "s"))) || (c == 's' && (hasPrefix(rest, "s") || hasPrefix(rest, "z"))):
			// ts, tz: z and c; ss, sz: s. Their u is pinyin's i, but
			// that of ts after a consonant other than s ("tsu", zu).
			if c == 't' {
				dst = append(dst, 'z')
			} else {
				dst = append(dst, 's')
			}
			i++
			if string(rest[1:]) == "u" && !(c == 't' && rest[0] == 's') {
				dst = append(dst, 'i')
				i++
			}
		case c == 'j':
			dst = append(dst, 'r')
		case c == 'i' && hasPrefix(rest, "h"):
			dst = append(dst, 'i') // ih: the i after zh, ch, sh and r
			i++
		case c == 'u' && hasPrefix(rest, "ng"):
			dst = append(dst, 'o', 'n', 'g')
			i += 2
		case c == 'e' && string(rest) == "h":
			dst = append(dst, 'e') // ieh, yeh, ueh, teh: ie, ye, ue, de
			i++
		case c == 'e' && hasPrefix(rest, "n") && !hasPrefix(rest, "ng") && len(dst) > start && (dst[len(dst)-1] == 'i' || dst[len(dst)-1] == 'y'):
			dst = append(dst, 'a') // ien, yen: ian, yan
		case c == 'u' && hasPrefix(rest, "ei"):
			dst = append(dst, 'u', 'i') // uei: ui
			i += 2
		case c == 'e' && string(rest) == "rh":
			dst = append(dst, 'e', 'r')
			i += 2
		case c == 'o' && len(rest) == 0 && len(dst) > start && !isVowelByte(dst[len(dst)-1]):
			// A final o after a consonant: e after k and h ("ko",
			// "ho": ge, he), o after b, p, m and f, else uo ("lo",
			// "to": luo, duo).
			switch last := dst[len(dst)-1]; {
			case last == 'h' && len(dst)-start >= 2 && (dst[len(dst)-2] == 'c' || dst[len(dst)-2] == 's'):
				dst = append(dst, 'u', 'o') // cho, sho: zhuo, shuo
			case last == 'k' || last == 'h':
				dst = append(dst, 'e')
			case last == 'b' || last == 'p' || last == 'm' || last == 'f' || last == 'w' || last == 'y':
				dst = append(dst, 'o')
			default:
				dst = append(dst, 'u', 'o')
			}
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendMandarinKey appends the Mandarin key of w, a pinyin spelling:
// the letters Wade–Giles writes for two of pinyin's merged (b=p, d=t,
// g=k, zh=ch=j=q, z=c), y before i left out, you as yu, uo as o.
func appendMandarinKey(dst, w []byte) []byte {
	for i := 0; i < len(w); i++ {
		c, next := w[i], byteAfter(w, i)
		switch {
		case (c == 'z' || c == 'c' || c == 's') && next == 'h':
			if c == 's' {
				dst = append(dst, 's', 'h')
			} else {
				dst = append(dst, 'j')
			}
			i++
		case c == 'j' || c == 'q':
			dst = append(dst, 'j')
		case c == 'z' || c == 'c':
			dst = append(dst, 'z')
		case c == 'p':
			dst = append(dst, 'b')
		case c == 't':
			dst = append(dst, 'd')
		case c == 'n' && next == 'g':
			dst = append(dst, 'n', 'g')
			i++
		case c == 'k':
			dst = append(dst, 'g')
		case c == 'y' && next == 'i':
		case c == 'y' && next == 'o' && byteAfter(w, i+1) == 'u':
			dst = append(dst, 'y', 'u')
			i += 2
		case c == 'u' && next == 'o' && i > 0:
			// uo: o (luo, WG lo)
		case c == 'v':
			dst = append(dst, 'u')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendMandarinKeys appends the keys of w, each 0-terminated: a listed
// word's as pinyin, or as Wade–Giles when it is not pinyin ("hsiang",
// the lists' PAO, Yu Hsiang being Bao Youxiang); a query word's as
// Wade–Giles and then as pinyin, when the two differ (the first is the
// one a run of syllables is read by: "tse tung", zedong). None for a word
// that is not Mandarin syllables.
func appendMandarinKeys(dst, w []byte, query bool) []byte {
	if mandarinSyllables(w) == 0 {
		return dst
	}
	var pb [64]byte
	if !query {
		if !isPinyin(w) {
			w = appendWadeGilesPinyin(pb[:0], w)
		}
		return append(appendMandarinKey(dst, w), 0)
	}
	start := len(dst)
	dst = append(appendMandarinKey(dst, appendWadeGilesPinyin(pb[:0], w)), 0)
	k0 := len(dst)
	dst = appendMandarinKey(dst, w)
	if hasPhonKey(dst[start:k0], dst[k0:]) {
		return dst[:k0]
	}
	return append(dst, 0)
}

// chineseSurnames are the commonest Chinese family names as pinyin and
// as Wade–Giles spell them: a name is read by the Mandarin key when its
// first or last word is one (chineseLooking).
var chineseSurnames = map[string]struct{}{
	// Pinyin.
	"wang": {}, "li": {}, "zhang": {}, "liu": {}, "chen": {}, "yang": {}, "huang": {}, "zhao": {}, "wu": {}, "zhou": {}, "xu": {}, "sun": {}, "ma": {}, "zhu": {}, "hu": {}, "guo": {},
	"he": {}, "gao": {}, "lin": {}, "luo": {}, "zheng": {}, "liang": {}, "xie": {}, "song": {}, "tang": {}, "han": {}, "feng": {}, "deng": {}, "cao": {}, "peng": {}, "zeng": {},
	"xiao": {}, "tian": {}, "dong": {}, "yuan": {}, "pan": {}, "yu": {}, "jiang": {}, "cai": {}, "jia": {}, "ding": {}, "wei": {}, "xue": {}, "ye": {}, "yan": {}, "du": {}, "dai": {},
	"xia": {}, "zhong": {}, "ren": {}, "fan": {}, "fang": {}, "shi": {}, "yao": {}, "tan": {}, "liao": {}, "zou": {}, "xiong": {}, "jin": {}, "lu": {}, "hao": {}, "kong": {},
	"bai": {}, "cui": {}, "kang": {}, "mao": {}, "qiu": {}, "qin": {}, "gu": {}, "hou": {}, "shao": {}, "meng": {}, "long": {}, "wan": {}, "duan": {}, "lei": {}, "qian": {},
	"yin": {}, "yi": {}, "chang": {}, "qiao": {}, "lai": {}, "gong": {}, "wen": {}, "pang": {}, "fu": {}, "shen": {}, "lyu": {}, "niu": {}, "ou": {}, "ouyang": {},
	"situ": {}, "sima": {}, "zhuge": {}, "geng": {}, "lian": {}, "che": {}, "mo": {}, "bao": {}, "tao": {}, "yue": {}, "cheng": {}, "chu": {}, "ge": {}, "hua": {}, "gan": {},
	"xi": {}, "ji": {}, "bo": {}, "hong": {}, "lou": {}, "min": {}, "mei": {}, "rong": {}, "sheng": {}, "zhan": {}, "weng": {}, "zhuang": {},
	// Wade–Giles, where it spells them otherwise.
	"chao": {}, "chou": {}, "hsu": {}, "kuo": {}, "ho": {}, "kao": {}, "lo": {}, "hsieh": {}, "sung": {}, "teng": {}, "tsao": {}, "tseng": {}, "hsiao": {}, "tien": {},
	"tung": {}, "chiang": {}, "tsai": {}, "chia": {}, "ting": {}, "hsueh": {}, "yeh": {}, "yen": {}, "tu": {}, "tai": {}, "hsia": {}, "chung": {}, "jen": {}, "shih": {},
	"tsou": {}, "hsiung": {}, "chin": {}, "kung": {}, "pai": {}, "tsui": {}, "chiu": {}, "ku": {}, "lung": {}, "tuan": {}, "chien": {}, "chiao": {}, "keng": {}, "pao": {},
	"ko": {}, "hsi": {}, "chi": {}, "po": {}, "jung": {}, "chan": {}, "chuang": {},
}

// chineseSurname reports whether w, a query word, is a Chinese surname
// as pinyin or Wade–Giles spells it.
func chineseSurname(w []byte) bool {
	_, ok := chineseSurnames[string(w)]
	return ok
}

// chineseLooking reports whether a Latin query reads as a Chinese
// person's name: two or three words, every one Mandarin syllables, a
// Chinese surname first or last and a given name of one or two
// syllables, spaced, hyphenated ("Hsiao-p'ing") or run together.
func chineseLooking(nb *normBuf) bool {
	n := len(nb.words)
	if n < 2 || n > 3 || !chineseSurname(nb.word(0)) && !chineseSurname(nb.word(n-1)) {
		return false // the surname first: most names fail it, and it costs least
	}
	syllables := 0
	for i := range nb.words {
		k := mandarinSyllables(nb.word(i))
		if k == 0 {
			return false
		}
		syllables += k
	}
	return syllables <= 3
}

// mandarinCandidates returns the names of the allowed kinds that may pair
// with a Chinese name: those holding a word of the key of its query word
// of one syllable whose keys name the fewest, or of the key of a run of
// query words it is in. A given name is written in one word or in two
// ("Ching-kuo", JINGGUO), so the rarest word alone (phonCandidates) may
// pair only within a run, and another name hold it alone. A word of one
// syllable pairs with one listed word, alone or in such a run; none, but
// a surname of two syllables: phonCandidates.
func (ix *Index) mandarinCandidates(sc *scratch, st *phonState, kind string) []int32 {
	var best, toks []int32
	bestN := int32(-1)
	var kb [128]byte
	for i := range st.q {
		if st.q[i].optional || mandarinSyllables([]byte(st.q[i].text)) != 1 {
			continue
		}
		toks = toks[:0]
		var n int32
		add := func(k []byte) {
			for _, t := range st.p.toks[string(k)] {
				if !slices.Contains(toks, t) {
					toks = append(toks, t)
					n += postings(&ix.dict, t)
				}
			}
		}
		eachPhonKey(st.q[i].keys, add)
		for a := max(0, i-st.maxRun+1); a <= i; a++ {
			for b := max(i+1, a+2); b <= min(len(st.q), a+st.maxRun); b++ {
				if !st.mayRunAll(a, b) {
					break
				}
				k := kb[:0]
				for j := a; j < b; j++ {
					k = append(k, firstPhonKey(st.q[j].keys)...)
				}
				add(k)
			}
		}
		if bestN < 0 || n < bestN {
			best, bestN = append(best[:0], toks...), n
		}
	}
	if bestN < 0 {
		return ix.phonCandidates(sc, st, kind)
	}
	sc.startCands()
	for _, t := range best {
		ix.addPostings(sc, t, kind)
	}
	return sc.cands
}

// mayRunAll reports whether query words [a, b) may be read together as
// one word of a name (mayRun, for each of its beginnings).
func (st *phonState) mayRunAll(a, b int) bool {
	for qn := 2; qn <= b-a; qn++ {
		if !st.mayRun(a, qn) {
			return false
		}
	}
	return true
}
