// Package policy loads the policy bundle (the built-in one embedded from
// policies/, plus the user's directories), compiles it once, and evaluates
// an input document against data.bangate.decision.result. An Engine is
// immutable after New and safe for concurrent use.
package policy
