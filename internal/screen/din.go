package screen

import "bytes"

// dinForms are the spellings of "al-Din" ("of the faith"), the second
// part of Arabic compound names (Jamal al-Din, Nur al-Din, Salah al-Din),
// as the press and other lists write it run together with the first part
// or as a word of its own: Jamaleddine, Nuruddin, Salaheddine, Alaaddin,
// Nooraldin. Only the doubled d, and the article written el or al, are
// read so: a single d ("Baldin", "Edin") is as often a name of its own.
var dinForms = []string{
	"eddine", "eddin", "uddine", "uddin", "addine", "addin", "iddine", "iddin", "oddine", "oddin",
	"eldine", "eldin", "aldine", "aldin",
}

// minDinStem is the fewest letters of the first part of a compound name
// read before a spelling of al-Din.
const minDinStem = 3

// dinReading reads each word of nb that is a spelling of al-Din, or ends
// in one after a listed word of minDinStem letters or more, as the list
// writes the compound: the first part, "al" and "din" ("jamaleddine" →
// "jamal al din", JAMAL-AL-DIN, Hasan; "nour eddine" → "nour al din"). It
// records each word it read so, and reports whether it read any.
func (ix *Index) dinReading(nb *normBuf) bool {
	read := false
	for i := 0; i < len(nb.words); i++ {
		if nb.words[i].flags != 0 {
			continue
		}
		text := nb.word(i)
		if !dinShaped(text) {
			continue
		}
		stem := -1
		for _, f := range dinForms {
			if n := len(text) - len(f); n >= 0 && string(text[n:]) == f && (n == 0 || n >= minDinStem && ix.knownWord(text[:n])) {
				stem = n
				break
			}
		}
		if stem < 0 {
			continue
		}
		nb.dins = append(nb.dins, string(text))
		if stem > 0 {
			nb.splitWord(i, int32(stem))
			i++
		}
		i += nb.replaceWords(i, 1, "al", "din") - 1
		nb.resegmented, read = true, true
	}
	return read
}

// dinShaped reports whether w ends as every spelling of dinForms does:
// -ddin or -ldin, then an e or not.
func dinShaped(w []byte) bool {
	t := bytes.TrimSuffix(w, []byte("e"))
	return len(t) >= 5 && (bytes.HasSuffix(t, []byte("ddin")) || bytes.HasSuffix(t, []byte("ldin")))
}
