# METADATA
# title: Sanctions
# description: >-
#   Decides what a match against a sanctions list (input.lists[id].kind
#   "sanctions": OFAC SDN, OFAC non-SDN, the trade.gov Consolidated Screening
#   List; the UN, EU and UK lists are bangate.rules.asset_freeze's) means, for every party of every component, of the SBOM's subject
#   and of every procurement vendor (vendor, alias, parent, owner,
#   manufacturer, contact) and for identifier matches (domains). A hit
#   (score >= input.screening.match, high or medium confidence, the party's
#   kind agreeing with the entry's type) against a blocking list (ofac-sdn,
#   or a CSL row from source SDN) is denied: a U.S. person may not deal with
#   a blocked person. A possible match, a weak signal, a person matched to
#   an entity (or the reverse) and a minority owner go to review. A name
#   match with nothing to corroborate it (a person's name matched to an
#   individual, a contributor's name, one word standing for a listed name:
#   bangate.lib.parties.weak_name) never denies: it goes to review when a
#   person should look at it (parties.reviewable), else it is dropped
#   (OFAC FAQ 5; data.bangate.sanctions.name_only). Non-SDN
#   lists mean what their program restricts (data.bangate.sanctions.non_sdn).
#   One finding per subject and entry, resting on the strongest match.
#   Applies while the profile names obligation ofac-sdn.
package bangate.rules.sanctions

import data.bangate.lib.lists
import data.bangate.lib.parties
import data.bangate.lib.rank
import data.bangate.lib.subjects

# METADATA
# title: Blocked person (OFAC SDN)
# description: >-
#   A party is, by name or identifier, a person on the SDN list: its
#   property is blocked and U.S. persons may not deal with it.
# custom:
#   id: ofac-sdn-blocked
#   severity: critical
deny contains v if {
	some c in chosen
	c.how == "blocked"
	meta := rego.metadata.rule()
	v := sdn_violation(c, meta)
}

# METADATA
# title: Possible blocked person (OFAC SDN)
# description: >-
#   A possible SDN match (a score between the review and match thresholds,
#   a weak signal such as a copyright holder, a person's name matched to an
#   entity or an organisation's to an individual), or a designated person
#   holding a stake below the 50 Percent Rule: a person must clear it.
# custom:
#   id: ofac-sdn-possible
#   severity: high
review contains v if {
	some c in chosen
	c.how in {"possible", "kind-mismatch", "minority", "name-only"}
	meta := rego.metadata.rule()
	v := sdn_violation(c, meta)
}

# Non-SDN lists: the rule id, severity and effect come from
# data.bangate.sanctions.non_sdn.
deny contains non_sdn_violation(c) if {
	some c in chosen
	c.how == "non-sdn"
	c.effect == "deny"
}

review contains non_sdn_violation(c) if {
	some c in chosen
	c.how == "non-sdn"
	c.effect == "review"
}

warn contains non_sdn_violation(c) if {
	some c in chosen
	c.how == "non-sdn"
	c.effect == "warn"
}

# errors: sanctions matches cannot be decided without the thresholds.
errors contains {"code": "screening-invalid", "message": "input.screening.match and input.screening.review must be numbers to decide sanctions matches"} if {
	count(candidates) > 0
	not valid_thresholds
}

valid_thresholds if {
	is_number(input.screening.match)
	is_number(input.screening.review)
}

# --- what each match means -------------------------------------------------------

# sanctions_list holds for a list the input describes as a sanctions list,
# other than the UN, EU and UK lists (bangate.rules.asset_freeze).
sanctions_list(id) if {
	input.lists[id].kind == "sanctions"
	not data.bangate.sanctions.regimes[id]
}

# blocking holds for a match against a list of blocked persons.
blocking(m) if startswith(m.list, "ofac-sdn")

blocking(m) if "source:SDN" in programs(m)

programs(m) := [p | some p in m.programs; is_string(p)] if is_array(m.programs)

else := []

# hit holds for a name or identifier match at or above the match threshold.
hit(m) if {
	is_number(m.score)
	m.score >= input.screening.match
}

strong(m) if m.confidence in {"high", "medium"}

# kind_mismatch: a person matched to an entity, vessel or aircraft entry,
# or an organisation matched to an individual.
kind_mismatch(f) if {
	f.party_kind == "person"
	f.match.entry_type in {"entity", "vessel", "aircraft"}
}

kind_mismatch(f) if {
	f.party_kind == "organization"
	f.match.entry_type == "individual"
}

# owner_blocked_vendor: an owner's match on a vendor that the 50 Percent
# Rule already blocks is reported by bangate.rules.procurement.
owner_blocked_vendor(f) if {
	f.site == "vendor"
	f.role == "owner"
	input.vendors[f.vendor].ownership.blocked == true
}

# how is what a match is: blocked, kind-mismatch, minority, possible
# (blocking lists) or non-sdn.
how(f) := "non-sdn" if {
	not blocking(f.match)
} else := "name-only" if {
	parties.weak_name(f)
} else := "kind-mismatch" if {
	kind_mismatch(f)
} else := "possible" if {
	not hit(f.match)
} else := "possible" if {
	not strong(f.match)
} else := "minority" if {
	f.site == "vendor"
	f.role == "owner"
} else := "blocked"

# dropped holds for a weak name match no one need look at (below the
# name-only threshold, part of the listed name missing, or contradicted by
# the party's own contact).
dropped(f) if {
	parties.weak_name(f)
	not parties.reviewable(f)
}

# use is the kind of dealing: procurement for a vendor, else software.
use(f) := "procurement" if f.site == "vendor"

else := "software"

# program_key is the non_sdn entry that decides a non-SDN match: the
# strictest of its programs (then the first listed); "unknown" when the
# bundle knows none of them.
program_key(m) := k if {
	keys := [[effect_rank[data.bangate.sanctions.non_sdn[k].effect.software], i, k] |
		some i, p in programs(m)
		k := non_sdn_key(p)
	]
	count(keys) > 0
	k := sort(keys)[0][2]
} else := "unknown"

non_sdn_key(p) := data.bangate.sanctions.csl_sources[substring(p, 7, -1)] if {
	startswith(p, "source:")
} else := p if {
	data.bangate.sanctions.non_sdn[p]
} else := "FSE" if {
	startswith(p, "FSE")
}

effect_rank := {"deny": 0, "review": 1, "warn": 2}

how_rank := {"blocked": 0, "non-sdn": 1, "minority": 2, "kind-mismatch": 3, "possible": 4, "name-only": 5}

confidence_ranks := {"high": 0, "medium": 1, "low": 2}

confidence_rank(m) := r if {
	r := confidence_ranks[m.confidence]
} else := 3

# effect of a non-SDN match: the program's effect for this use, or its
# effect for an obligation the profile applies; a match below the match
# threshold never denies.
non_sdn_effect(f, k) := "review" if {
	program_effect(k, use(f)) == "deny"
	not hit(f.match)
} else := "review" if {
	program_effect(k, use(f)) == "deny"
	parties.weak_name(f)
} else := program_effect(k, use(f))

program_effect(k, u) := e if {
	byob := data.bangate.sanctions.non_sdn[k].effect_by_obligation
	obs := [ob | some ob, _ in byob; lists.applies_id(ob)]
	count(obs) > 0
	e := byob[sort(obs)[0]][u]
} else := data.bangate.sanctions.non_sdn[k].effect[u]

# candidates are every sanctions-list match with what it is.
candidates contains object.union(f, {"how": h, "key": [f.subject.ref, f.site, f.match.list, entry_id(f.match)], "program": k, "effect": e}) if {
	lists.applies_id("ofac-sdn")
	some f in parties.found
	sanctions_list(f.match.list)
	not owner_blocked_vendor(f)
	not dropped(f)
	h := how(f)
	k := program_key(f.match)
	e := non_sdn_effect(f, k)
}

entry_id(m) := m.entry_id if is_string(m.entry_id)

else := ""

# chosen is one candidate per (subject, list, entry), the strongest;
# a non-SDN finding is dropped when the same subject has a blocking
# candidate for the same entry (OFAC lists an SSI entity on both).
chosen contains c if {
	some c in ranked
	not shadowed(c)
}

ranked := rank.firsts([[c.key, how_rank[c.how], confidence_rank(c.match), 0 - score(c.match), c.pointer, c.role, c] | some c in candidates])

shadowed(c) if {
	c.how == "non-sdn"
	[c.key[0], c.key[3]] in blocking_keys
}

# blocking_keys are the (subject, entry id) pairs with a blocking-list
# candidate.
blocking_keys contains [c.key[0], c.key[3]] if {
	some c in candidates
	c.how != "non-sdn"
}

score(m) := m.score if is_number(m.score)

else := 0

# --- violations ------------------------------------------------------------------

sdn_violation(c, meta) := {
	"rule": meta.custom.id,
	"severity": meta.custom.severity,
	"title": meta.title,
	"message": sdn_message(c),
	"subject": c.subject,
	"pointer": c.pointer,
	"match": c.match,
	"authority": {
		"citation": citation(c.match),
		"url": entry_url(c.match),
		"obligation": "ofac-sdn",
	},
}

non_sdn_violation(c) := {
	"rule": p.rule,
	"severity": p.severity,
	"title": sprintf("%s: %s", [p.list, c.effect]),
	"message": sprintf("%s: %s matches %q on %s (programs %s). This listing is %s.", [
		subjects.label(c.subject), evidence(c), subjects.text(c.match, "entry_name"), p.list,
		program_text(c.match), p.meaning,
	]),
	"subject": c.subject,
	"pointer": c.pointer,
	"match": c.match,
	"authority": {"citation": p.citation, "url": p.url, "obligation": "ofac-sdn"},
} if {
	p := data.bangate.sanctions.non_sdn[c.program]
}

# evidence says which field matched, how and how well.
evidence(c) := sprintf("%s %q (%s match on %s, score %v, %s confidence)", [
	role(c), c.name, subjects.text(c.match, "method"), parties.matched_on_text(c.match),
	score(c.match), confidence(c.match),
])

role(c) := c.role if c.role != ""

else := "party"

confidence(m) := m.confidence if is_string(m.confidence)

else := "unknown"

program_text(m) := concat(", ", programs(m)) if count(programs(m)) > 0

else := "none given"

entry_label(m) := sprintf("SDN entry %s %q (%s)", [entry_id(m), subjects.text(m, "entry_name"), entry_type(m)])

entry_type(m) := m.entry_type if {
	is_string(m.entry_type)
	m.entry_type != ""
} else := "type not given"

sdn_message(c) := sprintf("%s: %s matches %s, programs %s. U.S. persons may not deal with a blocked person or in its property or interests in property (%s).", [
	subjects.label(c.subject), evidence(c), entry_label(c.match), program_text(c.match), citation(c.match),
]) if c.how == "blocked"

sdn_message(c) := sprintf("%s: possible match, %s to %s, programs %s. Confirm it is not the listed person (date of birth, nationality, identifiers) or waive it; a blocked person's property may not be dealt in (%s).", [
	subjects.label(c.subject), evidence(c), entry_label(c.match), program_text(c.match), citation(c.match),
]) if c.how == "possible"

sdn_message(c) := sprintf("%s: %s matches %s, programs %s; %s, or waive it; a blocked person's property may not be dealt in (%s).", [
	subjects.label(c.subject), evidence(c), entry_label(c.match), program_text(c.match), parties.name_only_text(c),
	citation(c.match),
]) if c.how == "name-only"

sdn_message(c) := sprintf("%s: %s matches %s, but a %s name matched an entry of type %s: confirm who it is or waive it (%s).", [
	subjects.label(c.subject), evidence(c), entry_label(c.match), c.party_kind,
	entry_type(c.match), citation(c.match),
]) if c.how == "kind-mismatch"

sdn_message(c) := sprintf("%s: owner %q matches %s, programs %s. On the ownership given the record is not blocked by the 50 Percent Rule, but OFAC urges caution with entities in which blocked persons hold significant minority interests (OFAC FAQ 398): review the ownership (%s).", [
	subjects.label(c.subject), c.name, entry_label(c.match), program_text(c.match), citation(c.match),
]) if c.how == "minority"

# citation names 31 CFR chapter V and, per program, the executive order
# and the part of the regulations.
citation(m) := concat("; ", array.concat(["31 CFR chapter V"], [order_text(p) |
	some p in programs(m)
	not startswith(p, "source:")
]))

order_text(p) := sprintf("%s, %s (%s)", [o.order, o.part, p]) if {
	o := data.bangate.sanctions.orders[p]
} else := sprintf("program %s", [p])

# entry_url is OFAC's Sanctions List Search page of the entry.
entry_url(m) := sprintf("https://sanctionssearch.ofac.treas.gov/Details.aspx?id=%s", [m.entry_id]) if {
	is_string(m.entry_id)
	regex.match(`^[0-9]+$`, m.entry_id)
} else := "https://sanctionssearch.ofac.treas.gov/"
