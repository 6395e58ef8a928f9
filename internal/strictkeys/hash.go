package strictkeys

import (
	"encoding/binary"
	"math/bits"
)

// Constants of the key hash (from wyhash).
const (
	hashPrime0 = 0xa0761d6478bd642f
	hashPrime1 = 0xe7037ed1a0b428db
	// caseMask clears bit 0x20 of every byte: it maps ASCII lower-case
	// letters to upper case (and some other bytes to others, which only
	// makes the hash coarser: equal hashes are always checked).
	caseMask = 0xDFDFDFDFDFDFDFDF
	highBits = 0x8080808080808080
	lowBits  = 0x0101010101010101
	// backslashes is '\\' in every byte.
	backslashes = 0x5C5C5C5C5C5C5C5C
)

// mix folds the word w into the hash h.
func mix(h, w uint64) uint64 {
	hi, lo := bits.Mul64(h^w, hashPrime1)
	return hi ^ lo
}

// hasZeroByte reports whether a byte of w is zero.
func hasZeroByte(w uint64) bool {
	return (w-lowBits)&^w&highBits != 0
}

// caseHash hashes b with ASCII letter case ignored: two ASCII strings
// equal up to case have the same hash, and so have two strings whose
// foldings (appendFoldLower, appendFoldSimple) are equal, hashed folded.
// It also reports whether b is plain: all ASCII and without a backslash,
// so that, as the contents of a JSON string, it is its own unescaped form.
func caseHash(seed uint64, b []byte) (h uint64, plain bool) {
	h = mix(seed, uint64(len(b))*hashPrime0)
	var any uint64
	slash := false
	for len(b) >= 8 {
		w := binary.LittleEndian.Uint64(b)
		any |= w
		slash = slash || hasZeroByte(w^backslashes)
		h = mix(h, w&caseMask)
		b = b[8:]
	}
	if n := len(b); n > 0 {
		var w uint64
		if cap(b) >= 8 {
			// Read a whole word (the bytes after b are in its backing
			// array) and clear the bytes past its end.
			w = binary.LittleEndian.Uint64(b[:8]) & (1<<(8*n) - 1)
		} else {
			for i := n - 1; i >= 0; i-- {
				w = w<<8 | uint64(b[i])
			}
		}
		any |= w
		// The padding bytes are zero, never a backslash.
		slash = slash || hasZeroByte(w^backslashes)
		h = mix(h, w&caseMask)
	}
	return h, any&highBits == 0 && !slash
}
