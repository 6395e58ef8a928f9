package decision

import (
	"time"

	"github.com/bangate/bangate/internal/lists"
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
	Lists []lists.Provenance `json:"lists"`
	// Inputs holds one entry per input, in the order given.
	Inputs []Input `json:"inputs"`
	// Outcome is the worst outcome over all inputs: "pass", "fail",
	// "review" or "error".
	Outcome string `json:"outcome"`
	// ExitCode is the exit code the outcome maps to.
	ExitCode int `json:"exit_code"`
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
	// SHA256 is the digest of the input bytes.
	SHA256 string `json:"sha256,omitempty"`
	// Subject names what the input describes (the SBOM's main component).
	Subject *Subject `json:"subject,omitempty"`
	// Error is set when this input could not be checked; Result is then
	// empty and the outcome is "error".
	Error string `json:"error,omitempty"`
	// Outcome is Result.Outcome, or "error".
	Outcome string `json:"outcome"`
	// Result is what the policies decided.
	Result Result `json:"result"`
	// Coverage says how much of the input could be attributed to a party.
	Coverage Coverage `json:"coverage"`
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

// ExitCodeFor maps an outcome to its exit code.
func ExitCodeFor(outcome string) int {
	switch outcome {
	case OutcomePass:
		return ExitPass
	case OutcomeFail:
		return ExitFail
	case OutcomeReview:
		return ExitReview
	default:
		return ExitError
	}
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
