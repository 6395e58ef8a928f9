# METADATA
# title: Waivers
# description: >-
#   Waivers from data.bangate.waivers (a list the engine loads from the
#   user's waiver file). A waiver is
#   {id, rule, subject: {ref | name | purl}, reason, approved_by, ticket,
#   expires: "YYYY-MM-DD"}. It covers a finding when the rule is the same and
#   every selector given in subject matches (ref exactly, name without
#   regard to case, purl as a prefix of the subject's purl, or of its ref
#   when that is a purl). It applies while input.as_of is before expires.
package bangate.lib.waivers

import data.bangate.lib.dates

# all is every waiver loaded, valid or not.
default all := []

all := data.bangate.waivers

# valid is every waiver with all its fields well formed.
valid contains w if {
	some w in all
	count(defects(w)) == 0
}

# active is every valid waiver not yet expired as of input.as_of.
active contains w if {
	some w in valid
	dates.before(w.expires)
}

# expired is every valid waiver whose expiry date has been reached.
expired contains w if {
	some w in valid
	dates.reached(w.expires)
}

# covers holds when waiver w matches finding v (rule and subject).
covers(w, v) if {
	w.rule == v.rule
	is_object(v.subject)
	not mismatch(w.subject, v.subject)
}

mismatch(sel, subj) if {
	"ref" in object.keys(sel)
	sel.ref != object.get(subj, "ref", null)
}

mismatch(sel, subj) if {
	"name" in object.keys(sel)
	lower(sel.name) != lower(text(subj, "name"))
}

mismatch(sel, subj) if {
	"purl" in object.keys(sel)
	not startswith(subject_purl(subj), sel.purl)
}

subject_purl(subj) := subj.purl if {
	is_string(subj.purl)
	subj.purl != ""
} else := subj.ref if {
	is_string(subj.ref)
	startswith(subj.ref, "pkg:")
} else := ""

text(o, f) := o[f] if is_string(o[f])

else := ""

# selectors are the subject selector keys a waiver may use.
selectors := {"ref", "name", "purl"}

# defects lists what is wrong with waiver w, empty when it is well formed.
defects(w) := {reason |
	some check, reason in {
		"id": "id must be a non-empty string",
		"rule": "rule must be a non-empty string",
		"subject": "subject must be an object with at least one of ref, name, purl (non-empty strings) and no other key",
		"reason": "reason must be a non-empty string",
		"approved_by": "approved_by must be a non-empty string",
		"ticket": "ticket must be a non-empty string",
		"expires": "expires must be a date YYYY-MM-DD",
	}
	not ok(w, check)
}

ok(w, "subject") if {
	is_object(w.subject)
	count(w.subject) > 0
	every k, s in w.subject {
		k in selectors
		is_string(s)
		s != ""
	}
}

ok(w, "expires") if dates.valid_date(w.expires)

ok(w, field) if {
	field in {"id", "rule", "reason", "approved_by", "ticket"}
	is_string(w[field])
	w[field] != ""
}

# errors reports every malformed waiver: a waiver that cannot be read must
# stop the check, not silently fail to apply.
errors contains {"code": "waivers-invalid", "message": "data.bangate.waivers must be a list of waivers"} if {
	not is_array(all)
}

errors contains {"code": "waiver-invalid", "message": sprintf("waiver %d (%s): %s", [i, label(w), reason])} if {
	is_array(all)
	some i, w in all
	some reason in defects(w)
}

label(w) := w.id if {
	is_string(w.id)
	w.id != ""
} else := "no id"
