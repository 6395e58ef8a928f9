package screen

import (
	"bytes"
	"slices"

	"github.com/bangate/bangate/internal/textnorm"
)

// Foreign spellings. A name written in Latin letters by the conventions of
// another language than English ("Poetin" in Dutch, "Putyin" in
// Hungarian, "Wladimirowitsch" in German, "Putinas" with its Lithuanian
// case ending) is respelt in English usage, the usage the lists write
// names in, one orthography at a time. The respelling of a query word
// that no listed name spells nor keys as it is stands for it when a listed
// name holds it or its phonetic key; the explanation names the
// orthography.

// umlautsWrittenOut names the orthography of German umlauts written out.
const umlautsWrittenOut = "umlauts written out (ae, oe, ue)"

// shaddaWrittenTwice names the orthography of Arabic's doubled
// consonants written with their digraph twice.
const shaddaWrittenTwice = "a doubled consonant's digraph written twice (Arabic shadda)"

// rewrite replaces from by to where its condition holds.
type rewrite struct {
	from, to string
	when     rewriteWhen
}

// rewriteWhen is the condition of a rewrite.
type rewriteWhen uint8

const (
	anywhere           rewriteWhen = iota
	atEnd                          // at the end of the word
	beforeFront                    // before e or i
	afterConsonant                 // after a consonant
	atEndAfterCons                 // at the end of the word, after a consonant
	atStart                        // at the start of the word
	atStartBeforeVowel             // at the start of the word, before a vowel
	beforeVowel                    // before a vowel
	betweenConsonants              // after a consonant other than n, before a consonant
	slavicU                        // after a vowel, before a consonant, in a word ending as Russian and Belarusian family names do
	betweenVowels                  // after a vowel, before a vowel
	ukrainianWord                  // anywhere, in a word ending as Ukrainian family names do
	ukrainianAfterCons             // after a consonant, in a word ending as Ukrainian family names do
)

// orthography is one language's conventions for writing foreign names in
// Latin letters, as rewrites to English usage.
type orthography struct {
	name     string
	rewrites []rewrite
}

// orthographies are tried in order; endings (case endings of Baltic
// languages, the nominative -i of Georgian and Albanian renderings) are
// tried on their own and after each of the others.
var orthographies = []orthography{
	{"Dutch spelling", []rewrite{{"tsj", "ch", anywhere}, {"oe", "u", anywhere}, {"sj", "sh", anywhere}}},
	{"Scandinavian spelling", []rewrite{{"tj", "ch", anywhere}, {"kj", "ch", anywhere}, {"sj", "sh", anywhere}}},
	{"German spelling", []rewrite{{"tsch", "ch", anywhere}, {"dsch", "dzh", anywhere}, {"sch", "sh", anywhere}, {"ch", "kh", anywhere}}},
	germanDschJ,
	// German spellings of Russian names (Duden): z for ц, s for з and
	// с, ss for с between vowels, sch for ш and ж, w for в, j for й and
	// the j of я, ю, е ("Kusnezow", KUZNETSOV; "Tschemesow", CHEMEZOV;
	// "Zepkin", TSEPKIN; "Schelesnjak", ZHELEZNYAK).
	germanRussian, germanRussianZh,
	// ё after ж, ч, ш and щ, which German and Polish write o and the
	// lists e or yo ("Gorbatschow", "Gorbaczow", GORBACHEV;
	// "Chruschtschow", KHRUSHCHEV): tried after the others, since an o
	// there is also an o ("Tschornobyl").
	germanRussianYo,

	{"Polish spelling", []rewrite{{"cz", "ch", anywhere}, {"sz", "sh", anywhere}, {"rz", "zh", anywhere}, {"ie", "e", afterConsonant}}},
	// Polish spellings of Russian names: c for ц, ch for х, w for в, j
	// for й and the j of я, ю ("Cepkin", TSEPKIN; "Lichaczew",
	// LIKHACHEV).
	polishRussian, polishRussianYo,
	frenchSpelling,
	// French spellings of Arabic names, as the Maghreb and Lebanon write
	// them ("Bachir", "Djamel", "Raoui", "Aouad"): dj for j, ch for sh,
	// ou for w before a vowel and for u otherwise.
	frenchArabic,
	// And the other way, where the list writes the name so: "Jwadi", as
	// English writes جوادي, is DJOUADI.
	frenchArabicListed,
	egyptianArabic,
	persianZh, persianJ,
	russianOff,
	ukrainianRussian,
	// Indonesian and Malay spellings of Arabic names ("Baasyir",
	// BASHIR; "Hasyim", HASHIM): sy for sh.
	{"Indonesian sy for sh", []rewrite{{"sy", "sh", anywhere}}},
	// Arabic's doubled consonant (shadda) written with its digraph
	// twice, as scholarly romanisations do ("Bashshar", BASHAR), where
	// the lists write it once.
	{shaddaWrittenTwice, []rewrite{{"shsh", "sh", anywhere}, {"khkh", "kh", anywhere}, {"ghgh", "gh", anywhere},
		{"thth", "th", anywhere}, {"dhdh", "dh", anywhere}}},
	// A Slavic name's -ič or -yč (Czech, Slovak, Slovene spellings of
	// Russian and Ukrainian names) with the háček left out, as lists
	// and registers without it write it: "Fedorovic", FEDOROVICH;
	// "Janukovyc", YANUKOVYCH.
	{"-ic for -ich, a Slavic name's -ič with the háček left out", []rewrite{{"ic", "ich", atEnd}, {"yc", "ych", atEnd}}},
	{"Spanish spelling", []rewrite{{"gu", "g", beforeFront}, {"j", "kh", anywhere}}},
	{"Catalan spelling", []rewrite{{"tx", "ch", anywhere}, {"ix", "sh", anywhere}, {"x", "sh", anywhere}}},
	{"Hungarian spelling", []rewrite{{"gy", "d", anywhere}, {"ty", "t", anywhere}, {"ny", "n", anywhere}, {"sz", "s", anywhere},
		{"cs", "ch", anywhere}, {"zs", "zh", anywhere}, {"s", "sh", anywhere}}},
	{"Czech spelling", []rewrite{{"ch", "kh", anywhere}, {"c", "ts", anywhere}}},
	belarusian, belarusianAu, belarusianOu,
	// Umlauts written out, as German and Swiss registers and passports
	// do where the letter is missing ("Mueller" for Müller, which the
	// lists write and fold as Muller).
	{umlautsWrittenOut, []rewrite{{"ae", "a", afterConsonant}, {"oe", "o", afterConsonant}, {"ue", "u", afterConsonant}}},
}

// germanDschJ is the German spelling of names, dsch read as j
// ("Ahmadinedschad", AHMADINEJAD).
var germanDschJ = orthography{"German spelling, dsch as j", []rewrite{{"tsch", "ch", anywhere}, {"dsch", "j", anywhere},
	{"sch", "sh", anywhere}, {"ch", "kh", anywhere}}}

// frenchSpelling is the French spelling of names ("Khrouchtchev",
// KHRUSHCHEV).
var frenchSpelling = orthography{"French spelling", []rewrite{{"tch", "ch", anywhere}, {"ch", "sh", anywhere}, {"dj", "dzh", anywhere}, {"j", "zh", anywhere},
	{"gu", "g", beforeFront}, {"ou", "u", anywhere}, {"e", "", atEndAfterCons}, offEndings[0], offEndings[1]}}

// The names of the German and Polish spellings of Russian names.
const (
	germanRussianName   = "German spelling of a Russian name"
	germanRussianZhName = "German spelling of a Russian name, s and sch as z and zh"
	polishRussianName   = "Polish spelling of a Russian name"
	germanRussianYoName = "German spelling of a Russian name, o for ё after ch, sh, zh"
	polishRussianYoName = "Polish spelling of a Russian name, o for ё after ch, sh, zh"
)

// germanRussian and germanRussianZh are the German spellings of Russian
// names: s between vowels read as з (z), and, in the second, every s
// (ss aside) read so and sch as ж (zh).
var (
	germanRussian = orthography{germanRussianName, []rewrite{{"schtsch", "shch", anywhere}, {"tsch", "ch", anywhere},
		{"sch", "sh", anywhere}, {"ch", "kh", anywhere}, {"ss", "s", anywhere}, {"z", "ts", anywhere}, {"s", "z", betweenVowels},
		{"w", "v", anywhere}, {"j", "y", anywhere}}}
	germanRussianZh = orthography{germanRussianZhName, []rewrite{{"schtsch", "shch", anywhere},
		{"tsch", "ch", anywhere}, {"sch", "zh", anywhere}, {"ch", "kh", anywhere}, {"ss", "s", anywhere}, {"z", "ts", anywhere},
		{"s", "z", anywhere}, {"w", "v", anywhere}, {"j", "y", anywhere}}}
)

// polishRussian is the Polish spelling of Russian names.
var polishRussian = orthography{polishRussianName, []rewrite{{"szcz", "shch", anywhere}, {"cz", "ch", anywhere},
	{"sz", "sh", anywhere}, {"rz", "zh", anywhere}, {"ch", "kh", anywhere}, {"c", "ts", anywhere}, {"w", "v", anywhere},
	{"j", "y", anywhere}}}

// germanRussianYo and polishRussianYo are germanRussian and polishRussian
// with the o after a hushing consonant read as ё, which the lists write
// e: the rewrites of the consonant and its o lead.
var (
	germanRussianYo = orthography{germanRussianYoName, append([]rewrite{{"schtscho", "shche", anywhere},
		{"tscho", "che", anywhere}, {"scho", "she", anywhere}}, germanRussian.rewrites...)}
	polishRussianYo = orthography{polishRussianYoName, append([]rewrite{{"szczo", "shche", anywhere},
		{"czo", "che", anywhere}, {"szo", "she", anywhere}, {"rzo", "zhe", anywhere}}, polishRussian.rewrites...)}
)

// frenchArabic is the French spelling of Arabic names, which respellListed
// reads a listed word by too.
var frenchArabic = orthography{"French spelling of an Arabic name", []rewrite{{"dj", "j", anywhere}, {"ch", "sh", anywhere},
	{"ou", "w", beforeVowel}, {"ou", "u", anywhere}}}

// frenchArabicListed reads a query's word as the French spelling of an
// Arabic name that a list writes (frenchArabic the other way round): j
// as dj, w as ou, sh as ch.
var frenchArabicListed = orthography{"French spelling of an Arabic name, as the list writes it", []rewrite{{"j", "dj", anywhere},
	{"w", "ou", anywhere}, {"sh", "ch", anywhere}}}

// egyptianArabic is the Egyptian spelling of Arabic names, which sounds
// ج as g ("Ragab", RAJAB; "Naguib", NAJIB): g for j before a vowel, gu
// for j before e and i, where the u only keeps the g hard; gh is ghayn,
// as everywhere. Not a g ending the word, as often a German or English
// name's ("Konig" is no KONY).
var egyptianArabic = orthography{"Egyptian spelling of an Arabic name", []rewrite{{"gh", "gh", anywhere},
	{"gu", "j", beforeFront}, {"g", "j", beforeVowel}}}

// Belarusian names as Belarus romanises them, and Russian ones as the
// other, which respellListed reads a listed word by too: the lists write
// a Belarusian's name both ways (AURAMENKA, a.k.a. AVRAMENKO; IPATAU,
// a.k.a. IPATOV), and people mix them ("Vadim Dmitrievich Ipatau"). ў is
// written u for a v after a vowel, and a Russian family name's -ov and
// -enko are -au or -ou and -enka: a word is read so only where it has
// the ending ("Chovman" is no Belarusian CHOUMAN).
var (
	belarusian   = orthography{"Belarusian spelling", []rewrite{{"u", "v", slavicU}, {"au", "ov", atEnd}, {"ou", "ov", atEnd}, {"enka", "enko", atEnd}}}
	belarusianAu = orthography{"Belarusian form of a Russian name", []rewrite{{"v", "u", slavicU}, {"ov", "au", atEnd}, {"enko", "enka", atEnd}}}
	belarusianOu = orthography{"Belarusian form of a Russian name, -ou", []rewrite{{"v", "u", slavicU}, {"ov", "ou", atEnd}, {"enko", "enka", atEnd}}}
)

// slavicEnding reports whether w ends as the Russian and Belarusian family
// names the Belarusian orthographies respell do: -ov, -au, -ou, -enko,
// -enka.
func slavicEnding(w []byte) bool {
	for _, e := range [...]string{"ov", "au", "ou", "enko", "enka"} {
		if len(w) >= len(e) && string(w[len(w)-len(e):]) == e {
			return true
		}
	}
	return false
}

// ukrainianRussian reads a Ukrainian family name as romanised from
// Ukrainian as the name romanised from Russian, which the lists write as
// often: Ukrainian's h is Russian's g (Г), its y Russian's i (И), its iu
// and ia Russian's yu and ya ("Hrytsenko", GRITSENKO; "Hotsaniuk",
// GOTSANYUK). Only a word ending as Ukrainian family names do is read so
// (ukrainianEnding), so that "Hall" is no GALL; an h that writes one
// sound with the letter before it (kh, zh, sh, ch) stays.
var ukrainianRussian = orthography{"Ukrainian spelling of a name the list writes from Russian", []rewrite{
	{"kh", "kh", ukrainianWord}, {"zh", "zh", ukrainianWord}, {"sh", "sh", ukrainianWord}, {"ch", "ch", ukrainianWord},
	{"h", "g", ukrainianWord}, {"iu", "yu", ukrainianWord}, {"ia", "ya", ukrainianWord}, {"skyi", "sky", ukrainianWord},
	{"y", "i", ukrainianAfterCons}}}

// ukrainianEnding reports whether w ends as Ukrainian family names do:
// -enko, -uk, -yk, -skyi, -ych.
func ukrainianEnding(w []byte) bool {
	for _, e := range [...]string{"enko", "uk", "yk", "skyi", "ych"} {
		if len(w) > len(e)+1 && string(w[len(w)-len(e):]) == e {
			return true
		}
	}
	return false
}

// russianOff is the spelling of the Russian endings -ov and -ev of
// French and older English usage (Romanoff, Smirnoff), which
// respellListed reads a listed word by too.
var russianOff = orthography{"-off for -ov, as French and older English spell Russian names", offEndings[:]}

// offEndings are the rewrites of russianOff, which the French spelling
// makes too ("Joukoff", ZHUKOV).
var offEndings = [...]rewrite{{"off", "ov", atEnd}, {"eff", "ev", atEnd}}

// persianZh is Persian's zh (ژ) where others write j: the -nezhad of
// Iranian family names, which the lists write -nejad as often
// (AHMADINEZHAD, a.k.a. AHMADINEJAD), and which respellListed reads a
// listed word by too.
var persianZh = orthography{"Persian zh for j", []rewrite{{"zh", "j", anywhere}}}

// arabicConsonantOrthographies read Arabic's consonants as other
// romanisations write them: the qaf (persianQaf, qafAsPersian), the
// dhal, zha and dad (dhalZ to zD) and the tha (thS). respell tries them
// after the others, on a word with a q, z, gh, dh or th only.
var arabicConsonantOrthographies = []orthography{persianQaf, qafAsPersian, dhalZ, zDhal, dhalD, thDhal, thZ, zD, thS}

// arabicConsonantSpelling reports whether a word of letters letters and
// letter pairs pairs has a spelling arabicConsonantOrthographies read: a
// q or z, or gh, dh or th.
func arabicConsonantSpelling(letters uint32, pairs *letterPairs) bool {
	return letters&(letterBit('q')|letterBit('z')) != 0 || pairs.has("gh") || pairs.has("dh") || pairs.has("th")
}

// persianQaf reads a gh as the qaf, which Persian sounds as it does ghayn
// and Persian romanisations write gh for both ("Ghorbani", QORBANI;
// "Sadegh", SADEQ); qafAsPersian is the other way round ("Qasemi",
// GHASEMI).
var (
	persianQaf   = orthography{"Persian gh for the qaf", []rewrite{{"gh", "q", anywhere}}}
	qafAsPersian = orthography{"the qaf written q for Persian gh", []rewrite{{"q", "gh", anywhere}}}
)

// The interdental and emphatic consonants of Arabic (ذ dhal, ظ zha, ض
// dad) as romanisations write them: dh in English and Iraqi usage, z
// where Persian, Turkish and Urdu sound them ("Kazem", KADHIM; "Nazim",
// NADHIM; "Reza", RIDA), d where dialects do ("Ramadan", RAMADHAN), th
// where an English writer hears them so ("Qathafi", QADHAFI). Each reads
// a query's word no listed name holds one way, and finds it where a list
// holds that reading. Not d as dh: d is in most words, and a word so
// read is one letter from the listed one, which pairs as a typo already
// ("Ramadan", RAMADHAN).
var (
	dhalZ  = orthography{"dh written z (Arabic dhal, zha, dad)", []rewrite{{"dh", "z", anywhere}}}
	zDhal  = orthography{"z written dh (Arabic dhal, zha, dad)", []rewrite{{"z", "dh", anywhere}}}
	dhalD  = orthography{"dh written d (Arabic dhal, dad)", []rewrite{{"dh", "d", anywhere}}}
	thDhal = orthography{"th written dh (Arabic dhal, zha)", []rewrite{{"th", "dh", anywhere}}}
	thZ    = orthography{"th written z (Arabic dhal, zha)", []rewrite{{"th", "z", anywhere}}}
	zD     = orthography{"z written d (Arabic dad, dhal)", []rewrite{{"z", "d", anywhere}}}
	// And the tha (ث) as Persian, Turkish and Urdu sound it, s
	// ("Kiyomarth", KIYUMARS; "Haitham", HEISAM).
	thS = orthography{"th written s (Arabic tha)", []rewrite{{"th", "s", anywhere}}}
)

// persianJ is the other way round, in the -nejad of a family name, where a
// list writes Persian's zh ("Saburinejad", SABURINEZHAD): only there, as
// a j elsewhere is most often a j, and each reading of a query's word
// costs a look-up.
var persianJ = orthography{"j for Persian zh", []rewrite{{"nejad", "nezhad", anywhere}}}

// listedOrthographies are the orthographies respellListed reads a listed
// word by: ones that write some listed names as others are written.
var listedOrthographies = [...]*orthography{&frenchArabic, &russianOff, &belarusian, &belarusianAu, &belarusianOu, &persianZh, &persianJ, &egyptianArabic,
	&umlautUe, &umlautOe, &umlautAe}

// umlautUe, umlautOe and umlautAe read a word as the German umlaut
// written out, where a list writes it so ("Müller", which folds to
// muller, for MUELLER; "Schröder", SCHROEDER): umlautsWrittenOut the
// other way round, one vowel at a time.
var (
	umlautUe = orthography{"ü written ue", []rewrite{{"u", "ue", afterConsonant}}}
	umlautOe = orthography{"ö written oe", []rewrite{{"o", "oe", afterConsonant}}}
	umlautAe = orthography{"ä written ae", []rewrite{{"a", "ae", afterConsonant}}}
)

// The orthographies' indexes fit listedAltBits.
var _ [1<<listedAltBits - len(listedOrthographies)]struct{}

// kanaForeign are the rewrites of kana renderings of foreign names, as
// Hepburn writes them: a u kana adds after a consonant left out, long
// vowels written once.
var kanaForeign = []rewrite{{"u", "", atEndAfterCons}, {"u", "", betweenConsonants},
	{"ou", "o", anywhere}, {"uu", "u", anywhere}, {"aa", "a", anywhere}, {"ii", "i", anywhere}, {"ee", "e", anywhere}, {"oo", "o", anywhere}}

// hangulForeign are the rewrites of Hangul renderings of foreign names,
// as the Revised Romanization writes them: the eu Hangul adds after a
// consonant left out, l before a vowel read r, ll once.
var hangulForeign = []rewrite{{"eu", "", afterConsonant}, {"l", "r", beforeVowel}, {"ll", "l", anywhere}}

// silentH are the rewrites of a name that begins with a vowel as kana and
// Hangul write it for a Spanish name whose h is silent: "エクトル"
// (ekutoru) and "엑토르" (ektoreu) for Hector, "エルナンデス" for
// Hernandez. The reading with the h begins with it (a word that begins
// with a consonant has none).
var silentH = []rewrite{{"a", "ha", atStart}, {"e", "he", atStart}, {"i", "hi", atStart}, {"o", "ho", atStart}, {"u", "hu", atStart}}

// thaiForeign are the rewrites of Thai renderings of foreign names: the
// aspirated stops as plain ones, the silent carrier อ that begins a word
// left out, and vowels as the foreign names sound them.
var thaiForeign = []rewrite{{"kh", "k", anywhere}, {"ph", "p", anywhere}, {"th", "t", anywhere},
	{"o", "", atStartBeforeVowel}, {"eo", "e", anywhere}, {"ue", "u", anywhere}}

// The rewrites the Greek renderings of foreign names share: μπ and ντ
// for b and d at a word's start, mb and nd inside it; γκ for g, τζ for
// j, τσ for ch; γι before a vowel for y.
var (
	greekNasalStops = []rewrite{{"mp", "b", atStart}, {"mp", "mb", anywhere}, {"nt", "d", atStart}, {"nt", "nd", anywhere}}
	greekAffricates = []rewrite{{"gk", "g", anywhere}, {"tz", "j", anywhere}, {"ts", "ch", anywhere}}
	greekGammaIota  = rewrite{"gi", "y", beforeVowel}
)

// hacekLetters names, as a scheme of scriptOrthographies, the reading of
// a name written with letters of isHacek: they fold to s, c and z, and
// Cyrillic transliteration writes them sh, ch and zh ("Łukašenka",
// LUKASHENKA). It is no transliteration: the name is in Latin letters.
const hacekLetters textnorm.Scheme = "Latin letters with a háček or a cedilla"

// umlautLetters names, as a scheme of scriptOrthographies, the reading
// of a name written with a German umlaut (isUmlaut), which folds to a, o
// or u, with the umlaut written out, as some lists write it ("Günther",
// GUENTHER). It is no transliteration: the name is in Latin letters.
const umlautLetters textnorm.Scheme = "Latin letters with an umlaut"

// The rewrites several orthographies of scriptOrthographies share: the
// ta marbuta after a consonant read -eh; Turkish e for the fatha the lists
// write a, and c for j.
var (
	taMarbutaEh  = rewrite{"a", "eh", atEndAfterCons}
	turkishFatha = rewrite{"e", "a", anywhere}
	turkishC     = rewrite{"c", "j", anywhere}
)

// turkishLetters names, as a scheme of scriptOrthographies, the reading
// of a name written with a letter only Turkish and Azerbaijani write, as
// Turkish writes Arabic names: e for the fatha the lists write a, c for
// j, ş for sh, h for kh, ğ for gh, a final -e for the ta marbuta
// ("İsmail Heniyye", HANIYYAH; "Halid", KHALID; "Bağdadi", BAGHDADI).
const turkishLetters textnorm.Scheme = "Latin letters of Turkish"

// scriptOrthographies are the conventions by which a script writes
// foreign names, as rewrites of the word its transliteration gives: they
// are tried first on the words of a query in that script.
var scriptOrthographies = map[textnorm.Scheme][]orthography{
	hacekLetters: {
		{"š, č, ž read as sh, ch, zh", []rewrite{{"s", "sh", anywhere}, {"c", "ch", anywhere}, {"z", "zh", anywhere}}},
		// Estonian and Finnish write ч tš ("Setšin", SECHIN).
		{"tš read as ch", []rewrite{{"ts", "ch", anywhere}}},
	},
	umlautLetters: {umlautUe, umlautOe, umlautAe},
	turkishLetters: {
		{"Turkish spelling of an Arabic name", []rewrite{turkishFatha, turkishC}},
		{"Turkish spelling of an Arabic name, ş as sh", []rewrite{turkishFatha, turkishC, {"s", "sh", anywhere}}},
		{"Turkish spelling of an Arabic name, h for kh", []rewrite{{"h", "kh", atStart}, turkishFatha}},
		{"Turkish spelling of an Arabic name, a final -e", []rewrite{{"e", "ah", atEnd}, turkishFatha}},
		{"Turkish spelling of an Arabic name, ğ for gh", []rewrite{{"g", "gh", anywhere}, turkishFatha}},
	},
	textnorm.GreekELOT: {
		{"Greek rendering of a foreign name", slices.Concat(greekNasalStops, greekAffricates,
			[]rewrite{{"gg", "ng", anywhere}, {"ch", "kh", anywhere}, greekGammaIota})},
		{"Greek rendering of a foreign name, b d", slices.Concat([]rewrite{{"mp", "b", anywhere}, {"nt", "d", anywhere}},
			greekAffricates, []rewrite{{"ch", "kh", anywhere}, {"z", "zh", anywhere}, greekGammaIota})},
		// χ for the Arabic and Spanish h sounds ("Γιαχία", YAHYA), and
		// ια after a consonant for the ya of a foreign name
		// ("Νετανιάχου", Netanyahu).
		{"Greek rendering of a foreign name, χ as h and ια as ya", slices.Concat(greekNasalStops, greekAffricates,
			[]rewrite{{"ch", "h", anywhere}, greekGammaIota, {"ia", "ya", afterConsonant}})},
		// The nominative -ος Greek adds to a foreign man's name
		// ("Βλαδίμηρος", Vladimir).
		{"Greek nominative ending -os", []rewrite{{"os", "", atEndAfterCons}}},
	},
	textnorm.Hepburn: {
		{"kana rendering of a foreign name", kanaForeign},
		{"kana rendering of a foreign name, r for l", []rewrite{{"u", "", atEndAfterCons}, {"u", "", betweenConsonants},
			{"ou", "o", anywhere}, {"r", "l", anywhere}}},
		{"kana rendering of a foreign name, a Spanish h unwritten", slices.Concat(kanaForeign, silentH)},
	},
	textnorm.RevisedRomanization: {
		{"Hangul rendering of a foreign name", hangulForeign},
		{"Hangul rendering of a foreign name, l", []rewrite{{"eu", "", afterConsonant}, {"ll", "l", anywhere}}},
		{"Hangul rendering of a foreign name, a Spanish h unwritten", slices.Concat(hangulForeign, silentH)},
	},
	// Burmese names as the lists write them: the syllable ို closed by
	// the high tone as "oe" (Soe, Moe), ဦး ending a name as "Oo" (Mya Tun
	// Oo), and ထ as "t" as often as "ht" (Tun, Htun).
	textnorm.Myanmar: {
		{"Burmese name as the lists write it", []rewrite{{"o", "oe", atEndAfterCons}, {"u", "oo", atEnd}, {"ht", "t", atStart}}},
		{"Burmese name as the lists write it, ht", []rewrite{{"o", "oe", atEndAfterCons}, {"u", "oo", atEnd}}},
	},
	// Khmer as AnyAscii writes its long vowels, ei for ី and ou for ូ
	// ("ពូទីន" is "poutein", Putin), among the scripts it reads as
	// others.
	textnorm.OtherScript: {{"Khmer long vowels (ei, ou) as i and u", []rewrite{{"ei", "i", anywhere}, {"ou", "u", anywhere}}}},
	// The Arabic script as Persian, Urdu and Pashto sound it (ث s, ذ z,
	// و v: "کیومرث", Kiyumars; "وهاب", Vahab), and ta marbuta read in
	// construct, -at, or pausal, -ah ("جبهة", JABHAT; "النصرة",
	// AL-NUSRAH), where the reading writes it "a".
	textnorm.ArabicScript: {
		{"Persian reading of the Arabic script", []rewrite{{"th", "s", anywhere}, {"dh", "z", anywhere}, {"w", "v", anywhere}}},
		// A name's final -وی, which the reading writes "uy", sounded
		// -avi in Persian, -awi in Arabic ("علوی", ALAVI; "صفوی",
		// SAFAVI; "موسوی", MOUSAVI).
		{"final -وی read -vi", []rewrite{{"uy", "vi", atEnd}}},
		// Abd and the article as Persian sounds them, abdol ("عبدالرحیم",
		// ABDOLRAHIM; "عبدالرضا", ABDOLREZA).
		{"Persian abdol", []rewrite{{"abdal", "abdol", atStart}}},
		{"ta marbuta read -at", []rewrite{{"a", "at", atEndAfterCons}}},
		{"ta marbuta read -ah", []rewrite{{"a", "ah", atEndAfterCons}}},
		// And -eh, as the Levant and Persian sound it, after a
		// consonant or the i of -iyya ("ميالة", MAYALEH; "مغنية",
		// MUGHNIYEH; "حمية", HAMIEH).
		{"ta marbuta read -eh", []rewrite{{"ia", "ieh", atEnd}, taMarbutaEh}},
		// And a name's first ʿayn and waw sounded o, as the Levant
		// does ("عودة", ODEH).
		{"ʿayn and waw read o, ta marbuta -eh", []rewrite{{"aw", "o", atStart}, taMarbutaEh}},
	},
	// Hebrew writes with tsadi the ts of a German or Yiddish z
	// ("צוקרברג", Zuckerberg) and the emphatic s of an Arabic name
	// ("נאצר", Nasser), which the reading writes ts.
	textnorm.Hebrew: {
		{"Hebrew rendering of a foreign name, tsadi as z", []rewrite{{"ts", "z", anywhere}}},
		{"Hebrew rendering of an Arabic name, tsadi as s", []rewrite{{"ts", "s", anywhere}}},
	},
	// Thai writes a foreign j with จ, which RTGS writes ch ("จอง",
	// Jong), and a foreign u with อึ, ue.
	textnorm.Thai: {
		{"Thai rendering of a foreign name", thaiForeign},
		{"Thai rendering of a foreign name, ch as j", append([]rewrite{{"ch", "j", anywhere}}, thaiForeign...)},
	},
}

// endings are the case endings renderings of names add: Lithuanian -ius,
// -as, -is, -ys, -us, Latvian -s, the nominative -i of Georgian and
// Albanian.
var endings = []orthography{
	{"Lithuanian ending", []rewrite{{"ius", "", atEnd}, {"as", "", atEnd}, {"is", "", atEnd}, {"ys", "", atEnd}, {"us", "", atEnd}}},
	{"Latvian ending", []rewrite{{"s", "", atEnd}}},
	{"nominative ending -i", []rewrite{{"i", "", atEnd}}},
}

// minRespell and maxRespell bound the letters of a word that is respelt,
// and of a stem left when an ending is cut: shorter names spelt another
// way are as often other names.
const (
	minRespell = 5
	maxRespell = 32
)

// apply appends w rewritten by o to dst; changed is false when no rewrite
// applied.
func (o *orthography) apply(dst, w []byte) (out []byte, changed bool) {
	// The first letters of the rewrites: most letters start none.
	var firsts uint32
	for _, r := range o.rewrites {
		firsts |= letterBit(r.from[0])
	}
	for i := 0; i < len(w); {
		if firsts&letterBit(w[i]) == 0 {
			dst = append(dst, w[i])
			i++
			continue
		}
		applied := false
		for _, r := range o.rewrites {
			if r.from[0] != w[i] || !hasPrefix(w[i:], r.from) || !r.holds(w, i) {
				continue
			}
			dst = append(dst, r.to...)
			i += len(r.from)
			// A rewrite to itself keeps letters from the rewrites after
			// it (egyptianArabic's gh) and changes nothing.
			applied, changed = true, changed || r.to != r.from
			break
		}
		if !applied {
			dst = append(dst, w[i])
			i++
		}
	}
	return dst, changed
}

// cut returns w without the ending o removes, or changed false; o holds
// atEnd rewrites to "" only.
func (o *orthography) cut(w []byte) (out []byte, changed bool) {
	for _, r := range o.rewrites {
		if len(w) > len(r.from) && string(w[len(w)-len(r.from):]) == r.from {
			return w[:len(w)-len(r.from)], true
		}
	}
	return w, false
}

// letterSet returns the set of the letters a–z of w, one bit each.
func letterSet(w []byte) uint32 {
	var m uint32
	for _, c := range w {
		m |= letterBit(c)
	}
	return m
}

// letterBit is the bit of letter c in a letterSet, 0 for any other byte.
func letterBit(c byte) uint32 {
	if c < 'a' || c > 'z' {
		return 0
	}
	return 1 << (c - 'a')
}

// letterPairs is the set of the pairs of neighbouring letters a to z of
// a word: [a] holds a bit for each letter that follows a.
type letterPairs [26]uint32

// pairsOf returns the letter pairs of w.
func pairsOf(w []byte) *letterPairs {
	var p letterPairs
	for i := 0; i+1 < len(w); i++ {
		if a := w[i] - 'a'; a < 26 {
			p[a] |= letterBit(w[i+1])
		}
	}
	return &p
}

// has reports whether s, of two letters or more, begins with a pair the
// set holds.
func (p *letterPairs) has(s string) bool {
	a := s[0] - 'a'
	return a < 26 && p[a]&letterBit(s[1]) != 0
}

// mayApply reports whether a rewrite of o may apply to w, whose letters
// are letters and whose letter pairs are pairs: o's distinctive
// spellings (orthographyNeeds) occur in w, or else the beginning of one
// of its rewrites does (its first two letters, or its letter).
func (o *orthography) mayApply(w []byte, letters uint32, pairs *letterPairs) bool {
	if len(o.rewrites) > 0 {
		if ending := familyEnding(o.rewrites[0].when); ending != nil {
			// The Belarusian and Ukrainian orthographies, which lead
			// with such a condition: every rewrite of theirs asks for
			// the family name's ending.
			return ending(w)
		}
	}
	if needs := orthographyNeeds(o.name); needs != nil {
		for _, n := range needs {
			if len(n) == 1 && letters&letterBit(n[0]) != 0 || len(n) == 2 && pairs.has(n) || len(n) > 2 && bytes.Contains(w, []byte(n)) {
				return true
			}
		}
		return false
	}
	for _, r := range o.rewrites {
		if len(r.from) >= 2 && pairs.has(r.from) || len(r.from) == 1 && letters&letterBit(r.from[0]) != 0 {
			return true
		}
	}
	return false
}

// familyEnding returns the test of the family name's ending that
// condition when asks for, nil for a condition that asks for none.
func familyEnding(when rewriteWhen) func([]byte) bool {
	switch when {
	case slavicU:
		return slavicEnding
	case ukrainianWord, ukrainianAfterCons:
		return ukrainianEnding
	}
	return nil
}

// orthographyNeeds returns the spellings that tell some orthographies,
// whose rewrites start with common letters, from English: Hungarian is
// tried on a word with gy, ty, ny, sz, cs or zs only, not on every word
// with an s. It is nil for the others.
func orthographyNeeds(name string) []string {
	switch name {
	case "Hungarian spelling":
		return hungarianNeeds
	case "Czech spelling":
		return czechNeeds
	case "Catalan spelling":
		return catalanNeeds
	case umlautsWrittenOut:
		return umlautNeeds
	case shaddaWrittenTwice:
		return shaddaNeeds
	case germanRussianName:
		return germanRussianNeeds
	case germanRussianZhName:
		return germanRussianZhNeeds
	case polishRussianName:
		return polishRussianNeeds
	case germanRussianYoName:
		return germanRussianYoNeeds
	case polishRussianYoName:
		return polishRussianYoNeeds
	}
	return nil
}

// The spellings of orthographyNeeds.
var (
	hungarianNeeds = []string{"gy", "ty", "ny", "sz", "cs", "zs"}
	czechNeeds     = []string{"ch", "cz", "ck"}
	catalanNeeds   = []string{"tx", "ix"}
	umlautNeeds    = []string{"ae", "oe", "ue"}
	// A digraph written twice has its h before the second's letter:
	// pairs, asked by their bits, not by a search of the word.
	shaddaNeeds = []string{"hs", "hk", "hg", "ht", "hd"}
	// The Russian names German and Polish spell have a w, z, j or c
	// (в, ц, й and the j of я, ю; "Kusnezow", "Cepkin"), or, read
	// with ж, an sch ("Alimschan"); the others of their spellings are
	// the German and Polish orthographies'.
	germanRussianNeeds   = []string{"w", "z", "j"}
	germanRussianZhNeeds = []string{"w", "z", "j", "sch"}
	polishRussianNeeds   = []string{"w", "c", "j"}
	germanRussianYoNeeds = []string{"tscho", "scho"}
	polishRussianYoNeeds = []string{"czo", "szo", "rzo"}
)

// holds reports whether the condition of r holds at w[i:].
func (r *rewrite) holds(w []byte, i int) bool {
	end := i+len(r.from) == len(w)
	switch r.when {
	case atEnd:
		return end
	case beforeFront:
		j := i + len(r.from)
		return j < len(w) && (w[j] == 'e' || w[j] == 'i')
	case afterConsonant:
		return i > 0 && !isVowel(w[i-1])
	case atEndAfterCons:
		return end && i > 0 && !isVowel(w[i-1])
	case atStart:
		return i == 0
	case atStartBeforeVowel:
		j := i + len(r.from)
		return i == 0 && j < len(w) && isVowel(w[j])
	case beforeVowel:
		j := i + len(r.from)
		return j < len(w) && isVowel(w[j])
	case betweenConsonants:
		j := i + len(r.from)
		return i > 0 && !isVowel(w[i-1]) && w[i-1] != 'n' && j < len(w) && !isVowel(w[j])
	case betweenVowels:
		j := i + len(r.from)
		return i > 0 && isVowel(w[i-1]) && j < len(w) && isVowel(w[j])
	case slavicU:
		j := i + len(r.from)
		return i > 0 && isVowel(w[i-1]) && j < len(w) && !isVowel(w[j]) && slavicEnding(w)
	case ukrainianWord:
		return ukrainianEnding(w)
	case ukrainianAfterCons:
		return i > 0 && !isVowel(w[i-1]) && ukrainianEnding(w)
	}
	return true
}

// respell returns the key id of the first respelling of w, a query word
// of letters a–z that no listed name spells or keys as it is, that a
// listed name holds as a word or as a key, and the orthographies it took;
// ok is false when none does. The orthographies of the scripts the query
// was transliterated from (scriptOrthographies) go first; each
// orthography is tried alone and with an ending cut, after the endings
// alone.
func (ix *Index) respell(w []byte, schemes []textnorm.Scheme) (tok int32, how string, ok bool) {
	if len(w) < minRespell || len(w) > maxRespell {
		return 0, "", false
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return 0, "", false
		}
	}
	var sa [2 * maxRespell]byte
	withEndings := func(s []byte, name string) (int32, string, bool) {
		for j := range endings {
			e := &endings[j]
			if cut, changed := e.cut(s); changed && len(cut) >= minRespell {
				if tok, ok := ix.known(cut); ok {
					if name != "" {
						return tok, name + " and " + e.name, true
					}
					return tok, e.name, true
				}
			}
		}
		return 0, "", false
	}
	if tok, how, ok := withEndings(w, ""); ok {
		return tok, how, ok
	}
	letters, pairs := letterSet(w), pairsOf(w)
	// The reading tried last: orthographies that read a word alike (the
	// German ones, most words) are looked up once.
	var lastBuf [2 * maxRespell]byte
	last := lastBuf[:0]
	try := func(os []orthography) (int32, string, bool) {
		for i := range os {
			o := &os[i]
			if !o.mayApply(w, letters, pairs) {
				continue
			}
			s, changed := o.apply(sa[:0], w)
			if !changed || bytes.Equal(s, last) {
				continue
			}
			last = append(last[:0], s...)
			if tok, ok := ix.known(s); ok {
				return tok, o.name, true
			}
			if tok, how, ok := withEndings(s, o.name); ok {
				return tok, how, ok
			}
		}
		return 0, "", false
	}
	for _, sch := range schemes {
		if tok, how, ok := try(scriptOrthographies[sch]); ok {
			return tok, how, ok
		}
	}
	// A script's reading of the stem, an ending cut first: the reading
	// may rewrite the ending's letters, as hacekLetters reads every s
	// as sh ("Prigožins", PRIGOZHIN with the Latvian -s; "Janukovyčius",
	// YANUKOVYCH with the Lithuanian -ius).
	for j := 0; len(schemes) > 0 && j < len(endings); j++ {
		e := &endings[j]
		stem, changed := e.cut(w)
		if !changed || len(stem) < minRespell {
			continue
		}
		for _, sch := range schemes {
			os := scriptOrthographies[sch]
			for i := range os {
				if s, changed := os[i].apply(sa[:0], stem); changed {
					if tok, ok := ix.known(s); ok {
						return tok, os[i].name + " and " + e.name, true
					}
				}
			}
		}
	}
	if tok, how, ok := try(orthographies); ok {
		return tok, how, ok
	}
	// The Arabic consonants' orthographies last, on a word with a
	// letter they read: one look at its letters, not one for each.
	if arabicConsonantSpelling(letters, pairs) {
		return try(arabicConsonantOrthographies)
	}
	return 0, "", false
}

// respellListed returns the key id of the listed word of text id text as
// one of listedOrthographies respells it, where a listed name holds that
// reading too under another key than the word's, and the orthography's
// name: "bachir", which the lists write for some, is "bashir" for the
// others; "orloff" is ORLOV.
//
// The words of queries are mostly listed, and the same ones again: the
// answer is kept by text id (Index.listedAlts), 0 before it is asked,
// noListedAlt for none, and otherwise the key id plus one shifted left by
// listedAltBits, the orthography's index in the low bits.
func (ix *Index) respellListed(text int32) (tok int32, how string, ok bool) {
	memo := &ix.listedAlts()[text]
	v := memo.Load()
	if v == 0 {
		v = noListedAlt
		if w := ix.dict.texts[text]; len(w) >= minRespell && len(w) <= maxRespell {
			v = ix.findListedAlt([]byte(w), ix.dict.textKey[text])
		}
		memo.Store(v)
	}
	if v == noListedAlt {
		return 0, "", false
	}
	return v>>listedAltBits - 1, listedOrthographies[v&(1<<listedAltBits-1)].name, true
}

// noListedAlt and listedAltBits encode respellListed's answers.
const (
	noListedAlt   = -1
	listedAltBits = 4
)

// findListedAlt is respellListed's search, encoded.
func (ix *Index) findListedAlt(w []byte, exact int32) int32 {
	letters, pairs := letterSet(w), pairsOf(w)
	var sa [2 * maxRespell]byte
	for i, o := range listedOrthographies {
		if !o.mayApply(w, letters, pairs) {
			continue
		}
		if s, changed := o.apply(sa[:0], w); changed {
			if tok, ok := ix.known(s); ok && tok != exact {
				return (tok+1)<<listedAltBits | int32(i)
			}
		}
	}
	return noListedAlt
}

// appendRespelt appends to dst, for a word of a transliterated query
// (translit), the key ids of its readings by the orthographies of the
// query's scripts that a listed name holds; how names the orthography of
// the first.
func (ix *Index) appendRespelt(dst []int32, w []byte, schemes []textnorm.Scheme, translit bool) ([]int32, string) {
	var how string
	if !translit || len(w) > maxRespell {
		return dst, how
	}
	var sa [2 * maxRespell]byte
	for _, sc := range schemes {
		for i := range scriptOrthographies[sc] {
			o := &scriptOrthographies[sc][i]
			s, changed := o.apply(sa[:0], w)
			if !changed || len(s) < 2 {
				continue
			}
			if tok, ok := ix.knownShort(s); ok && !slices.Contains(dst, tok) {
				dst = append(dst, tok)
				if how == "" {
					how = o.name
				}
			}
		}
	}
	return dst, how
}

// knownShort is known for words of two letters or more.
func (ix *Index) knownShort(s []byte) (int32, bool) {
	if len(s) >= minKnown {
		return ix.known(s)
	}
	d := &ix.dict
	if id, ok := d.textIDs.find(d.texts, s); ok {
		return d.textKey[id], true
	}
	return 0, false
}

// eachSkeletonReading calls fn with each reading of w, a query word
// transliterated by schemes, whose consonant skeleton is looked up: w as
// it is read (but where greekCh reads it otherwise) and w as each of the
// scripts' orthographies respells it; an Arabic-script reading also with
// the letters of its digraphs apart (splitDigraphs). It stops when fn
// returns false.
func eachSkeletonReading(w []byte, schemes []textnorm.Scheme, fn func(r []byte) bool) {
	if !greekCh(schemes, w) && !fn(w) {
		return
	}
	if slices.Contains(schemes, textnorm.ArabicScript) {
		// The letters of the reading's digraphs read apart too.
		var sb [2 * maxRespell]byte
		r, ok := splitDigraphs(sb[:0], w)
		if ok && !fn(r) {
			return
		}
		// And those of its last alone, a final he after a consonant,
		// which Persian sounds -eh ("زاده", "zadh", ZADEH), where a
		// digraph before it is one ("فخری‌زاده", "fkhrizadh",
		// FAKHRIZADEH).
		if ok && len(w) >= 2 && w[len(w)-1] == 'h' && slices.Contains(digraphs[:], string(w[len(w)-2:])) {
			last := append(append(sb[len(r):len(r)], w[:len(w)-1]...), letterBreak, 'h')
			if !bytes.Equal(last, r) && !fn(last) {
				return
			}
		}
	}
	if len(w) > maxRespell {
		return
	}
	var sa [2 * maxRespell]byte
	if slices.Contains(schemes, textnorm.Hebrew) {
		// A yod between consonants for the j of a foreign name that
		// sounds as y (בנימין, "bnimin", Benjamin; יאן, Jan).
		if r, ok := yodAsJ(sa[:0], w); ok && !fn(r) {
			return
		}
	}
	for _, sc := range schemes {
		for i := range scriptOrthographies[sc] {
			if r, changed := scriptOrthographies[sc][i].apply(sa[:0], w); changed && !fn(r) {
				return
			}
		}
	}
}

// yodAsJ appends to dst w, read from Hebrew letters, with its first i
// (a yod) that is neither first nor last and follows a consonant written
// j; ok is false when w has none.
func yodAsJ(dst, w []byte) (out []byte, ok bool) {
	for i := 1; i+1 < len(w); i++ {
		if w[i] == 'i' && !isVowel(w[i-1]) {
			dst = append(append(append(dst, w[:i]...), 'j'), w[i+1:]...)
			return dst, true
		}
	}
	return dst, false
}

// greekCh reports whether w, read from Greek letters alone, holds ch: χ,
// a kh or an h, which the skeleton of a Latin spelling reads as the ch of
// English ("Χαμάς", "chamas", is not TAMAS); the Greek orthographies'
// readings give its skeleton (eachSkeletonReading).
func greekCh(schemes []textnorm.Scheme, w []byte) bool {
	return len(schemes) == 1 && schemes[0] == textnorm.GreekELOT && bytes.Contains(w, []byte("ch"))
}

// appendTranslitSkeletonKeys appends to dst the keys of the listed words
// whose skeleton is that of a reading of w, a query word transliterated
// by schemes (eachSkeletonReading); none when the scripts keep the
// consonants apart (consonantsKept).
func (ix *Index) appendTranslitSkeletonKeys(dst []int32, w []byte, schemes []textnorm.Scheme) []int32 {
	if consonantsKept(schemes) {
		return dst
	}
	strict := writesVowels(schemes)
	eachSkeletonReading(w, schemes, func(r []byte) bool {
		dst = ix.appendSkeletonKeys(dst, r, strict)
		return true
	})
	return dst
}

// appendPairedSkeleton appends the consonant skeleton by which query word
// w, transliterated by schemes, paired a listed word of key tok: that of
// the first of its readings (eachSkeletonReading) that a listed word of
// the key has, for the explanation; w's own when none has.
func (ix *Index) appendPairedSkeleton(dst, w []byte, schemes []textnorm.Scheme, tok int32) []byte {
	start := len(dst)
	found := false
	strict := writesVowels(schemes)
	eachSkeletonReading(w, schemes, func(r []byte) bool {
		dst = appendSkeletonOf(dst[:start], r, strict, nil)
		found = len(dst)-start >= minSkeleton && slices.Contains(ix.skeletonsOf(strict)[string(dst[start:])], tok)
		return !found
	})
	if !found {
		dst = appendSkeletonOf(dst[:start], w, strict, nil)
	}
	if len(dst) > start && dst[len(dst)-1] == vowelInitial {
		dst = dst[:len(dst)-1] // a mark of the look-up, no consonant
	}
	return dst
}

// minKnown is the fewest letters of a respelling looked up by its key.
const minKnown = 4

// known returns the key id of s when a listed name holds s as a word or
// holds its phonetic key.
func (ix *Index) known(s []byte) (int32, bool) {
	if len(s) < minKnown {
		return 0, false
	}
	d := &ix.dict
	if id, ok := d.textIDs.find(d.texts, s); ok {
		return d.textKey[id], true
	}
	var kb [4 * maxRespell]byte
	return d.ids.find(d.keys, appendKey(kb[:0], s))
}
