package server

import (
	"encoding/json"
	"testing"
)

// FuzzVendorRecord feeds the check form's fields to the record it makes:
// no panic, and a record made is JSON naming the vendor.
func FuzzVendorRecord(f *testing.F) {
	f.Add("Kaspersky Lab, Inc.", "RU", "uei=ABC123DEF456, duns: 123456789", "2024-10-01", "Endpoint security licence")
	f.Add("Huawey Technologies", "", "", "", "")
	f.Add("x", "US", "=,;\n:", "2024-13-01", "")
	f.Fuzz(func(t *testing.T, name, country, ids, date, product string) {
		b, err := vendorRecord(checkForm{Name: name, Country: country, Identifiers: ids, ContractDate: date, Product: product})
		if err != nil {
			return
		}
		var doc struct {
			Vendors []struct {
				Name string `json:"name"`
			} `json:"vendors"`
		}
		if err := json.Unmarshal(b, &doc); err != nil || len(doc.Vendors) != 1 {
			t.Fatalf("record %s: %v", b, err)
		}
	})
}
