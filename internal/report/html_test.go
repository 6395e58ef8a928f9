package report_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/report"
)

// chromiumFlags are the flags every headless run gets: no sandbox (tests
// run as root in CI), and nothing that phones home.
func chromiumFlags(userDataDir string) []string {
	return []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + userDataDir,
	}
}

// runChromium runs headless Chromium with extra arguments and returns its
// standard output.
func runChromium(t *testing.T, chromium string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	all := append(chromiumFlags(filepath.Join(t.TempDir(), "profile")), args...)
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, chromium, all...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return stdout.Bytes()
}

var outcomeBanner = regexp.MustCompile(`<div id="outcome" class="([^"]*)"[^>]*>([^<]*)</div>`)

// TestHTMLInChromium opens the page in headless Chromium, takes a
// screenshot and reads the DOM Chromium built.
func TestHTMLInChromium(t *testing.T) {
	chromium := lookTool(t, "chromium", "chromium-browser")
	tests := []struct {
		name       string
		run        *decision.Run
		wantClass  string
		wantBanner string
		wantRows   int
	}{
		{"fail", failRun(), "outcome outcome-fail", "FAIL · exit 1 · 3 violations, 0 reviews, 1 warning, 0 waived", 3},
		{"waived", waivedRun(), "outcome outcome-fail", "FAIL · exit 1 · 1 violation, 0 reviews, 1 warning, 1 waived", 1},
		{"pass", passRun(), "outcome outcome-pass", "PASS · exit 0 · 0 violations, 0 reviews, 0 warnings, 0 waived", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			page := filepath.Join(dir, tt.name+".html")
			if err := os.WriteFile(page, render(t, report.FormatHTML, tt.run), 0o644); err != nil {
				t.Fatal(err)
			}
			url := "file://" + filepath.ToSlash(page)

			shot := filepath.Join(dir, "x.png")
			runChromium(t, chromium, "--screenshot="+shot, "--window-size=1280,2000", url)
			f, err := os.Open(shot)
			if err != nil {
				t.Fatalf("no screenshot: %v", err)
			}
			cfg, err := png.DecodeConfig(f)
			f.Close()
			if err != nil {
				t.Fatalf("screenshot is not a PNG: %v", err)
			}
			if cfg.Width != 1280 || cfg.Height != 2000 {
				t.Errorf("screenshot is %dx%d, want 1280x2000", cfg.Width, cfg.Height)
			}

			dom := string(runChromium(t, chromium, "--dump-dom", url))
			m := outcomeBanner.FindStringSubmatch(dom)
			if m == nil {
				t.Fatalf("no outcome banner in the DOM:\n%s", dom)
			}
			if m[1] != tt.wantClass {
				t.Errorf("banner class = %q, want %q", m[1], tt.wantClass)
			}
			if m[2] != tt.wantBanner {
				t.Errorf("banner text = %q, want %q", m[2], tt.wantBanner)
			}
			if got := strings.Count(dom, `<tr class="violation-row">`); got != tt.wantRows {
				t.Errorf("%d violation rows in the DOM, want %d", got, tt.wantRows)
			}
			if strings.Contains(dom, "<script") {
				t.Error("the DOM has a script element")
			}
		})
	}
}

// TestHTMLSelfContained checks that no page can make the browser fetch
// anything: no element or CSS construct that loads a resource, and a
// Content-Security-Policy that forbids it anyway.
func TestHTMLSelfContained(t *testing.T) {
	t.Parallel()
	loaders := regexp.MustCompile(`(?i)<script|<link|<img|<iframe|<object|<embed|<audio|<video|<source|<form|\ssrc=|\ssrcset=|url\(|@import|@font-face`)
	for _, fx := range fixtures() {
		t.Run(fx.name, func(t *testing.T) {
			t.Parallel()
			page := string(render(t, report.FormatHTML, fx.run))
			if loc := loaders.FindStringIndex(page); loc != nil {
				t.Errorf("page loads a resource: %q", page[max(loc[0]-40, 0):min(loc[1]+40, len(page))])
			}
			if !strings.Contains(page, `http-equiv="Content-Security-Policy" content="default-src 'none';`) {
				t.Error("page has no default-src 'none' policy")
			}
		})
	}
}

func TestHTMLEscapes(t *testing.T) {
	t.Parallel()
	run := failRun()
	v := &run.Inputs[0].Result.Violations[0]
	v.Subject.Ref = `pkg:npm/<script>alert(1)</script>@1`
	v.Message = `"><img src=x onerror=alert(1)>`
	v.Authority.URL = "javascript:alert(1)"
	page := string(render(t, report.FormatHTML, run))
	for _, bad := range []string{"<script>alert", "<img src=x", `href="javascript:`} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("subject text was not kept, escaped")
	}
}
