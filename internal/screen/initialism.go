package screen

// An organisation the list names by its initials only (NIOC, KCNA,
// IRISL), as a company's own list and other lists may, and a query that
// writes the name out ("National Iranian Oil Company", "Korean Central
// News Agency"): the query is read as its initials, where nothing matched
// it as written and a listed name holds them as a word. Initials say less
// than the words they stand for, so such a match is a possible match at
// most (capInitialism), explained with the words read so.

// minInitialism and maxInitialism bound the letters of initials read so:
// three letters spell some listed name's word by chance too often.
const (
	minInitialism = 4
	maxInitialism = 8
)

// initialismReading reads nb, an organisation's name as written, words of
// two letters or more, as the initials of its words, where a listed name
// holds them as a word: the words' initials with the linking words ("of",
// "the", "de") and the legal forms left out or kept ("Islamic State of
// Iraq and the Levant", ISIL; "National Iranian Oil Company", NIOC). It
// records the name so read and reports whether it read it. A weak alias
// is never matched so (scoreRec): OFAC marks initials low quality
// ("DAMA", "KIAM") as often as not.
func (ix *Index) initialismReading(nb *normBuf) bool {
	if len(nb.words) < minInitialism || nb.resegmented {
		// Initials of the words as written only: not of words another
		// reading split ("apimachinery" read "api machinery").
		return false
	}
	for i := range nb.words {
		if w := nb.word(i); len(w) < 2 || !lettersOnly(w) {
			return false // an initial, a word of digits or signs ("k8s")
		}
	}
	var buf [maxInitialism + 1]byte // one over: a reading too long stops there
	for _, keepLinks := range [2]bool{false, true} {
		for _, keepLegal := range [2]bool{true, false} {
			b := buf[:0]
			for i := 0; i < len(nb.words) && len(b) <= maxInitialism; i++ {
				w := nb.word(i)
				if !keepLinks && initialismSkips(w) || !keepLegal && nb.words[i].flags&wordLegal != 0 {
					continue
				}
				b = append(b, w[0])
			}
			if len(b) < minInitialism || len(b) > maxInitialism {
				continue
			}
			if id, ok := ix.listedText(b); ok {
				nb.initialisms = append(nb.initialisms, nb.String())
				nb.replaceWords(0, len(nb.words), ix.dict.texts[id])
				nb.resegmented = true
				return true
			}
		}
	}
	return false
}

// initialismSkips reports whether w is a word that initials leave out: a
// linking word (isLink) or "the", "and", "for".
func initialismSkips(w []byte) bool {
	switch string(w) {
	case "the", "and", "for":
		return true
	}
	return isLink(w)
}
