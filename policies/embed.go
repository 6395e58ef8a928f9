// Package policies holds bangate's built-in policy bundle: the Rego v1 rule
// sets under bangate/ (package bangate.decision, bangate.lib.*,
// bangate.rules.*), their tests, the ban lists (bangate/lists/<id>.yaml,
// loaded at data.bangate.lists.<id>), the profiles
// (bangate/profiles/profiles.yaml, loaded at data.bangate.profiles), and
// the sanctions data: what each OFAC program and non-SDN list means
// (bangate/sanctions/programs.yaml, at data.bangate.sanctions), what a
// match on the UN, EU and UK asset-freeze lists means
// (bangate/sanctions/regimes.yaml, at data.bangate.sanctions.regimes) and the
// comprehensively sanctioned countries and regions
// (bangate/embargo/regions.yaml, at data.bangate.embargo).
//
// The bundle is embedded into the binary so that bangate works offline, and
// it passes stock `opa test policies/`.
package policies

import "embed"

// Version is the version of the built-in bundle, the date of its last change
// to a rule or a list (YYYY.MM.DD). It is recorded in every decision and
// evidence record; bump it with every change under bangate/.
const Version = "2026.12.06"

// FS holds every .rego and .yaml file of the bundle, under the directory
// "bangate". Treat it as read-only.
//
// NOTE: load it with the root ".", not "bangate":
// loader.NewFileLoader().WithFS(policies.FS).All([]string{"."}). OPA drops
// the name of each root argument, so loading "bangate" would place the data
// at data.lists.<id> instead of data.bangate.lists.<id>, unlike
// `opa test policies/`. The *_test.rego files are embedded too (they run
// under `go test` and `bangate policy test`); an engine that only evaluates
// may skip them with a loader filter, as they define no deny, review or warn.
//
//go:embed bangate
var FS embed.FS
