package report_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/report"
)

func TestMarkdownCellsEscaped(t *testing.T) {
	t.Parallel()
	run := failRun()
	v := &run.Inputs[0].Result.Violations[0]
	v.Subject.Ref = "pkg:npm/a|b@1"
	v.Pointer = "/components/3/supplier/na|me"
	v.Title = "two\nlines\r\nhere"
	v.Match["value"] = "AO Kaspersky | Lab <b>bold</b>"
	v.Authority.URL = "https://example.org/a (b)|c"
	out := string(render(t, report.FormatMarkdown, run))

	// Every table row keeps its column count: no raw | or newline leaks.
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "| ") {
			continue
		}
		cols := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|")
		if strings.HasPrefix(line, "| input ") || strings.Contains(line, "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |") || strings.HasPrefix(line, "| sbom/") {
			continue
		}
		if strings.HasPrefix(line, "| id ") || strings.HasPrefix(line, "| kaspersky ") || strings.HasPrefix(line, "| ofac-sdn ") ||
			strings.HasPrefix(line, "| section-889 ") || strings.HasPrefix(line, "| --- | --- | --- | --- | ---: |") {
			if cols != 9 {
				t.Errorf("list row has %d separators, want 9: %s", cols, line)
			}
			continue
		}
		if cols != 7 {
			t.Errorf("finding row has %d separators, want 7: %s", cols, line)
		}
	}
	for _, want := range []string{
		`pkg:npm/a\|b@1`,
		`two<br>lines<br>here`,
		`AO Kaspersky \| Lab &lt;b&gt;bold&lt;/b&gt;`,
		`(https://example.org/a%20%28b%29%7Cc)`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestMarkdownSections(t *testing.T) {
	t.Parallel()
	out := string(render(t, report.FormatMarkdown, waivedRun()))
	for _, want := range []string{
		"**Outcome: FAIL**",
		"#### Violations",
		"<details><summary>Warnings (1)</summary>",
		"<details><summary>Waived (1)</summary>",
		"<details><summary>Lists used (3)</summary>",
		"[89 FR 52434 (2024-06-24); 15 CFR part 7](https://www.federalregister.gov/d/2024-13532) (effective 2024-09-29)",
		"| 2027-03-31 |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "javascript:") {
		t.Error("unsafe link")
	}
}
