package sbom

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
)

// Decode detects the format of data by its content and converts it into a
// Document. The caller enforces the overall size limit; Decode enforces
// opts.MaxDepth and opts.MaxComponents. Errors are *DecodeError values
// wrapping one of the Err* sentinels; problems with single fields of an
// otherwise usable document are Document.Warnings instead. A panic inside
// any parser is recovered and returned as ErrParserFailed with a
// *PanicError cause: no input crashes the process. A JSON (or YAML)
// document in which an object repeats a key, or holds two keys equal up to
// letter case or Unicode case folding, is ErrInvalid: readers that match
// keys case-insensitively and readers that do not would see different
// documents. Decode is safe for concurrent use and does not retain data. A
// CycloneDX JSON document with thousands of top-level components is
// decoded on up to runtime.GOMAXPROCS goroutines.
func Decode(data []byte, opts Options) (doc *Document, err error) {
	var s sniffed
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, parserFailed(opts.Name, &s, r)
		}
	}()
	if s, err = sniffChecked(data, opts); err != nil {
		return nil, err
	}
	return decodeWhole(s, opts)
}

// sniffChecked detects the format of data (sniff) and checks its member
// names (checkKeys); the error is finished (finishError). s is what the
// sniff found, error or not.
func sniffChecked(data []byte, opts Options) (s sniffed, err error) {
	ahead := startKeysAhead(data)
	defer ahead.wait() // a panic of the pre-scan leaves it running
	s, err = sniff(data, opts, true)
	if kerr := checkKeysAhead(&s, opts, err, ahead); kerr != nil {
		return s, kerr
	}
	if err != nil {
		return s, finishError(err, &s)
	}
	return s, nil
}

// decodeWhole decodes a sniffed text with the decoder of its format. An
// SBOM found in a wrapper is placed back in it, and an error inside one
// names it.
func decodeWhole(s sniffed, opts Options) (*Document, error) {
	doc, err := decodeSniffed(s, opts)
	if err != nil {
		err = finishError(err, &s)
	}
	return s.unwrapResult(doc, err)
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
	case FormatSyftJSON:
		return decodeSyftJSON(s, opts)
	}
	return nil, newError(opts.Name, s.format, ErrUnknownFormat, "no reader for this format")
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
	if de.Pointer == "" && isJSONText(de.Format, body) && !errors.Is(de.Kind, ErrInvalidUTF8) {
		locateJSONError(de, err, body)
	}
	if de.Line == 0 && de.Offset >= 0 && de.Offset <= int64(len(body)) {
		de.Line = 1 + bytes.Count(body[:de.Offset], []byte{'\n'})
	}
	return err
}

// locateJSONError sets the pointer of an error in a JSON text from its
// offset. The offset of an encoding/json type error counts from where the
// decoder started, which is not the start of the text when a library
// decodes a part on its own (tools-golang does, per package): it is
// trusted only when it leads to the field the error names; otherwise the
// offset is dropped and the pointer is that of the first value at the
// field's path that has the wrong kind.
func locateJSONError(de *DecodeError, err error, body []byte) {
	if de.Offset < 0 || de.Offset > int64(len(body)) {
		return
	}
	de.Pointer = jsonPointerAt(body, pointerOffset(body, de.Offset))
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Field == "" {
		return
	}
	fields := strings.Split(te.Field, ".")
	if strings.EqualFold(lastToken(de.Pointer), fields[len(fields)-1]) {
		return
	}
	de.Offset, de.Line, de.Pointer = -1, 0, ""
	if p, ok := typeErrorPointer(body, te); ok {
		de.Pointer = p
	}
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
