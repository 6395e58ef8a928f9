package decision

// Outcomes of a decision.
const (
	OutcomePass   = "pass"
	OutcomeFail   = "fail"
	OutcomeReview = "review"
)

// Result is the value of data.bangate.decision.result for one input.
type Result struct {
	// Outcome is "pass", "fail" or "review".
	Outcome string `json:"outcome"`
	// Violations are the denies that were not waived.
	Violations []Violation `json:"violations"`
	// Reviews are possible matches a person must clear.
	Reviews []Violation `json:"reviews"`
	// Warnings are information that never blocks by default.
	Warnings []Violation `json:"warnings"`
	// Waived are denies and reviews a valid waiver covers, each with it.
	Waived []Violation `json:"waived"`
}

// Violation is one finding, shaped by the policy contract in the design.
type Violation struct {
	// Rule is the stable rule ID ("kaspersky-icts-2024").
	Rule string `json:"rule"`
	// Severity is "critical", "high", "medium", "low" or "info".
	Severity string  `json:"severity"`
	Title    string  `json:"title"`
	Message  string  `json:"message"`
	Subject  Subject `json:"subject"`
	// Pointer locates the offending field in the input file.
	Pointer string `json:"pointer"`
	// Line and Column place Pointer in the input file: 1-based, the
	// column in Unicode code points, as editors and SARIF count them. The
	// check sets them after evaluation (policies do not); they are the
	// place of the field, or of the nearest enclosing part of the file
	// that holds it when the file has no such field of its own (an SPDX
	// package's purl, an external reference). 0 when the input could not
	// be read for them.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	// Match is the list match the finding rests on, if any.
	Match map[string]any `json:"match,omitempty"`
	// Authority is the legal authority the finding rests on.
	Authority *Authority `json:"authority,omitempty"`
	// Waiver is the waiver that covers the finding (in Result.Waived) or
	// the expired waiver the finding reports.
	Waiver map[string]any `json:"waiver,omitempty"`
}

// Subject is what a violation is about.
type Subject struct {
	// Kind is "component", "vendor" or "document".
	Kind    string `json:"kind"`
	Ref     string `json:"ref,omitempty"`
	Name    string `json:"name,omitempty"`
	Version string `json:"version,omitempty"`
	// PURL and Hashes ("ALG:HEX") identify a component, or the SBOM's
	// subject, when the input gives them: what a waiver selects it by.
	PURL   string   `json:"purl,omitempty"`
	Hashes []string `json:"hashes,omitempty"`
}

// Authority is the legal basis of a violation.
type Authority struct {
	// Citation is the legal citation ("89 FR 52434; 15 CFR part 7").
	Citation string `json:"citation"`
	// URL is the official text.
	URL string `json:"url,omitempty"`
	// Effective is the date from which the obligation applies (YYYY-MM-DD).
	Effective string `json:"effective,omitempty"`
	// Obligation names the obligation the finding rests on
	// ("icts-kaspersky", "far-52.204-23", "far-52.204-25", "fcc-covered-list").
	Obligation string `json:"obligation,omitempty"`
}
