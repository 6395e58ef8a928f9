package screen

import (
	"errors"
	"math"
)

// dict is the vocabulary of a sanctions index: every distinct folded
// word (text) and phonetic key of the indexed names, with the keys'
// weights and postings, plus tables of one-deletion variants that find the
// words and keys within one edit of a query word without scanning the
// vocabulary (the symmetric-delete method). Keys catch typos on top of
// transliteration variants; texts catch typos that break a digraph the key
// rewrites ("Seciin" for "Sechin").
type dict struct {
	ids    strTable // key → key id
	keys   []string
	weight []float32 // inverse document frequency over entries, per key
	// postings: records holding key t are post[postStart[t]:postStart[t+1]].
	postStart []int32
	post      []int32
	keyDel    delTable

	textIDs strTable // folded word → text id
	texts   []string
	textKey []int32 // key id of each text
	// textDel holds only the texts that differ from their key: a text
	// equal to its key is found in keyDel.
	textDel delTable

	unseen float32 // weight of a word no name holds
}

// delTable holds, in hash buckets, (hash, id) for every word of at least
// minFuzzyLen-1 letters and every one-letter deletion of words of at least
// minFuzzyLen letters.
type delTable struct {
	start []int32
	hash  []uint32 // the low 32 bits of the hash
	id    []int32
	mask  uint64
}

// minFuzzyLen is the shortest key that tolerates a one-letter typo.
const minFuzzyLen = 5

// idf is the weight of a key held by df of n entries.
func idf(n, df int) float32 {
	return float32(math.Log(1 + float64(n)/float64(df)))
}

// hashSkip is FNV-1a over b without the byte at skip (skip < 0: none).
func hashSkip[T string | []byte](b T, skip int) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(b); i++ {
		if i == skip {
			continue
		}
		h ^= uint64(b[i])
		h *= 1099511628211
	}
	return h
}

// buildDelTable builds the deletion table of words, or of words[i] for i
// in only when only is not nil.
func buildDelTable(words []string, only []int32) delTable {
	var t delTable
	each := func(fn func(id int32, w string)) {
		if only == nil {
			for id, w := range words {
				fn(int32(id), w)
			}
			return
		}
		for _, id := range only {
			fn(id, words[id])
		}
	}
	n := 0
	each(func(_ int32, w string) {
		if len(w) >= minFuzzyLen-1 {
			n++
		}
		if len(w) >= minFuzzyLen {
			n += len(w)
		}
	})
	buckets := 1
	for buckets < n {
		buckets <<= 1
	}
	t.mask = uint64(buckets - 1)
	t.start = make([]int32, buckets+1)
	t.hash = make([]uint32, 0, n)
	t.id = make([]int32, 0, n)
	// First pass: hashes in word order; second: place them by bucket.
	each(func(id int32, w string) {
		if len(w) < minFuzzyLen-1 {
			return
		}
		t.hash = append(t.hash, uint32(hashSkip(w, -1)))
		t.id = append(t.id, id)
		if len(w) < minFuzzyLen {
			return
		}
		for i := 0; i < len(w); i++ {
			if i > 0 && w[i] == w[i-1] {
				continue // same variant as deleting w[i-1]
			}
			t.hash = append(t.hash, uint32(hashSkip(w, i)))
			t.id = append(t.id, id)
		}
	})
	for _, h := range t.hash {
		t.start[(uint64(h)&t.mask)+1]++
	}
	for i := 1; i <= buckets; i++ {
		t.start[i] += t.start[i-1]
	}
	hs := make([]uint32, len(t.hash))
	ids := make([]int32, len(t.id))
	fill := make([]int32, buckets)
	for k, h := range t.hash {
		b := uint64(h) & t.mask
		at := t.start[b] + fill[b]
		fill[b]++
		hs[at], ids[at] = h, t.id[k]
	}
	t.hash, t.id = hs, ids
	return t
}

// appendNear appends to dst the ids of words within one edit (insertion,
// deletion, substitution or swap of neighbours) of w, w itself excluded,
// when the longer of the two has at least minFuzzyLen letters. An id may
// be appended more than once.
func (t *delTable) appendNear(dst []int32, words []string, w []byte) []int32 {
	if len(w) < minFuzzyLen-1 || len(t.start) == 0 {
		return dst
	}
	dst = t.probe(dst, words, w, hashSkip(w, -1))
	if len(w) < minFuzzyLen {
		return dst
	}
	for i := range w {
		if i > 0 && w[i] == w[i-1] {
			continue
		}
		dst = t.probe(dst, words, w, hashSkip(w, i))
	}
	return dst
}

// probe appends the ids of bucket h whose words are within one edit of w.
func (t *delTable) probe(dst []int32, words []string, w []byte, h uint64) []int32 {
	b := h & t.mask
	for i := t.start[b]; i < t.start[b+1]; i++ {
		if t.hash[i] != uint32(h) {
			continue
		}
		id := t.id[i]
		k := words[id]
		if k == string(w) || max(len(k), len(w)) < minFuzzyLen {
			continue
		}
		if withinOneEdit(k, w) {
			dst = append(dst, id)
		}
	}
	return dst
}

// withinOneEdit reports whether a and b differ by at most one insertion,
// deletion, substitution or transposition of adjacent letters.
func withinOneEdit(a string, b []byte) bool {
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	if i == la && i == lb {
		return true
	}
	switch {
	case la == lb:
		if string(a[i+1:]) == string(b[i+1:]) {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && string(a[i+2:]) == string(b[i+2:])
	case la > lb:
		return a[i+1:] == string(b[i:])
	default:
		return a[i:] == string(b[i+1:])
	}
}

// strTable finds the index of a string in a word list by open addressing:
// slot hash&mask holds the index plus one, 0 an empty slot, and a search
// goes on to the next slot until it finds the word or an empty slot. At
// most half the slots are used.
type strTable struct {
	slots []int32
	mask  uint64
}

// newStrTable builds the table of words, which must be distinct.
func newStrTable(words []string) strTable {
	n := 2
	for n < 2*len(words) {
		n <<= 1
	}
	t := strTable{slots: make([]int32, n), mask: uint64(n - 1)}
	for id, w := range words {
		i := hashSkip(w, -1) & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = int32(id) + 1
	}
	return t
}

// find returns the index of w in words, the list the table was built from.
func (t *strTable) find(words []string, w []byte) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	i := hashSkip(w, -1) & t.mask
	for range t.slots {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if words[s-1] == string(w) {
			return s - 1, true
		}
		i = (i + 1) & t.mask
	}
	return 0, false
}

// check checks a decoded table over n words.
func (t *strTable) check(n int) error {
	if len(t.slots) == 0 {
		if n != 0 {
			return errors.New("no slots")
		}
		return nil
	}
	if len(t.slots)&(len(t.slots)-1) != 0 || t.mask != uint64(len(t.slots)-1) || len(t.slots) < 2*n {
		return errors.New("bad shape")
	}
	for _, s := range t.slots {
		if s < 0 || int(s) > n {
			return errors.New("slot out of range")
		}
	}
	return nil
}
