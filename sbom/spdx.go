package sbom

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/spdx/tools-golang/spdx"
	"github.com/spdx/tools-golang/spdx/v2/common"
)

// spdxLocator gives pointers into the original SPDX file, whose shape
// depends on the encoding.
type spdxLocator interface {
	// pkg locates package i of the parsed document.
	pkg(i int, p *spdx.Package) string
	// field locates a package field by its JSON name ("supplier",
	// "originator", "copyrightText", "homepage", "downloadLocation"); k is
	// the index for "externalRefs".
	field(i int, p *spdx.Package, name string, k int) string
	// creator locates creator k of the creation info.
	creator(k int) string
	// file locates file f ("" for the file itself) or its field by JSON
	// name ("copyrightText"; "fileContributors" with index k).
	file(f *spdx.File, name string, k int) string
	// snippet locates snippet s ("" for the snippet itself) or its field
	// ("copyrightText").
	snippet(s *spdx.Snippet, name string) string
}

// jsonSPDXLocator gives RFC 6901 pointers for SPDX JSON and YAML; the
// parsed packages keep the file's array indexes, files and snippets are
// found by their index in the file's arrays.
type jsonSPDXLocator struct {
	files    map[*spdx.File]int
	snippets map[*spdx.Snippet]int
}

func (l jsonSPDXLocator) file(f *spdx.File, name string, k int) string {
	p := "/files/" + strconv.Itoa(l.files[f])
	switch name {
	case "":
		return p
	case "fileContributors":
		return p + "/fileContributors/" + strconv.Itoa(k)
	}
	return p + "/" + name
}

func (l jsonSPDXLocator) snippet(s *spdx.Snippet, name string) string {
	p := "/snippets/" + strconv.Itoa(l.snippets[s])
	if name == "" {
		return p
	}
	return p + "/" + name
}

func (jsonSPDXLocator) pkg(i int, _ *spdx.Package) string { return "/packages/" + strconv.Itoa(i) }

func (jsonSPDXLocator) field(i int, _ *spdx.Package, name string, k int) string {
	p := "/packages/" + strconv.Itoa(i) + "/" + name
	if name == "externalRefs" {
		p += "/" + strconv.Itoa(k) + "/referenceLocator"
	}
	return p
}

func (jsonSPDXLocator) creator(k int) string { return "/creationInfo/creators/" + strconv.Itoa(k) }

// spdxConv holds the state of one SPDX conversion.
type spdxConv struct {
	doc *Document
	loc spdxLocator
	log *lenientLog
}

// convertSPDX converts a parsed SPDX 2.x document (already converted to
// the 2.3 model) into a Document, packages in file order.
func convertSPDX(in *spdx.Document, s sniffed, opts Options, loc spdxLocator) (*Document, error) {
	return convertSPDXLog(in, s, opts, loc, nil)
}

// convertSPDXLog is convertSPDX for a reader that has gathered warnings of
// its own in log (nil for none); they come first in Document.Warnings
// after the per-field ones.
func convertSPDXLog(in *spdx.Document, s sniffed, opts Options, loc spdxLocator, log *lenientLog) (*Document, error) {
	doc := &Document{Format: s.format, SpecVersion: s.version}
	if in == nil {
		return nil, newError(opts.Name, s.format, ErrInvalid, "no document")
	}
	if log == nil {
		log = &lenientLog{}
	}
	if n := countSPDX(in); n > opts.maxComponents() {
		return nil, newError(opts.Name, s.format, ErrTooManyComponents,
			strconv.Itoa(n)+" packages, files and snippets, limit "+strconv.Itoa(opts.maxComponents()))
	}
	c := &spdxConv{doc: doc, loc: loc, log: log}
	if ci := in.CreationInfo; ci != nil {
		for k, cr := range ci.Creators {
			if strings.EqualFold(strings.TrimSpace(cr.CreatorType), "Tool") {
				continue // a tool is not a party
			}
			c.party(&doc.Parties, RoleCreator, cr.Creator, cr.CreatorType, loc.creator(k))
		}
	}
	doc.Components = make([]Component, 0, len(in.Packages))
	seen := make(map[string]string, len(in.Packages))
	byRef := make(map[string]int, len(in.Packages))
	for i, p := range in.Packages {
		if p == nil {
			continue
		}
		comp := c.convert(i, p)
		if first, dup := seen[comp.Ref]; dup {
			c.warn(WarnDuplicateRef, "SPDXID already used by the package at "+first, comp.Pointer)
		} else {
			seen[comp.Ref] = comp.Pointer
			byRef[comp.Ref] = len(doc.Components)
		}
		doc.Components = append(doc.Components, comp)
	}
	c.relationships(in, byRef)
	c.files(in, byRef)
	log.flush(doc)
	return doc, nil
}

// countSPDX counts the packages, files and snippets of a document: an
// upper bound of the components convertSPDX makes.
func countSPDX(in *spdx.Document) int {
	n := len(in.Packages) + len(in.Files) + len(in.Snippets)
	for _, p := range in.Packages {
		if p != nil {
			n += len(p.Files)
		}
	}
	return n
}

// files converts the files that name a party (a copyright text other than
// NOASSERTION or NONE, or a contributor) and the snippets with a copyright
// text into components of type "file" and "snippet", after the packages:
// first each package's files (Path the package), then the document's own
// (Path the package that CONTAINS it, if one does), then the snippets
// (Path the file they come from). A file listed twice is converted once.
func (c *spdxConv) files(in *spdx.Document, byRef map[string]int) {
	done := make(map[*spdx.File]bool)
	for _, p := range in.Packages {
		if p == nil {
			continue
		}
		ref := renderID(p.PackageSPDXIdentifier)
		for _, f := range p.Files {
			if f != nil && !done[f] {
				done[f] = true
				c.file(f, []string{ref})
			}
		}
	}
	container := make(map[string]string)
	for _, r := range in.Relationships {
		if r == nil || r.RefA.DocumentRefID != "" || r.RefB.DocumentRefID != "" {
			continue
		}
		a, b := renderDocID(r.RefA), renderDocID(r.RefB)
		switch strings.ToUpper(strings.TrimSpace(r.Relationship)) {
		case common.TypeRelationshipContains:
		case common.TypeRelationshipContainedBy:
			a, b = b, a
		default:
			continue
		}
		if _, isPkg := byRef[a]; isPkg && container[b] == "" {
			container[b] = a
		}
	}
	for _, f := range in.Files {
		if f == nil || done[f] {
			continue
		}
		done[f] = true
		var path []string
		if p := container[renderID(f.FileSPDXIdentifier)]; p != "" {
			path = []string{p}
		}
		c.file(f, path)
	}
	// Snippets: the document's, and those a reader keeps under their file
	// (tools-golang's tag-value reader), each once, in ID order.
	var snips []*spdx.Snippet
	seenSnip := make(map[common.ElementID]bool)
	addSnip := func(s *spdx.Snippet) {
		if s == nil || (s.SnippetSPDXIdentifier != "" && seenSnip[s.SnippetSPDXIdentifier]) {
			return
		}
		seenSnip[s.SnippetSPDXIdentifier] = true
		snips = append(snips, s)
	}
	for i := range in.Snippets {
		addSnip(&in.Snippets[i])
	}
	for _, f := range append(filesOfPackages(in.Packages), in.Files...) {
		if f == nil {
			continue
		}
		ids := slices.Sorted(maps.Keys(f.Snippets))
		for _, id := range ids {
			addSnip(f.Snippets[id])
		}
	}
	slices.SortStableFunc(snips, func(a, b *spdx.Snippet) int {
		return strings.Compare(renderID(a.SnippetSPDXIdentifier), renderID(b.SnippetSPDXIdentifier))
	})
	for _, s := range snips {
		c.snippet(s)
	}
}

// filesOfPackages returns the files of every package, in order.
func filesOfPackages(ps []*spdx.Package) []*spdx.File {
	var out []*spdx.File
	for _, p := range ps {
		if p != nil {
			out = append(out, p.Files...)
		}
	}
	return out
}

// file converts one file, when it names a party.
func (c *spdxConv) file(f *spdx.File, path []string) {
	text := strings.TrimSpace(f.FileCopyrightText)
	hasText := text != "" && !isNoValue(text)
	var parties []Party
	for k, who := range f.FileContributors {
		if strings.TrimSpace(who) == "" || isNoValue(who) {
			continue
		}
		parties = append(parties, contactParties(RoleContributor, "", who, c.loc.file(f, "fileContributors", k))...)
	}
	if !hasText && len(parties) == 0 {
		return
	}
	comp := Component{Ref: renderID(f.FileSPDXIdentifier), Pointer: c.loc.file(f, "", 0), Name: f.FileName,
		Type: "file", Section: SectionFiles, Path: path, Parties: parties}
	if f.FileSPDXIdentifier == "" {
		comp.Ref = comp.Pointer
	}
	if hasText {
		comp.Copyright = f.FileCopyrightText
		comp.CopyrightPointer = c.loc.file(f, "copyrightText", 0)
	}
	c.doc.Components = append(c.doc.Components, comp)
}

// snippet converts one snippet, when it has a copyright text.
func (c *spdxConv) snippet(s *spdx.Snippet) {
	text := strings.TrimSpace(s.SnippetCopyrightText)
	if text == "" || isNoValue(text) {
		return
	}
	comp := Component{Ref: renderID(s.SnippetSPDXIdentifier), Pointer: c.loc.snippet(s, ""), Name: s.SnippetName,
		Type: "snippet", Section: SectionSnippets,
		Copyright: s.SnippetCopyrightText, CopyrightPointer: c.loc.snippet(s, "copyrightText")}
	if s.SnippetSPDXIdentifier == "" {
		comp.Ref = comp.Pointer
	}
	if comp.Name == "" {
		comp.Name = comp.Ref
	}
	if s.SnippetFromFileSPDXIdentifier != "" {
		comp.Path = []string{renderID(s.SnippetFromFileSPDXIdentifier)}
	}
	c.doc.Components = append(c.doc.Components, comp)
}

// relationships sets the subject (the first package the document
// DESCRIBES) and the dependencies (DEPENDS_ON, DEPENDENCY_OF, CONTAINS,
// CONTAINED_BY between packages of this document).
func (c *spdxConv) relationships(in *spdx.Document, byRef map[string]int) {
	edges := make(map[[2]string]bool)
	docID := "SPDXRef-DOCUMENT"
	if in.SPDXIdentifier != "" {
		docID = renderID(in.SPDXIdentifier)
	}
	isDoc := func(id string) bool { return id == docID || id == "SPDXRef-DOCUMENT" }
	for _, r := range in.Relationships {
		if r == nil || r.RefA.DocumentRefID != "" || r.RefB.DocumentRefID != "" {
			continue
		}
		a, b := renderDocID(r.RefA), renderDocID(r.RefB)
		switch strings.ToUpper(strings.TrimSpace(r.Relationship)) {
		case common.TypeRelationshipDescribe:
			if isDoc(a) && c.doc.Subject == nil {
				if i, ok := byRef[b]; ok {
					subj := c.doc.Components[i]
					c.doc.Subject = &subj
				}
			}
			continue
		case common.TypeRelationshipDescribeBy:
			if isDoc(b) && c.doc.Subject == nil {
				if i, ok := byRef[a]; ok {
					subj := c.doc.Components[i]
					c.doc.Subject = &subj
				}
			}
			continue
		case common.TypeRelationshipDependsOn, common.TypeRelationshipContains:
		case common.TypeRelationshipDependencyOf, common.TypeRelationshipContainedBy:
			a, b = b, a
		default:
			continue
		}
		_, okA := byRef[a]
		_, okB := byRef[b]
		if !okA || !okB || edges[[2]string{a, b}] {
			continue
		}
		edges[[2]string{a, b}] = true
		if c.doc.Dependencies == nil {
			c.doc.Dependencies = make(map[string][]string)
		}
		c.doc.Dependencies[a] = append(c.doc.Dependencies[a], b)
	}
}

// convert maps one SPDX package.
func (c *spdxConv) convert(i int, p *spdx.Package) Component {
	loc := c.loc
	out := Component{
		Ref:     renderID(p.PackageSPDXIdentifier),
		Pointer: loc.pkg(i, p),
		Name:    p.PackageName,
		Version: p.PackageVersion,
		Type:    strings.ReplaceAll(strings.ToLower(p.PrimaryPackagePurpose), "_", "-"),
	}
	if p.PackageSPDXIdentifier == "" {
		out.Ref = out.Pointer
		c.log.note(WarnIDMissing, "package has no SPDXID; its pointer is its ref", out.Pointer)
	}
	if strings.TrimSpace(p.PackageName) == "" {
		c.warn(WarnComponentUnnamed, "package has no name", out.Pointer)
	}
	if p.PackageSupplier != nil {
		c.party(&out.Parties, RoleSupplier, p.PackageSupplier.Supplier, p.PackageSupplier.SupplierType, loc.field(i, p, "supplier", 0))
	}
	if p.PackageOriginator != nil {
		c.party(&out.Parties, RoleOriginator, p.PackageOriginator.Originator, p.PackageOriginator.OriginatorType, loc.field(i, p, "originator", 0))
	}
	if t := p.PackageCopyrightText; t != "" && !isNoValue(t) {
		out.Copyright = t
		out.CopyrightPointer = loc.field(i, p, "copyrightText", 0)
	}
	for _, h := range p.PackageChecksums {
		out.Hashes = append(out.Hashes, Hash{Algorithm: string(h.Algorithm), Value: h.Value})
	}
	for _, l := range []string{p.PackageLicenseDeclared, p.PackageLicenseConcluded} {
		if l != "" && !isNoValue(l) && (len(out.Licenses) == 0 || out.Licenses[0] != l) {
			out.Licenses = append(out.Licenses, l)
		}
	}
	if u := p.PackageHomePage; u != "" && !isNoValue(u) {
		out.ExternalRefs = append(out.ExternalRefs, ExternalRef{Type: "homepage", URL: u, Pointer: loc.field(i, p, "homepage", 0)})
	}
	if u := p.PackageDownloadLocation; u != "" && !isNoValue(u) {
		out.ExternalRefs = append(out.ExternalRefs, ExternalRef{Type: "download", URL: u, Pointer: loc.field(i, p, "downloadLocation", 0)})
	}
	for k, er := range p.PackageExternalReferences {
		if er == nil {
			continue
		}
		ptr := loc.field(i, p, "externalRefs", k)
		refType := spdxRefType(er.RefType)
		switch refType {
		case common.TypePackageManagerPURL:
			if _, err := ParsePURL(er.Locator); err != nil {
				c.warn(WarnPURLInvalid, "purl does not parse: "+purlReason(err), ptr)
			}
			out.addPURL(er.Locator, ptr)
		case common.TypeSecurityCPE22Type, common.TypeSecurityCPE23Type:
			out.CPEs = append(out.CPEs, er.Locator)
			if _, err := ParseCPE(er.Locator); err != nil {
				c.warn(WarnCPEInvalid, "CPE does not parse: "+cpeReason(err), ptr)
			}
		default:
			if id, ok := spdxLocatorIdentity(refType, er.Locator); ok {
				id.Pointer = ptr
				out.Identities = append(out.Identities, id)
			}
			out.ExternalRefs = append(out.ExternalRefs, ExternalRef{Type: refType, URL: er.Locator, Pointer: ptr})
		}
	}
	return out
}

// spdxLocatorIdentity is what an external reference of another type than
// purl or CPE identifies the package by: a locator that is a purl or a CPE
// whatever type the reference gives it ("pkg:…" under an "OTHER" category
// and a type of the writer's own, "cpe:…" as type "cpe"), and the locators
// of the package-manager types SPDX defines besides purl (maven-central
// "group:artifact:version", npm "name@version" or "@scope/name@version",
// nuget "Name/version", bower "name#version") as the purl they stand for.
func spdxLocatorIdentity(refType, locator string) (Identity, bool) {
	l := strings.TrimSpace(locator)
	switch {
	case len(l) > 4 && strings.EqualFold(l[:4], "pkg:"):
		return Identity{Field: "purl", Value: l}, true
	case len(l) > 4 && strings.EqualFold(l[:4], "cpe:"):
		return Identity{Field: "cpe", Value: l}, true
	case l == "":
		return Identity{}, false
	}
	var p string
	switch refType {
	case common.TypePackageManagerMavenCentral:
		group, rest, ok := strings.Cut(l, ":")
		if !ok || group == "" {
			return Identity{}, false
		}
		artifact, _, _ := strings.Cut(rest, ":")
		p = "pkg:maven/" + group + "/" + artifact
	case common.TypePackageManagerNpm:
		name := l
		if i := strings.LastIndexByte(l, '@'); i > 0 {
			name = l[:i]
		}
		if strings.HasPrefix(name, "@") {
			name = "%40" + name[1:]
		}
		p = "pkg:npm/" + name
	case common.TypePackageManagerNuGet:
		name, _, _ := strings.Cut(l, "/")
		p = "pkg:nuget/" + name
	case common.TypePackageManagerBower:
		name, _, _ := strings.Cut(l, "#")
		p = "pkg:bower/" + name
	default:
		return Identity{}, false
	}
	return Identity{Field: "purl", Value: p}, true
}

// party appends the parties an SPDX actor (supplier, originator, creator)
// names; NOASSERTION names none. typ is the actor type the reader split
// off ("Person", "Organization"). An actor without one of those types is
// a party of unknown kind named by the whole value (an unknown type before
// a colon stays part of the name, so that "Huawei: Cloud" is screened as
// written), with a WarnActorUntyped warning.
func (c *spdxConv) party(dst *[]Party, role, value, typ, ptr string) {
	value, typ = strings.TrimSpace(value), strings.TrimSpace(typ)
	if typ == "" && (value == "" || isNoValue(value)) {
		return
	}
	kind := spdxKind(typ)
	if kind == "" {
		if typ != "" {
			value = typ + ": " + value
		}
		c.log.note(WarnActorUntyped, role+" without \"Person:\" or \"Organization:\"; read as a party of unknown kind", ptr)
	}
	*dst = append(*dst, contactParties(role, kind, value, ptr)...)
}

// warn records a field-level warning.
func (c *spdxConv) warn(code, msg, p string) {
	c.doc.Warnings = append(c.doc.Warnings, Warning{Code: code, Message: msg, Pointer: p})
}

// spdxKind maps an SPDX actor type to a party kind; "Tool" and unknown
// types give "".
func spdxKind(t string) string {
	t = strings.TrimSpace(t)
	switch {
	case strings.EqualFold(t, "Organization"):
		return KindOrganization
	case strings.EqualFold(t, "Person"):
		return KindPerson
	}
	return ""
}

// splitSPDXActor splits an SPDX actor string ("Organization: Example
// Ltd (x@example.com)") into its type and the rest. Only the types SPDX
// defines (Person, Organization, Tool) are split off; anything else is
// all name, with no type.
func splitSPDXActor(s string) (typ, name string) {
	s = strings.TrimSpace(s)
	t, rest, ok := strings.Cut(s, ":")
	if ok {
		t = strings.TrimSpace(t)
		for _, known := range []string{"Person", "Organization", "Tool"} {
			if strings.EqualFold(t, known) {
				return known, strings.TrimSpace(rest)
			}
		}
	}
	return "", s
}

// rawIDMark starts, in the tools-golang model, an element ID that the file
// gives without the "SPDXRef-" prefix. The model keeps IDs without their
// prefix, so "abc" and "SPDXRef-abc" would otherwise be one ID; the mark
// keeps them apart, and renderID gives the ID back as written. Readers
// refuse an ID that itself starts with the mark.
const rawIDMark = "\x00"

// renderID returns an element ID as the file writes it.
func renderID(id common.ElementID) string {
	if raw, ok := strings.CutPrefix(string(id), rawIDMark); ok {
		return raw
	}
	return common.RenderElementID(id)
}

// renderDocID returns a possibly external element ID as the file writes
// it.
func renderDocID(d common.DocElementID) string {
	if d.SpecialID != "" {
		return d.SpecialID
	}
	prefix := ""
	if d.DocumentRefID != "" {
		prefix = "DocumentRef-" + string(d.DocumentRefID) + ":"
	}
	return prefix + renderID(d.ElementRefID)
}

// parseElementID reads an element ID as written: "SPDXRef-x" becomes the
// model's "x"; an ID without the prefix is kept, marked (see rawIDMark),
// and unprefixed is set. ok is false for an empty ID or one that holds the
// mark.
func parseElementID(raw string) (id common.ElementID, unprefixed, ok bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.Contains(raw, rawIDMark) {
		return "", false, false
	}
	if rest, found := strings.CutPrefix(raw, "SPDXRef-"); found && rest != "" {
		return common.ElementID(rest), false, true
	}
	return common.ElementID(rawIDMark + raw), true, true
}

// parseDocElementID reads the ID of a relationship's end: NONE and
// NOASSERTION, "DocumentRef-d:SPDXRef-x" for another document's element,
// or an element ID as parseElementID reads it.
func parseDocElementID(raw string) (id common.DocElementID, unprefixed, ok bool) {
	raw = strings.TrimSpace(raw)
	if raw == "NONE" || raw == "NOASSERTION" {
		return common.DocElementID{SpecialID: raw}, false, true
	}
	if rest, found := strings.CutPrefix(raw, "DocumentRef-"); found {
		doc, elem, hasElem := strings.Cut(rest, ":")
		if doc == "" {
			return common.DocElementID{}, false, false
		}
		if !hasElem {
			return common.DocElementID{DocumentRefID: common.DocumentID(doc)}, false, true
		}
		e, un, ok := parseElementID(elem)
		return common.DocElementID{DocumentRefID: common.DocumentID(doc), ElementRefID: e}, un, ok
	}
	e, un, ok := parseElementID(raw)
	return common.DocElementID{ElementRefID: e}, un, ok
}

// isNoValue reports the SPDX special values NOASSERTION and NONE.
func isNoValue(s string) bool {
	s = strings.TrimSpace(s)
	return s == "NOASSERTION" || s == "NONE"
}
