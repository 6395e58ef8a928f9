package bangate.decision_sanctions_test

# Sanctions findings through the whole decision: every profile screens,
# waivers apply. (A test under data.bangate.rules may not read
# data.bangate.decision: the decision gathers every package there.)

import data.bangate.decision
import data.bangate.rules.asset_freeze_test as ax
import data.bangate.rules.procurement_test as px
import data.bangate.rules.sanctions_test as fx

rules(vs) := [v.rule | some v in vs]

# Every profile screens sanctions: one test each, so that each stays well
# within the tester's time limit per test.
test_us_person_screens_sanctions if sdn_blocked("us-person")

test_federal_contractor_screens_sanctions if sdn_blocked("federal-contractor")

test_telecom_carrier_screens_sanctions if sdn_blocked("telecom-carrier")

test_exporter_screens_sanctions if sdn_blocked("exporter")

test_all_screens_sanctions if sdn_blocked("all")

sdn_blocked(p) if {
	r := decision.result with input as fx.sbom(fx.author(fx.tikhonov(1, "high")), p)
	r.outcome == "fail"
	rules(r.violations) == ["ofac-sdn-blocked"]
}

test_waiver_covers_sdn_finding if {
	w := {
		"id": "W-9", "rule": "ofac-sdn-possible", "subject": {"purl": "pkg:npm/lib@1.0.0"},
		"reason": "different person: DOB and nationality checked", "approved_by": "compliance@example.com",
		"ticket": "SAN-7", "expires": "2027-01-01",
	}
	r := decision.result with input as fx.sbom(fx.author(fx.tikhonov(0.85, "low")), "us-person") with data.bangate.waivers as [w]
	r.outcome == "pass"
	rules(r.waived) == ["ofac-sdn-possible"]
}

test_waiver_covers_fifty_percent_finding_until_expiry if {
	w := {
		"id": "W-10", "rule": "ofac-50-percent-rule", "subject": {"vendor": "v.csv#5", "name": "Volga Data Systems LLC"},
		"reason": "winding down this contract under licence", "approved_by": "legal@example.com",
		"ticket": "SAN-8", "expires": "2027-01-01", "licence": "OFAC specific licence RUSSIA-EO14024-2026-123",
	}
	doc := px.doc(px.vendor({"ownership": px.fifty}))
	r := decision.result with input as doc with data.bangate.waivers as [w]
	r.outcome == "pass"
	rules(r.waived) == ["ofac-50-percent-rule"]
	late := object.union(doc, {"as_of": "2027-01-01T00:00:00Z"})
	r2 := decision.result with input as late with data.bangate.waivers as [w]
	r2.outcome == "fail"
	rules(r2.warnings) == ["waiver-expired"]
}

# The EU and UK profiles fail on a UN listing, cannot be checked without
# their lists, and take waivers like the OFAC findings.
test_eu_person_fails_on_a_un_listing if {
	r := decision.result with input as ax.sbom(ax.author(ax.umarov(1, "high")), "eu-person")
	r.outcome == "fail"
	rules(r.violations) == ["un-sc-asset-freeze"]
}

test_eu_person_without_its_list_is_an_error if {
	doc := ax.with_lists(ax.sbom(ax.author(ax.umarov(1, "high")), "eu-person"), {"un-sc": {"kind": "sanctions"}})
	r := decision.result with input as doc
	r.outcome == "error"
	[e.code | some e in r.errors] == ["list-missing"]
}

test_waiver_covers_uk_person_finding if {
	w := {
		"id": "W-11", "rule": "un-sc-possible", "subject": {"purl": "pkg:npm/lib@1.0.0"},
		"reason": "different person: date of birth checked", "approved_by": "compliance@example.com",
		"ticket": "SAN-9", "expires": "2027-06-01",
	}
	r := decision.result with input as ax.sbom(ax.author(ax.umarov(0.85, "low")), "uk-person") with data.bangate.waivers as [w]
	r.outcome == "pass"
	rules(r.waived) == ["un-sc-possible"]
}

# --- waiving a blocked person takes a licence ---------------------------------

sdn_block_waiver := {
	"id": "W-12", "rule": "ofac-sdn-blocked", "subject": {"purl": "pkg:npm/lib@1.0.0"},
	"reason": "maintenance payments to the author authorised", "approved_by": "legal@example.com",
	"ticket": "SAN-12", "expires": "2027-01-01",
}

test_sdn_block_waiver_without_licence_is_an_error if {
	r := decision.result with input as fx.sbom(fx.author(fx.tikhonov(1, "high")), "us-person") with data.bangate.waivers as [sdn_block_waiver]
	r.outcome == "error"
	rules(r.violations) == ["ofac-sdn-blocked"]
	r.waived == []
	[e] := r.errors
	contains(e.message, "must name the licence")
}

test_sdn_block_waiver_with_licence_applies_until_expiry if {
	w := object.union(sdn_block_waiver, {"licence": "OFAC general licence GL 13"})
	doc := fx.sbom(fx.author(fx.tikhonov(1, "high")), "us-person")
	r := decision.result with input as doc with data.bangate.waivers as [w]
	r.outcome == "pass"
	[x] := r.waived
	x.rule == "ofac-sdn-blocked"
	x.waiver.licence == "OFAC general licence GL 13"
	late := object.union(doc, {"as_of": "2027-01-01T00:00:00Z"})
	r2 := decision.result with input as late with data.bangate.waivers as [w]
	r2.outcome == "fail"
	rules(r2.warnings) == ["waiver-expired"]
}

test_asset_freeze_waiver_needs_a_licence if {
	w := object.union(sdn_block_waiver, {"id": "W-13", "rule": "un-sc-asset-freeze"})
	doc := ax.sbom(ax.author(ax.umarov(1, "high")), "eu-person")
	r := decision.result with input as doc with data.bangate.waivers as [w]
	r.outcome == "error"
	r2 := decision.result with input as doc with data.bangate.waivers as [object.union(w, {"licence": "EU Regulation 2580/2001 art. 5 authorisation BE-2026-7"})]
	r2.outcome == "pass"
	rules(r2.waived) == ["un-sc-asset-freeze"]
}
