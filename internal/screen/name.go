package screen

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/textnorm"
)

// Party kinds of Query.Kind.
const (
	// KindPerson is a natural person: scored with person rules against
	// individuals only, never matched against brand words.
	KindPerson = "person"
	// KindOrganization is a company or other body: scored against
	// entities (and vessels when enabled), never against individuals.
	KindOrganization = "organization"
)

// brandScore is the score of a brand word inside an organisation's name.
const brandScore = 0.9

// Name screens a party's name against every list: ban lists by whole
// normalised name or alias (score 1) and brand words (brandScore; not for
// persons), the other lists by scored fuzzy match. It returns at most one
// match per entry, those scoring at least the review threshold, best
// first, capped at Options.MaxMatches. An error means a matched entry
// could not be read, or the name holds more parts than it reads apart
// (maxNameParts): the name cannot be screened.
func (ix *Index) Name(q Query) ([]Match, error) {
	if shown, ok := textnorm.DisplayOrder(q.Name); ok {
		return ix.readBoth(q, shown, ix.name)
	}
	return ix.name(q)
}

// name is Name for the name as written.
func (ix *Index) name(q Query) ([]Match, error) {
	sc := ix.pool.Get().(*scratch)
	defer ix.pool.Put(sc)
	sc.nb.fuzzyLegal = true
	sc.nb.initials = q.Kind == KindPerson
	sc.nb.normalize(q.Name)
	if len(sc.nb.words) == 0 {
		return nil, nil
	}
	parts := sc.nb.parts
	// Ban lists first, on the words as written: their names are not
	// in the scored lists' vocabulary that resegment repairs against.
	out, err := ix.banMatches(sc, q, nil)
	if err != nil {
		return nil, err
	}
	// The name with its words of lookalike letters read as Latin, asked
	// once: the ban lists read it now, the scored lists below.
	look, looks := lookalikeReading(sc, q)
	if looks {
		if out, err = ix.lookalikeBanMatches(sc, q, out, look); err != nil {
			return nil, err
		}
	}
	// Whether the words run together make a listed word, asked of the
	// name as written, before the readings below change sc.nb
	// (runTogetherMatches).
	apart := len(ix.recs) > 0 && q.Kind != KindPerson
	if apart {
		_, _, apart = ix.runTogetherSpan(sc, &sc.nb)
	}
	hyphened := len(ix.recs) > 0 && sc.nb.hyphens != 0
	// score scores the query as sc.nb reads it now.
	score := func() error {
		ix.computeKeys(&sc.nb)
		var err error
		out, err = ix.scoredMatches(sc, q, out)
		return err
	}
	if len(ix.recs) > 0 {
		ix.resegment(&sc.nb)
	}
	if err := score(); err != nil {
		return nil, err
	}
	if out, err = ix.twoEditMatches(sc, q, out); err != nil {
		return nil, err
	}
	if out, err = ix.phoneticMatches(sc, q, out); err != nil {
		return nil, err
	}
	// A Chinese company's name read once more with its trade words in
	// English (hantrade.go), after the ban lists and the reading as
	// written, which names in Han characters listed as they are match.
	translated := len(ix.recs) > 0 && q.Kind != KindPerson && slices.Contains(sc.nb.schemes, textnorm.Pinyin) &&
		ix.translateAnew(&sc.nb, q.Name)
	if len(ix.recs) > 0 && ix.joinKnown(&sc.nb, !ix.anyHit(out), q.Kind != KindPerson) || translated {
		// Read once more with the words joined that listed names hold
		// apart and as one ("Sovcom Flot", SOVCOMFLOT; "عبد الله", read
		// "abd allah", ABDALLAH).
		if err := score(); err != nil {
			return nil, err
		}
	}
	// An organisation's name in the Arabic script read once more with its
	// words of kinds and qualities in English (arabictrade.go).
	if len(ix.recs) > 0 && !ix.anyHit(out) && q.Kind != KindPerson && slices.Contains(sc.nb.schemes, textnorm.ArabicScript) &&
		sc.nb.translateArabicTrade() {
		if err := score(); err != nil {
			return nil, err
		}
	}
	// A name an abjad writes with two given names run together, which the
	// lists write apart ("جعفری محمدعلی", read "jafri mhmdali", for
	// JAFARI, Mohammad Ali).
	if len(ix.recs) > 0 && !ix.anyHit(out) && sc.nb.abjad() && ix.splitAbjad(&sc.nb) {
		if err := score(); err != nil {
			return nil, err
		}
	}
	// again reads the query anew by read when nothing matched at match
	// level yet, and scores the reading when read reports one.
	again := func(read func(*normBuf) bool) error {
		if ix.anyHit(out) || len(ix.recs) == 0 || sc.nb.translit || !read(&sc.nb) {
			return nil
		}
		return score()
	}
	// A listed word that names no hit as written, split into the listed
	// words it is made of ("Gazpromneft", GAZPROM NEFT; "AeroCaribbean",
	// the alias AERO-CARIBBEAN, where the word alone is a possible match
	// of AEROCARIBBEAN AIRLINES).
	if err := again(func(nb *normBuf) bool { return ix.splitKnown(nb, q.Kind == KindOrganization) }); err != nil {
		return nil, err
	}
	// A person's given name and a family name of one or two letters run
	// together in the order people write them, the reverse of the
	// list's ("yongxinli", LI, Yongxin; "sukim", KIM, Su Gil), as in an
	// e-mail address or a user name.
	if q.Kind != KindOrganization {
		if err := again(ix.splitShortReversed); err != nil {
			return nil, err
		}
	}
	// The Arabic article run together with a word one letter or a
	// phonetic key from a listed one ("alqaeda", AL QAIDA; "Alshabab",
	// AL-SHABAAB), as names of persons and organisations are written.
	if err := again(ix.splitArticleNear); err != nil {
		return nil, err
	}
	// A word no listed name holds, split where one of its parts is
	// misspelt ("vladmirputin", "nicolasmadurro"; "hasannasralah", which
	// splits into three listed words, "hasan nasr alah", before it splits
	// into "hasan nasralah"), or where both are ("ramsankadyrow"): a
	// person's name, run together as people write given name and
	// surname. Not an organisation's, whose names run together are
	// brands: each reading costs look-ups of every cut of every word no
	// listed name holds, for names of SBOM suppliers and vendors that
	// match nothing, and none of the labelled sets finds anything by it.
	if q.Kind != KindOrganization {
		if err := again(func(nb *normBuf) bool { return ix.splitNear(nb, q.Name) }); err != nil {
			return nil, err
		}
	}
	// al-Din run together with the first part of a compound name, or
	// written as a word of its own, as the list writes it
	// ("Jamaleddine", JAMAL-AL-DIN).
	if q.Kind != KindOrganization {
		if err := again(ix.dinReading); err != nil {
			return nil, err
		}
	}
	// The words written together in camel case, apart ("AliChamenei",
	// which gluedNear splits "alic hamenei"; "BancoNacionalDeKuba").
	if err := again(func(nb *normBuf) bool { return ix.camelReading(nb, q.Name) }); err != nil {
		return nil, err
	}
	// An organisation's name as its initials, which the list gives
	// alone ("National Iranian Oil Company", NIOC).
	if q.Kind != KindPerson {
		if err := again(ix.initialismReading); err != nil {
			return nil, err
		}
	}
	// The particles that begin a family name, run together as a list
	// may write them ("de la cruz" → "dela cruz", DELA CRUZ).
	if err := again(ix.joinParticles); err != nil {
		return nil, err
	}
	// And the other way: the particles run together apart, as a list
	// may write them ("delacruz" → "dela cruz" → "de la cruz", DE LA
	// CRUZ).
	if err := again(splitParticles); err != nil {
		return nil, err
	}
	if out, err = ix.koreanMatches(sc, q, out); err != nil {
		return nil, err
	}
	// The Arabic script read as Persian and Urdu sound it, which a name
	// of a few letters Arabic shares does not tell ("فضل رحيم", Fazal
	// RAHIM: "fzl", not "fdl"). Only entries the Arabic reading did not
	// find are taken from it: an Arabic name it found stays explained
	// as Arabic reads it.
	if !ix.anyHit(out) && len(ix.recs) > 0 && ix.persianReading(&sc.nb, q.Name) {
		n := len(out)
		if out, err = ix.scoreAnew(sc, q, out); err != nil {
			return nil, err
		}
		added := slices.DeleteFunc(out[n:], func(m Match) bool { return hasEntry(out[:n], m.List, m.EntryID) })
		out = out[:n+len(added)]
	}
	if looks && !ix.anyHit(out) && len(ix.recs) > 0 {
		if out, err = ix.lookalikeMatches(sc, q, out, look); err != nil {
			return nil, err
		}
	}
	if !ix.anyHit(out) && len(ix.recs) > 0 {
		if out, err = ix.leetMatches(sc, q, out); err != nil {
			return nil, err
		}
	}
	if apart && !ix.anyHit(out) {
		if out, err = ix.runTogetherMatches(sc, q, out); err != nil {
			return nil, err
		}
	}
	if hyphened && !ix.anyHit(out) {
		if out, err = ix.hyphenMatches(sc, q, out); err != nil {
			return nil, err
		}
	}
	if !ix.anyHit(out) {
		if out, err = ix.visualMatches(sc, q, out); err != nil {
			return nil, err
		}
	}
	if q.Kind == "" && !ix.anyHit(out) && len(ix.recs) > 0 && strings.Contains(q.Name, ".") {
		if out, err = ix.initialsMatches(sc, q, out); err != nil {
			return nil, err
		}
	}
	if parts && !ix.anyHit(out) {
		if out, err = ix.partsMatches(q, out); err != nil {
			return nil, err
		}
	}
	return ix.best(out), nil
}

// readsAsScriptWord reports whether w, a Latin word, reads as a word of a
// name the lists write only in an abjad or in kana (appendScriptKeys).
func (ix *Index) readsAsScriptWord(w []byte) bool {
	var buf [8]int32
	return len(ix.appendScriptKeys(buf[:0], w)) > 0
}

// persianReading reads nb anew from name with its Arabic script as
// Persian sounds it (textnorm.LatinPersian), and reports whether it did:
// only where that reading differs from the one nb holds
// (textnorm.PersianDiffers).
func (ix *Index) persianReading(nb *normBuf, name string) bool {
	if nb.persian || !slices.Contains(nb.schemes, textnorm.ArabicScript) || !textnorm.PersianDiffers(name) {
		return false
	}
	nb.normalizeAs(name, true)
	return true
}

// best returns the best match of each entry in out, best first, capped at
// Options.MaxMatches; nil for none.
func (ix *Index) best(out []Match) []Match {
	if len(out) == 0 {
		return nil
	}
	sortMatches(out)
	out = bestPerEntry(out)
	if ix.opts.MaxMatches > 0 && len(out) > ix.opts.MaxMatches {
		out = out[:ix.opts.MaxMatches]
	}
	return out
}

// anyHit reports whether a match of ms scores at or above the match
// threshold.
func (ix *Index) anyHit(ms []Match) bool {
	for i := range ms {
		if ix.opts.IsHit(ms[i].Score) {
			return true
		}
	}
	return false
}

// koreanMatches screens a query written in Hangul once more, read as a
// Korean name (textnorm.KoreanName): syllable by syllable in
// McCune–Reischauer, as the lists write North Korean names. Its primary
// reading, Revised Romanization by word, is the one for foreign names
// written in Hangul. A query written in Han characters is read so too,
// each character by its Korean reading (textnorm.HanjaName), beside its
// pinyin: "金正恩" is Kim Jong Un.
func (ix *Index) koreanMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	if len(ix.recs) == 0 {
		return out, nil
	}
	var name string
	var ok bool
	var schemes []textnorm.Scheme
	switch {
	case slices.Contains(sc.nb.schemes, textnorm.RevisedRomanization):
		name, ok = textnorm.KoreanName(q.Name)
		schemes = []textnorm.Scheme{textnorm.McCuneReischauer}
	case slices.Contains(sc.nb.schemes, textnorm.Pinyin) && q.Kind != KindOrganization:
		return ix.hanjaMatches(sc, q, out)
	case slices.Contains(sc.nb.schemes, textnorm.CyrillicBGN) && q.Kind != KindOrganization:
		// Russian writes Korean names by the Kontsevich system ("Ким
		// Чен Ын"), which BGN/PCGN reads as if they were Russian ("kim
		// chen yn"); each reading is screened when it reads as a Korean
		// name.
		names, readable := textnorm.KoreanCyrillicNames(q.Name)
		if !readable {
			return out, nil
		}
		schemes = []textnorm.Scheme{textnorm.KontsevichKorean, textnorm.McCuneReischauer}
		for _, name := range names {
			var err error
			if out, err = ix.koreanReadingMatches(sc, q, name, schemes, true, out); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	if !ok {
		return out, nil
	}
	return ix.koreanReadingMatches(sc, q, name, schemes, false, out)
}

// hanjaMatches screens a name in Han characters read as a Korean name:
// each character by its Korean reading (textnorm.HanjaName), or, in
// simplified characters, by their traditional forms'
// (textnorm.HanjaNameSimplified), as Chinese writes Korean names ("金与
// 正", Kim Yo Jong). Most names in Han characters are Chinese, and a
// Chinese name read in Korean is a guess that says little ("李明", read
// "ri myong", is not RI, Myong Hun; "陈静", read "jin jong", is not JON,
// Yong Sang): only names the reading matches word for word are kept, at
// hanjaReadingMin or above.
func (ix *Index) hanjaMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	name, ok := textnorm.HanjaName(q.Name)
	if !ok {
		name, ok = textnorm.HanjaNameSimplified(q.Name)
	}
	if !ok {
		return out, nil
	}
	start := len(out)
	schemes := []textnorm.Scheme{textnorm.HanjaKorean, textnorm.McCuneReischauer}
	out, err := ix.koreanReadingMatches(sc, q, name, schemes, false, out)
	if err != nil {
		return nil, err
	}
	kept := out[:start]
	for _, m := range out[start:] {
		if m.Score >= hanjaReadingMin {
			kept = append(kept, m)
		}
	}
	return kept, nil
}

// hanjaReadingMin is the least score of a name matched by the Korean
// reading of a name in Han characters: one that pairs every word of the
// query and of the name, by its spelling or, for one word, its consonants
// ("郑京择", read "jong kyong taek", is JONG, Kyong Thaek at 0.964); a
// name word left out, or a query word the name does not hold, scores
// below it ("李明" was RI, Myong Hun at 0.924, "普京" PO, Kong at 0.930).
const hanjaReadingMin = 0.95

// koreanReadingMatches screens name, a Latin reading of the query in
// McCune–Reischauer by schemes, by the scored lists and then, when it
// reads as a Korean name (koreanLooking), by the Korean romanisation key;
// a reading that does not is not screened at all when onlyKorean is set.
func (ix *Index) koreanReadingMatches(sc *scratch, q Query, name string, schemes []textnorm.Scheme, onlyKorean bool, out []Match) ([]Match, error) {
	nb := &sc.pnb
	nb.initials = q.Kind == KindPerson
	nb.normalize(name)
	korean, glued := koreanLooking(nb)
	korean = korean && glued == 0
	if onlyKorean && !korean {
		return out, nil
	}
	sc.nb.normalize(name)
	sc.nb.translit, sc.nb.schemes = true, schemes
	ix.resegment(&sc.nb)
	ix.computeKeys(&sc.nb)
	out, err := ix.scoredMatches(sc, q, out)
	if err != nil || q.Kind == KindOrganization || !korean {
		return out, err
	}
	// The reading is McCune–Reischauer; a list or the press may write the
	// name in Revised Romanization or common usage ("Park Geun-hye" for
	// 박근혜, read "Pak Kun Hye"): the Korean romanisation key meets them.
	nb.schemes = schemes // for the explanation
	return ix.phonSearch(sc, q, phonKorean, out)
}

// lookalikeBanMatches matches the query against the ban lists once more
// when a word of it is made only of Cyrillic or Greek letters that look
// like Latin ones: read as the Latin letters it shows ("Ну.tеrа Radio",
// "Н" and "у" Cyrillic), where the primary reading transliterates it
// ("nu"): v, lookalikeReading's variant. sc.nb holds the query's primary
// reading again on return.
func (ix *Index) lookalikeBanMatches(sc *scratch, q Query, out []Match, v textnorm.Variant) ([]Match, error) {
	sc.nb.normalize(v.Text)
	out, err := ix.banMatches(sc, q, out)
	sc.nb.normalize(q.Name)
	return out, err
}

// lookalikeReading returns the query read with its words made only of
// Cyrillic or Greek letters that look like Latin ones read as those
// Latin letters (textnorm.FoldName's variant of the scheme
// textnorm.Lookalike); ok is false when no word is so made. sc.nb holds
// the query's primary reading.
func lookalikeReading(sc *scratch, q Query) (v textnorm.Variant, ok bool) {
	if !slices.Contains(sc.nb.schemes, textnorm.Lookalike) && !slices.Contains(sc.nb.schemes, textnorm.CyrillicBGN) &&
		!slices.Contains(sc.nb.schemes, textnorm.GreekELOT) {
		return v, false
	}
	for _, v := range textnorm.FoldName(q.Name).Variants {
		if slices.Contains(v.Schemes, textnorm.Lookalike) {
			return v, true
		}
	}
	return v, false
}

// lookalikeMatches matches the query against the scored lists once more,
// read as lookalikeReading reads it, when nothing matched at match level:
// what a reader sees of "НАМАЅ", five Cyrillic letters, is HAMAS, where
// the primary reading transliterates it ("namas"), as it does a Russian
// word that only looks Latin ("ВЕРА", "vera"). sc.nb holds the reading
// on return.
func (ix *Index) lookalikeMatches(sc *scratch, q Query, out []Match, v textnorm.Variant) ([]Match, error) {
	sc.nb.normalize(v.Text)
	sc.nb.translit, sc.nb.schemes = true, v.Schemes
	return ix.scoreAnew(sc, q, out)
}

// leetMatches matches the query against the scored lists once more with
// the digits and signs written for letters read as those letters
// (unLeet), as the ban lists read them (brandMatches): "H4MAS" is HAMAS,
// "R0SNEFT" ROSNEFT, which the query as written is one letter from; the
// explanations of its matches say how the query was read. sc.nb holds
// the reading on return.
func (ix *Index) leetMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	latin, _ := textnorm.Latin(q.Name)
	leet, ok := unLeet(latin)
	if !ok {
		return out, nil
	}
	sc.nb.normalize(leet)
	n := len(out)
	out, err := ix.scoreAnew(sc, q, out)
	for i := n; i < len(out); i++ {
		out[i].Explain += "; " + leetNote + strconv.Quote(leet)
	}
	return out, err
}

// runTogetherMatches matches the query against the scored lists once
// more with its words run together (runTogetherSpan): a name of one word
// written apart, by a hyphen or a space, in parts too short for joinKnown
// and resegment to join ("Ha-mas", "Ro Sneft Ltd"). sc.nb holds the
// reading on return.
func (ix *Index) runTogetherMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	sc.nb.normalize(q.Name)
	i, j, ok := ix.runTogetherSpan(sc, &sc.nb)
	if !ok {
		return out, nil
	}
	n := len(sc.nb.text)
	for k := i; k < j; k++ {
		sc.nb.text = append(sc.nb.text, sc.nb.word(k)...)
	}
	sc.nb.joinWords(i, j-i, n)
	return ix.scoreAnew(sc, q, out)
}

// runTogetherSpan returns the words [i, j) of nb, two or more, that run
// together make a word a listed name holds: all of them, a legal form's
// letters among them ("Ham-as", whose "as" reads as a legal form), or else
// the words between its legal forms ("Ha-mas Ltd"). ok is false for none,
// and for a name of more than maxRunTogether words or with a title, an
// initial or a branch's place. It is not asked of a person's name, whose
// short words run together make other names ("Li Na", LINA).
func (ix *Index) runTogetherSpan(sc *scratch, nb *normBuf) (i, j int, ok bool) {
	words := nb.words
	if len(words) < 2 || len(words) > maxRunTogether {
		return 0, 0, false
	}
	first, last := -1, -1
	for k, w := range words {
		if w.flags&^wordLegal != 0 {
			return 0, 0, false
		}
		if w.flags == 0 {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	known := func(i, j int) bool {
		sc.buf = sc.buf[:0]
		for k := i; k < j; k++ {
			sc.buf = append(sc.buf, nb.word(k)...)
		}
		return ix.knownWord(sc.buf)
	}
	switch {
	case known(0, len(words)):
		return 0, len(words), true
	case last > first && (first > 0 || last < len(words)-1) && known(first, last+1):
		return first, last + 1, true
	}
	return 0, 0, false
}

// maxRunTogether is the most words runTogetherMatches runs together: a
// name of one word is not written in more parts.
const maxRunTogether = 4

// hyphenMatches matches the query against the scored lists once more with
// each two words a hyphen alone joins run together where they make a word
// a listed name holds: a family name split by a hyphen ("Vladimir
// Pu-tin", PUTIN), which resegment does not join from parts so short, and
// a person's name runTogetherMatches leaves alone. sc.nb holds the
// reading on return.
func (ix *Index) hyphenMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	sc.nb.normalize(q.Name)
	joined := false
	for k := len(sc.nb.words) - 1; k > 0; k-- {
		a, b := sc.nb.words[k-1], sc.nb.words[k]
		if k >= 64 || sc.nb.hyphens&(1<<k) == 0 || a.flags != 0 || b.flags != 0 {
			continue
		}
		n := len(sc.nb.text)
		if !ix.knownWord(sc.nb.joinedWords(k-1, k)) {
			sc.nb.text = sc.nb.text[:n]
			continue
		}
		sc.nb.joinWords(k-1, 2, n)
		joined = true
		k--
	}
	if !joined {
		return out, nil
	}
	return ix.scoreAnew(sc, q, out)
}

// initialsMatches matches a name of no kind against the scored lists once
// more with its single letters set apart by dots read as a person's
// initials, where the first reading ran them together as an
// organisation's acronym: "Sechin I.I.", as Russian documents write a
// person (surname and the initials of the given name and patronymic), is
// SECHIN, Igor, a possible match, not "sechin ii". sc.nb holds the
// reading on return.
func (ix *Index) initialsMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	sc.nb.initials = true
	sc.nb.normalize(q.Name)
	sc.nb.initials = false
	if !slices.ContainsFunc(sc.nb.words, func(w span) bool { return w.flags&wordInitial != 0 }) {
		return out, nil
	}
	return ix.scoreAnew(sc, q, out)
}

// leetNote says, in an explanation, that the query's digits and signs
// were read as letters; the reading follows it.
const leetNote = "digits and signs read as the letters they stand for: "

// scoreAnew scores sc.nb, a further reading of the query, against the
// scored lists, and appends its matches; where an earlier reading found
// the same entry, best keeps the higher score.
func (ix *Index) scoreAnew(sc *scratch, q Query, out []Match) ([]Match, error) {
	ix.resegment(&sc.nb)
	ix.computeKeys(&sc.nb)
	return ix.scoredMatches(sc, q, out)
}

// banMatches matches the query against the ban lists: its core (legal
// forms left out) equal to a listed name or alias, or equal to one with
// the words run together ("KasperskyLab", "Kasper-sky"); and, unless the
// query is a person's name, a brand word as whole words, as words run
// together ("Hua wei"), inside a word written in camel case
// ("HuaweiCloud"), or spelt another way with the same key ("Kasperskiy",
// "Касперский").
func (ix *Index) banMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	if len(ix.banNames) == 0 && len(ix.brands) == 0 {
		return out, nil
	}
	sc.buf = sc.nb.appendCore(sc.buf[:0])
	start := len(out)
	add := func(r ref, method string, explain func(name, on string) string) error {
		e, err := ix.newEntry(r, out[start:])
		if e == nil {
			return err
		}
		name, on := namedAs(e, r.alias)
		if method == "normalized" && strings.EqualFold(strings.TrimSpace(name), strings.TrimSpace(q.Name)) {
			method = "exact"
		}
		out = append(out, ix.newMatch(r, e, name, on, 1, method, explain(name, on)))
		return nil
	}
	bw := ix.banWords()
	names, _ := filteredGet(bw, ix.banNames, sc.buf)
	for _, r := range names {
		if err := add(r, "normalized", func(name, on string) string { return ix.explainBan(sc, q.Name, name, on) }); err != nil {
			return nil, err
		}
	}
	// The core with the words run together, after it in the buffer.
	n := len(sc.buf)
	for _, c := range sc.buf[:n] {
		if c != ' ' {
			sc.buf = append(sc.buf, c)
		}
	}
	keys, _ := filteredGet(bw, ix.banKeys, sc.buf[n:])
	for _, r := range keys {
		glued := string(sc.buf[n:])
		if err := add(r, "glued-words", func(name, on string) string {
			return fmt.Sprintf("%q equals %s %q with the words run together (%q)", q.Name, on, name, glued)
		}); err != nil {
			return nil, err
		}
	}
	// A legal form run into the name is a legal form still
	// ("AOKasperskyLab", "ZTEcorporation", "PacificNetworksCorp."); so
	// is one whose last letters a separator set apart, where they read
	// as a legal form of their own ("AOKASPERSKYL_AB": the words, the
	// legal forms among them, run together).
	runs := [2][]byte{sc.buf[n:]}
	if all := sc.nb.appendRun(sc.buf[len(sc.buf):]); len(all) > len(runs[0]) {
		runs[1] = all
	}
	for _, glued := range runs {
		if len(glued) == 0 || !gluedLegalEnd(glued) {
			continue
		}
		run := string(glued)
		for _, core := range unglueLegal(run) {
			keys, _ := filteredGet(bw, ix.banKeys, core)
			for _, r := range keys {
				if err := add(r, "glued-words", func(name, on string) string {
					return fmt.Sprintf("%q equals %s %q with the words and the legal form run together (%q)", q.Name, on, name, run)
				}); err != nil {
					return nil, err
				}
			}
		}
	}
	if q.Kind == KindPerson || len(ix.brands) == 0 {
		return out, nil
	}
	// A name of unknown kind shaped like a person's is matched only by a
	// brand that other words run into, all of them words companies are
	// named with ("H.ikvisionDigital"): no person is so named, and
	// "Eugene Kaspersky" or "Dahua Lin" stay persons.
	companyOnly := q.Kind == "" && ix.personShaped(&sc.nb)
	var err error
	if out, err = ix.brandMatches(sc, &sc.nb, q.Name, "", companyOnly, out, start); err != nil {
		return nil, err
	}
	// Camel case is read on the name in Latin letters, once invisible
	// characters and lookalikes are gone ("Huawei\u200bCloud").
	latin, _ := textnorm.Latin(q.Name)
	if split, ok := camelSplit(latin); ok {
		sc.rnb.normalize(split)
		if out, err = ix.brandMatches(sc, &sc.rnb, q.Name, "camel case read as words: "+strconv.Quote(split), companyOnly, out, start); err != nil {
			return nil, err
		}
	}
	// Digits and signs written for letters ("K4SP3RSKY", "Ka$persky").
	if leet, ok := unLeet(latin); ok {
		sc.rnb.normalize(leet)
		// Read so, the name may be a person's ("Eugene K4spersky").
		personal := companyOnly || q.Kind == "" && ix.personShaped(&sc.rnb)
		if out, err = ix.brandMatches(sc, &sc.rnb, q.Name, leetNote+strconv.Quote(leet), personal, out, start); err != nil {
			return nil, err
		}
	}
	if companyOnly {
		return out, nil
	}
	// Last, so that a better match of the same entry comes first.
	return ix.brandInsideMatches(&sc.nb, q.Name, out, start)
}

// brandMatches appends the brand matches of the words of nb; with
// companyOnly, only those of a brand that words companies are named with
// run into.
func (ix *Index) brandMatches(sc *scratch, nb *normBuf, query, how string, companyOnly bool, out []Match, start int) ([]Match, error) {
	add := func(b brand, at, n int, method, detail string) error {
		explain := ix.explainBrand(nb, query, b, at, n, detail)
		if how != "" {
			explain += "; " + how
		}
		var err error
		out, err = ix.appendBrand(out, start, b, brandScore, method, explain)
		return err
	}
	bw := ix.brandWords()
	brandsOf := func(m map[string][]brand, w []byte) []brand {
		bs, _ := filteredGet(bw, m, w)
		return bs
	}
	for i := range nb.words {
		for _, b := range brandsOf(ix.brands, nb.word(i)) {
			if !companyOnly && nb.hasWordsAt(i, b.words) {
				if err := add(b, i, len(b.words), "brand-token", ""); err != nil {
					return nil, err
				}
			}
		}
		// Words run together, up to three, and spelling variants.
		sc.buf = sc.buf[:0]
		for n := 1; n <= 3 && i+n <= len(nb.words); n++ {
			if nb.words[i+n-1].flags&wordLegal != 0 {
				break
			}
			sc.buf = append(sc.buf, nb.word(i+n-1)...)
			bs, method, detail := brandsOf(ix.brandKeys, sc.buf), "brand-token", "words run together"
			if len(bs) == 0 && len(sc.buf) >= minBrandKey && ix.mayBeBrandKey(sc.buf) {
				n0 := len(sc.buf)
				sc.buf = appendBrandKey(sc.buf, sc.buf[:n0])
				k := sc.buf[n0:]
				if bs = brandsOf(ix.brandKeys, k); len(bs) > 0 {
					method, detail = "brand-key", fmt.Sprintf("spelt %q, the brand's phonetic key %q", sc.buf[:n0], k)
				}
				sc.buf = sc.buf[:n0]
			}
			for _, b := range bs {
				if n == 1 && method == "brand-token" || companyOnly {
					continue // the whole-word case above, or a person's name
				}
				if err := add(b, i, n, method, detail); err != nil {
					return nil, err
				}
			}
		}
		// The words from i on begin with a brand, and the rest of some of
		// them is made of the words companies are named with and legal
		// forms, run into it however the words were split
		// ("KASPERSKYSOFTWAREGMBH", "Hikv.i.sio nTechnology",
		// "DAHUASECURITY"); a brand followed by other letters is a
		// near-miss ("Huaweiss", "Dahuang").
		sc.buf, sc.ends = sc.buf[:0], sc.ends[:0]
		for k := i; k < len(nb.words) && k < i+maxGluedWords; k++ {
			sc.buf = append(sc.buf, nb.word(k)...)
			sc.ends = append(sc.ends, len(sc.buf))
		}
		heads := ix.brandHeads()
		for l := minGluedCore; l < len(sc.buf) && l <= maxBrandPrefix; l++ {
			bs, ok := filteredGet(bw, heads, sc.buf[:l])
			if !ok {
				break // no brand begins so
			}
			if len(bs) == 0 {
				continue
			}
			for n, e := range sc.ends {
				if e <= l || !companyWords(sc.buf[l:e]) {
					continue
				}
				for _, b := range bs {
					if len(b.words) != 1 {
						continue
					}
					if err := add(b, i, n+1, "brand-prefix", fmt.Sprintf("%q begins with it, other words run into it", sc.buf[:e])); err != nil {
						return nil, err
					}
				}
				break
			}
		}
	}
	return out, nil
}

// appendBrand appends to out a match of brand b, unless out[start:]
// already holds one of its entry.
func (ix *Index) appendBrand(out []Match, start int, b brand, score float64, method, explain string) ([]Match, error) {
	e, err := ix.newEntry(b.ref, out[start:])
	if e == nil {
		return out, err
	}
	return append(out, ix.newMatch(b.ref, e, b.text, "brand", score, method, explain)), nil
}

// maxGluedWords is the most words read as one run together from a word
// on, and maxBrandPrefix the longest brand looked for at its start.
const maxGluedWords, maxBrandPrefix = 12, 32

// camelSplit writes a space before each upper-case ASCII letter that
// follows a lower-case one ("HuaweiCloud" → "Huawei Cloud"), and before
// the last capital of a run of capitals that a lower-case letter follows
// ("DJIInnovations" → "DJI Innovations", "AOKaspersky" → "AO
// Kaspersky"); ok is false when there is none.
func camelSplit(s string) (string, bool) {
	upper := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	lower := func(c byte) bool { return c >= 'a' && c <= 'z' }
	var b []byte
	for i := 1; i < len(s); i++ {
		if upper(s[i]) && (lower(s[i-1]) || upper(s[i-1]) && i+1 < len(s) && lower(s[i+1])) {
			if b == nil {
				b = append(b, s[:i]...)
			}
			b = append(b, ' ')
		}
		if b != nil {
			b = append(b, s[i])
		}
	}
	if b == nil {
		return s, false
	}
	return string(b), true
}

// personShaped reports whether a name of unknown kind reads as a
// person's: two to four words, no legal form, no digit, the first (or,
// in "Last, First", the one after the comma) a given name that listed
// individuals carry or a common one ("Eugene Kaspersky"). Such a name is
// screened as a person and never matched against brand words.
func (ix *Index) personShaped(nb *normBuf) bool {
	n := len(nb.words)
	if n < 2 || n > 4 {
		return false
	}
	for i, w := range nb.words {
		if w.flags&(wordLegal|wordInitial) != 0 && !(w.flags&wordInitial != 0 && i < n-1) {
			return false
		}
		for _, c := range nb.word(i) {
			if c >= '0' && c <= '9' {
				return false
			}
		}
	}
	first := 0
	if nb.comma == 1 {
		first = 1
	}
	return ix.isGivenName(nb.word(first))
}

// isGivenName reports whether w is a given name: one of commonGivenNames,
// or a word listed individuals carry as a given name more often than any
// name carries it otherwise.
func (ix *Index) isGivenName(w []byte) bool {
	if isCommonGivenName(string(w)) {
		return true
	}
	d := &ix.dict
	id, ok := d.textIDs.find(d.texts, w)
	if !ok {
		return false
	}
	return ix.givenTexts()[id]
}

// bestPerEntry keeps the first, best, match of each entry of sorted ms: a
// ban-list entry found whole and by its scored name is reported once.
func bestPerEntry(ms []Match) []Match {
	out := ms[:0]
	for i, m := range ms {
		dup := false
		for _, o := range ms[:i] {
			if o.List == m.List && o.EntryID == m.EntryID {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, m)
		}
	}
	return out
}

// hasWordsAt reports whether words ws appear as whole words from word i.
func (nb *normBuf) hasWordsAt(i int, ws []string) bool {
	if i+len(ws) > len(nb.words) {
		return false
	}
	for k, w := range ws {
		if string(nb.word(i+k)) != w {
			return false
		}
	}
	return true
}

// newEntry returns the entry r points into, nil when ms already holds a
// match of it.
func (ix *Index) newEntry(r ref, ms []Match) (*lists.Entry, error) {
	e, err := ix.entry(r)
	if err != nil || hasEntry(ms, ix.listID(r), e.ID) {
		return nil, err
	}
	return e, nil
}

// hasEntry reports whether ms already holds a match of entry eid of list
// id.
func hasEntry(ms []Match, id, eid string) bool {
	for _, m := range ms {
		if m.List == id && m.EntryID == eid {
			return true
		}
	}
	return false
}

// scoredMatches matches the query against the scored lists.
func (ix *Index) scoredMatches(sc *scratch, q Query, out []Match) ([]Match, error) {
	if len(ix.recs) == 0 {
		return out, nil
	}
	sc.personRules = q.Kind != KindOrganization
	sc.orgQuery = q.Kind != KindPerson
	ix.prepare(sc)
	sc.personQuery = q.Kind == KindPerson || len(sc.qw) > 0 && (sc.qw[0].title || sc.qw[len(sc.qw)-1].title)
	sc.sel = resetBools(sc.sel, len(sc.qw))
	t := float32(ix.opts.Review)
	if q.Kind != KindPerson {
		sc.selectPrefix(true, t)
	}
	if q.Kind != KindOrganization {
		sc.selectPrefix(false, t)
	}
	ix.gather(sc, q.Kind)
	sc.hits, sc.hitPairs, sc.hitAcr = sc.hits[:0], sc.hitPairs[:0], sc.hitAcr[:0]
	ix.scoreCands(sc, t)
	if len(sc.hits) == 0 && q.Kind != KindOrganization && sc.selectMiddle(t, rareShare*ix.dict.unseen) {
		// Nothing scored: a rare word between two others may be a
		// further given name ("Joaquin Archivaldo Guzman" for GUZMAN,
		// Joaquin Chapo), and the persons' names that pair with the
		// others alone are scored too. Only persons': the rule is
		// queryMiddle's, and the names an organisation's words select
		// are many ("The New York Times Company", by "the").
		ix.gatherMore(sc, KindPerson)
		ix.scoreCands(sc, t)
	}
	if len(sc.hits) == 0 && q.Kind != KindPerson && ix.selectOwn(sc) {
		// Nothing scored: a company's own word among words that name no
		// party (ownWordAt) was not selected, a heavier one no list
		// holds was ("Rosneft Deutschland GmbH": "deutschland"), and
		// the names that hold it are scored too.
		ix.gatherMore(sc, KindOrganization)
		ix.scoreCands(sc, t)
	}
	if len(sc.hits) == 0 && q.Kind != KindOrganization && sc.selectFurther(t) {
		// Nothing scored still: the query's words a name leaves out
		// may be further names the list does not give.
		ix.gatherFurther(sc)
		ix.scoreCands(sc, t)
	}
	if len(sc.hits) == 0 {
		return out, nil
	}
	// Best name per entry: order by entry, then score; among names scoring
	// alike, a strong name before a weak alias, then the name with the
	// most words paired as spelt ("Barech" is the alias BARECH, not
	// BARICH, one letter off, where a cap scores both alike), then the
	// name of fewest words (the one the query leaves least of out:
	// "Daniil Borshchev" is the alias "BORSHCHEV, Daniil", not the name
	// "BORSHCHEV, Daniil Sergeyevich" short of its patronymic), then the
	// primary name.
	slices.SortFunc(sc.hits, func(a, b hit) int {
		na, nb := &ix.recs[a.rec], &ix.recs[b.rec]
		ra, rb := na.ref, nb.ref
		switch {
		case ra.list != rb.list:
			return int(ra.list - rb.list)
		case ra.entry != rb.entry:
			return int(ra.entry - rb.entry)
		case a.score != b.score:
			if a.score > b.score {
				return -1
			}
			return 1
		case na.flags&recWeak != nb.flags&recWeak:
			return int(na.flags&recWeak) - int(nb.flags&recWeak)
		}
		if sa, sb := sc.speltPairs(a), sc.speltPairs(b); sa != sb {
			return sb - sa
		}
		switch {
		case na.w1-na.w0 != nb.w1-nb.w0:
			return int((na.w1 - na.w0) - (nb.w1 - nb.w0))
		}
		return int(ra.alias - rb.alias)
	})
	for k, h := range sc.hits {
		r := ix.recs[h.rec].ref
		if k > 0 {
			p := ix.recs[sc.hits[k-1].rec].ref
			if p.list == r.list && p.entry == r.entry {
				continue
			}
		}
		m, err := ix.scoredMatch(sc, q, h)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// speltPairs returns how many words of hit h's name paired as spelt.
func (sc *scratch) speltPairs(h hit) int {
	n := 0
	for _, p := range sc.hitPairs[h.p0:h.p1] {
		if p.kind == pairText {
			n++
		}
	}
	return n
}

// scoreCands scores the names gathered in sc.cands against threshold t,
// appending those at or above the review threshold to sc.hits. Scores
// are reported to three decimals, and compared so, so that a reported
// score and the thresholds always agree. Each hit keeps what its
// explanation needs.
func (ix *Index) scoreCands(sc *scratch, t float32) {
	// A score more than a thousandth below the review threshold rounds
	// below it: most candidates score so, and are not rounded.
	below := float32(ix.opts.Review - 0.001)
	for _, ri := range sc.cands {
		raw := ix.scoreRec(sc, ri, t)
		if raw < below {
			continue
		}
		s := round3(raw)
		if s < ix.opts.Review {
			continue
		}
		h := hit{rec: ri, score: s, p0: int32(len(sc.hitPairs)), a0: int32(len(sc.hitAcr)), caps: sc.caps}
		for _, p := range sc.pairs {
			if p.chosen {
				sc.hitPairs = append(sc.hitPairs, p)
			}
		}
		sc.hitAcr = append(sc.hitAcr, sc.acr...)
		h.p1, h.a1 = int32(len(sc.hitPairs)), int32(len(sc.hitAcr))
		sc.hits = append(sc.hits, h)
	}
}

// scoredMatch builds the explained match of one hit.
func (ix *Index) scoredMatch(sc *scratch, q Query, h hit) (Match, error) {
	rec := &ix.recs[h.rec]
	// The scoring as scoreCands kept it, for explainScored.
	sc.pairs = append(sc.pairs[:0], sc.hitPairs[h.p0:h.p1]...)
	sc.acr = append(sc.acr[:0], sc.hitAcr[h.a0:h.a1]...)
	sc.caps = h.caps
	e, err := ix.entry(rec.ref)
	if err != nil {
		return Match{}, err
	}
	name, on := namedAs(e, rec.alias)
	method, explain, spelt := ix.explainScored(sc, q.Name, h, name, on)
	m := ix.newMatch(rec.ref, e, name, on, h.score, method, explain)
	m.Reading = sc.nb.String()
	m.Spelt = spelt
	return m, nil
}

// round3 rounds a score to three decimals.
func round3(s float32) float64 {
	return math.Round(float64(s)*1000) / 1000
}

// particles are the name particles that queries write joined to the next
// word while the lists write them apart ("Alzumar" for "AL-ZUMAR";
// "Lamaison" for "LA MAISON").
var particles = []string{"abdul", "abdel", "abd", "abu", "bin", "ibn", "al", "el", "ul", "la", "le", "de"}

// minPart is the shortest word a glued word is split into, but for the
// linking words of names (isLink).
const minPart = 3

// isLink reports whether w is a word of one or two letters that links
// the words of names: an article, preposition or conjunction ("Banco
// Nacional de Cuba"), the Arabic article assimilated ("ud-Din"), or the
// ezafe of Persian and Urdu names ("Lashkar-e-Tayyiba",
// "Jaish-e-Mohammed", "Hizb-i-Islami").
func isLink(w []byte) bool {
	if len(w) > 2 {
		return false
	}
	switch string(w) {
	case "de", "da", "di", "do", "du", "la", "le", "el", "al", "ul", "ud", "ed", "ad", "of", "et", "an", "ve", "va", "e", "i":
		return true
	}
	return false
}

// lettersThenDigits returns where the digits of w begin when w is two
// letters or more followed by digits only, else 0.
func lettersThenDigits(w []byte) int {
	k := 0
	for k < len(w) && w[k] >= 'a' && w[k] <= 'z' {
		k++
	}
	if k < 2 || k == len(w) {
		return 0
	}
	for _, c := range w[k:] {
		if c < '0' || c > '9' {
			return 0
		}
	}
	return k
}

// digitRuns appends to cuts where w changes between letters and digits
// and returns how many it appended: none unless w is letters and digits
// only, holds both, every run of letters is minPart letters or more, and
// the runs are maxGlued+1 at most.
func digitRuns(w []byte, cuts []int) int {
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	letters := 0
	for k, c := range w {
		switch {
		case c >= 'a' && c <= 'z':
			letters++
		case !isDigit(c):
			return 0
		}
		if k+1 < len(w) && isDigit(c) != isDigit(w[k+1]) {
			if !isDigit(c) && letters < minPart || len(cuts) == maxGlued {
				return 0
			}
			letters = 0
			cuts = append(cuts, k+1)
		}
	}
	if len(cuts) == 0 || letters > 0 && letters < minPart {
		return 0
	}
	return len(cuts)
}

// resegment repairs word boundaries of a query against the vocabulary of
// the scored lists:
//   - a word no listed name holds that is a particle joined to a word one
//     does hold is split ("alzumar" → "al zumar");
//   - a word no listed name holds that is two or three words listed names
//     hold, run together, is split ("ramimakhlouf" → "rami makhlouf",
//     "jscargument" → "jsc argument");
//   - two neighbouring words of which one no listed name holds are joined
//     when a listed name holds the joined word ("qa ida" → "qaida", from
//     "QA'IDA" with the apostrophe written as a space; "abu bakr" →
//     "abubakr" where a list writes it so); so are the syllables of a name
//     written in Han characters, which pinyin writes one by one ("xi jin
//     ping" → "xi jinping").
func (ix *Index) resegment(nb *normBuf) {
	// The query's own words are mostly listed; the parts and joins tried
	// mostly are not, and the word filter answers most of them.
	known, part := ix.knownWord, ix.knownPart
	kana := len(nb.schemes) == 1 && nb.schemes[0] == textnorm.Hepburn
	for i := 0; i < len(nb.words); i++ {
		w := nb.words[i]
		if w.flags != 0 || ix.knownAt(nb, i) {
			continue
		}
		text := nb.word(i)
		cut, reversed := ix.shortPartCuts(text, false)
		if reversed > 0 {
			nb.reversed = append(nb.reversed, lookedSpan{w.start, w.end, int32(reversed)})
		}
		if cut > 0 {
			// A listed name's two words, one of one or two letters, run
			// together ("alshaar" for AL-SHAAR, "tingyu" for Ting-yu),
			// which glued does not split (minPart): the listed pair
			// itself is closer than any word one letter away.
			nb.splitGlued(i, text, []int{cut})
			i++
			continue
		}
		split := false
		if k := abdArticleLen(text); k > 0 && part(text[k:]) {
			// abd and the article assimilated to the word after it,
			// run together with it ("abdussalam" → "abdus salam"), a
			// spelling rather than a letter misspelt.
			nb.splitWord(i, int32(k))
			continue
		}
		for _, p := range particles {
			if len(text) < len(p)+3 || string(text[:len(p)]) != p || !part(text[len(p):]) {
				continue
			}
			if ix.hasNear(text) {
				// One letter from a listed word, it is more likely
				// that word misspelt ("elsami", ESLAMI) than a
				// particle and a word run together, as below.
				break
			}
			nb.splitWord(i, int32(len(p)))
			split = true
			break
		}
		if !split {
			// Letters and the number they go with run together ("MS13"
			// for MS-13).
			if k := lettersThenDigits(text); k > 0 && known(text[:k]) && known(text[k:]) {
				nb.splitWord(i, int32(k))
				split = true
			}
		}
		if !split {
			// A number among words run together, as a domain name or
			// a user name writes a name ("hope1shipping", HOPE 1
			// SHIPPING INC; "vladimirputin1952"): the number apart,
			// and the words read again.
			var cuts [maxGlued]int
			if n := digitRuns(text, cuts[:0]); n > 0 {
				nb.splitGlued(i, text, cuts[:n])
				i--
				continue
			}
		}
		if split || len(text) < 2*minPart || kana {
			// Kana writes a foreign name's parts apart (a middle dot
			// or a space between them): a word of it is one part,
			// whose syllables spell other names' words ("ムハンマド",
			// "muhanmado", is not "muh an mado").
			continue
		}
		if ix.joinsNeighbour(nb, i) {
			// Half of a listed word written in two ("Rosoboron
			// Export", ROSOBORONEXPORT): joinKnown joins it.
			continue
		}
		// A word one letter away from a listed one, or spelt by
		// another language's conventions, is more likely that word
		// than two words run together (asked only of a word that
		// splits: the splits are found by cheap lookups).
		// A transliterated word is split only when its consonant
		// skeleton is no listed word's ("람잔" is Ramzan, not "lam jan").
		var cuts [maxGluedMany]int
		n := glued(text, part, ix.textWeight, cuts[:0])
		if n == 1 && !ix.partsHeldApart(text, cuts[:1]) {
			// Of the two words it may be, those a listed name writes
			// side by side ("annalena" is ANNA-LENA's "anna lena", not
			// "ann alena", two words of other names).
			if k := ix.heldApartCut(text); k > 0 {
				cuts[0] = k
			}
		}
		if n == 0 && !nb.translit {
			n = syllables(text, part, cuts[:0])
		}
		if n == 0 && len(text) >= (maxGlued+1)*minPart {
			// A whole name run together, of more words than glued
			// splits ("islamicrepublicofiranshippinglines").
			n = gluedMany(text, part, ix.textWeight, cuts[:0])
		}
		// Nor where its phonetic key is a listed word's ("mootassim",
		// MUTASSIM): a spelling of that word; nor where it reads as a
		// word of a name written only in an abjad or in kana ("tayyip",
		// طيب, not "tay yip").
		if n > 0 && !ix.hasNear(text) && !(nb.translit && ix.hasSkeleton(text)) && !ix.keyListed(text) && !ix.readsAsScriptWord(text) &&
			!ix.hacekRespells(nb, text) {
			nb.splitGlued(i, text, cuts[:n])
			i += n
		}
	}
	if len(nb.splits) > 0 {
		// A legal form run together with the name ("JSCARGUMENT") is
		// one once split off.
		nb.flagLegal()
	}
	// Han, Korean and Myanmar names are read syllable by syllable; pinyin
	// and the lists write a given name's syllables as one word ("xi jin
	// ping" → "xi jinping", "kim jong un" as it is), and a foreign name
	// written in Myanmar is one word of several syllables ("pu tin" →
	// "putin").
	han := slices.Contains(nb.schemes, textnorm.Pinyin) || slices.Contains(nb.schemes, textnorm.McCuneReischauer) ||
		slices.Contains(nb.schemes, textnorm.Myanmar)
	abjad := nb.abjad()
	if len(nb.words) == 3 && len(nb.schemes) == 1 && nb.schemes[0] == textnorm.Pinyin && nb.words[2].start-nb.words[1].end <= 1 &&
		nb.words[1].flags&^wordInitial == 0 && nb.words[2].flags&^wordInitial == 0 && part(nb.joinedText(1)) {
		// A Chinese name of three characters is mostly a family name and
		// a given name of two: "朱海仑" is "zhu hailun", not "zhuhai lun"
		// (Zhuhai, a city that names companies).
		joined := nb.text[len(nb.text)-int(nb.words[1].end-nb.words[1].start+nb.words[2].end-nb.words[2].start):]
		nb.joinWords(1, 2, len(nb.text)-len(joined))
	}
	for i := 0; i+1 < len(nb.words); i++ {
		a, b := nb.words[i], nb.words[i+1]
		// "Allah" ends names written in two words in the Arabic script
		// and in one in Latin letters ("نصر الله", NASRALLAH).
		allah := abjad && isAllah(nb.word(i+1)) && !ix.knownAt(nb, i)
		if a.flags&^wordInitial != 0 || b.flags&^wordInitial != 0 || a.end != b.start && !(han && a.end+1 == b.start) && !allah {
			continue
		}
		if !han && !allah && ix.knownAt(nb, i) && ix.knownAt(nb, i+1) {
			continue
		}
		joined := nb.joinedText(i)
		if !part(joined) && !(allah && ix.hasSkeleton(joined)) {
			continue
		}
		nb.joinWords(i, 2, len(nb.text)-len(joined))
		i-- // the joined word may join the next one too
	}
}

// nameParticles reports whether a and b are the particles that begin a
// Spanish, Portuguese, Italian, French, Dutch or German family name
// ("de la", "de los", "van der", "von der"), which lists write apart and
// run together ("DE LA CRUZ", "DELA CRUZ"; joinParticles).
func nameParticles(a, b []byte) bool {
	switch string(a) {
	case "de", "van", "von", "da", "di":
		switch string(b) {
		case "la", "las", "los", "lo", "der", "den", "des", "di":
			return true
		}
	}
	return false
}

// splitParticles splits each word of nb that is the two particles that
// begin a family name run together (nameParticles: "dela", "vander")
// into them, the reverse of joinParticles. It reports whether it split
// any.
func splitParticles(nb *normBuf) bool {
	split := false
	for i := 0; i < len(nb.words); i++ {
		w := nb.word(i)
		if nb.words[i].flags != 0 || len(w) < 4 {
			continue
		}
		for _, k := range [...]int{2, 3} {
			if k < len(w) && nameParticles(w[:k], w[k:]) {
				nb.splitGlued(i, w, []int{k})
				split = true
				i++
				break
			}
		}
	}
	return split
}

// joinParticles joins the particles that begin a family name
// (nameParticles) into one word where a listed name holds it so ("de la
// cruz" → "dela cruz"); resegment leaves them apart, as listed names hold
// both. It reports whether it joined any.
func (ix *Index) joinParticles(nb *normBuf) bool {
	joined := false
	for i := 0; i+1 < len(nb.words); i++ {
		if nb.words[i].flags != 0 || nb.words[i+1].flags != 0 || !nameParticles(nb.word(i), nb.word(i+1)) {
			continue
		}
		n := len(nb.text)
		if _, ok := ix.listedText(nb.joinedText(i)); !ok {
			nb.text = nb.text[:n]
			continue
		}
		nb.joinWords(i, 2, n)
		joined = true
	}
	return joined
}

// joinWords reads words [i, i+k) of nb as one plain word, the text
// appended to nb.text from offset from on, and records the join for the
// explanation.
func (nb *normBuf) joinWords(i, k, from int) {
	nb.joins = append(nb.joins, nb.String2(i, i+k))
	nb.words[i] = span{start: int32(from), end: int32(len(nb.text))}
	nb.words = slices.Delete(nb.words, i+1, i+k)
	nb.resegmented = true
}

// minJoined is the fewest letters of a word joinKnown makes of two, and
// minJoinPart the fewest of each of the two.
const minJoined, minJoinPart = 6, 3

// joinKnown joins neighbouring words of nb that listed names hold, both,
// into one when a listed name holds it too ("sovcom flot" → "sovcomflot",
// "gaz prom" → "gazprom"); resegment joins them only when one of them is
// no listed word. With articles, it joins the article to the word after it
// too ("al otaibi", ALOTAIBI): asked when nothing matched yet, as a name
// written as a listed name writes it is better explained so. It reports
// whether it joined any.
func (ix *Index) joinKnown(nb *normBuf, articles, letters bool) bool {
	if len(nb.words) < 2 {
		return false
	}
	suffixed := nb.joinFamilySuffixes()
	// Joins a listed name makes with another word of the query first
	// ("ali reda abd allah" → "ali reda abdallah" for ABDALLAH, Ali
	// Reda, not "alireda abdallah", which another name's ALIREDA would
	// make of it), then, when none does, every join.
	j, jHeld := ix.joinCommaSurname(nb, true)
	w, wHeld := ix.joinWords(nb, articles, letters, true)
	if j || w || !jHeld && !wHeld {
		return suffixed || j || w
	}
	j, _ = ix.joinCommaSurname(nb, false)
	w, _ = ix.joinWords(nb, articles, letters, false)
	return suffixed || j || w
}

// joinFamilySuffixes joins to the word before it each word that is the
// ending of Persian family names, "zadeh" (born of), which Persian
// script writes apart as often as not: "حسن زاده", read "hsn zadh", is
// HASSANZADEH as "حسن‌زاده" is. It reports whether it joined any.
func (nb *normBuf) joinFamilySuffixes() bool {
	joined := false
	for i := 0; i+1 < len(nb.words); i++ {
		if nb.words[i].flags != 0 || nb.words[i+1].flags != 0 || !isFamilySuffix(nb.word(i+1)) {
			continue
		}
		n := len(nb.text)
		nb.joinedText(i)
		nb.joinWords(i, 2, n)
		joined = true
	}
	return joined
}

// minSplitAbjad is the fewest letters of a word read from an abjad that
// splitAbjad splits, minAbjadPart the fewest of each of its parts.
const minSplitAbjad, minAbjadPart = 6, 3

// splitAbjad splits each word of nb, read from an abjad, of minSplitAbjad
// letters or more, that no listed name spells, at the cut nearest its end
// where both parts are words listed names hold or read as one by their
// consonants (abjadReads): two names that the script writes run together
// ("mhmdali", محمدعلی, for "Mohammad Ali"). It reports whether it split
// any.
func (ix *Index) splitAbjad(nb *normBuf) bool {
	split := false
	for i := 0; i < len(nb.words); i++ {
		w := nb.word(i)
		if nb.words[i].flags != 0 || len(w) < minSplitAbjad || ix.knownWord(w) {
			continue
		}
		for k := len(w) - minAbjadPart; k >= minAbjadPart; k-- {
			if ix.abjadReads(w[:k], nb.schemes) && ix.abjadReads(w[k:], nb.schemes) {
				nb.splitWord(i, int32(k))
				split = true
				i++
				break
			}
		}
	}
	return split
}

// abjadReads reports whether w, read from an abjad by schemes, is a word
// listed names hold, or reads as one by its consonant skeleton.
func (ix *Index) abjadReads(w []byte, schemes []textnorm.Scheme) bool {
	if ix.knownWord(w) {
		return true
	}
	var buf [16]int32
	return len(ix.appendTranslitSkeletonKeys(buf[:0], w, schemes)) > 0
}

// isFamilySuffix reports whether w is "zadeh" as a romanisation writes
// it, or as the letters of زاده read.
func isFamilySuffix(w []byte) bool {
	switch string(w) {
	case "zadeh", "zade", "zadah", "zadh":
		return true
	}
	return false
}

// joinWords is joinKnown's pass over the words of nb; with together set,
// it makes only the joins of two or three words that a listed name holds
// beside another word of the query (heldWith), and reports in declined
// whether it left out any other. With letters set (a name not a
// person's), it joins a word and a letter after it too, where the
// apostrophe between them was written as a space ("lord s resistance
// army", LORD'S RESISTANCE ARMY; "ansar al shari a", ANSAR AL-SHARI'A):
// a person's letter is an initial.
func (ix *Index) joinWords(nb *normBuf, articles, letters, together bool) (joined, declined bool) {
	for i := 0; i+1 < len(nb.words); i++ {
		if letters && nb.letterJoinable(i) {
			n := len(nb.text)
			if id, ok := ix.listedText(nb.joinedText(i)); ok {
				if !together || ix.heldWith(nb, id, i, i+2) {
					nb.joinWords(i, 2, n)
					joined = true
					continue
				}
				declined = true
			}
			nb.text = nb.text[:n]
			continue
		}
		if !nb.joinable(i) {
			// A name with the Arabic article written apart and
			// assimilated ("siraj ud din", "siraj al-din" for
			// SIRAJUDDIN).
			n := len(nb.text)
			switch {
			case i+2 < len(nb.words) && nb.articleJoinable(i) && ix.joinArticle(nb, i):
				nb.joinWords(i, 3, n)
				joined = true
			case nb.shortJoinable(i):
				// A word of two letters, or a letter, before the rest
				// of the word a listed name holds as one, beside another
				// word of the query ("leonardo di caprio", DICAPRIO;
				// "ronald mc donald", MCDONALD; "jp morgan chase";
				// "angela d angelo", D'ANGELO).
				if ok, _ := ix.joinPair(nb, i, true); ok {
					joined = true
				}
			case articles && nb.articleBefore(i):
				// The article written apart from a family name that a
				// listed name runs together with it ("al otaibi",
				// ALOTAIBI). With together set, only where a listed
				// name that holds the joined word holds another word of
				// the query too: "abd allah yahya al hakim" is AL
				// HAKIM, Abdullah Yahya, not ALHAKIM, Abu Ali.
				ok, held := ix.joinPair(nb, i, together)
				joined = joined || ok
				declined = declined || held
			}
			continue
		}
		n := len(nb.text)
		k := 2
		id, ok := ix.listedText(nb.joinedText(i))
		if !ok {
			nb.text = nb.text[:n]
			// A name of God and the word before it, which names run
			// together in another spelling ("rahmat allah",
			// RAHMATULLAH; "abdel aziz", ABDULAZIZ).
			id, ok = ix.joinSpelt(nb, i)
		}
		if !ok {
			// Three words of one listed word written apart ("ural vagon
			// zavod", URALVAGONZAVOD).
			if i+2 >= len(nb.words) || !nb.joinable(i+1) {
				continue
			}
			if id, ok = ix.joinThree(nb, i, nb.word(i+1)); !ok {
				continue
			}
			k = 3
		}
		if together {
			if !ix.heldWith(nb, id, i, i+k) {
				nb.text = nb.text[:n]
				declined = true
				continue
			}
		}
		nb.joinWords(i, k, n)
		joined = true
	}
	return joined, declined
}

// maxHeldWith is the most listed names heldWith looks through.
const maxHeldWith = 64

// heldWith reports whether a listed name that holds the listed word id
// holds a word of nb outside words [from, to) too, a legal form aside.
// A query with no such word (the joined words are the name, "luk oil")
// has nothing to hold, and is held.
func (ix *Index) heldWith(nb *normBuf, id int32, from, to int) bool {
	return ix.heldBeside(nb, id, func(j int) bool { return j >= from && j < to })
}

// heldWithout is heldWith for the two words a and b of nb, wherever they
// stand.
func (ix *Index) heldWithout(nb *normBuf, id int32, a, b int) bool {
	return ix.heldBeside(nb, id, func(j int) bool { return j == a || j == b })
}

// heldBeside is heldWith for the words of nb that joined does not
// report.
func (ix *Index) heldBeside(nb *normBuf, id int32, joined func(int) bool) bool {
	var othersBuf [16]int32
	others := othersBuf[:0]
	for j := range nb.words {
		if joined(j) || nb.words[j].flags != 0 || knownLegalForm(nb.word(j)) {
			continue
		}
		if t := ix.textIDAt(nb, j); t >= 0 {
			others = append(others, t)
		}
	}
	if len(others) == 0 {
		return true
	}
	d := &ix.dict
	t := d.textKey[id]
	post := d.post[d.postStart[t]:d.postStart[t+1]]
	for _, ri := range post[:min(len(post), maxHeldWith)] {
		rec := &ix.recs[ri]
		for _, w := range ix.words[rec.w0:rec.w1] {
			if slices.Contains(others, w.text) {
				return true
			}
		}
	}
	return false
}

// joinCommaSurname joins, in a name written "Surname, Given names" with
// a one-word surname, the last given name and the surname, which stand
// together in the name's natural order, when a listed name holds them as
// one word ("ZADEH, Mohammed Khalil", KHALILZADEH); joinKnown joins the
// words that stand together as written. It reports whether it joined them;
// with together set, it joins them only where that listed name holds
// another word of the query too (heldWith), and reports in declined
// whether it left them apart for that.
func (ix *Index) joinCommaSurname(nb *normBuf, together bool) (joined, declined bool) {
	last := len(nb.words) - 1
	if !nb.initials || nb.comma != 1 || last < 2 || !nb.joinableWords(last, 0) {
		return false, false
	}
	n := len(nb.text)
	id, ok := ix.listedText(nb.joinedWords(last, 0))
	if ok && together && !ix.heldWithout(nb, id, 0, last) {
		nb.text = nb.text[:n]
		return false, true
	}
	if !ok {
		nb.text = nb.text[:n]
		return false, false
	}
	nb.joins = append(nb.joins, string(nb.word(last))+" "+string(nb.word(0)))
	nb.words[0].start, nb.words[0].end = int32(n), int32(len(nb.text))
	nb.words = nb.words[:last]
	nb.resegmented = true
	return true, false
}

// joinable reports whether words i and i+1 of nb may be read as one
// (joinKnown): plain words, each of minJoinPart letters or more,
// minJoined together.
func (nb *normBuf) joinable(i int) bool { return nb.joinableWords(i, i+1) }

// joinableWords reports whether words i and j of nb, in that order, may
// be read as one: plain words, each of minJoinPart letters or more,
// minJoined together.
func (nb *normBuf) joinableWords(i, j int) bool {
	a, b := nb.words[i], nb.words[j]
	return a.flags == 0 && b.flags == 0 && a.end-a.start >= minJoinPart && b.end-b.start >= minJoinPart &&
		a.end-a.start+b.end-b.start >= minJoined
}

// letterJoinable reports whether word i of nb is a plain word of
// minLetterJoinPart letters or more (or one read as a title: "lord") and
// word i+1 one letter (joinWords).
func (nb *normBuf) letterJoinable(i int) bool {
	a, b := nb.words[i], nb.words[i+1]
	return a.flags&^wordTitle == 0 && a.end-a.start >= minLetterJoinPart && b.flags&^wordInitial == 0 && b.end-b.start == 1
}

// minLetterJoinPart is the fewest letters of a word a letter after it is
// joined to: a word of three and a letter are English words as often as
// one ("and a", ANDA COMPANY; "are a", AREA), a word of four or more and
// a letter are a word with its apostrophe written as a space ("lord s",
// "shari a").
const minLetterJoinPart = 4

// shortJoinable reports whether word i of nb is a plain word of two
// letters that is no article, or a letter (an apostrophe written as a
// space: "d angelo"), and word i+1 a plain word of minJoinPart+1 letters
// or more.
func (nb *normBuf) shortJoinable(i int) bool {
	a, b := nb.words[i], nb.words[i+1]
	if b.flags != 0 || b.end-b.start <= minJoinPart {
		return false
	}
	switch a.end - a.start {
	case 1:
		return a.flags&^wordInitial == 0
	case 2:
		return a.flags == 0 && particleClass(string(nb.word(i))) != articleClass
	}
	return false
}

// joinPair joins words i and i+1 of nb into one when a listed name holds
// them run together and, with held set, holds another word of the query
// too (heldWith), and reports whether it did; declined reports a join a
// listed name holds that held kept apart.
func (ix *Index) joinPair(nb *normBuf, i int, held bool) (joined, declined bool) {
	n := len(nb.text)
	id, ok := ix.listedText(nb.joinedText(i))
	if ok && (!held || ix.heldWith(nb, id, i, i+2)) {
		nb.joinWords(i, 2, n)
		return true, false
	}
	nb.text = nb.text[:n]
	return false, ok
}

// joinThree appends words i, i+1 and i+2 of nb run together to its text,
// word i+1 written as mid, and returns the text id of the result when a
// listed name holds it; it leaves the text as it was when none does.
func (ix *Index) joinThree(nb *normBuf, i int, mid []byte) (int32, bool) {
	n := len(nb.text)
	nb.text = append(nb.text, nb.word(i)...)
	nb.text = append(nb.text, mid...)
	nb.text = append(nb.text, nb.word(i+2)...)
	id, ok := ix.listedText(nb.text[n:])
	if !ok {
		nb.text = nb.text[:n]
	}
	return id, ok
}

// abdSpellings are the spellings of abd (servant of) and the article
// after it that names run together with a name of God ("abdulaziz",
// "abdelaziz"), and allahSpellings those of Allah run together with the
// word before it ("rahmatullah", "fazlallah").
var (
	abdSpellings   = []string{"abdul", "abdel", "abdal", "abdol", "abd"}
	allahSpellings = []string{"ullah", "allah", "ollah", "ulla", "alla"}
)

// joinSpelt appends words i and i+1 of nb run together to its text in
// another spelling of abd or of Allah (abdSpellings, allahSpellings) and
// returns the text id of the first a listed name holds; it leaves the
// text as it was when none does. Words i and i+1 are joinable.
func (ix *Index) joinSpelt(nb *normBuf, i int) (int32, bool) {
	a, b := nb.word(i), nb.word(i+1)
	var firsts, lasts []string
	switch {
	case particleClass(string(a)) == abdClass:
		firsts, lasts = abdSpellings, []string{string(b)}
	case particleClass(string(b)) == 0 && slices.Contains(allahSpellings, string(b)):
		firsts, lasts = []string{string(a)}, allahSpellings
	default:
		return 0, false
	}
	n := len(nb.text)
	for _, f := range firsts {
		for _, l := range lasts {
			if f == string(a) && l == string(b) {
				continue
			}
			nb.text = append(append(nb.text, f...), l...)
			if id, ok := ix.listedText(nb.text[n:]); ok {
				return id, true
			}
			nb.text = nb.text[:n]
		}
	}
	return 0, false
}

// assimilated are the spellings of the Arabic article before a word
// that names run it together with ("-uddin", "-eddine", "-ud-din",
// "abdulwahab", "abdelaziz").
var assimilated = [][]byte{[]byte("ud"), []byte("ed"), []byte("ad"), []byte("ul"), []byte("el"), []byte("u"), []byte("e")}

// articleJoinable reports whether words i and i+2 of nb are plain words
// of minJoinPart letters or more and word i+1 an article (particleClass
// articleClass).
func (nb *normBuf) articleJoinable(i int) bool {
	a, m, b := nb.words[i], nb.words[i+1], nb.words[i+2]
	return a.flags == 0 && m.flags&^wordInitial == 0 && b.flags == 0 && a.end-a.start >= minJoinPart &&
		b.end-b.start >= minJoinPart && particleClass(string(nb.word(i+1))) == articleClass
}

// articleBefore reports whether word i of nb is an article (particleClass
// articleClass) and word i+1 a plain word of minJoinPart letters or more.
func (nb *normBuf) articleBefore(i int) bool {
	a, b := nb.words[i], nb.words[i+1]
	return a.flags&^wordInitial == 0 && b.flags == 0 && b.end-b.start >= minJoinPart &&
		particleClass(string(nb.word(i))) == articleClass
}

// joinArticle joins words i, i+1 (an article) and i+2 of nb when a listed
// name holds them run together, the article as written or as names
// assimilate it, and reports whether it did.
func (ix *Index) joinArticle(nb *normBuf, i int) bool {
	if _, ok := ix.joinThree(nb, i, nb.word(i+1)); ok {
		return true
	}
	for _, a := range assimilated {
		if string(a) == string(nb.word(i+1)) {
			continue
		}
		if _, ok := ix.joinThree(nb, i, a); ok {
			return true
		}
	}
	if string(nb.word(i+2)) != "din" {
		return false
	}
	// "-eddine", as French writes the name ("safi al din", SAFIEDDINE).
	n := len(nb.text)
	for _, a := range assimilated[:3] {
		nb.text = append(nb.text, nb.word(i)...)
		nb.text = append(nb.text, a...)
		nb.text = append(nb.text, "dine"...)
		if _, ok := ix.listedText(nb.text[n:]); ok {
			return true
		}
		nb.text = nb.text[:n]
	}
	return false
}

// listedText returns the text id of the word b when a listed name holds
// it. The word filter answers first: the words asked of it while
// splitting and joining mostly are not listed.
func (ix *Index) listedText(b []byte) (int32, bool) {
	if !ix.segmentWords().mayHold(b) {
		return 0, false
	}
	return ix.dict.textIDs.find(ix.dict.texts, b)
}

// knownWord reports whether b is a word listed names hold or a legal
// form of minPart letters or more; knownPart is the same for a part a
// word run together may be split into, which the word filter (that holds
// the legal forms too) answers first.
func (ix *Index) knownWord(b []byte) bool {
	d := &ix.dict
	if _, ok := d.textIDs.find(d.texts, b); ok {
		return true
	}
	return knownLegalForm(b)
}

// knownLegalForm reports whether b is a legal form of minPart letters or
// more.
func knownLegalForm(b []byte) bool {
	return len(b) >= minPart && isLegalForm(b)
}

// isLegalForm reports whether b is a legal form of legalForms.
func isLegalForm(b []byte) bool {
	_, ok := filteredGet(legalFilters.forms, legalForms, b)
	return ok
}

// isArticleWord reports whether w is the Arabic article as names write
// it before a word, al or el.
func isArticleWord(w []byte) bool { return string(w) == "al" || string(w) == "el" }

// shortLegalForm reports whether b is a legal form of two letters ("co",
// "sa", "ag"): one ends a company's name run together
// ("zarashipholdingco"), shorter than the words glued otherwise cuts.
func shortLegalForm(b []byte) bool {
	return len(b) == 2 && isLegalForm(b)
}

// legalTail reports whether b, what follows a short legal form in a
// glued word, is nothing or legal forms and linking words ending in a
// legal form ("ltd" after "co", "decv" after "sa"), three at most.
func legalTail(b []byte) bool { return legalTailOf(b, 3) }

// legalTailOf is legalTail of at most n words.
func legalTailOf(b []byte, n int) bool {
	if len(b) == 0 {
		return true
	}
	for k := 2; n > 0 && k <= len(b) && k <= maxLegalWord; k++ {
		w := b[:k]
		if (isLegalForm(w) || k < len(b) && isLink(w)) && legalTailOf(b[k:], n-1) {
			return true
		}
	}
	return false
}

// maxLegalWord is the longest legal form legalTail looks for in a glued
// word ("limited").
const maxLegalWord = 12

// knownAt is knownWord of word i of nb, its text id looked up once
// (textIDAt).
func (ix *Index) knownAt(nb *normBuf, i int) bool {
	return ix.textIDAt(nb, i) >= 0 || knownLegalForm(nb.word(i))
}

// knownPart is knownWord, the word filter asked first.
func (ix *Index) knownPart(b []byte) bool {
	return ix.segmentWords().mayHold(b) && ix.knownWord(b)
}

// minSplitKnown is the fewest letters of a listed word splitKnown splits.
const minSplitKnown = 7

// splitKnown splits each word of nb, of minSplitKnown letters or more,
// into the listed words it is made of: a word listed names hold, which
// resegment leaves whole ("gazpromneft" → "gazprom neft"), and, unless
// listedOnly (an organisation's name: the SBOM suppliers and vendors that
// match nothing have many words no name holds), one resegment left
// whole although no listed name holds it ("abdulqadeer"); where a listed
// name writes them apart or holds one of them beside another word of the
// query ("mahan airlines" → "mahan air lines"), not where they only spell
// other names' words ("michael" is no "mic hael"); and a shorter one into
// two words a listed name writes side by side, one of one or two letters
// (shortPartCut: "alrawi", AL-RAWI). Name asks it when the query as read
// (computeKeys) matched nothing. It reports whether it split any.
func (ix *Index) splitKnown(nb *normBuf, listedOnly bool) bool {
	split := false
	// The listed words of the query as read, by text id, before any is
	// split.
	// A legal form is no other word of the name: "co" beside "hai" in
	// some listed name is no reason to read "Shanghai ... Co" as
	// "shang hai".
	var idBuf [16]int32
	ids := idBuf[:0]
	for i, id := range nb.textIDs {
		if id >= 0 && nb.words[i].flags&wordLegal == 0 {
			ids = append(ids, id)
		}
	}
	// Each once: a long text pasted as a name repeats its words, and
	// partWithOthers reads every pair of a part and another word.
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for i := 0; i < len(nb.words); i++ {
		text := nb.word(i)
		if nb.words[i].flags != 0 || !lettersOnly(text) || listedOnly && !ix.knownAt(nb, i) {
			continue
		}
		var cuts [maxGlued]int
		n := 0
		if len(text) >= minSplitKnown {
			if id := ix.textIDAt(nb, i); id >= 0 {
				n = ix.gluedListed(id, text, &cuts)
			} else {
				n = glued(text, ix.knownPart, ix.textWeight, cuts[:0])
			}
		}
		if n > 0 && !ix.partsHeldApart(text, cuts[:n]) && !ix.partWithOthers(text, cuts[:n], ids) {
			continue
		}
		if n == 0 {
			// The article and a word of a listed name, which glued
			// does not split ("alrawi", listed as one word too, for
			// AL-RAWI).
			if cuts[0] = ix.shortPartCut(text, true); cuts[0] == 0 {
				continue
			}
			n = 1
		}
		nb.splitGlued(i, text, cuts[:n])
		i += n
		split = true
	}
	if split {
		nb.flagLegal()
	}
	return split
}

// gluedListed is glued of listed text id id, whose text is text, with
// the index's words (knownPart, textWeight): it writes the cuts to cuts
// and returns how many. The answer is the index's own, and is kept once
// asked (gluedTexts): every query of a common name asks it of its words.
func (ix *Index) gluedListed(id int32, text []byte, cuts *[maxGlued]int) int {
	memo := &ix.gluedTexts()[id]
	v := memo.Load()
	if v == 0 {
		n := glued(text, ix.knownPart, ix.textWeight, cuts[:0])
		v = gluedAsked | uint64(n)
		for k, c := range cuts[:n] {
			v |= uint64(c) << (gluedCutBits * (k + 1))
		}
		memo.Store(v)
		return n
	}
	n := int(v & (1<<gluedCutBits - 1))
	for k := range n {
		cuts[k] = int(v >> (gluedCutBits * (k + 1)) & (1<<gluedCutBits - 1))
	}
	return n
}

// gluedAsked marks a gluedTexts entry asked; gluedCutBits are the bits of
// each of its fields, the count of cuts and each cut (a listed word glued
// splits has fewer than maxGluedLen letters).
const (
	gluedAsked   = 1 << 63
	gluedCutBits = 8
	// A cut is below maxGluedLen, which gluedCutBits must hold.
	_ uint8 = maxGluedLen
)

// partsHeldApart reports whether the parts text splits into at cuts are
// words a listed name writes apart: each two neighbouring parts are
// neighbouring words of a listed name, in either order, or one of them
// is a legal form ("gazprom neft" in GAZPROM NEFT; not "mic hael", which
// "michael" splits into but no name writes so).
func (ix *Index) partsHeldApart(text []byte, cuts []int) bool {
	for k := range cuts {
		if !ix.neighbours(gluedPart(text, cuts, k), gluedPart(text, cuts, k+1)) {
			return false
		}
	}
	return true
}

// heldApartCut returns where text splits into two words a listed name
// writes side by side (partsHeldApart), each minPart letters or more, the
// longest first word first; 0 when it splits so nowhere.
func (ix *Index) heldApartCut(text []byte) int {
	for cut := len(text) - minPart; cut >= minPart; cut-- {
		if ix.knownPart(text[:cut]) && ix.knownPart(text[cut:]) && ix.neighbours(text[:cut], text[cut:]) {
			return cut
		}
	}
	return 0
}

// gluedPart returns part k of text split at cuts.
func gluedPart(text []byte, cuts []int, k int) []byte {
	from, to := 0, len(text)
	if k > 0 {
		from = cuts[k-1]
	}
	if k < len(cuts) {
		to = cuts[k]
	}
	return text[from:to]
}

// partWithOthers reports whether a part text splits into at cuts is a
// word of a listed name that also holds another listed word of the query
// (ids, the text ids of its listed words): "Mahan Airlines" reads
// "airlines" as "air lines" for MAHAN AIR. Not when a listed name holds
// the word as written beside that other word: "abdullah" of "Abdullah
// Yahya Alhakim" is AL HAKIM, Abdullah Yahya's, not "abd ullah" because
// some name holds "abd" and "yahya".
func (ix *Index) partWithOthers(text []byte, cuts []int, ids []int32) bool {
	d := &ix.dict
	self, listed := d.textIDs.find(d.texts, text)
	for k := 0; k <= len(cuts); k++ {
		id, ok := d.textIDs.find(d.texts, gluedPart(text, cuts, k))
		if !ok {
			continue
		}
		for _, o := range ids {
			if o != id && o != self && ix.heldTogether(id, o) && !(listed && ix.heldTogether(self, o)) {
				return true
			}
		}
	}
	return false
}

// heldTogether reports whether a listed name holds the listed word of
// text id b and a word of a's key (a itself or a spelling of it that
// keys alike). It reads the names that hold the keys of both,
// the shorter list of names looked up in the longer.
func (ix *Index) heldTogether(a, b int32) bool {
	d := &ix.dict
	held := false
	d.together(d.textKey[a], d.textKey[b], func(ri int32) bool {
		rec := &ix.recs[ri]
		for _, rw := range ix.words[rec.w0:rec.w1] {
			if rw.text == b {
				held = true
				return false
			}
		}
		return true
	})
	return held
}

// neighbours reports whether listed words a and b are neighbouring words
// of a listed name, in either order, or either is not a listed word (a
// legal form, which knownPart also splits off). It reads the names that
// hold the rarer of the two.
func (ix *Index) neighbours(a, b []byte) bool {
	d := &ix.dict
	ta, ok := d.textIDs.find(d.texts, a)
	if !ok {
		return true
	}
	tb, ok := d.textIDs.find(d.texts, b)
	if !ok {
		return true
	}
	return ix.adjacent(ta, tb, true)
}

// adjacent reports whether the listed words of text ids ta and tb are
// neighbouring words of a listed name, ta first or, when either, in
// either order. It reads the names that hold the rarer of the two.
func (ix *Index) adjacent(ta, tb int32, either bool) bool {
	d := &ix.dict
	t := d.textKey[ta]
	if kb := d.textKey[tb]; postings(d, kb) < postings(d, t) {
		t = kb
	}
	for _, ri := range d.post[d.postStart[t]:d.postStart[t+1]] {
		rec := &ix.recs[ri]
		words := ix.words[rec.w0:rec.w1]
		for j := 1; j < len(words); j++ {
			x, y := words[j-1].text, words[j].text
			if x == ta && y == tb || either && x == tb && y == ta {
				return true
			}
		}
	}
	return false
}

// minShortPartJoin is the fewest letters of a word shortPartCut splits.
const minShortPartJoin = 5

// shortPartCut returns where text splits into two listed words that a
// listed name writes side by side in that order, one of them of one or two
// letters and the other of minPart or more ("al" and "shaar" of AL-SHAAR,
// "ting" and "yu" of "SHIH, Ting-yu", "bitriver" and "k" of BITRIVER-K),
// the first the Arabic article when article is set; 0 when it does not.
func (ix *Index) shortPartCut(text []byte, article bool) int {
	cut, _ := ix.shortPartCuts(text, article)
	return cut
}

// splitShortReversed splits each word of nb that resegment found to be
// two listed words a listed name writes side by side in the other order,
// one of one or two letters (shortPartCuts: "yongxinli" → "yongxin li"
// for LI, Yongxin), and reports whether it split any. Name asks it of a
// person's name, whose words people write in either order, when nothing
// matched.
func (ix *Index) splitShortReversed(nb *normBuf) bool {
	split := false
	for i := 0; i < len(nb.words) && len(nb.reversed) > 0; i++ {
		w := nb.words[i]
		k := slices.IndexFunc(nb.reversed, func(l lookedSpan) bool { return l.start == w.start && l.end == w.end })
		if w.flags != 0 || k < 0 {
			continue
		}
		nb.splitGlued(i, nb.word(i), []int{int(nb.reversed[k].id)})
		i++
		split = true
	}
	return split
}

// splitArticleNear splits the Arabic article off each word of nb that no
// listed name holds, that begins with it and whose rest, of minNearPart
// letters or more and no listed word, is near a listed word (nearListed):
// "alqaeda" → "al qaeda". It reports whether it split any.
func (ix *Index) splitArticleNear(nb *normBuf) bool {
	split := false
	for i := 0; i < len(nb.words); i++ {
		text := nb.word(i)
		if nb.words[i].flags != 0 || len(text) < 2+minNearPart || len(text) > maxGluedLen || !isArticleWord(text[:2]) ||
			!lettersOnly(text) || ix.knownAt(nb, i) || ix.knownWord(text[2:]) || !ix.nearListed(text[2:]) {
			continue
		}
		nb.splitGlued(i, text, []int{2})
		i++
		split = true
	}
	return split
}

// shortPartCuts returns shortPartCut's cut, and, when there is none and
// article is not set, where text splits into two such words written in
// the other order (reversed; 0 when none).
func (ix *Index) shortPartCuts(text []byte, article bool) (cut, reversed int) {
	if len(text) < minShortPartJoin || !lettersOnly(text) {
		return 0, 0
	}
	all := [...]int{2, 1, len(text) - 2, len(text) - 1}
	cuts := all[:]
	if article {
		if !isArticleWord(text[:2]) {
			return 0, 0
		}
		cuts = all[:1]
	}
	d := &ix.dict
	for _, cut := range cuts {
		a, b := text[:cut], text[cut:]
		if min(len(a), len(b)) > 2 || max(len(a), len(b)) < minPart {
			continue
		}
		// The long part through the word filter first: most are no
		// listed word.
		long := a
		if len(b) > len(a) {
			long = b
		}
		if !ix.segmentWords().mayHold(long) {
			continue
		}
		ta, ok := d.textIDs.find(d.texts, a)
		if !ok {
			continue
		}
		tb, ok := d.textIDs.find(d.texts, b)
		// Most listed pairs stand side by side in no name: one look
		// through the names for either order, the order asked after.
		if !ok || !ix.adjacent(ta, tb, !article) {
			continue
		}
		if article || ix.adjacent(ta, tb, false) {
			return cut, 0
		}
		if reversed == 0 {
			reversed = cut
		}
	}
	return 0, reversed
}

// joinsNeighbour reports whether word i of nb, run together with the word
// before or after it, is a word listed names hold, as joinKnown would join
// them (a word of two letters first among them: "di caprio").
func (ix *Index) joinsNeighbour(nb *normBuf, i int) bool {
	for _, k := range [2]int{i - 1, i} {
		if k < 0 || k+1 >= len(nb.words) || !nb.joinable(k) && !nb.shortJoinable(k) {
			continue
		}
		var buf [64]byte
		if _, ok := ix.listedText(append(append(buf[:0], nb.word(k)...), nb.word(k+1)...)); ok {
			return true
		}
	}
	return false
}

// textWeight returns the weight of a word listed names hold, the
// weight of a word no name holds when none does.
func (ix *Index) textWeight(w []byte) float32 {
	d := &ix.dict
	if id, ok := d.textIDs.find(d.texts, w); ok {
		return d.weight[d.textKey[id]]
	}
	return d.unseen
}

// hasNear reports whether a listed name holds a word, or a key, within
// one edit of text or of its phonetic key, or a word text spells in
// another language's orthography ("loukachenko", French for
// Lukashenko, is not "louka che nko").
func (ix *Index) hasNear(text []byte) bool {
	d := &ix.dict
	var buf [16]int32
	if near, _ := d.appendNear(buf[:0], text); len(near) > 0 {
		return true
	}
	var kb [64]byte
	if k := appendKey(kb[:0], text); string(k) != string(text) && len(d.keyDel.appendNear(buf[:0], d.keys, k)) > 0 {
		return true
	}
	_, _, ok := ix.respell(text, nil)
	return ok
}

// hacekRespells reports whether text, a word of nb, is a listed word as
// hacekLetters reads it, where nb has a letter of isHacek: "prigožins"
// is PRIGOZHIN with the Latvian -s, not "pri goz ins".
func (ix *Index) hacekRespells(nb *normBuf, text []byte) bool {
	if !nb.hacek {
		return false
	}
	_, _, ok := ix.respell(text, hacekSchemes[:])
	return ok
}

// hacekSchemes are the schemes of a word read as hacekLetters alone.
var hacekSchemes = [...]textnorm.Scheme{hacekLetters}

// splitNear splits each word of nb no listed name holds, and none near,
// by gluedNear, and reports whether it split any; a word gluedNear does
// not split into two words is split by gluedNearTwo where that splits
// it. A name a glued word of which was split into three listed words or
// more is read anew from name first: the word may split into fewer with
// a misspelt one.
func (ix *Index) splitNear(nb *normBuf, name string) bool {
	if nb.splitThree {
		nb.normalize(name)
	}
	split := false
	for i := 0; i < len(nb.words); i++ {
		text := nb.word(i)
		if nb.words[i].flags != 0 || len(text) < minPart+minNearPart || len(text) > maxGluedLen || !lettersOnly(text) || ix.knownAt(nb, i) ||
			ix.hasNear(text) {
			// A word one edit from a listed one is that word misspelt.
			continue
		}
		var cuts [maxGlued]int
		n := gluedNear(text, ix.knownPart, ix.nearListed, ix.textWeight, cuts[:0])
		if n != 1 {
			// Two misspelt words rather than three words or more,
			// short listed ones among them ("ramsan kadyrow", not
			// "ram san kadyrow").
			if c := gluedNearTwo(text, func(w []byte) int { return ix.nearness(w, nb.schemes) }); c > 0 {
				cuts[0], n = c, 1
			}
		}
		if n > 0 {
			nb.splitGlued(i, text, cuts[:n])
			i += n
			split = true
		}
	}
	return split
}

// nearness says how near w is to a listed word: 2 when it is a listed
// word's phonetic key or, spelt by another language's conventions
// (respell), a listed word ("chamenei", KHAMENEI); 1 when it is one edit
// from one (hasNear); 0 when neither.
func (ix *Index) nearness(w []byte, schemes []textnorm.Scheme) int {
	if ix.keyListed(w) {
		return 2
	}
	if _, _, ok := ix.respell(w, schemes); ok {
		return 2
	}
	if ix.hasNear(w) {
		return 1
	}
	return 0
}

// minNearTwo is the fewest letters of a word gluedNearTwo splits.
const minNearTwo = 2 * minNearPart

// gluedNearTwo is gluedNear for a person's name of two words, both spelt
// otherwise than the list spells them, run together ("mouammarkadhafi",
// "ramsankadyrow"): text splits into two parts of minNearPart letters or
// more, each near a listed word by nearness. The nearest split wins (a
// part spelt by a listed word's key over one a letter from one:
// "mouammar kadhafi", not "mouamma rkadhafi"), then the shortest first
// part. It returns where the second part starts, 0 when none splits so.
func gluedNearTwo(text []byte, nearness func([]byte) int) int {
	if len(text) < minNearTwo || len(text) > maxGluedLen {
		return 0
	}
	best, at := 0, 0
	for c := minNearPart; c <= len(text)-minNearPart; c++ {
		a := nearness(text[:c])
		if a == 0 {
			continue
		}
		if b := nearness(text[c:]); b > 0 && a+b > best {
			best, at = a+b, c
		}
	}
	return at
}

// camelReading reads nb anew from name with a space before each capital
// that follows a small letter (camelSplit), as a reader sees
// "AliChamenei", and records the words so split; it reports
// whether name has such a capital. Only the words' boundaries are taken
// from the capitals: a name written "McDonald" is read so only when
// nothing matched it as written.
func (ix *Index) camelReading(nb *normBuf, name string) bool {
	split, ok := camelSplit(name)
	if !ok {
		return false
	}
	nb.normalize(split)
	ix.resegment(nb)
	for f := range strings.FieldsSeq(name) {
		if _, ok := camelSplit(f); ok {
			nb.splits = append(nb.splits, strings.ToLower(f))
		}
	}
	nb.resegmented = true
	return true
}

// nearListed reports whether w is a listed word's phonetic key
// ("madurro", MADURO) or near a listed word (hasNear).
func (ix *Index) nearListed(w []byte) bool {
	return ix.keyListed(w) || ix.hasNear(w)
}

// keyListed reports whether w's phonetic key is a listed word's.
func (ix *Index) keyListed(w []byte) bool {
	var kb [64]byte
	_, ok := ix.dict.ids.find(ix.dict.keys, appendKey(kb[:0], w))
	return ok
}

// maxGlued is the most words a glued word is split into, and
// maxGluedLen the longest glued word that is split: its prefixes are
// looked up, which costs the square of its length.
const (
	maxGlued    = 4
	maxGluedLen = 2 * maxFuzzyLen
)

// glued appends to cuts where text, which no listed name holds, splits
// into words listed names hold, at most maxGlued of them, and returns how
// many cuts it appended (0 when it does not split). Every word has
// minPart letters or more, but for a linking word after the first
// ("nacionaldecuba"), the article al or el first ("albustancharity") and
// a legal form of two letters that legal forms alone follow
// ("zarashipholdingco", "magniserviasadecv"). The fewest words win, then the split whose words
// cost least by cost (their weights: the words names use most, "bashar
// al assad" rather than "bashara las sad"), then the longest first word,
// then the longest second. cost may be nil.
func glued(text []byte, known func([]byte) bool, cost func([]byte) float32, cuts []int) int {
	if len(text) > maxGluedLen {
		return 0
	}
	// The first words it may start with, longest first: most words
	// start with none, and are looked up once per cut only.
	var firsts [16]int
	n := 0
	for cut := len(text) - 2; cut >= minPart && n < len(firsts); cut-- {
		if known(text[:cut]) {
			firsts[n] = cut
			n++
		}
	}
	if n < len(firsts) && len(text) > 4 && isArticleWord(text[:2]) {
		// The Arabic article, run together with a name of several
		// words ("albustancharity", AL-BUSTAN CHARITY).
		firsts[n] = 2
		n++
	}
	for parts := 2; parts <= maxGlued && n > 0; parts++ {
		best := gluedSplit{cost: -1}
		for _, cut := range firsts[:n] {
			var c float32
			if cost != nil {
				c = cost(text[:cut])
			}
			var buf [maxGlued - 1]int
			best.search(text, cut, parts-1, known, cost, append(buf[:0], cut), c)
			if best.cost >= 0 && cost == nil {
				break
			}
		}
		if best.cost >= 0 {
			return copy(cuts[:parts-1], best.cuts[:parts-1])
		}
	}
	return 0
}

// minNearPart is the fewest letters of the misspelt part of a glued word
// (gluedNear): a shorter one is near too many listed words.
const minNearPart = 5

// gluedNear is glued for a word one of whose parts is misspelt
// ("vladmirputin" → "vladmir putin", "nicolasmadurro" → "nicolas
// madurro"): text splits into a part of minNearPart letters or more
// that near reports near a listed word and, before or after it, one word
// listed names hold or words glued splits it into, maxGlued words in all.
// It appends the cuts to cuts and returns how many (0 when it does not
// split so). The shortest misspelt part wins (the most letters read as
// listed words), then one at the end. The part is only split off: the
// scoring pairs it, and says how it is near.
func gluedNear(text []byte, known, near func([]byte) bool, cost func([]byte) float32, cuts []int) int {
	if len(text) > maxGluedLen {
		return 0
	}
	// rest reports whether w is one listed word or splits into listed
	// words that leave room for the misspelt one, and appends the cuts,
	// offset by at.
	rest := func(dst []int, w []byte, at int) ([]int, bool) {
		if len(w) >= minPart && known(w) {
			return dst, true
		}
		var in [maxGlued]int
		n := glued(w, known, cost, in[:0])
		if n == 0 || n+2 > maxGlued {
			return dst, false
		}
		for _, c := range in[:n] {
			dst = append(dst, at+c)
		}
		return dst, true
	}
	// Most words have no listed word at either end, and split in no way.
	ends := false
	for k := minPart; k <= len(text)-minNearPart && !ends; k++ {
		ends = known(text[:k]) || known(text[len(text)-k:])
	}
	if !ends {
		return 0
	}
	var best [maxGlued]int
	nBest := 0
	for k := minNearPart; k <= len(text)-minPart; k++ {
		// The misspelt part at the end, then at the start; a split into
		// fewer words than the best so far only.
		var buf [maxGlued]int
		c := len(text) - k
		if out, ok := rest(buf[:0], text[:c], 0); ok && (nBest == 0 || len(out)+1 < nBest) && near(text[c:]) {
			nBest = copy(best[:], append(out, c))
		}
		if out, ok := rest(append(buf[:0], k), text[k:], k); ok && (nBest == 0 || len(out) < nBest) && near(text[:k]) {
			nBest = copy(best[:], out)
		}
	}
	return copy(cuts[:nBest], best[:nBest])
}

// maxGluedMany is the most words gluedMany splits a glued word into.
const maxGluedMany = 8

// gluedMany is glued for a word of more than maxGlued words, up to
// maxGluedMany: a whole name run together ("islamicrepublicofiranshippinglines",
// "tareckzaidanelaissamimaddah"). It finds the split into fewest words,
// then the cheapest by cost, as the shortest path over the word's
// letters, each step a listed word (or a linking word after the first,
// the article first, a legal form of two letters that legal forms alone
// follow, as in glued),
// with a look-up for each pair of places: the square of its length, not
// the number of splits. It appends the cuts and returns how many; 0 when
// it does not split into maxGluedMany words or fewer.
func gluedMany(text []byte, known func([]byte) bool, cost func([]byte) float32, cuts []int) int {
	n := len(text)
	if n > maxGluedLen {
		return 0
	}
	// best[i] is the best split of text[:i]: its words (0 when none was
	// found yet), its cost and where its last word starts.
	type step struct {
		words int
		cost  float32
		from  int
	}
	var best [maxGluedLen + 1]step
	for i := 1; i <= n; i++ {
		for j := 0; j < i; j++ {
			if j > 0 && best[j].words == 0 || best[j].words >= maxGluedMany {
				continue
			}
			w := text[j:i]
			if !(len(w) >= minPart && known(w) || j > 0 && isLink(w) || j == 0 && isArticleWord(w) || j > 0 && shortLegalForm(w) && legalTail(text[i:])) {
				continue
			}
			c := best[j].cost
			if cost != nil {
				c += cost(w)
			}
			if b := &best[i]; b.words == 0 || best[j].words+1 < b.words || best[j].words+1 == b.words && c < b.cost {
				*b = step{words: best[j].words + 1, cost: c, from: j}
			}
		}
	}
	words := best[n].words
	if words < 2 {
		return 0
	}
	// The cuts, from the last back.
	cuts = cuts[:words-1]
	for k, i := words-2, best[n].from; k >= 0; k, i = k-1, best[i].from {
		cuts[k] = i
	}
	return words - 1
}

// gluedSplit is the best split of a glued word found so far: its cuts
// and its cost, -1 when none.
type gluedSplit struct {
	cuts [maxGlued - 1]int
	cost float32
}

// search tries the splits of text[at:] into parts known words, the cuts
// so far in cuts and their cost in c, and keeps the cheapest in g; a
// split that costs as much as g's is not taken.
func (g *gluedSplit) search(text []byte, at, parts int, known func([]byte) bool, cost func([]byte) float32, cuts []int, c float32) {
	word := func(w []byte) bool { return len(w) >= minPart && known(w) || isLink(w) }
	add := func(w []byte) float32 {
		if cost == nil {
			return 0
		}
		return cost(w)
	}
	if parts == 1 {
		w := text[at:]
		if !word(w) && !shortLegalForm(w) {
			return
		}
		if c += add(w); g.cost < 0 || c < g.cost {
			g.cost = c
			copy(g.cuts[:], cuts)
		}
		return
	}
	for cut := len(text) - 2; cut >= at+1; cut-- {
		w := text[at:cut]
		if !word(w) && !(at > 0 && shortLegalForm(w) && legalTail(text[cut:])) {
			continue
		}
		g.search(text, cut, parts-1, known, cost, append(cuts, cut), c+add(w))
		if g.cost >= 0 && cost == nil {
			return
		}
	}
}

// Syllabic names run together. Korean names are written in syllables of
// two to five letters, the surname first, and run together they hold
// syllables of two letters that glued does not cut ("kimilsung" → "kim il sung",
// "riyongho" → "ri yong ho").
const (
	minSyllable, maxSyllable = 2, 5
	minSyllables             = 3
)

// syllables appends to cuts where text splits into minSyllables to
// maxGlued listed words of minSyllable to maxSyllable letters, each one
// syllable (isSyllable), the first a Korean surname and one of two
// letters, and returns how many cuts it appended (0 when it does not
// split that way: not "ursula", "ur su la"). The fewest words win, then
// the longest first word.
func syllables(text []byte, known func([]byte) bool, cuts []int) int {
	if len(text) > maxGlued*maxSyllable || !koreanLetters(text) || !koreanSurnameFirst(text) {
		return 0
	}
	if n := vowelRuns(text); n < minSyllables || n > maxGlued {
		return 0 // a syllable has one run of vowels
	}
	for parts := minSyllables; parts <= maxGlued; parts++ {
		if c, ok := syllablesInto(text, 0, parts, known, cuts[:0:maxGlued-1], false); ok {
			return len(c)
		}
	}
	return 0
}

// syllablesInto splits text[at:] into parts syllables; short is set when
// a syllable of two letters came before.
func syllablesInto(text []byte, at, parts int, known func([]byte) bool, cuts []int, short bool) ([]int, bool) {
	rest := len(text) - at
	if parts == 1 {
		ok := rest >= minSyllable && rest <= maxSyllable && (short || rest == minSyllable) && known(text[at:]) && isSyllable(text[at:])
		return cuts, ok
	}
	for n := min(maxSyllable, rest-minSyllable); n >= minSyllable; n-- {
		if !known(text[at:at+n]) || !isSyllable(text[at:at+n]) {
			continue
		}
		if at == 0 {
			if _, ok := filteredGet(koreanSurnameFilter, koreanSurnames, text[:n]); !ok {
				continue // the surname first
			}
		}
		if c, ok := syllablesInto(text, at+n, parts-1, known, append(cuts, at+n), short || n == minSyllable); ok {
			return c, true
		}
	}
	return cuts, false
}

// koreanSurnameFirst reports whether w begins with a Korean surname, as a
// Korean name run together does ("kimilsung", "riyongho").
func koreanSurnameFirst(w []byte) bool {
	for k := min(len(w)-minSyllable, maxSyllable); k >= 1; k-- {
		if _, ok := filteredGet(koreanSurnameFilter, koreanSurnames, w[:k]); ok {
			return true
		}
	}
	return false
}

// koreanLetters reports whether w is written with the letters Korean
// romanisations use: no f, q, v, x or z, and c only in ch.
func koreanLetters(w []byte) bool {
	for i, c := range w {
		switch c {
		case 'f', 'q', 'v', 'x', 'z':
			return false
		case 'c':
			if i+1 == len(w) || w[i+1] != 'h' {
				return false
			}
		}
	}
	return true
}

// vowelRuns counts the runs of the vowels a, e, i, o, u in w.
func vowelRuns(w []byte) int {
	n := 0
	for i, c := range w {
		if isVowelByte(c) && (i == 0 || !isVowelByte(w[i-1])) {
			n++
		}
	}
	return n
}

// isSyllable reports whether w is one Korean syllable in Latin letters
// ("kim", "yong", "ri"; not "sch", "pri", "gos").
func isSyllable(w []byte) bool {
	return isKoreanSyllable(w)
}

// splitWord splits word i after its first n bytes.
func (nb *normBuf) splitWord(i int, n int32) {
	head, tail := nb.words[i], nb.words[i]
	head.end = head.start + n
	tail.start = head.end
	nb.words = slices.Insert(nb.words, i+1, tail)
	nb.words[i] = head
	nb.resegmented = true
}

// replaceWords reads words [i, i+k) of nb as the words ws, whose texts
// it appends to the text, and returns how many they are.
func (nb *normBuf) replaceWords(i, k int, ws ...string) int {
	nb.words = slices.Replace(nb.words, i, i+k, make([]span, len(ws))...)
	for j, w := range ws {
		from := len(nb.text)
		nb.text = append(nb.text, w...)
		nb.words[i+j] = span{start: int32(from), end: int32(len(nb.text))}
	}
	return len(ws)
}

// splitGlued splits word i, whose text is text, at cuts (offsets in
// text, ascending) and records it among the words split.
func (nb *normBuf) splitGlued(i int, text []byte, cuts []int) {
	at := 0
	for k, cut := range cuts {
		nb.splitWord(i+k, int32(cut-at))
		at = cut
	}
	nb.splits = append(nb.splits, string(text))
	nb.splitThree = nb.splitThree || len(cuts) >= 2
}

// joinedText appends words i and i+1 run together to the text and returns
// them; the appended bytes become the joined word's text when it is kept.
func (nb *normBuf) joinedText(i int) []byte { return nb.joinedWords(i, i+1) }

// joinedWords appends words i and j of nb run together, in that order, to
// the text and returns them (joinedText).
func (nb *normBuf) joinedWords(i, j int) []byte {
	n := len(nb.text)
	nb.text = append(nb.text, nb.word(i)...)
	nb.text = append(nb.text, nb.word(j)...)
	return nb.text[n:]
}

// String2 returns words [i, j) joined by single spaces.
func (nb *normBuf) String2(i, j int) string {
	var b []byte
	for k := i; k < j; k++ {
		if k > i {
			b = append(b, ' ')
		}
		b = append(b, nb.word(k)...)
	}
	return string(b)
}

// BanName screens a name against the ban lists only (whole name or alias,
// and brand words), skipping the scored sanctions lists. It is for weak
// signals, such as a component's own name, that can only ever raise a
// review for being named after a vendor: far cheaper than Name when every
// component's name is screened. An error means a matched entry could not
// be read. A name that bidirectional controls reorder is screened as
// written and as it shows, as by Name.
func (ix *Index) BanName(q Query) ([]Match, error) {
	if shown, ok := textnorm.DisplayOrder(q.Name); ok {
		return ix.readBoth(q, shown, ix.banName)
	}
	return ix.banName(q)
}

// banName is BanName for the name as written.
func (ix *Index) banName(q Query) ([]Match, error) {
	if len(ix.banNames) == 0 && len(ix.brands) == 0 {
		return nil, nil
	}
	sc := ix.pool.Get().(*scratch)
	defer ix.pool.Put(sc)
	sc.nb.fuzzyLegal = false // misspelt legal forms matter to scored matching only
	sc.nb.initials = false
	sc.nb.normalize(q.Name)
	if len(sc.nb.words) == 0 {
		return nil, nil
	}
	out, err := ix.banMatches(sc, q, nil)
	if err != nil || len(out) == 0 {
		return nil, err
	}
	sortMatches(out)
	return out, nil
}
