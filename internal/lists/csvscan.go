package lists

import (
	"errors"
	"strings"
)

// The errors of scanCSV, worded as encoding/csv words them.
var (
	errBareQuote  = errors.New("bare \" in non-quoted-field")
	errQuote      = errors.New("extraneous or missing \" in quoted-field")
	errFieldCount = errors.New("wrong number of fields")
)

// scanCSV calls fn for every record of the CSV text s, which must have
// exactly fields fields per record, with the line the record starts on.
// It accepts and yields exactly what encoding/csv does with a comma
// separator, FieldsPerRecord set, LazyQuotes, TrimLeadingSpace and Comment
// unset (FuzzScanCSV checks this against encoding/csv): records end at
// "\n" or "\r\n", which inside a quoted field becomes "\n"; empty lines are
// skipped; a quote in an unquoted field, a quoted field not closed or
// followed by something other than a comma or the line end, and a wrong
// field count are errors naming the record's first line. Fields are
// substrings of s where possible, so it is several times faster than
// encoding/csv on the large official files. rec is reused between calls.
func scanCSV(name, s string, fields int, fn func(line int, rec []string) error) error {
	rec := make([]string, 0, fields)
	pos, line := 0, 0
	// next returns the next line's content without its terminator, and
	// whether one was left.
	next := func() (string, bool) {
		if pos >= len(s) {
			return "", false
		}
		line++
		end := strings.IndexByte(s[pos:], '\n')
		var l string
		if end < 0 {
			l, pos = s[pos:], len(s)
			// encoding/csv drops a "\r" before the end of the file.
			return strings.TrimSuffix(l, "\r"), true
		}
		l, pos = s[pos:pos+end], pos+end+1
		return strings.TrimSuffix(l, "\r"), true
	}
	for {
		l, ok := next()
		if !ok {
			return nil
		}
		if l == "" {
			continue // an empty line
		}
		start := line
		rec = rec[:0]
	fieldLoop:
		for {
			if l == "" || l[0] != '"' {
				// An unquoted field runs to the next comma.
				i := strings.IndexByte(l, ',')
				f := l
				if i >= 0 {
					f = l[:i]
				}
				if strings.IndexByte(f, '"') >= 0 {
					return &ParseError{File: name, Line: start, Err: errBareQuote}
				}
				rec = append(rec, f)
				if i < 0 {
					break fieldLoop
				}
				l = l[i+1:]
				continue
			}
			// A quoted field: a substring of s unless it holds a doubled
			// quote or a line break.
			l = l[1:]
			var b strings.Builder
			built := false
			for {
				i := strings.IndexByte(l, '"')
				if i < 0 {
					// The field goes on past the line end.
					built = true
					b.WriteString(l)
					b.WriteByte('\n')
					if l, ok = next(); !ok {
						return &ParseError{File: name, Line: start, Err: errQuote}
					}
					continue
				}
				rest := l[i+1:]
				switch {
				case rest != "" && rest[0] == '"':
					built = true
					b.WriteString(l[:i+1])
					l = rest[1:]
					continue
				case rest == "" || rest[0] == ',':
					if built {
						b.WriteString(l[:i])
						rec = append(rec, b.String())
					} else {
						rec = append(rec, l[:i])
					}
					if rest == "" {
						break fieldLoop
					}
					l = rest[1:]
					if l == "" {
						// A comma ends the line: one more, empty, field.
						rec = append(rec, "")
						break fieldLoop
					}
					continue fieldLoop
				default:
					return &ParseError{File: name, Line: start, Err: errQuote}
				}
			}
		}
		if len(rec) != fields {
			return &ParseError{File: name, Line: start, Err: errFieldCount}
		}
		if err := fn(start, rec); err != nil {
			return err
		}
	}
}
