package screen

import (
	"fmt"
	"maps"
	"slices"
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

// TestStaticTableFilters: the filters asked before the static tables'
// maps never turn away a word the table holds, so that asking them
// changes no answer.
func TestStaticTableFilters(t *testing.T) {
	t.Parallel()
	tables := []struct {
		name string
		f    *wordFilter
		keys []string
	}{
		{"legalFirst", legalFilters.first, keysOf(legalFirst)},
		{"legalLast", legalFilters.last, keysOf(legalLast)},
		{"legalByWord.fwd[0]", legalFilters.byWordFwd[0], keysOf(legalByWord.fwd[0])},
		{"legalByWord.fwd[1]", legalFilters.byWordFwd[1], keysOf(legalByWord.fwd[1])},
		{"legalByWord.bwd[0]", legalFilters.byWordBwd[0], keysOf(legalByWord.bwd[0])},
		{"legalByWord.bwd[1]", legalFilters.byWordBwd[1], keysOf(legalByWord.bwd[1])},
		{"legalGlued", legalFilters.glued, keysOf(legalGlued)},
		{"legalGluedHeads", legalFilters.heads, keysOf(legalGluedHeads)},
		{"legalGluedTails", legalFilters.tails, keysOf(legalGluedTails)},
		{"legalForms", legalFilters.forms, keysOf(legalForms)},
		{"koreanSurnames", koreanSurnameFilter, keysOf(koreanSurnames)},
		{"titleWords", titleFilter, keysOf(titleWords)},
		{"eastSlavicForms", eastSlavicFilter, keysOf(eastSlavicForms)},
		{"givenForms", givenForms().filter, keysOf(givenForms().group)},
	}
	for _, tc := range tables {
		if len(tc.keys) == 0 {
			t.Errorf("%s: empty table", tc.name)
		}
		for _, k := range tc.keys {
			if !tc.f.mayHold([]byte(k)) {
				t.Errorf("%s: the filter turns away %q, which the table holds", tc.name, k)
			}
		}
	}
}

// keysOf returns the keys of m.
func keysOf[V any](m map[string]V) []string { return slices.Collect(maps.Keys(m)) }

// TestKeySet: a keySet holds every id it was filled with, whatever the
// ids, and lets few others through.
func TestKeySet(t *testing.T) {
	t.Parallel()
	ids := []int32{0, 1, 2, 63, 64, 1023, 1024, 99991, 1 << 30, -1}
	var s keySet
	s.fill(ids)
	for _, id := range ids {
		if !s.mayHold(id) {
			t.Errorf("mayHold(%d) = false for an id filled", id)
		}
	}
	through := 0
	for id := int32(5000); id < 6000; id++ {
		if s.mayHold(id) {
			through++
		}
	}
	if through > 50 {
		t.Errorf("%d of 1000 ids not filled get through, want few", through)
	}
	s.fill(nil)
	if s.mayHold(ids[0]) {
		t.Error("an emptied set still holds an id")
	}
}
