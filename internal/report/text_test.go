package report_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/report"
)

var regexpANSI = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func TestTextColor(t *testing.T) {
	t.Parallel()
	plain := render(t, report.FormatText, failRun())
	if bytes.Contains(plain, []byte("\x1b[")) {
		t.Error("default text output has ANSI escapes")
	}
	var colored bytes.Buffer
	if err := report.NewText(report.TextOptions{Color: true}).Render(&colored, failRun()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(colored.Bytes(), []byte("\x1b[1m\x1b[31mFAIL\x1b[0m")) {
		t.Error("coloured output lacks a red FAIL")
	}
	stripped := regexpANSI.ReplaceAll(colored.Bytes(), nil)
	if !bytes.Equal(stripped, plain) {
		t.Error("coloured output differs from plain output beyond the colours")
	}
}

func TestTextNeutralisesTerminalControls(t *testing.T) {
	t.Parallel()
	run := failRun()
	v := &run.Inputs[0].Result.Violations[0]
	v.Subject.Ref = "pkg:npm/evil\x1b]0;pwned\x07@1"
	v.Message = "line one\nFAKE: line two\r\u202egnp.exe"
	out := string(render(t, report.FormatText, run))
	for _, bad := range []string{"\x1b", "\x07", "\r", "\u202e", "\nFAKE"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q", bad)
		}
	}
	for _, want := range []string{`evil\u001b]0;pwned\u0007@1`, `line one\u000aFAKE: line two\u000d\u202egnp.exe`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks the escaped form %q", want)
		}
	}
}

func TestTextSummaryAndLists(t *testing.T) {
	t.Parallel()
	out := string(render(t, report.FormatText, waivedRun()))
	for _, want := range []string{
		"summary: 1 violation, 0 reviews, 1 warning, 1 waived; coverage: 212 components, 210 attributed, 2 unattributed",
		"ofac-sdn     sanctions  2026-08-20  2026-11-20  99d    19249    947009274b16",
		"expires 2027-03-31",
		"expired:   \"removal scheduled with the 4.3 release\"",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
