package sbom_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/sbom"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// corpusDir holds the real SBOMs shared with the CLI tests.
const corpusDir = "../testdata/sboms"

// corpusCase is what a real SBOM of the corpus must decode to.
type corpusCase struct {
	file       string
	format     sbom.Format
	version    string
	components int
	services   int
	warnings   int
	// party, when set, must be the first party of the first component that
	// has one, or else the first document party.
	party *sbom.Party
	// err, when set, is the expected error: the file is real but cannot be
	// read (see testdata/sboms/SOURCES.md).
	err error
}

// corpus lists every file directly under testdata/sboms. Component counts
// were checked against independent counts (Python over the JSON and XML).
var corpus = []corpusCase{
	{file: "cdx-examples-hbom.json", format: sbom.FormatCycloneDXJSON, version: "1.4", components: 6, party: &sbom.Party{Role: "supplier", Kind: "organization", Name: "Samtec", Pointer: "/components/0/supplier/name"}},
	{file: "cdx-examples-laravel-1.1.xml", format: sbom.FormatCycloneDXXML, version: "1.1", components: 62},
	{file: "cdx-examples-laravel-1.2.json", format: sbom.FormatCycloneDXJSON, version: "1.2", components: 63, party: &sbom.Party{Role: "author", Kind: "person", Name: "Alexander", Pointer: "/components/0/author"}},
	{file: "cdx-examples-laravel-1.3.xml", format: sbom.FormatCycloneDXXML, version: "1.3", components: 63, party: &sbom.Party{Role: "author", Kind: "person", Name: "Alexander", Pointer: "/bom/components/component[1]/author"}},
	{file: "cdx-examples-laravel-1.4.json", format: sbom.FormatCycloneDXJSON, version: "1.4", components: 63, party: &sbom.Party{Role: "author", Kind: "person", Name: "Alexander", Pointer: "/components/0/author"}},
	{file: "cdx-examples-saasbom-services.json", format: sbom.FormatCycloneDXJSON, version: "1.4", components: 6, services: 6},
	{file: "cdx-go-1.0.xml", format: sbom.FormatCycloneDXXML, version: "1.0", components: 3, party: &sbom.Party{Role: "publisher", Kind: "", Name: "Acme Inc", Pointer: "/bom/components/component[1]/publisher"}},
	{file: "cdx-go-1.1.xml", format: sbom.FormatCycloneDXXML, version: "1.1", components: 4, party: &sbom.Party{Role: "publisher", Kind: "", Name: "Acme Inc", Pointer: "/bom/components/component[1]/publisher"}},
	{file: "cdx-go-1.5.json", format: sbom.FormatCycloneDXJSON, version: "1.5", components: 6, services: 1, party: &sbom.Party{Role: "publisher", Kind: "", Name: "Acme Inc", Pointer: "/components/0/publisher"}},
	{file: "cdx-go-bom-1.6.xml", format: sbom.FormatCycloneDXXML, version: "1.6", components: 6, services: 1, party: &sbom.Party{Role: "author", Kind: "person", Name: "Acme Super Heros", Pointer: "/bom/components/component[1]/author"}},
	{file: "cdx-go-component-authors-1.6.json", format: sbom.FormatCycloneDXJSON, version: "1.6", components: 1, party: &sbom.Party{Role: "author", Kind: "person", Name: "Anthony Edward Stark", Pointer: "/components/0/authors/0/name"}},
	{file: "cdx-maven-plugin-dropwizard-1.2.json", format: sbom.FormatCycloneDXJSON, version: "1.2", components: 168, party: &sbom.Party{Role: "publisher", Kind: "", Name: "FasterXML", Pointer: "/components/0/publisher"}},
	{file: "cdx-maven-plugin-dropwizard-1.2.xml", format: sbom.FormatCycloneDXXML, version: "1.2", components: 168, party: &sbom.Party{Role: "publisher", Kind: "", Name: "FasterXML", Pointer: "/bom/components/component[1]/publisher"}},
	{file: "cdx-spec-1.7-component-ref.json", format: sbom.FormatCycloneDXJSON, version: "1.7", components: 3},
	{file: "cdx-spec-1.7-metadata-manufacturer.json", format: sbom.FormatCycloneDXJSON, version: "1.7", components: 0, party: &sbom.Party{Role: "manufacturer", Kind: "organization", Name: "Acme, Inc.", Pointer: "/metadata/manufacturer/name"}},
	{file: "cdxgen-java-1.5.json", format: sbom.FormatCycloneDXJSON, version: "1.5", components: 89, party: &sbom.Party{Role: "publisher", Kind: "", Name: "Pivotal Software, Inc.", Pointer: "/components/0/publisher"}},
	{file: "cyclonedx-npm-bundled-1.5.xml", format: sbom.FormatCycloneDXXML, version: "1.5", components: 55, party: &sbom.Party{Role: "author", Kind: "person", Name: "Gajus Kuizinas", Pointer: "/bom/components/component[1]/author"}},
	{file: "cyclonedx-npm-bundled-1.6.json", format: sbom.FormatCycloneDXJSON, version: "1.6", components: 55, party: &sbom.Party{Role: "author", Kind: "person", Name: "Gajus Kuizinas", Pointer: "/components/0/author"}},
	{file: "mislabelled-json.spdx", format: sbom.FormatSPDXJSON, version: "2.3", components: 3, warnings: 1, party: &sbom.Party{Role: "creator", Kind: "organization", Name: "Anchore, Inc", Pointer: "/creationInfo/creators/0"}},
	{file: "mislabelled-tagvalue.json", format: sbom.FormatSPDXTagValue, version: "2.2", components: 2, party: &sbom.Party{Role: "creator", Kind: "person", Name: "Steve Winslow", Pointer: "line 6"}},
	{file: "redhat-delve-rpm.cdx.json", format: sbom.FormatCycloneDXJSON, version: "1.6", components: 28, party: &sbom.Party{Role: "supplier", Kind: "organization", Name: "Red Hat", Pointer: "/metadata/supplier/name"}},
	{file: "redhat-delve-rpm.spdx.json", format: sbom.FormatSPDXJSON, version: "2.3", components: 28, party: &sbom.Party{Role: "supplier", Kind: "organization", Name: "Red Hat", Pointer: "/packages/23/supplier"}},
	{file: "redhat-rhel-9.2-product.cdx.json", format: sbom.FormatCycloneDXJSON, version: "1.6", components: 4, party: &sbom.Party{Role: "supplier", Kind: "organization", Name: "Red Hat", Pointer: "/components/0/supplier/name"}},
	{file: "redhat-ubi9-micro-amd64.spdx.json", format: sbom.FormatSPDXJSON, version: "2.3", components: 22, party: &sbom.Party{Role: "supplier", Kind: "organization", Name: "Red Hat", Pointer: "/packages/0/supplier"}},
	{file: "sbom-tool-manifest-2.2.spdx.json", format: sbom.FormatSPDXJSON, version: "2.2", components: 267, party: &sbom.Party{Role: "supplier", Kind: "organization", Name: "Microsoft", Pointer: "/packages/0/supplier"}},
	{file: "sbom-tool-manifest-3.0.spdx.json", format: sbom.FormatSPDX3JSONLD, version: "3.0.1", components: 268, party: &sbom.Party{Role: "supplier", Kind: "organization", Name: "Microsoft", Pointer: "/@graph/5/suppliedBy"}},
	{file: "spdx-hello.spdx", format: sbom.FormatSPDXTagValue, version: "2.2", components: 2, party: &sbom.Party{Role: "creator", Kind: "person", Name: "Steve Winslow", Pointer: "line 6"}},
	// The SPDX 2.2 specification's own example puts a snippet right after a
	// package, which tools-golang's tag-value reader refused; it reads as
	// its JSON twin does.
	{file: "spdx-spec-2.2.spdx", format: sbom.FormatSPDXTagValue, version: "2.2", components: 9, party: &sbom.Party{Role: "supplier", Kind: "person", Name: "Jane Doe", Pointer: "line 75"}},
	{file: "spdx-spec-2.2.spdx.json", format: sbom.FormatSPDXJSON, version: "2.2", components: 9, party: &sbom.Party{Role: "supplier", Kind: "person", Name: "Jane Doe", Pointer: "/packages/0/supplier"}},
	{file: "spdx-spec-2.2.spdx.xml", format: sbom.FormatSPDXXML, version: "2.2", components: 9, party: &sbom.Party{Role: "supplier", Kind: "person", Name: "Jane Doe", Pointer: "/Document/packages[1]/supplier"}},
	{file: "spdx-spec-2.3.spdx.xml", format: sbom.FormatSPDXXML, version: "2.3", components: 9, party: &sbom.Party{Role: "supplier", Kind: "person", Name: "Jane Doe", Pointer: "/Document/packages[1]/supplier"}},
	{file: "spdx-spec-2.2.spdx.rdf", format: sbom.FormatSPDXRDF, version: "2.2", components: 7, party: &sbom.Party{Role: "supplier", Kind: "person", Name: "Jane Doe", Pointer: "/rdf:RDF/spdx:Snippet[1]/spdx:range[1]/StartEndPointer[1]/endPointer[1]/ByteOffsetPointer[1]/reference[1]/spdx:File[1]/spdx:fileDependency[1]/spdx:File[1]/spdx:relationship[1]/spdx:Relationship[1]/spdx:relatedSpdxElement[1]/spdx:Package[1]/spdx:supplier[1]"}},
	{file: "spdx-spec-2.2.spdx.yaml", format: sbom.FormatSPDXYAML, version: "2.2", components: 9, party: &sbom.Party{Role: "supplier", Kind: "person", Name: "Jane Doe", Pointer: "/packages/0/supplier"}},
	{file: "spdx-spec-2.3.spdx", format: sbom.FormatSPDXTagValue, version: "2.3", components: 9, party: &sbom.Party{Role: "supplier", Kind: "person", Name: "Jane Doe", Pointer: "line 106"}},
	{file: "spdx-spec-2.3.spdx.json", format: sbom.FormatSPDXJSON, version: "2.3", components: 10, party: &sbom.Party{Role: "supplier", Kind: "person", Name: "Jane Doe", Pointer: "/packages/0/supplier"}},
	{file: "spdx-spec-2.3.spdx.yaml", format: sbom.FormatSPDXYAML, version: "2.3", components: 10, party: &sbom.Party{Role: "supplier", Kind: "person", Name: "Jane Doe", Pointer: "/packages/0/supplier"}},
	{file: "syft-dir.cdx.xml", format: sbom.FormatCycloneDXXML, version: "1.7", components: 4, warnings: 1},
	{file: "syft-image.cdx.json", format: sbom.FormatCycloneDXJSON, version: "1.7", components: 4, warnings: 1},
	{file: "syft-image.spdx.json", format: sbom.FormatSPDXJSON, version: "2.3", components: 3, warnings: 1, party: &sbom.Party{Role: "creator", Kind: "organization", Name: "Anchore, Inc", Pointer: "/creationInfo/creators/0"}},
	{file: "syft-relationships.spdx", format: sbom.FormatSPDXTagValue, version: "2.3", components: 3, warnings: 1, party: &sbom.Party{Role: "creator", Kind: "organization", Name: "Anchore, Inc", Pointer: "line 7"}},
	{file: "trivy-conda.spdx.json", format: sbom.FormatSPDXJSON, version: "2.3", components: 3, party: &sbom.Party{Role: "creator", Kind: "organization", Name: "aquasecurity", Pointer: "/creationInfo/creators/0"}},
	{file: "trivy-npm.cdx.json", format: sbom.FormatCycloneDXJSON, version: "1.7", components: 14},
	{file: "trivy-pom.cdx.json", format: sbom.FormatCycloneDXJSON, version: "1.7", components: 4},
}

func TestDecodeCorpus(t *testing.T) {
	t.Parallel()
	for _, tc := range corpus {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(filepath.Join(corpusDir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := sbom.Decode(data, sbom.Options{Name: tc.file})
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("Decode error = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			got := corpusCase{file: tc.file, format: doc.Format, version: doc.SpecVersion,
				components: len(doc.Components), services: doc.Services, warnings: len(doc.Warnings)}
			if p := firstParty(doc); p != nil && tc.party != nil {
				got.party = &sbom.Party{Role: p.Role, Kind: p.Kind, Name: p.Name, Pointer: p.Pointer}
			}
			if diff := cmp.Diff(tc, got, cmp.AllowUnexported(corpusCase{})); diff != "" {
				t.Errorf("Decode mismatch (-want +got):\n%s", diff)
			}
			checkInvariants(t, doc)

			f, v, err := sbom.Identify(data)
			if err != nil || f != tc.format || v != tc.version {
				t.Errorf("Identify = %q, %q, %v; want %q, %q", f, v, err, tc.format, tc.version)
			}
		})
	}
}

// firstParty returns the first party of the first component with one, or
// the first document party.
func firstParty(doc *sbom.Document) *sbom.Party {
	for i := range doc.Components {
		if len(doc.Components[i].Parties) > 0 {
			return &doc.Components[i].Parties[0]
		}
	}
	if len(doc.Parties) > 0 {
		return &doc.Parties[0]
	}
	return nil
}

// checkInvariants checks what every decoded document must satisfy.
func checkInvariants(t *testing.T, doc *sbom.Document) {
	t.Helper()
	for i, c := range doc.Components {
		// "" is the pointer of the whole document, which only an SPDX 3
		// document of one element is.
		if c.Ref == "" || (c.Pointer == "" && (doc.Format != sbom.FormatSPDX3JSONLD || len(doc.Components) != 1)) {
			t.Errorf("component %d: empty ref or pointer: %+v", i, c)
		}
		for _, p := range c.Parties {
			if p.Pointer == "" || p.Role == "" {
				t.Errorf("component %d: party without pointer or role: %+v", i, p)
			}
			if p.Kind != "" && p.Kind != sbom.KindOrganization && p.Kind != sbom.KindPerson {
				t.Errorf("component %d: party kind %q", i, p.Kind)
			}
		}
		if c.Copyright != "" && c.CopyrightPointer == "" {
			t.Errorf("component %d: copyright without pointer", i)
		}
	}
	for _, w := range doc.Warnings {
		if w.Code == "" || w.Pointer == "" || w.Message == "" {
			t.Errorf("incomplete warning %+v", w)
		}
	}
}

// TestCorpusListed fails when a file is added to testdata/sboms (or bad/)
// without a row in the tables, so that no file goes untested.
func TestCorpusListed(t *testing.T) {
	t.Parallel()
	check := func(dir string, listed map[string]bool) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() || e.Name() == "SOURCES.md" {
				continue
			}
			if !listed[e.Name()] {
				t.Errorf("%s/%s has no test row", filepath.Base(dir), e.Name())
			}
		}
	}
	good := make(map[string]bool)
	for _, tc := range corpus {
		good[tc.file] = true
	}
	bad := make(map[string]bool)
	for _, tc := range badFiles {
		bad[tc.file] = true
	}
	check(corpusDir, good)
	check(filepath.Join(corpusDir, "bad"), bad)
}

// badFiles maps each file in testdata/sboms/bad to its error.
var badFiles = []struct {
	file   string
	want   error
	format sbom.Format
}{
	{"binary-junk.bin", sbom.ErrInvalidUTF8, ""},
	{"cdx-bomformat-wrong.json", sbom.ErrInvalid, sbom.FormatCycloneDXJSON},
	{"cdx-duplicate-supplier.json", sbom.ErrInvalid, sbom.FormatCycloneDXJSON},
	{"cdx-duplicate-supplier.xml", sbom.ErrInvalid, sbom.FormatCycloneDXXML},
	{"spdx-tv-repeated-supplier.spdx", sbom.ErrInvalid, sbom.FormatSPDXTagValue},
	{"spdx-yaml-repeated-key.spdx.yaml", sbom.ErrSyntax, sbom.FormatSPDXYAML},
	{"cdx-missing-bomformat.json", sbom.ErrInvalid, sbom.FormatCycloneDXJSON},
	{"cdx-missing-specversion.json", sbom.ErrInvalid, sbom.FormatCycloneDXJSON},
	{"cdx-spec-2.0.json", sbom.ErrUnsupported, sbom.FormatCycloneDXJSON},
	{"cdx-wrong-type.json", sbom.ErrInvalid, sbom.FormatCycloneDXJSON},
	{"empty.json", sbom.ErrEmpty, ""},
	{"invalid-utf8.cdx.json", sbom.ErrInvalidUTF8, ""},
	{"json-array.json", sbom.ErrUnknownFormat, ""},
	{"not-an-sbom.html", sbom.ErrUnknownFormat, ""},
	{"not-an-sbom.json", sbom.ErrUnknownFormat, ""},
	{"not-an-sbom.txt", sbom.ErrUnknownFormat, ""},
	{"spdx-missing-version.spdx.json", sbom.ErrInvalid, sbom.FormatSPDXJSON},
	{"spdx-tv-missing-version.spdx", sbom.ErrInvalid, sbom.FormatSPDXTagValue},
	{"spdx-tv-no-colon.spdx", sbom.ErrSyntax, sbom.FormatSPDXTagValue},
	{"spdx-tv-unterminated-text.spdx", sbom.ErrTruncated, sbom.FormatSPDXTagValue},
	{"spdx-version-3.spdx.json", sbom.ErrUnsupported, sbom.FormatSPDXJSON},
	{"spdx-yaml-missing-version.spdx.yaml", sbom.ErrInvalid, sbom.FormatSPDXYAML},
	{"spdx-yaml-two-documents.spdx.yaml", sbom.ErrTrailingData, sbom.FormatSPDXYAML},
	{"trailing-garbage.cdx.json", sbom.ErrTrailingData, sbom.FormatCycloneDXJSON},
	{"trailing-garbage.cdx.xml", sbom.ErrTrailingData, sbom.FormatCycloneDXXML},
	{"trailing-second-object.cdx.json", sbom.ErrTrailingData, sbom.FormatCycloneDXJSON},
	{"truncated-in-string.cdx.json", sbom.ErrTruncated, sbom.FormatCycloneDXJSON},
	{"truncated.cdx.json", sbom.ErrTruncated, sbom.FormatCycloneDXJSON},
	{"truncated.cdx.xml", sbom.ErrTruncated, sbom.FormatCycloneDXXML},
	{"utf16.cdx.json", sbom.ErrInvalidUTF8, ""},
	{"utf16-lone-surrogate.cdx.json", sbom.ErrInvalidUTF8, ""},
	{"whitespace.cdx.json", sbom.ErrEmpty, ""},
	{"xml-bom-no-namespace.xml", sbom.ErrInvalid, sbom.FormatCycloneDXXML},
}

func TestDecodeBadFiles(t *testing.T) {
	t.Parallel()
	for _, tc := range badFiles {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(filepath.Join(corpusDir, "bad", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := sbom.Decode(data, sbom.Options{Name: tc.file})
			if doc != nil || !errors.Is(err, tc.want) {
				t.Fatalf("Decode = %v, %v; want nil, %v", doc, err, tc.want)
			}
			var de *sbom.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %T is not a *DecodeError", err)
			}
			if de.Format != tc.format {
				t.Errorf("DecodeError.Format = %q, want %q", de.Format, tc.format)
			}
			checkMessage(t, err, tc.file, data)
		})
	}
}

// checkMessage checks that an error message is one line, names the file
// and quotes no run of 16 bytes of the input outside the pointer (made of
// the input's member names by design).
func checkMessage(t *testing.T, err error, name string, input []byte) {
	t.Helper()
	msg := err.Error()
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("message has several lines: %q", msg)
	}
	if !strings.Contains(msg, name) {
		t.Errorf("message %q does not name %q", msg, name)
	}
	rest := strings.Replace(msg, name, "", 1)
	var de *sbom.DecodeError
	if errors.As(err, &de) && de.Pointer != "" {
		rest = strings.Replace(rest, de.Pointer, "", 1)
	}
	const window = 16
	for i := 0; i+window <= len(rest); i++ {
		if bytes.Contains(input, []byte(rest[i:i+window])) {
			t.Errorf("message %q quotes the input (%q)", msg, rest[i:i+window])
			return
		}
	}
}

// TestDecodeGenerated covers hostile inputs built in the test: nesting
// bombs in each encoding, and the limits in Options.
func TestDecodeGenerated(t *testing.T) {
	t.Parallel()
	const bomb = 50 << 20 // 50 MB of nesting
	cdxHead := `{"bomFormat":"CycloneDX","specVersion":"1.5","components":`
	rdfHead := `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:spdx="http://spdx.org/rdf/terms#">` +
		`<spdx:specVersion>SPDX-2.3</spdx:specVersion>`
	tests := []struct {
		name string
		data func() []byte
		opts sbom.Options
		want error
	}{
		{"json array bomb", func() []byte {
			return append([]byte(cdxHead), bytes.Repeat([]byte("["), bomb)...)
		}, sbom.Options{}, sbom.ErrTooDeep},
		{"json object bomb", func() []byte {
			return append([]byte(cdxHead+"["), bytes.Repeat([]byte(`{"components":[`), bomb/15)...)
		}, sbom.Options{}, sbom.ErrTooDeep},
		{"top-level array bomb", func() []byte { return bytes.Repeat([]byte("["), bomb) }, sbom.Options{}, sbom.ErrUnknownFormat},
		{"xml bomb", func() []byte {
			return append([]byte(`<bom xmlns="http://cyclonedx.org/schema/bom/1.5">`), bytes.Repeat([]byte("<a>"), bomb/3)...)
		}, sbom.Options{}, sbom.ErrTooDeep},
		{"rdf bomb", func() []byte {
			return append([]byte(rdfHead), bytes.Repeat([]byte("<x>"), 1<<20)...)
		}, sbom.Options{}, sbom.ErrTooDeep},
		{"yaml flow bomb", func() []byte {
			return append([]byte("spdxVersion: SPDX-2.3\npackages: "), bytes.Repeat([]byte("["), bomb)...)
		}, sbom.Options{}, sbom.ErrTooDeep},
		{"yaml indentation bomb", func() []byte {
			var b bytes.Buffer
			b.WriteString("spdxVersion: SPDX-2.3\nx:\n")
			for i := 1; i < 400; i++ {
				b.WriteString(strings.Repeat("  ", i) + "x:\n")
			}
			return b.Bytes()
		}, sbom.Options{}, sbom.ErrTooDeep},
		{"nesting beyond a lower MaxDepth", func() []byte {
			return []byte(cdxHead + `[{"name":"a","components":[{"name":"b","components":[{"name":"c"}]}]}]}`)
		}, sbom.Options{MaxDepth: 5}, sbom.ErrTooDeep},
		{"too many components", func() []byte {
			return []byte(cdxHead + `[{"name":"a"},{"name":"b"},{"name":"c","components":[{"name":"d"}]}]}`)
		}, sbom.Options{MaxComponents: 3}, sbom.ErrTooManyComponents},
		{"too many packages", func() []byte {
			return []byte(`{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","packages":[{"name":"a","SPDXID":"SPDXRef-a"},{"name":"b","SPDXID":"SPDXRef-b"}]}`)
		}, sbom.Options{MaxComponents: 1}, sbom.ErrTooManyComponents},
		{"json syntax error", func() []byte { return []byte(cdxHead + `[{"name": }]}`) }, sbom.Options{}, sbom.ErrSyntax},
		{"mismatched bracket", func() []byte { return []byte(cdxHead + `[{"name":"a"]]}`) }, sbom.Options{}, sbom.ErrSyntax},
		{"cdx specVersion not a string", func() []byte { return []byte(`{"bomFormat":"CycloneDX","specVersion":1.5}`) }, sbom.Options{}, sbom.ErrInvalid},
		{"cdx unknown specVersion", func() []byte { return []byte(`{"bomFormat":"CycloneDX","specVersion":"1.9"}`) }, sbom.Options{}, sbom.ErrInvalid},
		{"only components", func() []byte { return []byte(`{"components":[]}`) }, sbom.Options{}, sbom.ErrInvalid},
		{"spdx 1.2", func() []byte { return []byte(`{"spdxVersion":"SPDX-1.2"}`) }, sbom.Options{}, sbom.ErrUnsupported},
		{"cdx xml 2.0", func() []byte { return []byte(`<bom xmlns="http://cyclonedx.org/schema/bom/2.0"></bom>`) }, sbom.Options{}, sbom.ErrUnsupported},
		{"rdf without spdx", func() []byte {
			return []byte(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>`)
		}, sbom.Options{}, sbom.ErrUnknownFormat},
		{"rdf 2.1", func() []byte {
			return []byte(strings.Replace(rdfHead, "SPDX-2.3", "SPDX-2.1", 1) + `</rdf:RDF>`)
		}, sbom.Options{}, sbom.ErrUnsupported},
		{"xml prolog only", func() []byte { return []byte(`<?xml version="1.0"?>`) }, sbom.Options{}, sbom.ErrTruncated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			data := tc.data()
			doc, err := sbom.Decode(data, tc.opts)
			if doc != nil || !errors.Is(err, tc.want) {
				t.Fatalf("Decode = %v, %v; want nil, %v", doc, err, tc.want)
			}
		})
	}
}

// TestDecodeConversion checks the conversion of every field on small
// documents written for the purpose.
func TestDecodeConversion(t *testing.T) {
	t.Parallel()
	cdxJSON := `{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{
  "supplier":{"name":"Meta Supplier Ltd","url":["https://meta.example"]},
  "manufacture":{"name":"Old Manufacture GmbH"},
  "component":{"bom-ref":"app","name":"app","type":"application","publisher":"App Publisher"}},
 "components":[
  {"bom-ref":"a","name":"a","version":"1","type":"library","group":"com.example",
   "purl":"pkg:maven/com.example/a@1","cpe":"cpe:2.3:a:example:a:1:*:*:*:*:*:*:*",
   "supplier":{"name":"Example Ltd","url":["https://example.com"],"contact":[{"name":"Ann Smith","email":"ann@example.com"}]},
   "manufacturer":{"name":"Maker Inc"},
   "authors":[{"name":"Bob Jones","email":"bob@example.org"}],
   "author":"Carol","publisher":"Pub Co","copyright":"(c) Example",
   "hashes":[{"alg":"SHA-256","content":"abc"}],
   "licenses":[{"license":{"id":"MIT"}},{"expression":"Apache-2.0 OR MIT"}],
   "properties":[{"name":"p","value":"v"}],
   "externalReferences":[{"type":"vcs","url":"https://git.example/a"}],
   "components":[{"bom-ref":"a/b","name":"b","components":[{"name":"c"}]}]},
  {"bom-ref":"a","name":"","purl":"not-a-purl","cpe":"cpe:2.3:a:broken"}],
 "services":[{"name":"s1","services":[{"name":"s2"}]}],
 "dependencies":[{"ref":"a","dependsOn":["a/b"]},{"ref":"a/b"}]}`
	doc, err := sbom.Decode([]byte(cdxJSON), sbom.Options{Name: "t.json"})
	if err != nil {
		t.Fatal(err)
	}
	want := &sbom.Document{
		Format: sbom.FormatCycloneDXJSON, SpecVersion: "1.6",
		Subject: &sbom.Component{Ref: "app", Pointer: "/metadata/component", Name: "app", Type: "application",
			Parties: []sbom.Party{{Role: "publisher", Name: "App Publisher", Pointer: "/metadata/component/publisher"}}},
		Parties: []sbom.Party{
			{Role: "supplier", Kind: "organization", Name: "Meta Supplier Ltd", URLs: []string{"https://meta.example"}, Pointer: "/metadata/supplier/name"},
			{Role: "manufacturer", Kind: "organization", Name: "Old Manufacture GmbH", Pointer: "/metadata/manufacture/name"},
		},
		Components: []sbom.Component{
			{Ref: "a", Pointer: "/components/0", Name: "a", Version: "1", Type: "library", Group: "com.example",
				PURL: "pkg:maven/com.example/a@1", CPEs: []string{"cpe:2.3:a:example:a:1:*:*:*:*:*:*:*"},
				Parties: []sbom.Party{
					{Role: "supplier", Kind: "organization", Name: "Example Ltd", URLs: []string{"https://example.com"}, Emails: []string{"ann@example.com"}, Pointer: "/components/0/supplier/name"},
					{Role: "supplier", Kind: "person", Name: "Ann Smith", Emails: []string{"ann@example.com"}, Pointer: "/components/0/supplier/contact/0/name"},
					{Role: "manufacturer", Kind: "organization", Name: "Maker Inc", Pointer: "/components/0/manufacturer/name"},
					{Role: "author", Kind: "person", Name: "Bob Jones", Emails: []string{"bob@example.org"}, Pointer: "/components/0/authors/0/name"},
					{Role: "author", Kind: "person", Name: "Carol", Pointer: "/components/0/author"},
					{Role: "publisher", Name: "Pub Co", Pointer: "/components/0/publisher"},
				},
				Copyright: "(c) Example", CopyrightPointer: "/components/0/copyright",
				Hashes:       []sbom.Hash{{Algorithm: "SHA-256", Value: "abc"}},
				Licenses:     []string{"MIT", "Apache-2.0 OR MIT"},
				Properties:   []sbom.Property{{Name: "p", Value: "v"}},
				ExternalRefs: []sbom.ExternalRef{{Type: "vcs", URL: "https://git.example/a", Pointer: "/components/0/externalReferences/0/url"}},
			},
			{Ref: "a/b", Pointer: "/components/0/components/0", Name: "b", Path: []string{"a"}},
			{Ref: "/components/0/components/0/components/0", Pointer: "/components/0/components/0/components/0", Name: "c", Path: []string{"a", "a/b"}},
			{Ref: "a", Pointer: "/components/1", PURL: "not-a-purl", CPEs: []string{"cpe:2.3:a:broken"}},
			{Ref: "/services/0", Pointer: "/services/0", Name: "s1", Type: "service", Section: sbom.SectionServices},
			{Ref: "/services/0/services/0", Pointer: "/services/0/services/0", Name: "s2", Type: "service",
				Path: []string{"/services/0"}, Section: sbom.SectionServices},
		},
		Services:     2,
		Dependencies: map[string][]string{"a": {"a/b"}, "a/b": {}},
		Warnings: []sbom.Warning{
			{Code: "duplicate-ref", Message: "bom-ref already used by the component at /components/0", Pointer: "/components/1"},
			{Code: "component-unnamed", Message: "component has no name", Pointer: "/components/1"},
			{Code: "purl-invalid", Message: "purl does not parse: missing pkg: scheme", Pointer: "/components/1/purl"},
			{Code: "cpe-invalid", Message: "CPE does not parse: 2 attributes, want 11", Pointer: "/components/1/cpe"},
		},
	}
	if diff := cmp.Diff(want, doc); diff != "" {
		t.Errorf("CycloneDX conversion (-want +got):\n%s", diff)
	}

	tv := "SPDXVersion: SPDX-2.1\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: d\n" +
		"DocumentNamespace: https://example.com/d\nCreator: Tool: gen-1.0\nCreator: Organization: Example Org (spdx@example.com)\n" +
		"Created: 2020-01-01T00:00:00Z\n\n" +
		"PackageName: p\nSPDXID: SPDXRef-p\nPackageVersion: 2\nPackageSupplier: Organization: Huawei Technologies Co., Ltd. (psirt@huawei.com)\n" +
		"PackageOriginator: NOASSERTION\nPackageDownloadLocation: NOASSERTION\nFilesAnalyzed: false\n" +
		"PackageCopyrightText: <text>Copyright\nExample</text>\n" +
		"ExternalRef: PACKAGE-MANAGER purl pkg:npm/%40scope/p@2\nExternalRef: SECURITY cpe23Type cpe:2.3:a:huawei:p:2:*:*:*:*:*:*:*\n" +
		"PackageLicenseDeclared: MIT\nPackageLicenseConcluded: NOASSERTION\n\n" +
		"PackageName: q\nSPDXID: SPDXRef-q\nPackageDownloadLocation: https://example.com/q.tgz\nFilesAnalyzed: false\n" +
		"PackageSupplier: Person: Jane Roe\n\n" +
		"Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-p\nRelationship: SPDXRef-p DEPENDS_ON SPDXRef-q\n" +
		"Relationship: SPDXRef-q DEPENDENCY_OF SPDXRef-p\nRelationship: SPDXRef-p CONTAINS SPDXRef-q\n"
	doc, err = sbom.Decode([]byte(tv), sbom.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := sbom.Component{Ref: "SPDXRef-p", Pointer: "line 10", Name: "p", Version: "2",
		PURL: "pkg:npm/%40scope/p@2", CPEs: []string{"cpe:2.3:a:huawei:p:2:*:*:*:*:*:*:*"},
		Parties:   []sbom.Party{{Role: "supplier", Kind: "organization", Name: "Huawei Technologies Co., Ltd.", Emails: []string{"psirt@huawei.com"}, Pointer: "line 13"}},
		Copyright: "Copyright\nExample", CopyrightPointer: "line 17", Licenses: []string{"MIT"}}
	wantTV := &sbom.Document{
		Format: sbom.FormatSPDXTagValue, SpecVersion: "2.1", Subject: &p,
		Parties: []sbom.Party{{Role: "creator", Kind: "organization", Name: "Example Org", Emails: []string{"spdx@example.com"}, Pointer: "line 7"}},
		Components: []sbom.Component{p, {Ref: "SPDXRef-q", Pointer: "line 24", Name: "q",
			Parties:      []sbom.Party{{Role: "supplier", Kind: "person", Name: "Jane Roe", Pointer: "line 28"}},
			ExternalRefs: []sbom.ExternalRef{{Type: "download", URL: "https://example.com/q.tgz", Pointer: "line 26"}}}},
		Dependencies: map[string][]string{"SPDXRef-p": {"SPDXRef-q"}},
	}
	if diff := cmp.Diff(wantTV, doc); diff != "" {
		t.Errorf("SPDX tag-value conversion (-want +got):\n%s", diff)
	}
}

// goldenFiles are decoded and compared in full with testdata/golden.
var goldenFiles = []string{
	"cdx-go-bom-1.6.xml",
	"cdx-go-1.5.json",
	"cdx-spec-1.7-component-ref.json",
	"redhat-rhel-9.2-product.cdx.json",
	"spdx-spec-2.3.spdx",
	"spdx-spec-2.3.spdx.json",
	"spdx-spec-2.2.spdx.yaml",
	"spdx-spec-2.2.spdx.rdf",
	"syft-image.spdx.json",
}

func TestDecodeGolden(t *testing.T) {
	t.Parallel()
	for _, name := range goldenFiles {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(filepath.Join(corpusDir, name))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := sbom.Decode(data, sbom.Options{Name: name})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("golden mismatch for %s (-want +got):\n%s", name, diff)
			}
		})
	}
}

func TestDecodeUTF8ByteOrderMark(t *testing.T) {
	t.Parallel()
	data := append([]byte{0xEF, 0xBB, 0xBF}, `{"bomFormat":"CycloneDX","specVersion":"1.4","components":[{"name":"a"}]}`...)
	doc, err := sbom.Decode(data, sbom.Options{})
	if err != nil || len(doc.Components) != 1 {
		t.Fatalf("Decode with a byte order mark = %v, %v", doc, err)
	}
}

func TestDecodeRDFSmall(t *testing.T) {
	t.Parallel()
	doc, err := sbom.Decode([]byte(smallRDF), sbom.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const pkg = "/rdf:RDF/spdx:SpdxDocument[1]/spdx:relationship[1]/spdx:Relationship[1]/spdx:relatedSpdxElement[1]/spdx:Package[1]"
	p := sbom.Component{Ref: "SPDXRef-p", Pointer: pkg, Name: "p", PURL: "pkg:npm/p@1",
		Parties:  []sbom.Party{{Role: "supplier", Kind: "organization", Name: "Vendor", Pointer: pkg + "/spdx:supplier[1]"}},
		Licenses: []string{"MIT AND 0BSD"}}
	want := &sbom.Document{
		Format: sbom.FormatSPDXRDF, SpecVersion: "2.3", Subject: &p,
		Parties: []sbom.Party{{Role: "creator", Kind: "organization", Name: "Example", Emails: []string{"a@example.com"},
			Pointer: "/rdf:RDF/spdx:SpdxDocument[1]/spdx:creationInfo[1]/spdx:CreationInfo[1]/spdx:creator[1]"}},
		Components: []sbom.Component{p},
	}
	if diff := cmp.Diff(want, doc); diff != "" {
		t.Errorf("RDF conversion (-want +got):\n%s", diff)
	}
}

// TestDecodeOldCycloneDXJSON: CycloneDX defined JSON from 1.2 on; a JSON
// file declaring 1.0 or 1.1 has the same shape and is read as declared.
func TestDecodeOldCycloneDXJSON(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"1.0", "1.1"} {
		data := `{"bomFormat":"CycloneDX","specVersion":"` + v + `","components":[{"type":"library","name":"a","publisher":"P"}]}`
		doc, err := sbom.Decode([]byte(data), sbom.Options{})
		if err != nil || doc.SpecVersion != v || len(doc.Components) != 1 || len(doc.Components[0].Parties) != 1 {
			t.Errorf("Decode(CycloneDX JSON %s) = %+v, %v", v, doc, err)
		}
	}
}

// TestDecodeTypeErrorPointer: a field of the wrong type is located by its
// JSON pointer, also when the library decodes each package on its own and
// reports an offset into the package rather than the file.
func TestDecodeTypeErrorPointer(t *testing.T) {
	t.Parallel()
	tests := []struct{ doc, msg string }{
		{`{"spdxVersion": "SPDX-2.3", "packages": [{"name": "a"}, {"name": "b", "versionInfo": 7}]}`,
			"decode p.json: SPDX 2.3 JSON: invalid document: a JSON number where SPDX JSON has a string at /packages/1/versionInfo (line 1, byte 86)"},
		{"{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\",\n\"components\": [{\"name\": \"a\", \"version\": 2}]}",
			"decode p.json: CycloneDX 1.5 JSON: invalid document: a JSON number where CycloneDX JSON has a string, in a field that is screened at /components/0/version (line 2, byte 90)"},
		// A value of the wrong type that is not screened (version) is
		// skipped and the text decoded again re-encoded: the offset of
		// the screened one then counts in that text, so the line is the
		// pointer's.
		{"{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\", \"version\": \"1.0.0\",\n\"metadata\": {\"supplier\": {\"name\": \"S\"}},\n\"components\": [\n {\"name\": \"a\",\n  \"supplier\": {\"name\": \"S\", \"url\": \"s.example\"}}]}",
			"decode p.json: CycloneDX 1.4 JSON: invalid document: a JSON string where CycloneDX JSON has an array, in a field that is screened at /components/0/supplier/url (line 5)"},
	}
	for _, tc := range tests {
		_, err := sbom.Decode([]byte(tc.doc), sbom.Options{Name: "p.json"})
		if err == nil || err.Error() != tc.msg {
			t.Errorf("message\n got %v\nwant %s", err, tc.msg)
		}
	}
}
