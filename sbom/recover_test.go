package sbom_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/bangate/bangate/sbom"
)

// sentinels are the error kinds Decode may return.
var sentinels = []error{sbom.ErrEmpty, sbom.ErrUnknownFormat, sbom.ErrUnsupported, sbom.ErrTruncated,
	sbom.ErrTrailingData, sbom.ErrInvalidUTF8, sbom.ErrTooDeep, sbom.ErrTooManyComponents, sbom.ErrSyntax,
	sbom.ErrInvalid, sbom.ErrParserFailed}

// checkOutcome checks what Decode returned for any input: a document that
// satisfies the invariants, or a one-line *DecodeError naming the file and
// wrapping a sentinel (with a *PanicError when a parser panicked). It
// reports whether a parser panicked.
func checkOutcome(t *testing.T, name string, doc *sbom.Document, err error) (panicked bool) {
	t.Helper()
	if err == nil {
		if doc == nil || doc.Format == "" || doc.SpecVersion == "" {
			t.Fatalf("%s: document %+v without format or version", name, doc)
		}
		checkInvariants(t, doc)
		return false
	}
	var de *sbom.DecodeError
	if doc != nil || !errors.As(err, &de) {
		t.Fatalf("%s: Decode = %v, %T %v", name, doc, err, err)
	}
	known := false
	for _, s := range sentinels {
		known = known || errors.Is(err, s)
	}
	msg := err.Error()
	if !known || strings.ContainsAny(msg, "\n\r") || !strings.Contains(msg, name) {
		t.Fatalf("%s: bad error %q", name, msg)
	}
	if !errors.Is(err, sbom.ErrParserFailed) {
		return false
	}
	var pe *sbom.PanicError
	if !errors.As(err, &pe) || len(pe.Stack) == 0 || !strings.Contains(msg, "the parser failed on this input: "+pe.Error()) {
		t.Fatalf("%s: parser failure without its panic: %q", name, msg)
	}
	return true
}

// TestDecodeNullRegressions: the inputs that crashed the process. A null
// package made spdx/tools-golang dereference nil; now each input gives a
// document or an error that names the file, never a crash.
func TestDecodeNullRegressions(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, doc string }{
		{"spdx23-packages-null.json", `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","packages":[null]}`},
		{"spdx22-packages-null.json", `{"spdxVersion":"SPDX-2.2","SPDXID":"SPDXRef-DOCUMENT","packages":[null]}`},
		{"spdx-packages-null.yaml", "spdxVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\npackages:\n  - null\n"},
		{"cdx-components-null.json", `{"bomFormat":"CycloneDX","specVersion":"1.5","components":[null]}`},
		{"spdx3-graph-null.json", `{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[null]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := sbom.Decode([]byte(tc.doc), sbom.Options{Name: tc.name})
			if checkOutcome(t, tc.name, doc, err) {
				t.Logf("recovered: %v", err)
				if !strings.HasPrefix(err.Error(), "decode "+tc.name+": SPDX 2.") {
					t.Errorf("message does not start from the verdict: %q", err)
				}
			}
		})
	}
}

// jsonInputs are the real JSON and YAML documents of every JSON-based
// format, up to 24 kB (name → content, as JSON; isYAML marks those to
// turn back into YAML).
func jsonInputs(t *testing.T) (map[string][]byte, map[string]bool) {
	t.Helper()
	out, isYAML := map[string][]byte{}, map[string]bool{}
	var files []string
	for _, pattern := range []string{corpusDir + "/*", "testdata/spdx3/*.json", "testdata/*.json"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || len(data) > 24<<10 {
			continue
		}
		format, _, err := sbom.Identify(data)
		switch {
		case err != nil:
			continue
		case format == sbom.FormatSPDXYAML:
			j, err := yaml.YAMLToJSON(data)
			if err != nil {
				t.Fatal(err)
			}
			out[f], isYAML[f] = j, true
		case format == sbom.FormatCycloneDXJSON || format == sbom.FormatSPDXJSON || format == sbom.FormatSPDX3JSONLD:
			out[f] = data
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d JSON inputs", len(out))
	}
	return out, isYAML
}

// arrayPaths returns the generalised paths (indexes replaced by "*") of
// the arrays of a JSON value, each with the pointer of its first array.
func arrayPaths(v any) map[string]string {
	first := map[string]string{}
	var walk func(v any, p, g string)
	walk = func(v any, p, g string) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				tok := strings.NewReplacer("~", "~0", "/", "~1").Replace(k)
				walk(e, p+"/"+tok, g+"/"+tok)
			}
		case []any:
			if _, ok := first[g]; !ok {
				first[g] = p
			}
			for i, e := range x {
				walk(e, p+"/"+strconv.Itoa(i), g+"/*")
			}
		}
	}
	walk(v, "", "")
	return first
}

// insertNull returns a copy of the JSON value with null put first in the
// array at pointer p.
func insertNull(v any, p string) any {
	if p == "" {
		if list, ok := v.([]any); ok {
			return append([]any{nil}, list...)
		}
		return v
	}
	tok, rest, _ := strings.Cut(p[1:], "/")
	if rest != "" || strings.Contains(p[1:], "/") {
		rest = "/" + rest
	}
	tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
	switch x := v.(type) {
	case map[string]any:
		c := make(map[string]any, len(x))
		for k, e := range x {
			c[k] = e
		}
		c[tok] = insertNull(x[tok], rest)
		return c
	case []any:
		i, _ := strconv.Atoi(tok)
		c := append([]any(nil), x...)
		c[i] = insertNull(x[i], rest)
		return c
	}
	return v
}

// TestDecodeNullInEveryArray puts a null first in every kind of array of
// the real JSON, YAML and JSON-LD inputs (each array of each format once:
// the first file that has it) and decodes the result: no input crashes,
// every error names the file, and the SPDX 3 reader (ours) never panics.
// Panics recovered inside libraries are listed in the log.
func TestDecodeNullInEveryArray(t *testing.T) {
	t.Parallel()
	inputs, isYAML := jsonInputs(t)
	files := make([]string, 0, len(inputs))
	for f := range inputs {
		files = append(files, f)
	}
	sort.Strings(files)
	done := map[string]bool{}
	variants, recovered := 0, 0
	for _, f := range files {
		data := inputs[f]
		format, _, _ := sbom.Identify(data)
		if isYAML[f] {
			format = sbom.FormatSPDXYAML
		}
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		paths := arrayPaths(v)
		gs := make([]string, 0, len(paths))
		for g := range paths {
			gs = append(gs, g)
		}
		sort.Strings(gs)
		for _, g := range gs {
			if done[string(format)+g] {
				continue
			}
			done[string(format)+g] = true
			p := paths[g]
			mutated, err := json.Marshal(insertNull(v, p))
			if err != nil {
				t.Fatal(err)
			}
			if isYAML[f] {
				if mutated, err = yaml.JSONToYAML(mutated); err != nil {
					t.Fatal(err)
				}
			}
			variants++
			name := filepath.Base(f) + " null at " + p
			doc, err := sbom.Decode(mutated, sbom.Options{Name: name})
			if checkOutcome(t, name, doc, err) {
				recovered++
				var de *sbom.DecodeError
				if errors.As(err, &de) && de.Format == sbom.FormatSPDX3JSONLD {
					t.Errorf("the SPDX 3 reader panicked: %v", err)
				}
				t.Logf("library panic recovered: %v", err)
			}
		}
	}
	t.Logf("%d variants of %d files, %d library panics recovered", variants, len(inputs), recovered)
	if variants < 100 {
		t.Errorf("only %d variants", variants)
	}
}

// TestDecodeDeepNesting: 100,000 levels of nesting in every encoding fail
// with ErrTooDeep; with the depth limit lifted, they still end in an
// error (the parsers' own limits), never a crash.
func TestDecodeDeepNesting(t *testing.T) {
	t.Parallel()
	const depth = 100_000
	nest := func(open, close string) string {
		return strings.Repeat(open, depth) + strings.Repeat(close, depth)
	}
	arrays, elems := nest("[", "]"), nest("<a>", "</a>")
	tests := []struct{ name, doc string }{
		{"cdx.json", `{"bomFormat":"CycloneDX","specVersion":"1.5","components":[` + arrays + `]}`},
		{"spdx.json", `{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","packages":[` + arrays + `]}`},
		{"spdx3.json", `{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[` + arrays + `]}`},
		{"spdx3-object.json", `{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[` + nest(`{"a":`, "}") + `]}`},
		{"spdx.yaml", "spdxVersion: SPDX-2.3\nSPDXID: SPDXRef-DOCUMENT\npackages: " + arrays + "\n"},
		{"cdx.xml", `<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components>` + elems + `</components></bom>`},
		{"spdx.xml", `<Document><spdxVersion>SPDX-2.3</spdxVersion><packages>` + elems + `</packages></Document>`},
		{"spdx.rdf", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:spdx="http://spdx.org/rdf/terms#">` +
			`<spdx:SpdxDocument><spdx:specVersion>SPDX-2.3</spdx:specVersion>` + elems + `</spdx:SpdxDocument></rdf:RDF>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := sbom.Decode([]byte(tc.doc), sbom.Options{Name: tc.name})
			if doc != nil || !errors.Is(err, sbom.ErrTooDeep) {
				t.Errorf("Decode = %v, %v; want ErrTooDeep", doc, err)
			}
			doc, err = sbom.Decode([]byte(tc.doc), sbom.Options{Name: tc.name, MaxDepth: 4 * depth})
			if checkOutcome(t, tc.name, doc, err) {
				t.Logf("recovered: %v", err)
			}
		})
	}
}

// mutations returns deterministic variants of data: cut at five points,
// bytes flipped, a span deleted and a span doubled.
func mutations(data []byte, seed uint64) [][]byte {
	r := rand.New(rand.NewPCG(seed, 19))
	var out [][]byte
	for k := 1; k <= 5; k++ {
		out = append(out, data[:len(data)*k/6])
	}
	for k := 0; k < 5; k++ {
		m := bytes.Clone(data)
		for j := 0; j < 1+k%3; j++ {
			i := r.IntN(len(m))
			m[i] = "{}[]\",:<>/ \n0anull"[r.IntN(18)]
		}
		out = append(out, m)
	}
	for k := 0; k < 2; k++ {
		i := r.IntN(len(data))
		j := i + r.IntN(min(200, len(data)-i))
		out = append(out, append(bytes.Clone(data[:i]), data[j:]...))
		dup := append(bytes.Clone(data[:j]), data[i:]...)
		out = append(out, dup)
	}
	return out
}

// TestDecodeMutatedRealInputs decodes mutated copies of every real input of
// every format up to 24 kB (seeds of FuzzDecode, mutated the same way on
// every run): each gives a document or a well-formed error, and the SPDX 3 and
// SPDX XML readers never panic.
func TestDecodeMutatedRealInputs(t *testing.T) {
	t.Parallel()
	var files []string
	for _, pattern := range []string{corpusDir + "/*", "testdata/spdx3/*.json", "testdata/*.json"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	n, recovered := 0, 0
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil || len(data) > 24<<10 || filepath.Base(f) == "SOURCES.md" {
			continue
		}
		for k, m := range mutations(data, uint64(i)) {
			n++
			name := filepath.Base(f) + " mutation " + strconv.Itoa(k)
			doc, err := sbom.Decode(m, sbom.Options{Name: name})
			if checkOutcome(t, name, doc, err) {
				recovered++
				var de *sbom.DecodeError
				if errors.As(err, &de) && (de.Format == sbom.FormatSPDX3JSONLD || de.Format == sbom.FormatSPDXXML) {
					t.Errorf("our reader panicked: %v", err)
				}
				t.Logf("library panic recovered: %v", err)
			}
		}
	}
	t.Logf("%d mutations, %d library panics recovered", n, recovered)
	if n < 300 {
		t.Errorf("only %d mutations", n)
	}
}
