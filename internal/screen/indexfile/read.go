package indexfile

import (
	"fmt"
	"hash/crc32"
	"io"

	"github.com/bangate/bangate/internal/screen"
)

// Read reads an index file of size bytes written by Append of this
// program. It reads the tables section into memory, where the index uses
// its tables in place, and the entries of ban lists; it checks the entries
// of sanctions lists but leaves them in r, reading each when a query needs
// it, so r must stay readable, unchanged, for as long as the index is
// used (the index never closes it). A query whose entry cannot be read
// then returns the error; later queries read again. Data that is not a
// whole, intact index file of this format version and machine layout is
// an error wrapping ErrFormat.
func Read(r io.ReaderAt, size int64) (*screen.Index, error) {
	h, err := readHeader(r, size)
	if err != nil {
		return nil, err
	}
	data := make([]byte, h.entries)
	if err := readFull(r, data, 0); err != nil {
		return nil, fmt.Errorf("read index tables: %w", err)
	}
	if h.sumTables != crc32.Checksum(data[headerSize:], castagnoli) {
		return nil, fmt.Errorf("%w: checksum of the tables does not match", ErrFormat)
	}
	return decode(h, data, entriesSection{r: r, off: h.entries, size: size - h.entries})
}

// decode makes the index of an index file whose header is h, whose header
// and tables section are data (used in place: it must not change while
// the index is in use) and whose entries section is ents.
func decode(h header, data []byte, ents entriesSection) (*screen.Index, error) {
	d := newDecoder(data)
	d.off = headerSize
	var opts screen.Options
	opts.Match, opts.Review = d.f64(), d.f64()
	opts.MaxMatches = d.count(0)
	opts.Vessels = d.bool()

	n := d.count(3)
	stored := make([]screen.StoredList, n)
	src := make(source, n)
	for i := range n {
		stored[i].Provenance, src[i] = d.list(&ents)
	}
	t := d.tables()
	if d.err == nil && d.off != len(data) {
		d.fail("%d bytes after the tables", len(data)-d.off)
	}
	if d.err != nil {
		return nil, d.err
	}
	if ents.used != ents.size {
		return nil, fmt.Errorf("%w: entries section of %d bytes, lists take %d", ErrFormat, ents.size, ents.used)
	}
	// Check the entries: read the section once, in list order.
	sum, err := src.check(stored)
	if err != nil {
		return nil, err
	}
	if sum != h.sumEntries {
		return nil, fmt.Errorf("%w: checksum of the entries does not match", ErrFormat)
	}
	ix, err := screen.FromTables(opts, stored, t, src)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	return ix, nil
}
