# METADATA
# title: Subjects
# description: >-
#   What a finding is about (a component, the SBOM's subject, a procurement
#   vendor) and which kind of thing it is for an obligation's covers list.
package bangate.lib.subjects

import data.bangate.lib.dates

# equipment_types are the component types that are equipment.
equipment_types := {"device", "firmware", "hardware"}

# service_types are the component types that are services.
service_types := {"service", "services"}

# kind is "equipment", "services" or "software" for a component type; a
# missing or unknown type counts as software.
kind(type) := "equipment" if {
	is_string(type)
	lower(type) in equipment_types
} else := "services" if {
	is_string(type)
	lower(type) in service_types
} else := "software"

# component_kind is the kind of component c: equipment when one of its CPEs
# names hardware (part h; Go sets c.equipment), whatever its type; else
# the kind of its type.
component_kind(c) := "equipment" if {
	c.equipment == true
} else := kind(object.get(c, "type", ""))

# component is the subject of a finding about component c: with its
# hashes ("ALG:HEX", when it has any), which waivers may select it by.
component(c) := object.union(
	{
		"kind": "component",
		"ref": text(c, "ref"),
		"name": text(c, "name"),
		"version": text(c, "version"),
		"purl": text(c, "purl"),
	},
	with_hashes(c),
)

# document is the subject of a finding about the SBOM as a whole: with
# the purl and hashes of the SBOM's subject when it has them.
document := object.union(
	{
		"kind": "document",
		"ref": document_ref,
		"name": text(object.get(input, "subject", {}), "name"),
		"version": text(object.get(input, "subject", {}), "version"),
	},
	object.union(with_purl(object.get(input, "subject", {})), with_hashes(object.get(input, "subject", {}))),
)

with_hashes(o) := {"hashes": hs} if {
	hs := [h | some h in o.hashes; is_string(h)]
	count(hs) > 0
} else := {}

with_purl(o) := {"purl": o.purl} if {
	is_string(o.purl)
	o.purl != ""
} else := {}

document_ref := input.subject.ref if {
	is_string(input.subject.ref)
	input.subject.ref != ""
} else := input.source.path if {
	is_string(input.source.path)
} else := ""

# vendor is the subject of a finding about procurement record v.
vendor(v) := {
	"kind": "vendor",
	"ref": vendor_ref(v),
	"name": text(v, "name"),
	"version": "",
}

vendor_ref(v) := v.id if {
	is_string(v.id)
	v.id != ""
} else := sprintf("%s#%v", [v.source, v.record]) if {
	is_string(v.source)
	v.source != ""
	is_number(v.record)
} else := sprintf("record %v", [v.record]) if {
	v.record
} else := text(v, "name")

# vendor_date is the date of the deal a procurement record describes: its
# first contract's date when it is a valid YYYY-MM-DD, else the as_of date.
# It decides which phase of a ban applies (a licence renewal signed after a
# prohibition took effect is prohibited even when checked earlier).
vendor_date(v) := v.contract.date if {
	dates.valid_date(v.contract.date)
} else := dates.as_of_date

# label names a subject in a message: name@version, name, or ref.
label(s) := sprintf("%s@%s", [s.name, s.version]) if {
	s.name != ""
	s.version != ""
} else := s.name if {
	s.name != ""
} else := s.ref

# text is field f of object o as a string, "" when it is missing or not a
# string.
text(o, f) := o[f] if {
	is_string(o[f])
} else := ""
