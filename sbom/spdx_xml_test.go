package sbom_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/bangate/bangate/sbom"
)

// TestDecodeSPDXXMLMatchesJSON: the SPDX 2.2 specification's XML example
// decodes to the same document as its JSON example, with every pointer
// the XML locator of the JSON one, and every locator leads to the element
// it names.
func TestDecodeSPDXXMLMatchesJSON(t *testing.T) {
	t.Parallel()
	x := readTestdata(t, corpusDir+"/spdx-spec-2.2.spdx.xml")
	dx, err := sbom.Decode(x, sbom.Options{Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	dj, err := sbom.Decode(readTestdata(t, corpusDir+"/spdx-spec-2.2.spdx.json"), sbom.Options{Name: "j"})
	if err != nil {
		t.Fatal(err)
	}
	if dx.Label() != "SPDX 2.2 XML" {
		t.Errorf("label %q", dx.Label())
	}
	// The JSON document with its pointers turned into XML locators
	// ("/packages/0/supplier" → "/Document/packages[1]/supplier").
	index := regexp.MustCompile(`/([0-9]+)`)
	loc := func(p string) string {
		return "/Document" + index.ReplaceAllStringFunc(p, func(m string) string {
			n, _ := strconv.Atoi(m[1:])
			return "[" + strconv.Itoa(n+1) + "]"
		})
	}
	want := *dj
	want.Format = sbom.FormatSPDXXML
	want.Components = append([]sbom.Component(nil), dj.Components...)
	for i := range want.Components {
		c := &want.Components[i]
		c.Pointer = loc(c.Pointer)
		if c.CopyrightPointer != "" {
			c.CopyrightPointer = loc(c.CopyrightPointer)
		}
		c.Parties = append([]sbom.Party(nil), c.Parties...)
		for k := range c.Parties {
			c.Parties[k].Pointer = loc(c.Parties[k].Pointer)
		}
		c.ExternalRefs = append([]sbom.ExternalRef(nil), c.ExternalRefs...)
		for k := range c.ExternalRefs {
			c.ExternalRefs[k].Pointer = loc(c.ExternalRefs[k].Pointer)
		}
	}
	want.Parties = append([]sbom.Party(nil), dj.Parties...)
	for k := range want.Parties {
		want.Parties[k].Pointer = loc(want.Parties[k].Pointer)
	}
	subj := want.Components[0]
	want.Subject = &subj
	if diff := cmp.Diff(&want, dx); diff != "" {
		t.Errorf("XML and JSON examples differ (-json +xml):\n%s", diff)
	}
	// Every locator leads to an element of the XML file holding the value.
	root := parseXMLTree(t, x)
	for _, c := range dx.Components {
		if xmlAt(root, c.Pointer) == nil {
			t.Errorf("component %s: %q leads nowhere", c.Ref, c.Pointer)
		}
		for _, p := range c.Parties {
			if n := xmlAt(root, p.Pointer); n == nil || !strings.Contains(n.text, p.Name) {
				t.Errorf("party %q: %q leads elsewhere", p.Name, p.Pointer)
			}
		}
		for _, r := range c.ExternalRefs {
			if n := xmlAt(root, r.Pointer); n == nil || strings.TrimSpace(n.text) != r.URL {
				t.Errorf("reference %q: %q leads elsewhere", r.URL, r.Pointer)
			}
		}
	}
	for _, p := range dx.Parties {
		if n := xmlAt(root, p.Pointer); n == nil || !strings.Contains(n.text, p.Name) {
			t.Errorf("creator %q: %q leads elsewhere", p.Name, p.Pointer)
		}
	}
}

// xmlTree is an element of a parsed XML file, for following locators.
type xmlTree struct {
	name     string
	text     string
	children []*xmlTree
}

func parseXMLTree(t *testing.T, data []byte) *xmlTree {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	top := &xmlTree{}
	stack := []*xmlTree{top}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch x := tok.(type) {
		case xml.StartElement:
			n := &xmlTree{name: x.Name.Local}
			cur := stack[len(stack)-1]
			cur.children = append(cur.children, n)
			stack = append(stack, n)
		case xml.CharData:
			stack[len(stack)-1].text += string(x)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
	return top
}

// xmlAt follows a locator ("/Document/packages[2]/supplier"; no index
// means the first).
func xmlAt(n *xmlTree, loc string) *xmlTree {
	step := regexp.MustCompile(`^([^\[]+)(?:\[([0-9]+)\])?$`)
	for _, s := range strings.Split(strings.TrimPrefix(loc, "/"), "/") {
		m := step.FindStringSubmatch(s)
		if m == nil {
			return nil
		}
		want := 1
		if m[2] != "" {
			want, _ = strconv.Atoi(m[2])
		}
		var next *xmlTree
		for _, c := range n.children {
			if c.name == m[1] {
				if want--; want == 0 {
					next = c
					break
				}
			}
		}
		if next == nil {
			return nil
		}
		n = next
	}
	return n
}

// TestDecodeSPDXXMLSmall checks the XML conversion field by field.
func TestDecodeSPDXXMLSmall(t *testing.T) {
	t.Parallel()
	const doc = `<?xml version="1.0" encoding="UTF-8"?>
<Document>
  <SPDXID>SPDXRef-DOCUMENT</SPDXID>
  <spdxVersion>SPDX-2.3</spdxVersion>
  <creationInfo>
    <created>2020-01-01T00:00:00Z</created>
    <creators>Tool: gen-1.0</creators>
    <creators>Organization: Example Org (spdx@example.com)</creators>
  </creationInfo>
  <name>d</name>
  <dataLicense>CC0-1.0</dataLicense>
  <documentNamespace>https://example.com/d</documentNamespace>
  <documentDescribes>SPDXRef-p</documentDescribes>
  <packages>
    <SPDXID>SPDXRef-p</SPDXID>
    <name>p</name>
    <versionInfo>2</versionInfo>
    <supplier>Organization: Huawei Technologies Co., Ltd. (psirt@huawei.com)</supplier>
    <originator>Person: Ann Smith (ann@example.org)</originator>
    <downloadLocation>NOASSERTION</downloadLocation>
    <filesAnalyzed>false</filesAnalyzed>
    <copyrightText>Copyright
Example</copyrightText>
    <externalRefs>
      <referenceCategory>PACKAGE-MANAGER</referenceCategory>
      <referenceLocator>pkg:npm/%40scope/p@2</referenceLocator>
      <referenceType>http://spdx.org/spdxdocs/d#purl</referenceType>
    </externalRefs>
    <externalRefs>
      <referenceCategory>SECURITY</referenceCategory>
      <referenceLocator>cpe:2.3:a:huawei:p:2:*:*:*:*:*:*:*</referenceLocator>
      <referenceType>cpe23Type</referenceType>
    </externalRefs>
    <licenseDeclared>MIT</licenseDeclared>
  </packages>
  <packages>
    <SPDXID>SPDXRef-q</SPDXID>
    <name>q</name>
    <downloadLocation>https://example.com/q.tgz</downloadLocation>
    <supplier>Person: Jane Roe</supplier>
    <externalRefs>
      <referenceCategory>PACKAGE-MANAGER</referenceCategory>
      <referenceLocator>not-a-purl</referenceLocator>
      <referenceType>purl</referenceType>
    </externalRefs>
  </packages>
  <relationships>
    <spdxElementId>SPDXRef-p</spdxElementId>
    <relationshipType>DEPENDS_ON</relationshipType>
    <relatedSpdxElement>SPDXRef-q</relatedSpdxElement>
  </relationships>
</Document>
`
	got, err := sbom.Decode([]byte(doc), sbom.Options{Name: "d.spdx.xml"})
	if err != nil {
		t.Fatal(err)
	}
	p := sbom.Component{Ref: "SPDXRef-p", Pointer: "/Document/packages[1]", Name: "p", Version: "2",
		PURL: "pkg:npm/%40scope/p@2", CPEs: []string{"cpe:2.3:a:huawei:p:2:*:*:*:*:*:*:*"},
		Parties: []sbom.Party{
			{Role: "supplier", Kind: "organization", Name: "Huawei Technologies Co., Ltd.", Emails: []string{"psirt@huawei.com"}, Pointer: "/Document/packages[1]/supplier"},
			{Role: "originator", Kind: "person", Name: "Ann Smith", Emails: []string{"ann@example.org"}, Pointer: "/Document/packages[1]/originator"},
		},
		Copyright: "Copyright\nExample", CopyrightPointer: "/Document/packages[1]/copyrightText", Licenses: []string{"MIT"}}
	want := &sbom.Document{
		Format: sbom.FormatSPDXXML, SpecVersion: "2.3", Subject: &p,
		Parties: []sbom.Party{{Role: "creator", Kind: "organization", Name: "Example Org", Emails: []string{"spdx@example.com"}, Pointer: "/Document/creationInfo/creators[2]"}},
		Components: []sbom.Component{p, {Ref: "SPDXRef-q", Pointer: "/Document/packages[2]", Name: "q", PURL: "not-a-purl",
			Parties:      []sbom.Party{{Role: "supplier", Kind: "person", Name: "Jane Roe", Pointer: "/Document/packages[2]/supplier"}},
			ExternalRefs: []sbom.ExternalRef{{Type: "download", URL: "https://example.com/q.tgz", Pointer: "/Document/packages[2]/downloadLocation"}}}},
		Dependencies: map[string][]string{"SPDXRef-p": {"SPDXRef-q"}},
		Warnings: []sbom.Warning{{Code: "purl-invalid", Message: "purl does not parse: missing pkg: scheme",
			Pointer: "/Document/packages[2]/externalRefs[1]/referenceLocator"}},
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("SPDX XML conversion (-want +got):\n%s", diff)
	}
}

// TestDecodeSPDXXMLErrors: what cannot be read faithfully fails with the
// verdict, the place and the cause.
func TestDecodeSPDXXMLErrors(t *testing.T) {
	t.Parallel()
	head := "<Document>\n<spdxVersion>SPDX-2.3</spdxVersion>\n<SPDXID>SPDXRef-DOCUMENT</SPDXID>\n"
	tests := []struct {
		name, doc string
		want      error
		msg       string
	}{
		{"repeated supplier", head + "<packages><SPDXID>SPDXRef-a</SPDXID><name>a</name>\n<supplier>Organization: A</supplier>\n<supplier>Organization: B</supplier></packages></Document>",
			sbom.ErrInvalid, "decode x.xml: SPDX 2.3 XML: invalid document: an element repeats a single-valued child at /Document/packages[1]/supplier (line 6)"},
		{"not a boolean", head + "<packages><SPDXID>SPDXRef-a</SPDXID><filesAnalyzed>maybe</filesAnalyzed></packages></Document>",
			sbom.ErrInvalid, "decode x.xml: SPDX 2.3 XML: invalid document: not a boolean at /Document/packages[1]/filesAnalyzed (line 4)"},
		{"text beside elements", head + "<packages>oops<name>a</name></packages></Document>",
			sbom.ErrInvalid, "decode x.xml: SPDX 2.3 XML: invalid document: an element has both text and child elements at /Document/packages[1] (line 4)"},
		{"wrong shape", head + "<creationInfo>yesterday</creationInfo></Document>",
			sbom.ErrInvalid, "decode x.xml: SPDX 2.3 XML: invalid document: a JSON string where SPDX XML has an object at /Document/creationInfo"},
		{"package member of the wrong shape", head + "<packages><SPDXID>SPDXRef-a</SPDXID></packages><packages><SPDXID>SPDXRef-b</SPDXID><name><x>1</x></name></packages></Document>",
			sbom.ErrInvalid, "decode x.xml: SPDX 2.3 XML: invalid document: a JSON object where SPDX XML has a string at /Document/packages[2]/name"},
		{"truncated", head + "<packages><name>a</name>", sbom.ErrTruncated,
			"decode x.xml: SPDX 2.3 XML: truncated document: document ends inside 2 open elements (line 4, byte 105)"},
		{"trailing", head + "</Document><Document/>", sbom.ErrTrailingData,
			"decode x.xml: SPDX 2.3 XML: trailing data after the document: a second root element (line 4, byte 92)"},
		{"missing version", "<Document><SPDXID>SPDXRef-DOCUMENT</SPDXID></Document>", sbom.ErrInvalid,
			"decode x.xml: SPDX XML: invalid document: missing spdxVersion"},
		{"SPDX 3", "<Document><spdxVersion>SPDX-3.0</spdxVersion></Document>", sbom.ErrUnsupported,
			"decode x.xml: SPDX 3.0 XML: unsupported SBOM format or version: SPDX 3.0"},
		{"not SPDX", "<Document><title>minutes</title></Document>", sbom.ErrUnknownFormat,
			"decode x.xml: not a recognised SBOM: XML root element <Document> without SPDX members"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := sbom.Decode([]byte(tc.doc), sbom.Options{Name: "x.xml"})
			if doc != nil || !errors.Is(err, tc.want) {
				t.Fatalf("Decode = %v, %v; want %v", doc, err, tc.want)
			}
			if err.Error() != tc.msg {
				t.Errorf("message\n got %q\nwant %q", err.Error(), tc.msg)
			}
		})
	}
}
