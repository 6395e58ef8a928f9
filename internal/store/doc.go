// Package store keeps bangate's decision log and the server's API tokens,
// on SQLite (embedded, pure Go, WAL; the default, in the server's data
// directory) or PostgreSQL (for several server replicas). Both run the
// same migrations (goose, embedded).
//
// The log is append-only and tamper-evident: every entry carries the
// sha256 of its predecessor, and its own hash covers its canonical form
// (every field, and the digest of every stored document: the plan, the
// lists, the decision, the evidence record and the input). Appends are
// serialised across processes (an advisory lock on PostgreSQL, an
// immediate transaction on SQLite) and grouped into one transaction when
// they arrive together. Checkpoints, signed with the evidence key when
// one is configured, pin the chain's head every so many entries.
// Verify walks the chain and names the first altered, missing or
// reordered entry; Export writes a range as JSON Lines with a manifest
// that VerifyExport checks.
package store
