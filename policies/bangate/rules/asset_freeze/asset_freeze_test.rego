package bangate.rules.asset_freeze_test

import data.bangate.rules.asset_freeze
import data.bangate.rules.sanctions

all_lists := {
	"ofac-sdn": {"kind": "sanctions"},
	"un-sc": {"kind": "sanctions"},
	"eu-fsf": {"kind": "sanctions"},
	"uk-fcdo": {"kind": "sanctions"},
	"kaspersky": {"kind": "ban"},
}

# Real entries, as internal/lists loads them from the official files.

# UN QDi.290 (consolidated.xml of 2026-02-27), matched on its
# NAME_ORIGINAL_SCRIPT alias.
umarov(score, conf) := {
	"list": "un-sc", "entry_id": "QDi.290", "entry_name": "DOKU KHAMATOVICH UMAROV",
	"entry_type": "individual", "matched_name": "Умаров Доку Хаматович", "matched_on": "alias",
	"score": score, "method": "normalized", "programs": ["Al-Qaida"], "linked_to": [], "confidence": conf,
	# Something else in the input ties the party to the entry (see
	# test_name_only_reviews_or_drops for a name alone).
	"corroboration": ["identifier \"Passport 1234567\" matches the entry"],
}

# EU logicalId 13 (FSF XML of 2020-04-15).
saddam(score, conf) := {
	"list": "eu-fsf", "entry_id": "13", "entry_name": "Saddam Hussein Al-Tikriti",
	"entry_type": "individual", "matched_name": "Saddam Hussein Al-Tikriti", "matched_on": "name",
	"score": score, "method": "exact", "programs": ["IRQ", "regulation:1210/2003 (OJ L169)"],
	"linked_to": [], "confidence": conf, "corroboration": ["the record's country Iraq is the entry's nationality"],
}

# UK Sanctions List AQD0377 (2026-08-14): an entity under an asset freeze.
ktj(score, conf) := {
	"list": "uk-fcdo", "entry_id": "AQD0377", "entry_name": "Khatiba al-Tawhid wal-Jihad (KTJ)",
	"entry_type": "entity", "matched_name": "Jannat Oshiklari", "matched_on": "alias",
	"score": score, "method": "normalized", "linked_to": [], "confidence": conf,
	"programs": [
		"Isil (Da'esh) and Al-Qaeda (United Nations Sanctions) (EU Exit) Regulations 2019",
		"measure:Asset freeze", "measure:Arms embargo",
	],
}

# UK Sanctions List DPR0075: a ship barred from port entry, no asset freeze.
petrel := {
	"list": "uk-fcdo", "entry_id": "DPR0075", "entry_name": "Petrel 8", "entry_type": "vessel",
	"matched_name": "Petrel 8", "matched_on": "name", "score": 1, "method": "exact", "linked_to": [],
	"confidence": "high",
	"programs": [
		"The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019",
		"measure:Prohibition of port entry",
	],
}

sbom(party, profile) := {
	"kind": "sbom", "as_of": "2026-12-03T00:00:00Z", "profile": profile,
	"source": {"path": "app.cdx.json"}, "subject": {"name": "app", "version": "1", "parties": []},
	"components": [{
		"ref": "pkg:npm/lib@1.0.0", "pointer": "/components/0", "name": "lib", "version": "1.0.0",
		"purl": "pkg:npm/lib@1.0.0", "parties": [party], "matches": [],
	}],
	"lists": all_lists, "screening": {"match": 0.92, "review": 0.8}, "coverage": {"unattributed_count": 0},
}

author(m) := {"role": "author", "kind": "person", "name": "Доку Умаров", "pointer": "/components/0/authors/0", "matches": [m]}

supplier(m) := {"role": "supplier", "kind": "organization", "name": "KTJ", "pointer": "/components/0/supplier/name", "matches": [m]}

procurement(parties, profile) := {
	"kind": "procurement", "as_of": "2026-12-03T00:00:00Z", "profile": profile,
	"source": {"path": "v.csv"}, "components": [],
	"vendors": [{
		"record": 2, "pointer": "row 3", "source": "v.csv", "name": "Volga Data Systems LLC",
		"parties": parties, "matches": [], "products": [], "owners": [],
	}],
	"lists": all_lists, "screening": {"match": 0.92, "review": 0.8},
}

rules(vs) := [v.rule | some v in vs]

# with_lists replaces the lists of a document (object.union would merge them).
with_lists(doc, ls) := object.union(object.remove(doc, ["lists"]), {"lists": ls})

one(s) := x if {
	count(s) == 1
	some x in s
}

test_un_hit_denies_for_eu_uk_and_all if {
	every p in ["eu-person", "uk-person", "all"] {
		v := one(asset_freeze.deny) with input as sbom(author(umarov(1, "high")), p)
		v.rule == "un-sc-asset-freeze"
		v.severity == "critical"
		v.pointer == "/components/0/authors/0"
		v.authority.obligation == "un-sc"
		v.authority.citation == "Charter of the United Nations, Article 25 and Chapter VII; Security Council resolutions 1267 (1999), 1989 (2011) and 2253 (2015) (ISIL (Da'esh) and Al-Qaida)"
		contains(v.message, `UN Security Council Consolidated List entry QDi.290 "DOKU KHAMATOVICH UMAROV" (individual)`)
		contains(v.message, "assets are frozen")
	}
}

test_us_person_does_not_apply_un if {
	count(asset_freeze.deny | asset_freeze.review) == 0 with input as sbom(author(umarov(1, "high")), "us-person")
}

# The OFAC rule set leaves the UN, EU and UK lists alone (they are not
# unknown non-SDN programs).
test_ofac_rules_ignore_regime_lists if {
	count(((sanctions.deny | sanctions.review) | sanctions.warn)) == 0 with input as sbom(author(umarov(1, "high")), "all")
}

test_eu_hit_denies_for_eu_person_only if {
	v := one(asset_freeze.deny) with input as sbom(author(saddam(1, "high")), "eu-person")
	v.rule == "eu-asset-freeze"
	v.authority.obligation == "eu-sanctions"
	v.authority.citation == "Article 215 TFEU; Council Regulation (EC) No 1210/2003 (Iraq); 1210/2003 (OJ L169)"
	count(asset_freeze.deny | asset_freeze.review) == 0 with input as sbom(author(saddam(1, "high")), "uk-person")
}

test_uk_entity_hit_denies if {
	v := one(asset_freeze.deny) with input as sbom(supplier(ktj(1, "high")), "uk-person")
	v.rule == "uk-asset-freeze"
	v.authority.citation == "Sanctions and Anti-Money Laundering Act 2018, sections 1 and 3; regime Isil (Da'esh) and Al-Qaeda (United Nations Sanctions) (EU Exit) Regulations 2019"
	v.authority.url == "https://www.gov.uk/government/publications/the-uk-sanctions-list"
	count(asset_freeze.deny) == 0 with input as sbom(supplier(ktj(1, "high")), "eu-person")
}

test_uk_designation_without_asset_freeze_reviews if {
	v := one(asset_freeze.review) with input as sbom(supplier(petrel), "uk-person")
	v.rule == "uk-asset-freeze-possible"
	contains(v.message, "no asset freeze")
	contains(v.message, "measure:Prohibition of port entry")
	count(asset_freeze.deny) == 0 with input as sbom(supplier(petrel), "uk-person")
}

test_possible_match_reviews if {
	v := one(asset_freeze.review) with input as sbom(author(saddam(0.85, "low")), "eu-person")
	v.rule == "eu-asset-freeze-possible"
	v.severity == "high"
	contains(v.message, "possible match")
	count(asset_freeze.deny) == 0 with input as sbom(author(saddam(0.85, "low")), "eu-person")
}

test_weak_signal_reviews if {
	rules(asset_freeze.review) == ["un-sc-possible"] with input as sbom(author(umarov(1, "low")), "eu-person")
}

test_kind_mismatch_reviews if {
	p := {"role": "supplier", "kind": "organization", "name": "Umarov Trading", "pointer": "/components/0/supplier/name", "matches": [umarov(1, "high")]}
	v := one(asset_freeze.review) with input as sbom(p, "uk-person")
	contains(v.message, "a organization name matched an entry of type individual")
}

test_vendor_owner_reviews_and_contact_denies if {
	owner := {"role": "owner", "kind": "", "name": "Doku Umarov", "pointer": "row 3, column owners", "matches": [umarov(1, "high")]}
	v := one(asset_freeze.review) with input as procurement([owner], "eu-person")
	contains(v.message, "owns or controls")
	contact := {"role": "contact", "kind": "person", "name": "Doku Umarov", "pointer": "row 3, column contact", "matches": [umarov(1, "high")]}
	rules(asset_freeze.deny) == ["un-sc-asset-freeze"] with input as procurement([contact], "eu-person")
}

test_one_finding_per_subject_and_entry if {
	p := {"role": "author", "kind": "person", "name": "x", "pointer": "/components/0/authors/0", "matches": [umarov(0.85, "low"), umarov(1, "high")]}
	rules(asset_freeze.deny) == ["un-sc-asset-freeze"] with input as sbom(p, "eu-person")
	count(asset_freeze.review) == 0 with input as sbom(p, "eu-person")
}

test_missing_list_is_an_error_where_required if {
	doc := with_lists(sbom(author(umarov(1, "high")), "eu-person"), {"un-sc": {"kind": "sanctions"}})
	errs := asset_freeze.errors with input as doc
	errs == {{"code": "list-missing", "message": "profile \"eu-person\" applies obligation eu-sanctions, but none of its lists (eu-fsf) is loaded: run \"bangate data update\" (or \"bangate data import\" offline)"}}
	count(asset_freeze.warn) == 0 with input as doc
}

test_either_uk_list_serves if {
	ofsi := with_lists(sbom(author(umarov(1, "high")), "uk-person"), {"un-sc": {"kind": "sanctions"}, "uk-ofsi": {"kind": "sanctions"}})
	count(asset_freeze.errors) == 0 with input as ofsi
	none := with_lists(ofsi, {"un-sc": {"kind": "sanctions"}})
	e := one(asset_freeze.errors) with input as none
	contains(e.message, "(uk-fcdo, uk-ofsi)")
}

test_missing_list_warns_where_not_required if {
	doc := with_lists(sbom(author(umarov(1, "high")), "all"), {"un-sc": {"kind": "sanctions"}})
	count(asset_freeze.errors) == 0 with input as doc
	{v.message | some v in asset_freeze.warn} == {
		"profile \"all\" applies obligation eu-sanctions, but none of its lists (eu-fsf) is loaded: run \"bangate data update\" (or \"bangate data import\" offline)",
		"profile \"all\" applies obligation uk-sanctions, but none of its lists (uk-fcdo, uk-ofsi) is loaded: run \"bangate data update\" (or \"bangate data import\" offline)",
	} with input as doc
	rules(asset_freeze.deny) == ["un-sc-asset-freeze"] with input as doc
}

test_missing_thresholds_is_an_error if {
	doc := object.remove(sbom(author(umarov(1, "high")), "eu-person"), ["screening"])
	asset_freeze.errors == {{"code": "screening-invalid", "message": "input.screening.match and input.screening.review must be numbers to decide sanctions matches"}} with input as doc
	count(asset_freeze.deny) == 0 with input as doc
}

test_unknown_program_cited_by_tag if {
	m := object.union(umarov(1, "high"), {"programs": ["NewRegime"]})
	v := one(asset_freeze.deny) with input as sbom(author(m), "eu-person")
	v.authority.citation == "Charter of the United Nations, Article 25 and Chapter VII; regime NewRegime"
	m2 := object.union(m, {"programs": "x"})
	v2 := one(asset_freeze.deny) with input as sbom(author(m2), "eu-person")
	contains(v2.message, "regime none given")
}

test_ban_lists_and_unapplied_lists_ignored if {
	k := {"list": "kaspersky", "entry_id": "kaspersky-lab", "score": 1, "confidence": "high"}
	count(asset_freeze.deny | asset_freeze.review) == 0 with input as sbom(supplier(k), "eu-person")

	# A list id the input does not describe as a sanctions list is not read.
	doc := with_lists(sbom(author(umarov(1, "high")), "eu-person"), {"un-sc": {"kind": "ban"}, "eu-fsf": {"kind": "sanctions"}})
	count(asset_freeze.deny) == 0 with input as doc
}

# A listed person's name with nothing else to tie the party to the entry
# never freezes: review when the whole name matches at the name-only
# threshold, or a name of two words or more lacks a part of the listed
# one (the patronymic); nothing when one word stands for a longer name.
test_name_only_reviews_or_drops if {
	m := object.remove(umarov(1, "high"), ["corroboration"])
	v := one(asset_freeze.review) with input as sbom(author(m), "eu-person")
	contains(v.message, "name only")
	count(asset_freeze.deny) == 0 with input as sbom(author(m), "eu-person")
	partial := object.union(m, {"missing": ["khamatovich"], "name_words": 2})
	vp := one(asset_freeze.review) with input as sbom(author(partial), "eu-person")
	contains(vp.message, "the party's name lacks the listed khamatovich")
	count(asset_freeze.deny) == 0 with input as sbom(author(partial), "eu-person")
	one_word := object.union(m, {"missing": ["doku", "khamatovich"], "name_words": 1})
	count(asset_freeze.review | asset_freeze.deny) == 0 with input as sbom(author(one_word), "eu-person")
}
