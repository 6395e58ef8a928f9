package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bangate/bangate/internal/decision"
)

// markdownRenderer writes GitHub-flavoured Markdown for a job summary
// ($GITHUB_STEP_SUMMARY) or a merge-request note.
type markdownRenderer struct{}

var _ Renderer = (*markdownRenderer)(nil)

// Render writes run as Markdown.
func (r *markdownRenderer) Render(w io.Writer, run *decision.Run) error {
	if run == nil {
		return fmt.Errorf("render markdown: %w", ErrNilRun)
	}
	bw := bufio.NewWriter(w)
	m := &mdWriter{w: bw}
	outcome := strings.ToUpper(runOutcome(run))
	total := runCounts(run)

	m.printf("## bangate: %s\n\n", mdEscape(outcome))
	if len(run.Errors) > 0 {
		// A banner before anything else: the run as a whole could not
		// be checked, whatever the inputs say.
		m.printf("> **The check could not be completed:**\n")
		for _, e := range run.Errors {
			m.printf("> - %s\n", mdEscape(e))
		}
		m.printf("\n")
	}
	if len(run.Licensed) > 0 {
		// As prominent as errors: a blocked person or frozen assets let
		// through under a licence.
		m.printf("> **Waived under a sanctions licence** (dealing with a blocked person or frozen assets, authorised only by the licence named):\n")
		for _, l := range run.Licensed {
			m.printf("> - %s\n", mdEscape(licensedLine(l)))
		}
		m.printf("\n")
	}
	m.printf("**Outcome: %s** · exit %d · %s · as of %s · profile %s · %s\n\n",
		mdEscape(outcome), run.ExitCode, total, timeText(run.AsOf),
		mdEscape(cmp.Or(run.Profile, "default")), mdEscape(toolLine(run.Tool)))
	if items := sourceItems(run); len(items) > 0 {
		m.printf("**Read besides the inputs and lists:**\n\n")
		for _, it := range items {
			m.printf("- %s %s · sha256 %s", mdEscape(it.Label), mdEscape(it.Name), mdEscape(it.SHA256))
			if it.Note != "" {
				m.printf(" · %s", mdEscape(it.Note))
			}
			m.printf("\n")
		}
		m.printf("\n")
	}

	m.printf("| input | kind | format | outcome | violations | reviews | warnings | waived | components | attributed | unattributed |\n")
	m.printf("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for i := range run.Inputs {
		in := &run.Inputs[i]
		var c counts
		c.add(&in.Result)
		cov := in.Coverage
		m.printf("| %s | %s | %s | %s | %d | %d | %d | %d | %d | %d | %d |\n",
			mdCell(in.Path), mdCell(in.Kind), mdCell(in.FormatLabel()),
			mdCell(strings.ToUpper(inputOutcome(in))), c.Violations, c.Reviews, c.Warnings, c.Waived,
			cov.Components, cov.Attributed, cov.Unattributed)
	}

	for i := range run.Inputs {
		r.input(m, &run.Inputs[i])
	}
	r.lists(m, run)

	if m.err != nil {
		return fmt.Errorf("render markdown: %w", m.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render markdown: %w", err)
	}
	return nil
}

func (r *markdownRenderer) input(m *mdWriter, in *decision.Input) {
	m.printf("\n### %s: %s\n\n", mdEscape(in.Path), mdEscape(strings.ToUpper(inputOutcome(in))))
	if in.Error != "" {
		m.printf("**Could not be checked:** %s\n", mdCell(in.Error))
		return
	}
	res := &in.Result
	if len(res.Violations)+len(res.Reviews)+len(res.Warnings)+len(res.Waived) == 0 {
		m.printf("No findings.\n")
		return
	}
	if len(res.Violations) > 0 {
		m.printf("#### Violations\n\n")
		mdFindingTable(m, res.Violations)
	}
	if len(res.Reviews) > 0 {
		if len(res.Violations) > 0 {
			m.printf("\n")
		}
		m.printf("#### Reviews\n\nPossible matches a person must clear.\n\n")
		mdFindingTable(m, res.Reviews)
	}
	if len(res.Warnings) > 0 {
		m.printf("\n<details><summary>Warnings (%d)</summary>\n\n", len(res.Warnings))
		mdFindingTable(m, res.Warnings)
		m.printf("\n</details>\n")
	}
	if len(res.Waived) > 0 {
		m.printf("\n<details><summary>Waived (%d)</summary>\n\n", len(res.Waived))
		m.printf("| severity | rule | subject | field | waiver | expires |\n")
		m.printf("| --- | --- | --- | --- | --- | --- |\n")
		for i := range res.Waived {
			v := &res.Waived[i]
			wv := viewWaiver(v.Waiver)
			m.printf("| %s | %s | %s | %s | %s | %s |\n",
				mdCell(v.Severity), mdRule(v), mdCell(subjectLabel(v.Subject)), mdField(v),
				mdCell(wv.line()), mdCell(wv.Expires))
		}
		m.printf("\n</details>\n")
	}
}

// mdFindingTable writes one table row per finding.
func mdFindingTable(m *mdWriter, vs []decision.Violation) {
	m.printf("| severity | rule | subject | field | match | authority |\n")
	m.printf("| --- | --- | --- | --- | --- | --- |\n")
	for i := range vs {
		v := &vs[i]
		match := ""
		if len(v.Match) > 0 {
			mv := viewMatch(v.Match)
			match = mdCell(mv.evidence())
			if e := mv.entryLine(); e != "" {
				match += "<br>entry " + mdCell(e)
			}
		}
		if len(v.Waiver) > 0 {
			if match != "" {
				match += "<br>"
			}
			match += "expired waiver: " + mdCell(viewWaiver(v.Waiver).line())
		}
		m.printf("| %s | %s | %s | %s | %s | %s |\n",
			mdCell(v.Severity), mdRule(v), mdCell(subjectLabel(v.Subject)), mdField(v),
			match, mdAuthority(v.Authority))
	}
}

// mdField is the finding's pointer with its line and column, when placed.
func mdField(v *decision.Violation) string {
	s := mdCell(v.Pointer)
	if l := lineText(v); l != "" {
		s += "<br>" + l
	}
	return s
}

// mdRule is the rule ID in bold with the title after it.
func mdRule(v *decision.Violation) string {
	s := "**" + mdCell(v.Rule) + "**"
	if v.Title != "" {
		s += "<br>" + mdCell(v.Title)
	}
	return s
}

// mdAuthority is the citation, linked to the official text when its URL
// is an http(s) URL, with the effective date.
func mdAuthority(a *decision.Authority) string {
	if a == nil {
		return ""
	}
	s := mdCell(a.Citation)
	if u, ok := httpURL(a.URL); ok {
		text := s
		if text == "" {
			text = mdCell(u)
		}
		s = "[" + text + "](" + mdLinkTarget(u) + ")"
	}
	if a.Effective != "" {
		s += " (effective " + mdCell(a.Effective) + ")"
	}
	return s
}

func (r *markdownRenderer) lists(m *mdWriter, run *decision.Run) {
	ls := sortedLists(run)
	m.printf("\n<details><summary>Lists used (%d)</summary>\n\n", len(ls))
	if len(ls) == 0 {
		m.printf("No list was loaded.\n")
	} else {
		m.printf("| id | kind | published | fetched | age | entries | sha256 | source |\n")
		m.printf("| --- | --- | --- | --- | ---: | ---: | --- | --- |\n")
		for _, p := range ls {
			src := mdCell(p.SourceURL)
			if u, ok := httpURL(p.SourceURL); ok {
				src = "[" + mdCell(u) + "](" + mdLinkTarget(u) + ")"
			}
			if p.Derived {
				src += " (derived)"
			}
			m.printf("| %s | %s | %s | %s | %s | %d | %s | %s |\n",
				mdCell(p.ID), mdCell(string(p.Kind)), dateText(p.Published), dateText(p.Retrieved), ageText(run.AsOf, p.Published),
				p.Entries, mdCell(shortHash(p.SHA256)), src)
		}
	}
	m.printf("\n</details>\n")
}

// mdWriter writes formatted text and keeps the first error.
type mdWriter struct {
	w   *bufio.Writer
	err error
}

func (m *mdWriter) printf(format string, args ...any) {
	if m.err != nil {
		return
	}
	_, m.err = fmt.Fprintf(m.w, format, args...)
}

// mdEscape makes s literal text in Markdown outside a table: HTML
// characters become entities, Markdown punctuation is backslash-escaped,
// and line breaks and other control characters become spaces.
func mdEscape(s string) string {
	return mdEscapeWith(s, " ")
}

// mdCell makes s literal text inside a table cell: as mdEscape, with "|"
// escaped and line breaks written as <br>.
func mdCell(s string) string {
	return mdEscapeWith(s, "<br>")
}

// mdSpecial reports whether mdEscapeWith changes r.
func mdSpecial(r rune) bool {
	switch r {
	case '&', '<', '>', '|', '\\', '`', '*', '_', '[', ']', '#', '~', '!', '\n', '\r', utf8.RuneError:
		return true
	}
	return unsafeRune(r)
}

func mdEscapeWith(s, newline string) string {
	if strings.IndexFunc(s, mdSpecial) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '|':
			b.WriteString(`\|`)
		case '\\', '`', '*', '_', '[', ']', '#', '~', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(newline)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteString(newline)
		default:
			if unsafeRune(r) {
				b.WriteByte(' ')
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdLinkTarget escapes the characters that would end or break a Markdown
// link destination.
func mdLinkTarget(u string) string {
	return mdLinkReplacer.Replace(u)
}

// mdLinkReplacer is immutable and safe for concurrent use.
var mdLinkReplacer = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "|", "%7C")
