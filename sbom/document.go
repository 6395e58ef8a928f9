package sbom

// Format names an SBOM format and encoding, as detected from the content.
type Format string

// The formats Decode understands.
const (
	FormatCycloneDXJSON Format = "cyclonedx-json"
	FormatCycloneDXXML  Format = "cyclonedx-xml"
	FormatSPDXJSON      Format = "spdx-json"
	FormatSPDXTagValue  Format = "spdx-tag-value"
	FormatSPDXYAML      Format = "spdx-yaml"
	FormatSPDXRDF       Format = "spdx-rdf"
	// FormatSPDXXML is the XML serialisation of SPDX 2.2 and 2.3 (root
	// element <Document>), not RDF/XML.
	FormatSPDXXML Format = "spdx-xml"
	// FormatSPDX3JSONLD is the JSON-LD serialisation of SPDX 3.0.0 and
	// 3.0.1 (a top-level @context naming spdx.org/rdf/3.0.x).
	FormatSPDX3JSONLD Format = "spdx-3-jsonld"
	// FormatSyftJSON is syft's own JSON format (syft -o json).
	FormatSyftJSON Format = "syft-json"
)

// Document is the format-neutral model of one SBOM file. Every parser
// converts into it, so that screening and policies see one shape whatever
// the input format was.
type Document struct {
	// Format is the detected format and encoding.
	Format Format `json:"format"`
	// SpecVersion is the version of the specification the file declares
	// ("1.5" for CycloneDX, "2.3" for SPDX 2, "3.0.1" for SPDX 3, taken
	// from the JSON-LD context).
	SpecVersion string `json:"spec_version"`
	// Subject is the component the SBOM describes (CycloneDX
	// metadata.component, SPDX documentDescribes), nil when absent.
	Subject *Component `json:"subject,omitempty"`
	// Parties are the parties named for the document as a whole
	// (CycloneDX metadata supplier, manufacturer, authors; SPDX creators;
	// SPDX 3 creationInfo createdBy and createdUsing of every element).
	Parties []Party `json:"parties,omitempty"`
	// Components holds every component, nested ones flattened, in file order.
	Components []Component `json:"components"`
	// Services counts CycloneDX services (nested ones included, those of
	// metadata.tools and formulation too); each is also a Component of
	// type "service" (Section SectionServices, SectionTools or
	// SectionFormulation).
	Services int `json:"services"`
	// Dependencies maps a component ref to the refs it depends on.
	Dependencies map[string][]string `json:"dependencies,omitempty"`
	// Envelope describes the wrapper the SBOM came in (an in-toto
	// statement, a DSSE envelope, GitHub's dependency-graph export), nil
	// for a bare SBOM. Format and SpecVersion are the SBOM's own, and every
	// pointer of the Document starts with Envelope.Pointer.
	Envelope *Envelope `json:"envelope,omitempty"`
	// Warnings are problems in an otherwise usable document (a purl or CPE
	// that does not parse, a duplicate bom-ref, a component with no name);
	// they are reported as findings, not errors.
	Warnings []Warning `json:"warnings,omitempty"`
}

// Envelope is the wrapper an SBOM was found in.
type Envelope struct {
	// Kind is the outermost wrapper: EnvelopeInToto, EnvelopeDSSE or
	// EnvelopeGitHub.
	Kind string `json:"kind"`
	// StatementType is the in-toto statement's _type
	// ("https://in-toto.io/Statement/v1"), "" when there is no statement.
	StatementType string `json:"statement_type,omitempty"`
	// PredicateType is the statement's predicateType
	// ("https://cyclonedx.org/bom", "https://spdx.dev/Document").
	PredicateType string `json:"predicate_type,omitempty"`
	// PayloadType is the DSSE envelope's payloadType.
	PayloadType string `json:"payload_type,omitempty"`
	// Signatures counts the DSSE envelope's signatures. They are not
	// verified: Decode reads the payload, it does not check who signed it.
	Signatures int `json:"signatures,omitempty"`
	// Subjects are the statement's subjects, the artefacts the SBOM is
	// stated for.
	Subjects []EnvelopeSubject `json:"subjects,omitempty"`
	// Pointer locates the SBOM in the wrapper: "/predicate", "/sbom",
	// "/payload: /predicate" (inside the base64-decoded payload), or with
	// ": " after it when the SBOM is a string to be read on its own
	// ("/predicate: line 3" for SPDX tag-value given as a JSON string).
	Pointer string `json:"pointer"`
}

// EnvelopeSubject is one subject of an in-toto statement.
type EnvelopeSubject struct {
	Name   string            `json:"name,omitempty"`
	Digest map[string]string `json:"digest,omitempty"`
}

// Envelope kinds.
const (
	// EnvelopeInToto is an in-toto Statement (v0.1 or v1) whose predicate
	// is the SBOM, as cosign attest --type cyclonedx|spdx|spdxjson and
	// BuildKit write it.
	EnvelopeInToto = "in-toto"
	// EnvelopeDSSE is a DSSE envelope whose payload is such a statement.
	EnvelopeDSSE = "dsse"
	// EnvelopeGitHub is the response of GitHub's dependency-graph SBOM
	// export ({"sbom": {…SPDX 2.3 JSON…}}).
	EnvelopeGitHub = "github-dependency-graph"
)

// Component is one package, library, application, file or device. SPDX 2
// packages are components, and SPDX 2 files and snippets that name a party
// (a copyright text or a contributor); SPDX 3 packages, files and snippets
// are. CycloneDX components are, wherever the document holds them (the
// components tree, metadata.component, pedigree, metadata.tools,
// formulation), and so are CycloneDX services (type "service"). Section
// says where a component was found.
type Component struct {
	// Ref is the component's identifier inside the document (CycloneDX
	// bom-ref, SPDX SPDXID, SPDX 3 spdxId); synthesised from the pointer
	// when absent.
	Ref string `json:"ref"`
	// Pointer locates the component in the original file: an RFC 6901 JSON
	// pointer for JSON and YAML ("/@graph/12" in SPDX 3 JSON-LD), an
	// XPath-like locator for XML ("/bom/components/component[3]",
	// "/Document/packages[2]"), "line N" for SPDX tag-value.
	Pointer string `json:"pointer"`
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
	// Type is the CycloneDX component type or the SPDX primary package
	// purpose, lower case ("library", "application", "device", ...). An
	// SPDX 3 file or snippet without a primary purpose is "file" or
	// "snippet".
	Type string `json:"type,omitempty"`
	// Group is the CycloneDX group (often the Maven groupId).
	Group string   `json:"group,omitempty"`
	PURL  string   `json:"purl,omitempty"`
	CPEs  []string `json:"cpes,omitempty"`
	// Parties are the named parties from the component's own fields.
	Parties []Party `json:"parties,omitempty"`
	// Copyright is the copyright text, verbatim.
	Copyright string `json:"copyright,omitempty"`
	// CopyrightPointer locates Copyright in the original file.
	CopyrightPointer string   `json:"copyright_pointer,omitempty"`
	Hashes           []Hash   `json:"hashes,omitempty"`
	Licenses         []string `json:"licenses,omitempty"`
	// Properties are CycloneDX name/value properties, in file order.
	Properties []Property `json:"properties,omitempty"`
	// ExternalRefs are URLs the component points to (website, vcs,
	// distribution, SPDX homepage and download location).
	ExternalRefs []ExternalRef `json:"external_refs,omitempty"`
	// Path is the chain of parent refs for a nested component, outermost
	// first; empty for a top-level component.
	Path []string `json:"path,omitempty"`
	// Section is the part of the document the component was found in:
	// "" for the components themselves (and the subject), or one of the
	// Section constants.
	Section string `json:"section,omitempty"`
	// Identities are identifiers the document states for the component
	// besides its own purl and CPE: CycloneDX evidence.identity (the
	// concluded value and each method's value), screened like its own.
	Identities []Identity `json:"identities,omitempty"`
	// CopyrightEvidence are further copyright statements found for the
	// component (CycloneDX evidence.copyright), each with its place.
	CopyrightEvidence []Text `json:"copyright_evidence,omitempty"`
}

// Identity is one identifier stated as evidence of a component's identity.
type Identity struct {
	// Field is what the value identifies by: "purl", "cpe", "name",
	// "group", "swid", "hash", "version", "omniborId", "swhid".
	Field   string `json:"field"`
	Value   string `json:"value"`
	Pointer string `json:"pointer"`
}

// Text is one piece of free text with its place in the file.
type Text struct {
	Text    string `json:"text"`
	Pointer string `json:"pointer"`
}

// Sections of a document a Component can come from (Component.Section).
const (
	// SectionServices is a CycloneDX service of the services tree.
	SectionServices = "services"
	// SectionPedigree is a CycloneDX pedigree ancestor, descendant or
	// variant of the component named last in Path.
	SectionPedigree = "pedigree"
	// SectionTools is a tool that made the SBOM (CycloneDX
	// metadata.tools: a legacy tool, a tool component or service).
	SectionTools = "tools"
	// SectionFormulation is a component or service of a CycloneDX
	// formulation (what built the product).
	SectionFormulation = "formulation"
	// SectionFiles is an SPDX 2 file that names a party (copyright text
	// or contributors); Path holds the package that contains it.
	SectionFiles = "files"
	// SectionSnippets is an SPDX 2 snippet with a copyright text.
	SectionSnippets = "snippets"
)

// Party is a person or organisation named in an SBOM field.
type Party struct {
	// Role is what the field says the party did: supplier, manufacturer,
	// publisher, author, originator, creator, vendor, owner; "tool" for an
	// SPDX 3 Tool that created the document (creationInfo.createdUsing);
	// provider (a CycloneDX service's provider), committer (a CycloneDX
	// pedigree commit's committer; its author is an author), contributor
	// (an SPDX 2 FileContributor), vendor (a CycloneDX legacy tool's
	// vendor).
	Role string `json:"role"`
	// Kind is "organization" or "person" when the format says so (SPDX
	// "Organization:" / "Person:", CycloneDX OrganizationalEntity versus
	// OrganizationalContact), "" when it does not.
	Kind   string   `json:"kind,omitempty"`
	Name   string   `json:"name"`
	URLs   []string `json:"urls,omitempty"`
	Emails []string `json:"emails,omitempty"`
	// Pointer locates the name in the original file.
	Pointer string `json:"pointer"`
	// Reference is the IRI an SPDX 3 field names the party by when the
	// document does not hold that element: a reader sees the IRI alone,
	// and its host is the namespace of whoever wrote the element, most
	// often the party itself, sometimes only the writer of the document.
	Reference string `json:"reference,omitempty"`
}

// Hash is one checksum of a component.
type Hash struct {
	Algorithm string `json:"alg"`
	Value     string `json:"value"`
}

// Property is one CycloneDX property.
type Property struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ExternalRef is one URL a component points to.
type ExternalRef struct {
	// Type is the reference type ("website", "vcs", "distribution",
	// "homepage", "download", ...).
	Type    string `json:"type"`
	URL     string `json:"url"`
	Pointer string `json:"pointer"`
}

// Warning is a problem with one field of an otherwise usable document.
type Warning struct {
	// Code is a stable identifier: "purl-invalid", "cpe-invalid",
	// "duplicate-ref", "component-unnamed".
	Code    string `json:"code"`
	Message string `json:"message"`
	Pointer string `json:"pointer"`
}

// Party roles.
const (
	RoleSupplier     = "supplier"
	RoleManufacturer = "manufacturer"
	RolePublisher    = "publisher"
	RoleAuthor       = "author"
	RoleOriginator   = "originator"
	RoleCreator      = "creator"
	// RoleTool is an SPDX 3 Tool named in creationInfo.createdUsing: the
	// software that wrote the SBOM, not a party that made the components.
	RoleTool = "tool"
	// RoleProvider is the organisation that provides a CycloneDX service.
	RoleProvider = "provider"
	// RoleCommitter is the committer of a CycloneDX pedigree commit.
	RoleCommitter = "committer"
	// RoleContributor is an SPDX 2 file contributor (FileContributor).
	RoleContributor = "contributor"
	// RoleLicensor is the licensor a CycloneDX license's licensing names
	// (licenses[].license.licensing.licensor): the party that grants the
	// licence, usually the vendor.
	RoleLicensor = "licensor"
	// RoleVendor is the vendor of a CycloneDX legacy tool
	// (metadata.tools[].vendor).
	RoleVendor = "vendor"
)

// Party kinds.
const (
	KindOrganization = "organization"
	KindPerson       = "person"
)

// addPURL gives the component the purl at ptr: as its PURL when it has
// none yet, else, when it names another, as an identity (a second purl
// names the package too, and is screened).
func (c *Component) addPURL(purl, ptr string) {
	switch {
	case c.PURL == "":
		c.PURL = purl
	case purl != c.PURL:
		c.Identities = append(c.Identities, Identity{Field: "purl", Value: purl, Pointer: ptr})
	}
}
