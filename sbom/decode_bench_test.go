package sbom_test

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"testing"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/bangate/bangate/sbom"
)

// synthBOM builds a CycloneDX BOM of n components shaped like a syft
// SBOM: each has a supplier, author, publisher, hash, license, purl and
// external reference, and the BOM has a dependency graph.
func synthBOM(n int) *cdx.BOM {
	ecos := []struct{ typ, ns string }{{"npm", "@acme"}, {"maven", "com.acme"}, {"pypi", ""}, {"golang", "github.com/acme"}, {"nuget", ""}}
	comps := make([]cdx.Component, n)
	deps := make([]cdx.Dependency, n)
	for i := range comps {
		e := ecos[i%len(ecos)]
		name := "pkg-" + strconv.Itoa(i)
		purl := "pkg:" + e.typ + "/" + name + "@1." + strconv.Itoa(i%50) + ".0"
		if e.ns != "" {
			ns := e.ns
			if e.typ == "npm" {
				ns = "%40acme"
			}
			purl = "pkg:" + e.typ + "/" + ns + "/" + name + "@1." + strconv.Itoa(i%50) + ".0"
		}
		org := "Vendor " + strconv.Itoa(i%3000) + " GmbH"
		comps[i] = cdx.Component{
			BOMRef: purl, Type: cdx.ComponentTypeLibrary, Name: name, Version: "1." + strconv.Itoa(i%50) + ".0", Group: e.ns,
			Supplier:    &cdx.OrganizationalEntity{Name: org, URL: &[]string{"https://vendor" + strconv.Itoa(i%3000) + ".example"}},
			Author:      "Developer " + strconv.Itoa(i%700),
			Publisher:   org,
			Description: "A synthetic package for benchmarks.",
			Scope:       cdx.ScopeRequired,
			Hashes:      &[]cdx.Hash{{Algorithm: cdx.HashAlgoSHA256, Value: fmt.Sprintf("%064x", i)}},
			Licenses:    &cdx.Licenses{{License: &cdx.License{ID: "MIT"}}},
			PackageURL:  purl,
			ExternalReferences: &[]cdx.ExternalReference{
				{Type: cdx.ERTypeWebsite, URL: "https://vendor" + strconv.Itoa(i%3000) + ".example/" + name},
				{Type: cdx.ERTypeVCS, URL: "https://git.example/" + name},
			},
		}
		deps[i] = cdx.Dependency{Ref: purl}
		if i > 0 {
			deps[i].Dependencies = &[]string{comps[i-1].BOMRef}
		}
	}
	return &cdx.BOM{
		BOMFormat: "CycloneDX", SpecVersion: cdx.SpecVersion1_5, Version: 1,
		XMLNS:        "http://cyclonedx.org/schema/bom/1.5",
		Metadata:     &cdx.Metadata{Component: &cdx.Component{BOMRef: "app", Type: cdx.ComponentTypeApplication, Name: "app"}},
		Components:   &comps,
		Dependencies: &deps,
	}
}

// synthJSON returns the CycloneDX JSON of synthBOM(n).
func synthJSON(b *testing.B, n int) []byte {
	b.Helper()
	data, err := json.Marshal(synthBOM(n))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// benchDecode runs Decode on data and reports allocations.
func benchDecode(b *testing.B, data []byte, want int) {
	b.Helper()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		doc, err := sbom.Decode(data, sbom.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(doc.Components) != want {
			b.Fatalf("%d components, want %d", len(doc.Components), want)
		}
	}
}

func BenchmarkDecodeCycloneDXJSON(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			benchDecode(b, synthJSON(b, n), n)
		})
	}
}

// BenchmarkUnmarshalCycloneDXJSON is the floor: cyclonedx-go's model
// decoded with encoding/json, without detection or conversion.
func BenchmarkUnmarshalCycloneDXJSON(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			data := synthJSON(b, n)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				var bom cdx.BOM
				if err := json.Unmarshal(data, &bom); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDecodeCycloneDXXML(b *testing.B) {
	data, err := xml.Marshal(synthBOM(1000))
	if err != nil {
		b.Fatal(err)
	}
	benchDecode(b, data, 1000)
}

func BenchmarkDecodeSPDXJSON(b *testing.B) {
	const n = 1000
	var buf []byte
	buf = append(buf, `{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"bench",`+
		`"documentNamespace":"https://example.com/bench","creationInfo":{"created":"2026-01-01T00:00:00Z","creators":["Tool: bench"]},"packages":[`...)
	for i := range n {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = fmt.Appendf(buf, `{"name":"pkg-%d","SPDXID":"SPDXRef-p%d","versionInfo":"1.0.%d","supplier":"Organization: Vendor %d GmbH (sec@vendor%d.example)",`+
			`"downloadLocation":"NOASSERTION","filesAnalyzed":false,"copyrightText":"Copyright Vendor %d",`+
			`"externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:npm/pkg-%d@1.0.%d"},`+
			`{"referenceCategory":"SECURITY","referenceType":"cpe23Type","referenceLocator":"cpe:2.3:a:vendor%d:pkg-%d:1.0.%d:*:*:*:*:*:*:*"}]}`,
			i, i, i, i%300, i%300, i%300, i, i, i%300, i, i)
	}
	buf = append(buf, `]}`...)
	benchDecode(b, buf, n)
}

func BenchmarkIdentify(b *testing.B) {
	data := synthJSON(b, 10000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := sbom.Identify(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseCPE(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sbom.ParseCPE("cpe:2.3:a:kaspersky_lab:anti\\-virus:6.0:-:*:en-us:*:windows:x64:*"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParsePURL(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sbom.ParsePURL("pkg:maven/com.kaspersky/kav@1.0?type=jar"); err != nil {
			b.Fatal(err)
		}
	}
}
