package textnorm

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// HanjaKorean is the Korean reading of Han characters (Hanja), one Hangul
// syllable per character from the kHangul field of the Unicode Unihan
// database, before a Korean name is read in McCune–Reischauer ("金正恩" →
// "김정은" → "kim jong un"). Korean names written in Han characters are
// read so beside their pinyin.
const HanjaKorean Scheme = "Hanja read in Korean (Unicode Unihan kHangul)"

// kHangulGz is the kHangul field of Unihan 16.0.0 as JSON (character →
// reading → sources), gzip-compressed; SOURCES.md says where the copy
// comes from.
//
//go:embed data/khangul-unihan-16.0.0.json.gz
var kHangulGz []byte

// loadHanja parses the embedded readings once: for each character, the
// reading Unihan marks as used in personal names ("N"), else the one of
// the education list ("E"), else of KS X 1001 ("0"), else the first in
// Hangul order.
var loadHanja = sync.OnceValues(func() (map[rune]rune, error) {
	zr, err := gzip.NewReader(bytes.NewReader(kHangulGz))
	if err != nil {
		return nil, fmt.Errorf("kHangul data: %w", err)
	}
	var raw map[string]map[string]string
	if err := json.NewDecoder(zr).Decode(&raw); err != nil {
		return nil, fmt.Errorf("kHangul data: %w", err)
	}
	out := make(map[rune]rune, len(raw))
	for ch, readings := range raw {
		c, n := utf8.DecodeRuneInString(ch)
		if n != len(ch) || !unicode.Is(unicode.Han, c) {
			return nil, fmt.Errorf("kHangul data: key %q is not one Han character", ch)
		}
		best, rank := rune(0), -1
		for reading, sources := range readings {
			h, m := utf8.DecodeRuneInString(reading)
			if m != len(reading) || h < hangulFirst || h > hangulLast {
				return nil, fmt.Errorf("kHangul data: %q reading %q is not one Hangul syllable", ch, reading)
			}
			r := 0
			switch {
			case strings.Contains(sources, "N"):
				r = 3
			case strings.Contains(sources, "E"):
				r = 2
			case strings.Contains(sources, "0"):
				r = 1
			}
			if r > rank || r == rank && h < best {
				best, rank = h, r
			}
		}
		if rank >= 0 {
			out[c] = best
		}
	}
	return out, nil
})

// hanjaTable returns the readings. The data is embedded and checked by the
// tests, so an error here is a broken build: it panics.
func hanjaTable() map[rune]rune {
	t, err := loadHanja()
	if err != nil {
		panic(err)
	}
	return t
}

// HanjaName returns a name written in Han characters read as a Korean
// name: each Han character its Hangul reading, then KoreanName's
// McCune–Reischauer syllables ("金正恩" → "kim jong un"). ok is false when
// s holds no Han character or one without a Korean reading.
func HanjaName(s string) (string, bool) {
	t := hanjaTable()
	var b strings.Builder
	han := false
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			b.WriteRune(r)
			continue
		}
		h, ok := t[r]
		if !ok {
			return "", false
		}
		han = true
		b.WriteRune(h)
	}
	if !han {
		return "", false
	}
	return KoreanName(b.String())
}
