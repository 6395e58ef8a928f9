package sbom

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/spdx/tools-golang/spdx/v2/common"
)

// The SPDX 2.2 and 2.3 XML serialisation is the JSON one written as XML
// (the SPDX tools produce both from one model): a root <Document>, one
// element per member, an array as the element repeated. It is read by
// turning it into that JSON, with the SPDX JSON schema's array, boolean
// and number members, and decoding the JSON as SPDX JSON is; pointers are
// then written back as XML locators ("/Document/packages[2]/supplier").

// spdxXMLVersion finds the version of an SPDX XML document.
var spdxXMLVersion = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?spdxVersion>\s*([^<\s]*)\s*</`)

// sniffSPDXXML classifies an XML document whose root is <Document>.
func sniffSPDXXML(s sniffed, opts Options) (sniffed, error) {
	if !bytes.Contains(s.body, []byte("spdxVersion>")) && !bytes.Contains(s.body, []byte("SPDXID>")) {
		return s, newError(opts.Name, "", ErrUnknownFormat, "XML root element <Document> without SPDX members")
	}
	s.format = FormatSPDXXML
	m := spdxXMLVersion.FindSubmatch(s.body)
	if m == nil {
		return s, newError(opts.Name, s.format, ErrInvalid, "missing spdxVersion")
	}
	return checkSPDXVersion(s, string(m[1]), opts)
}

// spdxXMLArrays are the members that the SPDX 2.2 and 2.3 JSON schemas
// define as arrays (the two list the same ones); in XML each is the
// element repeated.
var spdxXMLArrays = map[string]bool{
	"annotations": true, "artifactOfs": true, "attributionTexts": true, "checksums": true,
	"creators": true, "crossRefs": true, "documentDescribes": true, "externalDocumentRefs": true,
	"externalRefs": true, "fileContributors": true, "fileDependencies": true, "fileTypes": true,
	"files": true, "hasExtractedLicensingInfos": true, "hasFiles": true, "licenseInfoFromFiles": true,
	"licenseInfoInFiles": true, "licenseInfoInSnippets": true, "packageVerificationCodeExcludedFiles": true,
	"packages": true, "ranges": true, "relationships": true, "revieweds": true, "seeAlsos": true,
	"snippets": true,
}

// spdxXMLBooleans and spdxXMLNumbers are the members the schemas type as
// boolean and integer.
var (
	spdxXMLBooleans = map[string]bool{"filesAnalyzed": true, "isLive": true, "isValid": true, "isWayBackLink": true}
	spdxXMLNumbers  = map[string]bool{"lineNumber": true, "offset": true, "order": true}
)

// xmlNode is one open element while an SPDX XML document is read.
type xmlNode struct {
	name    string
	parent  *xmlNode
	index   int // 1-based among same-named siblings; 0 for a single member
	members map[string]any
	counts  map[string]int // children seen per name, for locators
	text    strings.Builder
	line    int
}

// ptr returns the element's locator ("/Document/packages[2]/supplier"),
// built only when needed: building one per element would take memory
// quadratic in the depth.
func (n *xmlNode) ptr() string {
	var steps []string
	for x := n; x != nil; x = x.parent {
		step := x.name
		if x.index > 0 {
			step += "[" + strconv.Itoa(x.index) + "]"
		}
		steps = append(steps, step)
	}
	var b strings.Builder
	for i := len(steps) - 1; i >= 0; i-- {
		b.WriteString("/" + steps[i])
	}
	return b.String()
}

// decodeSPDXXML reads SPDX 2.2/2.3 XML.
func decodeSPDXXML(s sniffed, opts Options) (*Document, error) {
	// Whatever MaxDepth says, the JSON decoding that follows stops at
	// encoding/json's own limit.
	if serr := scanXML(s.body, min(opts.maxDepth(), jsonMaxNesting)); serr != nil {
		e := newError(opts.Name, s.format, serr.kind, serr.detail)
		e.Offset = serr.offset
		return nil, e
	}
	root, err := spdxXMLToJSON(s.body, opts, s.format)
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(root)
	if err != nil {
		return nil, newError(opts.Name, s.format, ErrInvalid, "cannot re-encode the document")
	}
	js := s
	js.body = body
	if top, serr := scanJSON(body, 0, opts.maxDepth(), false); serr == nil {
		js.json = top
	}
	doc, err := decodeSPDXJSON(js, opts)
	if err != nil {
		var de *DecodeError
		if errors.As(err, &de) {
			if de.Pointer == "" {
				locateJSONError(de, err, body)
			}
			de.Pointer = xmlLocator(de.Pointer)
			de.Offset = -1 // an offset into the JSON, not the XML
			de.Format, de.Version = s.format, s.version
		}
		return nil, err
	}
	doc.Format, doc.SpecVersion = s.format, s.version
	xmlPointers(doc)
	return doc, nil
}

// spdxXMLToJSON turns an SPDX XML document into the JSON value of the same
// document, element by element, without recursion.
func spdxXMLToJSON(body []byte, opts Options, f Format) (map[string]any, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = true
	var stack []*xmlNode
	fail := func(kind error, detail string, n *xmlNode) error {
		e := newError(opts.Name, f, kind, detail)
		if n != nil {
			e.Pointer, e.Line = n.ptr(), n.line
		}
		return e
	}
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil, fail(ErrTruncated, "XML ends before the root element is closed", nil)
		}
		if err != nil {
			return nil, xmlError(opts.Name, f, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{name: t.Name.Local, line: line}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				if parent.counts == nil {
					parent.counts = make(map[string]int)
				}
				parent.counts[n.name]++
				n.parent = parent
				if spdxXMLArrays[n.name] {
					n.index = parent.counts[n.name]
				}
			}
			stack = append(stack, n)
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		case xml.EndElement:
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			v, err := n.value(fail)
			if err != nil {
				return nil, err
			}
			if len(stack) == 0 {
				obj, ok := v.(map[string]any)
				if !ok {
					return nil, fail(ErrInvalid, "the root element has no members", n)
				}
				return obj, nil
			}
			if err := stack[len(stack)-1].add(n, v, fail); err != nil {
				return nil, err
			}
		}
	}
}

// value returns the JSON value of a closed element: an object when it has
// child elements, else its text (a boolean or a number for the members
// the schema types so).
func (n *xmlNode) value(fail func(error, string, *xmlNode) error) (any, error) {
	text := n.text.String()
	if n.members != nil {
		if strings.TrimSpace(text) != "" {
			return nil, fail(ErrInvalid, "an element has both text and child elements", n)
		}
		return n.members, nil
	}
	switch {
	case spdxXMLBooleans[n.name]:
		b, err := strconv.ParseBool(strings.TrimSpace(text))
		if err != nil {
			return nil, fail(ErrInvalid, "not a boolean", n)
		}
		return b, nil
	case spdxXMLNumbers[n.name]:
		t := strings.TrimSpace(text)
		if _, err := strconv.ParseInt(t, 10, 64); err != nil {
			return nil, fail(ErrInvalid, "not an integer", n)
		}
		return json.Number(t), nil
	}
	return text, nil
}

// add puts the value of child element c into n: appended to an array
// member, or set once (a second value of a single member is an error,
// since keeping either would hide the other).
func (n *xmlNode) add(c *xmlNode, v any, fail func(error, string, *xmlNode) error) error {
	if n.members == nil {
		n.members = make(map[string]any)
	}
	if spdxXMLArrays[c.name] {
		list, _ := n.members[c.name].([]any)
		n.members[c.name] = append(list, v)
		return nil
	}
	if _, dup := n.members[c.name]; dup {
		return fail(ErrInvalid, "an element repeats a single-valued child", c)
	}
	n.members[c.name] = v
	return nil
}

// xmlLocator turns a JSON pointer into the document converted from XML
// into a locator in the XML ("/packages/2/supplier" →
// "/Document/packages[3]/supplier").
func xmlLocator(p string) string {
	if p == "" {
		return "/Document"
	}
	var b strings.Builder
	b.WriteString("/Document")
	for _, t := range strings.Split(p[1:], "/") {
		if i, err := strconv.Atoi(t); err == nil && b.Len() > len("/Document") {
			b.WriteString("[" + strconv.Itoa(i+1) + "]")
			continue
		}
		b.WriteString("/" + t)
	}
	return b.String()
}

// xmlPointers rewrites every pointer of a document decoded from the JSON
// form of an XML file as an XML locator.
func xmlPointers(doc *Document) {
	fix := func(c *Component) {
		synthesised := c.Ref == c.Pointer // a package without SPDXID
		c.Pointer = xmlLocator(c.Pointer)
		if synthesised {
			c.Ref = c.Pointer
		}
		if c.CopyrightPointer != "" {
			c.CopyrightPointer = xmlLocator(c.CopyrightPointer)
		}
		for i := range c.Parties {
			c.Parties[i].Pointer = xmlLocator(c.Parties[i].Pointer)
		}
		for i := range c.ExternalRefs {
			c.ExternalRefs[i].Pointer = xmlLocator(c.ExternalRefs[i].Pointer)
		}
	}
	if doc.Subject != nil {
		// The subject is a copy of a component that shares its slices:
		// give it its own before rewriting both.
		s := doc.Subject
		s.Parties = append([]Party(nil), s.Parties...)
		s.ExternalRefs = append([]ExternalRef(nil), s.ExternalRefs...)
		fix(s)
	}
	for i := range doc.Components {
		fix(&doc.Components[i])
	}
	for i := range doc.Parties {
		doc.Parties[i].Pointer = xmlLocator(doc.Parties[i].Pointer)
	}
	for i := range doc.Warnings {
		doc.Warnings[i].Pointer = xmlLocator(doc.Warnings[i].Pointer)
	}
}

// spdxRefType returns an SPDX 2 external reference type by its short
// name. RDF/XML names every type by URI
// ("http://spdx.org/rdf/references/purl"), and the SPDX XML example names
// some by a URI in the document's namespace ("http://…#purl").
//
// A type SPDX defines is given by its SPDX spelling whatever its letter
// case ("PURL", "CPE23TYPE" and "Cpe23Type" are the types a reader takes
// them for), so that a reference is not left unread for its case.
func spdxRefType(t string) string {
	t = strings.TrimPrefix(strings.TrimSpace(t), "http://spdx.org/rdf/references/")
	if i := strings.LastIndexByte(t, '#'); i >= 0 && strings.Contains(t[:i], "://") {
		if k := spdxKnownRefType(t[i+1:]); k != "" {
			return k
		}
	}
	if k := spdxKnownRefType(t); k != "" {
		return k
	}
	return t
}

// spdxRefTypes are the external reference types SPDX 2 defines.
var spdxRefTypes = []string{common.TypePackageManagerPURL, common.TypeSecurityCPE22Type, common.TypeSecurityCPE23Type,
	common.TypeSecuritySwid, common.TypeSecurityAdvisory, common.TypeSecurityFix, common.TypeSecurityUrl,
	common.TypePackageManagerMavenCentral, common.TypePackageManagerNpm, common.TypePackageManagerNuGet,
	common.TypePackageManagerBower, common.TypePersistentIdGitoid, common.TypePersistentIdSwh}

// spdxKnownRefType is the SPDX spelling of an external reference type SPDX
// defines, matched without regard to letter case; "" for any other.
func spdxKnownRefType(t string) string {
	for _, k := range spdxRefTypes {
		if strings.EqualFold(t, k) {
			return k
		}
	}
	return ""
}
