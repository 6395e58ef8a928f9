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

// kTraditionalVariantGz is the kTraditionalVariant field of Unihan 12.1.0
// as JSON (simplified character → its traditional forms), gzip-compressed;
// SOURCES.md says where the copy comes from.
//
//go:embed data/ktraditionalvariant-unihan-12.1.0.json.gz
var kTraditionalVariantGz []byte

// hanjaReadings are the Korean readings of Han characters: read, of the
// characters kHangul reads; simplified, of the simplified characters it
// does not, each read as its traditional form (the first of them Unihan
// lists that has a reading).
type hanjaReadings struct {
	read, simplified map[rune]rune
}

// loadHanja parses the embedded readings once: for each character, the
// reading Unihan marks as used in personal names ("N"), else the one of
// the education list ("E"), else of KS X 1001 ("0"), else the first in
// Hangul order; then the simplified characters' readings by their
// traditional forms.
var loadHanja = sync.OnceValues(func() (hanjaReadings, error) {
	read, err := loadKHangul()
	if err != nil {
		return hanjaReadings{}, err
	}
	var variants map[string][]string
	if err := decodeGzJSON(kTraditionalVariantGz, &variants); err != nil {
		return hanjaReadings{}, fmt.Errorf("kTraditionalVariant data: %w", err)
	}
	simplified := map[rune]rune{}
	for sc, traditional := range variants {
		s, ok := oneHan(sc)
		if !ok {
			return hanjaReadings{}, fmt.Errorf("kTraditionalVariant data: key %q is not one Han character", sc)
		}
		if _, ok := read[s]; ok {
			continue
		}
		for _, t := range traditional {
			c, ok := oneHan(t)
			if !ok {
				return hanjaReadings{}, fmt.Errorf("kTraditionalVariant data: %q variant %q is not one Han character", sc, t)
			}
			if h, ok := read[c]; ok {
				simplified[s] = h
				break
			}
		}
	}
	return hanjaReadings{read: read, simplified: simplified}, nil
})

// oneHan returns the character s is when s is one Han character.
func oneHan(s string) (rune, bool) {
	c, n := utf8.DecodeRuneInString(s)
	return c, n == len(s) && unicode.Is(unicode.Han, c)
}

// decodeGzJSON decodes gzip-compressed JSON into v.
func decodeGzJSON(gz []byte, v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return err
	}
	return json.NewDecoder(zr).Decode(v)
}

// loadKHangul parses the embedded kHangul readings (loadHanja).
func loadKHangul() (map[rune]rune, error) {
	var raw map[string]map[string]string
	if err := decodeGzJSON(kHangulGz, &raw); err != nil {
		return nil, fmt.Errorf("kHangul data: %w", err)
	}
	out := make(map[rune]rune, len(raw))
	for ch, readings := range raw {
		c, ok := oneHan(ch)
		if !ok {
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
}

// hanjaTable returns the readings. The data is embedded and checked by the
// tests, so an error here is a broken build: it panics.
func hanjaTable() hanjaReadings {
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
	name, _, ok := hanjaName(s, false)
	return name, ok
}

// HanjaNameSimplified is HanjaName for a name written in simplified
// characters, as Chinese writes Korean names ("金与正" for 金與正, Kim Yo
// Jong; "崔龙海" for 崔龍海, Choe Ryong Hae): a simplified character is
// read as its traditional form. ok is false unless a character of s is
// read so: a name HanjaName reads is not read again.
func HanjaNameSimplified(s string) (string, bool) {
	name, simplified, ok := hanjaName(s, true)
	if !ok || !simplified {
		return "", false
	}
	return name, true
}

// hanjaName reads s as HanjaName does, simplified characters too when
// withSimplified is set; simplified reports whether one was read so.
func hanjaName(s string, withSimplified bool) (name string, simplified, ok bool) {
	t := hanjaTable()
	var b strings.Builder
	han := false
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			b.WriteRune(r)
			continue
		}
		h, ok := t.read[r]
		if !ok && withSimplified {
			h, ok = t.simplified[r]
			simplified = simplified || ok
		}
		if !ok {
			return "", false, false
		}
		han = true
		b.WriteRune(h)
	}
	if !han {
		return "", false, false
	}
	name, ok = KoreanName(b.String())
	return name, simplified, ok
}
