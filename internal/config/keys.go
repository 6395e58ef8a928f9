package config

// Key describes one configuration key.
type Key struct {
	// Name is the key as written in bangate.yaml ("lists.max-age").
	Name string
	// Flag is the command-line flag bound to the key, if any.
	Flag string
	// Default is the value when nothing sets the key.
	Default any
	// Help says what the key does; it is the flag's usage text too.
	Help string
}

// DefaultProfile applies every obligation bangate knows for a US federal
// contractor (ICTS, FAR 52.204-23 and 52.204-25): the strictest profile a
// US organisation commonly falls under, so a gate left on defaults fails
// closed.
const DefaultProfile = "federal-contractor"

// Keys lists every configuration key with its default, in documentation
// order. Load registers a default for each, so that every key can be set
// from the environment alone.
func Keys() []Key {
	return []Key{
		{"profile", "profile", DefaultProfile, "obligations profile the policy bundle defines: us-person, federal-contractor, telecom-carrier, exporter, all, or one of your own"},
		{"as-of", "as-of", "", "evaluate as of this date (YYYY-MM-DD or RFC 3339); default today"},
		{"fail-on", "fail-on", "low", "lowest finding that fails the check: critical, high, medium, low, review"},
		{"output", "output", []string{"text"}, "report FORMAT or FORMAT=FILE (repeatable): text, json, sarif, junit, markdown, html"},
		{"verbose", "verbose", false, "full text report on standard output (every detail of every finding) instead of the summary table; -o text=FILE is always full"},
		{"color", "color", "auto", "colour the text report: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always, never"},
		{"waivers", "waivers", "", "waiver file (YAML)"},
		{"waiver-warn-days", "waiver-warn-days", 30, "warn about a waiver in use that expires within this many days (-1: never)"},
		{"waiver-fail", "waiver-fail", false, "fail the check (exit 1) on an expired, unused or expiring waiver"},
		{"log-level", "log-level", "warn", "log level: debug, info, warn, error"},
		{"policy.dirs", "policy", []string{}, "user policy or data directory, evaluated with the built-in bundle (repeatable)"},
		{"policy.input", "policy-input", "diet", "what policies see: diet (components with a match) or all"},
		{"policy.allow-builtins", "allow-builtin", []string{}, "built-in function the policies may call although it is denied (network, clock, randomness: http.send, net.lookup_ip_addr, opa.runtime, time.now_ns, rand.intn, uuid.rfc4122, ...; repeatable)"},
		{"policy.timeout", "policy-timeout", "10s", "time limit of one input's policy evaluation (exit 2 when reached)"},
		{"policy.max-memory", "policy-max-memory", "1GiB", "how much the heap may grow during one input's policy evaluation (exit 2 when exceeded)"},
		{"input.max-size", "max-input-size", "256MiB", "largest input accepted"},
		{"input.kind", "kind", "auto", "input kind: auto, sbom or procurement"},
		{"lists.max-age", "max-list-age", "365d", "oldest a sanctions list may be, by its publication date (e.g. 30d, 72h; 0 disables)"},
		{"lists.stale", "stale-lists", "error", "what an over-age list does: error (exit 2) or warn"},
		{"lists.dir", "lists-dir", "", "list snapshot store; default the user cache directory"},
		{"lists.index-cache", "index-cache", true, "keep the built screening index in the list store (index/) so that later runs decode it instead of indexing the lists again"},
		{"screen.match", "match-threshold", 0.90, "name-match score from which a match is a hit"},
		{"screen.review", "review-threshold", 0.80, "name-match score from which a match needs review (a possible match a person must clear)"},
		{"coverage.max-listed", "", 50, "how many unattributed components the report lists by ref"},
		{"evidence.file", "evidence", "", "write a signed audit evidence record (in-toto statement in a DSSE envelope) to FILE"},
		{"evidence.dir", "evidence-dir", "", "evidence store (records, and the policies, lists and inputs they reference); default the user cache directory"},
		{"evidence.sign-key", "sign-key", "", "Ed25519 private key (PEM file) that signs evidence records; unsigned when empty"},
		{"procurement.columns", "", map[string]string{}, "CSV column for each record field, for layouts not recognised out of the box"},
		{"procurement.encoding", "encoding", "utf-8", "encoding of procurement CSV files: utf-8, latin1, windows-1252"},
		{"procurement.ownership", "ownership", "", "ownership file (owner,owned,percent,source) for the OFAC 50 Percent Rule"},
		{"procurement.embargo", "embargo", "deny", "products from comprehensively sanctioned countries and regions: deny, review or off"},
	}
}
