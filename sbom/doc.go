// Package sbom detects and parses software bills of materials (CycloneDX
// JSON and XML, SPDX JSON, tag-value, YAML and RDF/XML, syft JSON) into
// one format-neutral Document, with a pointer from every component and
// party back into the original file. An SBOM inside the wrappers that
// pipelines write (an in-toto statement, a DSSE envelope, GitHub's
// dependency-graph export) is read too, with Document.Envelope saying
// which. Defects that touch nothing screened are read past and reported
// as Document.Warnings; what cannot be read faithfully is a *DecodeError
// naming the cause and the place.
package sbom
