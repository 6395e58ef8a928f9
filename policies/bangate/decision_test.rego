package bangate.decision_test

import data.bangate.decision

as_of := "2026-11-27T00:00:00Z"

kaspresso := "pkg:maven/com.kaspersky.android-components/kaspresso@1.6.0"

kaspersky_match(conf) := {
	"list": "kaspersky", "entry_id": "kaspersky-lab", "entry_name": "Kaspersky Lab, Inc.",
	"matched_name": "com.kaspersky", "matched_on": "purl_namespace", "score": 1, "method": "namespace-prefix",
	"signal": "purl", "value": kaspresso, "pointer": "/components/0/purl", "confidence": conf,
}

doc(profile, conf) := {
	"kind": "sbom", "as_of": as_of, "profile": profile,
	"source": {"path": "app.cdx.json"}, "subject": {"name": "app", "version": "1.0.0"},
	"components": [{
		"ref": kaspresso, "pointer": "/components/0", "name": "kaspresso", "version": "1.6.0",
		"type": "library", "purl": kaspresso, "matches": [kaspersky_match(conf)],
	}],
	"coverage": {"components": 1, "unattributed_count": 0},
}

clean_doc := object.union(doc("federal-contractor", "high"), {"components": []})

waiver(rule, expires) := {
	"id": "W-7", "rule": rule, "subject": {"purl": "pkg:maven/com.kaspersky.android-components/*"},
	"reason": "Kaspresso is a UI test framework, not anti-virus software; test scope only",
	"approved_by": "compliance@example.com", "ticket": "LEGAL-42", "expires": expires,
}

rules(vs) := [v.rule | some v in vs]

test_pass_without_findings if {
	r := decision.result with input as clean_doc
	r == {"outcome": "pass", "violations": [], "reviews": [], "warnings": [], "waived": [], "invalid": [], "errors": []}
}

test_fail_on_deny_sorted_by_rule if {
	r := decision.result with input as doc("federal-contractor", "high")
	r.outcome == "fail"
	rules(r.violations) == ["kaspersky-far-52-204-23", "kaspersky-icts-2024"]
	r.reviews == []
	r.waived == []
}

test_review_on_low_confidence if {
	r := decision.result with input as doc("us-person", "low")
	r.outcome == "review"
	r.violations == []
	rules(r.reviews) == ["kaspersky-icts-2024"]
}

test_waiver_applies if {
	r := decision.result with input as doc("us-person", "high")
		with data.bangate.waivers as [waiver("kaspersky-icts-2024", "2027-01-01")]
	r.outcome == "pass"
	r.violations == []
	[w] := r.waived
	w.rule == "kaspersky-icts-2024"
	w.waiver.id == "W-7"
	w.waiver.ticket == "LEGAL-42"
	rules(r.warnings) == ["kaspersky-leaders-sdn-2024"]
}

test_waiver_covers_only_its_rule if {
	r := decision.result with input as doc("federal-contractor", "high")
		with data.bangate.waivers as [waiver("kaspersky-icts-2024", "2027-01-01")]
	r.outcome == "fail"
	rules(r.violations) == ["kaspersky-far-52-204-23"]
	rules(r.waived) == ["kaspersky-icts-2024"]
}

test_waiver_other_subject_does_not_apply if {
	w := object.union(object.remove(waiver("kaspersky-icts-2024", "2027-01-01"), ["subject"]), {"subject": {"purl": "pkg:npm/%40kaspersky/hexa-ui@6.1.0"}})
	r := decision.result with input as doc("us-person", "high") with data.bangate.waivers as [w]
	r.outcome == "fail"
	r.waived == []
}

test_waiver_covers_review if {
	r := decision.result with input as doc("us-person", "low")
		with data.bangate.waivers as [waiver("kaspersky-icts-2024", "2027-01-01")]
	r.outcome == "pass"
	count(r.waived) == 1
}

test_expired_waiver_reported_and_not_applied if {
	r := decision.result with input as doc("us-person", "high")
		with data.bangate.waivers as [waiver("kaspersky-icts-2024", "2026-11-27")]
	r.outcome == "fail"
	rules(r.violations) == ["kaspersky-icts-2024"]
	r.waived == []
	rules(r.warnings) == ["kaspersky-leaders-sdn-2024", "waiver-expired"]
	w := r.warnings[1]
	w.severity == "low"
	w.waiver.id == "W-7"
	w.subject.ref == kaspresso
	w.pointer == "/components/0/purl"
	contains(w.message, "expired on 2026-11-27")
}

test_active_waiver_wins_over_expired if {
	old := object.union(waiver("kaspersky-icts-2024", "2025-01-01"), {"id": "W-1"})
	r := decision.result with input as doc("us-person", "high")
		with data.bangate.waivers as [old, waiver("kaspersky-icts-2024", "2027-01-01")]
	r.outcome == "pass"
	[w] := r.waived
	w.waiver.id == "W-7"
	rules(r.warnings) == ["kaspersky-leaders-sdn-2024"]
}

test_malformed_waiver_is_an_error if {
	bad := object.remove(waiver("kaspersky-icts-2024", "2027-01-01"), ["ticket"])
	r := decision.result with input as doc("us-person", "high") with data.bangate.waivers as [bad]
	r.outcome == "error"
	r.errors == [{"code": "waiver-invalid", "message": "waiver 0 (W-7): ticket must be a non-empty string"}]
	rules(r.violations) == ["kaspersky-icts-2024"]
}

test_user_rule_set_gathered if {
	v := {"rule": "no-gpl", "severity": "high", "title": "GPL", "message": "GPL-3.0 in lib", "subject": {"kind": "component", "ref": "lib"}, "pointer": "/components/3"}
	r := decision.result with input as clean_doc with data.bangate.rules.licences.deny as {v}
	r.outcome == "fail"
	r.violations == [v]
}

test_user_warn_gathered_and_sorted if {
	a := {"rule": "b-rule", "severity": "info", "message": "m", "subject": {"kind": "document"}}
	b := {"rule": "a-rule", "severity": "info", "message": "m", "subject": {"kind": "document", "ref": "z"}, "pointer": "/x"}
	c := {"rule": "a-rule", "severity": "info", "message": "m", "subject": {"kind": "document", "ref": "a"}}
	r := decision.result with input as clean_doc with data.bangate.rules.mine.warn as {a, b, c}
	r.outcome == "pass"
	r.warnings == [c, b, a]
}

test_malformed_violation_is_invalid_not_dropped if {
	bad := {"rule": "no-gpl", "severity": "urgent", "subject": "lib"}
	r := decision.result with input as clean_doc with data.bangate.rules.licences.deny as {bad}
	r.outcome == "error"
	r.violations == []
	r.invalid == [{
		"set": "licences", "kind": "deny", "violation": bad,
		"reason": "message must be a non-empty string; severity must be one of critical, high, medium, low, info; subject must be an object whose kind is component, vendor or document",
	}]
}

test_string_deny_is_invalid if {
	r := decision.result with input as clean_doc with data.bangate.rules.conftest_style.deny as {"GPL found"}
	r.outcome == "error"
	count(r.invalid) == 1
}

test_deny_not_a_set_is_invalid if {
	r := decision.result with input as clean_doc with data.bangate.rules.broken.deny as true
	r.outcome == "error"
	r.invalid == [{"set": "broken", "kind": "deny", "reason": "deny must be a set of violations (deny contains v if ...)"}]
}

test_missing_as_of_is_an_error if {
	r := decision.result with input as object.remove(doc("us-person", "high"), ["as_of"])
	r.outcome == "error"
	r.errors == [{"code": "as-of-invalid", "message": "input.as_of is missing or not an RFC 3339 timestamp"}]
	r.violations == []
}

test_unknown_profile_is_an_error if {
	r := decision.result with input as doc("astronaut", "high")
	r.outcome == "error"
	r.errors == [{"code": "profile-unknown", "message": "profile \"astronaut\" is not defined in data.bangate.profiles"}]
}

test_missing_profile_is_an_error if {
	r := decision.result with input as object.remove(doc("us-person", "high"), ["profile"])
	r.outcome == "error"
	r.errors[0].code == "profile-missing"
}

test_rule_set_errors_gathered if {
	m := object.union(kaspersky_match("high"), {"entry_id": "nope"})
	d := object.union(doc("us-person", "high"), {"components": [{"ref": "x", "name": "x", "matches": [m]}]})
	r := decision.result with input as d
	r.outcome == "error"
	r.errors == [{"code": "match-unknown-entry", "message": "vendor_bans: /components/0: a match names entry \"nope\", which ban list \"kaspersky\" does not define"}]
}

test_non_object_rule_error_kept if {
	r := decision.result with input as clean_doc with data.bangate.rules.mine.errors as {"boom"}
	r.errors == [{"code": "rule-error", "message": "mine: boom"}]
}

test_coverage_warning_does_not_block if {
	d := object.union(clean_doc, {"coverage": {"components": 3, "unattributed_count": 1, "unattributed": [{"ref": "r"}]}})
	r := decision.result with input as d
	r.outcome == "pass"
	rules(r.warnings) == ["coverage-unattributed"]
}

test_annotations_probe if {
	decision.annotations_loaded
	count(decision.annotation_errors) == 0
}

test_annotations_missing_is_an_error if {
	r := decision.result with input as clean_doc with decision.annotations_loaded as false
	r.outcome == "error"
	r.errors[0].code == "annotations-missing"
}

# --- waivers an SBOM's author cannot stretch (issue 13, item 7) ---------------

# two_with_one_ref is doc with a second, banned component given the same
# bom-ref as kaspresso.
two_with_one_ref := object.union(doc("us-person", "high"), {"components": [
	doc("us-person", "high").components[0],
	{
		"ref": kaspresso, "pointer": "/components/1", "name": "kav-agent", "version": "11",
		"type": "library", "purl": "pkg:maven/com.kaspersky/kav-agent@11",
		"matches": [object.union(kaspersky_match("high"), {"value": "pkg:maven/com.kaspersky/kav-agent@11", "pointer": "/components/1/purl"})],
	},
]})

test_ref_alone_is_refused_not_applied if {
	w := object.union(object.remove(waiver("kaspersky-icts-2024", "2027-01-01"), ["subject"]), {"subject": {"ref": kaspresso}})
	r := decision.result with input as two_with_one_ref with data.bangate.waivers as [w]
	r.outcome == "error"
	r.waived == []
	[e] := r.errors
	contains(e.message, "a ref or a name alone is the SBOM author's to choose")
}

test_ref_with_purl_waives_only_its_component if {
	w := object.union(object.remove(waiver("kaspersky-icts-2024", "2027-01-01"), ["subject"]), {"subject": {"ref": kaspresso, "purl": kaspresso}})
	r := decision.result with input as two_with_one_ref with data.bangate.waivers as [w]
	r.outcome == "fail"
	[v] := r.violations
	v.subject.name == "kav-agent"
	[x] := r.waived
	x.subject.name == "kaspresso"
}

test_bare_prefix_is_refused_not_applied if {
	w := object.union(object.remove(waiver("kaspersky-icts-2024", "2027-01-01"), ["subject"]), {"subject": {"purl": "p"}})
	r := decision.result with input as doc("us-person", "high") with data.bangate.waivers as [w]
	r.outcome == "error"
	r.waived == []
	[e] := r.errors
	contains(e.message, "a bare prefix is not matched")
}

test_hash_waiver if {
	h := "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	d := object.union(doc("us-person", "high"), {"components": [object.union(doc("us-person", "high").components[0], {"hashes": [h]})]})
	w := object.union(object.remove(waiver("kaspersky-icts-2024", "2027-01-01"), ["subject"]), {"subject": {"hash": h}})
	r := decision.result with input as d with data.bangate.waivers as [w]
	r.outcome == "pass"
	[x] := r.waived
	x.waiver.subject.hash == h

	# The same waiver does not cover the component without that hash.
	r2 := decision.result with input as doc("us-person", "high") with data.bangate.waivers as [w]
	r2.outcome == "fail"
}
