package bangate.lib.parties_test

import data.bangate.lib.parties

m1 := {"list": "ofac-sdn", "entry_id": "1", "score": 1}

test_found_everywhere if {
	doc := {
		"components": [{
			"ref": "c1", "name": "lib", "pointer": "/components/0",
			"parties": [{"role": "author", "kind": "person", "name": "A", "pointer": "/components/0/author", "matches": [m1, "junk"]}],
			"matches": [object.union(m1, {"signal": "url", "value": "x.ru", "pointer": "/components/0/externalReferences/0"})],
		}],
		"subject": {"name": "app", "parties": [{"role": "supplier", "name": "S", "matches": [m1]}]},
		"source": {"path": "app.json"},
		"vendors": [{
			"record": 1, "source": "v.csv", "name": "V", "pointer": "row 2",
			"parties": [{"role": "owner", "kind": "", "name": "O", "pointer": "row 2, column owners", "matches": [m1]}],
			"matches": [object.union(m1, {"signal": "url", "value": "v.ru"})],
		}],
	}
	got := {[f.site, f.role, f.party_kind, f.name, f.pointer, f.vendor, f.subject.ref] | some f in parties.found} with input as doc
	got == {
		["component", "author", "person", "A", "/components/0/author", -1, "c1"],
		["component", "url", "", "x.ru", "/components/0/externalReferences/0", -1, "c1"],
		["document", "supplier", "", "S", "", -1, "app.json"],
		["vendor", "owner", "", "O", "row 2, column owners", 0, "v.csv#1"],
		["vendor", "url", "", "v.ru", "row 2", 0, "v.csv#1"],
	}
}

test_found_nothing if {
	count(parties.found) == 0 with input as {"components": [{"ref": "c"}], "vendors": []}
}

# Enough of a listed name for a name alone to be reviewed: every word of
# it, or a name of two words or more (a given name and a family name, the
# patronymic left out); one word for a longer name is not.
test_enough_of_name if {
	parties.enough_of_name({"match": {"name_words": 1}})
	parties.enough_of_name({"match": {"name_words": 2, "missing": ["vladimirovich"]}})
	not parties.enough_of_name({"match": {"name_words": 1, "missing": ["oleg", "vladimirovich"]}})
	not parties.enough_of_name({"match": {"missing": ["vladimirovich"]}})
}

test_reviewable if {
	m := {"score": 1, "name_words": 2, "missing": ["vladimirovich"]}
	parties.reviewable({"match": m})
	not parties.reviewable({"match": object.union(m, {"score": 0.9})})
	not parties.reviewable({"match": object.union(m, {"contradiction": "the party's e-mail address is not the entry's"})})
	not parties.reviewable({"match": object.union(m, {"name_words": 1})})

	# Below name_only.review, only words spelt as listed.
	spelt := object.union(m, {"score": 0.849, "spelt": true})
	parties.reviewable({"match": spelt})
	not parties.reviewable({"match": object.union(spelt, {"spelt": false})})
	not parties.reviewable({"match": object.union(spelt, {"name_words": 1})})
}
