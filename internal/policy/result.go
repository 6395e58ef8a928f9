package policy

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/bangate/bangate/internal/decision"
)

// rawResult is the decision as Rego returns it, with the list of malformed
// violations the decision package reports.
type rawResult struct {
	decision.Result
	Invalid []json.RawMessage `json:"invalid"`
	Errors  []struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"errors"`
}

func decodeJSON(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	return dec.Decode(v)
}

// parseResult decodes and checks the decision: a known outcome, and every
// violation well formed.
func parseResult(raw []byte) (decision.Result, error) {
	var r rawResult
	if err := json.Unmarshal(raw, &r); err != nil {
		return decision.Result{}, fmt.Errorf("read decision: malformed result: %w", err)
	}
	if len(r.Invalid) > 0 {
		return decision.Result{}, fmt.Errorf("read decision: a policy returned %d malformed violation(s), first: %s", len(r.Invalid), truncate(string(r.Invalid[0]), 200))
	}
	if len(r.Errors) > 0 {
		e := r.Errors[0]
		more := ""
		if len(r.Errors) > 1 {
			more = fmt.Sprintf(" (and %d more)", len(r.Errors)-1)
		}
		return decision.Result{}, fmt.Errorf("policy error %s: %s%s", e.Code, e.Message, more)
	}
	switch r.Outcome {
	case decision.OutcomePass, decision.OutcomeFail, decision.OutcomeReview:
	default:
		return decision.Result{}, fmt.Errorf("read decision: unknown outcome %q", r.Outcome)
	}
	for _, set := range [][]decision.Violation{r.Violations, r.Reviews, r.Warnings, r.Waived} {
		for _, v := range set {
			if err := checkViolation(v); err != nil {
				return decision.Result{}, err
			}
		}
	}
	if r.Outcome == decision.OutcomePass && (len(r.Violations) > 0 || len(r.Reviews) > 0) {
		return decision.Result{}, fmt.Errorf("read decision: outcome pass with %d violation(s) and %d review(s)", len(r.Violations), len(r.Reviews))
	}
	if r.Outcome != decision.OutcomeFail && len(r.Violations) > 0 {
		return decision.Result{}, fmt.Errorf("read decision: outcome %s with %d violation(s)", r.Outcome, len(r.Violations))
	}
	res := r.Result
	for _, p := range []*[]decision.Violation{&res.Violations, &res.Reviews, &res.Warnings, &res.Waived} {
		if *p == nil {
			*p = []decision.Violation{}
		}
	}
	return res, nil
}

func checkViolation(v decision.Violation) error {
	switch {
	case v.Rule == "":
		return fmt.Errorf("read decision: a violation has no rule (message %q)", truncate(v.Message, 120))
	case !decision.ValidSeverity(v.Severity):
		return fmt.Errorf("read decision: violation of rule %s has bad severity %q", v.Rule, v.Severity)
	case v.Message == "":
		return fmt.Errorf("read decision: violation of rule %s has no message", v.Rule)
	case v.Subject.Kind == "":
		return fmt.Errorf("read decision: violation of rule %s has no subject kind", v.Rule)
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
