package decision

// GateExitCode is the run's exit code under a --fail-on level: an input
// that could not be checked is 2; a violation at or above the level is 1
// ("review" makes every violation and every review fail); else a review,
// or a violation below the level, is 3; else 0. The worst input wins.
func GateExitCode(run *Run, failOn string) int {
	if len(run.Inputs) == 0 {
		return ExitError
	}
	worst := ExitPass
	for i := range run.Inputs {
		code := InputExitCode(&run.Inputs[i], failOn)
		if Worse(code, worst) {
			worst = code
		}
	}
	return worst
}

// InputExitCode is one input's exit code under a --fail-on level (see
// GateExitCode).
func InputExitCode(in *Input, failOn string) int {
	if in.Outcome == OutcomeError || in.Error != "" {
		return ExitError
	}
	if failOn == FailOnReview {
		if len(in.Result.Violations)+len(in.Result.Reviews) > 0 {
			return ExitFail
		}
		return ExitPass
	}
	min := SeverityRank(failOn)
	if !ValidSeverity(failOn) {
		min = SeverityRank("low")
	}
	below := false
	for _, v := range in.Result.Violations {
		if SeverityRank(v.Severity) >= min {
			return ExitFail
		}
		below = true
	}
	if below || len(in.Result.Reviews) > 0 {
		return ExitReview
	}
	return ExitPass
}
