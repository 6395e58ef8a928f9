package screen

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// Index screens names and identifiers against a set of loaded lists. It is
// built once, by NewIndex or FromTables, never changes afterwards, and is
// safe for concurrent use. Its entries come from an EntrySource: a query
// that needs one and cannot read it returns the error, and only that
// query fails.
type Index struct {
	opts Options
	// provs is the provenance of each list, counts its number of entries.
	provs  []provenance.List
	counts []int
	// src gives the entries of the lists.
	src EntrySource
	// whole holds the lists with every entry: from the start for an index
	// NewIndex built, once Lists has read them for one FromTables made.
	whole atomic.Pointer[[]*lists.List]

	// Sanctions-style lists (every kind but KindBan): scored names.
	recs  []NameRec
	words []RecWord
	dict  dict

	// Ban lists: names and aliases compared whole, brand words.
	banNames map[string][]ref
	brands   map[string][]brand
	// banKeys holds the ban names with their words run together
	// ("kasperskylab"), brandKeys the brand words so and by their
	// phonetic key ("kasperskiy" → "kaspersky"): glued, split and
	// transliterated forms meet on them.
	banKeys   map[string][]ref
	brandKeys map[string][]brand

	// Identifiers of every list, by kind (idDomain, ...).
	ids [idKinds]IDTable

	pool sync.Pool
	// givenTexts marks the texts listed individuals carry as given
	// names more often than otherwise; computed on first use.
	givenTexts func() []bool
	// skeletons are the consonant skeletons of the vocabulary, computed
	// on the first query that needs them.
	skeletons func() skeletons
	// strictSkeletons are the skeletons of appendStrictSkeleton, for
	// readings that write their vowels.
	strictSkeletons func() skeletons
	// consonants indexes the listed words by their consonants as written
	// (consonants.go); computed on the first query that needs it.
	consonants func() *consonantIndex
	// abjadWords indexes the words of rwAbjad by their consonants
	// (appendAbjadKeys); computed on the first query that needs it, nil for
	// none.
	abjadWords func() map[string][]int32
	// kanaWords indexes the words of rwKana by their consonants
	// (kanaConsonants); computed on the first query that needs it, nil
	// for none.
	kanaWords func() map[string][]int32
	// listedAlts holds, by text id, what respellListed found for the
	// word, once it has been asked (respell.go).
	listedAlts func() []atomic.Int32
	// textClasses holds, by text id, the tables of words that hold the
	// word (textClass), once it has been asked.
	textClasses func() []atomic.Uint32
	// gluedTexts holds, by text id, what gluedListed found for the text,
	// once it has been asked.
	gluedTexts func() []atomic.Uint64
	// textNearKeys holds, by text id, what nearKeys found for the text,
	// once it has been asked.
	textNearKeys func() []atomic.Pointer[[]int32]
	// givenForms indexes givenNameForms over the vocabulary; computed on
	// the first query that needs it.
	givenForms func() *givenFormIndex
	// linkTexts marks the texts that are linking words (isLink), a bit
	// for each; computed on first use.
	linkTexts func() []uint64
	// companyForms holds, for each word of companyWordForms that has
	// forms listed names hold, their keys (computeCompanyForms).
	companyForms func() companyForms
	// phon are the script phonetic keys of the vocabulary, by family
	// (scriptkey.go), computed on the first query that needs them.
	phon [phonFamilies]func() *phonIndex
	// brandHeads holds every start of minGluedCore letters or more of
	// the words brands begins with, each with the brands of the word it
	// is whole (none when it is only a start); computed on first use.
	brandHeads func() map[string][]brand
	// infixBrands holds the brands looked for inside words; computed on
	// first use.
	infixBrands func() *infixBrands
	// brandKeyFirsts holds the first letters of the keys of brandKeys as
	// a set of bits (keyFirsts); computed on first use.
	brandKeyFirsts func() uint32
	// brandWords filters the words brandMatches looks up: the words of
	// brands, the keys of brandKeys and brandHeads; computed on first
	// use.
	brandWords func() *wordFilter
	// segmentWords filters the words resegment and joinKnown look up:
	// the texts of the vocabulary and the legal forms; computed on
	// first use.
	segmentWords func() *wordFilter
	// banWords filters the names banMatches looks up whole: the keys of
	// banNames and banKeys, which most queries are none of; computed on
	// first use.
	banWords func() *wordFilter
}

// ref points at one name of one entry: alias -1 is the primary name.
type ref struct {
	list, entry, alias int32
}

// IDRef is an entry holding an identifier: its field'th domain, purl
// namespace, CPE vendor or registration number, by the table's kind. An
// element of Tables, held as is.
type IDRef struct {
	ref
	field int32
}

// brand is a brand word or word sequence of a ban-list entry.
type brand struct {
	words []string
	text  string
	ref   ref
}

// recKind says which rules score a name.
type recKind uint8

const (
	recOrg recKind = iota
	recPerson
	recVessel
)

// NameRec is one indexed name: its scored words are words[w0:w1]. An
// element of Tables, held as is.
type NameRec struct {
	ref
	w0, w1   int32
	weight   float32
	kind     recKind
	surnames bool
	// flags say what kind of name the record is (recWeak: an alias the
	// list marks as weak, never enough to deny on its own).
	flags recFlag
	_     [1]byte // explicit, zero padding: the index file holds the struct as is
}

// recFlag marks an indexed name.
type recFlag uint8

const (
	// recWeak: a weak alias (OFAC's "weak a.k.a." in the remarks, the UN's
	// "Low" quality, the UK's "low quality" aliases).
	recWeak recFlag = 1 << iota
	// recShort: a name of shortName letters or fewer, matched by its
	// exact spelling only.
	recShort
	// recKorean: a person's name the list writes in Hangul, read as a
	// Korean name (textnorm.KoreanName, McCune–Reischauer, as the lists
	// write North Korean names): the index reads Hangul by the Revised
	// Romanization, a glued word ("김정은", "gimjeongeun"), which a
	// Latin query ("Kim Jong Un") does not write.
	recKorean
	// recGreek: a person's name the list writes in Greek, read as Greek
	// renders a foreign name (greekForeignListed: "Μπαράκ Ομπάμα", read
	// "mparak ompama", as "barak obama").
	recGreek
)

// recWordFlag marks the role of a word in an individual's name.
type recWordFlag uint8

const (
	// rwSurname: before the comma of "LAST, Given".
	rwSurname recWordFlag = 1 << iota
	// rwGiven: after the comma.
	rwGiven
	// rwPatronymic: a given word after the first that is a patronymic;
	// optional in a query.
	rwPatronymic
	// rwMiddle: a given word after the first that is not a patronymic;
	// counts half when a query leaves it out.
	rwMiddle
	// rwNaturalGiven: a word but the last of an individual's name
	// written with no comma, in its natural order ("Jean Claude
	// Juncker"), as lists other than OFAC's write names: a query's
	// initial may stand for it ("J. C. Juncker"). Its role is not
	// otherwise assumed (the name may be written family name first),
	// but that a word between the first and the last is a further name
	// (rwMiddle, or rwPatronymic).
	rwNaturalGiven
	// rwAbjad: a word of an individual's name the list writes in Arabic
	// or Hebrew letters, read without the short vowels they leave out
	// ("محمود" read "mhmud"): a Latin query's word of its consonants
	// pairs with it (appendAbjadKeys).
	rwAbjad
	// rwKana: a word of an individual's name the list writes in kana,
	// read as Hepburn writes it, a vowel after each consonant
	// ("ドナルド" read "donarudo"): a Latin query's word of its
	// consonants pairs with it (appendKanaKeys).
	rwKana
)

// RecWord is one scored word of an indexed name. An element of Tables,
// held as is.
type RecWord struct {
	tok    int32
	text   int32
	weight float32
	flags  recWordFlag
	first  byte
	_      [2]byte // explicit, zero padding: the index file holds the struct as is
}

// NewIndex builds the index over ls. Ban lists (provenance.KindBan) are matched
// by whole normalised names and brand words; every other kind by scored
// fuzzy names. Identifiers (domains, purl namespaces, CPE vendors,
// registration numbers) of every list are matched exactly. A list or entry
// that cannot be indexed (no ID, a primary name without letters or digits,
// an unknown type, a malformed purl namespace) is an error naming it; an
// alias without letters or digits (OFAC's weak alias "@") can match nothing
// and is left out.
func NewIndex(ls []*lists.List, opts Options) (*Index, error) {
	return newIndex(ls, opts, parallelNames)
}

// newIndex is NewIndex, indexing the names in two shares at once from
// split names on.
func newIndex(ls []*lists.List, opts Options, split int) (*Index, error) {
	if err := opts.Validate(); err != nil {
		return nil, fmt.Errorf("screen options: %w", err)
	}
	ix := &Index{
		opts:      opts,
		provs:     make([]provenance.List, len(ls)),
		counts:    make([]int, len(ls)),
		src:       newListSource(ls),
		banNames:  make(map[string][]ref),
		brands:    make(map[string][]brand),
		banKeys:   make(map[string][]ref),
		brandKeys: make(map[string][]brand),
	}
	ix.whole.Store(&ls)
	b := &builder{ix: ix, split: split}
	for k := range b.idKeys {
		b.idKeys[k] = make(map[string][]IDRef)
	}
	seen := make(map[string]bool, len(ls))
	for li, l := range ls {
		if l == nil {
			return nil, fmt.Errorf("index list %d: %w", li, errNilList)
		}
		id := l.Provenance.ID
		if id == "" {
			return nil, fmt.Errorf("index list %d: %w", li, errNoListID)
		}
		if seen[id] {
			return nil, fmt.Errorf("index list %s: %w", id, errDupList)
		}
		seen[id] = true
		ix.provs[li], ix.counts[li] = l.Provenance, len(l.Entries)
		if err := b.addList(int32(li), l); err != nil {
			return nil, fmt.Errorf("index list %s: %w", id, err)
		}
	}
	if err := b.indexScored(); err != nil {
		return nil, err
	}
	for k, m := range b.idKeys {
		ix.ids[k] = newIDTable(m)
	}
	ix.init()
	return ix, nil
}

// init sets up the scratch pool.
func (ix *Index) init() {
	ix.pool.New = func() any { return ix.newScratch() }
	ix.givenTexts = sync.OnceValue(ix.computeGivenTexts)
	ix.skeletons = sync.OnceValue(func() skeletons { return ix.buildSkeletons(false) })
	ix.strictSkeletons = sync.OnceValue(func() skeletons { return ix.buildSkeletons(true) })
	ix.consonants = sync.OnceValue(ix.buildConsonants)
	ix.abjadWords = sync.OnceValue(ix.buildAbjadWords)
	ix.kanaWords = sync.OnceValue(ix.buildKanaWords)
	ix.listedAlts = sync.OnceValue(func() []atomic.Int32 { return make([]atomic.Int32, len(ix.dict.texts)) })
	ix.textClasses = sync.OnceValue(func() []atomic.Uint32 { return make([]atomic.Uint32, len(ix.dict.texts)) })
	ix.givenForms = sync.OnceValue(ix.computeGivenForms)
	ix.gluedTexts = sync.OnceValue(func() []atomic.Uint64 { return make([]atomic.Uint64, len(ix.dict.texts)) })
	ix.textNearKeys = sync.OnceValue(func() []atomic.Pointer[[]int32] { return make([]atomic.Pointer[[]int32], len(ix.dict.texts)) })
	ix.linkTexts = sync.OnceValue(ix.computeLinkTexts)
	ix.companyForms = sync.OnceValue(ix.computeCompanyForms)
	ix.brandHeads = sync.OnceValue(ix.buildBrandHeads)
	ix.infixBrands = sync.OnceValue(ix.buildInfixBrands)
	ix.brandKeyFirsts = sync.OnceValue(ix.buildBrandKeyFirsts)
	ix.segmentWords = sync.OnceValue(ix.buildSegmentWords)
	ix.brandWords = sync.OnceValue(ix.buildBrandWords)
	ix.banWords = sync.OnceValue(func() *wordFilter { return filterOf(ix.banNames, ix.banKeys) })
	for f := phonNone + 1; f < phonFamilies; f++ {
		ix.phon[f] = sync.OnceValue(func() *phonIndex { return ix.buildPhonIndex(f) })
	}
}

// buildBrandWords builds brandWords from brands, brandKeys and
// brandHeads.
func (ix *Index) buildBrandWords() *wordFilter {
	return filterOf(ix.brands, ix.brandKeys, ix.brandHeads())
}

// buildBrandKeyFirsts builds brandKeyFirsts from brandKeys: every bit
// when a key begins with other than a letter a–z.
func (ix *Index) buildBrandKeyFirsts() uint32 {
	var firsts uint32
	for k := range ix.brandKeys {
		switch {
		case k == "":
		case k[0] < 'a' || k[0] > 'z':
			return ^uint32(0)
		default:
			firsts |= 1 << (k[0] - 'a')
		}
	}
	return firsts
}

// mayBeBrandKey reports whether the phonetic key of w (appendBrandKey) may
// be a key of brandKeys, by its first letter; false means it is none.
func (ix *Index) mayBeBrandKey(w []byte) bool {
	return len(w) > 0 && (keyFirsts(w[0])&ix.brandKeyFirsts() != 0 || keyTableWord(w))
}

// buildBrandHeads builds brandHeads from brands.
func (ix *Index) buildBrandHeads() map[string][]brand {
	heads := make(map[string][]brand)
	for w, bs := range ix.brands {
		for l := minGluedCore; l < len(w); l++ {
			if _, ok := heads[w[:l]]; !ok {
				heads[w[:l]] = nil
			}
		}
		heads[w] = bs
	}
	return heads
}

// buildSegmentWords builds segmentWords from the texts of the vocabulary
// and the legal forms.
func (ix *Index) buildSegmentWords() *wordFilter {
	f := newWordFilter(len(ix.dict.texts) + len(legalForms))
	for _, t := range ix.dict.texts {
		f.add(t)
	}
	for l := range legalForms {
		f.add(l)
	}
	return &f
}

// computeGivenTexts marks the texts that individuals' names carry as
// given names more often than any name carries them otherwise.
func (ix *Index) computeGivenTexts() []bool {
	given := make([]int32, len(ix.dict.texts))
	for _, w := range ix.words {
		if w.flags&rwGiven != 0 {
			given[w.text]++
		} else {
			given[w.text]--
		}
	}
	out := make([]bool, len(given))
	for i, n := range given {
		out[i] = n > 0
	}
	return out
}

// isCommonGivenName reports whether w is one of commonGivenNames.
func isCommonGivenName(w string) bool {
	_, ok := commonGivenNames[w]
	return ok
}

// commonGivenNames are frequent given names in the languages of the
// parties an SBOM or a procurement record names, for names the lists'
// individuals do not carry.
var commonGivenNames = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(`james john robert michael william david richard joseph thomas charles
	christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
	timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
	brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose
	henry adam douglas nathan peter zachary kyle walter harold jeremy ethan carl keith roger gerald
	christian terry sean arthur austin noah lawrence jesse joe bryan billy jordan albert dylan bruce
	willie gabriel alan juan logan wayne ralph roy eugene randy vincent russell louis philip bobby johnny
	bradley mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
	margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie
	rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma
	samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia
	julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah
	martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail
	julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie
	isabella charlotte rose alexis kayla hans klaus jurgen wolfgang stefan markus martin andreas
	michael thomas sabine ursula petra monika pierre jean michel philippe alain sophie nathalie isabelle
	giuseppe giovanni marco francesco luca alessandro francesca chiara lars erik anders sven ingrid
	karin hiroshi takashi kenji yuki wei li ming priya rahul amit sanjay anil olga svetlana irina
	natalia tatiana sergey sergei dmitry dmitri andrey andrei alexey alexei vladimir igor yevgeny
	evgeny eugen yann ian mikhail ivan pavel nikolai pedro carlos luis miguel jorge lucia carmen ana
	kwame amara`) {
		m[w] = struct{}{}
	}
	return m
}()

// Options returns the options the index was built with.
func (ix *Index) Options() Options { return ix.opts }

// Lists returns the indexed lists with all their entries, in the order
// NewIndex was given them. They are shared with the index and must not be
// changed. An index FromTables made reads every entry from its source on
// the first call that succeeds; an error names the entry it could not
// read.
func (ix *Index) Lists() ([]*lists.List, error) {
	if p := ix.whole.Load(); p != nil {
		return *p, nil
	}
	out := make([]*lists.List, len(ix.provs))
	for li, p := range ix.provs {
		l := &lists.List{Provenance: p, Entries: make([]lists.Entry, ix.counts[li])}
		for ei := range l.Entries {
			e, err := ix.src.Entry(EntryRef{List: li, Entry: ei})
			if err != nil {
				return nil, err
			}
			l.Entries[ei] = *e
		}
		out[li] = l
	}
	ix.whole.CompareAndSwap(nil, &out)
	return *ix.whole.Load(), nil
}

// Provenance returns the provenance of every indexed list, in the order
// of Lists, without reading any entry.
func (ix *Index) Provenance() []provenance.List {
	return slices.Clone(ix.provs)
}

// Entry returns the entry id of list listID, or nil when there is none; an
// error means the entry could not be read.
func (ix *Index) Entry(listID, id string) (*lists.Entry, error) {
	li := slices.IndexFunc(ix.provs, func(p provenance.List) bool { return p.ID == listID })
	if li < 0 {
		return nil, nil
	}
	ei, ok, err := ix.src.Find(li, id)
	if err != nil || !ok {
		return nil, err
	}
	return ix.src.Entry(EntryRef{List: li, Entry: ei})
}

// entry returns the entry r points at, from the index's source.
func (ix *Index) entry(r ref) (*lists.Entry, error) {
	return ix.src.Entry(EntryRef{List: int(r.list), Entry: int(r.entry)})
}

// listID returns the provenance ID of the list r points into.
func (ix *Index) listID(r ref) string {
	return ix.provs[r.list].ID
}

// nameIn returns the name of e that alias points at (-1: the primary
// name), as the list writes it; "" when e has no such alias.
func nameIn(e *lists.Entry, alias int32) string {
	if alias < 0 {
		return e.Name
	}
	if int(alias) >= len(e.Aliases) {
		return ""
	}
	return e.Aliases[alias].Name
}

// namedAs is the name of entry e that alias points at (see nameIn) and
// what it is: "name" for the entry's own, "alias" for one of its aliases.
func namedAs(e *lists.Entry, alias int32) (name, on string) {
	if alias < 0 {
		return nameIn(e, alias), "name"
	}
	return nameIn(e, alias), "alias"
}

// recKindOf maps an entry type to the rules that score its names.
func recKindOf(typ string) (recKind, error) {
	switch strings.ToLower(typ) {
	case "individual", "person":
		return recPerson, nil
	case "entity", "organization", "organisation", "":
		return recOrg, nil
	case "vessel", "aircraft":
		return recVessel, nil
	}
	return 0, fmt.Errorf("entry type %q: %w", typ, errEntryType)
}
