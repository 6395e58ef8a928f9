package evidence

import (
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
)

// PredicateType is the in-toto predicate type of the bangate evidence
// records this build writes; its last path element is the predicate
// version.
const PredicateType = "https://github.com/bangate/bangate/evidence/v2"

// predicateTypes are the predicate types this build reads, by version:
// version 1 records (before the check plan was recorded) are still read
// and replayed.
var predicateTypes = map[string]int{
	"https://github.com/bangate/bangate/evidence/v1": 1,
	PredicateType: Version,
}

// PayloadType is the DSSE payload type of an in-toto statement.
const PayloadType = "application/vnd.in-toto+json"

// Version is the predicate version this package writes; it reads
// versions 1 and 2.
const Version = 2

// Record kinds.
const (
	// KindDecision is a record with at least one hit or error.
	KindDecision = "decision"
	// KindNoHit is a no-hit certificate: every input was screened and
	// nothing matched any list.
	KindNoHit = "no-hit-certificate"
)

// Integrity says what protects a record.
const (
	// IntegritySigned is a record signed with Ed25519 in its envelope.
	IntegritySigned = "dsse-ed25519"
	// IntegrityDigest is an unsigned record: only its digest (the record
	// ID) binds it, and only when that digest is kept elsewhere.
	IntegrityDigest = "digest-only"
)

// MaxListedParties bounds the party names listed per input. Beyond it the
// record keeps the count and the digest of the full list, so its size
// grows with the distinct parties (up to this bound) and the findings,
// never with the number of components.
const MaxListedParties = 5000

// Predicate is the body of an evidence record.
type Predicate struct {
	// Version is the predicate version (Version).
	Version int `json:"version"`
	// Kind is KindDecision or KindNoHit.
	Kind string `json:"kind"`
	// Integrity is IntegritySigned or IntegrityDigest.
	Integrity string `json:"integrity"`
	// Tool is the program that decided.
	Tool decision.Tool `json:"tool"`
	// CheckedAt is when the check ran.
	CheckedAt time.Time `json:"checked_at"`
	// AsOf is the date the policies evaluated against.
	AsOf time.Time `json:"as_of"`
	// Plan is the check's plan (version 2): every setting that decided
	// the outcome. The waiver and ownership files it names are in the
	// evidence store under their digests.
	Plan *check.Plan `json:"plan,omitempty"`
	// Config is the effective configuration of a version 1 record, which
	// predates the plan.
	Config *Config `json:"config,omitempty"`
	// Policy is the policy bundle.
	Policy Bundle `json:"policy"`
	// Sources are the configuration files read (as the plan names them)
	// and the user policy files loaded, each with its sha256; absent from
	// records written before they were recorded.
	Sources *decision.Sources `json:"sources,omitempty"`
	// Licensed are the findings waived under a sanctions licence.
	Licensed []decision.Licensed `json:"licensed,omitempty"`
	// Lists are the list snapshots screened against, sorted by ID.
	Lists []ListSnapshot `json:"lists"`
	// Waivers are the waivers loaded and what became of them.
	Waivers Waivers `json:"waivers"`
	// Inputs hold one decision per input, in the order checked.
	Inputs []Input `json:"inputs"`
	// Outcome and ExitCode are the run's.
	Outcome  string `json:"outcome"`
	ExitCode int    `json:"exit_code"`
	// Errors say why the run as a whole could not be fully checked.
	Errors []string `json:"errors,omitempty"`
}

// Config is the configuration that shaped the decision, as version 1
// records hold it.
type Config struct {
	Profile        string  `json:"profile"`
	FailOn         string  `json:"fail_on"`
	PolicyInput    string  `json:"policy_input"`
	InputKind      string  `json:"input_kind"`
	MatchThreshold float64 `json:"match_threshold"`
	ReviewThresh   float64 `json:"review_threshold"`
	MaxListAge     string  `json:"max_list_age"`
	StaleLists     string  `json:"stale_lists"`
	MaxListed      int     `json:"max_listed"`
	MaxInputSize   int64   `json:"max_input_size"`
	// WaiverWarnDays and WaiverFail are the waiver settings applied over
	// the whole run (check.ReportWaivers; waiver findings fail the check).
	WaiverWarnDays int  `json:"waiver_warn_days"`
	WaiverFail     bool `json:"waiver_fail"`
	// Embargo is what a product from an embargoed country does.
	Embargo string `json:"embargo,omitempty"`
	// ProcurementColumns and ProcurementEncoding tune the vendor readers.
	ProcurementColumns  map[string]string `json:"procurement_columns,omitempty"`
	ProcurementEncoding string            `json:"procurement_encoding,omitempty"`
	// OwnershipFile is the ownership file as named, and OwnershipSHA256 the
	// digest under which the evidence store keeps it.
	OwnershipFile   string `json:"ownership_file,omitempty"`
	OwnershipSHA256 string `json:"ownership_sha256,omitempty"`
}

// Bundle is the policy bundle: every file and one digest over them
// (policy.Bundle.Digest).
type Bundle struct {
	Version string            `json:"version"`
	Digest  string            `json:"digest"`
	Files   []provenance.File `json:"files"`
}

// ListSnapshot is one list's provenance and the evidence-store object
// holding the loaded list.
type ListSnapshot struct {
	provenance.List
	// Object is the sha256 of the stored snapshot in the evidence store.
	Object string `json:"object"`
}

// Waivers records the waiver file and what each waiver did.
type Waivers struct {
	// File is the waiver file as named, and its digest.
	File   string `json:"file,omitempty"`
	SHA256 string `json:"sha256,omitempty"`
	// Entries are every waiver loaded.
	Entries []decision.Waiver `json:"entries"`
	// Applied, Expired and Unused are waiver IDs: applied covered a
	// finding, expired lapsed with its finding reported again, unused
	// matched nothing.
	Applied []string `json:"applied"`
	Expired []string `json:"expired"`
	Unused  []string `json:"unused"`
}

// Input is the record of one input.
type Input struct {
	// Path, Kind, Format, SpecVersion and SHA256 are as decided.
	Path        string            `json:"path"`
	Kind        string            `json:"kind"`
	Format      string            `json:"format,omitempty"`
	SpecVersion string            `json:"spec_version,omitempty"`
	SHA256      string            `json:"sha256,omitempty"`
	Size        int64             `json:"size"`
	Subject     *decision.Subject `json:"subject,omitempty"`
	Error       string            `json:"error,omitempty"`
	Outcome     string            `json:"outcome"`
	// Result is the full decision.
	Result   decision.Result   `json:"result"`
	Coverage decision.Coverage `json:"coverage"`
	// Screened names the parties screened.
	Screened Screened `json:"screened"`
	// Certificate is set when nothing in this input matched any list.
	Certificate string `json:"certificate,omitempty"`
}

// Screened lists the distinct party names screened, bounded.
type Screened struct {
	// Count is the number of distinct party names.
	Count int `json:"count"`
	// Digest is the sha256 over every name, sorted, one per line.
	Digest string `json:"digest"`
	// Parties are the first MaxListedParties names, sorted.
	Parties []check.ScreenedParty `json:"parties"`
	// Truncated is set when Parties holds fewer than Count.
	Truncated bool `json:"truncated,omitempty"`
	// Hits is the number of distinct signals that matched any list.
	Hits int `json:"hits"`
}
