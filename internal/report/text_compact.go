package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bangate/bangate/internal/decision"
)

// This file writes the compact text form: what a person reads at a
// glance on a terminal. A header (outcome, profile, as-of, lists with
// their age, run errors), per input one line and a table of its findings,
// one row each, then what the findings of each rule share, once per rule:
// title, authority and explanation.

// compact writes the compact form of run.
func (r *textRenderer) compact(t *textWriter, run *decision.Run) {
	width := r.opts.Width
	head := "outcome: " + t.outcome(runOutcome(run)) + " (exit " + strconv.Itoa(run.ExitCode) + "), profile " +
		clean(cmp.Or(run.Profile, "default")) + ", as of " + dayText(run.AsOf)
	t.line(0, head)
	for _, e := range run.Errors {
		t.wrapped(0, t.paint(ansiBold+ansiMagenta, "error")+": ", len("error: "), clean(e), width)
	}
	for _, l := range run.Licensed {
		t.wrapped(0, t.paint(ansiBold+ansiYellow, "licensed")+": ", len("licensed: "), clean(licensedLine(l)), width)
	}
	for _, s := range sourceItems(run) {
		t.wrapped(0, s.Label+": ", len(s.Label)+2, clean(s.line()), width)
	}
	t.wrapped(0, "lists: ", len("lists: "), listAges(run), width)

	var rules ruleNotes
	for i := range run.Inputs {
		in := &run.Inputs[i]
		t.blank()
		t.line(0, clean(in.Path)+": "+t.outcome(inputOutcome(in))+compactFacts(in))
		if in.Error != "" {
			t.wrapped(1, t.paint(ansiMagenta, "error")+": ", len("error: "), clean(in.Error), width-2)
			continue
		}
		fs := compactOrder(&in.Result)
		if len(fs) == 0 {
			continue
		}
		r.findingTable(t, fs)
		for _, f := range fs {
			rules.add(f)
		}
	}
	if len(run.Skipped) > 0 {
		t.blank()
		names := make([]string, len(run.Skipped))
		for i, sk := range run.Skipped {
			names[i] = clean(sk.Path) + " (" + clean(sk.Reason) + ")"
		}
		t.wrapped(0, "skipped, not inputs: ", len("skipped, not inputs: "), strings.Join(names, "; "), width)
	}
	t.blank()
	for _, n := range rules.order {
		r.ruleNote(t, n, width)
	}
	total := "total: " + runCounts(run).String() + " in " + plural(len(run.Inputs), "input", "inputs")
	if r.opts.Hint != "" {
		total += "; " + clean(r.opts.Hint)
	}
	t.line(0, total)
}

// compactFacts says in one line what an input is and holds.
func compactFacts(in *decision.Input) string {
	var parts []string
	if f := in.FormatLabel(); f != "" {
		parts = append(parts, clean(f))
	}
	if in.Error == "" {
		cov := in.Coverage
		if in.Kind == "procurement" {
			parts = append(parts, plural(cov.PartiesScreened, "party", "parties")+" screened")
		} else {
			parts = append(parts, plural(cov.Components, "component", "components")+" ("+strconv.Itoa(cov.Attributed)+" attributed)")
		}
		var c counts
		c.add(&in.Result)
		var found []string
		for k, n := range []int{c.Violations, c.Reviews, c.Warnings, c.Waived} {
			if n > 0 {
				found = append(found, kindCount(findingKind(k), n))
			}
		}
		if len(found) == 0 {
			found = []string{"no findings"}
		}
		parts = append(parts, strings.Join(found, ", "))
	}
	if len(parts) == 0 {
		return ""
	}
	return ", " + strings.Join(parts, ", ")
}

// compactOrder lists the findings of a result for the table: violations,
// reviews, warnings, waived; within each, most severe first, then in the
// order the policies returned them.
func compactOrder(res *decision.Result) []finding {
	var out []finding
	for k, vs := range [][]decision.Violation{res.Violations, res.Reviews, res.Warnings, res.Waived} {
		from := len(out)
		for i := range vs {
			out = append(out, finding{kind: findingKind(k), v: &vs[i]})
		}
		slices.SortStableFunc(out[from:], func(a, b finding) int {
			return cmp.Compare(severityRank(a.v.Severity), severityRank(b.v.Severity))
		})
	}
	return out
}

// level is what the table's first column says of a finding: a violation
// by its severity, the others by their kind (a warning never blocks, a
// review waits for a person, a waived finding is accepted).
func level(f finding) string {
	if f.kind == kindViolation {
		return cmp.Or(f.v.Severity, "unknown")
	}
	return f.kind.label()
}

// findingTable writes one row per finding: level, rule, subject, list
// entry with score, line and field.
func (r *textRenderer) findingTable(t *textWriter, fs []finding) {
	rows := make([][]string, 0, len(fs)+1)
	rows = append(rows, []string{"SEVERITY", "RULE", "SUBJECT", "ENTRY", "LINE", "FIELD"})
	for _, f := range fs {
		v := f.v
		entry := "-"
		if len(v.Match) > 0 {
			m := viewMatch(v.Match)
			entry = cmp.Or(m.entry(), "-")
			if m.Score != "" {
				entry += " " + m.Score
			}
		}
		line := "-"
		if v.Line > 0 {
			line = strconv.Itoa(v.Line)
		}
		rows = append(rows, []string{level(f), cmp.Or(v.Rule, "-"), subjectBrief(v.Subject), entry, line, cmp.Or(v.Pointer, "-")})
	}
	for i := range rows {
		for j := range rows[i] {
			rows[i][j] = clean(rows[i][j])
		}
	}
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for j, c := range row {
			widths[j] = max(widths[j], utf8.RuneCountInString(c))
		}
	}
	for i, row := range rows {
		var b strings.Builder
		for j, c := range row {
			pad := widths[j] - utf8.RuneCountInString(c)
			switch {
			case i == 0:
				c = t.paint(ansiBold, c)
			case j == 0:
				c = t.level(fs[i-1])
			}
			if j == 4 { // line numbers align right
				b.WriteString(strings.Repeat(" ", pad))
				b.WriteString(c)
			} else {
				b.WriteString(c)
				if j < len(row)-1 {
					b.WriteString(strings.Repeat(" ", pad))
				}
			}
			if j < len(row)-1 {
				b.WriteString("  ")
			}
		}
		t.line(1, b.String())
	}
}

// subjectBrief names a subject in a table cell: name@version, else its
// ref.
func subjectBrief(s decision.Subject) string {
	if s.Name != "" {
		if s.Version != "" {
			return s.Name + "@" + s.Version
		}
		return s.Name
	}
	return subjectShort(s)
}

// ruleNote is what the findings of one rule share.
type ruleNote struct {
	rule, title string
	severities  []string
	kinds       [4]int
	authorities []string // citation, effective date and URL, one line each
	citations   []string
	messages    []string
}

// ruleNotes gathers the findings per rule, rules in order of first
// appearance.
type ruleNotes struct {
	order []*ruleNote
	index map[string]*ruleNote
}

func (rs *ruleNotes) add(f finding) {
	v := f.v
	if rs.index == nil {
		rs.index = map[string]*ruleNote{}
	}
	n := rs.index[v.Rule]
	if n == nil {
		n = &ruleNote{rule: v.Rule, title: v.Title}
		rs.index[v.Rule] = n
		rs.order = append(rs.order, n)
	}
	n.kinds[f.kind]++
	if v.Severity != "" && !slices.Contains(n.severities, v.Severity) {
		n.severities = append(n.severities, v.Severity)
	}
	if a := v.Authority; a != nil {
		line := strings.Join(nonEmpty(a.Citation, prefixed("effective ", a.Effective), a.URL), "; ")
		if line != "" && !slices.Contains(n.authorities, line) {
			n.authorities = append(n.authorities, line)
		}
		if a.Citation != "" && !slices.Contains(n.citations, a.Citation) {
			n.citations = append(n.citations, a.Citation)
		}
	}
	n.messages = append(n.messages, v.Message)
}

// nonEmpty returns the non-empty strings of ss.
func nonEmpty(ss ...string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// prefixed is prefix+s, or "" when s is empty.
func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// ruleNote writes a rule's title, severity and counts, its authority and
// the explanation its findings share.
func (r *textRenderer) ruleNote(t *textWriter, n *ruleNote, width int) {
	var kinds []string
	for k, c := range n.kinds {
		if c > 0 {
			kinds = append(kinds, kindCount(findingKind(k), c))
		}
	}
	if len(n.severities) > 0 {
		kinds = append([]string{clean(strings.Join(n.severities, "/"))}, kinds...)
	}
	head := t.paint(ansiBold, clean(cmp.Or(n.rule, "(no rule)"))) + " [" + strings.Join(kinds, ", ") + "]"
	if n.title != "" {
		head += " " + clean(n.title)
	}
	t.line(0, head)
	for _, a := range n.authorities {
		t.wrapped(1, "authority: ", len("authority: "), clean(a), width-2)
	}
	e := sharedExplanation(n.messages)
	for _, c := range n.citations {
		// The authority is printed above: not again inside the text.
		e = strings.TrimSpace(strings.ReplaceAll(e, " ("+c+")", ""))
	}
	if e != "" {
		t.wrapped(1, "", 0, clean(e), width-2)
	}
}

// sharedExplanation is what the messages of one rule's findings say in
// common: the whole message when there is one (or all are the same), else
// the longest common ending that starts a sentence ("Prohibited under
// ..."), else "". The part naming each subject is in the table.
func sharedExplanation(msgs []string) string {
	if len(msgs) == 0 {
		return ""
	}
	first := msgs[0]
	n := len(first) // length of the common ending
	same := true
	for _, m := range msgs[1:] {
		same = same && m == first
		k := 0
		for k < n && k < len(m) && first[len(first)-1-k] == m[len(m)-1-k] {
			k++
		}
		n = k
	}
	if same {
		return first
	}
	for i := len(first) - n; i < len(first); i++ {
		if i == 0 || sentenceStart(first, i) {
			s := strings.TrimSpace(first[i:])
			if utf8.RuneCountInString(s) >= 20 && strings.Count(s, "(") == strings.Count(s, ")") {
				return s
			}
			return ""
		}
	}
	return ""
}

// sentenceStart reports whether a sentence starts at s[i]: a capital
// letter after ". " that does not end an abbreviation ("Inc.").
func sentenceStart(s string, i int) bool {
	if i < 2 || s[i-1] != ' ' || s[i-2] != '.' || s[i] < 'A' || s[i] > 'Z' {
		return false
	}
	word := s[:i-2]
	if j := strings.LastIndexAny(word, " ("); j >= 0 {
		word = word[j+1:]
	}
	switch word {
	case "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "St", "No", "Mr", "Ms", "Dr", "U.S", "e.g", "i.e", "cf", "vs":
		return false
	}
	return true
}

// kindCount says n findings of kind k: "3 violations", "1 waived".
func kindCount(k findingKind, n int) string {
	if k == kindWaived {
		return strconv.Itoa(n) + " waived"
	}
	return plural(n, k.label(), k.label()+"s")
}

// listAges lists the lists with their age: "ofac-sdn 99d, kaspersky 886d".
func listAges(run *decision.Run) string {
	ls := sortedLists(run)
	if len(ls) == 0 {
		return "none loaded"
	}
	parts := make([]string, len(ls))
	for i, p := range ls {
		parts[i] = clean(p.ID) + " " + ageText(run.AsOf, p.Published)
	}
	return strings.Join(parts, ", ")
}

// dayText is a date alone when the time is midnight UTC (an --as-of day),
// else the full time.
func dayText(t time.Time) string {
	if !t.IsZero() && t.UTC().Equal(t.UTC().Truncate(24*time.Hour)) {
		return dateText(t)
	}
	return timeText(t)
}

// wrapped writes label then text wrapped at width, continuation lines
// indented to align with the text after label (hang columns). Words
// longer than a line (URLs) are kept whole. label may carry colour codes:
// hang is its printed width.
func (t *textWriter) wrapped(indent int, label string, hang int, text string, width int) {
	room := max(width-2*indent-hang, 20)
	lines := wrapWords(text, room)
	if len(lines) == 0 {
		lines = []string{""}
	}
	t.line(indent, label+lines[0])
	for _, l := range lines[1:] {
		t.line(indent, strings.Repeat(" ", hang)+l)
	}
}

// wrapWords breaks text into lines of at most width runes at spaces.
func wrapWords(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		wn := utf8.RuneCountInString(w)
		if n > 0 && n+1+wn > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(w)
		n += wn
	}
	if n > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// level paints a finding's level: violations by severity, reviews yellow,
// warnings cyan, waived dim.
func (t *textWriter) level(f finding) string {
	s := clean(level(f))
	switch f.kind {
	case kindViolation:
		switch f.v.Severity {
		case "critical", "high":
			return t.paint(ansiBold+ansiRed, s)
		case "medium":
			return t.paint(ansiRed, s)
		default:
			return t.paint(ansiYellow, s)
		}
	case kindReview:
		return t.paint(ansiYellow, s)
	case kindWarning:
		return t.paint(ansiCyan, s)
	default:
		return t.paint(ansiDim, s)
	}
}
