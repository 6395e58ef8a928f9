// Package decision holds the types of a decision: the result the policies
// return for one input (outcome, violations, reviews, warnings, waivers) and
// the run that gathers the results of every input with the provenance of
// what was checked. Policy evaluation produces them; reports and evidence
// read them.
package decision
