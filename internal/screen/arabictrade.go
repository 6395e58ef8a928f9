package screen

// Words of organisations' names in the Arabic script. A name written in
// Arabic or Persian says what the organisation is in words of its own
// (شركة company, جماعة group, المسلحة armed), which the Latin name the
// same organisation goes by translates, while its own name it
// transliterates: "الجماعة الاسلامية المسلحة" is ARMED ISLAMIC GROUP,
// "شبكة محمد جمال" MUHAMMAD JAMAL NETWORK. Read letter for letter, the
// words are skeletons no listed name spells ("jmaaa", "mslha"); an
// organisation's name in the Arabic script is read once more with them as
// the English words, the article before each left out, as English names
// leave it. A reading, not the name as written: a possible match at most
// (capTranslated), and the explanation says which words were read so.

// arabicTradeWords are the words, as the Arabic script reads letter for
// letter (textnorm's transliteration: "جماعة" is "jmaaa"), and the
// English words the Latin names write for them: the kinds of
// organisations the lists name (groups, movements, fronts, companies,
// banks, exchanges), the words that qualify them, and the countries'
// adjectives.
var arabicTradeWords = map[string]string{
	// Kinds of organisations.
	"jmaaa": "group", "mjmuaa": "group", "hrka": "movement", "jbha": "front", "ktaib": "brigades",
	"lwa": "brigade", "mnzma": "organization", "shbka": "network", "shrka": "company", "shrkt": "company",
	"mussa": "establishment", "jmaya": "society", "bnk": "bank", "msrf": "bank", "srafa": "exchange",
	"llsrafa": "exchange",
	// What qualifies them.
	"aslamia": "islamic", "islamia": "islamic", "aslami": "islamic", "islami": "islamic", "mslha": "armed",
	"mqatla": "fighting", "jhad": "jihad", "mhduda": "limited", "tjaria": "trading", "lltjara": "trading",
	"dulia": "international", "duli": "international", "wtnia": "national", "wtni": "national",
	"mthda": "united", "mtqdma": "advanced", "lalamal": "works", "llaamal": "works", "aamal": "works",
	"qabda": "holding", "snaaya": "industrial", "snati": "industrial", "dryayi": "marine", "khiria": "charitable",
	"aghatha": "relief", "llastthmar": "investment", "astthmar": "investment", "nft": "oil",
	// Countries' adjectives.
	"arbia": "arab", "arbi": "arab", "libia": "libyan", "mghrbia": "moroccan", "tunsia": "tunisian",
	"msria": "egyptian", "msri": "egyptian", "suria": "syrian", "araqia": "iraqi", "iyrania": "iranian",
}

// translateArabicTrade reads the words of nb, an organisation's name read
// from the Arabic script, that arabicTradeWords holds as the English
// words, the article before each left out, and records each in
// nb.arabicRead. It reports whether it read any.
func (nb *normBuf) translateArabicTrade() bool {
	done := false
	for i := 0; i < len(nb.words); i++ {
		if nb.words[i].flags != 0 {
			continue
		}
		en, ok := arabicTradeWords[string(nb.word(i))]
		if !ok {
			continue
		}
		from, k := i, 1
		if i > 0 && nb.words[i-1].flags == 0 && particleClass(string(nb.word(i-1))) == articleClass {
			from, k = i-1, 2
		}
		nb.arabicRead = append(nb.arabicRead, nb.String2(from, i+1)+" as "+en)
		i += nb.replaceWords(from, k, en) - k
		done = true
	}
	if done {
		nb.resegmented = true
	}
	return done
}
