package screen

import (
	"bytes"
	"fmt"
	"strings"
)

// minInfixBrand is the fewest letters of a brand looked for inside a word,
// after other letters ("mykaspersky", "kasperskylabkasperskylab" at its
// second "kaspersky"): shorter brands ("zte", "dji", "dahua", "imou") are
// letters of too many honest words.
const minInfixBrand = 6

// infixBrands holds the one-word brands of minInfixBrand letters or more,
// with a filter of their first three letters, so that most words are let
// go by a bit test at each of their letters.
type infixBrands struct {
	filter [infixFilterBits / 64]uint64
	brands []brand
}

// infixFilterBits is the size of infixBrands' filter.
const infixFilterBits = 4096

// infixHash hashes the three letters from w[0] into the filter.
func infixHash(w []byte) uint {
	return (uint(w[0])*961 + uint(w[1])*31 + uint(w[2])) % infixFilterBits
}

// mayStart reports whether a brand may begin at w[0]; w has three letters
// or more.
func (f *infixBrands) mayStart(w []byte) bool {
	h := infixHash(w)
	return f.filter[h/64]&(1<<(h%64)) != 0
}

// buildInfixBrands builds infixBrands from the brands of one word.
func (ix *Index) buildInfixBrands() *infixBrands {
	f := &infixBrands{}
	for w, bs := range ix.brands {
		if len(w) < minInfixBrand {
			continue
		}
		for _, b := range bs {
			if len(b.words) != 1 {
				continue
			}
			f.brands = append(f.brands, b)
			h := infixHash([]byte(w))
			f.filter[h/64] |= 1 << (h % 64)
		}
	}
	return f
}

// brandsInside calls found for each one-word brand of minInfixBrand letters
// or more that word w holds after one letter or more, with the offset it
// begins at. A brand at the start of a word is the other rules' to read:
// whole, or followed by words companies are named with, it is the brand;
// followed by other letters, a near-miss ("Huaweiss").
func (ix *Index) brandsInside(w []byte, found func(b brand, at int) error) error {
	if len(w) <= minInfixBrand {
		return nil
	}
	f := ix.infixBrands()
	for at := 1; at+minInfixBrand <= len(w); at++ {
		if !f.mayStart(w[at:]) {
			continue
		}
		for _, b := range f.brands {
			if bytes.HasPrefix(w[at:], []byte(b.words[0])) {
				if err := found(b, at); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// brandInsideMatches appends the matches of the brands inside the words of
// nb after other letters (brandsInside): review at most.
func (ix *Index) brandInsideMatches(nb *normBuf, query string, out []Match, start int) ([]Match, error) {
	score := round3(float32(min(brandScore, ix.opts.Match-0.001)))
	if score < ix.opts.Review {
		return out, nil
	}
	for i := range nb.words {
		err := ix.brandsInside(nb.word(i), func(b brand, at int) error {
			var err error
			out, err = ix.appendBrand(out, start, b, score, "brand-inside", ix.explainBrandInside(nb, query, b, i, at))
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// explainBrandInside explains a brand found inside word i of the query.
func (ix *Index) explainBrandInside(nb *normBuf, query string, br brand, i, at int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "brand %q appears inside word %d of %q (%q", br.text, i+1, query, nb.String())
	writeNormNotes(&b, nb)
	fmt.Fprintf(&b, "), after %q: review at most", nb.word(i)[:at])
	return b.String()
}
