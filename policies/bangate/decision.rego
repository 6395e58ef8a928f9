# METADATA
# title: Decision
# description: >-
#   Gathers deny, review and warn from every rule set under
#   data.bangate.rules (the bundle's and the user's alike: a user's rule
#   sets are new packages bangate.rules.<set>, the only place the engine
#   lets a user policy define rules under bangate), applies the waivers
#   (lib/waivers.rego: a waiver selects by purl, glob or hash, never by a
#   ref or a name alone, and a waiver of a blocked person or frozen assets
#   names its licence; a waiver that breaks these rules is an error, never
#   applied), and defines result, the only document the engine queries.
#   Anything that makes the decision untrustworthy (a malformed violation, a
#   rule set whose deny is not a set, a malformed waiver, list or profile, a
#   missing as_of) makes the outcome "error", never a silent pass.
package bangate.decision

import data.bangate.lib.dates
import data.bangate.lib.lists
import data.bangate.lib.waivers

# kinds are the rule names every rule set may define.
kinds := ["deny", "review", "warn"]

# blocking are the kinds a waiver can cover.
blocking := {"deny", "review"}

# subject_kinds are the kinds of thing a violation can be about.
subject_kinds := {"component", "vendor", "document"}

# result is the decision for one input.
result := {
	"outcome": outcome,
	"violations": ordered(violations),
	"reviews": ordered(reviews),
	"warnings": ordered(warnings),
	"waived": ordered(waived),
	"invalid": [x[4] | some x in sort([[i.set, i.kind, i.reason, object.get(i, "violation", null), i] | some i in invalid])],
	"errors": sort(errors),
}

# outcome: error if the decision cannot be trusted, else fail on any
# unwaived deny, else review on any unwaived review, else pass.
outcome := "error" if {
	count(errors) + count(invalid) > 0
} else := "fail" if {
	count(violations) > 0
} else := "review" if {
	count(reviews) > 0
} else := "pass"

# findings are every deny, review and warn of every rule set (one level
# under data.bangate.rules), with the set and kind they came from.
findings contains {"set": name, "kind": kind, "violation": v} if {
	some name
	some kind in kinds
	vs := data.bangate.rules[name][kind]
	is_set(vs)
	some v in vs
}

# valid are the findings whose violation has every required field.
valid contains f if {
	some f in findings
	well_formed(f.violation)
}

# invalid are the malformed findings: they are reported, never dropped.
invalid contains {"set": f.set, "kind": f.kind, "reason": concat("; ", sort(defects(f.violation))), "violation": f.violation} if {
	some f in findings
	not well_formed(f.violation)
}

# well_formed is every check of defects at once (the common, fast path).
well_formed(v) if {
	ok(v, "rule")
	ok(v, "severity")
	ok(v, "message")
	ok(v, "subject")
}

invalid contains {"set": name, "kind": kind, "reason": sprintf("%s must be a set of violations (%s contains v if ...)", [kind, kind])} if {
	some name
	some kind in kinds
	vs := data.bangate.rules[name][kind]
	not is_set(vs)
}

defects(v) := {reason |
	some check, reason in {
		"rule": "rule must be a non-empty string",
		"severity": "severity must be one of critical, high, medium, low, info",
		"message": "message must be a non-empty string",
		"subject": "subject must be an object whose kind is component, vendor or document",
	}
	not ok(v, check)
}

ok(v, "rule") if non_empty_string(v.rule)

ok(v, "severity") if v.severity in lists.severities

ok(v, "message") if non_empty_string(v.message)

ok(v, "subject") if {
	is_object(v.subject)
	v.subject.kind in subject_kinds
}

non_empty_string(s) if {
	is_string(s)
	s != ""
}

# waiver_for is the active waiver that covers v, the lowest id first.
waiver_for(v) := ws[0][1] if {
	v.rule in rules_waived
	ws := sort([[w.id, w] | some w in waivers.active; waivers.covers(w, v)])
	count(ws) > 0
}

# rules_waived are the rules some active waiver names.
rules_waived contains w.rule if some w in waivers.active

violations contains f.violation if {
	some f in valid
	f.kind == "deny"
	not waiver_for(f.violation)
}

reviews contains f.violation if {
	some f in valid
	f.kind == "review"
	not waiver_for(f.violation)
}

waived contains object.union(f.violation, {"waiver": waiver_for(f.violation)}) if {
	some f in valid
	f.kind in blocking
}

warnings contains f.violation if {
	some f in valid
	f.kind == "warn"
}

# METADATA
# title: Waiver expired
# description: >-
#   An expired waiver no longer covers its finding; the finding is reported
#   again and this warning says which waiver lapsed.
# custom:
#   id: waiver-expired
#   severity: low
warnings contains v if {
	some f in valid
	f.kind in blocking
	not waiver_for(f.violation)
	some w in waivers.expired
	waivers.covers(w, f.violation)
	meta := rego.metadata.rule()
	v := {
		"rule": meta.custom.id,
		"severity": meta.custom.severity,
		"title": meta.title,
		"message": sprintf("waiver %s (ticket %s, approved by %s) of rule %s expired on %s; the finding is reported again", [w.id, w.ticket, w.approved_by, w.rule, w.expires]),
		"subject": f.violation.subject,
		"pointer": object.get(f.violation, "pointer", ""),
		"waiver": w,
	}
}

# errors are the problems that stop the check: bad input.as_of or profile,
# malformed ban lists, profiles or waivers, policies loaded without their
# annotations, and each rule set's own errors.
errors := (((dates.errors | lists.errors) | waivers.errors) | rule_errors) | annotation_errors

# METADATA
# title: Annotations probe
# description: >-
#   Rule ids and titles are read with rego.metadata.rule(); a bundle loaded
#   without processing annotations would make those rules silently
#   undefined, so this probe turns that into an error.
# custom:
#   id: annotations-probe
annotations_loaded if rego.metadata.rule().custom.id == "annotations-probe"

annotation_errors contains {"code": "annotations-missing", "message": "policies were loaded without their METADATA annotations (load with annotation processing on)"} if {
	not annotations_loaded
}

rule_errors contains object.union({"code": "rule-error", "message": sprintf("%s: %v", [name, e])}, error_object(e, name)) if {
	some name
	es := data.bangate.rules[name].errors
	is_set(es)
	some e in es
}

error_object(e, name) := {"code": e.code, "message": sprintf("%s: %s", [name, e.message])} if {
	is_string(e.code)
	is_string(e.message)
} else := {}

# ordered sorts violations by rule, subject ref, pointer, then the whole.
ordered(vs) := [x[3] | some x in sort([[v.rule, object.get(v.subject, "ref", ""), object.get(v, "pointer", ""), v] | some v in vs])]
