package indexfile_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/lists"
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
	builtLists, err := built.Lists()
	if err != nil {
		t.Fatal(err)
	}
	gotLists, err := got.Lists()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(builtLists, gotLists); diff != "" {
		t.Fatalf("lists differ (-built +read):\n%s", diff)
	}
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
// is refused with ErrFormat.
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
		"checksum 2": flip(34),
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
