package sbom

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// SPDX 3 is read from its JSON-LD serialisation as the SPDX 3.0 JSON
// schema defines it (a top-level @context and an @graph of objects, each
// with a "type" and an "spdxId" or "@id"), without a general JSON-LD
// processor: the compacted names of the SPDX context are matched, and
// elements may be given inline or referenced by IRI anywhere. No
// maintained Go library could be used instead (see the package tests).

// ldNode is one JSON object of the graph that has a type or an id: an
// element, a CreationInfo, an ExternalIdentifier, a Hash...
type ldNode struct {
	obj map[string]any
	ptr string // JSON pointer of the object
	typ string // normalised type ("software_Package"), "" when untyped
	id  string // spdxId or @id, "" when anonymous
}

// spdx3Conv holds the state of one SPDX 3 conversion.
type spdx3Conv struct {
	name string
	doc  *Document
	// byID maps an spdxId or @id to the first typed object that defines
	// it; a bare {"spdxId": ...} object is a reference, not a definition.
	byID map[string]*ldNode
	// nodes are all typed objects in document order (pre-order).
	nodes []*ldNode
	// byPtr maps a typed object's pointer to its node.
	byPtr map[string]*ldNode
	// creationInfos are the CreationInfo objects in document order.
	creationInfos []*ldNode
	// prefixes is the SpdxDocument namespaceMap (prefix → namespace).
	prefixes map[string]string
	// comps maps a component's ref to its index in doc.Components.
	comps map[string]int
	// compOf maps a component node to its ref.
	compOf map[*ldNode]string
	err    *DecodeError
}

// decodeSPDX3 reads SPDX 3.0 JSON-LD. The pre-scan has already checked
// nesting, repeated member names, completeness and trailing data.
func decodeSPDX3(s sniffed, opts Options) (*Document, error) {
	dec := json.NewDecoder(bytes.NewReader(s.body))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		return nil, jsonError(opts.Name, s.format, err)
	}
	top, ok := root.(map[string]any)
	if !ok {
		return nil, newError(opts.Name, s.format, ErrInvalid, "the document is not a JSON object")
	}
	c := &spdx3Conv{
		name:   opts.Name,
		doc:    &Document{Format: s.format, SpecVersion: s.version, Components: []Component{}},
		byID:   make(map[string]*ldNode),
		byPtr:  make(map[string]*ldNode),
		comps:  make(map[string]int),
		compOf: make(map[*ldNode]string),
	}
	if g, has := top["@graph"]; has {
		list, ok := g.([]any)
		if !ok {
			return nil, c.fail(ErrInvalid, "@graph is not an array", "/@graph")
		}
		for i, el := range list {
			p := "/@graph/" + strconv.Itoa(i)
			switch x := el.(type) {
			case map[string]any:
				c.index(x, p, "", 0)
			case nil:
				c.warn(WarnNullValue, "null entry in @graph", p)
			default:
				return nil, c.fail(ErrInvalid, "an @graph entry is not a JSON object", p)
			}
		}
	} else {
		// A document of one element: the top-level object is the element.
		c.index(top, "", "", 0)
	}
	c.readPrefixes()
	if err := c.components(opts.maxComponents()); err != nil {
		return nil, err
	}
	c.creators()
	c.relationships()
	if c.err != nil {
		return nil, c.err
	}
	return c.doc, nil
}

// maxLDNesting bounds how deep under a graph entry objects are indexed.
// SPDX 3 nests a few levels (an element, its inline agent, its external
// identifier); deeper objects are not elements, and a pointer for each
// would take memory quadratic in the depth.
const maxLDNesting = 32

// index records obj (at pointer p, held in member of its parent, depth
// levels under a graph entry) and every object nested in it, in
// pre-order.
func (c *spdx3Conv) index(obj map[string]any, p, member string, depth int) {
	n := &ldNode{obj: obj, ptr: p, typ: ldType(obj), id: ldID(obj)}
	if n.typ == "" && member == "creationInfo" {
		n.typ = "CreationInfo"
	}
	if n.typ != "" {
		c.nodes = append(c.nodes, n)
		c.byPtr[p] = n
		if n.id != "" {
			if _, dup := c.byID[n.id]; !dup {
				c.byID[n.id] = n
			}
		}
		if n.typ == "CreationInfo" {
			c.creationInfos = append(c.creationInfos, n)
		}
	}
	if depth >= maxLDNesting {
		return
	}
	// Members in a fixed order: map iteration order would make the
	// document order, and so the output, vary between runs.
	for _, k := range sortedKeys(obj) {
		if strings.HasPrefix(k, spdx3TermsPrefix) {
			// A JSON-LD reader takes ".../terms/Core/suppliedBy" for
			// suppliedBy; this reader matches compacted names only.
			_ = c.fail(ErrUnsupported, "member named by the IRI of an SPDX term ("+safeToken(compactTerm(k))+"); write its compacted name", p+"/"+escapeToken(k)) // recorded; the caller reads c.err
			return
		}
		switch v := obj[k].(type) {
		case map[string]any:
			c.index(v, p+"/"+escapeToken(k), k, depth+1)
		case []any:
			for i, e := range v {
				if m, ok := e.(map[string]any); ok {
					c.index(m, p+"/"+escapeToken(k)+"/"+strconv.Itoa(i), k, depth+1)
				}
			}
		}
	}
}

// spdx3TermsPrefix starts the IRI of every SPDX 3 class, property and
// individual ("https://spdx.org/rdf/3.0.1/terms/Software/Package").
const spdx3TermsPrefix = "https://spdx.org/rdf/3."

// ldType returns the object's normalised type: the compacted SPDX name
// ("software_Package", "Organization") whether it is given compacted or as
// a full IRI, under "type" or "@type"; "" when untyped.
func ldType(obj map[string]any) string {
	t, ok := obj["type"]
	if !ok {
		t = obj["@type"]
	}
	switch x := t.(type) {
	case string:
		return compactTerm(x)
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && s != "" {
				return compactTerm(s)
			}
		}
	}
	return ""
}

// compactTerm turns the full IRI of an SPDX 3 term into its compacted
// name: "https://spdx.org/rdf/3.0.1/terms/Core/Person" → "Person",
// ".../terms/Software/Package" → "software_Package". Other strings are
// returned as they are.
func compactTerm(s string) string {
	if !strings.HasPrefix(s, spdx3TermsPrefix) {
		return s
	}
	i := strings.Index(s, "/terms/")
	if i < 0 {
		return s
	}
	rest := s[i+len("/terms/"):]
	ns, local, ok := strings.Cut(rest, "/")
	if !ok || local == "" {
		return s
	}
	if ns == "Core" {
		return local
	}
	return strings.ToLower(ns[:1]) + ns[1:] + "_" + local
}

// ldID returns the object's spdxId or @id, "" when it has neither.
func ldID(obj map[string]any) string {
	if s, ok := obj["spdxId"].(string); ok && s != "" {
		return s
	}
	if s, ok := obj["@id"].(string); ok && s != "" {
		return s
	}
	return ""
}

// readPrefixes reads the namespaceMap of the SpdxDocument elements, used
// to expand compact IRIs ("sbom:pkg-1").
func (c *spdx3Conv) readPrefixes() {
	for _, n := range c.nodes {
		if n.typ != "SpdxDocument" {
			continue
		}
		switch nm := n.obj["namespaceMap"].(type) {
		case []any:
			for _, e := range nm {
				m, ok := e.(map[string]any)
				if !ok {
					continue
				}
				p, _ := m["prefix"].(string)
				ns, _ := m["namespace"].(string)
				c.addPrefix(p, ns)
			}
		case map[string]any:
			// Microsoft sbom-tool writes the map as an object.
			for p, ns := range nm {
				s, _ := ns.(string)
				c.addPrefix(p, s)
			}
		}
	}
}

// addPrefix records one namespace prefix.
func (c *spdx3Conv) addPrefix(p, ns string) {
	if p == "" || ns == "" {
		return
	}
	if c.prefixes == nil {
		c.prefixes = make(map[string]string)
	}
	if _, ok := c.prefixes[p]; !ok {
		c.prefixes[p] = ns
	}
}

// lookup finds the element an IRI names, expanding a compact IRI with the
// namespace map.
func (c *spdx3Conv) lookup(iri string) (*ldNode, bool) {
	if n, ok := c.byID[iri]; ok {
		return n, true
	}
	if p, local, ok := strings.Cut(iri, ":"); ok && !strings.HasPrefix(local, "//") {
		if ns, ok := c.prefixes[p]; ok {
			n, ok := c.byID[ns+local]
			return n, ok
		}
	}
	return nil, false
}

// resolve returns the node a property value stands for: the object itself
// when it is given inline (at pointer p), or the element its IRI names.
// ok is false for null, for an IRI that names nothing in the document and
// for a value that is neither a string nor an object.
func (c *spdx3Conv) resolve(v any, p string) (n *ldNode, iri string, ok bool) {
	switch x := v.(type) {
	case string:
		n, ok := c.lookup(x)
		return n, x, ok
	case map[string]any:
		if ldType(x) == "" {
			// {"spdxId": "..."}: a reference written as an object.
			if id := ldID(x); id != "" {
				n, ok := c.lookup(id)
				return n, id, ok
			}
			return nil, "", false
		}
		if n, ok := c.byPtr[p]; ok && n.obj != nil {
			return n, n.id, true
		}
		return &ldNode{obj: x, ptr: p, typ: ldType(x), id: ldID(x)}, ldID(x), true
	}
	return nil, "", false
}

// special reports the individuals SPDX 3 defines for "no assertion" and
// "none" (and the SPDX organisation), which name no party or element.
func special(iri string) bool {
	switch compactTerm(iri) {
	case "NoAssertionElement", "NoneElement", "SpdxOrganization",
		"expandedlicensing_NoAssertionLicense", "expandedlicensing_NoneLicense",
		"NoAssertionLicense", "NoneLicense":
		return true
	}
	return false
}

// each calls f for every value of member key of the node: the entries of
// an array (with their pointers), or the value itself. JSON-LD allows an
// array for any property, so a single-valued property given as an array
// is read in full rather than cut to one value. An absent member or null
// calls nothing; a null entry of an array is skipped with a warning.
func (c *spdx3Conv) each(n *ldNode, key string, f func(v any, p string)) {
	v, ok := n.obj[key]
	if !ok || v == nil {
		return
	}
	p := n.ptr + "/" + escapeToken(key)
	list, ok := v.([]any)
	if !ok {
		f(v, p)
		return
	}
	for i, e := range list {
		ep := p + "/" + strconv.Itoa(i)
		if e == nil {
			c.warn(WarnNullValue, "null entry in "+safeToken(key), ep)
			continue
		}
		f(e, ep)
	}
}

// str returns the string value of member key of the node. A value of
// another type is an error (the member is screened, so a number or object
// where a string belongs must not pass unread); null or absent is "".
func (c *spdx3Conv) str(n *ldNode, key string) string {
	switch v := n.obj[key].(type) {
	case nil:
		return ""
	case string:
		return v
	case []any:
		// A one-value set written as an array.
		if len(v) == 1 {
			if s, ok := v[0].(string); ok {
				return s
			}
		}
	}
	_ = c.fail(ErrInvalid, key+" is not a string", n.ptr+"/"+escapeToken(key)) // recorded; the caller reads c.err
	return ""
}

// fail records the first error of the conversion and returns it.
func (c *spdx3Conv) fail(kind error, detail, p string) *DecodeError {
	if c.err == nil {
		c.err = newError(c.name, c.doc.Format, kind, detail)
		c.err.Version = c.doc.SpecVersion
		c.err.Pointer = pointerForMessage(p)
	}
	return c.err
}

// warn records a field-level warning.
func (c *spdx3Conv) warn(code, msg, p string) {
	c.doc.Warnings = append(c.doc.Warnings, Warning{Code: code, Message: msg, Pointer: p})
}

// pointerForMessage returns a JSON pointer with every token that is not a
// plain identifier replaced by "*", for an error message.
func pointerForMessage(p string) string {
	if p == "" {
		return ""
	}
	toks := strings.Split(p[1:], "/")
	for i, t := range toks {
		toks[i] = safeToken(t)
	}
	return "/" + strings.Join(toks, "/")
}

// sortedKeys returns the member names of obj in sorted order.
func sortedKeys(obj map[string]any) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
