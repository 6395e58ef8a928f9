package sbom

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// placesDoc is a CycloneDX JSON text of n top-level components over
// several lines, with non-ASCII names, members after the array and
// pointers-worth of nesting in each component.
func placesDoc(n int) string {
	var b strings.Builder
	b.WriteString("{\n  \"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\",\n  \"components\": [\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",")
			if i%3 == 0 {
				b.WriteString("\n")
			}
		}
		fmt.Fprintf(&b, `  {"type": "library", "bom-ref": "c%d", "name": "Прага-%d", "version": "1.%d",`+
			` "supplier": {"name": "Supplier \"%d\"", "url": ["https://s%d.example"]},`+
			` "components": [{"type": "library", "name": "inner-%d"}]}`, i, i, i, i, i, i)
	}
	b.WriteString("\n  ],\n  \"dependencies\": [{\"ref\": \"c0\", \"dependsOn\": [\"c1\"]}],\n")
	b.WriteString("  \"metadata\": {\"component\": {\"type\": \"application\", \"name\": \"app\"}}\n}\n")
	return b.String()
}

// placesPointers are pointers into a placesDoc of n components, the
// ones outside it and malformed ones included.
func placesPointers(n int) []string {
	ptrs := []string{"", "/components", "/components/-1", "/components/01", fmt.Sprintf("/components/%d", n),
		"/components/x", "/metadata/component/name", "/dependencies/0/ref", "/nothing", "components/1"}
	for i := 0; i < n; i += max(1, n/97) {
		ptrs = append(ptrs,
			fmt.Sprintf("/components/%d", i),
			fmt.Sprintf("/components/%d/name", i),
			fmt.Sprintf("/components/%d/supplier/name", i),
			fmt.Sprintf("/components/%d/supplier/url/0", i),
			fmt.Sprintf("/components/%d/components/0/name", i),
			fmt.Sprintf("/components/%d/missing", i))
	}
	return append(ptrs, fmt.Sprintf("/components/%d/NAME", n-1))
}

// TestLocatePlaced checks that the places the pre-scan finds give the
// positions the walk of the whole text gives, with and without a byte
// order mark.
func TestLocatePlaced(t *testing.T) {
	t.Parallel()
	for _, bom := range []string{"", "\ufeff"} {
		for _, n := range []int{1, 7, 300} {
			data := []byte(bom + placesDoc(n))
			s, err := sniffChecked(data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			places := componentPlaces(data, &s)
			if places == nil {
				t.Fatalf("n=%d bom=%q: no places", n, bom)
			}
			ptrs := placesPointers(n)
			want, werr := Locate(data, FormatCycloneDXJSON, ptrs)
			got, gerr := LocatePlaced(data, FormatCycloneDXJSON, ptrs, places)
			if werr != nil || gerr != nil {
				t.Fatalf("n=%d: errors %v, %v", n, werr, gerr)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("n=%d bom=%q: placed positions differ (-walk +placed):\n%s", n, bom, d)
			}
		}
	}
}

// TestLocatePlacedMisfit checks that places of another text are not
// used: the positions are those of the walk.
func TestLocatePlacedMisfit(t *testing.T) {
	t.Parallel()
	data := []byte(placesDoc(20))
	s, err := sniffChecked(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	places := componentPlaces(data, &s)
	ptrs := placesPointers(20)
	want, _ := Locate(data, FormatCycloneDXJSON, ptrs)

	// The same text after a byte order mark: the brackets are not where
	// the places say.
	other := append([]byte("\ufeff"), data...)
	wantOther, _ := Locate(other, FormatCycloneDXJSON, ptrs)
	got, err := LocatePlaced(other, FormatCycloneDXJSON, ptrs, places)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(wantOther, got); d != "" {
		t.Errorf("shifted text (-walk +placed):\n%s", d)
	}

	// A component's start moved: the text is read as Locate reads it.
	bad := *places
	bad.objects = append([][2]uint32(nil), places.objects...)
	bad.objects[5][0]++
	got, err = LocatePlaced(data, FormatCycloneDXJSON, ptrs, &bad)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("a component moved (-walk +placed):\n%s", d)
	}

	// Places are for CycloneDX JSON only.
	if got, _ := LocatePlaced(data, FormatSPDXJSON, ptrs, places); len(got) != len(ptrs) {
		t.Errorf("SPDX JSON: %d positions for %d pointers", len(got), len(ptrs))
	}
}

// placesSink keeps the places DecodeEach gives.
type placesSink struct {
	mu     sync.Mutex
	n      int
	places *ComponentPlaces
}

func (k *placesSink) Batch(_, _ int, comps []Component) error {
	k.mu.Lock()
	k.n += len(comps)
	k.mu.Unlock()
	return nil
}

func (k *placesSink) Reset() {
	k.mu.Lock()
	k.n, k.places = 0, nil
	k.mu.Unlock()
}

func (k *placesSink) Places(p *ComponentPlaces) { k.places = p }

// TestDecodeEachPlaces checks that a document DecodeEach reads range by
// range gives its sink places that locate as the walk does.
func TestDecodeEachPlaces(t *testing.T) {
	t.Parallel()
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("the split decoder needs two cores")
	}
	n := splitMin + 10
	data := []byte(placesDoc(n))
	k := &placesSink{}
	if _, _, err := DecodeEach(data, Options{}, k); err != nil {
		t.Fatal(err)
	}
	if k.places == nil {
		t.Fatal("no places")
	}
	ptrs := placesPointers(n)
	want, _ := Locate(data, FormatCycloneDXJSON, ptrs)
	got, err := LocatePlaced(data, FormatCycloneDXJSON, ptrs, k.places)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-walk +placed):\n%s", d)
	}
}

// TestLineColumnsSplit checks that counting lines and columns in pieces
// gives what counting them in one go gives.
func TestLineColumnsSplit(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("\ufeff")
	for i := range 400 {
		switch i % 7 {
		case 0:
			b.WriteString("\n")
		case 1:
			b.WriteString("Прага ")
		case 2:
			b.WriteString("\U0001F600x")
		case 3:
			b.WriteString("\n\n")
		default:
			b.WriteString(`{"a": 1}, `)
		}
	}
	data := []byte(b.String())
	var offs []int
	for o := 0; o <= len(data)+3; o += 3 {
		offs = append(offs, o)
	}
	offs = append(offs, 0, len(data), 1, 2, 5000)
	for _, set := range [][]int{offs, offs[:1], offs[len(offs)/2 : len(offs)/2+2], {len(data) / 2}} {
		want := lineColumnsIn(data, set, 1, 0, len(data))
		for n := 1; n <= 9; n++ {
			for _, block := range []int{1, 2, 5, 64, len(data)} {
				if d := cmp.Diff(want, lineColumnsIn(data, set, n, 0, block)); d != "" {
					t.Fatalf("%d pieces, blocks of %d, %d offsets (-one +pieces):\n%s", n, block, len(set), d)
				}
			}
		}
	}
	// The first pass as it was: each offset counted from the previous one.
	line, col, pos := 1, 1, len(utf8BOM)
	for _, o := range []int{10, 200, 1500, len(data)} {
		for _, c := range string(data[pos:o]) {
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		pos = o
		if got := lineColumnsIn(data, []int{o}, 4, 0, 7)[o]; got != (Position{Line: line, Column: col}) {
			t.Errorf("offset %d: %+v, want line %d column %d", o, got, line, col)
		}
	}
}

// BenchmarkCountLines counts the lines and columns up to a few offsets of
// a text with a line every few dozen bytes (an indented SBOM) and of one
// with none (a minified one): the pass over the whole input that places a
// check's findings.
func BenchmarkCountLines(b *testing.B) {
	line := `      "name": "component-name",` + "\n"
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"indented", []byte(strings.Repeat(line, 1<<20))},
		{"one-line", []byte(strings.Repeat(line[:len(line)-1], 1<<20))},
	} {
		b.Run(tc.name, func(b *testing.B) {
			offs := []int{len(tc.data) / 3, len(tc.data) / 2, len(tc.data) - 10}
			clamp := func(o int) int { return o }
			b.SetBytes(int64(len(tc.data)))
			for b.Loop() {
				countLines(tc.data, 0, offs, len(tc.data), clamp, countBlock)
			}
		})
	}
}
