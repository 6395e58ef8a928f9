package screen

import (
	"fmt"
	"strconv"
	"strings"
)

// Two-edit surnames. A long surname written by the conventions of another
// language can be two letters from the list's spelling even where no
// orthography of respell.go covers it ("Prigoschin", "Loukachenko"); one
// edit is what scoring looks for. A query whose other words name the
// person as the list does (a given name, by spelling or phonetic key) and
// whose one remaining word is two edits from a rare listed surname of
// minTwoEdit letters or more is that person, possibly: the method is
// "two-edit surname", and it is a possible match (review) at most.

const (
	// minTwoEdit is the fewest letters of a surname, and of the query
	// word, paired two edits apart.
	minTwoEdit = 7
	// twoEditSim is the credit of such a pair.
	twoEditSim = 0.8
	// maxTwoEditPostings is the most names gathered for it.
	maxTwoEditPostings = 5000
)

// twoEditMatches appends the two-edit surname matches of the query that
// sc.qw holds (scoredMatches prepared it): one query word that no listed
// name spells, keys or has within one edit, the others listed words.
func (ix *Index) twoEditMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	if q.Kind == KindOrganization || len(ix.recs) == 0 || len(sc.qw) < 2 {
		return out, nil
	}
	d := &ix.dict
	u, others := -1, 0
	gatherFrom := int32(-1)
	for i := range sc.qw {
		qw := &sc.qw[i]
		switch {
		case qw.title:
		case qw.initial || qw.legal:
			return out, nil
		case qw.exact >= 0:
			others++
			if gatherFrom < 0 || postings(d, qw.exact) < postings(d, gatherFrom) {
				gatherFrom = qw.exact
			}
		case len(sc.nb.word(i)) >= minTwoEdit && qw.n1 == qw.n0 && qw.s1 == qw.n0 && qw.alt < 0 && u < 0 && lettersOnly(sc.nb.word(i)):
			u = i
		default:
			return out, nil
		}
	}
	if u < 0 || others == 0 || postings(d, gatherFrom) > maxTwoEditPostings {
		return out, nil
	}
	uw := sc.nb.word(u)
	var uk [128]byte
	ukey := appendKey(uk[:0], uw)
	rare := rareShare * d.unseen
	start := len(out)
	var used [maxPhonWords]bool
	var pairedTo [maxPhonWords]int
	for _, ri := range d.post[d.postStart[gatherFrom]:d.postStart[gatherFrom+1]] {
		rec := &ix.recs[ri]
		if rec.kind != recPerson || rec.flags&recShort != 0 {
			continue
		}
		words := ix.words[rec.w0:rec.w1]
		if len(words) > maxPhonWords || len(sc.qw) > maxPhonWords {
			continue
		}
		clear(used[:])
		// The surname two edits from the unknown word.
		s := -1
		for j, rw := range words {
			t := d.texts[rw.text]
			if rw.flags&rwSurname != 0 && len(t) >= minTwoEdit && t[0] == uw[0] && rw.weight >= rare &&
				(withinTwoEdits(t, uw) || withinTwoEdits(d.keys[rw.tok], ukey)) {
				s = j
				break
			}
		}
		if s < 0 {
			continue
		}
		used[s] = true
		var m, qsum float32
		m, qsum = twoEditSim*words[s].weight, words[s].weight
		given, ok := false, true
		for i := range sc.qw {
			qw := &sc.qw[i]
			pairedTo[i] = -1
			if i == u || qw.title {
				continue
			}
			best := -1
			for j, rw := range words {
				if !used[j] && rw.tok == qw.exact && (best < 0 || rw.text == qw.text) {
					best = j
				}
			}
			if best < 0 {
				ok = false
				break
			}
			used[best], pairedTo[i] = true, best
			c := float32(keySimPerson)
			if words[best].text == qw.text {
				c = 1
			}
			m += c * words[best].weight
			qsum += words[best].weight
			given = given || words[best].flags&rwGiven != 0
		}
		if !ok || !given {
			continue
		}
		var r float32
		for j, rw := range words {
			r += rw.weight
			switch {
			case used[j]:
			case rw.flags&rwPatronymic != 0:
				r -= rw.weight
			case rw.flags&(rwMiddle|rwSurname) != 0:
				r -= (1 - middleWeight) * rw.weight
			default:
				ok = false
			}
		}
		if !ok || qsum+r <= 0 {
			continue
		}
		score := min(2*m/(qsum+r), sc.capAt)
		if round3(score) < ix.opts.Review {
			continue
		}
		e, err := ix.entry(rec.ref)
		if err != nil {
			return nil, err
		}
		if hasEntry(out[start:], ix.listID(rec.ref), e.ID) {
			continue
		}
		name := nameIn(e, rec.alias)
		on := "name"
		if rec.alias >= 0 {
			on = "alias"
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%q vs %s %q: ", q.Name, on, name)
		for i := range sc.qw {
			if i > 0 {
				b.WriteString(", ")
			}
			b.Write(sc.nb.word(i))
			switch {
			case i == u:
				fmt.Fprintf(&b, "≈%s (two letters apart, Damerau–Levenshtein distance 2, a rare surname of %d letters or more)", d.texts[words[s].text], minTwoEdit)
			case pairedTo[i] < 0:
				b.WriteString(" (title, left out)")
			case words[pairedTo[i]].text == sc.qw[i].text:
				b.WriteString("=" + d.texts[words[pairedTo[i]].text])
			default:
				fmt.Fprintf(&b, "~%s (phonetic key %s)", d.texts[words[pairedTo[i]].text], d.keys[words[pairedTo[i]].tok])
			}
		}
		for j, rw := range words {
			if !used[j] {
				b.WriteString(", " + d.texts[rw.text] + " left out")
			}
		}
		b.WriteString("; person rules (word order free); words weighted by rarity in the list; score ")
		b.WriteString(strconv.FormatFloat(round3(score), 'f', 3, 64))
		b.WriteString("; two-edit surname, the given name as listed: review at most")
		out = append(out, ix.newMatch(rec.ref, e, name, on, round3(score), "two-edit surname", b.String()))
	}
	return out, nil
}

// postings returns the number of names holding key t.
func postings(d *dict, t int32) int32 {
	return d.postStart[t+1] - d.postStart[t]
}

// lettersOnly reports whether w is made of the letters a–z.
func lettersOnly(w []byte) bool {
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// withinTwoEdits reports whether a and b are at most two edits apart
// (optimal string alignment: insertions, deletions, substitutions and
// transpositions of neighbouring letters). Words of more than 62 letters
// never are.
func withinTwoEdits(a string, b []byte) bool {
	la, lb := len(a), len(b)
	if la-lb > 2 || lb-la > 2 || la > 62 || lb > 62 {
		return false
	}
	var rows [3][64]uint8
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= lb; j++ {
		prev[j] = uint8(j)
	}
	for i := 1; i <= la; i++ {
		cur[0] = uint8(i)
		low := cur[0]
		for j := 1; j <= lb; j++ {
			cost := uint8(1)
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			low = min(low, v)
		}
		if low > 2 {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb] <= 2
}
