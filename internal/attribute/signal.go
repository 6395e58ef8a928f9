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
	// SourcePURLOwner is the owner a purl names (its namespace as words),
	// screened against the ban lists' names and brand words.
	SourcePURLOwner = "purl_owner"
	// SourcePURLName is the package name of a purl type whose names bear
	// their publisher's brand (npm, pypi, cargo, nuget), screened against
	// the ban lists' names and brand words.
	SourcePURLName = "purl_name"
	// SourceVCSOwner is the account a URL on a public code host names
	// ("github.com/Huawei/…"), as words, screened like a purl's owner
	// against the ban lists' names and brand words.
	SourceVCSOwner = "vcs_owner"
	// SourceIdentifier is a registration number a procurement record
	// gives (UEI, DUNS, tax ID, LEI, ...).
	SourceIdentifier = "id"
	// SourceReference marks a signal taken from the IRI a field names a
	// party by when the document does not hold it (sbom.Party.Reference):
	// its host may be the party's, or only the document writer's.
	SourceReference = "reference"
	// SourceIdentity marks a signal taken from an identity the document
	// states as evidence (CycloneDX evidence.identity); its Type says
	// what it is.
	SourceIdentity = "identity"
)

// What a signal's Value is, and so how it is screened.
const (
	// ValueName is a party or holder name, screened by name.
	ValueName = "name"
	// ValueDomain is a DNS domain, screened exactly as the party's own
	// (a procurement record's bare domain column).
	ValueDomain = "domain"
	// ValueEmail is an e-mail address as textnorm.Email writes it: on a
	// shared provider's domain only the exact address is screened, on any
	// other domain the domain, as the party's own.
	ValueEmail = "email"
	// ValueURL is a web address as host and path (textnorm.WebAddress,
	// "sites.google.com/view/x"): on a shared provider's host only a
	// listed address with the same host and a path prefix matches, on any
	// other host the domain, as the party's own.
	ValueURL = "url"
	// ValueNamespace is a package namespace (Ecosystem + Value).
	ValueNamespace = "namespace"
	// ValueCPEVendor is a CPE vendor string.
	ValueCPEVendor = "cpe_vendor"
	// ValueID is a registration or document number, matched on its
	// letters and digits.
	ValueID = "id"
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
	// Lenient is set when the value was read from an identifier that does
	// not parse (a purl or CPE split by hand).
	Lenient bool
	// Pointer locates the evidence in the input file.
	Pointer string
}
