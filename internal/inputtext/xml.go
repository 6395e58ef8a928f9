package inputtext

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/encoding/ianaindex"
)

// ErrXMLEncoding is wrapped when an XML file declares an encoding that
// cannot be read.
var ErrXMLEncoding = errors.New("XML declares an encoding bangate cannot read")

// DeclaredXML returns an XML file whose declaration names an encoding
// other than UTF-8 ("<?xml version="1.0" encoding="ISO-8859-1"?>", as
// some Java tools write) as UTF-8, the declaration saying so, and names
// the encoding: every XML reader reads the file so, where Go's refuses
// it. Lines stay as they were. Anything else is returned as it is, with
// "".
func DeclaredXML(data []byte) ([]byte, string, error) {
	start := len(data) - len(bytes.TrimLeft(data, " \t\r\n"))
	decl := data[start:]
	if !bytes.HasPrefix(decl, []byte("<?xml")) {
		return data, "", nil
	}
	end := bytes.Index(decl, []byte("?>"))
	if end < 0 || end > maxXMLDecl {
		return data, "", nil
	}
	decl = decl[:end]
	at := bytes.Index(decl, []byte("encoding"))
	if at < 0 {
		return data, "", nil
	}
	rest := bytes.TrimLeft(decl[at+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return data, "", nil
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
		return data, "", nil
	}
	q := rest[0]
	n := bytes.IndexByte(rest[1:], q)
	if n < 0 {
		return data, "", nil
	}
	name := string(rest[1 : 1+n])
	switch strings.ToLower(name) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return data, "", nil
	}
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil || enc == nil {
		return nil, name, fmt.Errorf("%w: %q (line 1)", ErrXMLEncoding, name)
	}
	text, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, name, fmt.Errorf("%w: %q: %w", ErrXMLEncoding, name, err)
	}
	// The declaration, ASCII in every encoding read so, says UTF-8 now.
	valueAt := start + (len(decl) - len(rest)) + 1
	if valueAt > len(text) || !bytes.HasPrefix(text[valueAt:], []byte(name)) {
		return nil, name, fmt.Errorf("%w: %q: the declaration does not read as ASCII", ErrXMLEncoding, name)
	}
	out := make([]byte, 0, len(text))
	out = append(append(append(out, text[:valueAt]...), "UTF-8"...), text[valueAt+len(name):]...)
	return out, name, nil
}

// maxXMLDecl bounds where an XML declaration's end is looked for.
const maxXMLDecl = 512
