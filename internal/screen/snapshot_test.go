package screen_test

import (
	"os"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/internal/screen/indexfile"
)

// policiesDir is the policy bundle (a variable so that a copy can be tried).
var policiesDir = "../../policies"

// realLists are the lists bangate ships: the embedded OFAC snapshot and
// the curated ban lists of the policy bundle. It skips when the bundle's ban
// lists do not load: their own tests (internal/lists, policies) report
// that, and the matcher cannot be checked against them.
func realLists(tb testing.TB) []*lists.List {
	tb.Helper()
	bans, err := lists.LoadBanLists(os.DirFS(policiesDir))
	if err != nil {
		tb.Skipf("policy bundle ban lists do not load: %v", err)
	}
	return append(snapshotLists(tb), bans...)
}

// snapshotLists are the OFAC lists embedded in the binary.
func snapshotLists(tb testing.TB) []*lists.List {
	tb.Helper()
	snap, err := lists.Snapshot()
	if err != nil {
		tb.Fatal(err)
	}
	return snap
}

// TestRealLists runs the must-match and must-not-match names
// against the lists bangate ships.
func TestRealLists(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, realLists(t)...)
	for _, name := range []string{
		"Kaspersky Lab JSC", "AO Kaspersky Lab", "Kaspersky Labs Limited", "KASPERSKY LAB, ZAO",
		"OOO Kaspersky Group", "Kaspersky Lab UK Ltd.", "HUAWEI TECHNOLOGIES CO., LTD",
		"Huawei Device Co., Ltd.", "Hikvision USA Inc.", "Zhejiang Dahua Technology Co., Ltd.",
		"ZTE USA, Inc.", "Z.T.E. Corp", "Hytera America, Inc.", "China Mobile International Ltd.",
		"China Telecom (Americas) Corporation", "China Unicom (Americas) Operations Limited",
	} {
		ms := ix.Name(screen.Query{Name: name, Kind: screen.KindOrganization})
		if len(ms) == 0 {
			t.Errorf("%q: no match", name)
			continue
		}
		t.Logf("%q → %s %s %q %s %.2f", name, ms[0].List, ms[0].EntryID, ms[0].MatchedName, ms[0].MatchedOn, ms[0].Score)
	}
	for _, name := range []string{
		"Aztec Software LLC", "Kasper Data Systems GmbH", "Hyterra Ag Solutions Inc.", "Dahuang Foods Ltd.",
		"Blaztec Analytics", "Huaweiss Trading BV", "Chinamobility Research Group", "Belletech Corp",
	} {
		if ms := ix.Name(screen.Query{Name: name, Kind: screen.KindOrganization}); len(ms) > 0 {
			t.Errorf("%q: unexpected %s %s %q %.2f", name, ms[0].List, ms[0].EntryID, ms[0].MatchedName, ms[0].Score)
		}
	}
	ms := ix.Name(screen.Query{Name: "Andrey Tikhonov", Kind: screen.KindPerson})
	if len(ms) == 0 || ms[0].EntryID != "45815" {
		t.Errorf("Andrey Tikhonov: got %v", ms)
	}
}

// BenchmarkNewIndexSnapshot builds the index over the embedded OFAC
// snapshot (SDN and non-SDN lists).
func BenchmarkNewIndexSnapshot(b *testing.B) {
	ls := snapshotLists(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := screen.NewIndex(ls, screen.DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadIndexSnapshot reads the index file (package indexfile) of
// the same index: "Read" checks the tables' checksum, "ReadSHA256" their
// SHA-256 instead, as a check does once the index is cached; it reports
// the file's size.
func BenchmarkReadIndexSnapshot(b *testing.B) {
	ix, err := screen.NewIndex(snapshotLists(b), screen.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	f, size := indexFile(b, ix)
	data := make([]byte, size)
	if _, err := f.ReadAt(data, 0); err != nil {
		b.Fatal(err)
	}
	sum, err := indexfile.TablesSHA256(data)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		read func() (*screen.Index, error)
	}{
		{"Read", func() (*screen.Index, error) { return indexfile.Read(f, size) }},
		{"ReadSHA256", func() (*screen.Index, error) { return indexfile.ReadSHA256(f, size, sum) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bc.read(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(size), "file-bytes")
		})
	}
}
