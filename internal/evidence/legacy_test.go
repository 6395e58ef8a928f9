package evidence_test

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/evidence"
)

// Records written before the plan was recorded (predicate version 1) are
// still read and replayed to the same decision, except one whose waivers
// select by a bare ref, which today's code refuses (issue 13: a second
// component given the same ref was waived too): its replay says so, and
// how to fix the waiver.
func TestReplayVersion1Records(t *testing.T) {
	dir := t.TempDir()
	extractTarGz(t, filepath.Join("testdata", "legacy-v1.tar.gz"), dir)
	st, err := evidence.OpenStore(filepath.Join(dir, "evidence"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sbom.intoto.json", "procurement.intoto.json", "clean.intoto.json"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			rec, err := evidence.Open(data, name)
			if err != nil {
				t.Fatal(err)
			}
			if rec.Predicate.Version != 1 || rec.Predicate.Config == nil {
				t.Fatalf("not a version 1 record: version %d", rec.Predicate.Version)
			}
			res, err := evidence.Replay(context.Background(), rec, st, evidence.ReplayOptions{Tool: tool, Cache: cache})
			if name == "sbom.intoto.json" {
				if err == nil || !strings.Contains(err.Error(), `ref "kav-sdk" alone`) || !strings.Contains(err.Error(), "add the component's purl") {
					t.Fatalf("replay of a record with a ref-only waiver: err %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !res.Same {
				var diffs []string
				for _, d := range res.Diffs {
					diffs = append(diffs, d.Path+":\n"+d.Diff)
				}
				t.Fatalf("replay differs: recorded exit %d, replayed %d\n%s", res.RecordedExit, res.ExitCode, strings.Join(diffs, "\n"))
			}
			if res.ListSources["ofac-sdn"] != "evidence store" {
				t.Errorf("ofac-sdn from %q, want the evidence store", res.ListSources["ofac-sdn"])
			}
		})
	}
}

// extractTarGz unpacks a test archive of regular files and directories.
func extractTarGz(t *testing.T, archive, dir string) {
	t.Helper()
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, filepath.FromSlash(h.Name))
		if !strings.HasPrefix(dst, dir) {
			t.Fatalf("archive entry %q leaves the directory", h.Name)
		}
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(dst, 0o755); err != nil {
				t.Fatal(err)
			}
		case tar.TypeReg:
			b, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dst, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
