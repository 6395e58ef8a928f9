package lists

import (
	"errors"
	"fmt"
)

// ErrMalformed is wrapped by every error about the content of an input
// file (as opposed to an error reading it), so callers can tell a bad file
// from a failing disk with errors.Is.
var ErrMalformed = errors.New("malformed list file")

// ParseError reports a malformed input file: which file, which line (1-based,
// 0 when the problem is the file as a whole) and what is wrong. It never
// quotes the input bytes.
type ParseError struct {
	// File names the input, as the caller named it.
	File string
	// Line is the 1-based line of the offending record, or 0.
	Line int
	// Element is, in an XML file, the path of the offending element
	// ("/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[12]"), or "".
	Element string
	// Err says what is wrong.
	Err error
}

// Error implements error.
func (e *ParseError) Error() string {
	where := ""
	if e.Line > 0 {
		where = fmt.Sprintf(" line %d:", e.Line)
	}
	if e.Element != "" {
		where += " element " + e.Element + ":"
	}
	return fmt.Sprintf("parse %s:%s %v", e.File, where, e.Err)
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// Is reports ErrMalformed as a match, so errors.Is(err, ErrMalformed) holds
// for every ParseError.
func (e *ParseError) Is(target error) bool { return target == ErrMalformed }

// parseErr builds a ParseError with a formatted message.
func parseErr(file string, line int, format string, args ...any) error {
	return &ParseError{File: file, Line: line, Err: fmt.Errorf(format, args...)}
}
