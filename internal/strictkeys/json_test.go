package strictkeys_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/strictkeys"
)

// keyCase is one document and what CheckJSON must say about it.
type keyCase struct {
	name string
	doc  string
	// want is nil, strictkeys.ErrDuplicateKey, ErrFoldedKey or ErrSyntax.
	want error
	// For key errors: the later key, the earlier one, the object's pointer
	// and the later key's line and column.
	key, other, pointer string
	line, col           int
}

// issueCases are the examples of the key-case attack, one per input kind.
var issueCases = []keyCase{
	{name: "cyclonedx components/COMPONENTS", doc: `{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"kes","supplier":{"name":"AO Kaspersky Lab"}}],"COMPONENTS":[]}`,
		want: strictkeys.ErrFoldedKey, key: "COMPONENTS", other: "components", pointer: "", line: 1, col: 115},
	{name: "cyclonedx supplier/Supplier", doc: `{"components":[{"name":"kes","supplier":{"name":"AO Kaspersky Lab"},"Supplier":{"name":"Acme"}}]}`,
		want: strictkeys.ErrFoldedKey, key: "Supplier", other: "supplier", pointer: "/components/0", line: 1, col: 69},
	{name: "cyclonedx long s supplier (U+017F)", doc: `{"components":[{"name":"kes","supplier":{"name":"AO Kaspersky Lab"},"ſupplier":{"name":"Acme"}}]}`,
		want: strictkeys.ErrFoldedKey, key: "ſupplier", other: "supplier", pointer: "/components/0", line: 1, col: 69},
	{name: "cyclonedx long s escaped", doc: `{"components":[{"supplier":{"name":"AO Kaspersky Lab"},"\u017fupplier":{"name":"Acme"}}]}`,
		want: strictkeys.ErrFoldedKey, key: "ſupplier", other: "supplier", pointer: "/components/0", line: 1, col: 56},
	{name: "cyclonedx purl/PURL", doc: "{\"components\":[\n {\"name\":\"x\",\n  \"purl\":\"pkg:maven/com.kaspersky/kes@1\",\n  \"PURL\":\"pkg:maven/com.acme/x@1\"}]}",
		want: strictkeys.ErrFoldedKey, key: "PURL", other: "purl", pointer: "/components/0", line: 4, col: 3},
	{name: "spdx packages/PACKAGES", doc: `{"spdxVersion":"SPDX-2.3","packages":[{"SPDXID":"SPDXRef-1","name":"kes","supplier":"Organization: AO Kaspersky Lab"}],"PACKAGES":[]}`,
		want: strictkeys.ErrFoldedKey, key: "PACKAGES", other: "packages", pointer: "", line: 1, col: 120},
	{name: "procurement name/NAME", doc: `{"vendors":[{"name":"Kaspersky Lab, Inc.","NAME":"Acme LLC"}]}`,
		want: strictkeys.ErrFoldedKey, key: "NAME", other: "name", pointer: "/vendors/0", line: 1, col: 43},
	{name: "procurement top-level array duplicate", doc: `[{"name":"Kaspersky Lab, Inc.","name":"Acme LLC"}]`,
		want: strictkeys.ErrDuplicateKey, key: "name", other: "name", pointer: "/0", line: 1, col: 32},
	{name: "evidence envelope payload/PAYLOAD", doc: `{"payloadType":"application/vnd.in-toto+json","payload":"e30=","PAYLOAD":"e30K","signatures":[]}`,
		want: strictkeys.ErrFoldedKey, key: "PAYLOAD", other: "payload", pointer: "", line: 1, col: 64},
}

// moreCases cover the foldings, the shapes and the syntax.
var moreCases = []keyCase{
	{name: "empty input", doc: ``},
	{name: "white space only", doc: " \n\t "},
	{name: "scalar", doc: `42`},
	{name: "string", doc: `"NAME"`},
	{name: "null", doc: `null`},
	{name: "empty object", doc: `{}`},
	{name: "empty array", doc: `[]`},
	{name: "distinct keys", doc: `{"a":1,"b":{"a":1,"b":[{"a":1},{"a":1,"A0":2}]},"c":"C"}`},
	{name: "same key in sibling objects", doc: `[{"name":"a"},{"name":"b"},{"NAME":"c"}]`},
	{name: "same key at different depths", doc: `{"name":{"name":{"NAME":1}}}`},
	{name: "values equal up to case", doc: `{"a":"x","b":"X","x":"a"}`},
	{name: "sharp s is not ss (no full folding)", doc: `{"ss":1,"ß":2,"SS":3}`, want: strictkeys.ErrFoldedKey, key: "SS", other: "ss", line: 1, col: 15},
	{name: "sharp s alone", doc: `{"ss":1,"ß":2}`},
	{name: "stream of values", doc: "{\"a\":1}\n{\"a\":2}\n[{\"a\":3}]\n"},
	{name: "stream, second value bad", doc: "{\"a\":1}\n{\"a\":2,\"A\":3}\n", want: strictkeys.ErrFoldedKey, key: "A", other: "a", line: 2, col: 8},
	{name: "escaped duplicate", doc: `{"a":1,"\u0061":2}`, want: strictkeys.ErrDuplicateKey, key: "a", other: "a", line: 1, col: 8},
	{name: "ascii case", doc: `{"kind":1,"Kind":2}`, want: strictkeys.ErrFoldedKey, key: "Kind", other: "kind", line: 1, col: 11},
	{name: "kelvin sign (U+212A)", doc: "{\"kind\":1,\"\u212aind\":2}", want: strictkeys.ErrFoldedKey, key: "\u212aind", other: "kind", line: 1, col: 11},
	{name: "kelvin sign escaped", doc: `{"KIND":1,"\u212aind":2}`, want: strictkeys.ErrFoldedKey, key: "\u212aind", other: "KIND", line: 1, col: 11},
	{name: "long s escaped against upper case", doc: `{"S":1,"\u017f":2}`, want: strictkeys.ErrFoldedKey, key: "\u017f", other: "S", line: 1, col: 8},
	{name: "dotted capital I (encoding/json folding only)", doc: `{"id":1,"İd":2}`, want: strictkeys.ErrFoldedKey, key: "İd", other: "id", line: 1, col: 9},
	{name: "dotless i (encoding/json folding only)", doc: `{"ID":1,"ıd":2}`, want: strictkeys.ErrFoldedKey, key: "ıd", other: "ID", line: 1, col: 9},
	{name: "greek final sigma (simple folding)", doc: `{"σ":1,"ς":2}`, want: strictkeys.ErrFoldedKey, key: "ς", other: "σ", line: 1, col: 8},
	{name: "cyrillic lookalike is another key", doc: `{"name":1,"nаme":2}`},
	{name: "deep", doc: `{"x":[[[{"a":1,"b":{"c":2,"C":3}}]]]}`, want: strictkeys.ErrFoldedKey, key: "C", other: "c", pointer: "/x/0/0/0/b", line: 1, col: 27},
	{name: "pointer escapes", doc: `{"a/b~c":{"k":1,"K":2}}`, want: strictkeys.ErrFoldedKey, key: "K", other: "k", pointer: "/a~1b~0c", line: 1, col: 17},
	{name: "after a nested value", doc: `{"a":{"b":[1,{"c":2}]},"x":[],"A":0}`, want: strictkeys.ErrFoldedKey, key: "A", other: "a", line: 1, col: 31},
	{name: "byte order mark counted", doc: "\ufeff{\"a\":1,\"a\":2}", want: strictkeys.ErrDuplicateKey, key: "a", other: "a", line: 1, col: 8},
	{name: "trailing comma", doc: `{"a":1,}`, want: strictkeys.ErrSyntax},
	{name: "truncated", doc: `{"a":[1,2`, want: strictkeys.ErrSyntax},
	{name: "invalid UTF-8 in a key", doc: "{\"a\xff\":1,\"a\xfe\":2}", want: strictkeys.ErrSyntax},
	{name: "lone surrogate escape", doc: `{"\ud800":1,"\udbff":2}`, want: strictkeys.ErrSyntax},
	{name: "garbage after the value", doc: `{"a":1} x`, want: strictkeys.ErrSyntax},
	{name: "single quotes", doc: `{'a':1}`, want: strictkeys.ErrSyntax},
}

func TestCheckJSON(t *testing.T) {
	t.Parallel()
	for _, tc := range append(append([]keyCase{}, issueCases...), moreCases...) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			checkCase(t, tc, strictkeys.CheckJSON([]byte(tc.doc)))
		})
	}
}

// checkCase compares err with what tc wants.
func checkCase(t *testing.T, tc keyCase, err error) {
	t.Helper()
	if tc.want == nil {
		if err != nil {
			t.Fatalf("error %v, want none", err)
		}
		return
	}
	if !errors.Is(err, tc.want) {
		t.Fatalf("error %v, want %v", err, tc.want)
	}
	if errors.Is(tc.want, strictkeys.ErrSyntax) {
		var se *strictkeys.SyntaxError
		if !errors.As(err, &se) || se.Line == 0 {
			t.Errorf("error %#v: want a *SyntaxError with a line", err)
		}
		return
	}
	var ke *strictkeys.KeyError
	if !errors.As(err, &ke) {
		t.Fatalf("error %T, want *KeyError", err)
	}
	if ke.Key != tc.key || ke.Other != tc.other || ke.Pointer != tc.pointer || ke.Line != tc.line || ke.Column != tc.col {
		t.Errorf("got key %q other %q pointer %q at %d:%d, want %q %q %q at %d:%d",
			ke.Key, ke.Other, ke.Pointer, ke.Line, ke.Column, tc.key, tc.other, tc.pointer, tc.line, tc.col)
	}
	msg := err.Error()
	for _, part := range []string{strconv.Quote(tc.key), "line " + strconv.Itoa(tc.line), "column " + strconv.Itoa(tc.col)} {
		if !strings.Contains(msg, part) {
			t.Errorf("message %q does not name %s", msg, part)
		}
	}
	if tc.pointer != "" && !strings.Contains(msg, tc.pointer) {
		t.Errorf("message %q does not name the object %s", msg, tc.pointer)
	}
}

// TestCheckJSONWideObject exercises the hashed index of objects with many
// keys: distinct keys pass, and a collision is found wherever it is.
func TestCheckJSONWideObject(t *testing.T) {
	t.Parallel()
	wide := func(n int, extra string) []byte {
		var b strings.Builder
		b.WriteString(`{"outer":{`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"key` + strconv.Itoa(i) + `":` + strconv.Itoa(i))
		}
		b.WriteString(extra + `}}`)
		return []byte(b.String())
	}
	if err := strictkeys.CheckJSON(wide(5000, "")); err != nil {
		t.Fatalf("distinct keys: %v", err)
	}
	for _, extra := range []string{`,"KEY4999":0`, `,"Key0":0`, `,"key17":0`, `,"ĸey1":0,"\u212aey2500":0`} {
		err := strictkeys.CheckJSON(wide(5000, extra))
		var ke *strictkeys.KeyError
		if !errors.As(err, &ke) || ke.Pointer != "/outer" {
			t.Errorf("extra %s: error %v, want a key error in /outer", extra, err)
		}
	}
}

// TestKeyErrorMessage pins the wording and checks that a key with control
// characters is escaped.
func TestKeyErrorMessage(t *testing.T) {
	t.Parallel()
	err := strictkeys.CheckJSON([]byte("{\"items\":[{\"a\\u001b[31m\":1,\"A\\u001b[31m\":2}]}"))
	want := `key "A\x1b[31m" repeats key "a\x1b[31m" up to letter case in the object at /items/0 at line 1, column 28`
	if err == nil || err.Error() != want {
		t.Errorf("message\n %v\nwant\n %s", err, want)
	}
	err = strictkeys.CheckJSON([]byte("{\n\"a\":1,\n\n\"a\":2}"))
	want = `duplicate key "a" in the top-level object at line 4, column 1 (the first at line 2)`
	if err == nil || err.Error() != want {
		t.Errorf("message\n %v\nwant\n %s", err, want)
	}
}
