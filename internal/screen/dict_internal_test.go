package screen

import (
	"slices"
	"testing"
)

// TestAppendDeletionHashes checks the deletion hashes, each computed on
// from the hash of the letters before it, against hashSkip of each
// deletion: the lists' side and the query's side must agree on them.
func TestAppendDeletionHashes(t *testing.T) {
	for _, w := range []string{"", "a", "abcd", "putin", "vladimir", "aabbcc", "mississippi", "aaaaa", "1234567890"} {
		want := []uint64{hashSkip(w, -1)}
		if len(w) >= minFuzzyLen {
			for i := range len(w) {
				if i == 0 || w[i] != w[i-1] {
					want = append(want, hashSkip(w, i))
				}
			}
		}
		if got := appendDeletionHashes(nil, w); !slices.Equal(got, want) {
			t.Errorf("appendDeletionHashes(%q) = %x, want %x", w, got, want)
		}
		if got := appendDeletionHashes([]uint64{7}, []byte(w)); !slices.Equal(got[1:], want) || got[0] != 7 {
			t.Errorf("appendDeletionHashes(dst, %q) = %x, want 7 then %x", w, got, want)
		}
	}
}

// TestInnerEdit: a letter left out or added inside the longer word is an
// inner edit, either way round; one at its first or last letter, a letter
// written for another, or two letters apart are not.
func TestInnerEdit(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"rosneft", "rosnft", true},
		{"rosnft", "rosneft", true},
		{"sberbank", "sberbnk", true},
		{"globanty", "globant", false},
		{"rosneft", "osneft", false},
		{"rosneft", "rosneft", false},
		{"rosneft", "rosnaft", false},
		{"rosneft", "rosft", false},
		{"ab", "a", false},
	} {
		if got := innerEdit(tt.a, []byte(tt.b)); got != tt.want {
			t.Errorf("innerEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
