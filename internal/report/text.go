package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/bangate/bangate/internal/decision"
)

// TextOptions configures the text renderer.
type TextOptions struct {
	// Color adds ANSI colours to outcomes, severities and finding kinds.
	// Off by default; turn it on only when writing to a terminal.
	Color bool
	// Compact writes the summary that fits on a screen (see doc.go)
	// instead of the full report, which names every detail of every
	// finding.
	Compact bool
	// Width is the width in columns the compact form wraps its prose to
	// (the table of findings is never wrapped); 0 means DefaultTextWidth,
	// and less than 60 is taken as 60.
	Width int
	// Hint, when set, is the last line of the compact form: how to get
	// the full report.
	Hint string
}

// DefaultTextWidth is the width the compact text form wraps to when no
// terminal width is known.
const DefaultTextWidth = 120

// NewText returns the human-readable renderer for a terminal.
func NewText(opts TextOptions) Renderer {
	if opts.Width <= 0 {
		opts.Width = DefaultTextWidth
	}
	opts.Width = max(opts.Width, 60)
	return &textRenderer{opts: opts}
}

type textRenderer struct{ opts TextOptions }

var _ Renderer = (*textRenderer)(nil)

// ANSI SGR sequences used when TextOptions.Color is set.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiRed     = "\x1b[31m"
	ansiGreen   = "\x1b[32m"
	ansiYellow  = "\x1b[33m"
	ansiMagenta = "\x1b[35m"
	ansiCyan    = "\x1b[36m"
	ansiDim     = "\x1b[2m"
)

// Render writes run as plain text.
func (r *textRenderer) Render(w io.Writer, run *decision.Run) error {
	if run == nil {
		return fmt.Errorf("render text: %w", ErrNilRun)
	}
	bw := bufio.NewWriter(w)
	t := &textWriter{w: bw, color: r.opts.Color}
	if r.opts.Compact {
		r.compact(t, run)
	} else {
		r.full(t, run)
	}
	if t.err != nil {
		return fmt.Errorf("render text: %w", t.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render text: %w", err)
	}
	return nil
}

// full writes the full report.
func (r *textRenderer) full(t *textWriter, run *decision.Run) {
	t.line(0, clean(toolLine(run.Tool)))
	profile := run.Profile
	if profile == "" {
		profile = "default"
	}
	t.line(0, "as of "+timeText(run.AsOf)+", profile "+clean(profile))
	outcome := runOutcome(run)
	t.line(0, "outcome: "+t.outcome(outcome)+" (exit "+strconv.Itoa(run.ExitCode)+")")
	for _, e := range run.Errors {
		t.line(0, t.paint(ansiBold+ansiMagenta, "error")+": "+clean(e))
	}
	for _, l := range run.Licensed {
		t.line(0, t.paint(ansiBold+ansiYellow, "licensed")+": "+clean(licensedLine(l)))
	}
	for _, s := range sourceItems(run) {
		t.line(0, s.Label+": "+clean(s.line()))
	}

	for i := range run.Inputs {
		t.blank()
		r.input(t, &run.Inputs[i])
	}

	if len(run.Skipped) > 0 {
		t.blank()
		t.line(0, "skipped (not inputs): "+plural(len(run.Skipped), "file", "files"))
		for _, sk := range run.Skipped {
			t.line(1, clean(sk.Path)+": "+clean(sk.Reason))
		}
	}

	t.blank()
	t.line(0, "total: "+runCounts(run).String()+" in "+plural(len(run.Inputs), "input", "inputs"))
	t.blank()
	r.lists(t, run)
}

func (r *textRenderer) input(t *textWriter, in *decision.Input) {
	outcome := inputOutcome(in)
	t.line(0, "input "+clean(in.Path)+": "+t.outcome(outcome))
	var meta []string
	if in.Kind != "" {
		meta = append(meta, clean(in.Kind))
	}
	if f := in.FormatLabel(); f != "" {
		meta = append(meta, "format "+clean(f))
	}
	if in.SHA256 != "" {
		meta = append(meta, "sha256 "+clean(shortHash(in.SHA256)))
	}
	if len(meta) > 0 {
		t.line(1, strings.Join(meta, ", "))
	}
	if in.Subject != nil {
		t.line(1, "subject: "+clean(subjectLabel(*in.Subject)))
	}
	if in.Error != "" {
		t.line(1, t.paint(ansiMagenta, "error")+": "+clean(in.Error))
		return
	}
	for _, g := range groupBySubject(&in.Result) {
		t.blank()
		t.line(1, clean(subjectLabel(g.subject)))
		for _, f := range g.findings {
			r.finding(t, f, in.Path)
		}
	}
	t.blank()
	var c counts
	c.add(&in.Result)
	cov := in.Coverage
	coverage := fmt.Sprintf("%s, %d attributed, %d unattributed",
		plural(cov.Components, "component", "components"), cov.Attributed, cov.Unattributed)
	if in.Kind == "procurement" {
		coverage = plural(cov.PartiesScreened, "party", "parties") + " screened"
	}
	t.line(1, "summary: "+c.String()+"; coverage: "+coverage)
}

func (r *textRenderer) finding(t *textWriter, f finding, path string) {
	v := f.v
	head := t.kind(f.kind) + " [" + clean(v.Severity) + "] " + clean(v.Rule)
	if v.Title != "" {
		head += ": " + clean(v.Title)
	}
	t.line(2, head)
	for _, d := range findingDetails(f, path) {
		label := d.name + ":"
		t.line(3, label+strings.Repeat(" ", max(11-len(label), 1))+clean(d.value))
	}
}

func (r *textRenderer) lists(t *textWriter, run *decision.Run) {
	ls := sortedLists(run)
	if len(ls) == 0 {
		t.line(0, "lists: none loaded")
		return
	}
	t.line(0, "lists:")
	if t.err != nil {
		return
	}
	tw := tabwriter.NewWriter(t.w, 0, 0, 2, ' ', 0)
	_, t.err = fmt.Fprintln(tw, "  ID\tKIND\tPUBLISHED\tFETCHED\tAGE\tENTRIES\tSHA256")
	for _, p := range ls {
		if t.err != nil {
			return
		}
		_, t.err = fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%d\t%s\n",
			clean(p.ID), clean(string(p.Kind)), dateText(p.Published), dateText(p.Retrieved),
			ageText(run.AsOf, p.Published), p.Entries, clean(shortHash(p.SHA256)))
	}
	if t.err == nil {
		t.err = tw.Flush()
	}
}

// textWriter writes indented lines and keeps the first error.
type textWriter struct {
	w     *bufio.Writer
	color bool
	err   error
}

func (t *textWriter) line(indent int, s string) {
	if t.err != nil {
		return
	}
	for range indent {
		if _, t.err = t.w.WriteString("  "); t.err != nil {
			return
		}
	}
	if _, t.err = t.w.WriteString(s); t.err != nil {
		return
	}
	t.err = t.w.WriteByte('\n')
}

func (t *textWriter) blank() { t.line(0, "") }

func (t *textWriter) paint(code, s string) string {
	if !t.color {
		return s
	}
	return code + s + ansiReset
}

func (t *textWriter) outcome(o string) string {
	word := strings.ToUpper(clean(o))
	switch o {
	case decision.OutcomePass:
		return t.paint(ansiBold+ansiGreen, word)
	case decision.OutcomeFail:
		return t.paint(ansiBold+ansiRed, word)
	case decision.OutcomeReview:
		return t.paint(ansiBold+ansiYellow, word)
	default:
		return t.paint(ansiBold+ansiMagenta, word)
	}
}

func (t *textWriter) kind(k findingKind) string {
	switch k {
	case kindViolation:
		return t.paint(ansiRed, "VIOLATION")
	case kindReview:
		return t.paint(ansiYellow, "REVIEW")
	case kindWarning:
		return t.paint(ansiCyan, "WARNING")
	default:
		return t.paint(ansiDim, "WAIVED")
	}
}

// clean makes s safe to print on a terminal: control characters (escape
// sequences, newlines) and the Unicode bidirectional controls are shown as
// \uXXXX escapes instead of acting on the terminal, and invalid UTF-8
// becomes U+FFFD.
func clean(s string) string {
	safe := utf8.ValidString(s)
	for _, r := range s {
		if unsafeRune(r) {
			safe = false
			break
		}
	}
	if safe {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if unsafeRune(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unsafeRune reports control characters (tabs and newlines included) and
// the bidirectional formatting characters.
func unsafeRune(r rune) bool {
	if unicode.IsControl(r) {
		return true
	}
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}
