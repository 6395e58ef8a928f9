package screen_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/internal/screen/indexfile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestBanMustMatch: every listed variant of a covered vendor's name finds
// the vendor (regulations §7).
func TestBanMustMatch(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, banList())
	tests := []struct{ name, entry, on string }{
		{"Kaspersky Lab JSC", "kaspersky-lab", "name"},
		// Same core as the primary name "Kaspersky Lab, Inc.": reported on the name.
		{"AO Kaspersky Lab", "kaspersky-lab", "name"},
		{"Kaspersky Labs Limited", "kaspersky-lab", "alias"},
		{"KASPERSKY LAB, ZAO", "kaspersky-lab", "name"},
		{"OOO Kaspersky Group", "kaspersky-lab", "alias"},
		{"Kaspersky Lab UK Ltd.", "kaspersky-lab", "brand"},
		{"HUAWEI TECHNOLOGIES CO., LTD", "huawei", "name"},
		{"Huawei Device Co., Ltd.", "huawei", "brand"},
		{"Hikvision USA Inc.", "hikvision", "brand"},
		{"Zhejiang Dahua Technology Co., Ltd.", "dahua", "alias"},
		{"ZTE USA, Inc.", "zte", "brand"},
		{"Z.T.E. Corp", "zte", "name"},
		{"Hytera America, Inc.", "hytera", "brand"},
		{"China Mobile International Ltd.", "china-mobile", "brand"},
		{"China Telecom (Americas) Corporation", "china-telecom", "name"},
		{"China Unicom (Americas) Operations Limited", "china-unicom", "name"},
		{"Лаборатория Касперского", "kaspersky-lab", "alias"},
	}
	for _, tt := range tests {
		for _, kind := range []string{screen.KindOrganization, ""} {
			ms := ix.Name(screen.Query{Name: tt.name, Kind: kind})
			if len(ms) == 0 {
				t.Errorf("%q (%q): no match, want %s", tt.name, kind, tt.entry)
				continue
			}
			m := ms[0]
			if m.EntryID != tt.entry || m.MatchedOn != tt.on {
				t.Errorf("%q (%q): got %s on %s, want %s on %s", tt.name, kind, m.EntryID, m.MatchedOn, tt.entry, tt.on)
			}
			want := 1.0
			if tt.on == "brand" {
				want = 0.9
			}
			if m.Score != want || m.List != "vendor-bans" || m.EntryName == "" || m.MatchedName == "" || m.Method == "" || m.Explain == "" {
				t.Errorf("%q: incomplete match %+v", tt.name, m)
			}
		}
	}
}

// TestBanMustNotMatch: near-misses of brand words, and persons, never
// match the ban list.
func TestBanMustNotMatch(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	for _, q := range []screen.Query{
		{Name: "Aztec Software LLC"},
		{Name: "Kasper Data Systems GmbH"},
		{Name: "Hyterra Ag Solutions Inc."},
		{Name: "Dahuang Foods Ltd."},
		{Name: "Blaztec Analytics"},
		{Name: "Huaweiss Trading BV"},
		{Name: "Chinamobility Research Group"},
		{Name: "Belletech Corp"},
		{Name: "Eugene Kaspersky", Kind: screen.KindPerson},
		{Name: "Eugene K4spersky"}, // read as letters, a person's name
		{Name: "3M Company"},
		{Name: "Level3 Communications"},
		{Name: "Apache Software Foundation", Kind: screen.KindOrganization},
	} {
		if ms := ix.Name(q); len(ms) > 0 {
			t.Errorf("%q (%q): unexpected match %s %q %.3f (%s)", q.Name, q.Kind, ms[0].EntryID, ms[0].MatchedName, ms[0].Score, ms[0].Explain)
		}
	}
}

// TestSanctionsMatches covers the person and company rules against the
// real SDN list.
func TestSanctionsMatches(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	tests := []struct {
		q      screen.Query
		entry  string // "" = no match at all
		hit    bool
		method string
	}{
		{screen.Query{Name: "Andrey Tikhonov", Kind: screen.KindPerson}, "45815", true, "token-set"},
		{screen.Query{Name: "Андрей Тихонов", Kind: screen.KindPerson}, "45815", true, "token-set"},
		{screen.Query{Name: "Tikhonov Andrei Gennadyevich"}, "45815", true, "normalized"},
		{screen.Query{Name: "Andrei Tikhonvo", Kind: screen.KindPerson}, "45815", true, "fuzzy"},
		{screen.Query{Name: "Marina Alekseeva", Kind: screen.KindPerson}, "45854", true, "token-set"},
		{screen.Query{Name: "Daniil Borschev", Kind: screen.KindPerson}, "45862", true, "token-set"},
		{screen.Query{Name: "11420 Corp", Kind: screen.KindOrganization}, "24430", true, "normalized"},
		{screen.Query{Name: "Belletech Corp", Kind: screen.KindOrganization}, "", false, ""},
		// Word boundaries repaired against the list's words.
		{screen.Query{Name: "AL QA IDA"}, "6366", true, "normalized"},
		{screen.Query{Name: "Abbud Alzumar", Kind: screen.KindPerson}, "2677", true, "token-set"},
		// A glued word split into up to four words, linking words of two
		// letters included; a legal form run together is one.
		{screen.Query{Name: "BancoNacionaldeCuba", Kind: screen.KindOrganization}, "306", true, "normalized"},
		{screen.Query{Name: "JSCSHVABE", Kind: screen.KindOrganization}, "18779", true, "normalized"},
		// ARGUMENT, a word of everyday English, names many companies: a
		// possible match (TestCommonWordName).
		{screen.Query{Name: "JSCARGUMENT", Kind: screen.KindOrganization}, "37447", false, "normalized"},
		// A given name by its beginning: a possible match, never a hit.
		{screen.Query{Name: "nic maduro", Kind: screen.KindPerson}, "22790", false, "fuzzy"},
		// The spellings of one particle pair; titles are left out.
		{screen.Query{Name: "Bachar el-Assad", Kind: screen.KindPerson}, "12735", false, "fuzzy"},
		{screen.Query{Name: "Ayatollah Khamenei"}, "26945", false, "fuzzy"},
		// A long listed word alone is also looked for misspelt.
		{screen.Query{Name: "Hizbullah", Kind: screen.KindOrganization}, "4697", false, "fuzzy"},
		// A rare surname alone is a possible match, a common one none.
		{screen.Query{Name: "Tikhonov", Kind: screen.KindPerson}, "45815", false, "fuzzy"},
		{screen.Query{Name: "Ivanov", Kind: screen.KindPerson}, "", false, ""},
		// Surname and initials: a possible match.
		{screen.Query{Name: "Tikhonov A. G.", Kind: screen.KindPerson}, "45815", false, "fuzzy"},
		{screen.Query{Name: "Andrey Tikhonov", Kind: screen.KindOrganization}, "", false, ""},
		// Common words alone never make a hit; two of three shared is a review.
		{screen.Query{Name: "Global Trading Corp", Kind: screen.KindOrganization}, "24390", false, "fuzzy"},
		{screen.Query{Name: "Global Corp", Kind: screen.KindOrganization}, "", false, ""},
	}
	opts := ix.Options()
	for _, tt := range tests {
		ms := ix.Name(tt.q)
		if tt.entry == "" {
			if len(ms) > 0 {
				t.Errorf("%q: unexpected %s %q %.3f", tt.q.Name, ms[0].EntryID, ms[0].MatchedName, ms[0].Score)
			}
			continue
		}
		if len(ms) == 0 || ms[0].EntryID != tt.entry {
			t.Errorf("%q: got %v, want entry %s first", tt.q.Name, ms, tt.entry)
			continue
		}
		if m := ms[0]; opts.IsHit(m.Score) != tt.hit || m.Method != tt.method || len(m.Programs) == 0 {
			t.Errorf("%q: score %.3f method %s programs %v; want hit %v method %s", tt.q.Name, m.Score, m.Method, m.Programs, tt.hit, tt.method)
		}
	}
}

// TestExplainGolden pins the explanation text of typical matches.
func TestExplainGolden(t *testing.T) {
	ix := newIndex(t, testLists(t)...)
	var b strings.Builder
	for _, q := range []screen.Query{
		{Name: "Андрей Тихонов", Kind: screen.KindPerson},
		{Name: "Andrei Tikhonvo", Kind: screen.KindPerson},
		{Name: "11420 Corp"},
		{Name: "OOO Kaspersky Group"},
		{Name: "China Mobile International Ltd."},
		{Name: "Limited Liabjlity Company Garant-SV", Kind: screen.KindOrganization},
		{Name: "Abbud Alzumar", Kind: screen.KindPerson},
		{Name: "Ali Hassan", Kind: screen.KindPerson},
	} {
		for _, m := range ix.Name(q) {
			b.WriteString(m.List + " " + m.EntryID + " " + m.MatchedOn + " " + m.Method + "\n  " + m.Explain + "\n")
		}
	}
	for _, m := range ix.Domain("usa.kaspersky.com") {
		b.WriteString(m.EntryID + " " + m.MatchedOn + "\n  " + m.Explain + "\n")
	}
	golden(t, "explain.golden", b.String())
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

func TestIdentifiers(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, banList())
	ids := func(ms []screen.Match) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.EntryID+"/"+m.MatchedOn+"/"+m.Method)
			if m.Score != 1 || m.Explain == "" {
				t.Errorf("match %+v: want score 1 and an explanation", m)
			}
		}
		return out
	}
	tests := []struct {
		name string
		got  []screen.Match
		want []string
	}{
		{"domain exact", ix.Domain("kaspersky.com"), []string{"kaspersky-lab/domain/domain"}},
		{"domain parent", ix.Domain("Dnl-Test.Kaspersky-Labs.com."), []string{"kaspersky-lab/domain/domain"}},
		{"domain suffix is not a parent", ix.Domain("notkaspersky.com"), nil},
		{"domain tld", ix.Domain("com"), nil},
		{"maven prefix", ix.PURLNamespace("maven", "com.kaspersky.android-components"), []string{"kaspersky-lab/purl_namespace/namespace-prefix"}},
		{"maven boundary", ix.PURLNamespace("maven", "com.kasperskyx"), nil},
		{"npm scope", ix.PURLNamespace("npm", "%40kaspersky"), []string{"kaspersky-lab/purl_namespace/namespace-prefix"}},
		{"npm scope exact only", ix.PURLNamespace("npm", "@kaspersky-fan"), nil},
		{"golang case", ix.PURLNamespace("golang", "github.com/KasperskyLab/klogga"), []string{"kaspersky-lab/purl_namespace/namespace-prefix"}},
		{"other ecosystem", ix.PURLNamespace("pypi", "kaspersky"), nil},
		{"cpe", ix.CPEVendor("kaspersky_lab"), []string{"kaspersky-lab/cpe_vendor/cpe-vendor"}},
		{"cpe escaped", ix.CPEVendor(`Dahua\Security`), []string{"dahua/cpe_vendor/cpe-vendor"}},
		{"cpe other", ix.CPEVendor("dahuasecurity"), []string{"dahua/cpe_vendor/cpe-vendor"}},
		{"registration id", ix.Identifier("91440300 1922 038216"), []string{"huawei/id/exact"}},
		{"short id", ix.Identifier("9144"), nil},
		{"party e-mail and url", ix.Party(screen.Query{Name: "Jane Roe", Kind: screen.KindPerson, Emails: []string{"jane@mx13.kaspersky-labs.com"}, URLs: []string{"https://securelist.com/blog"}}),
			[]string{"kaspersky-lab/domain/domain", "kaspersky-lab/email_domain/domain"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, ids(tt.got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

// Addresses on shared providers: an e-mail address matches only when the
// whole address is listed, a URL only a listed web address on the same host
// whose path is a prefix; a parent domain matches only down to the
// registrable domain.
func TestAddresses(t *testing.T) {
	t.Parallel()
	sdn := &lists.List{Provenance: provenance.List{ID: "ofac-sdn", Kind: provenance.KindSanctions}, Entries: []lists.Entry{{
		ID: "30518", Name: "SECONDEYE SOLUTION", Type: "entity",
		Domains:  []string{"yahoo.com", "google.com", "sites.google.com", "example.co.uk"},
		Emails:   []string{"forwarderz@yahoo.com", "forwarderzlive@google.com"},
		Websites: []string{"sites.google.com/view/secondeye", "sites.google.com", "example.co.uk"},
	}}}
	ix := newIndex(t, sdn)
	ids := func(ms []screen.Match) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.EntryID+"/"+m.MatchedOn+"/"+m.MatchedName)
		}
		return out
	}
	tests := []struct {
		name string
		got  []screen.Match
		want []string
	}{
		{"exact address", ix.Email("Forwarderz@Yahoo.com"), []string{"30518/email/forwarderz@yahoo.com"}},
		{"another address on the provider", ix.Email("someone@yahoo.com"), nil},
		{"not an address", ix.Email("yahoo.com"), nil},
		{"same host, path under the listed one", ix.Website("sites.google.com", "/view/secondeye/about", false), []string{"30518/website/sites.google.com/view/secondeye"}},
		{"same host, other path", ix.Website("sites.google.com", "/view/other", false), nil},
		{"path prefix on a segment boundary only", ix.Website("sites.google.com", "/view/secondeyes", false), nil},
		{"a listed bare host identifies nobody on a shared provider", ix.Website("sites.google.com", "", false), nil},
		{"a user's own host on the provider", ix.Website("sites.google.com", "/x", true), []string{"30518/website/sites.google.com"}},
		{"parent domain stops at the registrable domain", ix.Domain("a.b.example.co.uk"), []string{"30518/domain/example.co.uk"}},
		{"never a public suffix", ix.Domain("other.co.uk"), nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, ids(tt.got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestNewIndexErrors(t *testing.T) {
	t.Parallel()
	good := banList()
	tests := []struct {
		name string
		ls   []*lists.List
		opts screen.Options
		want string
	}{
		{"nil list", []*lists.List{nil}, screen.DefaultOptions(), "list 0"},
		{"no id", []*lists.List{{}}, screen.DefaultOptions(), "no provenance id"},
		{"twice", []*lists.List{good, good}, screen.DefaultOptions(), "given twice"},
		{"bad kind", []*lists.List{{Provenance: provenance.List{ID: "x", Kind: "odd"}}}, screen.DefaultOptions(), "unknown list kind"},
		{"entry without id", []*lists.List{{Provenance: provenance.List{ID: "x"}, Entries: []lists.Entry{{Name: "A"}}}}, screen.DefaultOptions(), "entry 0"},
		{"empty name", []*lists.List{{Provenance: provenance.List{ID: "x"}, Entries: []lists.Entry{{ID: "1", Name: "--"}}}}, screen.DefaultOptions(), "entry 1: name"},
		{"empty ban name", []*lists.List{{Provenance: provenance.List{ID: "x", Kind: provenance.KindBan}, Entries: []lists.Entry{{ID: "1", Name: "()"}}}}, screen.DefaultOptions(), "entry 1: name"},
		{"bad type", []*lists.List{{Provenance: provenance.List{ID: "x"}, Entries: []lists.Entry{{ID: "1", Name: "A", Type: "ship"}}}}, screen.DefaultOptions(), "unknown entry type"},
		{"bad purl", []*lists.List{{Provenance: provenance.List{ID: "x", Kind: provenance.KindBan}, Entries: []lists.Entry{{ID: "1", Name: "A", PurlNamespaces: []string{"com.a"}}}}}, screen.DefaultOptions(), "purl namespace"},
		{"thresholds", nil, screen.Options{Match: 0.5, Review: 0.9}, "above match threshold"},
		{"threshold zero", nil, screen.Options{Match: 0.5}, "review threshold 0"},
	}
	for _, tt := range tests {
		_, err := screen.NewIndex(tt.ls, tt.opts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

// TestConcurrentName runs queries from several goroutines (for -race) and
// checks they agree, on an index built in memory and on one read from its
// file.
func TestConcurrentName(t *testing.T) {
	t.Parallel()
	built := newIndex(t, testLists(t)...)
	data, err := indexfile.Marshal(built.Index)
	if err != nil {
		t.Fatal(err)
	}
	read, err := indexfile.Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	q := screen.Query{Name: "Андрей Тихонов", URLs: []string{"https://kaspersky.com"}}
	want := built.Party(q)
	if len(want) < 2 {
		t.Fatalf("want a name and a domain match, got %v", want)
	}
	for name, ix := range map[string]*screen.Index{"built": built.Index, "read": read} {
		type result struct {
			ms  []screen.Match
			err error
		}
		done := make(chan result)
		for range 4 {
			go func() {
				var last result
				for range 50 {
					if last.ms, last.err = ix.Party(q); last.err != nil {
						break
					}
				}
				done <- last
			}()
		}
		for range 4 {
			if got := <-done; got.err != nil || !cmp.Equal(want, got.ms) {
				t.Errorf("%s: concurrent result differs:\n%v\n%v (%v)", name, want, got.ms, got.err)
			}
		}
	}
}

// TestAliasWithoutLetters: an alias that normalises to nothing cannot
// match and does not stop the index.
func TestAliasWithoutLetters(t *testing.T) {
	t.Parallel()
	l := &lists.List{Provenance: provenance.List{ID: "x"}, Entries: []lists.Entry{{ID: "1", Name: "KONDRATYEV, Ivan", Type: "individual", Aliases: []lists.Alias{{Name: "@", Type: "weak"}}}}}
	ix := newIndex(t, l)
	if ms := ix.Name(screen.Query{Name: "Ivan Kondratyev"}); len(ms) != 1 {
		t.Errorf("got %v", ms)
	}
}

func TestOptions(t *testing.T) {
	t.Parallel()
	l := sdnList(t)
	q := screen.Query{Name: "Mar Azul"}
	ix := newIndex(t, l)
	if ms := ix.Name(q); len(ms) != 0 {
		t.Errorf("vessel matched by default: %v", ms)
	}
	opts := screen.DefaultOptions()
	opts.Vessels = true
	ixv, err := screen.NewIndex([]*lists.List{l}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if ms := (testIndex{ixv, t}).Name(q); len(ms) == 0 || ms[0].EntryID != "4238" {
		t.Errorf("Vessels: got %v, want 4238 MAR AZUL", ms)
	}
	opts = screen.DefaultOptions()
	opts.MaxMatches = 1
	ix1, err := screen.NewIndex([]*lists.List{l}, opts)
	if err != nil {
		t.Fatal(err)
	}
	common := screen.Query{Name: "Sergey Ivanov", Kind: screen.KindPerson}
	all, one := ix.Name(common), (testIndex{ix1, t}).Name(common)
	if len(all) < 2 || len(one) != 1 || !cmp.Equal(all[0], one[0]) {
		t.Errorf("MaxMatches 1: got %d of %d matches", len(one), len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].Score > all[i-1].Score {
			t.Errorf("matches not sorted best first: %v", all)
		}
	}
}

func TestBanNameSkipsSanctions(t *testing.T) {
	ix := newIndex(t, testLists(t)...)
	if ms := ix.BanName(screen.Query{Name: "node hikvision api", Kind: screen.KindOrganization}); len(ms) == 0 || ms[0].MatchedOn != "brand" {
		t.Errorf("BanName(node hikvision api) = %+v, want a brand match", ms)
	}
	if ms := ix.BanName(screen.Query{Name: "Andrey Tikhonov"}); len(ms) != 0 {
		t.Errorf("BanName matched a sanctions entry: %+v", ms)
	}
}

// TestMisspeltLegalForm: a legal form with one word misspelt, by one
// letter in a long word or by a spelling with the same phonetic key in a
// short one ("JOYNT STOCK COMPANY"), is read as that legal form and left
// out of the score, and the explanation says it was misspelt; a word
// that is no misspelt legal form stays part of the name.
func TestMisspeltLegalForm(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	for _, tt := range []struct {
		name, entry, note string
		hit               bool
	}{
		{"AEROSPACE DEFENSE CONCERN ALMAZ-ANTEY JOYNT STOCK COMPANY", "16865", "joynt (misspelt) stock company", true},
		{"JOYNT STOCK COMPANY AEROSPACE DEFENSE CONCERN ALMAZ-ANTEY", "16865", "joynt (misspelt) stock company", true},
		{"Limited Liabjlity Company Garant-SV", "25181", "limited liabjlity (misspelt) company", true},
		{"Limitd Liability Company Garant-SV", "25181", "limitd (misspelt) liability company", true},
		// A one-word form of seven letters or more, one letter off.
		{"CRIUS LIMTED", "51759", "limted (misspelt)", true},
		{"KUPA LINES INCORPPRATED", "52318", "incorpprated (misspelt)", true},
	} {
		ms := ix.Name(screen.Query{Name: tt.name, Kind: screen.KindOrganization})
		if len(ms) == 0 || ms[0].EntryID != tt.entry {
			t.Errorf("%q: got %v, want %s first", tt.name, ms, tt.entry)
			continue
		}
		if ix.Options().IsHit(ms[0].Score) != tt.hit || !strings.Contains(ms[0].Explain, "query legal form ignored: "+tt.note) {
			t.Errorf("%q: %.3f %s, want hit %v and legal form %q", tt.name, ms[0].Score, ms[0].Explain, tt.hit, tt.note)
		}
	}
	// Two words misspelt are no legal form: they stay words of the name.
	low, err := screen.NewIndex(testLists(t), screen.Options{Match: screen.DefaultMatch, Review: 0.3})
	if err != nil {
		t.Fatal(err)
	}
	ms := testIndex{low, t}.Name(screen.Query{Name: "ALMAZ ANTEY JOYNT STOCK KOMPANI", Kind: screen.KindOrganization})
	if len(ms) == 0 {
		t.Fatal("ALMAZ ANTEY JOYNT STOCK KOMPANI: no match")
	}
	if e := ms[0].Explain; strings.Contains(e, "query legal form ignored") || !strings.Contains(e, "joynt unmatched") {
		t.Errorf("ALMAZ ANTEY JOYNT STOCK KOMPANI: %s", e)
	}
	// A short one-word form one letter off ("Ltdd") is a word of the name.
	for _, q := range []string{"CRIUS LTDD", "CRIUS INCC"} {
		for _, m := range (testIndex{low, t}).Name(screen.Query{Name: q, Kind: screen.KindOrganization}) {
			if strings.Contains(m.Explain, "query legal form ignored") {
				t.Errorf("%s: %s", q, m.Explain)
			}
		}
	}
}

// TestBrandInside: a brand of six letters or more inside a word, after
// other letters, is a possible match (review at most, method
// brand-inside); the brand written as a word of its own still matches as
// one, and a brand at the start of a word followed by other letters stays
// a near-miss.
func TestBrandInside(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct {
		name, entry, method string
	}{
		{"mykaspersky", "kaspersky-lab", "brand-inside"},
		{"kasperskylabkasperskylab", "kaspersky-lab", "brand-inside"},
		{"getkasp\u0435rskynow ltd", "kaspersky-lab", "brand-inside"}, // a Cyrillic "е"
		{"thehikvisionstore", "hikvision", "brand-inside"},
		{"MyKaspersky", "kaspersky-lab", "brand-token"}, // camel case: the brand as a word
		{"Huaweiss Trading BV", "", ""},
		{"Dahuang Foods Ltd.", "", ""},
		{"Blaztec Analytics", "", ""}, // "zte" is too short to look for inside a word
	} {
		ms := ix.Name(screen.Query{Name: tt.name})
		if tt.entry == "" {
			if len(ms) > 0 {
				t.Errorf("%q: unexpected %s %q %.3f (%s)", tt.name, ms[0].EntryID, ms[0].Method, ms[0].Score, ms[0].Explain)
			}
			continue
		}
		if len(ms) == 0 || ms[0].EntryID != tt.entry || ms[0].Method != tt.method {
			t.Errorf("%q: got %v, want %s by %s first", tt.name, ms, tt.entry, tt.method)
			continue
		}
		if inside := tt.method == "brand-inside"; inside == opts.IsHit(ms[0].Score) || ms[0].Score < opts.Review {
			t.Errorf("%q: score %.3f, want a hit %v (review %.2f, match %.2f)", tt.name, ms[0].Score, !inside, opts.Review, opts.Match)
		}
		if tt.method == "brand-inside" && !strings.Contains(ms[0].Explain, "inside word") {
			t.Errorf("%q: explanation %q", tt.name, ms[0].Explain)
		}
	}
	// A person's name is never matched against brand words.
	if ms := ix.Name(screen.Query{Name: "Eugene Mykaspersky", Kind: screen.KindPerson}); len(ms) > 0 {
		t.Errorf("person: unexpected %v", ms)
	}
}
