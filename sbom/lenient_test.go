package sbom_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/sbom"
)

// realCase is what a file of testdata/real or testdata/cdx-spec must
// decode to.
type realCase struct {
	file       string
	format     sbom.Format
	version    string
	components int
	// party, when set, is the first party of the first component with
	// one, or else the first document party.
	party *sbom.Party
	// warnings are the codes of the leniency warnings, in order (the
	// per-field codes of the existing readers are not listed).
	warnings []string
	// envelope is the wrapper kind, "" for a bare SBOM; envPointer its
	// pointer.
	envelope, envPointer string
	// subjectPointer, when set, is the pointer of the subject.
	subjectPointer string
}

// realFiles lists every file of testdata/real (real SBOMs that were
// refused before this package read them leniently, and the wrappers real
// pipelines produce) and testdata/cdx-spec (CycloneDX specification test
// files); see the SOURCES.md files there.
var realFiles = []realCase{
	{file: "real/image-reflector-controller_0.16.0_sbom.spdx.json", format: sbom.FormatSPDXJSON, version: "2.2", components: 112,
		party:    &sbom.Party{Role: "creator", Kind: "organization", Name: "Anchore, Inc", Pointer: "/creationInfo/creators/0"},
		warnings: []string{sbom.WarnIDUnprefixed}},
	{file: "real/image-reflector-controller_0.16.0_sbom.spdx", format: sbom.FormatSPDXTagValue, version: "2.2", components: 112,
		party:    &sbom.Party{Role: "creator", Kind: "organization", Name: "Anchore, Inc", Pointer: "line 8"},
		warnings: []string{sbom.WarnIDUnprefixed}},
	{file: "real/missionlz.spdx.json", format: sbom.FormatSPDXJSON, version: "2.2", components: 2,
		party:          &sbom.Party{Role: "supplier", Kind: "", Name: "Microsoft/GitHub", Pointer: "/packages/0/supplier"},
		warnings:       []string{sbom.WarnActorUntyped},
		subjectPointer: "/packages/1"},
	{file: "real/grype-sbom.spdx.json.gz", format: sbom.FormatSPDXJSON, version: "2.2", components: 1160,
		party:    &sbom.Party{Role: "originator", Kind: "", Name: "Georg Brandl", Emails: []string{"georg@python.org"}, Pointer: "/packages/1/originator"},
		warnings: []string{sbom.WarnActorUntyped}},
	{file: "real/vast-sbom.spdx", format: sbom.FormatSPDXTagValue, version: "2.2", components: 29,
		warnings: []string{sbom.WarnTagCase, sbom.WarnTagUnknown, sbom.WarnFieldMissing, sbom.WarnIDMissing}},
	{file: "real/cbor-sbom.spdx", format: sbom.FormatSPDXTagValue, version: "2.2", components: 1,
		warnings: []string{sbom.WarnLineEndings}},
	{file: "real/trivy-centos-7.cdx.intoto.jsonl", format: sbom.FormatCycloneDXJSON, version: "1.4", components: 4,
		warnings: []string{sbom.WarnSignatureUnverified}, envelope: sbom.EnvelopeDSSE, envPointer: "/payload: /predicate",
		subjectPointer: "/payload: /predicate/metadata/component"},
	{file: "real/trivy-centos-7.cdx.statement.json", format: sbom.FormatCycloneDXJSON, version: "1.4", components: 4,
		envelope: sbom.EnvelopeInToto, envPointer: "/predicate", subjectPointer: "/predicate/metadata/component"},
	{file: "real/trivy-legacy-data.cdx.intoto.jsonl", format: sbom.FormatCycloneDXJSON, version: "1.4", components: 10,
		warnings: []string{sbom.WarnSignatureUnverified}, envelope: sbom.EnvelopeDSSE, envPointer: "/payload: /predicate/Data",
		subjectPointer: "/payload: /predicate/Data/metadata/component"},
	{file: "real/dsse-v1-cyclonedx.json", format: sbom.FormatCycloneDXJSON, version: "1.7", components: 4,
		envelope: sbom.EnvelopeDSSE, envPointer: "/payload: /predicate", subjectPointer: "/payload: /predicate/metadata/component"},
	{file: "real/statement-v01-spdxjson.json", format: sbom.FormatSPDXJSON, version: "2.3", components: 3,
		party:    &sbom.Party{Role: "creator", Kind: "organization", Name: "Anchore, Inc", Pointer: "/predicate/creationInfo/creators/0"},
		envelope: sbom.EnvelopeInToto, envPointer: "/predicate", subjectPointer: "/predicate/packages/2"},
	{file: "real/statement-v01-spdx-tagvalue.json", format: sbom.FormatSPDXTagValue, version: "2.2", components: 2,
		party:    &sbom.Party{Role: "creator", Kind: "person", Name: "Steve Winslow", Emails: []string{"steve@swinslow.net"}, Pointer: "/predicate: line 6"},
		envelope: sbom.EnvelopeInToto, envPointer: "/predicate", subjectPointer: "/predicate: line 13"},
	{file: "real/github-export-requests.json", format: sbom.FormatSPDXJSON, version: "2.3", components: 23,
		envelope: sbom.EnvelopeGitHub, envPointer: "/sbom", subjectPointer: "/sbom/packages/0"},
	{file: "real/syft-11.0.0.syft.json", format: sbom.FormatSyftJSON, version: "11.0.0", components: 1, subjectPointer: "/source"},
	{file: "real/hookz.syft.json", format: sbom.FormatSyftJSON, version: "3.3.1", components: 46, subjectPointer: "/source"},
	{file: "cdx-spec/valid-attestation-1.6.json", format: sbom.FormatCycloneDXJSON, version: "1.6", warnings: []string{sbom.WarnFieldSkipped}},
	{file: "cdx-spec/valid-attestation-1.7.json", format: sbom.FormatCycloneDXJSON, version: "1.7", warnings: []string{sbom.WarnFieldSkipped}},
	{file: "cdx-spec/valid-patent-1.7.json", format: sbom.FormatCycloneDXJSON, version: "1.7", components: 2,
		party:    &sbom.Party{Role: "manufacturer", Kind: "organization", Name: "Acme Inc", URLs: []string{"https://example.com"}, Pointer: "/components/0/manufacturer/name"},
		warnings: []string{sbom.WarnFieldSkipped}},
	{file: "cdx-spec/valid-patent-1.7.xml", format: sbom.FormatCycloneDXXML, version: "1.7", components: 2,
		party: &sbom.Party{Role: "manufacturer", Kind: "organization", Name: "Acme Inc", URLs: []string{"https://example.com"}, Pointer: "/bom/components/component[1]/manufacturer/name"}},
	{file: "cdx-spec/valid-bom-1.0.xml", format: sbom.FormatCycloneDXXML, version: "1.0", components: 3},
	{file: "cdx-spec/valid-component-types-1.1.xml", format: sbom.FormatCycloneDXXML, version: "1.1", components: 6},
	{file: "cdx-spec/valid-metadata-author-1.2.json", format: sbom.FormatCycloneDXJSON, version: "1.2",
		party: &sbom.Party{Role: "author", Kind: "person", Name: "Samantha Wright", Emails: []string{"samantha.wright@example.com"}, Pointer: "/metadata/authors/0/name"}},
	{file: "cdx-spec/valid-component-hashes-1.3.xml", format: sbom.FormatCycloneDXXML, version: "1.3", components: 1},
	{file: "cdx-spec/valid-service-1.5.json", format: sbom.FormatCycloneDXJSON, version: "1.5", components: 2,
		party: &sbom.Party{Role: "publisher", Name: "Acme Inc", Pointer: "/components/0/publisher"}},
}

// leniencyCodes are the warning codes realCase.warnings lists.
var leniencyCodes = []string{sbom.WarnIDUnprefixed, sbom.WarnIDMissing, sbom.WarnActorUntyped, sbom.WarnTagUnknown,
	sbom.WarnTagCase, sbom.WarnTagMisplaced, sbom.WarnLineEndings, sbom.WarnFieldMissing, sbom.WarnFieldMalformed,
	sbom.WarnFieldSkipped, sbom.WarnExternalRefMalformed, sbom.WarnSignatureUnverified, sbom.WarnPredicateType}

// readTestFile reads a file of testdata, gunzipping a .gz file.
func readTestFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

func TestDecodeReal(t *testing.T) {
	t.Parallel()
	for _, tc := range realFiles {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			data := readTestFile(t, tc.file)
			doc, err := sbom.Decode(data, sbom.Options{Name: filepath.Base(tc.file)})
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			got := realCase{file: tc.file, format: doc.Format, version: doc.SpecVersion, components: len(doc.Components)}
			if p := firstParty(doc); p != nil && tc.party != nil {
				got.party = p
			}
			for _, w := range doc.Warnings {
				if slices.Contains(leniencyCodes, w.Code) {
					got.warnings = append(got.warnings, w.Code)
				}
			}
			if doc.Envelope != nil {
				got.envelope, got.envPointer = doc.Envelope.Kind, doc.Envelope.Pointer
			}
			if doc.Subject != nil && tc.subjectPointer != "" {
				got.subjectPointer = doc.Subject.Pointer
			}
			if diff := cmp.Diff(tc, got, cmp.AllowUnexported(realCase{})); diff != "" {
				t.Errorf("Decode mismatch (-want +got):\n%s", diff)
			}
			checkInvariants(t, doc)
			checkEnvelopePointers(t, doc)
			f, v, err := sbom.Identify(data)
			if err != nil || f != tc.format || v != tc.version {
				t.Errorf("Identify = %q, %q, %v; want %q, %q", f, v, err, tc.format, tc.version)
			}
		})
	}
}

// TestRealListed fails when a file is added to testdata/real or
// testdata/cdx-spec without a row in realFiles.
func TestRealListed(t *testing.T) {
	t.Parallel()
	listed := make(map[string]bool)
	for _, tc := range realFiles {
		listed[tc.file] = true
	}
	for _, dir := range []string{"real", "cdx-spec"} {
		entries, err := os.ReadDir(filepath.Join("testdata", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if name := dir + "/" + e.Name(); e.Name() != "SOURCES.md" && !listed[name] {
				t.Errorf("%s has no row in realFiles", name)
			}
		}
	}
}

// TestDecodeRealMatchesUnwrapped checks that an SBOM read from a wrapper
// is the SBOM read bare, its pointers prefixed with the wrapper's.
func TestDecodeRealMatchesUnwrapped(t *testing.T) {
	t.Parallel()
	wrapped := readTestFile(t, "real/trivy-centos-7.cdx.intoto.jsonl")
	statement := readTestFile(t, "real/trivy-centos-7.cdx.statement.json")
	a, err := sbom.Decode(wrapped, sbom.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := sbom.Decode(statement, sbom.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Components) != len(b.Components) {
		t.Fatalf("%d components in the envelope, %d in the statement", len(a.Components), len(b.Components))
	}
	for i := range a.Components {
		if want := "/payload: " + b.Components[i].Pointer; a.Components[i].Pointer != want || a.Components[i].Name != b.Components[i].Name {
			t.Errorf("component %d: %q %q, want %q %q", i, a.Components[i].Name, a.Components[i].Pointer, b.Components[i].Name, want)
		}
	}
}

// errorCase is an input that must fail, the sentinel, and text the
// message must hold (the place, the cause).
type errorCase struct {
	name string
	in   string
	want error
	says []string
}

// TestErrorsNameCauseAndPlace: every refusal says what is wrong and
// where.
func TestErrorsNameCauseAndPlace(t *testing.T) {
	t.Parallel()
	cdx := `{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"a","supplier":"Acme"}]}`
	tests := []errorCase{
		{"screened field of the wrong type", cdx, sbom.ErrInvalid, []string{"at /components/0/supplier", "screened"}},
		{"cyclonedx-go refuses an element", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\">\n<components>\n<component type=\"library\"><name>a</name>\n<licenses><bogus/></licenses></component></components></bom>",
			sbom.ErrInvalid, []string{"(line 4)", "unknown element"}},
		{"spdx json name of the wrong type", `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","packages":[{"SPDXID":"SPDXRef-a","name":5}]}`,
			sbom.ErrInvalid, []string{"at /packages/0/name", "number"}},
		{"malformed json", `{"spdxVersion":"SPDX-2.3","packages":[{"name":x}]}`, sbom.ErrSyntax, []string{"invalid character", "(line 1, byte 46)"}},
		{"in-toto statement whose predicate is no SBOM", `{"_type":"https://in-toto.io/Statement/v1","predicateType":"https://slsa.dev/provenance/v1","subject":[],"predicate":{"buildDefinition":{}}}`,
			sbom.ErrUnknownFormat, []string{"in-toto statement", "at /predicate"}},
		{"dsse payload not base64", `{"payloadType":"application/vnd.in-toto+json","payload":"%%%","signatures":[]}`,
			sbom.ErrInvalid, []string{"DSSE envelope", "at /payload", "base64"}},
		{"predicate with a screened field of the wrong type", `{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://cyclonedx.org/bom","predicate":` + cdx + `}`,
			sbom.ErrInvalid, []string{"in an in-toto statement", "at /predicate/components/0/supplier"}},
		{"tag-value repeated supplier", "SPDXVersion: SPDX-2.3\nPackageName: a\nSPDXID: SPDXRef-a\nPackageSupplier: Organization: A\nPackageSupplier: Organization: B\n",
			sbom.ErrInvalid, []string{"PackageSupplier repeated", "(line 5)"}},
		{"tag-value in a string predicate, truncated", `{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document","predicate":"SPDXVersion: SPDX-2.3\nPackageName: a\nPackageCopyrightText: <text>open"}`,
			sbom.ErrTruncated, []string{"at /predicate: line 3"}},
		{"syft json name of the wrong type", `{"artifacts":[{"id":"a","name":["x"]}],"schema":{"version":"16.0.24"}}`,
			sbom.ErrInvalid, []string{"at /artifacts/0/name"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := sbom.Decode([]byte(tc.in), sbom.Options{Name: "in.json"})
			if doc != nil || !errors.Is(err, tc.want) {
				t.Fatalf("Decode = %v, %v; want %v", doc, err, tc.want)
			}
			msg := err.Error()
			for _, s := range tc.says {
				if !strings.Contains(msg, s) {
					t.Errorf("message %q does not say %q", msg, s)
				}
			}
			if strings.Contains(msg, "rejected by") || strings.ContainsAny(msg, "\n\r") {
				t.Errorf("message %q", msg)
			}
		})
	}
}

// jsonString quotes s as a JSON string.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// b64 encodes s in standard base64.
func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// asDecodeError reports whether err is a *DecodeError, setting *de.
func asDecodeError(err error, de **sbom.DecodeError) bool { return errors.As(err, de) }

// checkEnvelopePointers checks that every pointer of a wrapped document
// starts with the wrapper's pointer, once.
func checkEnvelopePointers(t *testing.T, doc *sbom.Document) {
	t.Helper()
	if doc.Envelope == nil {
		return
	}
	base := doc.Envelope.Pointer
	check := func(what, p string) {
		if p == "" {
			return
		}
		if !strings.HasPrefix(p, base) || strings.Contains(p[len(base):], base) {
			t.Errorf("%s pointer %q is not in %q once", what, p, base)
		}
	}
	comps := doc.Components
	if doc.Subject != nil {
		comps = append(comps[:len(comps):len(comps)], *doc.Subject)
	}
	for _, c := range comps {
		check("component", c.Pointer)
		check("copyright", c.CopyrightPointer)
		for _, p := range c.Parties {
			check("party", p.Pointer)
		}
		for _, r := range c.ExternalRefs {
			check("external ref", r.Pointer)
		}
	}
	for _, p := range doc.Parties {
		check("party", p.Pointer)
	}
}
