package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/report"
)

// sarifSchema compiles the official SARIF 2.1.0 schema once, with format
// assertions on (uri, uri-reference, date-time).
var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const loc = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(loc, doc); err != nil {
		return nil, err
	}
	return c.Compile(loc)
})

// validateSARIF checks out against the official schema.
func validateSARIF(t testing.TB, out []byte) {
	t.Helper()
	sch, err := sarifSchema()
	if err != nil {
		t.Fatalf("compile sarif schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("sarif output is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("sarif output fails the SARIF 2.1.0 schema: %v", err)
	}
}

// sarifDoc is the part of a SARIF log the tests read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name            string `json:"name"`
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID                   string `json:"id"`
					HelpURI              string `json:"helpUri"`
					Help                 struct{ Text string }
					DefaultConfiguration struct{ Level string } `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			RuleID              string `json:"ruleId"`
			RuleIndex           int    `json:"ruleIndex"`
			Level               string `json:"level"`
			Message             struct{ Text string }
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
				LogicalLocations []struct {
					FullyQualifiedName string `json:"fullyQualifiedName"`
				} `json:"logicalLocations"`
			} `json:"locations"`
			Properties struct {
				Finding string `json:"finding"`
				Pointer string `json:"pointer"`
			} `json:"properties"`
		} `json:"results"`
		Properties struct {
			OPAVersion string `json:"opaVersion"`
			Lists      []struct {
				ID string `json:"id"`
			} `json:"lists"`
			Truncation *struct {
				TotalResults      int `json:"totalResults"`
				DroppedResults    int `json:"droppedResults"`
				TruncatedMessages int `json:"truncatedMessages"`
			} `json:"truncation"`
		} `json:"properties"`
	} `json:"runs"`
}

func decodeSARIF(t testing.TB, out []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatalf("decode sarif: %v", err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(d.Runs))
	}
	return d
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	t.Parallel()
	for _, fx := range fixtures() {
		t.Run(fx.name, func(t *testing.T) {
			t.Parallel()
			validateSARIF(t, render(t, report.FormatSARIF, fx.run))
		})
	}
}

func TestSARIFSchemaCatchesInvalid(t *testing.T) {
	t.Parallel()
	// The validator must be able to fail, formats included.
	sch, err := sarifSchema()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, doc string }{
		{"no version", `{"runs": []}`},
		{"bad level", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`},
		{"relative helpUri", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "r", "helpUri": "not/absolute"}]}}}]}`},
		{"backslash uri", `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "artifacts": [{"location": {"uri": "a\\b"}}]}]}`},
	}
	for _, tt := range tests {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(tt.doc))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if err := sch.Validate(inst); err == nil {
			t.Errorf("%s: schema accepted an invalid log", tt.name)
		}
	}
}

func TestSARIFContent(t *testing.T) {
	t.Parallel()
	d := decodeSARIF(t, render(t, report.FormatSARIF, waivedRun()))
	run := d.Runs[0]
	if got := run.Tool.Driver.Name; got != "bangate" {
		t.Errorf("driver name = %q", got)
	}
	if got := run.Tool.Driver.SemanticVersion; got != "0.1.0" {
		t.Errorf("semanticVersion = %q", got)
	}
	if got := run.Properties.OPAVersion; got != "1.22.3" {
		t.Errorf("opaVersion = %q", got)
	}
	var ids []string
	for _, l := range run.Properties.Lists {
		ids = append(ids, l.ID)
	}
	if diff := cmp.Diff([]string{"kaspersky", "ofac-sdn", "section-889"}, ids); diff != "" {
		t.Errorf("lists (-want +got):\n%s", diff)
	}

	type row struct{ Rule, Level, Finding, Suppression, Pointer string }
	var got []row
	for _, r := range run.Results {
		s := ""
		if len(r.Suppressions) > 0 {
			s = r.Suppressions[0].Kind
			if !strings.Contains(r.Suppressions[0].Justification, "SEC-1423") {
				t.Errorf("justification %q lacks the ticket", r.Suppressions[0].Justification)
			}
		}
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("ruleIndex %d points at %q, not %q", r.RuleIndex, run.Tool.Driver.Rules[r.RuleIndex].ID, r.RuleID)
		}
		if len(r.PartialFingerprints["bangateFinding/v1"]) != 64 {
			t.Errorf("result %s has no fingerprint", r.RuleID)
		}
		if r.Locations[0].PhysicalLocation.ArtifactLocation.URI != "sbom/gateway-firmware.cdx.json" {
			t.Errorf("artifact uri = %q", r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
		}
		if fq := r.Locations[0].LogicalLocations[0].FullyQualifiedName; fq != r.Properties.Pointer {
			t.Errorf("logical location %q != pointer %q", fq, r.Properties.Pointer)
		}
		got = append(got, row{r.RuleID, r.Level, r.Properties.Finding, s, r.Properties.Pointer})
	}
	want := []row{
		{"kaspersky-icts-2024", "error", "violation", "", "/components/3/supplier/name"},
		{"ndaa-889-covered-telecom", "error", "waived", "external", "/components/7/manufacturer/name"},
		{"waiver-expired", "note", "warning", "", "/components/3/supplier/name"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == "kaspersky-icts-2024" {
			if r.HelpURI != "https://www.federalregister.gov/d/2024-13532" || !strings.Contains(r.Help.Text, "89 FR 52434") {
				t.Errorf("rule help lacks the citation or URL: %+v", r)
			}
		}
	}
}

func TestSARIFLevels(t *testing.T) {
	t.Parallel()
	tests := []struct {
		severity  string
		kind      string
		wantRule  string
		wantLevel string
	}{
		{"critical", "violation", "error", "error"},
		{"high", "violation", "error", "error"},
		{"medium", "violation", "warning", "warning"},
		{"low", "violation", "note", "note"},
		{"info", "violation", "note", "note"},
		{"bogus", "violation", "error", "error"}, // unknown severity never looks milder
		{"critical", "review", "error", "warning"},
		{"low", "review", "note", "warning"},
		{"medium", "waived", "warning", "warning"},
	}
	for _, tt := range tests {
		t.Run(tt.severity+"/"+tt.kind, func(t *testing.T) {
			t.Parallel()
			v := decision.Violation{Rule: "r", Severity: tt.severity, Title: "t",
				Subject: decision.Subject{Kind: "component", Ref: "pkg:npm/x@1"}}
			res := decision.Result{Outcome: decision.OutcomeFail}
			switch tt.kind {
			case "violation":
				res.Violations = []decision.Violation{v}
			case "review":
				res.Reviews = []decision.Violation{v}
			case "waived":
				res.Waived = []decision.Violation{v}
			}
			run := &decision.Run{Tool: tool(), AsOf: asOf, Outcome: "fail", ExitCode: 1,
				Inputs: []decision.Input{{Path: "a.json", Kind: "sbom", Outcome: "fail", Result: res}}}
			out := render(t, report.FormatSARIF, run)
			validateSARIF(t, out)
			d := decodeSARIF(t, out)
			if got := d.Runs[0].Tool.Driver.Rules[0].DefaultConfiguration.Level; got != tt.wantRule {
				t.Errorf("rule level = %q, want %q", got, tt.wantRule)
			}
			if got := d.Runs[0].Results[0].Level; got != tt.wantLevel {
				t.Errorf("result level = %q, want %q", got, tt.wantLevel)
			}
		})
	}
}

func TestSARIFFingerprintStable(t *testing.T) {
	t.Parallel()
	fp := func(run *decision.Run) string {
		d := decodeSARIF(t, render(t, report.FormatSARIF, run))
		return d.Runs[0].Results[0].PartialFingerprints["bangateFinding/v1"]
	}
	base := fp(failRun())

	// Another day, another tool version, reworded message, different
	// score, input renamed: the same finding.
	same := failRun()
	same.AsOf = asOf.AddDate(0, 1, 0)
	same.Tool.Version = "0.2.0"
	same.Inputs[0].Path = "other/path.cdx.json"
	v := &same.Inputs[0].Result.Violations[0]
	v.Title = "reworded"
	v.Message = "reworded"
	v.Match["score"] = 0.99
	if got := fp(same); got != base {
		t.Errorf("fingerprint changed for the same finding")
	}

	for name, change := range map[string]func(v *decision.Violation){
		"rule":    func(v *decision.Violation) { v.Rule = "other-rule" },
		"subject": func(v *decision.Violation) { v.Subject.Ref = "pkg:maven/com.kaspersky/kav-sdk@22.0.0" },
		"pointer": func(v *decision.Violation) { v.Pointer = "/components/4/supplier/name" },
		"entry":   func(v *decision.Violation) { v.Match["entry_id"] = "ao-kaspersky-lab" },
	} {
		r := failRun()
		change(&r.Inputs[0].Result.Violations[0])
		if fp(r) == base {
			t.Errorf("fingerprint did not change with the %s", name)
		}
	}
}

// manyViolations returns a run with n violations over n/4 components, the
// severities cycling through critical, high, medium, low.
func manyViolations(n int) *decision.Run {
	sev := []string{"critical", "high", "medium", "low"}
	vs := make([]decision.Violation, 0, n)
	for i := range n {
		v := kasperskyViolation()
		comp := i / 4
		v.Rule = fmt.Sprintf("rule-%d", i%4)
		v.Severity = sev[i%4]
		v.Subject = decision.Subject{Kind: "component", Ref: fmt.Sprintf("pkg:npm/%%40scope/lib-%d@1.0.%d", comp, i%7), Name: fmt.Sprintf("lib-%d", comp), Version: "1.0.0"}
		v.Pointer = fmt.Sprintf("/components/%d/supplier/name", comp)
		m := make(map[string]any, len(v.Match))
		for k, x := range v.Match {
			m[k] = x
		}
		m["pointer"] = v.Pointer
		v.Match = m
		vs = append(vs, v)
	}
	in := sbomInput("sbom/big.cdx.json")
	in.Outcome = decision.OutcomeFail
	in.Result = decision.Result{Outcome: decision.OutcomeFail, Violations: vs}
	in.Coverage.Components = n / 4
	return &decision.Run{Tool: tool(), AsOf: asOf, Profile: "federal-contractor", Lists: listProvenance(),
		Inputs: []decision.Input{in}, Outcome: decision.OutcomeFail, ExitCode: decision.ExitFail}
}

func TestSARIFResultLimit(t *testing.T) {
	t.Parallel()
	run := manyViolations(40)
	run.Inputs[0].Result.Warnings = []decision.Violation{coverageWarning()}
	out := renderWith(t, report.NewSARIF(report.SARIFOptions{MaxResults: 10}), run)
	validateSARIF(t, out)
	d := decodeSARIF(t, out)
	r := d.Runs[0]
	if len(r.Results) != 10 {
		t.Fatalf("got %d results, want 10", len(r.Results))
	}
	for _, res := range r.Results {
		if res.Level != "error" || res.Properties.Finding != "violation" {
			t.Errorf("kept a %s %s result while critical ones were dropped", res.Level, res.Properties.Finding)
		}
	}
	if r.Properties.Truncation == nil || r.Properties.Truncation.DroppedResults != 31 || r.Properties.Truncation.TotalResults != 41 {
		t.Errorf("truncation = %+v, want 31 of 41 dropped", r.Properties.Truncation)
	}
}

func TestSARIFDefaultLimitIsGitHubs(t *testing.T) {
	t.Parallel()
	// Bare violations keep this test quick; the limit does not look at
	// what a violation holds.
	vs := make([]decision.Violation, report.MaxSARIFResults+3)
	for i := range vs {
		vs[i] = decision.Violation{Rule: "r", Severity: "high", Subject: decision.Subject{Kind: "component", Ref: fmt.Sprint(i)}}
	}
	run := &decision.Run{Tool: tool(), AsOf: asOf, Outcome: "fail", ExitCode: 1, Inputs: []decision.Input{{
		Path: "a.json", Kind: "sbom", Outcome: "fail", Result: decision.Result{Outcome: "fail", Violations: vs}}}}
	d := decodeSARIF(t, render(t, report.FormatSARIF, run))
	if got := len(d.Runs[0].Results); got != report.MaxSARIFResults {
		t.Errorf("got %d results, want %d", got, report.MaxSARIFResults)
	}
	if tr := d.Runs[0].Properties.Truncation; tr == nil || tr.DroppedResults != 3 {
		t.Errorf("truncation = %+v", tr)
	}
}

func TestSARIFMessageLimit(t *testing.T) {
	t.Parallel()
	run := failRun()
	run.Inputs[0].Result.Violations[0].Message = strings.Repeat("é", 5000) // 10,000 bytes
	out := render(t, report.FormatSARIF, run)
	validateSARIF(t, out)
	d := decodeSARIF(t, out)
	msg := d.Runs[0].Results[0].Message.Text
	if len(msg) > report.MaxSARIFMessageBytes {
		t.Errorf("message is %d bytes, limit %d", len(msg), report.MaxSARIFMessageBytes)
	}
	if !strings.HasSuffix(msg, "[truncated]") {
		t.Errorf("truncated message lacks the mark: ...%q", msg[len(msg)-20:])
	}
	if tr := d.Runs[0].Properties.Truncation; tr == nil || tr.TruncatedMessages != 1 {
		t.Errorf("truncation = %+v, want 1 truncated message", tr)
	}
}

func TestSARIFErrorInput(t *testing.T) {
	t.Parallel()
	out := render(t, report.FormatSARIF, errorRun())
	d := decodeSARIF(t, out)
	inv := d.Runs[0].Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful {
		t.Fatalf("invocations = %+v, want one unsuccessful", inv)
	}
	n := inv[0].ToolExecutionNotifications
	if len(n) != 1 || n[0].Level != "error" || !strings.Contains(n[0].Message.Text, "sbom/broken.spdx.json") {
		t.Errorf("notifications = %+v", n)
	}
}

// A run-level error (a stale list) is an error notification of an
// unsuccessful invocation, and is in the run's properties.
func TestSARIFRunErrors(t *testing.T) {
	t.Parallel()
	out := render(t, report.FormatSARIF, staleRun())
	validateSARIF(t, out)
	d := decodeSARIF(t, out)
	inv := d.Runs[0].Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful {
		t.Fatalf("invocations = %+v, want one unsuccessful", inv)
	}
	n := inv[0].ToolExecutionNotifications
	if len(n) != 1 || n[0].Level != "error" || !strings.Contains(n[0].Message.Text, "list ofac-sdn published 2025-08-20 is 464 days old") {
		t.Errorf("notifications = %+v", n)
	}
	// A stale list beside a fail: the run still fails (exit 1) and says
	// why it could not be trusted, but the tool did run to completion.
	fail := failRun()
	fail.Errors = staleRun().Errors
	d = decodeSARIF(t, render(t, report.FormatSARIF, fail))
	if inv := d.Runs[0].Invocations[0]; !inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
		t.Errorf("fail with a stale list: %+v", inv)
	}
}

// Results carry the line and column the check placed their field at;
// a finding it could not place is on line 1.
func TestSARIFRegions(t *testing.T) {
	t.Parallel()
	d := decodeSARIF(t, render(t, report.FormatSARIF, placedRun()))
	var got [][2]int
	for _, r := range d.Runs[0].Results {
		reg := r.Locations[0].PhysicalLocation.Region
		got = append(got, [2]int{reg.StartLine, reg.StartColumn})
	}
	want := [][2]int{{12, 19}, {40, 9}, {15, 6}, {1, 0}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("regions (-want +got):\n%s", diff)
	}
}

func TestSARIFOddPathsAndIDs(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("very-long-rule-", 30) // 450 characters
	run := failRun()
	run.Inputs[0].Path = "/abs/dir with space/a#b?.cdx.json"
	run.Inputs[0].Result.Violations[0].Rule = long
	run.Inputs[0].Result.Violations[1].Rule = long + "x"
	run.Inputs[0].Result.Violations[2].Authority.URL = "javascript:alert(1)"
	out := render(t, report.FormatSARIF, run)
	validateSARIF(t, out)
	d := decodeSARIF(t, out)
	seen := map[string]bool{}
	for _, r := range d.Runs[0].Tool.Driver.Rules {
		if len(r.ID) > 255 {
			t.Errorf("rule id of %d characters", len(r.ID))
		}
		if seen[r.ID] {
			t.Errorf("two rules share id %q", r.ID)
		}
		seen[r.ID] = true
		if strings.HasPrefix(r.HelpURI, "javascript") {
			t.Errorf("unsafe helpUri %q", r.HelpURI)
		}
	}
	if got := d.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "file:///abs/dir%20with%20space/a%23b%3F.cdx.json" {
		t.Errorf("artifact uri = %q", got)
	}
}

func renderWith(t testing.TB, r report.Renderer, run *decision.Run) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Render(&buf, run); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}
