package screen

// leetLetter is the letter a digit or sign is written for in a word
// ("K4SP3RSKY", "Ka$persky", "Hikv1sion"); 0 for the others.
func leetLetter(c byte) byte {
	switch c {
	case '4', '@':
		return 'a'
	case '3':
		return 'e'
	case '1', '!':
		return 'i'
	case '0':
		return 'o'
	case '5', '$':
		return 's'
	case '7':
		return 't'
	case '|':
		return 'l'
	}
	return 0
}

// unLeet returns s with every digit or sign written for a letter
// replaced by that letter, in each run of letters and such signs that
// holds two letters or more ("K4SP3RSKY", "H1kv1s10n"); ok is false when
// there is none. The result is a further reading of a name, for the ban
// lists' brand words (brandMatches) and the sanctions lists' names where
// nothing matched (leetMatches): "Level3" reads "levele", which names
// nothing, and "3M" is left as it is.
func unLeet(s string) (string, bool) {
	if !hasLeet(s) {
		return s, false
	}
	var b []byte
	for i := 0; i < len(s); {
		j, letters, signs := i, 0, 0
		for ; j < len(s); j++ {
			switch {
			case isASCIILetter(s[j]):
				letters++
				continue
			case leetLetter(s[j]) != 0:
				signs++
				continue
			}
			break
		}
		if j == i {
			j++ // another character: kept
		}
		if letters >= 2 && signs > 0 {
			if b == nil {
				b = append(make([]byte, 0, len(s)), s[:i]...)
			}
			for k := i; k < j; k++ {
				if l := leetLetter(s[k]); l != 0 {
					b = append(b, l)
				} else {
					b = append(b, s[k])
				}
			}
		} else if b != nil {
			b = append(b, s[i:j]...)
		}
		i = j
	}
	if b == nil {
		return s, false
	}
	return string(b), true
}

// hasLeet reports whether s holds a digit or sign leetLetter reads: most
// names hold none, and unLeet has nothing to read.
func hasLeet(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 128 && leetBytes[c/64]&(1<<(c%64)) != 0 {
			return true
		}
	}
	return false
}

// leetBytes has the bit of each byte below 128 that leetLetter reads:
// one test a byte, where its switch asks several (TestHasLeet holds the
// two alike).
var leetBytes = [2]uint64{
	1<<'!' | 1<<'$' | 1<<'0' | 1<<'1' | 1<<'3' | 1<<'4' | 1<<'5' | 1<<'7',
	1<<('@'-64) | 1<<('|'-64),
}

// isASCIILetter reports whether c is a letter a–z or A–Z.
func isASCIILetter(c byte) bool {
	c |= 0x20
	return c >= 'a' && c <= 'z'
}
