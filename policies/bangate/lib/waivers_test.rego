package bangate.lib.waivers_test

import data.bangate.lib.waivers

waiver := {
	"id": "W-1", "rule": "kaspersky-icts-2024",
	"subject": {"purl": "pkg:maven/com.kaspersky.android-components/"},
	"reason": "test-only UI framework, not anti-virus software", "approved_by": "jane.doe",
	"ticket": "SEC-1", "expires": "2025-01-01",
}

finding := {
	"rule": "kaspersky-icts-2024",
	"subject": {"kind": "component", "ref": "pkg:maven/com.kaspersky.android-components/kaspresso@1.6.0", "name": "kaspresso", "version": "1.6.0"},
}

test_active_before_expiry if {
	waivers.active == {waiver} with data.bangate.waivers as [waiver]
		with input as {"as_of": "2024-12-31T23:59:59Z"}
	waivers.expired == set() with data.bangate.waivers as [waiver]
		with input as {"as_of": "2024-12-31T23:59:59Z"}
}

test_expired_on_expiry_day if {
	waivers.active == set() with data.bangate.waivers as [waiver]
		with input as {"as_of": "2025-01-01T00:00:00Z"}
	waivers.expired == {waiver} with data.bangate.waivers as [waiver]
		with input as {"as_of": "2025-01-01T00:00:00Z"}
}

test_no_waivers_is_empty if {
	waivers.all == []
	count(waivers.errors) == 0
}

test_covers_purl_prefix_on_ref if {
	waivers.covers(waiver, finding)
}

test_covers_needs_same_rule if {
	not waivers.covers(waiver, object.union(finding, {"rule": "kaspersky-far-52-204-23"}))
}

test_covers_purl_prefix_mismatch if {
	not waivers.covers(waiver, with_subject(finding, {"kind": "component", "ref": "pkg:npm/%40kaspersky/hexa-ui@6.1.0", "name": "hexa-ui"}))
}

test_covers_prefers_subject_purl if {
	f := with_subject(finding, {"kind": "component", "ref": "comp-7", "name": "kaspresso", "purl": "pkg:maven/com.kaspersky.android-components/kaspresso@1.6.0"})
	waivers.covers(waiver, f)
}

test_covers_name_ignores_case if {
	w := with_subject(waiver, {"name": "KASPRESSO"})
	waivers.covers(w, finding)
}

test_covers_all_selectors_must_match if {
	w := with_subject(waiver, {"name": "kaspresso", "ref": "other"})
	not waivers.covers(w, finding)
}

test_covers_ref_exact if {
	w := with_subject(waiver, {"ref": "pkg:maven/com.kaspersky.android-components/kaspresso@1.6.0"})
	waivers.covers(w, finding)
	w2 := with_subject(waiver, {"ref": "pkg:maven/com.kaspersky.android-components/kaspresso"})
	not waivers.covers(w2, finding)
}

test_invalid_waiver_reported_and_not_applied if {
	bad := object.remove(waiver, ["approved_by"])
	waivers.errors == {{"code": "waiver-invalid", "message": "waiver 0 (W-1): approved_by must be a non-empty string"}} with data.bangate.waivers as [bad]
	waivers.valid == set() with data.bangate.waivers as [bad]
}

test_invalid_expiry_reported if {
	bad := object.union(waiver, {"expires": "next year"})
	waivers.errors == {{"code": "waiver-invalid", "message": "waiver 0 (W-1): expires must be a date YYYY-MM-DD"}} with data.bangate.waivers as [bad]
}

test_empty_subject_reported if {
	bad := with_subject(waiver, {})
	count(waivers.errors) == 1 with data.bangate.waivers as [bad]
	bad2 := with_subject(waiver, {"vendor": "Kaspersky"})
	count(waivers.errors) == 1 with data.bangate.waivers as [bad2]
}

test_waivers_not_a_list if {
	waivers.errors == {{"code": "waivers-invalid", "message": "data.bangate.waivers must be a list of waivers"}} with data.bangate.waivers as {"W-1": waiver}
}

# with_subject replaces the subject of x (object.union would merge it).
with_subject(x, s) := object.union(object.remove(x, ["subject"]), {"subject": s})

test_name_selector_without_subject_name if {
	not waivers.covers(with_subject(waiver, {"name": "kaspresso"}), with_subject(finding, {"kind": "document", "ref": "app"}))
}

test_purl_selector_on_non_purl_ref if {
	not waivers.covers(waiver, with_subject(finding, {"kind": "component", "ref": "comp-7", "name": "kaspresso"}))
}

test_invalid_waiver_without_id if {
	bad := object.remove(waiver, ["id"])
	waivers.errors == {{"code": "waiver-invalid", "message": "waiver 0 (no id): id must be a non-empty string"}} with data.bangate.waivers as [bad]
}
