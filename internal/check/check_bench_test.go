package check_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/bangate/bangate/internal/check"
)

// syntheticSBOM writes a CycloneDX 1.5 SBOM of n components shaped like
// syft's output: suppliers from a few hundred organisations, authors,
// purls, external references; one component in 500 has a Kaspersky
// supplier.
func syntheticSBOM(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"metadata":{"component":{"type":"application","bom-ref":"app","name":"app","version":"1"}},"components":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		supplier := fmt.Sprintf("Example Org %d Ltd", i%300)
		if i%500 == 7 {
			supplier = "AO Kaspersky Lab"
		}
		fmt.Fprintf(&b, `{"type":"library","bom-ref":"pkg:npm/lib-%d@1.%d.0","name":"lib-%d","version":"1.%d.0","purl":"pkg:npm/lib-%d@1.%d.0",`+
			`"supplier":{"name":%q,"url":["https://org%d.example.com"]},"author":"Jane Doe %d","description":"a library",`+
			`"hashes":[{"alg":"SHA-256","content":"%064d"}],"licenses":[{"license":{"id":"MIT"}}],`+
			`"externalReferences":[{"type":"vcs","url":"https://github.com/org%d/lib-%d"}]}`,
			i, i%50, i, i%50, i, i%50, supplier, i%300, i%1000, i, i%300, i)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		data := syntheticSBOM(n)
		c := checker(b, "federal-contractor", "2026-11-27")
		b.Run(fmt.Sprintf("components=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				got := c.Check(context.Background(), check.Input{Path: "bench.cdx.json", Data: data})
				if got.Outcome != "fail" {
					b.Fatalf("outcome %s: %s", got.Outcome, got.Error)
				}
			}
		})
	}
}

// BenchmarkSetup is the per-process fixed cost: load the embedded lists
// and index them.
func BenchmarkSetup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ls, err := check.LoadLists(nil, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := check.NewScreening(ls, screenOpts()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadScreeningCached is a process's fixed cost with a warm index
// cache: check the index file's digest against its record and decode it.
func BenchmarkLoadScreeningCached(b *testing.B) {
	dir := b.TempDir()
	src := check.ListSources{StoreDir: filepath.Join(dir, "store")}
	c := &check.IndexCache{Dir: filepath.Join(dir, "index"), Program: "bench"}
	if _, err := check.LoadScreening(src, screenOpts(), c); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := check.LoadScreening(src, screenOpts(), c); err != nil {
			b.Fatal(err)
		}
	}
}
