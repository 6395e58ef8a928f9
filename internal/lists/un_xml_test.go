package lists_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/google/go-cmp/cmp"
)

// gunzipTestdata returns the decompressed bytes of a .gz testdata file.
func gunzipTestdata(t testing.TB, path string) []byte {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(readTestdata(t, path)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// countTypes counts the entries of each type.
func countTypes(l *lists.List) map[string]int {
	n := map[string]int{}
	for _, e := range l.Entries {
		n[e.Type]++
	}
	return n
}

// The whole official file of 2026-02-27.
func TestLoadUNXMLRealFile(t *testing.T) {
	t.Parallel()
	data := gunzipTestdata(t, "un/consolidated.xml.gz")
	sum := sha256.Sum256(data)
	const want = "66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf"
	if got := hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("test file sha256 %s, want %s", got, want)
	}
	l, err := lists.LoadUNXML(lists.Source{Name: "consolidated.xml", R: bytes.NewReader(data)}, provenance.List{ID: "un-sc"})
	if err != nil {
		t.Fatal(err)
	}
	p := l.Provenance
	if p.SHA256 != want || p.Entries != 1003 || p.Kind != provenance.KindSanctions ||
		!p.Published.Equal(time.Date(2026, 2, 27, 0, 0, 9, 554e6, time.UTC)) {
		t.Errorf("provenance %+v", p)
	}
	if diff := cmp.Diff(map[string]int{"individual": 730, "entity": 273}, countTypes(l)); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
	programs := map[string]int{}
	var original, aliased int
	for _, e := range l.Entries {
		if len(e.Programs) != 1 {
			t.Fatalf("%s: programs %v, want the one UN_LIST_TYPE", e.ID, e.Programs)
		}
		programs[e.Programs[0]]++
		if len(e.Aliases) > 0 {
			aliased++
		}
		for _, a := range e.Aliases {
			if a.Type == lists.AliasOriginalScript {
				original++
			}
		}
	}
	if programs["Al-Qaida"] != 341 || programs["DPRK"] != 155 || programs["Taliban"] != 140 || len(programs) != 14 {
		t.Errorf("programs %v", programs)
	}
	// 378 records fill NAME_ORIGINAL_SCRIPT; in one it equals the name.
	if original != 377 {
		t.Errorf("%d original-script aliases, want 377", original)
	}
	if aliased < 712 {
		t.Errorf("%d entries with aliases, want at least the 712 with ALIAS_NAME", aliased)
	}
	umarov := entryByID(t, l, "QDi.290")
	if umarov.Name != "DOKU KHAMATOVICH UMAROV" || umarov.Aliases[0] != (lists.Alias{Name: "Умаров Доку Хаматович", Type: lists.AliasOriginalScript}) {
		t.Errorf("QDi.290 = %+v", umarov)
	}
	// The reference number's trailing space is not part of the ID.
	if e := entryByID(t, l, "KPe.045"); e.Name != "KORYO BANK" || len(e.Addresses) != 1 {
		t.Errorf("KPe.045 = %+v", e)
	}
}

func TestLoadUNXMLExcerpt(t *testing.T) {
	t.Parallel()
	l, err := lists.LoadUNXML(src("consolidated.xml", readTestdata(t, "un/consolidated-excerpt.xml")), provenance.List{ID: "un-sc"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Provenance.SHA256 != sha256File(t, "testdata/un/consolidated-excerpt.xml") {
		t.Errorf("sha256 %s is not the file's", l.Provenance.SHA256)
	}
	want := map[string]lists.Entry{
		"CDi.001": {
			ID: "CDi.001", List: "un-sc", Name: "ERIC BADEGE", Type: "individual", Programs: []string{"DRC"},
			Nationalities: []string{"Democratic Republic of the Congo"}, DatesOfBirth: []string{"1971"},
			Addresses: []string{"Rwanda"},
			Remarks:   "He fled to Rwanda in March 2013 and is still living there as of early 2016. INTERPOL-UN Security Council Special Notice web link:https://www.interpol.int/en/How-we-work/Notices/View-UN-Notices-Individuals",
		},
	}
	got := entryByID(t, l, "CDi.001")
	if diff := cmp.Diff(want["CDi.001"], got); diff != "" {
		t.Errorf("CDi.001 (-want +got):\n%s", diff)
	}
	ids := []string{}
	for _, e := range l.Entries {
		ids = append(ids, e.ID)
	}
	if diff := cmp.Diff([]string{"CDi.001", "QDi.290", "QDi.314", "KPe.045", "QDe.002"}, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	aiai := entryByID(t, l, "QDe.002")
	if aiai.Type != "entity" || aiai.Aliases[0].Type != lists.AliasOriginalScript {
		t.Errorf("QDe.002 = %+v", aiai)
	}
	umarov := entryByID(t, l, "QDi.290")
	if diff := cmp.Diff([]lists.Identifier{{Type: "Passport", Number: "96 03 464086", Country: "Russian Federation"}}, umarov.IDs); diff != "" {
		t.Errorf("QDi.290 ids (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"1964-04-13", "1965-04-13", "1964-05-12", "1955"}, umarov.DatesOfBirth); diff != "" {
		t.Errorf("QDi.290 dates of birth (-want +got):\n%s", diff)
	}
}

// unDoc is a minimal UN list around one record body.
func unDoc(individual string) string {
	return `<?xml version="1.0"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
<INDIVIDUALS>
<INDIVIDUAL>` + individual + `</INDIVIDUAL>
</INDIVIDUALS>
<ENTITIES/>
</CONSOLIDATED_LIST>`
}

func TestLoadUNXMLBad(t *testing.T) {
	t.Parallel()
	good := readTestdata(t, "un/consolidated-excerpt.xml")
	rec := `<FIRST_NAME>A</FIRST_NAME><UN_LIST_TYPE>DRC</UN_LIST_TYPE><REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>`
	tests := []struct {
		name, doc, want string
	}{
		{"empty", "", "file is empty"},
		{"wrong root", "<sdnList/>", "line 1: element /sdnList: root element is not CONSOLIDATED_LIST"},
		{"no date", strings.Replace(good, ` dateGenerated="2026-02-27T00:00:09.554Z"`, "", 1), "element /CONSOLIDATED_LIST: no dateGenerated attribute"},
		{"bad date", strings.Replace(good, `2026-02-27T00:00:09.554Z`, "27/02/2026", 1), "dateGenerated is not an RFC 3339"},
		{"no reference", unDoc(`<FIRST_NAME>A</FIRST_NAME>`), "line 4: element /CONSOLIDATED_LIST/INDIVIDUALS[1]/INDIVIDUAL[1]: no REFERENCE_NUMBER"},
		{"no name", unDoc(`<REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>`), "CDi.001 has no name"},
		{"duplicate", strings.Replace(good, "QDi.314", "QDi.290", 1), "element /CONSOLIDATED_LIST/INDIVIDUALS[1]/INDIVIDUAL[3]: reference number QDi.290 listed twice (first at /CONSOLIDATED_LIST/INDIVIDUALS[1]/INDIVIDUAL[2])"},
		{"alias quality", unDoc(rec + `<INDIVIDUAL_ALIAS><QUALITY>Medium</QUALITY><ALIAS_NAME>B</ALIAS_NAME></INDIVIDUAL_ALIAS>`), "unknown alias QUALITY"},
		{"date type", unDoc(rec + `<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>SOMETIME</TYPE_OF_DATE></INDIVIDUAL_DATE_OF_BIRTH>`), "unknown TYPE_OF_DATE"},
		{"stray element", strings.Replace(good, "<ENTITY>", "<INDIVIDUAL>", 1), "unexpected element in entitys"},
		{"no records", `<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09Z"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>`, "no INDIVIDUAL or ENTITY records"},
		{"truncated", good[:len(good)/2], "line 126: element /CONSOLIDATED_LIST/INDIVIDUALS[1]/INDIVIDUAL[3]: XML syntax error"},
		{"entity bomb", `<!DOCTYPE x [<!ENTITY a "a">]><CONSOLIDATED_LIST/>`, "document type declarations are not allowed"},
		{"trailing content", good + "<x/>", "content after the root element"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := lists.LoadUNXML(src("consolidated.xml", tt.doc), provenance.List{ID: "t"})
			if err == nil {
				t.Fatal("want error")
			}
			var pe *lists.ParseError
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), "parse consolidated.xml: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want a ParseError containing %q", err, tt.want)
			}
		})
	}
}
