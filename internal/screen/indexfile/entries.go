package indexfile

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"unsafe"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/screen"
)

// entriesSection is the entries section of an index being read, through
// r: the lists take used bytes of it, in order. Each block of blockSize
// bytes is checked against its SHA-256 (sums, from the tables section)
// the first time an entry in it is read; ok records the blocks checked.
type entriesSection struct {
	r         io.ReaderAt
	off, size int64 // where the section starts in r, and its size
	used      int64
	sums      [][sha256.Size]byte
	ok        []atomic.Bool
}

// blocks returns the blocks that bytes lo to hi of the section are in.
func blocks(lo, hi int64) (first, last int) {
	return int(lo / blockSize), int((hi - 1) / blockSize)
}

// checked reports whether every block of bytes lo to hi has been checked.
func (s *entriesSection) checked(lo, hi int64) bool {
	first, last := blocks(lo, hi)
	for b := first; b <= last; b++ {
		if !s.ok[b].Load() {
			return false
		}
	}
	return true
}

// check checks the blocks of buf, which holds the section's bytes from the
// start of block first on, against their digests.
func (s *entriesSection) check(buf []byte, first int) error {
	for k := 0; k < len(buf); k += blockSize {
		b := first + k/blockSize
		if s.ok[b].Load() {
			continue
		}
		if sha256.Sum256(buf[k:min(k+blockSize, len(buf))]) != s.sums[b] {
			return fmt.Errorf("%w: digest of block %d of the entries does not match", ErrFormat, b)
		}
		s.ok[b].Store(true)
	}
	return nil
}

// read returns bytes lo to hi of the section, checked, in a slice of
// their own.
func (s *entriesSection) read(lo, hi int64) ([]byte, error) {
	if lo == hi {
		return nil, nil
	}
	if s.checked(lo, hi) {
		buf := make([]byte, hi-lo)
		if err := readFull(s.r, buf, s.off+lo); err != nil {
			return nil, err
		}
		return buf, nil
	}
	// Read the whole blocks to check them, and keep the part asked for.
	first, last := blocks(lo, hi)
	start := int64(first) * blockSize
	buf := make([]byte, min(int64(last+1)*blockSize, s.size)-start)
	if err := readFull(s.r, buf, s.off+start); err != nil {
		return nil, err
	}
	if err := s.check(buf, first); err != nil {
		return nil, err
	}
	if int64(len(buf)) == hi-lo {
		return buf, nil
	}
	return bytes.Clone(buf[lo-start : hi-start]), nil
}

// entryList is the entries of one list of an index file: entry i is at
// base+offs[i] in the entries section, offs[i+1]-offs[i] bytes.
type entryList struct {
	id   string // the list's provenance ID, for errors
	sec  *entriesSection
	base int64
	offs []uint32
	// byID lists the entries in the order of their IDs.
	byID []int32
	// aliases is the number of aliases of each entry.
	aliases []int32
	// whole is set for a list held in memory (a ban list): held are its
	// entries.
	whole bool
	held  []lists.Entry
}

// len is the number of entries.
func (l *entryList) len() int { return len(l.offs) - 1 }

// span returns where entry i is in the entries section.
func (l *entryList) span(i int) (lo, hi int64) {
	return l.base + int64(l.offs[i]), l.base + int64(l.offs[i+1])
}

// readErr names entry i of the list in an error.
func (l *entryList) readErr(i int, err error) error {
	return fmt.Errorf("read entry %d of list %s from the index file: %w", i, l.id, err)
}

// entry returns entry i: the one held, or one read for the call.
func (l *entryList) entry(i int) (*lists.Entry, error) {
	if l.whole {
		return &l.held[i], nil
	}
	buf, err := l.sec.read(l.span(i))
	if err != nil {
		return nil, l.readErr(i, err)
	}
	d := newDecoder(buf)
	e := d.entry()
	if d.err == nil && d.off != len(d.s) {
		d.fail("bytes after the entry")
	}
	if d.err == nil && len(e.Aliases) != int(l.aliases[i]) {
		d.fail("%d aliases, the tables say %d", len(e.Aliases), l.aliases[i])
	}
	if d.err != nil {
		return nil, l.readErr(i, d.err)
	}
	return &e, nil
}

// compareID reports how the ID of entry i, its first field, compares with id,
// decoding no more.
func (l *entryList) compareID(i int, id string) (int, error) {
	if l.whole {
		return strings.Compare(l.held[i].ID, id), nil
	}
	buf, err := l.sec.read(l.span(i))
	if err != nil {
		return 0, l.readErr(i, err)
	}
	d := newDecoder(buf)
	got := d.str()
	if d.err != nil {
		return 0, l.readErr(i, d.err)
	}
	return strings.Compare(got, id), nil
}

// find returns the entry whose ID is id, by binary search over byID.
func (l *entryList) find(id string) (int, bool, error) {
	lo, hi := 0, len(l.byID)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		c, err := l.compareID(int(l.byID[m]), id)
		if err != nil {
			return 0, false, err
		}
		if c < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(l.byID) {
		return 0, false, nil
	}
	c, err := l.compareID(int(l.byID[lo]), id)
	if err != nil || c != 0 {
		return 0, false, err
	}
	return int(l.byID[lo]), true, nil
}

// hold reads and keeps every entry of a list held whole, checking each.
func (l *entryList) hold() error {
	if l.len() == 0 {
		return nil
	}
	lo, _ := l.span(0)
	_, hi := l.span(l.len() - 1)
	buf, err := l.sec.read(lo, hi)
	if err != nil {
		return fmt.Errorf("read the entries of list %s from the index file: %w", l.id, err)
	}
	// The entries keep strings of buf, a copy of their own.
	str := unsafe.String(unsafe.SliceData(buf), len(buf))
	l.held = make([]lists.Entry, l.len())
	for k := range l.held {
		d := decoder{s: str[:l.offs[k+1]], off: int(l.offs[k])}
		l.held[k] = d.entry()
		if d.err == nil && d.off != len(d.s) {
			d.fail("bytes after the entry")
		}
		if d.err == nil && len(l.held[k].Aliases) != int(l.aliases[k]) {
			d.fail("%d aliases, the tables say %d", len(l.held[k].Aliases), l.aliases[k])
		}
		if d.err != nil {
			return fmt.Errorf("%w: list %s: entry %d: %w", ErrFormat, l.id, k, d.err)
		}
	}
	return nil
}

// source is the screen.EntrySource of an index file: the entries of ban
// lists from memory, the others from the file, one at a time.
type source []entryList

var _ screen.EntrySource = source(nil)

// Entry returns the entry r locates.
func (s source) Entry(r screen.EntryRef) (*lists.Entry, error) {
	return s[r.List].entry(r.Entry)
}

// Find returns the position in list of the entry whose ID is id.
func (s source) Find(list int, id string) (int, bool, error) {
	return s[list].find(id)
}

// entry writes one entry; decoder.entry reads it, entryList.compareID
// reads its first field.
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

// entryStrings returns the string slices of an entry, in the order of the
// binary form.
func entryStrings(e *lists.Entry) [11]*[]string {
	return [11]*[]string{&e.Brands, &e.Programs, &e.Domains, &e.PurlNamespaces, &e.CPEVendors,
		&e.Nationalities, &e.DatesOfBirth, &e.LinkedTo, &e.Addresses, &e.Emails, &e.Websites}
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
