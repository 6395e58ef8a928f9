package bangate.lib.lists_test

import data.bangate.lib.lists

# --- the shipped data --------------------------------------------------------

test_shipped_data_has_no_defects if {
	count(lists.errors) == 0 with input as {"profile": "all"}
}

# shipped are the ban lists of the built-in bundle. The tests below look at
# them only, so that `bangate policy test DIR` still passes when a user's
# directory adds lists of its own.
shipped := {"kaspersky", "ndaa889", "fcc-covered"}

test_shipped_ban_lists if {
	shipped - object.keys(lists.ban_lists) == set()
}

test_shipped_profiles if {
	object.keys(data.bangate.profiles) == {"us-person", "federal-contractor", "telecom-carrier", "exporter", "eu-person", "uk-person", "all"}
}

test_profiles_include_us_person if {
	base := {id | some id in data.bangate.profiles["us-person"].obligations}
	every name in ["federal-contractor", "telecom-carrier", "exporter", "all"] {
		ids := {id | some id in data.bangate.profiles[name].obligations}
		count(base - ids) == 0
	}
}

test_profile_all_has_every_obligation if {
	all := {id | some id in data.bangate.profiles.all.obligations}
	builtin := {x[2].id | some x in lists.obligations; x[0] in shipped}
	builtin - all == set()
	{id | some id in lists.rule_obligations} - all == set()
}

test_federal_contractor_obligations if {
	lists.profile_obligations == {"icts-kaspersky", "far-52.204-23", "far-52.204-25", "ofac-sdn", "ofac-embargo"} with input as {"profile": "federal-contractor"}
}

# OFAC binds every U.S. person: every shipped U.S. profile applies the
# sanctions obligations.
test_every_us_profile_applies_ofac if {
	every name in ["us-person", "federal-contractor", "telecom-carrier", "exporter", "all"] {
		lists.applies_id("ofac-sdn") with input as {"profile": name}
		lists.applies_id("ofac-embargo") with input as {"profile": name}
	}
}

# The EU and UK profiles apply their own asset freezes and the UN list, not
# OFAC's, and need their lists loaded.
test_eu_and_uk_profiles if {
	lists.profile_obligations == {"eu-sanctions", "un-sc"} with input as {"profile": "eu-person"}
	lists.profile_obligations == {"uk-sanctions", "un-sc"} with input as {"profile": "uk-person"}
	every name in ["eu-person", "uk-person"] {
		not lists.applies_id("ofac-sdn") with input as {"profile": name}
		data.bangate.profiles[name].require_lists == true
	}
	not data.bangate.profiles.all.require_lists
}

test_rule_obligations_need_no_list_entry if {
	lists.errors == set() with input as {"profile": "p"}
		with data.bangate.profiles as {"p": {"obligations": ["ofac-sdn", "ofac-embargo"]}}
	not lists.applies_id("ofac-sdn") with input as {"profile": "p"}
		with data.bangate.profiles as {"p": {"obligations": ["icts-kaspersky"]}}
}

test_rule_id_serves_one_obligation if {
	# A violation's rule id names one obligation, so waivers by rule are
	# unambiguous.
	pairs := {[x[2].rule, x[2].id] | some x in lists.obligations; x[0] in shipped}
	count({p[0] | some p in pairs}) == count(pairs)
	{p[0] | some p in pairs} == {
		"kaspersky-icts-2024", "kaspersky-far-52-204-23", "kaspersky-entity-list-2024",
		"ndaa889-far-52-204-25", "fcc-covered-list",
	}
}

test_identifiers_are_normalised if {
	every list in lists.ban_lists {
		every ent in list.entries {
			every d in object.get(ent, "domains", []) {
				d == lower(d)
				not startswith(d, "www.")
				not contains(d, "/")
			}
			every b in object.get(ent, "brands", []) {
				b == lower(b)
				not contains(b, " ")
			}
			every c in object.get(ent, "cpe_vendors", []) {
				regex.match(`^[a-z0-9_\-]+$`, c)
			}
			every p in object.get(ent, "purl_namespaces", []) {
				regex.match(`^[a-z]+:[^:]+$`, p)
				p == lower(p)
			}
		}
	}
}

# Brand words match inside organisation names, so none may be a common word.
test_no_common_word_brands if {
	common := {"honor", "china", "mobile", "telecom", "technology", "digital", "communications", "security", "lab", "group", "autel"}
	every list in lists.ban_lists {
		every ent in list.entries {
			every b in object.get(ent, "brands", []) {
				not b in common
			}
		}
	}
}

test_statutory_names if {
	lists.entry("ndaa889", "huawei").name == "Huawei Technologies Company"
	lists.entry("ndaa889", "zte").name == "ZTE Corporation"
	lists.entry("ndaa889", "hytera").name == "Hytera Communications Corporation"
	lists.entry("ndaa889", "hikvision").name == "Hangzhou Hikvision Digital Technology Company"
	lists.entry("ndaa889", "dahua").name == "Dahua Technology Company"
	lists.entry("kaspersky", "kaspersky-lab").name == "Kaspersky Lab, Inc."
}

# --- applies and profiles -----------------------------------------------------

test_applies_follows_profile if {
	lists.applies({"id": "icts-kaspersky"}) with input as {"profile": "us-person"}
	not lists.applies({"id": "far-52.204-25"}) with input as {"profile": "us-person"}
}

test_profile_errors if {
	lists.errors == {{"code": "profile-missing", "message": "input.profile is missing"}} with input as {}
	lists.errors == {{"code": "profile-unknown", "message": "profile \"x\" is not defined in data.bangate.profiles"}} with input as {"profile": "x"}
}

test_profile_with_undefined_obligation if {
	lists.errors == {{"code": "profile-invalid", "message": "profile \"p\": obligation \"gdpr\" is defined by no ban-list entry"}} with input as {"profile": "p"}
		with data.bangate.profiles as {"p": {"obligations": ["icts-kaspersky", "gdpr"]}}
}

test_profile_malformed if {
	lists.errors == {{"code": "profile-invalid", "message": "profile \"p\": obligations must be a list of obligation ids"}} with input as {"profile": "p"}
		with data.bangate.profiles as {"p": {"obligations": "icts-kaspersky"}}
}

# --- defects of list data -----------------------------------------------------

good_obligation := {
	"id": "x", "rule": "x-rule", "title": "X", "severity": "high", "covers": ["software"],
	"phases": [{"from": "2020-01-01", "prohibits": ["use"]}, {"from": "2021-01-01", "prohibits": ["more"]}],
	"citation": "X 1", "url": "https://example.com/x",
}

test_good_obligation_no_defects if {
	lists.obligation_defects(good_obligation) == set()
	lists.obligation_defects(object.union(good_obligation, {"effect": "warn", "effect_by_kind": {"software": "review"}})) == set()
}

test_obligation_defects if {
	lists.obligation_defects(object.union(good_obligation, {"rule": "X Rule"})) == {"rule must be a kebab-case rule id"}
	lists.obligation_defects(object.union(good_obligation, {"severity": "severe"})) == {"severity must be one of critical, high, medium, low, info"}
	lists.obligation_defects(object.union(good_obligation, {"covers": ["firmware"]})) == {"covers must be a non-empty list of software, equipment, services"}
	lists.obligation_defects(object.union(good_obligation, {"effect": "block"})) == {"effect must be deny, review or warn"}
	lists.obligation_defects(object.union(good_obligation, {"effect_by_kind": {"device": "review"}})) == {"effect_by_kind must map a covered kind to deny, review or warn"}
	lists.obligation_defects(object.union(good_obligation, {"url": "http://example.com"})) == {"url must be an https URL"}
	lists.obligation_defects(object.remove(good_obligation, ["citation"])) == {"citation must be a non-empty string"}
}

test_phase_defects if {
	reason := "phases must be a non-empty list of {from: YYYY-MM-DD, prohibits: [...]} in date order"
	lists.obligation_defects(object.union(good_obligation, {"phases": []})) == {reason}
	lists.obligation_defects(object.union(good_obligation, {"phases": [{"from": "2020-1-1", "prohibits": ["use"]}]})) == {reason}
	lists.obligation_defects(object.union(good_obligation, {"phases": [{"from": "2020-01-01", "prohibits": []}]})) == {reason}
	out_of_order := [{"from": "2021-01-01", "prohibits": ["a"]}, {"from": "2020-01-01", "prohibits": ["b"]}]
	lists.obligation_defects(object.union(good_obligation, {"phases": out_of_order})) == {reason}
}

test_list_errors_name_the_place if {
	bad := {"kind": "ban", "entries": {"e1": {"name": "E", "obligations": [object.union(good_obligation, {"severity": 3})]}, "e2": {"obligations": []}}}
	errs := lists.errors with input as {"profile": "all"} with data.bangate.lists.bad as bad
	errs == {
		{"code": "list-invalid", "message": "ban list \"bad\" entry \"e1\" obligation \"x\": severity must be one of critical, high, medium, low, info"},
		{"code": "list-invalid", "message": "ban list \"bad\" entry \"e2\": name must be a non-empty string"},
		{"code": "list-invalid", "message": "ban list \"bad\" entry \"e2\": obligations must be a non-empty list"},
	}
}

test_non_ban_lists_ignored if {
	not lists.ban_lists.linked with data.bangate.lists.linked as {"kind": "linked", "entries": {}}
}

test_entries_not_object if {
	lists.errors == {{"code": "list-invalid", "message": "ban list \"bad\": entries must be an object of entry id to entry"}} with input as {"profile": "all"}
		with data.bangate.lists.bad as {"kind": "ban", "entries": "none"}
}
