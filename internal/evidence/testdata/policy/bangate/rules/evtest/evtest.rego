# METADATA
# title: Evidence test rules
# description: >-
#   A user rule set for the evidence tests: any party matching the
#   ofac-sdn list at or above the match threshold is denied, so the tests
#   do not depend on how the built-in rules treat sanctions matches.
package bangate.rules.evtest

deny contains v if {
	some c in input.components
	some p in c.parties
	some m in p.matches
	m.list == "ofac-sdn"
	m.score >= input.screening.match
	v := {
		"rule": "evtest-sdn",
		"severity": "critical",
		"title": "Party on the SDN list",
		"message": sprintf("%s: %s matches %s", [c.name, p.name, m.entry_name]),
		"subject": {"kind": "component", "ref": c.ref, "name": c.name, "version": c.version, "purl": c.purl},
		"pointer": p.pointer,
		"match": m,
	}
}
