package screen

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestNameReadings: a name's readings by its parts in parentheses, the
// name without them first, a part holding its own pairs whole; none for a
// name whose parentheses do not pair; by the names it sets apart by
// semicolons, or by a slash between words of three letters or more,
// however many; and an error past maxNameParts separators.
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
		{"Nested ((x))", []string{"Nested", "(x)"}},
		{"Acme (Holdings (Vladimir Putin)) Ltd", []string{"Acme Ltd", "Holdings (Vladimir Putin)"}},
		{"Stray ) (x)", nil},
		{"Unpaired ((x)", nil},
		{"A (1) (2) (3) (4) (5)", []string{"A", "1", "2", "3", "4", "5"}},
		{"MOSTOTREST; OPEN JOINT STOCK COMPANY 'MOSTOTREST'", []string{"MOSTOTREST", "OPEN JOINT STOCK COMPANY 'MOSTOTREST'"}},
		{"A; ;B;", []string{"A", "B"}},
		{"Al Qa'ida/Islamic Army", []string{"Al Qa'ida", "Islamic Army"}},
		{"GHAEM/KHATAM", []string{"GHAEM", "KHATAM"}},
		{"Acme c/o Bank", nil},
		{"github.com/opencontainers/runc", nil},
		{"https://example.org/team/members", nil},
		{"Example.com Holdings/Vladimir Putin", []string{"Example.com Holdings", "Vladimir Putin"}},
		{"S.A.C. Trading/Vladimir Putin", []string{"S.A.C. Trading", "Vladimir Putin"}},
		{"Acme.Corp/Vladimir Putin", []string{"Acme.Corp", "Vladimir Putin"}},
		{"S/A", nil},
		{"a;b;c;d;e", []string{"a", "b", "c", "d", "e"}},
		{"a; b; c; d; e; Vladimir Putin", []string{"a", "b", "c", "d", "e", "Vladimir Putin"}},
		{strings.Repeat("x;", maxNameParts) + "y", append(slices.Repeat([]string{"x"}, maxNameParts), "y")},
	} {
		got, err := nameReadings(tt.name)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("nameReadings(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	for _, name := range []string{strings.Repeat("x;", maxNameParts+1), strings.Repeat("(", maxNameParts+1), "a/b;c(" + strings.Repeat("/", maxNameParts)} {
		if got, err := nameReadings(name); !errors.Is(err, ErrNameParts) {
			t.Errorf("nameReadings(%q) = %q, %v; want ErrNameParts", name, got, err)
		}
	}
}
