package config

import "github.com/bangate/bangate/internal/screen"

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

// DefaultMaxAge is the default lists.max-age, the oldest a sanctions list
// may be by its publication date. OFAC publishes SDN changes several
// times a week, but not on a schedule: around the turn of the year a week
// or more can go by without one, and a correct, current list is then more
// than 7 days old. 14 days
// lets a gate whose lists are current pass through those spells, and stops
// one whose refresh keeps failing (no network, a mirror that stopped
// syncing) within two weeks of missed designations, instead of the year
// a 365-day limit allowed. The refresh before each check (lists.update-after,
// 24 h) keeps a connected gate within a day of its sources, so the limit
// only ever bites a gate that cannot reach them. The UN, EU and UK files
// carry the date they were generated, the legacy OFAC files and the CSL
// the server's Last-Modified time. Ban lists (kind ban, linked) are the
// policy bundle's data, dated by the legal texts they cite, and are not
// aged.
const DefaultMaxAge = "14d"

// Keys lists every configuration key with its default, in documentation
// order. Load registers a default for each, so that every key can be set
// from the environment alone.
func Keys() []Key {
	return []Key{
		{"profile", "profile", DefaultProfile, "obligations profile the policy bundle defines: us-person, federal-contractor, telecom-carrier, exporter, all, or one of your own"},
		{"as-of", "as-of", "", "evaluate the policies as of this date (YYYY-MM-DD or RFC 3339): bans' phases, designation dates, waivers' expiry; default today. The stop on stale lists counts their age to the clock"},
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
		{"lists.max-age", "max-list-age", DefaultMaxAge, "oldest a sanctions list the profile applies may be, by its publication date (e.g. 14d, 72h; 0 disables); ban lists are not aged"},
		{"lists.stale", "stale-lists", "error", "what an over-age list does: error (exit 2) or warn"},
		{"lists.update-after", "lists-update-after", "24h", "before a check, refresh from its source a list the profile applies that was fetched longer ago than this (0: before every check)"},
		{"lists.update-timeout", "lists-update-timeout", "2m", "time limit of a refresh before a check, and of data update"},
		{"lists.offline", "offline", false, "never refresh lists from the network before a check or screen (update them with data update or data import)"},
		{"lists.base-url", "lists-base-url", "", "fetch every list file from this base URL by its official name (a mirror or an air-gapped proxy); default the publishers' own addresses"},
		{"lists.dir", "lists-dir", "", "list snapshot store; default the user cache directory"},
		{"lists.index-cache", "index-cache", true, "keep the built screening index in the list store (index/) so that later runs decode it instead of indexing the lists again"},
		{"screen.match", "match-threshold", screen.DefaultMatch, "name-match score from which a match is a hit"},
		{"screen.review", "review-threshold", screen.DefaultReview, "name-match score from which a match needs review (a possible match a person must clear)"},
		{"coverage.max-listed", "", 50, "how many unattributed components the report lists by ref"},
		{"evidence.file", "evidence", "", "write a signed audit evidence record (in-toto statement in a DSSE envelope) to FILE"},
		{"evidence.dir", "evidence-dir", "", "evidence store (records, and the policies, lists and inputs they reference); default the user cache directory"},
		{"evidence.sign-key", "sign-key", "", "Ed25519 private key (PEM file) that signs evidence records; unsigned when empty"},
		{"procurement.columns", "", map[string]string{}, "CSV column for each record field, for layouts not recognised out of the box"},
		{"procurement.encoding", "encoding", "utf-8", "encoding of procurement CSV files: utf-8, latin1, windows-1252"},
		{"procurement.ownership", "ownership", "", "ownership file (owner,owned,percent,source) for the OFAC 50 Percent Rule"},
		{"procurement.embargo", "embargo", "deny", "products from comprehensively sanctioned countries and regions: deny, review or off"},
		{"serve.addr", "addr", "127.0.0.1:8080", "address bangate serve listens on"},
		{"serve.data-dir", "data-dir", "", "directory of the server's SQLite decision log (serve, token, log commands)"},
		{"serve.database", "database", "", "PostgreSQL URL (postgres://…) of the decision log, instead of SQLite in serve.data-dir"},
		{"serve.tls-cert", "tls-cert", "", "TLS certificate (PEM) the server presents; with serve.tls-key"},
		{"serve.tls-key", "tls-key", "", "TLS private key (PEM) of serve.tls-cert"},
		{"serve.max-request-size", "max-request-size", "32MiB", "largest request body the server reads (413 beyond)"},
		{"serve.rate-limit", "rate-limit", 200.0, "requests per second each API token may make (0: no limit; 429 beyond)"},
		{"serve.rate-burst", "rate-burst", 400, "requests a token may make at once above serve.rate-limit"},
		{"serve.max-concurrent", "max-concurrent", 0, "checks the server runs at once (0: twice the cores); the others wait"},
		{"serve.async-size", "async-size", "8MiB", "input size from which POST /v1/checks answers 202 with a job URL (0: never)"},
		{"serve.list-refresh", "list-refresh", "1m", "how often the server looks for new list snapshots in the list store and swaps them in (0: never)"},
		{"serve.shutdown-timeout", "shutdown-timeout", "30s", "how long shutdown waits for the checks under way"},
		{"serve.log-max-input", "log-max-input", "4MiB", "largest input the decision log keeps whole; larger ones are logged by digest (0: none)"},
		{"serve.access-log", "access-log", true, "log every request as one JSON line (method, route, status, duration, token, decision), whatever log-level"},
		{"serve.checkpoint-every", "checkpoint-every", 1000, "write a checkpoint of the decision log, signed with evidence.sign-key, every so many decisions"},
		{"serve.session-ttl", "session-ttl", "8h", "how long a sign-in on the web page lasts"},
		{"serve.review-expiry", "review-expiry", "8760h", "how long a reviewer's clearing of a possible match waives it (it lapses sooner when the list entry changes)"},
		{"serve.webhook-url", "webhook-url", "", "URL that receives a POST of every alert (a kept subject whose outcome changed on new lists), signed with serve.webhook-secret; retried with backoff"},
		{"serve.webhook-secret", "webhook-secret", "", "secret of the HMAC-SHA256 of each webhook post's body, sent as X-Bangate-Signature: sha256=<hex> (required with serve.webhook-url; prefer the variable to the flag)"},
	}
}
