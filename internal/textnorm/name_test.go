package textnorm_test

import (
	"slices"
	"testing"

	"github.com/bangate/bangate/internal/textnorm"
)

// TestFoldDisguises covers every Unicode disguise of issue 13: each must
// fold to the plain brand word.
func TestFoldDisguises(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in string }{
		{"plain", "Kaspersky"},
		{"full-width", "ＫＡＳＰＥＲＳＫＹ"},
		{"full-width lower", "ｋａｓｐｅｒｓｋｙ"},
		{"mathematical bold", "𝐊𝐚𝐬𝐩𝐞𝐫𝐬𝐤𝐲"},
		{"mathematical fraktur", "𝔎𝔞𝔰𝔭𝔢𝔯𝔰𝔨𝔶"},
		{"mathematical sans-serif", "𝖪𝖺𝗌𝗉𝖾𝗋𝗌𝗄𝗒"},
		{"circled", "Ⓚⓐⓢⓟⓔⓡⓢⓚⓨ"},
		{"Cyrillic er", "Kas\u0440ersky"},
		{"Cyrillic u", "Kaspersk\u0443"},
		{"Cyrillic er and u", "Kas\u0440ersk\u0443"},
		{"Cyrillic a, e, s", "K\u0430\u0455p\u0435rsky"},
		{"Cyrillic capital ka", "\u041Aaspersky"},
		{"Greek kappa and omicron", "\u039Aaspersky"},
		{"Hangul filler U+3164", "Kasp\u3164ersky"},
		{"Hangul choseong filler U+115F", "Kasp\u115Fersky"},
		{"Hangul jungseong filler U+1160", "Kasp\u1160ersky"},
		{"half-width Hangul filler U+FFA0", "Kasp\uFFA0ersky"},
		{"Braille blank U+2800", "Kasp\u2800ersky"},
		{"DEL", "Kasp\x7Fersky"},
		{"NUL", "Kasp\x00ersky"},
		{"NEL U+0085", "Kasp\u0085ersky"},
		{"line separator U+2028", "Kasp\u2028ersky"},
		{"paragraph separator U+2029", "Kasp\u2029ersky"},
		{"zero-width space", "Kasp\u200Bersky"},
		{"zero-width non-joiner", "Kasp\u200Cersky"},
		{"zero-width joiner", "Kasp\u200Dersky"},
		{"left-to-right mark", "Kasp\u200Eersky"},
		{"right-to-left mark", "Kasp\u200Fersky"},
		{"word joiner", "Kasp\u2060ersky"},
		{"invisible separator", "Kasp\u2063ersky"},
		{"byte order mark", "\uFEFFKasp\uFEFFersky"},
		{"soft hyphen", "Kasp\u00ADersky"},
		{"variation selector", "Kasp\uFE0Fersky"},
		{"variation selector supplement", "Kasp\U000E0100ersky"},
		{"tag characters", "Kasp\U000E0041\U000E007Fersky"},
		{"Mongolian vowel separator", "Kasp\u180Eersky"},
		{"combining grapheme joiner", "Kasp\u034Fersky"},
		{"combining marks", "K\u0301a\u0308spersky\u0327"},
		{"invalid UTF-8", "Kasp\xFFersky"},
		{"private use", "Kasp\uE000ersky"},
		{"trademark sign", "Kaspersky™"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := textnorm.Fold(tt.in); got != "kaspersky" {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, "kaspersky")
			}
		})
	}
}

// TestFold covers the ordinary cases: case, punctuation, diacritics, and
// what screen's tokeniser has always done with names.
func TestFold(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"", ""},
		{" .,- ", ""},
		{"KASPERSKY LAB, ZAO", "kaspersky lab zao"},
		{"  Kaspersky\tLab\n", "kaspersky lab"},
		{"Kaspersky\u3000Lab", "kaspersky lab"},
		{"Kaspersky\u00A0Lab", "kaspersky lab"},
		{"Nicolás Maduro", "nicolas maduro"},
		{"Crème Brûlée Straße Łódź", "creme brulee strasse lodz"},
		{"Øresund Ærø Œuvre Þór", "oresund aero oeuvre thor"},
		{"İstanbul", "istanbul"},
		{"O'Brien D’Arcy", "obrien darcy"},
		{"Z.T.E. Corp", "z t e corp"},
		{"Huawei Device Co., Ltd.", "huawei device co ltd"},
		{"Kaspersky™ Lab", "kaspersky lab"},
		// Letters in frames, which NFKC leaves as symbols; not regional
		// indicators, which show flags.
		{"🅷🅰🅼🅰🆂 🅗🅐🅜🅐🅢", "hamas hamas"},
		{"Acme 🇺🇸", "acme"},
		{"«Kaspersky»", "kaspersky"},
		{"Kaspersky—Lab", "kaspersky lab"},
		{"ﬁrm", "firm"},
		{"Андрей Тихонов", "andrey tikhonov"},
		{"Геннадьевич Борщев", "gennadevich borshchev"},
		{"Київ", "kiyiv"},
		{"Γιώργος Παπαδόπουλος", "giorgos papadopoulos"},
		{"ZTE中兴通讯", "zte zhong xing tong xun"},
		{"١٢٣ ٤", "123 4"},
	}
	for _, tt := range tests {
		if got := textnorm.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestScripts folds a real name in each script issue 20 names, with the
// scheme that must be reported.
func TestScripts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		script, in, want string
		scheme           textnorm.Scheme
	}{
		{"Cyrillic", "Путин Владимир Владимирович", "putin vladimir vladimirovich", textnorm.CyrillicBGN},
		{"Cyrillic", "Касперский", "kasperskiy", textnorm.CyrillicBGN},
		{"Cyrillic", "ООО Касперский", "ooo kasperskiy", textnorm.CyrillicBGN},
		{"Cyrillic", "Лаборатория Касперского", "laboratoriya kasperskogo", textnorm.CyrillicBGN},
		{"Greek", "Αλέξης Τσίπρας", "alexis tsipras", textnorm.GreekELOT},
		{"Greek", "Κυριάκος Μητσοτάκης", "kyriakos mitsotakis", textnorm.GreekELOT},
		{"Han", "华为技术有限公司", "hua wei ji shu you xian gong si", textnorm.Pinyin},
		{"Han", "海康威视", "hai kang wei shi", textnorm.Pinyin},
		{"Han", "中兴通讯", "zhong xing tong xun", textnorm.Pinyin},
		{"Han", "习近平", "xi jin ping", textnorm.Pinyin},
		// Characters of several readings as names read them: 长 chang,
		// 都 du, 重庆 chong qing, 银行 yin hang; 重 zhong elsewhere.
		{"Han place names", "成都长沙重庆厦门", "cheng du chang sha chong qing xia men", textnorm.Pinyin},
		{"Han traditional", "長安銀行", "chang an yin hang", textnorm.Pinyin},
		{"Han zhong", "重工", "zhong gong", textnorm.Pinyin},
		// 勒 le, 曾 zeng, 翟 zhai, 薄 bo in names; 秘鲁 Peru, 西藏 Tibet.
		{"Han names", "董勒成", "dong le cheng", textnorm.Pinyin},
		{"Han surnames", "曾庆红 翟隽 薄熙来", "zeng qing hong zhai juan bo xi lai", textnorm.Pinyin},
		{"Han place names", "秘鲁 西藏 喀什", "bi lu xi zang ka shi", textnorm.Pinyin},
		{"Hangul", "김정은", "gimjeongeun", textnorm.RevisedRomanization},
		{"Hangul", "삼성전자", "samseongjeonja", textnorm.RevisedRomanization},
		{"kana", "ニッサン", "nissan", textnorm.Hepburn},
		{"kana", "トヨタ", "toyota", textnorm.Hepburn},
		{"kana", "プーチン", "puchin", textnorm.Hepburn},
		{"kana", "しゃちょう", "shachou", textnorm.Hepburn},
		{"kana", "ティファニー", "tifani", textnorm.Hepburn},
		{"kana", "きしだ ふみお", "kishida fumio", textnorm.Hepburn},
		{"Arabic", "محمد بن سلمان", "mhmd bn slman", textnorm.ArabicScript},
		// The name of God as it is written, alone or ending a name.
		{"Arabic", "حزب الله", "hzb allah", textnorm.ArabicScript},
		{"Arabic", "عبدالله", "abdallah", textnorm.ArabicScript},
		{"Urdu", "سیف اللہ", "sif allah", textnorm.ArabicScript},
		{"Arabic", "الله", "allah", textnorm.ArabicScript},
		{"Arabic", "اللهم", "al lhm", textnorm.ArabicScript},
		{"Arabic", "علي", "ali", textnorm.ArabicScript},
		{"Arabic", "بشار الأسد", "bshar al asd", textnorm.ArabicScript},
		// Ghayn ending a word after nun: a foreign name's final ng.
		{"Arabic", "كيم جونغ أون", "kim jung awn", textnorm.ArabicScript},
		{"Arabic", "هونغ كونغ", "hung kung", textnorm.ArabicScript},
		{"Arabic", "غني", "ghni", textnorm.ArabicScript},
		{"Arabic", "يحيى السنوار", "yhya al snwar", textnorm.ArabicScript},
		{"Persian", "محمد جواد ظریف", "mhmd jvad zrif", textnorm.ArabicScript},
		// Persian sounds dad "z", tha "s", thal "z" and waw "v"; Arabic
		// does not.
		{"Persian", "حمیدرضا شریفی تهرانی", "hmidrza shrifi thrani", textnorm.ArabicScript},
		{"Persian", "کیومرث حیدری", "kyumrs hidri", textnorm.ArabicScript},
		{"Persian", "ذاکر وحیدی", "zakr vhidi", textnorm.ArabicScript},
		{"Arabic", "رمضان عبد الله", "rmdan abd allah", textnorm.ArabicScript},
		{"Arabic", "حديث ذكي", "hdith dhki", textnorm.ArabicScript},
		{"Arabic", "وليد", "wlid", textnorm.ArabicScript},
		// Abu and Dhu run into the article: the waw Abu's u, the
		// article's alef not sounded; a waw before alef otherwise a w.
		{"Persian", "ابوالقاسم صلواتی", "abulqasm slvati", textnorm.ArabicScript},
		{"Persian", "ذوالفقاری", "zulfqari", textnorm.ArabicScript},
		{"Arabic", "ابوالحسن", "abulhsn", textnorm.ArabicScript},
		{"Arabic", "حوالة", "hwala", textnorm.ArabicScript},
		{"Persian", "محمود احمدی\u200cنژاد", "mhmud ahmdinzhad", textnorm.ArabicScript},
		{"Hebrew", "בנימין נתניהו", "bnimin ntnihu", textnorm.Hebrew},
		{"Georgian", "ვლადიმერ პუტინი", "vladimer putini", textnorm.Georgian},
		{"Georgian", "ბიძინა ივანიშვილი", "bidzina ivanishvili", textnorm.Georgian},
		{"Armenian", "Վլադիմիր Պուտին", "vladimir putin", textnorm.Armenian},
		{"Thai", "วลาดีมีร์ ปูติน", "wladimir putin", textnorm.Thai},
		{"Thai", "แม่", "mae", textnorm.Thai},
		// อ beginning a word before a vowel is its silent carrier; between
		// consonants it is the vowel o.
		{"Thai", "อาลี", "ali", textnorm.Thai},
		{"Thai", "บาชาร์ อัล-อัสซาด", "bachar al assad", textnorm.Thai},
		{"Thai", "มิน อ่อง หล่าย", "min ong hlay", textnorm.Thai},
		{"Thai", "คิม จ็อง-อึน", "khim chong uen", textnorm.Thai},
		// อ inside a word before a vowel sign carries it; อัล leading a
		// word is the Arabic article.
		{"Thai", "บัชชาร อัลอะซัด", "bachchar al asad", textnorm.Thai},
		{"Thai", "ออสการ์", "oskar", textnorm.Thai},
		{"Thai", "โอบามา", "obama", textnorm.Thai},
		{"Devanagari", "व्लादिमीर पुतिन", "vladimir putin", textnorm.Devanagari},
		{"Devanagari", "नरेन्द्र मोदी", "narendra modi", textnorm.Devanagari},
		{"Devanagari", "संजय", "sanjay", textnorm.Devanagari},
		{"Devanagari", "अंबानी", "ambani", textnorm.Devanagari},
		// Schwa deletion and nukta letters.
		{"Devanagari", "रमज़ान कादिरोव", "ramzan kadirov", textnorm.Devanagari},
		{"Devanagari", "सर्गेई लावरोव", "sargei lavrov", textnorm.Devanagari},
		{"Devanagari", "अयमान अल-ज़वाहिरी", "ayman al zavahiri", textnorm.Devanagari},
		{"Devanagari", "व्लादिमीर व्लादिमीरोविच पुतिन", "vladimir vladimirovich putin", textnorm.Devanagari},
		{"Bengali", "ভ্লাদিমির পুতিন", "bhladimir putin", textnorm.Bengali},
		{"Bengali", "সের্গেই লাভরভ", "sergei labhrabh", textnorm.Bengali},
		{"Bengali", "নিকোলাস মাদুরো", "nikolas maduro", textnorm.Bengali},
		// The other blocks laid out as Devanagari's: the inherent vowel
		// written; the Dravidian scripts keep it at the end of a word and
		// between consonants, as they sound it.
		{"Gurmukhi", "ਰਮਜ਼ਾਨ ਕਾਦਿਰੋਵ", "ramzan kadirov", textnorm.Indic},
		{"Gujarati", "નિકોલસ માદુરો", "nikolas maduro", textnorm.Indic},
		{"Oriya", "ଭ୍ଲାଦିମିର ପୁତିନ", "bhladimir putin", textnorm.Indic},
		{"Tamil", "ரம்ஜான் கதிரோவ்", "ramjan katirov", textnorm.Indic},
		{"Telugu", "నికోలస్ మదురో", "nikolas maduro", textnorm.Indic},
		{"Telugu", "రామ", "rama", textnorm.Indic},
		{"Kannada", "ನಿಕೋಲಸ್ ಮಡುರೊ", "nikolas maduro", textnorm.Indic},
		// Malayalam's chillus are final consonants of their own.
		{"Malayalam", "വ്ലാഡിമിർ പുടിൻ", "vladimir putin", textnorm.Indic},
		// A script no scheme above covers.
		{"Khmer", "វ្ល៉ាឌីមៀ ពូទីន", "vladeimie poutein", textnorm.OtherScript},
		// Tibetan: a tsheg after each syllable, a space between words.
		{"Tibetan", "ཝེ་ལ་ཌི་མིར་ པུ་ཏིན", "weldimir putin", textnorm.OtherScript},
		{"Bengali", "শেখ হাসিনা", "sekh hasina", textnorm.Bengali},
		// Bengali's anusvara is ng.
		{"Bengali", "কিম জং উন", "kim jang un", textnorm.Bengali},
		{"Bengali", "বাংলা", "bangla", textnorm.Bengali},
		{"Myanmar", "မင်းအောင်လှိုင်", "min aung hlaing", textnorm.Myanmar},
		{"Myanmar", "အောင်ဆန်းစုကြည်", "aung san su kyi", textnorm.Myanmar},
		{"Myanmar", "သိန်းစိန်", "thein sein", textnorm.Myanmar},
		{"Myanmar", "သန်းရွှေ", "than shwe", textnorm.Myanmar},
		{"Myanmar", "မန္တလေး", "man ta le", textnorm.Myanmar},
		{"Myanmar", "မြန်မာ", "myan ma", textnorm.Myanmar},
		// Medial w closed by n or t is the rhyme u; ဦး after the first
		// syllable is the name Oo, first the honorific U.
		{"Myanmar", "မြထွန်းဦး", "mya htun oo", textnorm.Myanmar},
		{"Myanmar", "စိုးထွဋ်", "so htut", textnorm.Myanmar},
		{"Myanmar", "ဦးကိုကိုလှိုင်", "u ko ko hlaing", textnorm.Myanmar},
		{"Myanmar", "လွင်", "lwin", textnorm.Myanmar},
		{"other: Ethiopic", "ኢትዮጵያ", "ityopya", textnorm.OtherScript},
	}
	for _, tt := range tests {
		t.Run(tt.script+"/"+tt.in, func(t *testing.T) {
			t.Parallel()
			n := textnorm.FoldName(tt.in)
			if n.Text != tt.want {
				t.Errorf("FoldName(%q).Text = %q, want %q", tt.in, n.Text, tt.want)
			}
			if !slices.Contains(n.Schemes, tt.scheme) {
				t.Errorf("FoldName(%q).Schemes = %q, want %q among them", tt.in, n.Schemes, tt.scheme)
			}
			if got := textnorm.Fold(tt.in); got != n.Text {
				t.Errorf("Fold(%q) = %q, FoldName's Text %q", tt.in, got, n.Text)
			}
		})
	}
}

// TestLookalikeOrTransliterate: a Latin word with lookalike letters reads
// as Latin; a word of another script is transliterated, never read letter
// by letter as lookalikes; the whole-script reading is a variant.
func TestLookalikeOrTransliterate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, text string
		schemes  []textnorm.Scheme
		variants []string
	}{
		{"Kas\u0440ersky", "kaspersky", []textnorm.Scheme{textnorm.Lookalike}, nil},
		{"Kas\u0440ersky Lab", "kaspersky lab", []textnorm.Scheme{textnorm.Lookalike}, nil},
		{"Касперский", "kasperskiy", []textnorm.Scheme{textnorm.CyrillicBGN}, []string{"kaspersky", "kasperskii"}},
		{"ООО Касперский", "ooo kasperskiy", []textnorm.Scheme{textnorm.CyrillicBGN}, []string{"ooo kaspersky", "ooo kasperskii"}},
		// A Latin K inside a Cyrillic word: "ск" has no Latin lookalike for
		// every letter, so the word is transliterated.
		{"Kасперский", "kasperskiy", []textnorm.Scheme{textnorm.CyrillicBGN}, []string{"kaspersky", "kasperskii"}},
		// All-Cyrillic words made of lookalikes: transliterated, and read
		// as Latin in a variant.
		{"АВВ", "avv", []textnorm.Scheme{textnorm.CyrillicBGN}, []string{"abb"}},
		{"НОРЕ", "nore", []textnorm.Scheme{textnorm.CyrillicBGN}, []string{"hope"}},
		{"Дмитрий", "dmitriy", []textnorm.Scheme{textnorm.CyrillicBGN}, []string{"dmitry", "dmitrii"}},
		{"Nicolás", "nicolas", nil, nil},
		// A capital lookalike reads as the Latin capital it imitates:
		// Greek capital iota and Ukrainian І share I's prototype "l".
		{"DJ\u0399", "dji", []textnorm.Scheme{textnorm.Lookalike}, nil},
		{"D\u0408\u0406 Technology", "dji technology", []textnorm.Scheme{textnorm.Lookalike}, nil},
		// A one-letter word of lookalikes beside Latin words: read as
		// Latin in a variant too ("Н.uawei", Cyrillic Н).
		{"\u041d.uawei", "n uawei", []textnorm.Scheme{textnorm.CyrillicBGN}, []string{"h uawei"}},
		// A Cyrillic word with Latin letters typed for their Cyrillic
		// twins (a keyboard without Belarusian "і"): Cyrillic, as a
		// reader sees it, not "ibah" nor "hikolai"; read as Latin in a
		// variant where every letter looks Latin.
		{"Iван", "ivan", []textnorm.Scheme{textnorm.CyrillicBGN}, []string{"ibah"}},
		{"Hиколай", "nikolay", []textnorm.Scheme{textnorm.CyrillicBGN}, []string{"nikolai"}},
		{"Mосква", "moskva", []textnorm.Scheme{textnorm.CyrillicBGN}, []string{"mockba"}},
		// But Latin where a Latin letter has no Cyrillic twin (R), or
		// where the Latin letters are as many.
		{"KАЅРЕRЅКY", "kaspersky", []textnorm.Scheme{textnorm.Lookalike}, nil},
		{"HUAВЕІ", "huabei", []textnorm.Scheme{textnorm.Lookalike}, nil},
		// An accent typed after a lookalike: NFKC composes Greek ό, read o.
		{"Radi\u03bf\u0301 Corp", "radio corp", []textnorm.Scheme{textnorm.Lookalike}, nil},
	}
	for _, tt := range tests {
		n := textnorm.FoldName(tt.in)
		if n.Text != tt.text || !slices.Equal(n.Schemes, tt.schemes) {
			t.Errorf("FoldName(%q) = %q %q, want %q %q", tt.in, n.Text, n.Schemes, tt.text, tt.schemes)
		}
		var vs []string
		for _, v := range n.Variants {
			vs = append(vs, v.Text)
			if len(v.Schemes) == 0 {
				t.Errorf("FoldName(%q): variant %q names no scheme", tt.in, v.Text)
			}
		}
		if !slices.Equal(vs, tt.variants) {
			t.Errorf("FoldName(%q).Variants = %q, want %q", tt.in, vs, tt.variants)
		}
	}
}

// TestLatin: the tokeniser-facing form keeps ASCII punctuation and case.
func TestLatin(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		schemes  []textnorm.Scheme
	}{
		{"Z.T.E. Corp", "Z.T.E. Corp", nil},
		{"Ernst & Young", "Ernst & Young", nil},
		{"O’Brien", "O'Brien", nil},
		{"ＺＴＥ　Ｃｏｒｐ．", "ZTE Corp.", nil},
		{"Kasp\u200Bersky\tLab\x7F", "Kaspersky Lab", nil},
		{"АО «Лаборатория Касперского»", "ao <<laboratoriya kasperskogo>>", []textnorm.Scheme{textnorm.CyrillicBGN}},
		{"Kas\u0440ersky, AO", "Kaspersky, AO", []textnorm.Scheme{textnorm.Lookalike}},
		{"华为 (Huawei)", "hua wei (Huawei)", []textnorm.Scheme{textnorm.Pinyin}},
	}
	for _, tt := range tests {
		got, schemes := textnorm.Latin(tt.in)
		if got != tt.want || !slices.Equal(schemes, tt.schemes) {
			t.Errorf("Latin(%q) = %q %q, want %q %q", tt.in, got, schemes, tt.want, tt.schemes)
		}
	}
}

// TestKeys: glued and split words meet on Key; abjad spellings meet their
// Latin ones on ConsonantKey.
func TestKeys(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ a, b string }{
		{"Kasper-sky", "Kaspersky"},
		{"Kasper sky", "kaspersky"},
		{"KasperskyLab", "Kaspersky Lab"},
		{"Kaspersky-Lab", "kaspersky lab"},
		{"Hua wei", "Huawei"},
		{"HuaweiCloud", "Huawei Cloud"},
		{"HikvisionDigital", "Hikvision Digital"},
		{"华为", "Huawei"},
		{"海康威视", "Haikang Weishi"},
		{"Kas\u0440er\u2800sky", "Kaspersky"},
	} {
		if ka, kb := textnorm.Key(tt.a), textnorm.Key(tt.b); ka != kb {
			t.Errorf("Key(%q) = %q, Key(%q) = %q", tt.a, ka, tt.b, kb)
		}
	}
	for _, tt := range []struct{ a, b string }{
		{"محمد", "Mohammed"},
		{"محمد", "Muhammad"},
		{"حزب الله", "Hezbollah"},
		{"محمود", "Mahmoud"},
		{"عبد الله", "Abdullah"},
		{"بن", "bin"},
		{"נתניהו", "Netanyahu"},
		{"בנימין", "Binyamin"},
	} {
		if ka, kb := textnorm.ConsonantKey(tt.a), textnorm.ConsonantKey(tt.b); ka != kb {
			t.Errorf("ConsonantKey(%q) = %q, ConsonantKey(%q) = %q", tt.a, ka, tt.b, kb)
		}
	}
	if ka, kb := textnorm.Key("Kasper"), textnorm.Key("Kaspersky"); ka == kb {
		t.Errorf("Kasper and Kaspersky share key %q", ka)
	}
}

// TestSkeleton checks the UTS #39 skeleton.
func TestSkeleton(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"paypal", "\u0440\u0430\u0443\u0440\u0430l", true},
		{"Kaspersky", "Kas\u0440ersky", true},
		{"scope", "\u0455\u0441\u043E\u0440\u0435", true},
		{"rn", "m", true},
		{"Kaspersky", "Kasparsky", false},
	} {
		if got := textnorm.Confusable(tt.a, tt.b); got != tt.same {
			t.Errorf("Confusable(%q, %q) = %v, want %v (skeletons %q, %q)", tt.a, tt.b, got, tt.same, textnorm.Skeleton(tt.a), textnorm.Skeleton(tt.b))
		}
	}
	if got := textnorm.Skeleton(textnorm.Skeleton("Kas\u0440ersky")); got != textnorm.Skeleton("Kas\u0440ersky") {
		t.Errorf("Skeleton is not idempotent: %q", got)
	}
}

// TestWords checks Name.Words.
func TestWords(t *testing.T) {
	t.Parallel()
	if got := textnorm.FoldName("Huawei Technologies Co., Ltd.").Words(); !slices.Equal(got, []string{"huawei", "technologies", "co", "ltd"}) {
		t.Errorf("Words = %q", got)
	}
}

// TestKoreanName reads Hangul names as the lists write North Korean names.
func TestKoreanName(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"김정은", "kim jong un"},
		{"김 정은", "kim jong un"},
		{"최룡해", "choe ryong hae"},
		{"김여정", "kim yo jong"},
		{"이설주", "ri sol ju"},
		{"박봉주 (Pak)", "pak pong ju (Pak)"},
	} {
		got, ok := textnorm.KoreanName(tt.in)
		if !ok || got != tt.want {
			t.Errorf("KoreanName(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	if _, ok := textnorm.KoreanName("Kim Jong Un"); ok {
		t.Error("KoreanName of a Latin name: ok")
	}
}

// TestKoreanCyrillicNames reads Korean names written in Cyrillic as
// Russian writes them, syllable by syllable; a final н gives both of its
// readings. Russian and Chinese names in Cyrillic are not read so.
func TestKoreanCyrillicNames(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"Ким Чен Ын", []string{"kim chong un", "kim chon un"}},
		{"Чхве Рён Хэ", []string{"choe ryong hae", "choe ryon hae"}},
		{"Ким Ё Чжон", []string{"kim yo jong", "kim yo jon"}},
		{"Ри Пён Чхоль", []string{"ri pyong chol", "ri pyon chol"}},
		{"Ким Су Гиль", []string{"kim su gil"}},
		{"КИМ Чен-Ын", []string{"kim chong un", "kim chon un"}},
		{"Иван Петров", nil},
		{"Ким Александр", nil},
		{"Си Цзиньпин", nil},
		{"Ким", nil},
		{"Kim Jong Un", nil},
	} {
		got, ok := textnorm.KoreanCyrillicNames(tt.in)
		if ok != (tt.want != nil) || !slices.Equal(got, tt.want) {
			t.Errorf("KoreanCyrillicNames(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	// Four syllables with a final н each: at most eight readings.
	if got, _ := textnorm.KoreanCyrillicNames("Пан Пан Пан Пан"); len(got) != 8 {
		t.Errorf("readings of four ambiguous syllables: %d, want 8", len(got))
	}
}

// TestHanjaName: Han characters read in Korean by Unihan's kHangul, then
// as a Korean name in McCune–Reischauer; the reading used in personal
// names is preferred (金 is 김 in a name, 금 otherwise).
func TestHanjaName(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"金正恩", "kim jong un", true},
		{"崔龍海", "choe ryong hae", true},
		{"金與正", "kim yo jong", true},
		{"Kim", "", false},
		{"\U0002A6D7", "", false}, // no Korean reading
	} {
		got, ok := textnorm.HanjaName(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("HanjaName(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestHanjaNameSimplified: a name in simplified characters, which kHangul
// does not read, is read by their traditional forms (Unihan's
// kTraditionalVariant); a name HanjaName reads is left to it.
func TestHanjaNameSimplified(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"金与正", "kim yo jong", true},    // 与 for 與
		{"崔龙海", "choe ryong hae", true}, // 龙 for 龍
		{"黄炳誓", "hwang pyong so", true}, // 黄 for 黃
		{"郑京择", "jong kyong taek", true},
		{"金正恩", "", false}, // no simplified character: HanjaName's
		{"Kim", "", false},
		{"金与\U0002A6D7", "", false}, // a character with no reading at all
	} {
		if _, ok := textnorm.HanjaName(tt.in); ok && tt.ok {
			t.Errorf("HanjaName(%q) reads it, want only HanjaNameSimplified to", tt.in)
		}
		got, ok := textnorm.HanjaNameSimplified(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("HanjaNameSimplified(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestHebrewGeresh: a letter with a geresh, or an apostrophe written for
// it, is the foreign sound it marks, in one word with the rest.
func TestHebrewGeresh(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"קים ג'ונג און", "kim jong aon"},
		{"ג׳ורג׳", "jorj"},
		{"צ’צ’ניה", "chchnih"},
		{"O'Brien", "obrien"},
	} {
		if got := textnorm.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLatinPersian: LatinPersian reads the Arabic script as Persian sounds
// it whatever its letters; Latin only in a text with a letter Arabic does
// not write.
func TestLatinPersian(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, latin, persian string }{
		{"فضل رحيم", "fdl rhim", "fzl rhim"},
		{"ابو ذر", "abu dhr", "abu zr"},
		{"وليد", "wlid", "vlid"},
		{"فضل ربیع", "fzl rbia", "fzl rbia"}, // ی: Persian already
		{"Fazal Rahim", "Fazal Rahim", "Fazal Rahim"},
	} {
		if got, _ := textnorm.Latin(tt.in); got != tt.latin {
			t.Errorf("Latin(%q) = %q, want %q", tt.in, got, tt.latin)
		}
		if got, _ := textnorm.LatinPersian(tt.in); got != tt.persian {
			t.Errorf("LatinPersian(%q) = %q, want %q", tt.in, got, tt.persian)
		}
	}
	for s, want := range map[string]bool{"محمد": false, "فضل": true, "فضل ربیع": false, "Fazal": false} {
		if got := textnorm.PersianDiffers(s); got != want {
			t.Errorf("PersianDiffers(%q) = %v, want %v", s, got, want)
		}
	}
}
