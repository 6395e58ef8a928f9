package sbom

// formatNames gives the family and the encoding of each format, as they
// are written in a label.
var formatNames = map[Format][2]string{
	FormatCycloneDXJSON: {"CycloneDX", "JSON"},
	FormatCycloneDXXML:  {"CycloneDX", "XML"},
	FormatSPDXJSON:      {"SPDX", "JSON"},
	FormatSPDXTagValue:  {"SPDX", "tag-value"},
	FormatSPDXYAML:      {"SPDX", "YAML"},
	FormatSPDXRDF:       {"SPDX", "RDF/XML"},
	FormatSPDXXML:       {"SPDX", "XML"},
	FormatSPDX3JSONLD:   {"SPDX", "JSON-LD"},
	FormatSyftJSON:      {"syft", "JSON"},
}

// Label names a detection verdict for people: "CycloneDX 1.5 JSON",
// "SPDX 2.3 tag-value", "SPDX 3.0.1 JSON-LD", "SPDX 2.2 XML". The version
// is left out when it is empty or not a plain version number (it may come
// from a broken input); an unknown format is named by its identifier, and
// the empty format gives "".
func Label(f Format, version string) string {
	if f == "" {
		return ""
	}
	n, ok := formatNames[f]
	if !ok {
		return string(f)
	}
	if v := safeVersion(version); v != "version" {
		return n[0] + " " + v + " " + n[1]
	}
	return n[0] + " " + n[1]
}

// Label names the document's format and version for people ("SPDX 3.0.1
// JSON-LD").
func (d *Document) Label() string {
	return Label(d.Format, d.SpecVersion)
}
