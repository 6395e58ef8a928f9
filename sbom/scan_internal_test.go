package sbom

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestScanJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want map[string]jsonValue
		err  error
	}{
		{"keys after nested values", `{"components":[{"bomFormat":"x"}],"meta":{"a":[1,{"b":"}"}]},"bomFormat":"CycloneDX","specVersion":"1.6"}`,
			map[string]jsonValue{"components": {}, "bomFormat": {isString: true, str: "CycloneDX"}, "specVersion": {isString: true, str: "1.6"}}, nil},
		{"escaped quotes", `{"x":"a\"b\\","spdxVersion":"SPDX-2.3"}`, map[string]jsonValue{"spdxVersion": {isString: true, str: "SPDX-2.3"}}, nil},
		{"escaped value", `{"bomFormat":"Cyclone\u0044X"}`, map[string]jsonValue{"bomFormat": {isString: true, str: "CycloneDX"}}, nil},
		{"non-string values", `{"specVersion":1.5,"bomFormat":null,"metadata":true}`, map[string]jsonValue{"specVersion": {}, "bomFormat": {}, "metadata": {}}, nil},
		{"trailing white space", "{\"a\":1}\n\t \r\n", map[string]jsonValue{}, nil},
		{"trailing value", `{"a":1} {"b":2}`, nil, ErrTrailingData},
		{"trailing bracket", `{"a":1}]`, nil, ErrTrailingData},
		{"truncated", `{"a":[1,2`, nil, ErrTruncated},
		{"truncated string", `{"a":"abc`, nil, ErrTruncated},
		{"mismatch", `{"a":[1}`, nil, ErrSyntax},
		{"too deep", `{"a":[[[[[[[[[[1]]]]]]]]]]}`, nil, ErrTooDeep},
		{"duplicate top-level member", `{"components":[],"x":1,"components":[]}`, nil, ErrInvalid},
		{"duplicate nested member", `{"c":[{"name":"a","supplier":{"name":"x"},"supplier":{"name":"y"}}]}`, nil, ErrInvalid},
		{"duplicate through an escape", `{"c":[{"name":"a","n\u0061me":"b"}]}`, nil, ErrInvalid},
		{"same member in sibling objects", `{"c":[{"name":"a"},{"name":"b"}],"d":{"name":"c"}}`, map[string]jsonValue{}, nil},
		{"wide object", `{"o":{` + wideObject(40, false) + `}}`, map[string]jsonValue{}, nil},
		{"wide object with a duplicate", `{"o":{` + wideObject(40, true) + `}}`, nil, ErrInvalid},
	}
	for _, tc := range tests {
		top, serr := scanJSON([]byte(tc.in), 0, 8, false)
		if tc.err != nil {
			if serr == nil || !errors.Is(serr.kind, tc.err) {
				t.Errorf("%s: scanJSON error = %v, want %v", tc.name, serr, tc.err)
			}
			continue
		}
		if serr != nil {
			t.Errorf("%s: scanJSON: %v", tc.name, serr.kind)
			continue
		}
		if diff := cmp.Diff(tc.want, top.keys, cmp.AllowUnexported(jsonValue{})); diff != "" {
			t.Errorf("%s: keys (-want +got):\n%s", tc.name, diff)
		}
	}
}

// wideObject returns n members "k0":0, "k1":1, ... and, if dup, "k3" again.
func wideObject(n int, dup bool) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"k` + strconv.Itoa(i) + `":` + strconv.Itoa(i))
	}
	if dup {
		b.WriteString(`,"k3":0`)
	}
	return b.String()
}

func TestScanXML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		err  error
	}{
		{"ok", `<?xml version="1.0"?><!-- c --><bom a="x>y"><c/><d>t</d></bom><!-- after -->` + "\n", nil},
		{"cdata and comment with tags", `<bom><![CDATA[<x><y>]]><!-- <z> --></bom>`, nil},
		{"doctype", `<!DOCTYPE bom><bom></bom>`, nil},
		{"doctype with an internal subset", `<!DOCTYPE bom [<!ENTITY a "x>y<z/>">]><bom/>`, nil},
		{"text after root", `<bom></bom>junk`, ErrTrailingData},
		{"second root", `<bom></bom><bom></bom>`, ErrTrailingData},
		{"second empty root", `<bom></bom><bom/>`, ErrTrailingData},
		{"unclosed", `<bom><a>`, ErrTruncated},
		{"inside tag", `<bom><a b="`, ErrTruncated},
		{"too deep", `<a><a><a><a><a></a></a></a></a></a>`, ErrTooDeep},
		{"no root", `<!-- only a comment -->`, ErrTruncated},
		{"stray close", `</a>`, ErrSyntax},
	}
	for _, tc := range tests {
		serr := scanXML([]byte(tc.in), 4)
		switch {
		case tc.err == nil && serr != nil:
			t.Errorf("%s: scanXML: %v (%s)", tc.name, serr.kind, serr.detail)
		case tc.err != nil && (serr == nil || !errors.Is(serr.kind, tc.err)):
			t.Errorf("%s: scanXML = %v, want %v", tc.name, serr, tc.err)
		}
	}
}

func TestScanYAML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		err  error
	}{
		{"ok", "---\nspdxVersion: SPDX-2.3\nname: \"a [b\"\npackages:\n  - name: x # [ comment\n", nil},
		{"end marker then more", "spdxVersion: SPDX-2.3\n...\nname: b\n", ErrTrailingData},
		{"dashes in a value", "spdxVersion: SPDX-2.3\nname: ---x\n", nil},
		{"flow too deep", "a: [[[[[1]]]]]\n", ErrTooDeep},
	}
	for _, tc := range tests {
		serr := scanYAML([]byte(tc.in), 4)
		switch {
		case tc.err == nil && serr != nil:
			t.Errorf("%s: scanYAML: %v (%s)", tc.name, serr.kind, serr.detail)
		case tc.err != nil && (serr == nil || !errors.Is(serr.kind, tc.err)):
			t.Errorf("%s: scanYAML = %v, want %v", tc.name, serr, tc.err)
		}
	}
}

func TestLocator(t *testing.T) {
	t.Parallel()
	j, x := locator{}, locator{xml: true}
	tests := []struct{ got, want string }{
		{j.elem("", "components", "component", 3), "/components/3"},
		{x.elem("/bom", "components", "component", 3), "/bom/components/component[4]"},
		{j.field("/a", "x/y~z"), "/a/x~1y~0z"},
		{j.repeated("/s", "contact", 0), "/s/contact/0"},
		{x.repeated("/s", "contact", 0), "/s/contact[1]"},
		{upperSnake("dependsOn"), "DEPENDS_ON"},
		{upperSnake("operatingSystem"), "OPERATING_SYSTEM"},
		{licenseID("http://spdx.org/licenses/MIT"), "MIT"},
		{licenseID("http://example.com/doc#LicenseRef-1"), "LicenseRef-1"},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("case %d: got %q, want %q", i, tc.got, tc.want)
		}
	}
}

// TestScanJSONLocatesComponents checks the offsets the scan records for
// the top-level components array, and that it records nothing else.
func TestScanJSONLocatesComponents(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want arraySpan
	}{
		{"objects", `{"a":1,"components": [ {"x":[{}]} ,{"y":"}"}],"b":2}`,
			arraySpan{open: 21, close: 44, objects: [][2]uint32{{23, 32}, {35, 43}}}},
		{"mixed elements", `{"components":[1,{},"{",[{}],null]}`,
			arraySpan{open: 14, close: 33, objects: [][2]uint32{{17, 18}}}},
		{"nested components ignored", `{"metadata":{"components":[{}]},"x":[{"components":[{}]}]}`, arraySpan{}},
		{"not an array", `{"components":{"a":{}}}`, arraySpan{}},
		{"alias", `{"Components":[{}]}`, arraySpan{alias: true}},
		{"escaped name", `{"components\u0020":[],"compon\u0065nts":[{}]}`,
			arraySpan{open: 41, close: 44, objects: [][2]uint32{{42, 43}}}},
	}
	for _, tc := range tests {
		top, serr := scanJSON([]byte(tc.in), 0, 8, true)
		if serr != nil {
			t.Errorf("%s: scanJSON: %v", tc.name, serr.kind)
			continue
		}
		if diff := cmp.Diff(tc.want, top.comps, cmp.AllowUnexported(arraySpan{})); diff != "" {
			t.Errorf("%s: span (-want +got):\n%s", tc.name, diff)
		}
		if off, serr := scanJSON([]byte(tc.in), 0, 8, false); serr != nil || !cmp.Equal(off.comps, arraySpan{}, cmp.AllowUnexported(arraySpan{})) {
			t.Errorf("%s: recorded without locate", tc.name)
		}
	}
}
