package check_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/policies"
)

// The run names the parties it screened and counts the signals that hit a
// list, the same whether or not the input was parsed ahead; an input that
// cannot be parsed names none and carries a typed error.
func TestRunScreenedFacts(t *testing.T) {
	plan := testPlan(t, "federal-contractor", "2026-11-27")
	s := session(t, plan)
	ctx := context.Background()
	tests := []struct {
		name     string
		wantHits bool
		parties  []string
	}{
		{"kaspersky.cdx.json", true, []string{"AO Kaspersky Lab"}},
		{"clean.cdx.json", false, nil},
		{"kaspersky.spdx", true, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "examples", "sbom", tc.name))
			if err != nil {
				t.Fatal(err)
			}
			in := check.Input{Path: tc.name, Data: data}
			direct := s.Run(ctx, []check.Input{in}).Inputs[0]
			ahead := s.Run(ctx, []check.Input{check.Parse(plan, in)}).Inputs[0]
			if d := cmp.Diff(direct.Parties, ahead.Parties); d != "" {
				t.Errorf("parties differ (-direct +parsed ahead):\n%s", d)
			}
			if direct.Hits != ahead.Hits || len(direct.Parties) == 0 || direct.Err != nil {
				t.Fatalf("hits %d/%d, %d parties, error %v", direct.Hits, ahead.Hits, len(direct.Parties), direct.Err)
			}
			if (direct.Hits > 0) != tc.wantHits {
				t.Errorf("hits %d, want hits: %v", direct.Hits, tc.wantHits)
			}
			if direct.SHA256 == "" || direct.Size != int64(len(data)) || &direct.Data[0] != &data[0] {
				t.Errorf("the run must hand back the bytes it checked: sha %q size %d", direct.SHA256, direct.Size)
			}
			for _, want := range tc.parties {
				found := false
				for _, p := range direct.Parties {
					found = found || p.Name == want
				}
				if !found {
					t.Errorf("party %q not named among %+v", want, direct.Parties)
				}
			}
		})
	}
	bad := s.Run(ctx, []check.Input{{Path: "x", Data: []byte("not an sbom")}})
	if in := bad.Inputs[0]; in.Err == nil || in.Err.Stage != check.StageParse || len(in.Parties) != 0 {
		t.Errorf("unparsable input: error %v, parties %v", in.Err, in.Parties)
	}
	if bad.Decision.ExitCode != decision.ExitError || bad.Decision.Outcome != decision.OutcomeError {
		t.Errorf("unparsable input: exit %d outcome %s", bad.Decision.ExitCode, bad.Decision.Outcome)
	}
}

// The gate is applied once, and every outcome agrees with its exit code at
// every --fail-on level.
func TestGateOutcomeAgreesWithExit(t *testing.T) {
	ctx := context.Background()
	high := cdx(`{"type":"device","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"Huawei Device Co., Ltd."}}`)
	for _, failOn := range decision.FailOnLevels() {
		t.Run(failOn, func(t *testing.T) {
			plan := testPlan(t, "federal-contractor", "2026-11-27")
			plan.FailOn = failOn
			d := session(t, plan).Run(ctx, []check.Input{{Path: "h.cdx.json", Data: high}}).Decision
			if d.Outcome != decision.OutcomeFor(d.ExitCode) {
				t.Fatalf("run outcome %s with exit %d", d.Outcome, d.ExitCode)
			}
			for _, in := range d.Inputs {
				if in.Outcome != decision.OutcomeFor(decision.InputExitCode(&in, failOn)) {
					t.Errorf("input outcome %s, exit %d", in.Outcome, decision.InputExitCode(&in, failOn))
				}
			}
			if len(d.Inputs[0].Result.Violations) == 0 {
				t.Fatalf("no violation to gate: %+v", d.Inputs[0].Result)
			}
		})
	}
}

// A stale sanctions list never lets a check pass: a clean input is exit 2
// naming the list and the fix; a fail found on other grounds stays a fail
// with the staleness beside it. With lists.stale: warn it passes.
func TestStaleListGate(t *testing.T) {
	ctx := context.Background()
	clean, err := os.ReadFile(filepath.Join("..", "..", "examples", "sbom", "clean.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	banned := cdx(`{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"AO Kaspersky Lab"}}`)
	ls, err := builtinLists()
	if err != nil {
		t.Fatal(err)
	}
	plan := testPlan(t, "federal-contractor", "2026-11-27")
	plan.Lists.MaxAge = check.Duration(24 * 3600 * 1e9) // one day: the embedded lists are older
	for _, tc := range []struct {
		stale    string
		input    []byte
		wantExit int
	}{
		{check.StaleError, clean, decision.ExitError},
		{check.StaleError, banned, decision.ExitFail},
		{check.StaleWarn, clean, decision.ExitPass},
	} {
		p := plan
		p.Lists.Stale = tc.stale
		s, err := check.NewSession(ctx, p, check.Sources{Builtin: policies.FS, Lists: ls, Cache: cache})
		if err != nil {
			t.Fatal(err)
		}
		d := s.Run(ctx, []check.Input{{Path: "in.json", Data: tc.input}}).Decision
		if d.ExitCode != tc.wantExit || d.Outcome != decision.OutcomeFor(tc.wantExit) {
			t.Errorf("stale %s: exit %d outcome %s, want %d; errors %v", tc.stale, d.ExitCode, d.Outcome, tc.wantExit, d.Errors)
		}
		if tc.stale == check.StaleError && (len(d.Errors) == 0 || !containsAll(d.Errors[0], "data update", "days old")) {
			t.Errorf("stale %s: errors %q must name the list, its age and the fix", tc.stale, d.Errors)
		}
	}
}

// Only the lists the profile applies are aged: a stale UN list does not
// stop a us-person check, and stops one under the profile that applies it.
func TestStaleOnlyListsInScope(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	dir := filepath.Join("..", "lists", "testdata")
	un, err := lists.LoadUNXML(lists.FileSource(filepath.Join(dir, "un", "consolidated-excerpt.xml")), provenance.List{ID: "un-sc"})
	if err != nil {
		t.Fatal(err)
	}
	csl, err := lists.LoadCSLCSV(lists.FileSource(filepath.Join(dir, "csl", "consolidated.csv")),
		provenance.List{ID: "trade-csl", Published: now.Add(-24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	ls, err := check.LoadLists(policies.FS, nil, []*lists.List{un, csl})
	if err != nil {
		t.Fatal(err)
	}
	clean := cdx(`{"type":"library","bom-ref":"c1","name":"left-pad","version":"1","supplier":{"name":"Acme Widgets Ltd."}}`)
	for _, tc := range []struct {
		profile  string
		wantExit int
		wantErr  string
	}{
		{"us-person", decision.ExitPass, ""},
		{"all", decision.ExitError, "list un-sc published 2026-02-27 is 279 days old, more than the 14 days allowed"},
	} {
		plan := testPlan(t, tc.profile, "2026-12-03")
		plan.Lists.MaxAge = check.Duration(14 * 24 * time.Hour)
		s, err := check.NewSession(ctx, plan, check.Sources{Builtin: policies.FS, Lists: ls, Cache: cache, Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		d := s.Run(ctx, []check.Input{{Path: "in.json", Data: clean}}).Decision
		if d.ExitCode != tc.wantExit || (tc.wantErr != "" && (len(d.Errors) == 0 || !strings.Contains(d.Errors[0], tc.wantErr))) {
			t.Errorf("%s: exit %d, errors %q; want %d and %q", tc.profile, d.ExitCode, d.Errors, tc.wantExit, tc.wantErr)
		}
	}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

// A Kaspersky supplier planted in an SPDX 3.0 document fails with the
// ICTS citation, as its SPDX 2.3 twin does.
func TestSPDX3TwinFails(t *testing.T) {
	s := session(t, testPlan(t, "federal-contractor", "2026-11-27"))
	for _, path := range []string{
		filepath.Join("..", "..", "sbom", "testdata", "spdx3-kaspersky.spdx3.json"),
		filepath.Join("..", "..", "examples", "sbom", "kaspersky.spdx"),
	} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d := s.Run(context.Background(), []check.Input{{Path: path, Data: data}}).Decision
		in := d.Inputs[0]
		if d.ExitCode != decision.ExitFail {
			t.Fatalf("%s: exit %d (%s), want 1", path, d.ExitCode, in.Error)
		}
		cited := false
		for _, v := range in.Result.Violations {
			cited = cited || (v.Authority != nil && strings.Contains(v.Authority.Citation, "89 FR 52434"))
		}
		if !cited {
			t.Errorf("%s: no violation cites the ICTS determination: %+v", path, in.Result.Violations)
		}
	}
}

// An input parsed ahead is decided alike by a second run, which parses it
// again (the first let its document go once it had built the policy
// input); without its bytes, the second run says it cannot.
func TestRunParsedTwice(t *testing.T) {
	plan := testPlan(t, "federal-contractor", "2026-11-27")
	s := session(t, plan)
	ctx := context.Background()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "sbom", "kaspersky.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	in := check.Parse(plan, check.Input{Path: "k.cdx.json", Data: data})
	first := s.Run(ctx, []check.Input{in}).Decision
	second := s.Run(ctx, []check.Input{in}).Decision
	if first.ExitCode != decision.ExitFail || len(first.Inputs[0].Result.Violations) == 0 {
		t.Fatalf("first run: exit %d, %+v", first.ExitCode, first.Inputs[0])
	}
	if d := cmp.Diff(first.Inputs, second.Inputs); d != "" {
		t.Errorf("the second run decides otherwise (-first +second):\n%s", d)
	}
	dropped := check.Parse(plan, check.Input{Path: "k.cdx.json", Data: data})
	dropped.Data = nil
	if d := s.Run(ctx, []check.Input{dropped}).Decision; d.ExitCode != decision.ExitFail {
		t.Fatalf("first run without the bytes: exit %d", d.ExitCode)
	}
	again := s.Run(ctx, []check.Input{dropped}).Decision
	if again.ExitCode != decision.ExitError || !strings.Contains(again.Inputs[0].Error, "checked before, and its bytes were not kept") {
		t.Errorf("second run without the bytes: exit %d, %q", again.ExitCode, again.Inputs[0].Error)
	}
}
