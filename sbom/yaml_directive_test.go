package sbom_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bangate/bangate/sbom"
)

// An SPDX YAML file that begins with a %YAML 1.2 directive (or a later
// 1.x, a %TAG directive, a document start with a comment) is read as YAML
// 1.2 readers read it: before, it was no SBOM at all, and the YAML
// libraries refuse every version but 1.1. The party is where the file
// has it, on its own line.
func TestDecodeSPDXYAMLDirective(t *testing.T) {
	t.Parallel()
	const body = "spdxVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\ndataLicense: CC0-1.0\nname: d\n" +
		"documentNamespace: https://example.com/d\ncreationInfo:\n  created: \"2024-01-01T00:00:00Z\"\n  creators: [\"Tool: x\"]\n" +
		"packages:\n  - SPDXID: SPDXRef-p\n    name: agent\n    downloadLocation: NOASSERTION\n    supplier: \"Organization: AO Kaspersky Lab\"\n"
	for _, head := range []string{"%YAML 1.2\n---\n", "%YAML 1.3\n%TAG !e! tag:example.com,2000:\n--- # the document\n", "# c\n%YAML 1.10 # spaces\n---\n"} {
		in := head + body
		doc, err := sbom.Decode([]byte(in), sbom.Options{Name: "in"})
		if err != nil {
			t.Errorf("%q: %v", head, err)
			continue
		}
		if doc.Format != sbom.FormatSPDXYAML || len(doc.Components) != 1 || len(doc.Components[0].Parties) != 1 ||
			doc.Components[0].Parties[0].Name != "AO Kaspersky Lab" || doc.Components[0].Parties[0].Pointer != "/packages/0/supplier" {
			t.Errorf("%q: read %+v", head, doc)
			continue
		}
		pos, err := sbom.LocateYAML([]byte(in), []string{"/packages/0/supplier"})
		if wantLine := strings.Count(head, "\n") + 13; err != nil || pos[0].Line != wantLine {
			t.Errorf("%q: supplier located at %+v (%v), want line %d", head, pos, err, wantLine)
		}
	}
	// a version YAML readers do not read stays an error
	if _, err := sbom.Decode([]byte("%YAML 2.0\n---\n"+body), sbom.Options{Name: "in"}); err == nil {
		t.Error("%YAML 2.0 read")
	}
}

// A YAML document start says YAML, not SPDX: a YAML vendor file that
// begins with one is no SBOM (the vendor readers read it), where it was
// refused as SPDX YAML without spdxVersion.
func TestDecodeYAMLDocumentStartNotSPDX(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"---\nvendors:\n  - name: A\n", "%YAML 1.2\n--- # v\n- name: A\n"} {
		if _, err := sbom.Decode([]byte(in), sbom.Options{Name: "in"}); !errors.Is(err, sbom.ErrUnknownFormat) {
			t.Errorf("%q: %v, want ErrUnknownFormat", in, err)
		}
	}
}
