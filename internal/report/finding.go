package report

import (
	"strconv"
	"strings"

	"github.com/bangate/bangate/internal/decision"
)

// This file holds the findings of a result as renderers see them: their
// kind, their subject, and the lines that explain one.

// findingKind says which list of a Result a finding came from.
type findingKind int

const (
	kindViolation findingKind = iota
	kindReview
	kindWarning
	kindWaived
)

// label is the lower-case name of the kind as reports print it.
func (k findingKind) label() string {
	switch k {
	case kindViolation:
		return "violation"
	case kindReview:
		return "review"
	case kindWarning:
		return "warning"
	default:
		return "waived"
	}
}

// finding is one violation with the list it came from.
type finding struct {
	kind findingKind
	v    *decision.Violation
}

// subjectGroup is every finding of one input about one subject.
type subjectGroup struct {
	subject  decision.Subject
	findings []finding
}

// subjectKey identifies a subject within one input.
func subjectKey(s decision.Subject) string {
	id := s.Ref
	if id == "" {
		id = s.Name + "@" + s.Version
	}
	return s.Kind + "\x00" + id
}

// groupBySubject returns the findings of res grouped per subject, subjects
// in order of first appearance (violations, then reviews, warnings,
// waived), findings within a subject in that same order.
func groupBySubject(res *decision.Result) []subjectGroup {
	var groups []subjectGroup
	index := map[string]int{}
	add := func(k findingKind, vs []decision.Violation) {
		for i := range vs {
			key := subjectKey(vs[i].Subject)
			gi, ok := index[key]
			if !ok {
				gi = len(groups)
				index[key] = gi
				groups = append(groups, subjectGroup{subject: vs[i].Subject})
			}
			groups[gi].findings = append(groups[gi].findings, finding{kind: k, v: &vs[i]})
		}
	}
	add(kindViolation, res.Violations)
	add(kindReview, res.Reviews)
	add(kindWarning, res.Warnings)
	add(kindWaived, res.Waived)
	return groups
}

// subjectLabel names a subject for a reader: its kind, its ref and, when it
// says more than the ref, its name and version.
func subjectLabel(s decision.Subject) string {
	kind := s.Kind
	if kind == "" {
		kind = "subject"
	}
	nv := strings.TrimSpace(s.Name + " " + s.Version)
	switch {
	case s.Ref != "" && nv != "" && !strings.Contains(s.Ref, s.Name):
		return kind + " " + s.Ref + " (" + nv + ")"
	case s.Ref != "":
		return kind + " " + s.Ref
	case nv != "":
		return kind + " " + nv
	default:
		return kind
	}
}

// subjectShort names a subject without its kind.
func subjectShort(s decision.Subject) string {
	if s.Ref != "" {
		return s.Ref
	}
	if nv := strings.TrimSpace(s.Name + " " + s.Version); nv != "" {
		return nv
	}
	if s.Kind != "" {
		return s.Kind
	}
	return "-"
}

// detail is one labelled line of a finding's explanation.
type detail struct{ name, value string }

// findingDetails explains a finding of the input at path line by line:
// message, field (with its place in the file), attribution evidence, list
// entry, authority and waiver. Empty parts are left out. Values are raw:
// each renderer escapes them for its format.
func findingDetails(f finding, path string) []detail {
	v := f.v
	out := make([]detail, 0, 7)
	add := func(name, value string) {
		if value != "" {
			out = append(out, detail{name, value})
		}
	}
	add("message", v.Message)
	field := v.Pointer
	if p := place(path, v); p != "" {
		field = strings.TrimSpace(field + " at " + p)
	}
	add("field", field)
	if len(v.Match) > 0 {
		m := viewMatch(v.Match)
		add("evidence", m.evidence())
		if m.Pointer != v.Pointer {
			add("at", m.Pointer)
		}
		add("entry", m.entryLine())
	}
	add("authority", authorityLine(v.Authority))
	if len(v.Waiver) > 0 {
		if f.kind == kindWaived {
			add("waiver", viewWaiver(v.Waiver).line())
		} else {
			add("expired", viewWaiver(v.Waiver).line())
		}
	}
	return out
}

// place is where a finding's field sits: "path:line:column" (the form
// editors and terminals link), "path:line" without a column, "" when the
// check could not place it.
func place(path string, v *decision.Violation) string {
	if v.Line <= 0 {
		return ""
	}
	s := path + ":" + strconv.Itoa(v.Line)
	if v.Column > 0 {
		s += ":" + strconv.Itoa(v.Column)
	}
	return s
}

// lineText is "line L, column C" for a finding, "" when not placed.
func lineText(v *decision.Violation) string {
	if v.Line <= 0 {
		return ""
	}
	s := "line " + strconv.Itoa(v.Line)
	if v.Column > 0 {
		s += ", column " + strconv.Itoa(v.Column)
	}
	return s
}

// headline is a finding's first line: kind, severity, rule and title.
func headline(f finding) string {
	s := strings.ToUpper(f.kind.label()) + " [" + f.v.Severity + "] " + f.v.Rule
	if f.v.Title != "" {
		s += ": " + f.v.Title
	}
	return s
}

// authorityLine says the legal basis in one line.
func authorityLine(a *decision.Authority) string {
	if a == nil {
		return ""
	}
	parts := []string{a.Citation}
	if a.Effective != "" {
		parts = append(parts, "effective "+a.Effective)
	}
	if a.Obligation != "" {
		parts = append(parts, "obligation "+a.Obligation)
	}
	if a.URL != "" {
		parts = append(parts, a.URL)
	}
	return strings.Join(parts, "; ")
}

// severityRank orders severities most severe first (0 is the most
// severe), by decision.SeverityRank, the one severity order.
func severityRank(s string) int { return -decision.SeverityRank(s) }
