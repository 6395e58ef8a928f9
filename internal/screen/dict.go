package screen

import (
	"math"
	"slices"
)

// dict is the vocabulary of a sanctions index: every distinct folded
// word (text) and phonetic key of the indexed names, with the keys'
// weights and postings, plus tables of one-deletion variants that find the
// words and keys within one edit of a query word without scanning the
// vocabulary (the symmetric-delete method). Keys catch typos on top of
// transliteration variants; texts catch typos that break a digraph the key
// rewrites ("Seciin" for "Sechin").
type dict struct {
	ids    StrTable // key → key id
	keys   []string
	weight []float32 // inverse document frequency over entries, per key
	// postings: records holding key t are post[postStart[t]:postStart[t+1]],
	// in record order (finish).
	postStart []int32
	post      []int32
	keyDel    DelTable

	textIDs StrTable // folded word → text id
	texts   []string
	textKey []int32 // key id of each text
	// textDel holds only the texts that differ from their key: a text
	// equal to its key is found in keyDel.
	textDel DelTable

	unseen float32 // weight of a word no name holds
}

// DelTable holds, in hash buckets, (hash, id) for every word of at least
// minFuzzyLen-1 letters and every one-letter deletion of words of at least
// minFuzzyLen letters: bucket b is Ent[Start[b]:Start[b+1]], and a hash h
// falls in bucket h&Mask. An entry holds the low 32 bits of the hash in
// its tag and the id in its value (TagID). A part of Tables.
type DelTable struct {
	Start []int32
	Ent   []TagID
	Mask  uint64
}

// TagID is a tag of 32 bits (bits of a hash) and a value of 32 bits (an
// id) in one word, so that a probe of a table reads both at once: an
// entry of DelTable, a slot of StrTable.
type TagID uint64

// tagID returns the TagID of tag and v.
func tagID(tag, v uint32) TagID { return TagID(tag)<<32 | TagID(v) }

// tag and val are the parts of a TagID.
func (t TagID) tag() uint32 { return uint32(t >> 32) }
func (t TagID) val() uint32 { return uint32(t) }

// minFuzzyLen is the shortest key that tolerates a one-letter typo, and
// maxFuzzyLen the longest: no listed word comes near it (the longest of
// the SDN list has 29 letters), and the neighbours of a word cost the
// square of its length, which a hostile input of one word of a hundred
// thousand letters would make minutes. A longer word is still found
// when it is listed as it is written.
const (
	minFuzzyLen = 5
	maxFuzzyLen = 64
)

// idf is the weight of a key held by df of n entries.
func idf(n, df int) float32 {
	return float32(math.Log(1 + float64(n)/float64(df)))
}

// appendDeletionHashes appends to dst hashSkip of w whole and, when w
// has minFuzzyLen letters or more, of w without each of its letters, a
// letter repeated once only (deleting either gives the same word). Each
// deletion's hash goes on from the hash of the letters before it, which
// halves the bytes hashed.
func appendDeletionHashes[T string | []byte](dst []uint64, w T) []uint64 {
	whole := len(dst)
	dst = append(dst, 0)
	prefix := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		if len(w) >= minFuzzyLen && (i == 0 || w[i] != w[i-1]) {
			h := prefix
			for j := i + 1; j < len(w); j++ {
				h ^= uint64(w[j])
				h *= fnvPrime
			}
			dst = append(dst, h)
		}
		prefix ^= uint64(w[i])
		prefix *= fnvPrime
	}
	dst[whole] = prefix
	return dst
}

// The 64-bit FNV-1a parameters of hashSkip.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashSkip is FNV-1a over b without the byte at skip (skip < 0: none).
func hashSkip[T string | []byte](b T, skip int) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(b); i++ {
		if i == skip {
			continue
		}
		h ^= uint64(b[i])
		h *= fnvPrime
	}
	return h
}

// buildDelTable builds the deletion table of words, or of words[i] for i
// in only when only is not nil.
func buildDelTable(words []string, only []int32) DelTable {
	var t DelTable
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
		if len(w) > maxFuzzyLen {
			return
		}
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
	t.Mask = uint64(buckets - 1)
	t.Start = make([]int32, buckets+1)
	ents := make([]TagID, 0, n)
	// First pass: entries in word order; second: place them by bucket.
	var del [maxFuzzyLen + 1]uint64
	each(func(id int32, w string) {
		if len(w) < minFuzzyLen-1 || len(w) > maxFuzzyLen {
			return
		}
		for _, h := range appendDeletionHashes(del[:0], w) {
			ents = append(ents, tagID(uint32(h), uint32(id)))
		}
	})
	for _, e := range ents {
		t.Start[(uint64(e.tag())&t.Mask)+1]++
	}
	for i := 1; i <= buckets; i++ {
		t.Start[i] += t.Start[i-1]
	}
	t.Ent = make([]TagID, len(ents))
	fill := make([]int32, buckets)
	for _, e := range ents {
		b := uint64(e.tag()) & t.Mask
		t.Ent[t.Start[b]+fill[b]] = e
		fill[b]++
	}
	return t
}

// appendNear appends to dst the ids of words within one edit (insertion,
// deletion, substitution or swap of neighbours) of w, w itself excluded,
// when the longer of the two has at least minFuzzyLen letters. An id may
// be appended more than once.
func (t *DelTable) appendNear(dst []int32, words []string, w []byte) []int32 {
	if !nearLen(w) || len(t.Start) == 0 {
		return dst
	}
	var buf [maxFuzzyLen + 2]uint64
	hs := appendDeletionHashes(buf[:0], w)
	var from, to [maxFuzzyLen + 2]int32
	t.bounds(hs, from[:], to[:])
	return t.probeAll(dst, words, w, hs, from[:], to[:])
}

// nearLen reports whether a word of w's length may have words within one
// edit of it in a DelTable.
func nearLen(w []byte) bool {
	return len(w) >= minFuzzyLen-1 && len(w) <= maxFuzzyLen+1
}

// bounds sets from[k] and to[k] to the bounds of the bucket of hash
// hs[k]; nothing for an empty table. The hashes of a word and of its
// deletions are worked out first and their buckets' bounds loaded in a
// loop of their own, before any is probed: the loads, which miss the
// cache, are independent and overlap.
func (t *DelTable) bounds(hs []uint64, from, to []int32) {
	if len(t.Start) == 0 {
		return
	}
	for k, h := range hs {
		b := h & t.Mask
		from[k], to[k] = t.Start[b], t.Start[b+1]
	}
}

// probeAll appends to dst the ids of the words within one edit of w in
// the buckets of hashes hs, whose bounds are from and to (bounds).
func (t *DelTable) probeAll(dst []int32, words []string, w []byte, hs []uint64, from, to []int32) []int32 {
	for k, h := range hs {
		dst = t.probe(dst, words, w, h, from[k], to[k])
	}
	return dst
}

// appendNear appends to dst the ids of the keys within one edit of w
// (keyDel), then those of the texts (textDel), as keyDel.appendNear and
// textDel.appendNear would one after the other, and returns where the
// texts' ids start. The two tables are probed with the same hashes, which
// are computed once, and the loads of both tables' buckets overlap.
func (d *dict) appendNear(dst []int32, w []byte) ([]int32, int) {
	if !nearLen(w) {
		return dst, len(dst)
	}
	var buf [maxFuzzyLen + 2]uint64
	hs := appendDeletionHashes(buf[:0], w)
	var kFrom, kTo, tFrom, tTo [maxFuzzyLen + 2]int32
	d.keyDel.bounds(hs, kFrom[:], kTo[:])
	d.textDel.bounds(hs, tFrom[:], tTo[:])
	dst = d.keyDel.probeAll(dst, d.keys, w, hs, kFrom[:], kTo[:])
	mid := len(dst)
	return d.textDel.probeAll(dst, d.texts, w, hs, tFrom[:], tTo[:]), mid
}

// probe appends the ids of hash h, in the entries from to to of its
// bucket, whose words are within one edit of w.
func (t *DelTable) probe(dst []int32, words []string, w []byte, h uint64, from, to int32) []int32 {
	for _, e := range t.Ent[from:to] {
		if e.tag() != uint32(h) {
			continue
		}
		id := int32(e.val())
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

// innerEdit reports whether a and b, one letter apart in length, differ
// by a letter left out or added inside the longer, neither its first nor
// its last: a slip of the hand, where a letter added or left out at an
// end makes another word ("Globanty" of GLOBANT, a plural).
func innerEdit(a string, b []byte) bool {
	switch len(a) - len(b) {
	case 1:
		return innerDrop(a, b)
	case -1:
		return innerDrop(b, a)
	}
	return false
}

// innerDrop reports whether short is long with one letter left out,
// neither its first nor its last.
func innerDrop[L, S ~string | ~[]byte](long L, short S) bool {
	if len(short) < 2 {
		return false
	}
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	return i > 0 && i < len(short) && string(long[i+1:]) == string(short[i:])
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

// StrTable finds the index of a string in a word list by open addressing:
// slot hash&Mask holds the high 32 bits of the word's hash as its tag and
// the index plus one as its value (TagID), 0 an empty slot, and a
// search goes on to the next slot until it finds the word or an empty
// slot. A slot whose hash bits differ is passed over without reading its
// word. At most half the slots are used. A part of Tables.
type StrTable struct {
	Slots []TagID
	Mask  uint64
}

// newStrTable builds the table of words, which must be distinct.
func newStrTable(words []string) StrTable {
	n := 2
	for n < 2*len(words) {
		n <<= 1
	}
	t := StrTable{Slots: make([]TagID, n), Mask: uint64(n - 1)}
	for id, w := range words {
		h := hashSkip(w, -1)
		i := h & t.Mask
		for t.Slots[i] != 0 {
			i = (i + 1) & t.Mask
		}
		t.Slots[i] = tagID(uint32(h>>32), uint32(id+1))
	}
	return t
}

// find returns the index of w in words, the list the table was built from.
func (t *StrTable) find(words []string, w []byte) (int32, bool) {
	if len(t.Slots) == 0 {
		return 0, false
	}
	h := hashSkip(w, -1)
	tag := uint32(h >> 32)
	i := h & t.Mask
	for range t.Slots {
		s := t.Slots[i]
		if s == 0 {
			return 0, false
		}
		if s.tag() == tag {
			if id := int32(s.val()) - 1; words[id] == string(w) {
				return id, true
			}
		}
		i = (i + 1) & t.Mask
	}
	return 0, false
}

// together calls fn with each record that holds both keys a and b, in
// record order, until fn returns false: the shorter list of records is
// looked up in the longer, which is in record order too.
func (d *dict) together(a, b int32, fn func(ri int32) bool) {
	short, long := d.post[d.postStart[a]:d.postStart[a+1]], d.post[d.postStart[b]:d.postStart[b+1]]
	if len(long) < len(short) {
		short, long = long, short
	}
	lo := 0
	for _, ri := range short {
		j, found := slices.BinarySearch(long[lo:], ri)
		lo += j
		if found && !fn(ri) {
			return
		}
	}
}
