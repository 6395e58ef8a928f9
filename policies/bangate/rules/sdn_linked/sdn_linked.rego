# METADATA
# title: Linked designations
# description: >-
#   Information a procurement officer needs beyond the match itself. (1) A
#   party matched to a sanctions-list entry that OFAC links ("Linked To:" in
#   the remarks, match.linked_to) to other designated persons: the link is
#   reported so that those persons are screened too. (2) A party matched to
#   a ban-list entry that carries linked_designations (the Kaspersky case:
#   the company is not on the SDN list, twelve of its leaders are): a
#   warning that says exactly that and names them, so that signatories,
#   owners and contacts get screened. Both warn only; a hit on a designated
#   person itself is decided by bangate.rules.sanctions.
package bangate.rules.sdn_linked

import data.bangate.lib.dates
import data.bangate.lib.lists
import data.bangate.lib.parties
import data.bangate.lib.rank
import data.bangate.lib.subjects

# METADATA
# title: Linked to designated persons (OFAC "Linked To")
# description: >-
#   The matched sanctions entry is linked by OFAC to other designated
#   persons or entities.
# custom:
#   id: ofac-sdn-linked
#   severity: medium
warn contains v if {
	some f in strongest(linked_found)
	meta := rego.metadata.rule()
	v := {
		"rule": meta.custom.id,
		"severity": meta.custom.severity,
		"title": meta.title,
		"message": sprintf("%s: %s %q matches %q (list %s, entry %s), which OFAC links to: %s. Screen dealings with the linked persons as well.", [
			subjects.label(f.subject), role(f), f.name, subjects.text(f.match, "entry_name"), f.match.list,
			subjects.text(f.match, "entry_id"), concat("; ", f.match.linked_to),
		]),
		"subject": f.subject,
		"pointer": f.pointer,
		"match": f.match,
		"authority": {
			"citation": "31 CFR chapter V; OFAC SDN list remarks (Linked To)",
			"url": entry_url(f.match),
			"obligation": "ofac-sdn",
		},
	}
}

# Designated leaders of a banned company (ban-list entry data
# linked_designations); the rule id comes from that data.
warn contains v if {
	some f in strongest(designations_found)
	ld := lists.entry(f.match.list, f.match.entry_id).linked_designations

	# Only once the leaders were designated: a check as of an earlier
	# date has nothing to report.
	ld.date <= dates.as_of_date
	v := {
		"rule": ld.rule,
		"severity": "medium",
		"title": sprintf("%s is not designated; its leaders are (%s)", [ld.entity, ld.order]),
		"message": designations_message(f, ld),
		"subject": f.subject,
		"pointer": f.pointer,
		"match": f.match,
		"authority": {
			"citation": ld.citation,
			"url": ld.url,
			"effective": ld.date,
			"obligation": "ofac-sdn",
		},
	}
}

# errors: linked designations that cannot be reported as written.
errors contains e if some e in data_errors

# data_errors are those of errors that depend on the ban-list data alone:
# the engine computes them once per bundle (policy.PrecomputedRules).
data_errors contains {"code": "list-invalid", "message": sprintf("ban list %q entry %q: linked_designations needs rule, entity, date, order, press_release, citation, an https url and a non-empty persons list of {ent_num, name}", [list_id, entry_id])} if {
	some list_id, list in lists.ban_lists
	some entry_id, ent in list.entries
	"linked_designations" in object.keys(ent)
	not valid_designations(ent.linked_designations)
}

valid_designations(ld) if {
	every k in ["rule", "entity", "date", "order", "press_release", "citation"] {
		is_string(ld[k])
		ld[k] != ""
	}
	regex.match(lists.rule_id_pattern, ld.rule)
	startswith(ld.url, "https://")
	is_array(ld.persons)
	count(ld.persons) > 0
	every p in ld.persons {
		is_string(p.ent_num)
		is_string(p.name)
	}
}

# linked_found: sanctions-list matches whose entry has links, other than
# those bangate.rules.sanctions drops.
linked_found contains f if {
	lists.applies_id("ofac-sdn")
	some f in parties.found
	input.lists[f.match.list].kind == "sanctions"
	is_array(f.match.linked_to)
	count(f.match.linked_to) > 0
	not dropped(f)
}

# dropped holds for a weak name match no one need look at, as
# bangate.rules.sanctions drops it (a person's or contributor's name alone,
# below the name-only review score, part of the listed name missing, or
# contradicted by the party's own contact): the match is not reported, so
# neither are the entry's links (a package author "Ahmed TAHRI" is no
# reason to screen the entry TAHERI, Ahmad's links).
dropped(f) if {
	parties.weak_name(f)
	not parties.reviewable(f)
}

# designations_found: ban-list matches of an entry with linked designations.
designations_found contains f if {
	lists.applies_id("ofac-sdn")
	some f in parties.found
	designated[[f.match.list, f.match.entry_id]]
}

# designated are the ban-list entries with valid linked designations, by
# [list id, entry id], each with its designated persons as a message
# names them. They depend on the data alone: the engine computes them
# once per bundle (policy.PrecomputedRules).
designated[[list_id, entry_id]] := concat("; ", [sprintf("%s (SDN %s)", [p.name, p.ent_num]) | some p in ent.linked_designations.persons]) if {
	some list_id, list in lists.ban_lists
	some entry_id, ent in list.entries
	valid_designations(ent.linked_designations)
}

# strongest keeps one match per subject and entry: highest confidence and
# score, then the first pointer.
strongest(fs) := rank.firsts([[[f.subject.ref, f.match.list, subjects.text(f.match, "entry_id")], confidence_rank(f.match), 0 - score(f.match), f.pointer, f.role, f.name, f] | some f in fs])

confidence_ranks := {"high": 0, "medium": 1, "low": 2}

confidence_rank(m) := r if {
	r := confidence_ranks[m.confidence]
} else := 3

score(m) := m.score if is_number(m.score)

else := 0

role(f) := f.role if f.role != ""

else := "party"

entry_url(m) := sprintf("https://sanctionssearch.ofac.treas.gov/Details.aspx?id=%s", [m.entry_id]) if {
	is_string(m.entry_id)
	regex.match(`^[0-9]+$`, m.entry_id)
} else := "https://sanctionssearch.ofac.treas.gov/"

designations_message(f, ld) := sprintf("%s: %s %q matches %s (ban list %q). %s itself is not on the SDN list, but %s of its leaders were designated on %s under %s (U.S. Treasury press release %s): %s. %s Screen the signatories, owners and contacts of this deal against them.", [
	subjects.label(f.subject), role(f), f.name, subjects.text(f.match, "entry_name"), f.match.list,
	ld.entity, number_text(count(ld.persons)), ld.date, ld.order, ld.press_release,
	designated[[f.match.list, f.match.entry_id]],
	object.get(ld, "note", ""),
])

number_words := {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}

number_text(n) := w if {
	w := number_words[n]
} else := sprintf("%d", [n])
