package sbom_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/bangate/bangate/sbom"
)

// tvHead is the document part of a small SPDX 2.3 tag-value file.
const tvHead = "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: d\nDocumentNamespace: https://example.com/d\n" +
	"Creator: Tool: gen\nCreated: 2024-01-01T00:00:00Z\n"

// spdxJSON returns a small SPDX 2.3 JSON document with the given packages
// and relationships (JSON array members).
func spdxJSON(packages, relationships string) string {
	return `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","dataLicense":"CC0-1.0","name":"d","documentNamespace":"https://example.com/d",` +
		`"creationInfo":{"created":"2024-01-01T00:00:00Z","creators":["Tool: gen"]},"packages":[` + packages + `],"relationships":[` + relationships + `]}`
}

// lenientCase is a document with one defect that is read past: what is
// read of it, and the warning.
type lenientCase struct {
	name string
	in   string
	// comps are the components expected (ref, pointer, name, parties).
	comps []sbom.Component
	// deps, subject: the relationships read.
	deps    map[string][]string
	subject string
	warn    sbom.Warning
}

func TestDecodeLenient(t *testing.T) {
	t.Parallel()
	dl := `"downloadLocation":"NOASSERTION"`
	tests := []lenientCase{
		{name: "json: SPDXID without the prefix",
			in: spdxJSON(`{"SPDXID":"50f407f0ce01b5bb","name":"a",`+dl+`},{"SPDXID":"SPDXRef-b","name":"b",`+dl+`}`,
				`{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"50f407f0ce01b5bb"},`+
					`{"spdxElementId":"50f407f0ce01b5bb","relationshipType":"DEPENDS_ON","relatedSpdxElement":"SPDXRef-b"}`),
			comps: []sbom.Component{{Ref: "50f407f0ce01b5bb", Pointer: "/packages/0", Name: "a"}, {Ref: "SPDXRef-b", Pointer: "/packages/1", Name: "b"}},
			deps:  map[string][]string{"50f407f0ce01b5bb": {"SPDXRef-b"}}, subject: "50f407f0ce01b5bb",
			warn: sbom.Warning{Code: sbom.WarnIDUnprefixed, Pointer: "/packages/0/SPDXID"}},
		{name: "json: the prefixed and the bare ID are two elements",
			in: spdxJSON(`{"SPDXID":"a","name":"bare",`+dl+`},{"SPDXID":"SPDXRef-a","name":"prefixed",`+dl+`}`,
				`{"spdxElementId":"SPDXRef-a","relationshipType":"DEPENDS_ON","relatedSpdxElement":"a"}`),
			comps: []sbom.Component{{Ref: "a", Pointer: "/packages/0", Name: "bare"}, {Ref: "SPDXRef-a", Pointer: "/packages/1", Name: "prefixed"}},
			deps:  map[string][]string{"SPDXRef-a": {"a"}},
			warn:  sbom.Warning{Code: sbom.WarnIDUnprefixed, Pointer: "/packages/0/SPDXID"}},
		{name: "json: supplier without a type (sbom-tool)",
			in: spdxJSON(`{"SPDXID":"SPDXRef-a","name":"a","supplier":"Microsoft/GitHub",`+dl+`}`, ""),
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "/packages/0", Name: "a",
				Parties: []sbom.Party{{Role: "supplier", Name: "Microsoft/GitHub", Pointer: "/packages/0/supplier"}}}},
			warn: sbom.Warning{Code: sbom.WarnActorUntyped, Pointer: "/packages/0/supplier"}},
		{name: "json: originator without a type (syft 0.33), e-mail split out",
			in: spdxJSON(`{"SPDXID":"SPDXRef-a","name":"pygments","originator":"Georg Brandl <georg@python.org>",`+dl+`}`, ""),
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "/packages/0", Name: "pygments",
				Parties: []sbom.Party{{Role: "originator", Name: "Georg Brandl", Emails: []string{"georg@python.org"}, Pointer: "/packages/0/originator"}}}},
			warn: sbom.Warning{Code: sbom.WarnActorUntyped, Pointer: "/packages/0/originator"}},
		{name: "json: an unknown type stays part of the name",
			in: spdxJSON(`{"SPDXID":"SPDXRef-a","name":"a","supplier":"Huawei: Cloud",`+dl+`}`, ""),
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "/packages/0", Name: "a",
				Parties: []sbom.Party{{Role: "supplier", Name: "Huawei: Cloud", Pointer: "/packages/0/supplier"}}}},
			warn: sbom.Warning{Code: sbom.WarnActorUntyped, Pointer: "/packages/0/supplier"}},
		{name: "json: escapes in a supplier are read as JSON reads them",
			in: spdxJSON(`{"SPDXID":"SPDXRef-a","name":"a","supplier":"Organization: Huawei\u0020Cloud \u003cpsirt@huawei.com\u003e",`+dl+`}`, ""),
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "/packages/0", Name: "a",
				Parties: []sbom.Party{{Role: "supplier", Kind: "organization", Name: "Huawei Cloud", Emails: []string{"psirt@huawei.com"}, Pointer: "/packages/0/supplier"}}}}},
		{name: "json: missing downloadLocation",
			in:    spdxJSON(`{"SPDXID":"SPDXRef-a","name":"a"}`, ""),
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "/packages/0", Name: "a"}},
			warn:  sbom.Warning{Code: sbom.WarnFieldMissing, Pointer: "/packages/0/downloadLocation"}},
		{name: "json: unscreened field of another type",
			in:    spdxJSON(`{"SPDXID":"SPDXRef-a","name":"a","licenseConcluded":["MIT"],"filesAnalyzed":"no",`+dl+`}`, ""),
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "/packages/0", Name: "a"}},
			warn:  sbom.Warning{Code: sbom.WarnFieldMalformed, Pointer: "/packages/0/licenseConcluded"}},
		{name: "json: untyped creator",
			in:   `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","creationInfo":{"creators":["Anchore"]},"packages":[]}`,
			warn: sbom.Warning{Code: sbom.WarnActorUntyped, Pointer: "/creationInfo/creators/0"}},
		{name: "tag-value: SPDXID without the prefix",
			in: tvHead + "PackageName: a\nSPDXID: 5d2c99d85d72adf9\nPackageDownloadLocation: NOASSERTION\n" +
				"Relationship: SPDXRef-DOCUMENT DESCRIBES 5d2c99d85d72adf9\n",
			comps:   []sbom.Component{{Ref: "5d2c99d85d72adf9", Pointer: "line 8", Name: "a"}},
			subject: "5d2c99d85d72adf9",
			warn:    sbom.Warning{Code: sbom.WarnIDUnprefixed, Pointer: "line 9"}},
		{name: "tag-value: supplier without a type",
			in: tvHead + "PackageName: a\nSPDXID: SPDXRef-a\nPackageSupplier: Microsoft/GitHub\nPackageDownloadLocation: NOASSERTION\n",
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a",
				Parties: []sbom.Party{{Role: "supplier", Name: "Microsoft/GitHub", Pointer: "line 10"}}}},
			warn: sbom.Warning{Code: sbom.WarnActorUntyped, Pointer: "line 10"}},
		{name: "tag-value: misspelt tag in a file section",
			in: tvHead + "PackageName: a\nSPDXID: SPDXRef-a\nPackageDownloadLocation: NOASSERTION\nFileName: ./x\nSPDXID: SPDXRef-f\nFIleCopyrightText: (c) X\n",
			// The tag is read: the file's copyright names a party.
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a"}, {Ref: "SPDXRef-f", Pointer: "line 11", Name: "./x"}},
			warn:  sbom.Warning{Code: sbom.WarnTagCase, Pointer: "line 13"}},
		{name: "tag-value: unknown tag",
			in:    tvHead + "PackageName: a\nSPDXID: SPDXRef-a\nPackageDownloadLocation: NOASSERTION\nPackageFrobnicator: x\n",
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a"}},
			warn:  sbom.Warning{Code: sbom.WarnTagUnknown, Pointer: "line 11"}},
		{name: "tag-value: a package tag after the package's files is the package's",
			in: tvHead + "PackageName: a\nSPDXID: SPDXRef-a\nPackageDownloadLocation: NOASSERTION\nFileName: ./x\nSPDXID: SPDXRef-f\nPackageSupplier: Organization: Acme\n",
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a",
				Parties: []sbom.Party{{Role: "supplier", Kind: "organization", Name: "Acme", Pointer: "line 13"}}}},
			warn: sbom.Warning{Code: sbom.WarnTagMisplaced, Pointer: "line 13"}},
		{name: "tag-value: a snippet right after a package (the SPDX 2.2 example)",
			in: tvHead + "PackageName: a\nSPDXID: SPDXRef-a\nPackageDownloadLocation: NOASSERTION\nSnippetSPDXID: SPDXRef-s\nSnippetFromFileSPDXID: SPDXRef-f\n" +
				"PackageName: b\nSPDXID: SPDXRef-b\nPackageDownloadLocation: NOASSERTION\nRelationship: SPDXRef-a CONTAINS SPDXRef-b\n",
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a"}, {Ref: "SPDXRef-b", Pointer: "line 13", Name: "b"}},
			deps:  map[string][]string{"SPDXRef-a": {"SPDXRef-b"}}},
		{name: "tag-value: CR-only line endings",
			in:    strings.ReplaceAll(tvHead+"PackageName: a\nSPDXID: SPDXRef-a\nPackageDownloadLocation: NOASSERTION\n", "\n", "\r"),
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a"}},
			warn:  sbom.Warning{Code: sbom.WarnLineEndings, Pointer: "line 1"}},
		{name: "tag-value: mixed line endings",
			in:    tvHead + "PackageName: a\r\nSPDXID: SPDXRef-a\rPackageDownloadLocation: NOASSERTION\n",
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a"}},
			warn:  sbom.Warning{Code: sbom.WarnLineEndings, Pointer: "line 1"}},
		{name: "tag-value: missing PackageDownloadLocation",
			in:    tvHead + "PackageName: a\nSPDXID: SPDXRef-a\n",
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a"}},
			warn:  sbom.Warning{Code: sbom.WarnFieldMissing, Pointer: "line 8"}},
		{name: "tag-value: package without an SPDXID",
			in:    tvHead + "PackageName: a\nPackageDownloadLocation: NOASSERTION\n",
			comps: []sbom.Component{{Ref: "line 8", Pointer: "line 8", Name: "a"}},
			warn:  sbom.Warning{Code: sbom.WarnIDMissing, Pointer: "line 8"}},
		{name: "tag-value: ExternalRef locator with a space is screened as written",
			in:    tvHead + "PackageName: a\nSPDXID: SPDXRef-a\nPackageDownloadLocation: NOASSERTION\nExternalRef: PACKAGE-MANAGER purl pkg:npm/a b@1\n",
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a", PURL: "pkg:npm/a b@1"}},
			warn:  sbom.Warning{Code: sbom.WarnExternalRefMalformed, Pointer: "line 11"}},
		{name: "tag-value: text before <text> is read with the value",
			in: tvHead + "PackageName: a\nSPDXID: SPDXRef-a\nPackageDownloadLocation: NOASSERTION\nPackageSupplier: Organization: AO Kaspersky Lab <text>Acme</text>\n",
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a",
				Parties: []sbom.Party{{Role: "supplier", Kind: "organization", Name: "AO Kaspersky Lab Acme", Pointer: "line 11"}}}},
			warn: sbom.Warning{Code: sbom.WarnFieldMalformed, Pointer: "line 11"}},
		{name: "tag-value: text after a multi-line </text> is read with the value",
			in: tvHead + "PackageName: a\nSPDXID: SPDXRef-a\nPackageDownloadLocation: NOASSERTION\nPackageSupplier: <text>Organization: Acme\n</text> AO Kaspersky Lab\n",
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a",
				Parties: []sbom.Party{{Role: "supplier", Kind: "organization", Name: "Acme\n AO Kaspersky Lab", Pointer: "line 11"}}}},
			warn: sbom.Warning{Code: sbom.WarnFieldMalformed, Pointer: "line 11"}},
		{name: "tag-value: an ExternalRef locator in <text>",
			in:    tvHead + "PackageName: a\nSPDXID: SPDXRef-a\nPackageDownloadLocation: NOASSERTION\nExternalRef: PACKAGE-MANAGER purl <text>pkg:maven/com.kaspersky/kav@1</text>\n",
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a", PURL: "pkg:maven/com.kaspersky/kav@1"}},
			warn:  sbom.Warning{Code: sbom.WarnFieldMalformed, Pointer: "line 11"}},
		{name: "tag-value: malformed relationship",
			in:    tvHead + "PackageName: a\nSPDXID: SPDXRef-a\nPackageDownloadLocation: NOASSERTION\nRelationship: SPDXRef-a DEPENDS_ON\n",
			comps: []sbom.Component{{Ref: "SPDXRef-a", Pointer: "line 8", Name: "a"}},
			warn:  sbom.Warning{Code: sbom.WarnFieldMalformed, Pointer: "line 11"}},
		{name: "cyclonedx: a value cyclonedx-go cannot take, in a field not screened",
			in: `{"bomFormat":"CycloneDX","specVersion":"1.7","components":[{"bom-ref":"a","name":"a","type":"library",` +
				`"patentAssertions":[{"assertionType":"ownership","asserter":"org-1"}]}]}`,
			comps: []sbom.Component{{Ref: "a", Pointer: "/components/0", Name: "a"}},
			warn:  sbom.Warning{Code: sbom.WarnFieldSkipped, Pointer: "/components/0/patentAssertions/0/asserter"}},
		{name: "cyclonedx: author string in the npm form",
			in: `{"bomFormat":"CycloneDX","specVersion":"1.4","components":[{"name":"a","type":"library",` +
				`"author":"Security Components Team <oss-components@vendor.com> (https://vendor.com/oss)","publisher":"Vendor Inc. <legal@vendor.com>"}]}`,
			comps: []sbom.Component{{Ref: "/components/0", Pointer: "/components/0", Name: "a", Parties: []sbom.Party{
				{Role: "author", Kind: "person", Name: "Security Components Team", Emails: []string{"oss-components@vendor.com"}, URLs: []string{"https://vendor.com/oss"}, Pointer: "/components/0/author"},
				{Role: "publisher", Name: "Vendor Inc.", Emails: []string{"legal@vendor.com"}, Pointer: "/components/0/publisher"}}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := sbom.Decode([]byte(tc.in), sbom.Options{Name: "t"})
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			type shape struct {
				Ref, Pointer, Name, PURL string
				Parties                  []sbom.Party
			}
			var got, want []shape
			for _, c := range doc.Components {
				got = append(got, shape{c.Ref, c.Pointer, c.Name, c.PURL, c.Parties})
			}
			for _, c := range tc.comps {
				want = append(want, shape{c.Ref, c.Pointer, c.Name, c.PURL, c.Parties})
			}
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("components (-want +got):\n%s", diff)
			}
			if tc.deps != nil || doc.Dependencies != nil {
				if diff := cmp.Diff(tc.deps, doc.Dependencies, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("dependencies (-want +got):\n%s", diff)
				}
			}
			if tc.subject != "" && (doc.Subject == nil || doc.Subject.Ref != tc.subject) {
				t.Errorf("subject = %+v, want ref %q", doc.Subject, tc.subject)
			}
			var found *sbom.Warning
			for i, w := range doc.Warnings {
				if w.Code == tc.warn.Code {
					found = &doc.Warnings[i]
				}
			}
			switch {
			case tc.warn.Code == "":
				for _, w := range doc.Warnings {
					if w.Code != sbom.WarnFieldMissing {
						t.Errorf("unexpected warning %+v", w)
					}
				}
			case found == nil:
				t.Errorf("no %s warning in %+v", tc.warn.Code, doc.Warnings)
			case found.Pointer != tc.warn.Pointer || found.Message == "":
				t.Errorf("warning %+v, want pointer %q", *found, tc.warn.Pointer)
			}
		})
	}
}

// TestDecodeEnvelopes reads SBOMs in the wrappers pipelines produce.
func TestDecodeEnvelopes(t *testing.T) {
	t.Parallel()
	cdx := `{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"a","supplier":{"name":"Acme"}},{"name":"b"}]}`
	tests := []struct {
		name, in     string
		format       sbom.Format
		env          sbom.Envelope
		firstPointer string
		warn         string
	}{
		{name: "in-toto v1, CycloneDX predicate",
			in:     `{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"img","digest":{"sha256":"ab"}}],"predicateType":"https://cyclonedx.org/bom","predicate":` + cdx + `}`,
			format: sbom.FormatCycloneDXJSON,
			env: sbom.Envelope{Kind: sbom.EnvelopeInToto, StatementType: "https://in-toto.io/Statement/v1", PredicateType: "https://cyclonedx.org/bom",
				Subjects: []sbom.EnvelopeSubject{{Name: "img", Digest: map[string]string{"sha256": "ab"}}}, Pointer: "/predicate"},
			firstPointer: "/predicate/components/0/supplier/name"},
		{name: "in-toto v0.1, SPDX JSON predicate under a CycloneDX predicate type",
			in:     `{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://cyclonedx.org/bom","predicate":` + spdxJSON(`{"SPDXID":"SPDXRef-a","name":"a","supplier":"Organization: Acme","downloadLocation":"NONE"}`, "") + `}`,
			format: sbom.FormatSPDXJSON,
			env:    sbom.Envelope{Kind: sbom.EnvelopeInToto, StatementType: "https://in-toto.io/Statement/v0.1", PredicateType: "https://cyclonedx.org/bom", Pointer: "/predicate"},
			warn:   sbom.WarnPredicateType, firstPointer: "/predicate/packages/0/supplier"},
		{name: "cosign's older {Data, Timestamp} predicate",
			in:     `{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://cosign.sigstore.dev/attestation/v1","predicate":{"Data":` + jsonString(cdx) + `,"Timestamp":""}}`,
			format: sbom.FormatCycloneDXJSON,
			env:    sbom.Envelope{Kind: sbom.EnvelopeInToto, StatementType: "https://in-toto.io/Statement/v0.1", PredicateType: "https://cosign.sigstore.dev/attestation/v1", Pointer: "/predicate/Data"},
			warn:   sbom.WarnPredicateType, firstPointer: "/predicate/Data: /components/0/supplier/name"},
		{name: "GitHub dependency-graph export",
			in:     `{"sbom":` + spdxJSON(`{"SPDXID":"SPDXRef-a","name":"a","supplier":"Organization: Acme","downloadLocation":"NONE"}`, "") + `}`,
			format: sbom.FormatSPDXJSON, env: sbom.Envelope{Kind: sbom.EnvelopeGitHub, Pointer: "/sbom"},
			firstPointer: "/sbom/packages/0/supplier"},
		{name: "DSSE envelope, signed",
			in: `{"payloadType":"application/vnd.in-toto+json","payload":"` + b64(`{"_type":"https://in-toto.io/Statement/v1","predicateType":"https://cyclonedx.org/bom","predicate":`+cdx+`}`) +
				`","signatures":[{"keyid":"k","sig":"c2ln"}]}`,
			format: sbom.FormatCycloneDXJSON,
			env: sbom.Envelope{Kind: sbom.EnvelopeDSSE, StatementType: "https://in-toto.io/Statement/v1", PredicateType: "https://cyclonedx.org/bom",
				PayloadType: "application/vnd.in-toto+json", Signatures: 1, Pointer: "/payload: /predicate"},
			warn: sbom.WarnSignatureUnverified, firstPointer: "/payload: /predicate/components/0/supplier/name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := sbom.Decode([]byte(tc.in), sbom.Options{Name: "t"})
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if doc.Format != tc.format || doc.Envelope == nil {
				t.Fatalf("format %q, envelope %+v", doc.Format, doc.Envelope)
			}
			if diff := cmp.Diff(tc.env, *doc.Envelope, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("envelope (-want +got):\n%s", diff)
			}
			if p := firstParty(doc); p == nil || p.Pointer != tc.firstPointer || p.Name != "Acme" {
				t.Errorf("first party %+v, want Acme at %q", p, tc.firstPointer)
			}
			hasWarn := tc.warn == ""
			for _, w := range doc.Warnings {
				hasWarn = hasWarn || w.Code == tc.warn
			}
			if !hasWarn {
				t.Errorf("no %s warning in %+v", tc.warn, doc.Warnings)
			}
			checkInvariants(t, doc)
			checkEnvelopePointers(t, doc)
		})
	}
}

func TestDecodeEnvelopeErrorOffset(t *testing.T) {
	t.Parallel()
	head := `{"_type":"https://in-toto.io/Statement/v1","predicateType":"https://spdx.dev/Document","predicate":`
	in := head + `{"spdxVersion":"SPDX-2.3","packages":[{"name":x}]}}`
	_, err := sbom.Decode([]byte(in), sbom.Options{})
	var de *sbom.DecodeError
	// encoding/json counts the bytes read, the bad one included.
	want := int64(strings.Index(in, ":x}") + 2)
	if !asDecodeError(err, &de) || de.Offset != want {
		t.Fatalf("error %v: want the offset of the x, %d", err, want)
	}
}

func TestParseContacts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []sbom.Contact
	}{
		{"Security Components Team <oss-components@vendor.com>", []sbom.Contact{{Name: "Security Components Team", Emails: []string{"oss-components@vendor.com"}}}},
		{"Sindre Sorhus <sindresorhus@gmail.com> (https://sindresorhus.com)", []sbom.Contact{{Name: "Sindre Sorhus", Emails: []string{"sindresorhus@gmail.com"}, URLs: []string{"https://sindresorhus.com"}}}},
		{"Jane Doe (jane@example.com)", []sbom.Contact{{Name: "Jane Doe", Emails: []string{"jane@example.com"}}}},
		{"ExampleCodeInspect ()", []sbom.Contact{{Name: "ExampleCodeInspect"}}},
		{"Huawei Technologies (Europe) Ltd", []sbom.Contact{{Name: "Huawei Technologies (Europe) Ltd"}}},
		{"Huawei Technologies Co., Ltd. (psirt@huawei.com)", []sbom.Contact{{Name: "Huawei Technologies Co., Ltd.", Emails: []string{"psirt@huawei.com"}}}},
		{"  Red Hat  ", []sbom.Contact{{Name: "Red Hat"}}},
		{"Georg Brandl <georg@python.org>, Matthäus Chajdas <dev@chajdas.de>", []sbom.Contact{
			{Name: "Georg Brandl", Emails: []string{"georg@python.org"}}, {Name: "Matthäus Chajdas", Emails: []string{"dev@chajdas.de"}}}},
		{"A, B and C", []sbom.Contact{{Name: "A, B and C"}}},
		{"maintainer@example.org", []sbom.Contact{{Emails: []string{"maintainer@example.org"}}}},
		{"Acme https://acme.example", []sbom.Contact{{Name: "Acme", URLs: []string{"https://acme.example"}}}},
		{"ijl (ijl <ijl@mailbox.org>)", []sbom.Contact{{Name: "ijl (ijl)", Emails: []string{"ijl@mailbox.org"}}}},
		{"Natanael Copa <mailto:ncopa@alpinelinux.org>", []sbom.Contact{{Name: "Natanael Copa", Emails: []string{"ncopa@alpinelinux.org"}}}},
		{"NOASSERTION", nil},
		{"", nil},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, sbom.ParseContacts(tc.in), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("ParseContacts(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

// TestDecodeSyftParties reads the parties syft JSON metadata names.
func TestDecodeSyftParties(t *testing.T) {
	t.Parallel()
	in := `{"schema":{"version":"16.0.24","url":"https://raw.githubusercontent.com/anchore/syft/main/schema/json/schema-16.0.24.json"},
"source":{"id":"s1","name":"img","version":"1.0","type":"image","supplier":"Example Corp"},
"artifacts":[
 {"id":"p1","name":"pygments","version":"2.11","type":"python","purl":"pkg:pypi/pygments@2.11","cpes":[{"cpe":"cpe:2.3:a:pygments:pygments:2.11:*:*:*:*:*:*:*","source":"syft-generated"}],
  "licenses":[{"value":"BSD","spdxExpression":"BSD-2-Clause"}],"metadata":{"author":"Georg Brandl","authorEmail":"georg@python.org"}},
 {"id":"p2","name":"left-pad","version":"1.3.0","type":"npm","metadata":{"author":"azer <azer@roadbeats.com> (http://azerkoculu.com)"}},
 {"id":"p3","name":"musl","type":"apk","cpes":["cpe:2.3:a:musl:musl:1.2:*:*:*:*:*:*:*"],"metadata":{"maintainer":"Natanael Copa <ncopa@alpinelinux.org>"}},
 {"id":"p4","name":"bash","type":"rpm","metadata":{"vendor":"Red Hat, Inc."}},
 {"id":"p5","name":"monolog","type":"php-composer","metadata":{"authors":[{"name":"Jordi Boggiano","email":"j.boggiano@seld.be","homepage":"https://seld.be"}]}},
 {"id":"p6","name":"jar","type":"java-archive","metadata":{"manifest":{"main":[{"key":"Implementation-Vendor","value":"The Apache Software Foundation"}]}}},
 {"id":"p7","name":"rails","type":"gem","licenses":["MIT"],"metadata":{"authors":["David Heinemeier Hansson"]}}],
"artifactRelationships":[{"parent":"p3","child":"p4","type":"dependency-of"},{"parent":"p1","child":"p2","type":"contains"},{"parent":"p1","child":"f1","type":"contains"}]}`
	doc, err := sbom.Decode([]byte(in), sbom.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []sbom.Party
	for _, c := range doc.Components {
		got = append(got, c.Parties...)
	}
	want := []sbom.Party{
		{Role: "author", Name: "Georg Brandl", Emails: []string{"georg@python.org"}, Pointer: "/artifacts/0/metadata/author"},
		{Role: "author", Name: "azer", Emails: []string{"azer@roadbeats.com"}, URLs: []string{"http://azerkoculu.com"}, Pointer: "/artifacts/1/metadata/author"},
		{Role: "supplier", Name: "Natanael Copa", Emails: []string{"ncopa@alpinelinux.org"}, Pointer: "/artifacts/2/metadata/maintainer"},
		{Role: "supplier", Kind: "organization", Name: "Red Hat, Inc.", Pointer: "/artifacts/3/metadata/vendor"},
		{Role: "author", Name: "Jordi Boggiano", Emails: []string{"j.boggiano@seld.be"}, URLs: []string{"https://seld.be"}, Pointer: "/artifacts/4/metadata/authors/0/name"},
		{Role: "supplier", Kind: "organization", Name: "The Apache Software Foundation", Pointer: "/artifacts/5/metadata/manifest/main/0/value"},
		{Role: "author", Name: "David Heinemeier Hansson", Pointer: "/artifacts/6/metadata/authors/0"},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("parties (-want +got):\n%s", diff)
	}
	c0 := doc.Components[0]
	if c0.Ref != "p1" || c0.PURL != "pkg:pypi/pygments@2.11" || len(c0.CPEs) != 1 || !cmp.Equal(c0.Licenses, []string{"BSD-2-Clause"}) {
		t.Errorf("component 0: %+v", c0)
	}
	if len(doc.Components[2].CPEs) != 1 || !cmp.Equal(doc.Components[6].Licenses, []string{"MIT"}) {
		t.Errorf("old-schema CPEs and licenses not read: %+v %+v", doc.Components[2], doc.Components[6])
	}
	if diff := cmp.Diff(map[string][]string{"p4": {"p3"}, "p1": {"p2"}}, doc.Dependencies); diff != "" {
		t.Errorf("dependencies (-want +got):\n%s", diff)
	}
	if doc.Subject == nil || doc.Subject.Name != "img" || len(doc.Parties) != 1 || doc.Parties[0].Name != "Example Corp" {
		t.Errorf("subject %+v, parties %+v", doc.Subject, doc.Parties)
	}
}
