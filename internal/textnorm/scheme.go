package textnorm

// Scheme names a way a name was brought into Latin letters, for
// explanations ("matched after transliteration (BGN/PCGN, Cyrillic)").
type Scheme string

// The schemes. Where a scheme is AnyAscii's per-character table with
// context rules of this package on top, the name says so: AnyAscii
// (github.com/anyascii/go) takes each script's letters from its common
// romanisation, one character at a time; the rules restore what one
// character cannot tell (word order of Thai vowels, the inherent vowel of
// Devanagari, Japanese double consonants, vowels written as consonants in
// Arabic and Hebrew).
const (
	// Lookalike: letters of another script that look like Latin letters,
	// inside a word of Latin letters ("Kaspersky" with a Cyrillic "р"),
	// replaced by those letters per the confusables data of Unicode
	// Technical Standard #39. In FoldName's variants, also a whole word of
	// such letters ("КНЕР" read as "khep").
	Lookalike Scheme = "UTS #39 confusables (lookalike letters read as Latin)"
	// CyrillicBGN is close to BGN/PCGN, the scheme OFAC writes Russian
	// names in: х→kh, ц→ts, щ→shch, й→y, ы→y, ю→yu, я→ya, soft and hard
	// signs dropped.
	CyrillicBGN Scheme = "BGN/PCGN (Cyrillic)"
	// CyrillicICAO is ICAO Doc 9303, the scheme of Russian passports since
	// 2013 (й→i, ю→iu, я→ia, ъ→ie).
	CyrillicICAO Scheme = "ICAO Doc 9303 (Cyrillic, passports)"
	// CyrillicEnglish is CyrillicBGN with the endings -ий and -ый written
	// -y, as English usage writes names ("Kaspersky").
	CyrillicEnglish Scheme = "BGN/PCGN with -iy as -y (Cyrillic, English usage)"
	// GreekELOT is ELOT 743 (ISO 843 type 2), simplified, without accents.
	GreekELOT Scheme = "ELOT 743 (Greek)"
	// Pinyin is Hanyu Pinyin without tones, one syllable per character,
	// each character's most frequent Mandarin reading; syllables are
	// separate words ("华为" → "hua wei"). Japanese kanji get their
	// Mandarin reading too.
	Pinyin Scheme = "Hanyu Pinyin (Han, AnyAscii)"
	// Hepburn is Hepburn romanisation of hiragana and katakana, without
	// macrons (long vowels written once).
	Hepburn Scheme = "Hepburn (kana, AnyAscii with double consonants and contractions)"
	// RevisedRomanization is the Revised Romanization of Korean, syllable by
	// syllable.
	RevisedRomanization Scheme = "Revised Romanization (Hangul, AnyAscii)"
	// ArabicScript is a consonantal romanisation of the Arabic script
	// (Arabic, Persian, Urdu): consonants as in ALA-LC without diacritics,
	// by its Persian table in a text with a letter Arabic does not write
	// (dad "z", tha "s", waw "v"); alef, waw and ya as the long vowels a,
	// u and i where they stand for vowels; short vowels, which are not
	// written, are absent. Compare its output with ConsonantKey.
	ArabicScript Scheme = "ALA-LC consonantal (Arabic script, AnyAscii with long vowels)"
	// Hebrew is a consonantal romanisation of Hebrew: vav and yod inside a
	// word as the vowels o/u and i. Compare with ConsonantKey.
	Hebrew Scheme = "Hebrew consonantal (AnyAscii with vav and yod as vowels)"
	// Georgian is the Georgian national system of 2002 (no apostrophes).
	Georgian Scheme = "Georgian national system (AnyAscii)"
	// Armenian is the common romanisation of Armenian (ու → u, և → ev).
	Armenian Scheme = "Armenian (AnyAscii, ու as u)"
	// Thai is close to the Royal Thai General System: letters one by one,
	// vowels written before their consonant moved after it.
	Thai Scheme = "RTGS-like (Thai, AnyAscii with vowels reordered)"
	// Devanagari is ISO 15919 without diacritics, with the inherent vowel
	// "a" written except at the end of a word after a single consonant
	// ("नरेन्द्र मोदी" → "narendra modi").
	Devanagari Scheme = "ISO 15919 without diacritics (Devanagari, AnyAscii with inherent a)"
	// Bengali is Devanagari's scheme applied to the Bengali script, whose
	// letters match Devanagari's one for one (inherent vowel written "a",
	// ISO 15919's choice; Bengali says "o").
	Bengali Scheme = "ISO 15919 without diacritics (Bengali, AnyAscii with inherent a)"
	// Indic is Devanagari's scheme applied to the other Brahmic scripts
	// whose blocks are laid out as Devanagari's (Gurmukhi, Gujarati, Oriya,
	// Tamil, Telugu, Kannada, Malayalam): the inherent vowel "a" written.
	// The Dravidian scripts (Tamil, Telugu, Kannada, Malayalam) keep it
	// where Hindi drops it, at the end of a word and between consonants
	// ("నికోలస్" → "nikolas", "రామ" → "rama").
	Indic Scheme = "ISO 15919 without diacritics (Brahmic scripts, AnyAscii with inherent a)"
	// Myanmar is the romanisation of Burmese names of the Myanmar
	// government and BGN/PCGN, without tones: syllable by syllable, each a
	// word, the rhyme read from the vowel signs and the final consonant
	// together ("မင်းအောင်လှိုင်" → "min aung hlaing").
	Myanmar Scheme = "BGN/PCGN-like (Myanmar, syllable by syllable)"
	// OtherScript is AnyAscii's table, for the scripts no scheme above
	// covers.
	OtherScript Scheme = "AnyAscii (other scripts)"
)

// schemes is the set of schemes one folding used, in the order of first use.
type schemes []Scheme

func (s *schemes) add(sc Scheme) {
	for _, x := range *s {
		if x == sc {
			return
		}
	}
	*s = append(*s, sc)
}
