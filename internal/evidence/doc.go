// Package evidence writes, verifies and replays bangate's audit record: an
// in-toto Statement v1 in a DSSE envelope whose subjects are the checked
// inputs (by sha256) and whose predicate (PredicateType) records the tool,
// the policy bundle, the list snapshots, the waivers, the effective
// configuration, as_of and the full decision. A record whose inputs had no
// hit is a no-hit certificate naming the parties screened and the lists
// they were screened against. Records are signed with Ed25519 or, unsigned,
// bound only by their digest, and say which. The evidence store keeps the
// records and, content-addressed, every policy file, list snapshot and
// input they reference, so that Replay re-runs a check years later on the
// same data.
package evidence
