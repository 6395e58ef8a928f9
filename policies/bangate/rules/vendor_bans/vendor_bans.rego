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
import data.bangate.lib.parties
import data.bangate.lib.products
import data.bangate.lib.subjects

# METADATA
# title: Banned vendor in force
# description: A high or medium confidence match of a vendor an obligation in force bars.
deny contains violation(f, "deny") if {
	some f in findings
	in_force(f.obligation, f.site.date)
	effect(f) == "deny"
}

# METADATA
# title: Possible banned vendor
# description: >-
#   A low confidence match, or an obligation that reaches this kind of
#   thing only for some uses: a person must confirm or waive it.
review contains violation(f, "review") if {
	some f in findings
	in_force(f.obligation, f.site.date)
	effect(f) == "review"
}

# METADATA
# title: Vendor ban that informs only or is not yet in force
# description: >-
#   An obligation that never bars use (an export licence requirement), or
#   one whose first phase starts after input.as_of.
warn contains violation(f, "warn") if {
	some f in findings
	in_force(f.obligation, f.site.date)
	effect(f) == "warn"
}

warn contains violation(f, "pending") if {
	some f in findings
	f.site.date < f.obligation.phases[0].from
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
# A place without a match gives no group: it is left out (has_match), so
# that the components and the subject nothing matched cost nothing.
# NOTE: a set, always iterated whole; a keyed lookup into a partial object
# whose key is computed in the body re-evaluates the body per lookup.
sites contains {
	"key": sprintf("/components/%d", [i]),
	"subject": subjects.component(c),
	"kind": subjects.component_kind(c),
	"pointer": subjects.text(c, "pointer"),
	"date": dates.as_of_date,
	"context": "",
	"matches": all_matches(c),
} if {
	some i, c in object.get(input, "components", [])
	has_match(c)
}

sites contains {
	"key": "/subject",
	"subject": subjects.document,
	"kind": subjects.component_kind(input.subject),
	"pointer": subjects.text(input.subject, "pointer"),
	"date": dates.as_of_date,
	"context": "",
	"matches": all_matches(input.subject),
} if {
	is_object(input.subject)
	has_match(input.subject)
}

# A procurement record is one site per product: the product's kind (from
# its PSC, CPV or UNSPSC code, category or name; lib/products) decides
# which obligations cover it, and the deal's date (the contract date, else
# as_of) which phase applies. The vendor's own parties and domains count
# for every product, a manufacturer only for its product. A record without
# products, or a product of unknown kind, is kind "vendor": covered by
# every obligation, with the obligation's own effect (fail closed).
sites contains {
	"key": sprintf("/vendors/%d", [i]),
	"subject": subjects.vendor(v),
	"kind": "vendor",
	"pointer": subjects.text(v, "pointer"),
	"date": subjects.vendor_date(v),
	"context": vendor_context(v, {}),
	"matches": all_matches(v),
} if {
	some i, v in object.get(input, "vendors", [])
	has_match(v)
	count(object.get(v, "products", [])) == 0
}

sites contains {
	"key": sprintf("/vendors/%d/products/%d", [i, j]),
	"subject": subjects.vendor(v),
	"kind": product_kind(p),
	"pointer": product_pointer(v, p),
	"date": subjects.vendor_date(v),
	"context": vendor_context(v, p),
	"matches": product_matches(v, p),
} if {
	some i, v in object.get(input, "vendors", [])
	has_match(v)
	some j, p in object.get(v, "products", [])
}

# has_match holds for a record, component or subject with at least one
# match: the others cannot give a finding, and a file of 100,000 records
# (an SBOM of thousands of components) is mostly such records.
has_match(v) if v.matches[_]

has_match(v) if v.parties[_].matches[_]

has_match(v) if v.products[_].matches[_]

product_kind(p) := k if {
	k := products.kind(p)
	k != ""
} else := "vendor"

product_pointer(v, p) := p.pointer if {
	is_string(p.pointer)
	p.pointer != ""
} else := subjects.text(v, "pointer")

# product_matches are the record's matches without other products'
# manufacturers, then the product's own (its name or category naming a
# banned vendor's brand or product: "Kaspersky Endpoint Security licence
# renewal").
product_matches(v, p) := array.concat(
	[m |
		some m in all_matches(object.union(v, {"parties": [q |
			some q in object.get(v, "parties", [])
			own_party(q, p)
		]}))
	],
	[m | some m in object.get(p, "matches", []); is_object(m)],
)

own_party(q, _) if q.role != "manufacturer"

own_party(q, p) if {
	q.role == "manufacturer"
	q.name == p.manufacturer
}

# vendor_context says what was bought and when, for messages.
vendor_context(v, p) := sprintf(" (%s; %s)", [what(p), deal_text(v)])

what(p) := sprintf("%s %q", [product_kind(p), p.name]) if {
	is_string(p.name)
	p.name != ""
} else := "no product named"

deal_text(v) := sprintf("contract of %s", [v.contract.date]) if {
	dates.valid_date(v.contract.date)
} else := sprintf("no contract date, as of %s", [dates.as_of_date])

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
	"email": 5, "website": 5, "domain": 5, "email_domain": 6, "brand": 7,
}

matched_on_rank(m) := matched_on_ranks[m.matched_on] if {
	is_string(m.matched_on)
} else := 8

covered(ob, "vendor") if count(ob.covers) > 0

covered(ob, kind) if kind in ob.covers

# in_force holds when the obligation's first phase has started on the
# site's date (as_of, or a procurement record's contract date).
in_force(ob, date) if ob.phases[0].from <= date

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
	parties.matched_on_text(f.match),
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

# in_force_text lists what is prohibited on date, phase by phase.
in_force_text(ob, date) := concat("; ", [sprintf("%s from %s", [concat(", ", ph.prohibits), ph.from]) |
	some ph in ob.phases
	ph.from <= date
])

message(f, "deny") := sprintf("%s: %s. Prohibited under %s: %s (%s).", [
	sprintf("%s%s", [subjects.label(f.site.subject), f.site.context]), evidence(f), f.obligation.title,
	in_force_text(f.obligation, f.site.date), f.obligation.citation,
])

message(f, "review") := sprintf("%s: possible match, %s. Confirm or waive it; prohibited under %s: %s (%s).%s", [
	sprintf("%s%s", [subjects.label(f.site.subject), f.site.context]), evidence(f), f.obligation.title,
	in_force_text(f.obligation, f.site.date), f.obligation.citation, scope_text(f.obligation),
]) if {
	not strong(f.match)
}

# scope_text is the obligation's scope note as a sentence, "" without one.
scope_text(ob) := sprintf(" %s.", [trim_right(trim_space(ob.scope_note), ".")]) if scope_note(ob)

else := ""

message(f, "review") := sprintf("%s: %s. %s reaches %s only for some uses; confirm the use or waive it. Prohibited: %s (%s).", [
	sprintf("%s%s", [subjects.label(f.site.subject), f.site.context]), evidence(f), f.obligation.title, f.site.kind,
	in_force_text(f.obligation, f.site.date), f.obligation.citation,
]) if {
	strong(f.match)
	not scope_note(f.obligation)
}

# With a scope note, the review says what the obligation covers and what
# to confirm (section 889: equipment and services, not software as such).
message(f, "review") := sprintf("%s: %s. %s: not denied as %s. %s. Prohibited: %s (%s).", [
	sprintf("%s%s", [subjects.label(f.site.subject), f.site.context]), evidence(f), f.obligation.title, f.site.kind,
	trim_right(trim_space(f.obligation.scope_note), "."), in_force_text(f.obligation, f.site.date), f.obligation.citation,
]) if {
	strong(f.match)
	scope_note(f.obligation)
}

scope_note(ob) if {
	is_string(ob.scope_note)
	ob.scope_note != ""
}

message(f, "warn") := sprintf("%s: %s. %s: %s; this does not bar using it (%s).", [
	sprintf("%s%s", [subjects.label(f.site.subject), f.site.context]), evidence(f), f.obligation.title,
	in_force_text(f.obligation, f.site.date), f.obligation.citation,
])

message(f, "pending") := sprintf("%s: %s. The deal's date %s predates %s, in force from %s; since then it prohibits %s: a renewal, update or new order now is a violation (%s).", [
	sprintf("%s%s", [subjects.label(f.site.subject), f.site.context]), evidence(f), f.site.date, f.obligation.title,
	f.obligation.phases[0].from, in_force_text(f.obligation, dates.as_of_date), f.obligation.citation,
]) if {
	dates.reached(f.obligation.phases[0].from)
}

message(f, "pending") := sprintf("%s: %s. %s takes effect on %s: %s (%s).", [
	sprintf("%s%s", [subjects.label(f.site.subject), f.site.context]), evidence(f), f.obligation.title,
	f.obligation.phases[0].from, concat(", ", f.obligation.phases[0].prohibits),
	f.obligation.citation,
]) if {
	not dates.reached(f.obligation.phases[0].from)
}
