package screen

import (
	_ "embed" // the table of common English words
	"strings"
)

// Common English words. A one-word query that the lists hold as one word
// of a longer name stands for that name only when the word is the
// party's own ("Hezbollah", "VTB"). A word of everyday English
// ("Spring", "Express", "Phoenix") is as often the whole name of an
// unrelated vendor: it is not the party's own, so it does not identify
// SPRING ELEKTRONIKS or SHAM EXPRESS. Rarity in the lists cannot tell
// the two apart: "spring" is in two names, "vtb" in a dozen. A table of
// the words of everyday English does: the common levels of SCOWL (data/,
// SOURCES.md says where the copy comes from).

// commonWordsText is the words of SCOWL's english, american and british
// word lists of sizes 10, 20 and 35 (its common words), lowercase
// letters only, three letters or more, sorted bytewise, each on a line
// of its own. It is searched as it is: nothing is read into memory at
// start-up (TestCommonWordsTable checks its form).
//
//go:embed data/scowl-2020.12.07-common.txt
var commonWordsText string

// isCommonWord reports whether w, a word as the index holds it
// (lowercase), is a word of everyday English.
func isCommonWord[T string | []byte](w T) bool { return sortedLinesHold(commonWordsText, w) }

// sortedLinesHold reports whether text, lines sorted bytewise and each
// ending in a newline, has the line w: a binary search over the lines
// where they are.
func sortedLinesHold[T string | []byte](text string, w T) bool {
	lo, hi := 0, len(text) // starts of lines, or the end
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(text[lo:mid], '\n') + 1
		end := start + strings.IndexByte(text[start:], '\n')
		if end < start {
			end = len(text) // no newline at the end
		}
		switch line := text[start:end]; {
		case line == string(w):
			return true
		case line < string(w):
			lo = end + 1
		default:
			hi = start
		}
	}
	return false
}
