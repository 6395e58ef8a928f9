package screen

import (
	"fmt"
	"strconv"
	"strings"
)

// Two-edit names. A long name written by the conventions of another
// language can be two letters from the list's spelling even where no
// orthography of respell.go covers it ("Prigoschin", "Prigoschine" for
// Prigozhin; "Michelle" for Michel); one edit is what scoring looks
// for. A query whose other words name the person as the list does (by
// spelling, phonetic key or foreign spelling) and whose one remaining
// word is two edits from a word of the name is that person, possibly:
// a rare surname of minTwoEdit letters or more ("two-edit surname"), or
// a given name of minTwoEditGiven letters or more when a rare surname is
// among the words that agree ("two-edit given name"); in a name the
// list writes without a family name ("Michel Obama"), a word of six
// letters or more beside a rare one ("two-edit name"). Each is a
// possible match (review) at most, and a given name, where the list
// says which it is, must be among the words paired.

const (
	// minTwoEdit is the fewest letters of a surname paired two edits
	// apart, and minTwoEditGiven of a given name and of the query word.
	minTwoEdit      = 7
	minTwoEditGiven = 6
	// twoEditSim is the credit of such a pair.
	twoEditSim = 0.8
	// maxTwoEditPostings is the most names gathered for it.
	maxTwoEditPostings = 300
)

// twoEditMatches appends the two-edit matches of the query that sc.qw
// holds (scoredMatches prepared it).
func (ix *Index) twoEditMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	return ix.twoEdit(sc, q, out, true)
}

// twoEdit is twoEditMatches, its candidates gathered anchored or not
// (twoEditGather).
func (ix *Index) twoEdit(sc *scratch, q Query, out []Match, anchored bool) ([]Match, error) {
	if q.Kind == KindOrganization || len(ix.recs) == 0 || len(sc.qw) < 2 || len(sc.qw) > maxPhonWords {
		return out, nil
	}
	d := &ix.dict
	loose := -1 // the query word no listed word keys as it
	anchors := false
	for i := range sc.qw {
		qw := &sc.qw[i]
		switch {
		case qw.title:
		case qw.initial || qw.legal:
			return out, nil
		case qw.exact >= 0 || qw.alt >= 0:
			anchors = true
		case qw.n1 > qw.n0:
			// A word one edit from a listed one is scoring's typo.
			return out, nil
		case loose < 0 && mayBeLoose(sc.nb.word(i)):
			loose = i
		default:
			return out, nil
		}
	}
	if !anchors || loose < 0 && !sc.mayLoosen() {
		return out, nil
	}
	rare := rareShare * d.unseen
	ix.twoEditGather(sc, loose, rare, anchored)
	return ix.twoEditScore(sc, q, out, loose, rare)
}

// twoEditGather gathers into sc.cands the names twoEditMatches scores:
// with a loose word, the names holding the rarest word another query
// word keys as or respells to; without one (a listed word that does not
// agree is then the loose one), the names holding a rare such word,
// which the rules ask for anyway. When anchored, and a query word every
// matching name must agree with has only rare keys (twoEditAnchor), the
// names holding it: fewer, and the same matches.
func (ix *Index) twoEditGather(sc *scratch, loose int, rare float32, anchored bool) {
	d := &ix.dict
	sc.startCands()
	visit := func(t int32) { ix.addPostings(sc, t, "") }
	if anchored {
		if must := ix.twoEditAnchor(sc, loose, rare); must >= 0 {
			for _, t := range [2]int32{sc.qw[must].exact, sc.qw[must].alt} {
				if t >= 0 {
					visit(t)
				}
			}
			return
		}
	}
	rarest := int32(-1)
	for i := range sc.qw {
		qw := &sc.qw[i]
		if qw.title {
			continue
		}
		for _, t := range [2]int32{qw.exact, qw.alt} {
			switch {
			case t < 0:
			case d.weight[t] >= rare:
				visit(t)
			case rarest < 0 || postings(d, t) < postings(d, rarest):
				rarest = t
			}
		}
	}
	if loose >= 0 && rarest >= 0 && postings(d, rarest) <= maxTwoEditPostings {
		visit(rarest)
	}
}

// twoEditAnchor returns a query word that every name two-edit matching
// the query must agree with, by its key or its foreign spelling, and
// whose keys are all rare, so that the names holding them are among the
// candidates twoEditMatches gathers anyway: of those, the one held by
// fewest names. A word that may be the loose one (without a loose word,
// one of minTwoEditGiven letters or more) need not agree. It returns -1
// when no word is such.
func (ix *Index) twoEditAnchor(sc *scratch, loose int, rare float32) int {
	d := &ix.dict
	must, least := -1, int32(0)
	for i := range sc.qw {
		qw := &sc.qw[i]
		if qw.title || i == loose || qw.exact < 0 && qw.alt < 0 {
			continue
		}
		if loose < 0 && mayBeLoose(sc.nb.word(i)) {
			continue
		}
		var n int32
		rareKeys := true
		for _, t := range [2]int32{qw.exact, qw.alt} {
			if t >= 0 {
				rareKeys = rareKeys && d.weight[t] >= rare
				n += postings(d, t)
			}
		}
		if rareKeys && (must < 0 || n < least) {
			must, least = i, n
		}
	}
	return must
}

// twoEditScore appends the two-edit matches among the names gathered in
// sc.cands.
func (ix *Index) twoEditScore(sc *scratch, q Query, out []Match, loose int, rare float32) ([]Match, error) {
	d := &ix.dict
	start := len(out)
	var used [maxPhonWords]bool
	var pairedTo [maxPhonWords]int
	// givenCache says, by query word, whether it is a given name (1) or
	// not (2), once asked.
	var givenCache [maxPhonWords]uint8
	for _, ri := range sc.cands {
		rec := &ix.recs[ri]
		words := ix.words[rec.w0:rec.w1]
		if rec.kind != recPerson || rec.flags&recShort != 0 || len(words) > maxPhonWords {
			continue
		}
		if loose >= 0 && !hasTwoEditTarget(d, words, sc.nb.word(loose), sc.nb.wordKey(loose)) {
			continue // no word of the name the loose word may be
		}
		clear(used[:])
		// The words that agree by key or foreign spelling; one that does
		// not is the loose word, unless the query has one already.
		u := loose
		var m, qsum float32
		// A name the list does not write "LAST, Given" has no roles: any
		// rare word that agrees stands for the surname, and no given
		// name is asked for.
		given, rareSurname, ok := !rec.surnames, false, true
		for i := range sc.qw {
			qw := &sc.qw[i]
			pairedTo[i] = -1
			if i == loose || qw.title {
				continue
			}
			best := -1
			for j, rw := range words {
				if !used[j] && (rw.tok == qw.exact || rw.tok == qw.alt) && (best < 0 || rw.text == qw.text) {
					best = j
				}
			}
			if best < 0 {
				if u >= 0 || !mayBeLoose(sc.nb.word(i)) {
					ok = false
					break
				}
				u = i
				continue
			}
			rw := words[best]
			used[best], pairedTo[i] = true, best
			c := float32(keySimPerson)
			if rw.text == qw.text {
				c = 1
			}
			m += c * rw.weight
			qsum += rw.weight
			given = given || rw.flags&rwGiven != 0
			rareSurname = rareSurname || (rw.flags&rwSurname != 0 || !rec.surnames) && rw.weight >= rare
		}
		if !ok || u < 0 {
			continue
		}
		// The word of the name two edits from the loose word.
		uw := sc.nb.word(u)
		if givenCache[u] == 0 {
			givenCache[u] = 2
			if ix.isGivenName(uw) {
				givenCache[u] = 1
			}
		}
		givenName := givenCache[u] == 1
		ukey := sc.nb.wordKey(u)
		s := -1
		for j, rw := range words {
			// What the name's words say of themselves first, then
			// their spelling and key.
			surname := rw.flags&rwSurname != 0
			switch {
			case used[j]:
				continue
			case surname && rw.weight < rare:
				continue
			case !surname && !rareSurname:
				continue
			case surname && (givenName || sc.qw[u].text >= 0):
				continue // a listed word is a name of its own: "Tikhonov" is not Trifonov misspelt
			}
			t := d.texts[rw.text]
			if len(t) < minTwoEditGiven || surname && len(t) < minTwoEdit {
				continue
			}
			k := d.keys[rw.tok]
			if t[0] != uw[0] && k[0] != ukey[0] {
				continue
			}
			if givenName && !withinOneEdit(k, ukey) {
				// A given name is another only when their keys are
				// one edit apart ("Evgueni", Yevgeniy; not "Manuel",
				// Miguel).
				continue
			}
			if twoApart(t, k, uw, ukey, rw.flags&rwSurname != 0) {
				s = j
				break
			}
		}
		if s < 0 {
			continue
		}
		used[s] = true
		m += twoEditSim * words[s].weight
		qsum += words[s].weight
		given = given || words[s].flags&rwGiven != 0
		if !given {
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
		score := round3(min(2*m/(qsum+r), sc.capAt))
		if score < ix.opts.Review {
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
		what, method := "surname", "two-edit surname"
		switch {
		case !rec.surnames:
			what, method = "word of a name the list gives no family name of", "two-edit name"
		case words[s].flags&rwSurname == 0:
			what, method = "given name", "two-edit given name"
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%q vs %s %q: ", q.Name, on, name)
		for i := range sc.qw {
			if i > 0 {
				b.WriteString(", ")
			}
			b.Write(sc.nb.word(i))
			switch j := pairedTo[i]; {
			case i == u:
				fmt.Fprintf(&b, "≈%s (two letters apart, Damerau–Levenshtein distance 2 or less in spelling or phonetic key, a %s)", d.texts[words[s].text], what)
			case j < 0:
				b.WriteString(" (title, left out)")
			case words[j].text == sc.qw[i].text:
				b.WriteString("=" + d.texts[words[j].text])
			case words[j].tok == sc.qw[i].alt && sc.qw[i].alt != sc.qw[i].exact:
				fmt.Fprintf(&b, "~%s (foreign spelling: %s, phonetic key %s)", d.texts[words[j].text], sc.qw[i].altHow, d.keys[words[j].tok])
			default:
				fmt.Fprintf(&b, "~%s (phonetic key %s)", d.texts[words[j].text], d.keys[words[j].tok])
			}
		}
		for j, rw := range words {
			if !used[j] {
				b.WriteString(", " + d.texts[rw.text] + " left out")
			}
		}
		b.WriteString("; person rules (word order free); words weighted by rarity in the list; score ")
		b.WriteString(strconv.FormatFloat(score, 'f', 3, 64))
		b.WriteString("; " + method + ", the rest of the name as listed: review at most")
		match := ix.newMatch(rec.ref, e, name, on, score, method, b.String())
		match.Reading = sc.nb.String()
		out = append(out, match)
	}
	return out, nil
}

// mayLoosen reports whether a word of the query that sc.qw holds may be
// the loose word of a name it does not agree with: a word, not a title,
// of minTwoEditGiven letters or more, all letters. Without one, a query
// whose every word agrees with some listed word has no two-edit match.
func (sc *scratch) mayLoosen() bool {
	for i := range sc.qw {
		if !sc.qw[i].title && mayBeLoose(sc.nb.word(i)) {
			return true
		}
	}
	return false
}

// mayBeLoose reports whether query word w may be the loose word of a
// two-edit match: letters only, minTwoEditGiven of them or more.
func mayBeLoose(w []byte) bool {
	return len(w) >= minTwoEditGiven && lettersOnly(w)
}

// hasTwoEditTarget reports whether a word of words may be two edits from
// w (key k): of minTwoEditGiven letters or more, its length within two of
// w's, its first letter w's in spelling or key.
func hasTwoEditTarget(d *dict, words []RecWord, w, k []byte) bool {
	for _, rw := range words {
		t, tk := d.texts[rw.text], d.keys[rw.tok]
		if len(t) >= minTwoEditGiven && len(t)-len(w) <= 2 && len(w)-len(t) <= 2 && (t[0] == w[0] || tk[0] == k[0]) {
			return true
		}
	}
	return false
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

// twoApart reports whether a listed word (text t, key k) and a query
// word b (key bk) are apart as the two-edit rules want them: their
// lengths within two, within two edits in spelling or key; for a surname
// (surname set), within one in neither: a surname one edit apart is
// scoring's, which pairs it as a typo or leaves it ("Kuznetsova" is not
// Kuznetsov misspelt).
func twoApart(t, k string, b, bk []byte, surname bool) bool {
	if d := len(t) - len(b); d > 2 || d < -2 {
		return false
	}
	if surname && (withinOneEdit(t, b) || withinOneEdit(k, bk)) {
		return false
	}
	return withinTwoEdits(t, b) || withinTwoEdits(k, bk)
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
