package screen

import "testing"

// TestAppendConsonants: the consonants as written, w and y read as vowels,
// a letter written twice side by side once (not one that a vowel parts:
// Potanin is not Poutine), a final h after a vowel left out; the form
// adds the syllables (Mohyuddin is not MAHDIAN).
func TestAppendConsonants(t *testing.T) {
	for _, tt := range []struct{ w, want string }{
		{"muzhir", "mzhr"},
		{"mezher", "mzhr"},
		{"kawtharani", "kthrn"},
		{"kutherani", "kthrn"},
		{"seyfi", "sf"},
		{"jumah", "jm"},
		{"jomaa", "jm"},
		{"qassir", "qsr"},
		{"potanin", "ptnn"},
		{"poutine", "ptn"},
		{"asadollah", "sdl"},
		{"hah", "h"},
		{"o'brien", ""},
	} {
		if got, _ := appendConsonants(nil, []byte(tt.w)); string(got) != tt.want {
			t.Errorf("%s: %q, want %q", tt.w, got, tt.want)
		}
	}
	// The form: the consonants and the number of runs of consonants and
	// vowels, a final vowel not counted.
	for _, tt := range []struct {
		w    string
		want string
	}{
		{"mezher", "mzhr\x05"},
		{"muzhir", "mzhr\x05"},
		{"jamaluddin", "jmldn\x09"},
		{"jamaleddine", "jmldn\x09"},
		{"mohyuddin", "mhdn\x07"},
		{"mahdian", "mhdn\x05"},
		{"seyfi", ""},
	} {
		if got := string(consonantForm(nil, []byte(tt.w))); got != tt.want {
			t.Errorf("consonantForm(%s) = %q, want %q", tt.w, got, tt.want)
		}
	}
	for _, tt := range []struct {
		a, b byte
		want bool
	}{
		{'m', 'm', true}, {'e', 'a', true}, {'a', 'h', false}, {'y', 'i', false}, {'w', 'u', false},
	} {
		if got := sameInitial(tt.a, tt.b); got != tt.want {
			t.Errorf("sameInitial(%c, %c) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
