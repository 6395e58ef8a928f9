package config

import "time"

// Config is the whole configuration. YAML keys equal flag names; nested
// keys are joined with dots ("lists.max-age" is the flag --max-list-age and
// the variable BANGATE_LISTS_MAX_AGE).
type Config struct {
	// Profile names who the user is, which decides the obligations that
	// apply (see policies/bangate/profiles).
	Profile string `mapstructure:"profile"`
	// AsOf is the date policies evaluate against (YYYY-MM-DD or RFC 3339);
	// empty means today.
	AsOf string `mapstructure:"as-of"`
	// FailOn is the lowest finding that makes the exit code non-zero.
	FailOn string `mapstructure:"fail-on"`
	// Output lists the reports to write, each FORMAT or FORMAT=FILE.
	Output []string `mapstructure:"output"`
	// Verbose writes the full text report on standard output instead of
	// the compact summary.
	Verbose bool `mapstructure:"verbose"`
	// Color is "auto" (colours on a terminal unless NO_COLOR is set or
	// TERM is dumb), "always" or "never".
	Color string `mapstructure:"color"`
	// Waivers is a waiver file (YAML).
	Waivers string `mapstructure:"waivers"`
	// WaiverWarnDays warns about waivers that expire this soon.
	WaiverWarnDays int `mapstructure:"waiver-warn-days"`
	// WaiverFail makes waiver findings fail the check.
	WaiverFail bool `mapstructure:"waiver-fail"`
	// LogLevel is the slog level: debug, info, warn or error.
	LogLevel string `mapstructure:"log-level"`

	Policy      PolicyConfig      `mapstructure:"policy"`
	Input       InputConfig       `mapstructure:"input"`
	Lists       ListsConfig       `mapstructure:"lists"`
	Screen      ScreenConfig      `mapstructure:"screen"`
	Coverage    CoverageConfig    `mapstructure:"coverage"`
	Procurement ProcurementConfig `mapstructure:"procurement"`
	Evidence    EvidenceConfig    `mapstructure:"evidence"`
	Serve       ServeConfig       `mapstructure:"serve"`
}

// ProcurementConfig tunes how vendor and purchase records are read and
// judged.
type ProcurementConfig struct {
	// Columns maps a record field to the CSV column that holds it, for
	// layouts bangate does not recognise ("name: Supplier Legal Name").
	Columns map[string]string `mapstructure:"columns"`
	// Encoding is the CSV files' encoding: utf-8, latin1 or windows-1252.
	Encoding string `mapstructure:"encoding"`
	// Ownership is an ownership file (owner,owned,percent,source).
	Ownership string `mapstructure:"ownership"`
	// Embargo is what a product from a comprehensively sanctioned country
	// or region does: deny, review or off.
	Embargo string `mapstructure:"embargo"`
}

// PolicyConfig says which policies run and what they see.
type PolicyConfig struct {
	// Dirs are the user's policy and data directories, evaluated together
	// with the built-in bundle.
	Dirs []string `mapstructure:"dirs"`
	// Input is "diet" (only components with a match reach the policies)
	// or "all" (every component does, at a cost).
	Input string `mapstructure:"input"`
	// AllowBuiltins are built-in functions denied by default (network,
	// clock, randomness) that the policies may call.
	AllowBuiltins []string `mapstructure:"allow-builtins"`
	// Timeout bounds one input's policy evaluation ("10s").
	Timeout string `mapstructure:"timeout"`
	// MaxMemory bounds how much the heap may grow during one input's
	// policy evaluation ("1GiB").
	MaxMemory string `mapstructure:"max-memory"`
}

// InputConfig bounds and routes inputs.
type InputConfig struct {
	// MaxSize is the largest input accepted ("256MiB").
	MaxSize string `mapstructure:"max-size"`
	// Kind forces the input kind: auto, sbom or procurement.
	Kind string `mapstructure:"kind"`
}

// ListsConfig governs the reference lists.
type ListsConfig struct {
	// MaxAge is the oldest a sanctions list may be ("14d", "72h"; "0"
	// disables).
	MaxAge string `mapstructure:"max-age"`
	// Stale is what an over-age list does: "error" (exit 2) or "warn".
	Stale string `mapstructure:"stale"`
	// UpdateAfter is how long after it was fetched a list is refreshed
	// before a check ("24h", "1d"; "0": before every check).
	UpdateAfter string `mapstructure:"update-after"`
	// UpdateTimeout is the time limit of a refresh or an update ("2m").
	UpdateTimeout string `mapstructure:"update-timeout"`
	// Offline turns the refresh before a check off.
	Offline bool `mapstructure:"offline"`
	// BaseURL, when set, is where every list file is fetched from, by its
	// official name.
	BaseURL string `mapstructure:"base-url"`
	// Dir is the snapshot store; empty means the user cache directory.
	Dir string `mapstructure:"dir"`
	// IndexCache keeps the built screening index in the store's index
	// directory, keyed by the lists, options and program it was built
	// from.
	IndexCache bool `mapstructure:"index-cache"`
}

// ScreenConfig holds the matcher's thresholds.
type ScreenConfig struct {
	// Match is the score from which a name match is a hit.
	Match float64 `mapstructure:"match"`
	// Review is the score from which a name match is a possible match.
	Review float64 `mapstructure:"review"`
}

// CoverageConfig shapes the coverage report.
type CoverageConfig struct {
	// MaxListed caps the unattributed components listed by ref.
	MaxListed int `mapstructure:"max-listed"`
}

// Settled holds the values Validate derived from the raw strings.
type Settled struct {
	AsOf          time.Time
	MaxSize       int64
	MaxAge        time.Duration
	UpdateAfter   time.Duration
	UpdateTimeout time.Duration
	// PolicyTimeout and PolicyMaxMemory are policy.timeout and
	// policy.max-memory.
	PolicyTimeout   time.Duration
	PolicyMaxMemory int64
}
