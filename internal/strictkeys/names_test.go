package strictkeys_test

import (
	"slices"
	"testing"

	"github.com/bangate/bangate/internal/strictkeys"
)

// TestCheckJSONNames: every string under a member whose name is not known
// is reported with its pointer and the member's name, at any depth, and
// nothing under a known member; the checks of CheckJSON still hold.
func TestCheckJSONNames(t *testing.T) {
	t.Parallel()
	known := func([]byte) func([]byte) bool {
		return func(name []byte) bool {
			return slices.Contains([]string{"components", "name", "supplier", "tags"}, string(name))
		}
	}
	in := `{"components": [{"name": "x", "supplier": {"name": "Acme", "n\u0430me": "AO Kaspersky Lab"},
	  "vendor": {"who": ["Kaspersky", {"deep": "Lab"}], "n": 1}, "tags": ["a"]}], "x-note": "hello", "name": "doc"}`
	type rep struct{ ptr, name, value string }
	var got []rep
	err := strictkeys.CheckJSONNames([]byte(in), known, func(ptr, name, value string) { got = append(got, rep{ptr, name, value}) })
	if err != nil {
		t.Fatal(err)
	}
	want := []rep{
		{"/components/0/supplier/n\u0430me", "n\u0430me", "AO Kaspersky Lab"},
		{"/components/0/vendor/who/0", "vendor", "Kaspersky"},
		{"/components/0/vendor/who/1/deep", "vendor", "Lab"},
		{"/x-note", "x-note", "hello"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// Duplicate keys are still refused.
	if err := strictkeys.CheckJSONNames([]byte(`{"name": 1, "Name": 2}`), known, func(_, _, _ string) {}); err == nil {
		t.Error("duplicate key up to case: no error")
	}
}
