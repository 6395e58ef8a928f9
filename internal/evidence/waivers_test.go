package evidence_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/evidence"
	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/policies"
)

// The record sorts the waivers into applied, expired and unused, and a
// replay applies the recorded waivers again.
func TestWaiversRecordedAndReplayed(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join("testdata", "waivers.yaml")
	ws, err := policy.LoadWaivers(file)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := policy.New(ctx, policy.Options{BuiltIn: policies.FS, UserDirs: []string{userPolicy}, Waivers: policy.WaiverData(ws)})
	if err != nil {
		t.Fatal(err)
	}
	sdn := importSDN(t, t.TempDir(), "sdn-2025-05", published2025)
	c := checkFiles(t, sdn, "iran.cdx.json")
	scr, err := check.NewScreening(c.Lists, screen.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	c.Engine, c.WaiverFile, c.Waivers = eng, file, ws
	c.Checker = check.New(eng, scr, check.Options{Profile: "federal-contractor", AsOf: asOf, MaxListed: 50, Kind: "auto"})
	c.Run = c.Checker.Run(ctx, c.Inputs, tool)
	check.ReportWaivers(c.Run, ws, asOf, 30)
	c.Config.WaiverWarnDays = 30
	st := openStore(t)
	_, rec := write(t, st, c, nil)
	got := rec.Predicate.Waivers
	want := struct{ Applied, Expired, Unused []string }{[]string{"W-1"}, []string{"W-2"}, []string{"W-3"}}
	if d := cmp.Diff(want, struct{ Applied, Expired, Unused []string }{got.Applied, got.Expired, got.Unused}); d != "" {
		t.Errorf("waivers (-want +got):\n%s", d)
	}
	if got.SHA256 == "" || len(got.Entries) != 3 {
		t.Errorf("waiver file digest %q, %d entries", got.SHA256, len(got.Entries))
	}
	res, err := evidence.Replay(ctx, rec, st, evidence.ReplayOptions{Tool: tool})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Same {
		t.Fatalf("replay with waivers differs: %+v", res.Diffs)
	}
}
