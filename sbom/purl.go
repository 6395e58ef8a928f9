package sbom

import (
	"errors"
	"strings"

	packageurl "github.com/package-url/packageurl-go"
)

// PURL is the part of a package URL that attribution needs.
type PURL struct {
	// Type is the package ecosystem as the purl names it: "maven", "npm",
	// "golang", "pypi", "nuget", ...
	Type string
	// Namespace is decoded: a Maven groupId ("com.example"), an npm scope
	// with its "@" ("@angular"), a Go module's host path
	// ("github.com/org"); "" when the purl has none.
	Namespace string
	// Name is the decoded package name.
	Name string
	// Version is the decoded version, "" when absent.
	Version string
}

// NamespaceKey returns "type:namespace" ("maven:com.example",
// "npm:@scope", "golang:github.com/org"), the form ban lists use, or ""
// when the purl has no namespace.
func (p PURL) NamespaceKey() string {
	if p.Namespace == "" {
		return ""
	}
	return p.Type + ":" + p.Namespace
}

// PURLError says why a purl does not parse. Its message never contains the
// purl itself.
type PURLError struct {
	// Reason is a short description ("missing pkg: scheme").
	Reason string
	// Err is the purl library's error, if any; it may quote the input, so
	// it is not part of Error().
	Err error
}

// Error returns "invalid purl: <reason>".
func (e *PURLError) Error() string { return "invalid purl: " + e.Reason }

// Unwrap returns the purl library's error.
func (e *PURLError) Unwrap() error { return e.Err }

// ParsePURL parses a package URL (https://github.com/package-url/purl-spec)
// with packageurl-go and returns its type, namespace, name and version.
// The error is a *PURLError.
func ParsePURL(s string) (PURL, error) {
	switch {
	case s == "":
		return PURL{}, &PURLError{Reason: "empty"}
	case !strings.HasPrefix(s, "pkg:"):
		return PURL{}, &PURLError{Reason: "missing pkg: scheme"}
	}
	u, err := packageurl.FromString(s)
	if err != nil {
		return PURL{}, &PURLError{Reason: "packageurl-go: " + causeText(err), Err: err}
	}
	if u.Type == "" || u.Name == "" {
		return PURL{}, &PURLError{Reason: "missing type or name"}
	}
	return PURL{Type: u.Type, Namespace: u.Namespace, Name: u.Name, Version: u.Version}, nil
}

// purlReason returns the input-free reason of a ParsePURL error.
func purlReason(err error) string {
	var pe *PURLError
	if errors.As(err, &pe) {
		return pe.Reason
	}
	return "invalid"
}
