package sbom

import (
	"bytes"
	"encoding/json"
	"regexp"
)

// spdx3ContextURL matches the SPDX 3 JSON-LD context URL and captures its
// version ("https://spdx.org/rdf/3.0.1/spdx-context.jsonld"). Microsoft's
// sbom-tool writes ".json" for ".jsonld".
var spdx3ContextURL = regexp.MustCompile(`^https?://spdx\.org/rdf/(3(?:\.[0-9]+){1,2})/spdx-context\.json(?:ld)?$`)

// sniffSPDX3 classifies a JSON-LD document by its @context: SPDX 3.0.0 and
// 3.0.1 are read; another SPDX 3 version is unsupported, and so is linked
// data without an SPDX 3 context.
func sniffSPDX3(s sniffed, start int, opts Options) (sniffed, error) {
	name := opts.Name
	ctx, ok := jsonLDContext(s, start)
	if !ok {
		return s, newError(name, "", ErrUnsupported, "JSON-LD document without an SPDX 3 context (SPDX 3 or other linked data)")
	}
	v := spdx3ContextVersion(ctx)
	if v == "" {
		return s, newError(name, "", ErrUnsupported, "JSON-LD document without an SPDX 3 context (SPDX 3 or other linked data)")
	}
	s.format, s.version = FormatSPDX3JSONLD, v
	if other, ok := otherContext(ctx); ok {
		// a context of the author's own can give an SPDX property another
		// name ({"vendor": ".../Core/suppliedBy"}) that a JSON-LD reader
		// reads and this one, matching the SPDX context's names, would not
		return s, newError(name, s.format, ErrUnsupported, "JSON-LD @context holds "+other+" besides the SPDX 3 context; its terms are not read")
	}
	switch v {
	case "3.0", "3.0.0", "3.0.1":
		return s, nil
	}
	return s, newError(name, s.format, ErrUnsupported, "SPDX "+safeVersion(v)+" JSON-LD (the reader knows 3.0.0 and 3.0.1)")
}

// jsonLDContext returns the top-level @context value: from the pre-scan
// when it is a string, else by reading the top-level members.
func jsonLDContext(s sniffed, start int) (any, bool) {
	if str, ok := s.json.str("@context"); ok {
		return str, true
	}
	if !s.json.has("@context") {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(s.body[start:]))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		key, _ := tok.(string)
		if key == "@context" {
			var ctx any
			if err := dec.Decode(&ctx); err != nil {
				return nil, false
			}
			return ctx, true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, false
		}
	}
	return nil, false
}

// spdx3ContextVersion returns the SPDX version of the first SPDX 3 context
// URL in a JSON-LD context (a string, or an array of strings and
// objects), "" when there is none.
func spdx3ContextVersion(ctx any) string {
	switch c := ctx.(type) {
	case string:
		if m := spdx3ContextURL.FindStringSubmatch(c); m != nil {
			return m[1]
		}
	case []any:
		for _, x := range c {
			if v := spdx3ContextVersion(x); v != "" {
				return v
			}
		}
	}
	return ""
}

// otherContext reports whether a JSON-LD context holds anything besides
// SPDX 3 context URLs: a context object (term definitions) or another
// context URL, and says which.
func otherContext(ctx any) (string, bool) {
	switch c := ctx.(type) {
	case string:
		if spdx3ContextURL.MatchString(c) {
			return "", false
		}
		return "another context URL", true
	case []any:
		for _, x := range c {
			if what, ok := otherContext(x); ok {
				return what, true
			}
		}
		return "", false
	case map[string]any:
		return "term definitions", true
	}
	return "a value that is not a context", true
}

// guessSPDX3 names SPDX 3 JSON-LD and its version from a string @context
// seen before a scan error, so that the error says what the file was taken
// for.
func guessSPDX3(top jsonTop) (Format, string) {
	if ctx, ok := top.str("@context"); ok {
		if v := spdx3ContextVersion(ctx); v != "" {
			return FormatSPDX3JSONLD, v
		}
	}
	return "", ""
}
