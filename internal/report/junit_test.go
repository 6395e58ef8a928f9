package report_test

import (
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/report"
)

// xmllintValidate checks doc against the Jenkins xUnit JUnit schema with
// xmllint (Debian package libxml2-utils).
func xmllintValidate(t *testing.T, doc []byte) error {
	t.Helper()
	xmllint := lookTool(t, "xmllint")
	path := filepath.Join(t.TempDir(), "junit.xml")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, xmllint, "--noout", "--schema", "testdata/junit-10.xsd", path).CombinedOutput()
	if err != nil {
		t.Logf("xmllint: %s", out)
	}
	return err
}

func TestJUnitValidatesAgainstXSD(t *testing.T) {
	t.Parallel()
	for _, fx := range fixtures() {
		t.Run(fx.name, func(t *testing.T) {
			t.Parallel()
			if err := xmllintValidate(t, render(t, report.FormatJUnit, fx.run)); err != nil {
				t.Fatalf("junit output fails junit-10.xsd: %v", err)
			}
		})
	}
}

func TestJUnitXSDCatchesInvalid(t *testing.T) {
	t.Parallel()
	// testsuite requires "tests": the validation must be able to fail.
	bad := []byte(`<?xml version="1.0"?><testsuites><testsuite name="x"><testcase name="a"/></testsuite></testsuites>`)
	if err := xmllintValidate(t, bad); err == nil {
		t.Fatal("xmllint accepted a testsuite without tests")
	}
}

// junitDoc is the part of a JUnit report the tests read.
type junitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name    string `xml:"name,attr"`
			Failure *struct {
				Type string `xml:"type,attr"`
				Body string `xml:",chardata"`
			} `xml:"failure"`
			Error   *struct{} `xml:"error"`
			Skipped *struct{} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnitCases(t *testing.T) {
	t.Parallel()
	type tc struct{ Name, State string }
	tests := []struct {
		name  string
		run   *decision.Run
		cases [][]tc
	}{
		{"pass", passRun(), [][]tc{{{"policy", "pass"}}}},
		{"fail", failRun(), [][]tc{{
			{"policy", "failure:violation"},
			{"component pkg:maven/com.kaspersky/kav-sdk@21.3.10", "failure:violation"},
			{"component pkg:generic/hikvision/ds-2cd2043g2-firmware@5.7.3 (DS-2CD2043G2-I firmware 5.7.3)", "failure:violation"},
		}}},
		{"review", reviewRun(), [][]tc{{
			{"policy", "failure:review"},
			{"vendor record:4 (Northwind Data LLC)", "failure:review"},
		}}},
		{"error", errorRun(), [][]tc{{{"policy", "pass"}}, {{"policy", "error"}}}},
		{"waived", waivedRun(), [][]tc{{
			{"policy", "failure:violation"},
			{"component pkg:maven/com.kaspersky/kav-sdk@21.3.10", "failure:violation"},
			{"component pkg:generic/hikvision/ds-2cd2043g2-firmware@5.7.3 (DS-2CD2043G2-I firmware 5.7.3)", "skipped"},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var d junitDoc
			if err := xml.Unmarshal(render(t, report.FormatJUnit, tt.run), &d); err != nil {
				t.Fatal(err)
			}
			var got [][]tc
			tests, failures, errors := 0, 0, 0
			for _, s := range d.Suites {
				var cs []tc
				f, e, sk := 0, 0, 0
				for _, c := range s.Cases {
					state := "pass"
					switch {
					case c.Error != nil:
						state, e = "error", e+1
					case c.Failure != nil:
						state, f = "failure:"+c.Failure.Type, f+1
					case c.Skipped != nil:
						state, sk = "skipped", sk+1
					}
					cs = append(cs, tc{c.Name, state})
				}
				if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e || s.Skipped != sk {
					t.Errorf("suite %s counts tests=%d failures=%d errors=%d skipped=%d, cases say %d/%d/%d/%d",
						s.Name, s.Tests, s.Failures, s.Errors, s.Skipped, len(s.Cases), f, e, sk)
				}
				tests, failures, errors = tests+s.Tests, failures+s.Failures, errors+s.Errors
				got = append(got, cs)
			}
			if d.Tests != tests || d.Failures != failures || d.Errors != errors {
				t.Errorf("testsuites counts %d/%d/%d, suites add up to %d/%d/%d", d.Tests, d.Failures, d.Errors, tests, failures, errors)
			}
			if diff := cmp.Diff(tt.cases, got); diff != "" {
				t.Errorf("cases (-want +got):\n%s", diff)
			}
		})
	}
}

func TestJUnitHostileText(t *testing.T) {
	t.Parallel()
	run := failRun()
	v := &run.Inputs[0].Result.Violations[0]
	v.Message = "ends CDATA ]]> here, NUL \x00, ESC \x1b, <tag attr=\"x\"> & more"
	v.Subject.Ref = "pkg:npm/\x01evil\"<>@1"
	out := render(t, report.FormatJUnit, run)
	var d junitDoc
	if err := xml.Unmarshal(out, &d); err != nil {
		t.Fatalf("output is not well-formed XML: %v", err)
	}
	if err := xmllintValidate(t, out); err != nil {
		t.Fatalf("output fails junit-10.xsd: %v", err)
	}
}
