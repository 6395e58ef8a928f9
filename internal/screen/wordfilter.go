package screen

// wordFilter is a one-hash Bloom filter over a set of words: mayHold is
// false for a word the set does not hold, most of the time, and never
// for one it holds. It answers from a word's length and its first and
// last two letters and one bit of a small table, which stays in the
// cache, so a caller asking for many words the set mostly does not hold
// (every start of a word, to cut it into words) skips most look-ups in
// the large table of the set.
type wordFilter struct {
	bits []uint64
	mask uint64 // number of bits - 1
}

// newWordFilter returns an empty filter sized for n words.
func newWordFilter(n int) wordFilter {
	// About 8 bits a word: one word in eight or fewer that the set
	// does not hold gets through.
	size := 1 << 10
	for size < 8*n {
		size <<= 1
	}
	return wordFilter{bits: make([]uint64, size/64), mask: uint64(size - 1)}
}

// add adds w to the set.
func (f *wordFilter) add(w string) {
	h := wordFilterHash(w) & f.mask
	f.bits[h/64] |= 1 << (h % 64)
}

// mayHold reports whether the set may hold w; false means it does not.
func (f *wordFilter) mayHold(w []byte) bool { return filterMayHold(f, w) }

// filterMayHold is mayHold for a word given as a string or as bytes.
func filterMayHold[T string | []byte](f *wordFilter, w T) bool {
	h := wordFilterHash(w) & f.mask
	return f.bits[h/64]&(1<<(h%64)) != 0
}

// filteredGet looks w up in m, asking f, the filter of m's keys, first.
func filteredGet[V any, T string | []byte](f *wordFilter, m map[string]V, w T) (V, bool) {
	if !filterMayHold(f, w) {
		var zero V
		return zero, false
	}
	v, ok := m[string(w)]
	return v, ok
}

// filterOf returns the filter of the keys of ms: tables of words (legal
// forms, titles, name forms, brands) that most words of a query are not
// in, asked before the maps so that they skip their hash and probe.
func filterOf[V any](ms ...map[string]V) *wordFilter {
	n := 0
	for _, m := range ms {
		n += len(m)
	}
	f := newWordFilter(n)
	for _, m := range ms {
		for k := range m {
			f.add(k)
		}
	}
	return &f
}

// wordFilterHash hashes the length and the first and last two bytes of w.
func wordFilterHash[T string | []byte](w T) uint64 {
	n := len(w)
	if n == 0 {
		return 0
	}
	h := uint64(n)
	h = h<<8 | uint64(w[0])
	h = h<<8 | uint64(w[n-1])
	if n > 1 {
		h = h<<8 | uint64(w[1])
		h = h<<8 | uint64(w[n-2])
	}
	// Fibonacci hashing spreads the bytes over the high bits.
	h *= 0x9e3779b97f4a7c15
	return h>>32 ^ h
}

// keySet is a one-hash Bloom filter of key ids: mayHold is false for an
// id not added and true for every id added.
type keySet [16]uint64

// fill makes s the set of ids.
func (s *keySet) fill(ids []int32) {
	*s = keySet{}
	for _, id := range ids {
		h := keySetBit(id)
		s[h/64] |= 1 << (h % 64)
	}
}

// mayHold reports whether s may hold id; false means it does not.
func (s *keySet) mayHold(id int32) bool {
	h := keySetBit(id)
	return s[h/64]&(1<<(h%64)) != 0
}

// keySetBit is the bit of id in a keySet.
func keySetBit(id int32) uint32 { return uint32(id) * 0x9e3779b1 >> 22 }
