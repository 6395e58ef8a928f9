package sbom

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Namespaces and markers used to recognise formats by content.
const (
	cdxXMLNamespacePrefix = "http://cyclonedx.org/schema/bom/"
	rdfNamespace          = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	spdxRDFNamespace      = "http://spdx.org/rdf/terms"
)

var (
	// rdfSpecVersion finds the SPDX version in RDF/XML
	// (<spdx:specVersion>SPDX-2.3</spdx:specVersion>).
	rdfSpecVersion = regexp.MustCompile(`specVersion[^>]*>\s*SPDX-([0-9]+\.[0-9]+)\s*<`)
	// tagLine matches the start of an SPDX tag-value line.
	tagLine = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*:`)
)

// utf8BOM is the UTF-8 byte order mark some Windows tools write.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// sniffed is the result of content detection.
type sniffed struct {
	format  Format
	version string
	body    []byte // the input without a leading UTF-8 byte order mark
	json    jsonTop
	wrap    *wrapped // the wrappers the SBOM came in, nil for none
	// unread are the strings under members no reader of the format
	// reads (CycloneDX JSON only), found while the keys were checked.
	unread []unreadField
}

// Identify detects the format and specification version of an SBOM from
// its content only, without converting it. The error is a *DecodeError
// wrapping ErrEmpty, ErrInvalidUTF8, ErrUnknownFormat, ErrUnsupported,
// ErrInvalid, ErrTruncated, ErrTrailingData, ErrTooDeep, ErrSyntax or
// ErrParserFailed; Label(format, version) names the verdict. For
// JSON the whole text is scanned once (top-level members may come in any
// order); other encodings are judged from their start.
func Identify(data []byte) (f Format, version string, err error) {
	var s sniffed
	defer func() {
		if r := recover(); r != nil {
			e := parserFailed("", &s, r)
			e.op = "identify"
			f, version, err = s.format, s.version, e
		}
	}()
	s, err = sniff(data, Options{}, false)
	if err != nil {
		var de *DecodeError
		if errors.As(err, &de) {
			de.op = "identify"
		}
		return s.format, s.version, finishError(err, &s)
	}
	return s.format, s.version, nil
}

// sniff implements Identify with the limits of opts. When locate is set,
// a JSON scan also records where the top-level components array is.
func sniff(data []byte, opts Options, locate bool) (sniffed, error) {
	name := opts.Name
	s := sniffed{body: data}
	if len(data) >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)) {
		return s, newError(name, "", ErrInvalidUTF8, "UTF-16 byte order mark; re-encode the file as UTF-8")
	}
	s.body = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(s.body) {
		e := newError(name, "", ErrInvalidUTF8, "")
		e.Offset = int64(firstInvalidUTF8(s.body) + len(data) - len(s.body))
		return s, e
	}
	start := 0
	for start < len(s.body) && isSpace(s.body[start]) {
		start++
	}
	if start == len(s.body) {
		return s, newError(name, "", ErrEmpty, "")
	}
	switch s.body[start] {
	case '{':
		return sniffJSON(s, start, opts, locate)
	case '[':
		return s, newError(name, "", ErrUnknownFormat, "top-level JSON array")
	case '<':
		return sniffXML(s, start, opts)
	default:
		return sniffText(s, start, opts)
	}
}

// firstInvalidUTF8 returns the offset of the first byte that is not valid
// UTF-8.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// sniffJSON classifies a JSON object by its top-level members.
func sniffJSON(s sniffed, start int, opts Options, locate bool) (sniffed, error) {
	name := opts.Name
	top, serr := scanJSON(s.body, start, opts.maxDepth(), locate)
	s.json = top
	if serr != nil {
		// Name the format when the members seen so far already tell it.
		s.format = guessJSONFormat(top)
		if s.format == "" {
			s.format, s.version = guessSPDX3(top)
		}
		e := newError(name, s.format, serr.kind, serr.detail)
		e.Offset = serr.offset
		return s, e
	}
	if w, ok, err := sniffEnvelope(s, top, opts, locate); ok {
		return w, err
	}
	if top.has("artifacts") && top.has("schema") {
		return sniffSyftJSON(s, opts)
	}
	switch {
	case top.has("@context") || top.has("@graph"):
		return sniffSPDX3(s, start, opts)
	case top.has("bomFormat") || top.has("specVersion"):
		s.format = FormatCycloneDXJSON
		bf, ok := top.str("bomFormat")
		if !top.has("bomFormat") {
			return s, newError(name, s.format, ErrInvalid, "missing bomFormat")
		}
		if !ok || bf != "CycloneDX" {
			return s, newError(name, s.format, ErrInvalid, "bomFormat is not \"CycloneDX\"")
		}
		sv, ok := top.str("specVersion")
		if !top.has("specVersion") {
			return s, newError(name, s.format, ErrInvalid, "missing specVersion")
		}
		if !ok {
			return s, newError(name, s.format, ErrInvalid, "specVersion is not a string")
		}
		return checkCDXVersion(s, sv, opts)
	case top.has("spdxVersion"):
		s.format = FormatSPDXJSON
		v, ok := top.str("spdxVersion")
		if !ok {
			return s, newError(name, s.format, ErrInvalid, "spdxVersion is not a string")
		}
		return checkSPDXVersion(s, v, opts)
	case top.has("SPDXID") || (top.has("packages") && top.has("creationInfo")):
		s.format = FormatSPDXJSON
		return s, newError(name, s.format, ErrInvalid, "missing spdxVersion")
	case top.has("components"):
		s.format = FormatCycloneDXJSON
		return s, newError(name, s.format, ErrInvalid, "missing bomFormat and specVersion")
	}
	return s, newError(name, "", ErrUnknownFormat, "JSON object without bomFormat, specVersion or spdxVersion")
}

// guessJSONFormat names the format from the members seen before a scan
// error, or "" when they do not tell.
func guessJSONFormat(top jsonTop) Format {
	switch {
	case top.has("bomFormat") || top.has("specVersion"):
		return FormatCycloneDXJSON
	case top.has("spdxVersion") || top.has("SPDXID"):
		return FormatSPDXJSON
	}
	return ""
}

// checkCDXVersion accepts CycloneDX 1.0 to 1.7.
func checkCDXVersion(s sniffed, v string, opts Options) (sniffed, error) {
	s.version = v
	switch v {
	case "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7":
		return s, nil
	}
	if strings.HasPrefix(v, "2.") || v == "2" {
		return s, newError(opts.Name, s.format, ErrUnsupported, "CycloneDX "+safeVersion(v))
	}
	return s, newError(opts.Name, s.format, ErrInvalid, "unknown CycloneDX specVersion")
}

// checkSPDXVersion accepts "SPDX-2.1" to "SPDX-2.3" and records "2.x".
func checkSPDXVersion(s sniffed, v string, opts Options) (sniffed, error) {
	v = strings.TrimSpace(v)
	s.version = strings.TrimPrefix(v, "SPDX-")
	switch v {
	case "SPDX-2.1", "SPDX-2.2", "SPDX-2.3":
		if s.format == FormatSPDXRDF && v == "SPDX-2.1" {
			return s, newError(opts.Name, s.format, ErrUnsupported, "SPDX 2.1 in RDF/XML (the RDF reader knows 2.2 and 2.3)")
		}
		return s, nil
	}
	if strings.HasPrefix(v, "SPDX-3") || strings.HasPrefix(v, "SPDX-1") {
		return s, newError(opts.Name, s.format, ErrUnsupported, "SPDX "+safeVersion(s.version))
	}
	s.version = ""
	return s, newError(opts.Name, s.format, ErrInvalid, "unknown SPDX version")
}

// safeVersion returns v when it is a short version number, so that it may
// appear in a message, and "version" otherwise: messages never echo
// arbitrary input.
func safeVersion(v string) string {
	if len(v) == 0 || len(v) > 8 {
		return "version"
	}
	for _, c := range v {
		if (c < '0' || c > '9') && c != '.' {
			return "version"
		}
	}
	return v
}

// sniffXML reads the root element of an XML document.
func sniffXML(s sniffed, start int, opts Options) (sniffed, error) {
	name := opts.Name
	dec := xml.NewDecoder(bytes.NewReader(s.body[start:]))
	dec.Strict = true
	for {
		tok, err := dec.RawToken()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return s, newError(name, "", ErrTruncated, "XML without a root element")
			}
			e := newError(name, "", ErrSyntax, "malformed XML before the root element")
			e.Cause = err
			return s, e
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		ns := ""
		for _, a := range se.Attr {
			if (se.Name.Space == "" && a.Name.Space == "" && a.Name.Local == "xmlns") ||
				(se.Name.Space != "" && a.Name.Space == "xmlns" && a.Name.Local == se.Name.Space) {
				ns = a.Value
			}
		}
		switch {
		case se.Name.Local == "bom":
			s.format = FormatCycloneDXXML
			if !strings.HasPrefix(ns, cdxXMLNamespacePrefix) {
				return s, newError(name, s.format, ErrInvalid, "root <bom> without a CycloneDX namespace")
			}
			return checkCDXVersion(s, strings.TrimPrefix(ns, cdxXMLNamespacePrefix), opts)
		case se.Name.Local == "RDF" && ns == rdfNamespace:
			if !bytes.Contains(s.body, []byte(spdxRDFNamespace)) {
				return s, newError(name, "", ErrUnknownFormat, "RDF document without the SPDX namespace")
			}
			s.format = FormatSPDXRDF
			m := rdfSpecVersion.FindSubmatch(s.body)
			if m == nil {
				return s, newError(name, s.format, ErrInvalid, "missing specVersion")
			}
			return checkSPDXVersion(s, "SPDX-"+string(m[1]), opts)
		}
		if se.Name.Local == "Document" {
			return sniffSPDXXML(s, opts)
		}
		return s, newError(name, "", ErrUnknownFormat, "XML root element is neither <bom> nor <rdf:RDF>")
	}
}

// sniffText recognises SPDX tag-value and SPDX YAML.
func sniffText(s sniffed, start int, opts Options) (sniffed, error) {
	name := opts.Name
	text := s.body[start:]
	firstTag := true
	looksTV, looksYAML := false, false
	var ends tvLines // CR-only and mixed line endings are read too
	for len(text) > 0 {
		var line []byte
		line, text = ends.next(text)
		trimmed := bytes.TrimLeft(line, " \t")
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		if trimmed[0] == '%' && len(trimmed) == len(line) && firstTag {
			continue // a YAML directive (%YAML 1.2, %TAG) before the document
		}
		if docStart(trimmed) && !looksTV && !looksYAML {
			// a document start alone says YAML, not SPDX: a YAML
			// vendor file begins so too
			continue
		}
		if firstTag {
			firstTag = false
			if !tagLine.Match(trimmed) {
				break
			}
		}
		// Column-0 keys only: nested YAML keys and tag-value lines
		// inside <text> blocks do not count.
		if len(trimmed) != len(line) {
			continue
		}
		switch {
		case bytes.HasPrefix(line, []byte("SPDXVersion:")):
			s.format = FormatSPDXTagValue
			return checkSPDXVersion(s, string(bytes.TrimSpace(line[len("SPDXVersion:"):])), opts)
		case bytes.HasPrefix(line, []byte("spdxVersion:")):
			s.format = FormatSPDXYAML
			v := strings.Trim(string(bytes.TrimSpace(line[len("spdxVersion:"):])), `"'`)
			return checkSPDXVersion(s, v, opts)
		case hasAnyPrefix(line, "DataLicense:", "DocumentName:", "DocumentNamespace:", "PackageName:", "Creator:"):
			looksTV = true
		case hasAnyPrefix(line, "dataLicense:", "documentNamespace:", "packages:", "creationInfo:"):
			looksYAML = true
		}
	}
	switch {
	case looksTV:
		s.format = FormatSPDXTagValue
		return s, newError(name, s.format, ErrInvalid, "missing SPDXVersion")
	case looksYAML:
		s.format = FormatSPDXYAML
		return s, newError(name, s.format, ErrInvalid, "missing spdxVersion")
	}
	return s, newError(name, "", ErrUnknownFormat, "text is neither SPDX tag-value nor SPDX YAML")
}

// docStart reports whether a line is a YAML document start: "---" alone
// or followed by a comment.
func docStart(line []byte) bool {
	rest, ok := bytes.CutPrefix(bytes.TrimRight(line, " \t\r"), []byte("---"))
	return ok && (len(rest) == 0 || ((rest[0] == ' ' || rest[0] == '\t') && bytes.TrimLeft(rest, " \t")[0] == '#'))
}

// hasAnyPrefix reports whether line starts with one of the prefixes.
func hasAnyPrefix(line []byte, prefixes ...string) bool {
	for _, p := range prefixes {
		if bytes.HasPrefix(line, []byte(p)) {
			return true
		}
	}
	return false
}
