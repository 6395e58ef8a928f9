package check

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/policy"
)

// Plan describes a check: everything that decides its outcome besides the
// inputs themselves. It is built once (from the configuration by the CLI,
// from a request by a server, from an evidence record by replay), handed
// to NewSession, and recorded whole in the evidence record, so that a
// setting can never be lost between a check and its replay. Its JSON form
// is stable; the bytes of the waiver and ownership files travel beside it
// (Blob.Data), named by their digests.
type Plan struct {
	// Profile names the obligations that apply (input.profile); it must
	// be a profile the policy bundle defines.
	Profile string `json:"profile"`
	// AsOf is the date the policies evaluate against.
	AsOf time.Time `json:"as_of"`
	// FailOn is the lowest finding that fails the check: a severity, or
	// "review" (every violation and review fails).
	FailOn string `json:"fail_on"`
	// Screening holds the name-match thresholds.
	Screening Thresholds `json:"screening"`
	// PolicyInput is "diet" (only components with a match reach the
	// policies) or "all".
	PolicyInput string `json:"policy_input"`
	// MaxListed caps the unattributed components listed by ref.
	MaxListed int `json:"max_listed"`
	// Input says how inputs are read.
	Input InputPlan `json:"input"`
	// Embargo is what a product from a comprehensively sanctioned country
	// or region does (input.settings.embargo): "deny", "review" or "off".
	Embargo string `json:"embargo,omitempty"`
	// Waivers is the waiver file and how waivers are reported.
	Waivers WaiverPlan `json:"waivers"`
	// Ownership is an ownership file whose stakes are added to those the
	// vendor records name; nil for none.
	Ownership *Blob `json:"ownership,omitempty"`
	// Policies are the user policy directories evaluated with the
	// built-in bundle.
	Policies PolicyPlan `json:"policies"`
	// Lists says where the lists come from and how old they may be.
	Lists ListPlan `json:"lists"`
	// Config are the configuration files the plan was made from, each
	// with its digest and the settings it made that were not applied; it
	// decides nothing by itself (the settings are in the plan), and is
	// recorded so that a reader of the record sees where they came from.
	Config []decision.ConfigFile `json:"config,omitempty"`
}

// Thresholds are the matcher's name-match thresholds.
type Thresholds struct {
	// Match is the score from which a name match is a hit.
	Match float64 `json:"match"`
	// Review is the score from which a name match is a possible match.
	Review float64 `json:"review"`
}

// InputPlan says how inputs are read.
type InputPlan struct {
	// Kind forces the input kind: "auto" (or ""), "sbom", "procurement".
	Kind string `json:"kind"`
	// MaxSize is the largest input accepted, in bytes.
	MaxSize int64 `json:"max_size"`
	// Columns maps a record field to the CSV column that holds it.
	Columns map[string]string `json:"columns,omitempty"`
	// Encoding is the vendor CSV files' encoding.
	Encoding string `json:"encoding,omitempty"`
}

// WaiverPlan is the waiver file and the waiver settings of the gate.
type WaiverPlan struct {
	// File is the waiver file; nil for none.
	File *Blob `json:"file,omitempty"`
	// WarnDays warns about waivers in use that expire this soon; < 0 off.
	WarnDays int `json:"warn_days"`
	// Fail makes waiver findings (expired, unused, expiring) fail the
	// check.
	Fail bool `json:"fail"`
}

// PolicyPlan names the user's policy directories and bounds what the
// policies may do (policy.Limits).
type PolicyPlan struct {
	// Dirs are the user's policy and data directories, as named.
	Dirs []string `json:"dirs,omitempty"`
	// AllowBuiltins are built-in functions denied by default (network,
	// clock, randomness: policy.DeniedBuiltins) the policies may call.
	AllowBuiltins []string `json:"allow_builtins,omitempty"`
	// Timeout bounds one input's evaluation; 0 means the engine's
	// default (policy.DefaultTimeout).
	Timeout Duration `json:"timeout,omitempty"`
	// MaxMemory bounds, in bytes, how much the heap may grow during one
	// input's evaluation; 0 means the engine's default
	// (policy.DefaultMaxMemory).
	MaxMemory int64 `json:"max_memory,omitempty"`
}

// Limits are the policy engine's limits the plan sets.
func (p PolicyPlan) Limits() policy.Limits {
	return policy.Limits{AllowBuiltins: p.AllowBuiltins, Timeout: time.Duration(p.Timeout), MaxMemory: p.MaxMemory}
}

// ListPlan says where the lists come from and how old they may be.
type ListPlan struct {
	// StoreDir is the list snapshot store; "" means the embedded snapshot
	// only. It is where the lists were looked for, not what they were:
	// the evidence record names every snapshot by its digest.
	StoreDir string `json:"store_dir,omitempty"`
	// MaxAge is the oldest a sanctions list may be, measured against the
	// clock when the check runs; 0 disables the check.
	MaxAge Duration `json:"max_age"`
	// Stale is what an over-age list does: "error" (the check cannot pass)
	// or "warn".
	Stale string `json:"stale"`
}

// Blob is a file the plan depends on, as bytes, so that what is recorded
// is exactly what was checked: the file is read once.
type Blob struct {
	// Name is the file as the user named it.
	Name string `json:"name"`
	// SHA256 is the hex digest of Data.
	SHA256 string `json:"sha256"`
	// Data is the file's content; it is not part of the plan's JSON form
	// (the evidence store keeps it under SHA256).
	Data []byte `json:"-"`
}

// NewBlob is the Blob of a file's bytes.
func NewBlob(name string, data []byte) *Blob {
	sum := sha256.Sum256(data)
	return &Blob{Name: name, SHA256: hex.EncodeToString(sum[:]), Data: data}
}

// Verify reports whether Data still has the digest the blob names.
func (b *Blob) Verify() error {
	sum := sha256.Sum256(b.Data)
	if got := hex.EncodeToString(sum[:]); got != b.SHA256 {
		return fmt.Errorf("file %s has sha256:%s, the plan names sha256:%s", b.Name, got, b.SHA256)
	}
	return nil
}

// Duration is a time.Duration written as Go writes durations ("720h0m0s").
type Duration time.Duration

// MarshalText implements encoding.TextMarshaler.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("parse duration %q: %w", b, err)
	}
	*d = Duration(v)
	return nil
}

// Plan defaults that a zero value leaves open.
const (
	// PolicyInputDiet hands the policies only the components with a match.
	PolicyInputDiet = "diet"
	// PolicyInputAll hands the policies every component.
	PolicyInputAll = "all"
	// StaleError makes an over-age list stop the check from passing.
	StaleError = "error"
	// StaleWarn only reports an over-age list.
	StaleWarn = "warn"
)

// Validate checks the plan's values; the profile is checked against the
// bundle by NewSession.
func (p Plan) Validate() error {
	var errs []error
	if p.Profile == "" {
		errs = append(errs, errors.New("no profile"))
	}
	if p.AsOf.IsZero() {
		errs = append(errs, errors.New("no as-of date"))
	}
	if _, err := decision.ParseFailOn(p.FailOn); err != nil {
		errs = append(errs, err)
	}
	if t := p.Screening; t.Review <= 0 || t.Review > 1 || t.Match <= 0 || t.Match > 1 || t.Review > t.Match {
		errs = append(errs, fmt.Errorf("thresholds review %g, match %g: want 0 < review <= match <= 1", t.Review, t.Match))
	}
	if !slices.Contains([]string{PolicyInputDiet, PolicyInputAll}, p.PolicyInput) {
		errs = append(errs, fmt.Errorf("policy input %q: want %s or %s", p.PolicyInput, PolicyInputDiet, PolicyInputAll))
	}
	if !slices.Contains([]string{"", KindAuto, KindSBOM, KindProcurement}, p.Input.Kind) {
		errs = append(errs, fmt.Errorf("input kind %q: want auto, sbom or procurement", p.Input.Kind))
	}
	if p.Input.MaxSize <= 0 {
		errs = append(errs, fmt.Errorf("input size limit %d: want > 0", p.Input.MaxSize))
	}
	if !slices.Contains([]string{"", "deny", "review", "off"}, p.Embargo) {
		errs = append(errs, fmt.Errorf("embargo %q: want deny, review or off", p.Embargo))
	}
	if !slices.Contains([]string{StaleError, StaleWarn}, p.Lists.Stale) {
		errs = append(errs, fmt.Errorf("stale lists %q: want %s or %s", p.Lists.Stale, StaleError, StaleWarn))
	}
	if p.MaxListed < 0 {
		errs = append(errs, fmt.Errorf("max listed %d: want >= 0", p.MaxListed))
	}
	if p.Policies.Timeout < 0 || p.Policies.MaxMemory < 0 {
		errs = append(errs, fmt.Errorf("policy limits %s, %d bytes: want >= 0", time.Duration(p.Policies.Timeout), p.Policies.MaxMemory))
	}
	// Only allowed names can be wrong; building the capabilities (every
	// built-in function copied) for none would cost every check.
	if len(p.Policies.AllowBuiltins) > 0 {
		if _, err := policy.Capabilities(p.Policies.AllowBuiltins); err != nil {
			errs = append(errs, err)
		}
	}
	for _, b := range []*Blob{p.Waivers.File, p.Ownership} {
		if b != nil {
			if err := b.Verify(); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("check plan: %w", err)
	}
	return nil
}

// JSON is the plan's stable JSON form, as the evidence record holds it.
func (p Plan) JSON() ([]byte, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("encode check plan: %w", err)
	}
	return b, nil
}
