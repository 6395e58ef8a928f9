package screen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/bangate/bangate/internal/textnorm"
)

// Whole-name matching by script phonetic keys (scriptkey.go).

const (
	// phonSim is the credit of a pair whose script keys agree but whose
	// spellings do not.
	phonSim = 0.95
	// minPhonKey is the fewest key letters the words of a name matched by
	// script keys carry together, and minPhonSingle the fewest for a name
	// of one word.
	minPhonKey    = 4
	minPhonSingle = 5
	// phonKeyShare is the weight, as a share of the weight of a word no
	// name holds, that the key of the rare word such a match rests on
	// must have: a key the names of hundreds share says too little.
	phonKeyShare = 0.5
	// phonRareSum is how many rare words' weight the words of telling
	// keys may carry together instead of one rare word (Kim and Jong of
	// KIM, Jong Un).
	phonRareSum = 1.5
	// maxPhonWords bounds the words of a query and of a name compared so;
	// maxPhonRun is the most listed words one query word may stand for
	// ("alasadeu" for AL-ASSAD; "jonun" for Jong Un), and the most query
	// words one listed word may.
	maxPhonWords = 10
	maxPhonRun   = 3
	// maxPhonPostings is the most postings gathered from a second query
	// word.
	maxPhonPostings = 4000
)

// phonQWord is a query word compared by its script keys.
type phonQWord struct {
	text     string
	keys     []byte // 0-terminated keys (phonKeys)
	optional bool   // a title, a legal form or the article al
	sayyid   bool   // the honorific Sayyid leading a name (normBuf.sayyidAt), optional too
	// part is the part of a foreign name in Han syllables the word is
	// in, counted from 0: a middle dot sets the parts apart, and no run
	// of syllables read as one word crosses it (hanParts).
	part int8
}

// phonState is the search for the best agreement of a query with one
// name.
type phonState struct {
	ix    *Index
	p     *phonIndex
	q     []phonQWord
	words []RecWord
	// units are the current pairs: query words [q0,q1) with name words
	// [r0,r1).
	units []phonUnit
	best  []phonUnit
	score float32
	exact bool
	used  uint32
	// maxRun is the most query words one name word may stand for, and
	// han is set for a foreign name in Han syllables, whose runs are
	// keyed together (hanAgrees).
	maxRun int
	han    bool
	// abjad is set for a query read from Arabic or Hebrew letters, which
	// write o and u with one letter (spelt).
	abjad bool
	// parted is set when the query words carry the parts of a foreign
	// name in Han syllables (phonQWord.part).
	parted bool
	// person is set for a person's query, which may name the person by
	// a rare family name alone; bestSurname is set when the best pairing
	// does (finish).
	person, bestSurname bool
}

// phonUnit is one pair of a query word run and a name word run.
type phonUnit struct {
	q0, q1, r0, r1 int8
	exact          bool
	// alt is set when the name word read as its second key
	// (phonIndex.alt).
	alt bool
}

// phoneticMatches screens a query written in a script of a phonetic
// family (phonFamilyOf) once more, by the family's keys: every query word
// (titles, legal forms and the article al aside) must pair with one to three
// neighbouring words of a name, or a run of query words with one word,
// by equal keys; every word of the name must be paired but for
// patronymics, further given names, the article al and one of several family
// names. A rare word must be among those paired. The match is named
// "phonetic (<family>)" and is a possible match at most unless every pair
// is spelt alike.
func (ix *Index) phoneticMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	if len(ix.recs) == 0 {
		return out, nil
	}
	f := phonFamilyOf(sc.nb.schemes)
	if f == phonCyrillic && ix.anyHit(out) {
		// Cyrillic reads most names back letter for letter: its key is
		// for the foreign names it does not, when nothing else matched.
		return out, nil
	}
	nb := &sc.pnb
	nb.initials = q.Kind == KindPerson
	if f == phonNone && hanForeignName(q.Name, sc.nb.schemes) {
		f = phonHan
		nb.normalize(q.Name)
	} else if f == phonNone && len(sc.nb.schemes) == 1 && sc.nb.schemes[0] == textnorm.Myanmar {
		f = phonMyanmar
		nb.normalize(q.Name)
	} else if f == phonNone {
		// A Chinese name in Han characters, read in pinyin.
		pinyin := len(sc.nb.schemes) == 1 && sc.nb.schemes[0] == textnorm.Pinyin
		if len(sc.nb.schemes) > 0 && !pinyin || q.Kind == KindOrganization {
			return out, nil
		}
		if chineseLooking(&sc.nb) && !ix.anyHit(out) {
			// A Chinese name in Wade–Giles or pinyin, or one a list
			// writes in Wade–Giles ("鲍有祥", PAO, Yu Hsiang); it may
			// read as a Korean one too ("Chang Sung-taek").
			nb.normalize(q.Name)
			var err error
			if out, err = ix.phonSearch(sc, q, phonMandarin, out); err != nil {
				return out, err
			}
		}
		if pinyin || !mayBeKorean(&sc.nb) {
			return out, nil
		}
		nb.normalize(q.Name)
		korean, glued := koreanLooking(nb)
		if !korean {
			return out, nil
		}
		f = phonKorean
		if glued > 0 {
			nb.splitWord(0, int32(glued)) // "kimjongun" → "kim jongun"
		}
	} else {
		nb.normalize(q.Name)
	}
	return ix.phonSearch(sc, q, f, out)
}

// phonSearch screens sc.pnb, the query as family f reads it, by the
// family's phonetic keys.
func (ix *Index) phonSearch(sc *scratch, q Query, f phonFamily, out []Match) ([]Match, error) {
	nb := &sc.pnb
	limit := maxPhonWords
	if f == phonHan || f == phonMyanmar {
		limit = hanMaxSyllables // one word a syllable
	}
	if len(nb.words) == 0 || len(nb.words) > limit {
		return out, nil
	}
	p := ix.phon[f]()
	st := &phonState{ix: ix, p: p, maxRun: maxPhonRun, han: f == phonHan || f == phonMyanmar, abjad: f == phonAbjad, person: q.Kind == KindPerson}
	if st.han {
		st.maxRun = hanRunMax
	}
	var parts []int8
	if f == phonHan {
		parts = hanParts(q.Name, len(nb.words))
	}
	for i, w := range nb.words {
		text := nb.word(i)
		qw := phonQWord{text: string(text), sayyid: q.Kind != KindOrganization && nb.sayyidAt(i)}
		qw.optional = w.flags&(wordLegal|wordTitle) != 0 || isArticle(text) || qw.sayyid
		if parts != nil {
			qw.part, st.parted = parts[i], true
		}
		if w.flags&wordInitial != 0 && f != phonHan && f != phonMyanmar && (f != phonKorean || !isVowelByte(text[0])) {
			// An initial says too little for a key; a syllable of one
			// vowel ("a"; "u", 우, in a Korean name) is none.
			return out, nil
		}
		qw.keys = phonKeys(nil, f, text, true)
		if len(qw.keys) == 0 && !qw.optional {
			return out, nil // digits, or letters no key covers
		}
		st.q = append(st.q, qw)
	}
	var cands []int32
	switch {
	case st.han:
		cands = ix.hanCandidates(sc, st, q.Kind)
	case f == phonMandarin:
		cands = ix.mandarinCandidates(sc, st, q.Kind)
	default:
		cands = ix.phonCandidates(sc, st, q.Kind)
	}
	t := float32(ix.opts.Review)
	start := len(out)
	for _, ri := range cands {
		rec := &ix.recs[ri]
		words := ix.words[rec.w0:rec.w1]
		if len(words) > maxPhonWords {
			continue
		}
		if f == phonKorean && !ix.koreanRec(p, words) {
			continue
		}
		st.words, st.units, st.best, st.score, st.used = words, st.units[:0], st.best[:0], 0, 0
		st.search(0)
		if st.score == 0 {
			continue
		}
		score := st.score
		if !st.exact || rec.flags&recWeak != 0 || st.bestSurname {
			score = min(score, float32(ix.opts.Match-0.001))
		}
		s := round3(score)
		if s < float64(t) {
			continue
		}
		e, err := ix.newEntry(rec.ref, out[start:])
		if err != nil {
			return nil, err
		}
		if e == nil {
			continue
		}
		name, on := namedAs(e, rec.alias)
		explain := st.explain(f, q.Name, name, on, nb, s, rec.flags&recWeak != 0)
		m := ix.newMatch(rec.ref, e, name, on, s, "phonetic ("+phonNames[f]+")", explain)
		m.Reading = nb.String()
		out = append(out, m)
	}
	return out, nil
}

// phonCandidates returns the names of the allowed kinds holding a word
// whose key is that of the rarest query word with any, and of the second
// rarest when it is not common.
func (ix *Index) phonCandidates(sc *scratch, st *phonState, kind string) []int32 {
	d := &ix.dict
	type wc struct {
		toks []int32
		n    int32
	}
	var best [2]wc
	for _, qw := range st.q {
		if qw.optional {
			continue
		}
		var c wc
		eachPhonKey(qw.keys, func(k []byte) {
			for _, t := range st.p.toks[string(k)] {
				if !slices.Contains(c.toks, t) {
					c.toks = append(c.toks, t)
					c.n += d.postStart[t+1] - d.postStart[t]
				}
			}
		})
		switch {
		case c.n == 0:
		case best[0].n == 0 || c.n < best[0].n:
			best[1], best[0] = best[0], c
		case best[1].n == 0 || c.n < best[1].n:
			best[1] = c
		}
	}
	sc.startCands()
	for k, c := range best {
		if c.n == 0 || k == 1 && c.n > maxPhonPostings {
			continue
		}
		for _, t := range c.toks {
			ix.addPostings(sc, t, kind)
		}
	}
	return sc.cands
}

// koreanRec reports whether a listed name reads as a Korean person's:
// every word Korean syllables, and the family name a Korean surname. A
// name written without a comma ("Park Geun-hye", as lists other than
// OFAC's and the press write Korean names) has none marked: its first or
// last word is.
func (ix *Index) koreanRec(p *phonIndex, words []RecWord) bool {
	marked := false
	for _, w := range words {
		if !p.korean[w.text] || w.flags&rwSurname != 0 && !ix.koreanSurname(w) {
			return false
		}
		marked = marked || w.flags&rwSurname != 0
	}
	return marked || len(words) > 0 && (ix.koreanSurname(words[0]) || ix.koreanSurname(words[len(words)-1]))
}

// koreanSurname reports whether w is a Korean surname (koreanSurnames).
func (ix *Index) koreanSurname(w RecWord) bool {
	_, ok := koreanSurnames[ix.dict.texts[w.text]]
	return ok
}

// isArticle reports whether w is the article of Arabic names ("al",
// "el", "ul"), which a query in another script may write or leave out;
// the other particles ("abd", "abu", "bin") are part of the name.
func isArticle(w []byte) bool { return particleClass(string(w)) == 1 }

// eachPhonKey calls fn with each key of keys, 0-terminated.
func eachPhonKey(keys []byte, fn func(k []byte)) {
	for len(keys) > 0 {
		i := 0
		for keys[i] != 0 {
			i++
		}
		fn(keys[:i])
		keys = keys[i+1:]
	}
}

// search pairs query words from qi on with unused name words, and keeps
// the best complete pairing.
func (st *phonState) search(qi int) {
	if qi == len(st.q) {
		st.finish()
		return
	}
	if st.q[qi].optional {
		st.search(qi + 1)
	}
	var kb [128]byte
	for qn := 1; qn <= st.maxRun && qi+qn <= len(st.q); qn++ {
		if !st.mayRun(qi, qn) {
			break
		}
		for r0 := range st.words {
			for rn := 1; rn <= maxPhonRun && r0+rn <= len(st.words); rn++ {
				if qn > 1 && rn > 1 {
					break // a run for a run says nothing a word for a word does not
				}
				if st.used&(1<<(r0+rn-1)) != 0 || rn > 1 && !sameNamePart(st.words[r0], st.words[r0+rn-1]) {
					break
				}
				k := kb[:0]
				ok := true
				for j := r0; j < r0+rn; j++ {
					if !st.p.hasKey[st.words[j].text] {
						ok = false
						break
					}
					k = append(k, st.p.byText[st.words[j].text]...)
				}
				if !ok {
					continue
				}
				if len(k) <= shortPhonKey && st.vowelInitialDiffers(qi, r0) {
					continue
				}
				alt := false
				if !st.agrees(qi, qn, k, false) {
					a := st.altKey(r0, rn)
					if a == "" || !st.agrees(qi, qn, []byte(a), true) {
						continue
					}
					alt = true
				}
				mask := uint32(1<<(r0+rn)-1) &^ uint32(1<<r0-1)
				st.used |= mask
				st.units = append(st.units, phonUnit{q0: int8(qi), q1: int8(qi + qn), r0: int8(r0), r1: int8(r0 + rn), exact: qn == 1 && rn == 1 && st.spelt(qi, qn, r0, rn), alt: alt})
				st.search(qi + qn)
				st.units = st.units[:len(st.units)-1]
				st.used &^= mask
			}
		}
	}
}

// shortPhonKey is the most letters of a key that is little to go on:
// a pair by such a key also asks that both words begin with a vowel or
// neither does (vowelInitialDiffers).
const shortPhonKey = 2

// vowelInitialDiffers reports whether query word qi begins with a vowel
// and name word r0 does not, or the other way, in a reading that writes
// its vowels (not an abjad's, which leaves a first vowel unwritten):
// "tin" (Myanmar) is not ADANI, "shao yi gu" (Han) not USHKO, though
// their keys agree ("tn", "sk"). A w counts as the vowel it glides from
// ("u" is the Korean "woo").
func (st *phonState) vowelInitialDiffers(qi, r0 int) bool {
	q, t := st.q[qi].text, st.ix.dict.texts[st.words[r0].text]
	return !st.abjad && q != "" && t != "" && isVowelLetter(q[0]) != isVowelLetter(t[0])
}

// altKey returns the second key of the one name word of run [r0, r0+rn)
// (phonIndex.alt), "" when it has none or the run has more words.
func (st *phonState) altKey(r0, rn int) string {
	if rn != 1 || st.p.alt == nil {
		return ""
	}
	return st.p.alt[st.words[r0].text]
}

// key returns the key name word j was read as in unit u.
func (st *phonState) key(u phonUnit, j int8) string {
	if u.alt {
		return st.p.alt[st.words[j].text]
	}
	return st.p.byText[st.words[j].text]
}

// mayRun reports whether query words [qi, qi+qn) may be read together as
// one word of a name, given that [qi, qi+qn-1) may: one word may; a run
// holds no optional word but the article after its first ("abd al" is
// the Abdel and Abdul of the lists), and no run crosses the middle dot
// of a foreign name in Han syllables (phonQWord.part).
func (st *phonState) mayRun(qi, qn int) bool {
	if qn == 1 {
		return true
	}
	last := &st.q[qi+qn-1]
	if last.optional && (qn > 2 || !isArticle([]byte(last.text))) {
		return false
	}
	return last.part == st.q[qi].part
}

// sameNamePart reports whether two words of a name are both family names
// or both given names.
func sameNamePart(a, b RecWord) bool {
	return a.flags&rwSurname == b.flags&rwSurname
}

// agrees reports whether the run of qn query words from qi reads as key k:
// one of the keys of its single word, or the first keys of its words run
// together.
func (st *phonState) agrees(qi, qn int, k []byte, alt bool) bool {
	if st.han {
		return st.hanAgrees(qi, qn, k, 0, alt)
	}
	if qn == 1 {
		return hasPhonKey(st.q[qi].keys, k)
	}
	for i := qi; i < qi+qn; i++ {
		first := firstPhonKey(st.q[i].keys)
		if !hasPrefix(k, first) {
			return false
		}
		k = k[len(first):]
	}
	return len(k) == 0
}

// firstPhonKey returns the first of keys, each 0-terminated.
func firstPhonKey(keys []byte) []byte {
	for i, c := range keys {
		if c == 0 {
			return keys[:i]
		}
	}
	return keys
}

// spelt reports whether the query words and the name words of a pair are
// spelt alike, run together. A pair counts as spelt alike (exact) only
// word for word: words run together can be cut more than one way ("kim
// jongun", "kim jon gun"). Read from an abjad, waw is the listed o or u
// it may be ("جونغ", read "jung", is spelt as Jong). Ya, the e or i, is
// not: "علي", Ali, is no spelling of ALE, a word of its own.
func (st *phonState) spelt(qi, qn, r0, rn int) bool {
	var a, b []byte
	for i := qi; i < qi+qn; i++ {
		a = append(a, st.q[i].text...)
	}
	for j := r0; j < r0+rn; j++ {
		b = append(b, st.ix.dict.texts[st.words[j].text]...)
	}
	if !st.abjad || len(a) != len(b) {
		return string(a) == string(b)
	}
	for i := range a {
		if a[i] != b[i] && !(isWaw(a[i]) && isWaw(b[i])) {
			return false
		}
	}
	return true
}

// isWaw reports whether c is a vowel an abjad writes with waw (vav).
func isWaw(c byte) bool { return c == 'o' || c == 'u' }

// finish scores a complete pairing and keeps it when it is the best.
func (st *phonState) finish() {
	if len(st.units) == 0 {
		return
	}
	if st.parted {
		// A part of a foreign name in Han syllables is one word of the
		// name: two of its syllables read as two words are no reading
		// of it ("哈桑·纳斯鲁拉", Hasan Nasrallah, is not "na si lu" NASR
		// and "la" AL).
		for k := 1; k < len(st.units); k++ {
			if st.q[st.units[k].q0].part == st.q[st.units[k-1].q1-1].part {
				return
			}
		}
	}
	d := &st.ix.dict
	var m, qw, r, maxW, sumW float32
	keyLen := 0
	exact := true
	surnames, surnamesPaired := 0, 0
	for j, w := range st.words {
		if w.flags&rwSurname != 0 {
			surnames++
			if st.used&(1<<j) != 0 {
				surnamesPaired++
			}
		}
	}
	// A person named by a rare family name alone, as the press of every
	// script writes one ("プーチン", "פוטין", Putin): every name word
	// paired is a family name.
	surnameOnly := st.person && surnamesPaired > 0
	for j, w := range st.words {
		if st.used&(1<<j) != 0 && w.flags&rwSurname == 0 {
			surnameOnly = false
		}
	}
	for _, u := range st.units {
		var wu float32
		for j := u.r0; j < u.r1; j++ {
			w := st.words[j]
			wu += w.weight
			k := st.key(u, j)
			keyLen += len(k)
			// The rare word the match rests on must be rare by its key
			// too, unless spelt alike or read from words run together:
			// "ali", keyed "l", is also WALI and ALE.
			if kw, ok := st.p.weight[k]; ok && !u.exact && u.r1-u.r0 == 1 && u.q1-u.q0 == 1 && kw < phonKeyShare*d.unseen {
				continue
			}
			maxW = max(maxW, w.weight)
			sumW += w.weight
		}
		c := float32(phonSim)
		if u.exact {
			c = 1
		} else {
			exact = false
		}
		m += c * wu
		qw += wu // a query word weighs as the words it reads as
	}
	givenLeft := false
	for j, w := range st.words {
		r += w.weight
		if st.used&(1<<j) != 0 {
			continue
		}
		switch {
		case w.flags&rwPatronymic != 0 || isArticle([]byte(d.texts[w.text])):
			r -= w.weight
		case w.flags&rwMiddle != 0:
			r -= (1 - middleWeight) * w.weight
		case w.flags&rwSurname != 0 && surnames > 1 && surnamesPaired > 0:
			r -= (1 - middleWeight) * w.weight
		case surnameOnly:
			// As the Latin reading counts a name's words a surname alone
			// leaves out (scoreRec).
			r -= (1 - surnameOnlyWeight) * w.weight
			givenLeft = true
		default:
			return // a word of the name a query may not leave out
		}
	}
	rare := rareShare * d.unseen
	if maxW < rare && sumW < phonRareSum*rare || keyLen < minPhonKey || len(st.units) == 1 && keyLen < minPhonSingle ||
		givenLeft && maxW < surnameOnlyRare*d.unseen {
		return
	}
	score := min(1, 2*m/(qw+r))
	if score > st.score || score == st.score && (exact && !st.exact || st.bestSurname && !givenLeft) {
		st.score, st.exact, st.bestSurname = score, exact, givenLeft
		st.best = append(st.best[:0], st.units...)
	}
}

// explain says how the best pairing read the query.
func (st *phonState) explain(f phonFamily, query, name, on string, nb *normBuf, score float64, weak bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q vs %s %q: ", query, on, name)
	d := &st.ix.dict
	paired, queried := uint32(0), uint32(0)
	for i, u := range st.best {
		if i > 0 {
			b.WriteString(", ")
		}
		var qt, rt, k []string
		for j := u.q0; j < u.q1; j++ {
			qt = append(qt, st.q[j].text)
			queried |= 1 << j
		}
		for j := u.r0; j < u.r1; j++ {
			rt = append(rt, d.texts[st.words[j].text])
			k = append(k, st.key(u, j))
			paired |= 1 << j
		}
		b.WriteString(strings.Join(qt, " "))
		if u.exact && strings.Join(qt, "") == strings.Join(rt, "") {
			b.WriteString("=" + strings.Join(rt, " "))
			continue
		}
		if u.exact {
			b.WriteString("≈" + strings.Join(rt, " ") + " (spelt alike: the script writes o and u with one letter)")
			continue
		}
		fmt.Fprintf(&b, "~%s (phonetic key %s)", strings.Join(rt, " "), strings.Join(k, ""))
	}
	for j, qw := range st.q {
		if qw.sayyid && queried&(1<<j) == 0 {
			b.WriteString(", " + qw.text + " (honorific, left out)")
		}
	}
	for j, w := range st.words {
		if paired&(1<<j) != 0 {
			continue
		}
		b.WriteString(", " + d.texts[w.text])
		switch {
		case w.flags&rwPatronymic != 0:
			b.WriteString(" left out (patronymic, optional)")
		case isArticle([]byte(d.texts[w.text])):
			b.WriteString(" left out (article)")
		case w.flags&rwMiddle != 0:
			b.WriteString(" left out (further given name, weight ×" + strconv.FormatFloat(middleWeight, 'f', 1, 64) + ")")
		case st.bestSurname && w.flags&rwSurname == 0:
			b.WriteString(" left out (surname only: a rare surname, the given names left out)")
		default:
			b.WriteString(" left out (one of several family names)")
		}
	}
	if len(nb.schemes) > 0 {
		fmt.Fprintf(&b, "; query transliterated (%s)", joinSchemes(nb.schemes))
	}
	if nb.persian {
		b.WriteString(persianNote)
	}
	fmt.Fprintf(&b, "; query read as %q", nb.String())
	fmt.Fprintf(&b, "; phonetic (%s): %s; the whole name agrees", phonNames[f], phonRules[f])
	b.WriteString("; words weighted by rarity in the list; score " + strconv.FormatFloat(score, 'f', 3, 64))
	if weak {
		b.WriteString("; weak alias (the list marks it low quality): review at most")
	}
	if !st.exact {
		b.WriteString("; a phonetic likeness: review at most")
	}
	return b.String()
}
