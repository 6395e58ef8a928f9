package indexfile

import (
	"fmt"
	"hash/crc32"
	"io"
	"slices"
	"strings"
	"unsafe"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/screen"
)

// entriesSection is the entries section of an index being read: the lists
// take used bytes of it, in order.
type entriesSection struct {
	r         io.ReaderAt
	off, size int64
	used      int64
}

// entryList is the entries of one list of an index file: entry i is at
// base+offs[i], offs[i+1]-offs[i] bytes.
type entryList struct {
	id   string // the list's provenance ID, for errors
	r    io.ReaderAt
	base int64
	offs []uint32
	// byID lists the entries in the order of their IDs.
	byID []int32
	// whole is set for a list held in memory (a ban list): held are its
	// entries.
	whole bool
	held  []lists.Entry
}

// len is the number of entries.
func (l *entryList) len() int { return len(l.offs) - 1 }

// read reads entry i into a decoder.
func (l *entryList) read(i int) (decoder, error) {
	buf := make([]byte, l.offs[i+1]-l.offs[i])
	if err := readFull(l.r, buf, l.base+int64(l.offs[i])); err != nil {
		return decoder{}, fmt.Errorf("read entry %d of list %s from the index file: %w", i, l.id, err)
	}
	return newDecoder(buf), nil
}

// entry returns entry i: the one held, or one read for the call.
func (l *entryList) entry(i int) (*lists.Entry, error) {
	if l.whole {
		return &l.held[i], nil
	}
	d, err := l.read(i)
	if err != nil {
		return nil, err
	}
	e := d.entry()
	if d.err == nil && d.off != len(d.s) {
		d.fail("bytes after the entry")
	}
	if d.err != nil {
		return nil, fmt.Errorf("read entry %d of list %s from the index file: %w", i, l.id, d.err)
	}
	return &e, nil
}

// entryID returns the ID of entry i, its first field, decoding no more.
func (l *entryList) entryID(i int) (string, error) {
	if l.whole {
		return l.held[i].ID, nil
	}
	d, err := l.read(i)
	if err != nil {
		return "", err
	}
	id := d.str()
	if d.err != nil {
		return "", fmt.Errorf("read entry %d of list %s from the index file: %w", i, l.id, d.err)
	}
	return id, nil
}

// find returns the entry whose ID is id, by binary search over byID.
func (l *entryList) find(id string) (int, bool, error) {
	lo, hi := 0, len(l.byID)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		mid, err := l.entryID(int(l.byID[m]))
		if err != nil {
			return 0, false, err
		}
		if strings.Compare(mid, id) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(l.byID) {
		return 0, false, nil
	}
	got, err := l.entryID(int(l.byID[lo]))
	if err != nil || got != id {
		return 0, false, err
	}
	return int(l.byID[lo]), true, nil
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

// check reads the entries section in list order, in chunks that end on
// entry boundaries: it decodes every entry once (keeping those of lists
// held whole, counting every entry's aliases into stored) and returns the
// section's checksum.
func (s source) check(stored []screen.StoredList) (uint32, error) {
	var sum uint32
	var buf []byte
	for li := range s {
		l := &s[li]
		aliases := make([]int32, l.len())
		for i := 0; i < l.len(); {
			// A chunk of about 1 MB, or one entry larger than that.
			j := i + 1
			for j < l.len() && l.offs[j+1]-l.offs[i] <= 1<<20 {
				j++
			}
			lo, hi := l.offs[i], l.offs[j]
			buf = slices.Grow(buf[:0], int(hi-lo))[:hi-lo]
			if err := readFull(l.r, buf, l.base+int64(lo)); err != nil {
				return 0, fmt.Errorf("read index entries: %w", err)
			}
			sum = crc32.Update(sum, castagnoli, buf)
			// The entries of a list held whole are kept: give them their
			// own strings. The others are only checked.
			str := unsafe.String(unsafe.SliceData(buf), len(buf))
			if l.whole {
				str = string(buf)
			}
			for k := i; k < j; k++ {
				d := decoder{s: str[:l.offs[k+1]-lo], off: int(l.offs[k] - lo)}
				if l.whole {
					e := d.entry()
					l.held = append(l.held, e)
					aliases[k] = int32(len(e.Aliases))
				} else {
					aliases[k] = int32(d.skipEntry())
				}
				if d.err == nil && d.off != len(d.s) {
					d.fail("bytes after the entry")
				}
				if d.err != nil {
					return 0, fmt.Errorf("%w: list %s: entry %d: %w", ErrFormat, l.id, k, d.err)
				}
			}
			i = j
		}
		stored[li].Aliases = aliases
	}
	return sum, nil
}

// entry writes one entry; decoder.entry and decoder.skipEntry read it,
// entryList.entryID reads its first field.
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
