package sbom

import (
	"bytes"
	"errors"
)

// Decode detects the format of data by its content and converts it into a
// Document. The caller enforces the overall size limit; Decode enforces
// opts.MaxDepth and opts.MaxComponents. Errors are *DecodeError values
// wrapping one of the Err* sentinels; problems with single fields of an
// otherwise usable document are Document.Warnings instead. A panic inside
// any parser is recovered and returned as ErrParserFailed with a
// *PanicError cause: no input crashes the process. Decode is safe for
// concurrent use and does not retain data. A CycloneDX JSON document with
// thousands of top-level components is decoded on up to
// runtime.GOMAXPROCS goroutines.
func Decode(data []byte, opts Options) (doc *Document, err error) {
	var s sniffed
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, parserFailed(opts.Name, &s, r)
		}
	}()
	s, err = sniff(data, opts, true)
	if err != nil {
		return nil, finishError(err, &s)
	}
	doc, err = decodeSniffed(s, opts)
	if err != nil {
		return nil, finishError(err, &s)
	}
	return doc, nil
}

// decodeSniffed runs the decoder of the detected format.
func decodeSniffed(s sniffed, opts Options) (*Document, error) {
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
	case FormatSPDXXML:
		return decodeSPDXXML(s, opts)
	case FormatSPDX3JSONLD:
		return decodeSPDX3(s, opts)
	}
	return nil, newError(opts.Name, s.format, ErrUnknownFormat, "")
}

// finishError completes a *DecodeError with what detection found and where
// the problem is: the version, the line of a byte offset and, in a JSON
// text, the JSON pointer of the value at that offset.
func finishError(err error, s *sniffed) error {
	var de *DecodeError
	if !errors.As(err, &de) {
		return err
	}
	if de.Version == "" && de.Format != "" && de.Format == s.format {
		de.Version = s.version
	}
	body := s.body
	if de.Offset < 0 || de.Offset > int64(len(body)) {
		return err
	}
	if de.Line == 0 {
		de.Line = 1 + bytes.Count(body[:de.Offset], []byte{'\n'})
	}
	if de.Pointer == "" && isJSONText(de.Format, body) && !errors.Is(de.Kind, ErrInvalidUTF8) {
		de.Pointer = jsonPointerAt(body, pointerOffset(body, de.Offset))
	}
	return err
}

// isJSONText reports whether errors in format f point into a JSON text:
// the JSON formats, and an unidentified input that starts as JSON.
func isJSONText(f Format, body []byte) bool {
	switch f {
	case FormatCycloneDXJSON, FormatSPDXJSON, FormatSPDX3JSONLD:
		return true
	case "":
		t := bytes.TrimLeft(body, " \t\r\n")
		return len(t) > 0 && t[0] == '{'
	}
	return false
}

// pointerOffset returns the byte whose value an error offset is about: the
// offset itself when a token starts there (the pre-scan reports the start
// of the culprit), else the byte before it (encoding/json reports the
// offset just past the value it rejects).
func pointerOffset(body []byte, off int64) int {
	at := int(off)
	if at < len(body) {
		switch body[at] {
		case ' ', '\t', '\r', '\n', ',', ':', '}', ']':
		default:
			return at
		}
	}
	if at > 0 {
		at--
	}
	return at
}
