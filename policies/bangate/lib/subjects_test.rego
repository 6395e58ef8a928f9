package bangate.lib.subjects_test

import data.bangate.lib.subjects

test_kind_equipment if {
	subjects.kind("device") == "equipment"
	subjects.kind("Firmware") == "equipment"
	subjects.kind("hardware") == "equipment"
}

test_kind_software if {
	subjects.kind("library") == "software"
	subjects.kind("application") == "software"
	subjects.kind("operating-system") == "software"
}

test_kind_unknown_is_software if {
	subjects.kind("") == "software"
	subjects.kind("holographic-crystal") == "software"
	subjects.kind(null) == "software"
	subjects.kind(7) == "software"
}

test_kind_services if {
	subjects.kind("service") == "services"
}

test_component_fills_missing_fields if {
	subjects.component({"ref": "r1", "name": "lib", "version": 3}) == {
		"kind": "component", "ref": "r1", "name": "lib", "version": "", "purl": "",
	}
}

test_document_ref_from_subject if {
	s := subjects.document with input as {"subject": {"ref": "app-ref", "name": "app", "version": "1"}, "source": {"path": "a.json"}}
	s == {"kind": "document", "ref": "app-ref", "name": "app", "version": "1"}
}

test_document_ref_from_source if {
	s := subjects.document with input as {"subject": {"name": "app"}, "source": {"path": "a.json"}}
	s.ref == "a.json"
}

test_document_without_subject if {
	s := subjects.document with input as {}
	s == {"kind": "document", "ref": "", "name": "", "version": ""}
}

test_vendor_ref if {
	subjects.vendor({"id": "V-1", "record": 3, "name": "ACME"}).ref == "V-1"
	subjects.vendor({"record": 3, "name": "ACME"}).ref == "record 3"
	subjects.vendor({"name": "ACME"}).ref == "ACME"
}

test_label if {
	subjects.label({"name": "kav", "version": "1.0", "ref": "r"}) == "kav@1.0"
	subjects.label({"name": "kav", "version": "", "ref": "r"}) == "kav"
	subjects.label({"name": "", "version": "", "ref": "r"}) == "r"
}

test_vendor_ref_names_file_and_record if {
	subjects.vendor({"record": 3, "source": "vendors.csv", "name": "ACME"}).ref == "vendors.csv#3"
	subjects.vendor({"record": 3, "source": "", "name": "ACME"}).ref == "record 3"
	subjects.vendor({"id": "V-1", "record": 3, "source": "vendors.csv"}).ref == "V-1"
}

test_vendor_date if {
	subjects.vendor_date({"contract": {"date": "2024-10-15"}}) == "2024-10-15" with input as {"as_of": "2026-11-27T00:00:00Z"}
	subjects.vendor_date({"contract": {"date": "15/10/2024"}}) == "2026-11-27" with input as {"as_of": "2026-11-27T00:00:00Z"}
	subjects.vendor_date({}) == "2026-11-27" with input as {"as_of": "2026-11-27T00:00:00Z"}
}
