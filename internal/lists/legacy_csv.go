package lists

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
)

// nullMarker is how the OFAC legacy CSV files write an empty field: the
// unquoted literal "-0-" followed by one space.
const nullMarker = "-0-"

// subByte is the Ctrl-Z (0x1A) byte that ends every official legacy CSV file.
const subByte = 0x1a

// Field counts of the OFAC legacy CSV files (no header row in any of them).
const (
	primaryFields  = 12 // SDN.CSV, CONS_PRIM.CSV
	addFields      = 6  // ADD.CSV, CONS_ADD.CSV
	altFields      = 5  // ALT.CSV, CONS_ALT.CSV
	commentsFields = 2  // SDN_COMMENTS.CSV, CONS_COMMENTS.CSV
)

// legacyValue returns a legacy CSV field with the null marker mapped to ""
// and surrounding spaces removed.
func legacyValue(s string) string {
	s = strings.TrimSpace(s)
	if s == nullMarker {
		return ""
	}
	return s
}

// legacyRaw returns a legacy CSV field with the null marker mapped to ""
// and nothing else changed: a remark cut at 1000 characters can end with a
// space that its continuation needs.
func legacyRaw(s string) string {
	if strings.TrimSpace(s) == nullMarker {
		return ""
	}
	return s
}

// readLegacyCSV calls fn for every record of an OFAC legacy CSV file, which
// must have exactly fields fields per record. The one trailing 0x1A is
// stripped; CRLF and LF line ends are both accepted. The file must end with
// a line break (a file cut short mostly does not) and hold at least one
// record.
func readLegacyCSV(name string, data []byte, fields int, fn func(line int, rec []string) error) error {
	data = bytes.TrimSuffix(data, []byte{subByte})
	if len(data) == 0 || data[len(data)-1] != '\n' {
		return parseErr(name, 0, "file does not end with a line break (truncated?)")
	}
	n := 0
	err := scanCSV(name, string(data), fields, func(line int, rec []string) error {
		n++
		return fn(line, rec)
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return parseErr(name, 0, "no records")
	}
	return nil
}

// csvErr converts an encoding/csv error into a ParseError without the
// offending bytes.
func csvErr(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: name, Line: pe.StartLine, Err: pe.Err}
	}
	return &ParseError{File: name, Err: err}
}

// countLines returns an upper bound of the records in a CSV file, used to
// size slices and maps once.
func countLines(data []byte) int {
	return bytes.Count(data, []byte{'\n'}) + 1
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// splitPrograms splits an OFAC program field: several tags are joined as
// "A] [B" inside one field, with the outer brackets dropped (some copies keep
// them).
func splitPrograms(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "] [")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(strings.Trim(p, "[] "))
		if p != "" {
			out = appendUnique(out, p)
		}
	}
	return out
}

// appendUnique appends s to list unless it is already there.
func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
