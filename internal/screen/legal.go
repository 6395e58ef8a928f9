package screen

import (
	"math/bits"
	"slices"
	"strings"
)

// legalForms are company legal forms, as folded tokens joined by one space,
// in the languages that sanctions and procurement lists use. They are
// dropped for scoring organisation names when they lead or end the name
// ("OOO Kaspersky Group", "Huawei Device Co., Ltd.") and kept for display.
// Dotted abbreviations fold to one word first ("S.A." → "sa", "L.L.C." →
// "llc"). Cyrillic forms appear transliterated ("ООО" → "ooo").
var legalForms = map[string]struct{}{
	// English.
	"llc": {}, "l l c": {}, "llp": {}, "lp": {}, "ltd": {}, "limited": {}, "inc": {},
	"incorporated": {}, "corp": {}, "corporation": {}, "co": {}, "company": {},
	"plc": {}, "pllc": {}, "pc": {}, "cic": {}, "lc": {}, "pty": {}, "pty ltd": {},
	"pvt": {}, "pvt ltd": {}, "private limited": {}, "pte": {}, "pte ltd": {},
	"co ltd": {}, "co limited": {}, "company limited": {}, "corp ltd": {},
	"limited liability company": {}, "limited liability partnership": {},
	"limited partnership": {}, "limited company": {}, "public limited company": {},
	"joint stock company": {}, "closed joint stock company": {},
	"open joint stock company": {}, "public joint stock company": {},
	"private joint stock company": {}, "jsc": {}, "cjsc": {}, "ojsc": {}, "pjsc": {},
	"joint stock co": {}, "public joint stock co": {}, "open joint stock co": {},
	"closed joint stock co": {}, "private joint stock co": {},
	"private limited company": {}, "company ltd": {}, "corporation limited": {},
	// "the" is no legal form but leads names the same way ("The Apache
	// Software Foundation").
	"the": {}, "public jsc": {}, "public company": {},
	"open jsc": {}, "closed jsc": {}, "private jsc": {}, "joint stock": {},
	// Russian, Ukrainian, Belarusian, Kazakh (transliterated).
	"ooo": {}, "oao": {}, "zao": {}, "pao": {}, "ao": {}, "nao": {}, "too": {},
	"tov": {}, "pat": {}, "prat": {}, "fgup": {}, "gup": {}, "mup": {}, "ano": {},
	// The international company of a Russian special administrative
	// region (Kaliningrad, Russky Island), where firms redomiciled from
	// abroad since 2018: MKAO, MKOOO, MKPAO.
	"mkao": {}, "mkooo": {}, "mkpao": {},
	"mezhdunarodnaya kompaniya aktsionernoe obshchestvo":                     {},
	"mezhdunarodnaya kompaniya publichnoe aktsionernoe obshchestvo":          {},
	"mezhdunarodnaya kompaniya obshchestvo s ogranichennoy otvetstvennostyu": {},
	"mezhdunarodnaya kompaniya obshchestvo s ogranichennoi otvetstvennostiu": {},
	"obshchestvo s ogranichennoy otvetstvennostyu":                           {},
	"obshchestvo s ogranichennoi otvetstvennostiu":                           {},
	"aktsionernoe obshchestvo":                                               {}, "aktsionernoye obshchestvo": {},
	// A joint-stock company (AK), as ALROSA writes its name.
	"aktsionernaya kompaniya":           {},
	"otkrytoe aktsionernoe obshchestvo": {}, "zakrytoe aktsionernoe obshchestvo": {},
	"publichnoe aktsionernoe obshchestvo": {}, "nepublichnoe aktsionernoe obshchestvo": {},
	"tovarystvo z obmezhenoyu vidpovidalnistyu": {},
	"aktsionerne tovarystvo":                    {}, "pryvatne aktsionerne tovarystvo": {},
	"publichne aktsionerne tovarystvo":             {},
	"obshchestvo s ogranichennoi otvetstvennostyu": {},
	"obshchestvo s ogranichennoy otvetstvennostiu": {},
	"publichnoe aktsionernoe obschestvo":           {}, "aktsionernoe obschestvo": {},
	"otkrytoe aktsionernoe obschestvo": {}, "zakrytoe aktsionernoe obschestvo": {},
	"tovarishchestvo s ogranichennoi otvetstvennostiu":  {},
	"tovarishchestvo s ogranichennoy otvetstvennostyu":  {},
	"federal state unitary enterprise":                  {},
	"federalnoe gosudarstvennoe unitarnoe predpriyatie": {},
	// German, Austrian, Swiss, Dutch, Nordic.
	"gmbh": {}, "ag": {}, "kg": {}, "gmbh co kg": {}, "gmbh and co kg": {}, "ohg": {},
	"ug": {}, "mbh": {}, "ev": {}, "bv": {}, "nv": {}, "vof": {}, "ab": {}, "as": {},
	"asa": {}, "aps": {}, "oy": {}, "oyj": {}, "hf": {}, "ehf": {},
	// Liechtenstein's establishment, a holding structure of listed
	// owners ("AVIATRANS ANSTALT").
	"anstalt":                               {},
	"gesellschaft mit beschrankter haftung": {}, "aktiengesellschaft": {},
	"besloten vennootschap": {}, "naamloze vennootschap": {}, "aktiebolag": {}, "aktiebolaget": {},
	"aktieselskab": {}, "aktieselskabet": {}, "aksjeselskap": {}, "aksjeselskapet": {}, "osakeyhtio": {},
	"a s": {}, // A/S, as Danish and Norwegian names end ("Novo Nordisk A/S")
	// Romance languages.
	"sa": {}, "s a": {}, "sas": {}, "sarl": {}, "sasu": {}, "sca": {}, "snc": {},
	"sarlu": {}, "surl": {}, "sprl": {}, "sac": {},
	"srl": {}, "spa": {}, "sl": {}, "slu": {}, "sau": {}, "lda": {}, "ltda": {},
	"cia": {}, "compania": {}, "companhia": {}, "compagnie": {}, "cia ltda": {}, "sa de cv": {}, "s de rl": {}, "s de rl de cv": {},
	"sapi de cv": {}, "sab de cv": {}, "de cv": {}, "cv": {}, "eirl": {}, "sc": {},
	"spr de ri": {}, "spr de rl": {}, "eu": {}, "sal": {}, "sapi": {},
	"ca": {}, "sociedad anonima de capital variable": {}, "sociedad anonima": {}, "societe anonyme": {}, "sociedade anonima": {},
	"societa per azioni": {}, "sociedad limitada": {}, "societe a responsabilite limitee": {},
	"societa a responsabilita limitata": {}, "sociedad de responsabilidad limitada": {},
	// Central and eastern Europe, Balkans, Baltics, Turkey.
	"sp z oo": {}, "sp z o o": {}, "spolka z oo": {}, "sro": {}, "s r o": {}, "as a": {},
	"kft": {}, "zrt": {}, "nyrt": {}, "rt": {}, "doo": {}, "d o o": {}, "dd": {}, "ad": {},
	"ead": {}, "ood": {}, "eood": {}, "sia": {}, "uab": {}, "ou": {}, "srl d": {},
	"as ltd": {}, "ltd sti": {}, "sti": {}, "as s": {}, "anonim sirketi": {},
	"limited sirketi": {}, "sirketi": {},
	"drustvo sa ogranicenom odgovornoscu": {}, "drustvo s ogranicenom odgovornoscu": {},
	// Middle East, South and East Asia, Africa.
	"fze": {}, "fzco": {}, "fzc": {}, "fz llc": {}, "fze llc": {}, "wll": {}, "spc": {},
	"psc": {}, "pjs": {}, "pt": {}, "tbk": {}, "pt tbk": {}, "sdn bhd": {}, "bhd": {},
	"berhad": {}, "sendirian berhad": {}, "perseroan terbatas": {}, "kk": {}, "kabushiki kaisha": {}, "yk": {}, "gk": {},
	"co ltd kk": {}, "jsc co": {}, "pty limited": {}, "pvt limited": {},
	"private ltd": {}, "llc fze": {}, "cc": {}, "nl": {}, "se": {}, "ltd co": {},
	// The establishment (Est.) of the Gulf states, a sole proprietor's
	// company: "Aviatrans Est." for AVIATRANS ESTABLISHMENT.
	"establishment": {}, "est": {},
	// Chinese and Japanese forms as their characters read in pinyin, the
	// reading a name in Han is matched by (textnorm): 有限公司,
	// 股份有限公司, 有限责任公司 (有限責任公司), 公司; 株式会社, 有限会社,
	// 合同会社. Korean 주식회사 and 유한회사 as Hangul romanises them.
	"you xian gong si": {}, "gu fen you xian gong si": {}, "you xian ze ren gong si": {}, "gong si": {},
	"zhu shi hui she": {}, "you xian hui she": {}, "he tong hui she": {},
	"jusikhoesa": {}, "yuhanhoesa": {},
	// Arabic, Persian and Urdu forms as the Arabic script reads them
	// (textnorm, ALA-LC consonantal: no short vowels, ta marbuta "a"):
	// شركة and Persian شرکت (company), شركة ذات مسؤولية محدودة (limited
	// liability company), شركة مساهمة and المساهمة العامة (joint stock,
	// public), المحدودة (limited), لمتد (Limited); Persian سهامی خاص and
	// سهامی عام (private and public joint stock); Urdu کمپنی (company)
	// and لمیٹڈ (limited).
	"shrka": {}, "shrkt": {}, "shrka dhat msuwlia mhduda": {}, "dhat al msuwlia al mhduda": {},
	"shrka msahma": {}, "msahma": {}, "al msahma al aama": {}, "al mhduda": {}, "mhduda": {}, "lmtd": {},
	"shrkt shami khas": {}, "shrkt shami aam": {}, "shami khas": {}, "shami aam": {},
	"kmpni": {}, "lmitd": {},
	// The Persian forms as the lists write them in Latin letters
	// (SHERKAT-E ..., SHERKAT SAHAMI KHASS, ... SAHAMI AAM).
	"sherkat": {}, "sherkate": {}, "sherkat e": {}, "sherkat sahami khass": {}, "sherkat sahami aam": {},
	"sahami khass": {}, "sahami khas": {}, "sahami aam": {},
}

// legalFirst and legalLast map the words that can begin or end a legal
// form to the most words such a form has, so that most names are settled
// by one lookup per end and the rest by a few.
var legalFirst, legalLast = legalEnds()

func legalEnds() (first, last map[string]int) {
	first, last = map[string]int{}, map[string]int{}
	for f := range legalForms {
		ws := strings.Fields(f)
		n := len(ws)
		first[ws[0]] = max(first[ws[0]], n)
		last[ws[n-1]] = max(last[ws[n-1]], n)
	}
	return first, last
}

// legalMulti holds the legal forms of two words or more, split into
// words, longest first, for the typo-tolerant match of queries.
var legalMulti = func() [][]string {
	var out [][]string
	for f := range legalForms {
		if ws := strings.Fields(f); len(ws) > 1 {
			out = append(out, ws)
		}
	}
	slices.SortFunc(out, func(a, b []string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(strings.Join(a, " "), strings.Join(b, " "))
	})
	return out
}()

// legalNoDrop marks the forms of legalMulti that are not read with a word
// left out: a state unitary enterprise's, whose words less one name other
// forms of state bodies (a federal state enterprise, FKP, is a treasury
// enterprise, not an FSUE).
var legalNoDrop = func() []bool {
	out := make([]bool, len(legalMulti))
	for i, f := range legalMulti {
		out[i] = slices.Contains(f, "unitary") || slices.Contains(f, "unitarnoe")
	}
	return out
}()

// minLegalLeft is the fewest words of a legal form read with one of its
// words left out (legalDroppedAt): one word left of a form of two
// ("Joint", "Private", "Open") is a word of many names, unless it is a
// word of legal forms only (legalOnlyWords).
const minLegalLeft = 2

// minLegalLeftLen is the fewest letters of each word of a legal form read
// with one of its words left out, unless one of them is a word of legal
// forms only (legalOnlyWords).
const minLegalLeftLen = 3

// legalOnlyWords are words of legal forms that no name has but in its
// legal form, as the languages that write them use them: a form with
// one of them left is still that form ("Aktsionernoe Mosinzhproekt" for
// AKTSIONERNOE OBSHCHESTVO MOSINZHPROEKT; "Obshchestvo s
// Otvetstvennostyu" without its "ogranichennoi"). Words of names too are
// not among them: "sociedad", "kompaniya", "mezhdunarodnaya",
// "gosudarstvennoe", "partnership".
var legalOnlyWords = map[string]bool{
	"aktsionernoe": true, "aktsionernoye": true, "aktsionerne": true, "aktsionernaya": true,
	"obshchestvo": true, "obschestvo": true, "tovarishchestvo": true, "tovarystvo": true,
	"otvetstvennostyu": true, "otvetstvennostiu": true, "ogranichennoi": true, "ogranichennoy": true,
	"vidpovidalnistyu": true, "odgovornoscu": true, "ogranicenom": true,
	"beschrankter": true, "responsabilidad": true, "responsabilita": true, "responsabilite": true,
	"vennootschap": true, "naamloze": true, "besloten": true, "perseroan": true, "terbatas": true,
	"sendirian": true, "kabushiki": true,
}

// legalWords holds every word of every legal form: a word flagged as part
// of a legal form that is not one was read as a misspelling of one.
var legalWords = func() map[string]struct{} {
	m := map[string]struct{}{}
	for f := range legalForms {
		for _, w := range strings.Fields(f) {
			m[w] = struct{}{}
		}
	}
	return m
}()

// legalMultiKeys holds the phonetic key of every word of legalMulti.
var legalMultiKeys = func() [][]string {
	out := make([][]string, len(legalMulti))
	for i, f := range legalMulti {
		for _, w := range f {
			out[i] = append(out[i], string(appendKey(nil, []byte(w))))
		}
	}
	return out
}()

// legalByWord finds the forms of legalMulti that may start (fwd) or end
// (bwd) at a word: a form with at most one misspelt word has its first or
// its second word, from the end it is read from, spelt right. [0] maps
// that word at the form's end to the positions in legalMulti of the forms,
// [1] the next word in.
var legalByWord = func() (t struct{ fwd, bwd [2]map[string][]int32 }) {
	for _, side := range []*[2]map[string][]int32{&t.fwd, &t.bwd} {
		side[0], side[1] = map[string][]int32{}, map[string][]int32{}
	}
	for i, f := range legalMulti {
		n := len(f)
		for k := range 2 {
			t.fwd[k][f[k]] = append(t.fwd[k][f[k]], int32(i))
			t.bwd[k][f[n-1-k]] = append(t.bwd[k][f[n-1-k]], int32(i))
		}
	}
	return t
}()

// legalFilters are the filters of legalFirst, legalLast, legalByWord,
// the glued forms' tables and legalForms, and singleMasks the letters of
// each of legalSingleLong (letterSet).
var legalFilters = struct {
	first, last          *wordFilter
	byWordFwd, byWordBwd [2]*wordFilter
	glued, heads, tails  *wordFilter
	forms                *wordFilter
	singleMasks          []uint32
}{
	first: filterOf(legalFirst), last: filterOf(legalLast),
	byWordFwd: [2]*wordFilter{filterOf(legalByWord.fwd[0]), filterOf(legalByWord.fwd[1])},
	byWordBwd: [2]*wordFilter{filterOf(legalByWord.bwd[0]), filterOf(legalByWord.bwd[1])},
	glued:     filterOf(legalGlued), heads: filterOf(legalGluedHeads), tails: filterOf(legalGluedTails),
	forms: filterOf(legalForms),
	singleMasks: func() []uint32 {
		out := make([]uint32, len(legalSingleLong))
		for i, f := range legalSingleLong {
			out[i] = letterSet([]byte(f))
		}
		return out
	}(),
}

// legalTypo reports whether w is word j of legal form i misspelt: one
// letter apart in a word of six letters or more ("Liabjlity"), or the
// same phonetic key in one of four letters or more ("Joynt" for "Joint").
// The key of w is key(), asked only when the spelling does not settle it.
func legalTypo(i, j int, w []byte, key func() []byte) bool {
	fw := legalMulti[i][j]
	if len(fw) >= 6 && withinOneEdit(fw, w) {
		return true
	}
	if len(fw) < 4 || len(w) < 4 || len(w) > 2*len(fw) {
		return false
	}
	return string(key()) == legalMultiKeys[i][j]
}

// legalSingleLong holds the legal forms of one word of seven letters or
// more ("limited", "incorporated", "aktiebolag"), sorted: the ones a
// query may misspell by one letter and still be read as a legal form
// (legalSingleTypo). Shorter ones ("gmbh", "ltd", "inc") are one letter
// from too many words.
var legalSingleLong = func() []string {
	var out []string
	for f := range legalForms {
		if !strings.Contains(f, " ") && len(f) >= 7 {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}()

// oneLetterMore reports whether a word of letter set w could be one edit
// from a word of letter set f: an edit brings in one letter at most.
func oneLetterMore(w, f uint32) bool { return bits.OnesCount32(w&^f) <= 1 }

// legalSingleTypo reports whether w is one of legalSingleLong misspelt:
// one letter added, dropped, changed or two swapped ("limted",
// "incorpprated", "corporaiton").
func legalSingleTypo(w []byte) bool {
	if len(w) < 6 {
		return false
	}
	wm := letterSet(w)
	for i, f := range legalSingleLong {
		if oneLetterMore(wm, legalFilters.singleMasks[i]) && string(w) != f && withinOneEdit(f, w) {
			return true
		}
	}
	return false
}

// minLegalSwap and maxLegalSwap bound the letters of a one-word legal
// form read with two neighbouring letters swapped (legalSwapped): an
// acronym of four or five letters ("OJCS" for OJSC, "GMHB"), which
// legalSingleTypo, for long forms, leaves; shorter ones swapped are other
// words too often.
const minLegalSwap, maxLegalSwap = 4, 5

// legalSwapped reports whether w, of minLegalSwap to maxLegalSwap letters,
// is a one-word legal form with two neighbouring letters swapped, and no
// word of everyday English ("part" is not PRAT, the Ukrainian form).
func legalSwapped(w []byte) bool {
	if len(w) < minLegalSwap || len(w) > maxLegalSwap {
		return false
	}
	var b [maxLegalSwap]byte
	s := b[:len(w)]
	for i := 0; i+1 < len(w); i++ {
		if w[i] == w[i+1] {
			continue
		}
		copy(s, w)
		s[i], s[i+1] = s[i+1], s[i]
		if isLegalForm(s) {
			return !isCommonWord(w)
		}
	}
	return false
}

// legalGlued holds every legal form with its words run together ("coltd",
// "gmbh"), and legalGluedMax the longest.
var legalGlued, legalGluedMax = func() (map[string]struct{}, int) {
	m, n := map[string]struct{}{}, 0
	for f := range legalForms {
		g := strings.ReplaceAll(f, " ", "")
		m[g] = struct{}{}
		n = max(n, len(g))
	}
	return m, n
}()

// legalGluedHeads and legalGluedTails hold every start and every end of
// the legal forms of legalGlued ("co", "col", "coltd"; "td", "ltd",
// "oltd", "coltd"): a start of a name that is none of them begins no
// legal form, however long, so gluedLegalEnd stops there.
var legalGluedHeads, legalGluedTails = func() (map[string]struct{}, map[string]struct{}) {
	heads, tails := map[string]struct{}{}, map[string]struct{}{}
	for g := range legalGlued {
		for k := 1; k <= len(g); k++ {
			heads[g[:k]] = struct{}{}
			tails[g[len(g)-k:]] = struct{}{}
		}
	}
	return heads, tails
}()

// minGluedCore is the fewest letters left of a name once a legal form run
// into it is taken off ("zte").
const minGluedCore = 3

// unglueLegal returns the cores of glued, a name with its words run
// together, once a legal form run into its start, its end or both is taken
// off, at most two at the end ("aokasperskylab" → "kasperskylab",
// "szdjitechnologycoltd" → "szdjitechnology"): each is to be looked up
// whole, never as a part of a word. The caller asks gluedLegalEnd first:
// most names have no legal form run in, and are not copied to be asked.
func unglueLegal(glued string) []string {
	var out []string
	ends := func(s string) []string {
		var cut []string
		for k := 2; k <= legalGluedMax && len(s)-k >= minGluedCore; k++ {
			if _, ok := filteredGet(legalFilters.glued, legalGlued, s[len(s)-k:]); ok {
				cut = append(cut, s[:len(s)-k])
			}
		}
		return cut
	}
	starts := []string{glued}
	for k := 2; k <= legalGluedMax && len(glued)-k >= minGluedCore; k++ {
		if _, ok := filteredGet(legalFilters.glued, legalGlued, glued[:k]); ok {
			starts = append(starts, glued[k:])
			out = append(out, glued[k:])
		}
	}
	for _, s := range starts {
		for _, c := range ends(s) {
			out = append(out, c)
			out = append(out, ends(c)...)
		}
	}
	return out
}

// companyNameWords are the words companies and their products are named
// with besides their brand ("Dahua Security", "ZTE Software GmbH",
// "Kaspersky Antivirus", "huaweicloudsdkcore"): a brand run together with
// them and legal forms only is the brand.
var companyNameWords = map[string]struct{}{
	"technology": {}, "technologies": {}, "tech": {}, "security": {}, "secure": {}, "cloud": {},
	"software": {}, "systems": {}, "system": {}, "digital": {}, "communications": {},
	"communication": {}, "telecom": {}, "telecommunications": {}, "network": {}, "networks": {},
	"device": {}, "devices": {}, "electronics": {}, "electronic": {}, "lab": {}, "labs": {},
	"group": {}, "holding": {}, "holdings": {}, "international": {}, "intl": {}, "global": {},
	"solutions": {}, "solution": {}, "services": {}, "service": {}, "video": {}, "robotics": {},
	"innovation": {}, "innovations": {}, "science": {}, "sciences": {}, "products": {},
	"trading": {}, "industries": {}, "industrial": {}, "usa": {}, "america": {}, "americas": {},
	"europe": {}, "china": {}, "germany": {}, "uk": {}, "antivirus": {}, "endpoint": {}, "internet": {},
	"mobile": {}, "camera": {}, "cameras": {}, "radio": {}, "radios": {}, "drone": {}, "drones": {},
	"corporate": {}, "enterprise": {}, "business": {}, "smart": {}, "home": {},
	// Package names: "huaweicloudsdkcore", "djisdk".
	"sdk": {}, "core": {}, "api": {}, "client": {}, "kit": {}, "lib": {},
}

// companyWords reports whether w is one or more of companyNameWords and
// glued legal forms run together ("securitygmbh").
func companyWords(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	// ok[i]: w[:i] is such words; names are short, so the quadratic
	// segmentation costs nothing.
	ok := make([]bool, len(w)+1)
	ok[0] = true
	for i := 1; i <= len(w); i++ {
		for j := max(0, i-max(len("telecommunications"), legalGluedMax)); j < i && !ok[i]; j++ {
			if !ok[j] {
				continue
			}
			_, word := companyNameWords[string(w[j:i])]
			_, legal := legalGlued[string(w[j:i])]
			ok[i] = word || legal
		}
	}
	return ok[len(w)]
}

// gluedLegalEnd reports whether a legal form could be run into the start or
// the end of glued, which the caller of unglueLegal asks first: most names
// have none, and are let go without allocating.
//
// It looks at the start while that begins some legal form and at the end
// while that ends one (legalGluedHeads, legalGluedTails), not at every
// length up to legalGluedMax.
func gluedLegalEnd[T string | []byte](glued T) bool {
	head, tail := true, true
	for k := 2; (head || tail) && k <= legalGluedMax && len(glued)-k >= minGluedCore; k++ {
		if head {
			if _, ok := filteredGet(legalFilters.glued, legalGlued, glued[:k]); ok {
				return true
			}
			_, head = filteredGet(legalFilters.heads, legalGluedHeads, glued[:k])
		}
		if tail {
			if _, ok := filteredGet(legalFilters.glued, legalGlued, glued[len(glued)-k:]); ok {
				return true
			}
			_, tail = filteredGet(legalFilters.tails, legalGluedTails, glued[len(glued)-k:])
		}
	}
	return false
}
