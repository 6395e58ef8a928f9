package sbom

import (
	"encoding"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/google/go-cmp/cmp"
)

// splitCorpusDir holds the real SBOMs shared with the CLI tests.
const splitCorpusDir = "../testdata/sboms"

// genCDXJSON returns a CycloneDX JSON text of n top-level components with
// nested components, duplicate and missing refs, unnamed components, bad
// purls and CPEs, metadata before the components and services and
// dependencies after them; indent pretty-prints it.
func genCDXJSON(t testing.TB, n int, indent bool) []byte {
	t.Helper()
	comps := make([]cdx.Component, n)
	deps := make([]cdx.Dependency, 0, n)
	for i := range comps {
		c := cdx.Component{Type: cdx.ComponentTypeLibrary, Name: "c" + strconv.Itoa(i), Version: "1." + strconv.Itoa(i%9),
			PackageURL: "pkg:npm/c" + strconv.Itoa(i) + "@1", Supplier: &cdx.OrganizationalEntity{Name: "Vendor " + strconv.Itoa(i%300)}}
		switch {
		case i%7 == 0:
			c.BOMRef = "ref-" + strconv.Itoa(i%500) // repeats far apart
		case i%11 == 0:
			c.Name = ""
		case i%13 == 0:
			c.PackageURL = "not a purl"
		case i%17 == 0:
			c.Components = &[]cdx.Component{{BOMRef: "ref-3", Name: "n\u00e9sted \"q\" {[,]}"}, {Name: "", CPE: "cpe:bad"}}
		default:
			c.BOMRef = "bom-" + strconv.Itoa(i)
			deps = append(deps, cdx.Dependency{Ref: c.BOMRef, Dependencies: &[]string{"ref-0"}})
		}
		comps[i] = c
	}
	bom := cdx.BOM{
		BOMFormat: "CycloneDX", SpecVersion: cdx.SpecVersion1_6, Version: 1,
		Metadata: &cdx.Metadata{
			Supplier:  &cdx.OrganizationalEntity{Name: "Acme"},
			Component: &cdx.Component{BOMRef: "ref-0", Name: "app", Components: &[]cdx.Component{{Name: "sub"}}},
		},
		Components:   &comps,
		Services:     &[]cdx.Service{{Name: "api", Services: &[]cdx.Service{{Name: "db"}}}},
		Dependencies: &deps,
	}
	var data []byte
	var err error
	if indent {
		data, err = json.MarshalIndent(bom, "", "\t")
	} else {
		data, err = json.Marshal(bom)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// splitInputs returns the CycloneDX JSON files of the corpus and two
// generated SBOMs large enough for the parallel conversion too.
func splitInputs(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(splitCorpusDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	in := map[string][]byte{
		"generated": genCDXJSON(t, parallelMin+300, false),
		"indented":  genCDXJSON(t, parallelMin+300, true),
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue // a directory
		}
		if format, _, err := Identify(data); err == nil && format == FormatCycloneDXJSON {
			in[filepath.Base(f)] = data
		}
	}
	if len(in) < 12 {
		t.Fatalf("only %d CycloneDX JSON inputs", len(in))
	}
	return in
}

// TestUnmarshalSplitMatchesSequential checks that the split decode of
// every CycloneDX JSON input gives the BOM and the Document of the
// sequential decode, with two and three workers.
func TestUnmarshalSplitMatchesSequential(t *testing.T) {
	t.Parallel()
	for name, data := range splitInputs(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s, err := sniff(data, Options{Name: name}, true)
			if err != nil {
				t.Fatal(err)
			}
			var seq cdx.BOM
			if err := json.Unmarshal(s.body, &seq); err != nil {
				t.Fatal(err)
			}
			want, err := decodeCDXJSON(s, Options{Name: name}, math.MaxInt, 1)
			if err != nil {
				t.Fatal(err)
			}
			for _, workers := range []int{2, 3} {
				bom, ok := unmarshalSplit(s.body, &s.json.comps, 1, workers, DefaultMaxDepth)
				if wantOK := seq.Components != nil && len(*seq.Components) > 0; ok != wantOK {
					t.Fatalf("workers %d: split = %v, want %v", workers, ok, wantOK)
				}
				if ok && !reflect.DeepEqual(bom, &seq) {
					t.Errorf("workers %d: split BOM differs from json.Unmarshal", workers)
				}
				got, err := decodeCDXJSON(s, Options{Name: name}, 1, workers)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("workers %d: document differs (-sequential +split):\n%s", workers, diff)
				}
			}
		})
	}
}

// TestUnmarshalSplitFallsBack checks which documents the split decode
// declines, and that Decode then gives exactly the sequential error or
// document.
func TestUnmarshalSplitFallsBack(t *testing.T) {
	t.Parallel()
	const head = `{"bomFormat":"CycloneDX","specVersion":"1.6",`
	tests := []struct {
		name   string
		in     string
		split  bool  // splittable: the split decode is attempted
		errIs  error // nil: both decodes succeed
		depth  int
		worker int
	}{
		{"plain", head + `"components":[{"name":"a"},{"name":"b"}]}`, true, nil, 0, 2},
		{"white space", head + `"components": [ {"name":"a"} ,` + "\n\t" + `{"name":"b"}` + "\r\n" + ` ] }`, true, nil, 0, 2},
		{"escaped member name", head + `"compon\u0065nts":[{"name":"a"}]}`, true, nil, 0, 2},
		{"components first", `{"components":[{"name":"a"}],"bomFormat":"CycloneDX","specVersion":"1.6"}`, true, nil, 0, 2},
		{"one worker", head + `"components":[{"name":"a"}]}`, false, nil, 0, 1},
		{"depth beyond encoding/json", head + `"components":[{"name":"a"}]}`, false, nil, jsonMaxNesting + 1, 2},
		{"empty array", head + `"components":[]}`, false, nil, 0, 2},
		{"null array", head + `"components":null}`, false, nil, 0, 2},
		{"null element", head + `"components":[{"name":"a"},null]}`, false, nil, 0, 2},
		{"string element", head + `"components":[{"name":"a"},"x"]}`, false, ErrInvalid, 0, 2},
		{"number element", head + `"components":[{"name":"a"},1]}`, false, ErrInvalid, 0, 2},
		{"array element", head + `"components":[{"name":"a"},[]]}`, false, ErrInvalid, 0, 2},
		{"missing comma", head + `"components":[{"name":"a"} {"name":"b"}]}`, false, ErrSyntax, 0, 2},
		{"double comma", head + `"components":[{"name":"a"},,{"name":"b"}]}`, false, ErrSyntax, 0, 2},
		{"leading comma", head + `"components":[,{"name":"a"}]}`, false, ErrSyntax, 0, 2},
		{"trailing comma", head + `"components":[{"name":"a"},]}`, false, ErrSyntax, 0, 2},
		{"wrong type in a component", head + `"components":[{"name":"a"},{"name":5}]}`, true, ErrInvalid, 0, 2},
		{"bad literal in a component", head + `"components":[{"name":"a"},{"name":tru}]}`, true, ErrSyntax, 0, 2},
		{"bad literal in the rest", head + `"components":[{"name":"a"}],"version":tru}`, true, ErrSyntax, 0, 2},
		{"wrong type in the rest", head + `"components":[{"name":"a"}],"dependencies":[{"ref":1}]}`, true, ErrInvalid, 0, 2},
		{"alias after", head + `"components":[{"name":"a"}],"Components":[{"name":"z"}]}`, false, nil, 0, 2},
		{"alias before", head + `"COMPONENTS":[{"name":"z"}],"components":[{"name":"a"}]}`, false, nil, 0, 2},
		{"alias by Unicode folding", head + `"components":[{"name":"a"}],"component\u017f":null}`, false, nil, 0, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			opts := Options{Name: "x.json", MaxDepth: tc.depth}
			s, err := sniff([]byte(tc.in), opts, true)
			if err != nil {
				t.Fatal(err)
			}
			if got := s.json.comps.splittable(s.body, 1, tc.worker, opts.maxDepth()); got != tc.split {
				t.Errorf("splittable = %v, want %v", got, tc.split)
			}
			// A document that fails to decode is declined even when
			// splittable.
			if _, ok := unmarshalSplit(s.body, &s.json.comps, 1, tc.worker, opts.maxDepth()); ok != (tc.split && tc.errIs == nil) {
				t.Errorf("split decode = %v, want %v", ok, tc.split && tc.errIs == nil)
			}
			want, werr := decodeCDXJSON(s, opts, math.MaxInt, 1)
			got, gerr := decodeCDXJSON(s, opts, 1, tc.worker)
			if !errors.Is(werr, tc.errIs) || (tc.errIs == nil) != (werr == nil) {
				t.Fatalf("sequential error = %v, want %v", werr, tc.errIs)
			}
			if errText(werr) != errText(gerr) {
				t.Errorf("error = %q, want %q", errText(gerr), errText(werr))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("document differs (-sequential +split):\n%s", diff)
			}
		})
	}
}

// errText is the message of err, "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestCycloneDXDecodesMemberwise checks what unmarshalSplit relies on:
// encoding/json decodes cdx.BOM and cdx.Component field by field, with no
// method of theirs that could see the whole object.
func TestCycloneDXDecodesMemberwise(t *testing.T) {
	t.Parallel()
	for _, typ := range []reflect.Type{reflect.TypeFor[*cdx.BOM](), reflect.TypeFor[*cdx.Component]()} {
		if typ.Implements(reflect.TypeFor[json.Unmarshaler]()) || typ.Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
			t.Errorf("%v has its own JSON decoding: the split decode may differ", typ)
		}
	}
}

// TestArraySpanChunks checks that the ranges cover every object once, in
// order.
func TestArraySpanChunks(t *testing.T) {
	t.Parallel()
	data := genCDXJSON(t, 1000, false)
	s, err := sniff(data, Options{}, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 7, 16, 999, 1000, 5000} {
		b := s.json.comps.chunks(n)
		if b[0] != 0 || b[len(b)-1] != 1000 || len(b) > n+1 {
			t.Errorf("chunks(%d) = %d bounds from %d to %d", n, len(b), b[0], b[len(b)-1])
		}
		for i := 1; i < len(b); i++ {
			if b[i] <= b[i-1] {
				t.Errorf("chunks(%d): bound %d (%d) not after %d", n, i, b[i], b[i-1])
			}
		}
	}
}

// FuzzUnmarshalSplit checks that whenever the split decode succeeds,
// json.Unmarshal of the whole text succeeds too with the same BOM.
func FuzzUnmarshalSplit(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(splitCorpusDir, "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil && len(data) <= 64<<10 {
			f.Add(data)
		}
	}
	const head = `{"bomFormat":"CycloneDX","specVersion":"1.6",`
	for _, s := range []string{
		head + `"components":[{"name":"a"} , {"name":"b","components":[{"name":"c"}]}],"dependencies":[{"ref":"a"}]}`,
		head + `"components":[{"name":"a"}],"Components":[{"name":"z"}]}`,
		head + `"components":[{"name":"a","hashes":[{"alg":"MD5","content":"x"}]},{"name":5}]}`,
		// A second array after a stray colon: the pre-scan must not
		// record objects from before the array it locates.
		head + `"components":[{"name":"a"},{"name":"b"}]:[{"name":"c"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := sniff(data, Options{}, true)
		if err != nil || s.format != FormatCycloneDXJSON {
			return
		}
		bom, ok := unmarshalSplit(s.body, &s.json.comps, 1, 2, DefaultMaxDepth)
		if !ok {
			return
		}
		var seq cdx.BOM
		if err := json.Unmarshal(s.body, &seq); err != nil {
			t.Fatalf("split decode accepted what json.Unmarshal rejects: %v", err)
		}
		if !reflect.DeepEqual(bom, &seq) {
			t.Fatal("split BOM differs from json.Unmarshal")
		}
	})
}

func TestLocateCDXFailure(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`{"bomFormat":"CycloneDX","specVersion":"9.9","components":[]}`, "/specVersion"},
		{`{"bomFormat":"CycloneDX","components":[{"name":"a"},{"name":"b","components":[{"name":"c","supplier":"x"}]}]}`, "/components/1/components/0/supplier"},
		{`{"bomFormat":"CycloneDX","components":[]}`, ""},
	}
	for _, tc := range tests {
		if got := locateCDXFailure([]byte(tc.in)); got != tc.want {
			t.Errorf("locateCDXFailure(%s) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
