package textnorm

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// props are the properties of a rune that folding asks about, computed
// once per 256-rune block of the Basic Multilingual Plane: the unicode
// range tables answer each question by a search, and a name asks several
// of them per rune.
type props uint16

const (
	propClassMask   props = 0x3 // runeClass
	propScriptShift       = 2
	propScriptMask  props = 0x1F << propScriptShift // room for every script, scriptOther the last
	propLetter      props = 1 << 7
	propMark        props = 1 << 8
	propDigit       props = 1 << 9
	propDiacritic   props = 1 << 10
	propApostrophe  props = 1 << 11
	// propInert marks a rune that NFKC leaves as it is whatever surrounds
	// it: in NFKC itself, and with a normalisation boundary before it, so
	// that it composes with nothing before it. A string of such runes is in
	// NFKC: whatever might compose with one of them after it is not inert.
	propInert props = 1 << 12
)

// The script field holds every script: a script past its mask would be
// read back as another. This fails to compile when it does not.
const _ = uint8(propScriptMask>>propScriptShift) - uint8(scriptOther)

func (p props) class() runeClass { return runeClass(p & propClassMask) }
func (p props) script() script   { return script((p & propScriptMask) >> propScriptShift) }

// propBlock holds the props of one block, filled on first use and never
// written again.
type propBlock struct {
	once sync.Once
	p    [256]props
}

// bmpProps memoises computeProps over the Basic Multilingual Plane. It is a
// cache of a pure function: each block is written once, under its Once,
// and only read after.
var bmpProps [256]propBlock

// propsOf returns the props of r.
func propsOf(r rune) props {
	if r < 0 || r > 0xFFFF {
		return computeProps(r)
	}
	b := &bmpProps[r>>8]
	b.once.Do(func() {
		base := r &^ 0xFF
		for i := range b.p {
			b.p[i] = computeProps(base + rune(i))
		}
	})
	return b.p[r&0xFF]
}

// computeProps computes the props of r.
func computeProps(r rune) props {
	p := props(computeClass(r)) | props(computeScript(r))<<propScriptShift
	if unicode.IsLetter(r) {
		p |= propLetter
	}
	if unicode.IsMark(r) {
		p |= propMark
		if isDiacritic(r) {
			p |= propDiacritic
		}
	}
	if unicode.IsDigit(r) {
		p |= propDigit
	}
	if isApostrophe(r) {
		p |= propApostrophe
	}
	var b [utf8.UTFMax]byte
	enc := b[:utf8.EncodeRune(b[:], r)]
	np := norm.NFKC.Properties(enc)
	if np.BoundaryBefore() && norm.NFKC.IsNormal(enc) && utf8.ValidRune(r) {
		p |= propInert
	}
	return p
}

// scriptOf returns the script of r.
func scriptOf(r rune) script {
	if r < 0x80 {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return scriptLatin
		}
		return scriptNone
	}
	return propsOf(r).script()
}
