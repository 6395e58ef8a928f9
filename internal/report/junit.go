package report

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bangate/bangate/internal/decision"
)

// The JUnit report maps a run onto test results that Jenkins and GitLab
// show:
//
//   - one <testsuite> per input, named by its path;
//   - one <testcase name="policy"> per input: the verdict for the input as
//     a whole. It passes when the input passes (so a clean input still shows
//     a passing case), has a <failure type="violation"> when it fails, a
//     <failure type="review"> when a person must clear possible matches, and
//     an <error> when the input could not be checked. Findings about the
//     document itself (subject kind "document") are listed here too;
//   - one <testcase> per component or vendor with findings: <failure
//     type="violation"> if it has a violation, else <failure type="review">
//     if it has a review, else <skipped> if every finding is waived; all its
//     findings are in the element's text, and warnings, which never fail a
//     check, go to <system-out>.
//
// Reviews are failures (of type "review") rather than skips because they
// block the pipeline (exit code 3) until someone clears them. Times are
// always "0": bangate does not time a decision into its reports.
type junitRenderer struct{}

var _ Renderer = (*junitRenderer)(nil)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Timestamp  string          `xml:"timestamp,attr,omitempty"`
	Properties junitProperties `xml:"properties"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperties struct {
	Props []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
	Skipped   *junitMessage `xml:"skipped,omitempty"`
	SystemOut *junitText    `xml:"system-out,omitempty"`
}

// junitMessage is a failure, error or skip. Its text is written as CDATA
// so that multi-line reasons stay readable in the file.
type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",cdata"`
}

type junitText struct {
	Text string `xml:",cdata"`
}

// xmlText replaces invalid UTF-8 and the characters XML 1.0 cannot carry
// (most C0 controls, U+FFFE, U+FFFF) with U+FFFD. encoding/xml does this for
// escaped text but not for CDATA.
func xmlText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	ok := true
	for _, r := range s {
		if !xmlChar(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return '\uFFFD'
	}, s)
}

func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) ||
		(r >= 0x10000 && r <= 0x10FFFF)
}

// setOut stores out as the case's system-out, or nothing when empty.
func (c *junitCase) setOut(out string) {
	if out != "" {
		c.SystemOut = &junitText{Text: xmlText(out)}
	}
}

// junitTimestamp is the JUnit timestamp layout (ISO 8601, no zone; UTC).
const junitTimestamp = "2006-01-02T15:04:05"

// Render writes run as JUnit XML.
func (r *junitRenderer) Render(w io.Writer, run *decision.Run) error {
	if run == nil {
		return fmt.Errorf("render junit: %w", ErrNilRun)
	}
	doc := junitSuites{Name: cmp.Or(run.Tool.Name, "bangate"), Time: "0"}
	suites := make([]junitSuite, 0, len(run.Inputs)+1)
	if len(run.Errors) > 0 {
		suites = append(suites, junitRunErrors(run))
	}
	for i := range run.Inputs {
		suites = append(suites, junitInput(run, &run.Inputs[i]))
	}
	for _, s := range suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Suites = append(doc.Suites, s)
	}
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(xml.Header); err != nil {
		return fmt.Errorf("render junit: %w", err)
	}
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("render junit: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("render junit: %w", err)
	}
	if err := bw.WriteByte('\n'); err != nil {
		return fmt.Errorf("render junit: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render junit: %w", err)
	}
	return nil
}

// junitRunErrors is the suite that reports the run's own errors (a list
// older than allowed): one testcase "run" in error, first in the report,
// so that a CI view shows why the whole check could not pass.
func junitRunErrors(run *decision.Run) junitSuite {
	s := junitSuite{Name: "bangate run", Tests: 1, Errors: 1, Time: "0"}
	if !run.AsOf.IsZero() {
		s.Timestamp = run.AsOf.UTC().Format(junitTimestamp)
	}
	s.Properties.Props = append([]junitProperty{{"outcome", runOutcome(run)}, {"as_of", timeText(run.AsOf)}, {"profile", run.Profile}},
		junitRunProps(run, "")...)
	s.Cases = []junitCase{{
		Name: "run", Classname: "bangate.run", Time: "0",
		Error: &junitMessage{
			Message: "the check could not be completed: " + plural(len(run.Errors), "error", "errors"),
			Type:    "run-error",
			Body:    xmlText(strings.Join(run.Errors, "\n")),
		},
	}}
	return s
}

func junitInput(run *decision.Run, in *decision.Input) junitSuite {
	outcome := inputOutcome(in)
	classname := "bangate." + in.Path
	s := junitSuite{Name: in.Path, Time: "0"}
	if !run.AsOf.IsZero() {
		s.Timestamp = run.AsOf.UTC().Format(junitTimestamp)
	}
	props := []junitProperty{{"outcome", outcome}, {"kind", in.Kind}}
	if in.Format != "" {
		props = append(props, junitProperty{"format", in.FormatLabel()})
	}
	if in.SHA256 != "" {
		props = append(props, junitProperty{"sha256", in.SHA256})
	}
	props = append(props,
		junitProperty{"as_of", timeText(run.AsOf)},
		junitProperty{"profile", run.Profile},
		junitProperty{"coverage.components", strconv.Itoa(in.Coverage.Components)},
		junitProperty{"coverage.attributed", strconv.Itoa(in.Coverage.Attributed)},
		junitProperty{"coverage.unattributed", strconv.Itoa(in.Coverage.Unattributed)},
	)
	s.Properties.Props = append(props, junitRunProps(run, in.Path)...)

	policy := junitCase{Name: "policy", Classname: classname, File: in.Path, Time: "0"}
	var policyFindings []finding
	var cases []junitCase
	if in.Error != "" {
		policy.Error = &junitMessage{Message: "input could not be checked", Type: "error", Body: xmlText(in.Error)}
	} else {
		for _, g := range groupBySubject(&in.Result) {
			if g.subject.Kind == "document" || (g.subject.Kind == "" && g.subject.Ref == "") {
				policyFindings = append(policyFindings, g.findings...)
				continue
			}
			c := junitCase{Name: subjectLabel(g.subject), Classname: classname, File: in.Path, Time: "0"}
			fillJUnitCase(&c, g.findings, in.Path)
			cases = append(cases, c)
		}
		var c counts
		c.add(&in.Result)
		switch outcome {
		case decision.OutcomeFail:
			policy.Failure = &junitMessage{Message: "input fails policy: " + c.String(), Type: "violation"}
		case decision.OutcomeReview:
			policy.Failure = &junitMessage{Message: "input needs review: " + c.String(), Type: "review"}
		}
		if policy.Failure != nil {
			policy.Failure.Body = junitSummary(&in.Result)
		}
		if len(policyFindings) > 0 {
			body, out := junitBodies(policyFindings, in.Path)
			if policy.Failure != nil && body != "" {
				policy.Failure.Body += "\n" + body
			} else if body != "" {
				out = body + out
			}
			policy.setOut(out)
		}
		if policy.Failure != nil {
			policy.Failure.Body = xmlText(policy.Failure.Body)
		}
	}
	s.Cases = append(append(s.Cases, policy), cases...)
	for _, c := range s.Cases {
		s.Tests++
		switch {
		case c.Error != nil:
			s.Errors++
		case c.Failure != nil:
			s.Failures++
		case c.Skipped != nil:
			s.Skipped++
		}
	}
	return s
}

// junitRunProps are the properties every suite carries about the run: each
// configuration and user policy file read ("config", "user_policy": the
// file, its sha256 and how it was read), and the findings waived under a
// sanctions licence ("licensed"; of input, when given, only its own).
func junitRunProps(run *decision.Run, input string) []junitProperty {
	var out []junitProperty
	for _, l := range run.Licensed {
		if input == "" || l.Input == input {
			out = append(out, junitProperty{"licensed", xmlText(licensedLine(l))})
		}
	}
	for _, it := range sourceItems(run) {
		out = append(out, junitProperty{strings.ReplaceAll(it.Label, " ", "_"), xmlText(it.line())})
	}
	return out
}

// fillJUnitCase sets the outcome of one subject's test case.
func fillJUnitCase(c *junitCase, fs []finding, path string) {
	var n [4]int
	var rules []string
	seen := map[string]bool{}
	for _, f := range fs {
		n[f.kind]++
		if f.kind != kindWarning && !seen[f.v.Rule] {
			seen[f.v.Rule] = true
			rules = append(rules, f.v.Rule)
		}
	}
	body, out := junitBodies(fs, path)
	body = xmlText(body)
	c.setOut(out)
	ruleList := strings.Join(rules, ", ")
	switch {
	case n[kindViolation] > 0:
		c.Failure = &junitMessage{Type: "violation", Body: body,
			Message: plural(n[kindViolation], "violation", "violations") + ": " + ruleList}
	case n[kindReview] > 0:
		c.Failure = &junitMessage{Type: "review", Body: body,
			Message: plural(n[kindReview], "possible match needs", "possible matches need") + " review: " + ruleList}
	case n[kindWaived] > 0:
		c.Skipped = &junitMessage{Type: "waived", Body: body,
			Message: "waived: " + ruleList}
		for _, f := range fs {
			if w := viewWaiver(f.v.Waiver); f.kind == kindWaived && w.Licence != "" {
				c.Skipped.Type = "waived-under-licence"
				c.Skipped.Message = "WAIVED UNDER LICENCE " + strconv.Quote(w.Licence) + ": " + ruleList
				break
			}
		}
	}
}

// junitBodies renders findings: violations, reviews and waived into the
// failure or skip text, warnings into system-out.
func junitBodies(fs []finding, path string) (body, out string) {
	var b, o strings.Builder
	b.Grow(640 * len(fs))
	for _, f := range fs {
		dst := &b
		if f.kind == kindWarning {
			dst = &o
		}
		if dst.Len() > 0 {
			dst.WriteByte('\n')
		}
		dst.WriteString(headline(f))
		dst.WriteByte('\n')
		for _, d := range findingDetails(f, path) {
			dst.WriteString("  ")
			dst.WriteString(d.name)
			dst.WriteString(": ")
			dst.WriteString(d.value)
			dst.WriteByte('\n')
		}
	}
	return b.String(), o.String()
}

// junitSummary lists the blocking findings of an input, one per line.
func junitSummary(res *decision.Result) string {
	var b strings.Builder
	line := func(kind string, vs []decision.Violation) {
		for i := range vs {
			b.WriteString(kind)
			b.WriteString(" ")
			b.WriteString(vs[i].Rule)
			b.WriteString(" on ")
			b.WriteString(subjectLabel(vs[i].Subject))
			b.WriteByte('\n')
		}
	}
	line("violation", res.Violations)
	line("review", res.Reviews)
	return b.String()
}
