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
// in one after a first part of minDinStem letters or more, as the list
// writes the compound, and records each word it read so:
//   - run together in another spelling of al-Din that a listed word holds
//     ("sirajeddine" → "sirajuddin", SIRAJUDDIN; "kamal eddine" →
//     "kamaluddin");
//   - else, the first part a listed word, as the first part and al-Din
//     apart: "al din" ("jamaleddine" → "jamal al din", JAMAL-AL-DIN,
//     Hasan; "nour eddine" → "nour al din"), or the spelling of al-Din a
//     listed name writes as a word of its own where none writes "din"
//     ("salahuddin" → "salah eddine", SALAH EDDINE).
//
// It reports whether it read any.
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
		stem := dinStem(text)
		if stem < 0 {
			continue
		}
		first, k := text[:stem], 1
		if stem == 0 && i > 0 && nb.words[i-1].flags == 0 && len(nb.word(i-1)) >= minDinStem {
			first, k = nb.word(i-1), 2
		}
		if len(first) > 0 {
			if w, ok := ix.listedDinCompound(first, text[stem:]); ok {
				nb.dins = append(nb.dins, string(text))
				i += nb.replaceWords(i+1-k, k, w) - k
				nb.resegmented, read = true, true
				continue
			}
		}
		if stem > 0 && !ix.knownWord(first) {
			continue
		}
		nb.dins = append(nb.dins, string(text))
		if stem > 0 {
			nb.splitWord(i, int32(stem))
			i++
		}
		if f, ok := ix.listedDinWord(); ok {
			i += nb.replaceWords(i, 1, f) - 1
		} else {
			i += nb.replaceWords(i, 1, "al", "din") - 1
		}
		nb.resegmented, read = true, true
	}
	return read
}

// dinStem returns the length of the first part of w, a word dinShaped
// lets through, before the spelling of al-Din it ends in: 0 for a word
// that is one, -1 for a first part shorter than minDinStem.
func dinStem(w []byte) int {
	for _, f := range dinForms {
		if n := len(w) - len(f); n >= 0 && string(w[n:]) == f && (n == 0 || n >= minDinStem) {
			return n
		}
	}
	return -1
}

// listedDinCompound returns the listed word that is first and al-Din run
// together in a spelling of dinForms other than din's.
func (ix *Index) listedDinCompound(first, din []byte) (string, bool) {
	var buf [64]byte
	if len(first)+len("eddine") > len(buf) {
		return "", false
	}
	for _, f := range dinForms {
		if f == string(din) {
			continue
		}
		w := append(append(buf[:0], first...), f...)
		if id, ok := ix.listedText(w); ok {
			return ix.dict.texts[id], true
		}
	}
	return "", false
}

// listedDinWord returns the spelling of al-Din that a listed name writes
// as a word of its own, where no listed name holds "din": none where one
// does, which the reading "al din" pairs.
func (ix *Index) listedDinWord() (string, bool) {
	if ix.knownWord([]byte("din")) {
		return "", false
	}
	for _, f := range dinForms {
		if id, ok := ix.listedText([]byte(f)); ok {
			return ix.dict.texts[id], true
		}
	}
	return "", false
}

// dinShaped reports whether w ends as every spelling of dinForms does:
// -ddin or -ldin, then an e or not.
func dinShaped(w []byte) bool {
	t := bytes.TrimSuffix(w, []byte("e"))
	return len(t) >= 5 && (bytes.HasSuffix(t, []byte("ddin")) || bytes.HasSuffix(t, []byte("ldin")))
}
