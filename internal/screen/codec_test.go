package screen_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/screen"
)

// TestIndexRoundTrip: an index decoded from its binary form holds the same
// lists and answers every query of the labelled set, and the identifier
// look-ups, exactly as the index it was written from; written again, it
// gives the same bytes.
func TestIndexRoundTrip(t *testing.T) {
	t.Parallel()
	ls := append(realLists(t), banList())
	opts := screen.DefaultOptions()
	opts.MaxMatches = 7
	built, err := screen.NewIndex(ls, opts)
	if err != nil {
		t.Fatal(err)
	}
	data, err := built.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := screen.ReadIndex(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if got.Options() != opts {
		t.Errorf("options %+v, want %+v", got.Options(), opts)
	}
	if diff := cmp.Diff(built.Lists(), got.Lists()); diff != "" {
		t.Fatalf("lists differ (-built +decoded):\n%s", diff)
	}
	again, err := got.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again) {
		t.Error("the decoded index does not write the same bytes")
	}
	for _, l := range ls {
		for i := 0; i < len(l.Entries); i += 97 {
			id := l.Entries[i].ID
			a, b := built.Entry(l.Provenance.ID, id), got.Entry(l.Provenance.ID, id)
			if a == nil || !cmp.Equal(a, b) {
				t.Fatalf("Entry(%s, %s): built %+v, decoded %+v", l.Provenance.ID, id, a, b)
			}
		}
		if e := got.Entry(l.Provenance.ID, "no such entry"); e != nil {
			t.Errorf("Entry(%s, no such entry) = %+v", l.Provenance.ID, e)
		}
	}
	var qs []screen.Query
	for _, l := range readLabelled(t, "positives.tsv", true) {
		qs = append(qs, l.q)
	}
	for _, l := range readLabelled(t, "negatives.tsv", false) {
		qs = append(qs, l.q)
	}
	for _, q := range qs {
		if a, b := built.Party(q), got.Party(q); !cmp.Equal(a, b) {
			t.Fatalf("%+v: built %v, decoded %v", q, a, b)
		}
	}
	same := func(what string, a, b []screen.Match) {
		t.Helper()
		if len(a) == 0 || !cmp.Equal(a, b) {
			t.Errorf("%s: built %v, decoded %v (want equal and not empty)", what, a, b)
		}
	}
	same("domain", built.Domain("support.kaspersky.com"), got.Domain("support.kaspersky.com"))
	same("purl", built.PURLNamespace("npm", "@kaspersky"), got.PURLNamespace("npm", "@kaspersky"))
	same("cpe", built.CPEVendor("kaspersky_lab"), got.CPEVendor("kaspersky_lab"))
	same("id", built.Identifier("914403001922038216"), got.Identifier("914403001922038216"))
	same("ban name", built.BanName(screen.Query{Name: "AO Kaspersky Lab"}), got.BanName(screen.Query{Name: "AO Kaspersky Lab"}))
}

// TestDecodeIndexErrors: anything but a whole, intact index of this
// version is refused with ErrIndexFormat.
func TestDecodeIndexErrors(t *testing.T) {
	t.Parallel()
	ix, err := screen.NewIndex([]*lists.List{banList()}, screen.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	good, err := ix.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := screen.ReadIndex(bytes.NewReader(good), int64(len(good))); err != nil {
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
		if _, err := screen.ReadIndex(bytes.NewReader(data), int64(len(data))); !errors.Is(err, screen.ErrIndexFormat) {
			t.Errorf("%s: err %v, want ErrIndexFormat", name, err)
		}
	}
}
