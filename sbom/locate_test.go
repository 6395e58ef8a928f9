package sbom_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/sbom"
)

// at is a Position in short.
func at(line, col int, exact bool) sbom.Position {
	return sbom.Position{Line: line, Column: col, Exact: exact}
}

const locateJSON = `{
  "bomFormat": "CycloneDX",
  "a/b": {"~x": 1},
  "components": [
    {"name": "kav-sdk",
     "supplier": {"name": "AO Kaspersky Lab"}},
    {"name": "Прага", "purl": "pkg:npm/x@1"},
    {"NAME": "folded"}
  ]
}
`

func TestLocateJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		ptr  string
		want sbom.Position
	}{
		{"", at(1, 1, true)},
		{"/bomFormat", at(2, 3, true)},
		{"/components", at(4, 3, true)},
		{"/components/0", at(5, 5, true)},
		{"/components/0/supplier/name", at(6, 19, true)},
		{"/components/1/purl", at(7, 23, true)}, // columns count runes, not bytes
		{"/components/2/name", at(8, 6, true)},  // names match as encoding/json matches them
		{"/a~1b/~0x", at(3, 11, true)},
		{"/components/0/supplier/email", at(6, 6, false)}, // missing: the deepest part present
		{"/components/9/name", at(4, 3, false)},
		{"/nothing/here", sbom.Position{}},
		{"no-slash", sbom.Position{}},
		{"/bad~2escape", sbom.Position{}},
	}
	ptrs := make([]string, len(tests))
	for i, tc := range tests {
		ptrs[i] = tc.ptr
	}
	got, err := sbom.LocateJSON([]byte(locateJSON), ptrs)
	if err != nil {
		t.Fatal(err)
	}
	for i, tc := range tests {
		if got[i] != tc.want {
			t.Errorf("%q: got %+v, want %+v", tc.ptr, got[i], tc.want)
		}
	}
	// A byte order mark is skipped and not counted as a column.
	bom := append([]byte{0xEF, 0xBB, 0xBF}, locateJSON...)
	if got, err := sbom.LocateJSON(bom, []string{"", "/bomFormat"}); err != nil || got[0] != at(1, 1, true) || got[1] != at(2, 3, true) {
		t.Errorf("with a BOM: %+v, %v", got, err)
	}
}

func TestLocateJSONBroken(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{``, `{"a": [1, 2`, `{"a" 1}`, `{"a": "x}`, `[1 2]`, `{"a": }`, `{"a": {"b": 1]}`} {
		got, err := sbom.LocateJSON([]byte(doc), []string{"/a/0", "/a/b"})
		if err == nil && doc != `{"a": {"b": 1]}` {
			t.Errorf("%q: no error", doc)
		}
		if err != nil && (!errors.Is(err, sbom.ErrSyntax) || strings.Contains(err.Error(), "\n")) {
			t.Errorf("%q: error %q does not wrap ErrSyntax in one line", doc, err)
		}
		if len(got) != 2 {
			t.Errorf("%q: %d positions for 2 pointers", doc, len(got))
		}
	}
	// What was found before the problem is kept.
	got, err := sbom.LocateJSON([]byte("{\"a\": [1,\n 2, ]"), []string{"/a/1"})
	if err == nil || got[0] != at(2, 2, true) {
		t.Errorf("found before the error: %+v, %v", got, err)
	}
}

const locateXML = `<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
  <metadata>
    <component type="application"><name>app</name></component>
  </metadata>
  <components>
    <component type="library">
      <name>kav-sdk</name>
      <supplier><name>AO Kaspersky Lab</name></supplier>
    </component>
    <!-- a comment -->
    <component type="library"><name>b</name><purl>pkg:npm/b@1</purl></component>
  </components>
</bom>
`

// An RDF document whose prefixes differ from the ones locators use.
const locateRDF = `<?xml version="1.0"?>
<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="http://spdx.org/rdf/terms#">
  <s:SpdxDocument r:about="#SPDXRef-DOCUMENT">
    <s:relationship><s:Relationship/></s:relationship>
    <s:relationship>
      <s:Relationship>
        <s:relatedSpdxElement>
          <s:Package r:about="#p"><s:supplier>Organization: ACME</s:supplier></s:Package>
        </s:relatedSpdxElement>
      </s:Relationship>
    </s:relationship>
  </s:SpdxDocument>
</r:RDF>
`

func TestLocateXML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		doc, ptr string
		want     sbom.Position
	}{
		{locateXML, "/bom", at(2, 1, true)},
		{locateXML, "/bom/metadata/component", at(4, 5, true)},
		{locateXML, "/bom/components/component[1]/supplier/name", at(9, 17, true)},
		{locateXML, "/bom/components/component[2]", at(12, 5, true)},
		{locateXML, "/bom/components/component[2]/purl", at(12, 45, true)},
		{locateXML, "/bom/components/component[2]/cpe", at(12, 5, false)},
		{locateXML, "/bom/components/component[3]", at(6, 3, false)},
		{locateXML, "/other", sbom.Position{}},
		{locateXML, "/bom/x[0]", sbom.Position{}},
		{locateXML, "bom", sbom.Position{}},
		{locateRDF, "/rdf:RDF/spdx:SpdxDocument[1]/spdx:relationship[2]/spdx:Relationship[1]/spdx:relatedSpdxElement[1]/spdx:Package[1]/spdx:supplier[1]",
			at(8, 35, true)},
		{locateRDF, "/rdf:RDF/spdx:SpdxDocument[1]/spdx:relationship[2]", at(5, 5, true)},
	}
	for _, tc := range tests {
		got, err := sbom.LocateXML([]byte(tc.doc), []string{tc.ptr})
		if err != nil {
			t.Fatalf("%q: %v", tc.ptr, err)
		}
		if got[0] != tc.want {
			t.Errorf("%q: got %+v, want %+v", tc.ptr, got[0], tc.want)
		}
	}
	for _, doc := range []string{"<bom><a", "<bom><!-- x", "<bom><![CDATA[", "<?xml", "<!DOCTYPE [ >"} {
		if _, err := sbom.LocateXML([]byte(doc), []string{"/bom/b"}); !errors.Is(err, sbom.ErrSyntax) {
			t.Errorf("%q: %v", doc, err)
		}
	}
}

const locateYAML = `spdxVersion: SPDX-2.3
creationInfo:
  creators:
    - "Tool: x"
    - "Organization: ACME"
packages:
  - name: a
    supplier: "Organization: Kaspersky Lab"
  - &p
    name: b
    "externalRefs":
      - referenceLocator: pkg:npm/b@1
`

func TestLocateYAML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		ptr  string
		want sbom.Position
	}{
		{"", at(1, 1, true)},
		{"/creationInfo/creators/1", at(5, 7, true)},
		{"/packages/0/supplier", at(8, 5, true)},
		{"/packages/1", at(9, 5, true)}, // an item is placed where it starts: its anchor
		{"/packages/1/externalRefs/0/referenceLocator", at(12, 9, true)},
		{"/packages/1/purl", at(9, 5, false)},
		{"/packages/01", at(6, 1, false)},
		{"/none", sbom.Position{}},
	}
	ptrs := make([]string, len(tests))
	for i, tc := range tests {
		ptrs[i] = tc.ptr
	}
	got, err := sbom.LocateYAML([]byte(locateYAML), ptrs)
	if err != nil {
		t.Fatal(err)
	}
	for i, tc := range tests {
		if got[i] != tc.want {
			t.Errorf("%q: got %+v, want %+v", tc.ptr, got[i], tc.want)
		}
	}
	if _, err := sbom.LocateYAML([]byte("a: [1, 2\nb: c"), []string{"/a"}); !errors.Is(err, sbom.ErrSyntax) {
		t.Errorf("malformed YAML: %v", err)
	}
}

func TestLocateLines(t *testing.T) {
	t.Parallel()
	doc := []byte("SPDXVersion: SPDX-2.3\nPackageName: a\nPackageSupplier: Organization: ACME\n")
	got, err := sbom.LocateLines(doc, []string{"line 3", "line 2/purl", "line 4", "line 0", "line x", "/packages/0"})
	if err != nil {
		t.Fatal(err)
	}
	want := []sbom.Position{at(3, 1, true), at(2, 1, false), {}, {}, {}, {}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestLocateByFormat(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		f    sbom.Format
		doc  string
		ptr  string
		line int
	}{
		{sbom.FormatCycloneDXJSON, locateJSON, "/components/1", 7},
		{sbom.FormatSPDXJSON, locateJSON, "/components/1", 7},
		{sbom.FormatCycloneDXXML, locateXML, "/bom/components/component[2]", 12},
		{sbom.FormatSPDXRDF, locateRDF, "/rdf:RDF/spdx:SpdxDocument[1]", 3},
		{sbom.FormatSPDXYAML, locateYAML, "/packages/1", 9},
		{sbom.FormatSPDXTagValue, "A: b\nC: d\n", "line 2", 2},
		{"spdx-3-json", locateJSON, "/components/1", 7}, // a later format, by its encoding
	} {
		got, err := sbom.Locate([]byte(tc.doc), tc.f, []string{tc.ptr})
		if err != nil || got[0].Line != tc.line || !got[0].Exact {
			t.Errorf("%s %q: %+v, %v; want line %d", tc.f, tc.ptr, got, err, tc.line)
		}
	}
	if got, err := sbom.Locate([]byte("x"), "csv", []string{"/a"}); !errors.Is(err, sbom.ErrUnknownFormat) || len(got) != 1 {
		t.Errorf("unknown format: %v, %v", got, err)
	}
}

// offsetAt turns a position back into a byte offset.
func offsetAt(data []byte, p sbom.Position) int {
	off := 0
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		off = 3
	}
	for line := 1; line < p.Line; line++ {
		nl := bytes.IndexByte(data[off:], '\n')
		if nl < 0 {
			return -1
		}
		off += nl + 1
	}
	for col := 1; col < p.Column && off < len(data); col++ {
		_, n := utf8.DecodeRune(data[off:])
		off += n
	}
	return off
}

// documentPointers lists every pointer a decoded document holds.
func documentPointers(doc *sbom.Document) []string {
	var out []string
	comp := func(c *sbom.Component) {
		out = append(out, c.Pointer)
		if c.CopyrightPointer != "" {
			out = append(out, c.CopyrightPointer)
		}
		for _, p := range c.Parties {
			out = append(out, p.Pointer)
		}
		for _, r := range c.ExternalRefs {
			if r.Pointer != "" {
				out = append(out, r.Pointer)
			}
		}
	}
	if doc.Subject != nil {
		comp(doc.Subject)
	}
	for _, p := range doc.Parties {
		out = append(out, p.Pointer)
	}
	for i := range doc.Components {
		comp(&doc.Components[i])
	}
	return out
}

// checkPlace checks that the text at a position is what the pointer's
// last step names: a member name, an element's start tag, a YAML key, a
// tag-value line.
func checkPlace(data []byte, f sbom.Format, ptr string, p sbom.Position) error {
	off := offsetAt(data, p)
	if off < 0 || off >= len(data) {
		return fmt.Errorf("position %+v is outside the file", p)
	}
	rest := string(data[off:min(off+200, len(data))])
	last := ptr[strings.LastIndexByte(ptr, '/')+1:]
	isIndex := strings.Trim(last, "0123456789") == ""
	switch f {
	case sbom.FormatCycloneDXJSON, sbom.FormatSPDXJSON:
		if !isIndex && !strings.HasPrefix(strings.ToLower(rest), strings.ToLower(`"`+last+`"`)) {
			return fmt.Errorf("at %+v: %.40q, want member %q", p, rest, last)
		}
	case sbom.FormatCycloneDXXML, sbom.FormatSPDXRDF:
		name, _, _ := strings.Cut(last, "[")
		if _, local, ok := strings.Cut(name, ":"); ok {
			name = local
		}
		tag, _, _ := strings.Cut(rest[1:], ">")
		tag, _, _ = strings.Cut(tag, " ")
		if _, local, ok := strings.Cut(tag, ":"); ok {
			tag = local
		}
		if rest[0] != '<' || strings.TrimSuffix(tag, "/") != name {
			return fmt.Errorf("at %+v: %.40q, want element %q", p, rest, name)
		}
	case sbom.FormatSPDXYAML:
		if !isIndex && !strings.HasPrefix(strings.Trim(rest, `"'`), last) {
			return fmt.Errorf("at %+v: %.40q, want key %q", p, rest, last)
		}
	case sbom.FormatSPDXTagValue:
		if tag, _, ok := strings.Cut(rest, ":"); !ok || strings.ContainsAny(tag, " \n") || p.Column != 1 {
			return fmt.Errorf("at %+v: %.40q, want a tag", p, rest)
		}
	}
	return nil
}

// Every pointer the decoder writes for the real SBOMs of the corpus and
// the examples is placed exactly, on the field it names.
func TestLocateCorpus(t *testing.T) {
	t.Parallel()
	var files []string
	for _, dir := range []string{corpusDir, filepath.Join("..", "examples", "sbom")} {
		m, err := filepath.Glob(filepath.Join(dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	located, derived := 0, 0
	for _, file := range files {
		if info, err := os.Stat(file); err != nil || info.IsDir() || strings.HasSuffix(file, ".md") {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := sbom.Decode(data, sbom.Options{Name: file})
		if err != nil {
			continue // unsupported or deliberately broken inputs
		}
		ptrs := documentPointers(doc)
		got, err := sbom.Locate(data, doc.Format, ptrs)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		for i, p := range got {
			if !p.Exact || p.Line < 1 || p.Column < 1 {
				t.Errorf("%s: %q placed at %+v", file, ptrs[i], p)
				continue
			}
			if err := checkPlace(data, doc.Format, ptrs[i], p); err != nil {
				t.Errorf("%s: %q: %v", file, ptrs[i], err)
			}
		}
		located += len(ptrs)
		derived += derivedPlaced(t, file, data, doc)
	}
	if located < 1000 || derived < 100 {
		t.Errorf("located only %d pointers in the corpus, %d derived ones", located, derived)
	}
}

// In SPDX a purl and the CPEs are external references: the pointers
// bangate derives for them ("<package>/purl", "/cpe", "/cpes/N") are
// placed on the reference, in every SPDX encoding but RDF.
func TestLocateSPDXDerived(t *testing.T) {
	t.Parallel()
	const doc = `{"spdxVersion": "SPDX-2.3",
 "packages": [
  {"name": "a",
   "externalRefs": [
    {"referenceCategory": "SECURITY", "referenceType": "cpe23Type", "referenceLocator": "cpe:2.3:a:x:a:1:*:*:*:*:*:*:*"},
    {"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/a@1"},
    {"referenceCategory": "SECURITY", "referenceType": "cpe22Type", "referenceLocator": "cpe:/a:x:a:1"}
   ]},
  {"name": "b"}
 ]}
`
	ptrs := []string{"/packages/0/purl", "/packages/0/cpes/0", "/packages/0/cpes/1", "/packages/0/cpes/2", "/packages/1/purl", "/packages/0/name"}
	got, err := sbom.Locate([]byte(doc), sbom.FormatSPDXJSON, ptrs)
	if err != nil {
		t.Fatal(err)
	}
	want := []sbom.Position{at(6, 71, true), at(5, 69, true), at(7, 69, true), at(3, 3, false), at(9, 3, false), at(3, 4, true)}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("JSON (-want +got):\n%s", d)
	}
	const yamlDoc = `packages:
  - name: a
    externalRefs:
      - referenceType: purl
        referenceLocator: pkg:npm/a@1
      - referenceType: cpe23Type
        referenceLocator: "cpe:2.3:a:x:a:1:*:*:*:*:*:*:*"
`
	got, err = sbom.Locate([]byte(yamlDoc), sbom.FormatSPDXYAML, []string{"/packages/0/purl", "/packages/0/cpe", "/packages/0/cpes/1"})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]sbom.Position{at(5, 9, true), at(7, 9, true), at(2, 5, false)}, got); d != "" {
		t.Errorf("YAML (-want +got):\n%s", d)
	}
	data, err := os.ReadFile(filepath.Join("..", "examples", "sbom", "kaspersky.spdx"))
	if err != nil {
		t.Fatal(err)
	}
	got, err = sbom.Locate(data, sbom.FormatSPDXTagValue, []string{"line 17/cpe", "line 17/name", "line 10/cpe", "line 17/purl"})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]sbom.Position{at(23, 1, true), at(17, 1, true), at(10, 1, false), at(17, 1, false)}, got); d != "" {
		t.Errorf("tag-value (-want +got):\n%s", d)
	}
}

// derivedPlaced checks, for an SPDX document but RDF, that the pointers
// bangate derives for each package's purl and CPEs are placed on the
// external reference that holds them.
func derivedPlaced(t *testing.T, file string, data []byte, doc *sbom.Document) int {
	t.Helper()
	switch doc.Format {
	case sbom.FormatSPDXJSON, sbom.FormatSPDXYAML, sbom.FormatSPDXTagValue:
	default:
		return 0
	}
	var ptrs, values []string
	for _, c := range doc.Components {
		if c.PURL != "" {
			ptrs, values = append(ptrs, c.Pointer+"/purl"), append(values, c.PURL)
		}
		for i, cpe := range c.CPEs {
			p := c.Pointer + "/cpe"
			if len(c.CPEs) > 1 {
				p = c.Pointer + "/cpes/" + fmt.Sprint(i)
			}
			ptrs, values = append(ptrs, p), append(values, cpe)
		}
	}
	got, err := sbom.Locate(data, doc.Format, ptrs)
	if err != nil {
		t.Errorf("%s: %v", file, err)
		return 0
	}
	lines := strings.Split(string(data), "\n")
	for i, p := range got {
		if !p.Exact {
			t.Errorf("%s: %q placed at %+v", file, ptrs[i], p)
			continue
		}
		line := lines[p.Line-1]
		want := "referenceLocator"
		if doc.Format == sbom.FormatSPDXTagValue {
			want = "ExternalRef:"
		}
		if !strings.Contains(line, want) || (doc.Format == sbom.FormatSPDXTagValue && !strings.Contains(line, values[i])) {
			t.Errorf("%s: %q placed on line %d %q, want the reference to %s", file, ptrs[i], p.Line, line, values[i])
		}
	}
	return len(ptrs)
}

// The true lines of the example findings (see examples/README.md).
func TestLocateExamples(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file, ptr string
		want      sbom.Position
	}{
		{"kaspersky.cdx.json", "/components/0/supplier/name", at(12, 19, true)},
		{"kaspersky.cdx.json", "/components/1/purl", at(15, 6, true)},
		{"kaspersky.cdx.json", "/components/2/cpe", at(17, 6, true)},
		{"kaspersky.cdx.json", "/components/3/authors/0/name", at(19, 19, true)},
		{"kaspersky.spdx", "line 20", at(20, 1, true)},
		{"kaspersky.spdx", "line 17/cpe", at(23, 1, true)},
		{"huawei-subsidiary.spdx.json", "/packages/1/supplier", at(15, 6, true)},
		{"huawei-subsidiary.spdx.json", "/packages/1/purl", at(17, 24, true)},
	} {
		data, err := os.ReadFile(filepath.Join("..", "examples", "sbom", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		f, _, err := sbom.Identify(data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := sbom.Locate(data, f, []string{tc.ptr})
		if err != nil || got[0] != tc.want {
			t.Errorf("%s %q: %+v, %v; want %+v", tc.file, tc.ptr, got, err, tc.want)
		}
	}
}

// FuzzLocate checks that Locate never panics and places only inside the
// file, and that every pointer the decoder writes for a document it
// accepts is placed exactly.
func FuzzLocate(f *testing.F) {
	addCorpusSeeds(f)
	for _, s := range []string{locateJSON, locateXML, locateRDF, locateYAML} {
		f.Add([]byte(s))
	}
	formats := []sbom.Format{sbom.FormatCycloneDXJSON, sbom.FormatCycloneDXXML, sbom.FormatSPDXYAML, sbom.FormatSPDXTagValue}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte{'\n'}) + 1
		check := func(ptrs []string, got []sbom.Position) {
			if len(got) != len(ptrs) {
				t.Fatalf("%d positions for %d pointers", len(got), len(ptrs))
			}
			for i, p := range got {
				if p.Line < 0 || p.Line > lines || (p.Line > 0) != (p.Column > 0) || (p.Exact && p.Line == 0) {
					t.Fatalf("%q placed at %+v in %d lines", ptrs[i], p, lines)
				}
			}
		}
		probe := []string{"", "/bom", "/components/0/name", "/packages/0/supplier", "/bom/components/component[1]", "line 1", "/a~1b/~0"}
		for _, f := range formats {
			got, _ := sbom.Locate(data, f, probe)
			check(probe, got)
		}
		doc, err := sbom.Decode(data, sbom.Options{Name: "fuzz"})
		if err != nil {
			return
		}
		ptrs := documentPointers(doc)
		got, err := sbom.Locate(data, doc.Format, ptrs)
		if err != nil {
			t.Fatalf("a document Decode accepts does not locate: %v", err)
		}
		check(ptrs, got)
		for i, p := range got {
			// A pointer into a wrapper's encoded payload or string
			// predicate ("/payload: …") is placed on the wrapper's field,
			// inexactly; every other decoder pointer exactly.
			if inner := strings.Contains(ptrs[i], ": "); (!inner && !p.Exact) || p.Line < 1 {
				t.Fatalf("%s: decoder pointer %q placed at %+v", doc.Format, ptrs[i], p)
			}
		}
	})
}
