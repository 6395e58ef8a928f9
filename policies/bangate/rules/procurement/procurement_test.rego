package bangate.rules.procurement_test

import data.bangate.rules.procurement

not_blocked := {"designated": false, "blocked": false, "percent": 0, "look_through": 0, "chains": []}

# Two real SDN individuals (2024-06-21, RUSSIA-EO14024) each own 25% of
# Baltic Holding Ltd, which owns 100% of the vendor.
fifty := {
	"designated": false, "blocked": true, "percent": 100, "look_through": 50,
	"chains": [
		{"path": ["EFREMOV, Andrei Anatolyevich", "Baltic Holding Ltd", "Volga Data Systems LLC"], "percent": 25, "counted": 100, "edges": ["own.csv row 3", "v.csv row 6 column owners"]},
		{"path": ["TIKHONOV, Andrei Gennadyevich", "Baltic Holding Ltd", "Volga Data Systems LLC"], "percent": 25, "counted": 100, "edges": ["own.csv row 2", "v.csv row 6 column owners"]},
	],
}

vendor(fields) := object.union(
	{
		"record": 5, "pointer": "row 6", "source": "v.csv", "name": "Volga Data Systems LLC",
		"country": "US", "country_name": "", "products": [], "parties": [], "matches": [],
		"owners": [{"name": "Baltic Holding Ltd", "percent": 100, "pointer": "row 6, column owners"}],
		"ownership": not_blocked,
	},
	fields,
)

doc(v) := {
	"kind": "procurement", "as_of": "2026-11-27T00:00:00Z", "profile": "us-person",
	"source": {"path": "v.csv"}, "components": [], "vendors": [v],
	"settings": {"embargo": "deny"},
}

with_embargo(d, setting) := object.union(d, {"settings": {"embargo": setting}})

one(s) := x if {
	count(s) == 1
	some x in s
}

# --- the 50 Percent Rule -------------------------------------------------------

test_fifty_percent_rule_denies_with_chain if {
	v := one(procurement.deny) with input as doc(vendor({"ownership": fifty}))
	v.rule == "ofac-50-percent-rule"
	v.severity == "critical"
	v.subject == {"kind": "vendor", "ref": "v.csv#5", "name": "Volga Data Systems LLC", "version": ""}
	v.pointer == "row 6, column owners"
	contains(v.message, "owned 100% in aggregate by blocked persons: EFREMOV, Andrei Anatolyevich 25% through Baltic Holding Ltd + TIKHONOV, Andrei Gennadyevich 25% through Baltic Holding Ltd")
	contains(v.message, "look-through interest of the designated persons themselves: 50%")
	v.match.entry_name == "EFREMOV, Andrei Anatolyevich, TIKHONOV, Andrei Gennadyevich"
	v.authority.url == "https://ofac.treasury.gov/faqs/401"
}

test_fifty_percent_direct_owner if {
	own := {"designated": false, "blocked": true, "percent": 60, "look_through": 60, "chains": [{"path": ["X", "V"], "percent": 60, "counted": 60, "edges": []}]}
	v := one(procurement.deny) with input as doc(vendor({"ownership": own, "owners": []}))
	contains(v.message, "owned 60% in aggregate by blocked persons: X 60%. U.S.")
	v.pointer == "row 6"
}

test_fifty_percent_without_chains if {
	own := {"designated": false, "blocked": true, "percent": 50, "look_through": 50, "chains": []}
	v := one(procurement.deny) with input as doc(vendor({"ownership": own}))
	contains(v.message, "the designated owners are not listed")
}

test_not_blocked_passes if {
	count(procurement.deny) == 0 with input as doc(vendor({}))
	minority := object.union(not_blocked, {"percent": 49.9, "look_through": 49.9})
	count(procurement.deny) == 0 with input as doc(vendor({"ownership": minority}))
}

test_designated_vendor_left_to_sanctions if {
	own := object.union(fifty, {"designated": true})
	count(procurement.deny) == 0 with input as doc(vendor({"ownership": own}))
}

test_fifty_percent_needs_ofac_obligation if {
	count(procurement.deny) == 0 with input as doc(vendor({"ownership": fifty}))
		with data.bangate.profiles as {"us-person": {"obligations": ["icts-kaspersky"]}}
}

# --- embargoes -----------------------------------------------------------------

product(origin) := {"name": "Cigars", "category": "Tobacco", "country_of_origin": origin, "pointer": "row 6, column country_of_origin"}

test_origin_cuba_denied if {
	d := doc(vendor({"products": [product("CU")], "contract": {"date": "2026-10-20"}}))
	v := one(procurement.deny) with input as d
	v.rule == "ofac-embargo"
	v.pointer == "row 6, column country_of_origin"
	v.match.entry_id == "cuba"
	v.authority.citation == "Cuban Assets Control Regulations, 31 CFR part 515"
	contains(v.message, "on the deal's date 2026-10-20")
}

test_one_finding_per_region if {
	d := doc(vendor({"country": "IR", "country_name": "Iran", "products": [product("IR")]}))
	v := one(procurement.deny) with input as d
	v.match.matched_on == "country_of_origin"
}

test_vendor_country_name_crimea if {
	d := doc(vendor({"country": "UA", "country_name": "Sevastopol, Crimea"}))
	v := one(procurement.deny) with input as d
	v.match.entry_id == "crimea"
	v.authority.citation == "E.O. 13685; Ukraine-/Russia-Related Sanctions Regulations, 31 CFR part 589"
}

test_subdivision_code if {
	v := one(procurement.deny) with input as doc(vendor({"country": "UA-43"}))
	v.match.entry_id == "crimea"
}

test_dnr_strong_and_weak if {
	v := one(procurement.deny) with input as doc(vendor({"country_name": "Donetsk People's Republic"}))
	v.authority.citation == "E.O. 14065; Ukraine-/Russia-Related Sanctions Regulations, 31 CFR part 589"
	r := one(procurement.review) with input as doc(vendor({"country_name": "Donetsk oblast"}))
	contains(r.message, "may lie in the so-called")
	r.match.confidence == "low"
}

test_words_not_substrings if {
	count(procurement.deny | procurement.review) == 0 with input as doc(vendor({"country_name": "Iranduba, Brazil"}))
	count(procurement.deny | procurement.review) == 0 with input as doc(vendor({"country_name": "Cubatão"}))
}

test_embargo_setting_review_and_off if {
	d := doc(vendor({"products": [product("KP")]}))
	count(procurement.review) == 1 with input as with_embargo(d, "review")
	count(procurement.deny) == 0 with input as with_embargo(d, "review")
	count(procurement.deny | procurement.review) == 0 with input as with_embargo(d, "off")
	count(procurement.review) == 0 with input as with_embargo(doc(vendor({"country_name": "Luhansk"})), "off")
}

test_embargo_default_deny if {
	d := object.remove(doc(vendor({"products": [product("CU")]})), ["settings"])
	count(procurement.deny) == 1 with input as d
	count(procurement.errors) == 0 with input as d
}

test_embargo_bad_setting_is_an_error if {
	d := with_embargo(doc(vendor({})), "maybe")
	procurement.errors == {{"code": "settings-invalid", "message": "input.settings.embargo must be deny, review or off"}} with input as d
}

test_embargo_dates if {
	# Before E.O. 14065 the so-called DNR was not under the embargo.
	count(procurement.deny) == 0 with input as doc(vendor({"country_name": "DNR", "contract": {"date": "2022-02-20"}}))
	count(procurement.deny) == 1 with input as doc(vendor({"country_name": "DNR", "contract": {"date": "2022-02-21"}}))
}

test_syria_before_and_after_revocation if {
	before := doc(vendor({"products": [product("SY")], "contract": {"date": "2025-06-30"}}))
	count(procurement.deny) == 1 with input as before
	after := doc(vendor({"products": [product("SY")], "contract": {"date": "2025-07-01"}}))
	count(procurement.deny) == 0 with input as after
	w := one(procurement.warn) with input as after
	w.rule == "ofac-embargo-lifted"
	w.severity == "info"
	contains(w.authority.citation, "E.O. 14312")
	count(procurement.warn) == 0 with input as with_embargo(after, "off")
}

test_no_contract_date_uses_as_of if {
	d := object.union(doc(vendor({"products": [product("SY")]})), {"as_of": "2025-01-01T00:00:00Z"})
	count(procurement.deny) == 1 with input as d
}

test_sbom_input_has_no_embargo if {
	d := object.union(doc(vendor({"products": [product("CU")]})), {"kind": "sbom"})
	count(procurement.deny) == 0 with input as d
}

test_embargo_needs_obligation if {
	count(procurement.deny) == 0 with input as doc(vendor({"products": [product("CU")]}))
		with data.bangate.profiles as {"us-person": {"obligations": ["ofac-sdn"]}}
}

test_empty_countries_ignored if {
	count(procurement.deny) == 0 with input as doc(vendor({"country": "", "products": [product("")]}))
}

test_product_without_pointer if {
	p := object.remove(product("CU"), ["pointer"])
	v := one(procurement.deny) with input as doc(vendor({"products": [p]}))
	v.pointer == "row 6"
}
