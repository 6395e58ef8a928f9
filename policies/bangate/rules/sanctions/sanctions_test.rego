package bangate.rules.sanctions_test

import data.bangate.rules.sanctions

lists := {
	"ofac-sdn": {"kind": "sanctions"},
	"ofac-cons": {"kind": "sanctions"},
	"trade-csl": {"kind": "sanctions"},
	"kaspersky": {"kind": "ban"},
}

# A real SDN row: ent_num 45815, RUSSIA-EO14024 (2024-06-21 designations).
tikhonov(score, conf) := {
	"list": "ofac-sdn", "entry_id": "45815", "entry_name": "TIKHONOV, Andrei Gennadyevich",
	"entry_type": "individual", "matched_name": "TIKHONOV, Andrey", "matched_on": "alias",
	"score": score, "method": "normalized", "programs": ["RUSSIA-EO14024"], "linked_to": [],
	"confidence": conf, "namesakes": ["TIKHONOV, Andrei Gennadyevich (ofac-sdn 45815; DOB 09 Nov 1966; nationality Russia)"],
	# Something else in the input ties the party to the entry; a name alone
	# is tikhonov_name_only.
	"corroboration": ["email \"atikhonov@kaspersky.com\" matches \"atikhonov@kaspersky.com\" (exact address)"],
}

# tikhonov_name_only is the same match with nothing to corroborate it.
tikhonov_name_only(score, conf) := object.remove(tikhonov(score, conf), ["corroboration"])

# A real SDN entity: ent_num 31455, JSC Positive Technologies.
ptsecurity(score, conf) := {
	"list": "ofac-sdn", "entry_id": "31455", "entry_name": "AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ",
	"entry_type": "entity", "matched_name": "POSITIVE TECHNOLOGIES", "matched_on": "alias",
	"score": score, "method": "normalized", "programs": ["CYBER2", "RUSSIA-EO14024"],
	"linked_to": ["FEDERAL SECURITY SERVICE"], "confidence": conf,
}

# A real non-SDN CMIC row: ent_num 30946, Hikvision.
hikvision_cmic := {
	"list": "ofac-cons", "entry_id": "30946", "entry_name": "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.",
	"entry_type": "entity", "matched_on": "name", "score": 1, "method": "exact",
	"programs": ["CMIC-EO13959"], "linked_to": [], "confidence": "high",
}

sbom(party, profile) := {
	"kind": "sbom", "as_of": "2026-11-27T00:00:00Z", "profile": profile,
	"source": {"path": "app.cdx.json"}, "subject": {"name": "app", "version": "1", "parties": []},
	"components": [{
		"ref": "pkg:npm/lib@1.0.0", "pointer": "/components/0", "name": "lib", "version": "1.0.0",
		"purl": "pkg:npm/lib@1.0.0", "parties": [party], "matches": [],
	}],
	"lists": lists, "screening": {"match": 0.9, "review": 0.8}, "coverage": {"unattributed_count": 0},
}

author(m) := {"role": "author", "kind": "person", "name": "Andrey Tikhonov", "pointer": "/components/0/authors/0", "matches": [m]}

supplier(m) := {"role": "supplier", "kind": "organization", "name": "Positive Technologies", "pointer": "/components/0/supplier/name", "matches": [m]}

procurement(vendor) := {
	"kind": "procurement", "as_of": "2026-11-27T00:00:00Z", "profile": "us-person",
	"source": {"path": "v.csv"}, "components": [], "vendors": [vendor],
	"lists": lists, "screening": {"match": 0.9, "review": 0.8}, "settings": {"embargo": "deny"},
}

vendor(parties, ownership) := {
	"record": 2, "pointer": "row 3", "source": "v.csv", "name": "Volga Data Systems LLC",
	"parties": parties, "matches": [], "products": [], "owners": [], "ownership": ownership,
}

not_blocked := {"designated": false, "blocked": false, "percent": 0, "look_through": 0, "chains": []}

rules(vs) := [v.rule | some v in vs]

test_sdn_hit_denies_with_citation if {
	v := one(sanctions.deny) with input as sbom(author(tikhonov(1, "high")), "us-person")
	v.rule == "ofac-sdn-blocked"
	v.severity == "critical"
	v.pointer == "/components/0/authors/0"
	v.subject.ref == "pkg:npm/lib@1.0.0"
	v.authority.url == "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=45815"
	v.authority.citation == "31 CFR chapter V; E.O. 14024, 31 CFR part 587 (RUSSIA-EO14024)"
	contains(v.message, "SDN entry 45815")
	count(sanctions.review) == 0 with input as sbom(author(tikhonov(1, "high")), "us-person")
}

test_profile_without_ofac_skips if {
	count(sanctions.deny) == 0 with input as sbom(author(tikhonov(1, "high")), "p")
		with data.bangate.profiles as {"p": {"obligations": ["icts-kaspersky"]}}
}

test_possible_match_reviews if {
	v := one(sanctions.review) with input as sbom(author(tikhonov(0.85, "low")), "us-person")
	v.rule == "ofac-sdn-possible"
	contains(v.message, "possible match")
	count(sanctions.deny) == 0 with input as sbom(author(tikhonov(0.85, "low")), "us-person")
}

test_weak_signal_reviews if {
	# A hit by score, but from a copyright line only (low confidence).
	count(sanctions.deny) == 0 with input as sbom(author(tikhonov(1, "low")), "us-person")
	count(sanctions.review) == 1 with input as sbom(author(tikhonov(1, "low")), "us-person")
}

test_person_matched_to_entity_reviews if {
	p := object.union(supplier(ptsecurity(1, "high")), {"kind": "person"})
	v := one(sanctions.review) with input as sbom(p, "us-person")
	contains(v.message, "a person name matched an entry of type entity")
}

test_organisation_matched_to_individual_reviews if {
	p := object.union(author(tikhonov(1, "high")), {"kind": "organization"})
	count(sanctions.review) == 1 with input as sbom(p, "us-person")
	count(sanctions.deny) == 0 with input as sbom(p, "us-person")
}

test_entity_hit_denies if {
	v := one(sanctions.deny) with input as sbom(supplier(ptsecurity(0.97, "high")), "us-person")
	v.authority.citation == "31 CFR chapter V; E.O. 13694 as amended by E.O. 13757, 31 CFR part 578 (CYBER2); E.O. 14024, 31 CFR part 587 (RUSSIA-EO14024)"
}

test_subject_party_screened if {
	doc := object.union(sbom(author(tikhonov(0.5, "low")), "us-person"), {"components": [], "subject": {"name": "app", "parties": [supplier(ptsecurity(1, "high"))]}})
	v := one(sanctions.deny) with input as doc
	v.subject.kind == "document"
}

test_identifier_match_denies if {
	m := object.union(ptsecurity(1, "high"), {"matched_on": "domain", "signal": "url", "value": "ptsecurity.com", "pointer": "/components/0/externalReferences/0/url"})
	doc := object.union(sbom(author(tikhonov(0.5, "low")), "us-person"), {"components": [{"ref": "c", "name": "c", "parties": [], "matches": [m]}]})
	v := one(sanctions.deny) with input as doc
	v.pointer == "/components/0/externalReferences/0/url"
}

test_one_finding_per_subject_and_entry if {
	c := {"ref": "c", "name": "c", "parties": [supplier(ptsecurity(0.85, "low")), supplier(ptsecurity(1, "high"))], "matches": []}
	doc := object.union(sbom(author(tikhonov(0.5, "low")), "us-person"), {"components": [c]})
	count(sanctions.deny) == 1 with input as doc
	count(sanctions.review) == 0 with input as doc
}

test_ban_list_matches_ignored if {
	m := {"list": "kaspersky", "entry_id": "kaspersky-lab", "score": 1, "confidence": "high"}
	count(sanctions.deny | sanctions.review) == 0 with input as sbom(supplier(m), "us-person")
}

test_cmic_warns_for_software if {
	v := one(sanctions.warn) with input as sbom(supplier(hikvision_cmic), "us-person")
	v.rule == "ofac-ns-cmic"
	contains(v.message, "securities restriction")
	count(sanctions.review) == 0 with input as sbom(supplier(hikvision_cmic), "us-person")
}

test_cmic_reviews_for_procurement if {
	p := {"role": "manufacturer", "kind": "organization", "name": "Hikvision", "pointer": "row 3, column manufacturer", "matches": [hikvision_cmic]}
	v := one(sanctions.review) with input as procurement(vendor([p], not_blocked))
	v.rule == "ofac-ns-cmic"
	v.subject == {"kind": "vendor", "ref": "v.csv#2", "name": "Volga Data Systems LLC", "version": ""}
	v.pointer == "row 3, column manufacturer"
}

test_ssi_reviews_and_sdn_shadows_it if {
	ssi := object.union(ptsecurity(1, "high"), {"list": "ofac-cons", "programs": ["UKRAINE-EO13662", "RUSSIA-EO14024"]})
	v := one(sanctions.review) with input as sbom(supplier(ssi), "us-person")
	v.rule == "ofac-ssi"
	both := {"role": "supplier", "kind": "organization", "name": "PT", "matches": [ssi, ptsecurity(1, "high")]}
	rules(sanctions.deny) == ["ofac-sdn-blocked"] with input as sbom(both, "us-person")
	count(sanctions.review) == 0 with input as sbom(both, "us-person")
}

test_fse_denies_and_possible_fse_reviews if {
	fse := object.union(ptsecurity(1, "high"), {"list": "ofac-cons", "programs": ["FSE-SY"]})
	v := one(sanctions.deny) with input as sbom(supplier(fse), "us-person")
	v.rule == "ofac-fse"
	r := one(sanctions.review) with input as sbom(supplier(object.union(fse, {"score": 0.85})), "us-person")
	r.rule == "ofac-fse"
}

test_unknown_non_sdn_program_reviews if {
	m := object.union(ptsecurity(1, "high"), {"list": "ofac-cons", "programs": ["NEW-PROGRAM"]})
	v := one(sanctions.review) with input as sbom(supplier(m), "us-person")
	v.rule == "ofac-non-sdn"
	contains(v.message, "NEW-PROGRAM")
	m2 := object.union(m, {"programs": "NEW"})
	v2 := one(sanctions.review) with input as sbom(supplier(m2), "us-person")
	contains(v2.message, "programs none given")
}

test_capta_warns if {
	m := object.union(ptsecurity(1, "high"), {"list": "ofac-cons", "entry_id": "15268", "programs": ["561-Related"]})
	rules(sanctions.warn) == ["ofac-capta"] with input as sbom(supplier(m), "us-person")
}

test_csl_sdn_row_blocks if {
	m := object.union(ptsecurity(1, "high"), {"list": "trade-csl", "programs": ["source:SDN", "CYBER2"]})
	v := one(sanctions.deny) with input as sbom(supplier(m), "us-person")
	v.rule == "ofac-sdn-blocked"
	v.authority.citation == "31 CFR chapter V; E.O. 13694 as amended by E.O. 13757, 31 CFR part 578 (CYBER2)"
}

test_csl_entity_list_row if {
	m := object.union(ptsecurity(1, "high"), {"list": "trade-csl", "entry_id": "a1b2", "programs": ["source:EL"]})
	rules(sanctions.warn) == ["csl-entity-list"] with input as sbom(supplier(m), "us-person")
	p := {"role": "vendor", "kind": "organization", "name": "PT", "pointer": "row 3", "matches": [m]}
	rules(sanctions.review) == ["csl-entity-list"] with input as procurement(vendor([p], not_blocked))
}

# An exporter needs a licence to send EAR items to an Entity List party:
# its procurement record is denied, its software reviewed; a possible match
# still only reviews.
test_csl_entity_list_row_for_an_exporter if {
	m := object.union(ptsecurity(1, "high"), {"list": "trade-csl", "entry_id": "a1b2", "programs": ["source:EL"]})
	v := one(sanctions.review) with input as sbom(supplier(m), "exporter")
	v.rule == "csl-entity-list"
	v.authority.citation == "15 CFR 744.11 and part 744, Supplement No. 4 (Entity List)"
	p := {"role": "vendor", "kind": "organization", "name": "PT", "pointer": "row 3", "matches": [m]}
	doc := object.union(procurement(vendor([p], not_blocked)), {"profile": "exporter"})
	rules(sanctions.deny) == ["csl-entity-list"] with input as doc
	p2 := object.union(p, {"matches": [object.union(m, {"score": 0.85})]})
	doc2 := object.union(procurement(vendor([p2], not_blocked)), {"profile": "exporter"})
	rules(sanctions.review) == ["csl-entity-list"] with input as doc2
}

# The other CSL sources each keep their own rule and citation.
test_csl_sources_keep_their_meaning if {
	every src, want in {
		"DPL": ["csl-denied-persons", "15 CFR part 764; the denial order"],
		"UVL": ["csl-unverified", "15 CFR 744.15"],
		"MEU": ["csl-military-end-user", "15 CFR 744.21, Supplement No. 7 to part 744"],
		"DTC": ["csl-itar-debarred", "Arms Export Control Act section 38 (22 U.S.C. 2778); 22 CFR 127.7"],
	} {
		m := object.union(ptsecurity(1, "high"), {"list": "trade-csl", "entry_id": src, "programs": [sprintf("source:%s", [src])]})
		p := {"role": "vendor", "kind": "organization", "name": "PT", "pointer": "row 3", "matches": [m]}
		v := one(sanctions.review) with input as procurement(vendor([p], not_blocked))
		[v.rule, v.authority.citation] == want
	}
	isn := object.union(ptsecurity(1, "high"), {"list": "trade-csl", "entry_id": "i1", "programs": ["source:ISN"]})
	v := one(sanctions.review) with input as sbom(supplier(isn), "us-person")
	v.rule == "csl-nonproliferation"
	contains(v.authority.citation, "Iran, North Korea, and Syria Nonproliferation Act")
}

test_unknown_program_cited_by_tag if {
	m := object.union(ptsecurity(1, "high"), {"entry_id": "x1", "programs": ["NEWPROG"]})
	v := one(sanctions.deny) with input as sbom(supplier(m), "us-person")
	v.authority.citation == "31 CFR chapter V; program NEWPROG"
	v.authority.url == "https://sanctionssearch.ofac.treas.gov/"
}

test_vendor_parties_screened if {
	ps := [
		{"role": "alias", "kind": "organization", "name": "PT", "pointer": "row 3, column dba", "matches": [ptsecurity(1, "high")]},
		{"role": "contact", "kind": "person", "name": "Andrey Tikhonov", "pointer": "row 3, column contact", "matches": [tikhonov(1, "high")]},
	]
	vs := sanctions.deny with input as procurement(vendor(ps, not_blocked))
	{v.pointer | some v in vs} == {"row 3, column dba", "row 3, column contact"}
}

test_minority_owner_reviews if {
	p := {"role": "owner", "kind": "", "name": "TIKHONOV, Andrei Gennadyevich", "pointer": "row 3, column owners", "matches": [tikhonov(1, "high")]}
	v := one(sanctions.review) with input as procurement(vendor([p], not_blocked))
	contains(v.message, "FAQ 398")
	count(sanctions.deny) == 0 with input as procurement(vendor([p], not_blocked))
}

test_owner_of_blocked_vendor_left_to_fifty_percent_rule if {
	p := {"role": "owner", "kind": "", "name": "TIKHONOV, Andrei Gennadyevich", "pointer": "row 3, column owners", "matches": [tikhonov(1, "high")]}
	blocked := object.union(not_blocked, {"blocked": true, "percent": 60})
	count(sanctions.review | sanctions.deny) == 0 with input as procurement(vendor([p], blocked))
}

test_missing_thresholds_is_an_error if {
	doc := object.remove(sbom(author(tikhonov(1, "high")), "us-person"), ["screening"])
	sanctions.errors == {{"code": "screening-invalid", "message": "input.screening.match and input.screening.review must be numbers to decide sanctions matches"}} with input as doc
	count(sanctions.deny) == 0 with input as doc
	count(sanctions.review) == 1 with input as doc
}

test_missing_score_and_confidence_review if {
	m := object.remove(tikhonov(1, "high"), ["score", "confidence", "entry_type", "entry_id"])
	v := one(sanctions.review) with input as sbom(author(m), "us-person")
	contains(v.message, "type not given")
}

# one is the only element of set s.
one(s) := x if {
	count(s) == 1
	some x in s
}

test_match_without_signal_named_party if {
	m := object.union(ptsecurity(1, "high"), {"value": "ptsecurity.com", "pointer": "/components/0/externalReferences/0/url"})
	doc := object.union(sbom(author(tikhonov(0.5, "low")), "us-person"), {"components": [{"ref": "c", "name": "c", "parties": [], "matches": [m]}]})
	v := one(sanctions.deny) with input as doc
	contains(v.message, "party \"ptsecurity.com\"")
}

# --- a name alone (OFAC FAQ 5; data.bangate.sanctions.name_only) -----------

# urllib3's author "Andrey Petrov" against PETROV, Andrei Yuvenalyevich:
# the whole listed name is not there (the patronymic is missing), and his
# own address is not the entry's: nothing to review, never a deny.
test_name_only_person_with_missing_words_dropped if {
	m := object.union(tikhonov_name_only(1, "high"), {"missing": ["gennadyevich"]})
	count(sanctions.deny | sanctions.review) == 0 with input as sbom(author(m), "us-person")
}

test_name_only_person_contradicted_dropped if {
	m := object.union(tikhonov_name_only(1, "high"), {"contradiction": "the party gives \"andrey@shazow.net\", which the entry does not list"})
	count(sanctions.deny | sanctions.review) == 0 with input as sbom(author(m), "us-person")
}

# A whole listed name with nothing else: review, naming the namesakes.
test_name_only_person_reviews_naming_namesakes if {
	v := one(sanctions.review) with input as sbom(author(tikhonov_name_only(1, "high")), "us-person")
	v.rule == "ofac-sdn-possible"
	contains(v.message, "name only")
	contains(v.message, "DOB 09 Nov 1966")
	contains(v.message, "FAQ 5")
	count(sanctions.deny) == 0 with input as sbom(author(tikhonov_name_only(1, "high")), "us-person")
}

# Below the name-only threshold (Sergey Rubanov against RUSANOV, Sergey
# Georgievich scored 0.902): nothing.
test_name_only_below_threshold_dropped if {
	count(sanctions.deny | sanctions.review) == 0 with input as sbom(author(tikhonov_name_only(0.92, "high")), "us-person")
}

# A contributor's name matched to an entity, and one word standing for a
# listed name, are weak too.
test_name_only_contributor_and_one_word if {
	holder := {"role": "copyright", "kind": "", "name": "{yyyy", "pointer": "/components/0/copyright", "matches": [object.union(ptsecurity(0.9, "low"), {"name_words": 1})]}
	count(sanctions.deny | sanctions.review) == 0 with input as sbom(holder, "us-person")
	one_word := object.union(supplier(object.union(ptsecurity(1, "high"), {"name_words": 1})), {"name": "prometheus"})
	v := one(sanctions.review) with input as sbom(one_word, "us-person")
	contains(v.message, "name only")
	count(sanctions.deny) == 0 with input as sbom(one_word, "us-person")
}

# A procurement vendor is the counterparty: its name match denies; a
# contact's name alone reviews, and with a consistent country denies.
test_name_only_procurement_counterparty_and_contact if {
	vend := {"role": "vendor", "kind": "", "name": "Andrey Tikhonov", "pointer": "row 3, column vendor", "matches": [tikhonov_name_only(1, "high")]}
	rules(sanctions.deny) == ["ofac-sdn-blocked"] with input as procurement(vendor([vend], not_blocked))
	contact := {"role": "contact", "kind": "person", "name": "Andrey Tikhonov", "pointer": "row 3, column contact", "matches": [tikhonov_name_only(1, "high")]}
	count(sanctions.deny) == 0 with input as procurement(vendor([contact], not_blocked))
	rules(sanctions.review) == ["ofac-sdn-possible"] with input as procurement(vendor([contact], not_blocked))
	russian := object.union(contact, {"matches": [object.union(tikhonov_name_only(1, "high"), {"corroboration": ["the record's country Russia is the entry's nationality"]})]})
	rules(sanctions.deny) == ["ofac-sdn-blocked"] with input as procurement(vendor([russian], not_blocked))
}

# A weak name match on a non-SDN list that would deny only reviews.
test_name_only_non_sdn_reviews if {
	fse := object.union(tikhonov_name_only(1, "high"), {"list": "ofac-cons", "programs": ["FSE-SY"]})
	count(sanctions.deny) == 0 with input as sbom(author(fse), "us-person")
	rules(sanctions.review) == ["ofac-fse"] with input as sbom(author(fse), "us-person")
}
