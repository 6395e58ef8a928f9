package procurement_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/procurement"
)

func readOCDSString(in string) ([]procurement.Vendor, error) {
	return procurement.ReadOCDS(strings.NewReader(in), "o.json", procurement.Options{})
}

func TestReadOCDS(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []procurement.Vendor
	}{
		{
			name: "award references a party that has no supplier role; contract linked by awardID",
			in: `{"releases":[{"ocid":"o1","parties":[{"id":"p1","name":"Acme","roles":["payee"],
				"identifier":{"scheme":"XI-LEI","id":"L1","legalName":"Acme Holdings Ltd"},
				"address":{"countryName":"United Kingdom","country":"GB"},
				"contactPoint":{"email":"bids@acme.example"}}],
				"awards":[{"id":"a1","suppliers":[{"id":"p1","name":"Acme"}],"value":{"amount":"100.5","currency":"gbp"}}],
				"contracts":[{"id":"c1","awardID":"a1","value":{"amount":99,"currency":"GBP"},"dateSigned":"2020-01-02T10:00:00Z",
				"items":[{"description":"Cameras","classification":{"scheme":"CPV","id":32323500,"description":"Video surveillance system"}}]}]}]}`,
			want: []procurement.Vendor{{
				Record: 1, Pointer: "/releases/0/parties/0", Source: "o.json", Name: "Acme",
				Aliases: []string{"Acme Holdings Ltd"}, Country: "GB", CountryName: "United Kingdom",
				Identifiers: procurement.Identifiers{LEI: "L1"}, Domains: []string{"acme.example"}, Links: []string{"bids@acme.example"},
				Products:  []procurement.Product{{Name: "Cameras", Category: "Video surveillance system", Code: "32323500", Scheme: "CPV"}},
				Contracts: []procurement.Contract{{ID: "c1", AwardID: "a1", Amount: "99", Currency: "GBP", Date: "2020-01-02"}},
				Fields: map[string]string{
					"name": "/releases/0/parties/0/name", "aliases.0": "/releases/0/parties/0/identifier/legalName",
					"identifiers.lei": "/releases/0/parties/0/identifier/id", "country": "/releases/0/parties/0/address/country",
					"country_name": "/releases/0/parties/0/address/countryName", "domains.0": "/releases/0/parties/0/contactPoint/email",
					"links.0":     "/releases/0/parties/0/contactPoint/email",
					"contracts.0": "/releases/0/contracts/0", "products.0": "/releases/0/contracts/0/items/0",
				},
			}},
		},
		{
			name: "inline supplier in two awards is one vendor; tenderer gets tender items",
			in: `[{"ocid":"o1","tender":{"items":[{"description":"Pens"}],"tenderers":[{"name":"Beta"}]},
				"awards":[{"id":"a1","date":"2019-03-04","suppliers":[{"name":"Acme"}]},{"id":"a2","suppliers":[{"name":"ACME"}]}]}]`,
			want: []procurement.Vendor{
				{
					Record: 1, Pointer: "/0/awards/0/suppliers/0", Source: "o.json", Name: "Acme",
					Products:  []procurement.Product{{Name: "Pens"}},
					Contracts: []procurement.Contract{{AwardID: "a1", Date: "2019-03-04"}, {AwardID: "a2"}},
					Fields: map[string]string{
						"name": "/0/awards/0/suppliers/0/name", "contracts.0": "/0/awards/0",
						"contracts.1": "/0/awards/1", "products.0": "/0/tender/items/0",
					},
				},
				{
					Record: 2, Pointer: "/0/tender/tenderers/0", Source: "o.json", Name: "Beta",
					Products: []procurement.Product{{Name: "Pens"}},
					Fields:   map[string]string{"name": "/0/tender/tenderers/0/name", "products.0": "/0/tender/items/0"},
				},
			},
		},
		{
			name: "contract whose award is in another release goes to the only supplier",
			in: `{"ocid":"o1","parties":[{"id":"s","name":"Acme","roles":["supplier"]},{"id":"b","name":"Buyer","roles":["buyer"]}],
				"contracts":[{"id":"c9","awardID":"elsewhere"}]}`,
			want: []procurement.Vendor{{
				Record: 1, Pointer: "/parties/0", Source: "o.json", Name: "Acme",
				Contracts: []procurement.Contract{{ID: "c9", AwardID: "elsewhere"}},
				Fields:    map[string]string{"name": "/parties/0/name", "contracts.0": "/contracts/0"},
			}},
		},
		{
			name: "identifier schemes map to identifier fields",
			in: `{"ocid":"o","parties":[{"name":"Acme","roles":["supplier"],
				"identifier":{"scheme":"US-DUNS","id":"004496600"},
				"additionalIdentifiers":[{"scheme":"US-UEI","id":"U1"},{"scheme":"US-CAGE","id":"C1"},
				{"scheme":"US-EIN","id":"T1"},{"scheme":"GB-COH","id":"123"},{"id":"x"},{"scheme":"GB-COH","id":"456"},
				{"scheme":"US-DUNS","id":"999"}]}]}`,
			want: []procurement.Vendor{{
				Record: 1, Pointer: "/parties/0", Source: "o.json", Name: "Acme",
				Identifiers: procurement.Identifiers{
					DUNS: "004496600", UEI: "U1", CAGE: "C1", TaxID: "T1",
					Other: map[string]string{"GB-COH": "123", "unspecified": "x"},
				},
				Fields: map[string]string{
					"name": "/parties/0/name", "identifiers.duns": "/parties/0/identifier/id",
					"identifiers.uei": "/parties/0/additionalIdentifiers/0/id", "identifiers.cage": "/parties/0/additionalIdentifiers/1/id",
					"identifiers.tax_id": "/parties/0/additionalIdentifiers/2/id", "identifiers.other.GB-COH": "/parties/0/additionalIdentifiers/3/id",
					"identifiers.other.unspecified": "/parties/0/additionalIdentifiers/4/id",
				},
			}},
		},
		{
			name: "record without compiledRelease uses its embedded releases",
			in:   `{"records":[{"ocid":"o1","releases":[{"url":"http://x/1"},{"ocid":"o1","parties":[{"name":"Acme","roles":["tenderer"]}]}]}]}`,
			want: []procurement.Vendor{{
				Record: 1, Pointer: "/records/0/releases/1/parties/0", Source: "o.json", Name: "Acme",
				Fields: map[string]string{"name": "/records/0/releases/1/parties/0/name"},
			}},
		},
		{
			name: "a subcontractor is the awarded supplier's, not a losing tenderer's",
			in: `{"releases":[{"ocid":"o1","parties":[
				{"id":"p1","name":"Acme","roles":["supplier","tenderer"]},{"id":"p2","name":"Beta","roles":["tenderer"]},
				{"id":"p3","name":"Sub Works Ltd","roles":["subcontractor"]}],
				"awards":[{"id":"a1","suppliers":[{"id":"p1"}]}]}]}`,
			want: []procurement.Vendor{
				{
					Record: 1, Pointer: "/releases/0/parties/0", Source: "o.json", Name: "Acme",
					Parties:   []procurement.Party{{Role: procurement.RoleSubcontractor, Name: "Sub Works Ltd"}},
					Contracts: []procurement.Contract{{AwardID: "a1"}},
					Fields: map[string]string{"name": "/releases/0/parties/0/name", "parties.0": "/releases/0/parties/2/name",
						"contracts.0": "/releases/0/awards/0"},
				},
				{Record: 2, Pointer: "/releases/0/parties/1", Source: "o.json", Name: "Beta", Fields: map[string]string{"name": "/releases/0/parties/1/name"}},
			},
		},
		{
			name: "beneficial owners and a subcontractor party are parties of the supplier, with their pointers",
			in: `{"releases":[{"ocid":"o1","parties":[
				{"id":"p1","name":"Acme","roles":["supplier"],"beneficialOwners":[{"id":"1","name":"Juan Perez","nationality":"PY"},{"id":"2","name":" "}]},
				{"id":"p2","name":"Sub Works Ltd","roles":["subcontractor"]},
				{"id":"p3","identifier":{"scheme":"GB-COH","id":"1","legalName":"Sub Two Ltd"},"roles":["subcontractor"]},
				{"id":"p4","name":"City","roles":["buyer"]}],
				"awards":[{"id":"a1","suppliers":[{"id":"p1"}],"subcontracting":{"description":"Painting is subcontracted."}}]}]}`,
			want: []procurement.Vendor{{
				Record: 1, Pointer: "/releases/0/parties/0", Source: "o.json", Name: "Acme",
				Parties: []procurement.Party{
					{Role: procurement.RoleBeneficialOwner, Name: "Juan Perez"},
					{Role: procurement.RoleSubcontractor, Name: "Sub Works Ltd"},
					{Role: procurement.RoleSubcontractor, Name: "Sub Two Ltd"},
				},
				Contracts: []procurement.Contract{{AwardID: "a1"}},
				Fields: map[string]string{
					"name": "/releases/0/parties/0/name", "parties.0": "/releases/0/parties/0/beneficialOwners/0/name",
					"parties.1": "/releases/0/parties/1/name", "parties.2": "/releases/0/parties/2/identifier/legalName",
					"contracts.0": "/releases/0/awards/0",
				},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := readOCDSString(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadOCDSDocuments(t *testing.T) {
	t.Parallel()
	got, err := procurement.ReadOCDS(bytes.NewReader(readTestdata(t, "ocds/concatenated-releases.json")), "c.json", procurement.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []int
	for _, v := range got {
		docs = append(docs, v.Document)
	}
	if diff := cmp.Diff([]int{1, 2}, docs); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
}

func TestReadOCDSErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     []string
	}{
		{"awards is an object (real Taiwan data)", string(readTestdata(t, "bad/taiwan-awards-object.json")), []string{"o.json: /: key awards", "wrong JSON type", "object"}},
		{"roles is a string", `{"releases":[{"ocid":"o","parties":[{"name":"A","roles":"supplier"}]}]}`, []string{"o.json: /releases/0: key parties.roles", "wrong JSON type"}},
		{"linked releases only", `{"records":[{"ocid":"o","releases":[{"url":"http://x","date":"2020-01-01","tag":["award"]}]}]}`, []string{"/records/0", "compiledRelease"}},
		{"dangling awardID, two suppliers", `{"ocid":"o","parties":[{"id":"1","name":"A","roles":["supplier"]},{"id":"2","name":"B","roles":["supplier"]}],"contracts":[{"id":"c","awardID":"x"}]}`, []string{"/contracts/0: key awardID", "matches no award"}},
		{"bad amount", `{"ocid":"o","awards":[{"id":"a","suppliers":[{"name":"A"}]}],"contracts":[{"id":"c","awardID":"a","value":{"amount":"lots"}}]}`, []string{"o.json: /contracts/0: key value/amount", "not a decimal"}},
		{"bad date", `{"ocid":"o","awards":[{"id":"a","date":"soon","suppliers":[{"name":"A"}]}]}`, []string{"/awards/0: key date", "not a date"}},
		{"bad contact URL", `{"ocid":"o","parties":[{"name":"A","roles":["supplier"],"contactPoint":{"url":"::"}}]}`, []string{"/parties/0", "contactPoint/url"}},
		{"not OCDS", `{"vendors":[]}`, []string{"not an OCDS"}},
		{"syntax", "{\"ocid\":\n}", []string{"o.json: line 2"}},
		{"garbage after documents", `{"ocid":"o","parties":[{"name":"A","roles":["supplier"]}]} 42`, []string{"not an OCDS"}},
		{"record with nothing", `{"records":[{"ocid":"o"}]}`, []string{"/records/0", "no compiledRelease"}},
		{"no suppliers", `{"releases":[{"ocid":"o","tender":{"id":"t"}}]}`, []string{"no records", "supplier, tenderer or payee"}},
		{"truncated array of releases", "[{\"ocid\":\"o\",\"parties\":[]}\n", []string{"o.json: line 2", "truncated"}},
		{"empty", ``, []string{"empty input"}},
		{"second document bad", `{"ocid":"o","parties":[{"name":"A","roles":["supplier"]}]}{"ocid":"p","awards":{}}`, []string{"document 2 /", "key awards"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := readOCDSString(tt.in)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
	_, err := readOCDSString(`{"releases":[]}`)
	if !errors.Is(err, procurement.ErrNoRecords) {
		t.Errorf("empty package: %v, want ErrNoRecords", err)
	}
}
