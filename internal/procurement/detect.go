package procurement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

var (
	errEmptyInput    = errors.New("empty input")
	errUnknownFormat = errors.New("unknown vendor file format (want CSV with a header, JSON or YAML vendors, or OCDS JSON)")
)

// Detect tells the format of a vendor file from its content, never its
// name: JSON whose first value is an OCDS package, release or record (or
// an array of releases) is FormatOCDS; other JSON is FormatJSON; a YAML
// sequence, or a mapping with the key vendors (after other keys too,
// which the reader refuses by name), is FormatYAML; text whose
// header row is owner,owned,percent is FormatOwnership; any other text
// with a line break or a delimiter in its first line is FormatCSV.
// Empty input and binary data are errors.
func Detect(data []byte) (Format, error) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, bomUTF8))
	if len(trimmed) == 0 {
		return "", errEmptyInput
	}
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		return FormatCSV, nil // only the CSV reader decodes UTF-16
	}
	if bytes.IndexByte(trimmed, 0) >= 0 {
		return "", errUnknownFormat
	}
	switch trimmed[0] {
	case '{', '[':
		return detectJSON(trimmed)
	}
	if f, ok := detectYAML(trimmed); ok {
		return f, nil
	}
	if mappingWithVendors(trimmed) {
		return FormatYAML, nil
	}
	if isOwnershipHeader(trimmed) {
		return FormatOwnership, nil
	}
	first, _, _ := bytes.Cut(trimmed, []byte{'\n'})
	if bytes.ContainsAny(first, ",;\t") || bytes.IndexByte(trimmed, '\n') >= 0 {
		return FormatCSV, nil
	}
	return "", errUnknownFormat
}

// detectJSON looks only at the first JSON value, and of an array only at
// its first element, so that detection does not copy a large file.
func detectJSON(data []byte) (Format, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if firstByte(data) == '[' {
		if _, err := dec.Token(); err != nil {
			return "", fmt.Errorf("%w: not valid JSON", errUnknownFormat)
		}
		if !dec.More() {
			return FormatJSON, nil
		}
		// A first element that does not decode is left to the JSON
		// reader, which names the error.
		var first jsonKeys
		if dec.Decode(&first) == nil && first.OCID {
			return FormatOCDS, nil
		}
		return FormatJSON, nil
	}
	var keys jsonKeys
	if err := dec.Decode(&keys); err != nil {
		return "", fmt.Errorf("%w: not valid JSON", errUnknownFormat)
	}
	switch {
	case bool(keys.Releases || keys.Records || keys.OCID || keys.CompiledRelease):
		return FormatOCDS, nil
	case bool(keys.Vendors):
		return FormatJSON, nil
	}
	return "", errUnknownFormat
}

// jsonKeys records which telling keys an object has, without keeping
// their values.
type jsonKeys struct {
	Releases        present `json:"releases"`
	Records         present `json:"records"`
	OCID            present `json:"ocid"`
	CompiledRelease present `json:"compiledRelease"`
	Vendors         present `json:"vendors"`
}

// present is set when its key occurs; the value is skipped.
type present bool

// UnmarshalJSON implements json.Unmarshaler.
func (p *present) UnmarshalJSON([]byte) error {
	*p = true
	return nil
}

// detectYAML looks at the first line that is not blank, a comment, a
// directive (%YAML, %TAG) or a document start: a vendor YAML file starts a
// sequence ("- ") or the key vendors (quoted or not), after the anchors
// and tags the line may begin with ("&v vendors:", "--- !!seq"); after a
// directive, a document start or such a property, a flow collection ("{",
// "[") is YAML too. A CSV header line never is. Only the first lines are
// read, so detection costs nothing on a large CSV file.
func detectYAML(data []byte) (Format, bool) {
	marked := false // a YAML-only token was seen before the content
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte{'\n'})
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] == '%' {
			marked = true
			continue
		}
		if bytes.HasPrefix(line, []byte("---")) && (len(line) == 3 || line[3] == ' ' || line[3] == '\t') {
			line, marked = bytes.TrimSpace(line[3:]), true
		}
		line, ok := skipNodeProperties(line, &marked)
		switch {
		case !ok:
			return "", false
		case len(line) == 0, line[0] == '#':
			continue
		case string(line) == "-", bytes.HasPrefix(line, []byte("- ")), bytes.HasPrefix(line, []byte("-\t")),
			isVendorsKey(line), marked && (line[0] == '{' || line[0] == '['):
			return FormatYAML, true
		}
		return "", false
	}
	return "", false
}

// skipNodeProperties returns line without the anchors ("&a") and tags
// ("!!map", "!local") it begins with, setting *marked when there was one;
// ok is false when such a token holds a character YAML does not allow in
// it (a comma or a flow indicator: "&vendor,product" is CSV).
func skipNodeProperties(line []byte, marked *bool) (rest []byte, ok bool) {
	for len(line) > 0 && (line[0] == '&' || line[0] == '!') {
		end := bytes.IndexAny(line, " \t")
		if end < 0 {
			end = len(line)
		}
		if bytes.ContainsAny(line[1:end], ",[]{}") {
			return line, false
		}
		line, *marked = bytes.TrimSpace(line[end:]), true
	}
	return line, true
}

// isVendorsKey reports whether line starts with the key vendors, plain or
// quoted, and its colon.
func isVendorsKey(line []byte) bool {
	for _, k := range []string{"vendors", `"vendors"`, "'vendors'"} {
		if rest, ok := bytes.CutPrefix(line, []byte(k)); ok {
			rest = bytes.TrimLeft(rest, " \t")
			// after a quoted key the colon may touch the value
			return len(rest) > 0 && rest[0] == ':' && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t' || k[0] != 'v')
		}
	}
	return false
}

// mappingWithVendors reports whether data reads as a YAML mapping whose
// top-level lines before a vendors key are plain keys ("generated:
// 2026-01-01") and what is indented under them: a vendor file that says
// something about itself first, which the YAML reader then names as the
// key it does not read. No CSV reads so: its lines hold no key and colon
// at their start, and no line of it is "vendors:".
func mappingWithVendors(data []byte) bool {
	keys := 0
	for len(data) > 0 {
		var line []byte
		line, data, _ = bytes.Cut(data, []byte{'\n'})
		line = bytes.TrimRight(line, " \t\r")
		switch {
		case len(line) == 0, line[0] == '#', line[0] == ' ', line[0] == '%', string(line) == "---":
			continue
		case isVendorsKey(line):
			return keys > 0
		case !plainKeyLine(line):
			return false
		}
		keys++
	}
	return false
}

// plainKeyLine reports whether line is a YAML mapping key of letters,
// digits, '_', '-' and '.', followed by a colon that ends the line or a
// space does.
func plainKeyLine(line []byte) bool {
	i := 0
	for i < len(line) && (line[i] >= 'a' && line[i] <= 'z' || line[i] >= 'A' && line[i] <= 'Z' || line[i] >= '0' && line[i] <= '9' || line[i] == '_' || line[i] == '-' || line[i] == '.') {
		i++
	}
	return i > 0 && i < len(line) && line[i] == ':' && (i+1 == len(line) || line[i+1] == ' ')
}

// isOwnershipHeader reports whether the first line is an ownership header.
func isOwnershipHeader(data []byte) bool {
	first, _, _ := bytes.Cut(data, []byte{'\n'})
	cr := newCSVReader(bytes.TrimRight(first, "\r"), 0)
	rec, err := cr.Read()
	if err != nil || len(rec) < 3 {
		return false
	}
	return normColumn(rec[0]) == "owner" && normColumn(rec[1]) == "owned" && normColumn(rec[2]) == "percent"
}

// Read detects the format of data and reads it with the matching reader.
// An ownership file is an error here: read it with ReadOwnership.
func Read(data []byte, name string, opts Options) ([]Vendor, error) {
	vs, _, err := ReadFormat(data, name, opts)
	return vs, err
}

// ReadFormat is Read, and says which format it detected (also when the
// reader then fails).
func ReadFormat(data []byte, name string, opts Options) ([]Vendor, Format, error) {
	f, err := Detect(data)
	if err != nil {
		return nil, "", inputErr(name, "", "", err)
	}
	var vs []Vendor
	switch f {
	case FormatCSV:
		vs, err = readCSV(data, name, opts)
	case FormatJSON:
		vs, err = readJSON(data, name)
	case FormatYAML:
		vs, err = readYAML(data, name)
	case FormatOCDS:
		vs, err = readOCDS(data, name)
	case FormatOwnership:
		err = inputErr(name, "", "", ErrOwnershipFile)
	default:
		err = inputErr(name, "", "", errUnknownFormat)
	}
	return vs, f, err
}
