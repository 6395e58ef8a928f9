package screen

import (
	_ "embed" // the words of the names of countries and regions
	"strings"
	"sync"
)

// chinesePlaces are the provinces and the larger cities of China, with
// which Chinese companies' names lead, before the company's own word
// ("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD", "ZHEJIANG DAHUA
// TECHNOLOGY CO LTD"), in pinyin as their Latin names write them. Such a
// word names the place, not the party: a query of the company's own word
// alone stands for the name as it does where no place leads it
// (restCommon).
var chinesePlaces = map[string]struct{}{
	// Provinces, autonomous regions and municipalities.
	"anhui": {}, "beijing": {}, "chongqing": {}, "fujian": {}, "gansu": {}, "guangdong": {}, "guangxi": {},
	"guizhou": {}, "hainan": {}, "hebei": {}, "heilongjiang": {}, "henan": {}, "hubei": {}, "hunan": {},
	"jiangsu": {}, "jiangxi": {}, "jilin": {}, "liaoning": {}, "ningxia": {}, "qinghai": {}, "shaanxi": {},
	"shandong": {}, "shanghai": {}, "shanxi": {}, "sichuan": {}, "tianjin": {}, "xinjiang": {}, "xizang": {},
	"yunnan": {}, "zhejiang": {},
	// Cities.
	"changchun": {}, "changsha": {}, "chengdu": {}, "dalian": {}, "dongguan": {}, "foshan": {}, "fuzhou": {},
	"guangzhou": {}, "guiyang": {}, "haikou": {}, "hangzhou": {}, "harbin": {}, "hefei": {}, "huizhou": {},
	"jinan": {}, "kunming": {}, "lanzhou": {}, "nanchang": {}, "nanjing": {}, "nanning": {}, "ningbo": {},
	"qingdao": {}, "shantou": {}, "shenyang": {}, "shenzhen": {}, "shijiazhuang": {}, "suzhou": {},
	"taiyuan": {}, "urumqi": {}, "wenzhou": {}, "wuhan": {}, "wuxi": {}, "xiamen": {}, "xian": {},
	"yantai": {}, "zhengzhou": {}, "zhongshan": {}, "zhuhai": {},
}

// chinesePlace reports whether w is one of chinesePlaces.
func chinesePlace[T string | []byte](w T) bool {
	_, ok := chinesePlaces[string(w)]
	return ok
}

// regionWordsText is the words of the names of the countries and regions
// of the world (ISO 3166 and UN M.49) as CLDR names them in English,
// German, French, Spanish, Italian, Portuguese, Dutch, Swedish, Danish,
// Polish, Czech and Turkish, the languages subsidiaries are named in
// ("Rosneft Deutschland GmbH", "Kaspersky Lab Switzerland GmbH", "Sberbank
// Europe AG"), folded as the index folds words, three letters or more, and
// the countries' ISO 3166 three-letter codes ("usa"); words of everyday
// English ("united", "south") left out, since they name companies too.
// Sorted bytewise, a word a line, read into a set on first use
// (regionWords). Generated from golang.org/x/text's CLDR data:
// TestRegionWordsTable checks it against the module the build uses and
// rewrites it with -update.
//
//go:embed data/region-words.txt
var regionWordsText string

// placeWord reports whether w, a folded word, names a place and not a
// party: a country's name or adjective (countryForms), a Chinese
// province or city, or a word of a country's or region's name
// (regionWordsText).
func placeWord[T string | []byte](w T) bool {
	if countryWord(w) || chinesePlace(w) {
		return true
	}
	_, ok := regionWords()[string(w)]
	return ok
}

// regionWords is regionWordsText as a set, made on first use: a look-up
// a word is cheaper in it than a search of the text, and it is asked of
// most organisations' names a list holds a word of.
var regionWords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, strings.Count(regionWordsText, "\n"))
	for w := range strings.Lines(regionWordsText) {
		m[strings.TrimSuffix(w, "\n")] = struct{}{}
	}
	return m
})
