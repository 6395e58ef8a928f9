package check_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/bangate/bangate/internal/check"
)

// TestStreamedSameAsWhole checks that an SBOM the run decodes and screens
// range by range (an input Parse leaves to the run) is decided exactly as
// when Parse decodes it whole first: the same findings, coverage,
// warnings and screened parties, with the diet policy input and with
// policy.input all.
func TestStreamedSameAsWhole(t *testing.T) {
	data := syntheticSBOM(5000)
	// A duplicate bom-ref, a component without a name and a purl that
	// does not parse: warnings whose order depends on file order.
	extra := `,{"type":"library","bom-ref":"pkg:npm/lib-10@1.10.0","name":"dup"}` +
		`,{"type":"library","bom-ref":"x1","name":"","supplier":{"name":"AO Kaspersky Lab"}}` +
		`,{"type":"library","bom-ref":"x2","name":"bad","purl":"pkg:"}]}`
	data = append(bytes.TrimSuffix(data, []byte("]}")), extra...)
	for _, input := range []string{check.PolicyInputDiet, check.PolicyInputAll} {
		t.Run(input, func(t *testing.T) {
			plan := testPlan(t, "federal-contractor", "2026-11-27")
			plan.PolicyInput = input
			s := session(t, plan)
			in := check.Input{Path: "big.cdx.json", Data: data}
			parsed := check.Parse(plan, in)
			if !parsed.Parsed() {
				t.Fatal("Parse left a 3 MB input to the run")
			}
			whole := s.Run(context.Background(), []check.Input{parsed})
			streamed := s.Run(context.Background(), []check.Input{in})
			w, err := json.Marshal(whole.Decision.Inputs)
			if err != nil {
				t.Fatal(err)
			}
			g, err := json.Marshal(streamed.Decision.Inputs)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(w, g) {
				t.Errorf("streamed decision differs from the whole one:\n%s\n%s", g, w)
			}
			d := streamed.Decision.Inputs[0]
			if d.Outcome != "fail" || d.Coverage.Components != 5003 {
				t.Errorf("outcome %s, %d components, want fail and 5003", d.Outcome, d.Coverage.Components)
			}
			wp, _ := json.Marshal(whole.Inputs[0].Parties)
			gp, _ := json.Marshal(streamed.Inputs[0].Parties)
			if !bytes.Equal(wp, gp) || whole.Inputs[0].Hits != streamed.Inputs[0].Hits {
				t.Errorf("screened parties or hits differ: %d vs %d hits", streamed.Inputs[0].Hits, whole.Inputs[0].Hits)
			}
		})
	}
}

// TestNoLookupsSameDecision checks that a run told that nobody reads its
// look-ups (RunOptions.NoLookups) decides exactly as one that records
// them, streamed or decoded whole, and records none; the run that records
// them lists the web addresses on shared hosts it looked up.
func TestNoLookupsSameDecision(t *testing.T) {
	data := syntheticSBOM(5000)
	plan := testPlan(t, "federal-contractor", "2026-11-27")
	s := session(t, plan)
	for _, whole := range []bool{false, true} {
		in := check.Input{Path: "big.cdx.json", Data: data}
		if whole {
			in = check.Parse(plan, in)
		}
		rec := s.Run(context.Background(), []check.Input{in})
		if whole {
			in = check.Parse(plan, check.Input{Path: "big.cdx.json", Data: data})
		}
		none := s.RunWith(context.Background(), []check.Input{in}, check.RunOptions{NoLookups: true})
		w, err := json.Marshal(rec.Decision.Inputs)
		if err != nil {
			t.Fatal(err)
		}
		g, err := json.Marshal(none.Decision.Inputs)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w, g) {
			t.Errorf("whole %v: the decision without look-ups differs:\n%s\n%s", whole, g, w)
		}
		wp, _ := json.Marshal(rec.Inputs[0].Parties)
		gp, _ := json.Marshal(none.Inputs[0].Parties)
		if !bytes.Equal(wp, gp) || rec.Inputs[0].Hits != none.Inputs[0].Hits {
			t.Errorf("whole %v: screened parties or hits differ: %d vs %d hits", whole, none.Inputs[0].Hits, rec.Inputs[0].Hits)
		}
		if got := none.Inputs[0].Lookups(); len(got) != 0 {
			t.Errorf("whole %v: %d look-ups recorded, want none", whole, len(got))
		}
		websites := 0
		for _, l := range rec.Inputs[0].Lookups() {
			if l.Kind == check.LookupWebsite {
				websites++
			}
		}
		if websites != 5000 {
			t.Errorf("whole %v: %d website look-ups recorded, want 5000", whole, websites)
		}
	}
}
