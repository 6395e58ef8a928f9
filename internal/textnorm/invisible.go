package textnorm

import "unicode"

// runeClass says what a rune becomes before folding.
type runeClass uint8

const (
	// classText is kept for the later steps.
	classText runeClass = iota
	// classDrop vanishes without a trace: invisible characters and
	// controls. It never separates words.
	classDrop
	// classSpace separates words.
	classSpace
)

// computeClass sorts out the runes that are invisible, controls or spaces.
func computeClass(r rune) runeClass {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return classSpace
	case 0x85, 0x2028, 0x2029:
		// NEL and the line and paragraph separators: spaces to Unicode, but
		// rendered as nothing inline, so a name cannot be split by them.
		return classDrop
	case 0x2800, 0x1D159, 0x1D173, 0x1D174, 0x1D175, 0x1D176, 0x1D177, 0x1D178, 0x1D179, 0x1D17A:
		// The Braille blank and the invisible musical symbols look like
		// nothing at all.
		return classDrop
	case 0x034F:
		// COMBINING GRAPHEME JOINER.
		return classDrop
	}
	if r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) {
		return classDrop
	}
	if r < 0x80 || r > 0xA0 && r < 0x2B0 && r != 0xAD {
		// ASCII, and Latin-1 and Latin Extended less the no-break space
		// and the soft hyphen: visible, the common case.
		return classText
	}
	if isDefaultIgnorable(r) {
		return classDrop
	}
	if unicode.Is(unicode.Zs, r) {
		return classSpace
	}
	if !unicode.IsGraphic(r) || r == 0xFFFD {
		// Private use, unassigned code points (to this Go's Unicode
		// version) and the replacement character of invalid UTF-8: they
		// show as a box or as nothing, and are read as nothing, so that
		// they cannot split a name either.
		return classDrop
	}
	return classText
}

// isDefaultIgnorable reports whether r has the Unicode property
// Default_Ignorable_Code_Point: Other_Default_Ignorable_Code_Point, format
// characters (Cf) and variation selectors, less white space, the
// interlinear annotation characters and the prepended concatenation marks,
// which are visible.
func isDefaultIgnorable(r rune) bool {
	switch {
	case r >= 0xFFF9 && r <= 0xFFFB, r >= 0x13430 && r <= 0x1343F:
		return false
	case unicode.Is(unicode.Prepended_Concatenation_Mark, r):
		return false
	}
	return unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Cf, r)
}

// isPlain reports whether s is ASCII made only of printable characters and
// the ordinary spaces: the common case, which every function here serves
// without the Unicode machinery.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x7F || c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// Invisible reports whether r is read as nothing: an invisible character
// or a control other than the ordinary white space (the runes the
// normaliser drops without a trace).
func Invisible(r rune) bool { return propsOf(r).class() == classDrop }
