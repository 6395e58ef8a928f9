package check_test

import (
	"strings"
	"testing"
)

// ocdsRelease is an OCDS release package of one award to Acme Resale LLC
// for office chairs; extra is spliced into the supplier party.
func ocdsRelease(extra string) string {
	return `{"releases":[{"ocid":"ocds-1","id":"1","date":"2025-01-01T00:00:00Z","tag":["award"],"initiationType":"tender",` +
		`"parties":[{"id":"p1","name":"Acme Resale LLC","roles":["supplier"]` + extra + `}],` +
		`"awards":[{"id":"a1","suppliers":[{"id":"p1","name":"Acme Resale LLC"}],"items":[{"id":"i1","description":"office chairs"}]}]}]}`
}

// TestOCDSBeneficialOwners: a beneficial owner of the supplier (OCDS
// beneficial owners extension, a CSV shareholder or UBO column) is an
// owner whose stake the file does not give. One on the SDN list is what the 50 Percent Rule and OFAC FAQ 398
// concern: bangate cannot tell whether the stake blocks the supplier, so
// the record goes to review, naming the owner's field; an owner no list
// names changes nothing.
func TestOCDSBeneficialOwners(t *testing.T) {
	runGateCases(t, []gateCase{
		{name: "SDN individual", path: "o.json", outcome: "review", rule: "ofac-sdn-possible",
			in:   ocdsRelease(`,"beneficialOwners":[{"id":"1","name":"Oleg Vladimirovich Deripaska","nationality":"RU"}]`),
			says: []string{`owner "Oleg Vladimirovich Deripaska"`}},
		{name: "unlisted person", path: "o.json", outcome: "pass",
			in: ocdsRelease(`,"beneficialOwners":[{"id":"1","name":"Juan Perez","nationality":"PY"}]`)},
		// a CSV shareholder column, likewise without a stake
		{name: "CSV shareholder on the SDN list", path: "v.csv", outcome: "review", rule: "ofac-sdn-possible",
			in:   "vendor_name,product,shareholder\nAcme Resale LLC,office chairs,Oleg Vladimirovich Deripaska\n",
			says: []string{`owner "Oleg Vladimirovich Deripaska"`}},
		{name: "CSV unlisted shareholder", path: "v.csv", outcome: "pass",
			in: "vendor_name,product,shareholder\nAcme Resale LLC,office chairs,Juan Perez\n"},
	})
}

// TestNotTheSoftwaresParties documents what bangate reads and decides not
// to treat as a party of the software, so that nobody adds it by accident:
// each input names a banned vendor in such a field beside a clean
// component, and passes.
//   - An annotator (CycloneDX annotations[].annotator, SPDX 2
//     annotations[].annotator) commented on the document: a reviewer, not
//     the component's maker.
//   - A vulnerability's credits, source and references name who found or
//     published it (Kaspersky ICS CERT publishing a CVE does not make the
//     component Kaspersky's), and affects[].ref points at a component, it
//     names no one.
//   - A licence's licensee and purchaser are the buyer's side of the
//     licence, not the software's: only the licensor (the vendor) is read.
//   - A CycloneDX property whose name does not end in a party word
//     (a path, the buyer's own application owner, the component an
//     OpenShift maintainer label names) names no party of the software.
//   - SPDX 2 documentNamespace is a URI that only makes the document's
//     identity unique; tools write it under their own or a placeholder
//     host (spdx.org/spdxdocs, anchore.com/syft), so its host does not
//     identify the document's creator, whose creationInfo.creators are
//     read; externalDocumentRefs name other documents, not parties.
func TestNotTheSoftwaresParties(t *testing.T) {
	const cdxHead = `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,` +
		`"metadata":{"component":{"type":"application","bom-ref":"app","name":"app","version":"1"}},`
	comp := func(extra string) string {
		return `"components":[{"type":"library","bom-ref":"c1","name":"agent","version":"1.0","supplier":{"name":"Acme LLC"}` + extra + `}]`
	}
	const spdxHead = `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","dataLicense":"CC0-1.0","name":"d",` +
		`"creationInfo":{"created":"2024-01-01T00:00:00Z","creators":["Tool: gen"]},` +
		`"packages":[{"SPDXID":"SPDXRef-p","name":"agent","downloadLocation":"NOASSERTION","primaryPackagePurpose":"LIBRARY",` +
		`"supplier":"Organization: Acme LLC"}],`
	runGateCases(t, []gateCase{
		{name: "clean", outcome: "pass", in: cdxHead + comp("") + `}`},
		{name: "CycloneDX annotator organisation", outcome: "pass", in: cdxHead + comp("") + `,"annotations":[{"bom-ref":"a1","subjects":["c1"],` +
			`"annotator":{"organization":{"name":"AO Kaspersky Lab","url":["https://www.kaspersky.com"]}},"timestamp":"2024-01-01T00:00:00Z","text":"Reviewed"}]}`},
		{name: "CycloneDX annotator individual", outcome: "pass", in: cdxHead + comp("") + `,"annotations":[{"subjects":["c1"],` +
			`"annotator":{"individual":{"name":"Ivan","email":"ivan@kaspersky.com"}},"timestamp":"2024-01-01T00:00:00Z","text":"ok"}]}`},
		{name: "CycloneDX vulnerability credits, source, references and affects", outcome: "pass", in: cdxHead + comp("") +
			`,"vulnerabilities":[{"bom-ref":"v1","id":"CVE-2024-0001","source":{"name":"Kaspersky ICS CERT","url":"https://ics-cert.kaspersky.com/advisories/"},` +
			`"credits":{"organizations":[{"name":"AO Kaspersky Lab"}],"individuals":[{"name":"Ivan","email":"ivan@kaspersky.com"}]},` +
			`"references":[{"id":"KLCERT-1","source":{"name":"Kaspersky","url":"https://www.kaspersky.com/"}}],"affects":[{"ref":"c1"}]}]}`},
		{name: "CycloneDX licensee and purchaser", outcome: "pass", in: cdxHead + comp(`,"licenses":[{"license":{"name":"EULA","licensing":{`+
			`"licensee":{"organization":{"name":"AO Kaspersky Lab"}},"purchaser":{"individual":{"name":"Ivan","email":"ivan@kaspersky.com"}}}}}]`) + `}`},
		{name: "CycloneDX properties that name no party", outcome: "pass", in: cdxHead + comp(`,"properties":[`+
			`{"name":"internal.application.owners.business","value":"AO Kaspersky Lab"},{"name":"syft:location:0:path","value":"/opt/kaspersky/agent.jar"},`+
			`{"name":"io.openshift.maintainer.component","value":"Kaspersky Agent"}]`) + `}`},
		{name: "SPDX 2 annotator", path: "t.spdx.json", outcome: "pass", in: spdxHead + `"documentNamespace":"https://example.com/d",` +
			`"annotations":[{"annotator":"Organization: AO Kaspersky Lab","annotationDate":"2024-01-01T00:00:00Z","annotationType":"REVIEW","comment":"ok"}]}`},
		{name: "SPDX 2 documentNamespace host", path: "t.spdx.json", outcome: "pass", in: spdxHead + `"documentNamespace":"https://www.kaspersky.com/spdx/d-1"}`},
		{name: "SPDX 2 externalDocumentRefs", path: "t.spdx.json", outcome: "pass", in: spdxHead + `"documentNamespace":"https://example.com/d",` +
			`"externalDocumentRefs":[{"externalDocumentId":"DocumentRef-k","spdxDocument":"https://www.kaspersky.com/spdx/x",` +
			`"checksum":{"algorithm":"SHA1","checksumValue":"d6a770ba38583ed4bb4525bd96e50461655d2759"}}]}`},
		// what is read beside them: the creator organisation is a party
		{name: "SPDX 2 creator organisation is read", path: "t.spdx.json", outcome: "fail", in: strings.Replace(spdxHead, `"Tool: gen"`, `"Organization: AO Kaspersky Lab"`, 1) +
			`"documentNamespace":"https://example.com/d"}`},
	})
}
