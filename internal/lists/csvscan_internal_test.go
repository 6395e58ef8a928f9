package lists

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// csvResult is what a CSV reader yields: the records with their first
// lines, and the first line of the record in error (0 for none).
type csvResult struct {
	Records [][]string
	Lines   []int
	ErrLine int
	Err     string
}

// stdCSV reads s with encoding/csv as scanCSV's documentation says.
func stdCSV(s string, fields int) csvResult {
	var res csvResult
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = fields
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return res
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				res.ErrLine, res.Err = pe.StartLine, pe.Err.Error()
			} else {
				res.ErrLine, res.Err = -1, err.Error()
			}
			return res
		}
		line, _ := r.FieldPos(0)
		res.Records = append(res.Records, rec)
		res.Lines = append(res.Lines, line)
	}
}

// scanned reads s with scanCSV.
func scanned(s string, fields int) csvResult {
	var res csvResult
	err := scanCSV("f", s, fields, func(line int, rec []string) error {
		res.Records = append(res.Records, append([]string(nil), rec...))
		res.Lines = append(res.Lines, line)
		return nil
	})
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			res.ErrLine, res.Err = pe.Line, pe.Err.Error()
		} else {
			res.ErrLine, res.Err = -1, err.Error()
		}
	}
	return res
}

func TestScanCSVMatchesEncodingCSV(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     string
		fields int
	}{
		{"crlf", "a,b\r\nc,d\r\n", 2},
		{"lf no final newline", "a,b\nc,d", 2},
		{"empty lines", "\n\r\na,b\n\n\nc,d\n", 2},
		{"trailing empty field", "a,\n,b\n", 2},
		{"quoted", "\"a\",\"b\"\"c\"\n", 2},
		{"quoted newline", "\"a\r\nb\",c\n\"\nx\n\",d\n", 2},
		{"quoted then comma at end", "\"a\",\n", 2},
		{"bare quote", "a,b\"c\n", 2},
		{"extra after quote", "\"a\"x,b\n", 2},
		{"unterminated quote", "a,b\n\"c,d\n", 2},
		{"field count", "a,b\nc\n", 2},
		{"cr at eof", "a,b\r", 2},
		{"lone cr in field", "a\rb,c\n", 2},
		{"null marker", "1,-0- ,\"x\"\r\n\x1a", 3},
		{"space before quote", "a, \"b\"\n", 2},
		{"only newlines", "\n\n", 1},
		{"empty", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(stdCSV(tt.in, tt.fields), scanned(tt.in, tt.fields)); diff != "" {
				t.Errorf("scanCSV differs from encoding/csv (-csv +scan):\n%s", diff)
			}
		})
	}
}

func FuzzScanCSV(f *testing.F) {
	for _, p := range []string{"testdata/ofac/tiny/sdn.csv", "testdata/ofac/tiny/alt.csv", "testdata/derived/ofac-sdn.csv", "testdata/csl/consolidated.csv"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(0))
	}
	f.Add([]byte("\"a\r\nb\",c\n\"\"\"\",d\r\n"), uint8(2))
	f.Fuzz(func(t *testing.T, b []byte, n uint8) {
		s := string(b)
		// Use the field count of the first record, or a fuzzed one.
		fields := int(n%16) + 1
		if n == 0 {
			if first := stdCSV(s, -1); len(first.Records) > 0 {
				fields = len(first.Records[0])
			}
		}
		if diff := cmp.Diff(stdCSV(s, fields), scanned(s, fields)); diff != "" {
			t.Errorf("scanCSV differs from encoding/csv (-csv +scan):\n%s", diff)
		}
	})
}
