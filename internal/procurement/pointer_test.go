package procurement_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"

	"github.com/bangate/bangate/internal/procurement"
)

// resolve follows an RFC 6901 pointer through a decoded JSON document.
func resolve(doc any, ptr string) (any, bool) {
	if ptr == "" {
		return doc, true
	}
	if !strings.HasPrefix(ptr, "/") {
		return nil, false
	}
	cur := doc
	for tok := range strings.SplitSeq(ptr[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// decodeAll decodes every JSON value of a file, or its one YAML document.
func decodeAll(t *testing.T, file string, data []byte) []any {
	t.Helper()
	if strings.HasSuffix(file, ".yaml") {
		var doc any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		return []any{doc}
	}
	var docs []any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		var doc any
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return docs
		}
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
}

// TestPointersResolve checks, for every example file, that each vendor's
// Pointer and every Fields entry lead to a value in the file: a JSON
// pointer that resolves (to a non-empty value), or a CSV column of the
// header and a row line that exists.
func TestPointersResolve(t *testing.T) {
	t.Parallel()
	files := []struct {
		name string
		opts procurement.Options
	}{
		{"json/vendors.json", procurement.Options{}},
		{"yaml/vendors.yaml", procurement.Options{}},
		{"ocds/moldova-release.json", procurement.Options{}},
		{"ocds/montreal-release-parties.json", procurement.Options{}},
		{"ocds/montreal-release-inline.json", procurement.Options{}},
		{"ocds/paraguay-award.json", procurement.Options{}},
		{"ocds/concatenated-releases.json", procurement.Options{}},
		{"ocds/fictional-1.0-award-release-package.json", procurement.Options{}},
		{"ocds/fictional-1.1-contract-release-package.json", procurement.Options{}},
		{"ocds/fictional-1.1-record-package.json", procurement.Options{}},
		{"csv/usaspending-legacy-treasury-2016.csv", procurement.Options{}},
		{"csv/usaspending-current-layout.csv", procurement.Options{}},
		{"csv/sam-entity-extract.tsv", procurement.Options{}},
		{"csv/simple-sheet-semicolon.csv", procurement.Options{}},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			data := readTestdata(t, f.name)
			vs, err := procurement.Read(data, filepath.Base(f.name), f.opts)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(f.name, "csv/") {
				checkCSVLocations(t, data, vs)
				return
			}
			docs := decodeAll(t, f.name, data)
			for _, v := range vs {
				doc := docs[0]
				if v.Document > 0 {
					doc = docs[v.Document-1]
				}
				if _, ok := resolve(doc, v.Pointer); !ok {
					t.Errorf("record %d: pointer %q does not resolve", v.Record, v.Pointer)
				}
				if len(v.Fields) == 0 && v.Name != "" {
					t.Errorf("record %d: no Fields", v.Record)
				}
				for key, ptr := range v.Fields {
					got, ok := resolve(doc, ptr)
					if !ok || got == nil || got == "" {
						t.Errorf("record %d: Fields[%q] = %q does not resolve to a value", v.Record, key, ptr)
					}
				}
			}
		})
	}
}

func checkCSVLocations(t *testing.T, data []byte, vs []procurement.Vendor) {
	t.Helper()
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, _, _ := bytes.Cut(data, []byte{'\n'})
	r := csv.NewReader(bytes.NewReader(first))
	r.Comma = ','
	if bytes.Count(first, []byte{'\t'}) > bytes.Count(first, []byte{','}) {
		r.Comma = '\t'
	} else if bytes.Count(first, []byte{';'}) > bytes.Count(first, []byte{','}) {
		r.Comma = ';'
	}
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	columns := map[string]bool{}
	for _, h := range header {
		columns[strings.TrimSpace(h)] = true
	}
	lines := bytes.Split(data, []byte{'\n'})
	for _, v := range vs {
		n, err := strconv.Atoi(strings.TrimPrefix(v.Pointer, "row "))
		if err != nil || n < 2 || n > len(lines) {
			t.Errorf("record %d: pointer %q is not a row of the file", v.Record, v.Pointer)
			continue
		}
		if !bytes.Contains(lines[n-1], []byte(strings.SplitN(v.Name, "\n", 2)[0])) {
			t.Errorf("record %d: line %d does not hold the name", v.Record, n)
		}
		for key, col := range v.Fields {
			if !columns[col] {
				t.Errorf("record %d: Fields[%q] = %q is not a column", v.Record, key, col)
			}
		}
	}
}
