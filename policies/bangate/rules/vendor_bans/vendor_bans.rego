# METADATA
# title: Vendor bans
# description: >-
#   Decides what a match against a ban list (data.bangate.lists.<id>, kind
#   "ban") means for the user's profile on input.as_of. For every component,
#   the SBOM's subject and every procurement vendor, and for every ban-list
#   entry matched there, each obligation of that entry that the profile
#   applies and that covers the kind of thing matched gives one finding,
#   resting on the strongest match (confidence, then score, then what
#   matched). In force: deny on a high or medium confidence match, review on
#   a low one (or when the obligation only reaches some uses of that kind of
#   thing), warn when the obligation never bars use. Not yet in force: a
#   warning naming the date it takes effect. Rule ids, titles, severities
#   and citations come from the obligation in the list data.
package bangate.rules.vendor_bans

import data.bangate.lib.dates
import data.bangate.lib.lists
import data.bangate.lib.subjects

# METADATA
# title: Banned vendor in force
# description: A high or medium confidence match of a vendor an obligation in force bars.
deny contains violation(f, "deny") if {
	some f in findings
	in_force(f.obligation)
	effect(f) == "deny"
}

# METADATA
# title: Possible banned vendor
# description: >-
#   A low confidence match, or an obligation that reaches this kind of
#   thing only for some uses: a person must confirm or waive it.
review contains violation(f, "review") if {
	some f in findings
	in_force(f.obligation)
	effect(f) == "review"
}

# METADATA
# title: Vendor ban that informs only or is not yet in force
# description: >-
#   An obligation that never bars use (an export licence requirement), or
#   one whose first phase starts after input.as_of.
warn contains violation(f, "warn") if {
	some f in findings
	in_force(f.obligation)
	effect(f) == "warn"
}

warn contains violation(f, "pending") if {
	some f in findings
	dates.before(f.obligation.phases[0].from)
}

# errors reports a match that names an entry the ban list does not hold:
# the screening and the policy data disagree, and the check must stop.
errors contains {
	"code": "match-unknown-entry",
	"message": sprintf("%s: a match names entry %q, which ban list %q does not define", [site.key, entry_id, list_id]),
} if {
	some [site, list_id, entry_id] in groups
	not lists.entry(list_id, entry_id)
}

# sites are the places in the input that carry matches: each with a
# stable key, its subject, the kind of thing it is, its pointer and matches.
# NOTE: a set, always iterated whole; a keyed lookup into a partial object
# whose key is computed in the body re-evaluates the body per lookup.
sites contains {
	"key": sprintf("/components/%d", [i]),
	"subject": subjects.component(c),
	"kind": subjects.kind(object.get(c, "type", "")),
	"pointer": subjects.text(c, "pointer"),
	"matches": all_matches(c),
} if {
	some i, c in object.get(input, "components", [])
}

sites contains {
	"key": "/subject",
	"subject": subjects.document,
	"kind": subjects.kind(object.get(input.subject, "type", "")),
	"pointer": subjects.text(input.subject, "pointer"),
	"matches": all_matches(input.subject),
} if {
	is_object(input.subject)
}

# A procurement vendor may supply anything: kind "vendor" is covered by
# every obligation and takes the obligation's own effect.
sites contains {
	"key": sprintf("/vendors/%d", [i]),
	"subject": subjects.vendor(v),
	"kind": "vendor",
	"pointer": subjects.text(v, "pointer"),
	"matches": all_matches(v),
} if {
	some i, v in object.get(input, "vendors", [])
}

# all_matches is x's own matches followed by its parties' matches; a party
# match without a pointer takes the party's.
all_matches(x) := array.concat(
	[m | some m in object.get(x, "matches", []); is_object(m)],
	[object.union({"pointer": subjects.text(p, "pointer")}, m) |
		some p in object.get(x, "parties", [])
		some m in object.get(p, "matches", [])
		is_object(m)
	],
)

# groups are the (site, ban list, entry) triples matched at least once. A
# ban-list match without an entry_id makes a group with entry null, which
# errors reports rather than drops.
groups contains [site, m.list, object.get(m, "entry_id", null)] if {
	some site in sites
	some m in site.matches
	lists.ban_lists[m.list]
}

# findings are the (site, entry, obligation) triples the profile applies
# and the obligation covers, each with the strongest match.
findings contains f if {
	some [site, list_id, entry_id] in groups
	ent := lists.entry(list_id, entry_id)
	some ob in ent.obligations
	lists.applies(ob)
	covered(ob, site.kind)
	f := {
		"site": site,
		"list": list_id,
		"entry_name": ent.name,
		"obligation": ob,
		"match": strongest(site.matches, list_id, entry_id),
	}
}

# strongest picks one match deterministically: highest confidence, then
# highest score, then the most specific kind of match, then input order.
strongest(matches, list_id, entry_id) := matches[ranked[0][5]] if {
	ranked := sort([[confidence_rank(m), neg_score(m), matched_on_rank(m), subjects.text(m, "pointer"), subjects.text(m, "signal"), j] |
		some j, m in matches
		m.list == list_id
		m.entry_id == entry_id
	])
}

confidence_ranks := {"high": 0, "medium": 1, "low": 2}

confidence_rank(m) := confidence_ranks[m.confidence] if {
	is_string(m.confidence)
} else := 3

neg_score(m) := 0 - m.score if is_number(m.score)

else := 0

matched_on_ranks := {
	"name": 0, "alias": 1, "id": 2, "purl_namespace": 3, "cpe_vendor": 4,
	"domain": 5, "email_domain": 6, "brand": 7,
}

matched_on_rank(m) := matched_on_ranks[m.matched_on] if {
	is_string(m.matched_on)
} else := 8

covered(ob, "vendor") if count(ob.covers) > 0

covered(ob, kind) if kind in ob.covers

in_force(ob) if dates.reached(ob.phases[0].from)

# base_effect is what the obligation does with a strong match on this kind.
base_effect(ob, kind) := ob.effect_by_kind[kind] if {
	kind != "vendor"
} else := object.get(ob, "effect", "deny")

# strong holds for a match Go rated high or medium confidence. A missing or
# unknown confidence is not strong: it can never deny, only send to review.
strong(m) if m.confidence in {"high", "medium"}

effect(f) := "deny" if {
	base_effect(f.obligation, f.site.kind) == "deny"
	strong(f.match)
} else := "review" if {
	base_effect(f.obligation, f.site.kind) in {"deny", "review"}
} else := "warn"

violation(f, how) := {
	"rule": f.obligation.rule,
	"severity": severity(f.obligation, how),
	"title": f.obligation.title,
	"message": message(f, how),
	"subject": f.site.subject,
	"pointer": pointer(f),
	"match": f.match,
	"authority": {
		"citation": f.obligation.citation,
		"url": f.obligation.url,
		"effective": f.obligation.phases[0].from,
		"obligation": f.obligation.id,
	},
}

severity(_, "pending") := "info"

severity(ob, how) := ob.severity if how != "pending"

pointer(f) := f.match.pointer if {
	is_string(f.match.pointer)
	f.match.pointer != ""
} else := f.site.pointer

# evidence says which field matched which entry, and how.
evidence(f) := sprintf("%s %q matches %s (%s, %s confidence) on ban list %q", [
	signal(f.match),
	value(f.match),
	f.entry_name,
	subjects.text(f.match, "matched_on"),
	confidence(f.match),
	f.list,
])

signal(m) := m.signal if {
	is_string(m.signal)
	m.signal != ""
} else := "field"

value(m) := m.value if {
	is_string(m.value)
	m.value != ""
} else := subjects.text(m, "matched_name")

confidence(m) := m.confidence if is_string(m.confidence)

else := "unknown"

# in_force_text lists what is prohibited as of input.as_of, phase by phase.
in_force_text(ob) := concat("; ", [sprintf("%s from %s", [concat(", ", ph.prohibits), ph.from]) |
	some ph in ob.phases
	dates.reached(ph.from)
])

message(f, "deny") := sprintf("%s: %s. Prohibited under %s: %s (%s).", [
	subjects.label(f.site.subject), evidence(f), f.obligation.title,
	in_force_text(f.obligation), f.obligation.citation,
])

message(f, "review") := sprintf("%s: possible match, %s. Confirm or waive it; prohibited under %s: %s (%s).", [
	subjects.label(f.site.subject), evidence(f), f.obligation.title,
	in_force_text(f.obligation), f.obligation.citation,
]) if {
	not strong(f.match)
}

message(f, "review") := sprintf("%s: %s. %s reaches %s only for some uses; confirm the use or waive it. Prohibited: %s (%s).", [
	subjects.label(f.site.subject), evidence(f), f.obligation.title, f.site.kind,
	in_force_text(f.obligation), f.obligation.citation,
]) if {
	strong(f.match)
}

message(f, "warn") := sprintf("%s: %s. %s: %s; this does not bar using it (%s).", [
	subjects.label(f.site.subject), evidence(f), f.obligation.title,
	in_force_text(f.obligation), f.obligation.citation,
])

message(f, "pending") := sprintf("%s: %s. %s takes effect on %s: %s (%s).", [
	subjects.label(f.site.subject), evidence(f), f.obligation.title,
	f.obligation.phases[0].from, concat(", ", f.obligation.phases[0].prohibits),
	f.obligation.citation,
])
