package screen

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// regionLanguages are the languages regionWordsText holds the names of
// countries and regions in.
var regionLanguages = []language.Tag{
	language.English, language.German, language.French, language.Spanish, language.Italian,
	language.Portuguese, language.Dutch, language.Swedish, language.Danish, language.Polish,
	language.Czech, language.Turkish,
}

// regionWordsFromCLDR returns regionWordsText as golang.org/x/text's CLDR
// data gives it.
func regionWordsFromCLDR() string {
	words := map[string]bool{}
	var nb normBuf
	add := func(w string) {
		if len(w) >= minOwnWord && strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") == "" && !isCommonWord(w) {
			words[w] = true
		}
	}
	var codes []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			codes = append(codes, string([]rune{a, b}))
		}
	}
	for n := 1; n < 1000; n++ {
		codes = append(codes, fmt.Sprintf("%03d", n))
	}
	for _, code := range codes {
		r, err := language.ParseRegion(code)
		if err != nil {
			continue
		}
		for _, t := range regionLanguages {
			nb.normalize(display.Regions(t).Name(r))
			for i := range nb.words {
				add(string(nb.word(i)))
			}
		}
		if r.IsCountry() {
			add(strings.ToLower(r.ISO3()))
		}
	}
	sorted := slices.Sorted(func(yield func(string) bool) {
		for w := range words {
			if !yield(w) {
				return
			}
		}
	})
	return strings.Join(sorted, "\n") + "\n"
}

// TestRegionWordsTable: the embedded table of the words of countries' and
// regions' names is what the CLDR data of the golang.org/x/text the build
// uses gives (-update rewrites it), and it holds what it is for.
func TestRegionWordsTable(t *testing.T) {
	t.Parallel()
	want := regionWordsFromCLDR()
	if regionWordsText != want {
		if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
			if err := os.WriteFile(filepath.Join("data", "region-words.txt"), []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
		} else {
			t.Errorf("data/region-words.txt differs from golang.org/x/text's CLDR data (%d bytes, want %d): go test -run TestRegionWordsTable -update", len(regionWordsText), len(want))
		}
	}
	for w, place := range map[string]bool{
		"usa": true, "america": true, "americas": true, "deutschland": true, "germany": true, "switzerland": true,
		"schweiz": true, "europe": true, "europa": true, "espana": true, "italia": true, "brasil": true,
		"korea": true, "hangzhou": true, "russian": true,
		"united": false, "south": false, "kingdom": false, "hikvision": false, "rosneft": false, "sberbank": false,
		"communications": false, "": false,
	} {
		if got := placeWord(w); got != place {
			t.Errorf("placeWord(%q) = %v, want %v", w, got, place)
		}
	}
}
