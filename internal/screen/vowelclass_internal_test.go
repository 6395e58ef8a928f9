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
