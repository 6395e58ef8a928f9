package lists

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/provenance"
)

// snapFile returns an embedded snapshot file as a Source.
func snapFile(t *testing.T, name string) Source {
	t.Helper()
	b, err := fs.ReadFile(snapshotFS, name)
	if err != nil {
		t.Fatal(err)
	}
	return Source{Name: name, R: strings.NewReader(string(b))}
}

// countRows counts the records of a legacy CSV file of the snapshot.
func countRows(t *testing.T, name string, fields int) int {
	t.Helper()
	b, err := fs.ReadFile(snapshotFS, name)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	if err := readLegacyCSV(name, b, fields, func(int, []string) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}

// Files of the embedded ofac-cons, as the generator wrote them.
const (
	snapConsPrim     = "snapshot/ofac-cons/cons_prim.csv"
	snapConsAlt      = "snapshot/ofac-cons/cons_alt.csv"
	snapConsAdd      = "snapshot/ofac-cons/cons_add.csv"
	snapConsComments = "snapshot/ofac-cons/cons_comments.csv"
)

// skipUnlessAssembled skips a test of the hand-assembled files once a
// release has regenerated them (snapshot_gen.go records ofac-sdn).
func skipUnlessAssembled(t *testing.T) {
	t.Helper()
	if !assembledSDN() {
		t.Skip("the embedded ofac-sdn is the official set the generator wrote")
	}
	if r, ok := generatedRecord("ofac-cons"); !ok || r.SHA256 != "7fa166dad96dd2ba3eef60fcad3cde1899b1d1d3ecc67d1869cb438506ec7bb1" {
		t.Skip("the embedded ofac-cons is not the 2025-12-19 copy these counts were measured on")
	}
}

func TestSnapshotFilesRowCounts(t *testing.T) {
	t.Parallel()
	skipUnlessAssembled(t)
	// Counts measured on the files (reference-data SOURCES.md).
	for _, tt := range []struct {
		name   string
		fields int
		want   int
	}{
		{snapSDN, primaryFields, 14965},
		{snapAlt, altFields, 19486},
		{snapKasperskySDN, primaryFields, 12},
		{snapKasperskyAlt, altFields, 15},
		{snapConsPrim, primaryFields, 442},
		{snapConsAlt, altFields, 1073},
		{snapConsAdd, addFields, 574},
		{snapConsComments, commentsFields, 10},
	} {
		if got := countRows(t, tt.name, tt.fields); got != tt.want {
			t.Errorf("%s: %d rows, want %d", tt.name, got, tt.want)
		}
	}
}

func TestLoadOFACLegacyRealSDN(t *testing.T) {
	t.Parallel()
	skipUnlessAssembled(t)
	// The full official SDN.CSV of 2024-05-03 on its own, with the
	// Kaspersky excerpt's alt file standing in (its ent_nums are absent
	// from 2024-05-03, so that must fail: designated later).
	_, err := LoadOFACLegacy(OFACFiles{Primary: snapFile(t, snapSDN), Alt: snapFile(t, snapKasperskyAlt)}, provenance.List{ID: "ofac-sdn"})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.File != snapKasperskyAlt || pe.Line != 1 || !strings.Contains(err.Error(), "ent_num 45815 is not in the primary file") {
		t.Errorf("error = %v", err)
	}
	// SDN.CSV of 2024-05-03 with ALT.CSV of 2025-01-06: files of different
	// dates are refused, not silently cut.
	_, err = LoadOFACLegacy(OFACFiles{Primary: snapFile(t, snapSDN), Alt: snapFile(t, snapAlt)}, provenance.List{ID: "ofac-sdn"})
	if !errors.As(err, &pe) || pe.File != snapAlt || !strings.Contains(err.Error(), "is not in the primary file") {
		t.Errorf("error = %v", err)
	}
	// The Kaspersky excerpt is a consistent set.
	l, err := LoadOFACLegacy(OFACFiles{Primary: snapFile(t, snapKasperskySDN), Alt: snapFile(t, snapKasperskyAlt)}, provenance.List{ID: "ofac-sdn"})
	if err != nil || len(l.Entries) != 12 {
		t.Errorf("kaspersky excerpt: %v", err)
	}
}

func TestLoadOFACLegacyRealSDNCounts(t *testing.T) {
	t.Parallel()
	skipUnlessAssembled(t)
	// The 2024-05-03 SDN.CSV through the loader's primary pass: every row
	// an entry, types as measured (6,884 null = entity, 6,854 individual,
	// 851 vessel, 376 aircraft), 75 distinct program tags.
	b, err := fs.ReadFile(snapshotFS, snapSDN)
	if err != nil {
		t.Fatal(err)
	}
	lb := &legacyBuilder{}
	if err := lb.primary(snapSDN, b); err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	programs := map[string]bool{}
	for _, e := range lb.entries {
		types[e.Type]++
		for _, p := range e.Programs {
			programs[p] = true
		}
	}
	want := map[string]int{"entity": 6884, "individual": 6854, "vessel": 851, "aircraft": 376}
	if len(lb.entries) != 14965 || len(types) != 4 || types["entity"] != want["entity"] ||
		types["individual"] != want["individual"] || types["vessel"] != want["vessel"] || types["aircraft"] != want["aircraft"] {
		t.Errorf("%d entries, types %v; want 14965, %v", len(lb.entries), types, want)
	}
	if len(programs) != 75 {
		t.Errorf("%d distinct programs, want 75", len(programs))
	}
}

// Every record of snapshot_gen.go names files that are embedded with the
// recorded sizes and digests, and loads to its entries and digest.
func TestGeneratedSnapshotRecords(t *testing.T) {
	t.Parallel()
	if len(generatedSnapshot) == 0 {
		t.Fatal("snapshot_gen.go records no list; ofac-cons at least is written by the generator")
	}
	for _, r := range generatedSnapshot {
		for _, f := range r.Files {
			b, err := fs.ReadFile(snapshotFS, "snapshot/"+r.ID+"/"+f.Name)
			if err != nil {
				t.Fatal(err)
			}
			if len(b) != f.Size || digest(part{f.Role, b}) != f.SHA256 {
				t.Errorf("%s/%s: %d bytes, sha256 %s; recorded %d, %s", r.ID, f.Name, len(b), digest(part{f.Role, b}), f.Size, f.SHA256)
			}
		}
		l, err := snapshotGenerated(r)
		if err != nil {
			t.Fatal(err)
		}
		if l.Provenance.Entries != r.Entries || !l.Provenance.Published.Equal(r.Published) || l.Provenance.Note != r.Note {
			t.Errorf("%s loads as %+v, recorded %+v", r.ID, l.Provenance, r)
		}
	}
	// A record the files do not match is refused, naming both.
	r := generatedSnapshot[0]
	r.Entries++
	if _, err := snapshotGenerated(r); err == nil || !strings.Contains(err.Error(), "snapshot_gen.go records") {
		t.Errorf("a record that does not match: %v", err)
	}
}
