package screen

import (
	"slices"
	"testing"
)

// TestExpandAbbrev: IMPEX, and I/E (single letters set apart by a slash,
// one word as a dot makes them), are read as IMPORT EXPORT and recorded
// for the explanation; other letters joined by a slash or a dot, and a
// person's name, are not.
func TestExpandAbbrev(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name     string
		person   bool
		want     string
		expanded []string
	}{
		{"Acme I/E Impex Co", false, "acme import export import export co", []string{"i/e", "impex"}},
		{"Acme S/A", false, "acme sa", nil},
		{"I. E. Trading", false, "ie trading", nil},
		{"Impex, John", true, "impex john", nil},
		{"Lee, Kim I/E", true, "lee kim i e", nil},
	} {
		var nb normBuf
		nb.initials = tt.person
		nb.normalize(tt.name)
		if got := nb.String(); got != tt.want || !slices.Equal(nb.expanded, tt.expanded) {
			t.Errorf("%q: read %q, expanded %q; want %q, %q", tt.name, got, nb.expanded, tt.want, tt.expanded)
		}
	}
}
