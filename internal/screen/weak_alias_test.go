package screen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
)

// tinyOFAC is the excerpt of OFAC's legacy CSV files that the list loader
// is tested on (internal/lists/testdata/ofac): its remarks hold weak
// a.k.a.s, which the derived SDN CSV of the accuracy set leaves out.
func tinyOFAC(t *testing.T) *lists.List {
	t.Helper()
	dir := "../lists/testdata/ofac/"
	l, err := lists.LoadOFACLegacyFiles(lists.OFACPaths{
		Primary: dir + "tiny/sdn.csv", Alt: dir + "tiny-alt-filtered.csv", Comments: dir + "tiny/sdn_comments.csv",
	}, provenance.List{ID: "ofac-tiny", Kind: provenance.KindSanctions})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestWeakAliases: an alias OFAC gives only in the remarks ("a.k.a.
// 'DIALOGUE REGIONS'"), a weak one, is found, and a match on it alone is
// a possible match (review) that says "weak alias", never a hit; the
// entry's strong names still are hits.
func TestWeakAliases(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), tinyOFAC(t))
	opts := ix.Options()
	for _, tt := range []struct {
		q            screen.Query
		entry, alias string
		weak         bool
	}{
		{screen.Query{Name: "DIALOGUE REGIONS", Kind: screen.KindOrganization}, "50544", "DIALOGUE REGIONS", true},
		{screen.Query{Name: "Dialogue Regions"}, "50544", "DIALOGUE REGIONS", true},
		// The weak alias "DIALOG REGIONY" is one letter from the
		// entry's strong alias ANO DIALOG REGIONS, its legal form
		// aside: a hit by that alias, not a match on the weak one
		// alone.
		{screen.Query{Name: "DIALOG REGIONY", Kind: screen.KindOrganization}, "50544", "ANO DIALOG REGIONS", false},
		{screen.Query{Name: "LockBitSupp"}, "48603", "LOCKBITSUPP", true},
		{screen.Query{Name: "Autonomous Non-Profit Organization Dialog Regions", Kind: screen.KindOrganization}, "50544", "AUTONOMOUS NON-PROFIT ORGANIZATION DIALOG REGIONS", false},
	} {
		var m *screen.Match
		ms := ix.Name(tt.q)
		for i := range ms {
			if ms[i].List == "ofac-tiny" && ms[i].EntryID == tt.entry {
				m = &ms[i]
			}
		}
		if m == nil {
			t.Errorf("%q: entry %s not found: %v", tt.q.Name, tt.entry, ms)
			continue
		}
		t.Logf("%q → %s %q %.3f %s: %s", tt.q.Name, m.EntryID, m.MatchedName, m.Score, m.Method, m.Explain)
		if m.MatchedName != tt.alias {
			t.Errorf("%q: matched %q, want %q", tt.q.Name, m.MatchedName, tt.alias)
		}
		if weak := strings.Contains(m.Explain, "weak alias"); weak != tt.weak || opts.IsHit(m.Score) == tt.weak {
			t.Errorf("%q: score %.3f, explanation %q; want weak alias %v, a hit %v", tt.q.Name, m.Score, m.Explain, tt.weak, !tt.weak)
		}
	}
}

// TestWeakShortAlias: a weak alias of three letters or fewer, legal forms
// aside, matches nothing (a maintainer's initials "(GCS)" in a Debian
// package's SBOM are not GIGANT KOMPLEKSNYE SISTEMY, weak a.k.a. "JSC LTD
// GCS"); the entry's other names still match, and so does a strong alias
// of as few letters, by its spelling.
func TestWeakShortAlias(t *testing.T) {
	t.Parallel()
	l := &lists.List{Provenance: provenance.List{ID: "own", Kind: provenance.KindSanctions, Entries: 2}, Entries: []lists.Entry{
		{ID: "1", List: "own", Name: "GIGANT KOMPLEKSNYE SISTEMY", Type: "entity", Aliases: []lists.Alias{{Name: "JSC LTD GCS", Type: "weak"}}},
		{ID: "2", List: "own", Name: "KOMPANIYA VOSTOK ZAPAD", Type: "entity", Aliases: []lists.Alias{{Name: "KVZ", Type: "aka"}}},
	}}
	ix := newIndex(t, append(testLists(t), l)...)
	for _, tt := range []struct {
		q     screen.Query
		entry string
	}{
		{screen.Query{Name: "GCS", Kind: screen.KindOrganization}, ""},
		{screen.Query{Name: "GCS"}, ""},
		{screen.Query{Name: "JSC LTD GCS", Kind: screen.KindOrganization}, ""},
		{screen.Query{Name: "Gigant Kompleksnye Sistemy", Kind: screen.KindOrganization}, "1"},
		{screen.Query{Name: "KVZ", Kind: screen.KindOrganization}, "2"},
	} {
		var got []string
		for _, m := range ix.Name(tt.q) {
			if m.List == "own" {
				got = append(got, m.EntryID)
			}
		}
		if want := []string{tt.entry}; tt.entry == "" && len(got) > 0 || tt.entry != "" && !slices.Equal(got, want) {
			t.Errorf("%q (%s): entries %q, want %q", tt.q.Name, tt.q.Kind, got, tt.entry)
		}
	}
}
