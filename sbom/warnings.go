package sbom

// Warning codes, stable identifiers of field-level problems.
const (
	// WarnPURLInvalid marks a purl that does not parse.
	WarnPURLInvalid = "purl-invalid"
	// WarnCPEInvalid marks a CPE that is neither a CPE 2.3 formatted string
	// nor a CPE 2.2 URI.
	WarnCPEInvalid = "cpe-invalid"
	// WarnDuplicateRef marks a component whose bom-ref or SPDXID is already
	// used by an earlier component.
	WarnDuplicateRef = "duplicate-ref"
	// WarnComponentUnnamed marks a component without a name.
	WarnComponentUnnamed = "component-unnamed"
	// WarnUnresolvedRef marks an SPDX 3 reference to a party or identifier
	// (by IRI) that names no element of the document, so that nothing is
	// known of it but its IRI.
	WarnUnresolvedRef = "unresolved-ref"
	// WarnNullValue marks a JSON null where an element or a value was
	// expected (an entry of @graph, of originatedBy, ...); it is skipped.
	WarnNullValue = "null-value"
)
