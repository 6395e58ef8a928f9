package indexfile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
	"runtime"
	"sync"

	"github.com/bangate/bangate/internal/screen"
)

// The header.
const (
	magic   = "bangate index\x00"
	version = 7
	// headerSize is the size of the header, at the start of the file.
	headerSize = 40
)

// Header fields, by offset.
const (
	hdrVersion    = len(magic)
	hdrLayout     = hdrVersion + 4
	hdrEntries    = hdrLayout + 4
	hdrSumTables  = hdrEntries + 8
	hdrSumEntries = hdrSumTables + 4
)

// maxTables bounds the tables section Read takes into memory.
const maxTables = 1 << 31

// ErrFormat is wrapped by Read's error for data that is not an index file
// this program writes: another format, version or machine layout, a
// checksum that does not match, or tables out of bounds.
var ErrFormat = errors.New("not a bangate index of this version")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// layoutSig identifies the memory layout of the tables stored as they are
// held: the architecture, the byte order and the layout of the stored
// structs. It is a constant of the program, computed once.
var layoutSig = sync.OnceValue(func() uint32 {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s %d %s", runtime.GOARCH, binary.NativeEndian.Uint16([]byte{1, 2}), screen.TablesLayout())
	return h.Sum32()
})

// header is the decoded header of an index file.
type header struct {
	// entries is where the entries section starts: the size of the
	// header and the tables section.
	entries    int64
	sumTables  uint32
	sumEntries uint32
}

// putHeader writes the header of an index whose tables section ends at
// entries into h.
func putHeader(h []byte, entries int, sumTables, sumEntries uint32) {
	copy(h, magic)
	binary.LittleEndian.PutUint32(h[hdrVersion:], version)
	binary.LittleEndian.PutUint32(h[hdrLayout:], layoutSig())
	binary.LittleEndian.PutUint64(h[hdrEntries:], uint64(entries))
	binary.LittleEndian.PutUint32(h[hdrSumTables:], sumTables)
	binary.LittleEndian.PutUint32(h[hdrSumEntries:], sumEntries)
}

// readHeader reads and checks the header of an index file of size bytes.
func readHeader(r io.ReaderAt, size int64) (header, error) {
	var hdr [headerSize]byte
	if size < headerSize {
		return header{}, fmt.Errorf("%w: no index header", ErrFormat)
	}
	if err := readFull(r, hdr[:], 0); err != nil {
		return header{}, fmt.Errorf("read index header: %w", err)
	}
	if string(hdr[:len(magic)]) != magic {
		return header{}, fmt.Errorf("%w: no index header", ErrFormat)
	}
	if v := binary.LittleEndian.Uint32(hdr[hdrVersion:]); v != version {
		return header{}, fmt.Errorf("%w: format version %d, want %d", ErrFormat, v, version)
	}
	if binary.LittleEndian.Uint32(hdr[hdrLayout:]) != layoutSig() {
		return header{}, fmt.Errorf("%w: written on another machine layout", ErrFormat)
	}
	end := binary.LittleEndian.Uint64(hdr[hdrEntries:])
	if end < headerSize || end > uint64(size) || end > maxTables {
		return header{}, fmt.Errorf("%w: tables section out of bounds", ErrFormat)
	}
	return header{
		entries:    int64(end),
		sumTables:  binary.LittleEndian.Uint32(hdr[hdrSumTables:]),
		sumEntries: binary.LittleEndian.Uint32(hdr[hdrSumEntries:]),
	}, nil
}

// readFull reads len(p) bytes at off: a reader may report io.EOF with
// the last byte, which is no error.
func readFull(r io.ReaderAt, p []byte, off int64) error {
	n, err := r.ReadAt(p, off)
	if n == len(p) {
		return nil
	}
	if err == nil || errors.Is(err, io.EOF) {
		return fmt.Errorf("%d of %d bytes at offset %d: %w", n, len(p), off, io.ErrUnexpectedEOF)
	}
	return err
}
