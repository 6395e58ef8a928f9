package check

import (
	"context"
	"errors"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/screen"
)

// Run is what one run of a session decided and the facts it rests on.
type Run struct {
	// Decision is the decided run, the gate applied: what every report
	// renders.
	Decision *decision.Run
	// Inputs hold the facts of each input, in the order of
	// Decision.Inputs.
	Inputs []InputRun
}

// InputRun is what the run read and screened of one input: what an
// evidence record states about it, taken from the check itself.
type InputRun struct {
	// Path is the input as named.
	Path string
	// SHA256 and Size describe the bytes checked ("" and 0 when the input
	// could not be read).
	SHA256 string
	Size   int64
	// Data is the bytes checked, when the caller kept them (nil when it
	// dropped them after Parse).
	Data []byte
	// Parties are the distinct party names screened, sorted by name.
	Parties []ScreenedParty
	// Hits is the number of distinct party names and identifiers that
	// matched a list, whatever the policies made of the match.
	Hits int
	// lookups holds the identifier look-ups made, as the screener's
	// cache keys them (Lookups lists them on demand: only a re-screen
	// needs them).
	lookups map[Lookup][]screen.Match
	// Err is set when the input could not be checked.
	Err *InputError
}

// Run checks every input and applies the gate once: the waiver findings
// over the whole run, each input's outcome and the run's exit code under
// the plan's fail-on level, then the lists' freshness. The exit code is
// the worst over all inputs (2 > 1 > 3 > 0), and every outcome agrees with
// its exit code.
func (s *Session) Run(ctx context.Context, inputs []Input) *Run {
	return s.RunWith(ctx, inputs, RunOptions{})
}

// RunWith is Run with options (a progress callback).
func (s *Session) RunWith(ctx context.Context, inputs []Input, opts RunOptions) *Run {
	run := &Run{Decision: &decision.Run{Tool: s.tool, AsOf: s.plan.AsOf, Profile: s.plan.Profile, Lists: s.Lists()}}
	for i, in := range inputs {
		if err := ctx.Err(); err != nil && in.Err == nil {
			in = Input{Path: in.Path, Err: fmt.Errorf("check cancelled: %w", err)}
		}
		if in.parsed != nil && in.parsed.spent {
			// Decided by an earlier run, which let its document go: read
			// it again, from the bytes the caller kept.
			in.parsed = nil
			if in.Data == nil && in.Err == nil && in.Skipped == "" {
				in.Err = errors.New("checked before, and its bytes were not kept: read it again")
			}
		}
		if in.parsed == nil && (in.member || in.Skipped != "") {
			in.parsed = s.parse(in, opts.NoLookups)
		}
		if p := in.parsed; p != nil && p.skip != "" {
			run.Decision.Skipped = append(run.Decision.Skipped, decision.Skipped{Path: in.Path, Reason: p.skip})
			continue
		}
		pr := progress{fn: opts.Progress, at: Progress{Input: i, Inputs: len(inputs), Path: in.Path}}
		d, facts := s.check(ctx, in, &pr, opts.NoLookups)
		pr.stage(ProgressDone)
		run.Decision.Inputs = append(run.Decision.Inputs, d)
		run.Inputs = append(run.Inputs, facts)
	}
	// The user policy files are the compiled bundle's: known once the
	// policies are, which the inputs' screening did not wait for.
	run.Decision.Sources = s.sources()
	s.gate(run.Decision)
	return run
}

// check decides one input. Every failure to check is reported as outcome
// "error", never as a pass. With noLookups (RunOptions.NoLookups) the
// look-ups made are not recorded.
func (s *Session) check(ctx context.Context, in Input, pr *progress, noLookups bool) (decision.Input, InputRun) {
	p := in.parsed
	if p == nil {
		pr.stage(StageParse)
		p = s.parse(in, noLookups)
	}
	out := decision.Input{Path: in.Path, Kind: p.kind, Format: p.format, SpecVersion: p.spec, Encoding: p.encoding, SHA256: p.sha256,
		Outcome: decision.OutcomeError}
	facts := InputRun{Path: in.Path, SHA256: p.sha256, Size: p.size, Data: in.Data, Parties: []ScreenedParty{}}
	fail := func(err *InputError) (decision.Input, InputRun) {
		facts.Err = err
		out.Error = err.Error()
		return out, facts
	}
	if p.err != nil {
		return fail(p.err)
	}
	src := sourceInfo{path: in.Path, sha256: p.sha256, format: p.format}
	pr.at.Kind = p.kind
	if p.doc != nil {
		pr.at.Components = p.count
	} else {
		pr.at.Components = len(p.vendors)
	}
	pr.stage(StageScreen)
	var (
		value ast.Object
		sc    *screener
	)
	if p.doc != nil {
		parts := p.screened
		if parts == nil {
			parts = s.screenComponents(p.doc.Components, s.screening, noLookups)
		}
		built, err := s.buildSBOMInput(p.doc, p.count, parts, src, s.screening)
		if err != nil {
			return fail(&InputError{Path: in.Path, Stage: StageScreen, Err: err})
		}
		value, out.Coverage, out.Subject, sc = built.value, built.coverage, built.subject, built.sc
		// The policy input holds what evaluation needs of the document:
		// let the rest of it go before evaluation allocates.
		p.doc, p.screened, p.spent = nil, nil, true
	} else {
		var err error
		if value, out.Coverage, sc, err = s.buildProcurementInput(p.vendors, s.ownership, src, s.screening); err != nil {
			return fail(&InputError{Path: in.Path, Stage: StageScreen, Err: err})
		}
	}
	facts.Parties, facts.lookups, facts.Hits = sc.screened()
	if noLookups {
		facts.lookups = nil
	}
	pr.stage(StageEvaluate)
	engine, err := s.policies()
	if err != nil {
		return fail(&InputError{Path: in.Path, Stage: StageEvaluate, Err: err})
	}
	// A large input's pointers are placed while the policies are
	// evaluated, on the core evaluation leaves idle.
	pre := startPrelocate(p, value)
	defer pre.wait()
	res, err := engine.Evaluate(ctx, value)
	if err != nil {
		return fail(&InputError{Path: in.Path, Stage: StageEvaluate, Err: err})
	}
	pr.at.Findings = len(res.Violations) + len(res.Reviews) + len(res.Warnings) + len(res.Waived)
	if pr.at.Findings > 0 {
		pr.stage(ProgressLocate)
		if err := locateFindings(p, &res, pre); err != nil && s.log != nil {
			s.log.Warn("findings left without line numbers", "input", in.Path, "err", err)
		}
	}
	out.Result, out.Outcome = res, res.Outcome
	return out, facts
}

// parse parses an input in a run: an SBOM's components are attributed and
// screened as they are decoded (without recording the look-ups of web
// addresses on shared hosts, with noLookups).
func (s *Session) parse(in Input, noLookups bool) *parsed {
	return parse(in, s.plan.Input, newScreenSink(s, s.screening, noLookups))
}

// sourceInfo names an input in the policy input.
type sourceInfo struct{ path, sha256, format string }

// gate completes a run: the waiver findings, then every input's outcome
// and the run's exit code under the fail-on level and waiver-fail, then
// stale lists. It is the one place an exit code is decided.
func (s *Session) gate(run *decision.Run) {
	ReportWaivers(run, s.waivers, s.plan.AsOf, s.plan.Waivers.WarnDays)
	run.Licensed = decision.LicensedFindings(run)
	code := decision.ExitPass
	if len(run.Inputs) == 0 {
		code = decision.ExitError
		run.Errors = append(run.Errors, "no input to check")
	}
	for i := range run.Inputs {
		in := &run.Inputs[i]
		c := decision.InputExitCode(in, s.plan.FailOn)
		in.Outcome = decision.OutcomeFor(c)
		if decision.Worse(c, code) {
			code = c
		}
	}
	if s.plan.Waivers.Fail && WaiverFindings(run) > 0 && decision.Worse(decision.ExitFail, code) {
		code = decision.ExitFail
	}
	if len(s.staleErrors()) > 0 && s.plan.Lists.Stale == StaleError {
		// A stale list never lets a check pass; a fail found on other
		// grounds stays a fail, with the staleness reported beside it.
		for _, err := range s.staleErrors() {
			run.Errors = append(run.Errors, err.Error())
		}
		if code != decision.ExitFail {
			code = decision.ExitError
		}
	}
	run.ExitCode, run.Outcome = code, decision.OutcomeFor(code)
}

// StaleWarning says, for a plan that only warns about stale lists, what
// the session found stale; "" when nothing is.
func (s *Session) StaleWarning() string {
	if len(s.staleErrors()) == 0 || s.plan.Lists.Stale != StaleWarn {
		return ""
	}
	return errors.Join(s.staleErrors()...).Error()
}
