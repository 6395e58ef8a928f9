# METADATA
# title: Products
# description: >-
#   What kind of thing a procurement product is (software, equipment or
#   services), so that an obligation's covers list can be applied to a
#   purchase: from its code first (PSC, CPV or UNSPSC), then its category,
#   then its name. Unknown is "" and the caller decides (a vendor rule treats
#   it as covered by every obligation: fail closed).
package bangate.lib.products

# kind is "software", "equipment", "services" or "" for product p.
kind(p) := k if {
	k := code_kind(upper(trim_space(text(p, "scheme"))), upper(trim_space(text(p, "code"))))
} else := k if {
	k := word_kind(text(p, "category"))
} else := k if {
	k := word_kind(text(p, "name"))
} else := ""

# PSC (U.S. Product and Service Codes, PSC Manual): service and R&D codes
# start with a letter (DA01, DJ01: IT services; R425 engineering); product
# codes are four digits (the Federal Supply Classification): 58xx
# communication equipment, 63xx alarm, signal and security detection
# systems (6350: surveillance and intrusion detection), 70xx and 7Bxx IT
# hardware; IT software is 7Axx (7A20-7A22) and, before the 2020 revision,
# 7030 (ADP software).
code_kind(scheme, code) := "software" if {
	scheme in {"PSC", ""}
	regex.match(`^(7A[0-9]{2}|7030)$`, code)
} else := "equipment" if {
	scheme in {"PSC", ""}
	regex.match(`^([0-9]{4}|7[B-Z][0-9]{2})$`, code)
} else := "services" if {
	scheme in {"PSC", ""}
	regex.match(`^[A-Z][A-Z0-9][0-9]{2}$`, code)
} else := k if {
	# CPV (EU Common Procurement Vocabulary): division 48 software packages;
	# 45 construction work and 50-98 services; the other divisions goods.
	scheme == "CPV"
	regex.match(`^[0-9]{8}(-[0-9])?$`, code)
	k := cpv_kind(to_number(substring(code, 0, 2)))
} else := k if {
	# UNSPSC: family 4323 software; segments 70-95 services; the rest goods.
	scheme == "UNSPSC"
	regex.match(`^[0-9]{8}$`, code)
	k := unspsc_kind(code)
}

cpv_kind(48) := "software"

cpv_kind(d) := "services" if {
	d != 48
	d >= 45
}

cpv_kind(d) := "equipment" if d < 45

unspsc_kind(code) := "software" if startswith(code, "4323")

unspsc_kind(code) := "services" if {
	not startswith(code, "4323")
	to_number(substring(code, 0, 2)) >= 70
}

unspsc_kind(code) := "equipment" if {
	not startswith(code, "4323")
	to_number(substring(code, 0, 2)) < 70
}

# word_kind reads a category or product name; software words win over
# equipment words, which win over service words ("antivirus licence",
# "camera", "installation service").
word_kind(s) := "software" if {
	regex.match(`(?i)\b(software|licen[cs]es?|subscriptions?|anti-?virus|saas|firmware updates?)\b`, s)
} else := "equipment" if {
	regex.match(`(?i)\b(equipment|hardware|cameras?|laptops?|notebooks?|routers?|switches|servers?|phones?|handsets?|radios?|devices?|nvrs?|dvrs?|modems?|drones?|computers?|tablets?|supplies)\b`, s)
} else := "services" if {
	regex.match(`(?i)\b(services?|support|consulting|maintenance|installation|hosting|training)\b`, s)
}

text(o, f) := o[f] if is_string(o[f])

else := ""
