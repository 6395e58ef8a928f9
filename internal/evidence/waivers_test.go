package evidence_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/evidence"
)

// The record sorts the waivers into applied, expired and unused, and a
// replay applies the recorded waivers again.
func TestWaiversRecordedAndReplayed(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join("testdata", "waivers.yaml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	plan := testPlan()
	plan.Waivers.File = check.NewBlob(file, data)
	sdn := importSDN(t, t.TempDir(), "sdn-2025-05", published2025)
	c := checkPlan(t, plan, sdn, "iran.cdx.json")
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
