package screen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
)

// commonWordsSHA256 is the sha256 of data/scowl-2020.12.07-common.txt
// (SOURCES.md).
const commonWordsSHA256 = "a8382eece0e147aee46ad590013e3483dde6af8d017a3a6e529012922aad28cf"

// checkCommonWords is checkSortedWords of the table of common words.
func checkCommonWords(text string) error { return checkSortedWords("common words", text, 10000) }

// checkSortedWords reports the first line of text, the table called name,
// that is not a word of lowercase letters after the word before it,
// bytewise; text must end in a newline and hold the whole table, at least
// least words.
func checkSortedWords(name, text string, least int) error {
	if !strings.HasSuffix(text, "\n") {
		return fmt.Errorf("%s: no newline at the end", name)
	}
	words := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for i, w := range words {
		if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" || w == "" {
			return fmt.Errorf("%s: line %d: %q, want lowercase letters", name, i+1, w)
		}
		if i > 0 && words[i-1] >= w {
			return fmt.Errorf("%s: line %d: %q after %q, want sorted and unique", name, i+1, w, words[i-1])
		}
	}
	if len(words) < least {
		return fmt.Errorf("%s: %d words, want the whole table", name, len(words))
	}
	return nil
}

// TestCommonWordsTable: the embedded table is the copy SOURCES.md names,
// in the form sortedLinesHold searches, and holds the words of everyday
// English, not the names of listed parties.
func TestCommonWordsTable(t *testing.T) {
	t.Parallel()
	if sum := sha256.Sum256([]byte(commonWordsText)); hex.EncodeToString(sum[:]) != commonWordsSHA256 {
		t.Fatalf("data/scowl-2020.12.07-common.txt: sha256 %x, want %s", sum, commonWordsSHA256)
	}
	if err := checkCommonWords(commonWordsText); err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{
		"spring": true, "express": true, "bank": true, "trading": true, "phoenix": true,
		"aardvark": true, "zoom": true, // the first and near the last
		"vtb": false, "hezbollah": false, "sberbank": false, "rosneft": false, "huawei": false, "kaspersky": false,
		"Spring": false, "": false, "aaa": false, "zzzz": false, "spring\nsummer": false,
	} {
		if got := isCommonWord(w); got != want {
			t.Errorf("isCommonWord(%q) = %v, want %v", w, got, want)
		}
	}
	for _, tc := range []struct{ text, want string }{
		{"spring\nautumn\n", `line 2: "autumn" after "spring"`},
		{"spring\nSummer\n", `line 2: "Summer", want lowercase letters`},
		{"spring\n\nsummer\n", `line 2: "", want lowercase letters`},
		{"autumn\nspring", "no newline at the end"},
		{"autumn\nspring\n", "2 words, want the whole table"},
	} {
		if err := checkCommonWords(tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want an error with %q", tc.text, err, tc.want)
		}
	}
}

// TestSortedLinesHold: every line of a sorted text is found, at either
// end too, and nothing between or beyond them, with or without the last
// newline.
func TestSortedLinesHold(t *testing.T) {
	t.Parallel()
	lines := []string{"a", "ab", "abc", "b", "ba", "c", "xyz"}
	for _, text := range []string{strings.Join(lines, "\n") + "\n", strings.Join(lines, "\n")} {
		for _, w := range lines {
			if !sortedLinesHold(text, w) {
				t.Errorf("%q: not found", w)
			}
		}
		for _, w := range []string{"", "0", "aa", "abcd", "bb", "d", "xy", "z"} {
			if sortedLinesHold(text, w) {
				t.Errorf("%q: found", w)
			}
		}
	}
	if sortedLinesHold("", "a") {
		t.Error("empty text: found")
	}
}

// commonSurnamesSHA256 is the sha256 of
// data/census-2010-surnames-top1000.txt (SOURCES.md).
const commonSurnamesSHA256 = "47114e048b80ca1fdf77ffab4b5f5051db006ec6fed1b97234f851c1bfe9abe5"

// TestCommonSurnamesTable: the embedded table of common surnames is the
// copy SOURCES.md names, in the form sortedLinesHold searches, and holds
// the census's common surnames, not the rare ones of listed persons.
func TestCommonSurnamesTable(t *testing.T) {
	t.Parallel()
	if sum := sha256.Sum256([]byte(commonSurnamesText)); hex.EncodeToString(sum[:]) != commonSurnamesSHA256 {
		t.Fatalf("data/census-2010-surnames-top1000.txt: sha256 %x, want %s", sum, commonSurnamesSHA256)
	}
	if err := checkSortedWords("common surnames", commonSurnamesText, 1000); err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{
		"smith": true, "taylor": true, "wagner": true, "garcia": true, "nguyen": true, "archer": true, // the first, rank 1,000
		"eklund": false, "diegelmann": false, "putin": false, "kaspersky": false, "Smith": false, "": false,
	} {
		if got := isCommonSurname(w); got != want {
			t.Errorf("isCommonSurname(%q) = %v, want %v", w, got, want)
		}
	}
}
