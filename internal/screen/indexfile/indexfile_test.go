package indexfile_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/internal/screen/indexfile"
)

// TestRoundTrip: an index read from its file holds the same lists and
// answers every query of the labelled set, and the identifier look-ups,
// exactly as the index it was written from; written again, it gives the
// same bytes.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	ls := append(realLists(t), banList())
	opts := screen.DefaultOptions()
	opts.MaxMatches = 7
	built := newIndex(t, ls, opts)
	data, err := indexfile.Marshal(built)
	if err != nil {
		t.Fatal(err)
	}
	got, err := indexfile.Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if got.Options() != opts {
		t.Errorf("options %+v, want %+v", got.Options(), opts)
	}
	if diff := cmp.Diff(built.Provenance(), got.Provenance()); diff != "" {
		t.Fatalf("provenance differs (-built +read):\n%s", diff)
	}
	sameLists(t, built, got, "-built +read")
	again, err := indexfile.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again) {
		t.Error("the index read back does not write the same bytes")
	}
	for _, l := range ls {
		for i := 0; i < len(l.Entries); i += 97 {
			id := l.Entries[i].ID
			a, errA := built.Entry(l.Provenance.ID, id)
			b, errB := got.Entry(l.Provenance.ID, id)
			if a == nil || errA != nil || errB != nil || !cmp.Equal(a, b) {
				t.Fatalf("Entry(%s, %s): built %+v (%v), read %+v (%v)", l.Provenance.ID, id, a, errA, b, errB)
			}
		}
		if e, err := got.Entry(l.Provenance.ID, "no such entry"); e != nil || err != nil {
			t.Errorf("Entry(%s, no such entry) = %+v, %v", l.Provenance.ID, e, err)
		}
	}
	for _, q := range labelled(t) {
		a, errA := built.Party(q)
		b, errB := got.Party(q)
		if errA != nil || errB != nil || !cmp.Equal(a, b) {
			t.Fatalf("%+v: built %v (%v), read %v (%v)", q, a, errA, b, errB)
		}
	}
	same := func(what string, query func(*screen.Index) ([]screen.Match, error)) {
		t.Helper()
		a, errA := query(built)
		b, errB := query(got)
		if len(a) == 0 || errA != nil || errB != nil || !cmp.Equal(a, b) {
			t.Errorf("%s: built %v (%v), read %v (%v) (want equal and not empty)", what, a, errA, b, errB)
		}
	}
	same("domain", func(ix *screen.Index) ([]screen.Match, error) { return ix.Domain("support.kaspersky.com") })
	same("purl", func(ix *screen.Index) ([]screen.Match, error) { return ix.PURLNamespace("npm", "@kaspersky") })
	same("cpe", func(ix *screen.Index) ([]screen.Match, error) { return ix.CPEVendor("kaspersky_lab") })
	same("id", func(ix *screen.Index) ([]screen.Match, error) { return ix.Identifier("914403001922038216") })
	same("ban name", func(ix *screen.Index) ([]screen.Match, error) {
		return ix.BanName(screen.Query{Name: "AO Kaspersky Lab"})
	})
	same("brand", func(ix *screen.Index) ([]screen.Match, error) {
		return ix.Name(screen.Query{Name: "Kaspersky Lab UK Ltd."})
	})
}

// TestReadErrors: anything but a whole, intact index file of this version
// is refused with ErrFormat (a ban list's entries are read at once, so a
// change to them is found at once too).
func TestReadErrors(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, []*lists.List{banList()}, screen.DefaultOptions())
	good, err := indexfile.Marshal(ix)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := indexfile.Read(bytes.NewReader(good), int64(len(good))); err != nil {
		t.Fatalf("good index: %v", err)
	}
	flip := func(i int) []byte {
		b := bytes.Clone(good)
		b[i] ^= 0x20
		return b
	}
	for name, data := range map[string][]byte{
		"empty":      nil,
		"other":      []byte(`{"bomFormat": "CycloneDX"}`),
		"magic":      flip(0),
		"version":    flip(14),
		"layout":     flip(18),
		"entries at": flip(22),
		"checksum":   flip(30),
		"padding":    flip(39),
		"tables":     flip(50),
		"payload":    flip(len(good) / 2),
		"last byte":  flip(len(good) - 1),
		"truncated":  bytes.Clone(good[:len(good)-1]),
		"header":     bytes.Clone(good[:20]),
		"trailing":   append(bytes.Clone(good), 'x'),
	} {
		if _, err := indexfile.Read(bytes.NewReader(data), int64(len(data))); !errors.Is(err, indexfile.ErrFormat) {
			t.Errorf("%s: err %v, want ErrFormat", name, err)
		}
	}
}

// sanctions is a small sanctions list whose entries are read from the
// file when a query needs one.
func sanctions() *lists.List {
	return &lists.List{Provenance: provenance.List{ID: "sdn", Kind: provenance.KindSanctions}, Entries: []lists.Entry{
		{ID: "1", Name: "SECHIN, Igor Ivanovich", Type: "individual", Programs: []string{"RUSSIA-EO14024"},
			Aliases: []lists.Alias{{Name: "SETCHIN, Igor", Type: "aka"}}},
		{ID: "2", Name: "Positive Technologies", Type: "entity", Domains: []string{"ptsecurity.com"},
			Remarks: strings.Repeat("Linked To: nobody; ", 2000)}, // over a block of the entries section
		{ID: "3", Name: "TRANSNEFT-MEDIA, OOO", Type: "entity", LinkedTo: []string{"TRANSNEFT"}},
	}}
}

// TestEntriesCheckedWhenRead: a change to the entries of a sanctions
// list, which Read leaves in the file, is found when an entry of the
// changed block is read: that query fails with ErrFormat, naming the
// entry, and queries on other blocks are answered.
func TestEntriesCheckedWhenRead(t *testing.T) {
	t.Parallel()
	good, err := indexfile.Marshal(newIndex(t, []*lists.List{sanctions()}, screen.DefaultOptions()))
	if err != nil {
		t.Fatal(err)
	}
	// The last entry (TRANSNEFT-MEDIA) is the last block's.
	bad := bytes.Clone(good)
	i := bytes.LastIndex(bad, []byte("TRANSNEFT-MEDIA"))
	bad[i] = 'X'
	ix, err := indexfile.Read(bytes.NewReader(bad), int64(len(bad)))
	if err != nil {
		t.Fatal(err)
	}
	if ms, err := ix.Name(screen.Query{Name: "Igor Sechin", Kind: screen.KindPerson}); err != nil || len(ms) != 1 {
		t.Errorf("Sechin: %v, %v", ms, err)
	}
	for range 2 { // and again: a block found changed is not taken as checked
		ms, err := ix.Name(screen.Query{Name: "Transneft-Media OOO"})
		if !errors.Is(err, indexfile.ErrFormat) || !strings.Contains(err.Error(), "read entry 2 of list sdn") || ms != nil {
			t.Errorf("changed entry: %v, %v", ms, err)
		}
	}
	if _, err := ix.Lists(); !errors.Is(err, indexfile.ErrFormat) {
		t.Errorf("Lists: %v", err)
	}
}

// TestReadKeepsNothing: nothing an index read from a file hands out keeps
// the memory its reader reads from: entries and matches keep their values
// when that memory changes (as when a mapped file is unmapped once the
// index is garbage).
func TestReadKeepsNothing(t *testing.T) {
	t.Parallel()
	ls := []*lists.List{sanctions(), banList()}
	data, err := indexfile.Marshal(newIndex(t, ls, screen.DefaultOptions()))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := indexfile.Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var got [][]screen.Match
	queries := []func() ([]screen.Match, error){
		func() ([]screen.Match, error) {
			return ix.Name(screen.Query{Name: "Igor Setchin", Kind: screen.KindPerson})
		},
		func() ([]screen.Match, error) { return ix.Name(screen.Query{Name: "AO Kaspersky Lab"}) },
		func() ([]screen.Match, error) { return ix.Domain("www.ptsecurity.com") },
		func() ([]screen.Match, error) { return ix.PURLNamespace("npm", "@kaspersky") },
		func() ([]screen.Match, error) { return ix.CPEVendor("kaspersky_lab") },
	}
	for _, q := range queries {
		ms, err := q()
		if err != nil || len(ms) == 0 {
			t.Fatalf("query: %v, %v", ms, err)
		}
		got = append(got, ms)
	}
	entry, err := ix.Entry("sdn", "3")
	if err != nil || entry == nil {
		t.Fatalf("Entry: %v, %v", entry, err)
	}
	read, err := ix.Lists()
	if err != nil {
		t.Fatal(err)
	}
	want := func() string { return fmt.Sprintf("%+v %+v %+v", got, *entry, read) }
	before := want()
	for i := range data {
		data[i] = '#'
	}
	if after := want(); after != before {
		t.Errorf("what the index handed out changed with the file's memory:\n%s\n%s", before, after)
	}
}
