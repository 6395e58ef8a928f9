package procurement_test

import (
	"fmt"
	"testing"

	"github.com/bangate/bangate/internal/procurement"
)

func BenchmarkAggregate(b *testing.B) {
	// A holding tree: 1,000 designated persons, 10,000 holdings each owned
	// by two persons, 100,000 vendors each owned by two holdings.
	var edges []procurement.Edge
	for h := range 10_000 {
		holding := fmt.Sprintf("Holding %d", h)
		edges = append(edges,
			procurement.Edge{Owner: fmt.Sprintf("Person %d", h%1000), Owned: holding, Percent: 30},
			procurement.Edge{Owner: fmt.Sprintf("Person %d", (h+1)%1000), Owned: holding, Percent: 30})
	}
	for v := range benchRows {
		vendor := fmt.Sprintf("Vendor %d", v)
		edges = append(edges,
			procurement.Edge{Owner: fmt.Sprintf("Holding %d", v%10_000), Owned: vendor, Percent: 50},
			procurement.Edge{Owner: fmt.Sprintf("Holding %d", (v+7)%10_000), Owned: vendor, Percent: 50})
	}
	designated := func(name string) bool { return len(name) > 7 && name[:7] == "Person " }
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := procurement.Aggregate(edges, designated); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(edges))*float64(b.N)/b.Elapsed().Seconds(), "edges/s")
}
