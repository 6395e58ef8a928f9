package bangate.lib.products_test

import data.bangate.lib.products

test_psc_codes if {
	products.kind({"scheme": "PSC", "code": "7A21"}) == "software"
	products.kind({"scheme": "PSC", "code": "7030"}) == "software"
	products.kind({"scheme": "PSC", "code": "6350"}) == "equipment"
	products.kind({"scheme": "PSC", "code": "5820"}) == "equipment"
	products.kind({"scheme": "PSC", "code": "7B21"}) == "equipment"
	products.kind({"scheme": "PSC", "code": "DA01"}) == "services"
	products.kind({"code": "dj01"}) == "services"
}

test_cpv_codes if {
	products.kind({"scheme": "CPV", "code": "48761000-0"}) == "software"
	products.kind({"scheme": "CPV", "code": "32323500"}) == "equipment"
	products.kind({"scheme": "CPV", "code": "72000000-5"}) == "services"
}

test_unspsc_codes if {
	products.kind({"scheme": "UNSPSC", "code": "43233205"}) == "software"
	products.kind({"scheme": "UNSPSC", "code": "46171610"}) == "equipment"
	products.kind({"scheme": "UNSPSC", "code": "81111500"}) == "services"
}

test_words_when_no_code if {
	products.kind({"name": "Kaspersky Endpoint Security licence renewal"}) == "software"
	products.kind({"category": "Surveillance cameras", "name": "DS-2CD2143G2"}) == "equipment"
	products.kind({"category": "", "name": "MateBook X Pro laptop"}) == "equipment"
	products.kind({"name": "Camera installation service"}) == "equipment"
	products.kind({"name": "Penetration testing services"}) == "services"
}

test_code_wins_over_words if {
	products.kind({"scheme": "PSC", "code": "7A21", "name": "router"}) == "software"
}

test_unknown if {
	products.kind({"name": "Widgets"}) == ""
	products.kind({}) == ""
	products.kind({"scheme": "PSC", "code": "7A2"}) == ""
	products.kind({"scheme": "NAICS", "code": "541512", "name": 7}) == ""
}
