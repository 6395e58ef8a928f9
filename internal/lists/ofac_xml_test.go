package lists_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/google/go-cmp/cmp"
)

func TestLoadSDNXML(t *testing.T) {
	t.Parallel()
	for _, file := range []string{"xml/sdn.xml", "xml/sdn-tempuri.xml"} {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			l, err := lists.LoadSDNXML(src(file, readTestdata(t, file)), provenance.List{ID: "ofac-sdn"})
			if err != nil {
				t.Fatal(err)
			}
			if want := time.Date(2026, 8, 20, 0, 0, 0, 0, time.UTC); !l.Provenance.Published.Equal(want) {
				t.Errorf("published = %v, want %v", l.Provenance.Published, want)
			}
			if l.Provenance.Entries != 3 {
				t.Errorf("entries = %d, want 3", l.Provenance.Entries)
			}
			want := []lists.Entry{
				{
					ID: "31455", List: "ofac-sdn", Name: "AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ", Type: "entity",
					Aliases: []lists.Alias{
						{Name: "JSC POSITIVE TECHNOLOGIES", Type: "aka"},
						{Name: "POZITIV TEKNOLODZHIZ, AO", Type: "aka"},
					},
					Programs: []string{"NPWMD", "CYBER2", "CAATSA - RUSSIA", "RUSSIA-EO14024"},
					Domains:  []string{"ptsecurity.ru", "ptsecurity.com"},
					Websites: []string{"ptsecurity.ru", "ptsecurity.com"},
					IDs:      []lists.Identifier{{Type: "Tax ID No.", Number: "7718668887", Country: "Russia"}},
				},
				{
					ID: "45815", List: "ofac-sdn", Name: "TIKHONOV, Andrei Gennadyevich", Type: "individual",
					Aliases:  []lists.Alias{{Name: "TIKHONOV, Andrey", Type: "aka"}},
					Programs: []string{"RUSSIA-EO14024"},
					IDs: []lists.Identifier{
						{Type: "Passport", Number: "530193947", Country: "Russia"},
						{Type: "National ID No.", Number: "4511483349", Country: "Russia"},
					},
					Nationalities: []string{"Russia"},
					DatesOfBirth:  []string{"09 Nov 1966"},
					Remarks:       "Secondary sanctions risk: See Section 11 of Executive Order 14024.",
				},
				{
					ID: "306", List: "ofac-sdn", Name: "BANCO NACIONAL DE CUBA", Type: "entity",
					Aliases:  []lists.Alias{{Name: "BNC", Type: "weak"}},
					Programs: []string{"CUBA"},
				},
			}
			if diff := cmp.Diff(want, l.Entries); diff != "" {
				t.Errorf("entries (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadSDNXMLBad(t *testing.T) {
	t.Parallel()
	good := readTestdata(t, "xml/sdn.xml")
	deep := "<sdnList>" + strings.Repeat("<a>", 100) + strings.Repeat("</a>", 100) + "</sdnList>"
	bomb := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><sdnList>&lol2;</sdnList>`
	tests := []struct {
		name string
		doc  string
		want string
	}{
		{"empty", "", "file is empty"},
		{"not xml", "uid,name\n1,x\n", "no root element"},
		{"wrong root", "<sanctionsData/>", "root element is not sdnList"},
		{"unknown namespace", `<sdnList xmlns="urn:x"/>`, "unknown namespace"},
		{"truncated", good[:len(good)/2], "line 61: XML syntax error"},
		{"record count", strings.Replace(good, "<Record_Count>3<", "<Record_Count>4<", 1), "Record_Count is 4 but the file holds 3 entries"},
		{"bad date", strings.Replace(good, "08/20/2026", "2026-08-20", 1), "Publish_Date is not MM/DD/YYYY"},
		{"no entries", "<sdnList><publshInformation/></sdnList>", "no sdnEntry elements"},
		{"bad uid", strings.Replace(good, "<uid>306</uid>", "<uid>x</uid>", 1), "uid is not a number"},
		{"no name", strings.Replace(good, "<lastName>BANCO NACIONAL DE CUBA</lastName>", "", 1), "uid 306 has no name"},
		{"unknown type", strings.Replace(good, "<sdnType>Individual</sdnType>", "<sdnType>Company</sdnType>", 1), "unknown sdnType"},
		{"duplicate uid", strings.Replace(good, "<uid>306</uid>", "<uid>45815</uid>", 1), "uid 45815 listed twice"},
		{"aka type", strings.Replace(good, "<type>a.k.a.</type>", "<type>x</type>", 1), "unknown aka type"},
		{"deep nesting", deep, "nested deeper than 32"},
		{"entity bomb", bomb, "document type declarations are not allowed"},
		{"mismatched tags", "<sdnList><sdnEntry></sdnList>", "line 1: XML syntax error"},
		{"trailing content", good + "<x/>", "content after the root element"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := lists.LoadSDNXML(src("sdn.xml", tt.doc), provenance.List{ID: "t"})
			if err == nil {
				t.Fatal("want error")
			}
			if !errors.Is(err, lists.ErrMalformed) || !strings.HasPrefix(err.Error(), "parse sdn.xml: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want a ParseError containing %q", err, tt.want)
			}
		})
	}
}
