package check_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/policies"
)

// fuzzSession is the one session the whole-check fuzz target runs in.
var fuzzSession = sync.OnceValues(func() (*check.Session, error) {
	ls, err := builtinLists()
	if err != nil {
		return nil, err
	}
	plan := planAt("all", time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC))
	plan.Input.MaxSize = 1 << 20
	return check.NewSession(context.Background(), plan, check.Sources{Builtin: policies.FS, Lists: ls, Cache: cache,
		Now: func() time.Time { return plan.AsOf }})
})

// fuzzSeeds are the files the whole-check fuzz target starts from: every
// SBOM and vendor-file format, from the examples and the real SBOMs kept
// in the repository.
func fuzzSeeds(f *testing.F) [][]byte {
	f.Helper()
	var paths []string
	for _, pattern := range []string{"../../examples/sbom/*", "../../examples/procurement/*.csv", "../../testdata/sboms/*", "../../testdata/procurement/*"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		paths = append(paths, m...)
	}
	var out [][]byte
	for _, p := range paths {
		if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() || info.Size() > 256<<10 || filepath.Ext(p) == ".md" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	if len(out) < 20 {
		f.Fatalf("only %d seed files", len(out))
	}
	return out
}

// FuzzCheck runs the whole check (detection, every parser, attribution,
// screening, the policies and the gate) on mutated inputs: whatever the
// bytes, the check must decide an outcome that agrees with an exit code
// of 0 to 3, and a file it cannot check must say why. A panic anywhere
// fails the target.
func FuzzCheck(f *testing.F) {
	for _, b := range fuzzSeeds(f) {
		f.Add(b)
	}
	f.Add([]byte(`{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","packages":[null]}`))
	f.Add([]byte(`{"bomFormat":"CycloneDX","specVersion":"1.6","components":[null]}`))
	f.Add([]byte(`{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[null]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := fuzzSession()
		if err != nil {
			t.Fatal(err)
		}
		run := s.Run(context.Background(), []check.Input{{Path: "fuzz.input", Data: data}})
		exit := run.Decision.ExitCode
		if exit < 0 || exit > 3 {
			t.Fatalf("exit code %d", exit)
		}
		if got := decision.OutcomeFor(exit); got != run.Decision.Outcome {
			t.Fatalf("run outcome %q, exit %d", run.Decision.Outcome, exit)
		}
		for _, in := range run.Decision.Inputs {
			if !slices.Contains([]string{decision.OutcomePass, decision.OutcomeFail, decision.OutcomeReview, decision.OutcomeError}, in.Outcome) {
				t.Fatalf("input outcome %q", in.Outcome)
			}
			if in.Outcome == decision.OutcomeError && in.Error == "" {
				t.Fatal("could not check, and no cause given")
			}
		}
	})
}
