package screen

import "testing"

func TestVowelClassVariant(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"munir", "monir", true},
		{"faker", "fakir", true},
		{"valentynovych", "valentinovich", true},
		{"hamshu", "hamsho", true},
		{"chepurnoy", "chepurnoi", true},
		{"munir", "munir", false}, // the same key pairs as such
		{"samir", "samar", false}, // a is no e or i
		{"maria", "mario", false}, // nor o or u
		{"monir", "tonir", false}, // first letters differ
		{"aleksandrov", "aleksandrova", false},
		{"mun", "mon", false}, // too short
		{"hisein", "hisene", false},
	} {
		if got := vowelClassVariant([]byte(c.a), c.b); got != c.want {
			t.Errorf("vowelClassVariant(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestGeminateVariant: one word but for a letter written once or
// doubled, whichever doubled letter it is.
func TestGeminateVariant(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		w, t string
		want bool
	}{
		{"haj", "hajj", true},
		{"hajj", "haj", true},
		{"abbass", "abbas", true}, // the second doubled letter, not the first
		{"ali", "alli", true},
		{"jun", "yun", false},
		{"abc", "abcd", false},
		{"haj", "haj", false},
	} {
		if got := geminateVariant([]byte(tt.w), tt.t); got != tt.want {
			t.Errorf("geminateVariant(%q, %q) = %v, want %v", tt.w, tt.t, got, tt.want)
		}
	}
}
