package check

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/bangate/bangate/internal/screen"
)

// Kinds of Lookup.
const (
	// LookupEmail is a whole e-mail address on a shared provider's domain.
	LookupEmail = "email"
	// LookupDomain is a party's own domain (of an address, a URL or a
	// domain the input gives).
	LookupDomain = "domain"
	// LookupWebsite is a web address on a shared host, as host and path.
	LookupWebsite = "website"
	// LookupNamespace is a purl namespace in its ecosystem.
	LookupNamespace = "namespace"
	// LookupCPEVendor is a CPE's vendor.
	LookupCPEVendor = "cpe_vendor"
	// LookupIdentifier is an identifier number (LEI, DUNS, tax or
	// registration number, ...).
	LookupIdentifier = "identifier"
)

// Lookup is one look-up of an identifier signal in the screening index.
// A run records the look-ups it made (InputRun.Lookups), so that a
// re-screen can tell whether changed list entries (a new domain, an added
// identifier) can touch an input without checking it again.
type Lookup struct {
	// Kind is one of the Lookup kinds.
	Kind string `json:"kind"`
	// Ecosystem is a namespace's purl type ("maven", "npm").
	Ecosystem string `json:"ecosystem,omitempty"`
	// Value is the address, domain, "host/path", namespace, vendor or
	// number looked up.
	Value string `json:"value"`
	// Bare is set for a website whose host alone is a tenant's (a
	// project's own site on a shared host).
	Bare bool `json:"bare,omitempty"`
}

// Query runs the look-up on ix.
func (l Lookup) Query(ix *screen.Index) ([]screen.Match, error) {
	switch l.Kind {
	case LookupEmail:
		return ix.Email(l.Value)
	case LookupDomain:
		return ix.Domain(l.Value)
	case LookupWebsite:
		host, path, _ := strings.Cut(l.Value, "/")
		if path != "" {
			path = "/" + path
		}
		return ix.Website(host, path, l.Bare)
	case LookupNamespace:
		return ix.PURLNamespace(l.Ecosystem, l.Value)
	case LookupCPEVendor:
		return ix.CPEVendor(l.Value)
	case LookupIdentifier:
		return ix.Identifier(l.Value)
	}
	return nil, fmt.Errorf("unknown kind of look-up %q", l.Kind)
}

// CompareLookups orders look-ups by kind, ecosystem, value (Bare follows
// from the value).
func CompareLookups(a, b Lookup) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Ecosystem, b.Ecosystem), cmp.Compare(a.Value, b.Value))
}

// Lookups returns the identifier look-ups the check of the input made,
// each once, sorted.
func (in *InputRun) Lookups() []Lookup {
	return slices.SortedFunc(maps.Keys(in.lookups), CompareLookups)
}
