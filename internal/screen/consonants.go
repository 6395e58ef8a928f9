package screen

import (
	"bytes"
	"slices"
)

// The consonants of a name as a Latin spelling writes them. Romanisations
// of Arabic and Persian names write the short vowels, which the script
// leaves out, each its own way, and the long ones as a vowel, w or y
// ("Muzhir", "Mezher"; "Kawtharani", "Kutherani"; "Seifi", "Seyfi"): two
// spellings of one name mostly keep its consonants as written, in order,
// where a one-letter likeness (a typo) or a vowel class (vowelClassVariant)
// cannot tell more than one vowel apart. A query word no listed name holds
// is paired with the rare listed words of its consonants, in as many
// syllables (consonantForm), and of its first letter, as a vowel variant:
// a possible match at most.

// minConsonants is the fewest consonants a word is looked up by.
const minConsonants = 3

// appendConsonants appends to dst the consonants of w, a folded word of
// letters a–z, as written: a, e, i, o, u, w and y left out, a consonant
// written twice side by side written once, and an h that ends the word
// after a vowel (a ta marbuta written "ah", "eh") left out. A word with
// other bytes has none. It returns too the number of runs of consonants
// and of vowels the word alternates in (its final h after a vowel left
// out as above), a vowel ending it not counted.
func appendConsonants(dst, w []byte) ([]byte, int) {
	start := len(dst)
	w = withoutFinalH(w)
	runs := 0
	for i, c := range w {
		vowel := isVowelLetter(c)
		if i == 0 || vowel != isVowelLetter(w[i-1]) {
			runs++
		}
		switch {
		case c < 'a' || c > 'z':
			return dst[:start], 0
		case vowel, i > 0 && w[i-1] == c:
		default:
			dst = append(dst, c)
		}
	}
	if len(w) > 0 && isVowelLetter(w[len(w)-1]) {
		runs--
	}
	return dst, runs
}

// withoutFinalH returns w without the h that ends it after a vowel (a ta
// marbuta written "ah", "eh"), which appendConsonants leaves out.
func withoutFinalH(w []byte) []byte {
	if n := len(w); n > 1 && w[n-1] == 'h' && isVowelLetter(w[n-2]) {
		return w[:n-1]
	}
	return w
}

// consonantForm appends to dst the consonants of w and then, as one byte,
// the number of runs of consonants and of vowels w alternates in, a vowel
// ending it not counted (appendConsonants): the consonants of a name in
// its syllables, whichever vowels fill them
// ("mezher" and "muzhir" both m-z-h-r in five runs; "jamaluddin" and the
// French "jamaleddine" in nine). Two names of the same consonants in
// other syllables are other names ("mohyuddin", MAHDIAN). A word of fewer
// than minConsonants consonants has none.
func consonantForm(dst, w []byte) []byte {
	start := len(dst)
	dst, runs := appendConsonants(dst, w)
	if len(dst)-start < minConsonants {
		return dst[:start]
	}
	return append(dst, byte(runs))
}

// isVowelLetter reports whether c is a vowel letter of appendConsonants:
// isVowel's, and w (romanisations write long vowels with w and y).
func isVowelLetter(c byte) bool { return isVowel(c) || c == 'w' }

// consonantIndex maps the consonant forms of listed words (consonantForm)
// to their keys, with the filter of its keys.
type consonantIndex struct {
	keys   map[string][]int32
	filter *wordFilter
	// foreign and foreignFilter hold the listed words written by German,
	// Polish or French conventions alone, by their consonants as English
	// usage respells them (listedForeign): a query's word some listed
	// name spells is looked up there too (appendForeignKeys).
	foreign       map[string][]int32
	foreignFilter *wordFilter
	// written holds the text ids of the listed words so written: their
	// consonants pair with a query's word some listed name spells too,
	// whatever the word's role in the name (scoreRec).
	written map[int32]struct{}
}

// buildConsonants builds consonantIndex over the vocabulary: each listed
// word by its consonants as written and, where it is written by German,
// Polish or French conventions (listedForeign), as English usage respells
// it, so that the name as the lists and the press write it in English
// finds it ("Gorbachev" the GORBATSCHOW of a German list, "Khrushchev" a
// French list's KHROUCHTCHEV).
func (ix *Index) buildConsonants() *consonantIndex {
	m := ix.keysByForm(consonantForm, minConsonants+1)
	foreign, written := map[string][]int32{}, map[int32]struct{}{}
	d := &ix.dict
	var buf, rb []byte
	for id, t := range d.texts {
		k := d.textKey[id]
		eachListedForeign([]byte(t), &rb, func(_ *orthography, r []byte) {
			written[int32(id)] = struct{}{}
			buf = consonantForm(buf[:0], r)
			if len(buf) < minConsonants+1 {
				return
			}
			addTok(m, buf, k)
			addTok(foreign, buf, k)
		})
	}
	return &consonantIndex{keys: m, filter: filterOf(m), foreign: foreign, foreignFilter: filterOf(foreign), written: written}
}

// appendForeignKeys appends to dst the keys of the listed words written
// by German, Polish or French conventions whose consonants, as English
// usage respells them, are those of w: a query's word some listed name
// spells, which appendConsonantKeys is not asked of ("Sechin" for a list's
// SETSCHIN, "Vyacheslav" for WJATSCHESLAW).
func (ix *Index) appendForeignKeys(dst []int32, w []byte) []int32 {
	c := ix.consonants()
	if len(c.foreign) == 0 {
		return dst
	}
	var buf [64]byte
	if s := consonantForm(buf[:0], w); len(s) > 0 {
		ks, _ := filteredGet(c.foreignFilter, c.foreign, s)
		dst = append(dst, ks...)
	}
	return dst
}

// listedForeign are the orthographies a listed word is respelt by for
// its consonants (buildConsonants), each with the test of a word written
// so: a letter group English does not write (sch, cz, sz, chtch) or a
// Russian family name's ending as German and Polish write it (-ow, -ew),
// so that a word English spells is not read as another language writes
// it.
var listedForeign = []struct {
	o       *orthography
	written func(w []byte) bool
}{
	{&germanRussian, germanWritten},
	{&germanRussianZh, germanWritten},
	{&germanRussianYo, germanWritten},
	{&germanDschJ, func(w []byte) bool { return bytes.Contains(w, []byte("dsch")) }},
	{&polishRussian, polishWritten},
	{&polishRussianYo, polishWritten},
	{&frenchSpelling, frenchWritten},
}

// germanWritten and polishWritten report whether w is written as German
// and as Polish write Russian names (listedForeign): with their letter
// groups or the -ow of a family name, or with a w, z or j, which they
// write for в, ц and the j of е, я, ю, in a word that ends as Russian
// family names do ("Wolodin", VOLODIN; "Jelzin", YELTSIN).
func germanWritten(w []byte) bool {
	return bytes.Contains(w, []byte("sch")) || russianOwEnding(w) || russianLetters(w)
}

func polishWritten(w []byte) bool {
	return bytes.Contains(w, []byte("cz")) || bytes.Contains(w, []byte("sz")) || russianOwEnding(w) || russianLetters(w)
}

// russianLetters reports whether w has a w, z or j and ends as a Russian
// family name does: -in, -ina, -yn, -yna.
func russianLetters(w []byte) bool {
	if !bytes.ContainsAny(w, "wzj") {
		return false
	}
	for _, e := range [...]string{"in", "ina", "yn", "yna"} {
		if bytes.HasSuffix(w, []byte(e)) {
			return true
		}
	}
	return false
}

// frenchWritten reports whether w is written as French writes Russian
// names: with chtch, ouch or atch ("Viatcheslav"), or with a j in a word
// ending in -ine, as French writes a family name's -in ("Prigojine",
// PRIGOZHIN).
func frenchWritten(w []byte) bool {
	return bytes.Contains(w, []byte("chtch")) || bytes.Contains(w, []byte("ouch")) || bytes.Contains(w, []byte("atch")) ||
		bytes.HasSuffix(w, []byte("ine")) && bytes.IndexByte(w, 'j') >= 0
}

// russianOwEnding reports whether w ends as German and Polish write a
// Russian family name's -ov, -ev, -ova and -eva.
func russianOwEnding(w []byte) bool {
	for _, e := range [...]string{"ow", "ew", "owa", "ewa"} {
		if bytes.HasSuffix(w, []byte(e)) {
			return true
		}
	}
	return false
}

// foreignWritten reports whether listed text t is written by one of
// listedForeign's conventions (consonantIndex.written).
func (ix *Index) foreignWritten(t int32) bool {
	_, ok := ix.consonants().written[t]
	return ok
}

// eachListedForeign calls fn with each reading of the listed word w by
// listedForeign's orthographies that changes it, and the orthography; rb
// is its buffer.
func eachListedForeign(w []byte, rb *[]byte, fn func(o *orthography, r []byte)) {
	if len(w) < minRespell || len(w) > maxRespell {
		return
	}
	for _, f := range listedForeign {
		if !f.written(w) {
			continue
		}
		if r, changed := f.o.apply((*rb)[:0], w); changed {
			*rb = r
			fn(f.o, r)
		}
	}
}

// appendConsonantKeys appends to dst the keys of the listed words with
// the consonants of w; where arabic is set, of w with an Arabic consonant
// written as another romanisation writes it too
// (arabicConsonantOrthographies: the qaf, "Sadegh", SADIQ, "Qoreishi",
// GHORAISHI; the tha, "Kiyomarth", KIYUMARS). A word some listed name
// spells as the query does is paired with its qaf so by spelling
// (voicingVariant): not arabic, which would pair it by consonants alone.
func (ix *Index) appendConsonantKeys(dst []int32, w []byte, arabic bool) []int32 {
	var buf, qb [64]byte
	c := ix.consonants()
	add := func(v []byte) {
		if s := consonantForm(buf[:0], v); len(s) > 0 {
			ks, _ := filteredGet(c.filter, c.keys, s)
			dst = append(dst, ks...)
		}
	}
	add(w)
	if !arabic || len(w) > len(qb)/2 || !arabicConsonantSpelling(letterSet(w), pairsOf(w)) {
		return dst
	}
	for i := range arabicConsonantOrthographies {
		if v, changed := arabicConsonantOrthographies[i].apply(qb[:0], w); changed {
			add(v)
		}
	}
	return dst
}

// sameInitial reports whether words beginning with a and b begin alike for
// a consonant variant: the same letter, or a vowel each, a to u
// ("Esdaleh", ASADOLLAH), or g and q, the qaf as a Persian romanisation
// writes it and another does ("Ghoreishi", QURESHI), or k and c, y and j,
// as German and Polish write х and the j of я, ю, е, which the consonants
// of a listed word so written are taken as English respells them
// (listedForeign: "Khrushchev", CHRUSCHTSCHOW; "Yanukovych",
// JANUKOWYTSCH). Consonants alike tell the rest: a word is found by its
// consonants with its first letter among them.
func sameInitial(a, b byte) bool {
	return a == b || isVowelByte(a) && isVowelByte(b) || initialPair(a, b, 'g', 'q') || initialPair(a, b, 'k', 'c') ||
		initialPair(a, b, 'y', 'j') || initialPair(a, b, 'v', 'w')
}

// initialPair reports whether a and b are x and y in either order.
func initialPair(a, b, x, y byte) bool {
	return a == x && b == y || a == y && b == x
}

// Names a list writes only in Arabic or Hebrew letters. The index reads
// such a name as its letters are, without the short vowels the script
// leaves out ("محمود عباس" as "mhmud abas", "אהוד אולמרט" as "ahod
// aolmrt"), which a Latin query writes ("Mahmoud Abbas", "Ehud Olmert").
// A Latin query's word is paired with such a word of the same consonants
// (appendConsonants), beginning alike, that writes vowels only where the
// query's word has one of their kind (abjadVowelsFit: the long vowels the
// script writes, "mhmud" for Mahmoud, not Mohammed): a possible match at
// most, as a vowel variant is.

// minAbjadConsonants is the fewest consonants a word is paired by with a
// word read from an abjad.
const minAbjadConsonants = 2

// minReadLetters and maxReadLetters are the fewest and the most letters
// of a Latin query's word that is read against the words of names an
// abjad or kana writes (appendScriptKeys).
const (
	minReadLetters = 3
	maxReadLetters = 32
)

// appendScriptKeys appends to dst the keys of the words of names written
// in an abjad or in kana that w, a Latin query's word, reads as
// (appendAbjadKeys, appendKanaKeys).
func (ix *Index) appendScriptKeys(dst []int32, w []byte) []int32 {
	if len(w) < minReadLetters || len(w) > maxReadLetters {
		return dst
	}
	return ix.appendKanaKeys(ix.appendAbjadKeys(dst, w), w)
}

// buildAbjadWords maps the consonants of the words of rwAbjad to their
// keys; nil when the index holds none.
func (ix *Index) buildAbjadWords() map[string][]int32 {
	return ix.wordsByConsonants(rwAbjad, func(dst, w []byte) []byte {
		c, _ := appendConsonants(dst, w)
		return c
	}, minAbjadConsonants)
}

// wordsByConsonants maps the consonants of the listed words flagged flag,
// as form writes them, to their keys, for the forms of min letters or
// more; nil when the index holds none.
func (ix *Index) wordsByConsonants(flag recWordFlag, form func(dst, w []byte) []byte, min int) map[string][]int32 {
	var m map[string][]int32
	var buf []byte
	for _, rw := range ix.words {
		if rw.flags&flag == 0 {
			continue
		}
		if buf = form(buf[:0], []byte(ix.dict.texts[rw.text])); len(buf) < min {
			continue
		}
		if m == nil {
			m = make(map[string][]int32)
		}
		addTok(m, buf, rw.tok)
	}
	return m
}

// appendAbjadKeys appends to dst the keys of the words read from an abjad
// (rwAbjad) of the consonants of w, a Latin query's word, in each of its
// readings (abjadReadings).
func (ix *Index) appendAbjadKeys(dst []int32, w []byte) []int32 {
	m := ix.abjadWords()
	if m == nil {
		return dst
	}
	var rb [len(abjadOrthographies)][maxReadLetters]byte
	var cb [maxReadLetters]byte
	for _, r := range abjadReadings(&rb, w) {
		if c, _ := appendConsonants(cb[:0], r); len(c) >= minAbjadConsonants {
			dst = append(dst, m[string(c)]...)
		}
	}
	return dst
}

// abjadReadings returns w and the other readings of it that an abjad
// writes as it does, in the buffers of rb: its j read as the yod or ya
// of a name English writes with a j (Benjamin, בנימין; Jacob, Yaakov);
// its letters as the Maghreb's French spellings of Arabic names write
// them (dj for j, ch for sh, ou for u or w, c and ç for s: "Djamel" for
// جمال, "Fayçal" for فيصل); and as Persian names are written
// (persianArabic).
func abjadReadings(rb *[len(abjadOrthographies)][maxReadLetters]byte, w []byte) [][]byte {
	out := append(make([][]byte, 0, len(abjadOrthographies)+1), w)
	for k, o := range abjadOrthographies {
		if r, changed := o.apply(rb[k][:0], w); changed && len(r) <= maxReadLetters {
			out = append(out, r)
		}
	}
	return out
}

// abjadOrthographies are the readings abjadReadings adds to a word.
var abjadOrthographies = [...]*orthography{&jAsYod, &maghrebArabic, &persianArabic, &turkishArabic}

// turkishArabic is a Turkish name as the Arabic script writes it: the c of
// Turkish (its j sound) a jim, p a ba, which Arabic has for it, and g
// before a vowel a ghayn ("Recep Tayyip Erdogan" for رجب طيب أردوغان).
var turkishArabic = orthography{"Turkish spelling", []rewrite{{"c", "j", anywhere}, {"p", "b", anywhere}, {"g", "gh", beforeVowel}}}

// jAsYod reads the j of a name English writes with a j as the yod or ya
// of the abjad's.
var jAsYod = orthography{"j as yod", []rewrite{{"j", "y", anywhere}}}

// persianArabic is the Persian reading of Arabic letters as Latin writes
// Persian names: gh for qaf ("Bagheri" for باقری), v for waw ("Fadavi"
// for فدوی), which the reading of the letters writes q and u.
var persianArabic = orthography{"Persian spelling", []rewrite{{"gh", "q", anywhere}, {"v", "w", anywhere}}}

// maghrebArabic is the French spelling of Arabic names (frenchArabic),
// with c and ç for s, as a reading of a Latin word against a name read
// from Arabic letters.
var maghrebArabic = orthography{"French spelling of an Arabic name", append(slices.Clone(frenchArabic.rewrites), rewrite{"c", "s", anywhere})}

// abjadReads reports whether listed, a word read from an abjad, is w, a
// Latin word, in one of its readings (abjadReadings), as the abjad writes
// it (abjadVowelsFit).
func abjadReads(listed, w []byte) bool {
	if len(w) > maxReadLetters {
		return false
	}
	var rb [len(abjadOrthographies)][maxReadLetters]byte
	for _, r := range abjadReadings(&rb, w) {
		if abjadVowelsFit(listed, r) {
			return true
		}
	}
	return false
}

// abjadVowelsFit reports whether listed, a word read from an abjad, and w,
// a Latin word, have the same consonants and vowels alike where listed has
// them: between the same consonants, w has a vowel of the kind of each of
// listed's (o, u or w for a waw or vav; e, i or y for a ya or yod; any for
// an alif or aleph, read a). Where listed has none, w may have any: the
// short vowels the script leaves out.
func abjadVowelsFit(listed, w []byte) bool {
	var lb, wb [64]byte
	lc, _ := appendConsonants(lb[:0], listed)
	wc, _ := appendConsonants(wb[:0], w)
	if !bytes.Equal(lc, wc) {
		return false
	}
	lg, wg := vowelGaps(listed), vowelGaps(w)
	if len(lg) != len(wg) {
		return false
	}
	for k, l := range lg {
		if len(l) == 0 && longVowel(wg[k], k == len(wg)-1) {
			// A long vowel the abjad would have written.
			return false
		}
		for _, c := range l {
			switch c {
			case 'a':
				if len(wg[k]) == 0 {
					return false
				}
			case 'o', 'u', 'w':
				if !bytes.ContainsAny(wg[k], "ouw") {
					return false
				}
			case 'e', 'i', 'y':
				if !bytes.ContainsAny(wg[k], "eiy") && !maqsuraYa(l, wg[k], k == len(lg)-1) {
					return false
				}
			}
		}
	}
	return true
}

// maqsuraYa reports whether l, the last vowel of a word read from an
// abjad, is the ya Persian writes for an alef maqsura, the a that ends
// names of Arabic origin ("مرتضی", read "mrtzi", Morteza; "یحیی",
// Yahya; "عیسی", Eisa), and g, the Latin word's, that a.
func maqsuraYa(l, g []byte, last bool) bool {
	return last && string(l) == "i" && string(g) == "a"
}

// longVowel reports whether g, the vowel letters of a Latin word between
// two consonants (or after the last, at end), writes a long vowel or a
// diphthong, which an abjad writes with a letter: two vowel letters
// ("ai", "ou", "ee"), or an i, o or u ending the word ("Zubaidi").
func longVowel(g []byte, end bool) bool {
	return len(g) >= 2 || end && len(g) == 1 && g[0] != 'a' && g[0] != 'e'
}

// vowelGaps returns the vowel letters (isVowelLetter) of w before each of
// its consonants, a consonant written twice side by side counted once,
// and after the last: one gap more than appendConsonants has consonants,
// whose final h after a vowel it leaves out too ("hamzah", "hmza").
func vowelGaps(w []byte) [][]byte {
	w = withoutFinalH(w)
	var gaps [][]byte
	start := 0
	for i, c := range w {
		switch {
		case isVowelLetter(c):
		case i > 0 && w[i-1] == c:
			start = i + 1 // the consonant written again
		default:
			gaps = append(gaps, w[start:i])
			start = i + 1
		}
	}
	return append(gaps, w[start:])
}
