# METADATA
# title: Waivers
# description: >-
#   Waivers from data.bangate.waivers (a list the engine loads from the
#   user's waiver file). A waiver is {id, rule, subject, reason,
#   approved_by, ticket, expires: "YYYY-MM-DD", licence?}. It covers a
#   finding when the rule is the same and every selector of its subject
#   matches the finding's subject. The subject must name what the author of
#   an SBOM cannot give a second component alone: purl (the exact purl, or
#   a glob ending in "/*" or "@*"), hash ("ALG:HEX", a collision resistant
#   algorithm), or, for a procurement record, vendor (its ref) with name;
#   ref (exactly) and name (without regard to case) only narrow those. A
#   waiver of a rule that finds a blocked person or frozen assets
#   (licence_rules) must name the licence that authorises the dealing. A
#   waiver applies while input.as_of is before expires.
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

# licence_rules are the rules that find a party whose property is blocked
# or whose assets are frozen (an OFAC SDN hit, a record blocked by the 50
# Percent Rule, a UN, EU or UK asset-freeze hit): dealing with it is
# prohibited unless a licence authorises it, so a waiver of one must name
# that licence. A possible match a person clears is a review rule, and
# needs none.
licence_rules := {"ofac-sdn-blocked", "ofac-50-percent-rule"} | {r.rule | some r in data.bangate.sanctions.regimes}

# covers holds when waiver w matches finding v (rule and subject).
covers(w, v) if {
	w.rule == v.rule
	is_object(v.subject)
	not mismatch(w.subject, v.subject)
}

mismatch(sel, subj) if {
	"purl" in object.keys(sel)
	not purl_matches(sel.purl, text(subj, "purl"))
}

mismatch(sel, subj) if {
	"hash" in object.keys(sel)
	not sel.hash in hashes(subj)
}

mismatch(sel, subj) if {
	"ref" in object.keys(sel)
	sel.ref != text(subj, "ref")
}

mismatch(sel, subj) if {
	"name" in object.keys(sel)
	lower(sel.name) != lower(text(subj, "name"))
}

mismatch(sel, subj) if {
	"vendor" in object.keys(sel)
	not is_vendor(subj, sel.vendor)
}

# is_vendor holds when subj is the procurement record whose ref is ref.
is_vendor(subj, ref) if {
	subj.kind == "vendor"
	subj.ref == ref
}

# purl_matches holds when selector p (an exact purl or a glob) matches the
# subject's own purl s; never on an empty purl, never on the subject's ref.
purl_matches(p, s) if {
	s != ""
	p == s
}

purl_matches(p, s) if {
	s != ""
	is_glob(p)
	startswith(s, trim_suffix(p, "*"))
}

is_glob(p) if endswith(p, "/*")

is_glob(p) if endswith(p, "@*")

# hashes are the subject's hashes, "ALG:HEX" in normal form.
hashes(subj) := {h | some h in subj.hashes; is_string(h)} if is_array(subj.hashes)

else := set()

text(o, f) := o[f] if is_string(o[f])

else := ""

# selectors are the subject selector keys a waiver may use.
selectors := {"purl", "hash", "ref", "name", "vendor"}

# hash_lengths are the algorithms a hash selector may use, with the length
# of their hex digest (blake3: at least). MD5 and SHA-1 values can be made
# to match another file, so they select nothing.
hash_lengths := {
	"sha256": 64, "sha384": 96, "sha512": 128,
	"sha3-256": 64, "sha3-384": 96, "sha3-512": 128,
	"blake2b-256": 64, "blake2b-384": 96, "blake2b-512": 128,
	"blake3": 64,
}

# purl_pattern matches an exact purl (no "*"); glob_pattern a glob whose
# only "*" ends it after "/" or "@", with a type and a name before it.
purl_pattern := `^pkg:[a-zA-Z.+-][a-zA-Z0-9.+-]*/[^*]*[^*/@]$`

glob_pattern := `^pkg:[a-zA-Z.+-][a-zA-Z0-9.+-]*/[^*]*[^*/@][/@][*]$`

# defects lists what is wrong with waiver w, empty when it is well formed.
defects(w) := {reason |
	some check, reason in {
		"id": "id must be a non-empty string",
		"rule": "rule must be a non-empty string",
		"subject": "subject must be an object of non-empty strings with keys among purl, hash, ref, name, vendor",
		"anchor": "subject must name a purl (exact, or a glob ending in /* or @*) or a hash, or, for a procurement record, vendor with name: a ref or a name alone is the SBOM author's to choose",
		"purl": "subject.purl must be an exact purl or a glob ending in /* or @* (a bare prefix is not matched)",
		"hash": "subject.hash must be ALG:HEX with ALG one of sha256, sha384, sha512, sha3-256, sha3-384, sha3-512, blake2b-256, blake2b-384, blake2b-512, blake3 and the full lower-case hex digest",
		"vendor": "subject.vendor selects a procurement record, which has no purl or hash: give it with name only",
		"reason": "reason must be a non-empty string",
		"approved_by": "approved_by must be a non-empty string",
		"ticket": "ticket must be a non-empty string",
		"expires": "expires must be a date YYYY-MM-DD",
		"licence": licence_defect(w),
	}
	not ok(w, check)
}

licence_defect(w) := sprintf("rule %s finds a blocked person or frozen assets: a waiver of it must name the licence that authorises the dealing (licence: an OFAC specific licence number or general licence, or an EU or UK authorisation)", [w.rule]) if {
	w.rule in licence_rules
} else := "licence must be a non-empty string when given"

ok(w, "subject") if {
	is_object(w.subject)
	every k, s in w.subject {
		k in selectors
		is_string(s)
		s != ""
	}
}

ok(w, "anchor") if not is_object(w.subject)

ok(w, "anchor") if {
	is_object(w.subject)
	some k in {"purl", "hash"}
	k in object.keys(w.subject)
}

ok(w, "anchor") if {
	is_object(w.subject)
	"vendor" in object.keys(w.subject)
	"name" in object.keys(w.subject)
}

ok(w, "purl") if not is_string(object.get(w, ["subject", "purl"], null))

ok(w, "purl") if regex.match(purl_pattern, w.subject.purl)

ok(w, "purl") if regex.match(glob_pattern, w.subject.purl)

ok(w, "hash") if not is_string(object.get(w, ["subject", "hash"], null))

ok(w, "hash") if {
	[alg, hex] := split(w.subject.hash, ":")
	n := hash_lengths[alg]
	regex.match(`^[0-9a-f]+$`, hex)
	hash_length_ok(alg, count(hex), n)
}

hash_length_ok(_, got, want) if got == want

hash_length_ok("blake3", got, want) if got > want

ok(w, "vendor") if not is_object(w.subject)

ok(w, "vendor") if {
	is_object(w.subject)
	not "vendor" in object.keys(w.subject)
}

ok(w, "vendor") if {
	is_object(w.subject)
	"vendor" in object.keys(w.subject)
	not "purl" in object.keys(w.subject)
	not "hash" in object.keys(w.subject)
}

ok(w, "licence") if {
	not "licence" in object.keys(w)
	not w.rule in licence_rules
}

ok(w, "licence") if {
	is_string(w.licence)
	trim_space(w.licence) != ""
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
