package screen

import "strings"

// Normalized is a name as the matcher sees it.
type Normalized struct {
	// Words are the folded words in input order: lower case, Latin
	// letters without diacritics, Cyrillic and Greek transliterated,
	// punctuation removed, runs of single letters merged ("Z.T.E." →
	// "zte"), "&" read as "and".
	Words []string
	// Keys are the phonetic keys of Words, one per word, on which
	// transliteration variants meet ("andrei" and "andrey" → "andrey").
	Keys []string
	// Legal flags, per word, a legal form leading or ending the name
	// ("ooo", "co ltd"); such words are kept for display and dropped when
	// an organisation's name is scored.
	Legal []bool
	// Transliterated is true when Cyrillic or Greek letters were
	// transliterated.
	Transliterated bool
}

// Normalize folds a name into words and phonetic keys. It never fails:
// a name with no letters or digits has no words.
func Normalize(s string) Normalized {
	var nb normBuf
	nb.normalize(s)
	nb.computeKeys()
	n := Normalized{
		Words:          make([]string, len(nb.words)),
		Keys:           make([]string, len(nb.words)),
		Legal:          make([]bool, len(nb.words)),
		Transliterated: nb.translit,
	}
	for i, w := range nb.words {
		n.Words[i] = string(nb.text[w.start:w.end])
		n.Keys[i] = string(nb.key[w.kstart:w.kend])
		n.Legal[i] = w.flags&wordLegal != 0
	}
	return n
}

// String returns the words joined by single spaces, legal forms included.
func (n Normalized) String() string { return strings.Join(n.Words, " ") }

// Core returns the words that are not legal forms, joined by single spaces:
// the form an organisation's name is compared in ("AO Kaspersky Lab" →
// "kaspersky lab").
func (n Normalized) Core() string {
	var b strings.Builder
	for i, w := range n.Words {
		if n.Legal[i] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
