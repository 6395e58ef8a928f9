package procurement_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/procurement"
	"github.com/bangate/bangate/internal/strictkeys"
)

// TestReadRejectsAmbiguousKeys feeds each vendor format a record whose
// party is named twice under keys equal up to case (or exactly): Read must
// refuse it, naming the file, the key, the object and the line, whatever
// the top-level shape.
func TestReadRejectsAmbiguousKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, in string
		format         procurement.Format
		want           error
		key, pointer   string
		line           int
	}{
		{"json array NAME", "v.json", `[{"name":"Kaspersky Lab, Inc.","NAME":"Acme LLC"}]`,
			procurement.FormatJSON, strictkeys.ErrFoldedKey, "NAME", "/0", 1},
		{"json top-level array duplicate", "v.json", `[{"name":"Kaspersky Lab, Inc.","name":"Acme LLC"}]`,
			procurement.FormatJSON, strictkeys.ErrDuplicateKey, "name", "/0", 1},
		{"json wrapper NAME", "v.json", "{\"vendors\":[\n{\"name\":\"Kaspersky Lab, Inc.\",\n\"NAME\":\"Acme LLC\"}]}",
			procurement.FormatJSON, strictkeys.ErrFoldedKey, "NAME", "/vendors/0", 3},
		{"json wrapper VENDORS", "v.json", `{"vendors":[{"name":"Kaspersky Lab, Inc."}],"VENDORS":[{"name":"Acme LLC"}]}`,
			procurement.FormatJSON, strictkeys.ErrFoldedKey, "VENDORS", "", 1},
		{"json long s in owners", "v.json", `[{"name":"Acme","owners":[{"name":"AO Kaspersky Lab","percent":60,"ſercent":0}]}]`,
			procurement.FormatJSON, nil, "", "", 0}, // ſercent ≠ percent: an unknown key, refused by the reader
		{"json kelvin in parent", "v.json", `[{"name":"Acme","parent":"Kaspersky Lab","PAREN\u212a":"Acme Holdings"}]`,
			procurement.FormatJSON, nil, "", "", 0}, // PARENK ≠ PARENT: unknown key
		{"json identifiers UEI", "v.json", `[{"name":"Acme","identifiers":{"uei":"X","UEI":"Y"}}]`,
			procurement.FormatJSON, strictkeys.ErrFoldedKey, "UEI", "/0/identifiers", 1},
		{"json owner Name", "v.json", `[{"name":"Acme","owners":[{"name":"AO Kaspersky Lab","Name":"Bob","percent":60}]}]`,
			procurement.FormatJSON, strictkeys.ErrFoldedKey, "Name", "/0/owners/0", 1},
		{"ocds party NAME", "o.json", `{"releases":[{"ocid":"o1","parties":[{"id":"p1","name":"AO Kaspersky Lab","NAME":"Acme","roles":["supplier"]}]}]}`,
			procurement.FormatOCDS, strictkeys.ErrFoldedKey, "NAME", "/releases/0/parties/0", 1},
		{"ocds top-level array of releases", "o.json", `[{"ocid":"o1","parties":[{"id":"p1","name":"AO Kaspersky Lab","name":"Acme","roles":["supplier"]}]}]`,
			procurement.FormatOCDS, strictkeys.ErrDuplicateKey, "name", "/0/parties/0", 1},
		{"ocds second document", "o.json", "{\"ocid\":\"o1\",\"parties\":[{\"id\":\"p1\",\"name\":\"Acme\",\"roles\":[\"supplier\"]}]}\n" +
			`{"ocid":"o2","parties":[{"id":"p1","name":"AO Kaspersky Lab","Name":"Acme","roles":["supplier"]}]}`,
			procurement.FormatOCDS, strictkeys.ErrFoldedKey, "Name", "/parties/0", 2},
		{"ocds RELEASES", "o.json", `{"releases":[],"RELEASES":[{"ocid":"o1"}]}`,
			procurement.FormatOCDS, strictkeys.ErrFoldedKey, "RELEASES", "", 1},
		{"yaml NAME", "v.yaml", "- name: Kaspersky Lab, Inc.\n  NAME: Acme LLC\n",
			procurement.FormatYAML, strictkeys.ErrFoldedKey, "NAME", "/0", 2},
		{"yaml owner Percent", "v.yaml", "vendors:\n  - name: Acme\n    owners:\n      - name: AO Kaspersky Lab\n        ſhare: x\n        percent: 60\n        Percent: 0\n",
			procurement.FormatYAML, strictkeys.ErrFoldedKey, "Percent", "/vendors/0/owners/0", 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if f, err := procurement.Detect([]byte(tc.in)); err != nil || f != tc.format {
				t.Fatalf("Detect = %q, %v; want %q", f, err, tc.format)
			}
			vs, err := procurement.Read([]byte(tc.in), tc.file, procurement.Options{})
			if err == nil {
				t.Fatalf("Read accepted it: %+v", vs)
			}
			var ie *procurement.InputError
			if !errors.As(err, &ie) || ie.Source != tc.file {
				t.Fatalf("error %v: want an *InputError naming %s", err, tc.file)
			}
			if tc.want == nil {
				return
			}
			var ke *strictkeys.KeyError
			if !errors.Is(err, tc.want) || !errors.As(err, &ke) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if ke.Key != tc.key || ke.Pointer != tc.pointer || ke.Line != tc.line {
				t.Errorf("key %q pointer %q line %d, want %q %q %d", ke.Key, ke.Pointer, ke.Line, tc.key, tc.pointer, tc.line)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, tc.file+": ") || !strings.Contains(msg, `"`+tc.key+`"`) || !strings.Contains(msg, "line ") {
				t.Errorf("message %q: want the file, the key and the line", msg)
			}
		})
	}
}

// TestReadUnpairedSurrogate checks that what encoding/json accepts but the
// strict tokenizer does not (a lone surrogate escape, which readers decode
// differently) is refused with its line.
func TestReadUnpairedSurrogate(t *testing.T) {
	t.Parallel()
	_, err := procurement.Read([]byte("[{\"name\":\"Acme\"},\n{\"name\":\"Kaspersky\\ud800\"}]"), "v.json", procurement.Options{})
	if !errors.Is(err, strictkeys.ErrSyntax) || !strings.HasPrefix(err.Error(), "v.json: line 2: ") {
		t.Fatalf("error %v: want a syntax error at line 2", err)
	}
}
