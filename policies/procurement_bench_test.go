package policies_test

import (
	"context"
	"fmt"
	"github.com/bangate/bangate/internal/benchcpu"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// procurementBenchInput builds a procurement input of n vendor records as
// the engine sends them (every record reaches OPA): one in 100 carries an
// SDN possible match, one in 100 a Hikvision ban-list match, one in 100 a
// Cuban origin, one in 100 is blocked by the 50 Percent Rule; the rest are
// clean, with the country fields every record has.
func procurementBenchInput(n int) map[string]any {
	vendors := make([]any, n)
	for i := range vendors {
		row := fmt.Sprintf("row %d", i+2)
		origin, blocked := "US", false
		var matches []any
		switch i % 100 {
		case 1:
			matches = []any{map[string]any{
				"list": "ofac-sdn", "entry_id": "31455", "entry_name": "AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ",
				"entry_type": "entity", "matched_on": "alias", "score": 0.855, "method": "fuzzy",
				"programs": []any{"CYBER2"}, "linked_to": []any{"FEDERAL SECURITY SERVICE"}, "confidence": "low",
			}}
		case 2:
			matches = []any{map[string]any{
				"list": "ndaa889", "entry_id": "hikvision", "entry_name": "Hangzhou Hikvision Digital Technology Company",
				"entry_type": "entity", "matched_on": "name", "score": 1, "method": "normalized", "confidence": "high",
				"programs": []any{}, "linked_to": []any{},
			}}
		case 3:
			origin = "CU"
		case 4:
			blocked = true
		}
		chains := []any{}
		if blocked {
			chains = []any{map[string]any{"path": []any{"X", "Z", "V"}, "percent": 25, "counted": 100, "edges": []any{}}}
		}
		vendors[i] = map[string]any{
			"record": i + 1, "pointer": row, "source": "bench.csv", "name": fmt.Sprintf("Vendor %d LLC", i),
			"aliases": []any{}, "country": "US", "country_name": "United States", "identifiers": map[string]any{},
			"domains": []any{}, "parent": "", "owners": []any{},
			"products": []any{map[string]any{
				"name": "Widgets", "category": "Surveillance cameras", "code": "6350", "scheme": "PSC",
				"manufacturer": "", "country_of_origin": origin, "pointer": row,
			}},
			"contracts": []any{}, "matches": []any{},
			"parties": []any{map[string]any{
				"role": "vendor", "kind": "organization", "name": fmt.Sprintf("Vendor %d LLC", i),
				"pointer": row + ", column vendor_name", "matches": append([]any{}, matches...),
			}},
			"ownership": map[string]any{"designated": false, "blocked": blocked, "percent": 0, "look_through": 0, "chains": chains},
		}
	}
	return map[string]any{
		"kind": "procurement", "as_of": "2026-11-27T00:00:00Z", "profile": "all",
		"source":     map[string]any{"path": "bench.csv"},
		"subject":    map[string]any{"parties": []any{}},
		"components": []any{},
		"vendors":    vendors,
		"lists": map[string]any{
			"ofac-sdn": map[string]any{"kind": "sanctions"}, "ndaa889": map[string]any{"kind": "ban"},
		},
		"screening": map[string]any{"match": 0.92, "review": 0.8},
		"settings":  map[string]any{"embargo": "deny"},
		"coverage":  map[string]any{"components": 0, "unattributed_count": 0},
	}
}

// BenchmarkProcurementDecision measures one evaluation of the decision for
// a procurement file of n records (query prepared once, input converted
// once). Divide n by the time per op for records per second in OPA.
func BenchmarkProcurementDecision(b *testing.B) {
	res, compiler := compileEmbedded(b)
	pq := prepareDecision(b, res, compiler, nil)
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			input, err := ast.InterfaceToValue(procurementBenchInput(n))
			if err != nil {
				b.Fatalf("convert input: %v", err)
			}
			b.ReportAllocs()
			start := benchcpu.Used(b)
			for b.Loop() {
				r, ok, err := evalDecision(context.Background(), pq, input)
				if err != nil || !ok {
					b.Fatalf("evaluate: ok=%v err=%v", ok, err)
				}
				if r["outcome"] != "fail" {
					b.Fatalf("outcome %v, want fail", r["outcome"])
				}
			}
			b.ReportMetric(float64((benchcpu.Used(b)-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}
