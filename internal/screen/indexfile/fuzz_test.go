package indexfile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
)

// FuzzDecodeIndex feeds Read payloads under a valid header whose checksum
// covers the tables, so that the fuzzer reaches the table checks: a
// payload either fails with ErrFormat or reads into an index every query
// runs on without a panic (a query may fail with ErrFormat on an entry
// whose block does not match its checksum).
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
		ix, err := screen.NewIndex(ls, screen.DefaultOptions())
		if err != nil {
			f.Fatal(err)
		}
		data, err := Marshal(ix)
		if err != nil {
			f.Fatal(err)
		}
		end := binary.LittleEndian.Uint64(data[hdrEntries:])
		f.Add(data[headerSize:end], data[end:])
	}
	f.Fuzz(func(t *testing.T, tables, entries []byte) {
		data := withHeader(tables, entries)
		ix, err := Read(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		if err := query(ix); err != nil && !errors.Is(err, ErrFormat) {
			t.Fatal(err)
		}
	})
}

// query runs every kind of query on ix and writes it again; it returns
// the error of writing it, which reads every entry.
func query(ix *screen.Index) error {
	for _, q := range []string{"Igor Sechin", "Positive Technologies", "Kaspersky", "Sechin Igor Ivanovich", "positive tech"} {
		ix.Party(screen.Query{Name: q})
		ix.Party(screen.Query{Name: q, Kind: screen.KindPerson})
		ix.BanName(screen.Query{Name: q})
	}
	ix.Domain("ptsecurity.com")
	ix.PURLNamespace("npm", "@kaspersky")
	ix.CPEVendor("kaspersky")
	ix.Identifier("7718668887")
	ix.Entry("l", "1")
	_, err := Marshal(ix)
	return err
}

// withHeader puts a valid header, whose checksum covers the tables, before
// the tables and entries sections.
func withHeader(tables, entries []byte) []byte {
	data := make([]byte, headerSize, headerSize+len(tables)+len(entries))
	data = append(data, tables...)
	putHeader(data)
	return append(data, entries...)
}
