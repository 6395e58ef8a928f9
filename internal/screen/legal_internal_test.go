package screen

import "testing"

// TestGluedLegalEnd: gluedLegalEnd, which stops at the first start or end
// that begins or ends no legal form, agrees with the test at every
// length, on names with every legal form run into their start, their end
// or neither.
func TestGluedLegalEnd(t *testing.T) {
	t.Parallel()
	every := func(glued string) bool {
		for k := 2; k <= legalGluedMax && len(glued)-k >= minGluedCore; k++ {
			if _, ok := legalGlued[glued[:k]]; ok {
				return true
			}
			if _, ok := legalGlued[glued[len(glued)-k:]]; ok {
				return true
			}
		}
		return false
	}
	names := []string{"", "ab", "zte", "kaspersky", "kasperskylab", "huawei", "xcoltdx", "a", "colt", "gmbhx"}
	var cases []string
	for _, n := range names {
		cases = append(cases, n)
		for g := range legalGlued {
			cases = append(cases, g+n, n+g, g[:len(g)/2]+n, n+g[len(g)/2:], g+n+g)
		}
	}
	for _, c := range cases {
		if got, want := gluedLegalEnd(c), every(c); got != want {
			t.Errorf("gluedLegalEnd(%q) = %v, want %v", c, got, want)
		}
		if got, want := gluedLegalEnd([]byte(c)), every(c); got != want {
			t.Errorf("gluedLegalEnd([]byte(%q)) = %v, want %v", c, got, want)
		}
	}
}

// TestLegalSingleTypo: a long one-word legal form one letter off is read
// as a misspelling of it; the form itself, short forms and words two
// letters off are not.
func TestLegalSingleTypo(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"limted", true},       // a letter dropped
		{"limitted", true},     // a letter added
		{"limjted", true},      // a letter changed
		{"limtied", true},      // two letters swapped
		{"incorpprated", true}, // incorporated
		{"corporaiton", true},  // corporation
		{"compaby", true},      // company
		{"aktiebolg", true},    // aktiebolag
		{"limited", false},     // the form itself is no misspelling
		{"limitless", false},   // two letters off
		{"ltdd", false},        // short forms are one letter from too many words
		{"incc", false},
		{"gmbhh", false},
		{"united", false},    // two letters off "limited"
		{"corporate", false}, // two letters off "corporation"
		{"", false},
	} {
		if got := legalSingleTypo([]byte(tt.w)); got != tt.want {
			t.Errorf("legalSingleTypo(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// TestOneLetterMore: a word one edit from a long legal form always passes
// the letter test legalSingleTypo asks first; a word of two letters the
// form lacks never does.
func TestOneLetterMore(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		w, f string
		want bool
	}{
		{"limted", "limited", true},          // a letter dropped
		{"limiited", "limited", true},        // one added, already there
		{"limixed", "limited", true},         // one changed to a new letter
		{"corporaiton", "corporation", true}, // two swapped
		{"lomxted", "limited", false},        // two new letters
		{"vladimir", "limited", false},
	} {
		if got := oneLetterMore(letterSet([]byte(tc.w)), letterSet([]byte(tc.f))); got != tc.want {
			t.Errorf("oneLetterMore(%q, %q) = %v, want %v", tc.w, tc.f, got, tc.want)
		}
	}
	// Every one-edit neighbour of every long form passes.
	for i, f := range legalSingleLong {
		for _, w := range oneEditNeighbours(f) {
			if !oneLetterMore(letterSet([]byte(w)), legalFilters.singleMasks[i]) {
				t.Fatalf("oneLetterMore turns away %q, one edit from %q", w, f)
			}
		}
	}
}

// oneEditNeighbours returns the words one letter dropped, added, changed
// or two neighbours swapped from f, over the letters a to z.
func oneEditNeighbours(f string) []string {
	var out []string
	for i := range len(f) + 1 {
		if i < len(f) {
			out = append(out, f[:i]+f[i+1:])
		}
		if i+1 < len(f) {
			out = append(out, f[:i]+string(f[i+1])+string(f[i])+f[i+2:])
		}
		for c := byte('a'); c <= 'z'; c++ {
			out = append(out, f[:i]+string(c)+f[i:])
			if i < len(f) {
				out = append(out, f[:i]+string(c)+f[i+1:])
			}
		}
	}
	return out
}

// TestLegalSwapped: a short one-word legal form with two neighbouring
// letters swapped is read as the form; a longer or shorter word, or one
// two swaps away, is not.
func TestLegalSwapped(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"ojcs", true}, {"osjc", true}, {"gmhb", true}, {"jocs", false}, {"cjsc", false}, {"ojsc", false},
		{"tld", false}, {"sjoc", false}, {"bank", false}, {"limtied", false}, {"part", false},
	} {
		if got := legalSwapped([]byte(tt.w)); got != tt.want {
			t.Errorf("legalSwapped(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
	var nb normBuf
	nb.fuzzyLegal = true
	nb.normalize("OJCS KEREMET BANK")
	if nb.words[0].flags&wordLegal == 0 {
		t.Errorf("OJCS KEREMET BANK: OJCS not read as a legal form: %+v", nb.words)
	}
}
