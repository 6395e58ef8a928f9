package sbom

import (
	"strconv"
	"strings"
	"unicode"
)

// spdx3ComponentTypes are the SPDX 3 classes read as components, with the
// Type given to one that states no primary purpose.
var spdx3ComponentTypes = map[string]string{
	"software_Package":       "",
	"software_File":          "file",
	"software_Snippet":       "snippet",
	"ai_AIPackage":           "",
	"dataset_DatasetPackage": "",
}

// topElementRef is the ref of an anonymous element that is the whole
// document (a JSON-LD document of one node, whose pointer is "").
const topElementRef = "_:document"

// components converts every package, file and snippet, in document order.
func (c *spdx3Conv) components(limit int) error {
	n := 0
	for _, nd := range c.nodes {
		if _, ok := spdx3ComponentTypes[nd.typ]; ok {
			n++
		}
	}
	if n > limit {
		return c.fail(ErrTooManyComponents, strconv.Itoa(n)+" packages, files and snippets, limit "+strconv.Itoa(limit), "")
	}
	c.doc.Components = make([]Component, 0, n)
	seen := make(map[string]string, n)
	for _, nd := range c.nodes {
		if _, ok := spdx3ComponentTypes[nd.typ]; !ok {
			continue
		}
		if prev, ok := c.byID[nd.id]; ok && nd.id != "" && prev != nd {
			if _, conv := c.compOf[prev]; conv {
				// The same element given again (JSON-LD merges node
				// objects with one @id): a second component would count
				// it twice.
				c.warn(WarnDuplicateRef, "spdxId already used by the element at "+prev.ptr, nd.ptr)
				continue
			}
		}
		comp := c.convert(nd)
		if first, dup := seen[comp.Ref]; dup {
			c.warn(WarnDuplicateRef, "spdxId already used by the element at "+first, comp.Pointer)
		} else {
			seen[comp.Ref] = comp.Pointer
			c.comps[comp.Ref] = len(c.doc.Components)
		}
		c.compOf[nd] = comp.Ref
		c.doc.Components = append(c.doc.Components, comp)
	}
	return nil
}

// convert maps one package, file or snippet.
func (c *spdx3Conv) convert(n *ldNode) Component {
	out := Component{Ref: n.id, Pointer: n.ptr, Name: c.str(n, "name")}
	switch {
	case out.Ref != "":
	case n.ptr == "":
		out.Ref = topElementRef
	default:
		out.Ref = n.ptr
	}
	out.Version = c.str(n, "software_packageVersion")
	out.Type = purposeType(c.str(n, "software_primaryPurpose"))
	if out.Type == "" {
		out.Type = spdx3ComponentTypes[n.typ]
	}
	if strings.TrimSpace(out.Name) == "" && n.typ != "software_Snippet" {
		c.warn(WarnComponentUnnamed, "element has no name", n.ptr)
	}
	c.each(n, "suppliedBy", func(v any, p string) {
		c.agent(&out.Parties, RoleSupplier, v, p)
	})
	c.each(n, "originatedBy", func(v any, p string) {
		c.agent(&out.Parties, RoleOriginator, v, p)
	})
	if t := c.str(n, "software_copyrightText"); t != "" && !isNoValue(t) {
		out.Copyright = t
		out.CopyrightPointer = n.ptr + "/software_copyrightText"
	}
	if purl := c.str(n, "software_packageUrl"); purl != "" {
		out.PURL = purl
		c.checkPURL(purl, n.ptr+"/software_packageUrl")
	}
	c.identifiers(n, &out)
	c.each(n, "verifiedUsing", func(v any, p string) {
		h, _, ok := c.resolve(v, p)
		if !ok {
			return
		}
		alg, val := c.str(h, "algorithm"), c.str(h, "hashValue")
		if alg != "" && val != "" {
			out.Hashes = append(out.Hashes, Hash{Algorithm: alg, Value: val})
		}
	})
	if u := c.str(n, "software_homePage"); u != "" && !isNoValue(u) {
		out.ExternalRefs = append(out.ExternalRefs, ExternalRef{Type: "homepage", URL: u, Pointer: n.ptr + "/software_homePage"})
	}
	if u := c.str(n, "software_downloadLocation"); u != "" && !isNoValue(u) {
		out.ExternalRefs = append(out.ExternalRefs, ExternalRef{Type: "download", URL: u, Pointer: n.ptr + "/software_downloadLocation"})
	}
	c.externalRefs(n, &out.ExternalRefs)
	return out
}

// identifiers reads the externalIdentifier entries of a component: purls,
// CPEs, SWID tags and the rest (as external references), and the URLs of
// their identifierLocator.
func (c *spdx3Conv) identifiers(n *ldNode, out *Component) {
	c.each(n, "externalIdentifier", func(v any, p string) {
		id, iri, ok := c.resolve(v, p)
		if !ok {
			if iri != "" {
				c.warn(WarnUnresolvedRef, "externalIdentifier names an element that is not in this document", p)
			}
			return
		}
		typ := identifierType(c.str(id, "externalIdentifierType"))
		val := strings.TrimSpace(c.str(id, "identifier"))
		vp := id.ptr + "/identifier"
		switch {
		case val == "":
		case typ == "packageUrl":
			c.checkPURL(val, vp)
			out.addPURL(val, vp)
		case typ == "cpe23" || typ == "cpe22":
			out.CPEs = append(out.CPEs, val)
			if _, err := ParseCPE(val); err != nil {
				c.warn(WarnCPEInvalid, "CPE does not parse: "+cpeReason(err), vp)
			}
		default:
			// a purl or CPE under another type ("other") identifies all the same
			if id, ok := spdxLocatorIdentity(typ, val); ok {
				id.Pointer = vp
				out.Identities = append(out.Identities, id)
			}
			out.ExternalRefs = append(out.ExternalRefs, ExternalRef{Type: typ, URL: val, Pointer: vp})
		}
		c.each(id, "identifierLocator", func(v any, lp string) {
			if u, ok := v.(string); ok && u != "" {
				out.ExternalRefs = append(out.ExternalRefs, ExternalRef{Type: typ + "-locator", URL: u, Pointer: lp})
			}
		})
	})
}

// identifierType normalises an externalIdentifierType: the compacted
// vocabulary name, with the SPDX 2 names some writers keep ("purl",
// "cpe23Type") mapped to the SPDX 3 ones.
func identifierType(t string) string {
	t = vocabEntry(t)
	switch strings.ToLower(t) {
	case "purl", "packageurl":
		return "packageUrl"
	case "cpe23", "cpe23type":
		return "cpe23"
	case "cpe22", "cpe22type":
		return "cpe22"
	}
	return t
}

// vocabEntry returns the entry name of a vocabulary value given as a full
// IRI (".../ExternalIdentifierType/cpe23" → "cpe23").
func vocabEntry(s string) string {
	if strings.HasPrefix(s, spdx3TermsPrefix) {
		if i := strings.LastIndexByte(s, '/'); i >= 0 {
			return s[i+1:]
		}
	}
	return s
}

// externalRefs appends the locators of an element's externalRef entries.
func (c *spdx3Conv) externalRefs(n *ldNode, dst *[]ExternalRef) {
	c.each(n, "externalRef", func(v any, p string) {
		r, _, ok := c.resolve(v, p)
		if !ok {
			return
		}
		typ := vocabEntry(c.str(r, "externalRefType"))
		if typ == "" {
			typ = "other"
		}
		c.each(r, "locator", func(v any, lp string) {
			if u, ok := v.(string); ok && u != "" {
				*dst = append(*dst, ExternalRef{Type: typ, URL: u, Pointer: lp})
			}
		})
	})
}

// checkPURL warns about a purl that does not parse.
func (c *spdx3Conv) checkPURL(purl, p string) {
	if _, err := ParsePURL(purl); err != nil {
		c.warn(WarnPURLInvalid, "purl does not parse: "+purlReason(err), p)
	}
}

// purposeType maps an SPDX 3 software purpose ("operatingSystem", or its
// IRI) to a component type in the style of the SPDX 2 conversion
// ("operating-system").
func purposeType(p string) string {
	p = vocabEntry(strings.TrimSpace(p))
	var b strings.Builder
	for i, r := range p {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('-')
			}
			r = unicode.ToLower(r)
		}
		if r == '_' {
			r = '-'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// agent appends the party an agent reference names (role is what the
// property says it did), or warns when the reference leads nowhere. The
// pointer is the reference itself when the agent is named by IRI, and
// the agent's name when it is given inline.
func (c *spdx3Conv) agent(dst *[]Party, role string, v any, p string) {
	n, iri, ok := c.resolve(v, p)
	if !ok {
		if iri != "" && !special(iri) {
			c.warn(WarnUnresolvedRef, role+" names an element that is not in this document", p)
			*dst = appendReference(*dst, role, iri, p)
		}
		return
	}
	party, ok := c.party(n, role, p)
	if ok {
		*dst = append(*dst, party)
	}
}

// party converts an Agent (Organization, Person, SoftwareAgent) or a Tool
// into a Party. ref is the pointer of the reference to it.
func (c *spdx3Conv) party(n *ldNode, role, ref string) (Party, bool) {
	out := Party{Role: role, Pointer: ref}
	switch n.typ {
	case "Organization":
		out.Kind = KindOrganization
	case "Person":
		out.Kind = KindPerson
	case "Agent", "SoftwareAgent", "Tool":
	default:
		c.warn(WarnUnresolvedRef, role+" names a "+safeToken(n.typ)+", not an agent", ref)
		return out, false
	}
	name := strings.TrimSpace(c.str(n, "name"))
	// Microsoft sbom-tool copies the SPDX 2 actor prefix into the name.
	for _, prefix := range []string{"Organization:", "Person:", "Tool:"} {
		if strings.HasPrefix(name, prefix) {
			name = strings.TrimSpace(name[len(prefix):])
		}
	}
	if isNoValue(name) {
		name = ""
	}
	if c, ok := parseContact(name); ok {
		out.Name, out.Emails, out.URLs = c.Name, c.Emails, c.URLs
	}
	if out.Name != "" && n.ptr == ref {
		out.Pointer = ref + "/name" // an agent given inline
	}
	c.each(n, "externalIdentifier", func(v any, p string) {
		id, _, ok := c.resolve(v, p)
		if !ok {
			return
		}
		val := strings.TrimSpace(c.str(id, "identifier"))
		if identifierType(c.str(id, "externalIdentifierType")) == "email" && val != "" {
			out.Emails = appendNew(out.Emails, strings.TrimPrefix(val, "mailto:"))
		}
		c.each(id, "identifierLocator", func(v any, _ string) {
			if u, ok := v.(string); ok && u != "" {
				out.URLs = appendNew(out.URLs, u)
			}
		})
	})
	var refs []ExternalRef
	c.externalRefs(n, &refs)
	for _, r := range refs {
		out.URLs = appendNew(out.URLs, r.URL)
	}
	if out.Name == "" && len(out.Emails) == 0 && len(out.URLs) == 0 {
		return out, false
	}
	return out, true
}

// appendNew appends s to list unless it is already there.
func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// appendReference appends the party an IRI names when the document does
// not hold the element it names (Party.Reference).
func appendReference(dst []Party, role, iri, ptr string) []Party {
	return append(dst, Party{Role: role, Reference: iri, Pointer: ptr})
}
