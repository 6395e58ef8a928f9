# METADATA
# title: Ban lists and profiles
# description: >-
#   The only place the data paths of the bundle are spelled: ban lists at
#   data.bangate.lists.<id>, profiles at data.bangate.profiles. Also checks
#   that data, so a malformed list or profile stops the check instead of
#   silently matching less.
package bangate.lib.lists

import data.bangate.lib.dates

# kinds are the kinds of thing an obligation can cover.
kinds := {"software", "equipment", "services"}

# effects are what an obligation in force does with a strong match.
effects := {"deny", "review", "warn"}

# severities are the severities a violation may carry.
severities := {"critical", "high", "medium", "low", "info"}

# rule_id_pattern is the shape of a stable rule id (kebab-case).
rule_id_pattern := `^[a-z0-9]+(-[a-z0-9]+)*$`

# ban_lists maps a list id to every data document under data.bangate.lists
# whose kind is "ban".
ban_lists[id] := list if {
	some id, list in data.bangate.lists
	is_object(list)
	list.kind == "ban"
}

# entry is the entry entry_id of the ban list list_id.
entry(list_id, entry_id) := ban_lists[list_id].entries[entry_id]

# profile is the profile input.profile names.
profile := data.bangate.profiles[input.profile]

# profile_obligations is the set of obligation ids the profile applies.
profile_obligations contains id if {
	some id in profile.obligations
}

# applies holds when the obligation is one the profile applies.
applies(obligation) if obligation.id in profile_obligations

# applies_id holds when the profile applies the obligation with this id.
applies_id(id) if id in profile_obligations

# rule_obligations are the obligation ids that rule sets define themselves
# rather than ban-list entries: OFAC sanctions (ofac-sdn: the SDN and
# non-SDN lists, the 50 Percent Rule; ofac-embargo: comprehensively
# sanctioned countries and regions), and the asset freezes of the UN, the
# EU and the UK (bangate.rules.asset_freeze). OFAC binds every U.S. person,
# so every shipped U.S. profile names both OFAC obligations.
rule_obligations := {"ofac-sdn", "ofac-embargo", "un-sc", "eu-sanctions", "uk-sanctions"}

# obligation_ids is every obligation id defined by some ban-list entry or
# by a rule set.
obligation_ids contains id if some id in rule_obligations

obligation_ids contains ob.id if {
	some list in ban_lists
	some ent in list.entries
	some ob in ent.obligations
}

# obligations is every obligation with where it is defined, for checks.
obligations contains [list_id, entry_id, ob] if {
	some list_id, list in ban_lists
	some entry_id, ent in list.entries
	some ob in ent.obligations
}

# errors reports a missing or unknown profile and every defect of the list
# and profile data that would make a rule match less than it should.
errors contains {"code": "profile-missing", "message": "input.profile is missing"} if {
	not input.profile
}

errors contains {"code": "profile-unknown", "message": sprintf("profile %q is not defined in data.bangate.profiles", [input.profile])} if {
	input.profile
	not data.bangate.profiles[input.profile]
}

# errors also holds every defect of the list and profile data.
errors contains e if some e in data_errors

# data_errors are the defects of the list and profile data: they depend on
# the data alone, never on the input, so the engine computes them once per
# compiled bundle (see internal/policy) instead of on every evaluation.
data_errors contains {"code": "profile-invalid", "message": sprintf("profile %q: obligations must be a list of obligation ids", [name])} if {
	some name, p in data.bangate.profiles
	not valid_profile(p)
}

data_errors contains {"code": "profile-invalid", "message": sprintf("profile %q: obligation %q is defined by no ban-list entry", [name, id])} if {
	some name, p in data.bangate.profiles
	valid_profile(p)
	some id in p.obligations
	not id in obligation_ids
}

data_errors contains {"code": "list-invalid", "message": sprintf("ban list %q: entries must be an object of entry id to entry", [id])} if {
	some id, list in ban_lists
	not is_object(list.entries)
}

data_errors contains {"code": "list-invalid", "message": sprintf("ban list %q entry %q: %s", [list_id, entry_id, reason])} if {
	some list_id, list in ban_lists
	some entry_id, ent in list.entries
	some reason in entry_defects(ent)
}

data_errors contains {"code": "list-invalid", "message": sprintf("ban list %q entry %q obligation %q: %s", [list_id, entry_id, object.get(ob, "id", "?"), reason])} if {
	some [list_id, entry_id, ob] in obligations
	some reason in obligation_defects(ob)
}

valid_profile(p) if {
	is_object(p)
	is_array(p.obligations)
	every id in p.obligations {
		is_string(id)
	}
}

entry_defects(ent) := {reason |
	some check, reason in {
		"name": "name must be a non-empty string",
		"obligations": "obligations must be a non-empty list",
	}
	not entry_ok(ent, check)
}

entry_ok(ent, "name") if non_empty_string(ent.name)

entry_ok(ent, "obligations") if {
	is_array(ent.obligations)
	count(ent.obligations) > 0
}

obligation_defects(ob) := {reason |
	some check, reason in {
		"id": "id must be a non-empty string",
		"rule": "rule must be a kebab-case rule id",
		"title": "title must be a non-empty string",
		"severity": "severity must be one of critical, high, medium, low, info",
		"covers": "covers must be a non-empty list of software, equipment, services",
		"effect": "effect must be deny, review or warn",
		"effect_by_kind": "effect_by_kind must map a covered kind to deny, review or warn",
		"scope_note": "scope_note must be a non-empty string when given",
		"phases": "phases must be a non-empty list of {from: YYYY-MM-DD, prohibits: [...]} in date order",
		"citation": "citation must be a non-empty string",
		"url": "url must be an https URL",
	}
	not obligation_ok(ob, check)
}

obligation_ok(ob, "id") if non_empty_string(ob.id)

obligation_ok(ob, "rule") if {
	is_string(ob.rule)
	regex.match(rule_id_pattern, ob.rule)
}

obligation_ok(ob, "title") if non_empty_string(ob.title)

obligation_ok(ob, "severity") if ob.severity in severities

obligation_ok(ob, "covers") if {
	is_array(ob.covers)
	count(ob.covers) > 0
	every k in ob.covers {
		k in kinds
	}
}

obligation_ok(ob, "effect") if not "effect" in object.keys(ob)

obligation_ok(ob, "effect") if ob.effect in effects

obligation_ok(ob, "effect_by_kind") if not "effect_by_kind" in object.keys(ob)

obligation_ok(ob, "effect_by_kind") if {
	is_object(ob.effect_by_kind)
	every k, e in ob.effect_by_kind {
		k in kinds
		e in effects
	}
}

obligation_ok(ob, "scope_note") if not "scope_note" in object.keys(ob)

obligation_ok(ob, "scope_note") if non_empty_string(ob.scope_note)

obligation_ok(ob, "phases") if {
	is_array(ob.phases)
	count(ob.phases) > 0
	every i, ph in ob.phases {
		valid_phase(ph)
		phase_in_order(ob.phases, i)
	}
}

obligation_ok(ob, "citation") if non_empty_string(ob.citation)

obligation_ok(ob, "url") if {
	is_string(ob.url)
	startswith(ob.url, "https://")
}

valid_phase(ph) if {
	is_object(ph)
	dates.valid_date(ph.from)
	is_array(ph.prohibits)
	count(ph.prohibits) > 0
}

phase_in_order(_, 0)

phase_in_order(phases, i) if {
	i > 0
	phases[i - 1].from < phases[i].from
}

non_empty_string(s) if {
	is_string(s)
	s != ""
}
