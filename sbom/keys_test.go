package sbom_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/strictkeys"
	"github.com/bangate/bangate/sbom"
)

// The documents of the key-case attack: each holds a banned supplier under
// one spelling of a key and a clean value under another spelling that
// encoding/json would take instead.
const (
	cdxKeysBase = `{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
"components":[{"type":"library","name":"kes","version":"1","purl":"pkg:maven/com.kaspersky/kes@1",
"supplier":{"name":"AO Kaspersky Lab"}%s}]%s}`
	spdxKeysBase = `{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"x",
"documentNamespace":"https://example.com/x","creationInfo":{"created":"2024-01-01T00:00:00Z","creators":["Tool: x"]},
"packages":[{"SPDXID":"SPDXRef-1","name":"kes","downloadLocation":"NOASSERTION","supplier":"Organization: AO Kaspersky Lab"%s}]%s}`
	spdxYAMLKeysBase = `spdxVersion: SPDX-2.3
dataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
name: x
documentNamespace: https://example.com/x
creationInfo:
  created: "2024-01-01T00:00:00Z"
  creators: ["Tool: x"]
packages:
  - SPDXID: SPDXRef-1
    name: kes
    downloadLocation: NOASSERTION
    supplier: "Organization: AO Kaspersky Lab"
%s`
)

func TestDecodeRejectsAmbiguousKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, doc    string
		key, pointer string
		line         int
		format       sbom.Format
	}{
		{"components/COMPONENTS", sprintf(cdxKeysBase, "", `,"COMPONENTS":[]`), "COMPONENTS", "", 3, sbom.FormatCycloneDXJSON},
		{"supplier/Supplier", sprintf(cdxKeysBase, `,"Supplier":{"name":"Acme"}`, ""), "Supplier", "/components/0", 3, sbom.FormatCycloneDXJSON},
		{"supplier/ſupplier (U+017F)", sprintf(cdxKeysBase, `,"ſupplier":{"name":"Acme"}`, ""), "ſupplier", "/components/0", 3, sbom.FormatCycloneDXJSON},
		{"supplier escaped long s", sprintf(cdxKeysBase, `,"\u017fupplier":{"name":"Acme"}`, ""), "ſupplier", "/components/0", 3, sbom.FormatCycloneDXJSON},
		{"purl/PURL", sprintf(cdxKeysBase, `,"PURL":"pkg:maven/com.acme/kes@1"`, ""), "PURL", "/components/0", 3, sbom.FormatCycloneDXJSON},
		{"bomFormat repeated", sprintf(cdxKeysBase, "", `,"bomFormat":"CycloneDX"`), "bomFormat", "", 3, sbom.FormatCycloneDXJSON},
		{"spdx PACKAGES", sprintf(spdxKeysBase, "", `,"PACKAGES":[]`), "PACKAGES", "", 3, sbom.FormatSPDXJSON},
		{"spdx package Supplier", sprintf(spdxKeysBase, `,"Supplier":"Organization: Acme"`, ""), "Supplier", "/packages/0", 3, sbom.FormatSPDXJSON},
		{"spdx yaml PACKAGES", sprintf(spdxYAMLKeysBase, "PACKAGES: []\n"), "PACKAGES", "", 14, sbom.FormatSPDXYAML},
		{"spdx yaml package Supplier", sprintf(spdxYAMLKeysBase, "    Supplier: \"Organization: Acme\"\n"), "Supplier", "/packages/0", 14, sbom.FormatSPDXYAML},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := sbom.Decode([]byte(tc.doc), sbom.Options{Name: "app.json"})
			if doc != nil || !errors.Is(err, sbom.ErrInvalid) {
				t.Fatalf("Decode = %v, %v; want ErrInvalid", doc, err)
			}
			var de *sbom.DecodeError
			var ke *strictkeys.KeyError
			if !errors.As(err, &de) || !errors.As(err, &ke) {
				t.Fatalf("error %T %v: want a *DecodeError over a *strictkeys.KeyError", err, err)
			}
			if de.Format != tc.format || ke.Key != tc.key || ke.Pointer != tc.pointer || ke.Line != tc.line {
				t.Errorf("format %q key %q pointer %q line %d, want %q %q %q %d", de.Format, ke.Key, ke.Pointer, ke.Line, tc.format, tc.key, tc.pointer, tc.line)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "decode app.json: ") || !strings.Contains(msg, `"`+tc.key+`"`) || !strings.Contains(msg, "line ") || strings.Contains(msg, "\n") {
				t.Errorf("message %q: want one line naming the file, the key and the line", msg)
			}
		})
	}
}

// TestDecodeKeysControl checks that the documents above decode, with the
// banned supplier, once the second spelling is gone: the rejection is
// about the keys, not about the rest of the document.
func TestDecodeKeysControl(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{sprintf(cdxKeysBase, "", ""), sprintf(spdxKeysBase, "", ""), sprintf(spdxYAMLKeysBase, "")} {
		d, err := sbom.Decode([]byte(doc), sbom.Options{})
		if err != nil {
			t.Fatalf("Decode: %v", err)
		}
		found := false
		for _, c := range d.Components {
			for _, p := range c.Parties {
				found = found || strings.Contains(p.Name, "Kaspersky")
			}
		}
		if !found {
			t.Errorf("%s: the supplier was not read", d.Format)
		}
	}
}

// sprintf fills the %s verbs of format in order, without fmt's quoting.
func sprintf(format string, args ...string) string {
	for _, a := range args {
		format = strings.Replace(format, "%s", a, 1)
	}
	return format
}
