package sbom_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strconv"
	"testing"

	"github.com/bangate/bangate/sbom"
)

// BenchmarkLocate places 20 pointers spread over a large SBOM, on one line
// and indented: the cost of giving a check's findings their lines, one
// pass over the file.
func BenchmarkLocate(b *testing.B) {
	const n = 10000
	var ptrs, xptrs []string
	for i := 0; i < n; i += n / 20 {
		ptrs = append(ptrs, "/components/"+strconv.Itoa(i)+"/supplier/name")
		xptrs = append(xptrs, "/bom/components/component["+strconv.Itoa(i+1)+"]/supplier/name")
	}
	xmlData, err := xml.Marshal(synthBOM(n))
	if err != nil {
		b.Fatal(err)
	}
	// Indented, as most SBOMs are written: a line every few dozen bytes.
	var indented bytes.Buffer
	if err := json.Indent(&indented, synthJSON(b, n), "", "  "); err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		f    sbom.Format
		data []byte
		ptrs []string
	}{
		{"json", sbom.FormatCycloneDXJSON, synthJSON(b, n), ptrs},
		{"json-indented", sbom.FormatCycloneDXJSON, indented.Bytes(), ptrs},
		{"xml", sbom.FormatCycloneDXXML, xmlData, xptrs},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.data)))
			b.ReportAllocs()
			for b.Loop() {
				got, err := sbom.Locate(tc.data, tc.f, tc.ptrs)
				if err != nil || !got[len(got)-1].Exact {
					b.Fatalf("%+v, %v", got[len(got)-1], err)
				}
			}
		})
	}
}
