package sbom

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"
)

// NOTE: SPDX RDF/XML is read here rather than with tools-golang's RDF
// reader: that reader (through github.com/spdx/gordf) parses in goroutines
// that race on a shared error (go test -race fails on the SPDX example),
// and a panic in one of them cannot be recovered, so hostile input could
// crash the caller. This reader handles the typed-node RDF/XML that SPDX
// tools write (spdx:Package, spdx:CreationInfo, spdx:Relationship, nested
// or referenced by rdf:resource); rdf:Description with rdf:type is not
// read.

// XML namespaces of SPDX RDF/XML.
const (
	nsSPDX = "http://spdx.org/rdf/terms#"
	nsRDF  = rdfNamespace
	nsDOAP = "http://usefulinc.com/ns/doap#"
	nsRDFS = "http://www.w3.org/2000/01/rdf-schema#"
)

// rdfPrefixes gives the prefix used in locators for each namespace.
var rdfPrefixes = map[string]string{nsSPDX: "spdx:", nsRDF: "rdf:", nsDOAP: "doap:", nsRDFS: "rdfs:"}

// rdfNode is one XML element of an RDF/XML document.
type rdfNode struct {
	space, local string
	about        string // rdf:about
	resource     string // rdf:resource
	text         string // character data, set when the element ends
	buf          []byte // character data while the element is open
	children     []*rdfNode
	parent       *rdfNode
	step         string // name[index] within the parent
}

// path returns the XPath-like locator of n, e.g.
// /rdf:RDF/spdx:SpdxDocument[1], built on demand: one string per element
// would take memory quadratic in the depth.
func (n *rdfNode) path() string {
	var steps []string
	for x := n; x != nil; x = x.parent {
		steps = append(steps, x.step)
	}
	var b strings.Builder
	for i := len(steps) - 1; i >= 0; i-- {
		b.WriteString("/" + steps[i])
	}
	return b.String()
}

// is reports whether n is the element space:local.
func (n *rdfNode) is(space, local string) bool { return n.space == space && n.local == local }

// child returns the first child space:local, or nil.
func (n *rdfNode) child(space, local string) *rdfNode {
	for _, c := range n.children {
		if c.is(space, local) {
			return c
		}
	}
	return nil
}

// childText returns the trimmed text of the first child space:local.
func (n *rdfNode) childText(space, local string) string {
	if c := n.child(space, local); c != nil {
		return strings.TrimSpace(c.text)
	}
	return ""
}

// ref returns what a property node points to: its rdf:resource, or the
// rdf:about of its single typed child.
func (n *rdfNode) ref() string {
	if n.resource != "" {
		return n.resource
	}
	if len(n.children) > 0 {
		return n.children[0].about
	}
	return ""
}

// parseRDFTree reads an RDF/XML text into a tree. The caller has run
// scanXML, so nesting is bounded.
func parseRDFTree(body []byte) (*rdfNode, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = true
	var stack []*rdfNode
	var root *rdfNode
	counts := []map[string]int{{}}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &rdfNode{space: t.Name.Space, local: t.Name.Local}
			for _, a := range t.Attr {
				if a.Name.Space != nsRDF {
					continue
				}
				switch a.Name.Local {
				case "about":
					n.about = a.Value
				case "resource":
					n.resource = a.Value
				}
			}
			name := rdfPrefixes[n.space] + n.local
			sib := counts[len(counts)-1]
			sib[name]++
			n.step = name
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				n.parent = parent
				parent.children = append(parent.children, n)
				n.step += "[" + strconv.Itoa(sib[name]) + "]"
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
			counts = append(counts, map[string]int{})
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, errors.New("unbalanced end element")
			}
			top := stack[len(stack)-1]
			top.text, top.buf = string(top.buf), nil
			stack = stack[:len(stack)-1]
			counts = counts[:len(counts)-1]
		case xml.CharData:
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.buf = append(top.buf, t...)
			}
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return root, nil
}

// rdfDoc collects what convertSPDX needs from the tree, with locators.
type rdfDoc struct {
	doc      spdx.Document
	pkgs     map[string]*spdx.Package // by rdf:about
	files    map[string]*spdx.File    // by rdf:about
	snippets map[string]int           // index in doc.Snippets by rdf:about
	snipLocs []*rdfElemLoc            // the locators of doc.Snippets, in order
	loc      *rdfTreeLocator
	relSeen  map[string]bool
	docAbout string
	// conflict names a package property given two different values, ""
	// when there is none.
	conflict string
}

// decodeSPDXRDF reads SPDX RDF/XML (2.2 and 2.3) and converts it. The
// tree it builds is recursive, so nesting stops at jsonMaxNesting even
// when MaxDepth allows more.
func decodeSPDXRDF(s sniffed, opts Options) (*Document, error) {
	if serr := scanXML(s.body, min(opts.maxDepth(), jsonMaxNesting)); serr != nil {
		e := newError(opts.Name, s.format, serr.kind, serr.detail)
		e.Offset = serr.offset
		return nil, e
	}
	root, err := parseRDFTree(s.body)
	if err != nil {
		return nil, xmlError(opts.Name, s.format, err)
	}
	r := &rdfDoc{
		pkgs:     make(map[string]*spdx.Package),
		files:    make(map[string]*spdx.File),
		snippets: make(map[string]int),
		loc: &rdfTreeLocator{pkgs: make(map[*spdx.Package]*rdfPkgLoc), files: make(map[*spdx.File]*rdfElemLoc),
			snippets: make(map[*spdx.Snippet]*rdfElemLoc)},
		relSeen: make(map[string]bool),
	}
	r.doc.SPDXVersion = "SPDX-" + s.version
	r.walk(root, nil)
	for i := range r.doc.Snippets {
		r.loc.snippets[&r.doc.Snippets[i]] = r.snipLocs[i]
	}
	if r.conflict != "" {
		return nil, newError(opts.Name, s.format, ErrInvalid, "a package has two different values for "+r.conflict)
	}
	return convertSPDX(&r.doc, s, opts, r.loc)
}

// walk visits the tree in document order; parent is the typed node that
// owns n as a property, if any.
func (r *rdfDoc) walk(n *rdfNode, owner *rdfNode) {
	switch {
	case n.is(nsSPDX, "SpdxDocument"):
		if r.docAbout == "" {
			r.docAbout = n.about
		}
		for _, c := range n.children {
			if c.is(nsSPDX, "describesPackage") {
				r.relation(n.about, "DESCRIBES", c.ref())
			}
		}
	case n.is(nsSPDX, "CreationInfo") && r.doc.CreationInfo == nil:
		r.doc.CreationInfo = &spdx.CreationInfo{}
		for _, c := range n.children {
			if c.is(nsSPDX, "creator") {
				typ, name, _ := strings.Cut(strings.TrimSpace(c.text), ":")
				r.doc.CreationInfo.Creators = append(r.doc.CreationInfo.Creators,
					common.Creator{CreatorType: strings.TrimSpace(typ), Creator: strings.TrimSpace(name)})
				r.loc.creators = append(r.loc.creators, c.path())
			}
		}
	case n.is(nsSPDX, "Package") && len(n.children) > 0:
		r.pkg(n)
		for _, c := range n.children {
			if c.is(nsSPDX, "hasFile") {
				r.relation(n.about, "CONTAINS", c.ref())
			}
		}
	case n.is(nsSPDX, "File") && len(n.children) > 0:
		r.file(n)
	case n.is(nsSPDX, "Snippet") && len(n.children) > 0:
		r.snippet(n)
	case n.is(nsSPDX, "Relationship") && owner != nil:
		typ := n.child(nsSPDX, "relationshipType")
		rel := n.child(nsSPDX, "relatedSpdxElement")
		if typ != nil && rel != nil {
			t := typ.ref()
			if i := strings.LastIndex(t, "relationshipType_"); i >= 0 {
				r.relation(owner.about, upperSnake(t[i+len("relationshipType_"):]), rel.ref())
			}
		}
	}
	// A typed node (spdx:Package, spdx:File, ...) owns the relationships
	// under its properties; a property node passes its owner down.
	next := owner
	if n.about != "" || (n.space == nsSPDX && n.local != "" && n.local[0] >= 'A' && n.local[0] <= 'Z') {
		next = n
	}
	for _, c := range n.children {
		r.walk(c, next)
	}
}

// pkg records one spdx:Package definition; a later definition of the same
// package only fills fields the first one left empty.
func (r *rdfDoc) pkg(n *rdfNode) {
	p, seen := r.pkgs[n.about]
	if !seen {
		p = &spdx.Package{PackageSPDXIdentifier: elementID(n.about)}
		r.pkgs[n.about] = p
		r.doc.Packages = append(r.doc.Packages, p)
		r.loc.pkgs[p] = &rdfPkgLoc{path: n.path(), fields: make(map[string]string)}
	}
	pl := r.loc.pkgs[p]
	set := func(dst *string, v, field, path string) {
		switch {
		case v == "" || *dst == v:
		case *dst == "":
			*dst = v
			pl.fields[field] = path
		default:
			// A second, different value would be dropped silently.
			r.conflict = field
		}
	}
	for _, c := range n.children {
		text := strings.TrimSpace(c.text)
		switch {
		case c.is(nsSPDX, "name"):
			set(&p.PackageName, text, "name", c.path())
		case c.is(nsSPDX, "versionInfo"):
			set(&p.PackageVersion, text, "versionInfo", c.path())
		case c.is(nsSPDX, "supplier"):
			if p.PackageSupplier != nil {
				if p.PackageSupplier.SupplierType+": "+p.PackageSupplier.Supplier != text && p.PackageSupplier.Supplier != text {
					r.conflict = "supplier"
				}
				continue
			}
			typ, name := splitActor(text)
			p.PackageSupplier = &common.Supplier{Supplier: name, SupplierType: typ}
			pl.fields["supplier"] = c.path()
		case c.is(nsSPDX, "originator"):
			if p.PackageOriginator != nil {
				if p.PackageOriginator.OriginatorType+": "+p.PackageOriginator.Originator != text && p.PackageOriginator.Originator != text {
					r.conflict = "originator"
				}
				continue
			}
			typ, name := splitActor(text)
			p.PackageOriginator = &common.Originator{Originator: name, OriginatorType: typ}
			pl.fields["originator"] = c.path()
		case c.is(nsSPDX, "copyrightText"):
			set(&p.PackageCopyrightText, rdfValue(c), "copyrightText", c.path())
		case c.is(nsSPDX, "downloadLocation"):
			set(&p.PackageDownloadLocation, rdfValue(c), "downloadLocation", c.path())
		case c.is(nsDOAP, "homepage"):
			set(&p.PackageHomePage, rdfValue(c), "homepage", c.path())
		case c.is(nsSPDX, "licenseDeclared"):
			set(&p.PackageLicenseDeclared, licenseExpr(c, 0), "licenseDeclared", c.path())
		case c.is(nsSPDX, "licenseConcluded"):
			set(&p.PackageLicenseConcluded, licenseExpr(c, 0), "licenseConcluded", c.path())
		case c.is(nsSPDX, "primaryPackagePurpose"):
			v := c.ref()
			if i := strings.LastIndex(v, "purpose_"); i >= 0 {
				set(&p.PrimaryPackagePurpose, upperSnake(v[i+len("purpose_"):]), "primaryPackagePurpose", c.path())
			}
		case c.is(nsSPDX, "checksum"):
			if ck := c.child(nsSPDX, "Checksum"); ck != nil {
				alg := ""
				if a := ck.child(nsSPDX, "algorithm"); a != nil {
					v := a.ref()
					if i := strings.LastIndex(v, "checksumAlgorithm_"); i >= 0 {
						alg = strings.ToUpper(v[i+len("checksumAlgorithm_"):])
					}
				}
				p.PackageChecksums = append(p.PackageChecksums, common.Checksum{
					Algorithm: common.ChecksumAlgorithm(alg), Value: ck.childText(nsSPDX, "checksumValue")})
			}
		case c.is(nsSPDX, "externalRef"):
			if er := c.child(nsSPDX, "ExternalRef"); er != nil {
				ref := &spdx.PackageExternalReference{Locator: er.childText(nsSPDX, "referenceLocator")}
				if t := er.child(nsSPDX, "referenceType"); t != nil {
					ref.RefType = t.ref()
				}
				if cat := er.child(nsSPDX, "referenceCategory"); cat != nil {
					v := cat.ref()
					if i := strings.LastIndex(v, "referenceCategory_"); i >= 0 {
						ref.Category = upperSnake(v[i+len("referenceCategory_"):])
					}
				}
				p.PackageExternalReferences = append(p.PackageExternalReferences, ref)
				loc := er.path()
				if l := er.child(nsSPDX, "referenceLocator"); l != nil {
					loc = l.path()
				}
				pl.extRefs = append(pl.extRefs, loc)
			}
		}
	}
}

// file records one spdx:File definition: its name, copyright text and
// contributors; a later definition of the same file adds contributors and
// fills what the first left empty.
func (r *rdfDoc) file(n *rdfNode) {
	f, seen := r.files[n.about]
	if !seen || n.about == "" {
		f = &spdx.File{FileSPDXIdentifier: elementID(n.about)}
		if n.about == "" {
			f.FileSPDXIdentifier = ""
		} else {
			r.files[n.about] = f
		}
		r.doc.Files = append(r.doc.Files, f)
		r.loc.files[f] = &rdfElemLoc{path: n.path(), fields: make(map[string][]string)}
	}
	fl := r.loc.files[f]
	for _, c := range n.children {
		text := rdfValue(c)
		switch {
		case c.is(nsSPDX, "fileName") && f.FileName == "":
			f.FileName = text
		case c.is(nsSPDX, "copyrightText"):
			if f.FileCopyrightText == "" {
				f.FileCopyrightText = text
				fl.fields["copyrightText"] = append(fl.fields["copyrightText"], c.path())
			} else if text != f.FileCopyrightText {
				r.conflict = "copyrightText of a file"
			}
		case c.is(nsSPDX, "fileContributor"):
			f.FileContributors = append(f.FileContributors, text)
			fl.fields["fileContributors"] = append(fl.fields["fileContributors"], c.path())
		}
	}
}

// snippet records one spdx:Snippet definition with its copyright text.
func (r *rdfDoc) snippet(n *rdfNode) {
	if _, seen := r.snippets[n.about]; seen && n.about != "" {
		return
	}
	sn := spdx.Snippet{SnippetSPDXIdentifier: elementID(n.about)}
	sl := &rdfElemLoc{path: n.path(), fields: make(map[string][]string)}
	for _, c := range n.children {
		switch {
		case c.is(nsSPDX, "copyrightText") && sn.SnippetCopyrightText == "":
			sn.SnippetCopyrightText = rdfValue(c)
			sl.fields["copyrightText"] = []string{c.path()}
		case c.is(nsSPDX, "name") && sn.SnippetName == "":
			sn.SnippetName = strings.TrimSpace(c.text)
		case c.is(nsSPDX, "snippetFromFile"):
			if ref := c.ref(); ref != "" {
				sn.SnippetFromFileSPDXIdentifier = elementID(ref)
			}
		}
	}
	if n.about != "" {
		r.snippets[n.about] = len(r.doc.Snippets)
	}
	r.doc.Snippets = append(r.doc.Snippets, sn)
	r.snipLocs = append(r.snipLocs, sl)
}

// relation records a relationship between two elements named by IRI.
func (r *rdfDoc) relation(a, typ, b string) {
	if a == "" || b == "" || typ == "" {
		return
	}
	key := a + " " + typ + " " + b
	if r.relSeen[key] {
		return
	}
	r.relSeen[key] = true
	r.doc.Relationships = append(r.doc.Relationships, &spdx.Relationship{
		RefA: common.DocElementID{ElementRefID: elementID(a)}, RefB: common.DocElementID{ElementRefID: elementID(b)}, Relationship: typ,
	})
}

// elementID returns the SPDX element ID of an IRI ("...#SPDXRef-Package"
// → "Package", the form tools-golang's model keeps).
func elementID(iri string) common.ElementID {
	frag := iri
	if i := strings.LastIndexByte(iri, '#'); i >= 0 {
		frag = iri[i+1:]
	}
	return common.ElementID(strings.TrimPrefix(frag, "SPDXRef-"))
}

// splitActor splits "Organization: X" into its type and name; "NOASSERTION"
// has no type.
func splitActor(s string) (string, string) {
	typ, name, ok := strings.Cut(s, ":")
	if !ok {
		return "", strings.TrimSpace(s)
	}
	return strings.TrimSpace(typ), strings.TrimSpace(name)
}

// rdfValue returns a property's literal text, or for a resource the SPDX
// special values NOASSERTION and NONE, or the IRI itself.
func rdfValue(n *rdfNode) string {
	if n.resource == "" {
		return strings.TrimSpace(n.text)
	}
	switch n.resource {
	case nsSPDX + "noassertion":
		return "NOASSERTION"
	case nsSPDX + "none":
		return "NONE"
	}
	return n.resource
}

// licenseExpr renders a license property as an SPDX expression: a listed
// or extracted license by its ID, conjunctive and disjunctive sets with
// AND and OR, "WITH" for exceptions.
func licenseExpr(n *rdfNode, depth int) string {
	if n.resource != "" {
		return licenseID(n.resource)
	}
	if len(n.children) == 0 || depth > 32 {
		return strings.TrimSpace(n.text)
	}
	c := n.children[0]
	switch {
	case c.is(nsSPDX, "ConjunctiveLicenseSet"), c.is(nsSPDX, "DisjunctiveLicenseSet"):
		op := " AND "
		if c.local == "DisjunctiveLicenseSet" {
			op = " OR "
		}
		var parts []string
		for _, m := range c.children {
			if !m.is(nsSPDX, "member") {
				continue
			}
			e := licenseExpr(m, depth+1)
			if strings.Contains(e, " ") {
				e = "(" + e + ")"
			}
			parts = append(parts, e)
		}
		return strings.Join(parts, op)
	case c.is(nsSPDX, "WithExceptionOperator"):
		lic := ""
		if m := c.child(nsSPDX, "member"); m != nil {
			lic = licenseExpr(m, depth+1)
		}
		exc := ""
		if le := c.child(nsSPDX, "licenseException"); le != nil && len(le.children) > 0 {
			exc = le.children[0].childText(nsSPDX, "licenseExceptionId")
		}
		return lic + " WITH " + exc
	}
	if c.about != "" {
		return licenseID(c.about)
	}
	return ""
}

// licenseID returns the license ID at the end of a license IRI.
func licenseID(iri string) string {
	switch iri {
	case nsSPDX + "noassertion":
		return "NOASSERTION"
	case nsSPDX + "none":
		return "NONE"
	}
	if i := strings.LastIndexByte(iri, '#'); i >= 0 {
		return iri[i+1:]
	}
	return iri[strings.LastIndexByte(iri, '/')+1:]
}

// upperSnake turns an RDF camel-case term ("dependsOn") into the
// tag-value form ("DEPENDS_ON").
func upperSnake(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' && i > 0 {
			b.WriteByte('_')
		}
		if c == '-' {
			c = '_'
		}
		b.WriteByte(byte(strings.ToUpper(string(c))[0]))
	}
	return b.String()
}

// rdfPkgLoc holds the locators of one package's properties.
type rdfPkgLoc struct {
	path    string
	fields  map[string]string // JSON field name → locator
	extRefs []string
}

// rdfElemLoc holds the locators of one file's or snippet's properties.
type rdfElemLoc struct {
	path   string
	fields map[string][]string // JSON field name → locators, in order
}

// at returns the locator of occurrence k of field name, or the element's.
func (l *rdfElemLoc) at(name string, k int) string {
	if l == nil {
		return ""
	}
	if fs := l.fields[name]; k < len(fs) {
		return fs[k]
	}
	return l.path
}

// rdfTreeLocator gives XPath-like locators with element indexes, as
// recorded while reading the tree.
type rdfTreeLocator struct {
	pkgs     map[*spdx.Package]*rdfPkgLoc
	files    map[*spdx.File]*rdfElemLoc
	snippets map[*spdx.Snippet]*rdfElemLoc
	creators []string
}

func (l *rdfTreeLocator) file(f *spdx.File, name string, k int) string { return l.files[f].at(name, k) }

func (l *rdfTreeLocator) snippet(s *spdx.Snippet, name string) string {
	return l.snippets[s].at(name, 0)
}

func (l *rdfTreeLocator) pkg(_ int, p *spdx.Package) string {
	if pl := l.pkgs[p]; pl != nil {
		return pl.path
	}
	return ""
}

func (l *rdfTreeLocator) field(_ int, p *spdx.Package, name string, k int) string {
	pl := l.pkgs[p]
	if pl == nil {
		return ""
	}
	if name == "externalRefs" {
		if k < len(pl.extRefs) {
			return pl.extRefs[k]
		}
		return pl.path
	}
	if v, ok := pl.fields[name]; ok {
		return v
	}
	return pl.path
}

func (l *rdfTreeLocator) creator(k int) string {
	if k < len(l.creators) {
		return l.creators[k]
	}
	return ""
}
