package sbom_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/bangate/bangate/sbom"
)

// readTestdata reads a file of testdata, gunzipped when it ends in .gz.
func readTestdata(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".gz") {
		r, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if data, err = io.ReadAll(r); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

// spdx3Case is what a real SPDX 3 file must decode to. The counts of
// components, suppliers, originators, purls and copyrights were checked
// against independent counts (Python over the JSON).
type spdx3Case struct {
	file                                  string
	components, docParties, deps, warns   int
	suppliers, originators, purls, copies int
	subject                               string
	// party is the first party of the first component that has one, or
	// else the first document party.
	party sbom.Party
}

// spdx3Cases are the SPDX project's own 3.0.1 examples (spdx-examples,
// spdx-spec), real Yocto output and real Microsoft sbom-tool output (see
// testdata/SOURCES.md).
var spdx3Cases = []spdx3Case{
	{file: "spdx3/spdx-examples-ai-example02.spdx3.json", components: 17, docParties: 1, deps: 4, copies: 1,
		subject: "Sentiment Demo: A Simple AI Application and its AI BOM Example",
		party:   sbom.Party{Role: "creator", Kind: "person", Name: "Arthit Suriyawongkul", URLs: []string{"https://github.com/bact/", "https://orcid.org/0000-0002-9698-1899"}, Emails: []string{"suriyawa@tcd.ie"}, Pointer: "/@graph/0/createdBy/0"}},
	{file: "spdx3/spdx-examples-dataset-example01.spdx3.json", components: 3, docParties: 1, deps: 1, suppliers: 1, originators: 3, copies: 1,
		subject: "Our World in Data CO2 and Greenhouse Gas Emissions dataset",
		party:   sbom.Party{Role: "supplier", Kind: "organization", Name: "Our World in Data", URLs: []string{"https://github.com/owid/"}, Pointer: "/@graph/5/suppliedBy"}},
	{file: "spdx3/spdx-examples-software-example1.spdx3.json", components: 4, docParties: 3, deps: 1, copies: 1, subject: "hello",
		party: sbom.Party{Role: "creator", Kind: "person", Name: "Steve Winslow", Emails: []string{"steve@swinslow.net"}, Pointer: "/@graph/0/createdBy/0"}},
	{file: "spdx3/spdx-examples-software-example10-hello-source.spdx3.json", components: 6, docParties: 2, deps: 1, originators: 1, copies: 1, subject: "hello",
		party: sbom.Party{Role: "originator", Kind: "person", Name: "Nisha Kumar", Pointer: "/@graph/32/originatedBy/0"}},
	{file: "spdx3/spdx-examples-software-example11-bom.spdx3.json", components: 5, docParties: 4, deps: 1, purls: 4, subject: "hello-server",
		party: sbom.Party{Role: "creator", Kind: "organization", Name: "Unknown", Pointer: "/@graph/0/createdBy/0"}},
	{file: "spdx3/spdx-examples-software-example12-hello-dist.spdx3.json", components: 2, docParties: 4, deps: 1, suppliers: 1, subject: "hello",
		party: sbom.Party{Role: "supplier", Kind: "organization", Name: "DocFest", Pointer: "/@graph/17/suppliedBy"}},
	{file: "spdx3/spdx-examples-software-example13.spdx3.json", components: 4, docParties: 2, deps: 2, suppliers: 4, subject: "Acme Application",
		party: sbom.Party{Role: "supplier", Kind: "organization", Name: "Acme Company", Pointer: "/@graph/7/suppliedBy"}},
	{file: "spdx3/spdx-examples-software-example14-maven-enriched.spdx3.json", components: 9, docParties: 6, deps: 5, suppliers: 1, originators: 2, copies: 8, subject: "examplemaven",
		party: sbom.Party{Role: "supplier", Kind: "organization", Name: "SPDX", Pointer: "/@graph/47/suppliedBy"}},
	{file: "spdx3/spdx-examples-software-example6-lib.spdx3.json", components: 7, docParties: 1, deps: 1, suppliers: 1, originators: 1, copies: 1, subject: "go-1.15",
		party: sbom.Party{Role: "supplier", Kind: "organization", Name: "Canonical Ltd.", Pointer: "/@graph/27/suppliedBy"}},
	{file: "spdx3/spdx-examples-software-example7-golang.spdx3.json", components: 2, docParties: 1, deps: 1, originators: 2, subject: "go1.16.4.linux-amd64.tar.gz",
		party: sbom.Party{Role: "originator", Kind: "organization", Name: "golang.org", Pointer: "/@graph/3/originatedBy/0"}},
	{file: "spdx3/spdx-examples-software-example7-third-party-modules.spdx3.json", components: 2, docParties: 1, originators: 2, subject: "golang.org/x/text",
		party: sbom.Party{Role: "originator", Kind: "organization", Name: "golang.org", Pointer: "/@graph/4/originatedBy/0"}},
	{file: "spdx3/spdx-examples-software-example9-appbomination.spdx3.json", components: 22, docParties: 4, deps: 4, suppliers: 1, originators: 1, purls: 4, copies: 2, subject: "App-BOM-ination",
		party: sbom.Party{Role: "supplier", Kind: "organization", Name: "ACT Project", Pointer: "/@graph/96/suppliedBy"}},
	{file: "spdx3/spdx-spec-package-sbom.spdx3.json", components: 2, docParties: 1, deps: 1, originators: 2, copies: 1, subject: "my-package",
		party: sbom.Party{Role: "originator", Kind: "person", Name: "Joshua Watt", Emails: []string{"JPEWhacker@gmail.com"}, Pointer: "/@graph/4/originatedBy/0"}},
	{file: "spdx3/yocto-core-image-minimal.spdx3.json.gz", components: 1001, docParties: 2, deps: 37, subject: "core-image-minimal",
		party: sbom.Party{Role: "creator", Kind: "organization", Name: "OpenEmbedded", Pointer: "/@graph/0/createdBy/0"}},
	{file: "../../testdata/sboms/sbom-tool-manifest-3.0.spdx.json", components: 268, docParties: 2, deps: 88, suppliers: 11, purls: 267, subject: "sbom-tool sample",
		party: sbom.Party{Role: "supplier", Kind: "organization", Name: "Microsoft", Pointer: "/@graph/5/suppliedBy"}},
	{file: "spdx3-kaspersky.spdx3.json", components: 2, docParties: 2, deps: 1, suppliers: 2, subject: "mail-gateway",
		party: sbom.Party{Role: "supplier", Kind: "organization", Name: "Example Corp", Pointer: "/@graph/5/suppliedBy"}},
}

func TestDecodeSPDX3Real(t *testing.T) {
	t.Parallel()
	for _, tc := range spdx3Cases {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			t.Parallel()
			data := readTestdata(t, filepath.Join("testdata", tc.file))
			doc, err := sbom.Decode(data, sbom.Options{Name: tc.file})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != sbom.FormatSPDX3JSONLD || doc.SpecVersion != "3.0.1" || doc.Label() != "SPDX 3.0.1 JSON-LD" {
				t.Errorf("format %q %q, label %q", doc.Format, doc.SpecVersion, doc.Label())
			}
			got := spdx3Case{file: tc.file, components: len(doc.Components), docParties: len(doc.Parties),
				deps: len(doc.Dependencies), warns: len(doc.Warnings)}
			for _, c := range doc.Components {
				for _, p := range c.Parties {
					switch p.Role {
					case sbom.RoleSupplier:
						got.suppliers++
					case sbom.RoleOriginator:
						got.originators++
					}
				}
				if c.PURL != "" {
					got.purls++
				}
				if c.Copyright != "" {
					got.copies++
				}
			}
			if doc.Subject != nil {
				got.subject = doc.Subject.Name
			}
			if p := firstParty(doc); p != nil {
				got.party = *p
			}
			if diff := cmp.Diff(tc, got, cmp.AllowUnexported(spdx3Case{})); diff != "" {
				t.Errorf("Decode mismatch (-want +got):\n%s", diff)
			}
			checkInvariants(t, doc)
			checkJSONPointers(t, data, doc)
			f, v, err := sbom.Identify(data)
			if err != nil || f != doc.Format || v != doc.SpecVersion {
				t.Errorf("Identify = %q %q %v", f, v, err)
			}
		})
	}
}

// checkJSONPointers checks that every pointer of a document decoded from
// JSON leads to what it claims: a component's pointer to its object, a
// party's to its name or to the reference that names it, a copyright's
// and an external reference's to the very string.
func checkJSONPointers(t *testing.T, data []byte, doc *sbom.Document) {
	t.Helper()
	var root any
	if err := json.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	str := func(p string) (string, bool) {
		v, ok := resolvePointer(root, p)
		s, isStr := v.(string)
		return s, ok && isStr
	}
	// A party's pointer leads to its name (an agent given inline) or to
	// the IRI that names the agent.
	party := func(p sbom.Party) {
		s, ok := str(p.Pointer)
		if !ok || (strings.HasSuffix(p.Pointer, "/name") && !strings.Contains(s, p.Name)) {
			t.Errorf("party %q: pointer %q leads to %q", p.Name, p.Pointer, s)
		}
	}
	for _, c := range doc.Components {
		v, ok := resolvePointer(root, c.Pointer)
		obj, isObj := v.(map[string]any)
		if !ok || !isObj || (obj["spdxId"] != c.Ref && obj["@id"] != c.Ref && c.Ref != c.Pointer) {
			t.Errorf("component %q: pointer %q does not lead to its element", c.Ref, c.Pointer)
		}
		for _, p := range c.Parties {
			party(p)
		}
		if c.Copyright != "" {
			if s, ok := str(c.CopyrightPointer); !ok || s != c.Copyright {
				t.Errorf("component %q: copyright pointer %q leads to %q", c.Ref, c.CopyrightPointer, s)
			}
		}
		for _, r := range c.ExternalRefs {
			if s, ok := str(r.Pointer); !ok || s != r.URL {
				t.Errorf("component %q: reference pointer %q leads to %q, want %q", c.Ref, r.Pointer, s, r.URL)
			}
		}
	}
	for _, p := range doc.Parties {
		party(p)
	}
	for _, w := range doc.Warnings {
		if _, ok := resolvePointer(root, w.Pointer); !ok {
			t.Errorf("warning %+v: pointer leads nowhere", w)
		}
	}
}

// resolvePointer follows an RFC 6901 pointer in a decoded JSON value.
func resolvePointer(v any, p string) (any, bool) {
	if p == "" {
		return v, true
	}
	if !strings.HasPrefix(p, "/") {
		return nil, false
	}
	for _, tok := range strings.Split(p[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// TestDecodeSPDX3Kaspersky: the planted Kaspersky supplier of the SPDX 3
// twin of examples/sbom/kaspersky.spdx is read as its 2.3 twin's is.
func TestDecodeSPDX3Kaspersky(t *testing.T) {
	t.Parallel()
	doc3, err := sbom.Decode(readTestdata(t, "testdata/spdx3-kaspersky.spdx3.json"), sbom.Options{Name: "spdx3-kaspersky.spdx3.json"})
	if err != nil {
		t.Fatal(err)
	}
	doc2, err := sbom.Decode(readTestdata(t, "../examples/sbom/kaspersky.spdx"), sbom.Options{Name: "kaspersky.spdx"})
	if err != nil {
		t.Fatal(err)
	}
	filter := doc3.Components[1]
	want := []sbom.Party{{Role: "supplier", Kind: "organization", Name: "Kaspersky Lab", Pointer: "/@graph/7/suppliedBy"}}
	if diff := cmp.Diff(want, filter.Parties); diff != "" {
		t.Errorf("supplier (-want +got):\n%s", diff)
	}
	// The same shape as the 2.3 twin: names, versions, CPEs, supplier
	// kinds, subject and dependencies.
	type shape struct {
		Name, Version string
		CPEs          []string
		Kinds         []string
	}
	shapes := func(d *sbom.Document) (out []shape) {
		for _, c := range d.Components {
			s := shape{Name: c.Name, Version: c.Version, CPEs: c.CPEs}
			for _, p := range c.Parties {
				s.Kinds = append(s.Kinds, p.Role+"/"+p.Kind)
			}
			out = append(out, s)
		}
		return out
	}
	if diff := cmp.Diff(shapes(doc2), shapes(doc3)); diff != "" {
		t.Errorf("SPDX 3 twin differs from the 2.3 one (-2.3 +3.0):\n%s", diff)
	}
	if doc3.Subject == nil || doc3.Subject.Name != doc2.Subject.Name {
		t.Errorf("subject %+v", doc3.Subject)
	}
	dep := doc3.Dependencies[doc3.Components[0].Ref]
	if len(dep) != 1 || dep[0] != filter.Ref {
		t.Errorf("dependencies %v", doc3.Dependencies)
	}
}

var schemaAll = flag.Bool("spdx3-schema-all", false, "validate every SPDX 3 example against the schema, large ones too")

// spdx3Schema compiles the SPDX 3.0.1 JSON schema kept in testdata. The
// schema's IRI pattern uses a look-ahead, which Go's regexp lacks; it is
// matched by hand.
func spdx3Schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(readTestdata(t, "testdata/schema/spdx-3.0.1-json-schema.json.gz")))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.UseRegexpEngine(func(p string) (jsonschema.Regexp, error) {
		if p == iriPattern {
			return iriRegexp{}, nil
		}
		return regexp.Compile(p)
	})
	if err := c.AddResource("spdx-3.0.1.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("spdx-3.0.1.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// iriPattern is the schema's pattern for an IRI that is not a blank node.
const iriPattern = "^(?!_:).+:.+"

// iriRegexp implements iriPattern without a look-ahead.
type iriRegexp struct{}

var iriRest = regexp.MustCompile("^.+:.+")

func (iriRegexp) MatchString(s string) bool {
	return !strings.HasPrefix(s, "_:") && iriRest.MatchString(s)
}
func (iriRegexp) String() string { return iriPattern }

// TestSPDX3ExamplesValidate validates the SPDX project's examples, the test
// documents written here and the first 120 elements of the Yocto output
// against the SPDX 3.0.1 JSON schema. Examples over 16 kB take seconds
// (under -race, tens) and are validated with -spdx3-schema-all; all of
// them pass, and so does all of Yocto's output. Microsoft sbom-tool's output is not valid (an array
// @context naming "spdx-context.json", "SPDXRef-" ids that are not IRIs,
// ExternalIdentifier as a graph element) and is read all the same.
func TestSPDX3ExamplesValidate(t *testing.T) {
	t.Parallel()
	schema := spdx3Schema(t)
	docs := map[string][]byte{
		"spdx3-kaspersky.spdx3.json": readTestdata(t, "testdata/spdx3-kaspersky.spdx3.json"),
		"conversion twin":            []byte(spdx3ConversionDoc),
	}
	files, err := filepath.Glob("testdata/spdx3/spdx-*.json")
	if err != nil || len(files) < 10 {
		t.Fatalf("examples: %v %v", files, err)
	}
	for _, f := range files {
		if data := readTestdata(t, f); *schemaAll || len(data) < 16<<10 {
			docs[f] = data
		}
	}
	var yocto map[string]any
	if err := json.Unmarshal(readTestdata(t, "testdata/spdx3/yocto-core-image-minimal.spdx3.json.gz"), &yocto); err != nil {
		t.Fatal(err)
	}
	yocto["@graph"] = yocto["@graph"].([]any)[:120]
	y, _ := json.Marshal(yocto)
	docs["yocto (first 120 elements)"] = y
	for name, data := range docs {
		t.Run(filepath.Base(name), func(t *testing.T) {
			t.Parallel()
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("not valid SPDX 3.0.1: %.6000s", err)
			}
		})
	}
	bad := readTestdata(t, "../testdata/sboms/sbom-tool-manifest-3.0.spdx.json")
	var st map[string]any
	if err := json.Unmarshal(bad, &st); err != nil {
		t.Fatal(err)
	}
	st["@graph"] = st["@graph"].([]any)[:3]
	b, _ := json.Marshal(st)
	inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if schema.Validate(inst) == nil {
		t.Error("sbom-tool's output validates; the schema test is not checking")
	}
}

// spdx3ConversionDoc is the SPDX 3 twin of the tag-value document of
// TestDecodeConversion, with what SPDX 3 adds: agents inline and by IRI,
// e-mail identifiers, an ExternalIdentifier list, files and snippets.
const spdx3ConversionDoc = `{
 "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
 "@graph": [
  {"type": "CreationInfo", "@id": "_:ci", "specVersion": "3.0.1", "created": "2020-01-01T00:00:00Z",
   "createdBy": ["https://example.com/d/org"], "createdUsing": ["https://example.com/d/tool"]},
  {"type": "Tool", "spdxId": "https://example.com/d/tool", "creationInfo": "_:ci", "name": "gen-1.0"},
  {"type": "Organization", "spdxId": "https://example.com/d/org", "creationInfo": "_:ci", "name": "Example Org",
   "externalIdentifier": [{"type": "ExternalIdentifier", "externalIdentifierType": "email", "identifier": "spdx@example.com"}]},
  {"type": "SpdxDocument", "spdxId": "https://example.com/d", "creationInfo": "_:ci", "name": "d",
   "rootElement": ["https://example.com/d/p"]},
  {"type": "software_Package", "spdxId": "https://example.com/d/p", "creationInfo": "_:ci", "name": "p",
   "software_packageVersion": "2", "software_primaryPurpose": "operatingSystem",
   "suppliedBy": "https://example.com/d/huawei",
   "originatedBy": [{"type": "Person", "spdxId": "https://example.com/d/ann", "creationInfo": "_:ci", "name": "Ann Smith",
     "externalIdentifier": [{"type": "ExternalIdentifier", "externalIdentifierType": "email", "identifier": "ann@example.org"}]}],
   "software_copyrightText": "Copyright\nExample",
   "software_packageUrl": "pkg:npm/%40scope/p@2",
   "software_homePage": "https://p.example.com",
   "software_downloadLocation": "NOASSERTION",
   "verifiedUsing": [{"type": "Hash", "algorithm": "sha256", "hashValue": "abc"}],
   "externalIdentifier": [
    {"type": "ExternalIdentifier", "externalIdentifierType": "cpe23", "identifier": "cpe:2.3:a:huawei:p:2:*:*:*:*:*:*:*"},
    {"type": "ExternalIdentifier", "externalIdentifierType": "cpe22", "identifier": "cpe:/a:huawei:p:2"},
    {"type": "ExternalIdentifier", "externalIdentifierType": "swid", "identifier": "swid:2df9de35-0aff-4a86-ace6-f7dddd1ade4c"}],
   "externalRef": [{"type": "ExternalRef", "externalRefType": "vcs", "locator": ["https://git.example.com/p"]}]},
  {"type": "Organization", "spdxId": "https://example.com/d/huawei", "creationInfo": "_:ci", "name": "Huawei Technologies Co., Ltd.",
   "externalIdentifier": [{"type": "ExternalIdentifier", "externalIdentifierType": "email", "identifier": "psirt@huawei.com",
     "identifierLocator": ["https://www.huawei.com"]}]},
  {"type": "software_Package", "spdxId": "https://example.com/d/q", "creationInfo": "_:ci", "name": "q",
   "software_downloadLocation": "https://example.com/q.tgz",
   "suppliedBy": {"type": "Person", "spdxId": "https://example.com/d/jane", "creationInfo": "_:ci", "name": "Jane Roe"},
   "originatedBy": ["https://example.com/d/gone"]},
  {"type": "software_File", "spdxId": "https://example.com/d/f", "creationInfo": "_:ci", "name": "src/q.c",
   "software_copyrightText": "(c) 2020 Jane Roe"},
  {"type": "software_Snippet", "spdxId": "https://example.com/d/s", "creationInfo": "_:ci",
   "software_snippetFromFile": "https://example.com/d/f"},
  {"type": "software_Package", "spdxId": "https://example.com/d/r", "creationInfo": "_:ci", "name": "",
   "software_packageUrl": "not-a-purl",
   "externalIdentifier": [{"type": "ExternalIdentifier", "externalIdentifierType": "cpe23", "identifier": "cpe:2.3:a:broken"}]},
  {"type": "simplelicensing_LicenseExpression", "spdxId": "https://example.com/d/mit", "creationInfo": "_:ci",
   "simplelicensing_licenseExpression": "MIT"},
  {"type": "Relationship", "spdxId": "https://example.com/d/r1", "creationInfo": "_:ci",
   "from": "https://example.com/d/p", "relationshipType": "hasDeclaredLicense", "to": ["https://example.com/d/mit"]},
  {"type": "Relationship", "spdxId": "https://example.com/d/r2", "creationInfo": "_:ci",
   "from": "https://example.com/d/p", "relationshipType": "hasConcludedLicense", "to": ["https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoAssertionLicense"]},
  {"type": "Relationship", "spdxId": "https://example.com/d/r3", "creationInfo": "_:ci",
   "from": "https://example.com/d/p", "relationshipType": "dependsOn", "to": ["https://example.com/d/q"]},
  {"type": "Relationship", "spdxId": "https://example.com/d/r4", "creationInfo": "_:ci",
   "from": "https://example.com/d/p", "relationshipType": "contains", "to": ["https://example.com/d/q", "https://example.com/d/f"]},
  {"type": "Relationship", "spdxId": "https://example.com/d/r5", "creationInfo": "_:ci",
   "from": "https://example.com/d", "relationshipType": "describes", "to": ["https://example.com/d/q"]}
 ]
}`

// TestDecodeSPDX3Conversion checks every field of the SPDX 3 conversion on
// the twin of TestDecodeConversion's SPDX 2 document: a supplier
// organisation with an e-mail, an originator person with an e-mail, a
// purl, CPEs, copyright text, licences, relationships.
func TestDecodeSPDX3Conversion(t *testing.T) {
	t.Parallel()
	doc, err := sbom.Decode([]byte(spdx3ConversionDoc), sbom.Options{Name: "twin.spdx3.json"})
	if err != nil {
		t.Fatal(err)
	}
	p := sbom.Component{Ref: "https://example.com/d/p", Pointer: "/@graph/4", Name: "p", Version: "2", Type: "operating-system",
		PURL: "pkg:npm/%40scope/p@2", CPEs: []string{"cpe:2.3:a:huawei:p:2:*:*:*:*:*:*:*", "cpe:/a:huawei:p:2"},
		Parties: []sbom.Party{
			{Role: "supplier", Kind: "organization", Name: "Huawei Technologies Co., Ltd.", URLs: []string{"https://www.huawei.com"}, Emails: []string{"psirt@huawei.com"}, Pointer: "/@graph/4/suppliedBy"},
			{Role: "originator", Kind: "person", Name: "Ann Smith", Emails: []string{"ann@example.org"}, Pointer: "/@graph/4/originatedBy/0/name"},
		},
		Copyright: "Copyright\nExample", CopyrightPointer: "/@graph/4/software_copyrightText",
		Hashes:   []sbom.Hash{{Algorithm: "sha256", Value: "abc"}},
		Licenses: []string{"MIT"},
		ExternalRefs: []sbom.ExternalRef{
			{Type: "swid", URL: "swid:2df9de35-0aff-4a86-ace6-f7dddd1ade4c", Pointer: "/@graph/4/externalIdentifier/2/identifier"},
			{Type: "homepage", URL: "https://p.example.com", Pointer: "/@graph/4/software_homePage"},
			{Type: "vcs", URL: "https://git.example.com/p", Pointer: "/@graph/4/externalRef/0/locator/0"},
		},
	}
	want := &sbom.Document{
		Format: sbom.FormatSPDX3JSONLD, SpecVersion: "3.0.1", Subject: &p,
		Parties: []sbom.Party{
			{Role: "creator", Kind: "organization", Name: "Example Org", Emails: []string{"spdx@example.com"}, Pointer: "/@graph/0/createdBy/0"},
			{Role: "tool", Name: "gen-1.0", Pointer: "/@graph/0/createdUsing/0"},
		},
		Components: []sbom.Component{
			p,
			{Ref: "https://example.com/d/q", Pointer: "/@graph/6", Name: "q",
				Parties: []sbom.Party{{Role: "supplier", Kind: "person", Name: "Jane Roe", Pointer: "/@graph/6/suppliedBy/name"},
					{Role: "originator", Reference: "https://example.com/d/gone", Pointer: "/@graph/6/originatedBy/0"}},
				ExternalRefs: []sbom.ExternalRef{{Type: "download", URL: "https://example.com/q.tgz", Pointer: "/@graph/6/software_downloadLocation"}}},
			{Ref: "https://example.com/d/f", Pointer: "/@graph/7", Name: "src/q.c", Type: "file",
				Copyright: "(c) 2020 Jane Roe", CopyrightPointer: "/@graph/7/software_copyrightText"},
			{Ref: "https://example.com/d/s", Pointer: "/@graph/8", Type: "snippet"},
			{Ref: "https://example.com/d/r", Pointer: "/@graph/9", PURL: "not-a-purl", CPEs: []string{"cpe:2.3:a:broken"}},
		},
		Dependencies: map[string][]string{"https://example.com/d/p": {"https://example.com/d/q", "https://example.com/d/f"}},
		Warnings: []sbom.Warning{
			{Code: "unresolved-ref", Message: "originator names an element that is not in this document", Pointer: "/@graph/6/originatedBy/0"},
			{Code: "component-unnamed", Message: "element has no name", Pointer: "/@graph/9"},
			{Code: "purl-invalid", Message: "purl does not parse: missing pkg: scheme", Pointer: "/@graph/9/software_packageUrl"},
			{Code: "cpe-invalid", Message: "CPE does not parse: 2 attributes, want 11", Pointer: "/@graph/9/externalIdentifier/0/identifier"},
		},
	}
	if diff := cmp.Diff(want, doc); diff != "" {
		t.Errorf("SPDX 3 conversion (-want +got):\n%s", diff)
	}
	checkJSONPointers(t, []byte(spdx3ConversionDoc), doc)
}

// TestDecodeSPDX3Shapes covers the JSON-LD shapes real writers use: a
// document of one element, an @context array, full IRIs for types, a
// compact IRI expanded with the namespace map, a reference written as an
// object, SPDX 2 relationship names, and an sbom-tool style
// ExternalIdentifier given as a graph element.
func TestDecodeSPDX3Shapes(t *testing.T) {
	t.Parallel()
	const ctx = `"@context": ["https://spdx.org/rdf/3.0.1/spdx-context.json"]`
	tests := []struct {
		name, doc string
		check     func(t *testing.T, d *sbom.Document)
	}{
		{"one element", `{"@context": "https://spdx.org/rdf/3.0.0/spdx-context.jsonld", "type": "software_Package", "spdxId": "urn:a", "name": "a"}`,
			func(t *testing.T, d *sbom.Document) {
				if len(d.Components) != 1 || d.Components[0].Pointer != "" || d.Components[0].Ref != "urn:a" || d.SpecVersion != "3.0.0" {
					t.Errorf("%+v", d)
				}
			}},
		{"full IRIs", `{` + ctx + `, "@graph": [
			{"@type": "https://spdx.org/rdf/3.0.1/terms/Software/Package", "@id": "urn:a", "name": "a",
			 "suppliedBy": {"@type": "https://spdx.org/rdf/3.0.1/terms/Core/Organization", "name": "Org: Inc"}}]}`,
			func(t *testing.T, d *sbom.Document) {
				if len(d.Components) != 1 || len(d.Components[0].Parties) != 1 || d.Components[0].Parties[0].Kind != "organization" {
					t.Errorf("%+v", d)
				}
			}},
		{"namespace map and object reference", `{` + ctx + `, "@graph": [
			{"type": "SpdxDocument", "spdxId": "urn:doc", "namespaceMap": [{"type": "NamespaceMap", "prefix": "ex", "namespace": "https://example.com/"}],
			 "rootElement": [{"spdxId": "ex:a"}]},
			{"type": "software_Package", "spdxId": "https://example.com/a", "name": "a", "suppliedBy": "ex:org"},
			{"type": "Organization", "spdxId": "https://example.com/org", "name": "Organization: Org Ltd"}]}`,
			func(t *testing.T, d *sbom.Document) {
				if d.Subject == nil || d.Subject.Name != "a" || len(d.Components[0].Parties) != 1 || d.Components[0].Parties[0].Name != "Org Ltd" {
					t.Errorf("%+v", d)
				}
			}},
		{"SPDX 2 relationship names and graph identifiers", `{` + ctx + `, "@graph": [
			{"type": "software_Package", "spdxId": "SPDXRef-a", "name": "a", "externalIdentifier": ["SPDXRef-id"]},
			{"type": "ExternalIdentifier", "spdxId": "SPDXRef-id", "externalIdentifierType": "purl", "identifier": "pkg:nuget/A@1"},
			{"type": "software_Package", "spdxId": "SPDXRef-b", "name": "b"},
			{"type": "Relationship", "from": "SPDXRef-b", "relationshipType": "DEPENDENCY_OF", "to": ["SPDXRef-a"]},
			{"type": "Relationship", "from": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "to": ["SPDXRef-a"]}]}`,
			func(t *testing.T, d *sbom.Document) {
				if d.Components[0].PURL != "pkg:nuget/A@1" || d.Subject == nil || d.Subject.Ref != "SPDXRef-a" ||
					!cmp.Equal(d.Dependencies, map[string][]string{"SPDXRef-a": {"SPDXRef-b"}}) {
					t.Errorf("%+v", d)
				}
			}},
		{"nulls", `{` + ctx + `, "@graph": [null, {"type": "software_Package", "spdxId": "urn:a", "name": "a",
			"originatedBy": [null], "externalIdentifier": [null], "verifiedUsing": null}]}`,
			func(t *testing.T, d *sbom.Document) {
				if len(d.Components) != 1 || len(d.Warnings) != 3 {
					t.Errorf("%+v", d)
				}
				for _, w := range d.Warnings {
					if w.Code != sbom.WarnNullValue {
						t.Errorf("warning %+v", w)
					}
				}
			}},
		{"special individuals", `{` + ctx + `, "@graph": [{"type": "software_Package", "spdxId": "urn:a", "name": "a",
			"suppliedBy": "NoAssertionElement", "originatedBy": ["https://spdx.org/rdf/3.0.1/terms/Core/NoneElement"]},
			{"type": "Relationship", "from": "urn:a", "relationshipType": "hasDeclaredLicense", "to": ["https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoneLicense"]},
			{"type": "Relationship", "from": "urn:a", "relationshipType": "hasConcludedLicense", "to": ["https://spdx.org/licenses/MIT"]}]}`,
			func(t *testing.T, d *sbom.Document) {
				c := d.Components[0]
				if len(c.Parties) != 0 || len(d.Warnings) != 0 || !cmp.Equal(c.Licenses, []string{"MIT"}) {
					t.Errorf("%+v", d)
				}
			}},
		{"agent of the wrong type", `{` + ctx + `, "@graph": [{"type": "software_Package", "spdxId": "urn:a", "name": "a", "suppliedBy": "urn:a"}]}`,
			func(t *testing.T, d *sbom.Document) {
				if len(d.Components[0].Parties) != 0 || len(d.Warnings) != 1 || d.Warnings[0].Pointer != "/@graph/0/suppliedBy" {
					t.Errorf("%+v", d)
				}
			}},
		{"availableFrom names a supplier", `{` + ctx + `, "@graph": [{"type": "software_Package", "spdxId": "urn:a", "name": "a"},
			{"type": "Organization", "spdxId": "urn:o", "name": "AO Kaspersky Lab"},
			{"type": "Relationship", "spdxId": "urn:r", "from": "urn:a", "relationshipType": "availableFrom", "to": ["urn:o", "urn:elsewhere"]}]}`,
			func(t *testing.T, d *sbom.Document) {
				c := d.Components[0]
				// The IRI that names nothing here is kept as a reference.
				if len(c.Parties) != 2 || c.Parties[0].Role != sbom.RoleSupplier || c.Parties[0].Name != "AO Kaspersky Lab" ||
					c.Parties[0].Pointer != "/@graph/2/to/0" || len(d.Warnings) != 1 || d.Warnings[0].Pointer != "/@graph/2/to/1" ||
					!cmp.Equal(c.Parties[1], sbom.Party{Role: sbom.RoleSupplier, Reference: "urn:elsewhere", Pointer: "/@graph/2/to/1"}) {
					t.Errorf("%+v", d)
				}
			}},
		{"purl and CPE identifiers of another type, and a second purl", `{` + ctx + `, "@graph": [{"type": "software_Package", "spdxId": "urn:a", "name": "a",
			"software_packageUrl": "pkg:npm/left-pad@1.3.0", "externalIdentifier": [
			{"type": "ExternalIdentifier", "externalIdentifierType": "packageUrl", "identifier": "pkg:maven/com.kaspersky/kav@1"},
			{"type": "ExternalIdentifier", "externalIdentifierType": "other", "identifier": "pkg:npm/%40kaspersky/agent@1"},
			{"type": "ExternalIdentifier", "externalIdentifierType": "other", "identifier": "cpe:2.3:a:kaspersky:agent:1:*:*:*:*:*:*:*"}]}]}`,
			func(t *testing.T, d *sbom.Document) {
				want := []sbom.Identity{
					{Field: "purl", Value: "pkg:maven/com.kaspersky/kav@1", Pointer: "/@graph/0/externalIdentifier/0/identifier"},
					{Field: "purl", Value: "pkg:npm/%40kaspersky/agent@1", Pointer: "/@graph/0/externalIdentifier/1/identifier"},
					{Field: "cpe", Value: "cpe:2.3:a:kaspersky:agent:1:*:*:*:*:*:*:*", Pointer: "/@graph/0/externalIdentifier/2/identifier"},
				}
				if got := d.Components[0].Identities; !cmp.Equal(got, want) {
					t.Errorf("identities %+v", got)
				}
			}},
		{"same element twice", `{` + ctx + `, "@graph": [{"type": "software_Package", "spdxId": "urn:a", "name": "a"},
			{"type": "software_Package", "spdxId": "urn:a", "name": "a"}]}`,
			func(t *testing.T, d *sbom.Document) {
				if len(d.Components) != 1 || len(d.Warnings) != 1 || d.Warnings[0].Code != sbom.WarnDuplicateRef {
					t.Errorf("%+v", d)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := sbom.Decode([]byte(tc.doc), sbom.Options{Name: "shape.json"})
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, doc)
			checkInvariants(t, doc)
			checkJSONPointers(t, []byte(tc.doc), doc)
		})
	}
}

// TestDecodeSPDX3Errors: what cannot be read faithfully fails with the
// verdict, the place and the cause.
func TestDecodeSPDX3Errors(t *testing.T) {
	t.Parallel()
	const ctx = `"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"`
	tests := []struct {
		name, doc string
		want      error
		msg       string
	}{
		{"graph not an array", `{` + ctx + `, "@graph": {}}`, sbom.ErrInvalid,
			"decode e.json: SPDX 3.0.1 JSON-LD: invalid document: @graph is not an array at /@graph"},
		{"entry not an object", `{` + ctx + `, "@graph": [{"type": "Person"}, 3]}`, sbom.ErrInvalid,
			"decode e.json: SPDX 3.0.1 JSON-LD: invalid document: an @graph entry is not a JSON object at /@graph/1"},
		{"name not a string", `{` + ctx + `, "@graph": [{"type": "software_Package", "name": {"x": 1}}]}`, sbom.ErrInvalid,
			"decode e.json: SPDX 3.0.1 JSON-LD: invalid document: name is not a string at /@graph/0/name"},
		{"supplier name not a string", `{` + ctx + `, "@graph": [{"type": "software_Package", "name": "a", "suppliedBy": {"type": "Organization", "name": 7}}]}`, sbom.ErrInvalid,
			"decode e.json: SPDX 3.0.1 JSON-LD: invalid document: name is not a string at /@graph/0/suppliedBy/name"},
		{"unknown SPDX 3 version", `{"@context": "https://spdx.org/rdf/3.1/spdx-context.jsonld", "@graph": []}`, sbom.ErrUnsupported,
			"decode e.json: SPDX 3.1 JSON-LD: unsupported SBOM format or version: SPDX 3.1 JSON-LD (the reader knows 3.0.0 and 3.0.1)"},
		{"other linked data", `{"@context": "https://schema.org", "@graph": []}`, sbom.ErrUnsupported,
			"decode e.json: unsupported SBOM format or version: JSON-LD document without an SPDX 3 context (SPDX 3 or other linked data)"},
		{"context of the author's own", `{"@context": ["https://spdx.org/rdf/3.0.1/spdx-context.jsonld", {"vendor": {"@id": "https://spdx.org/rdf/3.0.1/terms/Core/suppliedBy", "@type": "@vocab"}}], "@graph": []}`, sbom.ErrUnsupported,
			"decode e.json: SPDX 3.0.1 JSON-LD: unsupported SBOM format or version: JSON-LD @context holds term definitions besides the SPDX 3 context; its terms are not read"},
		{"another context URL", `{"@context": ["https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "https://example.com/ctx.jsonld"], "@graph": []}`, sbom.ErrUnsupported,
			"decode e.json: SPDX 3.0.1 JSON-LD: unsupported SBOM format or version: JSON-LD @context holds another context URL besides the SPDX 3 context; its terms are not read"},
		{"member named by its IRI", `{` + ctx + `, "@graph": [{"type": "software_Package", "name": "a", "https://spdx.org/rdf/3.0.1/terms/Core/suppliedBy": "urn:o"}]}`, sbom.ErrUnsupported,
			"decode e.json: SPDX 3.0.1 JSON-LD: unsupported SBOM format or version: member named by the IRI of an SPDX term (suppliedBy); write its compacted name at /@graph/0/*"},
		{"repeated member", `{` + ctx + `, "@graph": [{"type": "software_Package", "name": "a", "name": "b"}]}`, sbom.ErrInvalid,
			"decode e.json: SPDX 3.0.1 JSON-LD: invalid document: key \"name\" given twice in one object at /@graph/0 (line 1, byte 116)"},
		{"truncated", `{` + ctx + `, "@graph": [{"type": "software_Package", "name": "a"`, sbom.ErrTruncated,
			"decode e.json: SPDX 3.0.1 JSON-LD: truncated document: document ends inside 3 open brackets at /@graph/0/name (line 1, byte 114)"},
		{"too many components", `{` + ctx + `, "@graph": [{"type": "software_File", "name": "a"}, {"type": "software_File", "name": "b"}]}`, sbom.ErrTooManyComponents,
			"decode e.json: SPDX 3.0.1 JSON-LD: too many components: 2 packages, files and snippets, limit 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := sbom.Decode([]byte(tc.doc), sbom.Options{Name: "e.json", MaxComponents: 1})
			if doc != nil || !errors.Is(err, tc.want) {
				t.Fatalf("Decode = %v, %v; want %v", doc, err, tc.want)
			}
			if err.Error() != tc.msg {
				t.Errorf("message\n got %q\nwant %q", err.Error(), tc.msg)
			}
		})
	}
}
