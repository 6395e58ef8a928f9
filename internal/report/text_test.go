package report_test

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/decision"
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

// The compact form names, for every finding, its rule, subject, list
// entry and line, and each rule's authority once; its colours change
// nothing but colours.
func TestTextCompact(t *testing.T) {
	t.Parallel()
	for _, fx := range fixtures() {
		t.Run(fx.name, func(t *testing.T) {
			t.Parallel()
			plain := string(compactText(t, fx.run, false))
			colored := compactText(t, fx.run, true)
			if got := string(regexpANSI.ReplaceAll(colored, nil)); got != plain {
				t.Errorf("coloured output differs from plain output beyond the colours")
			}
			if strings.Contains(plain, "\x1b") {
				t.Error("plain output has ANSI escapes")
			}
			for _, e := range fx.run.Errors {
				if !strings.Contains(strings.Join(strings.Fields(plain), " "), e) {
					t.Errorf("run error %q missing", e)
				}
			}
			lines := strings.Split(plain, "\n")
			for _, in := range fx.run.Inputs {
				res := in.Result
				for _, v := range slices.Concat(res.Violations, res.Reviews, res.Warnings, res.Waived) {
					row := ""
					for _, l := range lines {
						if strings.Contains(l, " "+v.Rule+" ") && strings.Contains(l, v.Subject.Name) && strings.Contains(l, v.Pointer) {
							row = l
						}
					}
					if row == "" {
						t.Errorf("no row for %s on %s", v.Rule, v.Subject.Name)
						continue
					}
					if m := v.Match; m != nil && !strings.Contains(row, m["list"].(string)+"/"+m["entry_id"].(string)) {
						t.Errorf("row for %s lacks the entry: %q", v.Rule, row)
					}
					if v.Line > 0 && !strings.Contains(row, " "+strconv.Itoa(v.Line)+"  ") {
						t.Errorf("row for %s lacks line %d: %q", v.Rule, v.Line, row)
					}
					if a := v.Authority; a != nil && strings.Count(plain, a.Citation) != 1 {
						t.Errorf("authority %q printed %d times, want once", a.Citation, strings.Count(plain, a.Citation))
					}
				}
			}
		})
	}
}

// Many findings of one rule share one explanation: the long text is
// printed once, under the rule, and each row stays one line.
func TestTextCompactExplainsOncePerRule(t *testing.T) {
	t.Parallel()
	run := failRun()
	res := &run.Inputs[0].Result
	const shared = "AO Kaspersky Lab itself is not on the SDN list, but twelve of its leaders were designated on 2024-06-21 under E.O. 14024."
	var ws []decision.Violation
	for i, name := range []string{"kav-sdk", "kaspresso", "online-scanner", "update-client", "kes"} {
		w := coverageWarning()
		w.Rule, w.Title, w.Severity = "kaspersky-leaders-sdn-2024", "AO Kaspersky Lab is not designated; its leaders are", "medium"
		w.Subject = decision.Subject{Kind: "component", Ref: name, Name: name, Version: "1." + strconv.Itoa(i)}
		w.Message = name + ": supplier matches Kaspersky Lab, Inc. (ban list \"kaspersky\"). " + shared
		ws = append(ws, w)
	}
	res.Warnings = ws
	out := string(compactText(t, run, false))
	flat := strings.Join(strings.Fields(out), " ")
	if strings.Count(flat, shared) != 1 {
		t.Errorf("the shared explanation appears %d times, want once:\n%s", strings.Count(flat, shared), out)
	}
	if strings.Contains(flat, "kaspresso: supplier matches") {
		t.Errorf("the part of a message naming one subject is repeated under the rule:\n%s", out)
	}
	if strings.Count(out, "kaspersky-leaders-sdn-2024") != 6 {
		t.Errorf("want 5 rows and one note for the rule:\n%s", out)
	}
}

func TestSharedExplanationEdges(t *testing.T) {
	t.Parallel()
	run := failRun()
	res := &run.Inputs[0].Result
	// Messages with nothing in common: no explanation under the rule.
	a, b := kasperskyViolation(), kasperskyViolation()
	b.Subject.Name, b.Message = "other", "completely different words."
	res.Violations = []decision.Violation{a, b}
	out := string(compactText(t, run, false))
	if strings.Contains(out, a.Message[:30]) || strings.Contains(out, "completely different") {
		t.Errorf("messages without a shared sentence are printed:\n%s", out)
	}
}

func TestSharedExplanationSentences(t *testing.T) {
	t.Parallel()
	run := failRun()
	res := &run.Inputs[0].Result
	a, b := kasperskyViolation(), kasperskyViolation()
	b.Subject.Name = "other"
	// The common ending starts inside a citation: no sentence to print.
	a.Message = "Acme (equipment from Huawei; FAR 52.204-25; NDAA FY2019 section 889)."
	b.Message = "Beta (equipment from ZTE; FAR 52.204-25(a)(2); NDAA FY2019 section 889)."
	res.Violations = []decision.Violation{a, b}
	if out := string(compactText(t, run, false)); strings.Contains(out, "section 889).") {
		t.Errorf("a fragment of a citation is printed as an explanation:\n%s", out)
	}
	// "Inc. (" does not start a sentence; "Prohibited" does.
	a.Message = "a: matches Kaspersky Lab, Inc. (name). Prohibited under FAR 52.204-23 from 2018-10-01."
	b.Message = "bb: x matches Kaspersky Lab, Inc. (name). Prohibited under FAR 52.204-23 from 2018-10-01."
	res.Violations = []decision.Violation{a, b}
	out := string(compactText(t, run, false))
	if !strings.Contains(out, "\n  Prohibited under FAR 52.204-23 from 2018-10-01.\n") || strings.Contains(out, "(name). Prohibited") {
		t.Errorf("the shared sentence is not printed alone:\n%s", out)
	}
}
