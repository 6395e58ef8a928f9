package lists_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/textnorm"
)

// seed adds the bytes of the named testdata files to the corpus.
func seed(f *testing.F, paths ...string) {
	f.Helper()
	for _, p := range paths {
		b, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(p)))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkList fails unless a loaded list is consistent.
func checkList(t *testing.T, l *lists.List) {
	t.Helper()
	if l.Provenance.Entries != len(l.Entries) || len(l.Entries) == 0 || len(l.Provenance.SHA256) != 64 {
		t.Fatalf("inconsistent provenance %+v for %d entries", l.Provenance, len(l.Entries))
	}
	for _, e := range l.Entries {
		if e.ID == "" || e.Name == "" || e.List != l.Provenance.ID {
			t.Fatalf("entry without id, name or list: %+v", e)
		}
	}
}

func FuzzLoadOFACLegacy(f *testing.F) {
	seed(f, "ofac/tiny/sdn.csv", "ofac/kaspersky/sdn.csv", "ofac/rows-2024-05/sdn.csv")
	f.Fuzz(func(t *testing.T, prim []byte) {
		// The fuzzed bytes as the primary file, then as the alt and the
		// comments file of a valid primary.
		if l, err := lists.LoadOFACLegacy(lists.OFACFiles{
			Primary: lists.Source{Name: "sdn.csv", R: strings.NewReader(string(prim))},
			Alt:     src("alt.csv", "1,1,\"aka\",\"X\",-0- \r\n"),
		}, provenance.List{ID: "t"}); err == nil {
			checkList(t, l)
		}
		sdn := readTestdata(t, "ofac/kaspersky/sdn.csv")
		if l, err := lists.LoadOFACLegacy(lists.OFACFiles{
			Primary:  src("sdn.csv", sdn),
			Alt:      lists.Source{Name: "alt.csv", R: strings.NewReader(string(prim))},
			Comments: lists.Source{Name: "sdn_comments.csv", R: strings.NewReader(string(prim))},
		}, provenance.List{ID: "t"}); err == nil {
			checkList(t, l)
		}
	})
}

func FuzzParseRemarks(f *testing.F) {
	for _, s := range []string{
		"Website www.ptsecurity.ru; alt. Website www.ptsecurity.com; Tax ID No. 7718668887 (Russia); Linked To: FEDERAL SECURITY SERVICE.",
		"DOB 09 Nov 1966; POB Tver, Russia; nationality Russia; Passport 530193947 (Russia); a.k.a. 'X'; Email Address a@b.ru",
		"Digital Currency Address - XBT 1B64QRxf; Identification Number AO 2879097 (Italy) expires 30 Oct 2012",
		"a.k.a. '", "Digital Currency Address - ", "Passport (", "; ; .",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := lists.ParseRemarks(s)
		for _, d := range r.Domains {
			if n, err := textnorm.Domain(d); err != nil || n != d {
				t.Fatalf("domain %q is not normalised", d)
			}
		}
		for _, id := range r.IDs {
			if id.Type == "" || id.Number == "" {
				t.Fatalf("identifier without type or number: %+v", id)
			}
		}
		for _, a := range r.Aliases {
			if a.Name == "" {
				t.Fatal("alias without a name")
			}
		}
	})
}

func FuzzLoadSDNXML(f *testing.F) {
	seed(f, "xml/sdn.xml", "xml/sdn-tempuri.xml")
	f.Add([]byte(`<sdnList><sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if l, err := lists.LoadSDNXML(lists.Source{Name: "sdn.xml", R: strings.NewReader(string(b))}, provenance.List{ID: "t"}); err == nil {
			checkList(t, l)
		}
	})
}

func FuzzLoadCSLCSV(f *testing.F) {
	seed(f, "csl/consolidated.csv", "csl/csl.csv")
	f.Fuzz(func(t *testing.T, b []byte) {
		if l, err := lists.LoadCSLCSV(lists.Source{Name: "consolidated.csv", R: strings.NewReader(string(b))}, provenance.List{ID: "t"}); err == nil {
			checkList(t, l)
		}
	})
}

func FuzzLoadCSLJSON(f *testing.F) {
	seed(f, "csl/consolidated.json")
	f.Add([]byte(`{"results":[{"id":"1","source":"s","name":"n","alt_names":"a; b","entity_number":12,"ids":[{"type":"Website","number":"www.a.com"}]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if l, err := lists.LoadCSLJSON(lists.Source{Name: "consolidated.json", R: strings.NewReader(string(b))}, provenance.List{ID: "t"}); err == nil {
			checkList(t, l)
		}
	})
}

func FuzzLoadDerivedSDN(f *testing.F) {
	seed(f, "derived/ofac-sdn.csv")
	f.Fuzz(func(t *testing.T, b []byte) {
		if l, err := lists.LoadDerivedSDN(lists.Source{Name: "ofac-sdn.csv", R: strings.NewReader(string(b))}, provenance.List{ID: "t"}); err == nil {
			checkList(t, l)
		}
	})
}

func FuzzLoadBanLists(f *testing.F) {
	seed(f, "bundle/bangate/lists/kaspersky.yaml")
	f.Fuzz(func(t *testing.T, b []byte) {
		ls, err := lists.LoadBanLists(fstest.MapFS{"bangate/lists/kaspersky.yaml": {Data: b}})
		if err != nil {
			return
		}
		for _, l := range ls {
			checkList(t, l)
			for _, e := range l.Entries {
				for _, d := range e.Domains {
					if n, err := textnorm.Domain(d); err != nil || n != d {
						t.Fatalf("domain %q is not normalised", d)
					}
				}
			}
		}
	})
}

func FuzzLoadUNXML(f *testing.F) {
	seed(f, "un/consolidated-excerpt.xml")
	f.Add([]byte(`<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09Z"><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A</FIRST_NAME><REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if l, err := lists.LoadUNXML(lists.Source{Name: "consolidated.xml", R: strings.NewReader(string(b))}, provenance.List{ID: "t"}); err == nil {
			checkList(t, l)
			if l.Provenance.Published.IsZero() {
				t.Fatal("a loaded UN list without its publication date")
			}
		}
	})
}

func FuzzLoadEUXML(f *testing.F) {
	seed(f, "eu/sample_eu_sanctions.xml")
	f.Add([]byte(`<export generationDate="2026-09-22T10:00:00Z"><sanctionEntity logicalId="1"><subjectType code="enterprise"/><nameAlias wholeName="A"/></sanctionEntity></export>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if l, err := lists.LoadEUXML(lists.Source{Name: "eu.xml", R: strings.NewReader(string(b))}, provenance.List{ID: "t"}); err == nil {
			checkList(t, l)
		}
	})
}

func FuzzLoadOFSICSV(f *testing.F) {
	seed(f, "uk/conlist-2022-excerpt.csv")
	f.Add([]byte("Last Updated,27/04/2020\r\nName 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Town of Birth,Country of Birth,Nationality,Passport Details,NI Number,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,Regime,Listed On,Last Updated,Group ID\r\n" +
		"AL-QAHTANI,Sheikh,Farooq,,,,,00/00/1980,,Saudi Arabia,1) Saudi Arabia 2) Qatar,,,,,,,,,,,,x,Individual,Prime Alias,R,01/04/2016,01/04/2016,13349\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if l, err := lists.LoadOFSICSV(lists.Source{Name: "ConList.csv", R: strings.NewReader(string(b))}, provenance.List{ID: "t"}); err == nil {
			checkList(t, l)
		}
	})
}

func FuzzLoadFCDOXML(f *testing.F) {
	// One seed per Designation of the excerpt, each in the file's own
	// opening and closing: small seeds keep the minimisation of new inputs
	// short (run with -fuzzminimizetime 1s, as .ci/run does).
	b, err := os.ReadFile(filepath.Join("testdata", "uk", "uk-sanctions-list-excerpt.xml"))
	if err != nil {
		f.Fatal(err)
	}
	doc := string(b)
	head := doc[:strings.Index(doc, "  <Designation>")]
	for rest := doc[len(head):]; strings.HasPrefix(rest, "  <Designation>"); {
		end := strings.Index(rest, "  </Designation>\n") + len("  </Designation>\n")
		f.Add([]byte(head + rest[:end] + "</Designations>\n"))
		rest = rest[end:]
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if l, err := lists.LoadFCDOXML(lists.Source{Name: "UK-Sanctions-List.xml", R: strings.NewReader(string(b))}, provenance.List{ID: "t"}); err == nil {
			checkList(t, l)
		}
	})
}
