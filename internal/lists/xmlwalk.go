package lists

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// xmlDoc walks an XML list file element by element, keeping the path and
// start line of every open element, so that an error names the file, the
// line and the element ("/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[12]").
// Document type declarations are refused and nesting is bounded
// (depthLimiter). Messages never quote the input.
type xmlDoc struct {
	name string
	raw  *xml.Decoder
	d    *xml.Decoder
	// open holds the open elements, the root first.
	open []xmlOpen
}

// xmlOpen is one open element: its path segment, start line, and how
// many children of each name it has had so far.
type xmlOpen struct {
	seg      string
	line     int
	children map[string]int
}

// newXMLDoc returns a walker over data, which is named name in errors.
func newXMLDoc(name string, data []byte) *xmlDoc {
	raw := xml.NewDecoder(bytes.NewReader(data))
	return &xmlDoc{name: name, raw: raw, d: xml.NewTokenDecoder(&depthLimiter{d: raw})}
}

// line is the decoder's current line.
func (x *xmlDoc) line() int {
	l, _ := x.raw.InputPos()
	return l
}

// path is the path of the innermost open element.
func (x *xmlDoc) path() string {
	var b strings.Builder
	for _, o := range x.open {
		b.WriteByte('/')
		b.WriteString(o.seg)
	}
	return b.String()
}

// errf returns a ParseError at the innermost open element: its path and
// its start line.
func (x *xmlDoc) errf(format string, args ...any) error {
	e := &ParseError{File: x.name, Element: x.path(), Err: fmt.Errorf(format, args...)}
	if n := len(x.open); n > 0 {
		e.Line = x.open[n-1].line
	}
	return e
}

// fileErrf returns a ParseError about the file as a whole.
func (x *xmlDoc) fileErrf(format string, args ...any) error {
	return &ParseError{File: x.name, Err: fmt.Errorf(format, args...)}
}

// decodeErr converts an error of the decoder, dropping the element names
// and text encoding/xml quotes from the input.
func (x *xmlDoc) decodeErr(err error) error {
	var se *xml.SyntaxError
	e := &ParseError{File: x.name, Element: x.path(), Line: x.line()}
	switch {
	case errors.As(err, &se):
		// The line of the byte decoder: the token decoder wrapping it
		// counts no lines of its own.
		e.Err = errors.New("XML syntax error")
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		e.Err = errors.New("the document ends inside an element (truncated?)")
	case errors.Is(err, errXMLLimit):
		e.Err = err
	default:
		e.Err = errors.New("malformed XML")
	}
	return e
}

// push opens se as a child of the innermost open element.
func (x *xmlDoc) push(se xml.StartElement) {
	seg := se.Name.Local
	if n := len(x.open); n > 0 {
		parent := &x.open[n-1]
		parent.children[seg]++
		seg += "[" + strconv.Itoa(parent.children[seg]) + "]"
	}
	x.open = append(x.open, xmlOpen{seg: seg, line: x.line(), children: map[string]int{}})
}

// pop closes the innermost open element.
func (x *xmlDoc) pop() { x.open = x.open[:len(x.open)-1] }

// root reads up to the root element, which must be called local and, when
// spaces is not empty, be in one of those namespaces ("" for none). The
// root stays open: walk its children with children.
func (x *xmlDoc) root(local string, spaces ...string) (xml.StartElement, error) {
	for {
		tok, err := x.d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return xml.StartElement{}, x.fileErrf("no root element")
			}
			return xml.StartElement{}, x.decodeErr(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		x.open = append(x.open, xmlOpen{seg: se.Name.Local, line: x.line(), children: map[string]int{}})
		if se.Name.Local != local {
			return se, x.errf("root element is not %s", local)
		}
		if len(spaces) > 0 {
			known := false
			for _, s := range spaces {
				known = known || se.Name.Space == s
			}
			if !known {
				return se, x.errf("%s has an unknown namespace", local)
			}
		}
		return se, nil
	}
}

// children calls fn for every child element of the innermost open
// element, until that element ends. fn must consume the child: decode it
// (decode), walk into it (children) or skip it (skip). Character data
// between children is ignored.
func (x *xmlDoc) children(fn func(se xml.StartElement) error) error {
	for {
		tok, err := x.d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return x.errf("element is not closed (truncated?)")
			}
			return x.decodeErr(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil // the decoder checks that it matches
		case xml.StartElement:
			x.push(t)
			if err := fn(t); err != nil {
				return err
			}
			x.pop()
		}
	}
}

// decode decodes the child se (just opened by children) into v.
func (x *xmlDoc) decode(v any, se xml.StartElement) error {
	if err := x.d.DecodeElement(v, &se); err != nil {
		return x.decodeErr(err)
	}
	return nil
}

// skip consumes the child just opened by children.
func (x *xmlDoc) skip() error {
	if err := x.d.Skip(); err != nil {
		return x.decodeErr(err)
	}
	return nil
}

// end checks that nothing but whitespace, comments or processing
// instructions follows the root element, once children of the root
// returned.
func (x *xmlDoc) end() error {
	x.open = nil
	for {
		tok, err := x.d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return x.decodeErr(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(t)) != 0 {
				return &ParseError{File: x.name, Line: x.line(), Err: errors.New("content after the root element")}
			}
		case xml.Comment, xml.ProcInst:
		default:
			return &ParseError{File: x.name, Line: x.line(), Err: errors.New("content after the root element")}
		}
	}
}

// attr returns the value of the attribute called local, or "".
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// clean trims s and collapses every run of white space inside it to one
// space (the UN file breaks long values over indented lines).
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// joinParts joins the non-empty cleaned parts with sep.
func joinParts(sep string, parts ...string) string {
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = clean(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
