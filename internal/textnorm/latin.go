package textnorm

import (
	"bytes"
	"sync"
	"unicode"
	"unicode/utf8"

	anyascii "github.com/anyascii/go"
	"golang.org/x/text/unicode/norm"
)

// options of one folding.
type options struct {
	// cyr is the romanisation of Cyrillic.
	cyr cyrillicScheme
	// whole also reads a word made only of letters of another script that
	// all look like Latin letters as those letters ("КНЕР" → "khep"),
	// which FoldName offers as a variant: the primary reading of such a
	// word is its transliteration ("kner").
	whole bool
	// european transliterates Cyrillic and Greek only: letters of other
	// scripts are kept, lower-cased, their marks dropped, except spacing
	// marks, which separate words (LatinEuropean).
	european bool
	// persian reads the Arabic script as Persian sounds it whatever its
	// letters (LatinPersian).
	persian bool
}

// folder is the working state of one folding. The zero value is ready.
type folder struct {
	o     options
	word  []rune // the word being read, diacritics removed
	used  schemes
	clean []byte
	// whole is set when a word made only of lookalike letters of another
	// script was seen: options.whole would read it otherwise.
	whole bool
	// persian is set when the text has a letter of the Arabic script
	// that Persian, Urdu and Pashto write and Arabic does not
	// (persianLetter): its Arabic script is read as they sound it.
	persian bool
}

// folders recycles the working state of foldings: a name in another script
// is folded in a few microseconds, and allocating the buffers each time
// would be a good part of that.
var folders = sync.Pool{New: func() any { return new(folder) }}

// getFolder returns a folder with options o and empty buffers.
func getFolder(o options) *folder {
	f := folders.Get().(*folder)
	f.o, f.used, f.whole = o, nil, false
	f.word, f.clean = f.word[:0], f.clean[:0]
	return f
}

// putFolder returns f to the pool; f.used, handed to the caller, is not
// reused.
func putFolder(f *folder) {
	f.used = nil
	folders.Put(f)
}

// prepare returns s without its invisible characters and controls, white
// space as ' ', in NFKC. They go first, so that nothing they hid from NFKC
// stays apart ("e", ZWSP, combining acute). The result may share f's
// buffers.
func (f *folder) prepare(s string) []byte {
	f.clean = f.clean[:0]
	inert := true
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case r == ' ' || r >= '\t' && r <= '\r':
				f.clean = append(f.clean, ' ')
			case r < 0x20 || r == 0x7F:
			default:
				f.clean = append(f.clean, byte(r))
			}
			continue
		}
		switch r {
		case '™', '℠':
			// NFKC would write "TM" and "SM" glued to the name.
			r = ' '
		}
		if l, ok := enclosedLetter(r); ok {
			f.clean = append(f.clean, l)
			continue
		}
		p := propsOf(r)
		switch p.class() {
		case classDrop:
			continue
		case classSpace:
			r = ' '
		default:
			inert = inert && p&propInert != 0
		}
		f.clean = utf8.AppendRune(f.clean, r)
	}
	if inert || norm.NFKC.IsNormal(f.clean) {
		return f.clean
	}
	return norm.NFKC.Bytes(f.clean)
}

// enclosedLetter returns the Latin capital letter that r, a negative
// circled or negative squared Latin capital letter ("🅷", U+1F177), shows
// in its frame; ok is false for any other rune. NFKC leaves these as
// symbols, unlike the circled and squared letters ("Ⓗ", "🄷"), but a
// reader reads "🅷🅰🅼🅰🆂" as HAMAS. The regional indicators (U+1F1E6 on)
// are not letters to a reader: two of them show a flag.
func enclosedLetter(r rune) (byte, bool) {
	switch {
	case r >= 0x1F150 && r <= 0x1F169: // NEGATIVE CIRCLED LATIN CAPITAL LETTER A..Z
		return byte('A' + r - 0x1F150), true
	case r >= 0x1F170 && r <= 0x1F189: // NEGATIVE SQUARED LATIN CAPITAL LETTER A..Z
		return byte('A' + r - 0x1F170), true
	}
	return 0, false
}

// appendLatin appends s in Latin letters to dst and records the schemes it
// took in f.used. ASCII input is appended as it is, less its control
// characters. Otherwise: invisible characters and controls are removed, the
// rest is NFKC-normalised, diacritics are removed, each word is read as
// Latin with lookalike letters or transliterated script by script, and
// punctuation becomes its ASCII form or a space. Letters that came from ASCII
// keep their case; every other letter is lower case. A letter of a script
// AnyAscii has no value for is kept, lower-cased.
func (f *folder) appendLatin(dst []byte, s string) []byte {
	if isPlain(s) {
		return append(dst, s...)
	}
	return f.appendPrepared(dst, f.prepare(s))
}

// appendPrepared is appendLatin on prepare's result.
func (f *folder) appendPrepared(dst []byte, t []byte) []byte {
	f.persian = f.o.persian || bytes.ContainsFunc(t, persianLetter)
	for i := 0; i < len(t); {
		r, n := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(t[i:])
		}
		i += n
		if r == tsheg || r == tshegNonBreaking {
			// Tibetan writes a tsheg after each syllable, a space
			// between words: the syllables of a word run on, as pinyin
			// writes a name's ("པུ་ཏིན", "putin").
			continue
		}
		if isGeresh(r) && f.takesGeresh() {
			// ג' is j, not "g" and a word "'": the geresh, often
			// written as an apostrophe, stays with its letter.
			f.word = append(f.word, hebrewGereshMark)
			continue
		}
		if r < utf8.RuneSelf {
			switch {
			case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
				f.word = append(f.word, r)
			case r == ' ' || r >= '\t' && r <= '\r':
				dst = f.flush(dst)
				dst = append(dst, ' ')
			case r < 0x20 || r == 0x7F:
			case r == '`':
				dst = f.flush(dst)
				dst = append(dst, '\'')
			default:
				dst = f.flush(dst)
				dst = append(dst, byte(r))
			}
			continue
		}
		p := propsOf(r)
		switch {
		case p.class() == classDrop:
		case p.class() == classSpace:
			dst = f.flush(dst)
			dst = append(dst, ' ')
		case p&propApostrophe != 0:
			dst = f.flush(dst)
			dst = append(dst, '\'')
		case p&(propLetter|propMark|propDigit) != 0:
			f.add(r, p)
		default:
			dst = f.flush(dst)
			dst = appendPunct(dst, r)
		}
	}
	return f.flush(dst)
}

// The Tibetan syllable delimiters.
const (
	tsheg            = '\u0F0B'
	tshegNonBreaking = '\u0F0C'
)

// takesGeresh reports whether the word being read ends in a Hebrew letter
// that a geresh makes a foreign sound of.
func (f *folder) takesGeresh() bool {
	if len(f.word) == 0 {
		return false
	}
	_, ok := hebrewGeresh[f.word[len(f.word)-1]]
	return ok
}

// isApostrophe reports whether r is written as an apostrophe or prime
// inside a word ("O’Brien", "Qur'an" with U+02BC).
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '\u2019', '\u2018', '\u201B', '\u02BC', '\u02BB', '\u02BD', '\u02B9', '\u00B4', '\u2032', '\uFF07':
		return true
	}
	return false
}

// appendPunct appends the ASCII form of a punctuation mark or symbol: dashes
// are "-", other punctuation takes AnyAscii's value when that is
// punctuation, anything else (symbols, emoji) is a space.
func appendPunct(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(dst, byte(r))
	}
	switch {
	case unicode.Is(unicode.Pd, r):
		return append(dst, '-')
	case unicode.IsPunct(r):
		s := anyascii.TransliterateRune(r)
		ok := s != ""
		for i := 0; i < len(s) && ok; i++ {
			c := s[i]
			ok = c > ' ' && c < 0x7F && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')
		}
		if ok {
			return append(dst, s...)
		}
	}
	return append(dst, ' ')
}

// latinSpecial folds the Latin letters that have no canonical decomposition
// to ASCII letters (lower case).
// Azerbaijani's ə is a, as English writes it ("Əliyev", Aliyev).
var latinSpecial = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'ł': "l",
	'þ': "th", 'ı': "i", 'ŋ': "n", 'ħ': "h", 'ŧ': "t", 'ĸ': "k", 'ſ': "s",
	'ƒ': "f", 'ɨ': "i", 'ʉ': "u", 'ə': "a",
}

// add adds r, a letter, digit or mark, to the word being read, without its
// diacritics: a precomposed Latin or Greek letter is decomposed and its
// marks dropped, as are diacritical marks standing alone. Cyrillic letters
// with a value of their own (й, ё, ї) stay whole.
func (f *folder) add(r rune, p props) {
	switch {
	case p&propMark != 0:
		if p&propDiacritic == 0 {
			f.word = append(f.word, r)
		}
	case p.script() == scriptLatin:
		if s, ok := latinSpecial[unicode.ToLower(r)]; ok {
			for _, c := range s {
				f.word = append(f.word, c)
			}
			return
		}
		f.addDecomposed(r)
	case p.script() == scriptGreek:
		if _, ok := greekBase[unicode.ToLower(r)]; ok {
			f.word = append(f.word, r)
			return
		}
		f.addDecomposed(r)
	case p.script() == scriptCyrillic:
		if r >= 0x0400 && r <= 0x045F {
			f.word = append(f.word, r)
			return
		}
		if _, ok := cyrillicExtra[unicode.ToLower(r)]; ok {
			f.word = append(f.word, r)
			return
		}
		f.addDecomposed(r)
	default:
		f.word = append(f.word, r)
	}
}

// addDecomposed adds the canonical decomposition of r less its diacritics.
func (f *folder) addDecomposed(r rune) {
	var in [utf8.UTFMax]byte
	d := norm.NFD.Properties(in[:utf8.EncodeRune(in[:], r)]).Decomposition()
	if d == nil {
		f.word = append(f.word, r)
		return
	}
	for len(d) > 0 {
		c, n := utf8.DecodeRune(d)
		d = d[n:]
		if propsOf(c)&propDiacritic != 0 {
			continue
		}
		f.word = append(f.word, c)
	}
}

// isDiacritic reports whether the mark r is an accent that names drop: the
// combining diacritical marks of Latin, Greek and Cyrillic, and the vowel
// points and cantillation of Hebrew and Arabic, which most text omits. The
// vowel signs of Indic scripts and Thai are no diacritics: they are read.
func isDiacritic(r rune) bool {
	switch {
	case r >= 0x0300 && r <= 0x036F, r >= 0x1AB0 && r <= 0x1AFF, r >= 0x1DC0 && r <= 0x1DFF,
		r >= 0x20D0 && r <= 0x20FF, r >= 0xFE20 && r <= 0xFE2F, r >= 0x0483 && r <= 0x0489:
		return true
	case r >= 0x0591 && r <= 0x05C7:
		return true
	case r >= 0x0610 && r <= 0x061A, r >= 0x064B && r <= 0x065F, r == 0x0670,
		r >= 0x06D6 && r <= 0x06ED, r >= 0x08D3 && r <= 0x08FF:
		return true
	}
	return false
}

// flush appends the word being read, in Latin letters, and starts a new one.
func (f *folder) flush(dst []byte) []byte {
	w := f.word
	if len(w) == 0 {
		return dst
	}
	f.word = f.word[:0]
	readTwins(w)
	hasLatin, foreign, allLook := false, false, true
	for _, r := range w {
		switch scriptOf(r) {
		case scriptLatin:
			hasLatin = true
		case scriptNone:
		default:
			foreign = true
			if allLook {
				_, allLook = lookalike(r)
			}
		}
	}
	if foreign && allLook && !hasLatin {
		f.whole = true
	}
	if foreign && allLook && (hasLatin || f.o.whole) {
		f.used.add(Lookalike)
		for _, r := range w {
			if l, ok := lookalike(r); ok {
				dst = append(dst, l...)
			} else {
				dst = appendLatinRune(dst, r)
			}
		}
		return dst
	}
	space := false // a space is owed after a run of Han
	for i := 0; i < len(w); {
		sc := scriptOf(w[i])
		j := i + 1
		if sc != scriptLatin && sc != scriptNone {
			// Marks and digits of the script join its run.
			// So does a geresh after a Hebrew letter (ג׳ is j).
			for j < len(w) && (scriptOf(w[j]) == sc || propsOf(w[j])&propMark != 0 || sc == scriptHebrew && w[j] == hebrewGereshMark) {
				j++
			}
		}
		han := sc == scriptHan && !f.o.european && hasValue(w[i])
		if han && len(dst) > 0 && dst[len(dst)-1] != ' ' && i > 0 || space {
			dst = append(dst, ' ')
		}
		space = han
		switch {
		case sc == scriptLatin || sc == scriptNone:
			dst = appendLatinRune(dst, w[i])
		case f.o.european && sc != scriptCyrillic && sc != scriptGreek:
			dst = appendKept(dst, w[i:j])
		default:
			f.used.add(schemeOf(sc, f.o.cyr))
			dst = appendScript(dst, sc, w[i:j], f.o.cyr, f.persian)
		}
		i = j
	}
	return dst
}

// readTwins rewrites, in a word written mostly in Cyrillic or Greek
// letters, its Latin letters as the letters of that script they look like
// (twin): "Iван", with a Latin "I" typed for Ukrainian "І", is "Іван", as a
// reader sees it, and "Hиколай" "Николай". It does so only where the
// script's letters outnumber the Latin ones and every Latin letter has a
// twin; a word mostly Latin ("Kaspersky" with a Cyrillic "р") is left to
// be read as Latin (flush).
func readTwins(w []rune) {
	latin, other := 0, 0
	sc := scriptNone
	for _, r := range w {
		switch s := scriptOf(r); s {
		case scriptNone:
		case scriptLatin:
			latin++
		default:
			if sc != scriptNone && s != sc {
				return
			}
			sc = s
			other++
		}
	}
	if latin == 0 || other <= latin || sc != scriptCyrillic && sc != scriptGreek {
		return
	}
	for _, r := range w {
		if scriptOf(r) != scriptLatin {
			continue
		}
		if _, ok := twin(sc, r); !ok {
			return
		}
	}
	for i, r := range w {
		if scriptOf(r) == scriptLatin {
			w[i], _ = twin(sc, r)
		}
	}
}

// appendLatinRune appends a Latin letter, a digit or a mark: ASCII as it
// is, anything else as appendAnyASCII writes it.
func appendLatinRune(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(dst, byte(r))
	}
	return appendAnyASCII(dst, r)
}

// appendKept appends a run of a script that is not transliterated:
// letters lower-cased, non-spacing and enclosing marks dropped, spacing
// marks as spaces.
func appendKept(dst []byte, run []rune) []byte {
	for _, r := range run {
		switch {
		case unicode.Is(unicode.Mc, r):
			dst = append(dst, ' ')
		case propsOf(r)&propMark != 0:
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// hasValue reports whether AnyAscii has a romanisation of r.
func hasValue(r rune) bool { return anyascii.TransliterateRune(r) != "" }
