package report

import (
	"bufio"
	"cmp"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/bangate/bangate/internal/decision"
)

// htmlRenderer writes one self-contained HTML page for auditors: inline
// CSS, no script, and a Content-Security-Policy that forbids every network
// request, so the page opens the same offline and years later.
type htmlRenderer struct{}

var _ Renderer = (*htmlRenderer)(nil)

// htmlPage is what the template shows.
type htmlPage struct {
	Outcome  string
	ExitCode int
	Tool     string
	AsOf     string
	Profile  string
	Counts   counts
	// Errors are the run's own errors, shown in a banner.
	Errors []string
	// Licensed are the findings waived under a sanctions licence, shown in
	// a banner of their own.
	Licensed []string
	// Sources are the configuration and user policy files read.
	Sources []sourceItem
	Inputs  []htmlInput
	Lists   []htmlList
}

type htmlInput struct {
	Path, Kind, Format, SHA256, Subject, Outcome, Error string
	Counts                                              counts
	Coverage                                            decision.Coverage
	Rules                                               []htmlRuleGroup
	Components                                          []htmlComponent
	Reviews, Warnings                                   htmlTable
	Waived                                              []htmlFinding
}

// htmlTable is a table of findings whose rows carry Class.
type htmlTable struct {
	Class string
	Rows  []htmlFinding
}

type htmlRuleGroup struct {
	Rule, Title, Severity string
	Authority             htmlAuthority
	Findings              []htmlFinding
}

type htmlComponent struct {
	Subject    string
	Violations int
	Rules      string
}

type htmlFinding struct {
	Severity, Rule, Title, Message, Subject, Pointer string
	// Place is "line L, column C" of the field, when placed.
	Place               string
	Evidence, At, Entry string
	Authority           htmlAuthority
	Waiver              waiverView
	HasWaiver           bool
}

type htmlAuthority struct {
	Citation, URL, Effective, Obligation string
}

type htmlList struct {
	ID, Kind, Title, Published, Retrieved, Age, SHA256, SourceURL, Note string
	// SourceLink is SourceURL when it is an http(s) URL, else empty.
	SourceLink string
	Entries    int
	Derived    bool
}

// htmlTemplate is parsed once; a parsed template is safe for concurrent
// Execute calls and never changed after.
var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

// Render writes run as an HTML page.
func (r *htmlRenderer) Render(w io.Writer, run *decision.Run) error {
	if run == nil {
		return fmt.Errorf("render html: %w", ErrNilRun)
	}
	page := htmlPage{
		Outcome:  runOutcome(run),
		ExitCode: run.ExitCode,
		Tool:     toolLine(run.Tool),
		AsOf:     timeText(run.AsOf),
		Profile:  cmp.Or(run.Profile, "default"),
		Counts:   runCounts(run),
		Errors:   run.Errors,
		Sources:  sourceItems(run),
	}
	for _, l := range run.Licensed {
		page.Licensed = append(page.Licensed, licensedLine(l))
	}
	for i := range run.Inputs {
		page.Inputs = append(page.Inputs, newHTMLInput(&run.Inputs[i]))
	}
	for _, p := range sortedLists(run) {
		l := htmlList{
			ID: p.ID, Kind: string(p.Kind), Title: p.Title,
			Published: dateText(p.Published), Retrieved: dateText(p.Retrieved),
			Age: ageText(run.AsOf, p.Published), SHA256: p.SHA256, Entries: p.Entries,
			Derived: p.Derived, Note: p.Note, SourceURL: p.SourceURL,
		}
		if u, ok := httpURL(p.SourceURL); ok {
			l.SourceLink = u
		}
		page.Lists = append(page.Lists, l)
	}
	bw := bufio.NewWriter(w)
	if err := htmlTemplate.Execute(bw, &page); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render html: %w", err)
	}
	return nil
}

func newHTMLInput(in *decision.Input) htmlInput {
	hi := htmlInput{
		Path:     in.Path,
		Kind:     in.Kind,
		Format:   in.FormatLabel(),
		SHA256:   in.SHA256,
		Outcome:  inputOutcome(in),
		Error:    in.Error,
		Coverage: in.Coverage,
	}
	if in.Subject != nil {
		hi.Subject = subjectLabel(*in.Subject)
	}
	hi.Counts.add(&in.Result)
	if in.Error != "" {
		return hi
	}
	res := &in.Result

	// Violations grouped by rule (in order of first appearance), rows
	// within a rule ordered by component so each one's rows sit together.
	index := map[string]int{}
	counts := map[string]int{}
	for i := range res.Violations {
		counts[res.Violations[i].Rule]++
	}
	for i := range res.Violations {
		v := &res.Violations[i]
		gi, ok := index[v.Rule]
		if !ok {
			gi = len(hi.Rules)
			index[v.Rule] = gi
			hi.Rules = append(hi.Rules, htmlRuleGroup{
				Rule: v.Rule, Title: v.Title, Severity: v.Severity, Authority: newHTMLAuthority(v.Authority),
				Findings: make([]htmlFinding, 0, counts[v.Rule]),
			})
		}
		hi.Rules[gi].Findings = append(hi.Rules[gi].Findings, newHTMLFinding(finding{kindViolation, v}))
	}
	for i := range hi.Rules {
		slices.SortStableFunc(hi.Rules[i].Findings, func(a, b htmlFinding) int { return strings.Compare(a.Subject, b.Subject) })
	}

	// The same violations by component.
	for _, g := range groupBySubject(&decision.Result{Violations: res.Violations}) {
		var rules []string
		for _, f := range g.findings {
			if !slices.Contains(rules, f.v.Rule) {
				rules = append(rules, f.v.Rule)
			}
		}
		hi.Components = append(hi.Components, htmlComponent{
			Subject: subjectLabel(g.subject), Violations: len(g.findings), Rules: strings.Join(rules, ", "),
		})
	}

	hi.Reviews.Class = "review-row"
	for i := range res.Reviews {
		hi.Reviews.Rows = append(hi.Reviews.Rows, newHTMLFinding(finding{kindReview, &res.Reviews[i]}))
	}
	hi.Warnings.Class = "warning-row"
	for i := range res.Warnings {
		hi.Warnings.Rows = append(hi.Warnings.Rows, newHTMLFinding(finding{kindWarning, &res.Warnings[i]}))
	}
	for i := range res.Waived {
		hi.Waived = append(hi.Waived, newHTMLFinding(finding{kindWaived, &res.Waived[i]}))
	}
	return hi
}

func newHTMLFinding(f finding) htmlFinding {
	v := f.v
	h := htmlFinding{
		Severity:  v.Severity,
		Rule:      v.Rule,
		Title:     v.Title,
		Message:   v.Message,
		Subject:   subjectLabel(v.Subject),
		Pointer:   v.Pointer,
		Place:     lineText(v),
		Authority: newHTMLAuthority(v.Authority),
	}
	if len(v.Match) > 0 {
		m := viewMatch(v.Match)
		h.Evidence = m.evidence()
		h.Entry = m.entryLine()
		if m.Pointer != v.Pointer {
			h.At = m.Pointer
		}
	}
	if len(v.Waiver) > 0 {
		h.Waiver = viewWaiver(v.Waiver)
		h.HasWaiver = true
	}
	return h
}

func newHTMLAuthority(a *decision.Authority) htmlAuthority {
	if a == nil {
		return htmlAuthority{}
	}
	h := htmlAuthority{Citation: a.Citation, Effective: a.Effective, Obligation: a.Obligation}
	if u, ok := httpURL(a.URL); ok {
		h.URL = u
	}
	return h
}
