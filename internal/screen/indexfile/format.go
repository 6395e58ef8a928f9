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
	version = 14
	// headerSize is the size of the header, at the start of the file.
	headerSize = 40
)

// Header fields, by offset; the checksum is followed by padding to
// headerSize, which must be zero.
const (
	hdrVersion   = len(magic)
	hdrLayout    = hdrVersion + 4
	hdrEntries   = hdrLayout + 4
	hdrSumTables = hdrEntries + 8
	hdrEnd       = hdrSumTables + 4
)

// blockSize is the size of the blocks of the entries section that are
// checked one at a time, each against its own SHA-256 in the tables
// section, the first time an entry in it is read.
const blockSize = 16 << 10

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// maxTables bounds the tables section Read takes into memory.
const maxTables = 1 << 31

// ErrFormat is wrapped by Read's error for data that is not an index file
// this program writes: another format, version or machine layout, a
// checksum that does not match, or tables out of bounds.
var ErrFormat = errors.New("not a bangate index of this version")

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
	entries int64
	// sumTables is the CRC-32C of the tables section.
	sumTables uint32
}

// putHeader writes the header of an index file into h, which holds the
// header and the tables section, whose end is where the entries section
// starts.
func putHeader(h []byte) {
	copy(h, magic)
	binary.LittleEndian.PutUint32(h[hdrVersion:], version)
	binary.LittleEndian.PutUint32(h[hdrLayout:], layoutSig())
	binary.LittleEndian.PutUint64(h[hdrEntries:], uint64(len(h)))
	binary.LittleEndian.PutUint32(h[hdrSumTables:], crc32.Checksum(h[headerSize:], castagnoli))
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
	return parseHeader(hdr[:], size)
}

// parseHeader checks the header hdr of an index file of size bytes.
func parseHeader(hdr []byte, size int64) (header, error) {
	if size < headerSize || len(hdr) < headerSize {
		return header{}, fmt.Errorf("%w: no index header", ErrFormat)
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
	for _, c := range hdr[hdrEnd:headerSize] {
		if c != 0 {
			return header{}, fmt.Errorf("%w: bad header padding", ErrFormat)
		}
	}
	return header{entries: int64(end), sumTables: binary.LittleEndian.Uint32(hdr[hdrSumTables:])}, nil
}

// checkTables checks the header and tables section data (the first
// h.entries bytes of the file) against the header's checksum.
func (h header) checkTables(data []byte) error {
	if crc32.Checksum(data[headerSize:], castagnoli) != h.sumTables {
		return fmt.Errorf("%w: checksum of the tables does not match", ErrFormat)
	}
	return nil
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
