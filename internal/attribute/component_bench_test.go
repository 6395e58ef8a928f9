package attribute_test

import (
	"fmt"
	"testing"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/sbom"
)

// BenchmarkComponent attributes a component shaped like syft's output:
// supplier with a URL, an author, a purl, a CPE, two references.
func BenchmarkComponent(b *testing.B) {
	comps := make([]sbom.Component, 1000)
	for i := range comps {
		comps[i] = sbom.Component{
			Pointer: fmt.Sprintf("/components/%d", i), Name: fmt.Sprintf("lib-%d", i),
			PURL: fmt.Sprintf("pkg:maven/org.example%d/lib-%d@1.0", i%50, i),
			CPEs: []string{fmt.Sprintf("cpe:2.3:a:example%d:lib:1.0:*:*:*:*:*:*:*", i%50)},
			Parties: []sbom.Party{
				{Role: "supplier", Kind: "organization", Name: fmt.Sprintf("Example %d Ltd", i%300), URLs: []string{"https://example.com"}, Pointer: "/s"},
				{Role: "author", Kind: "person", Name: "Jane Doe", Emails: []string{"jane@example.org"}, Pointer: "/a"},
			},
			ExternalRefs: []sbom.ExternalRef{{Type: "vcs", URL: fmt.Sprintf("https://github.com/org%d/lib", i%300)}, {Type: "website", URL: "https://lib.example.net/docs"}},
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range comps {
			if len(attribute.Component(&comps[i])) == 0 {
				b.Fatal("no signals")
			}
		}
	}
}

// BenchmarkComponentManyParties attributes one component with 10,000
// authors, each with an e-mail address, as an SBOM written to defeat the
// gate may have: the signals are deduplicated in time linear in their
// number.
func BenchmarkComponentManyParties(b *testing.B) {
	c := sbom.Component{Pointer: "/components/0", Name: "lib"}
	for i := range 10000 {
		p := fmt.Sprintf("/components/0/authors/%d", i)
		c.Parties = append(c.Parties, sbom.Party{Role: "author", Kind: "person", Name: fmt.Sprintf("Author %d", i), Emails: []string{fmt.Sprintf("a%d@example.org", i)}, Pointer: p})
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(attribute.Component(&c)) == 0 {
			b.Fatal("no signals")
		}
	}
}
