// Package sbom detects and parses software bills of materials (CycloneDX
// JSON and XML; SPDX 2 JSON, tag-value, YAML, RDF/XML and XML; SPDX 3.0
// JSON-LD; syft JSON) into one format-neutral Document, with a pointer
// from every component and party back into the original file. An SBOM
// inside the wrappers that pipelines write (an in-toto statement, a DSSE
// envelope, GitHub's dependency-graph export) is read too, with
// Document.Envelope saying which. Detection is by content; Label names the
// verdict for people ("SPDX 3.0.1 JSON-LD"), and every error starts from
// it. Defects that touch nothing screened are read past and reported as
// Document.Warnings; what cannot be read faithfully is a *DecodeError
// naming the cause and the place. No input crashes the caller: a panic in
// any parser becomes an ErrParserFailed error.
package sbom
