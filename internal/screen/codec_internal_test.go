package screen

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"testing"
	"unsafe"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// FuzzDecodeIndex feeds DecodeIndex payloads under a valid header and
// checksum, so that the fuzzer reaches the table checks: a payload either
// fails with ErrIndexFormat (or an entry error) or decodes into an index
// every query runs on without a panic.
func FuzzDecodeIndex(f *testing.F) {
	small := &lists.List{Provenance: provenance.List{ID: "l", Kind: provenance.KindSanctions}, Entries: []lists.Entry{
		{ID: "1", Name: "SECHIN, Igor Ivanovich", Type: "individual", Aliases: []lists.Alias{{Name: "Igor Setchin", Type: "aka"}}},
		{ID: "2", Name: "Positive Technologies", Type: "entity", Domains: []string{"ptsecurity.com"},
			IDs: []lists.Identifier{{Type: "Tax ID No.", Number: "7718668887"}}},
	}}
	ban := &lists.List{Provenance: provenance.List{ID: "b", Kind: provenance.KindBan}, Entries: []lists.Entry{
		{ID: "k", Name: "Kaspersky Lab", Type: "entity", Brands: []string{"kaspersky"}, PurlNamespaces: []string{"npm:@kaspersky"}, CPEVendors: []string{"kaspersky"}},
	}}
	for _, ls := range [][]*lists.List{{small}, {small, ban}, {ban}, nil} {
		ix, err := NewIndex(ls, DefaultOptions())
		if err != nil {
			f.Fatal(err)
		}
		data, err := ix.MarshalBinary()
		if err != nil {
			f.Fatal(err)
		}
		end := binary.LittleEndian.Uint64(data[hdrEntries:])
		f.Add(data[headerSize:end], data[end:])
	}
	f.Fuzz(func(t *testing.T, tables, entries []byte) {
		data := withHeader(tables, entries)
		ix, err := ReadIndex(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		for _, q := range []string{"Igor Sechin", "Positive Technologies", "Kaspersky", "Sechin Igor Ivanovich", "positive tech"} {
			ix.Party(Query{Name: q})
			ix.Party(Query{Name: q, Kind: KindPerson})
		}
		ix.Domain("ptsecurity.com")
		ix.PURLNamespace("npm", "@kaspersky")
		ix.CPEVendor("kaspersky")
		ix.Identifier("7718668887")
		if _, err := ix.MarshalBinary(); err != nil {
			t.Fatal(err)
		}
		ix.Lists()
		ix.Entry("l", "1")
	})
}

// withHeader puts a valid header before the tables and entries sections.
func withHeader(tables, entries []byte) []byte {
	data := make([]byte, headerSize, headerSize+len(tables)+len(entries))
	copy(data, indexMagic)
	binary.LittleEndian.PutUint32(data[hdrVersion:], indexVersion)
	binary.LittleEndian.PutUint32(data[hdrLayout:], layoutSig())
	binary.LittleEndian.PutUint64(data[hdrEntries:], uint64(headerSize+len(tables)))
	binary.LittleEndian.PutUint32(data[hdrSumTables:], crc32.Checksum(tables, castagnoli))
	binary.LittleEndian.PutUint32(data[hdrSumEntries:], crc32.Checksum(entries, castagnoli))
	return append(append(data, tables...), entries...)
}

// TestRawViewUnaligned: a table whose memory is not aligned for its type
// is copied, to the same values.
func TestRawViewUnaligned(t *testing.T) {
	var e encoder
	want := []int32{1, -2, 3, 1 << 30}
	appendRaw(&e, want)
	buf := make([]byte, len(e.b)+1)
	copy(buf[1:], e.b)
	// Offsets count from the start of the data, as in an index: place
	// the table at offset 0 of a view that starts one byte in.
	d := decoder{b: buf[1:], s: string(buf[1:])}
	got := rawView[int32](&d)
	if d.err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %v (%v), want %v", got, d.err, want)
	}
	if &got[0] == (*int32)(unsafe.Pointer(&buf[1+8])) {
		t.Fatal("the unaligned table was not copied")
	}
}

// TestReadErrorLatched: an entry that cannot be read once the index is
// open is reported by Err.
func TestReadErrorLatched(t *testing.T) {
	l := &lists.List{Provenance: provenance.List{ID: "l", Kind: provenance.KindSanctions}, Entries: []lists.Entry{
		{ID: "2", Name: "Positive Technologies", Type: "entity", Domains: []string{"ptsecurity.com"}},
	}}
	ix, err := NewIndex([]*lists.List{l}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	data, err := ix.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	r := &failingReader{data: data}
	got, err := ReadIndex(r, int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if got.Err() != nil {
		t.Fatalf("Err before any failure: %v", got.Err())
	}
	r.fail = true
	got.Domain("ptsecurity.com")
	if got.Err() == nil {
		t.Fatal("Err is nil after a failed read")
	}
}

type failingReader struct {
	data []byte
	fail bool
}

func (r *failingReader) ReadAt(p []byte, off int64) (int, error) {
	if r.fail {
		return 0, errors.New("disk on fire")
	}
	return bytes.NewReader(r.data).ReadAt(p, off)
}
