package screen_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/internal/screen/indexfile"
)

// sdnPath is the SDN list the accuracy set and the benchmarks run against:
// the derived CSV of OFAC's SDN.CSV + ALT.CSV published 2026-08-20
// (testdata/accuracy/SOURCES.md).
var sdnPath = filepath.Join("..", "..", "testdata", "accuracy", "ofac-sdn-2026-08-20.csv")

// readDerivedSDN loads the derived SDN CSV with the list loader.
func readDerivedSDN(tb testing.TB, path string) *lists.List {
	tb.Helper()
	l, err := lists.LoadDerivedSDN(lists.FileSource(path), provenance.List{ID: "ofac-sdn", Kind: provenance.KindSanctions})
	if err != nil {
		tb.Fatal(err)
	}
	return l
}

// sdnList returns the SDN list, read once per test binary.
func sdnList(tb testing.TB) *lists.List {
	tb.Helper()
	sdnCache.once.Do(func() { sdnCache.l = readDerivedSDN(tb, sdnPath) })
	if sdnCache.l == nil {
		tb.Fatal("SDN list not loaded")
	}
	return sdnCache.l
}

// testListsNoTB returns the lists once sdnList has loaded them.
func testListsNoTB() []*lists.List {
	return []*lists.List{sdnCache.l, banList()}
}

var sdnCache struct {
	once sync.Once
	l    *lists.List
}

// banList is a hand-built ban list shaped like policies/bangate/lists:
// the covered vendors of the Kaspersky determination, NDAA section 889
// and the FCC Covered List, with names, aliases and brand words from
// regulations §7.
func banList() *lists.List {
	e := func(id, name string, aliases []string, brands []string) lists.Entry {
		en := lists.Entry{ID: id, List: "vendor-bans", Name: name, Type: "entity", Brands: brands}
		for _, a := range aliases {
			en.Aliases = append(en.Aliases, lists.Alias{Name: a, Type: "aka"})
		}
		return en
	}
	l := &lists.List{Provenance: provenance.List{ID: "vendor-bans", Kind: provenance.KindBan}}
	l.Entries = []lists.Entry{
		e("kaspersky-lab", "Kaspersky Lab, Inc.", []string{"AO Kaspersky Lab", "Kaspersky Lab ZAO", "Kaspersky Labs Limited", "OOO Kaspersky Group", "Лаборатория Касперского", "Kaspersky"}, []string{"kaspersky"}),
		e("huawei", "Huawei Technologies Company", []string{"Huawei Technologies Co., Ltd.", "Huawei Investment & Holding Co., Ltd.", "HiSilicon Technologies Co., Ltd.", "华为技术有限公司"}, []string{"huawei", "hisilicon"}),
		e("hikvision", "Hangzhou Hikvision Digital Technology Company", []string{"Hangzhou Hikvision Digital Technology Co., Ltd.", "海康威视", "杭州海康威视数字技术股份有限公司"}, []string{"hikvision", "ezviz"}),
		e("dahua", "Dahua Technology Company", []string{"Zhejiang Dahua Technology Co., Ltd."}, []string{"dahua"}),
		e("zte", "ZTE Corporation", []string{"ZTE Corp."}, []string{"zte"}),
		e("hytera", "Hytera Communications Corporation", []string{"Hytera Communications Corporation Limited"}, []string{"hytera"}),
		e("china-mobile", "China Mobile International USA Inc.", nil, []string{"china mobile"}),
		e("china-telecom", "China Telecom (Americas) Corp.", nil, []string{"china telecom"}),
		e("china-unicom", "China Unicom (Americas) Operations Limited", nil, []string{"china unicom"}),
	}
	l.Entries[0].Domains = []string{"kaspersky.com", "kaspersky-labs.com", "securelist.com"}
	l.Entries[0].PurlNamespaces = []string{"maven:com.kaspersky", "npm:@kaspersky", "golang:github.com/kasperskylab"}
	l.Entries[0].CPEVendors = []string{"kaspersky", "kaspersky_lab"}
	l.Entries[1].PurlNamespaces = []string{"npm:@huaweicloud", "golang:github.com/huaweicloud"}
	l.Entries[1].CPEVendors = []string{"huawei"}
	l.Entries[1].IDs = []lists.Identifier{{Type: "Unified Social Credit Code (USCC)", Number: "914403001922038216", Country: "China"}}
	l.Entries[3].CPEVendors = []string{"dahuasecurity"}
	l.Provenance.Entries = len(l.Entries)
	return l
}

// personsIndex indexes a sanctions list of the individuals named (as the
// SDN list writes them, "SURNAME, Given"), entry IDs "1", "2", ... in order.
func personsIndex(tb testing.TB, names ...string) testIndex {
	tb.Helper()
	return newIndex(tb, namedList("sdn", "individual", names))
}

// namedList is a sanctions list id of the parties of type typ named,
// entry IDs "1", "2", ... in order.
func namedList(id, typ string, names []string) *lists.List {
	l := &lists.List{Provenance: provenance.List{ID: id, Kind: provenance.KindSanctions, Entries: len(names)}}
	for i, n := range names {
		l.Entries = append(l.Entries, lists.Entry{ID: strconv.Itoa(i + 1), List: id, Name: n, Type: typ})
	}
	return l
}

func newIndex(tb testing.TB, ls ...*lists.List) testIndex {
	tb.Helper()
	ix, err := screen.NewIndex(ls, screen.DefaultOptions())
	if err != nil {
		tb.Fatal(err)
	}
	return testIndex{ix, tb}
}

// testIndex is an index whose queries fail the test on an error, so that
// a test of what a query matches reads as the query: an index built in
// memory never fails to read an entry. Call from the test's goroutine.
type testIndex struct {
	*screen.Index
	tb testing.TB
}

func (ix testIndex) Name(q screen.Query) []screen.Match    { return ix.ok(ix.Index.Name(q)) }
func (ix testIndex) BanName(q screen.Query) []screen.Match { return ix.ok(ix.Index.BanName(q)) }
func (ix testIndex) Party(q screen.Query) []screen.Match   { return ix.ok(ix.Index.Party(q)) }
func (ix testIndex) Domain(d string) []screen.Match        { return ix.ok(ix.Index.Domain(d)) }
func (ix testIndex) CPEVendor(v string) []screen.Match     { return ix.ok(ix.Index.CPEVendor(v)) }
func (ix testIndex) Email(a string) []screen.Match         { return ix.ok(ix.Index.Email(a)) }

func (ix testIndex) Website(host, path string, bare bool) []screen.Match {
	return ix.ok(ix.Index.Website(host, path, bare))
}
func (ix testIndex) Identifier(n string) []screen.Match { return ix.ok(ix.Index.Identifier(n)) }

func (ix testIndex) PURLNamespace(eco, ns string) []screen.Match {
	return ix.ok(ix.Index.PURLNamespace(eco, ns))
}

func (ix testIndex) ok(ms []screen.Match, err error) []screen.Match {
	ix.tb.Helper()
	if err != nil {
		ix.tb.Fatal(err)
	}
	return ms
}

// testLists are the lists the accuracy tests screen against.
func testLists(tb testing.TB) []*lists.List {
	return []*lists.List{sdnList(tb), banList()}
}

// indexFile writes the index file of ix (package indexfile) and returns it
// open, with its size; the file is closed when the test ends.
func indexFile(tb testing.TB, ix *screen.Index) (*os.File, int64) {
	tb.Helper()
	data, err := indexfile.Marshal(ix)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "index")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f, int64(len(data))
}

// matchOf returns the match of ms whose entry's primary name is entry, nil
// when none is.
func matchOf(ms []screen.Match, entry string) *screen.Match {
	for i := range ms {
		if ms[i].EntryName == entry {
			return &ms[i]
		}
	}
	return nil
}

// matchByID returns the match of the entry with ID id in ms, nil when
// there is none.
func matchByID(ms []screen.Match, id string) *screen.Match {
	for i := range ms {
		if ms[i].EntryID == id {
			return &ms[i]
		}
	}
	return nil
}

// orgsList is a sanctions list of the entities named, entry IDs "1", "2",
// ... in order.
func orgsList(names ...string) *lists.List {
	l := &lists.List{Provenance: provenance.List{ID: "sdn", Kind: provenance.KindSanctions, Entries: len(names)}}
	for i, n := range names {
		l.Entries = append(l.Entries, lists.Entry{ID: strconv.Itoa(i + 1), List: "sdn", Name: n, Type: "entity"})
	}
	return l
}

// fillerPersons are individuals, written as the SDN list writes them, that
// give a small test index the word weights of a larger one: the names a
// test is about are rare among them.
func fillerPersons() []string {
	var out []string
	for _, s := range []string{"IVANOV", "PETROV", "SIDOROV", "SMIRNOV", "KUZNETSOV", "POPOV", "VASILIEV", "SOKOLOV"} {
		for _, g := range []string{"Ivan", "Sergei", "Alexei", "Dmitri"} {
			out = append(out, s+", "+g)
		}
	}
	return out
}

// sdnWithEntities indexes the accuracy tests' lists and a sanctions list
// "own" of the entities named, entry IDs "1", "2", ... in order.
func sdnWithEntities(tb testing.TB, names ...string) testIndex {
	tb.Helper()
	return newIndex(tb, append(testLists(tb), namedList("own", "entity", names))...)
}

// explainCase is a query that must find the entry named entry with an
// explanation that says explain.
type explainCase struct{ q, entry, explain string }

// explained screens each case's query as kind, fails the test where its
// entry is not found or not so explained, and returns the matches found.
func explained(t *testing.T, ix testIndex, kind string, cases []explainCase) []screen.Match {
	t.Helper()
	var out []screen.Match
	for _, c := range cases {
		m := matchOf(ix.Name(screen.Query{Name: c.q, Kind: kind}), c.entry)
		if m == nil || !strings.Contains(m.Explain, c.explain) {
			t.Errorf("%q: got %+v, want %s explained %q", c.q, m, c.entry, c.explain)
			continue
		}
		out = append(out, *m)
	}
	return out
}

// reviewCase is a query that finds entry as a possible match (review),
// its explanation holding explain.
type reviewCase struct{ q, entry, explain string }

// assertExplained checks that each case's query, of kind kind, finds its
// entry at review level or above (a match too), explained as the case
// says.
func assertExplained(t *testing.T, ix testIndex, kind string, cases []reviewCase) {
	t.Helper()
	checkExplained(t, ix, kind, "", true, cases)
}

// assertReview checks that each case's query finds its entry at review
// level, by method (any when method is ""), explained as the case says.
func assertReview(t *testing.T, ix testIndex, method string, cases []reviewCase) {
	t.Helper()
	checkExplained(t, ix, "", method, false, cases)
}

// checkExplained checks that each case's query, of kind kind, finds its
// entry at review level (or above, when hit), by method (any when method
// is ""), explained as the case says.
func checkExplained(t *testing.T, ix testIndex, kind, method string, hit bool, cases []reviewCase) {
	t.Helper()
	opts := ix.Options()
	for _, tt := range cases {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: kind}), tt.entry)
		switch {
		case m == nil:
			t.Errorf("%q: %s not found", tt.q, tt.entry)
		case m.Score < opts.Review || !hit && opts.IsHit(m.Score):
			t.Errorf("%q: %.3f, want review (a match too: %v): %s", tt.q, m.Score, hit, m.Explain)
		case method != "" && m.Method != method || !strings.Contains(m.Explain, tt.explain):
			t.Errorf("%q: %s explained %q, want %s and %q", tt.q, m.Method, m.Explain, method, tt.explain)
		}
	}
}

// levelCase is a query and the entry it finds at review level or above:
// at match level when hit is set, below it otherwise.
type levelCase struct {
	q, entry string
	hit      bool
}

// assertLevels checks that each case's query, of kind kind, finds its
// entry at the level the case says.
func assertLevels(t *testing.T, ix testIndex, kind string, cases []levelCase) {
	t.Helper()
	opts := ix.Options()
	for _, tt := range cases {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: kind}), tt.entry)
		switch {
		case m == nil || m.Score < opts.Review:
			t.Errorf("%q: %s %+v, want it found", tt.q, tt.entry, m)
		case opts.IsHit(m.Score) != tt.hit:
			t.Errorf("%q: %s at %.3f, want a match %v (%s)", tt.q, tt.entry, m.Score, tt.hit, m.Explain)
		}
	}
}

// assertMatchExplained checks that each case's query, of kind kind,
// finds its entry at match level, explained as the case says.
func assertMatchExplained(t *testing.T, ix testIndex, kind string, cases []reviewCase) {
	t.Helper()
	for _, tt := range cases {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: kind}), tt.entry)
		if m == nil || !ix.Options().IsHit(m.Score) || !strings.Contains(m.Explain, tt.explain) {
			t.Errorf("%q: %+v, want %s at match, explained %q", tt.q, m, tt.entry, tt.explain)
		}
	}
}

// assertNotReview checks that each pair's query, of kind kind, finds the
// pair's entry below review level, or not at all.
func assertNotReview(t *testing.T, ix testIndex, kind string, pairs ...[2]string) {
	t.Helper()
	for _, p := range pairs {
		if m := matchOf(ix.Name(screen.Query{Name: p[0], Kind: kind}), p[1]); m != nil && m.Score >= ix.Options().Review {
			t.Errorf("%q: %s at %.3f (%s), want no possible match", p[0], p[1], m.Score, m.Explain)
		}
	}
}

// foundCase is a query of an organisation's name and the entry it finds
// at review level or above (found), or does not.
type foundCase struct {
	q, entryID string
	found      bool
}

// assertFound checks each case's query, as an organisation's name,
// against the index of the test SDN list.
func assertFound(t *testing.T, cases []foundCase) {
	t.Helper()
	assertFoundAs(t, screen.KindOrganization, cases)
}

// assertFoundAs is assertFound for the names of parties of kind.
func assertFoundAs(t *testing.T, kind string, cases []foundCase) {
	t.Helper()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range cases {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: kind}), tt.entryID)
		if got := m != nil && m.Score >= opts.Review; got != tt.found {
			t.Errorf("%q: got %+v, want found %v", tt.q, m, tt.found)
		}
	}
}

// assertPersonReview checks that each case's query, a person's name,
// finds its entry at review level, explained as the case says.
func assertPersonReview(t *testing.T, ix testIndex, cases []reviewCase) {
	t.Helper()
	checkExplained(t, ix, screen.KindPerson, "", false, cases)
}

// assertNoMatch checks that each query finds nothing.
func assertNoMatch(t *testing.T, ix testIndex, qs ...string) {
	t.Helper()
	for _, q := range qs {
		if ms := ix.Name(screen.Query{Name: q}); len(ms) > 0 {
			t.Errorf("%q: %s %.3f, want none: %s", q, ms[0].EntryName, ms[0].Score, ms[0].Explain)
		}
	}
}

// ownCase is a query and the name of a test's own list it finds (""
// for none).
type ownCase struct{ q, want string }

// assertOwnFound indexes the test SDN list and a list "own" of parties
// of type typ named names, and checks that each case's query, as the name
// of a party of kind, finds its own name at review level or above (at
// match level with atMatch), and no other of own's.
func assertOwnFound(t *testing.T, typ, kind string, atMatch bool, names []string, cases []ownCase) {
	t.Helper()
	ix := newIndex(t, sdnList(t), namedList("own", typ, names))
	opts := ix.Options()
	least := opts.Review
	if atMatch {
		least = opts.Match
	}
	for _, tt := range cases {
		found := ""
		for _, m := range ix.Name(screen.Query{Name: tt.q, Kind: kind}) {
			if m.List == "own" && m.Score >= least {
				found = m.EntryName
				break
			}
		}
		if found != tt.want {
			t.Errorf("%q: found %q of own, want %q", tt.q, found, tt.want)
		}
	}
}
