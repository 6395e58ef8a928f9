# METADATA
# title: Coverage
# description: >-
#   Says what the check could not see: components that could not be
#   attributed to any party, purl namespace or CPE vendor (so nothing was
#   screened for them), and field-level problems of the SBOM that Go found
#   while parsing (input.warnings). Both only warn. An input with nothing
#   to screen at all (no component, service, subject or party) goes to
#   review: what bangate cannot tell, it cannot pass.
package bangate.rules.coverage

import data.bangate.lib.subjects

# METADATA
# title: Components not attributed to any party
# description: >-
#   Components with no supplier, manufacturer, publisher, author, purl
#   namespace or CPE vendor cannot be screened against any list.
# custom:
#   id: coverage-unattributed
#   severity: low
warn contains v if {
	n := input.coverage.unattributed_count
	is_number(n)
	n > 0
	meta := rego.metadata.rule()
	v := {
		"rule": meta.custom.id,
		"severity": meta.custom.severity,
		"title": meta.title,
		"message": unattributed_message(n),
		"subject": subjects.document,
		"pointer": "",
	}
}

# METADATA
# title: Nothing checked
# description: >-
#   The input names no component, service, subject or party (an SBOM
#   stripped of its contents, a procurement file with no record): nothing
#   could be screened, so it cannot pass.
# custom:
#   id: coverage-nothing-checked
#   severity: high
review contains v if {
	input.coverage.nothing_checked == true
	meta := rego.metadata.rule()
	v := {
		"rule": meta.custom.id,
		"severity": meta.custom.severity,
		"title": meta.title,
		"message": "nothing checked: the input names no component, service, subject or party, so no list could be screened against it; confirm the file is the complete SBOM or record of what is delivered",
		"subject": subjects.document,
		"pointer": "",
	}
}

# METADATA
# title: SBOM field problem
# description: >-
#   A field Go could not use (an invalid purl or CPE, a duplicate ref, a
#   component without a name): the component may have been screened on
#   less evidence than the file meant to give.
# custom:
#   id: sbom-field-warning
#   severity: low
warn contains v if {
	some w in object.get(input, "warnings", [])
	meta := rego.metadata.rule()
	v := {
		"rule": meta.custom.id,
		"severity": meta.custom.severity,
		"title": sprintf("%s: %s", [meta.title, subjects.text(w, "code")]),
		"message": subjects.text(w, "message"),
		"subject": subjects.document,
		"pointer": subjects.text(w, "pointer"),
	}
}

# errors reports a coverage count that is not a number: the check could not
# tell whether anything went unscreened.
errors contains {"code": "coverage-invalid", "message": "input.coverage.unattributed_count must be a number"} if {
	"unattributed_count" in object.keys(object.get(input, "coverage", {}))
	not is_number(input.coverage.unattributed_count)
}

unattributed_message(n) := sprintf("%d of %d components could not be attributed to any party, purl namespace or CPE vendor and were not screened%s", [
	n,
	object.get(input.coverage, "components", n),
	listed_text(n),
])

listed := [ref |
	some u in object.get(input.coverage, "unattributed", [])
	ref := listed_ref(u)
]

listed_ref(u) := u.ref if {
	is_string(u.ref)
	u.ref != ""
} else := u.name if {
	is_string(u.name)
	u.name != ""
} else := subjects.text(u, "pointer")

listed_text(_) := "" if count(listed) == 0

listed_text(n) := sprintf(": %s", [concat(", ", listed)]) if {
	count(listed) > 0
	n <= count(listed)
}

listed_text(n) := sprintf(": %s and %d more", [concat(", ", listed), n - count(listed)]) if {
	count(listed) > 0
	n > count(listed)
}
