package bangate.lib.waivers_test

import data.bangate.lib.waivers

kaspresso := "pkg:maven/com.kaspersky.android-components/kaspresso@1.6.0"

sha := "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

waiver := {
	"id": "W-1", "rule": "kaspersky-icts-2024",
	"subject": {"purl": "pkg:maven/com.kaspersky.android-components/*"},
	"reason": "test-only UI framework, not anti-virus software", "approved_by": "jane.doe",
	"ticket": "SEC-1", "expires": "2025-01-01",
}

finding := {
	"rule": "kaspersky-icts-2024",
	"subject": {"kind": "component", "ref": kaspresso, "name": "kaspresso", "version": "1.6.0", "purl": kaspresso, "hashes": [sha]},
}

# with_subject replaces the subject of x (object.union would merge it).
with_subject(x, s) := object.union(object.remove(x, ["subject"]), {"subject": s})

# covers_subject holds when a waiver with selector sel covers finding f.
covers_subject(sel, f) if waivers.covers(with_subject(waiver, sel), f)

# defects are the defects of the waiver with selector sel.
defects(sel) := waivers.defects(with_subject(waiver, sel))

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

# --- purl: exact or a documented glob, never a bare prefix ---------------

test_covers_exact_purl if {
	covers_subject({"purl": kaspresso}, finding)
	not covers_subject({"purl": "pkg:maven/com.kaspersky.android-components/kaspresso@1.6.1"}, finding)
	not covers_subject({"purl": "pkg:maven/com.kaspersky.android-components/kaspresso"}, finding)
}

test_covers_namespace_glob if {
	covers_subject({"purl": "pkg:maven/com.kaspersky.android-components/*"}, finding)
	not covers_subject({"purl": "pkg:maven/com.kaspersky.android/*"}, finding)
}

test_namespace_glob_stops_at_the_segment if {
	evil := with_subject(finding, {"kind": "component", "ref": "x", "name": "x", "purl": "pkg:maven/com.kaspersky.android-components-evil/x@1"})
	not covers_subject({"purl": "pkg:maven/com.kaspersky.android-components/*"}, evil)
}

test_covers_version_glob if {
	covers_subject({"purl": "pkg:maven/com.kaspersky.android-components/kaspresso@*"}, finding)
	not covers_subject({"purl": "pkg:maven/com.kaspersky.android-components/kaspress@*"}, finding)
}

test_covers_needs_same_rule if {
	not waivers.covers(waiver, object.union(finding, {"rule": "kaspersky-far-52-204-23"}))
}

test_purl_never_matches_the_ref if {
	# A bom-ref written as a purl is the author's to choose: only the
	# component's own purl counts.
	f := with_subject(finding, {"kind": "component", "ref": kaspresso, "name": "kaspresso"})
	not covers_subject({"purl": kaspresso}, f)
	not covers_subject({"purl": "pkg:maven/com.kaspersky.android-components/*"}, f)
}

test_bare_prefixes_refused if {
	every p in ["p", "pkg:", "pkg:maven/", "pkg:maven/com.kaspersky.android-components/", "pkg:maven/com.kaspersky*", "pkg:maven/*", "pkg:maven/com.example/*/x", "*"] {
		"subject.purl must be an exact purl or a glob ending in /* or @* (a bare prefix is not matched)" in defects({"purl": p})
	}
}

test_purls_and_globs_accepted if {
	every p in [kaspresso, "pkg:maven/com.example/*", "pkg:npm/%40scope/*", "pkg:golang/github.com/org/*", "pkg:maven/com.example/lib@*", "pkg:pypi/requests"] {
		count(defects({"purl": p})) == 0
	}
}

# --- hash ------------------------------------------------------------------

test_covers_hash if {
	covers_subject({"hash": sha}, finding)
	not covers_subject({"hash": "sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"}, finding)
	not covers_subject({"hash": sha}, with_subject(finding, object.remove(finding.subject, ["hashes"])))
}

test_weak_or_malformed_hash_refused if {
	every h in ["md5:0123456789abcdef0123456789abcdef", "sha1:0123456789abcdef0123456789abcdef01234567", "sha256:abc", "SHA-256:ab", concat("", [sha, "ff"]), "sha256"] {
		count(defects({"hash": h})) > 0
	}
	count(defects({"hash": sha})) == 0
}

# --- ref, name, vendor: they narrow, never select alone ---------------------

test_ref_alone_refused if {
	count(defects({"ref": kaspresso})) == 1
	count(defects({"ref": kaspresso, "name": "kaspresso"})) == 1
	count(defects({"name": "kaspresso"})) == 1
}

test_ref_with_purl_covers_only_that_component if {
	sel := {"ref": "comp-7", "purl": kaspresso}
	f := with_subject(finding, {"kind": "component", "ref": "comp-7", "name": "kaspresso", "purl": kaspresso})
	covers_subject(sel, f)

	# A second, banned component given the same bom-ref is not waived.
	other := with_subject(finding, {"kind": "component", "ref": "comp-7", "name": "agent", "purl": "pkg:maven/com.kaspersky/agent@11"})
	not covers_subject(sel, other)
	count(defects(sel)) == 0
}

test_name_narrows_ignoring_case if {
	covers_subject({"purl": kaspresso, "name": "KASPRESSO"}, finding)
	not covers_subject({"purl": kaspresso, "name": "other"}, finding)
}

test_vendor_with_name if {
	sel := {"vendor": "vendors.csv#5", "name": "Acme LLC"}
	v := {"rule": "kaspersky-icts-2024", "subject": {"kind": "vendor", "ref": "vendors.csv#5", "name": "ACME LLC"}}
	count(defects(sel)) == 0
	covers_subject(sel, v)
	not covers_subject(sel, with_subject(v, {"kind": "vendor", "ref": "vendors.csv#5", "name": "Kaspersky Lab"}))

	# A component given the record's ref as its bom-ref is not a vendor.
	not covers_subject(sel, with_subject(v, {"kind": "component", "ref": "vendors.csv#5", "name": "Acme LLC"}))
}

test_vendor_alone_or_with_purl_refused if {
	count(defects({"vendor": "v.csv#5"})) == 1
	count(defects({"vendor": "v.csv#5", "name": "Acme", "purl": kaspresso})) == 1
}

test_unknown_or_empty_selectors_refused if {
	count(defects({})) > 0
	count(defects({"vendor_name": "Kaspersky"})) > 0
	count(defects({"purl": ""})) > 0
}

# --- licence -----------------------------------------------------------------

sdn_waiver := object.union(waiver, {"rule": "ofac-sdn-blocked", "subject": {"purl": kaspresso}})

test_sdn_block_waiver_needs_a_licence if {
	errs := waivers.errors with data.bangate.waivers as [sdn_waiver]
	[e] := [x | some x in errs]
	contains(e.message, "rule ofac-sdn-blocked finds a blocked person or frozen assets")
	contains(e.message, "licence")
	waivers.valid == set() with data.bangate.waivers as [sdn_waiver]
}

test_sdn_block_waiver_with_licence if {
	w := object.union(sdn_waiver, {"licence": "OFAC specific licence RUSSIA-EO14024-2026-123456-1"})
	waivers.errors == set() with data.bangate.waivers as [w]
	waivers.valid == {w} with data.bangate.waivers as [w]
}

test_every_blocking_rule_needs_a_licence if {
	every rule in ["ofac-sdn-blocked", "ofac-50-percent-rule", "un-sc-asset-freeze", "eu-asset-freeze", "uk-asset-freeze"] {
		rule in waivers.licence_rules
	}
	every rule in ["ofac-sdn-possible", "un-sc-possible", "kaspersky-icts-2024", "ofac-ssi"] {
		not rule in waivers.licence_rules
	}
}

test_possible_match_needs_no_licence if {
	w := object.union(sdn_waiver, {"rule": "ofac-sdn-possible"})
	waivers.errors == set() with data.bangate.waivers as [w]
}

test_blank_licence_refused if {
	w := object.union(waiver, {"licence": " "})
	errs := waivers.errors with data.bangate.waivers as [w]
	[e] := [x | some x in errs]
	contains(e.message, "licence must be a non-empty string")
}

# --- malformed waivers ---------------------------------------------------------

test_invalid_waiver_reported_and_not_applied if {
	bad := object.remove(waiver, ["approved_by"])
	waivers.errors == {{"code": "waiver-invalid", "message": "waiver 0 (W-1): approved_by must be a non-empty string"}} with data.bangate.waivers as [bad]
	waivers.valid == set() with data.bangate.waivers as [bad]
}

test_invalid_expiry_reported if {
	bad := object.union(waiver, {"expires": "next year"})
	waivers.errors == {{"code": "waiver-invalid", "message": "waiver 0 (W-1): expires must be a date YYYY-MM-DD"}} with data.bangate.waivers as [bad]
}

test_waivers_not_a_list if {
	waivers.errors == {{"code": "waivers-invalid", "message": "data.bangate.waivers must be a list of waivers"}} with data.bangate.waivers as {"W-1": waiver}
}

test_name_selector_without_subject_name if {
	not covers_subject({"purl": kaspresso, "name": "kaspresso"}, with_subject(finding, {"kind": "document", "ref": "app"}))
}

test_invalid_waiver_without_id if {
	bad := object.remove(waiver, ["id"])
	waivers.errors == {{"code": "waiver-invalid", "message": "waiver 0 (no id): id must be a non-empty string"}} with data.bangate.waivers as [bad]
}
