package strictkeys

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors a *KeyError wraps; match them with errors.Is.
var (
	// ErrDuplicateKey means an object holds the same key twice.
	ErrDuplicateKey = errors.New("duplicate key")
	// ErrFoldedKey means two keys of an object differ only by letter case
	// or Unicode case folding.
	ErrFoldedKey = errors.New("keys equal up to letter case")
	// ErrSyntax means the document is not well-formed; the checker could
	// not look at every key. A *SyntaxError wraps it.
	ErrSyntax = errors.New("malformed document")
)

// KeyError is an object that holds a key twice, or two keys that a
// case-insensitive reader takes for one.
type KeyError struct {
	// Err is ErrDuplicateKey or ErrFoldedKey.
	Err error
	// Key is the later of the two keys, unescaped.
	Key string
	// Other is the earlier key, equal to Key or to it up to case.
	Other string
	// Pointer is the RFC 6901 JSON pointer of the object that holds both
	// keys ("" for the top-level object).
	Pointer string
	// Offset is the byte offset of Key in the input, -1 for YAML.
	Offset int64
	// Line and Column locate Key, both 1-based; Column counts characters.
	Line, Column int
	// OtherLine is the line of Other.
	OtherLine int
}

// Error returns one line naming the key, the object and the place:
// `key "COMPONENTS" repeats key "components" up to letter case in the
// top-level object at line 3, column 5`.
func (e *KeyError) Error() string {
	var b strings.Builder
	if errors.Is(e.Err, ErrDuplicateKey) {
		b.WriteString("duplicate key ")
		b.WriteString(quote(e.Key))
	} else {
		b.WriteString("key ")
		b.WriteString(quote(e.Key))
		b.WriteString(" repeats key ")
		b.WriteString(quote(e.Other))
		b.WriteString(" up to letter case")
	}
	b.WriteString(" in ")
	b.WriteString(objectName(e.Pointer))
	if e.Line > 0 {
		b.WriteString(" at line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(", column ")
		b.WriteString(strconv.Itoa(e.Column))
	}
	if e.OtherLine > 0 && e.OtherLine != e.Line {
		b.WriteString(" (the first at line ")
		b.WriteString(strconv.Itoa(e.OtherLine))
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns Err.
func (e *KeyError) Unwrap() error { return e.Err }

// SyntaxError is a document the checker could not read to its end.
type SyntaxError struct {
	// Format is "JSON" or "YAML".
	Format string
	// Pointer is where the problem is, when known.
	Pointer string
	// Offset is the byte offset of the problem, -1 when unknown.
	Offset int64
	// Line and Column locate the problem (1-based; 0 when unknown).
	Line, Column int
	// Err is the parser's error.
	Err error
}

// Error returns one line: "malformed JSON at line 2, column 7: cause".
func (e *SyntaxError) Error() string {
	var b strings.Builder
	b.WriteString("malformed ")
	b.WriteString(e.Format)
	if e.Line > 0 {
		b.WriteString(" at line ")
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteString(", column ")
			b.WriteString(strconv.Itoa(e.Column))
		}
	}
	if e.Pointer != "" {
		b.WriteString(" (in ")
		b.WriteString(safe(e.Pointer))
		b.WriteString(")")
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(oneLine(e.Err.Error()))
	}
	return b.String()
}

// Unwrap returns ErrSyntax and the parser's error.
func (e *SyntaxError) Unwrap() []error { return []error{ErrSyntax, e.Err} }

// maxShown bounds how many characters of a key or pointer a message shows.
const maxShown = 80

// quote returns s as a Go string literal, shortened: non-printing
// characters are escaped, so a message never carries control bytes. A key
// with non-ASCII characters is followed by its ASCII escape, so that a
// look-alike such as U+017F or U+212A is visible.
func quote(s string) string {
	s = shorten(s)
	q := strconv.Quote(s)
	if a := strconv.QuoteToASCII(s); a != q {
		return q + " (" + a + ")"
	}
	return q
}

// objectName names the object at pointer p.
func objectName(p string) string {
	if p == "" {
		return "the top-level object"
	}
	return "the object at " + safe(p)
}

// safe returns a pointer as it is when it is plain printable text, quoted
// otherwise.
func safe(p string) string {
	p = shorten(p)
	for _, r := range p {
		if !unicode.IsGraphic(r) || unicode.IsSpace(r) || r == '"' || r == utf8.RuneError {
			return strconv.Quote(p)
		}
	}
	return p
}

// shorten cuts s to maxShown characters.
func shorten(s string) string {
	n := 0
	for i := range s {
		if n == maxShown {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// oneLine joins the lines of a message.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// position converts a byte offset into data into a 1-based line and a
// 1-based column counted in characters.
func position(data []byte, off int64) (line, col int) {
	if off < 0 {
		return 0, 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	head := data[:off]
	start := bytes.LastIndexByte(head, '\n') + 1
	if start == 0 && bytes.HasPrefix(head, utf8BOM) {
		start = len(utf8BOM) // editors do not show the mark
	}
	return bytes.Count(head, []byte{'\n'}) + 1, utf8.RuneCount(head[start:]) + 1
}
