package lists_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/google/go-cmp/cmp"
)

// src returns a Source over s named name.
func src(name, s string) lists.Source {
	return lists.Source{Name: name, R: strings.NewReader(s)}
}

// readTestdata returns the bytes of a testdata file.
func readTestdata(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(path)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// entryByID returns the entry with the given ID.
func entryByID(t *testing.T, l *lists.List, id string) lists.Entry {
	t.Helper()
	for _, e := range l.Entries {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("%s: no entry %s", l.Provenance.ID, id)
	return lists.Entry{}
}

func TestLoadOFACLegacyFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		paths     lists.OFACPaths
		entries   int
		aliases   int // total aliases (strong and weak)
		checkID   string
		wantEntry lists.Entry
	}{
		{
			name: "tiny excerpt 2025-05",
			paths: lists.OFACPaths{
				// The excerpt's alt.csv and add.csv name ent_nums its sdn.csv
				// lacks (see TestLoadOFACLegacyInconsistentExcerpt); the
				// filtered copy keeps only the rows of ent_nums it holds.
				Primary: "testdata/ofac/tiny/sdn.csv", Alt: "testdata/ofac/tiny-alt-filtered.csv",
				Comments: "testdata/ofac/tiny/sdn_comments.csv",
			},
			entries: 17,
			aliases: 13 + 15 + 1, // 13 strong (filtered alt.csv) + 15 weak a.k.a./f.k.a. in remarks + 1 in the comments continuation
			checkID: "15102",
			wantEntry: lists.Entry{
				ID: "15102", List: "t", Name: "MORENO, Daniel", Type: "individual",
				Aliases:      []lists.Alias{{Name: "MORENO JR., Daniel Gonzalo", Type: "aka"}},
				Programs:     []string{"SDNTK"},
				IDs:          []lists.Identifier{{Type: "Passport", Number: "0291622", Country: "Belize"}},
				DatesOfBirth: []string{"12 Oct 1972"},
				LinkedTo:     []string{"D'S SUPERMARKET COMPANY LTD."},
				Remarks:      "DOB 12 Oct 1972; POB Corozal, Belize; Passport 0291622 (Belize); Linked To: D'S SUPERMARKET COMPANY LTD.",
			},
		},
		{
			name: "kaspersky leaders 2024-06-21",
			paths: lists.OFACPaths{
				Primary: "testdata/ofac/kaspersky/sdn.csv", Alt: "testdata/ofac/kaspersky/alt.csv",
				Add: "testdata/ofac/kaspersky/add.csv",
			},
			entries: 12,
			aliases: 15,
			checkID: "45815",
			wantEntry: lists.Entry{
				ID: "45815", List: "t", Name: "TIKHONOV, Andrei Gennadyevich", Type: "individual",
				Aliases:  []lists.Alias{{Name: "TIKHONOV, Andrey", Type: "aka"}},
				Programs: []string{"RUSSIA-EO14024"},
				IDs: []lists.Identifier{
					{Type: "Passport", Number: "530193947", Country: "Russia"},
					{Type: "National ID No.", Number: "4511483349", Country: "Russia"},
					{Type: "Tax ID No.", Number: "774334095919", Country: "Russia"},
				},
				Nationalities: []string{"Russia"},
				DatesOfBirth:  []string{"09 Nov 1966"},
				Remarks:       "DOB 09 Nov 1966; POB Tver, Russia; nationality Russia; Gender Male; Secondary sanctions risk: See Section 11 of Executive Order 14024.; Passport 530193947 (Russia); National ID No. 4511483349 (Russia); Tax ID No. 774334095919 (Russia).",
			},
		},
		{
			name: "Positive Technologies 2024-05-03",
			paths: lists.OFACPaths{
				Primary: "testdata/ofac/rows-2024-05/sdn.csv", Alt: "testdata/ofac/rows-2024-05/alt.csv",
				Comments: "testdata/ofac/rows-2024-05/sdn_comments.csv",
			},
			entries: 2,
			aliases: 3, // two from alt.csv, one weak a.k.a. from the 33151 continuation
			checkID: "31455",
			wantEntry: lists.Entry{
				ID: "31455", List: "t", Name: "AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ", Type: "entity",
				Aliases: []lists.Alias{
					{Name: "JSC POSITIVE TECHNOLOGIES", Type: "aka"},
					{Name: "POZITIV TEKNOLODZHIZ, AO", Type: "aka"},
				},
				Programs: []string{"NPWMD", "CYBER2", "CAATSA - RUSSIA", "RUSSIA-EO14024"},
				Domains:  []string{"ptsecurity.ru", "ptsecurity.com"},
				Websites: []string{"ptsecurity.ru", "ptsecurity.com"},
				IDs:      []lists.Identifier{{Type: "Tax ID No.", Number: "7718668887", Country: "Russia"}},
				LinkedTo: []string{"FEDERAL SECURITY SERVICE"},
				Remarks:  "Website www.ptsecurity.ru; alt. Website www.ptsecurity.com; Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201; Tax ID No. 7718668887 (Russia); Linked To: FEDERAL SECURITY SERVICE.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l, err := lists.LoadOFACLegacyFiles(tt.paths, provenance.List{ID: "t"})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(l.Entries); got != tt.entries || l.Provenance.Entries != tt.entries {
				t.Errorf("entries = %d (provenance %d), want %d", got, l.Provenance.Entries, tt.entries)
			}
			n := 0
			for _, e := range l.Entries {
				n += len(e.Aliases)
			}
			if n != tt.aliases {
				t.Errorf("aliases = %d, want %d", n, tt.aliases)
			}
			if l.Provenance.Kind != provenance.KindSanctions || len(l.Provenance.SHA256) != 64 {
				t.Errorf("provenance = %+v", l.Provenance)
			}
			if diff := cmp.Diff(tt.wantEntry, entryByID(t, l, tt.checkID)); diff != "" {
				t.Errorf("entry %s (-want +got):\n%s", tt.checkID, diff)
			}
		})
	}
}

func TestLoadOFACLegacyCommentsContinuation(t *testing.T) {
	t.Parallel()
	l, err := lists.LoadOFACLegacyFiles(lists.OFACPaths{
		Primary: "testdata/ofac/rows-2024-05/sdn.csv", Alt: "testdata/ofac/rows-2024-05/alt.csv",
		Comments: "testdata/ofac/rows-2024-05/sdn_comments.csv",
	}, provenance.List{ID: "t"})
	if err != nil {
		t.Fatal(err)
	}
	e := entryByID(t, l, "33151")
	// The 1000-character remarks end mid-address; the comments row
	// continues it with no separator.
	const joined = "Digital Currency Address - XBT 1B64QRxfaa35MVkf7sDjuGUYAP5izQt7Qi; "
	if !strings.Contains(e.Remarks, joined) {
		t.Errorf("remarks not joined without separator")
	}
	want := lists.Identifier{Type: "Digital Currency Address - XBT", Number: "1B64QRxfaa35MVkf7sDjuGUYAP5izQt7Qi"}
	found := false
	for _, id := range e.IDs {
		if id == want {
			found = true
		}
	}
	if !found {
		t.Errorf("joined address %v not in IDs %v", want, e.IDs)
	}
	if len(e.Remarks) <= 1000 {
		t.Errorf("remarks length %d, want > 1000", len(e.Remarks))
	}
	if !cmp.Equal(e.Domains, []string{"suex.io"}) {
		t.Errorf("domains = %v", e.Domains)
	}
}

func TestLoadOFACLegacyDigestAndLineEnds(t *testing.T) {
	t.Parallel()
	sdn := readTestdata(t, "ofac/kaspersky/sdn.csv")
	alt := readTestdata(t, "ofac/kaspersky/alt.csv")
	crlf, err := lists.LoadOFACLegacy(lists.OFACFiles{Primary: src("sdn.csv", sdn), Alt: src("alt.csv", alt)}, provenance.List{ID: "t"})
	if err != nil {
		t.Fatal(err)
	}
	lf := func(s string) string { return strings.TrimSuffix(strings.ReplaceAll(s, "\r\n", "\n"), "\x1a") }
	plain, err := lists.LoadOFACLegacy(lists.OFACFiles{Primary: src("sdn.csv", lf(sdn)), Alt: src("alt.csv", lf(alt))}, provenance.List{ID: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(crlf.Entries, plain.Entries); diff != "" {
		t.Errorf("LF copy differs from CRLF original (-crlf +lf):\n%s", diff)
	}
	if crlf.Provenance.SHA256 == plain.Provenance.SHA256 {
		t.Errorf("digest ignores the bytes")
	}
	// The digest does not depend on the names the caller gives the files.
	renamed, err := lists.LoadOFACLegacy(lists.OFACFiles{Primary: src("a/b/SDN.CSV", sdn), Alt: src("x", alt)}, provenance.List{ID: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if renamed.Provenance.SHA256 != crlf.Provenance.SHA256 {
		t.Errorf("digest depends on file names")
	}
}

func TestLoadOFACLegacyBad(t *testing.T) {
	t.Parallel()
	sdn := readTestdata(t, "ofac/kaspersky/sdn.csv")
	alt := readTestdata(t, "ofac/kaspersky/alt.csv")
	add := readTestdata(t, "ofac/kaspersky/add.csv")
	row := "45815,\"TIKHONOV, Andrei Gennadyevich\",\"individual\",\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
	tests := []struct {
		name     string
		files    lists.OFACFiles
		wantFile string
		wantLine int
	}{
		{"empty primary", lists.OFACFiles{Primary: src("sdn.csv", ""), Alt: src("alt.csv", alt)}, "sdn.csv", 0},
		{"only 0x1A", lists.OFACFiles{Primary: src("sdn.csv", "\x1a"), Alt: src("alt.csv", alt)}, "sdn.csv", 0},
		{"truncated mid-row", lists.OFACFiles{Primary: src("sdn.csv", sdn[:len(sdn)/2]), Alt: src("alt.csv", alt)}, "sdn.csv", 0},
		{"truncated in quotes", lists.OFACFiles{Primary: src("sdn.csv", sdn[:40]+"\r\n"), Alt: src("alt.csv", alt)}, "sdn.csv", 1},
		{"11 columns", lists.OFACFiles{Primary: src("sdn.csv", strings.Replace(sdn, ",-0- ,", ",", 1)), Alt: src("alt.csv", alt)}, "sdn.csv", 1},
		{"bare quote", lists.OFACFiles{Primary: src("sdn.csv", strings.Replace(sdn, "45817,\"EFREMOV", "45817,E\"FREMOV", 1)), Alt: src("alt.csv", alt)}, "sdn.csv", 2},
		{"ent_num not a number", lists.OFACFiles{Primary: src("sdn.csv", "x"+sdn), Alt: src("alt.csv", alt)}, "sdn.csv", 1},
		{"unknown type", lists.OFACFiles{Primary: src("sdn.csv", strings.Replace(sdn, "\"individual\"", "\"company\"", 1)), Alt: src("alt.csv", alt)}, "sdn.csv", 1},
		{"empty name", lists.OFACFiles{Primary: src("sdn.csv", strings.Replace(sdn, "\"TIKHONOV, Andrei Gennadyevich\"", "-0- ", 1)), Alt: src("alt.csv", alt)}, "sdn.csv", 1},
		{"same uid other name", lists.OFACFiles{Primary: src("sdn.csv", sdn+strings.Replace(row, "Andrei", "Andrey", 1)), Alt: src("alt.csv", alt)}, "sdn.csv", 13},
		{"alt of unknown ent_num", lists.OFACFiles{Primary: src("sdn.csv", sdn), Alt: src("alt.csv", "99999,1,\"aka\",\"X\",-0- \r\n"+alt)}, "alt.csv", 1},
		{"alt unknown type", lists.OFACFiles{Primary: src("sdn.csv", sdn), Alt: src("alt.csv", strings.Replace(alt, "\"aka\"", "\"xyz\"", 1))}, "alt.csv", 1},
		{"alt 4 columns", lists.OFACFiles{Primary: src("sdn.csv", sdn), Alt: src("alt.csv", strings.Replace(alt, ",-0- ", "", 1))}, "alt.csv", 1},
		{"add of unknown ent_num", lists.OFACFiles{Primary: src("sdn.csv", sdn), Alt: src("alt.csv", alt), Add: src("add.csv", add+"1,2,-0- ,-0- ,-0- ,-0- \r\n")}, "add.csv", 13},
		{"comments of unknown ent_num", lists.OFACFiles{Primary: src("sdn.csv", sdn), Alt: src("alt.csv", alt), Comments: src("sdn_comments.csv", "1,\"x\"\r\n")}, "sdn_comments.csv", 1},
		{"comments 3 columns", lists.OFACFiles{Primary: src("sdn.csv", sdn), Alt: src("alt.csv", alt), Comments: src("sdn_comments.csv", "45815,\"x\",y\r\n")}, "sdn_comments.csv", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l, err := lists.LoadOFACLegacy(tt.files, provenance.List{ID: "t"})
			if err == nil {
				t.Fatalf("got %d entries, want error", len(l.Entries))
			}
			var pe *lists.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, lists.ErrMalformed) {
				t.Fatalf("error %q is not a ParseError", err)
			}
			if pe.File != tt.wantFile || pe.Line != tt.wantLine {
				t.Errorf("error %q: file %q line %d, want %q line %d", err, pe.File, pe.Line, tt.wantFile, tt.wantLine)
			}
			if !strings.HasPrefix(err.Error(), "parse "+tt.wantFile+": ") {
				t.Errorf("error %q does not name the file first", err)
			}
		})
	}
}

func TestLoadOFACLegacyInconsistentExcerpt(t *testing.T) {
	t.Parallel()
	// A real third-party excerpt whose alt.csv names ent_num 10416, which
	// its sdn.csv does not hold: refused, not silently dropped.
	_, err := lists.LoadOFACLegacyFiles(lists.OFACPaths{
		Primary: "testdata/ofac/tiny/sdn.csv", Alt: "testdata/ofac/tiny/alt.csv",
	}, provenance.List{ID: "t"})
	want := "parse testdata/ofac/tiny/alt.csv: line 1: ent_num 10416 is not in the primary file"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func TestLoadOFACLegacyMissingFile(t *testing.T) {
	t.Parallel()
	_, err := lists.LoadOFACLegacyFiles(lists.OFACPaths{Primary: "testdata/nope.csv", Alt: "testdata/ofac/tiny/alt.csv"}, provenance.List{ID: "t"})
	if err == nil || !errors.Is(err, os.ErrNotExist) || errors.Is(err, lists.ErrMalformed) {
		t.Errorf("error = %v, want a not-exist error that is not ErrMalformed", err)
	}
	if _, err := lists.LoadOFACLegacyFiles(lists.OFACPaths{Primary: "testdata/ofac/tiny/sdn.csv"}, provenance.List{ID: "t"}); err == nil {
		t.Errorf("no alt file: want error")
	}
	if _, err := lists.LoadOFACLegacyFiles(lists.OFACPaths{Primary: "testdata/ofac/tiny/sdn.csv", Alt: "testdata/ofac/tiny/alt.csv"}, provenance.List{}); err == nil {
		t.Errorf("no list id: want error")
	}
}

func TestLoadOFACLegacyContinuationKeepsSpace(t *testing.T) {
	t.Parallel()
	// A remark can be cut right after a space (SDN.CSV 2024-05-03, 39593
	// ends "Address - XBT "); the continuation must follow it unchanged.
	head := strings.Repeat("x", 986) + "; Passport 12 "
	sdn := "1,\"A\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"" + head + "\"\r\n"
	l, err := lists.LoadOFACLegacy(lists.OFACFiles{
		Primary:  src("sdn.csv", sdn),
		Alt:      src("alt.csv", "1,1,\"aka\",\"B\",-0- \r\n"),
		Comments: src("sdn_comments.csv", "1,\"(Iran).\"\r\n"),
	}, provenance.List{ID: "t"})
	if err != nil {
		t.Fatal(err)
	}
	e := l.Entries[0]
	if !strings.HasSuffix(e.Remarks, "; Passport 12 (Iran).") || !cmp.Equal(e.IDs, []lists.Identifier{{Type: "Passport", Number: "12", Country: "Iran"}}) {
		t.Errorf("remarks tail %q, IDs %v", e.Remarks[len(e.Remarks)-30:], e.IDs)
	}
}
