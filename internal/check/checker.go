package check

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/internal/procurement"
	"github.com/bangate/bangate/sbom"
)

// Options configure a Checker.
type Options struct {
	// Profile names the obligations that apply (input.profile).
	Profile string
	// AsOf is the date policies evaluate against.
	AsOf time.Time
	// AllComponents hands every component to the policies instead of
	// only those with a match.
	AllComponents bool
	// MaxListed caps the unattributed components listed by ref.
	MaxListed int
	// Kind forces the input kind: "auto" (or ""), "sbom", "procurement".
	Kind string
	// Procurement tunes the procurement readers (column mapping, encoding).
	Procurement procurement.Options
	// Ownership holds stakes from a separate ownership file, added to the
	// owners the records name.
	Ownership []procurement.Edge
	// Embargo is what a product from a comprehensively sanctioned country
	// does (input.settings.embargo): "deny", "review" or "off".
	Embargo string
}

// Input is one input to check.
type Input struct {
	// Path names the input in reports ("-" for standard input).
	Path string
	// Data is the whole input; nil when Err is set.
	Data []byte
	// Err is a problem met while reading the input; the input is then
	// decided as "error".
	Err error

	parsed *parsed // set by Prepare
}

// Checker runs the pipeline. It is safe for concurrent use.
type Checker struct {
	engine    *policy.Engine
	screening atomic.Pointer[Screening]
	opts      Options
}

// New returns a Checker over a compiled engine and a screening.
func New(engine *policy.Engine, s *Screening, opts Options) *Checker {
	c := &Checker{engine: engine, opts: opts}
	c.screening.Store(s)
	return c
}

// SetScreening swaps the lists for the checks that start after it returns.
func (c *Checker) SetScreening(s *Screening) { c.screening.Store(s) }

// Screening returns the lists in force.
func (c *Checker) Screening() *Screening { return c.screening.Load() }

type sourceInfo struct{ path, sha256, format string }

// Check decides one input. Every failure to check is reported in the
// result as outcome "error", never as a pass.
func (c *Checker) Check(ctx context.Context, in Input) decision.Input {
	p := in.parsed
	if p == nil {
		p = parse(in, c.opts)
	}
	out := p.out
	if out.Error != "" {
		return out
	}
	scr := c.screening.Load()
	src := sourceInfo{path: in.Path, sha256: out.SHA256, format: out.Format}
	var value ast.Object
	if p.doc != nil {
		built := c.buildSBOMInput(p.doc, src, scr)
		value, out.Coverage, out.Subject = built.value, built.coverage, built.subject
	} else {
		var err error
		if value, out.Coverage, err = c.buildProcurementInput(p.vendors, c.opts.Ownership, src, scr); err != nil {
			out.Error = err.Error()
			return out
		}
	}
	if err := scr.Index.Err(); err != nil {
		// A match lost its entry's details: the screening cannot be trusted.
		out.Error = fmt.Sprintf("check %s: screening: %s", in.Path, err)
		return out
	}
	res, err := c.engine.Evaluate(ctx, value)
	if err != nil {
		out.Error = fmt.Sprintf("check %s: %s", in.Path, err)
		return out
	}
	out.Result, out.Outcome = res, res.Outcome
	return out
}

// parsed is an input read and parsed, not yet screened or decided.
type parsed struct {
	out     decision.Input // identity, format, or the error
	doc     *sbom.Document
	vendors []procurement.Vendor
}

// Prepare parses an input ahead of its check, so that a front end can parse
// while the policies compile and the lists load; Check then uses the result.
// Only the options' Kind and Procurement matter here. The caller may drop
// Data afterwards when nothing else needs the bytes.
func Prepare(in Input, opts Options) Input {
	in.parsed = parse(in, opts)
	return in
}

// parse detects the kind and format of an input and parses it.
func parse(in Input, opts Options) *parsed {
	p := &parsed{out: decision.Input{Path: in.Path, Kind: "sbom", Outcome: decision.OutcomeError}}
	if in.Err != nil {
		p.out.Error = in.Err.Error()
		return p
	}
	sum := sha256.Sum256(in.Data)
	p.out.SHA256 = hex.EncodeToString(sum[:])
	kind, sbomErr := kindOf(in.Data, opts.Kind)
	if kind == "sbom?" {
		// Not quite an SBOM (invalid UTF-8, data after the document, ...):
		// a vendor file in another encoding, or concatenated OCDS
		// packages, reads as one; anything else is the broken SBOM it
		// looks like.
		if vs, err := procurement.Read(in.Data, in.Path, opts.Procurement); err == nil {
			f, _ := procurement.Detect(in.Data)
			p.out.Kind, p.out.Format, p.vendors = "procurement", "procurement-"+string(f), vs
			return p
		}
		kind = "sbom"
	}
	if sbomErr != nil && kind != "sbom" {
		p.out.Error = fmt.Sprintf("parse %s: %s", in.Path, sbomErr)
		return p
	}
	if kind == "procurement" {
		p.out.Kind = "procurement"
		vs, err := procurement.Read(in.Data, in.Path, opts.Procurement)
		if err != nil {
			p.out.Error = fmt.Sprintf("parse %s: %s", in.Path, err)
			return p
		}
		f, _ := procurement.Detect(in.Data)
		p.out.Format, p.vendors = "procurement-"+string(f), vs
		return p
	}
	doc, err := sbom.Decode(in.Data, sbom.Options{Name: in.Path})
	if err != nil {
		p.out.Error = fmt.Sprintf("parse %s: %s", in.Path, err)
		return p
	}
	p.out.Format, p.out.SpecVersion, p.doc = string(doc.Format), doc.SpecVersion, doc
	return p
}

// kindOf tells an SBOM from a procurement file by content: "sbom" for
// what sbom.Identify recognises, "procurement" for what only the vendor
// readers can take, and "sbom?" for a file that fails to identify as an
// SBOM for a reason a vendor file could also have (its encoding, data after
// the first JSON value), which the caller settles by trying to read it.
func kindOf(data []byte, kind string) (string, error) {
	switch kind {
	case "sbom", "procurement":
		return kind, nil
	}
	_, _, err := sbom.Identify(data)
	switch {
	case err == nil:
		return "sbom", nil
	case errors.Is(err, sbom.ErrInvalidUTF8), errors.Is(err, sbom.ErrTrailingData):
		return "sbom?", nil
	case !errors.Is(err, sbom.ErrUnknownFormat):
		return "sbom", nil
	}
	if _, perr := procurement.Detect(data); perr != nil {
		return "", fmt.Errorf("neither an SBOM nor a procurement file: %w", err)
	}
	return "procurement", nil
}

// Run decides every input and gathers the run; the exit code is the worst
// over all inputs (2 > 1 > 3 > 0).
func (c *Checker) Run(ctx context.Context, inputs []Input, tool decision.Tool) *decision.Run {
	run := &decision.Run{Tool: tool, AsOf: c.opts.AsOf, Profile: c.opts.Profile, Lists: c.screening.Load().Lists,
		Outcome: decision.OutcomePass, ExitCode: decision.ExitPass}
	if len(inputs) == 0 {
		run.Outcome, run.ExitCode = decision.OutcomeError, decision.ExitError
		return run
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			in = Input{Path: in.Path, Err: errors.New("check cancelled")}
		}
		d := c.Check(ctx, in)
		run.Inputs = append(run.Inputs, d)
		code := decision.ExitCodeFor(d.Outcome)
		if decision.Worse(code, run.ExitCode) {
			run.ExitCode, run.Outcome = code, d.Outcome
		}
	}
	return run
}
