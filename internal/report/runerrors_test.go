package report_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/report"
)

// The run's own errors (a list older than allowed) are shown in every
// format, near the outcome: a reader sees why the check could not pass
// before any input.
func TestRunErrorsInEveryFormat(t *testing.T) {
	t.Parallel()
	run := staleRun()
	const want = "list ofac-sdn published 2025-08-20 is 464 days old"
	near := map[string]string{ // what the error must come before
		report.FormatText:     "input sbom/app.cdx.json",
		report.FormatJSON:     `"inputs"`,
		report.FormatSARIF:    `"results"`,
		report.FormatJUnit:    `<testsuite name="sbom/app.cdx.json"`,
		report.FormatMarkdown: "| input |",
		report.FormatHTML:     `<section class="input">`,
	}
	for _, format := range report.Formats() {
		out := string(render(t, format, run))
		at := strings.Index(out, want)
		if at < 0 {
			t.Errorf("%s: run error missing", format)
			continue
		}
		if next := strings.Index(out, near[format]); next < 0 || next < at {
			t.Errorf("%s: the run error comes after %q", format, near[format])
		}
	}
	if out := string(render(t, report.FormatJUnit, run)); !strings.Contains(out, `<error message="the check could not be completed: 1 error" type="run-error">`) {
		t.Errorf("junit: no error element for the run")
	}
	if out := string(render(t, report.FormatHTML, run)); !strings.Contains(out, `<div id="run-errors" class="run-errors" role="alert">`) {
		t.Errorf("html: no banner")
	}
}
