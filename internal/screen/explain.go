package screen

import (
	"fmt"
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

// explainScored explains a scored match from the pairs scoreRec chose, and
// names its method: "exact" (same string but for case), "normalized" (the
// same words in the same order), "token-set" (every word paired by
// phonetic key, order free, optional words left out) or "fuzzy" (typos or
// initials).
func (ix *Index) explainScored(sc *scratch, query string, h hit, name, on string) (method, explain string) {
	rec := &ix.recs[h.rec]
	org := rec.kind != recPerson
	words := ix.words[rec.w0:rec.w1]
	sc.rnb.normalize(name)
	// Map scored record words to the words of the normalised name.
	rtext := make([]string, 0, len(words))
	for i, w := range sc.rnb.words {
		if org && w.flags&wordLegal != 0 {
			continue
		}
		rtext = append(rtext, string(sc.rnb.word(i)))
	}
	if len(rtext) != len(words) {
		// Cannot happen: the index normalised the same name the same way.
		rtext = make([]string, len(words))
	}
	qpair := make([]int, len(sc.qw))
	for i := range qpair {
		qpair[i] = -1
	}
	rpaired := make([]bool, len(words))
	for k, p := range sc.pairs {
		if p.chosen {
			qpair[p.q] = k
			rpaired[p.r] = true
		}
	}

	allText, allKey, inOrder := true, true, true
	lastR := int32(-1)
	var parts []string
	for i := range sc.qw {
		q := &sc.qw[i]
		qt := string(sc.nb.word(i))
		if org && q.legal {
			continue
		}
		k := qpair[i]
		if k < 0 {
			parts = append(parts, qt+" unmatched")
			allText, allKey = false, false
			continue
		}
		p := sc.pairs[k]
		if p.r < lastR {
			inOrder = false
		}
		lastR = p.r
		rt := rtext[p.r]
		switch {
		case p.kind == pairInitial && !org:
			parts = append(parts, fmt.Sprintf("%s.=%s (initial)", qt, rt))
			allText, allKey = false, false
		case p.kind == pairTypo:
			edit := "one letter apart"
			if isTransposition(qt, rt) {
				edit = "two neighbouring letters swapped"
			}
			parts = append(parts, fmt.Sprintf("%s≈%s (%s, Damerau–Levenshtein distance 1)", qt, rt, edit))
			allText, allKey = false, false
		case p.kind == pairText:
			parts = append(parts, qt+"="+rt)
		default:
			parts = append(parts, fmt.Sprintf("%s~%s (phonetic key %s)", qt, rt, ix.dict.keys[words[p.r].tok]))
			allText = false
		}
	}
	for j, rw := range words {
		if rpaired[j] {
			continue
		}
		switch {
		case rw.flags&rwPatronymic != 0:
			parts = append(parts, rtext[j]+" left out (patronymic, optional)")
		case rw.flags&rwMiddle != 0:
			parts = append(parts, fmt.Sprintf("%s left out (further given name, weight ×%.1f)", rtext[j], middleWeight))
			allText, allKey = false, false
		default:
			parts = append(parts, rtext[j]+" missing")
			allText, allKey = false, false
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

	var b strings.Builder
	fmt.Fprintf(&b, "%q vs %s %q: %s", query, on, name, strings.Join(parts, ", "))
	if sc.nb.translit {
		fmt.Fprintf(&b, "; query transliterated (%s)", joinSchemes(sc.nb.schemes))
	}
	for _, s := range sc.nb.splits {
		fmt.Fprintf(&b, "; glued words split: %q", s)
	}
	for _, s := range sc.nb.joins {
		fmt.Fprintf(&b, "; split words joined: %q", s)
	}
	if sc.nb.translit || sc.nb.resegmented {
		fmt.Fprintf(&b, "; query read as %q", sc.nb.String())
	}
	if org {
		writeLegal(&b, "query", &sc.nb)
		writeLegal(&b, "name", &sc.rnb)
	}
	if !org {
		b.WriteString("; person rules (word order free)")
	}
	fmt.Fprintf(&b, "; words weighted by rarity in the list; score %.3f", h.score)
	writeCaps(&b, sc.caps)
	return method, b.String()
}

// writeCaps adds the evidence rules that kept a name to review.
func writeCaps(b *strings.Builder, caps capFlag) {
	for _, c := range []struct {
		f    capFlag
		text string
	}{
		{capWeakAlias, "weak alias (the list marks it low quality)"},
		{capWeakEvidence, "too little of the name spelt alike (a phonetic, initial or short-typo likeness)"},
		{capPartialFamily, "partial name: one of several family names left out, the rare one matched"},
		{capSubset, "word-set match: the query's words are the name's rarest, the rest left out"},
		{capOneWord, "one word for a longer name"},
	} {
		if caps&c.f != 0 {
			fmt.Fprintf(b, "; %s: review at most", c.text)
		}
	}
}

// isTransposition reports whether a and b differ by two neighbouring
// letters swapped.
func isTransposition(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// joinSchemes names the transliteration schemes a name took.
func joinSchemes(ss []textnorm.Scheme) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return strings.Join(out, "; ")
}

func anyUnpaired(paired []bool) bool {
	for _, p := range paired {
		if !p {
			return true
		}
	}
	return false
}

// writeLegal adds the legal forms of one side that scoring ignored.
func writeLegal(b *strings.Builder, side string, nb *normBuf) {
	var legal []string
	for i, w := range nb.words {
		if w.flags&wordLegal != 0 {
			legal = append(legal, string(nb.word(i)))
		}
	}
	if len(legal) > 0 {
		fmt.Fprintf(b, "; %s legal form ignored: %s", side, strings.Join(legal, " "))
	}
}
