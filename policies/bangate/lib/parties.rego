# METADATA
# title: Parties
# description: >-
#   Every match in the input with where it was found: the parties of every
#   component, of the SBOM's subject and of every procurement vendor
#   (vendor, alias, parent, owner, manufacturer, contact), and the
#   identifier matches of components and vendors (domains, purls, CPEs).
#   The sanctions rule sets read matches only through here.
package bangate.lib.parties

import data.bangate.lib.subjects

# found is one object per match: {subject, site ("component", "document"
# or "vendor"), vendor (the record's index for a vendor, else -1), role,
# party_kind ("organization", "person" or "" when unknown), name, pointer,
# date (the deal's date for a vendor, else the as_of date), match}.
found contains {
	"subject": subjects.component(c),
	"site": "component",
	"vendor": -1,
	"role": text(p, "role"),
	"party_kind": text(p, "kind"),
	"name": text(p, "name"),
	"pointer": pointer(m, p, c),
	"match": m,
} if {
	some c in object.get(input, "components", [])
	some p in object.get(c, "parties", [])
	some m in object.get(p, "matches", [])
	is_object(m)
}

found contains {
	"subject": subjects.component(c),
	"site": "component",
	"vendor": -1,
	"role": text(m, "signal"),
	"party_kind": "",
	"name": text(m, "value"),
	"pointer": pointer(m, {}, c),
	"match": m,
} if {
	some c in object.get(input, "components", [])
	some m in object.get(c, "matches", [])
	is_object(m)
}

found contains {
	"subject": subjects.document,
	"site": "document",
	"vendor": -1,
	"role": text(p, "role"),
	"party_kind": text(p, "kind"),
	"name": text(p, "name"),
	"pointer": pointer(m, p, input.subject),
	"match": m,
} if {
	is_object(input.subject)
	some p in object.get(input.subject, "parties", [])
	some m in object.get(p, "matches", [])
	is_object(m)
}

found contains {
	"subject": subjects.vendor(v),
	"site": "vendor",
	"vendor": i,
	"role": text(p, "role"),
	"party_kind": text(p, "kind"),
	"name": text(p, "name"),
	"pointer": pointer(m, p, v),
	"match": m,
} if {
	some i, v in object.get(input, "vendors", [])
	some p in object.get(v, "parties", [])
	some m in object.get(p, "matches", [])
	is_object(m)
}

found contains {
	"subject": subjects.vendor(v),
	"site": "vendor",
	"vendor": i,
	"role": text(m, "signal"),
	"party_kind": "",
	"name": text(m, "value"),
	"pointer": pointer(m, {}, v),
	"match": m,
} if {
	some i, v in object.get(input, "vendors", [])
	some m in object.get(v, "matches", [])
	is_object(m)
}

# pointer is the most precise location: the match's, the party's, the
# component's or record's.
pointer(m, p, x) := m.pointer if {
	is_string(m.pointer)
	m.pointer != ""
} else := p.pointer if {
	is_string(p.pointer)
	p.pointer != ""
} else := subjects.text(x, "pointer")

text(o, f) := subjects.text(o, f)
