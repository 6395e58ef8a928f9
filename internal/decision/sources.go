package decision

import "github.com/bangate/bangate/internal/provenance"

// Sources are the files besides the inputs and the lists that shaped a
// run and that came from outside the program: the configuration files
// read and the user policy files loaded, each with its sha256. Every
// report names them, so that a gate weakened by a file is never weakened
// silently.
type Sources struct {
	// Config are the configuration files read, in the order read.
	Config []ConfigFile `json:"config"`
	// Policies are the user policy and data files loaded (the built-in
	// bundle's files are the program's), sorted by directory and path.
	Policies []provenance.File `json:"policies"`
}

// Trust levels of a configuration file.
const (
	// TrustNamed is a file the user named (--config, BANGATE_CONFIG):
	// every setting it makes applies.
	TrustNamed = "named"
	// TrustFound is a bangate.yaml found in the working directory, which
	// may belong to the repository under scan: only the settings that
	// cannot weaken the gate apply.
	TrustFound = "found"
)

// ConfigFile is one configuration file read.
type ConfigFile struct {
	// Path is the file as named or found.
	Path string `json:"path"`
	// SHA256 is the hex digest of the bytes read.
	SHA256 string `json:"sha256"`
	// Trust is TrustNamed or TrustFound.
	Trust string `json:"trust"`
	// Ignored are the settings of the file that were not applied, each
	// with why; a found file's settings that could weaken the gate.
	Ignored []IgnoredSetting `json:"ignored,omitempty"`
}

// IgnoredSetting is a configuration setting a file made that was not
// applied.
type IgnoredSetting struct {
	// Key is the configuration key ("lists.dir").
	Key string `json:"key"`
	// Value is the value the file gave, as written.
	Value string `json:"value"`
	// Reason says why it was not applied and how to apply it.
	Reason string `json:"reason"`
}

// Licensed is a finding a waiver covers under a sanctions licence: a
// dealing with a blocked person or frozen assets, which the law prohibits
// unless licensed. Every report lists these apart, at the top, so that
// none passes unseen.
type Licensed struct {
	// Input is the input the finding is in, as named.
	Input string `json:"input"`
	// Rule and Severity are the finding's.
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	// Subject is what the finding is about.
	Subject Subject `json:"subject"`
	// Waiver is the waiver's ID; Licence the licence it names.
	Waiver  string `json:"waiver"`
	Licence string `json:"licence"`
	// ApprovedBy, Ticket and Expires are the waiver's.
	ApprovedBy string `json:"approved_by"`
	Ticket     string `json:"ticket,omitempty"`
	Expires    string `json:"expires"`
}

// LicensedFindings lists the waived findings of run whose waiver names a
// licence, in input order.
func LicensedFindings(run *Run) []Licensed {
	var out []Licensed
	for _, in := range run.Inputs {
		for _, v := range in.Result.Waived {
			licence, _ := v.Waiver["licence"].(string)
			if licence == "" {
				continue
			}
			str := func(k string) string { s, _ := v.Waiver[k].(string); return s }
			out = append(out, Licensed{Input: in.Path, Rule: v.Rule, Severity: v.Severity, Subject: v.Subject,
				Waiver: str("id"), Licence: licence, ApprovedBy: str("approved_by"), Ticket: str("ticket"), Expires: str("expires")})
		}
	}
	return out
}
