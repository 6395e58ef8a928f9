package cli_test

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/decision"
)

// TestCheckOutputTargets writes a report into a symbolic link, a FIFO,
// /dev/null and a descriptor alias (what /dev/stdout is): each receives
// the report and stays what it was. A report into a missing directory is
// refused before the check, naming the directory and no probe file.
func TestCheckOutputTargets(t *testing.T) {
	clean := example("sbom/clean.cdx.json")
	dir := t.TempDir()

	t.Run("symlink", func(t *testing.T) {
		shared := t.TempDir()
		target := filepath.Join(shared, "report.json")
		if err := os.WriteFile(target, []byte("old"), 0o640); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "report.json")
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		if r := run(t, "", "check", "-o", "json="+link, clean); r.code != decision.ExitPass {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Fatalf("the link was replaced")
		}
		checkReport(t, readFile(t, target))
		if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
			t.Errorf("target mode %v, want 0640 kept", fi.Mode().Perm())
		}
	})

	t.Run("dev null", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			t.Skip("no /dev/null")
		}
		if r := run(t, "", "check", "-o", "json=/dev/null", clean); r.code != decision.ExitPass {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
			t.Fatalf("/dev/null is no longer a device")
		}
	})

	t.Run("fifo", func(t *testing.T) {
		fifo := filepath.Join(dir, "report.fifo")
		if err := mkfifo(fifo); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		got := make(chan []byte, 1)
		go func() {
			f, err := os.Open(fifo)
			if err != nil {
				got <- nil
				return
			}
			defer f.Close()
			b, _ := io.ReadAll(f)
			got <- b
		}()
		if r := run(t, "", "check", "-o", "json="+fifo, clean); r.code != decision.ExitPass {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		checkReport(t, <-got)
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
			t.Fatalf("the FIFO was replaced")
		}
	})

	t.Run("descriptor alias", func(t *testing.T) {
		if _, err := os.Stat("/proc/self/fd"); err != nil {
			t.Skip("no /proc/self/fd")
		}
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		got := make(chan []byte, 1)
		go func() { b, _ := io.ReadAll(r); got <- b }()
		res := run(t, "", "check", "-o", fmt.Sprintf("json=/dev/fd/%d", w.Fd()), clean)
		w.Close()
		if res.code != decision.ExitPass {
			t.Fatalf("exit %d: %s", res.code, res.stderr)
		}
		checkReport(t, <-got)
	})

	t.Run("missing directory", func(t *testing.T) {
		out := filepath.Join(dir, "no", "such", "report.json")
		r := run(t, "", "check", "-o", "json="+out, clean)
		if r.code != decision.ExitError {
			t.Fatalf("exit %d, want 2", r.code)
		}
		if !strings.Contains(r.stderr, "directory "+filepath.Join(dir, "no", "such")+" does not exist") || strings.Contains(r.stderr, "probe") {
			t.Errorf("stderr %q: want the missing directory named and no probe file", r.stderr)
		}
	})
}

// checkReport checks that b is a JSON report that passed.
func checkReport(t *testing.T, b []byte) {
	t.Helper()
	var d decision.Run
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("not a JSON report (%d bytes): %v", len(b), err)
	}
	if len(d.Inputs) != 1 || d.Inputs[0].Outcome != "pass" {
		t.Errorf("report inputs %+v", d.Inputs)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
