// Package provenance holds the types that say where the data a decision
// rests on came from: a reference list's provenance (source, publication
// date, digest, entries) and its age, and a policy file's origin and
// digest. It sits below every other package so that decisions, reports and
// evidence can name their sources without depending on the list loaders or
// the policy engine.
package provenance
