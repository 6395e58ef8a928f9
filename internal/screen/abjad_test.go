package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/screen"
)

// TestAbjadLoanReadings: a foreign name in Hebrew or Arabic letters
// finds the listed name whose letters the abjad writes with others it
// has (a k for the ch of Michael, a kh for k and h, a j for the g of
// Angela or George, a vav inside a word for a v, Hebrew's tsadi for an
// Arabic sad), as a possible match;
// another name written with the same letters does not.
func TestAbjadLoanReadings(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "JACKSON, Michael", "MERKEL, Angela", "COHEN, Miriam", "BUSH, George", "LEVY, David", "HUSSEIN, Saddam", "XI, Jinping")...)
	assertReview(t, ix, "phonetic (abjad)", []reviewCase{
		{"מייקל ג׳קסון", "JACKSON, Michael", "mykl~michael (phonetic key mtsl)"},
		{"مايكل جاكسون", "JACKSON, Michael", "maykl~michael (phonetic key mtsl)"},
		{"أنجيلا ميركل", "MERKEL, Angela", "anjila~angela (phonetic key nkl)"},
		{"מרים כהן", "COHEN, Miriam", "khn~cohen (phonetic key khn)"},
		{"ג׳ורג׳ בוש", "BUSH, George", "jorj~george (phonetic key krk)"},
		{"جورج بوش", "BUSH, George", "jurj~george (phonetic key krk)"},
		{"דוד לוי", "LEVY, David", "dod~david (phonetic key dbd)"},
		{"שי ג'ינפינג", "XI, Jinping", "si~xi (phonetic key s)"}, // pinyin's x
	})
	// Tsadi for sad, read as the s of an Arabic name (TestHebrewTsadi):
	// the name pairs by its consonants.
	assertReview(t, ix, "fuzzy", []reviewCase{
		{"צדאם חוסיין", "HUSSEIN, Saddam", "tsdam~saddam (consonant skeleton stm)"},
	})
	// The same letters read as written name others.
	assertNoMatch(t, ix, "מייקל כהן", "دافيد جاكسون", "ג׳ורג׳ לוי")
}

// TestAbjadWawSpelt: waw, read u by Arabic's romanisation, is the o or u
// of a listed word; a word that differs from the listed one by nothing
// else is spelt as it ("جونغ", read "jung", is Jong), which the rarity of
// a phonetic match counts. Ya is not so read: "علي" (Ali) is no spelling
// of ALE.
func TestAbjadWawSpelt(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	assertReview(t, ix, "phonetic (abjad)", []reviewCase{
		{"كيم جونغ أون", "KIM, Jong Un", "jung≈jong (spelt alike: the script writes o and u with one letter)"},
	})
	if m := matchOf(ix.Name(screen.Query{Name: "محمد علي"}), "ALE ALI, Mohammad Reza"); m != nil {
		t.Errorf("محمد علي: %s %.3f, want none: %s", m.EntryName, m.Score, m.Explain)
	}
}

// TestAbjadReadingListed: a word read from Arabic or Hebrew letters that a
// listed name happens to spell ("mhmd", read from محمد, listed as an
// abbreviation) still stands for the word it reads as: the name spelt in
// full is found as it is without that listing.
func TestAbjadReadingListed(t *testing.T) {
	t.Parallel()
	sdn := sdnList(t)
	for _, listed := range [][]string{nil, {"ABBAS, Mhmd", "HSN, Karim"}} {
		ix := newIndex(t, sdn, namedList("own", "individual", append([]string{"ALI, Mohamed", "HASSAN, Ahmed"}, listed...)))
		opts := ix.Options()
		for _, tt := range []struct{ q, entry string }{
			{"محمد علي", "ALI, Mohamed"},
			{"מוחמד עלי", "ALI, Mohamed"},
			{"أحمد حسن", "HASSAN, Ahmed"},
		} {
			m := matchOf(ix.Name(screen.Query{Name: tt.q}), tt.entry)
			if m == nil || m.Score < opts.Review {
				t.Errorf("with %q listed: %q: %s not found: %v", listed, tt.q, tt.entry, m)
			}
		}
	}
}

// TestAbjadArticleRun: "abd" and the article after it, written apart in
// Arabic letters (عبد ال...), read as the one word the lists write
// ("Abdel", "Abdul"), by the abjad's key.
func TestAbjadArticleRun(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "NASSER, Gamal Abdel", "MOHAMMED, Abdulrahman")...)
	for _, tt := range []struct{ q, entry, explain string }{
		{"جمال عبد الناصر", "NASSER, Gamal Abdel", "abd al~abdel (phonetic key bdl)"},
		{"عبد الرحمن محمد", "MOHAMMED, Abdulrahman", "abd al rhmn~abdulrahman (phonetic key bdlrhmn)"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q}), tt.entry)
		if m == nil || !strings.Contains(m.Explain, tt.explain) {
			t.Errorf("%q: %v, want %s explained %q", tt.q, m, tt.entry, tt.explain)
		}
	}
}

// TestAbjadAsTheListsWrite: names in Arabic letters as the UN and UK lists
// write them beside the Latin names OFAC lists (originals-dev.tsv) find
// the SDN entry, at review level at least: the name of God read "allah",
// alone or ending a name, and joined to the word before it as listed
// names write it ("عبد الله", ABDULLAH); two letters the Latin would read
// as one sound read apart too (the t and h of "طه", TAHA; the t and z of
// "منتظری", MONTAZERI; the z and h of "زهير", ZUHAIR); the letters as
// Persian sounds them (ث s: "کیومرث", KIYUMARS; ض z: "رضا", REZA); ta marbuta read -at or
// -ah ("جبهة النصرة", JABHAT AL-NUSRAH).
func TestAbjadAsTheListsWrite(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct {
		q, entry, explain string
		kind              string
	}{
		{"امیر عبد الله", "ABDULLAH, Amir", `split words joined: "abd allah"`, screen.KindPerson},
		{"يحيى عبد الله العبيدي", "AL-UBAIDI, Yahia Abdallah", "abdallah", screen.KindPerson},
		{"طه ياسين رمضان الجزراوي", "AL-JIZRAWI, Taha Yassin Ramadan", "th~taha (consonant skeleton th)", screen.KindPerson},
		{"محمد جعفر منتظری", "MONTAZERI, Mohammad Jafar", "mntzri~montazeri (consonant skeleton mntsr)", screen.KindPerson},
		{"زهير شملخ", "SHAMLAKH, Zuhair", "zhir~zuhair (consonant skeleton shr)", screen.KindPerson},
		{"کیومرث حیدری", "HEIDARI, Kiyumars", "kyumrs~kiyumars (consonant skeleton kmrs)", screen.KindPerson},
		// Dad as Persian sounds it, z, in a Persian text (one with a
		// letter Arabic does not write: ی, گ, پ, ...): "Reza".
		{"حمیدرضا شریفی تهرانی", "SHARIFI-TEHRANI, Hamidreza", "hmidrza~hamidreza (consonant skeleton hmtrs)", screen.KindPerson},
		{"محسن رضایی", "REZA'I, Mohsen", "rzayi~rezai (consonant skeleton rs)", screen.KindPerson},
		{"مرتضی پیری", "PIRI, Morteza", "mrtzi~morteza (consonant skeleton mrts)", screen.KindPerson},
		{"جبهة النصرة", "AL-NUSRAH FRONT", "jbha~jabhat (consonant skeleton jbt), al=al, nsra~nusrah (consonant skeleton nsrh)", screen.KindOrganization},
		{"عصبة الأنصار", "ASBAT AL-ANSAR", "asba~asbat (consonant skeleton sbt)", screen.KindOrganization},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: tt.kind}), tt.entry)
		switch {
		case m == nil:
			t.Errorf("%q: %s not found", tt.q, tt.entry)
		case m.Score < opts.Review:
			t.Errorf("%q: %.3f, want review at least: %s", tt.q, m.Score, m.Explain)
		case !strings.Contains(m.Explain, tt.explain):
			t.Errorf("%q: explained %q, want %q", tt.q, m.Explain, tt.explain)
		}
	}
}

// TestAbjadReadAsPersian: a name of Pakistan or Afghanistan written in
// letters Arabic shares, which the Arabic reading misses ("فضل" read
// "fdl"), read again as Persian and Urdu sound them ("fzl", Fazl),
// explained.
func TestAbjadReadAsPersian(t *testing.T) {
	t.Parallel()
	assertPersonReview(t, newIndex(t, sdnList(t)), []reviewCase{
		{"فضل رحيم", "RAHIM, Fazal", "fzl~fazal (consonant skeleton bsr)"},
		{"فضل ربيع", "RABI, Fazl", "fzl~fazl (consonant skeleton bsr)"},
		{"فضل ربيع", "RABI, Fazl", "its Arabic script read as Persian and Urdu sound it"},
	})
}

// TestAbjadLegalForms: a company's legal form in the Arabic script, as
// the script reads (شرکت, company, "shrkt"; لمتد, Limited, "lmtd"), is a
// legal form like any other, not a word of the name; and so are the
// Persian forms as the lists write them in Latin letters (SHERKAT-E,
// SAHAMI KHASS), which a query that leaves them out matches whole.
func TestAbjadLegalForms(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct {
		q, entry, explain string
		hit               bool
	}{
		{"شرکت بهارستان کیش", "BAHARESTAN KISH COMPANY", "query legal form ignored: shrkt", false},
		{"شرکت بنیان دانش شرق", "BONYAN DANESH SHARGH PRIVATE COMPANY", "query legal form ignored: shrkt", false},
		{"راحت لمتد", "RAHAT LTD", "query legal form ignored: lmtd", false},
		{"Sarrafi Sina", "SINA CURRENCY EXCHANGE COMPANY", "name legal form ignored: sherkat e", true},
		{"Battery Sazi Niru", "NIRU BATTERY MANUFACTURING COMPANY", "name legal form ignored: sherkat sahami khass", true},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entry)
		switch {
		case m == nil:
			t.Errorf("%q: %s not found", tt.q, tt.entry)
		case m.Score < opts.Review || tt.hit && !opts.IsHit(m.Score) || !strings.Contains(m.Explain, tt.explain):
			t.Errorf("%q: %.3f %q, want review at least (a hit: %v), explained %q", tt.q, m.Score, m.Explain, tt.hit, tt.explain)
		}
	}
}

// TestHebrewTsadi: Hebrew writes with tsadi the ts of a German or Yiddish
// z and the emphatic s of an Arabic name, which the reading writes ts:
// "מארק צוקרברג" (Zuckerberg, read "tsokrvrg") and "גמאל נאצר" (Nasser,
// read "natsr") find those names.
func TestHebrewTsadi(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"Mark Zuckerberg", "Gamal Abdel Nasser"}))
	assertExplained(t, ix, screen.KindPerson, []reviewCase{
		{"מארק צוקרברג", "Mark Zuckerberg", "tsokrvrg~zuckerberg"},
		{"גמאל נאצר", "Gamal Abdel Nasser", "natsr~nasser"},
	})
}

// TestAbjadDawud: Arabic and Hebrew write Dawud with one waw or vav for
// both its w and its u (داود, דאוד), which reads dawd or daod: the name
// still ("Dawood Ibrahim", IBRAHIM, Dawood).
func TestAbjadDawud(t *testing.T) {
	t.Parallel()
	assertFoundAs(t, screen.KindPerson, []foundCase{
		{"داود إبراهيم", "9758", true},
		{"דאוד איברהים", "9758", true},
		{"Daud Ibrahim", "9758", true},
	})
}

// TestAbjadYodAsJ: a yod between consonants is also read as the j of a
// foreign name that sounds as y ("בנימין נתניהו", "bnimin ntnihu", for
// Benjamin Netanyahu, a name of an own list written with no comma).
func TestAbjadYodAsJ(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"Benjamin Netanyahu"}))
	opts := ix.Options()
	m := matchOf(ix.Name(screen.Query{Name: "בנימין נתניהו", Kind: screen.KindPerson}), "Benjamin Netanyahu")
	if m == nil || m.Score < opts.Review || !strings.Contains(m.Explain, "bnimin~benjamin") {
		t.Errorf("בנימין נתניהו: got %+v, want Benjamin Netanyahu found, bnimin~benjamin", m)
	}
}

// TestAbjadListedLatinQuery: a name a list writes only in Arabic or Hebrew
// letters, which the index reads without the short vowels they leave
// out, is found by a Latin query of its consonants whose vowels fit the
// long ones the script writes (a j of the name as English writes it read
// as the yod: Benjamin), as a possible match; a name of the same
// consonants with another long vowel (Mohammed, not Mahmoud) is not.
func TestAbjadListedLatinQuery(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"محمود عباس", "אהוד אולמרט", "בנימין נתניהו", "صدام حسين التكريتي", "عبد الحكيم مراد",
		"رجب طيب أردوغان"}))
	const how = " (the same consonants; the name read from Arabic or Hebrew letters"
	assertReview(t, ix, "", []reviewCase{
		{"Mahmoud Abbas", "محمود عباس", "mahmoud≈mhmud" + how},
		{"Ehud Olmert", "אהוד אולמרט", "ehud≈ahod" + how},
		{"Binyamin Netanyahu", "בנימין נתניהו", "binyamin≈bnimin" + how},
		// The j of the name English writes so, the yod of Hebrew's.
		{"Benjamin Netanyahu", "בנימין נתניהו", "benjamin≈bnimin" + how},
		// The article the script writes joined to the word
		// ("altkriti"), apart; the listed words weighing as the
		// query's they read as, common names (Saddam, Hussein) though
		// the list writes them nowhere else.
		{"AL-TIKRITI, Saddam Hussein", "صدام حسين التكريتي", "al=al, tikriti≈tkriti" + how},
		// A Turkish name as the script writes it (c a jim, p a ba, g a
		// ghayn), whose "tayyip" is not read as two listed words run
		// together ("tay yip").
		{"Recep Tayyip Erdogan", "رجب طيب أردوغان", "recep≈rjb" + how},
		{"Recep Tayyip Erdogan", "رجب طيب أردوغان", "tayyip≈tib" + how},
		{"Recep Tayyip Erdogan", "رجب طيب أردوغان", "erdogan≈ardughan" + how},
	})
	// A list of such names alone: the query's words, which no listed
	// name spells, weigh as the words they read as.
	own := newIndex(t, namedList("own", "individual", []string{"عبد الحكيم مراد", "غازي حمود العبيدي", "محمد يونس أحمد", "فيصل بوغانمي", "جمال لونيسي", "بشار حافظ الأسد",
		"محمد باقری", "علی فدوی", "عامر فوز", "عبدالحميد المصلي", "حمزة زبيدي", "ابوالقاسم صلواتی", "مرتضی پیری"}))
	assertReview(t, own, "", []reviewCase{
		{"MURAD, Abdul Hakim", "عبد الحكيم مراد", "murad≈mrad" + how},
		{"AL-UBAIDI, Ghazi Hammud", "غازي حمود العبيدي", "ubaidi≈abidi" + how},
		// The Maghreb's French spelling: ç (c) for s, ou for u, dj
		// for j.
		{"BOUGHANEMI, Faycal", "فيصل بوغانمي", "faycal≈fisl" + how},
		{"LOUNICI, Djamel", "جمال لونيسي", "lounici≈lunisi" + how},
		// A consonant the Latin name doubles, the script's shadda.
		{"AL-ASSAD, Bashar", "بشار حافظ الأسد", "assad≈asd" + how},
		// The h a Latin name ends with after a vowel, the ta marbuta
		// the reading writes a.
		{"Hamzah Zubaidi", "حمزة زبيدي", "hamzah≈hmza" + how},
		// Persian names as Latin writes them: gh for qaf, v for waw;
		// a word of three letters.
		{"BAGHERI, Mohammad", "محمد باقری", "bagheri≈baqri" + how},
		{"FADAVI, Ali", "علی فدوی", "fadavi≈fduy" + how},
		// Abu run into the article, read "abul".
		{"Abolghasem Salavati", "ابوالقاسم صلواتی", "abolghasem≈abulqasm" + how},
		// The ya Persian writes for the alef maqsura ending a name of
		// Arabic origin, the a of Morteza.
		{"Morteza Piri", "مرتضی پیری", "morteza≈mrtzi" + how},
		{"FOZ, Amer", "عامر فوز", "foz≈fuz" + how},
		// A name of 'Abd the script writes joined to its article and
		// the next word, which Latin writes apart or as one.
		{"AL-MASLI, 'Abd-al-Hamid", "عبدالحميد المصلي", "abd=abd, al=al, hamid≈hmid" + how},
		{"Abdelhamid Masli", "عبدالحميد المصلي", "abdelhamid≈abdalhmid" + how},
	})
	// A long vowel the script would have written is no short one it
	// leaves out: "ubaidi" is not "abd", at any threshold.
	opts := screen.DefaultOptions()
	opts.Review, opts.Match = 0.3, 0.35
	low, err := screen.NewIndex([]*lists.List{namedList("own", "individual", []string{"عبد الحكيم مراد"})}, opts)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := low.Name(screen.Query{Name: "AL-UBAIDI, Ghazi Hammud"})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if strings.Contains(m.Explain, "ubaidi≈abd") {
			t.Errorf("AL-UBAIDI, Ghazi Hammud: %s %.3f, want ubaidi not paired with abd: %s", m.EntryName, m.Score, m.Explain)
		}
	}
	for _, q := range []string{"Mohammed Abbas", "Ahmad Olmert"} {
		for _, m := range ix.Name(screen.Query{Name: q}) {
			if m.List == "own" {
				t.Errorf("%q: %s %.3f, want none of the own list: %s", q, m.EntryName, m.Score, m.Explain)
			}
		}
	}
}

// TestAbjadSurnameAlone: a family name alone, written in Hebrew or Arabic
// letters, finds the listed name by its consonant skeleton when it is
// rare and of four consonants or more, as a family name alone does, a
// possible match ("נתניהו", Netanyahu); a skeleton of three consonants
// names too many to stand alone ("פוטין", Putin, is btn as BUTINA is).
func TestAbjadSurnameAlone(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"Benjamin Netanyahu"}))
	assertPersonReview(t, ix, []reviewCase{
		{"נתניהו", "Benjamin Netanyahu", "ntnihu~netanyahu (consonant skeleton ntnh)"},
		{"نتنياهو", "Benjamin Netanyahu", "ntnyahu~netanyahu (consonant skeleton ntnh)"},
	})
	for _, q := range []string{"פוטין", "بوتين"} {
		if m := matchOf(ix.Name(screen.Query{Name: q, Kind: screen.KindPerson}), "BUTINA, Maria Valeryevna"); m != nil {
			t.Errorf("%s: %s %.3f, want none: %s", q, m.EntryName, m.Score, m.Explain)
		}
	}
}

// TestAbjadNamesRunTogether: two names an abjad writes run together, which
// the lists write apart, are read apart where both parts are listed words
// or read as one ("محمدديب زيتون", "mhmddib zitun", is ZAITOUN, Mohammed
// Dib, read "mhmd dib zitun").
func TestAbjadNamesRunTogether(t *testing.T) {
	t.Parallel()
	assertExplained(t, newIndex(t, testLists(t)...), screen.KindPerson, []reviewCase{
		{"محمدديب زيتون", "ZAITOUN, Mohammed Dib", "dib=dib"},
	})
}
