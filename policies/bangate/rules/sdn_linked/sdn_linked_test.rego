package bangate.rules.sdn_linked_test

import data.bangate.rules.sdn_linked

lists := {"ofac-sdn": {"kind": "sanctions"}, "kaspersky": {"kind": "ban"}}

kaspersky(conf, pointer) := {
	"list": "kaspersky", "entry_id": "kaspersky-lab", "entry_name": "Kaspersky Lab, Inc.",
	"matched_on": "alias", "score": 1, "signal": "supplier", "pointer": pointer, "confidence": conf,
}

# A real SDN entity linked to another designated entity: ent_num 31455.
ptsecurity := {
	"list": "ofac-sdn", "entry_id": "31455", "entry_name": "AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ",
	"entry_type": "entity", "matched_on": "alias", "score": 0.855, "confidence": "low",
	"programs": ["CYBER2", "RUSSIA-EO14024"], "linked_to": ["FEDERAL SECURITY SERVICE"],
}

sbom(parties) := {
	"kind": "sbom", "as_of": "2026-11-27T00:00:00Z", "profile": "us-person", "lists": lists,
	"components": [{"ref": "pkg:npm/@kaspersky/hexa-ui@6.1.0", "name": "hexa-ui", "version": "6.1.0", "parties": parties, "matches": []}],
}

procurement(parties) := {
	"kind": "procurement", "as_of": "2026-11-27T00:00:00Z", "profile": "us-person", "lists": lists,
	"components": [],
	"vendors": [{"record": 3, "source": "v.csv", "name": "Kaspersky Lab, Inc.", "pointer": "row 4", "parties": parties, "matches": []}],
}

party(role, name, m) := {"role": role, "kind": "organization", "name": name, "pointer": m.pointer, "matches": [m]}

one(s) := x if {
	count(s) == 1
	some x in s
}

test_kaspersky_leaders_warning if {
	p := party("supplier", "AO Kaspersky Lab", kaspersky("high", "/components/0/supplier/name"))
	v := one(sdn_linked.warn) with input as sbom([p])
	v.rule == "kaspersky-leaders-sdn-2024"
	v.severity == "medium"
	v.authority.url == "https://home.treasury.gov/news/press-releases/jy2420"
	v.authority.effective == "2024-06-21"
	contains(v.message, "AO Kaspersky Lab itself is not on the SDN list, but twelve of its leaders were designated on 2024-06-21 under E.O. 14024 (U.S. Treasury press release jy2420)")
	contains(v.message, "TIKHONOV, Andrei Gennadyevich (SDN 45815)")
	contains(v.message, "ZENKIN, Denis Vladimirovich (SDN 45864)")
	contains(v.message, "Screen the signatories, owners and contacts")
}

test_kaspersky_vendor_once_per_record if {
	ps := [
		party("vendor", "Kaspersky Lab, Inc.", kaspersky("high", "row 4, column vendor_name")),
		party("manufacturer", "Kaspersky", kaspersky("medium", "row 4, column manufacturer")),
	]
	v := one(sdn_linked.warn) with input as procurement(ps)
	v.pointer == "row 4, column vendor_name"
	v.subject.ref == "v.csv#3"
}

test_kaspersky_low_confidence_still_informs if {
	count(sdn_linked.warn) == 1 with input as sbom([party("author", "x", kaspersky("low", "/components/0/author"))])
}

test_other_ban_entries_silent if {
	m := {"list": "ndaa889", "entry_id": "huawei", "score": 1, "confidence": "high", "pointer": "/components/0/supplier/name"}
	count(sdn_linked.warn) == 0 with input as sbom([party("supplier", "Huawei", m)])
}

test_linked_to_reported if {
	v := one(sdn_linked.warn) with input as procurement([{"role": "vendor", "kind": "organization", "name": "Positiv Technologies", "pointer": "row 4, column vendor_name", "matches": [ptsecurity]}])
	v.rule == "ofac-sdn-linked"
	contains(v.message, "which OFAC links to: FEDERAL SECURITY SERVICE")
	v.authority.url == "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=31455"
}

test_no_links_no_warning if {
	m := object.union(ptsecurity, {"linked_to": []})
	count(sdn_linked.warn) == 0 with input as procurement([{"role": "", "name": "P", "matches": [m]}])
	m2 := object.union(ptsecurity, {"list": "kaspersky"})
	count(sdn_linked.warn) == 0 with input as procurement([{"role": "vendor", "name": "P", "matches": [m2]}])
}

test_link_without_numeric_id if {
	m := object.remove(object.union(ptsecurity, {"entry_id": "csl-9f"}), ["score", "confidence"])
	v := one(sdn_linked.warn) with input as procurement([{"role": "", "name": "P", "matches": [m]}])
	v.authority.url == "https://sanctionssearch.ofac.treas.gov/"
	contains(v.message, "party \"P\"")
}

test_profile_without_ofac if {
	p := party("supplier", "AO Kaspersky Lab", kaspersky("high", "/components/0/supplier/name"))
	count(sdn_linked.warn) == 0 with input as sbom([p]) with data.bangate.profiles as {"us-person": {"obligations": ["icts-kaspersky"]}}
}

test_shipped_designations_valid if {
	count(sdn_linked.errors) == 0
	ld := data.bangate.lists.kaspersky.entries["kaspersky-lab"].linked_designations
	count(ld.persons) == 12
	{p.ent_num | some p in ld.persons} == {
		"45815", "45817", "45818", "45821", "45849", "45854",
		"45856", "45858", "45860", "45862", "45863", "45864",
	}
}

test_malformed_designations_error if {
	bad := {"kind": "ban", "entries": {"e": {"name": "E", "linked_designations": {"rule": "Bad Rule", "persons": []}}}}
	sdn_linked.errors == {{"code": "list-invalid", "message": "ban list \"bad\" entry \"e\": linked_designations needs rule, entity, date, order, press_release, citation, an https url and a non-empty persons list of {ent_num, name}"}} with data.bangate.lists.bad as bad
}

test_number_text if {
	sdn_linked.number_text(12) == "twelve"
	sdn_linked.number_text(13) == "13"
}

# The leaders were designated on 2024-06-21: a check as of an earlier date
# has no designation to report.
test_kaspersky_leaders_not_before_their_designation if {
	p := party("supplier", "AO Kaspersky Lab", kaspersky("high", "/components/0/supplier/name"))
	count(sdn_linked.warn) == 0 with input as object.union(sbom([p]), {"as_of": "2017-01-01T00:00:00Z"})
	count(sdn_linked.warn) == 0 with input as object.union(sbom([p]), {"as_of": "2024-06-20T00:00:00Z"})
	count(sdn_linked.warn) == 1 with input as object.union(sbom([p]), {"as_of": "2024-06-21T00:00:00Z"})
}

# A real SDN individual linked to a designated entity: ent_num 44932.
taheri(score, extra) := object.union(
	{
		"list": "ofac-sdn", "entry_id": "44932", "entry_name": "TAHERI, Ahmad", "entry_type": "individual",
		"matched_on": "name", "method": "fuzzy", "score": score, "confidence": "low", "name_words": 2,
		"programs": ["IRAN-HR"], "linked_to": ["LAW ENFORCEMENT FORCES OF THE ISLAMIC REPUBLIC OF IRAN"],
		"pointer": "/components/0/author",
	},
	extra,
)

author(m) := {"role": "author", "kind": "person", "name": "Ahmed TAHRI", "pointer": m.pointer, "matches": [m]}

# A package author's name alone that the sanctions rule drops (part of the
# listed name missing, or contradicted by the author's own e-mail address)
# does not bring the entry's links into the report; one a person must
# review does.
test_dropped_name_match_no_links if {
	count(sdn_linked.warn) == 0 with input as sbom([author(taheri(0.836, {"missing": ["taheri"]}))])
	count(sdn_linked.warn) == 0 with input as sbom([author(taheri(0.97, {"contradiction": "the party gives \"ahmed.tahri@example.dev\", which the entry does not list"}))])
	v := one(sdn_linked.warn) with input as sbom([author(taheri(0.97, {}))])
	v.rule == "ofac-sdn-linked"
	contains(v.message, "which OFAC links to: LAW ENFORCEMENT FORCES OF THE ISLAMIC REPUBLIC OF IRAN")
}
