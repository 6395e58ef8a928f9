# METADATA
# title: Asset freezes (UN, EU, UK)
# description: >-
#   Decides what a match against the UN Security Council, EU or UK
#   consolidated sanctions lists means (the lists of
#   data.bangate.sanctions.regimes), for every party of every component,
#   of the SBOM's subject and of every procurement vendor, and for
#   identifier matches. Each list applies while the profile names its
#   obligation (un-sc, eu-sanctions, uk-sanctions). A hit (score >=
#   input.screening.match, high or medium confidence, the party's kind
#   agreeing with the entry's type) on a listed person is denied: its assets
#   are frozen and nothing may be made available to it. A possible match, a
#   weak signal, a kind mismatch, a vendor's owner, and a UK listing whose
#   measures include no asset freeze go to review. One finding per subject
#   and entry, resting on the strongest match. A profile that requires its
#   lists (require_lists) cannot be checked without them: a missing list is
#   an error; other profiles get a warning.
package bangate.rules.asset_freeze

import data.bangate.lib.lists
import data.bangate.lib.parties
import data.bangate.lib.rank
import data.bangate.lib.subjects

regimes := data.bangate.sanctions.regimes

# METADATA
# title: Listed person (asset freeze)
# description: >-
#   A party is, by name or identifier, a person on a UN, EU or UK
#   asset-freeze list: dealing with it or making funds available to it is
#   prohibited. The rule id names the list (un-sc-asset-freeze,
#   eu-asset-freeze, uk-asset-freeze).
deny contains violation(c, regimes[c.match.list].rule, "critical") if {
	some c in chosen
	c.how == "frozen"
}

# METADATA
# title: Possible listed person (asset freeze)
# description: >-
#   A possible match on a UN, EU or UK list (a score between the review and
#   match thresholds, a weak signal, a person's name matched to an entity or
#   the reverse), a listed owner of a vendor (asset freezes reach what a
#   listed person owns or controls), or a UK designation without an asset
#   freeze: a person must clear it.
review contains violation(c, regimes[c.match.list].possible_rule, "high") if {
	some c in chosen
	c.how != "frozen"
}

# METADATA
# title: Sanctions list not loaded
# description: >-
#   The profile applies a UN, EU or UK obligation whose list is not loaded
#   (run "bangate data update"): parties were not screened against it.
# custom:
#   id: asset-freeze-list-missing
#   severity: medium
warn contains v if {
	some ob in missing
	not lists.profile.require_lists == true
	meta := rego.metadata.rule()
	v := {
		"rule": meta.custom.id,
		"severity": meta.custom.severity,
		"title": meta.title,
		"message": missing_message(ob),
		"subject": subjects.document,
		"pointer": "",
	}
}

# errors: a profile that requires its lists cannot be checked without them,
# and matches cannot be decided without the thresholds.
errors contains {"code": "list-missing", "message": missing_message(ob)} if {
	some ob in missing
	lists.profile.require_lists == true
}

errors contains {"code": "screening-invalid", "message": "input.screening.match and input.screening.review must be numbers to decide sanctions matches"} if {
	count(candidates) > 0
	not valid_thresholds
}

valid_thresholds if {
	is_number(input.screening.match)
	is_number(input.screening.review)
}

# --- which lists apply ------------------------------------------------------------

# obligations are the obligation ids of the regimes the profile applies.
obligations contains r.obligation if {
	some r in regimes
	lists.applies_id(r.obligation)
}

# loaded holds for an obligation with some list of it in input.lists.
loaded(ob) if {
	some id, r in regimes
	r.obligation == ob
	input.lists[id].kind == "sanctions"
}

missing contains ob if {
	some ob in obligations
	not loaded(ob)
}

missing_message(ob) := sprintf("profile %q applies obligation %s, but none of its lists (%s) is loaded: run \"bangate data update\" (or \"bangate data import\" offline)", [
	input.profile, ob, concat(", ", sort([id | some id, r in regimes; r.obligation == ob])),
])

# applies holds for a list of a regime whose obligation the profile applies.
applies(id) if lists.applies_id(regimes[id].obligation)

# --- what each match means -------------------------------------------------------

programs(m) := [p | some p in m.programs; is_string(p)] if is_array(m.programs)

else := []

hit(m) if {
	is_number(m.score)
	m.score >= input.screening.match
}

strong(m) if m.confidence in {"high", "medium"}

kind_mismatch(f) if {
	f.party_kind == "person"
	f.match.entry_type in {"entity", "vessel", "aircraft"}
}

kind_mismatch(f) if {
	f.party_kind == "organization"
	f.match.entry_type == "individual"
}

# no_freeze holds for an entry of a list that states measures, none of
# which is an asset freeze.
no_freeze(m) if {
	regimes[m.list].measures == true
	some p in programs(m)
	startswith(p, "measure:")
	not "measure:Asset freeze" in programs(m)
}

# how is what a match is: kind-mismatch, possible, owner, restricted or
# frozen.
how(f) := "name-only" if {
	parties.weak_name(f)
} else := "kind-mismatch" if {
	kind_mismatch(f)
} else := "possible" if {
	not hit(f.match)
} else := "possible" if {
	not strong(f.match)
} else := "owner" if {
	f.site == "vendor"
	f.role == "owner"
} else := "restricted" if {
	no_freeze(f.match)
} else := "frozen"

how_rank := {"frozen": 0, "restricted": 1, "owner": 2, "kind-mismatch": 3, "possible": 4, "name-only": 5}

confidence_ranks := {"high": 0, "medium": 1, "low": 2}

confidence_rank(m) := r if {
	r := confidence_ranks[m.confidence]
} else := 3

score(m) := m.score if is_number(m.score)

else := 0

entry_id(m) := m.entry_id if is_string(m.entry_id)

else := ""

# candidates are every match on an applied list with what it is.
candidates contains object.union(f, {"how": how(f), "key": [f.subject.ref, f.site, f.match.list, entry_id(f.match)]}) if {
	some f in parties.found
	input.lists[f.match.list].kind == "sanctions"
	applies(f.match.list)
	not dropped(f)
}

# dropped holds for a weak name match no one need look at (see
# bangate.lib.parties.weak_name and reviewable).
dropped(f) if {
	parties.weak_name(f)
	not parties.reviewable(f)
}

# chosen is one candidate per (subject, list, entry), the strongest.
chosen := rank.firsts([[c.key, how_rank[c.how], confidence_rank(c.match), 0 - score(c.match), c.pointer, c.role, c] | some c in candidates])

# --- violations ------------------------------------------------------------------

violation(c, rule, severity) := {
	"rule": rule,
	"severity": severity,
	"title": sprintf("%s: %s", [r.list, title[c.how]]),
	"message": message(c),
	"subject": c.subject,
	"pointer": c.pointer,
	"match": c.match,
	"authority": {"citation": citation(c.match), "url": r.url, "obligation": r.obligation},
} if {
	r := regimes[c.match.list]
}

title := {
	"frozen": "listed person",
	"restricted": "designated, no asset freeze",
	"owner": "listed owner",
	"kind-mismatch": "possible listed person",
	"possible": "possible listed person",
	"name-only": "possible listed person, name only",
}

# evidence says which field matched, how and how well.
evidence(c) := sprintf("%s %q (%s match on %s, score %v, %s confidence)", [
	role(c), c.name, subjects.text(c.match, "method"), subjects.text(c.match, "matched_on"),
	score(c.match), confidence(c.match),
])

role(c) := c.role if c.role != ""

else := "party"

confidence(m) := m.confidence if is_string(m.confidence)

else := "unknown"

entry_label(m) := sprintf("%s entry %s %q (%s)", [regimes[m.list].list, entry_id(m), subjects.text(m, "entry_name"), entry_type(m)])

entry_type(m) := m.entry_type if {
	is_string(m.entry_type)
	m.entry_type != ""
} else := "type not given"

program_text(m) := concat(", ", programs(m)) if count(programs(m)) > 0

else := "none given"

message(c) := sprintf("%s: %s matches %s, regime %s. Its assets are frozen: %s (%s).", [
	subjects.label(c.subject), evidence(c), entry_label(c.match), program_text(c.match),
	regimes[c.match.list].freeze, citation(c.match),
]) if c.how == "frozen"

message(c) := sprintf("%s: possible match, %s to %s, regime %s. Confirm it is not the listed person (date of birth, nationality, identifiers) or waive it; a listed person's assets are frozen (%s).", [
	subjects.label(c.subject), evidence(c), entry_label(c.match), program_text(c.match), citation(c.match),
]) if c.how == "possible"

message(c) := sprintf("%s: %s matches %s, regime %s; %s, or waive it; a listed person's assets are frozen (%s).", [
	subjects.label(c.subject), evidence(c), entry_label(c.match), program_text(c.match), parties.name_only_text(c),
	citation(c.match),
]) if c.how == "name-only"

message(c) := sprintf("%s: %s matches %s, but a %s name matched an entry of type %s: confirm who it is or waive it (%s).", [
	subjects.label(c.subject), evidence(c), entry_label(c.match), c.party_kind, entry_type(c.match), citation(c.match),
]) if c.how == "kind-mismatch"

message(c) := sprintf("%s: owner %q matches %s, regime %s. An asset freeze reaches what a listed person owns or controls: review the ownership and control of the record (%s).", [
	subjects.label(c.subject), c.name, entry_label(c.match), program_text(c.match), citation(c.match),
]) if c.how == "owner"

message(c) := sprintf("%s: %s matches %s, designated with measures %s but no asset freeze: check whether the dealing falls under those measures (%s).", [
	subjects.label(c.subject), evidence(c), entry_label(c.match), program_text(c.match), citation(c.match),
]) if c.how == "restricted"

# citation names the list's legal basis and the entry's regime: the
# instrument the regime table gives for a program tag, else the tag itself.
citation(m) := concat("; ", array.concat([regimes[m.list].citation], regime_texts(m)))

regime_texts(m) := [t |
	some p in programs(m)
	not startswith(p, "measure:")
	t := regime_text(m.list, p)
]

regime_text(list, p) := regimes[list].programs[p]

regime_text(list, p) := trim_prefix(p, "regulation:") if {
	not regimes[list].programs[p]
	startswith(p, "regulation:")
}

regime_text(list, p) := sprintf("regime %s", [p]) if {
	not regimes[list].programs[p]
	not startswith(p, "regulation:")
}
