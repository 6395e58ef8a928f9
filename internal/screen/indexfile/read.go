package indexfile

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/bangate/bangate/internal/screen"
)

// Read reads an index file of size bytes written by Append of this
// program. It reads the header and tables section into memory, checks
// them against the header's checksum, and uses the tables in place; it
// reads the entries of ban lists, and leaves those of sanctions lists in
// r, reading each when a query needs it, so r must stay readable,
// unchanged, for as long as the index is used (the index never closes
// it). Each block of the entries section is checked against its SHA-256
// the first time an entry in it is read. A query whose entry cannot be
// read, or whose block does not match its digest, returns the error;
// later queries read again. Data that is not a whole, intact index
// file of this format version and machine layout is an error wrapping
// ErrFormat.
func Read(r io.ReaderAt, size int64) (*screen.Index, error) {
	return read(r, size, func(h header, data []byte) error { return h.checkTables(data) })
}

// read reads the header and tables section of the index file in r into
// memory, checks them with check and decodes the index, whose entries
// section stays in r.
func read(r io.ReaderAt, size int64, check func(h header, data []byte) error) (*screen.Index, error) {
	h, err := readHeader(r, size)
	if err != nil {
		return nil, err
	}
	data := make([]byte, h.entries)
	prefault(data)
	if err := readFull(r, data, 0); err != nil {
		return nil, fmt.Errorf("read index tables: %w", err)
	}
	if err := check(h, data); err != nil {
		return nil, err
	}
	return decode(data, &entriesSection{r: r, off: h.entries, size: size - h.entries})
}

// ErrDigest is wrapped by ReadSHA256's error for a file whose digest is
// not the one given.
var ErrDigest = errors.New("index file digest mismatch")

// ReadSHA256 is Read of a file whose digest is known (recorded when it
// was written): it returns an index only when the SHA-256 of the file's
// header and tables section (TablesSHA256) is want. The digest is taken
// over the very bytes the index then uses (a copy in memory, which
// nothing else can change), and stands in for the tables' checksum,
// which is not computed again. The tables hold the SHA-256 of each block
// of the entries section, so the digest covers the whole file: an entry
// of a sanctions list is read from r when a query needs it, its block
// checked against its digest when first read, as Read does. The entries
// section is not read here. A digest that is not want is an error
// wrapping ErrDigest.
func ReadSHA256(r io.ReaderAt, size int64, want [sha256.Size]byte) (*screen.Index, error) {
	return read(r, size, func(h header, data []byte) error {
		// The header hashed is the header used: not one read before.
		if again, err := parseHeader(data, size); err != nil || again != h {
			return fmt.Errorf("%w: the header changed while the file was read", ErrFormat)
		}
		if got := sha256.Sum256(data); got != want {
			return fmt.Errorf("%w: sha256 of the tables %x, want %x", ErrDigest, got, want)
		}
		return nil
	})
}

// TablesSHA256 is the digest ReadSHA256 checks: the SHA-256 of the
// header and tables section of the index file data (as Append and
// Marshal write it).
func TablesSHA256(data []byte) ([sha256.Size]byte, error) {
	h, err := parseHeader(data, int64(len(data)))
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	return sha256.Sum256(data[:h.entries]), nil
}

// decode makes the index of an index file whose header and tables
// section are data (used in place: it must not change while the index is
// in use) and whose entries section is ents.
func decode(data []byte, ents *entriesSection) (*screen.Index, error) {
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
		stored[i].Provenance, src[i] = d.list(ents)
		stored[i].Aliases = src[i].aliases
	}
	t := d.tables()
	ents.sums = rawView[[sha256.Size]byte](&d)
	if d.err == nil && d.off != len(data) {
		d.fail("%d bytes after the tables", len(data)-d.off)
	}
	if d.err != nil {
		return nil, d.err
	}
	if ents.used != ents.size {
		return nil, fmt.Errorf("%w: entries section of %d bytes, lists take %d", ErrFormat, ents.size, ents.used)
	}
	if want := (ents.size + blockSize - 1) / blockSize; int64(len(ents.sums)) != want {
		return nil, fmt.Errorf("%w: %d digests for %d blocks of entries", ErrFormat, len(ents.sums), want)
	}
	ents.ok = make([]atomic.Bool, len(ents.sums))
	for i := range src {
		if src[i].whole {
			if err := src[i].hold(); err != nil {
				return nil, err
			}
		}
	}
	ix, err := screen.FromTables(opts, stored, t, src)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	return ix, nil
}
