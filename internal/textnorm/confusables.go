package textnorm

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// confusablesGz is confusables.txt of Unicode Technical Standard #39,
// version 17.0.0 (2025-07-22), gzip-compressed; SOURCES.md says where the
// copy comes from.
//
//go:embed data/confusables-17.0.0.txt.gz
var confusablesGz []byte

// ConfusablesVersion is the version of the Unicode confusables data.
const ConfusablesVersion = "17.0.0"

// confusables is the parsed data: every source character's prototype.
// The Latin lookalikes derived from it (latinLookalikes) are not parsed
// at run time: they are the generated table lookalikes.
type confusables struct {
	proto map[rune]string
}

// loadConfusables parses the embedded data once.
var loadConfusables = sync.OnceValues(func() (*confusables, error) {
	zr, err := gzip.NewReader(bytes.NewReader(confusablesGz))
	if err != nil {
		return nil, fmt.Errorf("confusables data: %w", err)
	}
	c, err := parseConfusables(zr)
	if err != nil {
		return nil, fmt.Errorf("confusables data: %w", err)
	}
	return c, nil
})

// tables returns the confusables data. The data is embedded and checked by
// the tests, so an error here is a broken build: it panics.
func tables() *confusables {
	c, err := loadConfusables()
	if err != nil {
		panic(err)
	}
	return c
}

// parseConfusables reads confusables.txt: "source ; target ; type # comment"
// lines, hexadecimal code points separated by spaces, and a final
// "# total: N" line that the count is checked against.
func parseConfusables(r io.Reader) (*confusables, error) {
	c := &confusables{proto: make(map[rune]string, 7000)}
	sc := bufio.NewScanner(r)
	total, line := -1, 0
	for sc.Scan() {
		line++
		text := strings.TrimPrefix(sc.Text(), "\uFEFF")
		if rest, ok := strings.CutPrefix(text, "# total:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(rest))
			if err != nil {
				return nil, fmt.Errorf("line %d: total: %w", line, err)
			}
			total = n
			continue
		}
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, ";")
		if len(fields) != 3 {
			return nil, fmt.Errorf("line %d: %d fields, want 3", line, len(fields))
		}
		src, err := parseCodePoints(fields[0])
		if err != nil || utf8.RuneCountInString(src) != 1 {
			return nil, fmt.Errorf("line %d: source %q is not one code point", line, fields[0])
		}
		dst, err := parseCodePoints(fields[1])
		if err != nil {
			return nil, fmt.Errorf("line %d: target: %w", line, err)
		}
		r, _ := utf8.DecodeRuneInString(src)
		if _, dup := c.proto[r]; dup {
			return nil, fmt.Errorf("line %d: %U listed twice", line, r)
		}
		c.proto[r] = dst
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	if total != len(c.proto) {
		return nil, fmt.Errorf("%d entries, but the file says total %d", len(c.proto), total)
	}
	return c, nil
}

// parseCodePoints turns "0073 0073" into "ss".
func parseCodePoints(s string) (string, error) {
	var b strings.Builder
	for f := range strings.FieldsSeq(s) {
		n, err := strconv.ParseUint(f, 16, 32)
		if err != nil || n > unicode.MaxRune {
			return "", fmt.Errorf("bad code point %q", f)
		}
		b.WriteRune(rune(n))
	}
	if b.Len() == 0 {
		return "", fmt.Errorf("no code point")
	}
	return b.String(), nil
}

// latinLookalikes derives, from the prototypes, the letters of scripts other
// than Latin that look like ASCII letters, with those letters in lower case:
// directly ("р" → "p"), or through their case partner, since names are
// compared without case (Cyrillic "к" is confusable with "ĸ", and "К" with
// "K", so "к" → "k"). The table lookalikes holds its result for the
// embedded data, so that a process does not parse the data to read a name.
// A prototype of ASCII letters counts; so does the prototype of the
// letter's case partner, since names are compared without case. A
// prototype of digits or of other characters does not (Cyrillic "б" → "6").
func latinLookalikes(proto map[rune]string) map[rune]string {
	asciiLetters := func(s string) (string, bool) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				return "", false
			}
		}
		return strings.ToLower(s), s != ""
	}
	foreign := func(r rune) bool {
		return r >= utf8.RuneSelf && unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r)
	}
	// An upper-case letter imitates an upper-case Latin one: the ASCII
	// capital that shares its prototype is the letter read ("Ι", Greek
	// capital iota, and "I" both have the prototype "l": it reads "I").
	capitals := make(map[string]string, 26)
	for c := 'A'; c <= 'Z'; c++ {
		p, ok := proto[c]
		if !ok {
			p = string(c)
		}
		capitals[p] = strings.ToLower(string(c))
	}
	m := make(map[rune]string, 512)
	for r, p := range proto {
		if !foreign(r) {
			continue
		}
		if l, ok := capitals[p]; ok && unicode.IsUpper(r) {
			m[r] = l
		} else if l, ok := asciiLetters(p); ok {
			m[r] = l
		}
	}
	// Letters whose own prototype is no ASCII letter, or that have none,
	// take their case partner's (Cyrillic "т" has the prototype "ᴛ", "Т"
	// has "T"). Only prototypes are read here, so the order does not matter.
	for r := range proto {
		for _, c := range []rune{r, unicode.ToUpper(r), unicode.ToLower(r)} {
			if _, done := m[c]; done || !foreign(c) {
				continue
			}
			for _, partner := range []rune{unicode.ToUpper(c), unicode.ToLower(c)} {
				if l, ok := asciiLetters(proto[partner]); ok && partner != c {
					m[c] = l
					break
				}
			}
		}
	}
	// A precomposed letter with accents is the lookalike its base letter
	// is ("ό", Greek omicron with tonos, as "ο" and so "o"): NFKC composes
	// an accent typed after a lookalike into such a letter, before the
	// accents are dropped.
	for _, block := range [][2]rune{{0x0370, 0x03ff}, {0x0400, 0x04ff}, {0x1f00, 0x1fff}} {
		for r := block[0]; r <= block[1]; r++ {
			if _, done := m[r]; done || !foreign(r) {
				continue
			}
			d := []rune(norm.NFD.String(string(r)))
			if len(d) < 2 {
				continue
			}
			l, ok := m[d[0]]
			for _, mark := range d[1:] {
				ok = ok && unicode.Is(unicode.Mn, mark)
			}
			if ok {
				m[r] = l
			}
		}
	}
	return m
}

// twinBlocks are the letters of Cyrillic and Greek that scriptTwins
// reads: the letters of the languages' alphabets, not the historic and
// minority letters of the Cyrillic supplement ("һ", Bashkir shha, also
// looks like "h"), which no one types for a Latin letter.
var twinBlocks = [...]struct {
	script   script
	from, to rune
}{
	{scriptCyrillic, 0x0400, 0x045f},
	{scriptGreek, 0x0386, 0x03ce},
}

// scriptTwins derives, from the prototypes, the letter of each script of
// twinBlocks that an ASCII letter of the same case looks like: the letter
// whose prototype is the ASCII letter's ("I" and Ukrainian "І" share the
// prototype "l"; "c" and Cyrillic "с" the prototype "c"), the lowest where
// two do (Greek "ο" before "σ"). It is the reverse of latinLookalikes,
// case kept: a Cyrillic name typed with a Latin "i" for "і", as keyboards
// without Ukrainian or Belarusian letters make people do, reads as the
// Cyrillic letter (readTwins). The generated tables cyrillicTwins and
// greekTwins hold its result.
func scriptTwins(proto map[rune]string) map[script]map[byte]rune {
	out := make(map[script]map[byte]rune, len(twinBlocks))
	for _, b := range twinBlocks {
		m := make(map[byte]rune, 52)
		for _, l := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
			p, ok := proto[rune(l)]
			if !ok {
				p = string(rune(l))
			}
			for r := b.from; r <= b.to; r++ {
				if q, ok := proto[r]; ok && q == p && unicode.IsUpper(r) == unicode.IsUpper(rune(l)) {
					m[l] = r
					break
				}
			}
		}
		out[b.script] = m
	}
	return out
}

// twin returns the letter of script sc (Cyrillic or Greek) that the ASCII
// letter c looks like, case kept; ok is false for none.
func twin(sc script, c rune) (rune, bool) {
	if c >= utf8.RuneSelf {
		return 0, false
	}
	var r rune
	switch sc {
	case scriptCyrillic:
		r = cyrillicTwins[c]
	case scriptGreek:
		r = greekTwins[c]
	}
	return r, r != 0
}

// lookalike returns the lower-case ASCII letters that r, a letter of a
// script other than Latin, is confusable with; ok is false when it looks
// like no Latin letter.
func lookalike(r rune) (string, bool) {
	i, ok := slices.BinarySearchFunc(lookalikes[:], r, func(l latinLookalike, r rune) int { return cmp.Compare(l.r, r) })
	if !ok {
		return "", false
	}
	return lookalikes[i].latin, true
}

// Skeleton returns the skeleton of s as Unicode Technical Standard #39
// (section 4) defines it: s in NFD, every character replaced by its
// prototype from the confusables data, and NFD again. Two strings are
// confusable when their skeletons are equal. A skeleton is a key, not text
// to show: "paypal" and "раураl" (Cyrillic) share one. It is case-sensitive,
// as the standard's is.
func Skeleton(s string) string {
	t := tables()
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if p, ok := t.proto[r]; ok {
			b.WriteString(p)
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFD.String(b.String())
}

// Confusable reports whether a and b look alike: their Skeletons are equal.
func Confusable(a, b string) bool {
	return Skeleton(a) == Skeleton(b)
}

// LatinLookalike returns the lower-case ASCII letter that r, a letter of a
// script other than Latin, looks like ("В" → 'b', "а" → 'a'); ok is false
// when it looks like no single Latin letter.
func LatinLookalike(r rune) (l byte, ok bool) {
	s, ok := lookalike(r)
	if !ok || len(s) != 1 {
		return 0, false
	}
	return s[0], true
}
