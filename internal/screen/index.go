package screen

import (
	"fmt"
	"strings"
	"sync"

	"github.com/bangate/bangate/internal/lists"
)

// Index screens names and identifiers against a set of loaded lists. It is
// built once by NewIndex, never changes afterwards, and is safe for
// concurrent use.
type Index struct {
	opts  Options
	lists []*lists.List

	// Sanctions-style lists (every kind but KindBan): scored names.
	recs  []nameRec
	words []recWord
	dict  dict

	// Ban lists: names and aliases compared whole, brand words.
	banNames map[string][]ref
	brands   map[string][]brand

	// Identifiers of every list.
	domains map[string][]idRef
	purls   map[string][]idRef
	cpes    map[string][]idRef
	regIDs  map[string][]idRef

	pool sync.Pool
}

// ref points at one name of one entry: alias -1 is the primary name.
type ref struct {
	list, entry, alias int32
}

// idRef is an entry holding an identifier, with the identifier as the
// entry writes it and, for registration numbers, its type.
type idRef struct {
	ref
	value string
	typ   string
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

// nameRec is one indexed name: its scored words are words[w0:w1].
type nameRec struct {
	ref
	w0, w1   int32
	weight   float32
	kind     recKind
	surnames bool
}

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
)

// recWord is one scored word of an indexed name.
type recWord struct {
	tok    int32
	text   int32
	weight float32
	flags  recWordFlag
	first  byte
}

// NewIndex builds the index over ls. Ban lists (lists.KindBan) are matched
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
		opts:     opts,
		lists:    ls,
		banNames: make(map[string][]ref),
		brands:   make(map[string][]brand),
		domains:  make(map[string][]idRef),
		purls:    make(map[string][]idRef),
		cpes:     make(map[string][]idRef),
		regIDs:   make(map[string][]idRef),
	}
	b := &builder{ix: ix, split: split}
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
		if err := b.addList(int32(li), l); err != nil {
			return nil, fmt.Errorf("index list %s: %w", id, err)
		}
	}
	if err := b.indexScored(); err != nil {
		return nil, err
	}
	ix.pool.New = func() any { return ix.newScratch() }
	return ix, nil
}

// Options returns the options the index was built with.
func (ix *Index) Options() Options { return ix.opts }

// entry returns the entry r points at.
func (ix *Index) entry(r ref) *lists.Entry {
	return &ix.lists[r.list].Entries[r.entry]
}

// listID returns the provenance ID of the list r points into.
func (ix *Index) listID(r ref) string {
	return ix.lists[r.list].Provenance.ID
}

// nameOf returns the name r points at, as the list writes it.
func (ix *Index) nameOf(r ref) string {
	e := ix.entry(r)
	if r.alias < 0 {
		return e.Name
	}
	return e.Aliases[r.alias].Name
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
