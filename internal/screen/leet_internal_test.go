package screen

import "testing"

func TestUnLeet(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"K4SP3RSKY", "KaSPeRSKY", true},
		{"Ka$persky Lab", "Kaspersky Lab", true},
		{"H1kv1s10n Digital", "Hikvision Digital", true},
		{"HU@W3I Technologies", "HUaWeI Technologies", true},
		{"3M Company", "3M Company", false}, // one letter: left as it is
		{"7-Eleven", "7-Eleven", false},
		{"Acme 2024 Ltd", "Acme 2024 Ltd", false},
		{"Level3 Inc", "Levele Inc", true},
		{"", "", false},
	} {
		got, ok := unLeet(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("unLeet(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestHasLeet holds hasLeet's byte set to leetLetter: every byte
// leetLetter reads, and no other.
func TestHasLeet(t *testing.T) {
	t.Parallel()
	for c := range 256 {
		if got, want := hasLeet(string([]byte{byte(c)})), leetLetter(byte(c)) != 0; got != want {
			t.Errorf("hasLeet(%q) = %v, leetLetter reads it: %v", byte(c), got, want)
		}
	}
}
