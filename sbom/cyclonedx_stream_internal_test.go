package sbom

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	cdx "github.com/CycloneDX/cyclonedx-go"

	"github.com/bangate/bangate/internal/corpustest"
)

func TestMain(m *testing.M) { corpustest.Main(m) }

// sameDecode decodes data with the streaming decoder and with encoding/json
// alone, sequentially and split between workers, and fails when any result
// (document or error) differs. It reports whether the streaming decoder
// read the text on its own, without falling back.
func sameDecode(t *testing.T, name string, data []byte) bool {
	t.Helper()
	want, werr := Decode(data, Options{Name: name, fullDecoder: true})
	got, gerr := Decode(data, Options{Name: name})
	compareDecode(t, name, "streaming", want, werr, got, gerr)
	sameEach(t, name, data, want, werr)
	s, err := sniff(data, Options{Name: name}, true)
	if err != nil || s.format != FormatCycloneDXJSON || checkKeys(&s, Options{Name: name}, nil) != nil {
		return false
	}
	// Split into parts of one component, on two workers.
	split, serr := decodeCDXJSON(s, Options{Name: name}, 1, 2)
	if s.wrap == nil {
		compareDecode(t, name, "streaming, split", want, werr, split, finishErr(serr, &s))
	}
	_, ok := streamCDXBOM(s.body)
	return ok
}

// finishErr is finishError for a nil error too.
func finishErr(err error, s *sniffed) error {
	if err == nil {
		return nil
	}
	return finishError(err, s)
}

// compareDecode fails when two results differ.
func compareDecode(t *testing.T, name, how string, want *Document, werr error, got *Document, gerr error) {
	t.Helper()
	if fmt.Sprint(werr) != fmt.Sprint(gerr) {
		t.Errorf("%s (%s): error %v, encoding/json gives %v", name, how, gerr, werr)
		return
	}
	if !reflect.DeepEqual(want, got) {
		t.Errorf("%s (%s): document differs from encoding/json's:\n%s", name, how, firstDiff(want, got))
	}
}

// firstDiff describes where two documents first differ.
func firstDiff(a, b *Document) string {
	if a == nil || b == nil {
		return fmt.Sprintf("%v vs %v", a == nil, b == nil)
	}
	if len(a.Components) != len(b.Components) {
		return fmt.Sprintf("%d components vs %d", len(a.Components), len(b.Components))
	}
	for i := range a.Components {
		if !reflect.DeepEqual(a.Components[i], b.Components[i]) {
			return fmt.Sprintf("component %d:\n%+v\n%+v", i, a.Components[i], b.Components[i])
		}
	}
	return fmt.Sprintf("%+v\n%+v", *a, *b)
}

// streamFiles returns the SBOMs of the repository outside the wild
// corpus: testdata/sboms (and bad/), this package's testdata and the
// examples.
func streamFiles(t *testing.T) []string {
	t.Helper()
	return streamFilesF(t)
}

// streamFilesF is streamFiles for a test or a fuzz target.
func streamFilesF(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, root := range []string{"../testdata/sboms", "testdata", "../examples"} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".go") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// TestStreamSameAsFull checks that the streaming decoder gives what
// encoding/json gives on every SBOM of the repository: the same
// components, fields, pointers, warnings and errors.
func TestStreamSameAsFull(t *testing.T) {
	streamed, cdxJSON := 0, 0
	for _, p := range streamFiles(t) {
		data, err := os.ReadFile(p)
		if err != nil || len(data) > 64<<20 {
			continue
		}
		if sameDecode(t, p, data) {
			streamed++
		}
		if s, err := sniff(data, Options{}, true); err == nil && s.format == FormatCycloneDXJSON {
			cdxJSON++
		}
	}
	t.Logf("%d CycloneDX JSON texts, %d read by the streaming decoder alone", cdxJSON, streamed)
	if streamed == 0 || streamed*2 < cdxJSON {
		t.Errorf("the streaming decoder read %d of %d CycloneDX JSON texts on its own", streamed, cdxJSON)
	}
}

// TestStreamSameAsFullWild is TestStreamSameAsFull over the wild corpus
// (testdata/wild), which takes seconds to extract.
func TestStreamSameAsFullWild(t *testing.T) {
	if testing.Short() {
		t.Skip("the wild corpus takes seconds to extract")
	}
	streamed, cdxJSON := 0, 0
	for _, f := range corpustest.Load(t).Files {
		data, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if sameDecode(t, f.Name, data) {
			streamed++
		}
		if s, err := sniff(data, Options{}, true); err == nil && s.format == FormatCycloneDXJSON {
			cdxJSON++
		}
	}
	t.Logf("%d CycloneDX JSON texts, %d read by the streaming decoder alone", cdxJSON, streamed)
	if streamed*10 < cdxJSON*9 {
		t.Errorf("the streaming decoder read %d of %d CycloneDX JSON texts on its own", streamed, cdxJSON)
	}
}

// TestStreamCases checks hand-made texts where the two decoders could
// part: names equal up to case, values of the wrong kind in screened and
// unscreened members, nulls, escapes, fields cyclonedx-go decodes itself.
func TestStreamCases(t *testing.T) {
	const head = `{"bomFormat":"CycloneDX","specVersion":"1.5",`
	cases := []struct {
		name, text string
		streams    bool // the streaming decoder reads it on its own
	}{
		{"plain", head + `"components":[{"type":"library","name":"a","supplier":{"name":"S","url":["u",""],"contact":[{"name":"P","email":"e"}]}}]}`, true},
		{"nulls", head + `"metadata":null,"components":[null,{"name":null,"supplier":null,"authors":null,"hashes":[null],"licenses":null}],"dependencies":null}`, true},
		{"empty dependencies", head + `"components":[],"dependencies":[]}`, true},
		{"escaped", head + `"components":[{"name":"\u0041\n","publisher":"\ud83d\ude00 Co"}]}`, true},
		{"name up to case", head + `"components":[{"Name":"a"}]}`, false},
		{"folded name", head + `"components":[{"ſupplier":{"name":"x"}}]}`, false},
		{"unknown member", head + `"components":[{"name":"a","x-vendor":{"deep":[1,2,{"a":null}]}}]}`, true},
		{"number in screened string", head + `"components":[{"name":5}]}`, false},
		{"number in unscreened string", head + `"components":[{"name":"a","description":5}]}`, false},
		{"object in unscreened bool", head + `"components":[{"name":"a","modified":{}}]}`, false},
		{"unscreened struct", head + `"components":[{"name":"a","swid":{"tagId":"t","name":"n"}}]}`, true},
		{"bad unscreened struct", head + `"components":[{"name":"a","swid":{"tagId":1}}]}`, false},
		{"version not a number", head + `"version":"1","components":[]}`, false},
		{"unknown spec version", `{"bomFormat":"CycloneDX","specVersion":"9.9","components":[]}`, false},
		{"legacy tools", head + `"metadata":{"tools":[{"vendor":"V","name":"t"}]},"components":[]}`, true},
		{"tools object", head + `"metadata":{"tools":{"components":[{"name":"t","supplier":{"name":"S"}}]}},"components":[]}`, true},
		{"evidence", head + `"components":[{"name":"a","evidence":{"identity":[{"field":"purl","concludedValue":"pkg:npm/a"}]}}]}`, true},
		{"pedigree", head + `"components":[{"name":"a","pedigree":{"ancestors":[{"name":"b","publisher":"P"}],"commits":[{"author":{"name":"X"}}]}}]}`, true},
		{"services", head + `"services":[{"name":"s","provider":{"name":"P"},"endpoints":["https://x"]}],"components":[]}`, true},
		{"nested", head + `"components":[{"name":"a","bom-ref":"r","components":[{"name":"b","bom-ref":"r"}]}]}`, true},
		{"licenses", head + `"components":[{"name":"a","licenses":[{"license":{"id":"MIT","url":"u"}},{"expression":"A OR B"},{"license":{"name":"N","text":{"content":"t"}}}]}]}`, true},
		{"array for object", head + `"components":[{"name":"a","supplier":[]}]}`, false},
		{"string for array", head + `"components":"x"}`, false},
		{"dependsOn not strings", head + `"components":[{"name":"a","bom-ref":"a"}],"dependencies":[{"ref":"a","dependsOn":[5]}]}`, false},
		{"ref not a string", head + `"components":[{"name":"a","bom-ref":"a"}],"dependencies":[{"ref":{},"dependsOn":[]}]}`, false},
		{"dependencies", head + `"components":[{"name":"a","bom-ref":"a"}],"dependencies":[{"ref":"a","dependsOn":["b",null]},{"ref":"b"}]}`, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := sameDecode(t, tc.name, []byte(tc.text)); got != tc.streams {
				t.Errorf("streaming decoder read it alone: %v, want %v", got, tc.streams)
			}
		})
	}
}

// TestStreamSchemas checks what the streaming decoder assumes of
// cyclonedx-go's types: no embedded struct (whose members it would not
// list), and a bare string in every member it reads as a string.
func TestStreamSchemas(t *testing.T) {
	for typ := range cdxSchemas() {
		for i := range typ.NumField() {
			if typ.Field(i).Anonymous {
				t.Errorf("%s embeds %s", typ, typ.Field(i).Name)
			}
		}
	}
	strs := map[any][]string{
		cdx.BOM{}:                   {"bomFormat"},
		cdx.Component{}:             {"bom-ref", "type", "name", "version", "group", "purl", "cpe", "author", "publisher", "copyright"},
		cdx.OrganizationalEntity{}:  {"name", "url"},
		cdx.OrganizationalContact{}: {"name", "email"},
		cdx.Hash{}:                  {"alg", "content"},
		cdx.LicenseChoice{}:         {"expression"},
		cdx.License{}:               {"id", "name"},
		cdx.Property{}:              {"name", "value"},
		cdx.ExternalReference{}:     {"url", "type"},
		cdx.Dependency{}:            {"ref", "dependsOn"},
	}
	for v, names := range strs {
		sch := cdxSchemas()[reflect.TypeOf(v)]
		for _, n := range names {
			f, ok := sch.fields[n]
			if !ok {
				t.Errorf("%T has no member %q", v, n)
				continue
			}
			base := f.typ
			for base.Kind() == reflect.Pointer || base.Kind() == reflect.Slice {
				base = base.Elem()
			}
			if base.Kind() != reflect.String || custom(base) || custom(f.typ) {
				t.Errorf("%T member %q is %s, not a bare string", v, n, f.typ)
			}
		}
	}
}

// maxStreamSeed bounds the seeds: the fuzzer stalls on large ones.
const maxStreamSeed = 16 << 10

// FuzzStreamSameAsFull mutates CycloneDX JSON texts and checks that the
// streaming decoder and encoding/json give the same result.
func FuzzStreamSameAsFull(f *testing.F) {
	for _, p := range streamFilesF(f) {
		data, err := os.ReadFile(p)
		if err != nil || len(data) > maxStreamSeed {
			continue
		}
		if s, err := sniff(data, Options{}, true); err == nil && s.format == FormatCycloneDXJSON {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"Name":"a","supplier":{"name":"S"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameDecode(t, "fuzz", data)
	})
}

// BenchmarkStreamDecode decodes a generated CycloneDX JSON text of 10,000
// components shaped like syft's output, with the streaming decoder and with
// encoding/json alone.
func BenchmarkStreamDecode(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"components":[`)
	for i := range 10000 {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, `{"type":"library","bom-ref":"pkg:npm/lib-%d@1.%d.0","name":"lib-%d","version":"1.%d.0","purl":"pkg:npm/lib-%d@1.%d.0",`+
			`"supplier":{"name":"Org %d Ltd","url":["https://org%d.example.com"]},"author":"Jane Doe %d","publisher":"Org %d Ltd",`+
			`"description":"A library","scope":"required","hashes":[{"alg":"SHA-256","content":"%064d"}],`+
			`"licenses":[{"license":{"id":"MIT"}}],"externalReferences":[{"type":"vcs","url":"https://git.example/lib-%d"}]}`,
			i, i%50, i, i%50, i, i%50, i%3000, i%3000, i%700, i%3000, i, i)
	}
	sb.WriteString(`]}`)
	data := []byte(sb.String())
	for _, how := range []struct {
		name string
		full bool
	}{{"stream", false}, {"encoding-json", true}} {
		b.Run(how.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(data, Options{fullDecoder: how.full}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
