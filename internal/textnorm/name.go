package textnorm

import (
	"slices"
	"strings"
)

// Latin returns s written in Latin letters, with the schemes it took (nil
// when none). It keeps what a tokeniser with rules of its own needs: ASCII
// punctuation and spaces stay, and letters that were ASCII keep their case,
// so "Z.T.E. Corp" is unchanged. Everything else is as the package
// documentation says: invisible characters and controls removed, white
// space a single space each, NFKC, diacritics removed, lookalike
// letters in Latin words read as Latin, other scripts transliterated
// (lower case), non-ASCII punctuation as ASCII or a space. The result is
// ASCII except for letters of a script AnyAscii has no value for, which are
// kept lower-cased. ASCII input is returned as it is, without allocating,
// when it holds no control character.
func Latin(s string) (string, []Scheme) {
	if isPlain(s) {
		return s, nil
	}
	f := getFolder(options{})
	defer putFolder(f)
	out := f.appendLatin(nil, s)
	return string(out), f.used
}

// LatinEuropean is Latin, except that only Cyrillic and Greek are
// transliterated: letters of other scripts are kept, lower-cased, their
// non-spacing marks dropped and their spacing marks read as spaces. It is
// for internal/screen, whose tokeniser and tests keep those scripts as
// they are; a caller that wants every script in Latin letters calls Latin.
func LatinEuropean(s string) (string, []Scheme) {
	if isPlain(s) {
		return s, nil
	}
	f := getFolder(options{european: true})
	defer putFolder(f)
	var buf [128]byte
	out := f.appendLatin(buf[:0], s)
	return string(out), f.used
}

// LatinPersian is Latin, with the Arabic script read as Persian, Urdu and
// Pashto sound it (ALA-LC's Persian table: dad and thal "z", tha "s",
// waw as a consonant "v") even where the text has no letter Arabic does
// not write, which Latin reads so: a short name of Pakistan or
// Afghanistan is often written in letters Arabic shares ("فضل", Fazl).
func LatinPersian(s string) (string, []Scheme) {
	if isPlain(s) {
		return s, nil
	}
	f := getFolder(options{persian: true})
	defer putFolder(f)
	out := f.appendLatin(nil, s)
	return string(out), f.used
}

// PersianDiffers reports whether LatinPersian reads s otherwise than
// Latin does: s has Arabic script with a dad, thal, tha or consonantal
// waw, and no letter Arabic does not write, which would make Latin read
// it as Persian already.
func PersianDiffers(s string) bool {
	if !strings.ContainsFunc(s, func(r rune) bool { return r == arDad || r == arThal || r == arTha || r == arWaw }) {
		return false
	}
	l, _ := Latin(s)
	p, _ := LatinPersian(s)
	return l != p
}

// AppendLatin appends Latin(s) to dst and returns the schemes it took.
func AppendLatin(dst []byte, s string) ([]byte, []Scheme) {
	if isPlain(s) {
		return append(dst, s...), nil
	}
	f := getFolder(options{})
	defer putFolder(f)
	dst = f.appendLatin(dst, s)
	return dst, f.used
}

// Fold returns the key form of a name: Latin(s), lower case, apostrophes
// removed inside words ("O'Brien" → "obrien"), every other run of
// punctuation or space a single space, none leading or trailing.
// "ＫＡＳＰＥＲＳＫＹ Lab" → "kaspersky lab"; "华为技术有限公司" → "hua wei ji
// shu you xian gong si". Fold is idempotent.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	return string(AppendFold(nil, s))
}

// AppendFold appends Fold(s) to dst.
func AppendFold(dst []byte, s string) []byte {
	if !isPlain(s) {
		f := getFolder(options{})
		defer putFolder(f)
		var buf [128]byte
		return appendFoldASCII(dst, f.appendPrepared(buf[:0], f.prepare(s)))
	}
	return appendFoldASCII(dst, s)
}

// appendFoldASCII folds Latin text: ASCII letters lower-cased, digits
// kept, apostrophes dropped, other ASCII a separator. Bytes of other
// letters (kept by Latin when no scheme had a value) are part of a word;
// an apostrophe beside one separates, as joining the two would make a
// run that Latin reads as several words when folded again ("X'X" for two
// ideographs with no reading is "X X", not "XX").
func appendFoldASCII[T string | []byte](dst []byte, s T) []byte {
	start := len(dst)
	sep := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c >= 0x80:
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == '\'' || c == '`':
			if len(dst) > start && dst[len(dst)-1] >= 0x80 || i+1 < len(s) && s[i+1] >= 0x80 {
				sep = true
			}
			continue
		default:
			sep = true
			continue
		}
		if sep && len(dst) > start {
			dst = append(dst, ' ')
		}
		sep = false
		dst = append(dst, c)
	}
	return dst
}

// isFolded reports whether s is already in Fold's form.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// Key returns the letters and digits of Fold(s) without spaces: the form in
// which glued and split words meet ("Kasper-sky", "Kasper sky" →
// "kaspersky"; "KasperskyLab", "Kaspersky Lab" → "kasperskylab").
func Key(s string) string {
	f := AppendFold(nil, s)
	w := 0
	for _, c := range f {
		if c != ' ' {
			f[w] = c
			w++
		}
	}
	return string(f[:w])
}

// ConsonantKey returns Key(s) without the vowels a, e, i, o, u and y, and
// with doubled letters written once: the form in which a name written in
// an abjad, where short vowels are not written, meets its Latin spellings
// ("محمد" → "mhmd" = "Mohammed", "Muhammad"; "נתניהו" → "ntnh" =
// "Netanyahu"). It is a coarse key, for candidates to be scored, never a
// match on its own.
func ConsonantKey(s string) string {
	k := []byte(Key(s))
	w := 0
	for _, c := range k {
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			continue
		}
		if w > 0 && k[w-1] == c {
			continue
		}
		k[w] = c
		w++
	}
	return string(k[:w])
}

// Name is a name folded for matching, with the other spellings of it that a
// matcher should also try.
type Name struct {
	// Text is Fold of the name: its words joined by single spaces.
	Text string
	// Schemes are the transliterations and readings that Text took, in
	// order of first use; nil for a name already in Latin letters
	// (diacritics removed are no scheme).
	Schemes []Scheme
	// Variants are other spellings, each distinct from Text and from the
	// others: Cyrillic in the ICAO passport scheme and in English usage
	// ("kasperskii", "kaspersky" beside "kasperskiy"), and a word made
	// only of lookalike letters of another script read as Latin.
	Variants []Variant
}

// Variant is one other spelling of a Name.
type Variant struct {
	// Text is the spelling, in Fold's form.
	Text string
	// Schemes are the schemes it took.
	Schemes []Scheme
}

// Words returns the words of n.Text.
func (n Name) Words() []string { return strings.Fields(n.Text) }

// FoldName folds a name and lists its other spellings.
func FoldName(s string) Name {
	if isPlain(s) {
		return Name{Text: Fold(s)}
	}
	p := getFolder(options{})
	defer putFolder(p)
	t := p.prepare(s)
	var out [128]byte
	fold := func(o options) (string, []Scheme, bool) {
		f := getFolder(o)
		defer putFolder(f)
		return string(appendFoldASCII(nil, f.appendPrepared(out[:0], t))), f.used, f.whole
	}
	var n Name
	var whole bool
	n.Text, n.Schemes, whole = fold(options{})
	add := func(o options) {
		t, used, _ := fold(o)
		if t == n.Text || slices.ContainsFunc(n.Variants, func(v Variant) bool { return v.Text == t }) {
			return
		}
		n.Variants = append(n.Variants, Variant{Text: t, Schemes: used})
	}
	if slices.Contains(n.Schemes, CyrillicBGN) {
		add(options{cyr: cyrEnglish})
		add(options{cyr: cyrICAO})
	}
	if whole {
		add(options{whole: true})
	}
	return n
}
