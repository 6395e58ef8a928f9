package screen

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unsafe"

	"github.com/bangate/bangate/internal/provenance"
)

// Tables are the arrays an Index screens with, apart from the entries of
// its lists: the scored names and their words, the vocabulary, and the
// identifier tables. Index.Tables returns them and FromTables takes them
// back, sharing their memory, so that the index file (package indexfile)
// can store them as they are held and use them in place when it reads
// them back: their element types hold no pointers, and TablesLayout
// describes the layout of the structured ones. They must not be changed.
type Tables struct {
	// Names are the names of the scored (sanctions-style) lists.
	Names []NameRec
	// Words are the scored words of Names.
	Words []RecWord

	// Keys are the phonetic keys of the words, KeyIDs finds a key's
	// position, KeyWeights holds each key's weight, and the names holding
	// key t are Posts[PostStart[t]:PostStart[t+1]]. KeyDel finds the keys
	// one edit away from a word.
	Keys       []string
	KeyIDs     StrTable
	KeyWeights []float32
	PostStart  []int32
	Posts      []int32
	KeyDel     DelTable

	// Texts are the distinct folded words, TextIDs finds one, TextKeys
	// holds the position of each one's key, and TextDel finds the texts
	// one edit away from a word (those that differ from their key).
	Texts    []string
	TextIDs  StrTable
	TextKeys []int32
	TextDel  DelTable

	// Unseen is the weight of a word no name holds.
	Unseen float32

	// IDs are the identifier tables: domains, purl namespaces, CPE
	// vendors and registration numbers.
	IDs [idKinds]IDTable
}

// Tables returns the index's tables, sharing their memory.
func (ix *Index) Tables() Tables {
	d := &ix.dict
	return Tables{
		Names: ix.recs, Words: ix.words,
		Keys: d.keys, KeyIDs: d.ids, KeyWeights: d.weight, PostStart: d.postStart, Posts: d.post, KeyDel: d.keyDel,
		Texts: d.texts, TextIDs: d.textIDs, TextKeys: d.textKey, TextDel: d.textDel,
		Unseen: d.unseen,
		IDs:    ix.ids,
	}
}

// StoredList describes one list of an index FromTables makes: its
// provenance and, for each of its entries in order, the number of the
// entry's aliases.
type StoredList struct {
	// Provenance is the list's provenance.
	Provenance provenance.List
	// Aliases holds the alias count of each entry; its length is the
	// number of entries.
	Aliases []int32
}

// FromTables makes the index whose options, lists and tables are given,
// its entries coming from src, which must give every entry ls describes:
// the index an index file holds. It checks
// that the tables hold together and that every reference to an entry and
// alias is in range, so that no query can index out of range, and reads
// the entries of the ban lists from src to index their names and brand
// words (which the tables leave out). t is used in place: it must not be
// changed afterwards.
func FromTables(opts Options, ls []StoredList, t Tables, src EntrySource) (*Index, error) {
	if err := opts.Validate(); err != nil {
		return nil, fmt.Errorf("screen options: %w", err)
	}
	ix := &Index{
		opts:      opts,
		provs:     make([]provenance.List, len(ls)),
		counts:    make([]int, len(ls)),
		src:       src,
		recs:      t.Names,
		words:     t.Words,
		banNames:  make(map[string][]ref),
		brands:    make(map[string][]brand),
		banKeys:   make(map[string][]ref),
		brandKeys: make(map[string][]brand),
		ids:       t.IDs,
		dict: dict{
			keys: t.Keys, ids: t.KeyIDs, weight: t.KeyWeights, postStart: t.PostStart, post: t.Posts, keyDel: t.KeyDel,
			texts: t.Texts, textIDs: t.TextIDs, textKey: t.TextKeys, textDel: t.TextDel,
			unseen: t.Unseen,
		},
	}
	seen := make(map[string]bool, len(ls))
	for li, l := range ls {
		id := l.Provenance.ID
		if id == "" {
			return nil, fmt.Errorf("list %d: %w", li, errNoListID)
		}
		if seen[id] {
			return nil, fmt.Errorf("list %s: %w", id, errDupList)
		}
		seen[id] = true
		ix.provs[li], ix.counts[li] = l.Provenance, len(l.Aliases)
	}
	if err := ix.checkTables(ls); err != nil {
		return nil, err
	}
	if err := ix.indexBans(); err != nil {
		return nil, err
	}
	ix.init()
	return ix, nil
}

// indexBans indexes the names and brand words of the ban lists, reading
// their entries from the index's source and checking them as NewIndex
// does.
func (ix *Index) indexBans() error {
	b := &builder{ix: ix}
	for li, p := range ix.provs {
		if p.Kind != provenance.KindBan {
			continue
		}
		for ei := range ix.counts[li] {
			e, err := ix.src.Entry(EntryRef{List: li, Entry: ei})
			if err != nil {
				return fmt.Errorf("index list %s: %w", p.ID, err)
			}
			if e.ID == "" {
				return fmt.Errorf("index list %s: entry %d: %w", p.ID, ei, errNoEntryID)
			}
			if _, err := recKindOf(e.Type); err != nil {
				return fmt.Errorf("index list %s: entry %s: %w", p.ID, e.ID, err)
			}
			if err := b.addBan(ref{list: int32(li), entry: int32(ei), alias: -1}, e); err != nil {
				return fmt.Errorf("index list %s: entry %s: %w", p.ID, e.ID, err)
			}
		}
	}
	return nil
}

// TablesLayout describes the memory layout of the structured elements of
// Tables (NameRec, RecWord, IDRef): their sizes and their fields' offsets
// and kinds. A store that keeps them as they are held in memory must
// refuse what was written under another layout (or byte order).
func TablesLayout() string {
	var b strings.Builder
	for _, t := range []reflect.Type{reflect.TypeFor[NameRec](), reflect.TypeFor[RecWord](), reflect.TypeFor[IDRef]()} {
		writeLayout(&b, t)
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}

// writeLayout writes the layout of t.
func writeLayout(b *strings.Builder, t reflect.Type) {
	fmt.Fprintf(b, "%s:%d", t.Kind(), t.Size())
	if t.Kind() == reflect.Array {
		b.WriteByte('[')
		writeLayout(b, t.Elem())
		b.WriteByte(']')
	}
	if t.Kind() != reflect.Struct {
		return
	}
	b.WriteByte('{')
	for i := range t.NumField() {
		f := t.Field(i)
		fmt.Fprintf(b, "%s@%d=", f.Name, f.Offset)
		writeLayout(b, f.Type)
		b.WriteByte(';')
	}
	b.WriteByte('}')
}

// checkTables checks that every reference between the tables, and from
// them to the entries of ls, is in range.
func (ix *Index) checkTables(ls []StoredList) error {
	for i := range ix.recs {
		r := &ix.recs[i]
		if err := checkRef(ls, r.ref); err != nil {
			return fmt.Errorf("name %d: %w", i, err)
		}
		if r.w0 < 0 || r.w0 > r.w1 || int(r.w1) > len(ix.words) || r.kind > recVessel || !isBool(&r.surnames) {
			return fmt.Errorf("name %d: words or kind out of range", i)
		}
	}
	d := &ix.dict
	nk, nt := int32(len(d.keys)), int32(len(d.texts))
	for i, w := range ix.words {
		if w.tok < 0 || w.tok >= nk || w.text < 0 || w.text >= nt {
			return fmt.Errorf("word %d out of range", i)
		}
	}
	if len(d.weight) != len(d.keys) || len(d.textKey) != len(d.texts) || len(d.postStart) != len(d.keys)+1 {
		return errors.New("vocabulary tables differ in length")
	}
	for _, k := range d.textKey {
		if k < 0 || k >= nk {
			return errors.New("text key out of range")
		}
	}
	if err := checkStarts(d.postStart, len(d.post)); err != nil {
		return fmt.Errorf("postings: %w", err)
	}
	for _, p := range d.post {
		if p < 0 || int(p) >= len(ix.recs) {
			return errors.New("posting out of range")
		}
	}
	if err := d.ids.check(len(d.keys)); err != nil {
		return fmt.Errorf("key table: %w", err)
	}
	if err := d.textIDs.check(len(d.texts)); err != nil {
		return fmt.Errorf("text table: %w", err)
	}
	if err := d.keyDel.check(nk); err != nil {
		return fmt.Errorf("key deletions: %w", err)
	}
	if err := d.textDel.check(nt); err != nil {
		return fmt.Errorf("text deletions: %w", err)
	}
	for k := range ix.ids {
		if err := ix.ids[k].check(ls); err != nil {
			return fmt.Errorf("identifiers: %w", err)
		}
	}
	return nil
}

// isBool reports whether the memory of b, which may come from a file,
// holds a valid bool.
func isBool(b *bool) bool { return *(*uint8)(unsafe.Pointer(b)) <= 1 }

// checkRef checks that r points at a name of an entry of ls.
func checkRef(ls []StoredList, r ref) error {
	if r.list < 0 || int(r.list) >= len(ls) {
		return errors.New("list out of range")
	}
	aliases := ls[r.list].Aliases
	if r.entry < 0 || int(r.entry) >= len(aliases) {
		return errors.New("entry out of range")
	}
	if r.alias < -1 || r.alias >= aliases[r.entry] {
		return errors.New("alias out of range")
	}
	return nil
}

// checkStarts checks that start rises from 0 to n.
func checkStarts[T int32 | uint32](start []T, n int) error {
	if len(start) == 0 || start[0] != 0 || int(start[len(start)-1]) != n {
		return errors.New("bad bounds")
	}
	for i := 1; i < len(start); i++ {
		if start[i] < start[i-1] {
			return errors.New("bounds not in order")
		}
	}
	return nil
}

// check checks an identifier table whose references point into ls.
func (t *IDTable) check(ls []StoredList) error {
	if len(t.KeyOff) == 0 && len(t.RefStart) == 0 && len(t.Refs) == 0 && t.Blob == "" {
		return nil
	}
	if len(t.KeyOff) != len(t.RefStart) {
		return errors.New("tables differ in length")
	}
	if err := checkStarts(t.KeyOff, len(t.Blob)); err != nil {
		return err
	}
	if err := checkStarts(t.RefStart, len(t.Refs)); err != nil {
		return err
	}
	for i := 2; i < len(t.KeyOff); i++ {
		if t.Blob[t.KeyOff[i-2]:t.KeyOff[i-1]] >= t.Blob[t.KeyOff[i-1]:t.KeyOff[i]] {
			return errors.New("keys not in order")
		}
	}
	for _, r := range t.Refs {
		if err := checkRef(ls, r.ref); err != nil {
			return err
		}
	}
	return nil
}

// check checks a deletion table whose ids are below n.
func (t *DelTable) check(n int32) error {
	if len(t.Start) == 0 {
		if len(t.Ent) != 0 {
			return errors.New("entries without buckets")
		}
		return nil
	}
	buckets := len(t.Start) - 1
	if buckets&(buckets-1) != 0 || t.Mask != uint64(buckets-1) {
		return errors.New("bad shape")
	}
	if err := checkStarts(t.Start, len(t.Ent)); err != nil {
		return err
	}
	for i, e := range t.Ent {
		if id := int32(e.val()); id < 0 || id >= n {
			return errors.New("id out of range")
		}
		b := uint64(e.tag()) & t.Mask
		if int32(i) < t.Start[b] || int32(i) >= t.Start[b+1] {
			return errors.New("hash in the wrong bucket")
		}
	}
	return nil
}

// check checks a string table over n words.
func (t *StrTable) check(n int) error {
	if len(t.Slots) == 0 {
		if n != 0 {
			return errors.New("no slots")
		}
		return nil
	}
	if len(t.Slots)&(len(t.Slots)-1) != 0 || t.Mask != uint64(len(t.Slots)-1) || len(t.Slots) < 2*n {
		return errors.New("bad shape")
	}
	for _, s := range t.Slots {
		if id := s.val(); s != 0 && (id == 0 || int64(id) > int64(n)) {
			return errors.New("slot out of range")
		}
	}
	return nil
}
