package screen

// Foreign spellings. A name written in Latin letters by the conventions of
// another language than English ("Poetin" in Dutch, "Putyin" in
// Hungarian, "Wladimirowitsch" in German, "Putinas" with its Lithuanian
// case ending) is respelt in English usage, the usage the lists write
// names in, one orthography at a time. The respelling of a query word
// that no listed name spells nor keys as it is stands for it when a listed
// name holds it or its phonetic key; the explanation names the
// orthography.

// rewrite replaces from by to where its condition holds.
type rewrite struct {
	from, to string
	when     rewriteWhen
}

// rewriteWhen is the condition of a rewrite.
type rewriteWhen uint8

const (
	anywhere       rewriteWhen = iota
	atEnd                      // at the end of the word
	beforeFront                // before e or i
	afterConsonant             // after a consonant
	atEndAfterCons             // at the end of the word, after a consonant
)

// orthography is one language's conventions for writing foreign names in
// Latin letters, as rewrites to English usage.
type orthography struct {
	name     string
	rewrites []rewrite
}

// orthographies are tried in order; endings (case endings of Baltic
// languages, the nominative -i of Georgian and Albanian renderings) are
// tried on their own and after each of the others.
var orthographies = []orthography{
	{"Dutch spelling", []rewrite{{"tsj", "ch", anywhere}, {"oe", "u", anywhere}, {"sj", "sh", anywhere}}},
	{"Scandinavian spelling", []rewrite{{"tj", "ch", anywhere}, {"kj", "ch", anywhere}, {"sj", "sh", anywhere}}},
	{"German spelling", []rewrite{{"tsch", "ch", anywhere}, {"dsch", "dzh", anywhere}, {"sch", "sh", anywhere}, {"ch", "kh", anywhere}}},
	{"Polish spelling", []rewrite{{"cz", "ch", anywhere}, {"sz", "sh", anywhere}, {"rz", "zh", anywhere}, {"ie", "e", afterConsonant}}},
	{"French spelling", []rewrite{{"tch", "ch", anywhere}, {"ch", "sh", anywhere}, {"dj", "dzh", anywhere}, {"j", "zh", anywhere},
		{"gu", "g", beforeFront}, {"ou", "u", anywhere}, {"e", "", atEndAfterCons}}},
	{"Spanish spelling", []rewrite{{"gu", "g", beforeFront}, {"j", "kh", anywhere}}},
	{"Catalan spelling", []rewrite{{"tx", "ch", anywhere}, {"ix", "sh", anywhere}, {"x", "sh", anywhere}}},
	{"Hungarian spelling", []rewrite{{"gy", "d", anywhere}, {"ty", "t", anywhere}, {"ny", "n", anywhere}, {"sz", "s", anywhere},
		{"cs", "ch", anywhere}, {"zs", "zh", anywhere}, {"s", "sh", anywhere}}},
	{"Czech spelling", []rewrite{{"ch", "kh", anywhere}, {"c", "ts", anywhere}}},
}

// endings are the case endings renderings of names add: Lithuanian -ius,
// -as, -is, -ys, -us, Latvian -s, the nominative -i of Georgian and
// Albanian.
var endings = []orthography{
	{"Lithuanian ending", []rewrite{{"ius", "", atEnd}, {"as", "", atEnd}, {"is", "", atEnd}, {"ys", "", atEnd}, {"us", "", atEnd}}},
	{"Latvian ending", []rewrite{{"s", "", atEnd}}},
	{"nominative ending -i", []rewrite{{"i", "", atEnd}}},
}

// minRespell and maxRespell bound the letters of a word that is respelt.
const (
	minRespell = 4
	maxRespell = 32
)

// apply appends w rewritten by o to dst; changed is false when no rewrite
// applied.
func (o *orthography) apply(dst, w []byte) (out []byte, changed bool) {
	for i := 0; i < len(w); {
		applied := false
		for _, r := range o.rewrites {
			if !hasPrefix(w[i:], r.from) || !r.holds(w, i) {
				continue
			}
			dst = append(dst, r.to...)
			i += len(r.from)
			applied, changed = true, true
			break
		}
		if !applied {
			dst = append(dst, w[i])
			i++
		}
	}
	return dst, changed
}

// holds reports whether the condition of r holds at w[i:].
func (r *rewrite) holds(w []byte, i int) bool {
	end := i+len(r.from) == len(w)
	switch r.when {
	case atEnd:
		return end
	case beforeFront:
		j := i + len(r.from)
		return j < len(w) && (w[j] == 'e' || w[j] == 'i')
	case afterConsonant:
		return i > 0 && !isVowel(w[i-1])
	case atEndAfterCons:
		return end && i > 0 && !isVowel(w[i-1])
	}
	return true
}

// respell returns the key id of the first respelling of w, a query word
// of letters a–z that no listed name spells or keys as it is, that a
// listed name holds as a word or as a key, and the orthographies it took;
// ok is false when none does. Each orthography is tried alone and with an
// ending cut, after the endings alone.
func (ix *Index) respell(w []byte) (tok int32, how string, ok bool) {
	if len(w) < minRespell || len(w) > maxRespell {
		return 0, "", false
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return 0, "", false
		}
	}
	var sa, sb [2 * maxRespell]byte
	withEndings := func(s []byte, name string) (int32, string, bool) {
		for j := range endings {
			e := &endings[j]
			if cut, changed := e.apply(sb[:0], s); changed {
				if tok, ok := ix.known(cut); ok {
					if name != "" {
						return tok, name + " and " + e.name, true
					}
					return tok, e.name, true
				}
			}
		}
		return 0, "", false
	}
	if tok, how, ok := withEndings(w, ""); ok {
		return tok, how, ok
	}
	for i := range orthographies {
		o := &orthographies[i]
		s, changed := o.apply(sa[:0], w)
		if !changed {
			continue
		}
		if tok, ok := ix.known(s); ok {
			return tok, o.name, true
		}
		if tok, how, ok := withEndings(s, o.name); ok {
			return tok, how, ok
		}
	}
	return 0, "", false
}

// known returns the key id of s when a listed name holds s as a word or
// holds its phonetic key.
func (ix *Index) known(s []byte) (int32, bool) {
	if len(s) < minRespell-1 {
		return 0, false
	}
	d := &ix.dict
	if id, ok := d.textIDs.find(d.texts, s); ok {
		return d.textKey[id], true
	}
	var kb [4 * maxRespell]byte
	return d.ids.find(d.keys, appendKey(kb[:0], s))
}
