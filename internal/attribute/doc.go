// Package attribute derives, for every SBOM component, the signals that tie
// it to an organisation: the parties its fields name, its purl namespace,
// its CPE vendors, the domains of its URLs and e-mail addresses, the holders
// in its copyright text and its own name. Screening turns signals into
// matches; this package only reads the component.
package attribute
