package sbom

import (
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
}

// jsonSPDXLocator gives RFC 6901 pointers for SPDX JSON and YAML; the
// parsed packages keep the file's array indexes.
type jsonSPDXLocator struct{}

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
}

// convertSPDX converts a parsed SPDX 2.x document (already converted to
// the 2.3 model) into a Document, packages in file order.
func convertSPDX(in *spdx.Document, s sniffed, opts Options, loc spdxLocator) (*Document, error) {
	doc := &Document{Format: s.format, SpecVersion: s.version}
	if in == nil {
		return nil, newError(opts.Name, s.format, ErrInvalid, "no document")
	}
	if len(in.Packages) > opts.maxComponents() {
		return nil, newError(opts.Name, s.format, ErrTooManyComponents,
			strconv.Itoa(len(in.Packages))+" packages, limit "+strconv.Itoa(opts.maxComponents()))
	}
	c := &spdxConv{doc: doc, loc: loc}
	if ci := in.CreationInfo; ci != nil {
		for k, cr := range ci.Creators {
			kind := spdxKind(cr.CreatorType)
			if kind == "" {
				continue // Tool: is not a party
			}
			name, emails := splitEmail(cr.Creator)
			if name == "" && len(emails) == 0 {
				continue
			}
			doc.Parties = append(doc.Parties, Party{Role: RoleCreator, Kind: kind, Name: name, Emails: emails, Pointer: loc.creator(k)})
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
	return doc, nil
}

// relationships sets the subject (the first package the document
// DESCRIBES) and the dependencies (DEPENDS_ON, DEPENDENCY_OF, CONTAINS,
// CONTAINED_BY between packages of this document).
func (c *spdxConv) relationships(in *spdx.Document, byRef map[string]int) {
	edges := make(map[[2]string]bool)
	for _, r := range in.Relationships {
		if r == nil || r.RefA.DocumentRefID != "" || r.RefB.DocumentRefID != "" {
			continue
		}
		a, b := common.RenderDocElementID(r.RefA), common.RenderDocElementID(r.RefB)
		switch strings.ToUpper(r.Relationship) {
		case common.TypeRelationshipDescribe:
			if a == "SPDXRef-DOCUMENT" && c.doc.Subject == nil {
				if i, ok := byRef[b]; ok {
					subj := c.doc.Components[i]
					c.doc.Subject = &subj
				}
			}
			continue
		case common.TypeRelationshipDescribeBy:
			if b == "SPDXRef-DOCUMENT" && c.doc.Subject == nil {
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
		Ref:     common.RenderElementID(p.PackageSPDXIdentifier),
		Pointer: loc.pkg(i, p),
		Name:    p.PackageName,
		Version: p.PackageVersion,
		Type:    strings.ReplaceAll(strings.ToLower(p.PrimaryPackagePurpose), "_", "-"),
	}
	if p.PackageSPDXIdentifier == "" {
		out.Ref = out.Pointer
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
			if out.PURL == "" {
				out.PURL = er.Locator
			}
		case common.TypeSecurityCPE22Type, common.TypeSecurityCPE23Type:
			out.CPEs = append(out.CPEs, er.Locator)
			if _, err := ParseCPE(er.Locator); err != nil {
				c.warn(WarnCPEInvalid, "CPE does not parse: "+cpeReason(err), ptr)
			}
		default:
			out.ExternalRefs = append(out.ExternalRefs, ExternalRef{Type: refType, URL: er.Locator, Pointer: ptr})
		}
	}
	return out
}

// party appends the party an SPDX supplier or originator names;
// NOASSERTION names none.
func (c *spdxConv) party(dst *[]Party, role, value, typ, ptr string) {
	value = strings.TrimSpace(value)
	if value == "" || isNoValue(value) {
		return
	}
	name, emails := splitEmail(value)
	if name == "" && len(emails) == 0 {
		return
	}
	*dst = append(*dst, Party{Role: role, Kind: spdxKind(typ), Name: name, Emails: emails, Pointer: ptr})
}

// warn records a field-level warning.
func (c *spdxConv) warn(code, msg, p string) {
	c.doc.Warnings = append(c.doc.Warnings, Warning{Code: code, Message: msg, Pointer: p})
}

// spdxKind maps an SPDX actor type to a party kind; "Tool" and unknown
// types give "".
func spdxKind(t string) string {
	switch strings.TrimSpace(t) {
	case "Organization":
		return KindOrganization
	case "Person":
		return KindPerson
	}
	return ""
}

// isNoValue reports the SPDX special values NOASSERTION and NONE.
func isNoValue(s string) bool {
	s = strings.TrimSpace(s)
	return s == "NOASSERTION" || s == "NONE"
}

// splitEmail splits an SPDX actor "Name (email)" into the name and its
// e-mail. A trailing parenthesised group is taken as the e-mail only when
// it is empty or holds an "@"; otherwise it is part of the name.
func splitEmail(s string) (string, []string) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ")") {
		return s, nil
	}
	open := strings.LastIndexByte(s, '(')
	if open < 0 {
		return s, nil
	}
	inner := strings.TrimSpace(s[open+1 : len(s)-1])
	if inner != "" && !strings.Contains(inner, "@") {
		return s, nil
	}
	name := strings.TrimSpace(s[:open])
	if inner == "" {
		return name, nil
	}
	return name, []string{inner}
}
