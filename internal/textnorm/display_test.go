package textnorm_test

import (
	"testing"

	"github.com/bangate/bangate/internal/textnorm"
)

// TestDisplayOrder: a name reordered by bidirectional controls reads as
// it shows.
func TestDisplayOrder(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"\u202enituP rimidalV", "Vladimir Putin", true},
		{"Acme \u202enituP rimidalV\u202c Ltd", "Acme Vladimir Putin Ltd", true},
		// An isolate or embedding right to left leaves letters of a
		// left-to-right script as they are; only an override reverses
		// them.
		{"\u2067nituP rimidalV\u2069", "", false},
		{"\u202bnituP rimidalV\u202c", "", false},
		{"\u202e\u202dVladimir Putin", "", false},
		{"Vladimir Putin", "", false},
		{"Vladimir \u202dPutin\u202c", "", false}, // left-to-right override of left-to-right text
		{"\u202e", "", false},
		{"\u202eعبد الله", "", false}, // right-to-left letters read as written
		{"", "", false},
	} {
		got, ok := textnorm.DisplayOrder(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("DisplayOrder(%+q) = %+q, %v; want %+q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
