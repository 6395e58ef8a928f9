package check_test

import "testing"

// ocdsRelease is an OCDS release package of one award to Acme Resale LLC
// for office chairs; extra is spliced into the supplier party.
func ocdsRelease(extra string) string {
	return `{"releases":[{"ocid":"ocds-1","id":"1","date":"2025-01-01T00:00:00Z","tag":["award"],"initiationType":"tender",` +
		`"parties":[{"id":"p1","name":"Acme Resale LLC","roles":["supplier"]` + extra + `}],` +
		`"awards":[{"id":"a1","suppliers":[{"id":"p1","name":"Acme Resale LLC"}],"items":[{"id":"i1","description":"office chairs"}]}]}]}`
}

// TestOCDSBeneficialOwners: a beneficial owner of the supplier (OCDS
// beneficial owners extension) is an owner whose stake the file does not
// give. One on the SDN list is what the 50 Percent Rule and OFAC FAQ 398
// concern: bangate cannot tell whether the stake blocks the supplier, so
// the record goes to review, naming the owner's field; an owner no list
// names changes nothing.
func TestOCDSBeneficialOwners(t *testing.T) {
	runGateCases(t, []gateCase{
		{name: "SDN individual", path: "o.json", outcome: "review", rule: "ofac-sdn-possible",
			in:   ocdsRelease(`,"beneficialOwners":[{"id":"1","name":"Oleg Vladimirovich Deripaska","nationality":"RU"}]`),
			says: []string{`owner "Oleg Vladimirovich Deripaska"`}},
		{name: "unlisted person", path: "o.json", outcome: "pass",
			in: ocdsRelease(`,"beneficialOwners":[{"id":"1","name":"Juan Perez","nationality":"PY"}]`)},
	})
}
