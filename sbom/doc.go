// Package sbom detects and parses software bills of materials (CycloneDX
// JSON and XML, SPDX JSON, tag-value, YAML and RDF/XML) into one
// format-neutral Document, with a pointer from every component and party
// back into the original file.
package sbom
