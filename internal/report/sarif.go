package report

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
)

// SARIF constants. The limits are GitHub code scanning's: it rejects a run
// with more than 25,000 results and any identifier longer than 255
// characters, and refuses uploads over 10 MB gzip-compressed. GitHub
// documents no limit on a result message; bangate caps each message at
// 4 KiB so that the largest run stays far below the upload limit.
const (
	// SARIFVersion is the SARIF version written.
	SARIFVersion = "2.1.0"
	// SARIFSchemaURI is the OASIS schema the output conforms to.
	SARIFSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// MaxSARIFResults is the most results one run holds; the rest are
	// dropped, least important first, and counted in run.properties.
	MaxSARIFResults = 25000
	// MaxSARIFMessageBytes is the longest result message, in bytes.
	MaxSARIFMessageBytes = 4096
	// maxSARIFIDLen is GitHub's limit on a SARIF identifier.
	maxSARIFIDLen = 255
	// fingerprintKey names bangate's entry in partialFingerprints.
	fingerprintKey = "bangateFinding/v1"
)

// SARIFOptions configures the SARIF renderer. Zero values take the
// defaults; values above GitHub's limits are lowered to them.
type SARIFOptions struct {
	// MaxResults caps the results of the run (default MaxSARIFResults).
	MaxResults int
	// MaxMessageBytes caps each result message (default MaxSARIFMessageBytes).
	MaxMessageBytes int
}

// NewSARIF returns a SARIF renderer with the given limits.
func NewSARIF(opts SARIFOptions) Renderer {
	if opts.MaxResults <= 0 || opts.MaxResults > MaxSARIFResults {
		opts.MaxResults = MaxSARIFResults
	}
	if opts.MaxMessageBytes <= 0 || opts.MaxMessageBytes > MaxSARIFMessageBytes {
		opts.MaxMessageBytes = MaxSARIFMessageBytes
	}
	// A message must keep room for the truncation mark.
	opts.MaxMessageBytes = max(opts.MaxMessageBytes, 16)
	return &sarifRenderer{opts: opts}
}

type sarifRenderer struct{ opts SARIFOptions }

var _ Renderer = (*sarifRenderer)(nil)

// sarifCandidate is a finding that may become a result.
type sarifCandidate struct {
	input int
	kind  findingKind
	v     *decision.Violation
}

// priority orders candidates for the result limit: violations by
// severity, then reviews, waived findings and warnings.
func (c sarifCandidate) priority() int {
	switch c.kind {
	case kindViolation:
		return severityRank(c.v.Severity)
	case kindReview:
		return 10
	case kindWaived:
		return 20
	default:
		return 30
	}
}

// Render writes run as one SARIF 2.1.0 log with one run. The log is
// indented, except that each result takes one line: a run may hold 25,000
// results, and indenting them would double both the file and the time.
func (r *sarifRenderer) Render(w io.Writer, run *decision.Run) error {
	if run == nil {
		return fmt.Errorf("render sarif: %w", ErrNilRun)
	}
	log := r.build(run)
	results := log.Runs[0].Results
	log.Runs[0].Results = []sarifResult{}

	var env bytes.Buffer
	enc := json.NewEncoder(&env)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("render sarif: %w", err)
	}
	// The empty results array is the only place this text can occur:
	// inside a JSON string its quotes would be escaped.
	marker := []byte(`"results": []`)
	at := bytes.Index(env.Bytes(), marker)
	if at < 0 || bytes.Count(env.Bytes(), marker) != 1 {
		return fmt.Errorf("render sarif: cannot place the results")
	}

	bw := bufio.NewWriter(w)
	_, _ = bw.Write(env.Bytes()[:at])
	_, _ = bw.WriteString(`"results": [`)
	var line bytes.Buffer
	lenc := json.NewEncoder(&line)
	lenc.SetEscapeHTML(false)
	for i := range results {
		line.Reset()
		if err := lenc.Encode(&results[i]); err != nil {
			return fmt.Errorf("render sarif: %w", err)
		}
		if i > 0 {
			_ = bw.WriteByte(',')
		}
		_, _ = bw.WriteString("\n        ")
		_, _ = bw.Write(bytes.TrimSuffix(line.Bytes(), []byte("\n")))
	}
	if len(results) > 0 {
		_, _ = bw.WriteString("\n      ")
	}
	_ = bw.WriteByte(']')
	_, _ = bw.Write(env.Bytes()[at+len(marker):])
	// bufio.Writer keeps its first error and returns it from Flush.
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render sarif: %w", err)
	}
	return nil
}

func (r *sarifRenderer) build(run *decision.Run) *sarifLog {
	ls := sortedLists(run)
	if ls == nil {
		ls = []provenance.List{}
	}
	sr := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            cmp.Or(run.Tool.Name, "bangate"),
			Version:         run.Tool.Version,
			SemanticVersion: semanticVersion(run.Tool.Version),
			Rules:           []sarifRule{},
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
		Properties: sarifRunProps{
			AsOf:          timeText(run.AsOf),
			Errors:        run.Errors,
			Profile:       run.Profile,
			Outcome:       runOutcome(run),
			ExitCode:      run.ExitCode,
			OPAVersion:    run.Tool.OPAVersion,
			BundleVersion: run.Tool.BundleVersion,
			Lists:         ls,
		},
	}
	if run.Tool.Commit != "" || run.Tool.OPAVersion != "" || run.Tool.BundleVersion != "" {
		sr.Tool.Driver.Properties = &sarifDriverProps{
			Commit:        run.Tool.Commit,
			OPAVersion:    run.Tool.OPAVersion,
			BundleVersion: run.Tool.BundleVersion,
		}
	}

	// A run that could not be checked (a stale list) did not execute
	// successfully, whatever its inputs say; its errors come first.
	inv := sarifInvocation{ExecutionSuccessful: runOutcome(run) != decision.OutcomeError,
		Properties: sarifInvocationProps{Sources: run.Sources, Licensed: run.Licensed}}
	if inv.Properties.Sources.Config == nil {
		inv.Properties.Sources.Config = []decision.ConfigFile{}
	}
	if inv.Properties.Sources.Policies == nil {
		inv.Properties.Sources.Policies = []provenance.File{}
	}
	var cands []sarifCandidate
	notesTruncated := 0
	for _, e := range run.Errors {
		text := truncateUTF8("the check could not be completed: "+e, r.opts.MaxMessageBytes)
		if len(text) != len("the check could not be completed: ")+len(e) {
			notesTruncated++
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "error", Message: sarifText{Text: text},
		})
	}
	// Findings waived under a licence, and a found configuration file's
	// settings not applied, are notified too: a SARIF viewer shows
	// notifications where it may hide suppressed results and properties.
	for _, l := range run.Licensed {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "warning", Message: sarifText{Text: truncateUTF8(licensedLine(l), r.opts.MaxMessageBytes)},
		})
	}
	for _, f := range run.Sources.Config {
		if len(f.Ignored) > 0 {
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Level: "note", Message: sarifText{Text: truncateUTF8("config "+f.Path+": "+configNote(f), r.opts.MaxMessageBytes)},
			})
		}
	}
	for i := range run.Inputs {
		in := &run.Inputs[i]
		art := sarifArtifact{Location: sarifArtifactURI{URI: artifactURI(in.Path)}}
		if in.SHA256 != "" {
			art.Hashes = map[string]string{"sha-256": in.SHA256}
		}
		sr.Artifacts = append(sr.Artifacts, art)
		if in.Error != "" {
			inv.ExecutionSuccessful = false
			text := in.Path + ": could not be checked: " + in.Error
			short := truncateUTF8(text, r.opts.MaxMessageBytes)
			if len(short) != len(text) {
				notesTruncated++
			}
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Level:   "error",
				Message: sarifText{Text: short},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: sarifArtifactLocation{URI: art.Location.URI, Index: i},
				}}},
			})
			continue
		}
		res := &in.Result
		for j := range res.Violations {
			cands = append(cands, sarifCandidate{i, kindViolation, &res.Violations[j]})
		}
		for j := range res.Reviews {
			cands = append(cands, sarifCandidate{i, kindReview, &res.Reviews[j]})
		}
		for j := range res.Waived {
			cands = append(cands, sarifCandidate{i, kindWaived, &res.Waived[j]})
		}
		for j := range res.Warnings {
			cands = append(cands, sarifCandidate{i, kindWarning, &res.Warnings[j]})
		}
	}
	sr.Invocations = []sarifInvocation{inv}

	kept := r.keep(cands)
	sr.Results = make([]sarifResult, 0, min(len(cands), r.opts.MaxResults))
	trunc := sarifTruncation{
		MaxResults:      r.opts.MaxResults,
		TotalResults:    len(cands),
		MaxMessageBytes: r.opts.MaxMessageBytes,
	}
	ruleIndex := map[string]int{}
	for ci, c := range cands {
		if kept != nil && !kept[ci] {
			trunc.DroppedResults++
			continue
		}
		id := sarifRuleID(c.v.Rule)
		idx, ok := ruleIndex[id]
		if !ok {
			idx = len(sr.Tool.Driver.Rules)
			ruleIndex[id] = idx
			sr.Tool.Driver.Rules = append(sr.Tool.Driver.Rules, newSARIFRule(id, c.v))
		}
		result, truncated := r.result(run, c, sr.Artifacts[c.input].Location.URI, id, idx)
		if truncated {
			trunc.TruncatedMessages++
		}
		sr.Results = append(sr.Results, result)
	}
	trunc.TruncatedMessages += notesTruncated
	if trunc.DroppedResults > 0 || trunc.TruncatedMessages > 0 {
		sr.Properties.Truncation = &trunc
	}
	return &sarifLog{Schema: SARIFSchemaURI, Version: SARIFVersion, Runs: []sarifRun{sr}}
}

// keep returns which candidates fit the result limit, or nil when all do.
func (r *sarifRenderer) keep(cands []sarifCandidate) []bool {
	if len(cands) <= r.opts.MaxResults {
		return nil
	}
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(cands[a].priority(), cands[b].priority())
	})
	kept := make([]bool, len(cands))
	for _, i := range order[:r.opts.MaxResults] {
		kept[i] = true
	}
	return kept
}

func (r *sarifRenderer) result(run *decision.Run, c sarifCandidate, uri, ruleID string, ruleIdx int) (sarifResult, bool) {
	v := c.v
	in := &run.Inputs[c.input]
	msg, truncated := sarifMessage(c, r.opts.MaxMessageBytes)
	region := &sarifRegion{StartLine: 1}
	if v.Line > 0 {
		region = &sarifRegion{StartLine: v.Line, StartColumn: v.Column}
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: uri, Index: c.input},
		Region:           region,
	}}
	if v.Pointer != "" {
		loc.LogicalLocations = []sarifLogicalLocation{{
			Name:               subjectShort(v.Subject),
			FullyQualifiedName: v.Pointer,
		}}
	}
	res := sarifResult{
		RuleID:              ruleID,
		RuleIndex:           ruleIdx,
		Level:               resultLevel(c.kind, v.Severity),
		Message:             sarifText{Text: msg},
		Locations:           []sarifLocation{loc},
		PartialFingerprints: map[string]string{fingerprintKey: fingerprint(v)},
		Properties: sarifResultProps{
			Finding:   c.kind.label(),
			Severity:  v.Severity,
			Input:     in.Path,
			Pointer:   v.Pointer,
			Subject:   v.Subject,
			Match:     v.Match,
			Authority: v.Authority,
			Waiver:    v.Waiver,
			Truncated: truncated,
		},
	}
	if c.kind == kindWaived {
		res.Suppressions = []sarifSuppression{{
			Kind:          "external",
			Status:        "accepted",
			Justification: truncateUTF8(waiverJustification(v.Waiver), r.opts.MaxMessageBytes),
		}}
	}
	return res, truncated
}

// sarifMessage is the result message: what, why, on what evidence.
func sarifMessage(c sarifCandidate, limit int) (string, bool) {
	v := c.v
	var b strings.Builder
	b.Grow(len(v.Title) + len(v.Message) + len(v.Pointer) + 384)
	switch c.kind {
	case kindReview:
		b.WriteString("Needs review: ")
	case kindWaived:
		b.WriteString("Waived: ")
	}
	b.WriteString(cmp.Or(v.Title, v.Rule))
	b.WriteString(" [")
	b.WriteString(subjectLabel(v.Subject))
	b.WriteString("]")
	if v.Message != "" {
		b.WriteString(". ")
		b.WriteString(v.Message)
	}
	if len(v.Match) > 0 {
		m := viewMatch(v.Match)
		b.WriteString(" Evidence: ")
		b.WriteString(m.evidence())
		if e := m.entryLine(); e != "" {
			b.WriteString("; list entry ")
			b.WriteString(e)
		}
		b.WriteString(".")
	}
	if v.Pointer != "" {
		b.WriteString(" Field: ")
		b.WriteString(v.Pointer)
		b.WriteString(".")
	}
	if v.Authority != nil && v.Authority.Citation != "" {
		b.WriteString(" Authority: ")
		b.WriteString(v.Authority.Citation)
		if v.Authority.Effective != "" {
			b.WriteString(", effective ")
			b.WriteString(v.Authority.Effective)
		}
		b.WriteString(".")
	}
	if c.kind == kindWarning && len(v.Waiver) > 0 {
		b.WriteString(" Expired waiver: ")
		b.WriteString(viewWaiver(v.Waiver).line())
		b.WriteString(".")
	}
	s := b.String()
	t := truncateUTF8(s, limit)
	return t, len(t) != len(s)
}

// truncationMark ends a message the byte limit cut.
const truncationMark = " [truncated]"

// truncateUTF8 cuts s to at most limit bytes on a rune boundary, ending
// with truncationMark when it cut.
func truncateUTF8(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := max(limit-len(truncationMark), 0)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + truncationMark
}

// waiverJustification says why a finding is suppressed.
func waiverJustification(m map[string]any) string {
	w := viewWaiver(m)
	if line := w.line(); line != "" {
		return "waiver: " + line
	}
	return "waiver"
}
