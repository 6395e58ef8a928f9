package evidence_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/evidence"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

var (
	published2025 = time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	published2026 = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
)

// A record made with an older list snapshot replays to the old decision
// after the list store got a newer one; then from the list store when the
// evidence store lost it; and is named as missing when neither has it.
func TestReplayOlderSnapshot(t *testing.T) {
	ctx := context.Background()
	listsDir := t.TempDir()
	old := importSDN(t, listsDir, "sdn-2025-05", published2025)
	st := openStore(t)
	_, rec := write(t, st, checkFiles(t, old, "iran.cdx.json"), nil)
	if rec.Predicate.ExitCode != decision.ExitFail {
		t.Fatalf("recorded exit %d, want 1 (11195 is on the older list)", rec.Predicate.ExitCode)
	}

	newer := importSDN(t, listsDir, "sdn-2024-06", published2026)
	if fresh := checkFiles(t, newer, "iran.cdx.json"); fresh.Run.Decision.ExitCode != decision.ExitPass {
		t.Fatalf("a fresh check on the newer list exits %d, want 0: the test needs lists that decide differently", fresh.Run.Decision.ExitCode)
	}

	res, err := evidence.Replay(ctx, rec, st, evidence.ReplayOptions{ListsDir: listsDir, Tool: tool})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Same || res.ExitCode != decision.ExitFail || res.ListSources["ofac-sdn"] != "evidence store" {
		t.Fatalf("same %v exit %d from %q; diffs %+v", res.Same, res.ExitCode, res.ListSources["ofac-sdn"], res.Diffs)
	}

	sdn := snapshotOf(t, rec, "ofac-sdn")
	removeObject(t, st, sdn.Object)
	res, err = evidence.Replay(ctx, rec, st, evidence.ReplayOptions{ListsDir: listsDir, Tool: tool})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Same || res.ListSources["ofac-sdn"] != "list store" {
		t.Fatalf("from the list store's previous snapshot: same %v, source %q", res.Same, res.ListSources["ofac-sdn"])
	}

	// One more snapshot with other content (the 2024-06 files without
	// ADD.CSV) pushes the old one out of the list store; the same files
	// stored again would not, since they replace only the current record.
	lst, err := lists.OpenStore(listsDir, func() time.Time { return published2026 })
	if err != nil {
		t.Fatal(err)
	}
	files := sdnFiles(t, "sdn-2024-06")
	delete(files, lists.RoleAdd)
	if _, err := lst.Import(lists.ImportSpec{Meta: provenance.List{ID: "ofac-sdn", Kind: provenance.KindSanctions, Published: published2026.AddDate(0, 1, 0)},
		Format: lists.FormatOFACLegacy, Files: files, AllowShrink: true}); err != nil {
		t.Fatal(err)
	}
	removeObject(t, st, sdn.Object)
	_, err = evidence.Replay(ctx, rec, st, evidence.ReplayOptions{ListsDir: listsDir, Tool: tool})
	if !errors.Is(err, evidence.ErrMissing) || evidence.IsInvalid(err) {
		t.Fatalf("err %v, want ErrMissing (exit 2)", err)
	}
	for _, want := range []string{"ofac-sdn", sdn.SHA256, "2025-05-01"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not name %s: %v", want, err)
		}
	}
}

// A replay that reaches another decision says so, with a diff.
func TestReplayDifferentDecision(t *testing.T) {
	old := importSDN(t, t.TempDir(), "sdn-2025-05", published2025)
	st := openStore(t)
	c := checkFiles(t, old, "iran.cdx.json")
	// Record a decision today's code does not reach: the input passed.
	d := c.Run.Decision
	d.Inputs[0].Result = decision.Result{Outcome: "pass"}
	d.Inputs[0].Outcome, d.Outcome, d.ExitCode = "pass", "pass", 0
	_, rec := write(t, st, c, nil)
	res, err := evidence.Replay(context.Background(), rec, st, evidence.ReplayOptions{Tool: tool})
	if err != nil {
		t.Fatal(err)
	}
	if res.Same || res.ExitCode != decision.ExitFail || res.RecordedExit != 0 || len(res.Diffs) != 1 {
		t.Fatalf("same %v exit %d recorded %d diffs %d", res.Same, res.ExitCode, res.RecordedExit, len(res.Diffs))
	}
	if !strings.Contains(res.Diffs[0].Diff, "evtest-sdn") {
		t.Errorf("diff does not show the new violation:\n%s", res.Diffs[0].Diff)
	}
}

// Replay takes inputs given on the command line, and refuses one whose
// digest differs.
func TestReplayGivenInputs(t *testing.T) {
	old := importSDN(t, t.TempDir(), "sdn-2025-05", published2025)
	st := openStore(t)
	_, rec := write(t, st, checkFiles(t, old, "iran.cdx.json"), nil)
	removeObject(t, st, rec.Predicate.Inputs[0].SHA256)
	_, err := evidence.Replay(context.Background(), rec, st, evidence.ReplayOptions{Tool: tool})
	if !errors.Is(err, evidence.ErrMissing) || !strings.Contains(err.Error(), "iran.cdx.json") {
		t.Fatalf("err %v, want the input named as missing", err)
	}
	data, err := os.ReadFile(filepath.Join("testdata", "iran.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := evidence.Replay(context.Background(), rec, st, evidence.ReplayOptions{Tool: tool,
		Inputs: []evidence.InputFile{{Path: "iran.cdx.json", Data: data}}})
	if err != nil || !res.Same {
		t.Fatalf("replay with --input: %v %+v", err, res)
	}
	_, err = evidence.Replay(context.Background(), rec, st, evidence.ReplayOptions{Tool: tool,
		Inputs: []evidence.InputFile{{Path: "iran.cdx.json", Data: append(data, ' ')}}})
	if !errors.Is(err, evidence.ErrInvalid) {
		t.Fatalf("changed --input: %v, want ErrInvalid", err)
	}
}

// A policy file gone from the store is named, exit 2.
func TestReplayMissingPolicy(t *testing.T) {
	old := importSDN(t, t.TempDir(), "sdn-2025-05", published2025)
	st := openStore(t)
	_, rec := write(t, st, checkFiles(t, old, "iran.cdx.json"), nil)
	var target string
	for _, f := range rec.Predicate.Policy.Files {
		if f.Path == "bangate/rules/evtest/evtest.rego" {
			target = f.SHA256
		}
	}
	removeObject(t, st, target)
	_, err := evidence.Replay(context.Background(), rec, st, evidence.ReplayOptions{Tool: tool})
	if !errors.Is(err, evidence.ErrMissing) || evidence.IsInvalid(err) || !strings.Contains(err.Error(), "bangate/rules/evtest/evtest.rego") {
		t.Fatalf("err %v, want the policy file named as missing", err)
	}
}

func snapshotOf(t *testing.T, rec *evidence.Record, id string) evidence.ListSnapshot {
	t.Helper()
	for _, l := range rec.Predicate.Lists {
		if l.ID == id {
			return l
		}
	}
	t.Fatalf("record has no list %s", id)
	return evidence.ListSnapshot{}
}

func removeObject(t *testing.T, st *evidence.Store, d string) {
	t.Helper()
	if err := os.Remove(filepath.Join(st.Dir(), "objects", d)); err != nil {
		t.Fatal(err)
	}
}
