# METADATA
# title: Procurement
# description: >-
#   Rules that only a procurement record can trigger (input.kind
#   "procurement"): a vendor blocked by operation of OFAC's 50 Percent Rule
#   (owned 50% or more in the aggregate, directly or indirectly, by blocked
#   persons; computed in Go into vendors[].ownership), and a vendor or
#   product from a country or region under comprehensive sanctions
#   (data.bangate.embargo.regions), denied, reviewed or ignored per
#   input.settings.embargo. Ban-list matches of vendors, their parents,
#   owners and manufacturers are decided by bangate.rules.vendor_bans
#   (product kind and contract date included); sanctions-list matches of
#   their parties by bangate.rules.sanctions.
package bangate.rules.procurement

import data.bangate.lib.lists
import data.bangate.lib.rank
import data.bangate.lib.subjects

# METADATA
# title: Blocked by the OFAC 50 Percent Rule
# description: >-
#   The vendor is not on a list itself but blocked persons own 50% or more
#   of it in the aggregate, directly or through blocked entities (OFAC FAQ
#   401): its property is blocked and U.S. persons may not deal with it.
# custom:
#   id: ofac-50-percent-rule
#   severity: critical
deny contains v if {
	lists.applies_id("ofac-sdn")
	some rec in object.get(input, "vendors", [])
	rec.ownership.blocked == true
	rec.ownership.designated != true
	meta := rego.metadata.rule()
	v := fifty_violation(rec, meta)
}

# METADATA
# title: Comprehensively sanctioned country or region
# description: >-
#   A product's country of origin, or the vendor's country, is under a
#   comprehensive OFAC embargo on the date of the deal. Denied or sent to
#   review per input.settings.embargo ("deny", "review", "off").
# custom:
#   id: ofac-embargo
#   severity: critical
deny contains v if {
	some h in embargo_hits
	embargo_effect(h) == "deny"
	meta := rego.metadata.rule()
	v := embargo_violation(h, meta)
}

# METADATA
# title: Possibly in a comprehensively sanctioned region
# description: >-
#   A country or region named only loosely (a place name wider than the
#   sanctioned region), or any embargo hit when input.settings.embargo is
#   "review": a person must check where the goods and the vendor are.
# custom:
#   id: ofac-embargo
#   severity: critical
review contains v if {
	some h in embargo_hits
	embargo_effect(h) == "review"
	meta := rego.metadata.rule()
	v := embargo_violation(h, meta)
}

# METADATA
# title: Embargo lifted
# description: >-
#   A country whose comprehensive program has ended before the date of the
#   deal (Syria, from 2025-07-01): information only; list-based sanctions
#   and export controls may still apply.
# custom:
#   id: ofac-embargo-lifted
#   severity: info
warn contains v if {
	some h in lifted_hits
	embargo_setting != "off"
	meta := rego.metadata.rule()
	v := object.union(embargo_violation(h, meta), {
		"message": sprintf("%s: %s %q is %s; its comprehensive sanctions program ended before the deal of %s (%s). Screen the parties and check export controls; this does not bar the deal.", [
			subjects.label(h.subject), h.field, h.value, h.region.name, h.date, h.region.lifted_by,
		]),
		"authority": {"citation": h.region.lifted_by, "url": h.region.lifted_url, "obligation": "ofac-embargo"},
	})
}

# errors: a setting the rule cannot read.
errors contains {"code": "settings-invalid", "message": "input.settings.embargo must be deny, review or off"} if {
	input.kind == "procurement"
	not embargo_setting in {"deny", "review", "off"}
}

# embargo_setting defaults to deny when the engine gives none.
default embargo_setting := "deny"

embargo_setting := input.settings.embargo if "embargo" in object.keys(object.get(input, "settings", {}))

# --- the 50 Percent Rule ---------------------------------------------------------

fifty_violation(v, meta) := {
	"rule": meta.custom.id,
	"severity": meta.custom.severity,
	"title": meta.title,
	"message": sprintf("%s is blocked by operation of OFAC's 50 Percent Rule: owned %v%% in aggregate by blocked persons: %s%s. U.S. persons may not deal with it (%s).", [
		subjects.label(subjects.vendor(v)), v.ownership.percent, chains_text(v.ownership.chains),
		look_through_text(v.ownership), fifty_citation,
	]),
	"subject": subjects.vendor(v),
	"pointer": owners_pointer(v),
	"match": {
		"list": "ownership",
		"matched_on": "ownership",
		"entry_name": concat(", ", sort({c.path[0] | some c in v.ownership.chains})),
		"value": sprintf("%v%%", [v.ownership.percent]),
		"percent": v.ownership.percent,
		"look_through": object.get(v.ownership, "look_through", 0),
		"chains": v.ownership.chains,
		"confidence": "high",
	},
	"authority": {
		"citation": fifty_citation,
		"url": "https://ofac.treasury.gov/faqs/401",
		"effective": "2014-08-13",
		"obligation": "ofac-sdn",
	},
}

fifty_citation := "OFAC Revised Guidance on Entities Owned by Persons Whose Property and Interests in Property Are Blocked (2014-08-13); OFAC FAQ 401; 31 CFR chapter V"

# chains_text: "X 25% + Y 25% through Z", strongest chain first.
chains_text(chains) := concat(" + ", [chain_text(c) | some c in chains]) if count(chains) > 0

else := "the designated owners are not listed"

chain_text(c) := sprintf("%s %v%%", [c.path[0], c.percent]) if count(c.path) <= 2

chain_text(c) := sprintf("%s %v%% through %s", [c.path[0], c.percent, concat(" and ", array.slice(c.path, 1, count(c.path) - 1))]) if {
	count(c.path) > 2
}

look_through_text(own) := "" if {
	object.get(own, "look_through", 0) == own.percent
} else := sprintf(" (look-through interest of the designated persons themselves: %v%%; a blocked intermediary's whole stake counts, FAQ 401)", [object.get(own, "look_through", 0)])

owners_pointer(v) := v.owners[0].pointer if {
	is_string(v.owners[0].pointer)
	v.owners[0].pointer != ""
} else := subjects.text(v, "pointer")

# --- embargoes -------------------------------------------------------------------

# region_pairs are the [region index, strength] pairs a country value
# names. NOTE: OPA caches a function's result per distinct argument within
# one evaluation, so the regular expressions run once per distinct value
# (a few dozen in a 100,000-row file), not once per record; an index built
# first (a set of values, then an object) costs two more passes over the
# records and measured three times slower.
region_pairs(x) := [[i, s] |
	is_string(x)
	x != ""
	some i, region in data.bangate.embargo.regions
	s := strength(x, i, region)
]

product_pointer(v, p) := p.pointer if {
	is_string(p.pointer)
	p.pointer != ""
} else := subjects.text(v, "pointer")

# strength of a place naming region i: "strong" for a code or a name of
# the region, "weak" for a wider place name.
strength(value, i, region) := "strong" if {
	upper(trim_space(value)) in region.codes
} else := "strong" if {
	names_word(value, region_patterns[i].names)
} else := "weak" if {
	names_word(value, region_patterns[i].weak)
}

# region_patterns are, for each region by index, one regular expression
# of its names and one of its weak names ("" for none): text names the
# region when it holds one of them as a whole word or phrase. They depend
# on the data alone: the engine computes them once per bundle
# (policy.PrecomputedRules), not once per input.
region_patterns[i] := {"names": words_pattern(object.get(region, "names", [])), "weak": words_pattern(object.get(region, "weak_names", []))} if {
	some i, region in data.bangate.embargo.regions
}

# words_pattern matches any of names as a whole word or phrase, any case.
words_pattern(names) := sprintf(`(?i)(^|[^\pL])(%s)([^\pL]|$)`, [concat("|", [regex_quote(n) | some n in names])]) if {
	count(names) > 0
} else := ""

# names_word holds when text matches pattern (words_pattern).
names_word(text, pattern) if {
	pattern != ""
	regex.match(pattern, text)
}

regex_quote(s) := regex.replace(s, `([\\.+*?()|\[\]{}^$])`, `\$1`)

# hits_all is every (record field, region) pair, with the deal's date.
hits_all contains hit(v, field, v[field], subjects.text(v, "pointer"), pair) if {
	input.kind == "procurement"
	lists.applies_id("ofac-embargo")
	some v in object.get(input, "vendors", [])
	some field in ["country", "country_name"]
	some pair in region_pairs(v[field])
}

hits_all contains hit(v, "country_of_origin", p.country_of_origin, product_pointer(v, p), pair) if {
	input.kind == "procurement"
	lists.applies_id("ofac-embargo")
	some v in object.get(input, "vendors", [])
	some p in object.get(v, "products", [])
	some pair in region_pairs(p.country_of_origin)
}

hit(v, field, value, pointer, [i, s]) := {
	"subject": subjects.vendor(v),
	"field": field,
	"value": value,
	"pointer": pointer,
	"region": data.bangate.embargo.regions[i],
	"strength": s,
	"date": subjects.vendor_date(v),
}

# hits is one hit per record and region: a strong one before a weak one,
# a product's origin before the vendor's country code before its name.
hits := rank.firsts([[[h.subject.ref, h.region.id], strength_rank[h.strength], field_rank[h.field], h.pointer, h.value, h] | some h in hits_all])

strength_rank := {"strong": 0, "weak": 1}

field_rank := {"country_of_origin": 0, "country": 1, "country_name": 2}

# embargo_hits are the hits while the region's program is in force.
embargo_hits contains h if {
	some h in hits
	h.region.from <= h.date
	not lifted(h)
}

lifted_hits contains h if {
	some h in hits
	lifted(h)
}

lifted(h) if {
	is_string(h.region.until)
	h.region.until < h.date
}

embargo_effect(h) := "review" if {
	embargo_setting != "off"
	h.strength == "weak"
} else := embargo_setting if embargo_setting in {"deny", "review"}

embargo_violation(h, meta) := {
	"rule": meta.custom.id,
	"severity": meta.custom.severity,
	"title": meta.title,
	"message": embargo_message(h),
	"subject": h.subject,
	"pointer": h.pointer,
	"match": {
		"list": "embargo",
		"entry_id": h.region.id,
		"entry_name": h.region.name,
		"matched_on": h.field,
		"value": h.value,
		"programs": [h.region.program],
		"confidence": {"strong": "high", "weak": "low"}[h.strength],
	},
	"authority": {
		"citation": h.region.citation,
		"url": h.region.url,
		"effective": h.region.from,
		"obligation": "ofac-embargo",
	},
}

embargo_message(h) := sprintf("%s: %s %q is %s, under comprehensive U.S. sanctions since %s; on the deal's date %s U.S. persons may not import, buy or deal in goods or services from there without an OFAC licence (%s).", [
	subjects.label(h.subject), h.field, h.value, h.region.name, h.region.from, h.date, h.region.citation,
]) if h.strength == "strong"

embargo_message(h) := sprintf("%s: %s %q names a place that may lie in %s (under comprehensive U.S. sanctions since %s): check where the goods come from and where the vendor is (%s).", [
	subjects.label(h.subject), h.field, h.value, h.region.name, h.region.from, h.region.citation,
]) if h.strength == "weak"
