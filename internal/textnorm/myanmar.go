package textnorm

// Myanmar (Burmese) is written in syllables without spaces between the
// words of a name ("မင်းအောင်လှိုင်", Min Aung Hlaing). AnyAscii reads
// it letter by letter ("mneanlhiun"); the lists write each syllable as
// a word, in the romanisation of the Myanmar government and BGN/PCGN:
// the onset consonant with its medials, then the syllable's rhyme, which
// the vowel signs and the final consonant (killed by asat) spell
// together ("ောင်" is "aung", "ိုင်" is "aing").

// Myanmar signs.
const (
	myAsat      = 0x103A // kills the inherent vowel: a final consonant
	myVirama    = 0x1039 // stacks the next consonant: this one is final
	myMedialY   = 0x103B
	myMedialR   = 0x103C
	myMedialW   = 0x103D
	myMedialH   = 0x103E
	myAnusvara  = 0x1036
	myDotBelow  = 0x1037
	myVisarga   = 0x1038
	myCarrier   = 0x1021 // အ: a vowel's carrier, silent
	myVowelE    = 0x1031
	myVowelAA   = 0x102C
	myVowelTall = 0x102B
	myVowelI    = 0x102D
	myVowelII   = 0x102E
	myVowelU    = 0x102F
	myVowelUU   = 0x1030
	myVowelAI   = 0x1032
)

// myOnsets are the consonants' Latin as onsets.
var myOnsets = map[rune]string{
	'က': "k", 'ခ': "kh", 'ဂ': "g", 'ဃ': "g", 'င': "ng", 'စ': "s", 'ဆ': "s", 'ဇ': "z", 'ဈ': "z",
	'ဉ': "ny", 'ည': "ny", 'ဋ': "t", 'ဌ': "ht", 'ဍ': "d", 'ဎ': "d", 'ဏ': "n", 'တ': "t", 'ထ': "ht",
	'ဒ': "d", 'ဓ': "d", 'န': "n", 'ပ': "p", 'ဖ': "hp", 'ဗ': "b", 'ဘ': "b", 'မ': "m", 'ယ': "y",
	'ရ': "y", 'လ': "l", 'ဝ': "w", 'သ': "th", 'ဟ': "h", 'ဠ': "l", 'အ': "",
}

// myIndependent are the independent vowels.
var myIndependent = map[rune]string{
	'ဣ': "i", 'ဤ': "i", 'ဥ': "u", 'ဦ': "u", 'ဧ': "e", 'ဩ': "aw", 'ဪ': "aw",
}

// Vowel classes of a syllable, from its vowel signs.
const (
	myA  = iota // no sign, or aa
	myI         // i, ii
	myU         // u, uu
	myE         // e
	myAI        // ai (ဲ)
	myAW        // e + aa (ော)
	myO         // i + u (ို)
)

// myRhyme returns the rhyme of a syllable of vowel class v closed by
// final consonant f (0 when open) or nasalised by anusvara.
func myRhyme(v int, f rune, nasal bool) string {
	if nasal && f == 0 {
		f = 'မ'
	}
	switch f {
	case 0:
		return [...]string{"a", "i", "u", "e", "e", "aw", "o"}[v]
	case 'က':
		return [...]string{"et", "eik", "ok", "et", "et", "auk", "aik"}[v]
	case 'င', 'ဉ':
		return [...]string{"in", "ein", "on", "in", "in", "aung", "aing"}[v]
	case 'စ':
		return "it"
	case 'ည':
		return "i"
	case 'တ', 'ပ', 'ဋ':
		return [...]string{"at", "eik", "ok", "at", "at", "auk", "aik"}[v]
	case 'န', 'မ', 'ဏ':
		return [...]string{"an", "ein", "on", "an", "an", "aung", "aing"}[v]
	case 'ယ':
		return "e"
	}
	return "a"
}

func isMyConsonant(r rune) bool { return r >= 0x1000 && r <= 0x1021 }

// appendMyanmar romanises a run of Myanmar, syllable by syllable, each a
// word of its own.
func appendMyanmar(dst []byte, run []rune) []byte {
	first := true
	word := func() {
		if !first {
			dst = append(dst, ' ')
		}
		first = false
	}
	for i := 0; i < len(run); {
		r := run[i]
		if s, ok := myIndependent[r]; ok {
			if r == 'ဦ' && !first {
				// ဦး after a name's first syllable is a name of its own,
				// written "Oo" (Mya Tun Oo); first, it is the honorific U.
				s = "oo"
			}
			word()
			dst = append(dst, s...)
			i++
			// An independent vowel may be closed by a final ("ဥက္ကဋ္ဌ").
			if i+1 < len(run) && isMyConsonant(run[i]) && (run[i+1] == myAsat || run[i+1] == myVirama) {
				i += 2
			}
			continue
		}
		onset, ok := myOnsets[r]
		if !ok {
			if r != myDotBelow && r != myVisarga && r != myAsat && r != myVirama {
				word()
				dst = appendAnyASCII(dst, r)
			}
			i++
			continue
		}
		i++
		// Medials.
		var y, w, h bool
		for i < len(run) {
			switch run[i] {
			case myMedialY, myMedialR:
				y = true
			case myMedialW:
				w = true
			case myMedialH:
				h = true
			default:
				goto vowels
			}
			i++
		}
	vowels:
		var e, aa, vi, vu, ai, nasal bool
		for i < len(run) {
			switch run[i] {
			case myVowelE:
				e = true
			case myVowelAA, myVowelTall:
				aa = true
			case myVowelI, myVowelII:
				vi = true
			case myVowelU, myVowelUU:
				vu = true
			case myVowelAI:
				ai = true
			case myAnusvara:
				nasal = true
			case myDotBelow, myVisarga:
			default:
				goto final
			}
			i++
		}
	final:
		var f rune
		if i+1 < len(run) && isMyConsonant(run[i]) && (run[i+1] == myAsat || run[i+1] == myVirama) {
			f = run[i]
			i += 2
			for i < len(run) && (run[i] == myDotBelow || run[i] == myVisarga) {
				i++
			}
		}
		v := myA
		switch {
		case e && aa:
			v = myAW
		case vi && vu:
			v = myO
		case e:
			v = myE
		case ai:
			v = myAI
		case vi:
			v = myI
		case vu:
			v = myU
		}
		word()
		switch {
		case h && (r == 'ရ' || r == 'ယ'):
			onset = "sh"
		case h:
			onset = "h" + onset
		}
		switch {
		case y && (r == 'က' || r == 'ဂ'):
			onset += "y"
		case y && r == 'ခ':
			onset = "ch"
		case y:
			onset += "y"
		}
		rhyme := myRhyme(v, f, nasal)
		switch {
		case w && v == myA && (rhyme == "an" || rhyme == "at"):
			// Medial w closed by n, m, t or p is the rhyme u ("ထွန်း"
			// Htun, "ထွဋ်" Htut), not a w.
			rhyme = "u" + rhyme[1:]
		case w:
			onset += "w"
		}
		dst = append(dst, onset...)
		dst = append(dst, rhyme...)
	}
	return dst
}
