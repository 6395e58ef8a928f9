package decision

import (
	"strings"
	"time"

	"github.com/bangate/bangate/internal/provenance"
)

// Exit codes of a check, in the order of precedence used when several
// inputs are decided in one run: 2 > 1 > 3 > 0.
const (
	// ExitPass means every input passed.
	ExitPass = 0
	// ExitFail means at least one input has a violation that is not waived.
	ExitFail = 1
	// ExitError means the check could not be made (bad input, bad policy,
	// missing or stale list, bad config).
	ExitError = 2
	// ExitReview means possible matches a person must clear, and no fail.
	ExitReview = 3
)

// Run is everything one check decided, for every renderer and the
// evidence record.
type Run struct {
	// Tool identifies the program that decided.
	Tool Tool `json:"tool"`
	// AsOf is the date the policies evaluated against.
	AsOf time.Time `json:"as_of"`
	// Profile is the obligations profile in force.
	Profile string `json:"profile"`
	// Lists is the provenance of every list loaded, sorted by ID.
	Lists []provenance.List `json:"lists"`
	// Sources are the configuration files read and the user policy files
	// loaded, with their digests.
	Sources Sources `json:"sources"`
	// Licensed are the findings waived under a sanctions licence
	// (LicensedFindings): reports show them first.
	Licensed []Licensed `json:"licensed,omitempty"`
	// Inputs holds one entry per input, in the order given.
	Inputs []Input `json:"inputs"`
	// Outcome is the run's outcome: OutcomeFor(ExitCode), "pass",
	// "fail", "review" or "error".
	Outcome string `json:"outcome"`
	// ExitCode is the exit code the outcome maps to.
	ExitCode int `json:"exit_code"`
	// Skipped are the files found in the directories given that are not
	// inputs (hidden, not regular, not an SBOM or vendor file), each with
	// the reason: never skipped silently.
	Skipped []Skipped `json:"skipped,omitempty"`
	// Errors say why the run as a whole could not be checked (a list
	// older than allowed), each with how to fix it; an input's own
	// problem is in its Error. A run with errors is never a pass.
	Errors []string `json:"errors,omitempty"`
}

// Skipped is a file found in a directory input that is not an input.
type Skipped struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Tool identifies bangate and what it embeds.
type Tool struct {
	Name          string `json:"name"`
	Version       string `json:"version"`
	Commit        string `json:"commit,omitempty"`
	OPAVersion    string `json:"opa_version"`
	BundleVersion string `json:"bundle_version"`
}

// Input is the decision for one input file.
type Input struct {
	// Path is the input as the user named it ("-" for stdin).
	Path string `json:"path"`
	// Kind is "sbom" or "procurement".
	Kind string `json:"kind"`
	// Format and SpecVersion are what was detected.
	Format      string `json:"format,omitempty"`
	SpecVersion string `json:"spec_version,omitempty"`
	// Encoding names the encoding the input was read from when it is not
	// UTF-8 ("UTF-16LE"); lines and columns are those of its text.
	Encoding string `json:"encoding,omitempty"`
	// SHA256 is the digest of the input bytes.
	SHA256 string `json:"sha256,omitempty"`
	// Subject names what the input describes (the SBOM's main component).
	Subject *Subject `json:"subject,omitempty"`
	// Error is set when this input could not be checked; Result is then
	// empty and the outcome is "error".
	Error string `json:"error,omitempty"`
	// Outcome is the input's outcome under the gate: OutcomeFor of its
	// exit code (InputExitCode). It can differ from Result.Outcome, what
	// the policies decided: a high-severity violation under --fail-on
	// critical is a "review".
	Outcome string `json:"outcome"`
	// Result is what the policies decided.
	Result Result `json:"result"`
	// Coverage says how much of the input could be attributed to a party.
	Coverage Coverage `json:"coverage"`
}

// FormatLabel names what was detected, as the reports write it:
// "cyclonedx-json 1.6", and the encoding when it is not UTF-8
// ("cyclonedx-json 1.6, UTF-16LE").
func (in Input) FormatLabel() string {
	f := strings.TrimSpace(in.Format + " " + in.SpecVersion)
	if in.Encoding != "" && f != "" {
		f += ", " + in.Encoding
	}
	return f
}

// Coverage counts what the check could and could not attribute.
type Coverage struct {
	Components        int `json:"components"`
	Services          int `json:"services"`
	Attributed        int `json:"attributed"`
	WithNamedParty    int `json:"with_named_party"`
	WithPURLNamespace int `json:"with_purl_namespace"`
	Unattributed      int `json:"unattributed"`
	// PartiesScreened is the number of distinct party names screened.
	PartiesScreened int `json:"parties_screened"`
}

// OutcomeError is the outcome of an input that could not be checked.
const OutcomeError = "error"

// outcomes is the one map between outcomes and exit codes; every report,
// the gate and the evidence record read it through ExitCodeFor and
// OutcomeFor, so that the outcome printed always agrees with the exit
// code.
var outcomes = []struct {
	outcome string
	code    int
}{{OutcomePass, ExitPass}, {OutcomeFail, ExitFail}, {OutcomeReview, ExitReview}, {OutcomeError, ExitError}}

// ExitCodeFor maps an outcome to its exit code; an unknown outcome is 2.
func ExitCodeFor(outcome string) int {
	for _, o := range outcomes {
		if o.outcome == outcome {
			return o.code
		}
	}
	return ExitError
}

// OutcomeFor maps an exit code to its outcome; an unknown code is "error".
func OutcomeFor(code int) string {
	for _, o := range outcomes {
		if o.code == code {
			return o.outcome
		}
	}
	return OutcomeError
}

// Worse reports whether exit code a outranks b (2 > 1 > 3 > 0).
func Worse(a, b int) bool { return rank(a) > rank(b) }

func rank(code int) int {
	switch code {
	case ExitError:
		return 3
	case ExitFail:
		return 2
	case ExitReview:
		return 1
	default:
		return 0
	}
}
