package sbom

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"hash/maphash"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"

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
	var (
		bom *cdx.BOM
		ok  bool
		pre *preConverted
	)
	if !opts.fullDecoder && opts.maxDepth() <= jsonMaxNesting {
		// The streaming decoder first; what it cannot read, encoding/json
		// reads (see cdxStream).
		if s.json.comps.splittable(s.body, threshold, workers, opts.maxDepth()) {
			var split *preConverted
			bom, split, ok, _ = streamSplit(s.body, &s.json.comps, threshold, workers, opts, nil)
			if ok {
				pre = split
			}
		} else {
			bom, ok = streamCDXBOM(s.body)
		}
	}
	if !ok {
		bom, ok = unmarshalSplit(s.body, &s.json.comps, threshold, workers, opts.maxDepth())
	}
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
	doc, err := convertCycloneDX(bom, pre, s, opts, locator{})
	if err == nil {
		log.flush(doc)
		attachUnread(doc, doc.Components, s.unread, make([]atomic.Bool, len(s.unread)))
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
	return convertCycloneDX(&bom, nil, s, opts, locator{xml: true})
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
	refs *refSet // the explicit bom-refs met, with the pointer of each one's first use
	max  int
	// deferRefs, set in the workers of a parallel conversion, leaves the
	// duplicate-ref check to the merge and records the explicit refs and
	// which component each warning belongs to.
	deferRefs bool
	explicit  []partRef // the bom-refs converted, in order
	// hashRefs, set with deferRefs in the workers of a streaming split,
	// records the explicit refs as their hashes with seed (hashed, not
	// explicit), in order, and which components have them (hashedAt):
	// the merge reads the text of the few it needs again. top is the
	// top-level component being converted, from component topStart of the
	// part.
	hashRefs      bool
	seed          maphash.Seed
	hashed        []hashedRef
	hashedAt      compSet
	top, topStart int
	warnComp      []int // per warning: index of its component in doc.Components
	// converted counts the components converted (doc.Components may
	// have been handed to a Sink and dropped since).
	converted int
}

// partRef is a bom-ref met in a part of a parallel conversion: the index
// of its component in the part, the ref and the component's pointer.
type partRef struct {
	j        int
	ref, ptr string
}

// preConverted are the top-level components of a BOM converted already
// (streamSplit), in parts in file order; bom.Components is then empty.
// With sunk set, the parts' components went to a Sink: convertCycloneDX
// then sets at, the index in Document.Components where they belong.
type preConverted struct {
	parts []*cdxConv
	sunk  bool
	at    int
	// seed is the parts' hashRefs seed; reread converts a top-level
	// component again (refSet.reread).
	seed   maphash.Seed
	reread func(top int) []Component
}

// convertCycloneDX converts a parsed BOM into a Document; pre, when set,
// holds its top-level components.
func convertCycloneDX(bom *cdx.BOM, pre *preConverted, s sniffed, opts Options, loc locator) (*Document, error) {
	doc := &Document{Format: s.format, SpecVersion: s.version}
	c := &cdxConv{loc: loc, doc: doc, max: opts.maxComponents()}
	root := ""
	if loc.xml {
		root = "/bom"
	}
	n := countBOM(bom)
	if pre != nil {
		n += sumConverted(pre.parts)
	}
	if n > c.max {
		return nil, newError(opts.Name, s.format, ErrTooManyComponents, strconv.Itoa(n)+" components, limit "+strconv.Itoa(c.max))
	}
	if pre != nil && pre.sunk {
		doc.Components = make([]Component, 0, n-sumConverted(pre.parts))
	} else {
		doc.Components = make([]Component, 0, n)
	}
	if pre != nil {
		c.refs = newRefSet(pre.seed, n+1)
		c.refs.parts, c.refs.reread = pre.parts, pre.reread
	} else {
		c.refs = newRefSet(maphash.MakeSeed(), n+1)
	}

	md := bom.Metadata
	if md != nil {
		mp := loc.field(root, "metadata")
		c.entity(&doc.Parties, RoleSupplier, md.Supplier, mp, "supplier")
		c.entity(&doc.Parties, RoleManufacturer, md.Manufacturer, mp, "manufacturer")
		c.entity(&doc.Parties, RoleManufacturer, md.Manufacture, mp, "manufacture")
		c.contacts(&doc.Parties, RoleAuthor, md.Authors, mp)
		if md.Licenses != nil {
			// the licence of the SBOM itself, granted by its author
			c.licensors(&doc.Parties, *md.Licenses, mp)
		}
		if md.Properties != nil {
			doc.Parties = c.propertyParties(doc.Parties, nil, *md.Properties, mp)
		}
		if md.Component != nil {
			sp := loc.field(mp, "component")
			subj := c.convert(md.Component, sp, nil, "")
			doc.Subject = &subj
			c.children(md.Component, sp, []string{subj.Ref}, "")
		}
	}
	switch {
	case pre != nil:
		pre.at = len(doc.Components)
		c.mergeParts(pre.parts, !pre.sunk)
	case bom.Components != nil:
		c.topComponents(*bom.Components, root)
	}
	if bom.Services != nil {
		c.services(*bom.Services, root, nil, SectionServices)
	}
	if md != nil && md.Tools != nil {
		c.tools(md.Tools, loc.field(root, "metadata"))
	}
	if bom.Formulation != nil {
		for i := range *bom.Formulation {
			f := &(*bom.Formulation)[i]
			fp := loc.elem(root, "formulation", "formula", i)
			if f.Components != nil {
				c.componentsIn(*f.Components, 0, fp, "components", nil, SectionFormulation)
			}
			if f.Services != nil {
				c.services(*f.Services, fp, nil, SectionFormulation)
			}
		}
	}
	doc.Services = countServices(bom.Services)
	if md != nil && md.Tools != nil {
		doc.Services += countServices(md.Tools.Services)
	}
	if bom.Formulation != nil {
		for _, f := range *bom.Formulation {
			doc.Services += countServices(f.Services)
		}
	}
	if bom.Dependencies != nil && !opts.NoDependencies {
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

// sumConverted counts the components converted in parts.
func sumConverted(parts []*cdxConv) int {
	n := 0
	for _, p := range parts {
		n += p.converted
	}
	return n
}

// countCDX counts components, nested ones and pedigree ones included.
func countCDX(list *[]cdx.Component) int {
	if list == nil {
		return 0
	}
	n := len(*list)
	for i := range *list {
		n += countNested(&(*list)[i])
	}
	return n
}

// countNested counts what a component holds: its nested components and its
// pedigree's ancestors, descendants and variants, recursively.
func countNested(comp *cdx.Component) int {
	n := countCDX(comp.Components)
	if pd := comp.Pedigree; pd != nil {
		n += countCDX(pd.Ancestors) + countCDX(pd.Descendants) + countCDX(pd.Variants)
	}
	return n
}

// countBOM counts every component convertCycloneDX converts: the
// components tree, what metadata.component holds, the services (nested
// ones included), the tools and the formulation.
func countBOM(bom *cdx.BOM) int {
	n := countCDX(bom.Components) + countServices(bom.Services)
	if md := bom.Metadata; md != nil {
		if md.Component != nil {
			n += countNested(md.Component)
		}
		if t := md.Tools; t != nil {
			n += countCDX(t.Components) + countServices(t.Services)
			if t.Tools != nil {
				n += len(*t.Tools)
			}
		}
	}
	if bom.Formulation != nil {
		for i := range *bom.Formulation {
			f := &(*bom.Formulation)[i]
			n += countCDX(f.Components) + countServices(f.Services)
		}
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
	c.componentsIn(list, 0, parent, "components", path, "")
}

// componentsFrom is components for a slice that starts at index first of
// the file's list.
func (c *cdxConv) componentsFrom(list []cdx.Component, first int, parent string, path []string) {
	c.componentsIn(list, first, parent, "components", path, "")
}

// componentsIn converts the components of the array member name of the
// object at parent (a slice of it starting at index first), each followed
// by what it holds (see children); section is their Component.Section.
func (c *cdxConv) componentsIn(list []cdx.Component, first int, parent, name string, path []string, section string) {
	for i := range list {
		comp := &list[i]
		p := c.loc.elem(parent, name, "component", first+i)
		out := c.convert(comp, p, path, section)
		c.doc.Components = append(c.doc.Components, out)
		c.children(comp, p, childPath(path, out.Ref), section)
	}
}

// childPath is path with ref appended, in a new backing array so that
// siblings do not share one.
func childPath(path []string, ref string) []string {
	child := make([]string, len(path)+1)
	copy(child, path)
	child[len(path)] = ref
	return child
}

// children converts what the component at p holds, in file order: its
// pedigree's ancestors, descendants and variants (section
// SectionPedigree), then its nested components (the parent's section).
func (c *cdxConv) children(comp *cdx.Component, p string, path []string, section string) {
	if pd := comp.Pedigree; pd != nil {
		pp := c.loc.field(p, "pedigree")
		for _, l := range []struct {
			name string
			list *[]cdx.Component
		}{{"ancestors", pd.Ancestors}, {"descendants", pd.Descendants}, {"variants", pd.Variants}} {
			if l.list != nil {
				c.componentsIn(*l.list, 0, pp, l.name, path, SectionPedigree)
			}
		}
	}
	if comp.Components != nil && len(*comp.Components) > 0 {
		c.componentsIn(*comp.Components, 0, p, "components", path, section)
	}
}

// ref sets a component's ref: its bom-ref, or its pointer when it has
// none; a bom-ref used before is a warning.
func (c *cdxConv) ref(out *Component, bomRef string) {
	out.Ref = bomRef
	p := out.Pointer
	j := len(c.doc.Components)
	switch {
	case out.Ref == "":
		out.Ref = p
	case c.hashRefs:
		c.hashed = append(c.hashed, hashedRef{hash: maphash.String(c.seed, out.Ref),
			top: int32(c.top), nth: int32(j - c.topStart)})
		c.hashedAt.add(j)
	case c.deferRefs:
		c.explicit = append(c.explicit, partRef{j: j, ref: out.Ref, ptr: p})
	default:
		if first, dup := c.refs.addText(out.Ref, p); dup {
			c.warn(WarnDuplicateRef, "bom-ref already used by the component at "+first, p)
		}
	}
}

// convert maps one CycloneDX component (without its children).
func (c *cdxConv) convert(comp *cdx.Component, p string, path []string, section string) Component {
	loc := c.loc
	out := Component{
		Pointer: p, Name: comp.Name, Version: comp.Version,
		Type: string(comp.Type), Group: comp.Group, PURL: comp.PackageURL, Path: path, Section: section,
	}
	c.ref(&out, comp.BOMRef)
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
		c.licensors(&out.Parties, *comp.Licenses, p)
		for i, l := range *comp.Licenses {
			if l.License != nil && strings.TrimSpace(l.License.URL) != "" {
				// a licence published on its licensor's own site
				// ("https://www.kaspersky.com/end-user-license-agreement")
				at := loc.elem(p, "licenses", "license", i)
				if !loc.xml {
					at = loc.field(at, "license")
				}
				out.ExternalRefs = append(out.ExternalRefs, ExternalRef{Type: "license", URL: l.License.URL, Pointer: loc.field(at, "url")})
			}
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
		out.Parties = c.propertyParties(out.Parties, &out, *comp.Properties, p)
	}
	out.ExternalRefs = c.externalRefs(comp.ExternalReferences, p, out.ExternalRefs)
	if pd := comp.Pedigree; pd != nil && pd.Commits != nil {
		c.commits(&out, *pd.Commits, loc.field(p, "pedigree"))
	}
	if ev := comp.Evidence; ev != nil {
		c.evidence(&out, ev, loc.field(p, "evidence"))
	}
	if r := comp.BOMRef; len(r) > 4 && strings.EqualFold(r[:4], "pkg:") && !samePackage(r, comp.PackageURL) {
		// a bom-ref that is a purl (as many generators write it) names the
		// package as its purl does; screened when it names another one
		out.Identities = append(out.Identities, Identity{Field: "purl", Value: r, Pointer: loc.field(p, "bom-ref")})
	}
	return out
}

// samePackage reports whether two purls name one package: the same text
// up to the version, the qualifiers and the subpath.
func samePackage(a, b string) bool {
	base := func(s string) string {
		if i := strings.IndexAny(s, "?#"); i >= 0 {
			s = s[:i]
		}
		if i := strings.LastIndexByte(s, '@'); i > strings.LastIndexByte(s, '/') {
			s = s[:i]
		}
		return s
	}
	return b != "" && strings.EqualFold(base(a), base(b))
}

// externalRefs appends the URLs of the externalReferences of the object
// at p to dst. A reference without a URL names nothing and is left out,
// as a commit without one is.
func (c *cdxConv) externalRefs(list *[]cdx.ExternalReference, p string, dst []ExternalRef) []ExternalRef {
	if list == nil || len(*list) == 0 {
		return dst
	}
	if dst == nil {
		dst = make([]ExternalRef, 0, len(*list))
	}
	for i, er := range *list {
		if strings.TrimSpace(er.URL) == "" {
			continue
		}
		dst = append(dst, ExternalRef{
			Type: string(er.Type), URL: er.URL,
			Pointer: c.loc.elemField(p, "externalReferences", "reference", i, "url"),
		})
	}
	return dst
}

// commits reads the commits of the pedigree at p: each author (an author)
// and committer (a committer) is a person of the component, with the
// address given; each commit URL is a reference of type "commit".
func (c *cdxConv) commits(out *Component, list []cdx.Commit, p string) {
	for i := range list {
		cm := &list[i]
		cp := c.loc.elem(p, "commits", "commit", i)
		for _, a := range []struct {
			role, member string
			act          *cdx.IdentifiableAction
		}{{RoleAuthor, "author", cm.Author}, {RoleCommitter, "committer", cm.Committer}} {
			if a.act == nil || (strings.TrimSpace(a.act.Name) == "" && strings.TrimSpace(a.act.Email) == "") {
				continue
			}
			person := Party{Role: a.role, Kind: KindPerson, Name: a.act.Name, Pointer: c.loc.field2(cp, a.member, "name")}
			if strings.TrimSpace(a.act.Name) == "" {
				person.Pointer = c.loc.field2(cp, a.member, "email")
			}
			if a.act.Email != "" {
				person.Emails = []string{a.act.Email}
			}
			nameContact(&person)
			out.Parties = append(out.Parties, person)
		}
		if strings.TrimSpace(cm.URL) != "" {
			out.ExternalRefs = append(out.ExternalRefs, ExternalRef{Type: "commit", URL: cm.URL, Pointer: c.loc.field(cp, "url")})
		}
	}
}

// evidence reads a component's evidence held at p: each identity's
// concluded value and method values (Component.Identities), the licensor
// of each licence and the copyright texts (Component.CopyrightEvidence).
func (c *cdxConv) evidence(out *Component, ev *cdx.Evidence, p string) {
	if id := ev.Identity; id != nil {
		switch {
		case id.Identities != nil:
			for i := range *id.Identities {
				c.identity(out, &(*id.Identities)[i], c.loc.repeated(p, "identity", i))
			}
		case id.Identity != nil:
			c.identity(out, id.Identity, c.loc.field(p, "identity"))
		}
	}
	if ev.Licenses != nil {
		// a licence found for the component names its licensor as a
		// declared one does
		c.licensors(&out.Parties, *ev.Licenses, p)
	}
	if ev.Copyright != nil {
		for i, cr := range *ev.Copyright {
			if strings.TrimSpace(cr.Text) == "" {
				continue
			}
			cp := c.loc.elemField(p, "copyright", "", i, "text")
			if c.loc.xml {
				cp = c.loc.elem(p, "copyright", "text", i)
			}
			out.CopyrightEvidence = append(out.CopyrightEvidence, Text{Text: cr.Text, Pointer: cp})
		}
	}
}

// identity reads one evidence identity held at p.
func (c *cdxConv) identity(out *Component, id *cdx.EvidenceIdentity, p string) {
	field := string(id.Field)
	if v := strings.TrimSpace(id.ConcludedValue); v != "" {
		out.Identities = append(out.Identities, Identity{Field: field, Value: v, Pointer: c.loc.field(p, "concludedValue")})
	}
	if id.Methods != nil {
		for i, m := range *id.Methods {
			if v := strings.TrimSpace(m.Value); v != "" {
				out.Identities = append(out.Identities, Identity{Field: field, Value: v, Pointer: c.loc.elemField(p, "methods", "method", i, "value")})
			}
		}
	}
}

// services converts the services of the object at parent, each followed
// by its nested services, as components of type "service": the provider
// is a party (RoleProvider), each endpoint a reference of type "endpoint".
func (c *cdxConv) services(list []cdx.Service, parent string, path []string, section string) {
	for i := range list {
		svc := &list[i]
		p := c.loc.elem(parent, "services", "service", i)
		out := Component{Pointer: p, Name: svc.Name, Version: svc.Version, Group: svc.Group, Type: "service", Path: path, Section: section}
		c.ref(&out, svc.BOMRef)
		if strings.TrimSpace(svc.Name) == "" {
			c.warn(WarnComponentUnnamed, "service has no name", p)
		}
		c.entity(&out.Parties, RoleProvider, svc.Provider, p, "provider")
		if svc.Endpoints != nil {
			for k, e := range *svc.Endpoints {
				if strings.TrimSpace(e) != "" {
					out.ExternalRefs = append(out.ExternalRefs, ExternalRef{Type: "endpoint", URL: e, Pointer: c.loc.elem(p, "endpoints", "endpoint", k)})
				}
			}
		}
		out.ExternalRefs = c.externalRefs(svc.ExternalReferences, p, out.ExternalRefs)
		if svc.Properties != nil && len(*svc.Properties) > 0 {
			for _, pr := range *svc.Properties {
				out.Properties = append(out.Properties, Property{Name: pr.Name, Value: pr.Value})
			}
			out.Parties = c.propertyParties(out.Parties, &out, *svc.Properties, p)
		}
		c.doc.Components = append(c.doc.Components, out)
		if svc.Services != nil && len(*svc.Services) > 0 {
			c.services(*svc.Services, p, childPath(path, out.Ref), section)
		}
	}
}

// tools converts metadata.tools (mp is the metadata's pointer): a legacy
// tools array, each tool a component of type "application" whose vendor is
// a party (RoleVendor); or the tool components and services of CycloneDX
// 1.5 and later. Every one is in section SectionTools.
func (c *cdxConv) tools(t *cdx.ToolsChoice, mp string) {
	tp := c.loc.field(mp, "tools")
	if t.Tools != nil {
		for i := range *t.Tools {
			tool := &(*t.Tools)[i]
			p := c.loc.elem(mp, "tools", "tool", i)
			out := Component{Pointer: p, Name: tool.Name, Version: tool.Version, Type: "application", Section: SectionTools}
			c.ref(&out, "")
			if v := strings.TrimSpace(tool.Vendor); v != "" {
				out.Parties = append(out.Parties, contactParties(RoleVendor, KindOrganization, tool.Vendor, c.loc.field(p, "vendor"))...)
			}
			if tool.Hashes != nil {
				for _, h := range *tool.Hashes {
					out.Hashes = append(out.Hashes, Hash{Algorithm: string(h.Algorithm), Value: h.Value})
				}
			}
			out.ExternalRefs = c.externalRefs(tool.ExternalReferences, p, out.ExternalRefs)
			c.doc.Components = append(c.doc.Components, out)
		}
	}
	if t.Components != nil {
		c.componentsIn(*t.Components, 0, tp, "components", nil, SectionTools)
	}
	if t.Services != nil {
		c.services(*t.Services, tp, nil, SectionTools)
	}
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

// licensors appends the licensor each licence of a component names
// (licenses[i].license.licensing.licensor, or licenses[i].licensing for an
// expression): an organisation as an entity, a person as a contact. The
// licensee and purchaser are the user's side and are not screened.
func (c *cdxConv) licensors(dst *[]Party, ls cdx.Licenses, p string) {
	for i, l := range ls {
		base, lic := c.loc.elem(p, "licenses", "license", i), l.Licensing
		if l.License != nil && l.License.Licensing != nil {
			lic = l.License.Licensing
			if !c.loc.xml {
				base = c.loc.field(base, "license")
			}
		}
		if lic == nil || lic.Licensor == nil {
			continue
		}
		at := c.loc.field(c.loc.field(base, "licensing"), "licensor")
		c.entity(dst, RoleLicensor, lic.Licensor.Organization, at, "organization")
		if ind := lic.Licensor.Individual; ind != nil && (strings.TrimSpace(ind.Name) != "" || ind.Email != "") {
			person := Party{Role: RoleLicensor, Kind: KindPerson, Name: ind.Name, Pointer: c.loc.field(at, "individual")}
			if ind.Email != "" {
				person.Emails = []string{ind.Email}
			}
			nameContact(&person)
			*dst = append(*dst, person)
		}
	}
}

// propertyRoles are the last words of the property names that name a
// party, with the role of the party they name: what SBOM producers write
// ("syft:image:labels:vendor", "syft:image:labels:maintainer",
// "sbomer:image:labels:vendor", the OCI image labels
// "org.opencontainers.image.vendor" and "…authors" that syft and sbomer
// copy into properties) and what a person reads the same way
// ("cdx:device:manufacturer", "supplier"). A maintainer is an author.
// Other properties (paths, types, hashes, build settings) name no party
// and are not read.
var propertyRoles = map[string]string{
	"vendor": RoleVendor, "vendorname": RoleVendor, "supplier": RoleSupplier, "suppliername": RoleSupplier,
	"manufacturer": RoleManufacturer, "publisher": RolePublisher, "author": RoleAuthor, "authors": RoleAuthor,
	"maintainer": RoleAuthor, "maintainers": RoleAuthor, "licensor": RoleLicensor,
}

// propertyWord is the last word of a property name, lower case, without
// "-" and "_": "vendor" for "org.opencontainers.image.vendor",
// "syft:image:labels:vendor" and "Vendor_Name" alike ("vendorname").
func propertyWord(name string) string {
	if i := strings.LastIndexAny(name, ":./"); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(name))
}

// propertyParties appends to dst the parties the properties of the object
// at p name (see propertyRoles), each pointing at its value; a property
// whose name ends in "copyright" is a copyright statement of comp (nil
// for the document's metadata, where it is not read).
func (c *cdxConv) propertyParties(dst []Party, comp *Component, props []cdx.Property, p string) []Party {
	for i, pr := range props {
		word := propertyWord(pr.Name)
		role, ok := propertyRoles[word]
		if (!ok && word != "copyright") || strings.TrimSpace(pr.Value) == "" {
			continue
		}
		at := c.loc.elemField(p, "properties", "property", i, "value")
		if c.loc.xml {
			at = c.loc.elem(p, "properties", "property", i)
		}
		switch {
		case ok:
			dst = append(dst, contactParties(role, "", pr.Value, at)...)
		case comp != nil:
			comp.CopyrightEvidence = append(comp.CopyrightEvidence, Text{Text: pr.Value, Pointer: at})
		}
	}
	return dst
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
