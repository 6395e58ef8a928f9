package strictkeys_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"testing"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/bangate/bangate/internal/strictkeys"
)

// synthCycloneDX returns the JSON of a CycloneDX BOM of n components shaped
// like a syft SBOM (the sbom package's benchmark BOM): about 600 bytes per
// component, so 100,000 components make about 60 MB.
func synthCycloneDX(n int) []byte {
	b := make([]byte, 0, n*640+256)
	b = append(b, `{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,"metadata":{"component":{"bom-ref":"app","type":"application","name":"app"}},"components":[`...)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		name := "pkg-" + strconv.Itoa(i)
		ver := "1." + strconv.Itoa(i%50) + ".0"
		purl := "pkg:maven/com.acme/" + name + "@" + ver
		org := "Vendor " + strconv.Itoa(i%3000) + " GmbH"
		site := "https://vendor" + strconv.Itoa(i%3000) + ".example"
		b = fmt.Appendf(b, `{"bom-ref":%q,"type":"library","supplier":{"name":%q,"url":[%q]},"author":"Developer %d","publisher":%q,"group":"com.acme","name":%q,"version":%q,"description":"A synthetic package for benchmarks.","scope":"required","hashes":[{"alg":"SHA-256","content":"%064x"}],"licenses":[{"license":{"id":"MIT"}}],"purl":%q,"externalReferences":[{"url":%q,"type":"website"},{"url":"https://git.example/%s","type":"vcs"}]}`,
			purl, org, site, i%700, org, name, ver, i, purl, site+"/"+name, name)
	}
	b = append(b, `],"dependencies":[`...)
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"ref":"pkg:maven/com.acme/pkg-`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `@1.0.0"}`...)
	}
	return append(b, "]}"...)
}

// BenchmarkCheckJSON measures CheckJSON on a CycloneDX SBOM of 1,000 and
// 100,000 components (about 60 MB); b.SetBytes makes the MB/s figure.
func BenchmarkCheckJSON(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		if n > 1_000 && testing.Short() {
			continue
		}
		data := synthCycloneDX(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := strictkeys.CheckJSON(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheckJSONReference measures, on the 100,000-component BOM, what
// CheckJSON is built on (the jsontext tokenizer alone) and what a
// well-formedness check costs in encoding/json, for comparison.
func BenchmarkCheckJSONReference(b *testing.B) {
	if testing.Short() {
		b.Skip("60 MB input")
	}
	data := synthCycloneDX(100_000)
	b.Run("jsontext-tokens", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			dec := jsontext.NewDecoder(bytes.NewBuffer(data), jsontext.AllowDuplicateNames(true))
			for {
				if _, err := dec.ReadToken(); err != nil {
					if !errors.Is(err, io.EOF) {
						b.Fatal(err)
					}
					break
				}
			}
		}
	})
	b.Run("encoding-json-valid", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if !json.Valid(data) {
				b.Fatal("invalid")
			}
		}
	})
}
