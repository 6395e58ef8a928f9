package sbom

import (
	"bytes"
	"strconv"
)

// scanXML walks an XML text once, in constant memory: it checks that
// elements nest at most maxDepth deep, that the root element is closed and
// that nothing but white space, comments and processing instructions
// follows it. It runs before encoding/xml, whose decoder keeps a stack
// entry per open element and would otherwise grow with a nesting bomb.
// Well-formedness in detail is left to the decoder.
func scanXML(data []byte, maxDepth int) *scanError {
	return scanXMLSingles(data, maxDepth, nil)
}

// cdxSingles lists, per CycloneDX XML element, the children that may
// appear once: encoding/xml keeps the last of several silently, so a
// second <supplier> could hide the first.
var cdxSingles = map[string]map[string]bool{
	"component": {"supplier": true, "manufacturer": true, "author": true, "authors": true, "publisher": true,
		"group": true, "name": true, "version": true, "purl": true, "cpe": true, "copyright": true},
	"metadata":     {"supplier": true, "manufacturer": true, "manufacture": true, "authors": true, "component": true},
	"supplier":     {"name": true},
	"manufacturer": {"name": true},
	"manufacture":  {"name": true},
	"bom":          {"metadata": true},
	"service":      {"provider": true, "group": true, "name": true, "version": true},
	"provider":     {"name": true},
	"commit":       {"url": true, "author": true, "committer": true},
	"pedigree":     {"ancestors": true, "descendants": true, "variants": true, "commits": true},
	"tool":         {"vendor": true, "name": true, "version": true},
	"author":       {"name": true, "email": true},
	"committer":    {"name": true, "email": true},
}

// xmlFrame is one open element during scanXMLSingles.
type xmlFrame struct {
	watch map[string]bool // children that may appear once, nil if none
	seen  []string        // watched children seen so far
}

// scanXMLSingles is scanXML that also rejects, with ErrInvalid, an element
// listed in singles that repeats one of its single-valued children.
func scanXMLSingles(data []byte, maxDepth int, singles map[string]map[string]bool) *scanError {
	var frames []xmlFrame
	depth := 0
	rootSeen := false
	i := 0
	n := len(data)
	for i < n {
		lt := bytes.IndexByte(data[i:], '<')
		if lt < 0 {
			if rootSeen && depth == 0 && len(bytes.TrimSpace(data[i:])) > 0 {
				return &scanError{kind: ErrTrailingData, detail: "text after the root element", offset: int64(i)}
			}
			break
		}
		if rootSeen && depth == 0 && len(bytes.TrimSpace(data[i:i+lt])) > 0 {
			return &scanError{kind: ErrTrailingData, detail: "text after the root element", offset: int64(i)}
		}
		i += lt
		rest := data[i:]
		var end int
		markup, isMarkup := xmlMarkupEnd(rest)
		switch {
		case isMarkup:
			end = markup
		case bytes.HasPrefix(rest, []byte("</")):
			end = indexEnd(rest, ">")
			if end >= 0 {
				depth--
				if depth < 0 {
					return &scanError{kind: ErrSyntax, detail: "closing tag without an open element", offset: int64(i)}
				}
				if singles != nil {
					frames = frames[:depth]
				}
			}
		default:
			end = tagEnd(rest)
			if end >= 0 && singles != nil {
				name := xmlLocalName(rest)
				if d := len(frames); d > 0 && frames[d-1].watch[string(name)] {
					for _, x := range frames[d-1].seen {
						if x == string(name) {
							return &scanError{kind: ErrInvalid, detail: "an element repeats a single-valued child", offset: int64(i)}
						}
					}
					frames[d-1].seen = append(frames[d-1].seen, string(name))
				}
				if rest[end-2] != '/' {
					frames = append(frames, xmlFrame{watch: singles[string(name)]})
				}
			}
			if end >= 0 && rest[end-2] != '/' {
				if rootSeen && depth == 0 {
					return &scanError{kind: ErrTrailingData, detail: "a second root element", offset: int64(i)}
				}
				depth++
				rootSeen = true
				if depth > maxDepth {
					return &scanError{kind: ErrTooDeep, detail: "more than " + strconv.Itoa(maxDepth) + " levels", offset: int64(i)}
				}
			} else if end >= 0 {
				if rootSeen && depth == 0 {
					return &scanError{kind: ErrTrailingData, detail: "a second root element", offset: int64(i)}
				}
				rootSeen = true // an empty element
			}
		}
		if end < 0 {
			return &scanError{kind: ErrTruncated, detail: "document ends inside a tag", offset: int64(n)}
		}
		i += end
	}
	if !rootSeen {
		return &scanError{kind: ErrTruncated, detail: "no root element", offset: int64(n)}
	}
	if depth > 0 {
		return &scanError{kind: ErrTruncated, detail: "document ends inside " + strconv.Itoa(depth) + " open elements", offset: int64(n)}
	}
	return nil
}

// indexEnd returns the index just past the first occurrence of marker in
// b, or -1.
func indexEnd(b []byte, marker string) int {
	j := bytes.Index(b, []byte(marker))
	if j < 0 {
		return -1
	}
	return j + len(marker)
}

// tagEnd returns the index just past the '>' that ends the start tag at
// the beginning of b, skipping quoted attribute values, or -1.
func tagEnd(b []byte) int {
	var quote byte
	for j := 1; j < len(b); j++ {
		c := b[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return -1
}

// xmlLocalName returns the local name of the start tag at the beginning of
// b ("<cdx:supplier a=..." → "supplier").
func xmlLocalName(b []byte) []byte {
	j := 1
	for j < len(b) && b[j] != ' ' && b[j] != '>' && b[j] != '/' && b[j] != '\t' && b[j] != '\n' && b[j] != '\r' {
		j++
	}
	name := b[1:j]
	if k := bytes.LastIndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	return name
}
