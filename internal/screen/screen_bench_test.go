package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/internal/screen/indexfile"
)

// BenchmarkNewIndex builds the index over the full SDN list (19,249
// entries, 20,194 aliases) and the ban list.
func BenchmarkNewIndex(b *testing.B) {
	ls := testLists(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := screen.NewIndex(ls, screen.DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkName screens the labelled queries (positives and negatives of
// testdata/accuracy, about 10,000 names) against the full SDN list; one op
// is one name. "built" is the index NewIndex builds; "read" the same index
// read back from its index file (package indexfile), which reads a matched
// entry from the file.
func BenchmarkName(b *testing.B) {
	built := newIndex(b, testLists(b)...).Index
	read, err := indexfile.Read(indexFile(b, built))
	if err != nil {
		b.Fatal(err)
	}
	var qs []screen.Query
	for _, l := range readLabelled(b, "positives.tsv", true) {
		qs = append(qs, l.q)
	}
	for _, l := range readLabelled(b, "negatives.tsv", false) {
		qs = append(qs, l.q)
	}
	for _, bc := range []struct {
		name string
		ix   *screen.Index
	}{{"built", built}, {"read", read}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				bc.ix.Name(qs[i%len(qs)])
				i++
			}
		})
	}
}

// BenchmarkNameParties screens the names of the parties SBOMs and
// procurement records give (negatives.tsv but its common names: SBOM
// suppliers, licence holders, vendors), which match nothing: the names
// bangate screens most.
func BenchmarkNameParties(b *testing.B) {
	benchmarkLabelled(b, "negatives.tsv", false, func(variant string) bool { return variant != "common-names" })
}

// BenchmarkNamePositives screens the queries of positives.tsv (4,283
// variants of listed names: given name first, typos, other
// romanisations, Cyrillic, legal forms changed), which find their
// entries: the rest of BenchmarkName's mix beside BenchmarkNameParties
// and BenchmarkNameCommon, and the names that gather the most listed
// names to score.
func BenchmarkNamePositives(b *testing.B) {
	benchmarkLabelled(b, "positives.tsv", true, func(string) bool { return true })
}

// BenchmarkNameCommon screens the common persons' names of negatives.tsv
// (5,236 given and family names of many languages, "Margaret Morris",
// "Dmitri Okafor"), which look like listed names and match none: more
// than half of BenchmarkName's mix, and the names that the rules for
// persons' names (two edits, run-together and split words, given-name
// forms) are all asked of.
func BenchmarkNameCommon(b *testing.B) {
	benchmarkLabelled(b, "negatives.tsv", false, func(variant string) bool { return variant == "common-names" })
}

// benchmarkLabelled screens, one op a name, the queries of the labelled
// file (positive, as readLabelled reads it) whose variant keep holds, in
// turn.
func benchmarkLabelled(b *testing.B, file string, positive bool, keep func(variant string) bool) {
	ix := newIndex(b, testLists(b)...).Index
	var qs []screen.Query
	for _, l := range readLabelled(b, file, positive) {
		if keep(l.variant) {
			qs = append(qs, l.q)
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ix.Name(qs[i%len(qs)])
		i++
	}
}

// BenchmarkNameMiss screens a supplier name that matches nothing: the
// common case of an SBOM, where the caller deduplicates but still asks
// once per distinct name.
func BenchmarkNameMiss(b *testing.B) {
	ix := newIndex(b, testLists(b)...)
	q := screen.Query{Name: "The Apache Software Foundation", Kind: screen.KindOrganization}
	b.ReportAllocs()
	for b.Loop() {
		ix.Name(q)
	}
}

// BenchmarkNormalize normalises a transliterated person name.
func BenchmarkNormalize(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		screen.Normalize("Андрей Геннадьевич Тихонов, AO Kaspersky Lab")
	}
}

// BenchmarkNameLong screens a 2,000-word "name" (a licence text pasted
// into a supplier field): it must stay cheap.
func BenchmarkNameLong(b *testing.B) {
	ix := newIndex(b, testLists(b)...)
	var sb strings.Builder
	for i := range 2000 {
		sb.WriteString([]string{"limited ", "company ", "trading ", "mohammed ", "ali ", "bank ", "of ", "iran "}[i%8])
	}
	q := screen.Query{Name: sb.String()}
	b.ReportAllocs()
	for b.Loop() {
		ix.Name(q)
	}
}
