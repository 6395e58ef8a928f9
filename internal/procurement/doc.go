// Package procurement reads vendor and purchase records (CSV or TSV with a
// column mapping, JSON, YAML and OCDS release and record packages) into
// Vendor records, each with a pointer back into its file, and computes the
// aggregate ownership of entities by blocked persons under OFAC's 50
// Percent Rule.
//
// Every reader fails closed: malformed input is an *InputError naming the
// file, the row or pointer and the column or key, never a silently shorter
// result. Errors name locations, never the input's values.
package procurement
