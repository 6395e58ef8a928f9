package report_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/report"
)

func TestFormats(t *testing.T) {
	t.Parallel()
	want := []string{"text", "json", "sarif", "junit", "markdown", "html"}
	if diff := cmp.Diff(want, report.Formats()); diff != "" {
		t.Errorf("Formats (-want +got):\n%s", diff)
	}
	// The returned slice is a copy.
	f := report.Formats()
	f[0] = "changed"
	if report.Formats()[0] != "text" {
		t.Error("Formats returned shared state")
	}
	for _, format := range want {
		if _, err := report.New(format); err != nil {
			t.Errorf("New(%q): %v", format, err)
		}
		if report.Extension(format) == "" {
			t.Errorf("Extension(%q) is empty", format)
		}
	}
}

func TestNewUnknownFormat(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"", "xml", "TEXT", "sarif2"} {
		r, err := report.New(format)
		if err == nil || r != nil {
			t.Errorf("New(%q) = %v, %v; want an error", format, r, err)
			continue
		}
		for _, known := range report.Formats() {
			if !strings.Contains(err.Error(), known) {
				t.Errorf("New(%q) error %q does not list %q", format, err, known)
			}
		}
	}
}

func TestRenderNilRun(t *testing.T) {
	t.Parallel()
	for _, format := range report.Formats() {
		r, _ := report.New(format)
		var b strings.Builder
		if err := r.Render(&b, nil); !errors.Is(err, report.ErrNilRun) {
			t.Errorf("%s: Render(nil) = %v, want ErrNilRun", format, err)
		}
	}
}

// failingWriter accepts n bytes, then fails.
type failingWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	k := w.n
	w.n = 0
	return k, errDiskFull
}

func TestRenderWriteError(t *testing.T) {
	t.Parallel()
	for _, format := range report.Formats() {
		size := len(render(t, format, waivedRun()))
		for _, n := range []int{0, 100, size / 2, size - 1} {
			r, _ := report.New(format)
			if err := r.Render(&failingWriter{n: n}, waivedRun()); !errors.Is(err, errDiskFull) {
				t.Errorf("%s after %d bytes: err = %v, want the write error", format, n, err)
			}
		}
		r, _ := report.New(format)
		if err := r.Render(&failingWriter{n: size}, waivedRun()); err != nil {
			t.Errorf("%s into exactly %d bytes: %v", format, size, err)
		}
	}
}
