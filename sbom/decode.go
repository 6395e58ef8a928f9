package sbom

// Decode detects the format of data by its content and converts it into a
// Document. The caller enforces the overall size limit; Decode enforces
// opts.MaxDepth and opts.MaxComponents. Errors are *DecodeError values
// wrapping one of the Err* sentinels; problems with single fields of an
// otherwise usable document are Document.Warnings instead. Decode is safe
// for concurrent use and does not retain data. A CycloneDX JSON document
// with thousands of top-level components is decoded on up to
// runtime.GOMAXPROCS goroutines. A JSON (or YAML) document in which an
// object repeats a key, or holds two keys equal up to letter case or
// Unicode case folding, is ErrInvalid: readers that match keys
// case-insensitively and readers that do not would see different
// documents.
func Decode(data []byte, opts Options) (*Document, error) {
	s, err := sniff(data, opts, true)
	if kerr := checkKeys(s, opts, err); kerr != nil {
		return nil, kerr
	}
	if err != nil {
		return nil, err
	}
	switch s.format {
	case FormatCycloneDXJSON:
		return decodeCycloneDXJSON(s, opts)
	case FormatCycloneDXXML:
		return decodeCycloneDXXML(s, opts)
	case FormatSPDXJSON:
		return decodeSPDXJSON(s, opts)
	case FormatSPDXYAML:
		return decodeSPDXYAML(s, opts)
	case FormatSPDXTagValue:
		return decodeSPDXTagValue(s, opts)
	case FormatSPDXRDF:
		return decodeSPDXRDF(s, opts)
	}
	return nil, newError(opts.Name, s.format, ErrUnknownFormat, "")
}
