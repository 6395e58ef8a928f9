// Package sbom detects and parses software bills of materials (CycloneDX
// JSON and XML; SPDX 2 JSON, tag-value, YAML, RDF/XML and XML; SPDX 3.0
// JSON-LD) into one format-neutral Document, with a pointer from every
// component and party back into the original file. Detection is by
// content; Label names the verdict for people ("SPDX 3.0.1 JSON-LD"), and
// every error starts from it. No input crashes the caller: a panic in any
// parser becomes an ErrParserFailed error.
package sbom
