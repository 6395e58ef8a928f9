package sbom

import "io"

// splicedText is a text made of pieces read one after the other without
// being joined: a document with its components array written as [] is
// the document's bytes up to the array, "[]" and its bytes after the
// array, read in place where a joined copy would be as large as the
// document less the array (its dependencies, say).
type splicedText struct {
	pieces [][]byte
	ends   []int // ends[k] is the offset in the text where pieces[k] ends
	k, at  int   // the piece being read and the offset in it
}

// newSplicedText returns the text of pieces read in turn.
func newSplicedText(pieces ...[]byte) *splicedText {
	t := &splicedText{pieces: pieces, ends: make([]int, len(pieces))}
	end := 0
	for k, p := range pieces {
		end += len(p)
		t.ends[k] = end
	}
	return t
}

// Read reads the text on from where the last Read stopped.
func (t *splicedText) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && t.k < len(t.pieces) {
		c := copy(p[n:], t.pieces[t.k][t.at:])
		n += c
		t.at += c
		if t.at == len(t.pieces[t.k]) {
			t.k, t.at = t.k+1, 0
		}
	}
	if n == 0 && t.k == len(t.pieces) {
		return 0, io.EOF
	}
	return n, nil
}

// slice returns the bytes of the text from offset lo up to hi: in place
// when one piece holds them, else a copy.
func (t *splicedText) slice(lo, hi int) []byte {
	start := 0
	for k, end := range t.ends {
		if lo < end || (lo == end && hi == lo) {
			if hi <= end {
				return t.pieces[k][lo-start : hi-start]
			}
			out := make([]byte, 0, hi-lo)
			for ; k < len(t.pieces) && lo < hi; k++ {
				e := min(hi, t.ends[k])
				out = append(out, t.pieces[k][lo-start:e-start]...)
				lo, start = e, t.ends[k]
			}
			return out
		}
		start = end
	}
	return nil
}
