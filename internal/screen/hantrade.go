package screen

import "strings"

// Trade words of Chinese company names. A company's name in Han
// characters says its trade in words of its own (科技 technology, 电子
// electronics, 船务 shipping), which the Latin name the same company
// goes by translates, while its brand it spells in pinyin: "成都景昕科技
// 有限公司" is CHENGDU JINGXIN TECHNOLOGY CO LTD, "華信船務(香港)有限公司"
// HUAXIN SHIPPING HONGKONG LTD. Read in pinyin, the trade words are
// syllables no listed name spells ("ke ji", "chuan wu"); an
// organisation's name in Han characters has them read as the English
// words instead, and the explanation says so. Simplified and
// traditional characters read alike in pinyin (技術 and 技术 are both
// "ji shu"), so one table serves both.

// hanTradeWords are the trade words, as their characters read in pinyin
// syllable by syllable, and the English words the Latin names write for
// them: the commonest words of the trades of companies the lists name
// (technology, electronics, shipping and logistics, energy, machinery,
// trading and investment) and the place names that the lists write in
// English.
var hanTradeWords = []struct{ pinyin, english string }{
	{"ke ji", "technology"}, {"ji shu", "technology"}, {"dian zi", "electronics"},
	{"chuan wu", "shipping"}, {"hang yun", "shipping"}, {"hai yun", "shipping"},
	{"wu liu", "logistics"}, {"mao yi", "trading"}, {"guo ji", "international"},
	{"kong gu", "holding"}, {"ji tuan", "group"}, {"tou zi", "investment"},
	{"neng yuan", "energy"}, {"dong li", "power"}, {"she bei", "equipment"},
	{"gong cheng", "engineering"}, {"ke xue", "science"}, {"shi ye", "industrial"},
	{"fa zhan", "development"}, {"ruan jian", "software"}, {"xin xi", "information"},
	{"tong xin", "communication"}, {"hua gong", "chemical"}, {"yi qi", "instrument"},
	{"zhi zao", "manufacturing"}, {"jin chu kou", "import export"}, {"shu kong", "cnc"},
	{"zhi neng", "intelligent"}, {"ji xie", "machinery"}, {"jing mi", "precision"},
	{"xiang gang", "hong kong"}, {"zhong guo", "china"}, {"yin hang", "bank"},
}

// hanTradeRuns are hanTradeWords split into words, by first syllable.
var hanTradeRuns = func() map[string][]hanTradeRun {
	m := map[string][]hanTradeRun{}
	for _, t := range hanTradeWords {
		syl := strings.Fields(t.pinyin)
		m[syl[0]] = append(m[syl[0]], hanTradeRun{syl, strings.Fields(t.english)})
	}
	return m
}()

type hanTradeRun struct{ pinyin, english []string }

// translateHanTrade reads the trade words of nb, an organisation's name
// read from Han characters syllable by syllable, as English words
// (hanTradeWords), and records each in nb.translated. It reports whether
// it read any.
func (nb *normBuf) translateHanTrade() bool {
	done := false
	for i := 0; i < len(nb.words); i++ {
		if nb.words[i].flags != 0 {
			continue
		}
		for _, run := range hanTradeRuns[firstSyllable(nb.word(i))] {
			k := nb.spells(i, run.pinyin)
			if k == 0 {
				continue
			}
			nb.translated = append(nb.translated, nb.String2(i, i+k)+" as "+strings.Join(run.english, " "))
			i += nb.replaceWords(i, k, run.english...) - 1
			done = true
			break
		}
	}
	return done
}

// translateAnew reads the trade words of nb, read from name, as English
// ones (translateHanTrade), repairs its word boundaries after
// (Index.resegment), and reports whether it read any. A reading whose
// boundaries resegment repaired already is read anew from name first,
// syllable by syllable: a join may straddle a trade word ("bao li ke
// ji", 保利科技, joined into "bao like ji", LIKE being a listed word).
// One it left as it was is the name's syllables still.
func (ix *Index) translateAnew(nb *normBuf, name string) bool {
	if !nb.resegmented {
		done := nb.translateHanTrade()
		if done {
			ix.resegment(nb)
		}
		return done
	}
	nb.normalize(name)
	done := nb.translateHanTrade()
	ix.resegment(nb)
	return done
}

// spells returns the number of words of nb from i on that spell the
// syllables syl, each word one syllable or several run together (resegment
// joins the syllables a listed word spells: "ke ji" may be "keji"), and
// plain; 0 when they do not.
func (nb *normBuf) spells(i int, syl []string) int {
	k := 0
	for len(syl) > 0 {
		if i+k >= len(nb.words) || nb.words[i+k].flags != 0 {
			return 0
		}
		w := nb.word(i + k)
		for len(syl) > 0 && len(w) >= len(syl[0]) && string(w[:len(syl[0])]) == syl[0] {
			w, syl = w[len(syl[0]):], syl[1:]
		}
		if len(w) > 0 {
			return 0
		}
		k++
	}
	return k
}

// firstSyllable returns the syllable of hanTradeRuns that word w begins
// with, or w itself.
func firstSyllable(w []byte) string {
	for n := min(len(w), maxPinyin); n > 0; n-- {
		if _, ok := hanTradeRuns[string(w[:n])]; ok {
			return string(w[:n])
		}
	}
	return string(w)
}

// maxPinyin is the most letters of a pinyin syllable ("zhuang").
const maxPinyin = 6
