package screen

import (
	"slices"
	"testing"
)

// TestNameReadings: a name's readings by its parts in parentheses, the
// name without them first; none for a name without a closed pair or with
// pairs inside pairs; and by the names it sets apart by semicolons, or by
// a slash between words of three letters or more.
func TestNameReadings(t *testing.T) {
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
		{"MOSTOTREST; OPEN JOINT STOCK COMPANY 'MOSTOTREST'", []string{"MOSTOTREST", "OPEN JOINT STOCK COMPANY 'MOSTOTREST'"}},
		{"A; ;B;", []string{"A", "B"}},
		{"Al Qa'ida/Islamic Army", []string{"Al Qa'ida", "Islamic Army"}},
		{"GHAEM/KHATAM", []string{"GHAEM", "KHATAM"}},
		{"Acme c/o Bank", nil},
		{"S/A", nil},
		{"a;b;c;d;e", nil},
	} {
		if got := nameReadings(tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("nameReadings(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
