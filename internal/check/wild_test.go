package check_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/corpustest"
	"github.com/bangate/bangate/internal/decision"
)

// wildSample is what a -short run checks of the wild corpus: files of its
// first two collections (so that only the start of the archive is read),
// chosen for what issue 12 found in them: shared mail and site domains,
// urllib3's author, a person named like a vendor, and files that cannot be
// read faithfully.
var wildSample = []string{
	"bom-shelter-lab/bom-airbyte_bootloader-2a8e24d79fe1.spdx.json",
	"bom-shelter-lab/syft-grafana_loki-262d91088fb8.spdx.json",
	"bom-shelter-lab/syft-mirantis_ucp-auth-43cadffba325.spdx.json",
	"bom-shelter-lab/syft-pingidentity_pingtoolkit-752c863b252e.spdx.json",
	"bom-shelter-wild/bashrc2-sbom-cdx.json",
	"bom-shelter-wild/cbor-sbom.spdx",
	"bom-shelter-wild/flagger_1.18.0_sbom.spdx.json",
	"bom-shelter-wild/julia.spdx",
	"bom-shelter-wild/mediawiki-cdx.xml",
	"bom-shelter-wild/missionlz.spdx.json",
}

// The whole gate over every file of the wild corpus (testdata/wild: 811
// real SBOMs in two archives) decides what EXPECTED.tsv says: no fail that
// is not a real finding, reviews on at most 1% of the files, exit 2 only
// for the files listed unreadable, each with its cause named. -short checks wildSample.
func TestWildCorpus(t *testing.T) {
	if raceEnabled {
		t.Skip("the wild corpus takes minutes under the race detector; run it without -race")
	}
	wild, err := corpustest.WildDir()
	if err != nil {
		t.Fatal(err)
	}
	ef, err := os.Open(filepath.Join(wild, "EXPECTED.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer ef.Close()
	exp, err := corpustest.ParseExpected(ef)
	if err != nil {
		t.Fatal(err)
	}
	var files []corpustest.File
	if testing.Short() {
		files = corpustest.LoadSample(t, wildSample)
	} else {
		files = corpustest.Load(t).Files
	}
	start := time.Now()
	plan := testPlan(t, "federal-contractor", "2026-12-03")
	plan.Input.MaxSize = 256 << 20
	s := session(t, plan)
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	run := s.Run(context.Background(), check.ReadInputs(paths, nil, plan.Input.MaxSize))
	if len(run.Decision.Inputs) != len(files) || len(run.Decision.Skipped) != 0 {
		t.Fatalf("%d inputs decided and %d skipped for %d files", len(run.Decision.Inputs), len(run.Decision.Skipped), len(files))
	}
	counts := map[string]int{}
	var falseFails, unexpected []string
	for i, in := range run.Decision.Inputs {
		f := files[i]
		want, ok := exp[f.Name]
		if !ok {
			t.Errorf("%s: no expectation in EXPECTED.tsv", f.Name)
			continue
		}
		got := wildOutcome(in.Outcome)
		counts[got]++
		if got == corpustest.ExpectFail && want.Outcome != corpustest.ExpectFail {
			falseFails = append(falseFails, f.Name+": "+findingsText(in))
		}
		if got == corpustest.ExpectUnreadable {
			if want.Outcome != corpustest.ExpectUnreadable {
				unexpected = append(unexpected, fmt.Sprintf("%s: exit 2 (%s), expected %s", f.Name, in.Error, want.Outcome))
				continue
			}
			// The cause is named, with the file: never a bare refusal.
			if in.Error == "" || strings.Contains(in.Error, "rejected by the parser") || !strings.Contains(in.Error, filepath.Base(f.Path)) {
				t.Errorf("%s: unreadable without its cause and place named: %q", f.Name, in.Error)
			}
		}
		if got != want.Outcome {
			unexpected = append(unexpected, fmt.Sprintf("%s: %s, expected %s (%s): %s%s", f.Name, got, want.Outcome, want.Reason, findingsText(in), in.Error))
		}
	}
	for _, f := range falseFails {
		t.Errorf("false fail: %s", f)
	}
	for _, u := range unexpected {
		t.Errorf("differs from EXPECTED.tsv: %s", u)
	}
	if !testing.Short() && counts[corpustest.ExpectReview]*100 > len(files) {
		t.Errorf("%d reviews, more than 1%% of %d files", counts[corpustest.ExpectReview], len(files))
	}
	t.Logf("%d files in %v: %d pass, %d fail, %d review, %d exit 2", len(files), time.Since(start).Round(time.Millisecond),
		counts[corpustest.ExpectPass], counts[corpustest.ExpectFail], counts[corpustest.ExpectReview], counts[corpustest.ExpectUnreadable])
}

// wildOutcome names a decided outcome as EXPECTED.tsv does.
func wildOutcome(o string) string {
	switch o {
	case decision.OutcomePass:
		return corpustest.ExpectPass
	case decision.OutcomeFail:
		return corpustest.ExpectFail
	case decision.OutcomeReview:
		return corpustest.ExpectReview
	}
	return corpustest.ExpectUnreadable
}

// findingsText lists the first findings of an input, for a failure message.
func findingsText(in decision.Input) string {
	var parts []string
	for _, v := range append(append([]decision.Violation(nil), in.Result.Violations...), in.Result.Reviews...) {
		parts = append(parts, v.Rule+": "+v.Message)
		if len(parts) == 3 {
			break
		}
	}
	return strings.Join(parts, " | ")
}
