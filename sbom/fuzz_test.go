package sbom_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/sbom"
)

// maxSeed bounds the seeds: mutating and minimising large files makes the
// fuzzer stall without finding more structure.
const maxSeed = 64 << 10

// addCorpusSeeds adds the files of testdata/sboms (and bad/), of this
// package's testdata/real and testdata/cdx-spec, and the SPDX 3 files of
// this package's testdata, up to maxSeed bytes, as seeds: real inputs of
// every format.
func addCorpusSeeds(f *testing.F) {
	f.Helper()
	addSeeds(f, filepath.Join(corpusDir, "*"), filepath.Join(corpusDir, "bad", "*"), "testdata/real/*", "testdata/cdx-spec/*",
		"testdata/spdx3/*.json", "testdata/*.json")
}

// addSeeds adds the files that match the patterns, up to maxSeed bytes, as
// seeds.
func addSeeds(f *testing.F, patterns ...string) {
	f.Helper()
	for _, pattern := range patterns {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			if filepath.Base(file) == "SOURCES.md" {
				continue
			}
			data, err := os.ReadFile(file)
			if err != nil || len(data) > maxSeed {
				continue // a directory, or too large to mutate usefully
			}
			f.Add(data)
		}
	}
}

// FuzzDecode runs Decode on mutations of real inputs of every format and
// checks that no panic escapes it (a parser's panic is an ErrParserFailed
// error), that a failure is a one-line *DecodeError wrapping a sentinel,
// and that a success is a document whose components all have a ref and a
// pointer.
func FuzzDecode(f *testing.F) {
	addCorpusSeeds(f)
	f.Add([]byte(smallRDF))
	sentinels := decodeSentinels
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := sbom.Decode(data, sbom.Options{Name: "fuzz"})
		if err != nil {
			var de *sbom.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %T is not a *DecodeError: %v", err, err)
			}
			known := false
			for _, s := range sentinels {
				known = known || errors.Is(err, s)
			}
			if !known || strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("bad error %q", err)
			}
			if doc != nil {
				t.Fatal("document returned with an error")
			}
			return
		}
		if doc.Format == "" || doc.SpecVersion == "" {
			t.Fatalf("document without format or version: %+v", doc)
		}
		for i, c := range doc.Components {
			if c.Ref == "" || (c.Pointer == "" && (doc.Format != sbom.FormatSPDX3JSONLD || len(doc.Components) != 1)) {
				t.Fatalf("component %d without ref or pointer", i)
			}
		}
		f, v, ierr := sbom.Identify(data)
		if ierr != nil || f != doc.Format || v != doc.SpecVersion {
			t.Fatalf("Identify = %q %q %v, Decode = %q %q", f, v, ierr, doc.Format, doc.SpecVersion)
		}
	})
}

// decodeSentinels are the kinds a Decode error wraps.
var decodeSentinels = []error{sbom.ErrEmpty, sbom.ErrUnknownFormat, sbom.ErrUnsupported, sbom.ErrTruncated,
	sbom.ErrTrailingData, sbom.ErrInvalidUTF8, sbom.ErrTooDeep, sbom.ErrTooManyComponents, sbom.ErrSyntax, sbom.ErrInvalid, sbom.ErrParserFailed}

// checkDecode checks what FuzzDecode checks of one result.
func checkDecode(t *testing.T, doc *sbom.Document, err error) {
	t.Helper()
	if err != nil {
		var de *sbom.DecodeError
		if !errors.As(err, &de) {
			t.Fatalf("error %T is not a *DecodeError: %v", err, err)
		}
		known := false
		for _, s := range decodeSentinels {
			known = known || errors.Is(err, s)
		}
		if !known || strings.ContainsAny(err.Error(), "\n\r") || strings.Contains(err.Error(), "rejected by") {
			t.Fatalf("bad error %q", err)
		}
		if doc != nil {
			t.Fatal("document returned with an error")
		}
		return
	}
	if doc.Format == "" || doc.SpecVersion == "" {
		t.Fatalf("document without format or version: %+v", doc)
	}
	for i, c := range doc.Components {
		if c.Ref == "" || c.Pointer == "" {
			t.Fatalf("component %d without ref or pointer", i)
		}
	}
}

// FuzzDecodeEnvelope wraps the fuzzed text as the predicate of an in-toto
// statement (as an object or as a string), in a DSSE envelope, and in a
// GitHub export, and checks that unwrapping never panics, that errors are
// one-line *DecodeErrors and that every pointer of a document read points
// into the wrapper.
func FuzzDecodeEnvelope(f *testing.F) {
	for _, name := range []string{"trivy-pom.cdx.json", "syft-image.spdx.json", "spdx-hello.spdx", "cdx-go-bom-1.6.xml"} {
		if data, err := os.ReadFile(filepath.Join(corpusDir, name)); err == nil {
			f.Add(data, uint8(0))
			f.Add(data, uint8(1))
		}
	}
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"a"}]}`), uint8(2))
	f.Fuzz(func(t *testing.T, pred []byte, how uint8) {
		var in []byte
		base := "/predicate"
		switch how % 4 {
		case 0: // predicate as written (an object, or invalid JSON)
			in = append(append([]byte(`{"_type":"https://in-toto.io/Statement/v1","predicateType":"https://cyclonedx.org/bom","subject":[],"predicate":`), pred...), '}')
		case 1: // predicate as a string
			q, _ := json.Marshal(string(pred))
			in = append(append([]byte(`{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document","predicate":`), q...), '}')
			base = "/predicate: "
		case 2: // a DSSE envelope around a statement
			st := append(append([]byte(`{"_type":"https://in-toto.io/Statement/v1","predicateType":"x","predicate":`), pred...), '}')
			in = []byte(`{"payloadType":"application/vnd.in-toto+json","payload":"` + base64.StdEncoding.EncodeToString(st) + `","signatures":[]}`)
			base = "/payload: /predicate"
		default: // GitHub's export
			in = append(append([]byte(`{"sbom":`), pred...), '}')
			base = "/sbom"
		}
		doc, err := sbom.Decode(in, sbom.Options{Name: "fuzz"})
		checkDecode(t, doc, err)
		if err != nil {
			return
		}
		if doc.Envelope == nil {
			return // the text closed the wrapper early and is read as a bare SBOM
		}
		for i, c := range doc.Components {
			if !strings.HasPrefix(c.Pointer, base) {
				t.Fatalf("component %d pointer %q outside %q", i, c.Pointer, base)
			}
		}
	})
}

// FuzzDecodeSyftJSON mutates syft JSON documents.
func FuzzDecodeSyftJSON(f *testing.F) {
	for _, name := range []string{"testdata/real/syft-11.0.0.syft.json", "testdata/real/hookz.syft.json"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"schema":{"version":"16.0.24"},"artifacts":[{"id":"a","name":"n","cpes":["x"],"metadata":{"author":"A <a@b.c>","authors":[{"name":"B"}],"manifest":{"main":{"Implementation-Vendor":"V"}}}}],"artifactRelationships":[{"parent":"a","child":"a","type":"contains"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := sbom.Decode(data, sbom.Options{Name: "fuzz"})
		checkDecode(t, doc, err)
	})
}

// FuzzParseContacts checks that ParseContacts never panics and that what
// it returns names somebody, with addresses that hold an @ and URLs that
// start with a scheme.
func FuzzParseContacts(f *testing.F) {
	for _, s := range []string{"Security Components Team <oss-components@vendor.com>", "A <a@x.org>, B (https://b.org)",
		"ijl (ijl <ijl@mailbox.org>)", "Huawei Technologies Co., Ltd. (psirt@huawei.com)", "<<(([[", "a@b@c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range sbom.ParseContacts(s) {
			if c.Name == "" && len(c.Emails) == 0 && len(c.URLs) == 0 {
				t.Fatalf("empty contact from %q", s)
			}
			for _, e := range c.Emails {
				if !strings.Contains(e, "@") {
					t.Fatalf("address %q from %q", e, s)
				}
			}
			for _, u := range c.URLs {
				if !strings.HasPrefix(strings.ToLower(u), "http") {
					t.Fatalf("URL %q from %q", u, s)
				}
			}
		}
	})
}

// FuzzParseCPE checks that ParseCPE never panics and that what it accepts
// has a valid part and round-trips the binding prefix.
func FuzzParseCPE(f *testing.F) {
	for _, s := range []string{
		"cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*", `cpe:2.3:o:huawei:vrp\:8:*:*:*:*:*:*:*:*`,
		"cpe:/a:zte:zxv10:1.0", "cpe:/a:hp:insight:7.4:-:~~online~win2003~x64~", "cpe:2.3:h:*:*:*:*:*:*:*:*:*:*",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := sbom.ParseCPE(s)
		if err != nil {
			if strings.Contains(err.Error(), s) && len(s) > 8 {
				t.Fatalf("error quotes the input: %v", err)
			}
			return
		}
		switch c.Part {
		case "a", "o", "h", "*", "-":
		default:
			t.Fatalf("part %q accepted", c.Part)
		}
		if (c.Binding == "2.3") != strings.HasPrefix(s, "cpe:2.3:") {
			t.Fatalf("binding %q for %q", c.Binding, s)
		}
	})
}

// FuzzParsePURL checks that ParsePURL never panics and that an accepted
// purl has a type and a name.
func FuzzParsePURL(f *testing.F) {
	for _, s := range []string{"pkg:maven/com.example/a@1", "pkg:npm/%40scope/a@1", "pkg:golang/github.com/org/repo@v1", "pkg:deb/debian/curl@7?arch=i386#sub"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := sbom.ParsePURL(s)
		if err != nil {
			return
		}
		if p.Type == "" || p.Name == "" {
			t.Fatalf("accepted %q without type or name: %+v", s, p)
		}
	})
}

// smallRDF is a small SPDX RDF/XML document (the corpus RDF example is
// above maxSeed).
const smallRDF = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:spdx="http://spdx.org/rdf/terms#">
<spdx:SpdxDocument rdf:about="http://example.com/d#SPDXRef-DOCUMENT"><spdx:specVersion>SPDX-2.3</spdx:specVersion>
<spdx:creationInfo><spdx:CreationInfo><spdx:creator>Organization: Example (a@example.com)</spdx:creator></spdx:CreationInfo></spdx:creationInfo>
<spdx:relationship><spdx:Relationship><spdx:relationshipType rdf:resource="http://spdx.org/rdf/terms#relationshipType_describes"/>
<spdx:relatedSpdxElement><spdx:Package rdf:about="http://example.com/d#SPDXRef-p"><spdx:name>p</spdx:name>
<spdx:supplier>Organization: Vendor</spdx:supplier><spdx:licenseDeclared><spdx:ConjunctiveLicenseSet>
<spdx:member rdf:resource="http://spdx.org/licenses/MIT"/><spdx:member rdf:resource="http://spdx.org/licenses/0BSD"/>
</spdx:ConjunctiveLicenseSet></spdx:licenseDeclared><spdx:externalRef><spdx:ExternalRef>
<spdx:referenceType rdf:resource="http://spdx.org/rdf/references/purl"/><spdx:referenceLocator>pkg:npm/p@1</spdx:referenceLocator>
</spdx:ExternalRef></spdx:externalRef></spdx:Package></spdx:relatedSpdxElement></spdx:Relationship></spdx:relationship>
</spdx:SpdxDocument></rdf:RDF>`

// FuzzDecodeSPDX3 fuzzes the SPDX 3 JSON-LD reader, seeded with the SPDX
// project's examples and the test documents: besides FuzzDecode's
// checks, the reader never panics and every component pointer leads to a
// JSON object.
func FuzzDecodeSPDX3(f *testing.F) {
	addSeeds(f, "testdata/spdx3/*.json", "testdata/*.json")
	f.Add([]byte(spdx3ConversionDoc))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := sbom.Decode(data, sbom.Options{Name: "fuzz"})
		if checkOutcome(t, "fuzz", doc, err) {
			var de *sbom.DecodeError
			if errors.As(err, &de) && de.Format == sbom.FormatSPDX3JSONLD {
				t.Fatalf("the SPDX 3 reader panicked: %v", err)
			}
		}
		if doc == nil || doc.Format != sbom.FormatSPDX3JSONLD {
			return
		}
		var root any
		if err := json.Unmarshal(data, &root); err != nil {
			t.Fatalf("decoded a document encoding/json rejects: %v", err)
		}
		for _, c := range doc.Components {
			if v, ok := resolvePointer(root, c.Pointer); !ok {
				t.Fatalf("component pointer %q leads nowhere", c.Pointer)
			} else if _, obj := v.(map[string]any); !obj {
				t.Fatalf("component pointer %q leads to %T", c.Pointer, v)
			}
		}
	})
}

// FuzzDecodeSPDXXML fuzzes the SPDX 2 XML reader, seeded with the SPDX
// specification's XML examples and TestDecodeSPDXXMLSmall's document: it
// never panics, and FuzzDecode's checks hold.
func FuzzDecodeSPDXXML(f *testing.F) {
	addSeeds(f, filepath.Join(corpusDir, "*.xml"))
	f.Add([]byte("<Document><spdxVersion>SPDX-2.3</spdxVersion><packages><SPDXID>SPDXRef-a</SPDXID><name>a</name>" +
		"<supplier>Organization: A (a@example.com)</supplier><filesAnalyzed>false</filesAnalyzed></packages></Document>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := sbom.Decode(data, sbom.Options{Name: "fuzz"})
		if checkOutcome(t, "fuzz", doc, err) {
			var de *sbom.DecodeError
			if errors.As(err, &de) && de.Format == sbom.FormatSPDXXML {
				t.Fatalf("the SPDX XML reader panicked: %v", err)
			}
		}
		if doc != nil && doc.Format == sbom.FormatSPDXXML {
			for _, c := range doc.Components {
				if !strings.HasPrefix(c.Pointer, "/Document/") {
					t.Fatalf("component pointer %q", c.Pointer)
				}
			}
		}
	})
}
