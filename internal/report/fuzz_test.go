package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"math"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/report"
)

// The fuzz targets render runs built from arbitrary strings and check that
// each output stays well-formed, and that no input string can change the
// structure of the text, Markdown and HTML reports. One target per format
// keeps each execution cheap, so the fuzzer's minimisation stays quick.

// fuzzInput is what one fuzz case puts into a run.
type fuzzInput struct {
	path, rule, text, ref, pointer, url string
	score                               float64
}

// run builds a run with the input in every field a renderer prints: one
// violation, one review, one warning and one waived finding.
func (in fuzzInput) run() *decision.Run {
	kind := "component"
	if in.ref == "" {
		kind = "document"
	}
	v := decision.Violation{
		Rule: in.rule, Severity: in.rule, Title: in.text, Message: in.text,
		Subject: decision.Subject{Kind: kind, Ref: in.ref, Name: in.text, Version: in.rule},
		Pointer: in.pointer, Line: len(in.pointer), Column: len(in.rule),
		Match: map[string]any{
			"list": in.rule, "entry_id": in.ref, "entry_name": in.text, "matched_name": in.text,
			"matched_on": "alias", "score": in.score, "method": "normalized", "programs": []any{in.text},
			"signal": "supplier", "value": in.text, "pointer": in.pointer, "confidence": "high",
		},
		Authority: &decision.Authority{Citation: in.text, URL: in.url, Effective: in.rule, Obligation: in.rule},
	}
	waived := v
	waived.Waiver = map[string]any{"rule": in.rule, "reason": in.text, "expires": in.rule, "ticket": in.ref}
	input := decision.Input{
		Path: in.path, Kind: "sbom", Format: in.rule, SHA256: in.ref, Outcome: decision.OutcomeFail,
		Result: decision.Result{
			Outcome: decision.OutcomeFail, Violations: []decision.Violation{v},
			Reviews: []decision.Violation{v}, Warnings: []decision.Violation{v}, Waived: []decision.Violation{waived},
		},
	}
	run := &decision.Run{Tool: tool(), AsOf: asOf, Profile: in.text, Lists: listProvenance(),
		Inputs: []decision.Input{input}, Outcome: decision.OutcomeFail, ExitCode: decision.ExitFail}
	if in.text != "" {
		run.Errors = []string{in.text}
	}
	return run
}

// plain replaces every non-empty string with "x": the same structure with
// nothing to escape.
func (in fuzzInput) plain() fuzzInput {
	x := func(v string) string {
		if v == "" {
			return ""
		}
		return "x"
	}
	return fuzzInput{x(in.path), x(in.rule), x(in.text), x(in.ref), x(in.pointer), x(in.url), 0.5}
}

// seedFuzz adds the fixtures' strings and some hostile ones to the corpus.
func seedFuzz(f *testing.F) {
	for _, fx := range fixtures() {
		for _, in := range fx.run.Inputs {
			for _, v := range append(append(in.Result.Violations, in.Result.Reviews...), in.Result.Waived...) {
				score, _ := v.Match["score"].(float64)
				f.Add(in.Path, v.Rule, v.Message, v.Subject.Ref, v.Pointer, v.Authority.URL, score)
			}
		}
	}
	f.Add(`C:\sbom\a b#?.json`, "r|`*_[", "t\n\r\x00]]><script>\u202e\x1b[31m\xff", "", "/a~1b", "http://[::1]:80/x", math.NaN())
	f.Add("/abs/path", "", "<i>&amp;</i>", "pkg:npm/%40x@1", "", "javascript:alert(1)", math.Inf(1))
}

// fuzzRender renders in with format, also rendering the plain form, and
// hands both outputs to check. JSON-based formats may refuse a NaN or
// infinite score (JSON cannot carry them); nothing else may fail.
func fuzzRender(f *testing.F, format string, check func(t *testing.T, out, plain []byte)) {
	r, err := report.New(format)
	if err != nil {
		f.Fatal(err)
	}
	fuzzRenderWith(f, format, r, check)
}

// fuzzRenderWith is fuzzRender with a renderer of format given.
func fuzzRenderWith(f *testing.F, format string, r report.Renderer, check func(t *testing.T, out, plain []byte)) {
	seedFuzz(f)
	f.Fuzz(func(t *testing.T, path, rule, text, ref, pointer, url string, score float64) {
		// Some fields are trimmed before their emptiness decides a line or
		// a table row; blank strings would change the structure for that
		// reason alone, so they count as empty here.
		blank := func(s string) string {
			if strings.TrimSpace(s) == "" {
				return ""
			}
			return s
		}
		in := fuzzInput{blank(path), blank(rule), blank(text), blank(ref), blank(pointer), url, score}
		var out, plain bytes.Buffer
		if err := r.Render(&out, in.run()); err != nil {
			if (math.IsNaN(score) || math.IsInf(score, 0)) && (format == report.FormatJSON || format == report.FormatSARIF) {
				return
			}
			t.Fatalf("render: %v", err)
		}
		if err := r.Render(&plain, in.plain().run()); err != nil {
			t.Fatalf("render plain: %v", err)
		}
		check(t, out.Bytes(), plain.Bytes())
	})
}

// sameLineCount fails when escaping changed the number of lines.
func sameLineCount(t *testing.T, out, plain []byte) {
	t.Helper()
	if got, want := bytes.Count(out, []byte("\n")), bytes.Count(plain, []byte("\n")); got != want {
		t.Fatalf("%d lines, %d with plain strings:\n%s", got, want, out)
	}
}

func FuzzRenderText(f *testing.F) {
	fuzzRender(f, report.FormatText, func(t *testing.T, out, plain []byte) {
		sameLineCount(t, out, plain)
		if bytes.ContainsAny(out, "\x1b\r\u202e") {
			t.Fatal("terminal control character in the output")
		}
	})
}

// FuzzRenderTextCompact checks the compact form: no terminal control
// character gets through, and the table of findings is there.
func FuzzRenderTextCompact(f *testing.F) {
	fuzzRenderWith(f, report.FormatText, report.NewText(report.TextOptions{Compact: true, Width: 80}), func(t *testing.T, out, plain []byte) {
		if bytes.ContainsAny(out, "\x1b\r\u202e") {
			t.Fatal("terminal control character in the output")
		}
		if !bytes.Contains(out, []byte("SEVERITY")) || !bytes.Contains(plain, []byte("SEVERITY")) {
			t.Fatalf("no table of findings:\n%s", out)
		}
	})
}

func FuzzRenderJSON(f *testing.F) {
	fuzzRender(f, report.FormatJSON, func(t *testing.T, out, _ []byte) {
		var doc struct {
			Schema string `json:"schema"`
			decision.Run
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatalf("invalid JSON: %v", err)
		}
		if doc.Schema != report.JSONSchema || len(doc.Inputs) != 1 || len(doc.Inputs[0].Result.Waived) != 1 {
			t.Fatalf("JSON lost content: %+v", doc)
		}
	})
}

func FuzzRenderSARIF(f *testing.F) {
	sch, err := sarifSchema()
	if err != nil {
		f.Fatal(err)
	}
	fuzzRender(f, report.FormatSARIF, func(t *testing.T, out, _ []byte) {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("invalid JSON: %v", err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Fatalf("fails the SARIF 2.1.0 schema: %v", err)
		}
		d := decodeSARIF(t, out)
		if got := len(d.Runs[0].Results); got != 4 {
			t.Fatalf("%d results, want 4", got)
		}
	})
}

func FuzzRenderJUnit(f *testing.F) {
	fuzzRender(f, report.FormatJUnit, func(t *testing.T, out, _ []byte) {
		var d junitDoc
		if err := xml.Unmarshal(out, &d); err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		// One suite for the input, and one first for the run's errors.
		tests := 0
		for _, s := range d.Suites {
			if s.Tests != len(s.Cases) {
				t.Fatalf("inconsistent counts: %+v", d)
			}
			tests += s.Tests
		}
		if len(d.Suites) < 1 || len(d.Suites) > 2 || d.Tests != tests {
			t.Fatalf("inconsistent counts: %+v", d)
		}
	})
}

func FuzzRenderMarkdown(f *testing.F) {
	fuzzRender(f, report.FormatMarkdown, func(t *testing.T, out, plain []byte) {
		sameLineCount(t, out, plain)
		cells := func(b []byte) []int {
			var n []int
			for _, line := range strings.Split(string(b), "\n") {
				if strings.HasPrefix(line, "| ") {
					n = append(n, strings.Count(strings.ReplaceAll(line, `\|`, ""), "|"))
				}
			}
			return n
		}
		got, want := cells(out), cells(plain)
		if len(got) != len(want) {
			t.Fatalf("%d table rows, %d with plain strings", len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("table row %d has %d cell separators, %d with plain strings:\n%s", i, got[i], want[i], out)
			}
		}
	})
}

func FuzzRenderHTML(f *testing.F) {
	fuzzRender(f, report.FormatHTML, func(t *testing.T, out, plain []byte) {
		// Links to an authority appear only for http(s) URLs; every other
		// tag comes from the template, so the count must not change.
		tags := func(b []byte) int {
			return bytes.Count(b, []byte("<")) - bytes.Count(b, []byte("<a href=")) - bytes.Count(b, []byte("</a>"))
		}
		if got, want := tags(out), tags(plain); got != want {
			t.Fatalf("%d tags, %d with plain strings", got, want)
		}
	})
}
