package screen

import (
	"fmt"
	"testing"
)

// TestWordFilter: the filter holds every word added to it, whatever its
// length, and lets few of the others through.
func TestWordFilter(t *testing.T) {
	t.Parallel()
	words := []string{"a", "al", "abu", "putin", "vladimir", "makhlouf", "co ltd", "gesellschaft"}
	f := newWordFilter(len(words))
	for _, w := range words {
		f.add(w)
	}
	for _, w := range words {
		if !f.mayHold([]byte(w)) {
			t.Errorf("mayHold(%q) = false for a word added", w)
		}
	}
	through := 0
	for i := range 1000 {
		if f.mayHold(fmt.Appendf(nil, "other%d", i)) {
			through++
		}
	}
	if through > 50 {
		t.Errorf("%d of 1000 words not added get through, want few", through)
	}
}
