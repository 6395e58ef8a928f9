package sbom

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"runtime"
	"strconv"
	"strings"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

// decodeCycloneDXJSON parses CycloneDX JSON with cyclonedx-go and converts
// it. The pre-scan has already checked nesting, completeness and trailing
// data. Large component lists are decoded on all cores.
func decodeCycloneDXJSON(s sniffed, opts Options) (*Document, error) {
	return decodeCDXJSON(s, opts, splitMin, runtime.GOMAXPROCS(0))
}

// decodeCDXJSON is decodeCycloneDXJSON with the split threshold and the
// number of workers given (see unmarshalSplit).
func decodeCDXJSON(s sniffed, opts Options, threshold, workers int) (*Document, error) {
	bom, ok := unmarshalSplit(s.body, &s.json.comps, threshold, workers, opts.maxDepth())
	var log *lenientLog
	if !ok {
		bom = new(cdx.BOM)
		if err := json.Unmarshal(s.body, bom); err != nil {
			var lerr error
			bom, log, lerr = unmarshalCDXLenient(s.body, err)
			if lerr != nil {
				return nil, cdxJSONError(opts.Name, s.format, s.body, lerr)
			}
		}
	}
	doc, err := convertCycloneDX(bom, s, opts, locator{})
	if err == nil {
		log.flush(doc)
	}
	return doc, err
}

// decodeCycloneDXXML parses CycloneDX XML with cyclonedx-go and converts
// it.
func decodeCycloneDXXML(s sniffed, opts Options) (*Document, error) {
	if serr := scanXMLSingles(s.body, opts.maxDepth(), cdxSingles); serr != nil {
		e := newError(opts.Name, s.format, serr.kind, serr.detail)
		e.Offset = serr.offset
		return nil, e
	}
	var bom cdx.BOM
	dec := xml.NewDecoder(bytes.NewReader(s.body))
	dec.Strict = true
	if err := dec.Decode(&bom); err != nil {
		e := xmlError(opts.Name, s.format, err)
		var de *DecodeError
		if errors.As(e, &de) && de.Line == 0 {
			// A library error without a place: where the decoder stopped.
			de.Line, _ = dec.InputPos()
		}
		return nil, e
	}
	if err := xmlTrailing(dec); err != nil {
		return nil, xmlError(opts.Name, s.format, err)
	}
	return convertCycloneDX(&bom, s, opts, locator{xml: true})
}

// errTrailingElement is returned by xmlTrailing when content follows the
// root element.
var errTrailingElement = errors.New("content after the root element")

// xmlTrailing reads what follows the root element: only white space,
// comments and processing instructions may.
func xmlTrailing(dec *xml.Decoder) error {
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return errTrailingElement
			}
		case xml.Comment, xml.ProcInst:
		default:
			return errTrailingElement
		}
	}
}

// jsonError maps an encoding/json error to a *DecodeError without quoting
// the input.
func jsonError(name string, f Format, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		e := newError(name, f, ErrSyntax, "malformed JSON")
		e.Offset, e.Cause = se.Offset, err
		return e
	case errors.As(err, &te):
		detail := "a field has the wrong type"
		if te.Field != "" && safeFieldPath(te.Field) {
			detail = "field " + te.Field + " is a JSON " + typeErrorKind(te.Value) + ", want " + te.Type.String()
		}
		e := newError(name, f, ErrInvalid, detail)
		e.Offset, e.Cause, e.quiet = te.Offset, err, true
		return e
	}
	e := newError(name, f, ErrInvalid, "a field is not in the form the parser reads")
	e.Cause = err
	return e
}

// safeFieldPath reports whether a field path from encoding/json is made of
// struct field names only (letters, digits, '.', '-', '_', '$', '@'): the
// path can hold map keys taken from the input, which messages never echo.
func safeFieldPath(p string) bool {
	if len(p) > 120 {
		return false
	}
	for _, c := range p {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '.' || c == '-' || c == '_' || c == '$' || c == '@'
		if !ok {
			return false
		}
	}
	return true
}

// xmlError maps an encoding/xml error to a *DecodeError without quoting
// the input.
func xmlError(name string, f Format, err error) error {
	var se *xml.SyntaxError
	switch {
	case errors.Is(err, errTrailingElement):
		return newError(name, f, ErrTrailingData, "content after the root element")
	case errors.As(err, &se):
		kind := ErrSyntax
		detail := "malformed XML"
		if strings.Contains(se.Msg, "unexpected EOF") {
			kind, detail = ErrTruncated, "XML ends before the root element is closed"
		}
		e := newError(name, f, kind, detail)
		e.Line, e.Cause = se.Line, err
		return e
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		e := newError(name, f, ErrTruncated, "XML ends before the root element is closed")
		e.Cause = err
		return e
	}
	e := newError(name, f, ErrInvalid, "an element is not in the form the parser reads")
	e.Cause = err
	return e
}

// cdxConv holds the state of one CycloneDX conversion.
type cdxConv struct {
	loc  locator
	doc  *Document
	refs map[string]string // explicit bom-ref → pointer of its first use
	max  int
	// deferRefs, set in the workers of a parallel conversion, leaves the
	// duplicate-ref check to the merge and records which refs are
	// explicit and which component each warning belongs to.
	deferRefs bool
	explicit  []bool // per converted component: the ref is a bom-ref
	warnComp  []int  // per warning: index of its component in doc.Components
}

// convertCycloneDX converts a parsed BOM into a Document.
func convertCycloneDX(bom *cdx.BOM, s sniffed, opts Options, loc locator) (*Document, error) {
	doc := &Document{Format: s.format, SpecVersion: s.version}
	c := &cdxConv{loc: loc, doc: doc, max: opts.maxComponents()}
	root := ""
	if loc.xml {
		root = "/bom"
	}
	n := countCDX(bom.Components)
	if bom.Metadata != nil && bom.Metadata.Component != nil {
		n += countCDX(bom.Metadata.Component.Components)
	}
	if n > c.max {
		return nil, newError(opts.Name, s.format, ErrTooManyComponents, strconv.Itoa(n)+" components, limit "+strconv.Itoa(c.max))
	}
	doc.Components = make([]Component, 0, n)
	c.refs = make(map[string]string, n+1)

	if md := bom.Metadata; md != nil {
		mp := loc.field(root, "metadata")
		c.entity(&doc.Parties, RoleSupplier, md.Supplier, mp, "supplier")
		c.entity(&doc.Parties, RoleManufacturer, md.Manufacturer, mp, "manufacturer")
		c.entity(&doc.Parties, RoleManufacturer, md.Manufacture, mp, "manufacture")
		c.contacts(&doc.Parties, RoleAuthor, md.Authors, mp)
		if md.Component != nil {
			sp := loc.field(mp, "component")
			subj := c.convert(md.Component, sp, nil)
			doc.Subject = &subj
			if md.Component.Components != nil {
				c.components(*md.Component.Components, sp, []string{subj.Ref})
			}
		}
	}
	if bom.Components != nil {
		c.topComponents(*bom.Components, root)
	}
	doc.Services = countServices(bom.Services)
	if bom.Dependencies != nil {
		doc.Dependencies = make(map[string][]string, len(*bom.Dependencies))
		for _, d := range *bom.Dependencies {
			deps := doc.Dependencies[d.Ref]
			if deps == nil {
				deps = []string{}
			}
			if d.Dependencies != nil {
				deps = append(deps, *d.Dependencies...)
			}
			doc.Dependencies[d.Ref] = deps
		}
	}
	return doc, nil
}

// countCDX counts components, nested ones included.
func countCDX(list *[]cdx.Component) int {
	if list == nil {
		return 0
	}
	n := len(*list)
	for i := range *list {
		n += countCDX((*list)[i].Components)
	}
	return n
}

// countServices counts services, nested ones included.
func countServices(list *[]cdx.Service) int {
	if list == nil {
		return 0
	}
	n := len(*list)
	for i := range *list {
		n += countServices((*list)[i].Services)
	}
	return n
}

// components converts a list held under parent (its pointer) and, after
// each one, its nested components, so that the output is in file order.
func (c *cdxConv) components(list []cdx.Component, parent string, path []string) {
	c.componentsFrom(list, 0, parent, path)
}

// componentsFrom is components for a slice that starts at index first of
// the file's list.
func (c *cdxConv) componentsFrom(list []cdx.Component, first int, parent string, path []string) {
	for i := range list {
		comp := &list[i]
		p := c.loc.elem(parent, "components", "component", first+i)
		out := c.convert(comp, p, path)
		c.doc.Components = append(c.doc.Components, out)
		if comp.Components != nil && len(*comp.Components) > 0 {
			// Copy the path so that siblings do not share a backing array.
			child := make([]string, len(path)+1)
			copy(child, path)
			child[len(path)] = out.Ref
			c.components(*comp.Components, p, child)
		}
	}
}

// convert maps one CycloneDX component (without its children).
func (c *cdxConv) convert(comp *cdx.Component, p string, path []string) Component {
	loc := c.loc
	out := Component{
		Ref: comp.BOMRef, Pointer: p, Name: comp.Name, Version: comp.Version,
		Type: string(comp.Type), Group: comp.Group, PURL: comp.PackageURL, Path: path,
	}
	if c.deferRefs {
		c.explicit = append(c.explicit, out.Ref != "")
		if out.Ref == "" {
			out.Ref = p
		}
	} else if out.Ref == "" {
		out.Ref = p
	} else if first, dup := c.refs[out.Ref]; dup {
		c.warn(WarnDuplicateRef, "bom-ref already used by the component at "+first, p)
	} else {
		c.refs[out.Ref] = p
	}
	if strings.TrimSpace(comp.Name) == "" {
		c.warn(WarnComponentUnnamed, "component has no name", p)
	}
	if comp.PackageURL != "" {
		if _, err := ParsePURL(comp.PackageURL); err != nil {
			c.warn(WarnPURLInvalid, "purl does not parse: "+purlReason(err), loc.field(p, "purl"))
		}
	}
	if comp.CPE != "" {
		out.CPEs = []string{comp.CPE}
		if _, err := ParseCPE(comp.CPE); err != nil {
			c.warn(WarnCPEInvalid, "CPE does not parse: "+cpeReason(err), loc.field(p, "cpe"))
		}
	}
	if n := countParties(comp); n > 0 {
		out.Parties = make([]Party, 0, n)
	}
	c.entity(&out.Parties, RoleSupplier, comp.Supplier, p, "supplier")
	c.entity(&out.Parties, RoleManufacturer, comp.Manufacturer, p, "manufacturer")
	c.contacts(&out.Parties, RoleAuthor, comp.Authors, p)
	if strings.TrimSpace(comp.Author) != "" {
		out.Parties = append(out.Parties, contactParties(RoleAuthor, KindPerson, comp.Author, loc.field(p, "author"))...)
	}
	if strings.TrimSpace(comp.Publisher) != "" {
		out.Parties = append(out.Parties, contactParties(RolePublisher, "", comp.Publisher, loc.field(p, "publisher"))...)
	}
	if comp.Copyright != "" {
		out.Copyright = comp.Copyright
		out.CopyrightPointer = loc.field(p, "copyright")
	}
	if comp.Hashes != nil && len(*comp.Hashes) > 0 {
		out.Hashes = make([]Hash, 0, len(*comp.Hashes))
		for _, h := range *comp.Hashes {
			out.Hashes = append(out.Hashes, Hash{Algorithm: string(h.Algorithm), Value: h.Value})
		}
	}
	if comp.Licenses != nil {
		for _, l := range *comp.Licenses {
			switch {
			case l.License != nil && l.License.ID != "":
				out.Licenses = append(out.Licenses, l.License.ID)
			case l.License != nil && l.License.Name != "":
				out.Licenses = append(out.Licenses, l.License.Name)
			case l.Expression != "":
				out.Licenses = append(out.Licenses, l.Expression)
			}
		}
	}
	if comp.Properties != nil && len(*comp.Properties) > 0 {
		out.Properties = make([]Property, 0, len(*comp.Properties))
		for _, pr := range *comp.Properties {
			out.Properties = append(out.Properties, Property{Name: pr.Name, Value: pr.Value})
		}
	}
	if comp.ExternalReferences != nil && len(*comp.ExternalReferences) > 0 {
		out.ExternalRefs = make([]ExternalRef, 0, len(*comp.ExternalReferences))
		for i, er := range *comp.ExternalReferences {
			out.ExternalRefs = append(out.ExternalRefs, ExternalRef{
				Type: string(er.Type), URL: er.URL,
				Pointer: loc.elemField(p, "externalReferences", "reference", i, "url"),
			})
		}
	}
	return out
}

// entity appends the parties of the OrganizationalEntity held in member
// of the object at parent: the organisation (with its URLs and its
// contacts' e-mails), then each named contact as a person.
func (c *cdxConv) entity(dst *[]Party, role string, e *cdx.OrganizationalEntity, parent, member string) {
	if e == nil {
		return
	}
	org := Party{Role: role, Kind: KindOrganization, Name: e.Name}
	if strings.TrimSpace(e.Name) != "" {
		org.Pointer = c.loc.field2(parent, member, "name")
	}
	if e.URL != nil {
		org.URLs = nonEmpty(*e.URL)
	}
	if e.Contact != nil {
		for _, ct := range *e.Contact {
			if ct.Email != "" {
				org.Emails = append(org.Emails, ct.Email)
			}
		}
	}
	nameContact(&org)
	if strings.TrimSpace(org.Name) != "" || len(org.URLs) > 0 || len(org.Emails) > 0 {
		if org.Pointer == "" {
			org.Pointer = c.loc.field(parent, member)
		}
		*dst = append(*dst, org)
	}
	if e.Contact != nil {
		for i, ct := range *e.Contact {
			if strings.TrimSpace(ct.Name) == "" {
				continue
			}
			p := c.loc.field(parent, member)
			person := Party{Role: role, Kind: KindPerson, Name: ct.Name, Pointer: c.loc.field(c.loc.repeated(p, "contact", i), "name")}
			if ct.Email != "" {
				person.Emails = []string{ct.Email}
			}
			nameContact(&person)
			*dst = append(*dst, person)
		}
	}
}

// contacts appends the persons of an authors list held in the object at p.
func (c *cdxConv) contacts(dst *[]Party, role string, list *[]cdx.OrganizationalContact, p string) {
	if list == nil {
		return
	}
	for i, ct := range *list {
		if strings.TrimSpace(ct.Name) == "" && ct.Email == "" {
			continue
		}
		person := Party{Role: role, Kind: KindPerson, Name: ct.Name}
		if strings.TrimSpace(ct.Name) != "" {
			person.Pointer = c.loc.elemField(p, "authors", "author", i, "name")
		} else {
			person.Pointer = c.loc.elem(p, "authors", "author", i)
		}
		if ct.Email != "" {
			person.Emails = []string{ct.Email}
		}
		nameContact(&person)
		*dst = append(*dst, person)
	}
}

// warn records a field-level warning.
func (c *cdxConv) warn(code, msg, p string) {
	c.doc.Warnings = append(c.doc.Warnings, Warning{Code: code, Message: msg, Pointer: p})
	if c.deferRefs {
		// convert runs before its component is appended, so the index is
		// the current length.
		c.warnComp = append(c.warnComp, len(c.doc.Components))
	}
}

// countParties returns an upper bound of the parties convert finds on a
// component, so that the slice is allocated once.
func countParties(comp *cdx.Component) int {
	n := 0
	for _, e := range []*cdx.OrganizationalEntity{comp.Supplier, comp.Manufacturer} {
		if e != nil {
			n++
			if e.Contact != nil {
				n += len(*e.Contact)
			}
		}
	}
	if comp.Authors != nil {
		n += len(*comp.Authors)
	}
	if comp.Author != "" {
		n++
	}
	if comp.Publisher != "" {
		n++
	}
	return n
}

// nonEmpty returns list without empty strings, reusing list when it has
// none.
func nonEmpty(list []string) []string {
	for i, u := range list {
		if u == "" {
			out := append([]string(nil), list[:i]...)
			for _, v := range list[i+1:] {
				if v != "" {
					out = append(out, v)
				}
			}
			return out
		}
	}
	if len(list) == 0 {
		return nil
	}
	return list
}
