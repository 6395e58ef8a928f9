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

# --- name-only matches (data.bangate.sanctions.name_only) -------------------

# name_match holds for a match on a name (a party's, a holder's), not on an
# identifier or address.
name_match(f) if f.match.matched_on in {"name", "alias"}

# counterparty holds for a procurement party the buyer deals with directly
# (the vendor, its alias, a supplier, reseller or distributor column): the
# deal itself ties it to the record.
counterparty(f) if {
	f.site == "vendor"
	f.role in object.get(name_only, "counterparty_roles", [])
}

# corroborated holds for a match that something else in the input ties to
# the same entry (Go's match.corroboration: a listed address, domain or
# identifier, a consistent country), or for a counterparty.
corroborated(f) if count(array_of(f.match, "corroboration")) > 0

corroborated(f) if counterparty(f)

# weak_name holds for a name match that alone cannot block: a natural
# person's name matched to a listed individual, a contributor's name
# (author, maintainer, copyright holder, originator, creator, file
# contributor, committer), or a one-word name standing for a listed name,
# with nothing to corroborate it. OFAC FAQ 5: a name alone is not a valid
# match.
weak_name(f) if {
	name_match(f)
	not f.role == "owner" # owners: the 50 Percent Rule and FAQ 398
	not corroborated(f)
	weak_kind(f)
}

weak_kind(f) if f.match.entry_type == "individual"

weak_kind(f) if f.role in object.get(name_only, "roles", [])

# One word standing for a listed name, unless the whole name is written as
# listed ("ПАО Сбербанк" for the alias "ПАО Сбербанк"): "prometheus" for
# "PROMETHEUS LTD" may be a project named like a company.
weak_kind(f) if {
	f.match.name_words == 1
	f.match.method != "exact"
}

# reviewable holds for a weak name match a person should still look at: a
# score at or above name_only.review or words spelt as listed
# (strong_enough), enough of the listed name (enough_of_name), and no
# contact of the party's own that argues against the entry.
reviewable(f) if {
	strong_enough(f)
	enough_of_name(f)
	not contradicted(f)
}

# strong_enough holds for a score at or above name_only.review, or for a
# match whose words paired each by its spelling as listed, two or more
# (match.spelt): the matcher scores it below the match threshold for a
# word more or less ("Oleg Deripaska, PhD", "Oleg Deripaska III"), not for
# a doubt about the words ("Sergey Rubanov" for RUSANOV is a typo's
# likeness, 0.902).
strong_enough(f) if {
	is_number(f.match.score)
	is_number(name_only.review)
	f.match.score >= name_only.review
}

strong_enough(f) if f.match.spelt == true

# enough_of_name holds when the party's name holds every word of the listed
# name, or is of two words or more: a given name and a family name ("Oleg
# Deripaska" for DERIPASKA, Oleg Vladimirovich) are more than OFAC FAQ 5's
# "just one of two or more names" (its example: just the last name), which
# one word standing for a longer listed name is.
enough_of_name(f) if count(array_of(f.match, "missing")) == 0

enough_of_name(f) if f.match.name_words >= 2

contradicted(f) if {
	is_string(f.match.contradiction)
	f.match.contradiction != ""
}

# name_only_text explains a weak name match in a message: who else bears the
# name and what would corroborate it.
name_only_text(f) := sprintf("name only: nothing else in the input ties the party to the entry (no listed e-mail or web address, domain, identifier, date of birth or nationality)%s; listed persons this name matches: %s. %s: a name alone is not a valid match; compare date of birth, nationality, address and identifiers", [
	weak_reason(f), namesakes_text(f), object.get(name_only, "citation", "OFAC guidance"),
])

weak_reason(f) := sprintf(" (%s)", [f.match.contradiction]) if contradicted(f)

else := sprintf("; the party's name lacks the listed %s", [concat(", ", array_of(f.match, "missing"))]) if {
	count(array_of(f.match, "missing")) > 0
}

else := ""

namesakes_text(f) := concat("; ", array_of(f.match, "namesakes")) if count(array_of(f.match, "namesakes")) > 0

else := sprintf("%s (%s %s)", [text(f.match, "entry_name"), text(f.match, "list"), text(f.match, "entry_id")])

name_only := data.bangate.sanctions.name_only if is_object(data.bangate.sanctions.name_only)

else := {}

array_of(o, k) := [x | some x in o[k]; is_string(x)] if is_array(o[k])

else := []

# matched_on_text is what a match matched on, with the basis of an address
# match ("email_domain, own domain"; "email, exact address"; "website, host
# and path").
matched_on_text(m) := sprintf("%s, %s", [text(m, "matched_on"), m.basis]) if {
	is_string(m.basis)
	m.basis != ""
} else := text(m, "matched_on")
