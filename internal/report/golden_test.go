package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/report"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// render renders run in format or fails the test.
func render(t testing.TB, format string, run *decision.Run) []byte {
	t.Helper()
	r, err := report.New(format)
	if err != nil {
		t.Fatalf("New(%q): %v", format, err)
	}
	var buf bytes.Buffer
	if err := r.Render(&buf, run); err != nil {
		t.Fatalf("Render(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	t.Parallel()
	for _, fx := range fixtures() {
		for _, format := range report.Formats() {
			name := fx.name + "." + report.Extension(format)
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				got := render(t, format, fx.run)
				path := filepath.Join("testdata", "golden", name)
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("read golden (run with -update to create it): %v", err)
				}
				if diff := cmp.Diff(string(want), string(got)); diff != "" {
					t.Errorf("%s differs from golden (-want +got):\n%s", name, diff)
				}
			})
		}
	}
}

// compactText renders run in the compact text form, 100 columns wide.
func compactText(t testing.TB, run *decision.Run, color bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	r := report.NewText(report.TextOptions{Compact: true, Color: color, Width: 100, Hint: "full detail: --verbose"})
	if err := r.Render(&buf, run); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGoldenCompact renders every fixture in the compact text form.
func TestGoldenCompact(t *testing.T) {
	t.Parallel()
	for _, fx := range fixtures() {
		name := fx.name + ".compact.txt"
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := compactText(t, fx.run, false)
			path := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden (run with -update to create it): %v", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s differs from golden (-want +got):\n%s", name, diff)
			}
		})
	}
}

// TestDeterministic renders every fixture twice, and many times at once,
// and wants the same bytes each time.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	for _, fx := range fixtures() {
		for _, format := range report.Formats() {
			t.Run(fx.name+"/"+format, func(t *testing.T) {
				t.Parallel()
				first := render(t, format, fx.run)
				var wg sync.WaitGroup
				outs := make([][]byte, 8)
				for i := range outs {
					wg.Go(func() { outs[i] = render(t, format, fx.run) })
				}
				wg.Wait()
				for i, o := range outs {
					if !bytes.Equal(first, o) {
						t.Fatalf("render %d differs from the first", i)
					}
				}
			})
		}
	}
}

// TestRenderDoesNotModifyRun checks that renderers treat the run as
// read-only (lists come in unsorted here).
func TestRenderDoesNotModifyRun(t *testing.T) {
	t.Parallel()
	run := waivedRun()
	run.Lists[0], run.Lists[2] = run.Lists[2], run.Lists[0]
	want := waivedRun()
	want.Lists[0], want.Lists[2] = want.Lists[2], want.Lists[0]
	for _, format := range report.Formats() {
		render(t, format, run)
	}
	if diff := cmp.Diff(want, run); diff != "" {
		t.Errorf("run changed by rendering (-want +got):\n%s", diff)
	}
}
