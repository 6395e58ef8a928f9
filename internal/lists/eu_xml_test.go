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

// The real FSF excerpt: the first seven records of the official file of
// 2020-04-15, all persons of the Iraq programme.
func TestLoadEUXMLRealExcerpt(t *testing.T) {
	t.Parallel()
	l, err := lists.LoadEUXML(src("sample_eu_sanctions.xml", readTestdata(t, "eu/sample_eu_sanctions.xml")), provenance.List{ID: "eu-fsf"})
	if err != nil {
		t.Fatal(err)
	}
	p := l.Provenance
	if p.Entries != 7 || p.SHA256 != "51aff2636f106e78facd75b7f343d82c8302e5eb8d3a8d336bb4b1942eb824a2" ||
		!p.Published.Equal(time.Date(2020, 4, 15, 13, 29, 22, 497e6, time.UTC)) {
		t.Errorf("provenance %+v", p)
	}
	want := lists.Entry{
		ID: "13", List: "eu-fsf", Name: "Saddam Hussein Al-Tikriti", Type: "individual",
		Aliases:       []lists.Alias{{Name: "Abou Ali", Type: "aka", Lang: "FR"}, {Name: "Abu Ali", Type: "aka"}},
		Programs:      []string{"IRQ", "regulation:1210/2003 (OJ L169)"},
		IDs:           []lists.Identifier{{Type: "EU reference number", Number: "EU.27.28"}},
		Nationalities: []string{"IRAQ"},
		DatesOfBirth:  []string{"1937-04-28"},
		Remarks:       "UNSC RESOLUTION 1483",
	}
	if diff := cmp.Diff(want, entryByID(t, l, "13")); diff != "" {
		t.Errorf("entity 13 (-want +got):\n%s", diff)
	}
	// No name is marked primary: the earliest English strong name wins over
	// the first one written.
	if e := entryByID(t, l, "33"); e.Name != "Izzat Ibrahim al-Duri" || len(e.Aliases) != 3 {
		t.Errorf("entity 33 = %+v", e)
	}
	if e := entryByID(t, l, "39"); e.DatesOfBirth[0] != "circa 1962" {
		t.Errorf("entity 39 dates of birth %v", e.DatesOfBirth)
	}
}

// euDoc wraps sanctionEntity elements in an FSF export root.
func euDoc(entities string) string {
	return `<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-09-22T10:00:00.000+02:00">
` + entities + `
</export>`
}

// The sample holds persons only; an enterprise with identification and
// address elements, written here in the FSF 1.1 shape (attribute names as
// in the schema), exercises the rest.
func TestLoadEUXMLEnterprise(t *testing.T) {
	t.Parallel()
	doc := euDoc(`<sanctionEntity designationDetails="" unitedNationId="KPe.045" euReferenceNumber="EU.1.2" logicalId="900">
  <remark>Example remark</remark>
  <regulation regulationType="regulation" programme="PRK" numberTitle="2017/1509 (OJ L224)"/>
  <subjectType code="enterprise" classificationCode="E"/>
  <nameAlias wholeName="Koryo Bank" nameLanguage="" strong="true" logicalId="5"/>
  <nameAlias wholeName="Банк Корё" nameLanguage="BG" strong="true" logicalId="6"/>
  <identification number="123" identificationTypeCode="regnumber" identificationTypeDescription="Registration Number" countryIso2Code="KP"/>
  <address street="Pulgun Street" city="Pyongyang" countryDescription="NORTH KOREA"/>
</sanctionEntity>`)
	l, err := lists.LoadEUXML(src("eu.xml", doc), provenance.List{ID: "eu-fsf"})
	if err != nil {
		t.Fatal(err)
	}
	want := []lists.Entry{{
		ID: "900", List: "eu-fsf", Name: "Koryo Bank", Type: "entity",
		Aliases:  []lists.Alias{{Name: "Банк Корё", Type: "aka", Lang: "BG"}},
		Programs: []string{"PRK", "regulation:2017/1509 (OJ L224)"},
		IDs: []lists.Identifier{{Type: "EU reference number", Number: "EU.1.2"}, {Type: "UN reference number", Number: "KPe.045"},
			{Type: "Registration Number", Number: "123", Country: "KP"}},
		Addresses: []string{"Pulgun Street, Pyongyang, NORTH KOREA"},
		Remarks:   "Example remark",
	}}
	if diff := cmp.Diff(want, l.Entries); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if !l.Provenance.Published.Equal(time.Date(2026, 9, 22, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("published %v", l.Provenance.Published)
	}
}

func TestLoadEUXMLBad(t *testing.T) {
	t.Parallel()
	good := readTestdata(t, "eu/sample_eu_sanctions.xml")
	tests := []struct {
		name, doc, want string
	}{
		{"wrong namespace", strings.Replace(good, "http://eu.europa.ec/fpi/fsd/export", "urn:x", 1), "export has an unknown namespace"},
		{"no date", strings.Replace(good, `generationDate="2020-04-15T15:29:22.497+02:00"`, "", 1), "no generationDate attribute"},
		{"subject type", strings.Replace(good, `code="person"`, `code="vessel"`, 1), "line 3: element /export/sanctionEntity[1]: logicalId 13: unknown subjectType code"},
		{"no id", strings.Replace(good, `euReferenceNumber="EU.27.28" logicalId="13"`, `euReferenceNumber="EU.27.28"`, 1), "sanctionEntity has no logicalId"},
		{"duplicate", strings.Replace(good, `logicalId="20">`, `logicalId="13">`, 1), "element /export/sanctionEntity[2]: logicalId 13 listed twice (first at /export/sanctionEntity[1])"},
		{"no name", euDoc(`<sanctionEntity logicalId="1"><subjectType code="person"/><nameAlias wholeName=""/></sanctionEntity>`), "logicalId 1 has no name"},
		{"no records", euDoc(""), "no sanctionEntity records"},
		{"truncated", good[:len(good)-40], "XML syntax error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := lists.LoadEUXML(src("eu.xml", tt.doc), provenance.List{ID: "t"})
			if err == nil {
				t.Fatal("want error")
			}
			if !errors.Is(err, lists.ErrMalformed) || !strings.HasPrefix(err.Error(), "parse eu.xml: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want a ParseError containing %q", err, tt.want)
			}
		})
	}
}
