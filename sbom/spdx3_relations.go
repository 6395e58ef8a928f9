package sbom

import "strings"

// creators collects the document parties: the createdBy agents and the
// createdUsing tools of every CreationInfo, each agent once per role, at
// its first mention. SPDX 3 gives each element its own creation info, so
// the creators of the document are those of all its elements.
func (c *spdx3Conv) creators() {
	seen := make(map[string]bool)
	for _, ci := range c.creationInfos {
		for _, prop := range []struct{ key, role string }{{"createdBy", RoleCreator}, {"createdUsing", RoleTool}} {
			c.each(ci, prop.key, func(v any, p string) {
				key := prop.role + "\x00" + agentKey(v, p)
				if seen[key] {
					return
				}
				seen[key] = true
				c.agent(&c.doc.Parties, prop.role, v, p)
			})
		}
	}
}

// agentKey identifies an agent reference for deduplication: its IRI, or
// the pointer of an anonymous inline agent.
func agentKey(v any, p string) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		if id := ldID(x); id != "" {
			return id
		}
	}
	return p
}

// relationship kinds that make the "from" element depend on the "to"
// elements; SPDX 2 names are kept for writers that still use them.
var spdx3DependencyTypes = map[string]bool{
	"dependson": true, "contains": true, "hasdynamiclink": true, "hasstaticlink": true,
	"hasoptionaldependency": true, "hasprovideddependency": true, "hasprerequisite": true,
}

// spdx3ReverseDependencyTypes are SPDX 2 relationship types, the inverse
// of a dependency, that SPDX 3 writers converted from SPDX 2 still emit.
var spdx3ReverseDependencyTypes = map[string]bool{"dependencyof": true, "containedby": true}

// relationType normalises a relationshipType for comparison: its entry
// name, lower case, without "_" ("DEPENDS_ON" and "dependsOn" match).
func relationType(t string) string {
	return strings.ToLower(strings.ReplaceAll(vocabEntry(t), "_", ""))
}

// relationships reads the relationships between components (dependencies
// and licences) and finds the subject: the first component that the
// SpdxDocument's root elements (through an Sbom or Bom) name, else the
// first one an SpdxDocument or Sbom describes.
func (c *spdx3Conv) relationships() {
	declared := make(map[string][]string)
	concluded := make(map[string][]string)
	edges := make(map[[2]string]bool)
	var described string
	for _, n := range c.nodes {
		if _, ok := n.obj["relationshipType"]; !ok {
			continue
		}
		typ := relationType(c.str(n, "relationshipType"))
		var from string
		var fromNode *ldNode
		c.each(n, "from", func(v any, p string) {
			if fromNode == nil {
				fromNode, _, _ = c.resolve(v, p)
				from = c.compRef(fromNode)
			}
		})
		var tos []*ldNode
		var toPtrs []string
		c.each(n, "to", func(v any, p string) {
			if t, iri, ok := c.resolve(v, p); ok {
				tos = append(tos, t)
				toPtrs = append(toPtrs, p)
			} else if iri != "" {
				tos = append(tos, &ldNode{id: iri})
				toPtrs = append(toPtrs, p)
			}
		})
		switch {
		case typ == "availablefrom":
			// "from is available from the additional supplier described by
			// each to": a supplier of the component, as suppliedBy is
			i, ok := c.comps[from]
			if from == "" || !ok {
				continue
			}
			for k, t := range tos {
				if t.obj == nil {
					if !special(t.id) {
						c.warn(WarnUnresolvedRef, "availableFrom names an element that is not in this document", toPtrs[k])
						comp := &c.doc.Components[i]
						comp.Parties = appendReference(comp.Parties, RoleSupplier, t.id, toPtrs[k])
					}
					continue
				}
				if party, ok := c.party(t, RoleSupplier, toPtrs[k]); ok {
					c.doc.Components[i].Parties = append(c.doc.Components[i].Parties, party)
				}
			}
		case typ == "describes":
			// From the document, an SBOM, or an IRI that names nothing here
			// (Microsoft sbom-tool keeps SPDX 2's "SPDXRef-DOCUMENT").
			if described == "" && (fromNode == nil || isCollection(fromNode.typ)) {
				for _, t := range tos {
					if ref := c.compRef(t); ref != "" {
						described = ref
						break
					}
				}
			}
		case typ == "hasdeclaredlicense" || typ == "hasconcludedlicense":
			if from == "" {
				continue
			}
			for _, t := range tos {
				if l := c.license(t); l != "" {
					if typ == "hasdeclaredlicense" {
						declared[from] = append(declared[from], l)
					} else {
						concluded[from] = append(concluded[from], l)
					}
				}
			}
		case spdx3DependencyTypes[typ] || spdx3ReverseDependencyTypes[typ]:
			for _, t := range tos {
				a, b := from, c.compRef(t)
				if spdx3ReverseDependencyTypes[typ] {
					a, b = b, a
				}
				if a == "" || b == "" || edges[[2]string{a, b}] {
					continue
				}
				edges[[2]string{a, b}] = true
				if c.doc.Dependencies == nil {
					c.doc.Dependencies = make(map[string][]string)
				}
				c.doc.Dependencies[a] = append(c.doc.Dependencies[a], b)
			}
		}
	}
	for ref, i := range c.comps {
		comp := &c.doc.Components[i]
		for _, l := range append(declared[ref], concluded[ref]...) {
			comp.Licenses = appendNew(comp.Licenses, l)
		}
	}
	subject := c.rootComponent()
	if subject == "" {
		subject = described
	}
	if i, ok := c.comps[subject]; ok && subject != "" {
		s := c.doc.Components[i]
		c.doc.Subject = &s
	}
}

// isCollection reports the element classes that can describe or have root
// elements: documents, SBOMs and other bundles.
func isCollection(typ string) bool {
	switch typ {
	case "SpdxDocument", "software_Sbom", "Bom", "Bundle", "ElementCollection":
		return true
	}
	return false
}

// rootComponent returns the ref of the first component among the root
// elements of the SpdxDocument, following root elements that are SBOMs or
// bundles; "" when there is none.
func (c *spdx3Conv) rootComponent() string {
	visited := make(map[*ldNode]bool)
	var walk func(n *ldNode) string
	walk = func(n *ldNode) string {
		if visited[n] {
			return ""
		}
		visited[n] = true
		found := ""
		c.each(n, "rootElement", func(v any, p string) {
			if found != "" {
				return
			}
			r, _, ok := c.resolve(v, p)
			if !ok {
				return
			}
			if ref := c.compRef(r); ref != "" {
				found = ref
			} else if isCollection(r.typ) {
				found = walk(r)
			}
		})
		return found
	}
	for _, n := range c.nodes {
		if n.typ == "SpdxDocument" {
			if ref := walk(n); ref != "" {
				return ref
			}
		}
	}
	return ""
}

// compRef returns the ref of the component a node is, "" when it is not a
// component of this document.
func (c *spdx3Conv) compRef(n *ldNode) string {
	if n == nil {
		return ""
	}
	if ref, ok := c.compOf[n]; ok {
		return ref
	}
	if n.id != "" {
		if m, ok := c.lookup(n.id); ok {
			if ref, ok := c.compOf[m]; ok {
				return ref
			}
		}
	}
	return ""
}

// spdxLicensePrefix starts the IRI of an SPDX License List entry.
const spdxLicensePrefix = "https://spdx.org/licenses/"

// license returns the licence a hasDeclaredLicense or hasConcludedLicense
// relationship points to: a license expression, a listed or custom
// licence, or a License List IRI; "" for NoAssertion and None.
func (c *spdx3Conv) license(n *ldNode) string {
	if n.obj == nil {
		id := strings.TrimPrefix(strings.TrimPrefix(n.id, "http://spdx.org/licenses/"), spdxLicensePrefix)
		if id == n.id || special(n.id) {
			return ""
		}
		return id
	}
	if special(n.id) {
		return ""
	}
	var l string
	switch n.typ {
	case "simplelicensing_LicenseExpression":
		l = c.str(n, "simplelicensing_licenseExpression")
	case "expandedlicensing_ListedLicense", "expandedlicensing_CustomLicense":
		l = strings.TrimPrefix(n.id, spdxLicensePrefix)
		if l == n.id {
			l = c.str(n, "name")
		}
	default:
		l = c.str(n, "name") // Microsoft sbom-tool's AnyLicenseInfo
	}
	l = strings.TrimSpace(l)
	if isNoValue(l) {
		return ""
	}
	return l
}
