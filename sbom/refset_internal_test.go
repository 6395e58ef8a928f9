package sbom

import (
	"hash/maphash"
	"testing"
)

// TestRefSetCollision checks that two refs with the same hash are told
// apart by their text: neither is a duplicate of the other, and each is
// still found again.
func TestRefSetCollision(t *testing.T) {
	s := newRefSet(maphash.MakeSeed(), 4)
	if _, dup := s.addText("a", "/components/0"); dup {
		t.Fatal("the first ref is a duplicate")
	}
	// Make "b" collide with "a".
	s.byHash[s.hash("b")] = s.byHash[s.hash("a")]
	for _, step := range []struct {
		ref, ptr, first string
		dup             bool
	}{
		{"b", "/components/1", "", false},
		{"b", "/components/2", "/components/1", true},
		{"a", "/components/3", "/components/0", true},
		{"c", "/components/4", "", false},
		{"c", "/components/5", "/components/4", true},
	} {
		first, dup := s.addText(step.ref, step.ptr)
		if first != step.first || dup != step.dup {
			t.Errorf("%s at %s: first %q, dup %v; want %q, %v", step.ref, step.ptr, first, dup, step.first, step.dup)
		}
	}
}

// TestCompSet checks the set of component indexes a part's hashed refs
// are at: what was added is in it, nothing else, across words.
func TestCompSet(t *testing.T) {
	var b compSet
	in := map[int]bool{0: true, 63: true, 64: true, 200: true}
	for j := range in {
		b.add(j)
	}
	for j := range 300 {
		if b.has(j) != in[j] {
			t.Errorf("has(%d) = %v, want %v", j, b.has(j), in[j])
		}
	}
}
