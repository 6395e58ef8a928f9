package bangate.rules.vendor_bans_test

import data.bangate.rules.vendor_bans

# Fixtures use the shipped ban lists and profiles (loaded from the bundle).

kaspresso_purl := "pkg:maven/com.kaspersky.android-components/kaspresso@1.6.0"

match(list, entry_id, entry_name, extra) := object.union(
	{
		"list": list, "entry_id": entry_id, "entry_name": entry_name,
		"matched_name": "com.kaspersky", "matched_on": "purl_namespace", "score": 1,
		"method": "namespace-prefix", "programs": [],
		"signal": "purl", "value": kaspresso_purl, "pointer": "/components/0/purl",
		"confidence": "high",
	},
	extra,
)

kaspersky_purl_match := match("kaspersky", "kaspersky-lab", "Kaspersky Lab, Inc.", {})

kaspersky_copyright_match := match("kaspersky", "kaspersky-lab", "Kaspersky Lab, Inc.", {
	"matched_name": "AO Kaspersky Lab", "matched_on": "alias", "method": "normalized",
	"signal": "copyright", "value": "Copyright 2024 AO Kaspersky Lab", "pointer": "/components/0/copyright",
	"confidence": "low",
})

kaspersky_brand_match := match("kaspersky", "kaspersky-lab", "Kaspersky Lab, Inc.", {
	"matched_name": "kaspersky", "matched_on": "brand", "method": "brand-token", "score": 0.9,
	"signal": "supplier", "value": "Kaspersky Mobile Team", "pointer": "/components/0/supplier/name",
	"confidence": "medium",
})

huawei_match := match("ndaa889", "huawei", "Huawei Technologies Company", {
	"matched_name": "Huawei Technologies Co., Ltd.", "matched_on": "alias", "method": "normalized",
	"signal": "manufacturer", "value": "Huawei Technologies Co., Ltd.", "pointer": "/components/0/manufacturer/name",
})

hikvision_match := match("ndaa889", "hikvision", "Hangzhou Hikvision Digital Technology Company", {
	"matched_name": "hikvision", "matched_on": "cpe_vendor", "method": "cpe-vendor",
	"signal": "cpe", "value": "cpe:2.3:o:hikvision:ds-2cd2032-i_firmware:5.4.0:*:*:*:*:*:*:*", "pointer": "/components/0/cpe",
})

dji_match := match("fcc-covered", "sz-dji", "SZ DJI Technology Co., Ltd.", {
	"matched_name": "SZ DJI Technology Co., Ltd.", "matched_on": "name", "method": "normalized",
	"signal": "manufacturer", "value": "SZ DJI Technology Co., Ltd.", "pointer": "/components/0/manufacturer/name",
})

component(type, matches) := {
	"ref": kaspresso_purl, "pointer": "/components/0", "name": "kaspresso", "version": "1.6.0",
	"type": type, "purl": kaspresso_purl, "parties": [], "matches": matches,
}

sbom(as_of, profile, components) := {
	"kind": "sbom", "as_of": as_of, "profile": profile,
	"subject": {"name": "app", "version": "1.0.0", "parties": []},
	"components": components,
}

rules(vs) := {v.rule | some v in vs}

# --- as_of: the ICTS phases -------------------------------------------------

test_kaspersky_before_first_phase_warns_only if {
	doc := sbom("2024-07-01T00:00:00Z", "us-person", [component("library", [kaspersky_purl_match])])
	count(vendor_bans.deny) == 0 with input as doc
	count(vendor_bans.review) == 0 with input as doc
	some w in vendor_bans.warn with input as doc
	w.rule == "kaspersky-icts-2024"
	w.severity == "info"
	contains(w.message, "takes effect on 2024-07-20")
}

test_kaspersky_first_phase_denies_new_agreements if {
	doc := sbom("2024-08-01T00:00:00Z", "us-person", [component("library", [kaspersky_purl_match])])
	[v] := [v | some v in vendor_bans.deny] with input as doc
	contains(v.message, "new-agreements from 2024-07-20")
	not contains(v.message, "updates")
	count(vendor_bans.warn) == 0 with input as doc
}

test_kaspersky_icts_deny_after_second_phase if {
	doc := sbom("2024-10-01T00:00:00Z", "us-person", [component("library", [kaspersky_purl_match])])
	[v] := [v | some v in vendor_bans.deny] with input as doc
	v.rule == "kaspersky-icts-2024"
	v.severity == "critical"
	v.subject == {"kind": "component", "ref": kaspresso_purl, "name": "kaspresso", "version": "1.6.0", "purl": kaspresso_purl}
	v.pointer == "/components/0/purl"
	v.match == kaspersky_purl_match
	v.authority == {
		"citation": "89 FR 52434 (2024-06-24), FR Doc 2024-13532; 15 CFR part 7",
		"url": "https://www.federalregister.gov/d/2024-13532",
		"effective": "2024-07-20",
		"obligation": "icts-kaspersky",
	}
	contains(v.message, "kaspresso@1.6.0: purl")
	contains(v.message, "Kaspersky Lab, Inc.")
	contains(v.message, "updates, ksn-operation, resale, integration, licensing from 2024-09-29")
	contains(v.message, "89 FR 52434")
}

# --- profiles ----------------------------------------------------------------

test_kaspersky_federal_contractor_adds_far_52_204_23 if {
	doc := sbom("2024-10-01T00:00:00Z", "federal-contractor", [component("library", [kaspersky_purl_match])])
	rules(vendor_bans.deny) == {"kaspersky-icts-2024", "kaspersky-far-52-204-23"} with input as doc
}

test_kaspersky_far_in_force_before_icts if {
	doc := sbom("2020-01-01T00:00:00Z", "federal-contractor", [component("library", [kaspersky_purl_match])])
	rules(vendor_bans.deny) == {"kaspersky-far-52-204-23"} with input as doc
	rules(vendor_bans.warn) == {"kaspersky-icts-2024"} with input as doc
}

test_huawei_denied_for_federal_contractor if {
	doc := sbom("2026-11-27T00:00:00Z", "federal-contractor", [component("firmware", [huawei_match])])
	[v] := [v | some v in vendor_bans.deny] with input as doc
	v.rule == "ndaa889-far-52-204-25"
	v.authority.obligation == "far-52.204-25"
	v.authority.citation == "FAR 52.204-25; NDAA FY2019 section 889"
	v.authority.effective == "2019-08-13"
	contains(v.message, "manufacturer \"Huawei Technologies Co., Ltd.\"")
	contains(v.message, "use-by-contractor from 2020-08-13")
}

# Section 889 covers equipment and services: a Huawei library (Huawei
# Cloud's OBS SDK) goes to review with the scope explained; firmware, or a
# library whose CPE names hardware, is denied.
test_huawei_library_reviewed_for_federal_contractor if {
	doc := sbom("2026-11-27T00:00:00Z", "federal-contractor", [component("library", [huawei_match])])
	count(vendor_bans.deny) == 0 with input as doc
	[v] := [v | some v in vendor_bans.review] with input as doc
	v.rule == "ndaa889-far-52-204-25"
	contains(v.message, "not denied as software")
	contains(v.message, "telecommunications and video surveillance equipment and services")
	fw := sbom("2026-11-27T00:00:00Z", "federal-contractor", [component("firmware", [huawei_match])])
	rules(vendor_bans.deny) == {"ndaa889-far-52-204-25"} with input as fw
}

test_hardware_cpe_is_equipment_whatever_the_type if {
	c := object.union(component("library", [huawei_match]), {"equipment": true, "cpes": ["cpe:2.3:h:huawei:ar120:-:*:*:*:*:*:*:*"]})
	doc := sbom("2026-11-27T00:00:00Z", "federal-contractor", [c])
	rules(vendor_bans.deny) == {"ndaa889-far-52-204-25"} with input as doc
}

test_huawei_nothing_for_us_person if {
	doc := sbom("2026-11-27T00:00:00Z", "us-person", [component("firmware", [huawei_match])])
	count(vendor_bans.deny) == 0 with input as doc
	count(vendor_bans.review) == 0 with input as doc
	count(vendor_bans.warn) == 0 with input as doc
}

test_huawei_part_b_not_before_2020_08_13 if {
	doc := sbom("2020-01-01T00:00:00Z", "federal-contractor", [component("firmware", [huawei_match])])
	[v] := [v | some v in vendor_bans.deny] with input as doc
	contains(v.message, "provide-to-government from 2019-08-13")
	not contains(v.message, "use-by-contractor")
}

test_telecom_carrier_huawei_device_fcc if {
	doc := sbom("2026-11-27T00:00:00Z", "telecom-carrier", [component("device", [huawei_match])])
	[v] := [v | some v in vendor_bans.deny] with input as doc
	v.rule == "fcc-covered-list"
	v.severity == "high"
	v.authority.effective == "2021-03-12"
}

test_telecom_carrier_huawei_library_not_covered if {
	doc := sbom("2026-11-27T00:00:00Z", "telecom-carrier", [component("library", [huawei_match])])
	count(vendor_bans.deny) == 0 with input as doc
	count(vendor_bans.review) == 0 with input as doc
}

test_telecom_carrier_kaspersky_library if {
	doc := sbom("2026-11-27T00:00:00Z", "telecom-carrier", [component("library", [kaspersky_purl_match])])
	rules(vendor_bans.deny) == {"kaspersky-icts-2024", "fcc-covered-list"} with input as doc
}

test_exporter_entity_list_warns_never_denies if {
	doc := sbom("2026-11-27T00:00:00Z", "exporter", [component("library", [kaspersky_purl_match])])
	rules(vendor_bans.deny) == {"kaspersky-icts-2024"} with input as doc
	[w] := [w | some w in vendor_bans.warn] with input as doc
	w.rule == "kaspersky-entity-list-2024"
	w.severity == "medium"
	contains(w.message, "does not bar using it")
}

# --- purpose-limited section 889 entries -----------------------------------

test_hikvision_device_denied if {
	doc := sbom("2026-11-27T00:00:00Z", "federal-contractor", [component("device", [hikvision_match])])
	rules(vendor_bans.deny) == {"ndaa889-far-52-204-25"} with input as doc
}

test_hikvision_software_reviewed if {
	doc := sbom("2026-11-27T00:00:00Z", "federal-contractor", [component("library", [hikvision_match])])
	count(vendor_bans.deny) == 0 with input as doc
	[v] := [v | some v in vendor_bans.review] with input as doc
	v.rule == "ndaa889-far-52-204-25"
	contains(v.message, "only for public safety, government-facility security")
}

test_unknown_type_counts_as_software if {
	doc := sbom("2026-11-27T00:00:00Z", "federal-contractor", [component("quantum-widget", [hikvision_match])])
	count(vendor_bans.deny) == 0 with input as doc
	count(vendor_bans.review) == 1 with input as doc
	doc2 := sbom("2026-11-27T00:00:00Z", "federal-contractor", [object.remove(component("x", [hikvision_match]), ["type"])])
	count(vendor_bans.review) == 1 with input as doc2
}

# --- confidence --------------------------------------------------------------

test_low_confidence_never_denies if {
	doc := sbom("2026-11-27T00:00:00Z", "all", [component("library", [kaspersky_copyright_match])])
	count(vendor_bans.deny) == 0 with input as doc
	rules(vendor_bans.review) == {"kaspersky-icts-2024", "kaspersky-far-52-204-23", "fcc-covered-list"} with input as doc
	some v in vendor_bans.review with input as doc
	contains(v.message, "possible match, copyright")
}

test_low_confidence_huawei_device_reviewed if {
	m := object.union(huawei_match, {"confidence": "low", "signal": "component_name", "matched_on": "brand"})
	doc := sbom("2026-11-27T00:00:00Z", "federal-contractor", [component("device", [m])])
	count(vendor_bans.deny) == 0 with input as doc
	count(vendor_bans.review) == 1 with input as doc
}

test_missing_confidence_is_not_strong if {
	m := object.remove(kaspersky_purl_match, ["confidence"])
	doc := sbom("2026-11-27T00:00:00Z", "us-person", [component("library", [m])])
	count(vendor_bans.deny) == 0 with input as doc
	[v] := [v | some v in vendor_bans.review] with input as doc
	contains(v.message, "unknown confidence")
}

test_medium_brand_match_denies if {
	doc := sbom("2026-11-27T00:00:00Z", "us-person", [component("library", [kaspersky_brand_match])])
	[v] := [v | some v in vendor_bans.deny] with input as doc
	v.match == kaspersky_brand_match
}

test_one_finding_per_obligation_strongest_match if {
	c := component("library", [kaspersky_copyright_match, kaspersky_brand_match, kaspersky_purl_match])
	doc := sbom("2026-11-27T00:00:00Z", "us-person", [c])
	[v] := [v | some v in vendor_bans.deny] with input as doc
	v.match == kaspersky_purl_match
	v.pointer == "/components/0/purl"
	count(vendor_bans.review) == 0 with input as doc
}

test_strongest_prefers_score_then_kind if {
	a := object.union(kaspersky_brand_match, {"confidence": "high", "score": 0.95})
	b := object.union(kaspersky_purl_match, {"score": 0.99})
	m := vendor_bans.strongest([a, b], "kaspersky", "kaspersky-lab")
	m == b
	c := object.union(kaspersky_purl_match, {"matched_on": "domain", "signal": "url"})
	vendor_bans.strongest([c, kaspersky_purl_match], "kaspersky", "kaspersky-lab") == kaspersky_purl_match
}

# --- parties, subject, vendors ------------------------------------------------

test_party_match_takes_party_pointer if {
	m := object.remove(kaspersky_brand_match, ["pointer"])
	c := object.union(component("library", []), {"parties": [{"role": "supplier", "name": "Kaspersky Mobile Team", "pointer": "/components/0/supplier/name", "matches": [m]}]})
	doc := sbom("2026-11-27T00:00:00Z", "us-person", [c])
	[v] := [v | some v in vendor_bans.deny] with input as doc
	v.pointer == "/components/0/supplier/name"
}

test_document_subject_parties if {
	doc := {
		"as_of": "2026-11-27T00:00:00Z", "profile": "us-person", "source": {"path": "app.cdx.json"},
		"subject": {"name": "app", "version": "2", "parties": [{"role": "supplier", "name": "AO Kaspersky Lab", "pointer": "/metadata/supplier/name", "matches": [object.remove(kaspersky_copyright_match, ["pointer"])]}]},
		"components": [],
	}
	[v] := [v | some v in vendor_bans.review] with input as doc
	v.subject == {"kind": "document", "ref": "app.cdx.json", "name": "app", "version": "2"}
	v.pointer == "/metadata/supplier/name"
}

test_procurement_vendor_takes_obligation_effect if {
	doc := {
		"kind": "procurement", "as_of": "2026-11-27T00:00:00Z", "profile": "federal-contractor",
		"vendors": [{"record": 4, "pointer": "/4", "name": "Hikvision USA", "parties": [{"role": "vendor", "name": "Hikvision USA", "pointer": "/4/name", "matches": [object.remove(hikvision_match, ["pointer"])]}]}],
	}
	[v] := [v | some v in vendor_bans.deny] with input as doc
	v.subject == {"kind": "vendor", "ref": "record 4", "name": "Hikvision USA", "version": ""}
	v.pointer == "/4/name"
}

test_fcc_services_entity_only_for_vendors if {
	cm := match("fcc-covered", "china-mobile-international-usa", "China Mobile International USA Inc.", {"matched_on": "name", "signal": "vendor", "value": "China Mobile International USA Inc."})
	comp := sbom("2026-11-27T00:00:00Z", "telecom-carrier", [component("library", [cm])])
	count(vendor_bans.deny) == 0 with input as comp
	proc := {"as_of": "2026-11-27T00:00:00Z", "profile": "telecom-carrier", "vendors": [{"id": "V-9", "name": "China Mobile International USA Inc.", "matches": [cm]}]}
	rules(vendor_bans.deny) == {"fcc-covered-list"} with input as proc
}

test_dji_device_reviewed_then_pending_before_listing if {
	doc := sbom("2026-11-27T00:00:00Z", "telecom-carrier", [component("device", [dji_match])])
	count(vendor_bans.deny) == 0 with input as doc
	rules(vendor_bans.review) == {"fcc-covered-list"} with input as doc
	early := sbom("2025-12-01T00:00:00Z", "telecom-carrier", [component("device", [dji_match])])
	some w in vendor_bans.warn with input as early
	contains(w.message, "takes effect on 2025-12-22")
}

# --- negatives and errors -----------------------------------------------------

test_no_matches_nothing if {
	doc := sbom("2026-11-27T00:00:00Z", "all", [component("library", [])])
	(count(vendor_bans.deny) + count(vendor_bans.review)) + count(vendor_bans.warn) == 0 with input as doc
}

test_non_ban_list_ignored if {
	m := object.union(kaspersky_purl_match, {"list": "ofac-sdn", "entry_id": "45858"})
	doc := sbom("2026-11-27T00:00:00Z", "all", [component("library", [m])])
	(count(vendor_bans.deny) + count(vendor_bans.review)) + count(vendor_bans.warn) == 0 with input as doc
	count(vendor_bans.errors) == 0 with input as doc
}

test_unknown_entry_is_an_error if {
	m := object.union(kaspersky_purl_match, {"entry_id": "kaspersky-typo"})
	doc := sbom("2026-11-27T00:00:00Z", "all", [component("library", [m])])
	vendor_bans.errors == {{
		"code": "match-unknown-entry",
		"message": "/components/0: a match names entry \"kaspersky-typo\", which ban list \"kaspersky\" does not define",
	}} with input as doc
}

test_unknown_profile_applies_nothing if {
	doc := sbom("2026-11-27T00:00:00Z", "nobody", [component("library", [kaspersky_purl_match])])
	count(vendor_bans.deny) == 0 with input as doc
}

test_user_ban_list_loaded_beside_bundle if {
	user_list := {"kind": "ban", "entries": {"acme": {"name": "ACME Corp", "obligations": [{
		"id": "acme-policy", "rule": "acme-internal-ban", "title": "Internal ban", "severity": "high",
		"covers": ["software"], "phases": [{"from": "2026-01-01", "prohibits": ["use"]}],
		"citation": "Internal policy 7", "url": "https://example.com/p7",
	}]}}}
	m := match("acme-bans", "acme", "ACME Corp", {})
	doc := sbom("2026-11-27T00:00:00Z", "internal", [component("library", [m])])
	rules(vendor_bans.deny) == {"acme-internal-ban"} with input as doc
		with data.bangate.lists["acme-bans"] as user_list
		with data.bangate.profiles.internal as {"obligations": ["acme-policy"]}
}

test_sparse_match_falls_back if {
	m := {"list": "kaspersky", "entry_id": "kaspersky-lab", "matched_name": "kaspersky.com", "matched_on": "url_host", "confidence": "high"}
	doc := sbom("2026-11-27T00:00:00Z", "us-person", [component("library", [m])])
	[v] := [v | some v in vendor_bans.deny] with input as doc
	v.pointer == "/components/0"
	contains(v.message, "field \"kaspersky.com\" matches Kaspersky Lab, Inc. (url_host, high confidence)")
}

test_match_without_entry_id_is_an_error if {
	m := object.remove(kaspersky_purl_match, ["entry_id"])
	doc := sbom("2026-11-27T00:00:00Z", "all", [component("library", [m])])
	vendor_bans.errors == {{
		"code": "match-unknown-entry",
		"message": "/components/0: a match names entry \"null\", which ban list \"kaspersky\" does not define",
	}} with input as doc
	count(vendor_bans.deny) == 0 with input as doc
}

# --- procurement records: product kind and contract date ------------------------

kaspersky_vendor_match := match("kaspersky", "kaspersky-lab", "Kaspersky Lab, Inc.", {
	"matched_name": "Kaspersky Lab, Inc.", "matched_on": "name", "method": "normalized",
	"signal": "vendor", "value": "Kaspersky Lab, Inc.", "pointer": "row 4, column vendor_name",
})

huawei_mfr_match := object.union(huawei_match, {"pointer": "row 7, column manufacturer", "signal": "manufacturer"})

record(name, parties, products, date) := {
	"record": 3, "source": "vendors.csv", "pointer": "row 4", "name": name,
	"parties": parties, "matches": [], "products": products, "contract": {"date": date},
}

procurement(profile, vendors) := {
	"kind": "procurement", "as_of": "2026-11-27T00:00:00Z", "profile": profile,
	"components": [], "vendors": vendors,
}

kav_licence := {"name": "Kaspersky Endpoint Security licence renewal", "category": "Anti-virus software", "code": "7A21", "scheme": "PSC", "manufacturer": "", "pointer": "row 4"}

kav_vendor(date) := record("Kaspersky Lab, Inc.", [{"role": "vendor", "kind": "organization", "name": "Kaspersky Lab, Inc.", "matches": [kaspersky_vendor_match]}], [kav_licence], date)

test_kaspersky_renewal_after_icts_phase_two if {
	vs := vendor_bans.deny with input as procurement("us-person", [kav_vendor("2024-10-15")])
	rules(vs) == {"kaspersky-icts-2024"}
	some v in vs
	v.subject == {"kind": "vendor", "ref": "vendors.csv#3", "name": "Kaspersky Lab, Inc.", "version": ""}
	v.pointer == "row 4, column vendor_name"
	contains(v.message, "(software \"Kaspersky Endpoint Security licence renewal\"; contract of 2024-10-15)")
	contains(v.message, "updates, ksn-operation, resale, integration, licensing from 2024-09-29")
}

test_kaspersky_contract_between_phases if {
	vs := vendor_bans.deny with input as procurement("us-person", [kav_vendor("2024-08-01")])
	some v in vs
	contains(v.message, "new-agreements from 2024-07-20 (")
	not contains(v.message, "licensing")
}

test_kaspersky_contract_before_icts_warns if {
	doc := procurement("us-person", [kav_vendor("2024-06-11")])
	count(vendor_bans.deny) == 0 with input as doc
	some w in vendor_bans.warn with input as doc
	w.rule == "kaspersky-icts-2024"
	w.severity == "info"
	contains(w.message, "The deal's date 2024-06-11 predates Kaspersky ICTS Final Determination (15 CFR part 7), in force from 2024-07-20")
}

test_contract_date_later_than_as_of if {
	# A deal planned for 2024-10-01, checked on 2024-07-01: phase two applies.
	doc := object.union(procurement("us-person", [kav_vendor("2024-10-01")]), {"as_of": "2024-07-01T00:00:00Z"})
	rules(vendor_bans.deny) == {"kaspersky-icts-2024"} with input as doc
}

test_no_contract_date_uses_as_of if {
	v := object.remove(kav_vendor("x"), ["contract"])
	doc := object.union(procurement("us-person", [v]), {"as_of": "2024-07-01T00:00:00Z"})
	count(vendor_bans.deny) == 0 with input as doc
	some w in vendor_bans.warn with input as doc
	contains(w.message, "no contract date, as of 2024-07-01")
	contains(w.message, "takes effect on 2024-07-20")
}

huawei_laptop := record(
	"Metro Office Technology Corp.",
	[{"role": "manufacturer", "kind": "organization", "name": "Huawei Technologies Co., Ltd.", "matches": [huawei_mfr_match]}],
	[{"name": "MateBook X Pro laptop", "category": "Laptops", "code": "7B21", "scheme": "PSC", "manufacturer": "Huawei Technologies Co., Ltd.", "pointer": "row 7"}],
	"2026-06-12",
)

# A software-only obligation (fixture) on the Huawei entry: a laptop is
# equipment and out of its scope, while section 889 reaches it.
software_only := {
	"id": "sw-only", "rule": "sw-only-rule", "title": "Software only", "severity": "high",
	"covers": ["software"], "phases": [{"from": "2020-01-01", "prohibits": ["use"]}],
	"citation": "fixture", "url": "https://example.com/sw",
}

test_huawei_laptop_section_889_not_software_rule if {
	huawei := data.bangate.lists.ndaa889.entries.huawei
	entry := object.union(huawei, {"obligations": array.concat(huawei.obligations, [software_only])})
	profiles := {"p": {"obligations": ["far-52.204-25", "sw-only"]}}
	vs := vendor_bans.deny with input as procurement("p", [huawei_laptop])
		with data.bangate.lists.ndaa889.entries.huawei as entry
		with data.bangate.profiles as profiles
	rules(vs) == {"ndaa889-far-52-204-25"}
	some v in vs
	contains(v.message, "(equipment \"MateBook X Pro laptop\"; contract of 2026-06-12)")
	v.pointer == "row 7, column manufacturer"
}

test_hikvision_camera_federal_contractor_denied if {
	cam := record(
		"Northgate Security Integrators Inc.",
		[{"role": "manufacturer", "kind": "organization", "name": "Hikvision", "matches": [object.union(hikvision_match, {"pointer": "row 5, column manufacturer"})]}],
		[{"name": "IP camera", "category": "Surveillance cameras", "code": "6350", "scheme": "PSC", "manufacturer": "Hikvision"}],
		"2026-03-02",
	)
	rules(vendor_bans.deny) == {"ndaa889-far-52-204-25"} with input as procurement("federal-contractor", [cam])
	count(vendor_bans.deny) == 0 with input as procurement("us-person", [cam])

	# The purpose-limited vendors' software goes to review.
	app := object.union(cam, {"products": [{"name": "HikCentral", "code": "7A21", "manufacturer": "Hikvision"}]})
	rules(vendor_bans.review) == {"ndaa889-far-52-204-25"} with input as procurement("federal-contractor", [app])
}

test_manufacturer_counts_only_for_its_product if {
	two := record(
		"Metro Office Technology Corp.",
		huawei_laptop.parties,
		[
			{"name": "Paper", "code": "7530", "manufacturer": "Acme", "pointer": "row 7"},
			huawei_laptop.products[0],
		],
		"2026-06-12",
	)
	vs := vendor_bans.deny with input as procurement("federal-contractor", [two])
	count(vs) == 1
}

test_unknown_product_kind_is_covered if {
	v := record("Kaspersky Lab, Inc.", kav_vendor("2024-10-15").parties, [{"name": "Widgets"}], "2024-10-15")
	rules(vendor_bans.deny) == {"kaspersky-icts-2024"} with input as procurement("us-person", [v])
	some d in vendor_bans.deny with input as procurement("us-person", [v])
	contains(d.message, "(vendor \"Widgets\";")
	w := record("Kaspersky Lab, Inc.", kav_vendor("2024-10-15").parties, [{"code": "9999X"}], "2024-10-15")
	some e in vendor_bans.deny with input as procurement("us-person", [w])
	contains(e.message, "(no product named;")
	e.pointer == "row 4, column vendor_name"
}

# A product whose name names a banned vendor's brand ("Kaspersky Endpoint
# Security licence renewal") is that product's finding, not the other
# products' of the record.
test_product_text_match_is_its_products if {
	brand := match("kaspersky", "kaspersky-lab", "Kaspersky Lab, Inc.", {
		"matched_name": "kaspersky", "matched_on": "brand", "method": "brand-token", "confidence": "medium",
		"signal": "product", "value": "Kaspersky Endpoint Security licence renewal", "pointer": "/vendors/0/products/0/name",
	})
	v := {
		"record": 1, "pointer": "/vendors/0", "source": "v.json", "name": "Acme Resale LLC", "parties": [], "matches": [],
		"contract": {"date": "2024-10-15"},
		"products": [
			{"name": "Kaspersky Endpoint Security licence renewal", "category": "", "pointer": "/vendors/0/products/0", "matches": [brand]},
			{"name": "Office chairs", "category": "", "pointer": "/vendors/0/products/1", "matches": []},
		],
	}
	doc := {
		"kind": "procurement", "as_of": "2026-11-27T00:00:00Z", "profile": "us-person", "components": [], "vendors": [v],
		"lists": {"kaspersky": {"kind": "ban"}},
	}
	[d] := [d | some d in vendor_bans.deny] with input as doc
	d.rule == "kaspersky-icts-2024"
	d.pointer == "/vendors/0/products/0/name"
}
