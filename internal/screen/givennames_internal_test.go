package screen

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/bangate/bangate/internal/textnorm"
)

// synonamesSHA256 is the digest of testdata/synonames.txt.gz (see
// testdata/accuracy/SOURCES.md).
const synonamesSHA256 = "6055043a6d0d6ceaa24597486f28bff87d953df2e8bd2c5e628250e26c3087bb"

// TestGivenNameFormsAttested: every form of a givenNameForms group is
// linked to the group's first form in Wikidata's given-name data (the
// synonames pairs), directly, through other forms of the group or
// through a form in another script that two of them are both paired with.
// A form the data does not attest fails, however plausible.
func TestGivenNameFormsAttested(t *testing.T) {
	t.Parallel()
	path := filepath.Join("testdata", "synonames.txt.gz")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(raw); hex.EncodeToString(sum[:]) != synonamesSHA256 {
		t.Fatalf("%s: sha256 %x, want %s", path, sum, synonamesSHA256)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	// A Latin name is folded as the index folds it; a name in another
	// script is kept as it is, a pivot between Latin names.
	node := func(s string) (string, bool) {
		for _, r := range s {
			if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
				return strings.ToLower(s), false
			}
		}
		return textnorm.Fold(s), true
	}
	adj := map[string][]string{}
	sc := bufio.NewScanner(zr)
	pairs := 0
	for sc.Scan() {
		a, b, ok := strings.Cut(sc.Text(), ", ")
		if !ok {
			continue
		}
		na, _ := node(a)
		nb, _ := node(b)
		adj[na] = append(adj[na], nb)
		adj[nb] = append(adj[nb], na)
		pairs++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if pairs < 20000 {
		t.Fatalf("%s: %d pairs, want the whole file", path, pairs)
	}
	for _, g := range givenFormsOf {
		in := map[string]bool{}
		for _, f := range g {
			in[f] = true
		}
		seen := map[string]bool{g[0]: true}
		todo := []string{g[0]}
		for len(todo) > 0 {
			x := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			for _, y := range adj[x] {
				next := []string{y}
				if _, latin := node(y); !latin {
					next = adj[y] // through a pivot
				}
				for _, z := range next {
					if in[z] && !seen[z] {
						seen[z] = true
						todo = append(todo, z)
					}
				}
			}
		}
		for _, f := range g {
			if !seen[f] {
				t.Errorf("group %q: %q is not linked to %q in the synonames data", strings.Join(g, " "), f, g[0])
			}
		}
	}
}

// TestClusterVowel: one name is the other with a short vowel between its
// last two consonants; not where they end a European name (r, l or n
// first) or write one sound (ck; th, sh, ch, ph, gh, kh).
func TestClusterVowel(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"bakr", "bakar", true}, {"fahad", "fahd", true}, {"amr", "amer", true}, {"saqr", "saqer", true}, {"sakhr", "sakhar", true},
		{"carl", "carol", false}, {"mark", "marek", false}, {"hans", "hanis", false}, {"ruth", "rutah", false}, {"jack", "jacak", false},
		{"bakr", "bakra", false}, {"bakr", "bokr", false}, {"ab", "aab", false}, {"abcdefg", "abcdefag", false},
	} {
		if got := clusterVowel(tt.a, tt.b); got != tt.want {
			t.Errorf("clusterVowel(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
