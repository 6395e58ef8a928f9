package evidence_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/evidence"
)

// BenchmarkRecord builds, encodes and signs the record of a large
// decision: 2,000 violations with their matches and 20,000 distinct
// parties screened (5,000 listed). It is the work Write adds to a check
// besides storing objects and naming the parties.
func BenchmarkRecord(b *testing.B) {
	sdn := importSDN(b, b.TempDir(), "sdn-2025-05", published2025)
	base := checkFiles(b, sdn, "iran.cdx.json")
	signer, _, _ := testKey(b, 3)
	in := decision.Input{Path: "big.cdx.json", Kind: "sbom", Format: "cyclonedx-json", SpecVersion: "1.6",
		SHA256: "a4d9187b6db5a4037faac2af35df7c676fb7a3bc41d378d8b02fb3b28f1faebc", Outcome: "fail"}
	for i := range 2000 {
		in.Result.Violations = append(in.Result.Violations, decision.Violation{
			Rule: "ofac-sdn-blocked", Severity: "critical", Title: "Blocked person (OFAC SDN)",
			Message: fmt.Sprintf("lib-%d@1.0: supplier %q matches SDN entry 11195", i, "Iran Aircraft Manufacturing Industrial Company"),
			Subject: decision.Subject{Kind: "component", Ref: fmt.Sprintf("pkg:npm/lib-%d@1.0", i), Name: fmt.Sprintf("lib-%d", i), Version: "1.0"},
			Pointer: fmt.Sprintf("/components/%d/supplier/name", i),
			Match: map[string]any{"list": "ofac-sdn", "entry_id": "11195", "entry_name": "IRAN AIRCRAFT MANUFACTURING INDUSTRIAL COMPANY",
				"score": 1.0, "method": "exact", "programs": []any{"NPWMD", "IFSR"}},
			Authority: &decision.Authority{Citation: "31 CFR chapter V", URL: "https://ofac.treasury.gov"},
		})
	}
	in.Result.Outcome = "fail"
	run := &decision.Run{Tool: tool, AsOf: asOf, Inputs: []decision.Input{in}, Outcome: "fail", ExitCode: 1}
	parties := make([]check.ScreenedParty, 20000)
	for i := range parties {
		parties[i] = check.ScreenedParty{Name: fmt.Sprintf("Example Org %05d Ltd", i), Roles: []string{"supplier"}}
	}
	c := evidence.Check{Session: base.Session, CheckedAt: checkedAt, Run: &check.Run{Decision: run,
		Inputs: []check.InputRun{{Path: "big.cdx.json", Parties: parties, Hits: 2000}}}}
	b.ReportAllocs()
	var size int
	for b.Loop() {
		p := evidence.Build(c, nil, evidence.IntegritySigned)
		stmt, err := evidence.Statement(p, evidence.Subjects(p))
		if err != nil {
			b.Fatal(err)
		}
		env, _, err := evidence.Seal(context.Background(), stmt, signer)
		if err != nil {
			b.Fatal(err)
		}
		size = len(env)
	}
	b.ReportMetric(float64(size), "record-bytes")
}
