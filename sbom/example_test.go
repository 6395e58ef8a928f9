package sbom_test

import (
	"errors"
	"fmt"

	"github.com/bangate/bangate/sbom"
)

func ExampleDecode() {
	data := []byte(`{
  "bomFormat": "CycloneDX",
  "specVersion": "1.6",
  "components": [{
    "bom-ref": "pkg:maven/com.example/lib@1.0",
    "type": "library",
    "name": "lib",
    "version": "1.0",
    "purl": "pkg:maven/com.example/lib@1.0",
    "supplier": {"name": "Example Ltd", "url": ["https://example.com"]}
  }]
}`)
	doc, err := sbom.Decode(data, sbom.Options{Name: "app.cdx.json"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Format, doc.SpecVersion)
	for _, c := range doc.Components {
		p, _ := sbom.ParsePURL(c.PURL)
		fmt.Println(c.Pointer, c.Name, p.NamespaceKey())
		for _, party := range c.Parties {
			fmt.Println(party.Role, party.Kind, party.Name, party.Pointer)
		}
	}

	_, err = sbom.Decode([]byte(`{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [`), sbom.Options{Name: "cut.json"})
	fmt.Println(errors.Is(err, sbom.ErrTruncated), err)
	// Output:
	// cyclonedx-json 1.6
	// /components/0 lib maven:com.example
	// supplier organization Example Ltd /components/0/supplier/name
	// true decode cut.json: CycloneDX JSON: truncated document: document ends inside 2 open brackets at /components (line 1, byte 64)
}

func ExampleIdentify() {
	f, v, err := sbom.Identify([]byte("SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n"))
	fmt.Println(f, v, err)
	// Output: spdx-tag-value 2.3 <nil>
}

func ExampleLabel() {
	data := []byte(`{"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [
  {"type": "software_Package", "spdxId": "urn:pkg", "name": "lib", "suppliedBy": "urn:org"},
  {"type": "Organization", "spdxId": "urn:org", "name": "Example Ltd"}]}`)
	f, v, _ := sbom.Identify(data)
	fmt.Println(sbom.Label(f, v))
	doc, _ := sbom.Decode(data, sbom.Options{Name: "lib.spdx3.json"})
	p := doc.Components[0].Parties[0]
	fmt.Println(p.Role, p.Kind, p.Name, p.Pointer)

	_, err := sbom.Decode([]byte(`{"spdxVersion": "SPDX-2.3", "packages": [{"name": 7}]}`), sbom.Options{Name: "app.spdx.json"})
	fmt.Println(err)
	// Output:
	// SPDX 3.0.1 JSON-LD
	// supplier organization Example Ltd /@graph/0/suppliedBy
	// decode app.spdx.json: SPDX 2.3 JSON: invalid document: a JSON number where SPDX JSON has a string at /packages/0/name (line 1, byte 51)
}

func ExampleParseContacts() {
	for _, c := range sbom.ParseContacts("Security Components Team <oss-components@vendor.com> (https://vendor.com/oss)") {
		fmt.Printf("%q %q %q\n", c.Name, c.Emails, c.URLs)
	}
	// Output: "Security Components Team" ["oss-components@vendor.com"] ["https://vendor.com/oss"]
}

func ExampleDecode_inTotoStatement() {
	statement := `{"_type": "https://in-toto.io/Statement/v1", "subject": [{"name": "app", "digest": {"sha256": "ab"}}],
  "predicateType": "https://cyclonedx.org/bom",
  "predicate": {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"name": "lib", "publisher": "Example Ltd"}]}}`
	doc, err := sbom.Decode([]byte(statement), sbom.Options{Name: "app.intoto.json"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Format, doc.Envelope.Kind, doc.Envelope.PredicateType)
	fmt.Println(doc.Components[0].Parties[0].Name, doc.Components[0].Parties[0].Pointer)
	// Output:
	// cyclonedx-json in-toto https://cyclonedx.org/bom
	// Example Ltd /predicate/components/0/publisher
}
