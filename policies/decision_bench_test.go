package policies_test

import (
	"context"
	"fmt"
	"github.com/bangate/bangate/internal/benchcpu"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// benchInput builds an input document with n components, every one of
// them carrying a ban-list match (the worst case under the input diet:
// only matched components reach OPA), cycling through the shipped entries.
func benchInput(n int) map[string]any {
	entries := [][3]string{
		{"kaspersky", "kaspersky-lab", "library"},
		{"ndaa889", "huawei", "firmware"},
		{"ndaa889", "hikvision", "library"},
		{"ndaa889", "zte", "device"},
	}
	confidences := []string{"high", "medium", "low"}
	components := make([]any, n)
	for i := range components {
		e := entries[i%len(entries)]
		ptr := fmt.Sprintf("/components/%d", i)
		components[i] = map[string]any{
			"ref": fmt.Sprintf("pkg:generic/c%d@1", i), "pointer": ptr,
			"name": fmt.Sprintf("c%d", i), "version": "1", "type": e[2],
			"parties": []any{map[string]any{
				"role": "supplier", "name": e[1], "pointer": ptr + "/supplier/name",
				"matches": []any{map[string]any{
					"list": e[0], "entry_id": e[1], "entry_name": e[1], "matched_name": e[1],
					"matched_on": "alias", "score": 1, "method": "normalized", "signal": "supplier",
					"value": e[1], "pointer": ptr + "/supplier/name", "confidence": confidences[i%len(confidences)],
				}},
			}},
			"matches": []any{},
		}
	}
	return map[string]any{
		"kind": "sbom", "as_of": "2026-11-27T00:00:00Z", "profile": "all",
		"source":     map[string]any{"path": "bench.cdx.json"},
		"subject":    map[string]any{"name": "bench", "version": "1"},
		"components": components,
		"coverage":   map[string]any{"components": n, "unattributed_count": 0},
	}
}

// BenchmarkDecision measures one evaluation of data.bangate.decision.result
// (query prepared once, input converted once, as the engine does).
func BenchmarkDecision(b *testing.B) {
	res, compiler := compileEmbedded(b)
	pq := prepareDecision(b, res, compiler, nil)
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("matched=%d", n), func(b *testing.B) {
			input, err := ast.InterfaceToValue(benchInput(n))
			if err != nil {
				b.Fatalf("convert input: %v", err)
			}
			b.ReportAllocs()
			start := benchcpu.Used(b)
			for b.Loop() {
				if _, ok, err := evalDecision(context.Background(), pq, input); err != nil || !ok {
					b.Fatalf("evaluate: ok=%v err=%v", ok, err)
				}
			}
			// CPU time is reported beside wall time: on a shared machine it
			// is the steadier figure.
			b.ReportMetric(float64((benchcpu.Used(b)-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}
