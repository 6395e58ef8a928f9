package screen

import (
	"cmp"
	"slices"
	"sync"

	"github.com/bangate/bangate/internal/textnorm"
)

// Scoring of a query against one indexed name.
//
// Every word carries a weight, its inverse document frequency over the
// list's entries (ln(1 + N/df)): a word few entries hold ("tikhonov",
// "11420") weighs much more than one many hold ("trading", "global",
// "mohammed"). Query words are paired one-to-one with the name's words,
// heaviest first:
//
//   - same word: the name word's weight;
//   - same phonetic key, different spelling: keySimPerson (individuals)
//     or keySimOrg (organisations, whose names are rarely transliterated
//     and where "Vinci" ~ "Winky" is mere chance) times that weight;
//   - one letter apart in spelling or key (5 letters or more; only for a
//     query word no listed name spells the same way): typoSim of the
//     shorter length (persons 0.7 at 5 letters to 0.9 from 8;
//     organisations 0.6 at 5 to 0.9 from 10) times the lighter of the two
//     weights, because short words one letter apart are often different
//     words ("Redis", "Redin");
//   - a query initial and a given name starting with that letter (persons
//     only): half the given name's weight, at most initialWeight;
//   - a query word no listed name holds that begins a given name ("Nic",
//     Nicolas; persons only): prefixSim of the given name's weight, and a
//     possible match at most;
//   - a query word some listed name spells and a given name one edit
//     from it ("Friedrich", Fridrich; persons only), found among the
//     candidates other words gather: typoSim of the lighter weight;
//   - two spellings of one particle of Arabic names ("bin", "ben"):
//     keySim times the name word's weight.
//   - a rare listed word whose phonetic key is the query word's but for
//     vowels romanisations write either way, e, i and y or o and u
//     ("Mounir", MONIR; vowelClassVariant): keySim of the lighter weight,
//     and a person's name so paired is a possible match at most.
//
// The score is the weighted Dice coefficient 2M / (Q + R), where M is the
// paired weight, Q the query's weight and R the name's weight. For
// organisation names, legal forms leading or ending either name are left
// out of Q and R. For an individual ("LAST, Given Patronymic") a patronymic
// the query leaves out is left out of R, a further given name the query
// leaves out counts middleWeight of its weight, and at least one surname
// word must pair by spelling, key or typo; given and family name order is
// free.
//
// Because R >= M, a name that pairs with none of a set P of query words
// scores at most 2(Q-P)/(2Q-P). Candidates are therefore gathered only from
// the postings of the heaviest query words whose weight makes that bound
// fall below the review threshold (prefix filtering): common words never
// have to be scanned.

const (
	// keySimPerson and keySimOrg credit a pair with the same phonetic key
	// but a different spelling.
	keySimPerson = 0.95
	keySimOrg    = 0.9
	// initialWeight is the weight of a query initial ("A.").
	initialWeight = 2
	// middleWeight is the share of its weight a further given name the
	// query leaves out still counts.
	middleWeight = 0.3
	// minAbbrev and maxAbbrev bound the letters of a query word read as
	// the beginning of a longer given name ("Nic" for Nicolas, "Alex"
	// for Alexander); the given name has at least two letters more.
	minAbbrev = 3
	maxAbbrev = 4
	// prefixSim credits a given name a query word abbreviates, and
	// givenTypoSim a given name one edit from a query word that a listed
	// name spells as written (a given name misspelt into another one,
	// "Friedrich" for Fridrich).
	prefixSim = 0.8
	// minSingleTypo is the fewest letters of a listed word that, alone
	// in a query, is also looked for misspelt.
	minSingleTypo = 7
	// minGivenTypo is the fewest letters of the shorter of two given
	// names paired by givenTypo.
	minGivenTypo = 6
	// boundSlack keeps float rounding from dropping a candidate at the
	// threshold.
	boundSlack = 0.005
)

// pairKind says how a query word and a name word were paired.
type pairKind uint8

const (
	pairText pairKind = iota
	pairKey
	pairTypo
	pairInitial
	pairSkeleton
	pairRespelt
	pairAlt
	pairPrefix
	pairParticle
	pairVowels
	pairVoicing
	pairGivenForm
	pairShortGiven // a short given name with letters swapped, an h added or left out, or a vowel in its final consonants (shortGivenVariant)
	pairConsonants // a word no listed name holds with a rare listed word's consonants (consonants.go)
)

// pair is a candidate pairing of query word q with name word r.
type pair struct {
	q, r   int32
	c      float32
	kind   pairKind
	chosen bool
	// beside is set on a particle's pair whose name word is before the
	// word the next query word pairs with: of the name's several "bin",
	// the one before the family name the query's "bin" is before
	// (particlesBeside).
	beside bool
}

// qword is one query word prepared for scoring.
type qword struct {
	exact int32 // key id, or -1 when no indexed name holds the key
	text  int32 // text id, or -1
	// Candidate key ids in sc.qn: one edit away qn[n0:n1], respelt
	// (respell) qn[n1:r1], of the same consonant skeleton qn[r1:s1].
	// Of those one edit away, qn[v0:n1] are a short given name's variants
	// (appendShortGivenVariants).
	n0, v0, n1, r1, s1 int32
	weight             float32 // under person rules (an initial weighs initialWeight)
	wOrg               float32 // under organisation rules
	klen               int32
	legal              bool
	initial            bool
	title              bool
	// abjad is set on a word read from Arabic or Hebrew letters, which
	// write no short vowels: however it reads, it stands for the
	// listed word it pairs with by its consonants.
	abjad bool
	first byte
	// abbrev is set on a word no listed name holds that may stand
	// for a longer given name it begins ("Nic" for Nicolas); such
	// a word is never one a name must pair with to be gathered.
	abbrev bool
	// particle is the particleClass of the word.
	particle uint8
	// respelt names the orthography of the first reading in qn[n1:r1];
	// alt is the key id of the respelling of a person's name by another
	// language's conventions (respell), -1 when none, altHow names them.
	respelt string
	alt     int32
	altHow  string
	// formW is the least weight of the listed words that are another
	// form of a company word (respelt companyWord, listedForms), 0 when
	// none; their keys are qn[f0:f1].
	formW  float32
	f0, f1 int32
	// patronymic is set on a word with a patronymic's ending
	// (isPatronymic) under person rules.
	patronymic bool
	// further is set on a patronymic that, left unpaired, may count as
	// a further name of the query (queryPatronymic): only beside a given
	// name and a surname, so in a query of three words or more.
	further bool
	// sayyid is set, under person rules, on the honorific of the
	// Prophet's descendants leading a name of two words more ("Seyed Ali
	// Khamenei", "Sayyed Hassan Nasrallah"): a word of some listed names,
	// so no title, but one that a name that does not give it leaves out.
	sayyid bool
	// number is set when qn[n0:n1] holds only the word's other number
	// (appendNumber), which pairs under organisation rules only.
	number bool
	// acronym is set on a word that may be initials (pairAcronyms): not
	// a legal form, of minAcronym to maxAcronym letters.
	acronym bool
	// numeral is set on a number, in digits or an ordinal ("1" in
	// "MINING ENTERPRISE NO 1", "46th"; numeralConflict), which pairs
	// by its spelling only.
	numeral bool
	// givenForm is the givenNameForms group of the word under person
	// rules, -1 when it is in none.
	givenForm int32
	// plain is set, under person rules [0] and organisation rules [1],
	// on a listed word that none of the rules for initials, titles,
	// numerals, particles, foreign spellings, abbreviations or given
	// names' forms applies to: it pairs by its spelling, its key, a
	// candidate key in sc.qn or, under the spelling rules, with a word
	// of its first letter. Most pairs scoreRec tries are of such words
	// and pair nothing: it tells them so before its rules.
	plain [2]bool
}

// hit is a scored name at or above the review threshold.
type hit struct {
	rec   int32
	score float64 // rounded to three decimals
	// What the explanation needs of the scoring, kept so that a match is
	// not scored twice: the pairs scoreRec chose, in sc.hitPairs[p0:p1],
	// the acronyms, in sc.hitAcr[a0:a1], and the rules it applied.
	p0, p1, a0, a1 int32
	caps           capFlag
}

// scratch is the working state of one query, pooled by the index.
type scratch struct {
	nb  normBuf
	rnb normBuf
	// pnb is the query read again for the phonetic whole-name match
	// (phonmatch.go), which keeps its words as written.
	pnb normBuf
	qw  []qword
	qn  []int32
	// hitPairs and hitAcr hold the chosen pairs and the acronyms of the
	// hits, each hit's at its offsets.
	hitPairs []pair
	hitAcr   []acronym
	// acronyms is set when a query word may be initials (qword.acronym).
	acronyms bool
	// initialsNeeded are the query words that pair under organisation
	// rules as initials only and that a name must pair with to reach the
	// threshold (selectHeaviest): a name gathered by the other words
	// whose words' initials do not spell them is not scored.
	initialsNeeded []int32
	// numerals is set when a query word is a numeral (qword.numeral).
	numerals bool
	// givenForms is set when a query word is in a givenNameForms group
	// (qword.givenForm).
	givenForms bool
	// qnSet holds a bit for every key of qn (keySet): a key of the name
	// not in it is no query word's candidate, which spares scoreRec the
	// scan of their candidates for most of the name's words.
	qnSet keySet
	// acr are the query words scoreRec paired with the words of the
	// name they are the initials of (pairAcronyms).
	acr []acronym
	// schemes is respellSchemes' buffer.
	schemes []textnorm.Scheme
	sel     []bool
	selPrev []bool  // selectFurther's copy of sel
	further []int32 // gatherFurther's keys
	order   []int32
	wsel    []float32 // selectHeaviest's weights, by query word
	// selOrg and wselOrg are the words selectPrefix selected under
	// organisation rules and their weights; selTotal the total weight of
	// the words it weighed, selRest that of those it did not select; selT
	// the threshold it selected for (formAlone).
	selOrg                  []bool
	wselOrg                 []float32
	selTotal, selRest, selT float32
	// branchAt is where the query's branch qualifier begins
	// (normBuf.branchStart) as prepare found the words, -1 for none.
	branchAt int
	// ownWord is the query's one word under organisation rules that is
	// neither a legal form nor a word naming no party (ownWordAt), -1
	// for none or more than one, ownUnknown before ownWordAt asks.
	ownWord int
	stamp   []uint32
	gen     uint32
	cands   []int32
	pairs   []pair
	qUsed   []bool
	rUsed   []bool
	hits    []hit
	buf     []byte
	// ends are the offsets in buf where each word run together ends.
	ends []int
	// qpair and ebuf are the explanation's: the pair of each query
	// word, and the text.
	qpair []int32
	ebuf  []byte
	// wq holds the query's total weight under person rules [0] and
	// organisation rules [1].
	wq [2]float32
	// wqPerson is the query's weight scoreRec starts from under person
	// rules, titles left out (under organisation rules it is wq[1]).
	wqPerson float32
	// formLess is how much less wq[1] may count, its company words
	// weighing as their commonest listed forms (qword.formW).
	formLess float32
	// nasabLess is how much less wq[0] may count, the words of a nasab
	// (bin and the name after it) counting as further names
	// (queryNasab).
	nasabLess float32
	// commaLess is how much less wq[0] may count against a person's name
	// written with no comma, the query written family name first: its
	// family names but the heaviest and its given names but the first
	// counting as further names (laterFamily, laterGiven).
	commaLess float32
	// short is set when the query has shortName letters or fewer under
	// person rules [0] and organisation rules [1].
	short [2]bool
	// personRules is set when the query may be scored under person
	// rules: it is not an organisation's.
	personRules bool
	// orgQuery is set when the query may be scored under organisation
	// rules: it is not a person's.
	orgQuery bool
	// personQuery is set when the query is a person's name: its kind
	// says so, or a title leads it ("President Putin").
	personQuery bool
	// caps are the evidence rules the last scored name met; capAt is the
	// score a capped name keeps at most, just below the match threshold.
	caps  capFlag
	capAt float32
}

func (ix *Index) newScratch() *scratch {
	return &scratch{stamp: make([]uint32, len(ix.recs))}
}

// typoSim is the credit of a pair one letter apart whose shorter word
// has n letters. Organisation names get less: their short words one letter
// apart are usually different words ("Globant", "Globanty"), while a
// person's name is more often misspelt.
func typoSim(n int, org bool) float32 {
	if org {
		switch {
		case n <= 5:
			return 0.6
		case n == 6:
			return 0.7
		case n == 7:
			return 0.78
		case n < 10:
			return 0.85
		}
		return 0.9
	}
	switch {
	case n <= 5:
		return 0.7
	case n == 6:
		return 0.8
	case n == 7:
		return 0.85
	}
	return 0.9
}

// orgTypoSimSameLength is the credit of an organisation's word one letter
// apart from the listed one, of the same length or one letter apart
// inside it, whose shorter key has n letters; sim is typoSim's. A word of
// six letters so is a possible match ("Uvicm Ltd", "Uivcom Ltd" for UVICOM
// LTD), one of seven a match. A word of five is credited below review:
// one letter of five makes another company's name as often ("Redis
// Ltd.", REDIN COMPANY), so such a word alone is no possible match, but
// beside a word of the name spelt right it is ("Mahjn Air", MAHAN AIR).
func orgTypoSimSameLength(n int, sim float32) float32 {
	switch n {
	case 5:
		return 0.7
	case 6:
		return 0.8
	case 7:
		return 0.85
	}
	return sim
}

// prepare fills sc.qw from the normalised query in sc.nb.
func (ix *Index) prepare(sc *scratch) {
	d := &ix.dict
	sc.qw = sc.qw[:0]
	sc.qn = sc.qn[:0]
	sc.acronyms, sc.numerals, sc.givenForms = false, false, false
	// single is set when the query is one word, legal forms and titles
	// aside.
	core := 0
	for _, w := range sc.nb.words {
		if w.flags&(wordLegal|wordTitle) == 0 {
			core++
		}
	}
	single := core == 1
	orgQuery := sc.orgQuery
	sc.branchAt = sc.nb.branchStart()
	sc.ownWord = ownUnknown
	abjad := sc.nb.abjad()
	for i, w := range sc.nb.words {
		key := sc.nb.wordKey(i)
		q := qword{exact: -1, text: -1, givenForm: -1, legal: w.flags&wordLegal != 0, initial: w.flags&wordInitial != 0,
			title: w.flags&wordTitle != 0, first: sc.nb.text[w.start], klen: int32(len(key)), abjad: abjad && w.flags&wordInitial == 0}
		if id := sc.nb.textIDs[i]; id >= 0 {
			// A listed word: its key is the index's.
			q.text, q.exact = id, d.textKey[id]
			q.wOrg = d.weight[q.exact]
		} else if id, ok := d.ids.find(d.keys, key); ok {
			q.exact = id
			q.wOrg = d.weight[id]
		}
		q.particle = particleClass(string(sc.nb.word(i)))
		sun := q.particle == 0 && i+1 < len(sc.nb.words) && sunArticle(sc.nb.word(i), sc.nb.word(i+1))
		if q.particle == 0 && i+1 < len(sc.nb.words) && abdArticle(sc.nb.word(i), sc.nb.word(i+1)) {
			// "Abdur Rahman", "Abdus Salam" for 'ABD AL-RAHMAN, 'ABD
			// AL-SALAM: the particle abd and the article assimilated to
			// the next word, run together; it pairs as abd ("abdul").
			q.particle = abdClass
		}
		if sun {
			// The article assimilated to the next word ("az-Zawahiri"
			// for AL ZAWAHIRI): it pairs and weighs as the article.
			q.particle, q.wOrg = articleClass, ix.articleWeight()
		}
		if n := w.end - w.start; !q.legal && n >= minAcronym && n <= maxAcronym && lettersOnly(sc.nb.word(i)) {
			q.acronym, sc.acronyms = true, true
		}
		q.patronymic = sc.personRules && !q.initial && isPatronymic(sc.nb.word(i))
		if !q.legal && isNumeral(sc.nb.word(i)) {
			q.numeral, sc.numerals = true, true
		}
		if sc.personRules && !q.initial && !q.legal {
			if q.text >= 0 {
				q.givenForm = ix.givenForms().ofText[q.text]
			} else {
				q.givenForm = givenForm(sc.nb.word(i))
			}
			sc.givenForms = sc.givenForms || q.givenForm >= 0
		}
		// A word no listed name holds, too short to be a name of its own
		// in the lists, may be the beginning of a given name; one they
		// hold ("Mark") is taken as meant.
		if n := w.end - w.start; n >= minAbbrev && n <= maxAbbrev && w.flags == 0 && !sc.nb.translit && q.text < 0 && sc.personRules {
			q.abbrev = true
		}
		q.n0 = int32(len(sc.qn))
		text := sc.nb.word(i)
		translit := sc.nb.translit && !q.initial
		if q.text >= 0 && !translit && !(single && len(text) >= minSingleTypo) {
			// A word some listed name spells the same way is taken as
			// meant: looking for its one-letter neighbours would cost a
			// probe per letter and mostly find other names. A long name
			// of one word alone ("Hizbullah") is looked for misspelt
			// too.
			q.alt = -1
			if sc.personRules && !q.initial && !translit {
				// A listed word that another orthography writes for
				// another listed one ("Bachir", BASHIR; "Orloff", ORLOV).
				if tok, how, ok := ix.respellListed(q.text); ok {
					q.alt, q.altHow = tok, how
				}
			}
			if orgQuery && !translit {
				// A company's word in the singular or the plural
				// ("SHIPPING LINE" for SHIPPING LINES).
				sc.qn, q.number = ix.appendNumber(sc.qn, text)
			}
			q.v0, q.n1 = int32(len(sc.qn)), int32(len(sc.qn))
			sc.qn, q.respelt = ix.appendEndingVariant(sc.qn, text, orgQuery)
			if orgQuery {
				q.f0 = int32(len(sc.qn))
				if sc.qn, q.formW = ix.appendCompanyWords(sc.qn, text); q.formW > 0 {
					q.respelt = companyWord
				}
				q.f1 = int32(len(sc.qn))
			}
			q.r1 = int32(len(sc.qn))
			if sc.personRules && !q.initial && q.wOrg >= rareShare*d.unseen && (len(text) >= minListedVowels || core >= 3 && len(text) >= minFuzzyLen) {
				// A rare name some listed name spells as the query
				// does, which another writes with other vowels
				// ("Vasileiadis", VASSILIADES): the names of its
				// consonants are gathered too, as they pair.
				sc.qn = ix.appendConsonantKeys(sc.qn, text, false)
			} else if sc.personRules && !q.initial && len(text) <= maxRespell {
				// Or, for any other, the listed words a list writes by
				// another language's conventions ("Sechin", SETSCHIN).
				sc.qn = ix.appendForeignKeys(sc.qn, text)
			}
			if sc.personRules && !q.initial && !translit {
				sc.qn = ix.appendScriptKeys(sc.qn, text)
			}
			q.s1 = int32(len(sc.qn))
			q.weight = q.wOrg
			if q.initial {
				q.weight = initialWeight
			}
			sc.qw = append(sc.qw, q)
			continue
		}
		near := q.text < 0 || single
		if near {
			ix.appendNear(sc, key, text)
		}
		q.v0 = int32(len(sc.qn))
		// A short given name misspelt; or read from another script, where
		// one a listed name spells is as often a given name the script
		// writes so ("jon" for John: ג׳ון, ジョン, 존).
		if (near || translit) && sc.personRules && !q.initial && len(text) < minFuzzyLen {
			sc.qn = ix.appendShortGivenVariants(sc.qn, int(q.n0), text)
		}
		q.n1 = int32(len(sc.qn))
		q.alt = -1
		if !q.initial && q.exact < 0 && sc.personRules {
			// Spelt by another language's conventions ("Poetin").
			if tok, how, ok := ix.respell(text, sc.respellSchemes()); ok {
				q.alt, q.altHow = tok, how
			}
		}
		if translit {
			// A foreign name as the query's script renders it.
			sc.qn, q.respelt = ix.appendRespelt(sc.qn, text, sc.nb.schemes, translit)
		}
		if q.respelt == "" && orgQuery {
			q.f0 = int32(len(sc.qn))
			if sc.qn, q.formW = ix.appendCompanyWords(sc.qn, text); q.formW > 0 {
				q.respelt = companyWord
			}
			q.f1 = int32(len(sc.qn))
		}
		if n := len(sc.qn); q.respelt == "" {
			var how string
			if sc.qn, how = ix.appendEndingVariant(sc.qn, text, orgQuery); how != "" && !slices.Contains(sc.qn[q.n1:n], sc.qn[n]) {
				q.respelt = how
			} else {
				sc.qn = sc.qn[:n]
			}
		}
		q.r1 = int32(len(sc.qn))
		if translit {
			sc.qn = ix.appendTranslitSkeletonKeys(sc.qn, text, sc.nb.schemes)
		} else if sc.personRules && q.text < 0 && q.exact < 0 && !q.initial && len(text) >= minFuzzyLen {
			// A word no listed name holds, spelt with other vowels
			// (consonants.go): in the skeleton range, which a Latin
			// query does not use otherwise.
			sc.qn = ix.appendConsonantKeys(sc.qn, text, true)
		}
		script := len(sc.qn)
		if !translit && sc.personRules && !q.initial {
			sc.qn = ix.appendScriptKeys(sc.qn, text)
		}
		q.s1 = int32(len(sc.qn))
		if q.exact < 0 && q.text < 0 && !sun {
			// An unknown word most likely misspells its commonest
			// neighbour; with none, it is as rare as a word can be. A
			// word of a name read from an abjad or kana that it writes
			// with vowels is one too.
			q.wOrg = d.unseen
			for _, n := range sc.qn[q.n0:q.n1] {
				q.wOrg = min(q.wOrg, d.weight[n])
			}
			for _, n := range sc.qn[script:q.s1] {
				q.wOrg = min(q.wOrg, d.weight[n])
			}
			if q.alt >= 0 {
				q.wOrg = min(q.wOrg, d.weight[q.alt])
			}
			if q.givenForm >= 0 {
				// A given name's form no listed name holds weighs as
				// the forms they hold ("Eugene" as YEVGENIY).
				q.wOrg = min(q.wOrg, ix.givenForms().weight[q.givenForm])
			}
		}
		q.weight = q.wOrg
		if q.initial {
			q.weight = initialWeight
		}
		sc.qw = append(sc.qw, q)
	}
	sc.qnSet.fill(sc.qn)
	sc.wq, sc.wqPerson, sc.formLess, sc.nasabLess, sc.commaLess = [2]float32{}, 0, 0, 0, 0
	var letters [2]int
	names := sc.nb.nameWords()
	for i := range sc.qw {
		q := &sc.qw[i]
		q.further = q.patronymic && names >= 3
		q.sayyid = sc.personRules && sc.nb.sayyidAt(i)
		n := len(sc.nb.word(i))
		if !q.title {
			// The bound scoreRec starts with: a patronymic a name
			// leaves out may count as a further name (wSel).
			sc.wq[0] += q.wSel(false)
			sc.wqPerson += q.weight
			letters[0] += n
			if !q.further && sc.nasabWord(i) {
				sc.nasabLess += (1 - middleWeight) * q.weight
			}
		}
		plain := q.text >= 0 && !q.initial && !q.title && !q.numeral && q.particle == 0 && q.alt < 0 && !q.abbrev
		q.plain = [2]bool{plain && !ix.hasGivenForms(sc, q), plain}
		if !q.legal {
			sc.wq[1] += q.wOrg
			letters[1] += n
			if q.formW > 0 && q.formW < q.wOrg {
				// A company word may weigh as its listed form
				// (scoreRec): the bound counts it so.
				sc.formLess += q.wOrg - q.formW
			}
		}
	}
	sc.short = [2]bool{letters[0] <= shortName, letters[1] <= shortName}
	sc.capAt = float32(ix.opts.Match - 0.001)
	if c := sc.nb.comma; c > 0 && c+1 < len(sc.qw) {
		var heaviest float32
		for i := range c {
			heaviest = max(heaviest, sc.qw[i].weight)
		}
		for i := range sc.qw {
			if q := &sc.qw[i]; !q.title && !q.further && i != c {
				sc.commaLess += (1 - middleWeight) * q.weight
			}
		}
		sc.commaLess -= (1 - middleWeight) * heaviest
	}
}

// appendNear appends to sc.qn the keys within one edit of a query word
// (its key, or its spelling) and the keys of the listed words within one
// edit of its spelling.
func (ix *Index) appendNear(sc *scratch, key, text []byte) {
	d := &ix.dict
	if string(text) != string(key) {
		sc.qn = d.keyDel.appendNear(sc.qn, d.keys, key)
	}
	// Keys within one edit of the spelling too (the texts equal to their
	// key, which textDel leaves out), then the texts.
	var k int
	sc.qn, k = d.appendNear(sc.qn, text)
	for j := k; j < len(sc.qn); j++ {
		sc.qn[j] = d.textKey[sc.qn[j]]
	}
}

// respellSchemes returns the schemes whose orthographies respell tries
// first on the query's words: those it was transliterated by, and
// hacekLetters, umlautLetters and turkishLetters when it has such
// letters.
func (sc *scratch) respellSchemes() []textnorm.Scheme {
	if !sc.nb.hacek && !sc.nb.umlaut && !sc.nb.turkish {
		return sc.nb.schemes
	}
	sc.schemes = append(sc.schemes[:0], sc.nb.schemes...)
	if sc.nb.hacek {
		sc.schemes = append(sc.schemes, hacekLetters)
	}
	if sc.nb.umlaut {
		sc.schemes = append(sc.schemes, umlautLetters)
	}
	if sc.nb.turkish {
		sc.schemes = append(sc.schemes, turkishLetters)
	}
	return sc.schemes
}

// hasGivenForms reports whether query word q pairs under person rules by
// the forms of its given name (givenNameForms) that listed names hold.
func (ix *Index) hasGivenForms(sc *scratch, q *qword) bool {
	return sc.givenForms && q.givenForm >= 0 && len(ix.givenForms().texts[q.givenForm]) > 0
}

// selectPrefix marks in sc.sel the heaviest words a candidate must pair
// with to reach threshold t, for organisation rules (org) or person rules.
func (sc *scratch) selectPrefix(org bool, t float32) {
	total := sc.selectHeaviest(org, t, -1, -1, false)
	if org {
		sc.selectInitials(t, total)
		sc.selOrg, sc.wselOrg = append(sc.selOrg[:0], sc.sel...), append(sc.wselOrg[:0], sc.wsel...)
		sc.selTotal, sc.selRest, sc.selT = total, total, t
		for k, s := range sc.selOrg {
			if s {
				sc.selRest -= sc.wselOrg[k]
			}
		}
	}
}

// selectInitials sets sc.initialsNeeded: under organisation rules, the
// query words that pair as initials only (initialsOnly) and that a name
// must pair with to reach threshold t, even if such a word, left out,
// counted as a further word of the query, as the superset rule counts
// it: with w the word's weight and W the query's (total, as
// selectHeaviest weighed the words), 2(W-w)/(2(W-w) + middleWeight·w) <
// t. A branch's place counts for nothing (branchTail): none is needed
// then.
func (sc *scratch) selectInitials(t, total float32) {
	sc.initialsNeeded = sc.initialsNeeded[:0]
	if sc.branchAt >= 0 {
		return
	}
	for i := range sc.qw {
		q := &sc.qw[i]
		if w := sc.wsel[i]; q.initialsOnly() && w > 0 && 2*(total-w) < (t-boundSlack)*(2*(total-w)+middleWeight*w) {
			sc.initialsNeeded = append(sc.initialsNeeded, int32(i))
		}
	}
}

// initialsOnly reports whether the word pairs under organisation rules
// as the initials of words of a name only (pairAcronyms): it may be
// initials, no listed name holds it or a key of it (unknownShort) and it
// has no other spelling to pair by.
func (q *qword) initialsOnly() bool {
	return q.acronym && q.unknownShort() && q.s1 == q.n0 && q.alt < 0 && q.particle == 0
}

// spellsInitials reports whether the initials of words of a name spell
// every word of sc.initialsNeeded (as pairAcronyms pairs them, whichever
// words pair otherwise).
func (ix *Index) spellsInitials(sc *scratch, words []RecWord) bool {
	for _, i := range sc.initialsNeeded {
		w, found := sc.nb.word(int(i)), false
		for j := 0; j < len(words) && !found; j++ {
			found = ix.initialsFrom(words, j, w) > 0
		}
		if !found {
			return false
		}
	}
	return true
}

// selectMiddle marks in sc.sel, beside the words selectPrefix marked,
// those a candidate must pair with when a word between two others is a
// further given name of the query (queryMiddle), which weighs as one:
// when such a word was selected and is heavy, names that pair with the
// others alone may reach t. It reports whether it marked any; were no
// such word selected, weighing them less would select no other word.
func (sc *scratch) selectMiddle(t, heavy float32) bool {
	first, last := -1, -1
	for i, q := range sc.qw {
		if !q.title {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := first + 1; i < last; i++ {
		if sc.sel[i] && sc.qw[i].weight >= heavy {
			sc.selectHeaviest(false, t, first, last, false)
			return true
		}
	}
	return false
}

// maxFurtherQuery is the most words, titles aside, of a query whose
// further names selectFurther looks for: a person's name of five words
// and maxQueryMiddle more.
const maxFurtherQuery = 5 + maxQueryMiddle

// selectFurther marks in sc.sel, under person rules, the words a name must
// pair with to reach t when the query's words it leaves out may all be
// further names the list does not give (queryMiddle: "Dawood Ibrahim
// Memon" for IBRAHIM, Dawood), each counting middleWeight of its weight:
// a name that pairs words of weight P and leaves out words of weight U
// scores at most 2P/(2P + middleWeight·U), so more words must be looked
// at than selectPrefix's bound asks. Only the words selectPrefix did not
// mark stay marked, as the names of those were gathered; it reports
// whether any is. A query of minSuperset words or fewer has no further
// name beside a name of two words; one of more than maxFurtherQuery words
// is no person's name (a licence text pasted into a supplier field), and
// its words, each intersected with the others' (gatherFurther), would
// cost as their square.
func (sc *scratch) selectFurther(t float32) bool {
	n := 0
	for _, q := range sc.qw {
		if !q.title {
			n++
		}
	}
	if n <= minSuperset || n > maxFurtherQuery {
		return false
	}
	sc.selPrev = append(sc.selPrev[:0], sc.sel...)
	sc.sel = resetBools(sc.sel, len(sc.qw))
	sc.selectHeaviest(false, t, -1, -1, true)
	marked := false
	for i, s := range sc.sel {
		sc.sel[i] = s && !sc.selPrev[i]
		marked = marked || sc.sel[i]
	}
	return marked
}

// selectHeaviest marks selected the heaviest words of the query, as
// selectPrefix does; the words between first and last weigh as further
// given names. With further, it marks the words selectFurther needs. It
// returns the weight of the words it weighed, in sc.wsel by word.
func (sc *scratch) selectHeaviest(org bool, t float32, first, last int, further bool) (total float32) {
	sc.wsel = sc.wsel[:0]
	sc.order = sc.order[:0]
	for i := range sc.qw {
		q := &sc.qw[i]
		w := q.wSel(org)
		if i > first && i < last {
			w = middleWeight * q.weight
		}
		if org && i == sc.branchAt-1 {
			// The place of a branch, which names leave out
			// (branchTail): no name need hold it.
			w = 0
		}
		sc.wsel = append(sc.wsel, w)
		if org && q.legal || !org && q.title {
			continue
		}
		total += w
		if org && !q.unknownShort() || !org && !q.initial && !q.abbrev {
			sc.order = append(sc.order, int32(i))
		}
	}
	// Heaviest first, words of one weight in query order; an insertion
	// sort, as queries have few words.
	ws := sc.wsel
	if len(sc.order) <= maxInsertionSort {
		for i := 1; i < len(sc.order); i++ {
			for j := i; j > 0 && ws[sc.order[j]] > ws[sc.order[j-1]]; j-- {
				sc.order[j], sc.order[j-1] = sc.order[j-1], sc.order[j]
			}
		}
	} else {
		slices.SortStableFunc(sc.order, func(a, b int32) int { return cmp.Compare(ws[b], ws[a]) })
	}
	var taken float32
	for _, i := range sc.order {
		if total > 0 && !further && 2*(total-taken)/(2*total-taken) < t-boundSlack {
			return total
		}
		if further && 2*(total-taken) < (t-boundSlack)*(2*(total-taken)+middleWeight*taken) {
			return total
		}
		sc.sel[i] = true
		taken += ws[i]
	}
	return total
}

// maxInsertionSort is the most words selectHeaviest sorts by insertion.
const maxInsertionSort = 12

// unknownShort reports whether the word is one no listed name holds, of
// shortName letters or fewer: under organisation rules it is never one a
// name must pair with to be gathered, as it pairs by its spelling only,
// or as the initials of words of the name ("NVK" for NAUCHNO
// VNEDRENCHESKAYA KOMPANIYA, pairAcronyms).
func (q *qword) unknownShort() bool {
	return q.text < 0 && q.exact < 0 && q.klen <= shortName
}

// w is the word's weight under organisation or person rules.
func (q *qword) w(org bool) float32 {
	if org {
		return q.wOrg
	}
	return q.weight
}

// wSel is the word's weight for selectPrefix: under person rules, a
// patronymic in a query of three words or more weighs as a further name,
// since a name that gives none leaves it out so (queryPatronymic), and
// Sayyid leading a name nothing, since a name need not give it.
func (q *qword) wSel(org bool) float32 {
	switch {
	case !org && q.sayyid:
		return 0
	case !org && q.further:
		return middleWeight * q.weight
	}
	return q.w(org)
}

// sayyidAt reports whether word i is Sayyid, the honorific of the
// Prophet's descendants (Persian Seyed, Urdu Syed, Lebanese Sayyed; سيد
// as read from Arabic or Persian letters), leading a name of two words
// more, titles aside: a word of some listed names, so no title, but one
// that a name that does not give it leaves out.
func (nb *normBuf) sayyidAt(i int) bool {
	switch string(nb.word(i)) {
	case "sayyid", "sayyed", "sayid", "sayed", "seyed", "seyyed", "seyyid", "syed":
	case "sid", "syd":
		if !nb.abjad() {
			return false
		}
	default:
		return false
	}
	for _, w := range nb.words[:i] {
		if w.flags&wordTitle == 0 {
			return false // a name before it
		}
	}
	return nb.words[i].flags&wordTitle == 0 && nb.nameWords() >= 3
}

// gather collects the candidate names of the selected words, keeping only
// names of the kinds allowed for the query.
func (ix *Index) gather(sc *scratch, kind string) {
	sc.startCands()
	ix.gatherMore(sc, kind)
}

// gatherMore collects into sc.cands the candidate names of the selected
// words that no gathering since startCands collected.
func (ix *Index) gatherMore(sc *scratch, kind string) {
	sc.cands = sc.cands[:0]
	nsel := 0
	for _, s := range sc.sel {
		if s {
			nsel++
		}
	}
	for i, q := range sc.qw {
		if !sc.sel[i] {
			continue
		}
		if q.exact >= 0 {
			ix.addPostings(sc, q.exact, kind)
		}
		for k, n := range sc.qn[q.n0:q.r1] {
			if at := q.n0 + int32(k); at >= q.f0 && at < q.f1 && kind != KindPerson && !ix.formAlone(sc, i, n) {
				// A company word's form that cannot bring an
				// organisation's name to the threshold alone (formbound.go):
				// a person's name pairs by it as by any candidate key.
				if kind == "" {
					ix.addPostings(sc, n, KindPerson)
				}
				continue
			}
			ix.addPostings(sc, n, kind)
		}
		skeletons, skeletonKind := sc.qn[q.r1:q.s1], kind
		if !sc.nb.translit {
			// In a Latin query the skeleton range holds the words of the
			// same consonants, which pair under person rules only
			// (pairConsonants): not organisations' names.
			if kind == KindOrganization {
				skeletons = nil
			}
			skeletonKind = KindPerson
		}
		// The listed-vowel names of a word some listed name spells as
		// the query does pair under person rules only beside another
		// query word: only the names that hold one are gathered.
		listedVowels := q.text >= 0 && !sc.nb.translit && len(sc.qw) > 1
		for _, n := range skeletons {
			if listedVowels {
				ix.addPostingsWith(sc, n, skeletonKind, int32(i))
			} else {
				ix.addPostings(sc, n, skeletonKind)
			}
		}
		if nsel == 1 && q.givenForm >= 0 {
			// The other forms of a given name, when this word is the
			// only one selected (were another selected, a name that
			// does not pair with it could not reach the threshold by
			// a given name's form): the names that hold one and a key
			// of another query word, as a given name's form alone
			// never identifies a person.
			for _, k := range ix.givenForms().keys[q.givenForm] {
				if k != q.exact {
					ix.addPostingsWith(sc, k, kind, int32(i))
				}
			}
		}
		if q.alt >= 0 {
			ix.addPostings(sc, q.alt, kind)
		}
		if nsel == 1 && kind != KindOrganization {
			ix.gatherGivenTypos(sc, int32(i), kind)
		}
		if kind != KindPerson {
			ix.gatherOrgTypos(sc, int32(i))
		}
	}
}

// gatherFurther collects into sc.cands the persons' names that hold a key
// of a word selectFurther selected and a key of another query word, that
// no gathering since startCands collected: a name that leaves further
// names of the query out pairs with two of its words or more, which,
// paired by spelling or key, weigh together as much as a word no name
// holds (queryMiddle). Another word is looked up beside the selected one
// only where the two weigh that much: a name whose words pair with three
// common ones, which only together do, is left out, and so are the names
// whose further names stand between the words that pair, which
// selectMiddle gathers. The selected words are common ones, whose
// postings are long: those of each are intersected with the other words'
// (dict.together).
func (ix *Index) gatherFurther(sc *scratch) {
	sc.cands = sc.cands[:0]
	d := &ix.dict
	add := func(ri int32) bool {
		if ix.fresh(sc, ri, KindPerson) {
			sc.addCand(ri)
		}
		return true
	}
	for i := range sc.qw {
		if !sc.sel[i] {
			continue
		}
		sc.further = sc.appendWordKeys(sc.further[:0], int32(i))
		n := len(sc.further)
		for j := range sc.qw {
			if j != i && !sc.qw[j].title && sc.qw[i].weight+sc.qw[j].weight >= ix.dict.unseen {
				sc.further = sc.appendWordKeys(sc.further, int32(j))
			}
		}
		for _, a := range sc.further[:n] {
			for _, b := range sc.further[n:] {
				if a != b {
					d.together(a, b, add)
				}
			}
		}
	}
}

// appendWordKeys appends to dst the keys query word i pairs by that
// postings hold: its own, those one edit away, respelt, and its other
// spelling (gatherMore's, but for the consonant skeletons).
func (sc *scratch) appendWordKeys(dst []int32, i int32) []int32 {
	q := &sc.qw[i]
	if q.exact >= 0 {
		dst = append(dst, q.exact)
	}
	dst = append(dst, sc.qn[q.n0:q.r1]...)
	if q.alt >= 0 {
		dst = append(dst, q.alt)
	}
	return dst
}

// gatherOrgTypos collects, when query word i is a rare listed word of
// minOrgWordTypo letters or more, the organisations' names that hold a
// listed word one edit from it and a key of another query word.
// scoreRec pairs a word of an organisation's name so misspelt
// (spellingTypo: "Rosatom Additive Technologies" for RUSATOM ADDITIVE
// TECHNOLOGIES, "Jamaah Islamiyah" for JEMA'AH ISLAMIYAH), or spelt with
// the qaf another way (gatherSpellings: "Shahid Bagheri Industrial
// Group" for SHAHID BAKERI INDUSTRIAL GROUP), and the names of the word's
// own key alone would leave them out at one threshold and not at
// another. A query of one word looks its neighbours up already
// (prepare).
func (ix *Index) gatherOrgTypos(sc *scratch, i int32) {
	q := &sc.qw[i]
	if q.text < 0 || q.initial || q.legal || len(sc.qw) < 2 || len(sc.nb.word(int(i))) < minOrgWordTypo || q.wOrg < rareShare*ix.dict.unseen {
		return
	}
	ix.gatherNear(sc, i, KindOrganization)
	ix.gatherSpellings(sc, i, KindOrganization, sc.nb.word(int(i)), false)
}

// gatherNear collects the names of kind that hold a listed word one edit
// from query word i, a listed word itself (nearKeys), and a key of
// another query word.
func (ix *Index) gatherNear(sc *scratch, i int32, kind string) {
	q := &sc.qw[i]
	for _, k := range ix.nearKeys(q.text) {
		if k != q.exact {
			ix.addPostingsWith(sc, k, kind, i)
		}
	}
}

// gatherGivenTypos collects, when query word i is a rare listed word and
// the only word selected, the names that hold a key of another query word
// and a listed word scoreRec pairs with it: one edit from it, for a word
// of minGivenTypo letters or more (givenTypo: "amanallah" for GOSHTASBI,
// Amanollah); another spelling of it (gatherSpellings). The names of the
// word's own key alone would leave them out at one threshold and not at
// another. A common word is left to its own key: its neighbours name too
// many others to be worth the look-ups.
func (ix *Index) gatherGivenTypos(sc *scratch, i int32, kind string) {
	q := &sc.qw[i]
	w := sc.nb.word(int(i))
	if q.text < 0 || q.initial || len(w) < 3 || len(sc.qw) < 2 || q.wOrg < rareShare*ix.dict.unseen {
		return
	}
	ix.gatherSpellings(sc, i, kind, w, true)
	if len(w) >= min(minGivenTypo, minSurnameTypo) {
		ix.gatherNear(sc, i, kind)
	}
}

// gatherSpellings is gatherGivenTypos for the listed words that are w
// spelt another way, as scoreRec pairs a rare name: with the qaf written
// gh for k, q or g, or k, q or g for gh (qafDigraph: "bagheri", BAQERI),
// which is two edits; and, for a word shorter than minGivenTypo letters,
// whose neighbours of one edit are too many other names, with one short
// vowel written the other way (vowelVariant: "geye", GAYE) or one put
// between its last two consonants or left out (clusterVowel: "amer",
// AMR), which pair persons' names only, where vowels is set. A vowel
// variant whose key is the query word's but for the vowels
// vowelClassVariant reads as one ("meng", MYONG, for "ming") is not
// gathered: the names of that key pair by that rule, a possible match at
// most on a short given name that many names hold.
func (ix *Index) gatherSpellings(sc *scratch, i int32, kind string, w []byte, vowels bool) {
	if len(w)+1 > maxRespell || !lettersOnly(w) {
		return
	}
	q := &sc.qw[i]
	var vb [maxRespell]byte
	try := func(v []byte, vowels bool) {
		id, ok := ix.listedText(v)
		if !ok {
			return
		}
		k := ix.dict.textKey[id]
		if k != q.exact && (!vowels || !vowelClassVariant(sc.nb.wordKey(int(i)), ix.dict.keys[k])) {
			ix.addPostingsWith(sc, k, kind, i)
		}
	}
	for k, c := range w {
		switch {
		case len(w) < minVoicing:
		case c == 'g' && byteAfter(w, k) == 'h':
			for _, o := range [3]byte{'k', 'q', 'g'} {
				try(append(append(append(vb[:0], w[:k]...), o), w[k+2:]...), false)
			}
		case c == 'k' || c == 'q' || c == 'g':
			try(append(append(append(vb[:0], w[:k]...), 'g', 'h'), w[k+1:]...), false)
		}
		if !vowels || len(w) >= minGivenTypo || len(w) < minVowelVariant {
			continue
		}
		for _, o := range [2]byte{otherVowel(c, false), otherVowel(c, true)} {
			if o != 0 {
				v := append(vb[:0], w...)
				v[k] = o
				try(v, true)
			}
		}
	}
	if !vowels || len(w) >= minGivenTypo {
		return
	}
	// A vowel between the last two consonants, or left out (clusterVowel).
	eachClusterVariant(w, vb[:0], func(v []byte) { try(v, false) })
}

// otherVowel returns the vowels vowelVariant reads c as, one for each
// value of second: e is i or a, i and a are e, o is u and u is o; 0 for
// none.
func otherVowel(c byte, second bool) byte {
	switch {
	case c == 'e' && !second:
		return 'i'
	case c == 'e':
		return 'a'
	case second:
		return 0
	case c == 'i', c == 'a':
		return 'e'
	case c == 'o':
		return 'u'
	case c == 'u':
		return 'o'
	}
	return 0
}

// nearKeys returns the keys of the listed words one edit from listed
// text id text, each key as many times as such words hold it: those equal
// to their key are in keyDel, the others in textDel ("bashar", its own
// key, for "basher"). They are looked up on the first query that asks,
// and kept: a listed word's neighbours are the index's own.
func (ix *Index) nearKeys(text int32) []int32 {
	memo := &ix.textNearKeys()[text]
	if p := memo.Load(); p != nil {
		return *p
	}
	d := &ix.dict
	near, n := d.appendNear(nil, []byte(d.texts[text]))
	for j := n; j < len(near); j++ {
		near[j] = d.textKey[near[j]]
	}
	memo.Store(&near)
	return near
}

// startCands empties sc.cands for a new gathering: a name is in it when
// its stamp is the new generation's.
func (sc *scratch) startCands() {
	sc.gen++
	if sc.gen == 0 {
		clear(sc.stamp)
		sc.gen = 1
	}
	sc.cands = sc.cands[:0]
}

// addPostingsWith is addPostings for the names that also hold a key of a
// query word other than word i (its exact key or a candidate key in
// sc.qn).
func (ix *Index) addPostingsWith(sc *scratch, t int32, kind string, word int32) {
	d := &ix.dict
	for _, ri := range d.post[d.postStart[t]:d.postStart[t+1]] {
		if ix.fresh(sc, ri, kind) && ix.holdsOtherWord(sc, ri, word) {
			sc.addCand(ri)
		}
	}
}

// holdsOtherWord reports whether name ri holds a key of a query word
// other than word i, besides the forms of word i's given name.
func (ix *Index) holdsOtherWord(sc *scratch, ri, i int32) bool {
	rec := &ix.recs[ri]
	var forms []int32
	if g := sc.qw[i].givenForm; g >= 0 {
		forms = ix.givenForms().texts[g]
	}
	for _, rw := range ix.words[rec.w0:rec.w1] {
		if slices.Contains(forms, rw.text) {
			continue
		}
		inQn := sc.qnSet.mayHold(rw.tok)
		for k := range sc.qw {
			q := &sc.qw[k]
			if int32(k) != i && (q.exact == rw.tok || inQn && q.s1 > q.n0 && slices.Contains(sc.qn[q.n0:q.s1], rw.tok)) {
				return true
			}
		}
	}
	return false
}

// addPostings appends to sc.cands the names holding key t that it does
// not hold yet, of the kinds kind allows ("" for every kind): a name of
// another kind stays to be gathered by a later call of the same gathering
// that allows it (gatherMore's company forms), as addPostingsWith leaves
// it too.
func (ix *Index) addPostings(sc *scratch, t int32, kind string) {
	d := &ix.dict
	for _, ri := range d.post[d.postStart[t]:d.postStart[t+1]] {
		if ix.fresh(sc, ri, kind) {
			sc.addCand(ri)
		}
	}
}

// fresh reports whether name ri, of a kind kind allows, is not in
// sc.cands yet.
func (ix *Index) fresh(sc *scratch, ri int32, kind string) bool {
	return sc.stamp[ri] != sc.gen && kindAllowed(kind, ix.recs[ri].kind)
}

// addCand adds name ri to sc.cands, stamped as gathered.
func (sc *scratch) addCand(ri int32) {
	sc.stamp[ri] = sc.gen
	sc.cands = append(sc.cands, ri)
}

// Evidence rules on top of the weighted Dice score. A name that needs one
// of these to reach its score is at most a possible match (review): its
// score is capped just below the match threshold.
const (
	// strongShare is the share of the name's weight that words paired by
	// their spelling (or a transliteration key, or a typo in a word of
	// longTypo letters or more) must carry for a hit, and one of them
	// must be spelt so: a likeness of phonetic keys, initials or short
	// typos alone never reaches deny ("Sergey Rubanov" is not RUSANOV,
	// Sergey).
	strongShare = 0.4
	// rareShare is the weight, as a share of the weight of a word no
	// name holds, from which a word counts as rare: a one-letter typo
	// in a rare surname of five letters or more is credited as much as
	// in a long word ("Vladimir Pudin").
	rareShare = 0.7
	// surnameOnlyRare is the weight, as a share of the weight of a word
	// no name holds, that the surnames a query names a person by alone
	// must carry ("Putin", held by a handful of entries, not "Ivanov");
	// surnameOnlyWeight is the share of its weight that each name word
	// the query leaves out then still counts.
	surnameOnlyRare   = 0.85
	surnameOnlyWeight = 0.15
	// longTypo is the fewest letters of a word whose one-letter typo is
	// as good as its spelling for a hit.
	longTypo = 8
	// shortName is the most letters a name may have and still be matched
	// by anything but its exact spelling ("X Corp." is not "KSS").
	shortName = 3
)

// capFlag says why a score was capped below the match threshold, or
// which partial-name rule raised it.
type capFlag uint32

const (
	capWeakEvidence  capFlag = 1 << iota // phonetic, typo or initial likeness alone
	capPartialFamily                     // one of several family names left out
	capSubset                            // the query's words a subset of the name's
	capOneWord                           // one word for a longer name
	capWeakAlias                         // a weak alias
	capSurnameOnly                       // a person named by surname alone
	capInitials                          // given names by their initials only
	capAbbrev                            // a given name by its beginning only
	capNameChain                         // an Arabic name chain by its first and a later name
	capQueryMiddle                       // a further given name of the query the list does not give
	capSuperset                          // every word of an organisation's name, and further words
	capAcronym                           // a query word the initials of words of the name
	capBranch                            // the name and its branch: a place and "branch" after it
	capGivenForm                         // a given name in another language's form (givenNameForms)
	capNickname                          // a given name by its nickname (nicknames.go)
	capSayyid                            // the honorific Sayyid before a name that does not give it
	capDin                               // al-Din of a compound name read as the list writes it
	capInitialism                        // an organisation's name read as its initials
	capLaterGiven                        // a rare surname and a later given name, the first left out
	capGivenTypo                         // a rare surname and the first given name one letter off
	capCommonName                        // an organisation's one-word name, a word of everyday English
	capNaturalMiddle                     // a further name of a name written with no comma left out
	capNaturalLast                       // the last word of a name written with no comma left out
	capListedSurname                     // the list gives a rare family name alone, titles aside
	capTranslated                        // words of an Arabic-script name read as English ones
)

// minListedVowels is the fewest letters of a rare word a listed name
// spells as the query does that pairs with a listed family name of the
// same consonants and other vowels ("Vasileiadis", VASSILIADES): shorter
// ones are as often other names ("Costa", CUESTA; "Huang", HOANG), but in
// a query of three words or more, whose other words must pair too.
const minListedVowels = 7

// finalVowelOnly reports whether a and b differ by a vowel ending one of
// them only: a name's other gender or case ("Kuznetsova", KUZNETSOV), not
// another spelling of it.
func finalVowelOnly(a []byte, b string) bool {
	switch {
	case len(a) == len(b)+1:
		return isVowel(a[len(a)-1]) && string(a[:len(b)]) == b
	case len(b) == len(a)+1:
		return isVowel(b[len(b)-1]) && b[:len(a)] == string(a)
	}
	return false
}

// minChain is the fewest given words of a listed name read as an Arabic
// name chain (ism, the father's and the grandfather's names: "AL-TIKRITI,
// Qusay Saddam Hussein"), whose later names the press writes as a family
// name without the list's ("Qusay Hussein").
const minChain = 3

// scoreRec scores the query against name ri; the pairs it chose are
// marked chosen in sc.pairs and the rules it applied are in sc.caps.
func (ix *Index) scoreRec(sc *scratch, ri int32, t float32) float32 {
	rec := &ix.recs[ri]
	org := rec.kind != recPerson
	sc.caps = 0
	if rec.flags&(recWeak|recShort) == recWeak|recShort {
		// A weak alias of shortName letters or fewer, legal forms aside
		// ("JSC LTD GCS"), is three letters any initials may spell: a
		// maintainer's "(GCS)" is not GIGANT KOMPLEKSNYE SISTEMY. The
		// list itself calls it low quality; its entry's other names
		// stand.
		return 0
	}
	// The paired weight is at most the name's, so the score is at most
	// 2R/(Q+R): a name too light for the query is not worth pairing
	// (this also keeps absurdly long queries cheap).
	bound := sc.wq[b2i(org)]
	if org {
		bound -= sc.formLess
	} else {
		bound -= sc.nasabLess
		if !rec.surnames {
			bound -= sc.commaLess
		}
	}
	switch {
	case rec.w1-rec.w0 < minSuperset || bound <= rec.weight:
	case org && sc.branchAt >= 0:
		// The place of a branch may be left out (branchTail, below).
		bound = rec.weight
	case bound <= 2*rec.weight:
		// The query's words beyond the name's may count as further
		// names (superset and queryMiddle, below).
		bound = rec.weight + middleWeight*(bound-rec.weight)
	}
	if 2*rec.weight < (t-boundSlack)*(bound+rec.weight) &&
		// Unless the query's words beside its own word may name no
		// party (ownAmidCommon, below), or its given names count as
		// further names of a family name the list gives alone
		// (listedSurnameAlone, below): asked only of a name the bound
		// would leave.
		!(org && ix.ownWordAt(sc) >= 0) && !(!org && sc.personQuery && ix.listedSurnameAlone(ri) >= 0) {
		return 0
	}
	words := ix.words[rec.w0:rec.w1]
	if org && len(sc.initialsNeeded) > 0 && !ix.spellsInitials(sc, words) {
		return 0
	}
	short := sc.short[b2i(org)] || rec.flags&recShort != 0
	sc.pairs = sc.pairs[:0]
	wq := sc.wqPerson
	if org {
		wq = sc.wq[1]
	}
	keySim := float32(keySimPerson)
	if org {
		keySim = keySimOrg
	}
	rare := rareShare * ix.dict.unseen
	var givenForms *givenFormIndex // when a query word has a group
	if sc.givenForms && !org {
		givenForms = ix.givenForms()
	}
	for i := range sc.qw {
		q := &sc.qw[i]
		if org && q.legal {
			if i == 0 && q.text >= 0 && words[0].text == q.text {
				// The query's first word read as a legal form is the
				// name's own first word, a group's prefix the list writes
				// joined by a hyphen ("RT Inform" for RT-INFORM,
				// normBuf.hyphenBrand): it pairs, and counts.
				sc.pairs = append(sc.pairs, pair{q: 0, r: 0, c: words[0].weight, kind: pairText})
				wq += words[0].weight
			}
			continue
		}
		qw := q.w(org)
		plain := q.plain[b2i(org)]
		var forms []int32 // the listed texts of the word's given name's forms
		if !plain && givenForms != nil && q.givenForm >= 0 {
			forms = givenForms.texts[q.givenForm]
		}
		for j := range words {
			rw := &words[j]
			if plain && rw.text != q.text && (short || rw.tok != q.exact && !firstAlike(rw.first, q.first) &&
				(q.s1 == q.n0 || !sc.qnSet.mayHold(rw.tok))) {
				continue
			}
			var p pair
			switch {
			case q.initial && !org:
				if rw.flags&(rwGiven|rwNaturalGiven) == 0 || rw.first != q.first || short ||
					!hasPrefix(ix.dict.texts[rw.text], sc.nb.word(i)) {
					// An initial of two letters or more ("yu") starts
					// the name it stands for.
					continue
				}
				p = pair{c: min(0.5*rw.weight, initialWeight), kind: pairInitial}
			case q.text == rw.text && q.text >= 0:
				p = pair{c: rw.weight, kind: pairText}
			case q.numeral:
				// A numeral pairs by its spelling only: "237TH" is
				// not 234TH, another regiment.
				continue
			case short, q.title && !org:
				// A title pairs with a word of the name spelt as it is
				// ("Sheikh" in SHEIKH, Muhammad Naeem) or not at all.
				continue
			case q.particle != 0 && particleClass(ix.dict.texts[rw.text]) == q.particle && (q.particle != ezafeClass || sc.between(i, j, len(words))),
				q.particle == articleClass && j+1 < len(words) && sunArticle([]byte(ix.dict.texts[rw.text]), []byte(ix.dict.texts[words[j+1].text])),
				q.particle == abdClass && j+1 < len(words) && abdArticle([]byte(ix.dict.texts[rw.text]), []byte(ix.dict.texts[words[j+1].text])):
				// The same particle, the ezafe between words only (a
				// word "E" or "I" begins or ends a name as a letter);
				// or the article as the name writes it assimilated to
				// the next word, alone or after abd ("El Sayed" for ES
				// SAYED; "Abdul Rauf" for ABDUR RAUF).
				p = pair{c: keySim * rw.weight, kind: pairParticle}
			case q.exact == rw.tok:
				w, t := sc.nb.word(i), ix.dict.texts[rw.text]
				switch {
				case q.klen > shortName || geminateVariant(w, t) || nameVariantListed(w, t) || longVowelVariant(w, t):
					p = pair{c: keySim * rw.weight, kind: pairKey}
				case !org && clusterGiven(w, t, rw.flags):
					// Which the key reads alike ("Amer", AMR).
					p = clusterPair(w, t, qw, rw.weight)
				default:
					// Short words meet on a key by chance ("Jun",
					// "Yun"): they pair by their spelling only, by a
					// letter written doubled ("Haj", HAJJ), as spellings
					// of one name nameVariants lists ("Amr", AMRU), by
					// a long vowel written with two letters or one
					// ("Deeb", DIB), or, given names, by a vowel in
					// their last two consonants (clusterGiven).
					continue
				}
			default:
				// One scan of the query word's candidate keys tells
				// every way they pair.
				var m uint8
				if q.s1 > q.n0 && sc.qnSet.mayHold(rw.tok) {
					m = tokIn(sc.qn[q.n0:q.s1], rw.tok, q.n1-q.n0, q.r1-q.n0)
				}
				// In a Latin query the skeleton range holds the words of
				// the same consonants (consonants.go): a vowel variant of a
				// rare word of a person's name that begins alike.
				vowels := false
				// A word of a name read from an abjad or from kana, of
				// the query word's consonants (appendAbjadKeys,
				// appendKanaKeys), wherever its key is among the word's:
				// before a typo's likeness.
				scriptRead := m != 0 && !sc.nb.translit && !org && sameInitial(q.first, rw.first) &&
					(rw.flags&rwAbjad != 0 && abjadReads([]byte(ix.dict.texts[rw.text]), sc.nb.word(i)) ||
						rw.flags&rwKana != 0 && kanaReads([]byte(ix.dict.texts[rw.text]), sc.nb.word(i)))
				if m&inSkeleton != 0 && !sc.nb.translit {
					m &^= inSkeleton
					vowels = rw.flags&rwAbjad == 0 && !org && rw.weight >= rare && rw.flags&rwPatronymic == 0 && sameInitial(q.first, rw.first) &&
						(q.text < 0 || rw.flags&rwSurname != 0 && !finalVowelOnly(sc.nb.word(i), ix.dict.texts[rw.text]) ||
							ix.foreignWritten(rw.text))
				}
				switch {
				case scriptRead:
					p = pair{c: keySim * min(qw, rw.weight), kind: pairConsonants}
				case m&inNear != 0 && q.number && !org:
					continue
				case m&inNear != 0 && org && !sc.personRules && q.text < 0 && !withinOneEdit(ix.dict.texts[rw.text], sc.nb.word(i)) &&
					isCommonWord(sc.nb.word(i)):
					// An organisation's word of everyday English no
					// listed name holds is a word spelt right: a listed
					// word misspelt by a letter it may be ("Gleaning" for
					// GLEAMING), not one its phonetic key brings further
					// ("controlled" is not KONTROLES).
					continue
				case m&inNear != 0:
					n := min(int(q.klen), len(ix.dict.keys[rw.tok]))
					sim := typoSim(n, org)
					inner := org && innerEdit(ix.dict.texts[rw.text], sc.nb.word(i))
					if inner {
						// Credited by the listed word's length, which the
						// query's shows less a letter ("Rosnft" is ROSNEFT
						// of seven letters).
						n = max(len(sc.nb.word(i)), len(ix.dict.texts[rw.text]))
						sim = typoSim(n, org)
					}
					if org && (len(sc.nb.word(i)) == len(ix.dict.texts[rw.text]) || inner) {
						// A letter of an organisation's word written for
						// another, or two swapped ("Flihht", FLIGHT;
						// "Cofgee", COFFEE), or one left out or added
						// inside it ("Sberbnk", SBERBANK; "Rosnft",
						// ROSNEFT), rather than at its end, which makes
						// another word as often ("Globanty", GLOBANT).
						sim = orgTypoSimSameLength(n, sim)
					}
					if org && q.number && otherNumber(sc.nb.word(i), ix.dict.texts[rw.text]) {
						// The word in the other number ("Toyota Motors",
						// TOYOTA MOTOR): the same word, as a key is.
						sim = max(sim, keySim)
					}
					if !org && rw.flags&rwSurname != 0 && rw.weight >= rare && q.text < 0 &&
						(n >= minFuzzyLen || len(ix.dict.texts[rw.text]) >= minFuzzyLen && withinOneEdit(ix.dict.texts[rw.text], sc.nb.word(i))) {
						// Damerau–Levenshtein 1 in a rare surname that no
						// listed name spells as the query does; a surname
						// of minFuzzyLen letters with one left out
						// ("Sarur" written "Saur") or two swapped too.
						sim = max(sim, typoSim(7, false))
					}
					p = pair{c: sim * min(qw, rw.weight), kind: pairTypo}
					if q.v0 < q.n1 && !org && rw.flags&(rwSurname|rwPatronymic) == 0 && slices.Contains(sc.qn[q.v0:q.n1], rw.tok) &&
						shortGivenVariant(sc.nb.word(i), ix.dict.texts[rw.text]) {
						// A short given name with two letters swapped or
						// an h added or left out ("Jonh", "Jhon" for
						// John; appendShortGivenVariants): a possible
						// match at most, as often another name.
						p.kind = pairShortGiven
					}
					if m&inRespelt != 0 && keySim*rw.weight > p.c {
						p = pair{c: keySim * rw.weight, kind: pairRespelt}
					} else if q.alt == rw.tok && !org && keySim*rw.weight > p.c {
						p = pair{c: keySim * rw.weight, kind: pairAlt}
					} else if m&inSkeleton != 0 && skeletonSim*min(qw, rw.weight) > p.c {
						p = pair{c: skeletonSim * min(qw, rw.weight), kind: pairSkeleton}
					} else if keySim*min(qw, rw.weight) > p.c && voicingVariant(sc.nb.word(i), ix.dict.texts[rw.text]) {
						p = pair{c: keySim * min(qw, rw.weight), kind: pairVoicing}
					} else if keySim*min(qw, rw.weight) > p.c && rw.first == q.first && q.klen >= minVowelClass && vowelClassVariant(sc.nb.wordKey(i), ix.dict.keys[rw.tok]) {
						// One letter apart, a vowel a romanisation writes
						// otherwise ("Faqeer", FAQIR): credited as a
						// transliteration variant.
						p.c = keySim * min(qw, rw.weight)
					}
				case m&inRespelt != 0:
					p = pair{c: keySim * rw.weight, kind: pairRespelt}
				case m&inSkeleton != 0 && q.text < 0:
					// A transliterated word no listed name spells stands
					// for the reading it pairs with, and weighs as it does.
					p = pair{c: skeletonSim * rw.weight, kind: pairSkeleton}
				case q.alt == rw.tok && !org:
					p = pair{c: keySim * rw.weight, kind: pairAlt}
				case vowels:
					p = pair{c: keySim * min(qw, rw.weight), kind: pairConsonants}
				case m&inSkeleton != 0:
					p = pair{c: skeletonSim * min(qw, rw.weight), kind: pairSkeleton}
				case q.abbrev && rw.first == q.first && !org && rw.flags&(rwSurname|rwPatronymic) == 0 && ix.abbreviates(sc.nb.word(i), rw.text):
					p = pair{c: prefixSim * rw.weight, kind: pairPrefix}
				case !org && rw.first == q.first && rw.weight >= rare && rw.flags&(rwGiven|rwNaturalGiven) != 0 && rw.flags&(rwSurname|rwPatronymic) == 0 && ix.listedAbbrev(rw.text, sc.nb.word(i)):
					// The list gives the beginning of the query's given
					// name ("nic maduro" for "MADURO MOROS, Nicolas"), as a
					// query may (q.abbrev).
					p = pair{c: prefixSim * min(qw, rw.weight), kind: pairPrefix}
				case len(forms) > 0 && rw.flags&(rwGiven|rwNaturalGiven) != 0 && rw.flags&rwPatronymic == 0 && slices.Contains(forms, rw.text):
					// The same given name in another language's form
					// ("Michael" for MIKHAIL), or a nickname ("Bill" for
					// WILLIAM).
					p = pair{c: keySim * rw.weight, kind: pairGivenForm}
				case q.text < 0 || !firstAlike(rw.first, q.first):
					// The rules below are for a word a listed name spells
					// as the query does, paired with a word of the same
					// first letter (or the qaf's g and q, voicingVariant):
					// asked first, as most pairs are neither.
					continue
				case rw.first == q.first && !org && rw.flags&(rwSurname|rwPatronymic) == 0 && ix.givenTypo(sc.nb.word(i), rw.text):
					n := min(len(sc.nb.word(i)), len(ix.dict.texts[rw.text]))
					p = pair{c: typoSim(n, false) * min(qw, rw.weight), kind: pairTypo}
				case rw.first == q.first && !org && clusterGiven(sc.nb.word(i), ix.dict.texts[rw.text], rw.flags):
					// Both as listed names write them ("Bakar" for a
					// second given name BAKR).
					p = clusterPair(sc.nb.word(i), ix.dict.texts[rw.text], qw, rw.weight)
				case rw.weight >= rare && voicingVariant(sc.nb.word(i), ix.dict.texts[rw.text]):
					// A consonant written voiced for voiceless or the other
					// way, as transliterations do ("Gazprom", GASPROM).
					p = pair{c: keySim * min(qw, rw.weight), kind: pairVoicing}
				case rw.first == q.first && org && (rw.weight >= rare || q.wOrg >= rare) && spellingTypo(sc.nb.word(i), ix.dict.texts[rw.text], minOrgWordTypo):
					// A rare word of an organisation's name spelt as
					// another of the list's names spells it ("Qaeda",
					// QA'IDA); or a word of the name spelt as a rare word
					// of the list, a misspelling or another language's
					// ("Invesments", "Fondation", for INVESTMENTS and
					// FOUNDATION).
					p = pair{c: typoSim(min(len(sc.nb.word(i)), len(ix.dict.texts[rw.text])), true) * min(qw, rw.weight), kind: pairTypo}
				case rw.first == q.first && !org && rw.flags&rwPatronymic == 0 && rw.weight >= rare &&
					(rw.flags&rwSurname != 0 && spellingTypo(sc.nb.word(i), ix.dict.texts[rw.text], minSurnameTypo) || vowelVariant(sc.nb.word(i), ix.dict.texts[rw.text])):
					// A rare name spelt as another alias of the list
					// spells it ("Gaddafi", GADHAFI), or with the other
					// vowel of an Arabic name's romanisations ("Adel",
					// 'ADIL).
					n := min(len(sc.nb.word(i)), len(ix.dict.texts[rw.text]))
					p = pair{c: typoSim(n, false) * min(qw, rw.weight), kind: pairTypo}
				case rw.first == q.first && (rw.weight >= rare || q.patronymic && rw.flags&rwPatronymic != 0) && q.klen >= minVowelClass && vowelClassVariant(sc.nb.wordKey(i), ix.dict.keys[rw.tok]):
					// A rare word whose vowels a romanisation writes
					// otherwise ("Mounir", MONIR; "Faqeer", FAQIR).
					p = pair{c: keySim * min(qw, rw.weight), kind: pairVowels}
				default:
					continue
				}
			}
			p.q, p.r = int32(i), int32(j)
			sc.pairs = append(sc.pairs, p)
		}
	}
	if len(sc.pairs) == 0 {
		return 0
	}
	ps := sc.pairs
	sc.particlesBeside(ps)
	if len(ps) > 32 {
		slices.SortFunc(ps, func(a, b pair) int {
			switch {
			case pairBefore(a, b):
				return -1
			case pairBefore(b, a):
				return 1
			}
			return 0
		})
	} else {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && pairBefore(ps[j], ps[j-1]); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
	}
	sc.qUsed = resetBools(sc.qUsed, len(sc.qw))
	sc.rUsed = resetBools(sc.rUsed, len(words))
	var m, strong, spelt, pairedW float32
	// nearlySpelt is the weight of the name's words paired by their
	// spelling, as a long word one letter off (longTypo letters or more:
	// "Hezbolah" for HEZBOLLAH), or with the final -a or -ah written the
	// other way ("Nusra" for NUSRAH), which a word-set match may stand on.
	var nearlySpelt float32
	surname, rareSurname, givenPaired, rarePlain := false, false, false, false
	// surnameSpelt and rareGiven are set when a family name pairs by its
	// spelling, and a rare first given name does.
	surnameSpelt, rareGiven := false, false
	// firstGiven and later are set when the first given name, and a
	// later one, pair by their spelling (capNameChain); laterSpelt when a
	// later given name or the patronymic does.
	firstGiven, later, laterSpelt := false, false, false
	// firstPaired: the first given name of the name paired, by any
	// likeness (an initial too).
	firstPaired := false
	// surnameW is the weight of the rarest family name paired.
	var surnameW float32
	var initials float32
	// typoGiven: the first given names paired as misspelt by a letter,
	// their pairs' worth, query words' and name words' weights; other,
	// any other given name paired, but by its spelling.
	var typoGiven struct {
		c, q, r float32
		other   bool
	}
	skeleton := false // a word paired by its consonant skeleton only
	var scriptLess float32
	chosen := 0
	for k := range ps {
		p := &ps[k]
		if sc.qUsed[p.q] || sc.rUsed[p.r] {
			continue
		}
		p.chosen = true
		chosen++
		sc.qUsed[p.q], sc.rUsed[p.r] = true, true
		m += p.c
		if q := &sc.qw[p.q]; (p.kind == pairSkeleton || p.kind == pairRespelt || p.kind == pairPrefix || p.kind == pairGivenForm) && (q.text < 0 && q.exact < 0 || q.abjad) {
			// A word no listed name spells, or one read from an abjad,
			// weighs as the word it reads as: "mhmd", read from محمد, is
			// Mohamed, however rare a listed "Mhmd" makes it.
			wq += words[p.r].weight - q.w(org)
		} else if p.kind == pairRespelt && q.formW > 0 && org {
			// A company word paired by another form of it, abbreviated,
			// written out or translated ("Rossiyskiy" for RUSSIAN),
			// weighs as that form where the form is the commoner word:
			// the rarity of a Russian word in the lists says nothing of
			// the English name it translates.
			wq += min(0, words[p.r].weight-q.w(org))
		}
		if p.kind == pairConsonants && words[p.r].flags&(rwAbjad|rwKana) != 0 || org && (p.kind == pairVoicing || p.kind == pairVowels) {
			// A word of a name read from an abjad or kana weighs as
			// the query's word it reads as: a name the list writes
			// only in that script makes its every word as rare as a
			// word can be. So does a word of an organisation's name
			// the query spells as another romanisation does (a
			// consonant voiced, a vowel of its class: "Gazprom" for
			// GASPROM), which its spelling alone makes rare; not a
			// person's, whose spellings are names of their own
			// (Flores, FLOREZ).
			scriptLess += max(0, words[p.r].weight-sc.qw[p.q].w(org))
		}
		pairedW += words[p.r].weight
		if p.kind == pairText || (p.kind == pairTypo || p.kind == pairKey) && ix.longTypoPair(sc, *p, words) &&
			withinOneEdit(ix.dict.texts[words[p.r].text], sc.nb.word(int(p.q))) || p.kind == pairRespelt && sc.qw[p.q].respelt == finalAh {
			nearlySpelt += words[p.r].weight
		}
		switch p.kind {
		case pairText:
			spelt += p.c
			strong += p.c
			// A rare word of a name written with no comma, spelt as
			// listed: whichever its role, the person's own as a rare
			// family name is (the nickname rule below).
			rarePlain = rarePlain || !rec.surnames && words[p.r].flags&rwNaturalGiven == 0 && words[p.r].weight >= rare
		case pairTypo:
			// One letter apart in a long word is that word misspelt;
			// in a short one it is as often another name ("Rubanov",
			// "Rusanov").
			if ix.longTypoPair(sc, *p, words) {
				spelt += p.c
				strong += p.c
			}
		case pairKey, pairRespelt, pairAlt, pairVoicing:
			// Short words meet on a key by chance ("Jun", "Yun").
			if len(ix.dict.texts[words[p.r].text]) > shortName && len(sc.nb.word(int(p.q))) > shortName {
				strong += words[p.r].weight
			}
			if (p.kind == pairRespelt || p.kind == pairAlt) && ix.longTypoPair(sc, *p, words) {
				// A long word another orthography spells ("Prigoschin"
				// in German for PRIGOZHIN) is that word, as a long word
				// misspelt is.
				spelt += p.c
			}
		}
		if p.kind != pairInitial && words[p.r].flags&rwSurname != 0 {
			surname = true
			surnameW = max(surnameW, words[p.r].weight)
			// A rare surname misspelt counts as one when the query names it
			// in five letters or more ("Nicolas Madruo").
			rareSurname = rareSurname || words[p.r].weight >= rare && (p.kind != pairTypo || len(sc.nb.word(int(p.q))) >= minFuzzyLen)
			surnameSpelt = surnameSpelt || p.kind == pairText && particleClass(ix.dict.texts[words[p.r].text]) == 0
		}
		if f := words[p.r].flags; f&rwGiven != 0 {
			if p.kind == pairTypo && f&(rwMiddle|rwPatronymic) == 0 {
				typoGiven.c += p.c
				typoGiven.q += sc.qw[p.q].w(org)
				typoGiven.r += words[p.r].weight
			} else if p.kind != pairText {
				typoGiven.other = true
			}
			givenPaired = true
			firstPaired = firstPaired || f&(rwMiddle|rwPatronymic) == 0
			if p.kind == pairText {
				firstGiven = firstGiven || f&(rwMiddle|rwPatronymic) == 0
				later = later || f&rwMiddle != 0
				laterSpelt = laterSpelt || f&(rwMiddle|rwPatronymic) != 0
				rareGiven = rareGiven || f&(rwMiddle|rwPatronymic) == 0 && words[p.r].weight >= rare
			}
		}
		if p.kind == pairInitial {
			// A given name known by its initial only counts for what the
			// initial says: "Putin V. V." for PUTIN, Vladimir
			// Vladimirovich.
			initials += words[p.r].weight - p.c
		}
		skeleton = skeleton || p.kind == pairSkeleton
		if p.kind == pairPrefix {
			// A given name known by its beginning only is a possible
			// match at most.
			sc.caps |= capAbbrev
		}
		if p.kind == pairGivenForm {
			// So is one known by its form in another language, or by
			// a nickname.
			if sameLanguageForm(sc.nb.word(int(p.q)), ix.dict.texts[words[p.r].text]) {
				sc.caps |= capGivenForm
			} else {
				sc.caps |= capNickname
			}
		}
		if p.kind == pairShortGiven || !org && ix.shortSurnameTypo(sc, *p, words) {
			sc.caps |= capWeakEvidence
		}
		if (p.kind == pairVowels || p.kind == pairConsonants) && !org {
			// A person's name with vowels written otherwise is a
			// possible match at most.
			sc.caps |= capWeakEvidence
		}
		if !org && sc.qw[p.q].title {
			wq += sc.qw[p.q].weight // a title that pairs counts
		}
	}
	if skeleton && initials > 0 && spelt == 0 {
		// Given names by their initials and a word that shares only its
		// consonant skeleton with the name's are too little to go on:
		// "Юмашев В.Б." is not MOOSAVI, Badroddin. Beside a word spelt as
		// the name spells it they are not: "عدنان س. حسن أحمد", read "adnan
		// s hsn ahmd", is AHMED, Adnan S. Hasan.
		return 0
	}
	abjadAlone := skeleton && chosen == 1 && len(words) > 1 && ix.abjadSurnameAlone(sc, rec, words)
	if skeleton && chosen == 1 && len(words) > 1 && !abjadAlone {
		// Nor is one word of a longer name by its consonant skeleton
		// alone: "プーチン" (Putin, "puchin") is not ABEDINI, Mohammad
		// (both "btn"), however common the given name it leaves out.
		return 0
	}
	// A rare first given name and a family name, both as written, name
	// the person as a rare family name does ("Samark Lopez" for LOPEZ
	// BELLO, Samark Jose); the article or a particle of the family name
	// is none ("Ayman Al" is not AL ZAWAHIRI, Ayman).
	rareSurname = rareSurname || surnameSpelt && rareGiven
	if sc.caps&capNickname != 0 && !rareSurname && !rarePlain {
		// A nickname and a family name the lists hold often name as
		// many other persons ("Bill Smith"). The last word of a name
		// written with no comma stands for its family name here.
		return 0
	}
	if sc.numerals && ix.numeralConflict(sc, words) {
		return 0
	}
	sc.acr = sc.acr[:0]
	if org && sc.acronyms {
		// A query word that is the initials of words of the name
		// ("NPO" for NAUCHNO PROIZVODSTVENNOE OBEDINENIE) weighs as
		// they do: a possible match at most.
		if s, wqs := ix.pairAcronyms(sc, words); s > 0 {
			m += acronymSim * s
			pairedW += s
			wq += s - wqs
			sc.caps |= capAcronym
		}
	}
	// A name chain by its first name and a later one, together rare, the
	// listed family name left out: a possible match at most.
	chain := false
	if rec.surnames && !surname {
		if !firstGiven || !later || pairedW < rare || org || givenWords(words) < minChain && !ix.kunya(words) {
			return 0
		}
		chain = true
		sc.caps |= capNameChain
	}
	// Query words left unpaired (titles aside, under person rules).
	unpairedQ, unpairedInitial := false, false
	var midQ, extraQ, sayyidQ float32
	// further reports whether unpaired query word i is a further name of
	// the query that the list does not give, under person rules.
	// wholeNoComma: a name the list writes with no comma, its roles
	// unknown, every word of which pairs.
	wholeNoComma := !rec.surnames && !slices.Contains(sc.rUsed, false)
	further := func(i int) bool {
		return !sc.qw[i].initial && (ix.queryMiddle(sc, i, words) && !isSyllable(sc.nb.word(i)) ||
			(surname && givenPaired || wholeNoComma) && (ix.queryPatronymic(sc, i, words) || sc.queryNasab(i)) ||
			wholeNoComma && (sc.laterGiven(i) || sc.laterFamily(i, rare)))
	}
	for i := range sc.qw {
		q := &sc.qw[i]
		if sc.qUsed[i] || org && q.legal || !org && q.title {
			continue
		}
		if !org && sc.articleLeftOut(i, words) {
			// It still weighs, as little as the article does: a name
			// that pairs it scores above one that leaves it out.
			continue
		}
		if org && sc.queryLink(i) {
			// A linking word of the query between two words that pair,
			// which the name leaves out ("Bonyad-e Mostazafan" for
			// BONYAD MOSTAZAFAN), as the name's own may be (optionalLink).
			wq -= q.wOrg
			continue
		}
		unpairedQ = true
		extraQ += q.wOrg
		unpairedInitial = unpairedInitial || q.initial
		if !org && q.sayyid && surname && givenPaired {
			// The honorific before a name that does not give it, the
			// name's given name and surname paired: left out, a
			// possible match at most.
			sayyidQ += q.weight
			continue
		}
		if !org && (further(i) || q.particle == articleClass && i+1 < len(sc.qw) && !sc.qUsed[i+1] && further(i+1)) {
			// A further given name of the query that the list does not
			// give ("JOHN MICHAEL SMITH" for JOHN SMITH) counts as the
			// list's own further given names do; a possible match at
			// most. Not a Korean syllable: "Ri Chol Su" is not RI, Su
			// Yong with a further name. So does its patronymic where the
			// name pairs whole, its roles unknown where the list writes
			// it with no comma ("FRIDMAN, Mikhail Maratovich" for Michail
			// Fridman), and the article of a further name ("Khalil
			// al-Rahman Haqqani" for Khalil Haqqani).
			if q.patronymic && ix.queryPatronymic(sc, i, words) {
				// A patronymic counts for nothing, as the list's own
				// does where the query gives none (optional, below).
				midQ += q.weight
			} else {
				midQ += (1 - middleWeight) * q.weight
			}
		}
	}
	wr := rec.weight - initials - scriptLess
	if initials > 0 {
		sc.caps |= capInitials
	}
	var unpairedR float32
	for j := range words {
		if sc.rUsed[j] || org && ix.optionalLink(words, sc.rUsed, j) {
			continue
		}
		unpairedR += words[j].weight
	}
	subset := org && !unpairedQ && unpairedR > 0 && nearlySpelt == pairedW && ix.subsetOK(sc, ri, pairedW, unpairedR)
	superset, branch := false, false
	// kindR is the weight of the name's words left unpaired where each is
	// a word of the kind of organisation (orgKindWord: "KALASHNIKOV
	// CONCERN", "STATE CORPORATION ROSTEC"), asked only of a query with
	// its own word.
	var kindR float32
	if org && unpairedQ && unpairedR > 0 && spelt == pairedW && ix.ownWordAt(sc) >= 0 {
		kindR = ix.unpairedKind(sc, words)
	}
	if org && unpairedQ && (unpairedR == 0 || kindR == unpairedR) && spelt == pairedW && ix.ownAmidCommon(sc, ri) {
		// Every word of the name, its heaviest the query's own word, a
		// rare one of the name's, among words that name no party
		// ("Hangzhou Hikvision Digital Technology Co Ltd" for a list's
		// HIKVISION, "Rosneft Oil Company" for ROSNEFT): the words
		// around it say what the company does, or where, and count for
		// nothing; so do the name's words of its kind ("Kalashnikov USA"
		// for KALASHNIKOV CONCERN); a possible match.
		superset = true
		midQ += extraQ
		wr -= kindR
	} else if org && unpairedQ && unpairedR == 0 && spelt == pairedW && rec.w1-rec.w0 >= minSuperset && ix.heaviestRarePaired(sc, ri) {
		switch {
		case sc.branchTail():
			// The name and then its branch: "BANK SEPAH PARIS BRANCH"
			// for BANK SEPAH. The place is no word of the name, and how
			// rare it is in the lists says nothing: left out.
			branch = true
			midQ += extraQ
		case extraQ <= pairedW:
			// Every word of the name, the rare one among them, in a
			// query that has further words ("TALAQI GROUP FOR TRADE
			// LLC" for TALAQI GROUP): they count as further names do.
			superset = true
			midQ += (1 - middleWeight) * extraQ
		}
	}
	// A person whose name a list writes with no comma, named by its
	// first word and a word between the first and the last, the last
	// left out: a second family name ("Nicolas Maduro" for Nicolás
	// Maduro Moros) or the family name, a possible match at most.
	naturalLast := !org && !rec.surnames && len(words) >= 3 && !unpairedQ && !sc.rUsed[len(words)-1] &&
		words[len(words)-1].flags == 0 && sc.rUsed[0] && words[0].flags&rwNaturalGiven != 0 && sc.pairedMiddle(words)
	// A person named by a rare surname alone ("President Putin"): the
	// given names count as further ones, and it is a possible match.
	surnameOnly := !org && sc.personQuery && !givenPaired && !naturalLast && !unpairedQ && pairedW >= surnameOnlyRare*ix.dict.unseen && (strong > 0 || abjadAlone)
	// A person the list names by a rare family name alone, a title aside
	// ("KADYROV", "General SOLEIMANI"), the query giving the given names
	// too ("KADYROV, Ramzan Akhmatovich"): they count as further names,
	// and the title as nothing; a possible match.
	if !org && sc.personQuery && unpairedQ && extraQ <= maxListedSurnameExtra*pairedW {
		if j := ix.listedSurnameAlone(ri); j >= 0 && sc.rUsed[j] && pairedW >= surnameOnlyRare*ix.dict.unseen {
			midQ += extraQ
			for k := range words {
				if !sc.rUsed[k] && !isHonorific(ix.dict.texts[words[k].text]) {
					wr -= words[k].weight // an honorific the loop below counts
				}
			}
			sc.caps |= capListedSurname
		}
	}
	// A person named by a surname as rare as the surname alone must be
	// and a later given name or the patronymic, the first given name left
	// out ("Makhmudovich MAMASHOYEV" for MAMASHOYEV, Azizjon
	// Makhmudovich; "Dimas PERSHADA" for PERSHADA, Angga Dimas): the
	// first given name counts as the surname alone's given names do, where
	// it would keep the name below review; a possible match at most.
	laterOnly := !org && sc.personQuery && givenPaired && !firstPaired && surnameW >= surnameOnlyRare*ix.dict.unseen &&
		!unpairedQ && strong > 0 && ix.laterNamesOnly(sc, words)
	// naturalW is what the words between the first and the last of a
	// name written with no comma, left out, do not count.
	var laterW, naturalW float32
	for j := range words {
		if sc.rUsed[j] {
			continue
		}
		switch f := words[j].flags; {
		case org && ix.optionalLink(words, sc.rUsed, j):
			// A linking word between words of the name that pair
			// ("Jaish Mohammed" for JAISH-I-MOHAMMED, "Banco Nacional
			// Cuba"): it names nothing.
			wr -= words[j].weight
		case surname && ix.isArticle(words[j]):
			// The article of an Arabic family name, which the press
			// often leaves out ("Ayman Zawahiri" for AL ZAWAHIRI,
			// Ayman): optional once the name it belongs to pairs.
			wr -= words[j].weight
		case f&rwPatronymic != 0 && !unpairedInitial:
			// Optional, unless an initial of the query, which it
			// does not start with, stands for it.
			wr -= words[j].weight
			if f&rwNaturalGiven != 0 {
				naturalW += words[j].weight
			}
		case f&rwMiddle != 0, !org && isHonorific(ix.dict.texts[words[j].text]):
			// A further given name, or an honorific the list writes
			// among the names ("NAWAY, Haji Ali") that the query
			// leaves out.
			wr -= (1 - middleWeight) * words[j].weight
			if f&rwNaturalGiven != 0 {
				naturalW += (1 - middleWeight) * words[j].weight
			}
		case naturalLast && j == len(words)-1:
			wr -= (1 - middleWeight) * words[j].weight
			sc.caps |= capNaturalLast
		case f&rwSurname != 0 && chain:
			// The family name of a name chain the query leaves out.
			wr -= (1 - middleWeight) * words[j].weight
		case f&rwSurname != 0 && rareSurname:
			// One of several family names (Hispanic paternal and
			// maternal surnames, Arabic name chains): the query names
			// the person by the others, one of them rare.
			wr -= (1 - middleWeight) * words[j].weight
			sc.caps |= capPartialFamily
		case surnameOnly:
			// Surname alone: every name word left out counts
			// surnameOnlyWeight of its weight.
			wr -= (1 - surnameOnlyWeight) * words[j].weight
			sc.caps |= capSurnameOnly
		case laterOnly && f&rwGiven != 0:
			laterW += (1 - surnameOnlyWeight) * words[j].weight
		case subset:
			// The query's words are the name's heaviest: "banco cuba"
			// for BANCO NACIONAL DE CUBA.
			wr -= (1 - middleWeight) * words[j].weight
			sc.caps |= capSubset
		}
	}
	if wq+wr <= 0 {
		return 0
	}
	score := min(1, 2*m/(wq+wr))
	if naturalW > 0 && 2*m/(wq+wr+naturalW) <= sc.capAt {
		// A word between the first and the last of a name written
		// with no comma, which may as well be a family name ("Kim Jong
		// Un"), left out where counting it whole keeps the name from a
		// hit: a possible match at most.
		sc.caps |= capNaturalMiddle
	}
	if laterW > 0 && score < float32(ix.opts.Review) {
		score = min(1, 2*m/(wq+wr-laterW))
		sc.caps |= capLaterGiven
	}
	// The rule below asks for a rare family name as written.
	// A query of no kind asks a later given name or the patronymic spelt
	// too: "Mary Taylor" is not TAYLOR, Mark.
	rareSpelt := !org && (sc.personQuery || sc.personRules && laterSpelt) && surnameSpelt &&
		surnameW >= surnameOnlyRare*ix.dict.unseen && strong > 0
	shortTypo, shortQ, shortR := false, 0, 0
	if rareSpelt && !firstPaired && unpairedQ && score < float32(ix.opts.Review) {
		// The first given name too short to pair one letter off (as
		// often another name): paired here only, for the rule below.
		if shortQ, shortR, shortTypo = ix.shortGivenTypo(sc, words); shortTypo {
			typoGiven.q, typoGiven.r = sc.qw[shortQ].w(org), words[shortR].weight
		}
	}
	if rareSpelt && typoGiven.r > 0 && !typoGiven.other && score < float32(ix.opts.Review) && (!unpairedQ || shortTypo) {
		// A rare family name as written and the first given name one
		// letter off ("Ramzn Kadyrov" for KADYROV, Ramzan; "Igot
		// Sechin" for SECHIN, Igor), any other given name as written
		// ("Igbr Venediktovich Plotnitsky"): the person as surely as the
		// family name alone, which scores the given names left out so
		// (surnameOnly). The misspelt name keeps it no lower: a possible
		// match at most.
		if alone := 2 * (m - typoGiven.c) / (wq - typoGiven.q + wr - (1-surnameOnlyWeight)*typoGiven.r); alone > score {
			score = min(1, alone)
			sc.caps |= capGivenTypo
			if shortTypo {
				// Explained as the pair it is, worth nothing.
				sc.pairs = append(sc.pairs, pair{q: int32(shortQ), r: int32(shortR), kind: pairTypo, chosen: true})
			}
		}
	}
	if midQ+sayyidQ > 0 && score <= sc.capAt {
		// The query's further given names count as the list's do where
		// they would keep a name from a hit; a name that scores a hit
		// with them counted whole keeps its score. So does Sayyid,
		// left out.
		score = min(1, 2*m/(wq+wr-midQ-sayyidQ))
		if midQ > 0 {
			sc.caps |= capQueryMiddle
		}
		if sayyidQ > 0 {
			sc.caps |= capSayyid
		}
		if superset {
			sc.caps = sc.caps&^capQueryMiddle | capSuperset
		}
		if branch {
			sc.caps = sc.caps&^capQueryMiddle | capBranch
		}
	}

	if spelt == 0 || strong < strongShare*wr {
		sc.caps |= capWeakEvidence
	}
	if org && unpairedR > 0 && ix.coreWords(sc) == 1 {
		if round3(score) >= ix.opts.Review && ix.commonOneWord(sc, ri) {
			// Asked only of a name that would be kept (scoreCands
			// keeps a score at review to three decimals): most of a
			// one-word query's names score far below.
			return 0
		}
		sc.caps |= capOneWord
	}
	if org && unpairedR == 0 && rec.w1-rec.w0 == 1 && round3(score) >= ix.opts.Match && ix.coreWords(sc) == 1 && ix.commonNameWord(sc, ri) {
		// An organisation named by one word of everyday English, and the
		// query by that word ("Class Ltd" for JOINT STOCK COMPANY CLASS,
		// "Capital LLC" for CAPITAL S.A.L.): the whole name of many
		// vendors, not the party's own, so it cannot tell them apart
		// from the listed one; its country, address or identifiers can.
		// Asked of a name that would be a match only.
		sc.caps |= capCommonName
	}
	if rec.flags&recWeak != 0 {
		sc.caps |= capWeakAlias
	}
	if len(sc.nb.dins) > 0 {
		sc.caps |= capDin
	}
	if len(sc.nb.arabicRead) > 0 {
		sc.caps |= capTranslated
	}
	if len(sc.nb.initialisms) > 0 {
		if rec.flags&recWeak != 0 {
			// Initials for initials the list itself calls low quality.
			return 0
		}
		sc.caps |= capInitialism
	}
	if sc.caps != 0 && score > sc.capAt {
		score = sc.capAt
	} else {
		sc.caps &= capPartialFamily | capSubset | capWeakAlias | capSurnameOnly | capInitials | capAbbrev | capNameChain | capQueryMiddle | capSuperset | capAcronym | capBranch | capGivenForm | capNickname | capSayyid | capLaterGiven | capGivenTypo | capCommonName // noted, not binding
	}
	return score
}

// between reports whether query word i and word j of a name of n words
// each stand between two words of their own.
func (sc *scratch) between(i, j, n int) bool {
	return i > 0 && j > 0 && i+1 < len(sc.qw) && j+1 < n
}

// queryLink reports whether query word i, which scoreRec left unpaired,
// is a linking word (isLink: the ezafe, a preposition, an article)
// between two query words that pair.
func (sc *scratch) queryLink(i int) bool {
	return i > 0 && i+1 < len(sc.qw) && sc.qUsed[i-1] && sc.qUsed[i+1] && isLink(sc.nb.word(i))
}

// laterGiven reports whether query word i is a given name after the first
// of a query written family name first ("HANIYAH, Ismail Abdul Salah"),
// the family name and the first given name paired: a further given name
// by the query's own form, where the name the list writes with no comma
// tells no roles.
func (sc *scratch) laterGiven(i int) bool {
	c, ok := sc.commaPaired()
	return ok && i > c && slices.Contains(sc.qUsed[:c], true)
}

// commaPaired returns the first word after the comma of a query written
// family name first, and whether it paired: a query whose words
// resegment split or joined gives no roles by its comma.
func (sc *scratch) commaPaired() (int, bool) {
	c := sc.nb.comma
	return c, c > 0 && c < len(sc.qw) && !sc.nb.resegmented && sc.qUsed[c]
}

// laterFamily reports whether query word i is one of the family names of
// a query written family name first ("MURILLO DE ORTEGA, Rosario Maria"),
// or the linking word between them, where another of them, a rare one,
// and the first given name paired: a second family name by the query's
// own form, as Hispanic names carry two and people write one, where the
// name the list writes with no comma tells no roles ("Rosario Murillo").
func (sc *scratch) laterFamily(i int, rare float32) bool {
	c, ok := sc.commaPaired()
	if !ok || c <= 1 || i >= c {
		return false
	}
	for k := range c {
		if sc.qUsed[k] && sc.qw[k].weight >= rare {
			return true
		}
	}
	return false
}

// articleLeftOut reports whether query word i, unpaired under person
// rules, is the article before a word paired with a family name the name
// writes without it ("Al Dabbashi" for DABBASHI, Ahmed), or the last word
// of a name of two words or more written with no comma: it is optional,
// as the name's article is when the query has none, and a query of a
// family name alone with it is a family name alone.
func (sc *scratch) articleLeftOut(i int, words []RecWord) bool {
	if sc.qw[i].particle != articleClass || i+1 >= len(sc.qw) {
		return false
	}
	for _, p := range sc.pairs {
		if p.chosen && int(p.q) == i+1 {
			// A family name, or the last word of a name of two words
			// or more written with no comma, its roles unknown ("Ayman
			// Zawahiri" for "AL ZAWAHIRI, Dr. Ayman").
			return words[p.r].flags&rwSurname != 0 || len(words) > 1 && int(p.r) == len(words)-1 && !hasRoles(words)
		}
	}
	return false
}

// hasRoles reports whether a name's words (a person's) carry the roles a
// comma gives them: a family name, a given name.
func hasRoles(words []RecWord) bool {
	for _, w := range words {
		if w.flags&(rwSurname|rwGiven) != 0 {
			return true
		}
	}
	return false
}

// pairedMiddle reports whether a word between the first and the last of
// a name written with no comma pairs, spelt alike or as a key.
func (sc *scratch) pairedMiddle(words []RecWord) bool {
	for j := 1; j < len(words)-1; j++ {
		if sc.rUsed[j] && words[j].flags&rwMiddle != 0 {
			return true
		}
	}
	return false
}

// laterNamesOnly reports, for laterOnly in scoreRec, whether every family
// name of words paired ("Jose Morales" is not MORALES CIFUENTES, Juan
// Jose), and no given name paired is a common one where a word paired
// besides is a common surname ("John Taylor" is not TAYLOR, Mark John;
// "Robert Eklund" may be EKLUND, Leif Robert).
func (ix *Index) laterNamesOnly(sc *scratch, words []RecWord) bool {
	commonGiven, commonSurname := false, false
	for j, w := range words {
		switch t := ix.dict.texts[w.text]; {
		case !sc.rUsed[j] && w.flags&rwSurname != 0:
			return false
		case !sc.rUsed[j]:
		case w.flags&rwGiven != 0:
			commonGiven = commonGiven || isCommonGivenName(t)
		default:
			commonSurname = commonSurname || isCommonSurname(t)
		}
	}
	// A common given name beside a common surname names many people
	// ("John Taylor" for TAYLOR, Mark John); beside a surname few people
	// have, the person ("Robert Eklund" for EKLUND, Leif Robert).
	return !commonGiven || !commonSurname
}

// numeralConflict reports whether the query and the name (words) each
// hold a numeral the other does not: "MYANMA MINING ENTERPRISE NUMBER 1"
// is not MYANMA MINING ENTERPRISE NUMBER 2, a sister enterprise listed on
// its own. A name with no numeral, or a query with none, does not
// conflict ("Myanma Mining Enterprise" may be either). It asks the pairs
// scoreRec chose, in sc.qUsed and sc.rUsed.
func (ix *Index) numeralConflict(sc *scratch, words []RecWord) bool {
	query := false
	for i := range sc.qw {
		if sc.qw[i].numeral && !sc.qUsed[i] {
			query = true
			break
		}
	}
	if !query {
		return false
	}
	for j := range words {
		if !sc.rUsed[j] && isNumeral(ix.dict.texts[words[j].text]) {
			return true
		}
	}
	return false
}

// isNumeral reports whether w is a number: digits only, or an ordinal
// written with digits ("46th", "1st", "2nd", "33rd").
func isNumeral[T string | []byte](w T) bool {
	n := 0
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	switch string(w[n:]) {
	case "", "st", "nd", "rd", "th":
		return n > 0
	}
	return false
}

// subsetOK reports whether the query's words, all paired by spelling,
// may stand for the whole name ri: they carry at least as much weight as
// the words left out, and a single word is rare and found in another name
// of the same entry too, so that it is how the entry is known
// ("Hezbollah" for HIZBALLAH's alias LEBANESE HEZBOLLAH, which also has
// EXTERNAL SECURITY ORGANIZATION OF HEZBOLLAH; not "Apple" for ORIENTAL
// APPLE COMPANY).
func (ix *Index) subsetOK(sc *scratch, ri int32, paired, unpaired float32) bool {
	if paired < unpaired && (paired < subsetRareShare*unpaired || !ix.heaviestRarePaired(sc, ri)) {
		return false
	}
	if ix.coreWords(sc) > 1 {
		return ix.wordOfThreePaired(sc, ri)
	}
	text, at, weight := ix.lastPaired(sc, ri)
	if text < 0 {
		return false
	}
	if paired < rareShare*ix.dict.unseen && (at != 0 || !ix.heaviestPaired(sc, ri, 0)) {
		// A word many names hold stands for this one when it leads the
		// name and is its heaviest, the name of a group its members'
		// names begin with: "VTB" for VTB BANK, not "Neft" (oil) for
		// GAZPROM NEFT. A word of everyday English stands for no longer
		// name at all ("Spring", "Bank"), which scoreRec asks of every
		// one-word query (commonOneWord), word-set match or not.
		return false
	}
	if weight >= ix.dict.unseen && len(ix.dict.texts[text]) >= minUniqueSubset {
		// A long word no other entry holds ("Aerocaribbean" for
		// AEROCARIBBEAN AIRLINES).
		return true
	}
	if weight >= rareShare*ix.dict.unseen && ix.restCommon(sc, ri, at) {
		// A rare word leading the name, the name's own, before words of
		// everyday English only, which say what the company does and
		// name no party ("Rosneft" for ROSNEFT OIL COMPANY, "Huawei"
		// for HUAWEI TECHNOLOGIES CO LTD, "Kalashnikov" for KALASHNIKOV
		// CONCERN), or after the Chinese place a Chinese company's name
		// leads with ("Hikvision" for HANGZHOU HIKVISION DIGITAL
		// TECHNOLOGY CO LTD). Not a word after a word of everyday
		// English, which names the company with it ("Allianz" is no
		// OCEAN ALLIANZ SHIPPING).
		return true
	}
	r := ix.recs[ri].ref
	for _, step := range []int32{-1, 1} {
		for k := ri + step; k >= 0 && int(k) < len(ix.recs); k += step {
			o := &ix.recs[k]
			if o.ref.list != r.list || o.ref.entry != r.entry {
				break
			}
			for _, w := range ix.words[o.w0:o.w1] {
				if w.text == text {
					return true
				}
			}
		}
	}
	return false
}

// restCommon reports whether the words of name ri before its word at,
// which scoreRec paired, are Chinese places (chinesePlace), none if at is
// 0, and the words after it that scoreRec left unpaired are words of
// everyday English (commonWord).
func (ix *Index) restCommon(sc *scratch, ri, at int32) bool {
	rec := &ix.recs[ri]
	for j, w := range ix.words[rec.w0:rec.w1] {
		t := ix.dict.texts[w.text]
		switch {
		case int32(j) < at && !chinesePlace(t):
			return false
		case int32(j) > at && !sc.rUsed[j] && !commonWord(t):
			return false
		}
	}
	return true
}

// lastPaired returns the text, position and weight of the word of name
// ri the last pair scoreRec chose pairs (of a one-word query, its one
// pair), text -1 if it chose none.
func (ix *Index) lastPaired(sc *scratch, ri int32) (text, at int32, weight float32) {
	text, at = -1, -1
	for _, p := range sc.pairs {
		if p.chosen {
			w := ix.words[ix.recs[ri].w0+p.r]
			text, at, weight = w.text, p.r, w.weight
		}
	}
	return text, at, weight
}

// commonOneWord reports whether a query of one word (legal forms aside)
// pairs with name ri, which has more, a word that is no party's own
// (commonWord) or a number ("7." for S 7 ENGINEERING LLC): such a word
// stands for no longer name, however rare in the lists.
func (ix *Index) commonOneWord(sc *scratch, ri int32) bool {
	text, _, _ := ix.lastPaired(sc, ri)
	return text >= 0 && (commonWord(ix.dict.texts[text]) || isNumeral(ix.dict.texts[text]))
}

// commonNameWord reports whether the one word of name ri that a query
// of one word pairs is no party's own (commonWord): the name is a
// possible match at most (capCommonName). A number is ("11420 CORP."):
// a name of a number, listed whole, is as much its own as the lists'
// other names.
func (ix *Index) commonNameWord(sc *scratch, ri int32) bool {
	text, _, _ := ix.lastPaired(sc, ri)
	return text >= 0 && commonWord(ix.dict.texts[text])
}

// wordOfThreePaired reports whether a word of name ri that scoreRec
// paired has minOwnWord letters or more and is not "and": the words of a
// word-set match must say something of the name. "an and" is not CHANG AN
// SHIPPING & TECHNOLOGY, however rare "an" is in the lists.
func (ix *Index) wordOfThreePaired(sc *scratch, ri int32) bool {
	words := ix.words[ix.recs[ri].w0:ix.recs[ri].w1]
	for _, p := range sc.pairs {
		if w := ix.dict.texts[words[p.r].text]; p.chosen && len(w) >= minOwnWord && w != "and" {
			return true
		}
	}
	return false
}

// commonWord reports whether w is no party's own: a word of everyday
// English ("Spring", "Express", "Class") or a word of one or two letters
// ("is" for IS BANK).
func commonWord[T string | []byte](w T) bool { return len(w) < minOwnWord || isCommonWord(w) }

// minOwnWord is the fewest letters of a word that may be a party's own.
const minOwnWord = 3

// minUniqueSubset is the fewest letters of a word no other entry holds
// that stands for its entry's name alone (subsetOK).
const minUniqueSubset = 8

// acronym is a query word q paired with the words r0..r1-1 of a name,
// whose initials it is.
type acronym struct{ q, r0, r1 int32 }

// acronymSim credits the words of a name a query word is the initials of;
// minAcronym and maxAcronym bound the letters of such a word.
const (
	acronymSim             = 0.9
	minAcronym, maxAcronym = 2, 6
)

// pairAcronyms pairs each query word left unpaired, of minAcronym to
// maxAcronym letters, with a run of unpaired words of the name whose
// initials it spells, the name's connecting words ("and", "of", "de")
// taken in along the way. It records the pairs in sc.acr, marks their
// words used, and returns the weight of the name's words so paired and
// that of the query words that stand for them.
func (ix *Index) pairAcronyms(sc *scratch, words []RecWord) (paired, query float32) {
	for i := range sc.qw {
		if sc.qUsed[i] || !sc.qw[i].acronym {
			continue
		}
		q, w := &sc.qw[i], sc.nb.word(i)
		// A run of initials starts at a word of w's first letter, with a
		// word for each of its letters left.
		translated := russianAcronymWords(w) != nil
		for j := 0; j < len(words); j++ {
			if !translated && (j+len(w) > len(words) || words[j].first != w[0]) {
				continue
			}
			end, ok := ix.initialsAt(sc, words, j, w)
			if !ok {
				continue
			}
			for k := j; k < end; k++ {
				sc.rUsed[k] = true
				paired += words[k].weight
			}
			sc.qUsed[i] = true
			sc.acr = append(sc.acr, acronym{q: int32(i), r0: int32(j), r1: int32(end)})
			query += q.wOrg
			break
		}
	}
	return paired, query
}

// initialsAt reports whether the unpaired words of the name from j on
// begin with the letters of w, one word a letter, connecting words
// between them skipped, and returns the end of the run: minAcronym words
// at least.
func (ix *Index) initialsAt(sc *scratch, words []RecWord, j int, w []byte) (int, bool) {
	end := ix.initialsFrom(words, j, w)
	if end == 0 || slices.Contains(sc.rUsed[j:end], true) {
		return 0, false
	}
	return end, true
}

// initialsFrom returns the end of the run of words from j on whose first
// letters are the letters of w, one word a letter, connecting words
// between them skipped: minAcronym words at least; 0 when there is none.
func (ix *Index) initialsFrom(words []RecWord, j int, w []byte) int {
	if end := ix.translatedAcronymAt(words, j, w); end > 0 {
		return end
	}
	// A word's initial is four letters at most (shch).
	if (len(w)+3)/4 > len(words)-j || words[j].first != w[0] {
		return 0
	}
	if k := ix.initialsRun(words, j, w); k-j >= minAcronym {
		return k
	}
	return 0
}

// initialsRun returns the end of the run of words from j on whose
// initials spell w, connecting words between them skipped, 0 when there
// is none. A word's initial is its first letter, or the two letters a
// romanisation of Russian, Ukrainian or Belarusian writes for one
// Cyrillic letter (romanisedInitial), as romanised acronyms keep them: ИЦ
// is "ITS" for INZHINIRINGOVIY TSENTR, ЦНИИ "TSNII".
func (ix *Index) initialsRun(words []RecWord, j int, w []byte) int {
	for k := j; k < len(words); k++ {
		if words[k].first != w[0] {
			if !isConnector(ix.dict.texts[words[k].text]) {
				return 0
			}
			continue
		}
		if len(w) == 1 {
			return k + 1
		}
		if d := romanisedInitial(ix.dict.texts[words[k].text]); d != "" && len(w) >= len(d) && string(w[:len(d)]) == d {
			if len(w) == len(d) {
				return k + 1
			}
			if end := ix.initialsRun(words, k+1, w[len(d):]); end > 0 {
				return end
			}
		}
		return ix.initialsRun(words, k+1, w[1:])
	}
	return 0
}

// romanisedInitial returns the letters a romanisation of Russian,
// Ukrainian or Belarusian writes for the one Cyrillic letter t begins
// with, where it writes more than one (initialDigraph: Ц ts, Х kh, Щ
// shch), "" for none.
func romanisedInitial(t string) string {
	for _, n := range [2]int{4, 2} {
		if len(t) >= n && initialDigraph(t[:n]) {
			return t[:n]
		}
	}
	return ""
}

// isConnector reports whether t is a word that joins the words of a
// company's name and that its initials leave out.
func isConnector(t string) bool {
	switch t {
	case "and", "of", "the", "de", "del", "la", "i", "y", "et", "und", "for":
		return true
	}
	return false
}

// minSuperset is the fewest words of an organisation's name that a query
// holding them all and further words may be (a name of one word is as
// often part of another's: "CRYSTALORD SYSTEMS LIMITED" is not
// CRYSTALORD LTD).
const minSuperset = 2

// subsetRareShare is the least share of the weight of the words left out
// that the query's words may carry when they hold the name's heaviest
// word, a rare one: "Cubacancun Cigars" for CUBACANCUN CIGARS AND GIFT
// SHOPS, not "Mining Development Trading" for KOREA MINING DEVELOPMENT
// TRADING CORPORATION.
const subsetRareShare = 0.6

// maxBranchPlace is the most words a branch's place may have ("ABU
// DHABI", "HONG KONG SAR").
const maxBranchPlace = 3

// branchTail reports whether the query ends with a branch qualifier and
// its words that scoreRec left unpaired are the place before it: at most
// maxBranchPlace of them, after every paired word.
func (sc *scratch) branchTail() bool {
	at := sc.branchAt
	if at < 0 {
		return false
	}
	place := 0
	for i := range sc.qw {
		q := &sc.qw[i]
		switch {
		case q.legal:
		case sc.qUsed[i]:
			if place > 0 {
				return false // a paired word after the place
			}
		case i < at:
			place++
		}
	}
	return place > 0 && place <= maxBranchPlace
}

// maxListedSurnameExtra bounds the weight of the query's words beyond a
// family name the list gives alone, as a multiple of its weight: the given
// names and a patronymic, not a further party's name.
const maxListedSurnameExtra = 3

// listedSurnameAlone returns the one word of person name ri that is no
// title (isListedTitle), of minFuzzyLen letters or more, where its other
// words are titles; -1 for a name of other words.
func (ix *Index) listedSurnameAlone(ri int32) int {
	rec := &ix.recs[ri]
	if rec.w1-rec.w0 > 2 {
		return -1
	}
	at := -1
	for j, w := range ix.words[rec.w0:rec.w1] {
		t := ix.dict.texts[w.text]
		if isListedTitle(t) {
			continue
		}
		if at >= 0 || len(t) < minFuzzyLen {
			return -1
		}
		at = j
	}
	return at
}

// isListedTitle reports whether t, a word of a listed name, is a title on
// its own ("general", "president", "sheikh").
func isListedTitle(t string) bool {
	w, ok := filteredGet(titleFilter, titleWords, t)
	return ok && w.title || isHonorific(t)
}

// unpairedKind returns the weight of the words of a name (words) that
// scoreRec left unpaired, but a linking word, where each is a word of the
// kind of organisation (orgKindWord); 0 where one is not.
func (ix *Index) unpairedKind(sc *scratch, words []RecWord) float32 {
	var w float32
	for j := range words {
		if sc.rUsed[j] || ix.optionalLink(words, sc.rUsed, j) {
			continue
		}
		if !orgKindWord(ix.dict.texts[words[j].text]) {
			return 0
		}
		w += words[j].weight
	}
	return w
}

// orgKindWords are words a list names an organisation's kind with beside
// its own name, as Russian names do (KONTSERN, GOSUDARSTVENNAYA
// KORPORATSIYA as CONCERN, STATE CORPORATION), which its subsidiaries'
// and its partners' names leave out. Not GROUP or HOLDING: "WAGNER GROUP"
// would make every company named after a Wagner a possible match.
var orgKindWords = []string{"concern", "kontsern", "konzern", "state", "corporation", "korporatsiya", "goskorporatsiya"}

// orgKindWord reports whether t is one of orgKindWords.
func orgKindWord[T string | []byte](t T) bool {
	for _, k := range orgKindWords {
		if k == string(t) {
			return true
		}
	}
	return false
}

// ownUnknown is scratch.ownWord before ownWordAt asks.
const ownUnknown = -2

// ownWordAt returns the query's one word under organisation rules that
// may be a party's own: a rare listed word of minOwnSuperset letters or
// more, every other word (legal forms aside) one that names no party (a
// linking word, a word of everyday English, a place: placeWord),
// and none of everyday English before it, which names the company with
// it ("Sun Microsystems" is no MICROSYSTEMS); -1 when there is none such.
// Of several rare words, the one that is no word of everyday English is
// the own word. It is worked out once a query, when first asked, and the
// look-ups of everyday English only for a query with such a rare word.
func (ix *Index) ownWordAt(sc *scratch) int {
	if sc.ownWord != ownUnknown {
		return sc.ownWord
	}
	sc.ownWord = -1
	if len(sc.qw) < 2 {
		return -1
	}
	own := ix.ownCandidate(sc, false)
	if own == ownSeveral {
		// Several rare words: the query's own is the one of them that
		// is no word of everyday English ("Hytera Communications
		// Corporation Limited", where the lists hold "communications"
		// in few names).
		own = ix.ownCandidate(sc, true)
	}
	if own < 0 {
		return -1
	}
	for i := range sc.qw {
		if i == own || sc.qw[i].legal {
			continue
		}
		w := sc.nb.word(i)
		if isLink(w) || orgKindWord(w) {
			continue
		}
		switch c := ix.queryClass(sc, i); {
		case c&classPlace != 0:
		case i < own || c&classCommon == 0:
			// A word of everyday English before the own word, or a
			// word that names a party.
			return -1
		}
	}
	sc.ownWord = own
	return own
}

// ownSeveral is what ownCandidate returns for a query with more than one
// word that may be its own.
const ownSeveral = -2

// ownCandidate returns the query's one word under organisation rules that
// may be a party's own: a rare listed word of minOwnSuperset letters or
// more, no place (placeWord) nor a common surname (the name of many
// companies named after people: "Wagner Services"), and with notCommon no word of
// everyday English either; -1 when there is none, ownSeveral when there
// are more.
func (ix *Index) ownCandidate(sc *scratch, notCommon bool) int {
	rare := rareShare * ix.dict.unseen
	own := -1
	for i := range sc.qw {
		q := &sc.qw[i]
		if q.legal || q.text < 0 || q.wOrg < rare {
			continue
		}
		if len(sc.nb.word(i)) < minOwnSuperset {
			continue
		}
		// q.text names the word as read: its tables' answers are kept.
		if c := ix.textClass(q.text); c&(classPlace|classSurname) != 0 || notCommon && c&classCommon != 0 {
			continue
		}
		if own >= 0 {
			return ownSeveral
		}
		own = i
	}
	return own
}

// selectOwn selects the query's own word alone (ownWordAt), a listed
// word, and reports whether there is one that was not selected.
func (ix *Index) selectOwn(sc *scratch) bool {
	own := ix.ownWordAt(sc)
	if own < 0 || sc.sel[own] {
		return false
	}
	clear(sc.sel)
	sc.sel[own] = true
	return true
}

// minOwnSuperset is the fewest letters of the one own word of a query
// that ownAmidCommon pairs with a name.
const minOwnSuperset = 5

// ownAmidCommon reports whether name ri, every word of which scoreRec
// paired, is paired by the query's own word (ownWordAt) with its heaviest
// word, a rare one that is no word of everyday English.
func (ix *Index) ownAmidCommon(sc *scratch, ri int32) bool {
	own := ix.ownWordAt(sc)
	if own < 0 || !sc.qUsed[own] || !ix.heaviestRarePaired(sc, ri) {
		return false
	}
	for _, p := range sc.pairs {
		if p.chosen && int(p.q) == own {
			rw := ix.words[ix.recs[ri].w0+p.r]
			return p.kind == pairText && ix.heaviestIs(ri, p.r) && !commonWord(ix.dict.texts[rw.text])
		}
	}
	return false
}

// heaviestIs reports whether word j of name ri is its heaviest.
func (ix *Index) heaviestIs(ri, j int32) bool {
	rec := &ix.recs[ri]
	wj := ix.words[rec.w0+j].weight
	for _, w := range ix.words[rec.w0:rec.w1] {
		if w.weight > wj {
			return false
		}
	}
	return true
}

// heaviestRarePaired reports whether the heaviest word of name ri is
// paired and rare.
func (ix *Index) heaviestRarePaired(sc *scratch, ri int32) bool {
	return ix.heaviestPaired(sc, ri, rareShare*ix.dict.unseen)
}

// heaviestPaired reports whether the heaviest word of name ri is paired
// and weighs at least least.
func (ix *Index) heaviestPaired(sc *scratch, ri int32, least float32) bool {
	rec := &ix.recs[ri]
	best := -1
	for j, w := range ix.words[rec.w0:rec.w1] {
		if best < 0 || w.weight > ix.words[rec.w0+int32(best)].weight {
			best = j
		}
	}
	return best >= 0 && sc.rUsed[best] && ix.words[rec.w0+int32(best)].weight >= least
}

// maxQueryMiddle is the most further names a query may give beyond a
// listed name whose every word it holds, two of them spelt alike
// ("Maria del Carmen Garcia" for Maria Garcia, "Mohammed bin Salman Al
// Saud" for Mohammed bin Salman).
const maxQueryMiddle = 3

// queryMiddle reports whether query word i, unpaired, is a further name
// the list does not give, of a name whose every word pairs (words): it stands between query words paired with the
// name's words (titles aside), or it is one of the query's few unpaired
// words and two others pair by their spelling or a phonetic key
// ("Nicolas Maduro Moros" for MADURO, Nicolas: a second family name;
// "Al Zawahry Aiman Mohamed Robi" for AL-ZAWAHIRI, Aiman Muhammad).
func (ix *Index) queryMiddle(sc *scratch, i int, words []RecWord) bool {
	before, after := false, false
	unpaired := 0
	for k := range sc.qw {
		if sc.qw[k].title {
			continue
		}
		if !sc.qUsed[k] {
			unpaired++
			continue
		}
		if k < i {
			before = true
		} else {
			after = true
		}
	}
	// Every word of the name pairs, but an optional patronymic: a query
	// word in the place of one of the name's is another name ("Kim
	// Jong-kook" is not KIM, Jong Un). Between names that pair, it
	// stands beside the list's further given names rather than in their
	// place ("Joaquin Archivaldo Guzman" for GUZMAN, Joaquin Chapo).
	for j := range words {
		if !sc.rUsed[j] && words[j].flags&rwPatronymic == 0 && (words[j].flags&rwMiddle == 0 || !before || !after) {
			return false
		}
	}
	if before && after {
		return true
	}
	if unpaired > maxQueryMiddle {
		return false
	}
	// Two words spelt alike, or alike by their phonetic keys, that
	// together weigh as much as a word no name holds: not "Kim
	// Jong-kook" for KIM, Jong Un.
	spelt := 0
	var w float32
	for _, p := range sc.pairs {
		if p.chosen && (p.kind == pairText || p.kind == pairKey || p.kind == pairTypo && ix.longTypoPair(sc, p, words)) {
			spelt++
			w += p.c
		}
	}
	return spelt >= 2 && w >= ix.dict.unseen
}

// shortSurnameTypo reports whether typo pair p joins a query word a
// listed name spells as written with a listed family name shorter than
// surnameTypoMatch letters, one edit apart but not by a vowel of an
// Arabic name's romanisations (vowelVariant).
func (ix *Index) shortSurnameTypo(sc *scratch, p pair, words []RecWord) bool {
	if p.kind != pairTypo || sc.qw[p.q].text < 0 || words[p.r].flags&rwSurname == 0 {
		return false
	}
	w, t := sc.nb.word(int(p.q)), ix.dict.texts[words[p.r].text]
	return min(len(w), len(t)) < surnameTypoMatch && !vowelVariant(w, t)
}

// longTypoPair reports whether typo pair p joins words of longTypo
// letters or more: a long word misspelt, as good as its spelling.
func (ix *Index) longTypoPair(sc *scratch, p pair, words []RecWord) bool {
	return min(len(ix.dict.texts[words[p.r].text]), len(sc.nb.word(int(p.q)))) >= longTypo
}

// queryNasab reports whether unpaired query word i is part of a nasab
// the list does not give: bin, ben or ibn (son of) and the name after
// it, the article between them, all unpaired ("Habib ben Ahmad ben
// al-Tayib al-Lubiri" for AL-LOUBIRI, Habib Ben Ahmed, whose father's
// name the list gives and grandfather's not). It counts as a further
// given name does.
func (sc *scratch) queryNasab(i int) bool { return sc.inNasab(i, 0, sc.qUsed) }

// nasabWord reports whether query word i may be a word of a nasab that
// queryNasab counts as a further name, were it unpaired: bin, ben or ibn
// after another word, the article after it, and the name after them
// (prepare asks it before any word pairs).
func (sc *scratch) nasabWord(i int) bool { return sc.inNasab(i, 1, nil) }

// inNasab reports whether query word i is in a nasab whose particle is
// word first or a later one: the particle, the article after it, the name
// after them; none of them paired, where used tells the paired words.
func (sc *scratch) inNasab(i, first int, used []bool) bool {
	paired := func(k int) bool { return used != nil && used[k] }
	for k := i; k >= first && k >= i-2; k-- {
		if paired(k) {
			return false
		}
		if sc.qw[k].particle != binClass {
			continue
		}
		// Word k is the particle: the words from it to i, and the name
		// after it, are the nasab's when no more than the article
		// stands between the particle and the name.
		name := k + 1
		if name < len(sc.qw) && sc.qw[name].particle == articleClass {
			name++
		}
		return name < len(sc.qw) && i <= name && !paired(name) && sc.qw[name].particle == 0
	}
	return false
}

// queryPatronymic reports whether query word i, unpaired, is a
// patronymic ("Garryevich") of a name that gives none ("KHODOTOV,
// Yevgeny"): lists leave it out as queries do, and it counts as a further
// name of the query does.
func (ix *Index) queryPatronymic(sc *scratch, i int, words []RecWord) bool {
	if !sc.qw[i].patronymic {
		return false
	}
	for _, rw := range words {
		if rw.flags&rwPatronymic != 0 {
			return false
		}
	}
	return true
}

// kunya reports whether the given names of a listed individual are a
// kunya, "Abu" and a rare name ("AL-MASRI, Abu Hamza"; not Abu Ali), by
// which the press names the person without the family name, as it names
// a name chain by its first and a later name.
func (ix *Index) kunya(words []RecWord) bool {
	if givenWords(words) != 2 {
		return false
	}
	abu := false
	for _, w := range words {
		switch {
		case w.flags&rwGiven == 0:
		case !abu:
			if particleClass(ix.dict.texts[w.text]) != abuClass {
				return false
			}
			abu = true
		default:
			return w.weight >= rareShare*ix.dict.unseen
		}
	}
	return false
}

// givenWords returns the number of given words of a listed individual's
// name.
func givenWords(words []RecWord) int {
	n := 0
	for _, w := range words {
		if w.flags&rwGiven != 0 {
			n++
		}
	}
	return n
}

// coreWords returns the number of query words scored under organisation
// rules (legal forms left out).
func (ix *Index) coreWords(sc *scratch) int {
	n := 0
	for i := range sc.qw {
		if !sc.qw[i].legal {
			n++
		}
	}
	return n
}

// pairBefore orders pairs by credit, heaviest first, then by position.
func pairBefore(a, b pair) bool {
	if a.c != b.c {
		return a.c > b.c
	}
	if a.q != b.q {
		return a.q < b.q
	}
	if a.beside != b.beside {
		return a.beside
	}
	return a.r < b.r
}

// particlesBeside marks the pairs of ps of a query's particle whose name
// word is before a word the next query word pairs with (pair.beside): a
// particle belongs to the word after it (bin, abu, abd, the article), and
// a name that holds it more than once ("Usama bin Muhammad bin Awad bin
// Ladin") pairs the "bin" of "Osama bin Laden" with the "bin" before
// LADIN, not the first, and leaves the chain between whole, as the query
// does.
func (sc *scratch) particlesBeside(ps []pair) {
	for k := range ps {
		p := &ps[k]
		if sc.qw[p.q].particle == 0 || p.kind != pairText {
			continue
		}
		for _, o := range ps {
			if o.q == p.q+1 && o.r == p.r+1 {
				p.beside = true
				break
			}
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Where a key is among a query word's candidate keys (tokIn).
const (
	inNear     = 1 << iota // one edit away
	inRespelt              // a foreign spelling respelt
	inSkeleton             // of the same consonant skeleton
)

// tokIn returns where t is among ts, a query word's candidate keys:
// one edit away in ts[:n1], respelt in ts[n1:r1], of the same skeleton
// in ts[r1:], a bit each.
func tokIn(ts []int32, t, n1, r1 int32) uint8 {
	var m uint8
	for i, x := range ts {
		if x != t {
			continue
		}
		switch i := int32(i); {
		case i < n1:
			m |= inNear
		case i < r1:
			m |= inRespelt
		default:
			m |= inSkeleton
		}
	}
	return m
}

func resetBools(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// kindAllowed reports whether a query of the given party kind is scored
// against names of kind k: persons only against individuals,
// organisations only against the rest, unknown kinds against all.
func kindAllowed(kind string, k recKind) bool {
	switch kind {
	case KindPerson:
		return k == recPerson
	case KindOrganization:
		return k != recPerson
	}
	return true
}

// abbreviates reports whether query word w is the beginning of the
// listed word text, at least two letters shorter ("nic", "nicolas").
func (ix *Index) abbreviates(w []byte, text int32) bool {
	return beginsLonger(ix.dict.texts[text], w)
}

// listedAbbrev reports whether listed text t is the beginning of query
// word w, which a listed name may give for a given name as a query may
// (abbreviates): minAbbrev to maxAbbrev letters, w two letters longer or
// more, and no Mandarin or Korean syllable, a name of its own ("Manuel
// Chen" is not CHEN, Man Chi). scoreRec asks it of a rare listed word
// only: "Ali", in many listed names, is a name of its own, not the
// beginning of Alisher.
func (ix *Index) listedAbbrev(t int32, w []byte) bool {
	text := []byte(ix.dict.texts[t])
	return len(text) >= minAbbrev && len(text) <= maxAbbrev && beginsLonger(w, text) &&
		mandarinSyllables(text) == 0 && !isSyllable(text)
}

// beginsLonger reports whether long begins with short and has two letters
// more or more still.
func beginsLonger[T, U string | []byte](long T, short U) bool {
	return len(long) >= len(short)+2 && string(long[:len(short)]) == string(short)
}

// minSkeletonAlone is the fewest consonants of a family name that a word
// read from an abjad pairs with alone by its skeleton (abjadSurnameAlone).
const minSkeletonAlone = 4

// abjadSurnameAlone reports whether the one pair scoreRec chose pairs a
// word of a query read from Arabic or Hebrew letters by its skeleton with
// the family name of the name (its last word, written with no comma), a
// rare one of minSkeletonAlone consonants or more: the family name alone,
// as "נתניהו" (ntnihu) is Netanyahu; a possible match at most, as a
// family name alone is. A skeleton of three consonants names too many
// ("btn", Putin and ABEDINI).
func (ix *Index) abjadSurnameAlone(sc *scratch, rec *NameRec, words []RecWord) bool {
	if !sc.nb.abjad() {
		return false
	}
	for _, p := range sc.pairs {
		if !p.chosen || p.kind != pairSkeleton {
			continue
		}
		w := &words[p.r]
		family := w.flags&rwSurname != 0 || !rec.surnames && int(p.r) == len(words)-1 && w.flags&rwNaturalGiven == 0
		var buf [64]byte
		c, _ := appendConsonants(buf[:0], []byte(ix.dict.texts[w.text]))
		return family && w.weight >= surnameOnlyRare*ix.dict.unseen && len(c) >= minSkeletonAlone
	}
	return false
}

// minShortGivenTypo is the fewest letters of the shorter of two given
// names one letter apart that shortGivenTypo pairs: "Ali" and "Eli" are
// two names.
const minShortGivenTypo = 4

// shortGivenTypo returns the query word and the name's word, where the
// query leaves one word unpaired and the name one first given name, that
// begin alike and are one edit apart, the shorter of minShortGivenTypo
// letters or more and fewer than minGivenTypo: "igot" and igor.
func (ix *Index) shortGivenTypo(sc *scratch, words []RecWord) (qi, rj int, ok bool) {
	qi, rj = -1, -1
	for i := range sc.qw {
		q := &sc.qw[i]
		if sc.qUsed[i] || q.title || sc.articleLeftOut(i, words) {
			continue
		}
		if qi >= 0 || q.initial {
			return -1, -1, false
		}
		qi = i
	}
	for j := range words {
		if sc.rUsed[j] || words[j].flags&rwGiven == 0 || words[j].flags&(rwMiddle|rwPatronymic) != 0 {
			continue
		}
		if rj >= 0 {
			return -1, -1, false
		}
		rj = j
	}
	if qi < 0 || rj < 0 {
		return -1, -1, false
	}
	w, t := sc.nb.word(qi), ix.dict.texts[words[rj].text]
	n := min(len(w), len(t))
	return qi, rj, n >= minShortGivenTypo && n < minGivenTypo && w[0] == t[0] && withinOneEdit(t, w)
}

// givenTypo reports whether query word w, which a listed name spells as
// written, and the listed word text, another, are one edit apart
// (Damerau–Levenshtein), the shorter of minGivenTypo letters or more.
func (ix *Index) givenTypo(w []byte, text int32) bool {
	t := ix.dict.texts[text]
	return min(len(w), len(t)) >= minGivenTypo && withinOneEdit(t, w)
}

// shortGivenVariant reports whether w, a query word, is a spelling of t, a
// listed given name shorter than minGivenTypo letters, that people write
// for it: two neighbouring letters swapped ("jonh", "jhon" for john; four
// letters or more), an h added or left out after the first letter ("jon"
// for john), or a vowel written between its last two consonants or left
// out (clusterVowel: "bakar" for bakr). Other single edits of a short
// name are as often another name ("Joan", "Jan").
func shortGivenVariant(w []byte, t string) bool {
	n := min(len(w), len(t))
	if n >= minGivenTypo || n < 3 {
		return false
	}
	switch len(w) - len(t) {
	case 0:
		return len(w) >= 4 && isTransposition(w, t)
	case 1:
		return hLeftOut(w, t) || vowelInCluster(w, t)
	case -1:
		return hLeftOut(t, w) || vowelInCluster(t, w)
	}
	return false
}

// hLeftOut reports whether short is long with an h after its first letter
// left out.
func hLeftOut[L, S ~string | ~[]byte](long L, short S) bool {
	if len(long) != len(short)+1 {
		return false
	}
	k := 0
	for k < len(short) && long[k] == short[k] {
		k++
	}
	if k == 0 || long[k] != 'h' {
		return false
	}
	for ; k < len(short); k++ {
		if long[k+1] != short[k] {
			return false
		}
	}
	return true
}

// appendShortGivenVariants appends to dst the keys of the listed words
// that w, a query word of fewer than minFuzzyLen letters (one no listed
// name holds, or one read from another script), is a shortGivenVariant
// of: w with two neighbouring letters swapped, an h put after one of its
// letters, an h after its first letter left out, or a vowel put between
// its last two consonants or left out from between them. The one-edit
// neighbours of appendNear reach words of minFuzzyLen letters and more
// only; a key it appended already to the word's keys, dst[from:] ("sarah"
// for "sara"), is not appended again, and pairs as a typo.
func (ix *Index) appendShortGivenVariants(dst []int32, from int, w []byte) []int32 {
	if len(w) < 3 || !lettersOnly(w) {
		return dst
	}
	d := &ix.dict
	var vb [minFuzzyLen + 1]byte
	try := func(v []byte) {
		if id, ok := ix.listedText(v); ok && !slices.Contains(dst[from:], d.textKey[id]) {
			dst = append(dst, d.textKey[id])
		}
	}
	if len(w) >= minVowelVariant {
		// The other short vowel of an Arabic name's romanisations
		// (vowelVariant: "zeyd", ZAYD; "ogla", UGLA).
		for k, c := range w {
			if o := otherShortVowel(c, k == 0); o != 0 {
				v := append(vb[:0], w...)
				v[k] = o
				try(v)
			}
		}
	}
	for k := 1; k <= len(w); k++ {
		// An h put after letter k-1.
		try(append(append(append(vb[:0], w[:k]...), 'h'), w[k:]...))
		if k < len(w) && w[k] == 'h' {
			// The h after letter k-1 left out.
			try(append(append(vb[:0], w[:k]...), w[k+1:]...))
		}
		if k+1 < len(w) && len(w) >= 4 && w[k] != w[k+1] {
			// Letters k and k+1 swapped (the first letter stays).
			v := append(vb[:0], w...)
			v[k], v[k+1] = v[k+1], v[k]
			try(v)
		}
	}
	// A vowel written between the last two consonants, or left out
	// (clusterVowel: "bakr" and "bakar").
	eachClusterVariant(w, vb[:0], try)
	return dst
}

// otherShortVowel returns the vowel romanisations of Arabic names write
// for c (vowelVariant), 0 for none: o and u for each other; inside a word
// e for a or i and a for e (the fatha, which the Maghreb, Turkish and
// Persian write e); a name's first vowel, first, only i and e for each
// other ("Umid", OMID; "Emad", IMAD), Amir and Emir being two names.
func otherShortVowel(c byte, first bool) byte {
	switch c {
	case 'o':
		return 'u'
	case 'u':
		return 'o'
	case 'e':
		if first {
			return 'i'
		}
		return 'a'
	case 'a':
		if !first {
			return 'e'
		}
	case 'i':
		return 'e'
	}
	return 0
}

// minSurnameTypo is the fewest letters of the shorter of two family
// names paired by spellingTypo, and surnameTypoMatch the fewest that
// pair so at match level: two listed family names of five or six
// letters one edit apart are one name's spellings ("Tvito", TUITO) as
// often as two names ("Ramon", RAMOS), a possible match at most.
const (
	minSurnameTypo   = 5
	surnameTypoMatch = 7
)

// minOrgWordTypo is the fewest letters of the shorter of two words of
// organisation names paired by spellingTypo.
const minOrgWordTypo = 5

// spellingTypo reports whether query word w, which a listed name spells
// as written, and the listed word t, another, are one edit apart
// (Damerau–Levenshtein), the shorter of least letters or more, and not
// one the other with a letter added at the end: "gaddafi" and "gadhafi"
// are one name's spellings, "aleksandrov" and "aleksandrova" two names,
// "line" and "lines" a word in the other number.
func spellingTypo(w []byte, t string, least int) bool {
	if min(len(w), len(t)) < least || !withinOneEdit(t, w) {
		return false
	}
	switch {
	case len(w) < len(t):
		return t[:len(w)] != string(w)
	case len(w) > len(t):
		return string(w[:len(t)]) != t
	}
	return true
}

// minVowelVariant is the fewest letters of two words vowelVariant pairs.
const minVowelVariant = 4

// vowelVariant reports whether w and t, of minVowelVariant letters or
// more, differ in one letter only, e for i or a, or o for u: the short
// vowels of Arabic names, which romanisations write either way ("adel",
// "adil"; "osman", "usman"; "imed", "imad", the fatha as the Maghreb,
// Turkish and Persian write it).
func vowelVariant(w []byte, t string) bool {
	if len(w) != len(t) || len(w) < minVowelVariant {
		return false
	}
	a, b, ok := oneSubstitution(w, t)
	return ok && (a == 'e' && b == 'i' || a == 'a' && b == 'e' || a == 'o' && b == 'u')
}

// clusterVowel reports whether one of a and b is the other with a short
// vowel (a, e, i, o or u) written between its last two letters, two
// consonants, in a name of three to five letters: the Arabic names that
// end in two consonants, which romanisations break with a vowel ("bakar",
// "fahad", "saqer", "amer" for bakr, fahd, saqr, amr). The first of the
// two is not r, l or n, which end European names (Carl and Carol, Mark
// and Marek, Hans and Hanis are other names), nor c, and the second not h:
// ck, th, sh, ch, ph, gh and kh write one sound ("Ruth", "Jack").
func clusterVowel[A, B ~string | ~[]byte](a A, b B) bool {
	switch len(a) - len(b) {
	case 1:
		return vowelInCluster(a, b)
	case -1:
		return vowelInCluster(b, a)
	}
	return false
}

// clusterGiven reports whether query word w and t, a person's given name
// (flags its word's), are one name with a vowel between its last two
// consonants or without (clusterVowel), paired as a short given name's
// spelling: a possible match at most, as the shortGivenVariant pairs
// are. A first given name of minShortGivenTypo letters or more is left
// to shortGivenTypo, which scores it by the rest of the name.
func clusterGiven(w []byte, t string, flags recWordFlag) bool {
	if flags&(rwSurname|rwPatronymic) != 0 || !clusterVowel(w, t) {
		return false
	}
	return min(len(w), len(t)) < minShortGivenTypo || flags&rwMiddle != 0
}

// clusterPair is the pair of query word w, of weight qw, with t, a given
// name of weight rw, that clusterGiven pairs: a short given name's
// spelling, credited as a typo of the shorter's length.
func clusterPair(w []byte, t string, qw, rw float32) pair {
	return pair{c: typoSim(min(len(w), len(t)), false) * min(qw, rw), kind: pairShortGiven}
}

// vowelInCluster reports whether long is short, of three to five letters
// ending in two consonants, with a short vowel between them (clusterVowel).
func vowelInCluster[L, S ~string | ~[]byte](long L, short S) bool {
	n := len(short)
	if n < 3 || n > 5 || len(long) != n+1 || isVowel(short[n-2]) || isVowel(short[n-1]) || short[n-2] == short[n-1] {
		return false
	}
	switch short[n-2] {
	case 'r', 'l', 'n', 'c':
		return false
	}
	if short[n-1] == 'h' {
		return false
	}
	switch long[n-1] {
	case 'a', 'e', 'i', 'o', 'u':
	default:
		return false
	}
	return string(long[:n-1]) == string(short[:n-1]) && long[n] == short[n-1]
}

// eachClusterVariant calls try with each spelling of w that clusterVowel
// pairs it with: a short vowel put between its last two consonants, or
// the one between them left out. The spelling is in buf, which try must
// not keep.
func eachClusterVariant(w, buf []byte, try func([]byte)) {
	n := len(w)
	if n < 3 {
		return
	}
	for _, c := range [...]byte{'a', 'e', 'i', 'o', 'u'} {
		if v := append(append(append(buf[:0], w[:n-1]...), c), w[n-1]); vowelInCluster(v, w) {
			try(v)
		}
	}
	if n >= 4 {
		if v := append(append(buf[:0], w[:n-2]...), w[n-1]); vowelInCluster(w, v) {
			try(v)
		}
	}
}

// longVowelVariant reports whether w and t, of three letters or more, are
// one word but for a long vowel written with two letters in one and one
// in the other, ee or i, oo or ou or u ("deeb", "dib"; "noor", "nur"),
// as romanisations of Arabic write it either way. Not "lee" and "li",
// two names.
func longVowelVariant(w []byte, t string) bool {
	if len(w) == len(t) || min(len(w), len(t)) < 3 {
		return false
	}
	var a, b [2 * maxRespell]byte
	x, y := appendShortVowels(a[:0], w), appendShortVowels(b[:0], []byte(t))
	return x != nil && string(x) == string(y)
}

// appendShortVowels appends w to dst with ee written i and oo and ou
// written u; nil when w is longer than maxRespell.
func appendShortVowels(dst, w []byte) []byte {
	if len(w) > maxRespell {
		return nil
	}
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] == 'e' && byteAfter(w, i) == 'e':
			dst = append(dst, 'i')
			i++
		case w[i] == 'o' && (byteAfter(w, i) == 'o' || byteAfter(w, i) == 'u'):
			dst = append(dst, 'u')
			i++
		default:
			dst = append(dst, w[i])
		}
	}
	return dst
}

// geminateVariant reports whether w and t are one word but for a letter
// written once in one and doubled in the other ("haj", "hajj"), as
// romanisations of Arabic write the shadda either way.
func geminateVariant(w []byte, t string) bool {
	if len(w)+1 != len(t) && len(t)+1 != len(w) {
		return false
	}
	long, short := string(w), t
	if len(long) < len(short) {
		long, short = short, long
	}
	for i := 1; i < len(long); i++ {
		if long[i] == long[i-1] && long[:i]+long[i+1:] == short {
			return true
		}
	}
	return false
}

// minVoicing is the fewest letters of two words voicingVariant pairs.
const minVoicing = 5

// firstAlike reports whether words beginning with a and b may pair by
// the spelling rules of scoreRec: the same letter, or g and q, the qaf
// as dialects and romanisations write it (voicingVariant). Asked of most
// pairs a query's words make with a name's, and most answer no.
func firstAlike(a, b byte) bool {
	return a == b || a == 'g' && b == 'q' || a == 'q' && b == 'g'
}

// voicingVariant reports whether w and t, of minVoicing letters or more,
// differ in one letter only, a consonant and its voiced or voiceless
// counterpart (s and z, f and v, d and t, b and p, g and k), as
// transliterations write them ("gazprom", "gasprom"), or g and q, the
// Arabic qaf as dialects and romanisations give it ("gaddafi",
// "qaddafi"), or gh for the one letter k, q or g, the qaf as Persian
// romanisations write it ("bagheri", "bakeri", "baqeri").
func voicingVariant(w []byte, t string) bool {
	if len(w) != len(t) {
		return qafDigraph(w, t) || qafDigraph(t, w)
	}
	if len(w) < minVoicing {
		return false
	}
	a, b, ok := oneSubstitution(w, t)
	return ok && (a == 's' && b == 'z' || a == 'f' && b == 'v' || a == 'd' && b == 't' || a == 'b' && b == 'p' || a == 'g' && (b == 'k' || b == 'q'))
}

// qafDigraph reports whether long, of minVoicing letters or more, is short
// with one k, q or g written gh.
func qafDigraph[L, S ~string | ~[]byte](long L, short S) bool {
	if len(long) != len(short)+1 || len(short) < minVoicing {
		return false
	}
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	if i == len(short) || long[i] != 'g' || long[i+1] != 'h' {
		return false
	}
	switch short[i] {
	case 'k', 'q', 'g':
	default:
		return false
	}
	return string(long[i+2:]) == string(short[i+1:])
}

// oneSubstitution reports whether w and t, of one length, differ in one
// letter only, and returns the two letters, the lower first.
func oneSubstitution(w []byte, t string) (a, b byte, ok bool) {
	diff := -1
	for i := range w {
		if w[i] != t[i] {
			if diff >= 0 {
				return 0, 0, false
			}
			diff = i
		}
	}
	if diff < 0 {
		return 0, 0, false
	}
	return min(w[diff], t[diff]), max(w[diff], t[diff]), true
}

// minVowelClass is the fewest letters of the phonetic keys of two words
// vowelClassVariant pairs.
const minVowelClass = 4

// vowelClassVariant reports whether the phonetic keys a and b, of
// minVowelClass letters or more and different, are one once e, i and y
// are read as one vowel and o and u as another, a run of one vowel as
// that vowel: the vowels romanisations of Arabic, Persian and Slavic
// names write either way ("munir", "monir"; "faker", "fakir";
// "valentynovych", "valentinovich"). The consonants, the letter a and the
// first letter must agree.
func vowelClassVariant(a []byte, b string) bool {
	if len(a) < minVowelClass || len(b) < minVowelClass || a[0] != b[0] || string(a) == b {
		return false
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if i == len(a) || j == len(b) {
			return false
		}
		ca, cb := vowelClass(a[i]), vowelClass(b[j])
		if ca != cb {
			return false
		}
		for i < len(a) && vowelClass(a[i]) == ca {
			i++
		}
		for j < len(b) && vowelClass(b[j]) == cb {
			j++
		}
	}
	return true
}

// vowelClass maps e, i and y to i and o and u to u, for vowelClassVariant.
func vowelClass(c byte) byte {
	switch c {
	case 'e', 'y':
		return 'i'
	case 'o':
		return 'u'
	}
	return c
}

// articleClass is the particleClass of the article ("al", "el"),
// binClass of "bin" (son of), which begins a nasab, abuClass of "abu"
// (father of), which begins a kunya, and abdClass of "abd" (servant
// of), which begins a name of God.
const (
	articleClass = 1
	binClass     = 2
	abuClass     = 3
	abdClass     = 4
	// ezafeClass is the particleClass of the ezafe (e, i, ye).
	ezafeClass = 7
)

// isHonorific reports whether t is an honorific that the lists write
// among a person's names (Haji, Sheikh, Mullah: isListTitle leaves them
// words of the name).
func isHonorific(t string) bool {
	switch t {
	case "haji", "hajji", "sheikh", "shaikh", "sheik", "shaykh", "mullah", "mawlawi", "maulana", "mufti",
		"maulvi", "maulavi", "molvi", "moulvi", "mawlavi", "molavi", "mowlavi", "moulavi":
		return true
	}
	return false
}

// isArticle reports whether rw is the article of a family name ("AL
// ZAWAHIRI"): optional once the rest of the family name pairs.
func (ix *Index) isArticle(rw RecWord) bool {
	return rw.flags&rwSurname != 0 && particleClass(string(ix.dict.texts[rw.text])) == articleClass
}

// optionalLink reports whether word j of an organisation's name, which
// the query leaves out, is a linking word (isLink: a preposition, an
// article, the ezafe; or "and" and "for") between two words of the name
// that pair (used): "de" of BANCO NACIONAL DE CUBA for "Banco Nacional
// Cuba", "i" of JAISH-I-MOHAMMED for "Jaish Mohammed", "for" and "and" of
// URAL BANK FOR RECONSTRUCTION AND DEVELOPMENT for "Ural Bank
// Reconstruction Development"; or the Arabic article leading the name
// before a word that pairs (leadingArticle), or the Chinese place a
// Chinese company's name leads with before its own word, no word of
// everyday English, that pairs (leadingPlace). It is optional.
func (ix *Index) optionalLink(words []RecWord, used []bool, j int) bool {
	if j == 0 {
		return ix.leadingArticle(words, used, j) || ix.leadingPlace(words, used, j)
	}
	if j+1 >= len(words) || !used[j-1] || !used[j+1] {
		return false
	}
	t := words[j].text
	return ix.linkTexts()[t/64]&(1<<(t%64)) != 0
}

// leadingArticle reports whether word j of an organisation's name is the
// Arabic article that begins it, before a word that pairs: "Katirji
// Company" for AL-QATIRJI COMPANY, as "Zawahiri" is AL ZAWAHIRI.
func (ix *Index) leadingArticle(words []RecWord, used []bool, j int) bool {
	return j == 0 && j+1 < len(words) && used[j+1] && particleClass(ix.dict.texts[words[j].text]) == articleClass
}

// leadingPlace reports whether word j of an organisation's name is the
// Chinese place that begins it (chinesePlace), before the company's own
// word, which pairs: "Hikvision Digital Technology" for HANGZHOU
// HIKVISION DIGITAL TECHNOLOGY CO LTD. Not before a word of everyday
// English, which names the party only with the place ("Production and
// Construction Company" is no XINJIANG PRODUCTION AND CONSTRUCTION
// CORPS).
func (ix *Index) leadingPlace(words []RecWord, used []bool, j int) bool {
	return j == 0 && j+1 < len(words) && used[j+1] && chinesePlace(ix.dict.texts[words[j].text]) && !commonWord(ix.dict.texts[words[j+1].text])
}

// computeLinkTexts marks the texts of the vocabulary that are linking
// words (optionalLink): a bit for each, a few kilobytes that stay in
// cache, where the texts themselves would be read from all over memory.
func (ix *Index) computeLinkTexts() []uint64 {
	bits := make([]uint64, (len(ix.dict.texts)+63)/64)
	for i, t := range ix.dict.texts {
		// "and" and "for" join an organisation's words as "de" does,
		// but are no linking words of glued or persons' names (isLink).
		if len(t) <= 2 && isLink([]byte(t)) || t == "and" || t == "for" {
			bits[i/64] |= 1 << (i % 64)
		}
	}
	return bits
}

// particleClass returns the class of the particles of Arabic names
// that w spells, 0 when none: the spellings of one particle ("bin",
// "ben", "ibn"; "al", "el", "ul") share a class.
func particleClass(w string) uint8 {
	switch w {
	case "al", "el", "ul", "ud", "ed", "ad":
		// The article, and its spellings assimilated to the next word
		// ("ud-din", "ad-din").
		return articleClass
	case "bin", "ben", "ibn", "bn", "ebn":
		return binClass
	case "abu", "abou", "abo":
		return abuClass
	case "abd", "abdel", "abdul", "abdal", "abdol":
		return abdClass
	case "bint", "binti":
		return 5
	case "dhu", "dhou", "thu", "zu", "zou":
		// Dhu (possessor of), which begins a name ("Dhu al-Himma"), as
		// Persian and the Levant sound its dhal ("Zu al-Himma").
		return 6
	case "e", "i", "ye":
		// The ezafe (of) of Persian and Urdu names, written e, i or ye
		// ("Tehrik-i-Taliban", TEHRIK-E-TALIBAN; "Jaish-e-Mohammed",
		// JAISH-I-MOHAMMED).
		return ezafeClass
	}
	return 0
}

// abdArticle reports whether w is the particle abd run together with the
// Arabic article assimilated to the word next after it (sunArticle):
// "abdur" before "rahman", "abdus" before "salam", "abder" before
// "rahmane", "abdun" before "nasir".
func abdArticle(w, next []byte) bool {
	return len(w) > 3 && string(w[:3]) == "abd" && sunArticle(w[3:], next)
}

// abdArticleLen returns how many letters of w are abd and the article
// assimilated to the rest of w (abdArticle: 5 of "abdussalam", 6 of
// "abdushshakur"), 0 when w does not begin so.
func abdArticleLen(w []byte) int {
	for k := 5; k <= 6 && k < len(w)-minPart; k++ {
		if abdArticle(w[:k], w[k:]) {
			return k
		}
	}
	return 0
}

// articleWeight returns the weight of the article "al" in the scored
// lists; when no listed name holds it, the weight of a word no listed
// name holds.
func (ix *Index) articleWeight() float32 {
	d := &ix.dict
	if id, ok := d.textIDs.find(d.texts, []byte("al")); ok {
		return d.weight[d.textKey[id]]
	}
	return d.unseen
}

// sunArticle reports whether w is the Arabic article assimilated to
// the word next after it, as romanisations write it before a "sun
// letter": the vowel a, e or u, then the next word's first consonant
// ("az" before "zawahiri", "ash" before "sham", "at" before "tikriti",
// "an" before "nusra"). The spellings that precede any word ("al",
// "ud", "ed", "ad") are particleClass's.
func sunArticle(w, next []byte) bool {
	if len(w) < 2 || len(w) > 3 || w[0] != 'a' && w[0] != 'e' && w[0] != 'u' {
		return false
	}
	c := w[1:]
	switch string(c) {
	case "t", "th", "d", "dh", "r", "z", "s", "sh", "n":
	default:
		return false
	}
	return len(next) > len(c)+1 && hasPrefix(next, c)
}

// endingVariants are the endings that romanisations write two ways,
// with the name of each pair for the explanation: the feminine ending of
// Arabic words and the end of Allah, -a, -ah or, as Persian names write
// it, -eh or -e ("nusra", "nusrah"; "abdalla", "abdallah"; "hamida",
// "hamideh"; "mobarake", "mobarakeh"), and the Russian endings -ия and
// -ья, -iya, -ia or -ya ("rossia", "rossiya"; "natalya", "natalia"). A
// word is paired with each listed word an ending of it makes.
//
// finalAh names the ending of Arabic and Persian words.
const finalAh = "final -a, -ah, -eh or -e written otherwise (Arabic -a, -ah; Persian -eh, -e)"

var endingVariants = []struct{ a, b, how string }{
	{"a", "ah", finalAh}, {"a", "eh", finalAh}, {"ah", "eh", finalAh}, {"e", "eh", finalAh},
	{"ia", "iya", "Russian -ия written -ia or -iya"},
	{"ya", "ia", "Russian -ья written -ya or -ia"},
}

// wordAbbrevs are the abbreviations of the words of company names that
// names are written with ("Havana Intl Bank", "Oil Tankers SCF Mgmt"),
// each with the word it stands for.
var wordAbbrevs = map[string]string{
	"intl": "international", "natl": "national", "mgmt": "management", "mgt": "management",
	"mfg": "manufacturing", "svcs": "services", "dept": "department", "govt": "government",
	"assn": "association", "bros": "brothers", "hldgs": "holdings", "hldg": "holding",
	"grp": "group", "trdg": "trading", "trd": "trading", "shpg": "shipping", "inds": "industries",
	"invt": "investment", "devt": "development", "mktg": "marketing", "ent": "enterprise",
	"tech": "technology", "univ": "university", "inst": "institute", "assoc": "association",
	"no": "number", "imp": "import", "exp": "export", "ind": "industries", "eng": "engineering",
	"st": "saint",
	// Turkish, as registries, invoices and the companies themselves write
	// their names ("... San. ve Tic. Ltd. Şti." for SANAYI VE TICARET
	// LIMITED SIRKETI).
	"san": "sanayi", "tic": "ticaret", "paz": "pazarlama", "ith": "ithalat", "ihr": "ihracat",
	"ins": "insaat", "yat": "yatirim", "nak": "nakliyat", "muh": "muhendislik", "tur": "turizm",
	// Spanish ("Cía. Minera", "Gaxiola Hnos."), as the lists write them too.
	"cia": "compania", "hnos": "hermanos",
	// The Gulf states' establishment, within a name ("Al Zahraa Est. for
	// Trade", AL ZAHRAA ESTABLISHMENT FOR TRADE AND AGENCIES), and their
	// general trading companies ("Adoon Gen. Trading", ADOON GENERAL
	// TRADING FZE).
	"est": "establishment", "gen": "general",
}

// wordForms are other forms of words of company names that name the
// same business ("ECONOMIC AND TRADE", "ECONOMY & TRADE"; "KWANGSON
// BANK", KWANGSON BANKING CORP; a country's in countryForms).
var wordForms = [][2]string{
	{"economic", "economy"}, {"banking", "bank"}, {"trading", "trade"}, {"industrial", "industry"},
	{"commercial", "commerce"}, {"financial", "finance"}, {"scientific", "science"},
	{"industrial", "industries"}, {"machinery", "machine"}, {"manufacture", "manufacturing"},
	{"technological", "technology"},
	// "And" in German, French and Turkish company names ("Heckler und
	// Koch", HECKLER & KOCH; "SANAYI VE TICARET").
	{"und", "and"}, {"et", "and"}, {"ve", "and"},
}

// countryForms are a country's name and its adjective ("KOREAN TANGUN
// TRADING CORPORATION", KOREA TANGUN TRADING CORPORATION; "MUJAHIDIN
// INDONESIAN TIMUR", MUJAHIDIN INDONESIA TIMUR), of the countries whose
// companies and groups the sanctions programmes name: forms of company
// words as wordForms are.
var countryForms = [][2]string{
	{"korean", "korea"}, {"iranian", "iran"}, {"russian", "russia"}, {"syrian", "syria"},
	{"chinese", "china"}, {"iraqi", "iraq"}, {"libyan", "libya"}, {"cuban", "cuba"},
	{"venezuelan", "venezuela"}, {"lebanese", "lebanon"}, {"sudanese", "sudan"}, {"yemeni", "yemen"},
	{"belarusian", "belarus"}, {"burmese", "burma"}, {"afghan", "afghanistan"}, {"turkish", "turkey"},
	{"indonesian", "indonesia"}, {"pakistani", "pakistan"}, {"somali", "somalia"}, {"nigerian", "nigeria"},
	{"malian", "mali"}, {"palestinian", "palestine"}, {"egyptian", "egypt"}, {"algerian", "algeria"},
	{"tunisian", "tunisia"}, {"jordanian", "jordan"}, {"kuwaiti", "kuwait"}, {"qatari", "qatar"},
	{"emirati", "emirates"}, {"omani", "oman"}, {"bahraini", "bahrain"},
	{"ukrainian", "ukraine"}, {"crimean", "crimea"}, {"georgian", "georgia"}, {"armenian", "armenia"},
	{"azerbaijani", "azerbaijan"}, {"kazakh", "kazakhstan"}, {"uzbek", "uzbekistan"}, {"tajik", "tajikistan"},
	{"kyrgyz", "kyrgyzstan"}, {"turkmen", "turkmenistan"}, {"serbian", "serbia"}, {"bosnian", "bosnia"},
	{"albanian", "albania"}, {"mexican", "mexico"}, {"colombian", "colombia"}, {"nicaraguan", "nicaragua"},
	{"ethiopian", "ethiopia"}, {"eritrean", "eritrea"}, {"congolese", "congo"}, {"zimbabwean", "zimbabwe"},
	{"malaysian", "malaysia"}, {"indian", "india"},
}

// countryWords are the words of countryForms.
var countryWords = func() map[string]struct{} {
	m := make(map[string]struct{}, 2*len(countryForms))
	for _, f := range countryForms {
		m[f[0]], m[f[1]] = struct{}{}, struct{}{}
	}
	return m
}()

// countryWord reports whether w is a country's name or its adjective
// (countryForms).
func countryWord[T string | []byte](w T) bool {
	_, ok := countryWords[string(w)]
	return ok
}

// russianForms are words of company names as Russian borrows them,
// romanised, and the English words they are ("TEKHNOLOGII", technologies;
// "INZHINIRING", engineering; "TSENTR", center), and the places companies
// are named after that Russian and English write otherwise ("MOSKVA",
// Moscow): the lists write a Russian company's name either way, and
// procurement records mostly in English.
var russianForms = [][2]string{
	{"tekhnologii", "technologies"}, {"tekhnologiya", "technology"}, {"inzhiniring", "engineering"},
	{"tsentr", "center"}, {"tsentr", "centre"}, {"grupp", "group"}, {"gruppa", "group"},
	{"sistemy", "systems"}, {"sistema", "system"}, {"servis", "service"}, {"kholding", "holding"},
	{"treid", "trade"}, {"treyd", "trade"}, {"riteil", "retail"}, {"riteyl", "retail"},
	{"logistik", "logistics"}, {"logistika", "logistics"}, {"proekt", "project"}, {"elektronika", "electronics"},
	{"avtomatika", "automation"}, {"telekom", "telecom"}, {"konsalting", "consulting"},
	{"menedzhment", "management"}, {"tekhnolodzhi", "technology"},
	{"tekhnolodzhis", "technologies"}, {"moskva", "moscow"}, {"evraziya", "eurasia"},
	{"kontsern", "concern"}, {"zavod", "plant"}, {"institut", "institute"}, {"fond", "fund"},
	{"agentstvo", "agency"}, {"ministerstvo", "ministry"}, {"universitet", "university"},
	{"akademiya", "academy"}, {"laboratoriya", "laboratory"},
}

// companyWordForms holds, for each word of wordForms, russianForms,
// russianTranslations and wordAbbrevs, its other forms, abbreviated,
// written out, another form or the other language's, each with the rule
// that relates them: one look-up a word. A pair two tables hold keeps
// the first table's rule. Built on first use (an index's first
// organisation's name, or an explanation), not at every start of the
// program: the Russian words' endings make it a thousand pairs.
var companyWordForms = sync.OnceValue(func() map[string][]companyForm {
	m := map[string][]companyForm{}
	add := func(a, b, rule string) {
		for _, p := range [2][2]string{{a, b}, {b, a}} {
			if !slices.ContainsFunc(m[p[0]], func(f companyForm) bool { return f.text == p[1] }) {
				m[p[0]] = append(m[p[0]], companyForm{p[1], rule})
			}
		}
	}
	for _, t := range []struct {
		forms [][2]string
		rule  string
	}{{wordForms, formRule}, {countryForms, formRule}, {russianForms, russianRule}, {russianTranslations(), translatedRule}} {
		for _, f := range t.forms {
			add(f[0], f[1], t.rule)
		}
	}
	for a, w := range wordAbbrevs {
		add(a, w, abbrevRule)
	}
	for _, fs := range m {
		slices.SortFunc(fs, func(a, b companyForm) int { return cmp.Compare(a.text, b.text) })
	}
	return m
})

// companyForm is another form of a company word and the rule that makes
// it one (abbrevRule, formRule, russianRule, translatedRule).
type companyForm struct{ text, rule string }

// companyWord is qword.respelt for a word paired by companyWordForms;
// the explanation names the rule of each pair (companyWordRule).
const companyWord = "a word of company names"

// abbrevRule, formRule, russianRule and translatedRule name the rules of
// wordAbbrevs, wordForms, russianForms and russianTranslations in the
// explanation.
const (
	abbrevRule     = "abbreviation of a word of company names"
	formRule       = "another form of a word of company names"
	russianRule    = "a word of company names as Russian writes it, romanised"
	translatedRule = "a word of Russian company names and its English"
)

// companyWordRule names the rule by which company word q pairs with r.
func companyWordRule(q, r string) string {
	for _, f := range companyWordForms()[q] {
		if f.text == r {
			return f.rule
		}
	}
	return abbrevRule
}

// appendCompanyWords appends to qn the keys of the listed words that are
// another form of the company word text (companyWordForms), and returns
// the least weight of those forms, 0 when no listed name holds one.
func (ix *Index) appendCompanyWords(qn []int32, text []byte) ([]int32, float32) {
	cf := ix.companyForms()
	lf, _ := filteredGet(cf.filter, cf.forms, text)
	for _, k := range lf.keys {
		if !slices.Contains(qn, k) {
			qn = append(qn, k)
		}
	}
	return qn, lf.least
}

// companyForms are the listed forms of the words of companyWordForms, by
// word, and the filter of those words: a word of one of the tables whose
// forms no listed name holds is left out, and a query's word costs one
// look-up, where its forms (a word of Russian company names has a dozen,
// its endings) would cost one each.
type companyForms struct {
	forms  map[string]listedForms
	filter *wordFilter
}

// listedForms are the keys of a company word's listed forms and the least
// weight of them, which the word may weigh as (qword.formW).
type listedForms struct {
	keys  []int32
	least float32
}

// computeCompanyForms looks up, once for the index, the forms of every
// word of companyWordForms that listed names hold.
func (ix *Index) computeCompanyForms() companyForms {
	forms := map[string]listedForms{}
	for w, fs := range companyWordForms() {
		var lf listedForms
		for _, f := range fs {
			id, ok := ix.listedText([]byte(f.text))
			if !ok || slices.Contains(lf.keys, ix.dict.textKey[id]) {
				continue
			}
			k := ix.dict.textKey[id]
			if len(lf.keys) == 0 || ix.dict.weight[k] < lf.least {
				lf.least = ix.dict.weight[k]
			}
			lf.keys = append(lf.keys, k)
		}
		if len(lf.keys) > 0 {
			forms[w] = lf
		}
	}
	return companyForms{forms: forms, filter: filterOf(forms)}
}

// minEndingStem is the fewest letters a word keeps before an ending of
// endingVariants, and the word must end in it after a consonant;
// minEndingWord is the fewest letters of a word whose ending is rewritten
// (shorter names written another way are as often other names).
const minEndingStem, minEndingWord = 3, 4

// minYaStem is the fewest letters before a person's ending after y that
// endingVariants rewrites.
const minYaStem = 5

// appendEndingVariant appends to qn the key of the listed word that is
// text with its ending written the other way of one of endingVariants,
// when a listed name holds it, and returns how the ending was rewritten
// ("" when none was); for an organisation's name (org), also of
// adjectiveEndings.
func (ix *Index) appendEndingVariant(qn []int32, text []byte, org bool) ([]int32, string) {
	n := len(text)
	if n == 0 || n >= 60 {
		return qn, ""
	}
	var buf [64]byte
	if org {
		if stem := adjectiveStem(text); stem > 0 && lettersOnly(text) {
			for _, to := range adjectiveEndings {
				other := append(append(buf[:0], text[:stem]...), to...)
				if string(other) == string(text) {
					continue
				}
				if id, ok := ix.listedText(other); ok {
					return append(qn, ix.dict.textKey[id]), adjectiveHow
				}
			}
		}
	}
	// Every ending of endingVariants ends in a, e or h.
	if n < minEndingWord || text[n-1] != 'a' && text[n-1] != 'e' && text[n-1] != 'h' || !lettersOnly(text) {
		return qn, ""
	}
	how, start := "", len(qn)
	for _, v := range endingVariants {
		for _, from := range [2]string{v.a, v.b} {
			to := v.b
			if from == v.b {
				to = v.a
			}
			stem := n - len(from)
			// An ending after y in an organisation's name ("islamiya",
			// ISLAMIYAH), and in a person's after a stem of five letters
			// or more ("haniya", HANIYEH): a short person's -ya is
			// Russian (Olya, Dariya).
			if stem < minEndingStem || string(text[stem:]) != from || isVowelByte(text[stem-1]) || text[stem-1] == 'y' && !org && stem < minYaStem {
				continue
			}
			other := append(append(buf[:0], text[:stem]...), to...)
			if id, ok := ix.listedText(other); ok && !slices.Contains(qn[start:], ix.dict.textKey[id]) {
				// Each listed one: "hamida" is HAMIDAH and HAMIDEH.
				qn = append(qn, ix.dict.textKey[id])
				if how == "" {
					how = v.how
				}
			}
		}
	}
	return qn, how
}

// adjectiveEndings are the endings of a Russian adjective in -sk- (a
// place's: Svetlovskoe, Svetlovsky, Svetlovskaya) in its genders and
// romanisations; a company's name agrees with its noun in Russian, and
// a translation keeps one or another. adjectiveHow names the variant.
var adjectiveEndings = []string{"sky", "skiy", "skii", "skoy", "skoe", "skoye", "skaya", "skaia"}

const adjectiveHow = "Russian adjective ending of another gender (-sky, -skoe, -skaya)"

// minAdjectiveStem is the fewest letters before an adjective's ending.
const minAdjectiveStem = 4

// adjectiveStem returns the length of w before "sk" when w ends in one of
// adjectiveEndings after minAdjectiveStem letters or more, else 0.
func adjectiveStem(w []byte) int {
	if len(w) < minAdjectiveStem+3 || w[len(w)-1] != 'y' && w[len(w)-1] != 'i' && w[len(w)-1] != 'e' && w[len(w)-1] != 'a' {
		return 0
	}
	for _, e := range adjectiveEndings {
		if stem := len(w) - len(e); stem >= minAdjectiveStem && string(w[stem:]) == e {
			return stem
		}
	}
	return 0
}

// otherNumber reports whether w and t are one word in the singular and
// the plural, as appendNumber finds them: an s added, or y for ies.
func otherNumber(w []byte, t string) bool {
	a, b := string(w), t
	if len(a) > len(b) {
		a, b = b, a
	}
	return b == a+"s" || len(a) > 1 && a[len(a)-1] == 'y' && b == a[:len(a)-1]+"ies"
}

// minNumber is the fewest letters of a word matched in its other number.
const minNumber = 4

// appendNumber appends to qn the key of the listed word that is text in
// the other number, an "s" added or taken off ("line", "lines"; one edit
// apart), when a listed name holds it: a company's name written in the
// singular where the list has the plural or the other way round. It
// reports whether it appended one.
func (ix *Index) appendNumber(qn []int32, text []byte) ([]int32, bool) {
	if len(text) < minNumber || !lettersOnly(text) {
		return qn, false
	}
	d := &ix.dict
	var buf [64]byte
	other := buf[:0]
	n := len(text)
	if n < len(buf)-2 && n > minNumber && string(text[n-3:]) == "ies" {
		// "industries", "industry": tried first, then "industrie".
		if id, ok := ix.listedText(append(append(other, text[:n-3]...), 'y')); ok {
			return append(qn, d.textKey[id]), true
		}
	}
	if n < len(buf)-2 && text[n-1] == 'y' && !isVowelByte(text[n-2]) {
		// "technology", "technologies".
		if id, ok := ix.listedText(append(append(other, text[:n-1]...), "ies"...)); ok {
			return append(qn, d.textKey[id]), true
		}
	}
	if text[len(text)-1] == 's' {
		if text[len(text)-2] == 's' {
			return qn, false // "business", "press"
		}
		other = append(other, text[:len(text)-1]...)
	} else {
		if len(text) >= len(buf) {
			return qn, false
		}
		other = append(append(other, text...), 's')
	}
	id, ok := ix.listedText(other)
	if !ok {
		return qn, false
	}
	return append(qn, d.textKey[id]), true
}
