package screen

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/bangate/bangate/internal/textnorm"
)

// explainBan explains a whole-name match against a ban list.
func (ix *Index) explainBan(sc *scratch, query, name, on string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q equals %s %q after normalisation (%q", query, on, name, string(sc.buf))
	writeNormNotes(&b, &sc.nb)
	b.WriteString(")")
	return b.String()
}

// explainBrand explains a brand word found in the query: words at to
// at+n of nb, with a detail of how they were read.
func (ix *Index) explainBrand(nb *normBuf, query string, br brand, at, n int, detail string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "brand %q appears as whole word", br.text)
	if n > 1 {
		b.WriteString("s")
	}
	fmt.Fprintf(&b, " %d", at+1)
	if n > 1 {
		fmt.Fprintf(&b, "-%d", at+n)
	}
	fmt.Fprintf(&b, " of %q (%q", query, nb.String())
	writeNormNotes(&b, nb)
	b.WriteString(")")
	if detail != "" {
		b.WriteString("; " + detail)
	}
	return b.String()
}

// String returns the folded words joined by single spaces.
func (nb *normBuf) String() string {
	var b strings.Builder
	for i := range nb.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.Write(nb.word(i))
	}
	return b.String()
}

// writeNormNotes adds the normalisations applied to a name.
func writeNormNotes(b *strings.Builder, nb *normBuf) {
	if nb.translit {
		fmt.Fprintf(b, "; transliterated (%s)", joinSchemes(nb.schemes))
	}
	var legal []string
	for i, w := range nb.words {
		if w.flags&wordLegal != 0 {
			legal = append(legal, string(nb.word(i)))
		}
	}
	if len(legal) > 0 {
		fmt.Fprintf(b, "; legal forms ignored: %s", strings.Join(legal, " "))
	}
}

// persianNote explains a query read by normBuf.normalizeAs as Persian.
const persianNote = "; its Arabic script read as Persian and Urdu sound it (ض and ذ z, ث s, و v)"

// explainScored explains a scored match from the pairs scoreRec chose, and
// names its method: "exact" (same string but for case), "normalized" (the
// same words in the same order), "token-set" (every word paired by
// phonetic key, order free, optional words left out) or "fuzzy" (typos or
// initials). The text is built in the scratch buffer, one string per
// match: every positive screened pays for it. spelt is Match.Spelt: two
// pairs or more of words spelt alike, any other pair a person's initial,
// and every word of the name that paired with nothing optional (a
// linking word, the article, a patronymic); the query may have words
// more.
func (ix *Index) explainScored(sc *scratch, query string, h hit, name, on string) (method, explain string, spelt bool) {
	rec := &ix.recs[h.rec]
	org := rec.kind != recPerson
	words := ix.words[rec.w0:rec.w1]
	// The scored words of the name are the vocabulary's texts, in order.
	rtext := func(j int) string { return ix.dict.texts[words[j].text] }
	qpair := sc.qpair[:0]
	for range sc.qw {
		qpair = append(qpair, -1)
	}
	sc.qpair = qpair
	rpaired := resetBools(sc.rUsed, len(words))
	sc.rUsed = rpaired
	for k, p := range sc.pairs {
		if p.chosen {
			qpair[p.q] = int32(k)
			rpaired[p.r] = true
		}
	}
	for _, a := range sc.acr {
		for j := a.r0; j < a.r1; j++ {
			rpaired[j] = true
		}
	}

	b := sc.ebuf[:0]
	b = appendQuoted(b, query)
	b = append(b, " vs "...)
	b = append(b, on...)
	b = append(b, ' ')
	b = appendQuoted(b, name)
	b = append(b, ": "...)
	first := true
	part := func() {
		if !first {
			b = append(b, ", "...)
		}
		first = false
	}
	allText, allKey, inOrder := true, true, true
	lastR := int32(-1)
	for i := range sc.qw {
		q := &sc.qw[i]
		if org && q.legal && qpair[i] < 0 {
			continue
		}
		part()
		b = append(b, sc.nb.word(i)...)
		k := qpair[i]
		if a, ok := acronymOf(sc.acr, i); ok {
			if ix.translatedAcronymAt(words, int(a.r0), sc.nb.word(i)) == int(a.r1) {
				b = append(b, " (Russian initials of"...)
			} else {
				b = append(b, " (initials of"...)
			}
			for j := a.r0; j < a.r1; j++ {
				b = append(b, ' ')
				b = append(b, rtext(int(j))...)
			}
			b = append(b, ')')
			allText, allKey = false, false
			continue
		}
		if k < 0 {
			if !org && q.title {
				b = append(b, " (title, left out)"...)
				continue
			}
			if !org && q.sayyid && sc.caps&capSayyid != 0 {
				b = append(b, " (honorific, left out)"...)
				continue
			}
			if !org && sc.articleLeftOut(i, words) {
				b = append(b, " left out (article, optional)"...)
				continue
			}
			b = append(b, " unmatched"...)
			allText, allKey = false, false
			continue
		}
		p := sc.pairs[k]
		if p.r < lastR {
			inOrder = false
		}
		lastR = p.r
		rt := rtext(int(p.r))
		switch {
		case p.kind == pairInitial && !org:
			b = append(b, ".="...)
			b = append(b, rt...)
			b = append(b, " (initial)"...)
			allText, allKey = false, false
		case p.kind == pairTypo && q.number && org:
			b = append(b, "≈"...)
			b = append(b, rt...)
			b = append(b, " (singular and plural)"...)
			allText, allKey = false, false
		case p.kind == pairTypo, p.kind == pairShortGiven:
			swapped := isTransposition(sc.nb.word(i), rt)
			b = append(b, "≈"...)
			b = append(b, rt...)
			switch {
			case p.kind == pairShortGiven && swapped:
				b = append(b, " (a short given name with two neighbouring letters swapped)"...)
			case p.kind == pairShortGiven && clusterVowel(sc.nb.word(i), rt):
				b = append(b, " (a short given name with a vowel written between its last two consonants, or left out)"...)
			case p.kind == pairShortGiven:
				b = append(b, " (a short given name with an h added or left out)"...)
			case swapped:
				b = append(b, " (two neighbouring letters swapped, Damerau–Levenshtein distance 1)"...)
			case !withinOneEdit(rt, sc.nb.word(i)):
				// One letter apart in their phonetic keys, further in
				// spelling ("kontrolled" and KONTROLES).
				b = append(b, " (one letter apart in their phonetic keys)"...)
			default:
				b = append(b, " (one letter apart, Damerau–Levenshtein distance 1)"...)
			}
			allText, allKey = false, false
		case p.kind == pairVowels:
			b = append(b, "≈"...)
			b = append(b, rt...)
			b = append(b, " (vowels written otherwise: e, i and y as one, o and u as one)"...)
			allText, allKey = false, false
		case p.kind == pairConsonants:
			b = append(b, "≈"...)
			b = append(b, rt...)
			b = appendConsonantsNote(b, words[p.r].flags, sc.nb.word(i), rt)
			allText, allKey = false, false
		case p.kind == pairVoicing:
			b = append(b, "≈"...)
			b = append(b, rt...)
			b = append(b, " (a consonant voiced or voiceless: s and z, f and v, d and t, b and p, g and k; or the qaf as g, q or gh)"...)
			allText, allKey = false, false
		case p.kind == pairText:
			b = append(b, '=')
			b = append(b, rt...)
		case p.kind == pairParticle:
			b = append(b, '~')
			b = append(b, rt...)
			b = append(b, " (the same particle)"...)
			allText = false
		case p.kind == pairPrefix && len(sc.nb.word(i)) > len(rt):
			// The list gives the beginning (listedAbbrev).
			b = append(b, '=')
			b = append(b, rt...)
			b = append(b, "… (the list gives the beginning of the given name)"...)
			allText, allKey = false, false
		case p.kind == pairPrefix:
			b = append(b, "…="...)
			b = append(b, rt...)
			b = append(b, " (beginning of the given name)"...)
			allText, allKey = false, false
		case p.kind == pairGivenForm:
			b = append(b, '~')
			b = append(b, rt...)
			if sameLanguageForm(sc.nb.word(i), string(rt)) {
				b = append(b, " (the same given name in another language)"...)
			} else {
				b = append(b, " (a nickname of the same given name)"...)
			}
			allText, allKey = false, false
		case p.kind == pairSkeleton:
			b = append(b, '~')
			b = append(b, rt...)
			b = append(b, " (consonant skeleton "...)
			b = ix.appendPairedSkeleton(b, sc.nb.word(i), sc.nb.schemes, words[p.r].tok)
			b = append(b, ')')
			allText, allKey = false, false
		case p.kind == pairRespelt, p.kind == pairAlt:
			how := q.respelt
			if p.kind == pairAlt {
				how = q.altHow
			}
			b = append(b, '~')
			b = append(b, rt...)
			if how == companyWord {
				how = companyWordRule(string(sc.nb.word(i)), rt)
				b = append(b, " ("...)
			} else {
				b = append(b, " (foreign spelling: "...)
			}
			b = append(b, how...)
			b = append(b, ", phonetic key "...)
			b = append(b, ix.dict.keys[words[p.r].tok]...)
			b = append(b, ')')
			allText = false
		default:
			b = append(b, '~')
			b = append(b, rt...)
			if p.kind == pairKey && geminateVariant(sc.nb.word(i), rt) {
				b = append(b, " (a letter doubled, phonetic key "...)
			} else {
				b = append(b, " (phonetic key "...)
			}
			b = append(b, ix.dict.keys[words[p.r].tok]...)
			b = append(b, ')')
			allText = false
		}
	}
	// nameCovered is cleared by a word of the name that paired with
	// nothing and is not optional (spelt).
	nameCovered := true
	surnamePaired := false
	for j, rw := range words {
		surnamePaired = surnamePaired || rpaired[j] && rw.flags&rwSurname != 0
	}
	for j, rw := range words {
		if rpaired[j] {
			continue
		}
		part()
		b = append(b, rtext(j)...)
		switch {
		case org && ix.leadingArticle(words, rpaired, j), surnamePaired && ix.isArticle(rw):
			b = append(b, " left out (article, optional)"...)
		case org && ix.optionalLink(words, rpaired, j):
			b = append(b, " left out (linking word, optional)"...)
		case rw.flags&rwPatronymic != 0:
			b = append(b, " left out (patronymic, optional)"...)
		case rw.flags&rwMiddle != 0:
			b = appendWeighedOut(b, "further given name")
			allText, allKey, nameCovered = false, false, false
		case !org && sc.caps&capNaturalLast != 0 && j == len(words)-1:
			b = appendWeighedOut(b, "the last name")
			allText, allKey, nameCovered = false, false, false
		case !org && isHonorific(rtext(j)):
			b = appendWeighedOut(b, "honorific")
			allText, allKey, nameCovered = false, false, false
		default:
			b = append(b, " missing"...)
			allText, allKey, nameCovered = false, false, false
		}
	}
	switch {
	case strings.EqualFold(strings.TrimSpace(query), strings.TrimSpace(name)):
		method = "exact"
	case allText && inOrder && !anyUnpaired(rpaired):
		method = "normalized"
	case allKey:
		method = "token-set"
	default:
		method = "fuzzy"
	}

	if sc.nb.translit {
		b = append(b, "; query transliterated ("...)
		b = appendSchemes(b, sc.nb.schemes)
		b = append(b, ')')
	}
	if sc.nb.persian {
		b = append(b, persianNote...)
	}
	for _, s := range sc.nb.splits {
		b = append(b, "; glued words split: "...)
		b = appendQuoted(b, s)
	}
	for _, s := range sc.nb.joins {
		b = append(b, "; split words joined: "...)
		b = appendQuoted(b, s)
	}
	for _, s := range sc.nb.expanded {
		b = append(b, "; abbreviation read as the words it stands for: "...)
		b = appendQuoted(b, s)
	}
	for _, s := range sc.nb.arabicRead {
		b = append(b, "; word of an organisation's name in the Arabic script read in English: "...)
		b = append(b, s...)
	}
	for _, s := range sc.nb.initialisms {
		b = append(b, "; name read as its initials: "...)
		b = appendQuoted(b, s)
	}
	for _, s := range sc.nb.dins {
		b = append(b, "; al-Din of a compound name read as the list writes it: "...)
		b = appendQuoted(b, s)
	}
	for _, s := range sc.nb.translated {
		b = append(b, "; trade word of a Chinese company's name read in English: "...)
		b = append(b, s...)
	}
	if sc.nb.translit || sc.nb.resegmented || len(sc.nb.expanded) > 0 {
		b = append(b, "; query read as "...)
		b = appendQuoted(b, sc.nb.String())
	}
	if note := readingNote(rec.flags); note != "" {
		b = append(b, note...)
		b = append(b, ": \""...)
		for j := range words {
			if j > 0 {
				b = append(b, ' ')
			}
			b = append(b, rtext(j)...)
		}
		b = append(b, '"')
	}
	if org {
		b = appendLegal(b, "query", &sc.nb, qpair)
		sc.rnb.normalize(name)
		b = appendLegal(b, "name", &sc.rnb, nil)
	} else {
		b = append(b, "; person rules (word order free)"...)
	}
	b = append(b, "; words weighted by rarity in the list; score "...)
	b = strconv.AppendFloat(b, h.score, 'f', 3, 64)
	b = appendCaps(b, sc.caps)
	sc.ebuf = b
	spelt = nameCovered && len(sc.acr) == 0 && rec.flags&recWeak == 0
	text := 0
	for _, p := range sc.pairs {
		switch {
		case !p.chosen:
		case p.kind == pairText:
			text++
		case p.kind == pairInitial && !org:
			// An initial of a person's given name or patronymic, which
			// the listed word begins with ("Oleg V. Deripaska").
		default:
			spelt = false
		}
	}
	return method, string(b), spelt && text >= 2
}

// appendQuoted appends s quoted as strconv.AppendQuote quotes it. Most
// names are printable ASCII with no quote or backslash, quoted as they
// are without strconv's test of every rune.
func appendQuoted(b []byte, s string) []byte {
	for i := range len(s) {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			return strconv.AppendQuote(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// acronymOf returns the acronym pair of query word i, if any.
func acronymOf(acr []acronym, i int) (acronym, bool) {
	for _, a := range acr {
		if int(a.q) == i {
			return a, true
		}
	}
	return acronym{}, false
}

// appendWeighedOut appends that a word of the name, of the kind what,
// is left out and counts middleWeight of its weight.
func appendWeighedOut(b []byte, what string) []byte {
	b = append(b, " left out ("...)
	b = append(b, what...)
	b = append(b, ", weight ×"...)
	b = strconv.AppendFloat(b, middleWeight, 'f', 1, 64)
	return append(b, ')')
}

// appendCaps adds the evidence rules that kept a name to review.
func appendCaps(b []byte, caps capFlag) []byte {
	for _, c := range capNotes {
		if caps&c.f != 0 {
			b = append(b, "; "...)
			b = append(b, c.text...)
			b = append(b, ": review at most"...)
		}
	}
	return b
}

// readingNote names the other reading a name was indexed in (addReadings),
// by its flags; "" for none.
func readingNote(f recFlag) string {
	switch {
	case f&recKorean != 0:
		return "; the listed name read as a Korean name (McCune–Reischauer)"
	case f&recGreek != 0:
		return "; the listed name read as Greek renders a foreign name (μπ b, ντ d, γκ g, τζ j)"
	}
	return ""
}

// appendConsonantsNote says how a pair of the same consonants
// (pairConsonants) of query word w and listed word rt paired, by the
// flags of the name's word: read from kana, from an abjad, or as a Latin
// spelling, the listed word's as English respells it where its own
// consonants are others (listedForeign).
func appendConsonantsNote(b []byte, f recWordFlag, w []byte, rt string) []byte {
	switch {
	case f&rwKana != 0:
		return append(b, " (the same consonants as kana writes them, l as r and v as b; the name read from kana, which writes a vowel after each consonant)"...)
	case f&rwAbjad != 0:
		return append(b, " (the same consonants; the name read from Arabic or Hebrew letters, which leave short vowels out)"...)
	}
	qf := consonantForm(nil, w)
	if !bytes.Equal(qf, consonantForm(nil, []byte(rt))) {
		var rb, fb []byte
		var how *orthography
		var read string
		eachListedForeign([]byte(rt), &rb, func(o *orthography, r []byte) {
			if how == nil && bytes.Equal(consonantForm(fb[:0], r), qf) {
				how, read = o, string(r)
			}
		})
		if how != nil {
			b = append(b, " (the same consonants in as many syllables, the vowels otherwise, the name's word read as English respells its "...)
			b = append(b, how.name...)
			b = append(b, ", "...)
			b = appendQuoted(b, read)
			return append(b, ')')
		}
	}
	return append(b, " (the same consonants as written in as many syllables, the vowels otherwise)"...)
}

// capNotes say in words why a score was capped, in the order they are
// written.
var capNotes = []struct {
	f    capFlag
	text string
}{
	{capWeakAlias, "weak alias (the list marks it low quality)"},
	{capWeakEvidence, "too little of the name spelt alike (a phonetic, initial or short-typo likeness)"},
	{capPartialFamily, "partial name: one of several family names left out, the rare one matched"},
	{capSubset, "word-set match: the query's words are the name's rarest, the rest left out"},
	{capOneWord, "one word for a longer name"},
	{capCommonName, "a name of one word of everyday English: the whole name of many, not the party's own"},
	{capSurnameOnly, "surname only: a rare surname, the given names left out"},
	{capListedSurname, "the list gives a rare family name alone, a title aside, and the query the given names too"},
	{capLaterGiven, "a rare surname and a later given name or the patronymic, the first given name left out"},
	{capGivenTypo, "a rare surname and the first given name one letter off, scored as the surname alone"},
	{capInitials, "given names by their initials only"},
	{capAbbrev, "a given name by its beginning only"},
	{capGivenForm, "a given name in another language's form"},
	{capNickname, "a given name by its nickname"},
	{capSayyid, "the honorific Sayyid before a name that does not give it"},
	{capDin, "al-Din of a compound name read as the list writes it, a reading of the query"},
	{capInitialism, "the organisation's name read as its initials, a reading of the query"},
	{capTranslated, "words of an organisation's name in the Arabic script read as the English words the lists write, a reading of the query"},
	{capQueryMiddle, "a further name of the query that the list does not give"},
	{capNaturalMiddle, "a further name of a name the list writes with no comma left out (its role unknown)"},
	{capNaturalLast, "the last name of a name the list writes with no comma left out, its first and another paired: a second family name, or the family name"},
	{capSuperset, "every word of the name, the rare one among them, and further words of the query"},
	{capAcronym, "a query word the initials of words of the name"},
	{capNameChain, "name chain: the first and a later name of the chain, together rare, the family name left out"},
	{capBranch, "a branch of the organisation: every word of the name, then a place and a branch qualifier"},
}

// isTransposition reports whether a and b differ by two neighbouring
// letters swapped.
func isTransposition[A, B ~string | ~[]byte](a A, b B) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i+1 >= len(a) || a[i] != b[i+1] || a[i+1] != b[i] {
		return false
	}
	for k := i + 2; k < len(a); k++ {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// joinSchemes names the transliteration schemes a name took.
func joinSchemes(ss []textnorm.Scheme) string {
	return string(appendSchemes(nil, ss))
}

// appendSchemes appends the names of the schemes, separated by "; ".
func appendSchemes(b []byte, ss []textnorm.Scheme) []byte {
	for i, s := range ss {
		if i > 0 {
			b = append(b, "; "...)
		}
		b = append(b, s...)
	}
	return b
}

func anyUnpaired(paired []bool) bool {
	for _, p := range paired {
		if !p {
			return true
		}
	}
	return false
}

// appendLegal adds the legal forms of one side that scoring ignored; a
// word of the query that paired although read as one (qpair[i] >= 0: the
// name's own first word) is not among them.
func appendLegal(b []byte, side string, nb *normBuf, qpair []int32) []byte {
	first := true
	if nb.web {
		b = append(b, "; "...)
		b = append(b, side...)
		b = append(b, " read as a web address: www and ."...)
		b = append(b, nb.word(len(nb.words)-1)...)
		b = append(b, " ignored"...)
	}
	if at := nb.branchStart(); at >= 0 {
		b = append(b, "; "...)
		b = append(b, side...)
		b = append(b, " branch qualifier ignored:"...)
		for i := at; i < len(nb.words) && nb.words[i].flags&wordBranch != 0; i++ {
			b = append(b, ' ')
			b = append(b, nb.word(i)...)
		}
	}
	apart := false // word i-1 and word i are a legal form written apart
	for i, w := range nb.words {
		if w.flags&wordLegal == 0 || w.flags&wordBranch != 0 || nb.web && (i == 0 || i == len(nb.words)-1) || i < len(qpair) && qpair[i] >= 0 {
			continue
		}
		if first {
			b = append(b, "; "...)
			b = append(b, side...)
			b = append(b, " legal form ignored: "...)
		} else {
			b = append(b, ' ')
		}
		first = false
		b = append(b, nb.word(i)...)
		switch {
		case apart:
			b = append(b, " ("...)
			b = append(b, nb.word(i-1)...)
			b = append(b, nb.word(i)...)
			b = append(b, " written apart)"...)
			apart = false
		case i+1 < len(nb.words) && nb.words[i+1].flags&wordLegal != 0 && legalApart(nb.word(i), nb.word(i+1)):
			apart = true
		default:
			if _, ok := legalWords[string(nb.word(i))]; !ok {
				b = append(b, " (misspelt)"...)
			}
		}
	}
	return b
}
