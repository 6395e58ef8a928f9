package procurement

import (
	"errors"
	"strings"
)

// ErrNoRecords is returned (wrapped) when a file holds no record at all: a
// header without rows, an empty array, an OCDS package whose releases
// name no supplier or tenderer, an ownership file without edges. A check over such a file would
// pass without checking anything, so the caller must decide.
var ErrNoRecords = errors.New("no records")

// ErrNotVendorFile is wrapped when text read as a vendor table has no
// column that names a vendor: it is not a vendor file at all (a README, a
// workflow file), rather than a broken one.
var ErrNotVendorFile = errors.New("no vendor name column")

// ErrOwnershipFile is wrapped when a file checked as a vendor file is an
// ownership file (owner,owned,percent): it is given with --ownership.
var ErrOwnershipFile = errors.New("this is an ownership file (owner,owned,percent): give it with --ownership (procurement.ownership), not as an input")

// InputError is a malformed input: it names the file, where in the file
// (a row, line or JSON pointer) and, when known, the column or key. It
// never carries the offending bytes.
type InputError struct {
	// Source is the file name.
	Source string
	// Location is "row N", "line N" or a JSON pointer; empty for the file
	// as a whole.
	Location string
	// Field is the column or key at fault, if any.
	Field string
	// Err says what is wrong.
	Err error
}

// Error implements error: "file: row 3: column amount: not a decimal number".
func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.Source)
	if e.Location != "" {
		b.WriteString(": ")
		b.WriteString(e.Location)
	}
	if e.Field != "" {
		b.WriteString(": ")
		b.WriteString(e.Field)
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("invalid input")
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(source, location, field string, err error) error {
	return &InputError{Source: source, Location: location, Field: field, Err: err}
}

func inputErrf(source, location, field, msg string) error {
	return &InputError{Source: source, Location: location, Field: field, Err: errors.New(msg)}
}
