package screen

import "testing"

// TestVowelVariant: two words one short vowel apart as romanisations of
// Arabic names write it (e for i or a, o for u) pair; other letters, other
// lengths and short words do not.
func TestVowelVariant(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		w, t string
		want bool
	}{
		{"adel", "adil", true},
		{"osman", "usman", true},
		{"imed", "imad", true}, // the fatha written e
		{"tarak", "tarek", true},
		{"imad", "imid", false}, // a for i
		{"kamal", "kamil", false},
		{"ali", "ale", false}, // too short
		{"adel", "adell", false},
		{"imed", "imeb", false},
	} {
		if got := vowelVariant([]byte(tt.w), tt.t); got != tt.want {
			t.Errorf("vowelVariant(%q, %q) = %v, want %v", tt.w, tt.t, got, tt.want)
		}
	}
}

// TestLongVowelVariant: a long vowel written with two letters or one
// ("deeb", "dib"; "noor", "nur"; "mansour", "mansur"), not in words of
// fewer than three letters ("lee", "li") nor in words of one length.
func TestLongVowelVariant(t *testing.T) {
	for _, tt := range []struct {
		w, t string
		want bool
	}{
		{"deeb", "dib", true},
		{"dib", "deeb", true},
		{"noor", "nur", true},
		{"mansour", "mansur", true},
		{"lee", "li", false},
		{"dib", "dab", false},
		{"deeb", "deeb", false},
		{"noor", "nour", false},
	} {
		if got := longVowelVariant([]byte(tt.w), tt.t); got != tt.want {
			t.Errorf("longVowelVariant(%q, %q) = %v, want %v", tt.w, tt.t, got, tt.want)
		}
	}
}
