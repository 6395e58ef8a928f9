package procurement_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/procurement"
)

func readCSVString(t *testing.T, in string, opts procurement.Options) ([]procurement.Vendor, error) {
	t.Helper()
	return procurement.ReadCSV(strings.NewReader(in), "v.csv", opts)
}

func TestReadCSV(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		opts procurement.Options
		want []procurement.Vendor
	}{
		{
			name: "shareholder and UBO columns name owners without a stake",
			in:   "vendor,Shareholder Name,UBO\nAcme Ltd,Holding One LLC,Juan Perez\n",
			want: []procurement.Vendor{{
				Record: 1, Pointer: "row 2", Source: "v.csv", Name: "Acme Ltd",
				Parties: []procurement.Party{{Role: procurement.RoleShareholder, Name: "Holding One LLC"}, {Role: procurement.RoleShareholder, Name: "Juan Perez"}},
				Fields:  map[string]string{"name": "vendor", "parties.0": "Shareholder Name", "parties.1": "UBO"},
			}},
		},
		{
			name: "simple sheet",
			in:   "vendor,country,product,amount\nAcme Ltd,GB,Widget,10.50\n",
			want: []procurement.Vendor{{
				Record: 1, Pointer: "row 2", Source: "v.csv", Name: "Acme Ltd", Country: "GB",
				Products:  []procurement.Product{{Name: "Widget"}},
				Contracts: []procurement.Contract{{Amount: "10.50"}},
				Fields: map[string]string{
					"name": "vendor", "country": "country", "products.0.name": "product",
					"contracts.0.amount": "amount",
				},
			}},
		},
		{
			name: "lines ended by a carriage return alone",
			in:   "vendor,country\rAcme Ltd,GB\r",
			want: []procurement.Vendor{{
				Record: 1, Pointer: "row 2", Source: "v.csv", Name: "Acme Ltd", Country: "GB",
				Fields: map[string]string{"name": "vendor", "country": "country"},
			}},
		},
		{
			name: "tab separated, blank lines skipped, CRLF",
			in:   "name\tcountry\r\n\r\nAcme\tFR\r\n\r\nBeta\tDEU\r\n",
			want: []procurement.Vendor{
				{Record: 1, Pointer: "row 3", Source: "v.csv", Name: "Acme", Country: "FR",
					Fields: map[string]string{"name": "name", "country": "country"}},
				{Record: 2, Pointer: "row 5", Source: "v.csv", Name: "Beta", Country: "DE",
					Fields: map[string]string{"name": "name", "country": "country"}},
			},
		},
		{
			name: "semicolons, quoted delimiter and newline, pointer is the starting line",
			in:   "supplier;product\n\"Acme; Ltd\";\"two\nlines\"\nBeta;x\n",
			want: []procurement.Vendor{
				{Record: 1, Pointer: "row 2", Source: "v.csv", Name: "Acme; Ltd",
					Products: []procurement.Product{{Name: "two\nlines"}},
					Fields:   map[string]string{"name": "supplier", "products.0.name": "product"}},
				{Record: 2, Pointer: "row 4", Source: "v.csv", Name: "Beta",
					Products: []procurement.Product{{Name: "x"}},
					Fields:   map[string]string{"name": "supplier", "products.0.name": "product"}},
			},
		},
		{
			name: "column mapping overrides the built-in names",
			in:   "Lieferant,vendor,Land\nAcme GmbH,ignored,DE\n",
			opts: procurement.Options{Columns: map[string]string{"name": "Lieferant", "country": "land"}},
			want: []procurement.Vendor{{
				Record: 1, Pointer: "row 2", Source: "v.csv", Name: "Acme GmbH", Country: "DE",
				Fields: map[string]string{"name": "Lieferant", "country": "Land"},
			}},
		},
		{
			name: "owners, aliases, domains, parent, identifiers",
			in: "vendor,dba,aka,owners,website,email,parent,uei,cage,duns,lei,tax_id\n" +
				"Acme,Acme Co,Acme Co;ACME Intl,A Holding:60;B Holding:40%;,https://www.acme.example/x,sales@acme.example,Acme Group,U1,C1,D1,L1,T1\n",
			want: []procurement.Vendor{{
				Record: 1, Pointer: "row 2", Source: "v.csv", Name: "Acme",
				Aliases: []string{"Acme Co", "ACME Intl"},
				Owners:  []procurement.Owner{{Name: "A Holding", Percent: 60}, {Name: "B Holding", Percent: 40}},
				Domains: []string{"acme.example"}, Parent: "Acme Group",
				Links:       []string{"https://www.acme.example/x", "sales@acme.example"},
				Identifiers: procurement.Identifiers{UEI: "U1", CAGE: "C1", DUNS: "D1", LEI: "L1", TaxID: "T1"},
				Fields: map[string]string{
					"name": "vendor", "aliases.0": "dba", "aliases.1": "aka", "owners.0": "owners",
					"owners.1": "owners", "domains.0": "website", "links.0": "website", "links.1": "email", "parent": "parent",
					"identifiers.uei": "uei", "identifiers.cage": "cage", "identifiers.duns": "duns",
					"identifiers.lei": "lei", "identifiers.tax_id": "tax_id",
				},
			}},
		},
		{
			// Issue 13: every party column is read, not only the first
			// name column.
			name: "party columns beside the vendor name",
			in: "vendor_name,supplier,reseller,distributor,oem,ultimate_parent,contact_name,contact_email\n" +
				"Acme LLC,Kaspersky Lab,Baltic Resale OOO,Acme,Hikvision,\"Huawei Investment & Holding Co., Ltd.\",Ivan Petrov,ivan@gmail.com\n",
			want: []procurement.Vendor{{
				Record: 1, Pointer: "row 2", Source: "v.csv", Name: "Acme LLC",
				Domains:  []string{"gmail.com"},
				Links:    []string{"ivan@gmail.com"},
				Contacts: []string{"Ivan Petrov"},
				Parties: []procurement.Party{{Role: "supplier", Name: "Kaspersky Lab"}, {Role: "reseller", Name: "Baltic Resale OOO"},
					{Role: "distributor", Name: "Acme"}, {Role: "oem", Name: "Hikvision"},
					{Role: "ultimate_parent", Name: "Huawei Investment & Holding Co., Ltd."}},
				Fields: map[string]string{
					"name": "vendor_name", "domains.0": "contact_email", "links.0": "contact_email", "contacts.0": "contact_name",
					"parties.0": "supplier", "parties.1": "reseller", "parties.2": "distributor", "parties.3": "oem",
					"parties.4": "ultimate_parent",
				},
			}},
		},
		{
			name: "USAspending amount is in dollars; FPDS country code-colon-name",
			in:   "recipient_name,federal_action_obligation,recipient_country_code,country_of_product_or_service_origin_code\nAcme,\"-1,234.50\",\"RUS: RUSSIA\",CHN\n",
			want: []procurement.Vendor{{
				Record: 1, Pointer: "row 2", Source: "v.csv", Name: "Acme", Country: "RU", CountryName: "RUSSIA",
				Products:  []procurement.Product{{CountryOfOrigin: "CN"}},
				Contracts: []procurement.Contract{{Amount: "-1234.50", Currency: "USD"}},
				Fields: map[string]string{
					"name": "recipient_name", "contracts.0.amount": "federal_action_obligation",
					"contracts.0.currency": "federal_action_obligation", "country": "recipient_country_code",
					"products.0.country_of_origin": "country_of_product_or_service_origin_code",
				},
			}},
		},
		{
			name: "UTF-8 byte order mark",
			in:   "\xef\xbb\xbfname\nAcme\n",
			want: []procurement.Vendor{{Record: 1, Pointer: "row 2", Source: "v.csv", Name: "Acme",
				Fields: map[string]string{"name": "name"}}},
		},
		{
			name: "UTF-16LE with byte order mark (Excel Unicode text)",
			in:   "\xff\xfen\x00a\x00m\x00e\x00\n\x00\xfc\x00\n\x00",
			want: []procurement.Vendor{{Record: 1, Pointer: "row 2", Source: "v.csv", Name: "ü",
				Fields: map[string]string{"name": "name"}}},
		},
		{
			name: "windows-1252 declared",
			in:   "name\n\x80uro Trading\n",
			opts: procurement.Options{Encoding: "windows-1252"},
			want: []procurement.Vendor{{Record: 1, Pointer: "row 2", Source: "v.csv", Name: "€uro Trading",
				Fields: map[string]string{"name": "name"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := readCSVString(t, tt.in, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadCSVErrors: every malformed input is its own row; each error
// names the file, the row and, where there is one, the column.
func TestReadCSVErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		opts procurement.Options
		want []string
	}{
		{"no name column", "code,country\nX,DE\n", procurement.Options{}, []string{"v.csv: header: name", "no vendor name column", "procurement.columns.name"}},
		{"mapped column missing", "vendor\nX\n", procurement.Options{Columns: map[string]string{"country": "Land"}}, []string{"header: country", "not in the header"}},
		{"unknown mapped field", "vendor\nX\n", procurement.Options{Columns: map[string]string{"colour": "x"}}, []string{"header: colour", "not a vendor field"}},
		{"duplicate used column", "vendor,vendor\nX,Y\n", procurement.Options{}, []string{"header: vendor", "more than once"}},
		{"too many fields", "vendor,country\nX,DE,extra\n", procurement.Options{}, []string{"v.csv: row 2", "wrong number of fields"}},
		{"too few fields", "vendor,country\nX\n", procurement.Options{}, []string{"v.csv: row 2", "wrong number of fields"}},
		{"unclosed quote", "vendor,country\n\"X,DE\n", procurement.Options{}, []string{"v.csv: row 2", "quote"}},
		{"bare quote", "vendor,country\nX\"Y,DE\n", procurement.Options{}, []string{"v.csv: row 2", "quote"}},
		{"empty name", "vendor,country\n,DE\n", procurement.Options{}, []string{"row 2: column vendor", "empty vendor name"}},
		{"all fields empty", "vendor,country\n,\n", procurement.Options{}, []string{"row 2", "no value in any column"}},
		{"owner percent not a number", "vendor,owners\nX,A:sixty\n", procurement.Options{}, []string{"row 2: column owners", "percentage is not a number"}},
		{"owner percent over 100", "vendor,owners\nX,A:101\n", procurement.Options{}, []string{"row 2: column owners", "0–100"}},
		{"owners sum over 100", "vendor,owners\nX,A:60;B:50\n", procurement.Options{}, []string{"row 2: column owners", "more than 100"}},
		{"owner without percent", "vendor,owners\nX,A\n", procurement.Options{}, []string{"row 2: column owners", "name:percent"}},
		{"amount not decimal", "vendor,amount\nX,12abc\n", procurement.Options{}, []string{"row 2: column amount", "not a decimal"}},
		{"European decimal comma", "vendor;amount\nX;1.234,00\n", procurement.Options{}, []string{"row 2: column amount", "not a decimal"}},
		{"bad thousands grouping", "vendor,amount\nX,\"1,23\"\n", procurement.Options{}, []string{"row 2: column amount"}},
		{"date not a date", "vendor,date\nX,02.05.2024\n", procurement.Options{}, []string{"row 2: column date", "not a date"}},
		{"impossible date", "vendor,date\nX,2024-02-30\n", procurement.Options{}, []string{"row 2: column date"}},
		{"origin not a code", "vendor,country_of_origin\nX,Narnia\n", procurement.Options{}, []string{"row 2: column country_of_origin", "ISO 3166"}},
		{"website without domain", "vendor,website\nX,n/a\n", procurement.Options{}, []string{"row 2: column website", "domain"}},
		{"invalid UTF-8", "vendor\nM\xfcller\n", procurement.Options{}, []string{"v.csv: line 2", "invalid UTF-8"}},
		{"UTF-16 surrogate without its pair", "\xff\xfev\x00\n\x00\x35\xd8\n\x00", procurement.Options{}, []string{"v.csv", "not valid UTF-16", "at byte 6"}},
		{"unknown encoding", "vendor\nX\n", procurement.Options{Encoding: "ebcdic"}, []string{"unknown encoding"}},
		{"header only", "vendor,country\n", procurement.Options{}, []string{"no records"}},
		{"empty file", "", procurement.Options{}, []string{"no header row"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := readCSVString(t, tt.in, tt.opts)
			if err == nil {
				t.Fatalf("no error; got %d vendors", len(got))
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// TestReadCSVNameColumns: the words contract registers, tenders and sheets
// in other languages name the vendor column by are read as its name.
func TestReadCSVNameColumns(t *testing.T) {
	t.Parallel()
	for _, col := range []string{"Contractor", "Contractor Name", "Awardee", "Seller", "Bidder", "Tenderer",
		"Provider", "Firm", "Business Name", "Legal Name", "Counterparty",
		"Proveedor", "Razón social", "Fournisseur", "Raison sociale", "Lieferant", "供应商", "Поставщик"} {
		got, err := readCSVString(t, "\""+col+"\",amount\nAO Kaspersky Lab,100\n", procurement.Options{})
		if err != nil || len(got) != 1 || got[0].Name != "AO Kaspersky Lab" {
			t.Errorf("column %q: %+v, %v", col, got, err)
		}
	}
	// Beside the vendor column, such a column names a supplier.
	got, err := readCSVString(t, "vendor,seller\nAcme,AO Kaspersky Lab\n", procurement.Options{})
	if err != nil || len(got) != 1 || got[0].Name != "Acme" || len(got[0].Parties) != 1 ||
		got[0].Parties[0].Name != "AO Kaspersky Lab" || got[0].Parties[0].Role != procurement.RoleSupplier {
		t.Errorf("vendor and seller: %+v, %v", got, err)
	}
}

func TestReadCSVErrorTypes(t *testing.T) {
	t.Parallel()
	_, err := readCSVString(t, "vendor,amount\nX,zz\n", procurement.Options{})
	var ie *procurement.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v is not an *InputError", err)
	}
	if ie.Source != "v.csv" || ie.Location != "row 2" || ie.Field != "column amount" {
		t.Errorf("InputError = %+v", ie)
	}
	if strings.Contains(err.Error(), "zz") {
		t.Errorf("error %q quotes the input", err)
	}
	_, err = readCSVString(t, "vendor\n", procurement.Options{})
	if !errors.Is(err, procurement.ErrNoRecords) {
		t.Errorf("header only: %v, want ErrNoRecords", err)
	}
}

// TestReadCSVBadFiles reads the files under testdata/procurement/bad.
func TestReadCSVBadFiles(t *testing.T) {
	t.Parallel()
	for _, f := range []string{
		"european-number.csv", "owner-percent-not-number.csv", "unclosed-quote.csv",
		"too-many-fields.csv", "no-name-column.csv", "latin1-undeclared.csv",
	} {
		_, err := procurement.ReadCSV(bytes.NewReader(readTestdata(t, "bad/"+f)), f, procurement.Options{})
		if err == nil || !strings.HasPrefix(err.Error(), f+": ") {
			t.Errorf("%s: error %v, want one naming the file", f, err)
		}
	}
}

func TestColumnFields(t *testing.T) {
	t.Parallel()
	fields := procurement.ColumnFields()
	for _, f := range fields {
		_, err := readCSVString(t, "vendor,x\nA,1\n", procurement.Options{Columns: map[string]string{f: "x"}})
		if err != nil && strings.Contains(err.Error(), "not a vendor field") {
			t.Errorf("field %q listed but rejected", f)
		}
	}
	if len(fields) < 20 {
		t.Errorf("ColumnFields = %v", fields)
	}
}
