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

// TestHyphens: a word joined to the one before it by a hyphen alone is
// marked so; a hyphen beside a space, two hyphens or another sign do not
// join.
func TestHyphens(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want uint64
	}{
		{"Vladimir Pu-tin", 1 << 2},
		{"Pu-tin-ov Vladimir", 1<<1 | 1<<2},
		{"RT-INFORM", 1 << 1},
		{"Pu - tin", 0},
		{"Pu -tin", 0},
		{"Pu--tin", 0},
		{"Pu/-tin", 0},
		{"Pu.-tin", 0},
		{"Putin", 0},
	} {
		var nb normBuf
		nb.normalize(tt.in)
		if nb.hyphens != tt.want {
			t.Errorf("%q: hyphens %b, want %b (words %q)", tt.in, nb.hyphens, tt.want, nb.String())
		}
	}
}
