package lists_test

import (
	"os"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// readFile returns a file's bytes as a string.
func readFile(b *testing.B, path string) string {
	b.Helper()
	d, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return string(d)
}

// BenchmarkLoadOFACLegacyCons loads the full official non-SDN set (442
// entries, four files).
func BenchmarkLoadOFACLegacyCons(b *testing.B) {
	prim := readFile(b, "snapshot/ofac-cons/cons_prim.csv")
	alt := readFile(b, "snapshot/ofac-cons/cons_alt.csv")
	add := readFile(b, "snapshot/ofac-cons/cons_add.csv")
	com := readFile(b, "snapshot/ofac-cons/cons_comments.csv")
	b.SetBytes(int64(len(prim) + len(alt) + len(add) + len(com)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lists.LoadOFACLegacy(lists.OFACFiles{
			Primary: src("p", prim), Alt: src("a", alt), Add: src("d", add), Comments: src("c", com),
		}, provenance.List{ID: "ofac-cons"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadDerivedSDN loads the full derived export (19,249 entries).
func BenchmarkLoadDerivedSDN(b *testing.B) {
	data := readFile(b, "snapshot/ofac-sdn/ofac-sdn-derived.csv")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lists.LoadDerivedSDN(src("ofac-sdn.csv", data), provenance.List{ID: "ofac-sdn"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseRemarks parses a typical entity remark.
func BenchmarkParseRemarks(b *testing.B) {
	const r = "Website www.ptsecurity.ru; alt. Website www.ptsecurity.com; Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201; Tax ID No. 7718668887 (Russia); Linked To: FEDERAL SECURITY SERVICE."
	b.ReportAllocs()
	for b.Loop() {
		_ = lists.ParseRemarks(r)
	}
}

// BenchmarkLoadCSLCSV loads the 2019 CSL excerpt (115 rows).
func BenchmarkLoadCSLCSV(b *testing.B) {
	data := readFile(b, "testdata/csl/csl.csv")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lists.LoadCSLCSV(src("csl.csv", data), provenance.List{ID: "trade-csl"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadSDNXML loads the SDN.XML fixture repeated to 3,000 entries.
func BenchmarkLoadSDNXML(b *testing.B) {
	fixture := readFile(b, "testdata/xml/sdn.xml")
	start := strings.Index(fixture, "<sdnEntry>")
	end := strings.LastIndex(fixture, "</sdnEntry>") + len("</sdnEntry>")
	var body strings.Builder
	for i := 0; i < 1000; i++ {
		// Give every copy its own uids.
		body.WriteString(strings.NewReplacer("<uid>31455<", "<uid>1"+itoa(i)+"<", "<uid>45815<", "<uid>2"+itoa(i)+"<", "<uid>306<", "<uid>3"+itoa(i)+"<").Replace(fixture[start:end]))
	}
	doc := fixture[:start] + body.String() + fixture[end:]
	doc = strings.Replace(doc, "<Record_Count>3<", "<Record_Count>3000<", 1)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lists.LoadSDNXML(src("sdn.xml", doc), provenance.List{ID: "ofac-sdn"}); err != nil {
			b.Fatal(err)
		}
	}
}

// itoa formats a small non-negative int with four digits.
func itoa(i int) string {
	const digits = "0123456789"
	return string([]byte{digits[i/1000%10], digits[i/100%10], digits[i/10%10], digits[i%10]})
}
