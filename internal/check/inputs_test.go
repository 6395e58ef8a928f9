package check_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
)

// A directory input decides its SBOMs and vendor files and reports every
// other entry as skipped with the reason, never silently: hidden entries,
// links out of the tree, FIFOs, READMEs and workflow files, an ownership
// file. A link inside the tree is followed.
func TestDirectoryInputs(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "in")
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	sbomData, err := os.ReadFile(filepath.Join("..", "..", "examples", "sbom", "kaspersky.cdx.json"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("app.cdx.json", sbomData)
	write("README.md", []byte("# Our SBOMs\n\nThese are the release SBOMs, one per image.\n"))
	write("ci.yml", []byte("name: CI\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n"))
	write("ownership.csv", []byte("owner,owned,percent\nA Ltd,B Ltd,50\n"))
	write(".hidden.json", sbomData)
	if err := os.WriteFile(filepath.Join(root, "outside.json"), sbomData, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("app.cdx.json", filepath.Join(dir, "link.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "outside.json"), filepath.Join(dir, "out.json")); err != nil {
		t.Fatal(err)
	}
	wantSkipped := []decision.Skipped{
		{Path: filepath.Join(dir, "README.md"), Reason: "not an SBOM or vendor file"},
		{Path: filepath.Join(dir, "ci.yml"), Reason: "not an SBOM or vendor file"},
		{Path: filepath.Join(dir, "ownership.csv"), Reason: "an ownership file: give it with --ownership"},
		{Path: filepath.Join(dir, ".git"), Reason: "hidden directory"},
		{Path: filepath.Join(dir, ".hidden.json"), Reason: "hidden file"},
	}
	if runtime.GOOS != "windows" {
		if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
			t.Fatal(err)
		}
		wantSkipped = append(wantSkipped, decision.Skipped{Path: filepath.Join(dir, "out.json"), Reason: "symbolic link to " + filepath.Join(root, "outside.json") + ", outside " + dir})
		wantSkipped = append(wantSkipped, decision.Skipped{Path: filepath.Join(dir, "pipe"), Reason: "not a regular file (p---------)"})
	}
	plan := testPlan(t, "federal-contractor", "2026-11-27")
	d := session(t, plan).Run(context.Background(), check.ReadInputs([]string{dir}, nil, plan.Input.MaxSize)).Decision
	var got []string
	for _, in := range d.Inputs {
		got = append(got, filepath.Base(in.Path))
	}
	if diff := cmp.Diff([]string{"app.cdx.json", "link.json"}, got); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
	less := func(a, b decision.Skipped) bool { return a.Path < b.Path }
	if diff := cmp.Diff(wantSkipped, d.Skipped, cmpSortSkipped(less)); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
	if d.ExitCode != decision.ExitFail {
		t.Errorf("exit %d, want 1 (the Kaspersky SBOM)", d.ExitCode)
	}

	// Named by the user, a file that is not an input is an error, not a skip.
	for _, name := range []string{"README.md", "ownership.csv"} {
		d := session(t, plan).Run(context.Background(), check.ReadInputs([]string{filepath.Join(dir, name)}, nil, plan.Input.MaxSize)).Decision
		if d.ExitCode != decision.ExitError || len(d.Skipped) != 0 {
			t.Errorf("%s named: exit %d, skipped %v; want 2", name, d.ExitCode, d.Skipped)
		}
	}
	// A directory of nothing but non-inputs checked nothing: exit 2.
	only := filepath.Join(root, "docs")
	if err := os.MkdirAll(only, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(only, "README.md"), []byte("# docs\nnothing here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d = session(t, plan).Run(context.Background(), check.ReadInputs([]string{only}, nil, plan.Input.MaxSize)).Decision
	if d.ExitCode != decision.ExitError || len(d.Skipped) != 1 {
		t.Errorf("a directory without inputs: exit %d, skipped %v; want 2", d.ExitCode, d.Skipped)
	}
}

func cmpSortSkipped(less func(a, b decision.Skipped) bool) cmp.Option {
	return cmpopts.SortSlices(less)
}

// TestReadInputsOffHeap checks that a file read outside the heap has the
// bytes ReadInputs reads, small and large, and that a file larger than
// the limit is still refused.
func TestReadInputsOffHeap(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("0123456789abcdef"), (2<<20)/16+3)
	small := []byte(`{"bomFormat":"CycloneDX"}`)
	for name, data := range map[string][]byte{"big.json": big, "small.json": small} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	paths := []string{filepath.Join(dir, "big.json"), filepath.Join(dir, "small.json")}
	inputs, release := check.ReadInputsOffHeap(paths, nil, 1<<30)
	defer release()
	want := check.ReadInputs(paths, nil, 1<<30)
	for i := range inputs {
		if inputs[i].Err != nil || !bytes.Equal(inputs[i].Data, want[i].Data) {
			t.Errorf("%s: %d bytes (err %v), want %d", paths[i], len(inputs[i].Data), inputs[i].Err, len(want[i].Data))
		}
	}
	limited, release2 := check.ReadInputsOffHeap(paths[:1], nil, 1<<20)
	defer release2()
	if limited[0].Err == nil {
		t.Errorf("a file over the size limit was read")
	}
}
