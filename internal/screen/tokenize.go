package screen

import (
	"slices"
	"unicode/utf8"

	"github.com/bangate/bangate/internal/textnorm"
)

// wordFlag marks a word of a normalised name.
type wordFlag uint8

const (
	// wordLegal marks a legal form leading or ending an organisation name.
	wordLegal wordFlag = 1 << iota
	// wordInitial marks a single letter standing alone ("A. Tikhonov").
	wordInitial
	// wordTitle marks an honorific or title leading a query ("President",
	// "Dr.", "Shaikh"): left out when a person's name is scored.
	wordTitle
	// wordBranch marks the words that end an organisation's name with
	// its branch ("Bank Sepah Paris Branch"): flagged as legal forms
	// are, so that organisation rules leave them out (branchTail).
	wordBranch
)

// span is one word of a normalised name: text[start:end] in the folded
// text and key[kstart:kend] in the phonetic keys.
type span struct {
	start, end   int32
	kstart, kend int32
	flags        wordFlag
}

// normBuf is the reusable working state of one normalisation. The zero
// value is ready; reset before reuse. Not safe for concurrent use: each
// query takes its own from the index's pool.
type normBuf struct {
	text  []byte
	key   []byte
	words []span
	// persian is set when the name was read by textnorm.LatinPersian,
	// its Arabic script as Persian sounds it (Index.persianReading).
	persian bool
	// textIDs are the vocabulary's text ids of the words, -1 for a word
	// no listed name holds, set by Index.computeKeys.
	textIDs []int32
	// looked are the words' text ids looked up so far, by span of text
	// (Index.textIDAt): a word is asked for by resegment, computeKeys
	// and others, and looked up once.
	looked []lookedSpan
	// lookedAt indexes looked by span once it holds more than
	// lookedScan, so that a long text pasted as a name is not read
	// through for each of its words; nil until then.
	lookedAt map[[2]int32]int32
	// reversed are the words resegment found two listed words run
	// together in the reverse of a listed name's order, by span of text,
	// with where they split (Index.shortPartCuts), for
	// Index.splitShortReversed.
	reversed []lookedSpan
	// legalKeyBuf is the key of word legalKeyOf-1 (legalKey); 0: none.
	legalKeyBuf []byte
	legalKeyOf  int
	join        []byte
	translit    bool
	// pinyin is set where the name took Hanyu Pinyin (Han characters).
	pinyin bool
	// schemes are the transliterations the name took (textnorm.Latin).
	schemes []textnorm.Scheme
	// splits and joins record the word boundaries Index.resegment
	// repaired, for the explanation: "ramimakhlouf" split into "rami
	// makhlouf", "abu bakr" joined into "abubakr".
	splits, joins []string
	// translated records the trade words of a Chinese company's name
	// read as English ones (translateHanTrade), for the explanation.
	translated []string
	// expanded records the abbreviations read as the words they stand
	// for (expandAbbrev), for the explanation.
	expanded []string
	// dins records the words read as a compound name's al-Din
	// (Index.dinReading), for the explanation.
	dins []string
	// initialisms records the names read as their initials
	// (Index.initialismReading), for the explanation.
	initialisms []string
	// arabicRead records the words of an organisation's name in the
	// Arabic script read as English ones (translateArabicTrade), for the
	// explanation.
	arabicRead []string
	// splitThree records that a glued word was split into three words or
	// more, which a misspelt one may make fewer (Index.splitNear).
	splitThree bool
	// fuzzyLegal also recognises a multi-word legal form with one
	// misspelt word of six letters or more ("Limited Liabjlity Company")
	// and a one-word form of seven letters or more misspelt ("Limted");
	// set for queries, whose spelling is nobody's official one.
	fuzzyLegal bool
	// initials keeps single letters apart ("Putin V. V." is two
	// initials, not "vv"); set for queries that name a person.
	initials bool
	// resegmented is set when word boundaries were repaired against a
	// vocabulary (Index.resegment).
	resegmented bool
	// comma is the number of words before the first comma, or -1: OFAC
	// writes individuals as "LAST, Given Patronymic".
	comma int
	// web is set when the name is written as a web address ("WWW.
	// SERCUBA.COM"): its first and last words, www and the top-level
	// domain, are flagged as legal forms are, so that organisation rules
	// leave them out.
	web bool
	// hacek is set when the name has a letter with a háček or a cedilla
	// that folds to s, c or z (isHacek): the words are also read as
	// Cyrillic transliteration writes those letters (hacekLetters).
	hacek bool
	// umlaut is set when the name has a German umlaut, ä, ö or ü: its
	// words are also read with the umlaut written out (umlautLetters).
	umlaut bool
	// turkish is set when the name has a letter only Turkish and
	// Azerbaijani write (ı, İ, ğ) or Turkish ş: its words are also read
	// as Turkish writes Arabic names (turkishLetters).
	turkish bool

	cur      int // start of the word being read, or -1
	sepDot   bool
	sepSpace bool
	sepOther bool
	// sepSlash is set when a slash alone separates the word from the
	// one before.
	sepSlash bool
	// parts is set when the name holds a parenthesis, a semicolon or a
	// slash: it may hold several names (nameReadings).
	parts    bool
	prevInit bool
	// hyphenAfter is the end in text of the name's first word when a
	// hyphen joins it to the next ("RT-INFORM"), 0 when none does.
	hyphenAfter int32
	// hyphens has bit k set when word k is joined to the word before it
	// by a hyphen alone ("Pu-tin"), for the first 64 words, as the name
	// was read (resegment may join and split words after);
	// sepHyphen is set while the separator read since the last word is
	// such a hyphen.
	hyphens   uint64
	sepHyphen bool
}

func (nb *normBuf) reset() {
	nb.text = nb.text[:0]
	nb.key = nb.key[:0]
	nb.words = nb.words[:0]
	nb.looked, nb.reversed = nb.looked[:0], nb.reversed[:0]
	clear(nb.lookedAt)
	nb.join = nb.join[:0]
	nb.translit, nb.pinyin = false, false
	nb.schemes = nil
	nb.splits, nb.joins, nb.splitThree = nb.splits[:0], nb.joins[:0], false
	nb.translated, nb.dins, nb.expanded, nb.initialisms = nb.translated[:0], nb.dins[:0], nb.expanded[:0], nb.initialisms[:0]
	nb.arabicRead = nb.arabicRead[:0]
	nb.resegmented = false
	nb.comma = -1
	nb.hacek, nb.umlaut, nb.turkish, nb.web = false, false, false, false
	nb.cur = -1
	nb.sepDot, nb.sepSpace, nb.sepOther, nb.sepSlash, nb.prevInit = false, false, false, false, false
	nb.hyphenAfter = 0
	nb.hyphens, nb.sepHyphen = 0, false
	nb.parts = false
}

// abjad reports whether the name was read from Arabic or Hebrew letters,
// which write no short vowels.
func (nb *normBuf) abjad() bool {
	return slices.Contains(nb.schemes, textnorm.ArabicScript) || slices.Contains(nb.schemes, textnorm.Hebrew)
}

// nameWords returns the number of words that are no title.
func (nb *normBuf) nameWords() int {
	n := 0
	for _, w := range nb.words {
		if w.flags&wordTitle == 0 {
			n++
		}
	}
	return n
}

// word returns the folded text of word i.
func (nb *normBuf) word(i int) []byte {
	w := nb.words[i]
	return nb.text[w.start:w.end]
}

// wordKey returns the phonetic key of word i.
func (nb *normBuf) wordKey(i int) []byte {
	w := nb.words[i]
	return nb.key[w.kstart:w.kend]
}

// normalize folds s into words: lower case; every script transliterated
// to Latin letters by textnorm.Latin, with the schemes it took recorded;
// diacritics removed; apostrophes dropped inside words;
// "&" read as "and"; any other punctuation or space separates words;
// runs of single letters merge ("Z.T.E.", "S A" → "zte", "sa"); legal forms
// leading or ending the name flagged. computeKeys adds the phonetic keys.
func (nb *normBuf) normalize(s string) {
	nb.normalizeAs(s, false)
}

// normalizeAs is normalize, reading the Arabic script as Persian sounds it
// (textnorm.LatinPersian) when persian is set.
func (nb *normBuf) normalizeAs(s string, persian bool) {
	nb.reset()
	nb.hacek, nb.umlaut, nb.turkish = latinMarks(s)
	nb.persian = persian
	latin := textnorm.Latin
	if persian {
		latin = textnorm.LatinPersian
	}
	s, schemes := latin(s)
	nb.translit = len(schemes) > 0
	nb.schemes = schemes
	nb.pinyin = slices.Contains(schemes, textnorm.Pinyin)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				nb.begin()
				nb.text = append(nb.text, c)
			case c >= 'A' && c <= 'Z':
				nb.begin()
				nb.text = append(nb.text, c+('a'-'A'))
			case c == '\'' || c == '`':
			case c == '.':
				nb.endAt(true)
				nb.sepDot = true
			case c == ',':
				nb.end()
				nb.sepOther = true
				if nb.comma < 0 {
					nb.comma = len(nb.words)
				}
			case c == ' ':
				nb.end()
				nb.sepSpace = true
			case c == '&':
				nb.end()
				nb.begin()
				nb.text = append(nb.text, "and"...)
				nb.end()
				nb.sepOther = true
			default:
				if c == '-' && len(nb.words) == 0 && nb.cur >= 0 && len(nb.text)-nb.cur >= 2 && i < len(s) && s[i] != ' ' && s[i] != '-' {
					nb.hyphenAfter = int32(len(nb.text))
				}
				hyphen := c == '-' && nb.cur >= 0
				nb.end()
				nb.sepHyphen = hyphen
				if c == '/' {
					// Single letters either side of it are one word,
					// as of a dot ("I/E", "S/A"), where not a person's.
					nb.sepSlash = true
				} else {
					nb.sepOther = true
				}
				if c == '(' || c == ';' || c == '/' {
					nb.parts = true
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		str, keep, translit, kind := foldRune(r)
		switch kind {
		case foldDrop:
			if translit {
				nb.translit = true
			}
		case foldText:
			if translit {
				nb.translit = true
				if isGreekUpsilon(r) && len(nb.text) > 0 && nb.cur >= 0 && nb.text[len(nb.text)-1] == 'o' {
					str = "u" // ου → ou
				}
			}
			nb.begin()
			nb.text = append(nb.text, str...)
		case foldKeep:
			nb.begin()
			nb.text = utf8.AppendRune(nb.text, keep)
		default:
			nb.end()
			nb.sepOther = true
		}
	}
	nb.end()
	nb.flagLegal()
	nb.flagTitles()
}

// flagTitles flags the titles and honorifics leading the name, and those
// that languages write after it (postTitles: "Putyin elnök", "김정은
// 위원장"), unless nothing else is left.
func (nb *normBuf) flagTitles() {
	if len(nb.words) > 2 {
		// A generational suffix, wherever the name puts it ("MEZA JR.,
		// Arturo", "John Smith Jr"), once other words are left.
		for i := 1; i < len(nb.words); i++ {
			if isGenerational(nb.word(i)) && nb.words[i].flags == 0 {
				nb.words[i].flags |= wordTitle
			}
		}
	}
	lead := nb.titlesFrom(0)
	if nb.comma > lead {
		// A title leading the given names after the comma of a name
		// written family name first ("AL ZAWAHIRI, Dr. Ayman", as the
		// lists write it).
		nb.titlesFrom(nb.comma)
	}
	for end := len(nb.words); end-1 > lead; {
		n := nb.postTitleBefore(end)
		if n == 0 || end-n <= lead {
			return
		}
		for k := end - n; k < end; k++ {
			nb.words[k].flags |= wordTitle
		}
		end -= n
	}
}

// titlesFrom flags as titles the titles that lead the words from word k,
// up to a legal form and short of the last word, and returns the index of
// the word after them.
func (nb *normBuf) titlesFrom(k int) int {
	for k+1 < len(nb.words) && nb.words[k].flags&wordLegal == 0 {
		n := nb.titleAt(k)
		if n == 0 || k+n >= len(nb.words) {
			break
		}
		for j := k; j < k+n; j++ {
			nb.words[j].flags |= wordTitle
		}
		k += n
	}
	return k
}

// isGenerational reports whether w is a generational suffix of a
// person's name (Jr., Sr.), which the press and the lists give or leave
// out.
func isGenerational(w []byte) bool {
	switch string(w) {
	case "jr", "sr", "jnr", "snr":
		return true
	}
	return false
}

// titleAt returns the number of words of the title or honorific that
// starts at word i, 0 when none: one word of titles, or the words of
// one of titleRuns.
func (nb *normBuf) titleAt(i int) int {
	t, ok := filteredGet(titleFilter, titleWords, nb.word(i))
	if !ok {
		return 0
	}
	if t.title {
		return 1
	}
	for _, run := range t.first {
		if nb.hasWordsAt(i, run) {
			return len(run)
		}
	}
	return 0
}

// postTitleBefore returns the number of words of the title that ends
// just before word end, 0 when none: one word of postTitles, or the
// words of one of titleRuns.
func (nb *normBuf) postTitleBefore(end int) int {
	if nb.words[end-1].flags&wordLegal != 0 {
		return 0
	}
	t, ok := filteredGet(titleFilter, titleWords, nb.word(end-1))
	if !ok {
		return 0
	}
	if t.post {
		return 1
	}
	for _, run := range t.last {
		if i := end - len(run); i >= 0 && nb.hasWordsAt(i, run) {
			return len(run)
		}
	}
	return 0
}

// isListTitle reports whether w is a degree or a rank that the lists
// write before a person's given names ("AL-BADRI, Dr. Ibrahim"). The
// honorifics the lists write there too (Haji, Sheikh, Mullah) are often
// part of how the person is named, and stay words of the name.
func isListTitle(w []byte) bool {
	switch string(w) {
	case "dr", "doctor", "prof", "professor", "eng", "engineer", "general", "gen", "colonel", "col",
		"lieutenant", "lt", "major", "maj", "capt", "admiral", "brigadier":
		return true
	}
	return false
}

// titles are honorifics and offices that lead a person's name in the
// press and in registers ("President Putin", "Präsident Putin", "Dr.
// Ibrahim", "Shaikh Isa", "Ayatollah Khamenei"), and the words the press
// puts before a name ("former", "oligarch"). Words that are also parts
// of more than a couple of listed names (Sayyid, Seyed, Amir, Prince,
// King, Sultan, Imam) are not here.
var titles = map[string]struct{}{
	"president": {}, "presidente": {}, "prasident": {}, "praesident": {}, "predsjednik": {},
	"presedintele": {}, "presiden": {}, "prezident": {}, "prezydent": {}, "elnok": {},
	"prezidentas": {}, "presidenten": {}, "mr": {}, "mrs": {}, "ms": {}, "miss": {}, "dr": {},
	"prof": {}, "professor": {}, "sir": {}, "dame": {}, "lord": {}, "herr": {}, "frau": {},
	"madame": {}, "monsieur": {}, "mme": {}, "senor": {}, "senora": {}, "sheikh": {}, "shaikh": {},
	"sheik": {}, "shaykh": {}, "haji": {}, "hajji": {}, "mullah": {}, "mawlawi": {}, "maulana": {},
	// Mawlawi as Urdu, Pashto and Persian spellings write it.
	"maulvi": {}, "maulavi": {}, "molvi": {}, "moulvi": {}, "mawlavi": {}, "molavi": {}, "mowlavi": {}, "moulavi": {},
	"general": {}, "gen": {}, "colonel": {}, "col": {}, "minister": {}, "senator": {}, "judge": {},
	"ayatollah": {}, "ayatullah": {}, "hojatoleslam": {}, "hojjatoleslam": {}, "mufti": {}, "emir": {},
	"lieutenant": {}, "lt": {}, "major": {}, "maj": {}, "capt": {}, "admiral": {}, "cmdr": {},
	"brigadier": {}, "sergeant": {}, "sgt": {}, "polkovnik": {}, "chairman": {}, "chairwoman": {},
	"governor": {}, "mayor": {}, "deputy": {}, "vice": {}, "chancellor": {}, "kanzler": {},
	"bundeskanzler": {}, "secretary": {}, "ambassador": {}, "congressman": {}, "congresswoman": {},
	"ministre": {}, "ministro": {}, "premyer": {}, "rais": {}, "raees": {},
	"hon": {}, "honorable": {}, "honourable": {}, "excellency": {}, "highness": {}, "comrade": {},
	"tovarishch": {}, "gospodin": {}, "mister": {}, "doctor": {}, "eng": {}, "engineer": {}, "dipl": {},
	"mgr": {}, "rev": {}, "reverend": {}, "father": {}, "bishop": {}, "archbishop": {}, "patriarch": {},
	"metropolitan": {}, "cleric": {}, "former": {}, "late": {}, "oligarch": {}, "businessman": {},
	"dictator": {}, "warlord": {},
	// Offices of several words ("Foreign Minister Lavrov", "Prime
	// Minister", "Field Marshal", "Supreme Leader").
	"prime": {}, "foreign": {}, "defence": {}, "defense": {}, "marshal": {}, "field": {},
	"commander": {}, "supreme": {}, "leader": {}, "senior": {},
	// Ranks and honorifics of Persian, Burmese and Arabic in their own
	// scripts, as transliteration gives them ("سردار" Sardar, "شيخ";
	// Persian ranks: "سرلشکر" major general, "سرتیپ" brigadier general,
	// "سپهبد" lieutenant general, "سرهنگ" colonel; "آیت‌الله" ayatollah
	// and "حجت‌الاسلام" hojatoleslam written with a zero-width non-joiner;
	// Arabic "رئيس" president).
	"sardar": {}, "srdar": {}, "shikh": {}, "daw": {},
	"srlshkr": {}, "srtip": {}, "sphbd": {}, "srhng": {}, "aytallah": {}, "hjtalaslam": {}, "riys": {},
	// Russian and Ukrainian offices as BGN/PCGN reads them ("Министр
	// Лавров", "депутат", "губернатор"), where they are not spelt as the
	// English ones.
	"ministr": {}, "deputat": {}, "gubernator": {}, "leytenant": {}, "oligarkh": {}, "biznesmen": {}, //nolint:misspell // BGN/PCGN's "министр", not a misspelt "minister"
}

// postTitles are the titles that languages write after a person's name
// (Hungarian "Putyin elnök", "Kovács úr"; Korean "김정은 위원장"), as
// transliteration gives them: flagged only at the end of a query. The
// words of English titles are not here: at the end of a name they are
// as often a surname ("John Major").
var postTitles = map[string]struct{}{
	"elnok": {}, "ur": {}, "asszony": {}, "miniszterelnok": {}, "tabornok": {},
	"ssi": {}, "nim": {},
}

// titleRuns are titles of several words as the transliteration of their
// script gives them, one word a syllable, before or after a name:
// Korean 위원장 (chairman), 대통령 (president), 총비서 (general
// secretary), 장군 (general); Burmese ဗိုလ်ချုပ်မှူးကြီး (senior
// general) and ဗိုလ်ချုပ် (general); Arabic الشيخ (the sheikh).
var titleRuns = [][]string{
	{"wi", "won", "jang"}, {"wi", "won", "chang"}, {"tae", "thong", "ryong"}, {"dae", "tong", "ryeong"},
	{"chong", "bi", "so"}, {"jang", "gun"}, {"chang", "gun"},
	{"ba", "chok", "hmu", "kyi"}, {"ba", "chok"},
	{"al", "shikh"}, {"al", "shaykh"}, {"al", "sheikh"}, {"ash", "shaykh"},
	// Persian آیت الله (ayatollah) and حجت الاسلام (hojatoleslam) written
	// with a space; Arabic ranks: اللواء (major general), الفريق
	// (lieutenant general), المشير (field marshal), العقيد (colonel),
	// الرئيس (the president).
	{"ayt", "allah"}, {"hjt", "al", "aslam"},
	{"al", "lwa"}, {"al", "friq"}, {"al", "mshir"}, {"al", "aqid"}, {"al", "riys"},
}

// titleWord says what a word is among the titles: a title of titles, a
// title of postTitles, and the first and last word of titleRuns.
type titleWord struct {
	title, post bool
	first, last [][]string
}

// titleFilter is the wordFilter of titleWords.
var titleFilter = filterOf(titleWords)

// titleWords holds every word of titles, postTitles and titleRuns: one
// look-up a word.
var titleWords = func() map[string]*titleWord {
	m := map[string]*titleWord{}
	get := func(w string) *titleWord {
		if m[w] == nil {
			m[w] = &titleWord{}
		}
		return m[w]
	}
	for w := range titles {
		get(w).title = true
	}
	for w := range postTitles {
		get(w).post = true
	}
	for _, r := range titleRuns {
		get(r[0]).first = append(get(r[0]).first, r)
		get(r[len(r)-1]).last = append(get(r[len(r)-1]).last, r)
	}
	return m
}()

// computeKeys sets the phonetic key of every word.
func (nb *normBuf) computeKeys() {
	nb.key = nb.key[:0]
	for i := range nb.words {
		w := &nb.words[i]
		w.kstart = int32(len(nb.key))
		nb.key = appendKey(nb.key, nb.text[w.start:w.end])
		w.kend = int32(len(nb.key))
	}
}

// computeKeys sets the phonetic key of every word of nb, and the text id
// of the words a listed name holds (nb.textIDs, -1 for the others), whose
// keys the index holds: only the other words' keys are computed.
func (ix *Index) computeKeys(nb *normBuf) {
	d := &ix.dict
	nb.key = nb.key[:0]
	nb.textIDs = nb.textIDs[:0]
	for i := range nb.words {
		w := &nb.words[i]
		w.kstart = int32(len(nb.key))
		text := nb.text[w.start:w.end]
		if id := ix.textIDAt(nb, i); id >= 0 {
			nb.key = append(nb.key, d.keys[d.textKey[id]]...)
			nb.textIDs = append(nb.textIDs, id)
		} else {
			nb.key = appendKey(nb.key, text)
			nb.textIDs = append(nb.textIDs, -1)
		}
		w.kend = int32(len(nb.key))
	}
}

// lookedSpan is a span of a normBuf's text and its text id, -1 for none.
type lookedSpan struct{ start, end, id int32 }

// textIDAt returns the text id of word i of nb, -1 when no listed name
// holds it, looked up once for each span of nb's text. The bytes of a span
// a word has held are not written again: the text grows, and is cut back
// only to undo a trial (resegment's) that no word points into.
func (ix *Index) textIDAt(nb *normBuf, i int) int32 {
	w := nb.words[i]
	if len(nb.looked) > lookedScan {
		if id, ok := nb.lookedAt[[2]int32{w.start, w.end}]; ok {
			return id
		}
	} else {
		for _, l := range nb.looked {
			if l.start == w.start && l.end == w.end {
				return l.id
			}
		}
	}
	id, ok := ix.dict.textIDs.find(ix.dict.texts, nb.text[w.start:w.end])
	if !ok {
		id = -1
	}
	nb.looked = append(nb.looked, lookedSpan{w.start, w.end, id})
	switch n := len(nb.looked); {
	case n == lookedScan+1:
		if nb.lookedAt == nil {
			nb.lookedAt = make(map[[2]int32]int32, 2*lookedScan)
		}
		for _, l := range nb.looked {
			nb.lookedAt[[2]int32{l.start, l.end}] = l.id
		}
	case n > lookedScan+1:
		nb.lookedAt[[2]int32{w.start, w.end}] = id
	}
	return id
}

// lookedScan is the number of spans textIDAt reads through before it
// indexes them: names have fewer words.
const lookedScan = 32

func (nb *normBuf) begin() {
	if nb.cur < 0 {
		nb.cur = len(nb.text)
	}
}

// end closes the word being read, merging a dotted initial into the
// previous one.
func (nb *normBuf) end() { nb.endAt(false) }

// endAt is end, atDot set when a dot closes the word.
func (nb *normBuf) endAt(atDot bool) {
	if nb.cur < 0 {
		return
	}
	start, stop := nb.cur, len(nb.text)
	nb.cur = -1
	if stop == start {
		return
	}
	single := stop-start == 1 && nb.text[start] >= 'a' && nb.text[start] <= 'z'
	// A Russian initial romanised in two letters or four, closed by its
	// dot ("Gerber M. Yu.", "ГЕРБЕР М.Ю."), is one under person rules.
	initial := single || atDot && nb.initials && initialDigraph(nb.text[start:stop])
	if single && nb.prevInit && (nb.sepDot || nb.sepSpace || nb.sepSlash) && !nb.sepOther && len(nb.words) > 0 && !nb.initials {
		last := &nb.words[len(nb.words)-1]
		last.end = int32(stop)
		last.flags &^= wordInitial
		if nb.sepSlash && last.end-last.start == 2 {
			nb.expandAbbrev(true)
		}
	} else {
		var f wordFlag
		if initial {
			f = wordInitial
		}
		if nb.sepHyphen && !nb.sepSpace && !nb.sepDot && !nb.sepSlash && len(nb.words) < 64 {
			nb.hyphens |= 1 << len(nb.words)
		}
		nb.words = append(nb.words, span{start: int32(start), end: int32(stop), flags: f})
		nb.prevInit = initial
		if !nb.initials && stop-start == len("impex") {
			nb.expandAbbrev(false)
		}
	}
	nb.sepDot, nb.sepSpace, nb.sepOther, nb.sepSlash, nb.sepHyphen = false, false, false, false, false
}

// expandAbbrev reads the last word, where it abbreviates several words of
// company names, as those words, and records it in nb.expanded for the
// explanation: IMPEX, and I/E (its letters set apart by a slash, read
// "ie"), are IMPORT EXPORT, as the lists and firms write it in full too
// ("IMPORT AND EXPORT", the "and" a linking word). The words are the last
// of nb.text, so they are rewritten in place.
func (nb *normBuf) expandAbbrev(slashed bool) {
	last := &nb.words[len(nb.words)-1]
	w := nb.text[last.start:last.end]
	if string(w) != "impex" && !(slashed && string(w) == "ie") {
		return
	}
	form := "impex"
	if slashed {
		form = "i/e"
	}
	nb.expanded = append(nb.expanded, form)
	start := last.start
	nb.text = append(nb.text[:start], "importexport"...)
	last.end, last.flags = start+int32(len("import")), 0
	nb.words = append(nb.words, span{start: last.end, end: start + int32(len("importexport"))})
	nb.prevInit = false
}

// initialDigraph reports whether w is how BGN/PCGN romanises a Russian
// letter in more than one: ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю yu,
// я ya, е and ё at the start of a word ye and yo.
func initialDigraph[S ~string | ~[]byte](w S) bool {
	switch string(w) {
	case "zh", "kh", "ts", "ch", "sh", "shch", "yu", "ya", "ye", "yo":
		return true
	}
	return false
}

// flagLegal flags the legal forms that lead or end the name, longest form
// first. A name made of legal forms only keeps them all.
func (nb *normBuf) flagLegal() {
	nb.legalKeyOf = 0 // the words may have changed since the last call
	n := len(nb.words)
	lo0, hi0 := 0, n
	if n >= 3 && string(nb.word(0)) == "www" && isTopLevelDomain(nb.word(n-1)) {
		nb.web = true
		nb.words[0].flags |= wordLegal
		nb.words[n-1].flags |= wordLegal
		lo0, hi0 = 1, n-1
	}
	lo := lo0
	for lo < n {
		k := nb.legalAt(lo, n, true)
		if k == 0 || k == 1 && lo == 0 && nb.hyphenBrand() {
			break
		}
		lo += k
	}
	hi := nb.legalBefore(lo, hi0)
	if k := nb.branchWords(lo, hi); k > 0 {
		// A branch qualifier before the legal forms that end the name,
		// or ending it ("... Nanchang Branch", "... Branch Ltd"), and
		// the legal forms before it ("... CORP BRANCH OFFICE").
		for i := hi - k; i < hi; i++ {
			nb.words[i].flags |= wordLegal | wordBranch
		}
		hi = nb.legalBefore(lo, hi-k)
	}
	if hi == lo || (lo == lo0 && hi == hi0) {
		return
	}
	for i := lo0; i < lo; i++ {
		nb.words[i].flags |= wordLegal
	}
	for i := hi; i < hi0; i++ {
		nb.words[i].flags |= wordLegal
	}
}

// hyphenBrand reports whether the name's first word is written joined
// to the next by a hyphen ("RT-INFORM", "SC-YUG"): a part of the name, as
// the prefix of a group's companies is ("RT-" of Rostec's), not a legal
// form, which names write apart. Read as one, "Inform GmbH" and "Business
// Development Ltd" were RT-INFORM and RT-BUSINESS DEVELOPMENT whole.
func (nb *normBuf) hyphenBrand() bool {
	return nb.hyphenAfter > 0 && len(nb.words) > 1 && nb.words[0].end == nb.hyphenAfter
}

// legalBefore returns where the legal forms that end words[lo:hi] begin,
// hi when none does.
func (nb *normBuf) legalBefore(lo, hi int) int {
	for hi > lo {
		k := nb.legalAt(lo, hi, false)
		if k == 0 {
			break
		}
		hi -= k
	}
	return hi
}

// branchStart returns the index of the first word of the branch
// qualifier that ends the name (wordBranch), -1 when none does. It is
// read from the words' flags, which move with them when resegmentation
// joins words before it.
func (nb *normBuf) branchStart() int {
	for i, w := range nb.words {
		if w.flags&wordBranch != 0 {
			return i
		}
	}
	return -1
}

// branchForms are the words that say a name is an organisation's branch
// when they end it: "<name> <place> Branch".
var branchForms = [][]string{{"branch"}, {"branch", "office"}, {"representative", "office"}, {"rep", "office"},
	{"filiale"}, {"filial"}, {"sucursal"}, {"succursale"}, {"zweigniederlassung"}}

// minBeforeBranch is the fewest words before a branch qualifier: a name
// of two words or more and its place ("John Branch" is a person).
const minBeforeBranch = 3

// branchWords returns how many words of branchForms end words[lo:hi],
// after minBeforeBranch words or more, or 0. A person's query has none.
func (nb *normBuf) branchWords(lo, hi int) int {
	if nb.initials {
		return 0
	}
	for _, f := range branchForms {
		if k := len(f); hi-k-lo >= minBeforeBranch && nb.hasWordsAt(hi-k, f) {
			return k
		}
	}
	return 0
}

// isTopLevelDomain reports whether w is a generic top-level domain or a
// country's of two letters.
func isTopLevelDomain(w []byte) bool {
	switch string(w) {
	case "com", "net", "org", "info", "biz":
		return true
	}
	return len(w) == 2 && lettersOnly(w)
}

// legalAt returns how many words of a legal form start at lo (forward) or
// end at hi (backward) within words[lo:hi], or 0.
func (nb *normBuf) legalAt(lo, hi int, forward bool) int {
	k := max(nb.legalAtExact(lo, hi, forward), nb.legalAtDropped(lo, hi, forward))
	if nb.fuzzyLegal {
		k = max(k, nb.legalAtFuzzy(lo, hi, forward), nb.legalAtSplit(lo, hi, forward))
	}
	if k == 1 && nb.pinyin && nb.oneSyllable(lo, hi, forward) {
		return 0
	}
	return k
}

// oneSyllable reports whether the one word a legal form would take at lo
// (forward) or before hi is a Mandarin syllable: in a name read from Han
// characters, a syllable of a name, not a form of another language that
// spells alike (奥萨马 "ao sa ma", Osama, is no Russian AO). The forms
// Chinese and Japanese names end with are of two syllables or more ("gong
// si", "you xian gong si").
func (nb *normBuf) oneSyllable(lo, hi int, forward bool) bool {
	from := lo
	if !forward {
		from = hi - 1
	}
	return mandarinSyllables(nb.word(from)) == 1
}

// minSplitLegal is the fewest letters of a one-word legal form that
// legalAtSplit reads written in two parts: "s a" is two initials.
const minSplitLegal = 3

// legalAtSplit is legalAt for a one-word legal form of a query written in
// two parts, neither a legal form, with a stray space inside ("L TD",
// "LT D", "GMB H" for LTD and GMBH): 2, or 0. A name of two words or
// more keeps one besides.
func (nb *normBuf) legalAtSplit(lo, hi int, forward bool) int {
	if hi-lo < 3 {
		return 0
	}
	from := lo
	if !forward {
		from = hi - 2
	}
	if !legalApart(nb.word(from), nb.word(from+1)) {
		return 0
	}
	return 2
}

// legalApart reports whether a and b are a one-word legal form written
// in two parts, neither a legal form, one of two letters or fewer.
func legalApart(a, b []byte) bool {
	if len(a)+len(b) < minSplitLegal || min(len(a), len(b)) > 2 || !lettersOnly(a) || !lettersOnly(b) {
		return false
	}
	var buf [16]byte
	if _, ok := filteredGet(legalFilters.forms, legalForms, append(append(buf[:0], a...), b...)); !ok {
		return false
	}
	for _, w := range [2][]byte{a, b} {
		if _, ok := filteredGet(legalFilters.forms, legalForms, w); ok {
			return false
		}
	}
	return true
}

// legalAtExact is legalAt without typos.
func (nb *normBuf) legalAtExact(lo, hi int, forward bool) int {
	var most int
	if forward {
		most, _ = filteredGet(legalFilters.first, legalFirst, nb.word(lo))
	} else {
		most, _ = filteredGet(legalFilters.last, legalLast, nb.word(hi-1))
	}
	for k := min(most, hi-lo); k > 0; k-- {
		from := lo
		if !forward {
			from = hi - k
		}
		nb.join = nb.join[:0]
		for j := from; j < from+k; j++ {
			if j > from {
				nb.join = append(nb.join, ' ')
			}
			nb.join = append(nb.join, nb.word(j)...)
		}
		if _, ok := filteredGet(legalFilters.forms, legalForms, nb.join); ok {
			return k
		}
	}
	return 0
}

// isGreekUpsilon reports whether r is an upsilon, plain or accented.
func isGreekUpsilon(r rune) bool {
	switch r {
	case 'υ', 'Υ', 'ύ', 'Ύ', 'ϋ', 'ΰ', 'Ϋ':
		return true
	}
	return false
}

// appendCore appends the words that are not legal forms, joined by single
// spaces.
func (nb *normBuf) appendCore(dst []byte) []byte {
	first := true
	for i, w := range nb.words {
		if w.flags&wordLegal != 0 {
			continue
		}
		if !first {
			dst = append(dst, ' ')
		}
		first = false
		dst = append(dst, nb.word(i)...)
	}
	return dst
}

// appendRun appends the words of nb, legal forms too, run together.
func (nb *normBuf) appendRun(dst []byte) []byte {
	for i := range nb.words {
		dst = append(dst, nb.word(i)...)
	}
	return dst
}

// legalAtFuzzy is legalAt for multi-word legal forms with at most one
// word misspelt (legalTypo), and for a long one-word form misspelt
// (legalSingleTypo) or a short one with two letters swapped
// (legalSwapped) in a name of two words or more. The candidate
// multi-word forms are those whose first or second word, read from the
// end in question, is spelt right (legalByWord); the longest that
// matches wins.
func (nb *normBuf) legalAtFuzzy(lo, hi int, forward bool) int {
	if hi-lo < 2 {
		return 0
	}
	by, bf, at := &legalByWord.fwd, &legalFilters.byWordFwd, [2]int{lo, lo + 1}
	if !forward {
		by, bf, at = &legalByWord.bwd, &legalFilters.byWordBwd, [2]int{hi - 1, hi - 2}
	}
	best := 0
	if w := nb.word(at[0]); legalSingleTypo(w) || legalSwapped(w) {
		best = 1
	}
	for side := range 2 {
		forms, _ := filteredGet(bf[side], by[side], nb.word(at[side]))
		for _, fi := range forms {
			if k := len(legalMulti[fi]); k > best && k <= hi-lo && nb.legalTypoAt(int(fi), lo, hi, forward) {
				best = k
			}
		}
	}
	return best
}

// legalAtDropped is legalAt for a multi-word legal form with one of its
// words left out, the others spelt right ("Joint Company" for JOINT STOCK
// COMPANY, "Limited Liability" for LIMITED LIABILITY COMPANY,
// "Obshchestvo Ogranichennoi Otvetstvennostyu" without its "s"), of
// minLegalLeft words or more: asked of listed names and queries alike, so
// that both read a name written so the same way. The candidate forms are
// those whose first word, or second with the first left out, is the word
// at the end in question (legalByWord).
func (nb *normBuf) legalAtDropped(lo, hi int, forward bool) int {
	if hi-lo < minLegalLeft {
		return 0
	}
	by, bf, end := &legalByWord.fwd, &legalFilters.byWordFwd, lo
	if !forward {
		by, bf, end = &legalByWord.bwd, &legalFilters.byWordBwd, hi-1
	}
	best := 0
	// One word left of a form of two is the form only when it is a word
	// of legal forms alone.
	fewest := minLegalLeft
	if legalOnlyWords[string(nb.word(end))] {
		fewest = 1
	}
	for side := range 2 {
		forms, _ := filteredGet(bf[side], by[side], nb.word(end))
		for _, fi := range forms {
			if k := len(legalMulti[fi]) - 1; k > best && k >= fewest && k <= hi-lo && !legalNoDrop[fi] && nb.legalDroppedAt(int(fi), lo, hi, forward) {
				best = k
			}
		}
	}
	return best
}

// legalDroppedAt reports whether legal form fi stands, with exactly one of
// its words left out and the others spelt right, at the start (forward)
// or end of words[lo:hi].
func (nb *normBuf) legalDroppedAt(fi, lo, hi int, forward bool) bool {
	f := legalMulti[fi]
	k := len(f) - 1
	from := lo
	if !forward {
		from = hi - k
	}
	// The name's words match f before the word left out and f after it,
	// each of minLegalLeftLen letters or more: two short ones are the
	// syllables of many names ("sa de" of SA DE CV in "ba sha er a sa de").
	short, legalOnly := false, false
	for j := range k {
		w := nb.word(from + j)
		short = short || len(w) < minLegalLeftLen
		legalOnly = legalOnly || legalOnlyWords[string(w)]
	}
	if short && !legalOnly {
		return false
	}
	i := 0
	for i < k && string(nb.word(from+i)) == f[i] {
		i++
	}
	for j := i; j < k; j++ {
		if string(nb.word(from+j)) != f[j+1] {
			return false
		}
	}
	return true
}

// legalKey returns the phonetic key of word i, computed once for each
// word flagLegal asks about: the forms legalAtFuzzy tries at an end of
// the name ask for the same word's key one after the other.
func (nb *normBuf) legalKey(i int) []byte {
	if nb.legalKeyOf != i+1 {
		nb.legalKeyBuf = appendKey(nb.legalKeyBuf[:0], nb.word(i))
		nb.legalKeyOf = i + 1
	}
	return nb.legalKeyBuf
}

// legalTypoAt reports whether legal form fi stands, with exactly one word
// misspelt, at the start (forward) or end of words[lo:hi].
func (nb *normBuf) legalTypoAt(fi, lo, hi int, forward bool) bool {
	f := legalMulti[fi]
	k := len(f)
	from := lo
	if !forward {
		from = hi - k
	}
	typos := 0
	for n := range f {
		j := n // compare from the name's end inwards, so most forms fail at once
		if !forward {
			j = k - 1 - n
		}
		w := nb.word(from + j)
		if string(w) == f[j] {
			continue
		}
		if typos > 0 || !legalTypo(fi, j, w, func() []byte { return nb.legalKey(from + j) }) {
			return false
		}
		typos++
	}
	return typos == 1
}
