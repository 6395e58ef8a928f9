package sbom

import (
	"encoding/json"
	"strconv"
	"testing"

	cdx "github.com/CycloneDX/cyclonedx-go"
)

// BenchmarkUnmarshalSplit compares the split decode with json.Unmarshal
// on a generated SBOM.
func BenchmarkUnmarshalSplit(b *testing.B) {
	data := genCDXJSON(b, 20000, false)
	s, err := sniff(data, Options{}, true)
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		b.Run("workers="+strconv.Itoa(workers), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if workers == 1 {
					var bom cdx.BOM
					if err := json.Unmarshal(s.body, &bom); err != nil {
						b.Fatal(err)
					}
				} else if _, ok := unmarshalSplit(s.body, &s.json.comps, 1, workers, DefaultMaxDepth); !ok {
					b.Fatal("not split")
				}
			}
		})
	}
}
