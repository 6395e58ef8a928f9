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
)
