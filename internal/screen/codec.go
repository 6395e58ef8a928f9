package screen

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
	"math"
	"runtime"
	"slices"
	"strings"
	"unsafe"

	"github.com/bangate/bangate/internal/lists"
)

// The binary form of an Index, written by AppendBinary and read by
// ReadIndex, lets a process start screening without parsing the list
// files and indexing them again: a cache, not an interchange format.
//
// Layout: a header of headerSize bytes (indexMagic, the format version,
// the layout signature of the program that wrote it, where the entries
// section starts, and the CRC-32C of the tables and of the entries), the
// tables section, then the entries section.
//
// The tables section holds the options, the lists' provenance, the scored
// names and the vocabulary. Its big tables (words, weights, postings,
// look-up tables, deletion tables, identifier tables, entry offsets) are
// stored as this program holds them in memory, 8-byte aligned, and
// ReadIndex uses them in place; counts and lengths are unsigned varints.
//
// The entries section holds the entries of every list, one after the
// other. Ban lists, which are small, are read whole; the entries of
// sanctions lists stay where they are and are read one at a time when a
// match needs one, so that some 40,000 entries cost no memory until
// then. The ban names and brand words are rebuilt on reading.
const (
	indexMagic   = "bangate index\x00"
	indexVersion = 5
	headerSize   = 40
)

// ErrIndexFormat is returned by ReadIndex for data that is not an index
// this program writes: another format, version or machine layout, a
// checksum that does not match, or tables out of bounds.
var ErrIndexFormat = errors.New("not a bangate index of this version")

// Header fields, by offset.
const (
	hdrVersion    = len(indexMagic)
	hdrLayout     = hdrVersion + 4
	hdrEntries    = hdrLayout + 4
	hdrSumTables  = hdrEntries + 8
	hdrSumEntries = hdrSumTables + 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// layoutSig identifies the memory layout of the tables stored as they are
// held: the architecture (and so the byte order) and the shape of recWord.
func layoutSig() uint32 {
	h := fnv.New32a()
	var w recWord
	var r idRef
	fmt.Fprintf(h, "%s %d %d %d %d %d %d %d %d", runtime.GOARCH, unsafe.Sizeof(w), unsafe.Offsetof(w.text),
		unsafe.Offsetof(w.weight), unsafe.Offsetof(w.flags), unsafe.Offsetof(w.first),
		unsafe.Sizeof(r), unsafe.Offsetof(r.field), binary.NativeEndian.Uint16([]byte{1, 2}))
	return h.Sum32()
}

// AppendBinary appends the binary form of the index to b.
func (ix *Index) AppendBinary(b []byte) ([]byte, error) {
	base := len(b)
	e := encoder{b: append(b, make([]byte, headerSize)...), base: base}
	copy(e.b[base:], indexMagic)
	binary.LittleEndian.PutUint32(e.b[base+hdrVersion:], indexVersion)
	binary.LittleEndian.PutUint32(e.b[base+hdrLayout:], layoutSig())

	o := ix.opts
	e.f64(o.Match)
	e.f64(o.Review)
	e.uvarint(uint64(o.MaxMatches))
	e.bool(o.Vessels)

	var ents encoder
	lsts := ix.Lists()
	e.uvarint(uint64(len(lsts)))
	for _, l := range lsts {
		if err := e.list(l, &ents); err != nil {
			return nil, err
		}
	}

	e.uvarint(uint64(len(ix.recs)))
	for _, r := range ix.recs {
		e.i32(r.list)
		e.i32(r.entry)
		e.i32(r.alias)
		e.i32(r.w0)
		e.i32(r.w1)
		e.b = binary.LittleEndian.AppendUint32(e.b, math.Float32bits(r.weight))
		e.b = append(e.b, byte(r.kind))
		e.bool(r.surnames)
	}
	appendRaw(&e, ix.words)

	d := &ix.dict
	e.strs(d.keys)
	e.strTable(&d.ids)
	appendRaw(&e, d.weight)
	appendRaw(&e, d.postStart)
	appendRaw(&e, d.post)
	e.delTable(&d.keyDel)
	e.strs(d.texts)
	e.strTable(&d.textIDs)
	appendRaw(&e, d.textKey)
	e.delTable(&d.textDel)
	e.b = binary.LittleEndian.AppendUint32(e.b, math.Float32bits(d.unseen))
	for k := range ix.ids {
		e.idTable(&ix.ids[k])
	}

	h := e.b[base:]
	binary.LittleEndian.PutUint64(h[hdrEntries:], uint64(len(h)))
	binary.LittleEndian.PutUint32(h[hdrSumTables:], crc32.Checksum(h[headerSize:], castagnoli))
	binary.LittleEndian.PutUint32(h[hdrSumEntries:], crc32.Checksum(ents.b, castagnoli))
	return append(e.b, ents.b...), nil
}

// MarshalBinary returns the binary form of the index.
func (ix *Index) MarshalBinary() ([]byte, error) { return ix.AppendBinary(nil) }

// ReadIndex reads an index of size bytes written by AppendBinary of this
// program. It reads the tables section into memory and the entries of ban
// lists; it checks the entries of sanctions lists but leaves them in r,
// reading each when a match needs it, so r must stay readable, unchanged,
// for as long as the index is used (the index never closes it). Data that
// is not a whole, intact index of this format version and machine layout
// is an error wrapping ErrIndexFormat. A later failure to read an entry is
// reported by Err.
func ReadIndex(r io.ReaderAt, size int64) (*Index, error) {
	var hdr [headerSize]byte
	if size < headerSize {
		return nil, fmt.Errorf("%w: no index header", ErrIndexFormat)
	}
	if _, err := r.ReadAt(hdr[:], 0); err != nil {
		return nil, fmt.Errorf("read index header: %w", err)
	}
	if string(hdr[:len(indexMagic)]) != indexMagic {
		return nil, fmt.Errorf("%w: no index header", ErrIndexFormat)
	}
	if v := binary.LittleEndian.Uint32(hdr[hdrVersion:]); v != indexVersion {
		return nil, fmt.Errorf("%w: format version %d, want %d", ErrIndexFormat, v, indexVersion)
	}
	if binary.LittleEndian.Uint32(hdr[hdrLayout:]) != layoutSig() {
		return nil, fmt.Errorf("%w: written on another machine layout", ErrIndexFormat)
	}
	end := binary.LittleEndian.Uint64(hdr[hdrEntries:])
	if end < headerSize || end > uint64(size) || end > maxTables {
		return nil, fmt.Errorf("%w: tables section out of bounds", ErrIndexFormat)
	}
	data := make([]byte, end)
	if _, err := r.ReadAt(data, 0); err != nil {
		return nil, fmt.Errorf("read index tables: %w", err)
	}
	if binary.LittleEndian.Uint32(hdr[hdrSumTables:]) != crc32.Checksum(data[headerSize:], castagnoli) {
		return nil, fmt.Errorf("%w: checksum of the tables does not match", ErrIndexFormat)
	}
	ents := entriesSection{r: r, off: int64(end), size: size - int64(end)}
	d := decoder{b: data, s: unsafe.String(unsafe.SliceData(data), len(data)), off: headerSize}
	var opts Options
	opts.Match, opts.Review = d.f64(), d.f64()
	opts.MaxMatches = d.count(0)
	opts.Vessels = d.bool()
	if d.err == nil {
		if err := opts.Validate(); err != nil {
			return nil, fmt.Errorf("%w: options: %w", ErrIndexFormat, err)
		}
	}
	ix := &Index{opts: opts}

	n := d.count(3)
	ix.lists = make([]*lists.List, n)
	ix.enc = make([]encodedList, n)
	for i := range ix.lists {
		ix.lists[i], ix.enc[i] = d.list(&ents)
	}
	ix.recs = make([]nameRec, d.count(26))
	for i := range ix.recs {
		r := &ix.recs[i]
		r.list, r.entry, r.alias = d.i32(), d.i32(), d.i32()
		r.w0, r.w1 = d.i32(), d.i32()
		r.weight = math.Float32frombits(d.u32())
		r.kind = recKind(d.byte())
		r.surnames = d.bool()
	}
	ix.words = rawView[recWord](&d)
	dt := &ix.dict
	dt.keys = d.strs()
	dt.ids = d.strTable()
	dt.weight = rawView[float32](&d)
	dt.postStart = rawView[int32](&d)
	dt.post = rawView[int32](&d)
	dt.keyDel = d.delTable()
	dt.texts = d.strs()
	dt.textIDs = d.strTable()
	dt.textKey = rawView[int32](&d)
	dt.textDel = d.delTable()
	dt.unseen = math.Float32frombits(d.u32())
	for k := range ix.ids {
		ix.ids[k] = d.idTable()
	}
	if d.err == nil && d.off != len(data) {
		d.fail("%d bytes after the tables", len(data)-d.off)
	}
	if d.err != nil {
		return nil, d.err
	}
	if ents.used != ents.size {
		return nil, fmt.Errorf("%w: entries section of %d bytes, lists take %d", ErrIndexFormat, ents.size, ents.used)
	}
	// Check the entries: read the section once, in list order.
	sum, err := ix.checkEntries(ents)
	if err != nil {
		return nil, err
	}
	if sum != binary.LittleEndian.Uint32(hdr[hdrSumEntries:]) {
		return nil, fmt.Errorf("%w: checksum of the entries does not match", ErrIndexFormat)
	}
	if err := ix.checkTables(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrIndexFormat, err)
	}
	if err := ix.rebuildMaps(); err != nil {
		return nil, err
	}
	for i := range ix.enc {
		ix.enc[i].aliases = nil // only needed by checkTables
		ix.enc[i].fail = func(err error) { ix.readErr.CompareAndSwap(nil, &err) }
	}
	ix.init()
	return ix, nil
}

// maxTables bounds the tables section ReadIndex reads into memory.
const maxTables = 1 << 31

// entriesSection is the entries section of an index being read: the lists
// take used bytes of it, in order.
type entriesSection struct {
	r         io.ReaderAt
	off, size int64
	used      int64
}

// checkEntries reads the entries section in list order, in chunks that
// end on entry boundaries: it decodes every entry once (keeping those of
// ban lists, counting every entry's aliases) and returns the section's
// checksum.
func (ix *Index) checkEntries(ents entriesSection) (uint32, error) {
	var sum uint32
	var buf []byte
	for li, enc := range ix.enc {
		l := ix.lists[li]
		ban := l.Provenance.Kind == lists.KindBan
		enc.aliases = make([]int32, enc.len())
		for i := 0; i < enc.len(); {
			// A chunk of about 1 MB, or one entry larger than that.
			j := i + 1
			for j < enc.len() && enc.offs[j+1]-enc.offs[i] <= 1<<20 {
				j++
			}
			lo, hi := enc.offs[i], enc.offs[j]
			buf = slices.Grow(buf[:0], int(hi-lo))[:hi-lo]
			if _, err := enc.r.ReadAt(buf, enc.base+int64(lo)); err != nil {
				return 0, fmt.Errorf("read index entries: %w", err)
			}
			sum = crc32.Update(sum, castagnoli, buf)
			// The entries of a ban list are kept: give them their own
			// strings. The others are only checked.
			s := unsafe.String(unsafe.SliceData(buf), len(buf))
			if ban {
				s = string(buf)
			}
			for k := i; k < j; k++ {
				ed := decoder{s: s[:enc.offs[k+1]-lo], off: int(enc.offs[k] - lo)}
				if ban {
					e := ed.entry()
					l.Entries = append(l.Entries, e)
					enc.aliases[k] = int32(len(e.Aliases))
				} else {
					enc.aliases[k] = int32(ed.skipEntry())
				}
				if ed.err == nil && ed.off != len(ed.s) {
					ed.fail("bytes after the entry")
				}
				if ed.err != nil {
					return 0, fmt.Errorf("%w: list %s: entry %d: %w", ErrIndexFormat, l.Provenance.ID, k, ed.err)
				}
			}
			i = j
		}
		if ban {
			enc.offs, enc.byID = nil, nil // held whole
		}
		ix.enc[li] = enc
	}
	return sum, nil
}

// Err returns the first error reading an entry from the index's reader
// after ReadIndex returned, or nil. Matches made after such an error may
// lack their entry's details: a check must not trust them.
func (ix *Index) Err() error {
	if p := ix.readErr.Load(); p != nil {
		return *p
	}
	return nil
}

// rebuildMaps rebuilds what the binary form leaves out: the names and
// brand words of the ban lists, checking their entries as NewIndex does.
func (ix *Index) rebuildMaps() error {
	ix.banNames = make(map[string][]ref)
	ix.brands = make(map[string][]brand)
	b := &builder{ix: ix}
	seen := make(map[string]bool, len(ix.lists))
	for li, l := range ix.lists {
		id := l.Provenance.ID
		if id == "" || seen[id] {
			return fmt.Errorf("%w: list %d: no id, or given twice", ErrIndexFormat, li)
		}
		seen[id] = true
		if l.Provenance.Kind != lists.KindBan {
			continue
		}
		for ei := range l.Entries {
			e := &l.Entries[ei]
			if _, err := recKindOf(e.Type); err != nil || e.ID == "" {
				return fmt.Errorf("%w: list %s: entry %d: no id or bad type", ErrIndexFormat, id, ei)
			}
			if err := b.addBan(ref{list: int32(li), entry: int32(ei), alias: -1}, e); err != nil {
				return fmt.Errorf("index list %s: entry %s: %w", id, e.ID, err)
			}
		}
	}
	return nil
}

// checkTables checks that every reference between the decoded tables is
// in bounds, so that no query can index out of range.
func (ix *Index) checkTables() error {
	for i, r := range ix.recs {
		if err := ix.checkRef(r.ref); err != nil {
			return fmt.Errorf("name %d: %w", i, err)
		}
		if r.w0 < 0 || r.w0 > r.w1 || int(r.w1) > len(ix.words) || r.kind > recVessel {
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
		if err := ix.ids[k].check(ix); err != nil {
			return fmt.Errorf("identifiers: %w", err)
		}
	}
	return nil
}

// check checks a decoded identifier table.
func (t *idTable) check(ix *Index) error {
	if len(t.keyOff) == 0 && len(t.refStart) == 0 && len(t.refs) == 0 && t.blob == "" {
		return nil
	}
	if len(t.keyOff) != len(t.refStart) {
		return errors.New("tables differ in length")
	}
	if err := checkStarts(t.keyOff, len(t.blob)); err != nil {
		return err
	}
	if err := checkStarts(t.refStart, len(t.refs)); err != nil {
		return err
	}
	for i := 2; i < len(t.keyOff); i++ {
		if t.blob[t.keyOff[i-2]:t.keyOff[i-1]] >= t.blob[t.keyOff[i-1]:t.keyOff[i]] {
			return errors.New("keys not in order")
		}
	}
	for _, r := range t.refs {
		if err := ix.checkRef(r.ref); err != nil {
			return err
		}
	}
	return nil
}

// checkRef checks that r points at a name of a loaded entry.
func (ix *Index) checkRef(r ref) error {
	if r.list < 0 || int(r.list) >= len(ix.lists) {
		return errors.New("list out of range")
	}
	var aliases int
	if enc := &ix.enc[r.list]; enc.offs != nil {
		if r.entry < 0 || int(r.entry) >= enc.len() {
			return errors.New("entry out of range")
		}
		aliases = int(enc.aliases[r.entry])
	} else {
		es := ix.lists[r.list].Entries
		if r.entry < 0 || int(r.entry) >= len(es) {
			return errors.New("entry out of range")
		}
		aliases = len(es[r.entry].Aliases)
	}
	if r.alias < -1 || int(r.alias) >= aliases {
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

// check checks a decoded deletion table whose ids are below n.
func (t *delTable) check(n int32) error {
	if len(t.start) == 0 {
		if len(t.hash) != 0 || len(t.id) != 0 {
			return errors.New("entries without buckets")
		}
		return nil
	}
	buckets := len(t.start) - 1
	if buckets&(buckets-1) != 0 || t.mask != uint64(buckets-1) || len(t.hash) != len(t.id) {
		return errors.New("bad shape")
	}
	if err := checkStarts(t.start, len(t.hash)); err != nil {
		return err
	}
	for i, id := range t.id {
		if id < 0 || id >= n {
			return errors.New("id out of range")
		}
		b := uint64(t.hash[i]) & t.mask
		if int32(i) < t.start[b] || int32(i) >= t.start[b+1] {
			return errors.New("hash in the wrong bucket")
		}
	}
	return nil
}

// encodedList is the entries of one list of a read index, left in the
// index's reader: entry i is at base+offs[i], offs[i+1]-offs[i] bytes.
type encodedList struct {
	r    io.ReaderAt
	base int64
	offs []uint32
	// byID lists the entries in the order of their IDs.
	byID []int32
	// aliases counts each entry's aliases, for checkTables only.
	aliases []int32
	// fail records a read error (Index.readErr).
	fail func(error)
}

// len is the number of entries.
func (l *encodedList) len() int { return len(l.offs) - 1 }

// read reads entry i into a decoder; on a read error it records it and
// returns a decoder that yields zero values.
func (l *encodedList) read(i int) decoder {
	buf := make([]byte, l.offs[i+1]-l.offs[i])
	if _, err := l.r.ReadAt(buf, l.base+int64(l.offs[i])); err != nil {
		err = fmt.Errorf("read index entry %d: %w", i, err)
		if l.fail != nil {
			l.fail(err)
		}
		return decoder{err: err}
	}
	return decoder{s: unsafe.String(unsafe.SliceData(buf), len(buf))}
}

// entry reads entry i.
func (l *encodedList) entry(i int) lists.Entry {
	d := l.read(i)
	return d.entry()
}

// find returns the entry whose ID is id.
func (l *encodedList) find(id string) (int, bool) {
	k, ok := slices.BinarySearchFunc(l.byID, id, func(i int32, id string) int { return strings.Compare(l.id(int(i)), id) })
	if !ok {
		return 0, false
	}
	return int(l.byID[k]), true
}

// id returns the ID of entry i, its first field.
func (l *encodedList) id(i int) string {
	d := l.read(i)
	return d.str()
}

// encoder appends the binary form.
type encoder struct {
	b    []byte
	base int // where the index starts in b, for alignment
}

func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) i32(v int32)      { e.b = binary.LittleEndian.AppendUint32(e.b, uint32(v)) }
func (e *encoder) f64(v float64)    { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(v)) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *encoder) strs(ss []string) {
	e.uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// pad pads to a multiple of 8 bytes from the start of the index.
func (e *encoder) pad() {
	for (len(e.b)-e.base)%8 != 0 {
		e.b = append(e.b, 0)
	}
}

// appendRaw appends the count of s, padding, and s as held in memory.
func appendRaw[T any](e *encoder, s []T) {
	e.uvarint(uint64(len(s)))
	e.pad()
	if len(s) > 0 {
		size := int(unsafe.Sizeof(s[0]))
		e.b = append(e.b, unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*size)...)
	}
}

func (e *encoder) strTable(t *strTable) {
	appendRaw(e, t.slots)
	e.b = binary.LittleEndian.AppendUint64(e.b, t.mask)
}

func (e *encoder) delTable(t *delTable) {
	appendRaw(e, t.start)
	appendRaw(e, t.hash)
	appendRaw(e, t.id)
	e.b = binary.LittleEndian.AppendUint64(e.b, t.mask)
}

// list writes a list: its provenance as JSON, the size of its entries,
// where each starts and their order by ID; the entries themselves go to
// ents.
func (e *encoder) list(l *lists.List, ents *encoder) error {
	p, err := json.Marshal(l.Provenance)
	if err != nil {
		return fmt.Errorf("encode list %s: %w", l.Provenance.ID, err)
	}
	e.str(string(p))
	start := len(ents.b)
	offs := make([]uint32, 0, len(l.Entries)+1)
	for i := range l.Entries {
		offs = append(offs, uint32(len(ents.b)-start))
		ents.entry(&l.Entries[i])
	}
	if len(ents.b)-start > math.MaxUint32 {
		return fmt.Errorf("encode list %s: too large", l.Provenance.ID)
	}
	offs = append(offs, uint32(len(ents.b)-start))
	e.uvarint(uint64(len(ents.b) - start))
	appendRaw(e, offs)
	byID := make([]int32, len(l.Entries))
	for i := range byID {
		byID[i] = int32(i)
	}
	slices.SortStableFunc(byID, func(a, b int32) int { return strings.Compare(l.Entries[a].ID, l.Entries[b].ID) })
	appendRaw(e, byID)
	return nil
}

// entry writes one entry; decoder.entry, encodedList.id and
// encodedList.name read it.
func (e *encoder) entry(en *lists.Entry) {
	e.str(en.ID)
	e.str(en.List)
	e.str(en.Name)
	e.str(en.Type)
	e.str(en.Remarks)
	e.uvarint(uint64(len(en.Aliases)))
	for _, a := range en.Aliases {
		e.str(a.Name)
		e.str(a.Type)
		e.str(a.Lang)
	}
	for _, ss := range entryStrings(en) {
		e.strs(*ss)
	}
	e.uvarint(uint64(len(en.IDs)))
	for _, id := range en.IDs {
		e.str(id.Type)
		e.str(id.Number)
		e.str(id.Country)
	}
}

// idTable writes an identifier table.
func (e *encoder) idTable(t *idTable) {
	e.str(t.blob)
	appendRaw(e, t.keyOff)
	appendRaw(e, t.refStart)
	appendRaw(e, t.refs)
}

// entryStrings returns the string slices of an entry, in the order of the
// binary form.
func entryStrings(e *lists.Entry) [9]*[]string {
	return [9]*[]string{&e.Brands, &e.Programs, &e.Domains, &e.PurlNamespaces, &e.CPEVendors,
		&e.Nationalities, &e.DatesOfBirth, &e.LinkedTo, &e.Addresses}
}

// decoder reads the binary form; the first error sticks and every later
// read returns zero values. s is b as a string.
type decoder struct {
	b   []byte
	s   string
	off int
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: at byte %d: %s", ErrIndexFormat, d.off, fmt.Sprintf(format, args...))
	}
}

// take returns the next n bytes.
func (d *decoder) take(n int) string {
	if d.err != nil {
		return ""
	}
	if n < 0 || n > len(d.s)-d.off {
		d.fail("truncated")
		return ""
	}
	s := d.s[d.off : d.off+n]
	d.off += n
	return s
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if d.off >= len(d.s) {
			d.fail("truncated")
			return 0
		}
		c := d.s[d.off]
		d.off++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.fail("bad varint")
	return 0
}

// count reads a count of items of at least size bytes each, which must
// fit in what is left.
func (d *decoder) count(size int) int {
	v := d.uvarint()
	if size > 0 && v > uint64((len(d.s)-d.off)/size) || v > math.MaxInt32 {
		d.fail("count %d too large", v)
		return 0
	}
	return int(v)
}

func (d *decoder) byte() byte {
	s := d.take(1)
	if s == "" {
		return 0
	}
	return s[0]
}

func (d *decoder) bool() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail("bad boolean")
	return false
}

func (d *decoder) u32() uint32 {
	s := d.take(4)
	if len(s) < 4 {
		return 0
	}
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func (d *decoder) u64() uint64 {
	lo := d.u32()
	return uint64(lo) | uint64(d.u32())<<32
}

func (d *decoder) i32() int32   { return int32(d.u32()) }
func (d *decoder) f64() float64 { return math.Float64frombits(d.u64()) }
func (d *decoder) str() string  { return d.take(d.count(1)) }

// strs reads a string slice; nil when empty, as the lists write it.
func (d *decoder) strs() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// rawView reads a table written by appendRaw: in place when its memory is
// aligned for T, else copied.
func rawView[T any](d *decoder) []T {
	var zero T
	size := int(unsafe.Sizeof(zero))
	n := d.count(size)
	for d.err == nil && d.off%8 != 0 {
		if d.byte() != 0 {
			d.fail("bad padding")
		}
	}
	if n == 0 || d.err != nil {
		return nil
	}
	if n > (len(d.b)-d.off)/size {
		d.fail("truncated")
		return nil
	}
	b := d.b[d.off : d.off+n*size]
	d.off += n * size
	p := unsafe.Pointer(unsafe.SliceData(b))
	if uintptr(p)%unsafe.Alignof(zero) == 0 {
		return unsafe.Slice((*T)(p), n)
	}
	out := make([]T, n)
	copy(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(out))), n*size), b)
	return out
}

func (d *decoder) strTable() strTable {
	t := strTable{slots: rawView[int32](d)}
	t.mask = d.u64()
	return t
}

func (d *decoder) delTable() delTable {
	var t delTable
	t.start = rawView[int32](d)
	t.hash = rawView[uint32](d)
	t.id = rawView[int32](d)
	t.mask = d.u64()
	return t
}

// list reads a list written by encoder.list, placing its entries in ents.
func (d *decoder) list(ents *entriesSection) (*lists.List, encodedList) {
	l := &lists.List{}
	if p := d.str(); d.err == nil {
		if err := json.Unmarshal([]byte(p), &l.Provenance); err != nil {
			d.fail("list provenance: %v", err)
		}
	}
	size := d.uvarint()
	enc := encodedList{r: ents.r, base: ents.off + ents.used}
	enc.offs = rawView[uint32](d)
	enc.byID = rawView[int32](d)
	if d.err != nil {
		return l, encodedList{}
	}
	if size > uint64(ents.size-ents.used) {
		d.fail("list %s: entries beyond the entries section", l.Provenance.ID)
		return l, encodedList{}
	}
	ents.used += int64(size)
	if err := checkStarts(enc.offs, int(size)); err != nil {
		d.fail("list %s: entry offsets: %v", l.Provenance.ID, err)
		return l, encodedList{}
	}
	if len(enc.byID) != enc.len() {
		d.fail("list %s: entry order: %d entries, %d in order", l.Provenance.ID, enc.len(), len(enc.byID))
		return l, encodedList{}
	}
	for _, i := range enc.byID {
		if i < 0 || int(i) >= enc.len() {
			d.fail("list %s: entry order out of range", l.Provenance.ID)
			return l, encodedList{}
		}
	}
	return l, enc
}

// entry reads an entry written by encoder.entry.
func (d *decoder) entry() lists.Entry {
	var en lists.Entry
	en.ID, en.List, en.Name, en.Type, en.Remarks = d.str(), d.str(), d.str(), d.str(), d.str()
	if n := d.count(3); n > 0 {
		en.Aliases = make([]lists.Alias, n)
		for j := range en.Aliases {
			en.Aliases[j] = lists.Alias{Name: d.str(), Type: d.str(), Lang: d.str()}
		}
	}
	for _, ss := range entryStrings(&en) {
		*ss = d.strs()
	}
	if n := d.count(3); n > 0 {
		en.IDs = make([]lists.Identifier, n)
		for j := range en.IDs {
			en.IDs[j] = lists.Identifier{Type: d.str(), Number: d.str(), Country: d.str()}
		}
	}
	return en
}

// skipEntry reads past an entry as entry would, without keeping it, and
// returns its number of aliases.
func (d *decoder) skipEntry() int {
	for range 5 {
		d.str()
	}
	aliases := d.count(3)
	for range 3 * aliases {
		d.str()
	}
	for range len(entryStrings(&lists.Entry{})) {
		for range d.count(1) {
			d.str()
		}
	}
	for range 3 * d.count(3) {
		d.str()
	}
	return aliases
}

// idTable reads an identifier table written by encoder.idTable.
func (d *decoder) idTable() idTable {
	var t idTable
	t.blob = d.str()
	t.keyOff = rawView[uint32](d)
	t.refStart = rawView[uint32](d)
	t.refs = rawView[idRef](d)
	return t
}
