package screen

import (
	"slices"

	"github.com/bangate/bangate/internal/textnorm"
)

// Consonant skeletons. A name transliterated from another script keeps
// its consonants better than its vowels: abjads (Arabic, Persian, Hebrew)
// do not write short vowels at all ("محمد" → "mhmd" for Muhammad), and a
// foreign name written in Hangul, kana, Thai or Greek keeps its consonants
// and changes its vowels (Korean adds "eu" after consonants, Japanese adds
// "u" and "o"). The consonant skeleton is textnorm.ConsonantKey's idea
// with the consonants in the classes that those scripts confuse: b p f v
// w ph bh; t d th dh ch ts tz; s z sh; j zh dj dzh; k g q gh c x; h kh; r l;
// m; n.
// Vowels (and y) are left out, and a class repeated is written once.
//
// A query word that is transliterated, but from Cyrillic, which keeps
// those consonants apart (consonantsKept), and that no listed name spells
// or keys as it does, is paired with the listed words of the same
// skeleton (the strict one, appendStrictSkeleton, when its reading
// writes its vowels); such a pair is a likeness, credited skeletonSim of
// the lighter weight, never evidence enough for a hit on its own.

// skeletonSim is the credit of a pair with the same consonant skeleton.
const skeletonSim = 0.95

// minSkeleton is the fewest classes a skeleton has to be looked up.
const minSkeleton = 2

// consonantsKept reports whether the query was read from Cyrillic alone,
// whose letters keep apart the consonants the skeleton's classes merge
// (b and f, t and d, r and l): its words are not paired by skeletons,
// which found only other names there ("Владимир Путин" found POTANIN,
// Vladimir Olegovich, "Игор Шувалов" ZUBAREV, Igor); the Cyrillic keys of
// foreign names (cyrkey.go) read what Cyrillic writes otherwise.
func consonantsKept(schemes []textnorm.Scheme) bool {
	for _, s := range schemes {
		switch s {
		case textnorm.CyrillicBGN, textnorm.CyrillicICAO, textnorm.CyrillicEnglish:
		default:
			return false
		}
	}
	return len(schemes) > 0
}

// appendSkeleton appends the consonant skeleton of w, a folded word of
// letters a–z, to dst; words with other bytes have none.
func appendSkeleton(dst, w []byte) []byte { return appendSkeletonOf(dst, w, false, nil) }

// appendStrictSkeleton is appendSkeleton with like consonants on either
// side of a vowel written twice: the skeleton a reading that writes its
// vowels (all but the abjads') is paired by, so that "putin" ("ptn") is
// not "potanin" ("ptnn"), whose vowel between its two n an abjad would
// leave unwritten.
func appendStrictSkeleton(dst, w []byte) []byte { return appendSkeletonOf(dst, w, true, nil) }

// skelBuf builds a skeleton and, when gaps is not nil, the vowels of
// each gap of it (appendSkeletonOf).
type skelBuf struct {
	keyBuf
	gaps *[]uint8
	cur  uint8
}

// add adds a consonant class, closing the gap before it.
func (b *skelBuf) add(c byte) {
	n := len(b.b)
	b.keyBuf.add(c)
	if b.gaps != nil && len(b.b) > n {
		*b.gaps = append(*b.gaps, b.cur)
		b.cur = 0
	}
}

// vowelBit is the class of a vowel in a gap: a, o and u, e, i and y.
func vowelBit(c byte) uint8 {
	switch c {
	case 'a':
		return 1
	case 'o', 'u':
		return 2
	}
	return 4
}

// appendSkeletonOf is appendSkeleton, strict as appendStrictSkeleton is,
// that also appends to *gaps, when it is not nil, the vowels before each
// class of the skeleton and, last, those after it, each a set of
// vowelBit.
func appendSkeletonOf(dst, w []byte, strict bool, gaps *[]uint8) []byte {
	start := len(dst)
	for _, c := range w {
		if (c < 'a' || c > 'z') && c != letterBreak {
			return dst[:start]
		}
	}
	key := skelBuf{keyBuf: keyBuf{b: dst}, gaps: gaps}
	add := key.add
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byteAfter(w, i)
		switch {
		case c == letterBreak:
		case c == 's' && next == 'h':
			add('s')
			i++
		case c == 'z' && next == 'h':
			add('j') // ж: "j" in Arabic, Hangul and kana
			i++
		case c == 'c' && next == 'h', c == 't' && next == 'h', c == 'd' && next == 'h', c == 't' && next == 's', c == 't' && next == 'z':
			add('t')
			i++
		case c == 'k' && next == 'h':
			add('h')
			i++
		case c == 'g' && next == 'h':
			add('k')
			i++
		case c == 'p' && next == 'h', c == 'b' && next == 'h':
			// bh: Bengali and Devanagari write v so in foreign names.
			add('b')
			i++
		case c == 'd' && next == 'j', c == 'd' && next == 'z' && i+2 < len(w) && w[i+2] == 'h':
			add('j')
			if next == 'z' {
				i++
			}
			i++
		default:
			switch c {
			case 'a', 'e', 'i', 'o', 'u', 'y':
				// Vowels are left out: like consonants around one are
				// written once, as an abjad writes a doubled one, but
				// in the strict skeleton.
				if strict {
					key.gap()
				}
				key.cur |= vowelBit(c)
			case 'b', 'p', 'f', 'v', 'w':
				add('b')
			case 't', 'd':
				add('t')
			case 'c':
				add('k') // hard c; ch, ts are above
			case 's', 'z':
				add('s')
			case 'k', 'g', 'q':
				add('k')
			case 'l', 'r':
				add('r')
			case 'x':
				add('k')
				add('s')
			default:
				add(c) // h, j, m, n
			}
		}
	}
	if gaps != nil {
		*gaps = append(*gaps, key.cur)
	}
	if strict && len(key.b)-start == minSkeleton && isVowel(w[0]) {
		// Two classes are little to go on: a strict skeleton says
		// whether the word begins with a vowel, so that "shoigu" is
		// not "ushko" (both "sk").
		key.b = append(key.b, vowelInitial)
	}
	return key.b
}

// letterBreak stands between two letters of an abjad's reading that
// Latin spelling would read as one sound (splitDigraphs); the skeleton
// reads them apart.
const letterBreak = '.'

// digraphs are the pairs of letters a skeleton reads as one sound
// (appendSkeletonOf) that two letters of the Arabic script are read as
// too: "th" is ث, or ت and ه ("طه", Taha; "تهرانی", Tehrani), "tz" ت and
// ظ ("منتظری", Montazeri), "zh" ژ, or ز and ه ("زهير", Zuhair).
var digraphs = [...]string{"th", "dh", "sh", "zh", "kh", "gh", "ph", "bh", "ts", "tz", "dj", "dz"}

// splitDigraphs appends to dst the Arabic script's reading w with a
// letterBreak inside each of its digraphs, as ALA-LC writes a prime
// between such letters; ok is false when w has none.
func splitDigraphs(dst, w []byte) (out []byte, ok bool) {
	for i := 0; i < len(w); i++ {
		dst = append(dst, w[i])
		if i+1 < len(w) && slices.Contains(digraphs[:], string(w[i:i+2])) {
			dst = append(dst, letterBreak)
			ok = true
		}
	}
	return dst, ok
}

// vowelInitial ends a strict skeleton of two classes of a word that
// begins with a vowel.
const vowelInitial = '^'

// skeletons maps the consonant skeleton of every key of the vocabulary to
// the keys that have it. It is built on the first transliterated query.
type skeletons map[string][]int32

// buildSkeletons computes the skeletons of the vocabulary's texts,
// strict or not.
func (ix *Index) buildSkeletons(strict bool) skeletons {
	if strict {
		return ix.keysByForm(appendStrictSkeleton, minSkeleton)
	}
	return ix.keysByForm(appendSkeleton, minSkeleton)
}

// keysByForm maps a form of every text of the vocabulary, as form appends
// it, of minLen letters or more, to the keys of the texts of that form.
func (ix *Index) keysByForm(form func(dst, w []byte) []byte, minLen int) map[string][]int32 {
	d := &ix.dict
	m := make(map[string][]int32, len(d.keys)/2)
	var buf []byte
	for id, t := range d.texts {
		buf = form(buf[:0], []byte(t))
		if len(buf) < minLen {
			continue
		}
		addTok(m, buf, d.textKey[id])
	}
	return m
}

// addTok adds key id tok to the key ids m holds for form, once.
func addTok[F string | []byte](m map[string][]int32, form F, tok int32) {
	if ts := m[string(form)]; !slices.Contains(ts, tok) {
		m[string(form)] = append(ts, tok)
	}
}

// appendSkeletonKeys appends to dst the keys of the listed words whose
// skeleton is that of w, their strict skeletons (appendStrictSkeleton)
// when strict.
func (ix *Index) appendSkeletonKeys(dst []int32, w []byte, strict bool) []int32 {
	var buf [64]byte
	if strict {
		if s := appendStrictSkeleton(buf[:0], w); len(s) >= minSkeleton {
			dst = append(dst, ix.strictSkeletons()[string(s)]...)
		}
		return dst
	}
	var gb, kb [32]uint8
	gaps := gb[:0]
	s := appendSkeletonOf(buf[:0], w, false, &gaps)
	if len(s) < minSkeleton {
		return dst
	}
	var sb [64]byte
	for _, tok := range ix.skeletons()[string(s)] {
		kg := kb[:0]
		appendSkeletonOf(sb[:0], []byte(ix.dict.keys[tok]), false, &kg)
		if longVowelsAgree(gaps, kg) {
			dst = append(dst, tok)
		}
	}
	return dst
}

// longVowelsAgree reports whether the listed word of skeleton gaps listed
// has, between each two classes of its skeleton, a vowel of each class
// the abjad reading of gaps q writes there: an abjad leaves short vowels
// unwritten, but a long one it writes, with alif, waw or ya, is the
// name's ("محمود", "mhmud", is Mahmud, not MUHAMMAD; "حسيني", "hsini",
// not HASSAN). The vowels before the first class and after the last,
// where an abjad writes what the lists' spellings often do not (a
// hamza's alif, a final ya), are not asked; nor are a word's whose
// skeleton its key does not keep.
func longVowelsAgree(q, listed []uint8) bool {
	if len(q) != len(listed) {
		return true
	}
	for i := 1; i < len(q)-1; i++ {
		if q[i]&^listed[i] != 0 {
			return false
		}
	}
	return true
}

// skeletonsOf returns the skeletons of the listed words, strict or not.
func (ix *Index) skeletonsOf(strict bool) skeletons {
	if strict {
		return ix.strictSkeletons()
	}
	return ix.skeletons()
}

// writesVowels reports whether a query read by schemes has its vowels
// written: read from any script but an abjad (Arabic, Hebrew), whose
// readings its words are paired with by strict skeletons.
func writesVowels(schemes []textnorm.Scheme) bool {
	return !slices.Contains(schemes, textnorm.ArabicScript) && !slices.Contains(schemes, textnorm.Hebrew)
}

// hasSkeleton reports whether a listed word has the skeleton of w.
func (ix *Index) hasSkeleton(w []byte) bool {
	var buf [64]byte
	s := appendSkeleton(buf[:0], w)
	return len(s) >= minSkeleton && len(ix.skeletons()[string(s)]) > 0
}

// isAllah reports whether w is "Allah" as the Arabic and Hebrew readings
// write it ("allh", "alh", "allah").
func isAllah(w []byte) bool {
	switch string(w) {
	case "allh", "alh", "allah", "llh":
		return true
	}
	return false
}
