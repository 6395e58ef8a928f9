package indexfile_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
)

// realLists are the lists bangate ships: the embedded OFAC snapshot and
// the curated ban lists of the policy bundle.
func realLists(tb testing.TB) []*lists.List {
	tb.Helper()
	snap, err := lists.Snapshot()
	if err != nil {
		tb.Fatal(err)
	}
	bans, err := lists.LoadBanLists(os.DirFS(filepath.Join("..", "..", "..", "policies")))
	if err != nil {
		tb.Fatalf("policy bundle ban lists: %v", err)
	}
	return append(snap, bans...)
}

// banList is a small ban list with every kind of identifier.
func banList() *lists.List {
	return &lists.List{Provenance: provenance.List{ID: "vendor-bans", Kind: provenance.KindBan, Entries: 2}, Entries: []lists.Entry{
		{ID: "kaspersky-lab", List: "vendor-bans", Name: "Kaspersky Lab, Inc.", Type: "entity",
			Aliases: []lists.Alias{{Name: "AO Kaspersky Lab", Type: "aka"}, {Name: "Лаборатория Касперского", Type: "aka"}},
			Brands:  []string{"kaspersky"}, Domains: []string{"kaspersky.com", "securelist.com"},
			PurlNamespaces: []string{"maven:com.kaspersky", "npm:@kaspersky"}, CPEVendors: []string{"kaspersky", "kaspersky_lab"}},
		{ID: "huawei", List: "vendor-bans", Name: "Huawei Technologies Company", Type: "entity",
			Aliases: []lists.Alias{{Name: "Huawei Technologies Co., Ltd.", Type: "aka"}}, Brands: []string{"huawei"},
			IDs: []lists.Identifier{{Type: "Unified Social Credit Code (USCC)", Number: "914403001922038216", Country: "China"}}},
	}}
}

// labelled returns the queries of the labelled accuracy set (positives
// and negatives, about 10,000 names).
func labelled(tb testing.TB) []screen.Query {
	tb.Helper()
	var qs []screen.Query
	for _, name := range []string{"positives.tsv", "negatives.tsv"} {
		f, err := os.Open(filepath.Join("..", "..", "..", "testdata", "accuracy", name))
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if t := sc.Text(); t != "" && !strings.HasPrefix(t, "#") {
				f := strings.Split(t, "\t")
				qs = append(qs, screen.Query{Name: f[0], Kind: f[1]})
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			tb.Fatal(err)
		}
	}
	if len(qs) < 5000 {
		tb.Fatalf("labelled set: %d queries", len(qs))
	}
	return qs
}

// newIndex builds an index or fails the test.
func newIndex(tb testing.TB, ls []*lists.List, opts screen.Options) *screen.Index {
	tb.Helper()
	ix, err := screen.NewIndex(ls, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}

// sameLists fails the test when the lists of got are not those of want;
// sides names them in the difference printed ("-built +read").
func sameLists(t *testing.T, want, got *screen.Index, sides string) {
	t.Helper()
	wantLists, err := want.Lists()
	if err != nil {
		t.Fatal(err)
	}
	gotLists, err := got.Lists()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantLists, gotLists); diff != "" {
		t.Fatalf("lists differ (%s):\n%s", sides, diff)
	}
}
