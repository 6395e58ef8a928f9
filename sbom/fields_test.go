package sbom_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/sbom"
)

// Every field that can name a party is read, in every format: one case per
// field, each naming the value it must find and where. The attribution
// docs (README "How components are attributed", policies/README.md) list
// the same fields.

// cdxJSON wraps CycloneDX 1.6 JSON members in a document.
func cdxJSON(members string) string {
	return `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,` + members + `}`
}

// cdxXML wraps CycloneDX 1.6 XML elements in a document.
func cdxXML(body string) string {
	return `<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">` + body + `</bom>`
}

// found is what a field case expects: a value somewhere in the document
// (a party name, an e-mail, a URL, a purl, an identity, a copyright text)
// at a pointer.
type found struct {
	what    string // "party", "email", "url", "purl", "identity", "copyright", "evidence-copyright"
	value   string
	pointer string
	role    string // for parties
	section string // the component's section, checked when set
}

// lookup reports whether doc holds f.
func lookup(doc *sbom.Document, f found) bool {
	comps := append([]sbom.Component(nil), doc.Components...)
	var parties []struct {
		sbom.Party
		section string
	}
	add := func(p sbom.Party, section string) {
		parties = append(parties, struct {
			sbom.Party
			section string
		}{p, section})
	}
	for _, p := range doc.Parties {
		add(p, "")
	}
	for _, c := range comps {
		for _, p := range c.Parties {
			add(p, c.Section)
		}
	}
	okSection := func(s string) bool { return f.section == "" || f.section == s }
	switch f.what {
	case "party":
		for _, p := range parties {
			if p.Name == f.value && p.Pointer == f.pointer && p.Role == f.role && okSection(p.section) {
				return true
			}
		}
	case "email":
		for _, p := range parties {
			for _, e := range p.Emails {
				if e == f.value && p.Pointer == f.pointer && p.Role == f.role && okSection(p.section) {
					return true
				}
			}
		}
	case "url":
		for _, c := range comps {
			for _, r := range c.ExternalRefs {
				if r.URL == f.value && r.Pointer == f.pointer && okSection(c.Section) {
					return true
				}
			}
		}
	case "purl":
		for _, c := range comps {
			if c.PURL == f.value && c.Pointer == f.pointer && okSection(c.Section) {
				return true
			}
		}
	case "identity":
		for _, c := range comps {
			for _, id := range c.Identities {
				if id.Value == f.value && id.Pointer == f.pointer && okSection(c.Section) {
					return true
				}
			}
		}
	case "copyright":
		for _, c := range comps {
			if strings.Contains(c.Copyright, f.value) && c.CopyrightPointer == f.pointer && okSection(c.Section) {
				return true
			}
		}
	case "evidence-copyright":
		for _, c := range comps {
			for _, t := range c.CopyrightEvidence {
				if t.Text == f.value && t.Pointer == f.pointer && okSection(c.Section) {
					return true
				}
			}
		}
	}
	return false
}

// dump lists what a document holds, for a failure message.
func dump(doc *sbom.Document) string {
	var b strings.Builder
	for _, p := range doc.Parties {
		fmt.Fprintf(&b, "  document party %s %q %v at %s\n", p.Role, p.Name, p.Emails, p.Pointer)
	}
	for _, c := range doc.Components {
		fmt.Fprintf(&b, "  component %q section %q at %s purl %q\n", c.Name, c.Section, c.Pointer, c.PURL)
		for _, p := range c.Parties {
			fmt.Fprintf(&b, "    party %s %q %v at %s\n", p.Role, p.Name, p.Emails, p.Pointer)
		}
		for _, r := range c.ExternalRefs {
			fmt.Fprintf(&b, "    ref %s %q at %s\n", r.Type, r.URL, r.Pointer)
		}
		for _, id := range c.Identities {
			fmt.Fprintf(&b, "    identity %s %q at %s\n", id.Field, id.Value, id.Pointer)
		}
		if c.Copyright != "" {
			fmt.Fprintf(&b, "    copyright %q at %s\n", c.Copyright, c.CopyrightPointer)
		}
		for _, t := range c.CopyrightEvidence {
			fmt.Fprintf(&b, "    evidence copyright %q at %s\n", t.Text, t.Pointer)
		}
	}
	return b.String()
}

func TestPartyFields(t *testing.T) {
	t.Parallel()
	const spdxFiles = `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","dataLicense":"CC0-1.0","name":"d",` +
		`"documentNamespace":"https://example.com/d","creationInfo":{"created":"2024-01-01T00:00:00Z","creators":["Tool: gen"]},` +
		`"packages":[{"SPDXID":"SPDXRef-p","name":"p","downloadLocation":"NOASSERTION","hasFiles":["SPDXRef-f"]}],` +
		`"files":[{"SPDXID":"SPDXRef-f","fileName":"./a.c","copyrightText":"Copyright 2016 Huawei Technologies Co., Ltd.",` +
		`"fileContributors":["Kaspersky Lab","Ivan <ivan@kaspersky.com>"]}],` +
		`"snippets":[{"SPDXID":"SPDXRef-s","name":"s","snippetFromFile":"SPDXRef-f","copyrightText":"Copyright 2018 ZTE Corporation",` +
		`"ranges":[{"startPointer":{"offset":1,"reference":"SPDXRef-f"},"endPointer":{"offset":2,"reference":"SPDXRef-f"}}]}]}`
	tests := []struct {
		name string
		in   string
		want found
	}{
		// CycloneDX JSON.
		{"cdx service provider", cdxJSON(`"services":[{"name":"ksn","provider":{"name":"AO Kaspersky Lab"}}]`),
			found{what: "party", value: "AO Kaspersky Lab", pointer: "/services/0/provider/name", role: "provider", section: sbom.SectionServices}},
		{"cdx service provider contact", cdxJSON(`"services":[{"name":"ksn","provider":{"name":"X","contact":[{"name":"Ivan","email":"ivan@kaspersky.com"}]}}]`),
			found{what: "email", value: "ivan@kaspersky.com", pointer: "/services/0/provider/contact/0/name", role: "provider"}},
		{"cdx service endpoint", cdxJSON(`"services":[{"name":"ksn","endpoints":["https://ksn.kaspersky.com/api"]}]`),
			found{what: "url", value: "https://ksn.kaspersky.com/api", pointer: "/services/0/endpoints/0", section: sbom.SectionServices}},
		{"cdx service external reference", cdxJSON(`"services":[{"name":"ksn","externalReferences":[{"type":"website","url":"https://kaspersky.com"}]}]`),
			found{what: "url", value: "https://kaspersky.com", pointer: "/services/0/externalReferences/0/url"}},
		{"cdx nested service provider", cdxJSON(`"services":[{"name":"a","services":[{"name":"b","provider":{"name":"Huawei Cloud"}}]}]`),
			found{what: "party", value: "Huawei Cloud", pointer: "/services/0/services/0/provider/name", role: "provider"}},
		{"cdx pedigree ancestor supplier", cdxJSON(`"components":[{"type":"library","name":"fork","pedigree":{"ancestors":[{"type":"library","name":"up","supplier":{"name":"AO Kaspersky Lab"}}]}}]`),
			found{what: "party", value: "AO Kaspersky Lab", pointer: "/components/0/pedigree/ancestors/0/supplier/name", role: "supplier", section: sbom.SectionPedigree}},
		{"cdx pedigree descendant purl", cdxJSON(`"components":[{"type":"library","name":"x","pedigree":{"descendants":[{"type":"library","name":"d","purl":"pkg:maven/com.kaspersky/d@1"}]}}]`),
			found{what: "purl", value: "pkg:maven/com.kaspersky/d@1", pointer: "/components/0/pedigree/descendants/0", section: sbom.SectionPedigree}},
		{"cdx pedigree variant author", cdxJSON(`"components":[{"type":"library","name":"x","pedigree":{"variants":[{"type":"library","name":"v","author":"Huawei Technologies Co., Ltd."}]}}]`),
			found{what: "party", value: "Huawei Technologies Co., Ltd.", pointer: "/components/0/pedigree/variants/0/author", role: "author"}},
		{"cdx pedigree nested ancestor", cdxJSON(`"components":[{"type":"library","name":"x","pedigree":{"ancestors":[{"type":"library","name":"a","pedigree":{"ancestors":[{"type":"library","name":"b","publisher":"ZTE Corporation"}]}}]}}]`),
			found{what: "party", value: "ZTE Corporation", pointer: "/components/0/pedigree/ancestors/0/pedigree/ancestors/0/publisher", role: "publisher"}},
		{"cdx pedigree commit author", cdxJSON(`"components":[{"type":"library","name":"x","pedigree":{"commits":[{"uid":"1","author":{"name":"Ivan","email":"ivan@kaspersky.com"}}]}}]`),
			found{what: "email", value: "ivan@kaspersky.com", pointer: "/components/0/pedigree/commits/0/author/name", role: "author"}},
		{"cdx pedigree commit committer", cdxJSON(`"components":[{"type":"library","name":"x","pedigree":{"commits":[{"uid":"1","committer":{"name":"Kaspersky Build","email":"build@kaspersky.com"}}]}}]`),
			found{what: "party", value: "Kaspersky Build", pointer: "/components/0/pedigree/commits/0/committer/name", role: "committer"}},
		{"cdx pedigree commit url", cdxJSON(`"components":[{"type":"library","name":"x","pedigree":{"commits":[{"uid":"1","url":"https://github.com/KasperskyLab/x/commit/1"}]}}]`),
			found{what: "url", value: "https://github.com/KasperskyLab/x/commit/1", pointer: "/components/0/pedigree/commits/0/url"}},
		{"cdx formulation component", cdxJSON(`"formulation":[{"components":[{"type":"application","name":"builder","manufacturer":{"name":"Hikvision"}}]}]`),
			found{what: "party", value: "Hikvision", pointer: "/formulation/0/components/0/manufacturer/name", role: "manufacturer", section: sbom.SectionFormulation}},
		{"cdx formulation service", cdxJSON(`"formulation":[{"services":[{"name":"ci","provider":{"name":"Dahua Technology"}}]}]`),
			found{what: "party", value: "Dahua Technology", pointer: "/formulation/0/services/0/provider/name", role: "provider", section: sbom.SectionFormulation}},
		{"cdx legacy tool vendor", cdxJSON(`"metadata":{"tools":[{"vendor":"Kaspersky Lab","name":"kscan","version":"1"}]}`),
			found{what: "party", value: "Kaspersky Lab", pointer: "/metadata/tools/0/vendor", role: "vendor", section: sbom.SectionTools}},
		{"cdx tool component publisher", cdxJSON(`"metadata":{"tools":{"components":[{"type":"application","name":"t","publisher":"Huawei"}]}}`),
			found{what: "party", value: "Huawei", pointer: "/metadata/tools/components/0/publisher", role: "publisher", section: sbom.SectionTools}},
		{"cdx tool component purl", cdxJSON(`"metadata":{"tools":{"components":[{"type":"application","name":"t","purl":"pkg:npm/%40kaspersky/t@1"}]}}`),
			found{what: "purl", value: "pkg:npm/%40kaspersky/t@1", pointer: "/metadata/tools/components/0", section: sbom.SectionTools}},
		{"cdx tool service provider", cdxJSON(`"metadata":{"tools":{"services":[{"name":"s","provider":{"name":"ZTE"}}]}}`),
			found{what: "party", value: "ZTE", pointer: "/metadata/tools/services/0/provider/name", role: "provider", section: sbom.SectionTools}},
		{"cdx evidence identity concluded value", cdxJSON(`"components":[{"type":"library","name":"x","evidence":{"identity":[{"field":"purl","concludedValue":"pkg:maven/com.kaspersky/x@1"}]}}]`),
			found{what: "identity", value: "pkg:maven/com.kaspersky/x@1", pointer: "/components/0/evidence/identity/0/concludedValue"}},
		{"cdx evidence identity method (1.5 object)", strings.Replace(cdxJSON(`"components":[{"type":"library","name":"x","evidence":{"identity":{"field":"cpe","confidence":1,"methods":[{"technique":"filename","confidence":1,"value":"cpe:2.3:a:kaspersky:x:1:*:*:*:*:*:*:*"}]}}}]`), `"1.6"`, `"1.5"`, 1),
			found{what: "identity", value: "cpe:2.3:a:kaspersky:x:1:*:*:*:*:*:*:*", pointer: "/components/0/evidence/identity/methods/0/value"}},
		{"cdx licence url", cdxJSON(`"components":[{"type":"application","name":"x","licenses":[{"license":{"name":"EULA","url":"https://www.kaspersky.com/eula"}}]}]`),
			found{what: "url", value: "https://www.kaspersky.com/eula", pointer: "/components/0/licenses/0/license/url"}},
		{"cdx xml licence url", cdxXML(`<components><component type="application"><name>x</name><licenses><license><name>EULA</name><url>https://www.kaspersky.com/eula</url></license></licenses></component></components>`),
			found{what: "url", value: "https://www.kaspersky.com/eula", pointer: "/bom/components/component[1]/licenses/license[1]/url"}},
		{"cdx metadata licensor", cdxJSON(`"metadata":{"licenses":[{"license":{"name":"EULA","licensing":{"licensor":{"organization":{"name":"AO Kaspersky Lab"}}}}}]}`),
			found{what: "party", value: "AO Kaspersky Lab", pointer: "/metadata/licenses/0/license/licensing/licensor/organization/name", role: "licensor"}},
		{"cdx xml metadata licensor", cdxXML(`<metadata><licenses><license><name>EULA</name><licensing><licensor><individual><name>Ivan</name><email>ivan@kaspersky.com</email></individual></licensor></licensing></license></licenses></metadata>`),
			found{what: "email", value: "ivan@kaspersky.com", pointer: "/bom/metadata/licenses/license[1]/licensing/licensor/individual", role: "licensor"}},
		{"cdx metadata property vendor", cdxJSON(`"metadata":{"properties":[{"name":"build","value":"1"},{"name":"vendor","value":"AO Kaspersky Lab"}]}`),
			found{what: "party", value: "AO Kaspersky Lab", pointer: "/metadata/properties/1/value", role: "vendor"}},
		{"cdx property image label vendor", cdxJSON(`"components":[{"type":"container","name":"x","properties":[{"name":"syft:image:labels:vendor","value":"Huawei Technologies Co., Ltd."}]}]`),
			found{what: "party", value: "Huawei Technologies Co., Ltd.", pointer: "/components/0/properties/0/value", role: "vendor"}},
		{"cdx property OCI vendor label", cdxJSON(`"components":[{"type":"container","name":"x","properties":[{"name":"sbomer:image:labels:org.opencontainers.image.vendor","value":"ZTE Corporation"}]}]`),
			found{what: "party", value: "ZTE Corporation", pointer: "/components/0/properties/0/value", role: "vendor"}},
		{"cdx property maintainer", cdxJSON(`"components":[{"type":"library","name":"x","properties":[{"name":"syft:image:labels:maintainer","value":"Build <build@kaspersky.com>"}]}]`),
			found{what: "email", value: "build@kaspersky.com", pointer: "/components/0/properties/0/value", role: "author"}},
		{"cdx property manufacturer", cdxJSON(`"components":[{"type":"device","name":"x","properties":[{"name":"cdx:device:Manufacturer","value":"Hikvision"}]}]`),
			found{what: "party", value: "Hikvision", pointer: "/components/0/properties/0/value", role: "manufacturer"}},
		{"cdx property copyright", cdxJSON(`"components":[{"type":"library","name":"x","properties":[{"name":"copyright","value":"Copyright 2019 ZTE Corporation"}]}]`),
			found{what: "evidence-copyright", value: "Copyright 2019 ZTE Corporation", pointer: "/components/0/properties/0/value"}},
		{"cdx service property supplier", cdxJSON(`"services":[{"name":"s","properties":[{"name":"acme:supplier","value":"Dahua Technology"}]}]`),
			found{what: "party", value: "Dahua Technology", pointer: "/services/0/properties/0/value", role: "supplier", section: sbom.SectionServices}},
		{"cdx xml property vendor", cdxXML(`<components><component type="library"><name>x</name><properties><property name="a">b</property><property name="syft:image:labels:vendor">AO Kaspersky Lab</property></properties></component></components>`),
			found{what: "party", value: "AO Kaspersky Lab", pointer: "/bom/components/component[1]/properties/property[2]", role: "vendor"}},
		{"cdx evidence licence licensor", cdxJSON(`"components":[{"type":"library","name":"x","evidence":{"licenses":[{"license":{"name":"EULA","licensing":{"licensor":{"organization":{"name":"AO Kaspersky Lab"}}}}}]}}]`),
			found{what: "party", value: "AO Kaspersky Lab", pointer: "/components/0/evidence/licenses/0/license/licensing/licensor/organization/name", role: "licensor"}},
		{"cdx xml evidence licence licensor", cdxXML(`<components><component type="library"><name>x</name><evidence><licenses><license><name>EULA</name><licensing><licensor><organization><name>AO Kaspersky Lab</name></organization></licensor></licensing></license></licenses></evidence></component></components>`),
			found{what: "party", value: "AO Kaspersky Lab", pointer: "/bom/components/component[1]/evidence/licenses/license[1]/licensing/licensor/organization/name", role: "licensor"}},
		{"cdx bom-ref that is a purl", cdxJSON(`"components":[{"type":"library","bom-ref":"pkg:maven/com.kaspersky/x@1","name":"x"}]`),
			found{what: "identity", value: "pkg:maven/com.kaspersky/x@1", pointer: "/components/0/bom-ref"}},
		{"cdx evidence copyright", cdxJSON(`"components":[{"type":"library","name":"x","evidence":{"copyright":[{"text":"Copyright 2024 AO Kaspersky Lab"}]}}]`),
			found{what: "evidence-copyright", value: "Copyright 2024 AO Kaspersky Lab", pointer: "/components/0/evidence/copyright/0/text"}},
		{"cdx licence licensor organisation", cdxJSON(`"components":[{"type":"application","name":"x","licenses":[{"license":{"name":"EULA","licensing":{"licensor":{"organization":{"name":"AO Kaspersky Lab"}}}}}]}]`),
			found{what: "party", value: "AO Kaspersky Lab", pointer: "/components/0/licenses/0/license/licensing/licensor/organization/name", role: "licensor"}},
		{"cdx expression licensor individual", cdxJSON(`"components":[{"type":"application","name":"x","licenses":[{"expression":"LicenseRef-EULA","licensing":{"licensor":{"individual":{"name":"Ivan","email":"ivan@kaspersky.com"}}}}]}]`),
			found{what: "email", value: "ivan@kaspersky.com", pointer: "/components/0/licenses/0/licensing/licensor/individual", role: "licensor"}},
		{"cdx deeply nested manufacturer", cdxJSON(`"components":[{"type":"library","name":"a","components":[{"type":"library","name":"b","components":[{"type":"device","name":"c","manufacturer":{"name":"Hytera"}}]}]}]`),
			found{what: "party", value: "Hytera", pointer: "/components/0/components/0/components/0/manufacturer/name", role: "manufacturer"}},
		{"cdx metadata component nested author", cdxJSON(`"metadata":{"component":{"type":"application","name":"app","components":[{"type":"library","name":"in","authors":[{"name":"Dahua Technology"}]}]}}`),
			found{what: "party", value: "Dahua Technology", pointer: "/metadata/component/components/0/authors/0/name", role: "author"}},

		// CycloneDX XML.
		{"cdx xml service provider", cdxXML(`<services><service><provider><name>AO Kaspersky Lab</name></provider><name>ksn</name></service></services>`),
			found{what: "party", value: "AO Kaspersky Lab", pointer: "/bom/services/service[1]/provider/name", role: "provider"}},
		{"cdx xml service endpoint", cdxXML(`<services><service><name>ksn</name><endpoints><endpoint>https://ksn.kaspersky.com</endpoint></endpoints></service></services>`),
			found{what: "url", value: "https://ksn.kaspersky.com", pointer: "/bom/services/service[1]/endpoints/endpoint[1]"}},
		{"cdx xml pedigree ancestor", cdxXML(`<components><component type="library"><name>x</name><pedigree><ancestors><component type="library"><supplier><name>Huawei</name></supplier><name>up</name></component></ancestors></pedigree></component></components>`),
			found{what: "party", value: "Huawei", pointer: "/bom/components/component[1]/pedigree/ancestors/component[1]/supplier/name", role: "supplier"}},
		{"cdx xml pedigree commit", cdxXML(`<components><component type="library"><name>x</name><pedigree><commits><commit><uid>1</uid><committer><name>Ivan</name><email>ivan@kaspersky.com</email></committer></commit></commits></pedigree></component></components>`),
			found{what: "email", value: "ivan@kaspersky.com", pointer: "/bom/components/component[1]/pedigree/commits/commit[1]/committer/name", role: "committer"}},
		{"cdx xml legacy tool vendor", strings.Replace(cdxXML(`<metadata><tools><tool><vendor>Kaspersky Lab</vendor><name>k</name></tool></tools></metadata>`), "1.6", "1.4", 1),
			found{what: "party", value: "Kaspersky Lab", pointer: "/bom/metadata/tools/tool[1]/vendor", role: "vendor"}},
		{"cdx xml tool component", cdxXML(`<metadata><tools><components><component type="application"><publisher>ZTE</publisher><name>t</name></component></components></tools></metadata>`),
			found{what: "party", value: "ZTE", pointer: "/bom/metadata/tools/components/component[1]/publisher", role: "publisher"}},
		{"cdx xml evidence identity", cdxXML(`<components><component type="library"><name>x</name><evidence><identity><field>purl</field><concludedValue>pkg:maven/com.huawei/x@1</concludedValue></identity></evidence></component></components>`),
			found{what: "identity", value: "pkg:maven/com.huawei/x@1", pointer: "/bom/components/component[1]/evidence/identity[1]/concludedValue"}},
		{"cdx xml formulation", cdxXML(`<formulation><formula><components><component type="application"><supplier><name>Hikvision</name></supplier><name>b</name></component></components></formula></formulation>`),
			found{what: "party", value: "Hikvision", pointer: "/bom/formulation/formula[1]/components/component[1]/supplier/name", role: "supplier"}},

		// SPDX 2 JSON and YAML.
		{"spdx json file copyright", spdxFiles,
			found{what: "copyright", value: "Huawei Technologies Co., Ltd.", pointer: "/files/0/copyrightText", section: sbom.SectionFiles}},
		{"spdx json file contributor", spdxFiles,
			found{what: "party", value: "Kaspersky Lab", pointer: "/files/0/fileContributors/0", role: "contributor"}},
		{"spdx json file contributor e-mail", spdxFiles,
			found{what: "email", value: "ivan@kaspersky.com", pointer: "/files/0/fileContributors/1", role: "contributor"}},
		{"spdx json snippet copyright", spdxFiles,
			found{what: "copyright", value: "ZTE Corporation", pointer: "/snippets/0/copyrightText", section: sbom.SectionSnippets}},

		{"spdx json second purl", `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","dataLicense":"CC0-1.0","name":"d",` +
			`"documentNamespace":"https://example.com/d","creationInfo":{"created":"2024-01-01T00:00:00Z","creators":["Tool: gen"]},` +
			`"packages":[{"SPDXID":"SPDXRef-p","name":"p","downloadLocation":"NOASSERTION","externalRefs":[` +
			`{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:npm/p@1"},` +
			`{"referenceCategory":"PACKAGE-MANAGER","referenceType":"PURL","referenceLocator":"pkg:maven/com.kaspersky/x@1"}]}]}`,
			found{what: "identity", value: "pkg:maven/com.kaspersky/x@1", pointer: "/packages/0/externalRefs/1/referenceLocator"}},

		// SPDX 3 JSON-LD.
		{"spdx3 availableFrom", `{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[` +
			`{"type":"software_Package","spdxId":"urn:p","name":"p"},{"type":"Organization","spdxId":"urn:o","name":"AO Kaspersky Lab"},` +
			`{"type":"Relationship","spdxId":"urn:r","from":"urn:p","relationshipType":"availableFrom","to":["urn:o"]}]}`,
			found{what: "party", value: "AO Kaspersky Lab", pointer: "/@graph/2/to/0", role: "supplier"}},

		// SPDX 2 tag-value.
		{"spdx tag-value file copyright", tvHead + "PackageName: p\nSPDXID: SPDXRef-p\nPackageDownloadLocation: NOASSERTION\n" +
			"FileName: ./a.c\nSPDXID: SPDXRef-f\nFileCopyrightText: <text>Copyright 2016 Huawei Technologies Co., Ltd.</text>\n",
			found{what: "copyright", value: "Huawei Technologies Co., Ltd.", pointer: "line 13", section: sbom.SectionFiles}},
		{"spdx tag-value file contributor", tvHead + "FileName: ./a.c\nSPDXID: SPDXRef-f\nFileContributor: Kaspersky Lab\nFileContributor: ZTE Corporation\n",
			found{what: "party", value: "ZTE Corporation", pointer: "line 11", role: "contributor"}},
		{"spdx tag-value snippet copyright", tvHead + "SnippetSPDXID: SPDXRef-s\nSnippetFromFileSPDXID: SPDXRef-f\nSnippetCopyrightText: Copyright 2018 ZTE Corporation\n",
			found{what: "copyright", value: "ZTE Corporation", pointer: "line 10", section: sbom.SectionSnippets}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := sbom.Decode([]byte(tc.in), sbom.Options{Name: "in"})
			if err != nil {
				t.Fatal(err)
			}
			if !lookup(doc, tc.want) {
				t.Errorf("%s %q at %s not read; the document holds:\n%s", tc.want.what, tc.want.value, tc.want.pointer, dump(doc))
			}
		})
	}
}

// The SPDX 2.2 specification's RDF example names file contributors and
// file copyright holders: both are read, at their XPath-like places.
func TestPartyFieldsRDF(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join(corpusDir, "spdx-spec-2.2.spdx.rdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := sbom.Decode(data, sbom.Options{Name: "spdx-spec-2.2.spdx.rdf"})
	if err != nil {
		t.Fatal(err)
	}
	var contributors, holders int
	for _, c := range doc.Components {
		if c.Section != sbom.SectionFiles {
			continue
		}
		if c.Copyright != "" && strings.Contains(c.CopyrightPointer, "spdx:copyrightText") {
			holders++
		}
		for _, p := range c.Parties {
			if p.Role == sbom.RoleContributor && strings.Contains(p.Pointer, "spdx:fileContributor") {
				contributors++
			}
		}
	}
	if contributors == 0 || holders == 0 {
		t.Errorf("%d file contributors and %d file copyright texts read:\n%s", contributors, holders, dump(doc))
	}
}
