package attribute

// Sources of a signal besides the party roles of package sbom.
const (
	SourcePURL          = "purl"
	SourceGroup         = "group"
	SourceCPE           = "cpe"
	SourceURL           = "url"
	SourceVCS           = "vcs"
	SourceEmail         = "email"
	SourceCopyright     = "copyright"
	SourceComponentName = "component_name"
)

// What a signal's Value is, and so how it is screened.
const (
	// ValueName is a party or holder name, screened by name.
	ValueName = "name"
	// ValueDomain is a DNS domain, screened exactly.
	ValueDomain = "domain"
	// ValueNamespace is a package namespace (Ecosystem + Value).
	ValueNamespace = "namespace"
	// ValueCPEVendor is a CPE vendor string.
	ValueCPEVendor = "cpe_vendor"
)

// Signal is one piece of evidence tying a component to an organisation.
type Signal struct {
	// Source is the field the evidence came from: a party role
	// ("supplier", "author", ...) or one of the Source constants.
	Source string
	// Type says what Value is: one of the Value constants.
	Type string
	// Value is the name, domain, namespace or CPE vendor.
	Value string
	// Kind is the party kind for names ("organization", "person", "").
	Kind string
	// Ecosystem is the purl type for namespaces ("maven", "npm", ...).
	Ecosystem string
	// Pointer locates the evidence in the input file.
	Pointer string
}
