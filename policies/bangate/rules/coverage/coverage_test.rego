package bangate.rules.coverage_test

import data.bangate.rules.coverage

doc(cov, warnings) := {
	"kind": "sbom", "as_of": "2026-11-27T00:00:00Z", "profile": "us-person",
	"source": {"path": "app.cdx.json"}, "subject": {"name": "app", "version": "1.2.0"},
	"components": [], "coverage": cov, "warnings": warnings,
}

test_unattributed_warns_with_refs if {
	cov := {"components": 120, "unattributed_count": 2, "unattributed": [
		{"ref": "pkg:npm/left-pad@1.3.0", "name": "left-pad", "pointer": "/components/7"},
		{"ref": "", "name": "blob", "pointer": "/components/9"},
	]}
	[v] := [v | some v in coverage.warn] with input as doc(cov, [])
	v == {
		"rule": "coverage-unattributed", "severity": "low",
		"title": "Components not attributed to any party",
		"message": "2 of 120 components could not be attributed to any party, purl namespace or CPE vendor and were not screened: pkg:npm/left-pad@1.3.0, blob",
		"subject": {"kind": "document", "ref": "app.cdx.json", "name": "app", "version": "1.2.0"},
		"pointer": "",
	}
}

test_unattributed_more_than_listed if {
	cov := {"components": 5000, "unattributed_count": 40, "unattributed": [{"ref": "a"}, {"ref": "b"}]}
	[v] := [v | some v in coverage.warn] with input as doc(cov, [])
	endswith(v.message, ": a, b and 38 more")
}

test_unattributed_none_listed if {
	cov := {"components": 10, "unattributed_count": 1}
	[v] := [v | some v in coverage.warn] with input as doc(cov, [])
	endswith(v.message, "were not screened")
}

test_fully_attributed_no_warning if {
	cov := {"components": 10, "unattributed_count": 0, "unattributed": []}
	count(coverage.warn) == 0 with input as doc(cov, [])
	count(coverage.errors) == 0 with input as doc(cov, [])
}

test_no_coverage_no_warning if {
	count(coverage.warn) == 0 with input as {"as_of": "2026-11-27T00:00:00Z"}
	count(coverage.errors) == 0 with input as {"as_of": "2026-11-27T00:00:00Z"}
}

test_bad_count_is_an_error if {
	cov := {"unattributed_count": "2"}
	count(coverage.warn) == 0 with input as doc(cov, [])
	coverage.errors == {{"code": "coverage-invalid", "message": "input.coverage.unattributed_count must be a number"}} with input as doc(cov, [])
}

test_sbom_warnings_become_warns if {
	ws := [
		{"code": "purl-invalid", "message": "purl does not parse: missing type", "pointer": "/components/7/purl"},
		{"code": "duplicate-ref", "message": "bom-ref \"a\" is used twice", "pointer": "/components/9/bom-ref"},
	]
	vs := coverage.warn with input as doc({"unattributed_count": 0}, ws)
	{[v.rule, v.title, v.pointer] | some v in vs} == {
		["sbom-field-warning", "SBOM field problem: purl-invalid", "/components/7/purl"],
		["sbom-field-warning", "SBOM field problem: duplicate-ref", "/components/9/bom-ref"],
	}
	some v in vs
	v.message == "purl does not parse: missing type"
}

test_unattributed_listed_by_pointer if {
	cov := {"components": 3, "unattributed_count": 1, "unattributed": [{"pointer": "/components/2"}]}
	[v] := [v | some v in coverage.warn] with input as doc(cov, [])
	endswith(v.message, ": /components/2")
}

test_nothing_checked_reviews if {
	doc := {"kind": "sbom", "source": {"path": "empty.cdx.json"}, "subject": {"parties": []}, "coverage": {"nothing_checked": true, "unattributed_count": 0}}
	[v] := [v | some v in coverage.review] with input as doc
	v.rule == "coverage-nothing-checked"
	v.severity == "high"
	contains(v.message, "nothing checked")
	count(coverage.review) == 0 with input as object.union(doc, {"coverage": {"nothing_checked": false, "unattributed_count": 0}})
}
