package procurement_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/procurement"
)

func TestDetect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     procurement.Format
	}{
		{"csv", "vendor,country\nAcme,GB\n", procurement.FormatCSV},
		{"csv one column", "vendor\nAcme\n", procurement.FormatCSV},
		{"tsv", "vendor\tcountry\n", procurement.FormatCSV},
		{"csv with a colon in the header", "Vendor: name,country\nA,B\n", procurement.FormatCSV},
		{"utf-16 csv", "\xff\xfev\x00\n\x00", procurement.FormatCSV},
		{"ownership", "owner,owned,percent,source\nA,B,50,x\n", procurement.FormatOwnership},
		{"json array", `[{"name":"A"}]`, procurement.FormatJSON},
		{"json vendors", `{"vendors":[]}`, procurement.FormatJSON},
		{"json empty array", `[]`, procurement.FormatJSON},
		{"ocds release package", `{"uri":"x","releases":[]}`, procurement.FormatOCDS},
		{"ocds record package", `{"records":[]}`, procurement.FormatOCDS},
		{"ocds release", ` {"ocid":"o"}`, procurement.FormatOCDS},
		{"ocds release array", `[{"ocid":"o"}]`, procurement.FormatOCDS},
		{"ocds concatenated", `{"ocid":"o"}{"ocid":"p"}`, procurement.FormatOCDS},
		{"yaml sequence", "# vendors\n- name: A\n", procurement.FormatYAML},
		{"yaml vendors", "---\nvendors:\n  - name: A\n", procurement.FormatYAML},
		{"yaml directive", "%YAML 1.2\n---\nvendors:\n  - name: A\n", procurement.FormatYAML},
		{"yaml anchored key", "&v vendors:\n  - name: A\n", procurement.FormatYAML},
		{"yaml tagged document", "--- !!seq\n- name: A\n", procurement.FormatYAML},
		{"yaml quoted key", "'vendors':\n  - name: A\n", procurement.FormatYAML},
		{"yaml flow after a document start", "---\n{vendors: [{name: A}]}\n", procurement.FormatYAML},
		{"csv header starting with an ampersand", "&vendor,product\nAcme,x\n", procurement.FormatCSV},
		{"csv header vendors without a colon", "vendors,product\nAcme,x\n", procurement.FormatCSV},
		// A mapping that says something about itself before its vendors:
		// YAML, which the reader then refuses by the key it does not read.
		{"yaml keys before vendors", "# Approved vendors\ngenerated: 2026-01-01\nsource:\n  system: ERP\nvendors:\n  - name: A\n", procurement.FormatYAML},
		{"csv with a key-like header, no vendors line", "generated: 2026-01-01\nAcme,GB\n", procurement.FormatCSV},
		{"csv whose first cell ends in a colon", "note: x,vendors:\nAcme,GB\n", procurement.FormatCSV},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := procurement.Detect([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDetectErrors(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"empty":            "",
		"white space":      " \n\t ",
		"binary":           "PK\x03\x04\x00\x00",
		"json of no kind":  `{"foo":1}`,
		"broken json":      `{"ocid":`,
		"single word":      "hello",
		"json scalar root": `"x"`,
	} {
		if f, err := procurement.Detect([]byte(in)); err == nil {
			t.Errorf("%s: Detect = %q, want an error", name, f)
		}
	}
}

func TestReadRejectsOwnershipAndUnknown(t *testing.T) {
	t.Parallel()
	_, err := procurement.Read([]byte("owner,owned,percent\nA,B,1\n"), "o.csv", procurement.Options{})
	if err == nil || !strings.Contains(err.Error(), "o.csv: ") || !strings.Contains(err.Error(), "ownership") {
		t.Errorf("ownership file: %v", err)
	}
	_, err = procurement.Read(nil, "e.csv", procurement.Options{})
	if err == nil || !strings.Contains(err.Error(), "e.csv: empty input") {
		t.Errorf("empty: %v", err)
	}
}
