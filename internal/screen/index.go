package screen

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
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

	// Identifiers of every list, by kind (idDomain, ...).
	ids [idKinds]idTable

	// enc holds, for an index read by ReadIndex, the entries of each
	// list in their binary form, decoded one at a time when a match needs
	// them; nil for an index NewIndex built, whose lists are whole.
	enc []encodedList
	// whole returns the lists with every entry; byID finds an entry of
	// a list held whole (an encoded list finds its own).
	whole func() []*lists.List
	byID  func() map[entryKey]ref
	// readErr is the first error reading an entry of a read index.
	readErr atomic.Pointer[error]

	pool sync.Pool
}

// entryKey names an entry by list ID and entry ID.
type entryKey struct{ list, id string }

// ref points at one name of one entry: alias -1 is the primary name.
type ref struct {
	list, entry, alias int32
}

// idRef is an entry holding an identifier: its field'th domain, purl
// namespace, CPE vendor or registration number, by the table's kind.
type idRef struct {
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
	_      [2]byte // explicit, zero padding: the binary form holds the struct as is
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
		opts:     opts,
		lists:    ls,
		banNames: make(map[string][]ref),
		brands:   make(map[string][]brand),
	}
	b := &builder{ix: ix, split: split}
	for k := range b.idKeys {
		b.idKeys[k] = make(map[string][]idRef)
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

// init sets up what indexes of both NewIndex and ReadIndex need: the
// scratch pool and the lazily built look-ups.
func (ix *Index) init() {
	ix.pool.New = func() any { return ix.newScratch() }
	ix.whole = sync.OnceValue(ix.wholeLists)
	ix.byID = sync.OnceValue(func() map[entryKey]ref {
		m := make(map[entryKey]ref)
		for li, l := range ix.lists {
			for ei := range l.Entries {
				m[entryKey{l.Provenance.ID, l.Entries[ei].ID}] = ref{list: int32(li), entry: int32(ei), alias: -1}
			}
		}
		return m
	})
}

// Options returns the options the index was built with.
func (ix *Index) Options() Options { return ix.opts }

// Lists returns the indexed lists with all their entries, in the order
// NewIndex was given them. They are shared with the index and must not be
// changed. An index read by ReadIndex decodes them on the first call.
func (ix *Index) Lists() []*lists.List { return ix.whole() }

// Provenance returns the provenance of every indexed list, in the order
// of Lists, without decoding any entry.
func (ix *Index) Provenance() []provenance.List {
	out := make([]provenance.List, len(ix.lists))
	for i, l := range ix.lists {
		out[i] = l.Provenance
	}
	return out
}

// wholeLists returns the lists, decoding the entries of a decoded index.
func (ix *Index) wholeLists() []*lists.List {
	if ix.enc == nil {
		return ix.lists
	}
	out := make([]*lists.List, len(ix.lists))
	for li, l := range ix.lists {
		if ix.enc[li].offs == nil {
			out[li] = l
			continue
		}
		w := &lists.List{Provenance: l.Provenance, Entries: make([]lists.Entry, ix.enc[li].len())}
		for ei := range w.Entries {
			w.Entries[ei] = ix.enc[li].entry(ei)
		}
		out[li] = w
	}
	return out
}

// Entry returns the entry id of list listID, or nil.
func (ix *Index) Entry(listID, id string) *lists.Entry {
	for li, l := range ix.lists {
		if l.Provenance.ID != listID {
			continue
		}
		if ix.enc != nil && ix.enc[li].offs != nil {
			ei, ok := ix.enc[li].find(id)
			if !ok {
				return nil
			}
			return ix.entry(ref{list: int32(li), entry: int32(ei), alias: -1})
		}
		break
	}
	r, ok := ix.byID()[entryKey{listID, id}]
	if !ok {
		return nil
	}
	return ix.entry(r)
}

// entry returns the entry r points at: the list's own, or, in a decoded
// index, a copy decoded for the call.
func (ix *Index) entry(r ref) *lists.Entry {
	if ix.enc != nil && ix.enc[r.list].offs != nil {
		e := ix.enc[r.list].entry(int(r.entry))
		return &e
	}
	return &ix.lists[r.list].Entries[r.entry]
}

// entryID returns the ID of the entry r points at, without decoding it.
func (ix *Index) entryID(r ref) string {
	if ix.enc != nil && ix.enc[r.list].offs != nil {
		return ix.enc[r.list].id(int(r.entry))
	}
	return ix.lists[r.list].Entries[r.entry].ID
}

// listID returns the provenance ID of the list r points into.
func (ix *Index) listID(r ref) string {
	return ix.lists[r.list].Provenance.ID
}

// nameIn returns the name of e that alias points at (-1: the primary
// name), as the list writes it; "" when e has no such alias, as an entry
// a read index failed to read (see Err).
func nameIn(e *lists.Entry, alias int32) string {
	if alias < 0 {
		return e.Name
	}
	if int(alias) >= len(e.Aliases) {
		return ""
	}
	return e.Aliases[alias].Name
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
