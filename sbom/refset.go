package sbom

import "hash/maphash"

// refSet is the set of the explicit bom-refs of a document met so far,
// each with the pointer of its first use, for the duplicate-ref check.
// It holds a ref by its 64-bit hash (keyed with a seed of its own, which
// input cannot aim at): the text of a ref converted in a part of a
// streaming split (hashedRef) is not kept but read again from the input
// (reread) for the few refs whose hash was met before, to tell a
// duplicate from two refs with the same hash, which are then kept in
// exact.
type refSet struct {
	seed   maphash.Seed
	byHash map[uint64]refID
	held   []heldRef         // refs kept as text
	exact  map[string]string // refs whose hash another ref has: ref → pointer
	parts  []*cdxConv        // the parts whose hashed refs byHash names
	// reread converts top-level component top again, with what it holds:
	// the components its part converted from it, in order.
	reread func(top int) []Component
}

// refID names a ref of a refSet: held[k] when part is -1, else the hashed
// ref k of parts[part].
type refID struct{ part, k int32 }

// heldRef is a ref kept as text, with the pointer of its component.
type heldRef struct{ ref, ptr string }

// hashedRef is an explicit bom-ref converted in a part of a streaming
// split, kept as its hash: top is the top-level component it is in (or
// is) and nth its component's index among those converted from top. Which
// component of the part it is the part's hashedAt tells.
type hashedRef struct {
	hash     uint64
	top, nth int32
}

// compSet is a set of the indexes of the components of a part, one bit
// each.
type compSet []uint64

// add puts j in the set.
func (b *compSet) add(j int) {
	for len(*b) <= j>>6 {
		*b = append(*b, 0)
	}
	(*b)[j>>6] |= 1 << (j & 63)
}

// has reports whether j is in the set.
func (b compSet) has(j int) bool {
	return j>>6 < len(b) && b[j>>6]&(1<<(j&63)) != 0
}

// newRefSet returns an empty set for about n refs, hashed with seed.
func newRefSet(seed maphash.Seed, n int) *refSet {
	return &refSet{seed: seed, byHash: make(map[uint64]refID, n)}
}

// hash is the hash of ref in the set.
func (s *refSet) hash(ref string) uint64 { return maphash.String(s.seed, ref) }

// addText records the ref of the component at ptr; first is the pointer
// of the ref's first use when it was met before.
func (s *refSet) addText(ref, ptr string) (first string, dup bool) {
	h := s.hash(ref)
	prev, ok := s.byHash[h]
	if !ok {
		s.held = append(s.held, heldRef{ref, ptr})
		s.byHash[h] = refID{part: -1, k: int32(len(s.held) - 1)}
		return "", false
	}
	return s.collide(h, prev, ref, ptr)
}

// addHashed records the hashed ref k of parts[part]; when it was met
// before, first is the pointer of its first use and ptr that of the
// component it is k's.
func (s *refSet) addHashed(part, k int) (first, ptr string, dup bool) {
	h := s.parts[part].hashed[k].hash
	prev, ok := s.byHash[h]
	if !ok {
		s.byHash[h] = refID{part: int32(part), k: int32(k)}
		return "", "", false
	}
	ref, ptr := s.text(refID{part: int32(part), k: int32(k)})
	first, dup = s.collide(h, prev, ref, ptr)
	return first, ptr, dup
}

// collide decides a ref (ref, at ptr) whose hash h the ref prev has.
func (s *refSet) collide(h uint64, prev refID, ref, ptr string) (string, bool) {
	pref, pptr := s.text(prev)
	if prev.part >= 0 {
		// Read once: keep its text from now on.
		s.held = append(s.held, heldRef{pref, pptr})
		s.byHash[h] = refID{part: -1, k: int32(len(s.held) - 1)}
	}
	if ref == pref {
		return pptr, true
	}
	if first, dup := s.exact[ref]; dup {
		return first, true
	}
	if s.exact == nil {
		s.exact = map[string]string{}
	}
	s.exact[ref] = ptr
	return "", false
}

// text returns the ref id names and the pointer of its component.
func (s *refSet) text(id refID) (ref, ptr string) {
	if id.part < 0 {
		r := s.held[id.k]
		return r.ref, r.ptr
	}
	r := s.parts[id.part].hashed[id.k]
	comps := s.reread(int(r.top))
	if int(r.nth) >= len(comps) {
		// The input is the one converted already: it cannot convert to
		// fewer components the second time.
		return "", ""
	}
	c := comps[r.nth]
	return c.Ref, c.Pointer
}
