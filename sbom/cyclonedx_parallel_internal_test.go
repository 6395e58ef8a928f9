package sbom

import (
	"hash/maphash"
	"strconv"
	"testing"

	cdx "github.com/CycloneDX/cyclonedx-go"
	"github.com/google/go-cmp/cmp"
)

// TestParallelConversionMatchesSequential converts a BOM large enough for
// the parallel path, with duplicate refs across and within the halves,
// nested components, unnamed components and bad purls, and compares the
// result with a sequential conversion.
func TestParallelConversionMatchesSequential(t *testing.T) {
	t.Parallel()
	n := parallelMin + 101
	comps := make([]cdx.Component, n)
	for i := range comps {
		comps[i] = cdx.Component{Name: "c" + strconv.Itoa(i), PackageURL: "pkg:npm/c" + strconv.Itoa(i) + "@1"}
		switch {
		case i%7 == 0:
			comps[i].BOMRef = "ref-" + strconv.Itoa(i%500) // repeats across both halves
		case i%11 == 0:
			comps[i].Name = ""
		case i%13 == 0:
			comps[i].PackageURL = "not a purl"
		case i%17 == 0:
			nested := []cdx.Component{{BOMRef: "ref-3", Name: "n"}, {Name: "", CPE: "cpe:bad"}}
			comps[i].Components = &nested
		}
	}
	meta := &cdx.Metadata{Component: &cdx.Component{BOMRef: "ref-0", Name: "app"}}
	bom := &cdx.BOM{Components: &comps, Metadata: meta}
	s := sniffed{format: FormatCycloneDXJSON, version: "1.6"}

	par, err := convertCycloneDX(bom, nil, s, Options{}, locator{})
	if err != nil {
		t.Fatal(err)
	}

	seqConv := &cdxConv{doc: &Document{Format: s.format, SpecVersion: s.version}, refs: newRefSet(maphash.MakeSeed(), 0), max: DefaultMaxComponents}
	subj := seqConv.convert(meta.Component, "/metadata/component", nil, "")
	seqConv.doc.Subject = &subj
	seqConv.components(comps, "", nil)
	seq := seqConv.doc
	if seq.Components == nil {
		seq.Components = []Component{}
	}

	if len(par.Warnings) == 0 || len(par.Components) <= n {
		t.Fatalf("test input too weak: %d warnings, %d components", len(par.Warnings), len(par.Components))
	}
	if diff := cmp.Diff(seq, par); diff != "" {
		t.Errorf("parallel conversion differs from sequential (-seq +par):\n%s", diff)
	}
}
