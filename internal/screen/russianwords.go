package screen

import "strings"

// The words of Russian company names and the English words the lists
// translate them by. A Russian firm is listed by one language or both:
// the UN and UK lists write "JSC 558 AIRCRAFT REPAIR PLANT" where a
// Russian record writes "558 АВИАЦИОННЫЙ РЕМОНТНЫЙ ЗАВОД" (read
// "558 aviatsionnyy remontnyy zavod"), OFAC "CREDIT BANK OF MOSCOW" for
// "МОСКОВСКИЙ КРЕДИТНЫЙ БАНК". Each word pairs with its translation as a
// word of company names does with another form of it (companyWordForms).

// russianAdjectives are the stems of adjectives of Russian company names,
// romanised as textnorm reads Cyrillic, and their English: an adjective
// agrees with its noun in gender, number and case, so each is written
// with every ending of russianEndings (a stem ending in k, g or kh with
// those of russianSoftEndings).
var russianAdjectives = [][2]string{
	{"aviatsionn", "aviation"}, {"aviatsionn", "aircraft"}, {"remontn", "repair"},
	{"moskovsk", "moscow"}, {"peterburgsk", "petersburg"}, {"uralsk", "ural"}, {"sibirsk", "siberian"},
	{"rossiysk", "russian"}, {"kreditn", "credit"}, {"pryam", "direct"}, {"nov", "new"},
	{"vostochn", "eastern"}, {"zapadn", "western"}, {"severn", "northern"}, {"yuzhn", "southern"},
	{"chastn", "private"}, {"voenn", "military"}, {"sovremenn", "modern"}, {"morsk", "marine"},
	{"morsk", "sea"}, {"arktichesk", "arctic"}, {"federaln", "federal"},
	{"gosudarstvenn", "state"}, {"natsionaln", "national"}, {"mezhdunarodn", "international"},
	{"tsentraln", "central"}, {"torgov", "trading"}, {"promyshlenn", "industrial"},
	{"energetichesk", "energy"}, {"neftyan", "oil"}, {"gazov", "gas"}, {"khimichesk", "chemical"},
	{"yadern", "nuclear"}, {"atomn", "atomic"}, {"raketn", "missile"}, {"raketn", "rocket"},
	{"kosmichesk", "space"}, {"aerokosmichesk", "aerospace"}, {"elektronn", "electronic"},
	{"oboronn", "defense"}, {"investitsionn", "investment"}, {"finansov", "financial"},
	{"kommerchesk", "commercial"}, {"transportn", "transport"}, {"stroiteln", "construction"},
	{"sudostroiteln", "shipbuilding"}, {"tekhnichesk", "technical"}, {"obshchestvenn", "public"},
	{"avtonomn", "autonomous"}, {"almazn", "diamond"}, {"zolot", "gold"}, {"ugoln", "coal"},
	{"metallurgichesk", "metallurgical"}, {"rechn", "river"}, {"vozdushn", "air"},
	{"informatsionn", "information"}, {"strakhov", "insurance"}, {"eksportn", "export"},
	{"nauchn", "scientific"}, {"proizvodstvenn", "production"}, {"issledovatelsk", "research"},
	{"konstruktorsk", "design"}, {"opytn", "experimental"}, {"priborostroiteln", "instrument"},
}

// russianEndings are the endings of an adjective of a hard stem as
// Cyrillic romanises: -ый, -ий, -ой, -ая, -ое, -ые, -ого, -ых.
var russianEndings = []string{"yy", "iy", "oy", "aya", "oe", "oye", "ye", "yye", "ogo", "ykh"}

// russianSoftEndings are those of a stem ending in k, g or kh, which
// write i for y: -ий, -ой, -ая, -ое, -ие, -ого, -их.
var russianSoftEndings = []string{"iy", "oy", "aya", "oe", "oye", "ie", "iye", "ogo", "ikh"}

// russianNouns are nouns of Russian company names in the nominative and
// genitive, romanised, and their English.
var russianNouns = [][2]string{
	{"predpriyatie", "enterprise"}, {"predpriiatie", "enterprise"}, {"predpriyatiye", "enterprise"},
	{"predpriyatiya", "enterprise"}, {"nauchno", "scientific"}, {"obedinenie", "association"},
	{"obyedinenie", "association"}, {"obedineniye", "association"}, {"obyedineniye", "association"},
	{"byuro", "bureau"}, {"biuro", "bureau"}, {"kombinat", "combine"}, {"razvitie", "development"},
	{"razvitiya", "development"}, {"razvitiye", "development"}, {"rekonstruktsiya", "reconstruction"},
	{"rekonstruktsii", "reconstruction"}, {"investitsii", "investment"}, {"investitsiy", "investment"},
	{"investitsii", "investments"}, {"investitsiy", "investments"}, {"obozrenie", "outlook"},
	{"obozreniye", "outlook"}, {"obozrenie", "review"}, {"organizatsiya", "organization"},
	{"organizatsii", "organization"}, {"dvizhenie", "movement"}, {"dvizheniye", "movement"},
	{"korporatsiya", "corporation"}, {"korporatsii", "corporation"}, {"assotsiatsiya", "association"},
	{"soyuz", "union"}, {"komitet", "committee"}, {"sluzhba", "service"}, {"upravlenie", "directorate"},
	{"fabrika", "factory"}, {"verf", "shipyard"}, {"aviakompaniya", "airlines"},
	{"aviakompaniya", "airline"}, {"flot", "fleet"}, {"resursy", "resources"}, {"energiya", "energy"},
	{"birzha", "exchange"}, {"stroitelstvo", "construction"}, {"kompaniya", "company"}, {"kompanii", "company"}, {"i", "and"},
	// Ukrainian.
	{"naukovo", "scientific"}, {"vyrobnyche", "production"}, {"pidpryiemstvo", "enterprise"},
	{"pidpryyemstvo", "enterprise"},
}

// russianTranslations returns the pairs of russianAdjectives, with their
// endings, and of russianNouns.
func russianTranslations() [][2]string {
	out := append([][2]string(nil), russianNouns...)
	for _, a := range russianAdjectives {
		ends := russianEndings
		if stem := a[0]; strings.HasSuffix(stem, "k") || strings.HasSuffix(stem, "g") || strings.HasSuffix(stem, "kh") {
			ends = russianSoftEndings
		}
		for _, e := range ends {
			out = append(out, [2]string{a[0] + e, a[1]})
		}
	}
	return out
}

// russianAcronymWords returns the English words the lists translate the
// acronym w of a Russian organisation's kind by, whose initials the
// acronym's letters are in Russian: NPO, nauchno-proizvodstvennoe
// obedinenie, is a SCIENTIFIC PRODUCTION ASSOCIATION ("NPO ANDROIDNAYA
// TEKHNIKA" for JOINT STOCK COMPANY SCIENTIFIC PRODUCTION ASSOCIATION
// ANDROIDNAYA TEKHNIKA); nil for another word.
func russianAcronymWords(w []byte) [][]string {
	switch string(w) {
	case "npo":
		return [][]string{{"scientific", "production", "association"}, {"research", "and", "production", "association"}}
	case "npp":
		return [][]string{{"scientific", "production", "enterprise"}, {"research", "and", "production", "enterprise"}}
	case "npk":
		return [][]string{{"scientific", "production", "corporation"}, {"research", "and", "production", "corporation"}}
	case "nii":
		return [][]string{{"scientific", "research", "institute"}, {"research", "institute"}}
	case "tsnii":
		return [][]string{{"central", "scientific", "research", "institute"}, {"central", "research", "institute"}}
	case "okb":
		return [][]string{{"experimental", "design", "bureau"}}
	}
	return nil
}

// translatedAcronymAt returns the end of the words of the name from j on
// that are the English of w, a Russian acronym (russianAcronymWords), 0
// when they are not.
func (ix *Index) translatedAcronymAt(words []RecWord, j int, w []byte) int {
	for _, exp := range russianAcronymWords(w) {
		if len(exp) > len(words)-j {
			continue
		}
		k := 0
		for k < len(exp) && ix.dict.texts[words[j+k].text] == exp[k] {
			k++
		}
		if k == len(exp) {
			return j + k
		}
	}
	return 0
}
