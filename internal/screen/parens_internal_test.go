package screen

import (
	"slices"
	"testing"
)

// TestParenReadings: a name's readings by its parts in parentheses, the
// name without them first; none for a name without a closed pair or with
// pairs inside pairs.
func TestParenReadings(t *testing.T) {
	for _, tt := range []struct {
		name string
		want []string
	}{
		{"IRAN AIRCRAFT INDUSTRIES (IACI)", []string{"IRAN AIRCRAFT INDUSTRIES", "IACI"}},
		{"HUAXIN SHIPPING (HONG KONG) LTD", []string{"HUAXIN SHIPPING LTD", "HONG KONG"}},
		{"A (B) C (D)", []string{"A C", "B", "D"}},
		{"(IACI)", []string{"IACI"}},
		{"A ( ) B", []string{"A B"}},
		{"No parentheses", nil},
		{"Open (unclosed", nil},
		{"Nested ((x))", nil},
		{"Stray ) (x)", nil},
		{"A (1) (2) (3) (4) (5)", nil},
	} {
		if got := parenReadings(tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("parenReadings(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
