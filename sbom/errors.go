package sbom

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors returned (wrapped in a *DecodeError) by Decode and
// Identify. Match them with errors.Is.
var (
	// ErrEmpty means the input holds nothing but white space.
	ErrEmpty = errors.New("empty file")
	// ErrUnknownFormat means the content is not any SBOM format this
	// package knows.
	ErrUnknownFormat = errors.New("not a recognised SBOM")
	// ErrUnsupported means the content is a known SBOM family in a format
	// or version this package does not read (SPDX 3.1 JSON-LD, CycloneDX
	// 2.x, SPDX 1.x, JSON-LD without an SPDX 3 context).
	ErrUnsupported = errors.New("unsupported SBOM format or version")
	// ErrTruncated means the document ends before it is complete.
	ErrTruncated = errors.New("truncated document")
	// ErrTrailingData means something other than white space follows the
	// end of the document.
	ErrTrailingData = errors.New("trailing data after the document")
	// ErrInvalidUTF8 means the input is not valid UTF-8 (UTF-16 included).
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooDeep means the document nests deeper than Options.MaxDepth.
	ErrTooDeep = errors.New("nesting too deep")
	// ErrTooManyComponents means the document holds more components than
	// Options.MaxComponents.
	ErrTooManyComponents = errors.New("too many components")
	// ErrSyntax means the document is not well-formed in its encoding
	// (JSON, XML, YAML or tag-value syntax).
	ErrSyntax = errors.New("syntax error")
	// ErrInvalid means the document is well-formed but so broken that a
	// policy cannot be trusted on it: a required field such as bomFormat,
	// specVersion or SPDXVersion is missing, or a field has the wrong type.
	ErrInvalid = errors.New("invalid document")
	// ErrParserFailed means a parser panicked on the input; the panic was
	// recovered and is kept as a *PanicError cause.
	ErrParserFailed = errors.New("the parser failed on this input")
)

// DecodeError describes why an input could not be identified or decoded.
// Its message is one line that starts from what the file was taken for
// ("decode a.json: SPDX 2.3 JSON: invalid document: ... at /packages/3"):
// the kind of failure, what is wrong and where (line, byte or JSON
// pointer), then the parser library's own error, if any, with the input it
// quotes elided (see causeText), so that a message never echoes the input.
// For ErrParserFailed the detail is the recovered panic's message (one
// line, clipped).
type DecodeError struct {
	// Name is Options.Name, the file name used in messages ("" when unset).
	Name string
	// Format is the detected format, "" when detection failed.
	Format Format
	// Version is the detected specification version, "" when unknown.
	Version string
	// Kind is the sentinel error (ErrTruncated, ErrInvalid, ...).
	Kind error
	// Detail says what is wrong, in words of this package; never input bytes.
	Detail string
	// Offset is the byte offset of the problem, -1 when unknown.
	Offset int64
	// Line is the 1-based line of the problem, 0 when unknown.
	Line int
	// Pointer locates the problem when it is known by place in the
	// document: an RFC 6901 JSON pointer ("/packages/3/supplier") or an
	// XML locator ("/Document/packages[2]"), "" when not. Member names
	// that are not plain identifiers are written as "*".
	Pointer string
	// Within names the wrapper the failing document was found in ("an
	// in-toto statement", "an in-toto statement in a DSSE envelope", "a
	// GitHub dependency-graph export"), "" for a bare document.
	Within string
	// Cause is the parser library's error, if any.
	Cause error
	// quiet leaves Cause out of the message when Detail already says it.
	quiet bool
	// op is the operation named first in the message: "decode" (the
	// default) or "identify".
	op string
}

// Error returns a one-line message naming the file, the format and what is
// wrong.
func (e *DecodeError) Error() string {
	var b strings.Builder
	if e.op != "" {
		b.WriteString(e.op + " ")
	} else {
		b.WriteString("decode ")
	}
	if e.Name != "" {
		b.WriteString(e.Name)
	} else {
		b.WriteString("sbom")
	}
	b.WriteString(": ")
	if l := e.Label(); l != "" {
		b.WriteString(l)
		if e.Within != "" {
			b.WriteString(" in " + e.Within)
		}
		b.WriteString(": ")
	} else if e.Within != "" {
		b.WriteString("in " + e.Within + ": ")
	}
	if e.Kind != nil {
		b.WriteString(e.Kind.Error())
	} else {
		b.WriteString("error")
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if e.Pointer != "" {
		b.WriteString(" at ")
		b.WriteString(e.Pointer)
	}
	switch {
	case e.Line > 0 && e.Offset >= 0:
		b.WriteString(" (line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(", byte ")
		b.WriteString(strconv.FormatInt(e.Offset, 10))
		b.WriteString(")")
	case e.Line > 0:
		b.WriteString(" (line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(")")
	case e.Offset >= 0:
		b.WriteString(" (byte ")
		b.WriteString(strconv.FormatInt(e.Offset, 10))
		b.WriteString(")")
	}
	if e.Cause != nil && !e.quiet {
		if c := causeText(e.Cause); c != "" {
			b.WriteString(": ")
			b.WriteString(c)
		}
	}
	return b.String()
}

// Label returns what the file was taken for ("SPDX 2.3 JSON"), "" when
// detection failed.
func (e *DecodeError) Label() string {
	return Label(e.Format, e.Version)
}

// maxCause bounds the length of a library error quoted in a message.
const maxCause = 160

// maxQuoted is the longest quoted run of a library error kept as it is
// (an invalid character, a short tag name); longer ones are elided.
const maxQuoted = 8

// causeText renders a parser library's error for a one-line message:
// quoted runs longer than maxQuoted (which parsers fill with input) become
// "…", control
// characters and line breaks become spaces, white space is folded and the
// text is cut to maxCause bytes.
func causeText(err error) string {
	s := err.Error()
	var b strings.Builder
	space := false
	for i := 0; i < len(s) && b.Len() < maxCause; {
		c := s[i]
		if c == '"' || c == '\'' || c == '`' {
			if j := strings.IndexByte(s[i+1:], c); j >= 0 {
				b.WriteByte(c)
				if j <= maxQuoted && !strings.ContainsFunc(s[i+1:i+1+j], unicode.IsControl) {
					b.WriteString(s[i+1 : i+1+j]) // a character or a short token
				} else {
					b.WriteString("…")
				}
				b.WriteByte(c)
				i += j + 2
				space = false
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError {
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	out := strings.TrimSpace(b.String())
	if b.Len() >= maxCause {
		out += "…"
	}
	return out
}

// Unwrap returns the sentinel kind and the library cause, so that both
// errors.Is(err, ErrTruncated) and errors.As(err, &jsonSyntaxErr) work.
func (e *DecodeError) Unwrap() []error {
	errs := make([]error, 0, 2)
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Cause != nil {
		errs = append(errs, e.Cause)
	}
	return errs
}

// newError builds a *DecodeError with no offset or line.
func newError(name string, f Format, kind error, detail string) *DecodeError {
	return &DecodeError{Name: name, Format: f, Kind: kind, Detail: detail, Offset: -1}
}
