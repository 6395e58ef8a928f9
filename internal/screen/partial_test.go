package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// A query holding an organisation's heaviest word, a rare one, and some of
// the others is a possible match even when the words it leaves out weigh
// somewhat more ("Cuba Cancun Cigars" for CUBACANCUN CIGARS AND GIFT
// SHOPS); the words the name shares with many others are not
// ("Gift Shops").
func TestSubsetRareWord(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, q := range []string{"Cubacancun Cigars", "Cuba Cancun Cigars"} {
		m := matchOf(ix.Name(screen.Query{Name: q}), "CUBACANCUN CIGARS AND GIFT SHOPS")
		if m == nil || m.Score < opts.Review || opts.IsHit(m.Score) || !strings.Contains(m.Explain, "word-set match") {
			t.Errorf("%q: got %+v, want a possible match by its word set", q, m)
		}
	}
	for _, q := range []string{"Gift Shops", "Cigars Gift"} {
		if m := matchOf(ix.Name(screen.Query{Name: q}), "CUBACANCUN CIGARS AND GIFT SHOPS"); m != nil {
			t.Errorf("%q: got %.3f %s, want no match", q, m.Score, m.Explain)
		}
	}
}

// TestCompanyOwnWord: a query of one word, an organisation's own rare
// word that leads its name before words of everyday English only, is a
// possible match of it, where a list gives that name alone: "Huawei" for
// HUAWEI TECHNOLOGIES CO LTD, "Rosneft" for ROSNEFT OIL COMPANY; so is
// one after the Chinese place a Chinese company's name leads with
// ("Hikvision" for HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD), which
// a query may leave out as it may a legal form ("Hikvision Digital
// Technology" is a match). Not a word after a common one, which names the
// company with it ("Allianz SE" is no OCEAN ALLIANZ SHIPPING LLC), nor a
// word of everyday English itself ("Concern" is no KALASHNIKOV CONCERN),
// nor words of everyday English after a place ("Production and
// Construction Company" is no XINJIANG PRODUCTION AND CONSTRUCTION
// CORPS).
func TestCompanyOwnWord(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "entity", []string{
		"HUAWEI TECHNOLOGIES CO LTD", "ROSNEFT OIL COMPANY", "KALASHNIKOV CONCERN JSC", "HYTERA COMMUNICATIONS CORPORATION LIMITED",
		"HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD", "ZHEJIANG DAHUA TECHNOLOGY CO LTD", "XINJIANG PRODUCTION AND CONSTRUCTION CORPS",
	}))
	assertLevels(t, ix, screen.KindOrganization, []levelCase{
		{"Huawei", "HUAWEI TECHNOLOGIES CO LTD", false},
		{"Rosneft", "ROSNEFT OIL COMPANY", false},
		{"Kalashnikov", "KALASHNIKOV CONCERN JSC", false},
		{"Hytera", "HYTERA COMMUNICATIONS CORPORATION LIMITED", false},
		{"Hikvision", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD", false},
		{"Dahua", "ZHEJIANG DAHUA TECHNOLOGY CO LTD", false},
		{"Hikvision Digital Technology", "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD", true},
	})
	assertNotReview(t, ix, screen.KindOrganization,
		[2]string{"Allianz SE", "OCEAN ALLIANZ SHIPPING LLC"},
		[2]string{"Concern", "KALASHNIKOV CONCERN JSC"},
		[2]string{"Production and Construction Company", "XINJIANG PRODUCTION AND CONSTRUCTION CORPS"})
}

// A further name of the query beside a long word of the name misspelt
// ("Joaquín" in "Joaquín Archivaldo Guzmán" for GUZMAN, Archibaldo)
// counts as the further name it is: a possible match.
func TestQueryMiddleLongTypo(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "GUZMAN, Archibaldo", "GUZMAN, Aureliano",
		"LOPEZ, Joaquin", "PEREZ, Joaquin", "RUIZ, Joaquin", "DIAZ, Joaquin")...)
	opts := ix.Options()
	m := matchOf(ix.Name(screen.Query{Name: "Joaquín Archivaldo Guzmán", Kind: screen.KindPerson}), "GUZMAN, Archibaldo")
	if m == nil || m.Score < opts.Review || opts.IsHit(m.Score) || !strings.Contains(m.Explain, "a further name of the query") {
		t.Errorf("got %+v, want GUZMAN, Archibaldo, a possible match with a further name", m)
	}
	// A short word one letter off is as often another name: "Jong-kook"
	// is not KIM, Jong Un with a further name.
	ix = newIndex(t, testLists(t)...)
	if m := matchOf(ix.Name(screen.Query{Name: "Kim Jong-kook", Kind: screen.KindPerson}), "KIM, Jong Un"); m != nil {
		t.Errorf("got %.3f %s, want no match", m.Score, m.Explain)
	}
}

// A further given name of the query between names that pair stands beside
// the list's own further given names ("Joaquín Archivaldo Guzmán" for
// GUZMAN, Joaquin Chapo): a possible match, found although the rare word
// "Archivaldo" is in no listed name. A further word of the query that is
// not between two that pair takes the place of the list's ("Kim
// Jong-kook", above) and is no such name.
func TestQueryMiddleBesideListMiddle(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "GUZMAN, Joaquin Chapo", "GUZMAN, Aureliano",
		"LOPEZ, Joaquin", "PEREZ, Joaquin", "RUIZ, Joaquin", "DIAZ, Joaquin")...)
	opts := ix.Options()
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"Joaquín Archivaldo Guzmán", true},
		{"Joaquin Guzman Archivaldo", false},
		{"Archivaldo Joaquin Guzman", false},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tc.q, Kind: screen.KindPerson}), "GUZMAN, Joaquin Chapo")
		got := m != nil && m.Score >= opts.Review
		if got != tc.want || got && (opts.IsHit(m.Score) || !strings.Contains(m.Explain, "a further name of the query")) {
			t.Errorf("%q: got %+v, want a possible match with a further name: %v", tc.q, m, tc.want)
		}
	}
}

// A consonant written voiced for voiceless or the other way, as
// transliterations write them ("Gazprom" for GASPROM), pairs as a
// respelling, explained.
func TestVoicing(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, orgsList("GASPROM TRADING LLC", "NEFTEGAZ TRADING LLC", "ORIENT TRADING LLC"))
	ms := ix.Name(screen.Query{Name: "Gazprom Trading LLC", Kind: screen.KindOrganization})
	if len(ms) == 0 || ms[0].EntryID != "1" || !strings.Contains(ms[0].Explain, "gazprom≈gasprom (a consonant voiced or voiceless") {
		t.Fatalf("got %+v, want entry 1 explained by a voiced consonant", ms)
	}
	// Another letter is a typo, not a respelling.
	ms = ix.Name(screen.Query{Name: "Gamprom Trading LLC", Kind: screen.KindOrganization})
	if len(ms) > 0 && strings.Contains(ms[0].Explain, "consonant voiced or voiceless") {
		t.Errorf("got %+v, want no voicing", ms)
	}
}

// An individual's name written in its natural order, with no comma, as
// lists other than OFAC's write names ("Jean Claude Juncker"): a query's
// initials stand for its given names, a possible match.
func TestNaturalOrderInitials(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "Jean Claude Juncker")...)
	opts := ix.Options()
	for _, q := range []string{"J. C. Juncker", "J.C. Juncker", "Jean C. Juncker"} {
		m := matchOf(ix.Name(screen.Query{Name: q, Kind: screen.KindPerson}), "Jean Claude Juncker")
		if m == nil || m.Score < opts.Review || opts.IsHit(m.Score) {
			t.Errorf("%q: got %+v, want a possible match", q, m)
		}
	}
	// The last word is not taken for a given name an initial stands for.
	if m := matchOf(ix.Name(screen.Query{Name: "Jean Claude J.", Kind: screen.KindPerson}), "Jean Claude Juncker"); m != nil {
		t.Errorf("got %+v, want no match", m)
	}
}

// Every word of an organisation's name, its rare one among them, in a
// query with further words ("TALAQI GROUP GENERAL CONTRACTING" for
// TALAQI GROUP) is a possible match; not a name whose words are common
// ones (SHAM EXPRESS).
func TestSupersetOrg(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct {
		q, entry string
		want     bool
	}{
		{"TALAQI GROUP GENERAL CONTRACTING", "TALAQI GROUP", true},
		{"KOREA KWANGSON BANKING CORP HEAD OFFICE", "KOREA KWANGSON BANKING CORP", true},
		{"SHAM EXPRESS DELIVERY", "SHAM EXPRESS", false},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entry)
		switch {
		case tt.want && (m == nil || m.Score < opts.Review || opts.IsHit(m.Score) || !strings.Contains(m.Explain, "further words of the query")):
			t.Errorf("%q: got %+v, want a possible match with further words", tt.q, m)
		case !tt.want && m != nil:
			t.Errorf("%q: got %.3f %s, want no match", tt.q, m.Score, m.Explain)
		}
	}
}

// A patronymic written by another romanisation or in its Ukrainian form
// ("Valentynovych", "Yurevich" for VALENTINOVICH, YURYEVICH) pairs with
// the listed one: the Ukrainian form read as the Ukrainian spelling of a
// name the list writes from Russian (ukrainianRussian).
func TestPatronymicSpellings(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "KOVALCHUK, Yuri Valentinovich", "VOROBYEV, Maxim Yuryevich")...)
	explained(t, ix, screen.KindPerson, []explainCase{
		{"KOVALCHUK, Yuriy Valentynovych", "KOVALCHUK, Yuri Valentinovich", "valentynovych~valentinovich (foreign spelling: Ukrainian spelling"},
		{"Maksim Yurevich Vorobev", "VOROBYEV, Maxim Yuryevich", "yurevich~yuryevich"},
	})
}

// Every word of a listed individual's name, two of them spelt alike, in a
// query that gives up to maxQueryMiddle further names ("Mohammed bin
// Salman Al Saud" for Mohammed bin Salman, "John William Smith Jr" for
// John Smith) is a possible match.
func TestQueryFurtherNames(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "Mohammed bin Salman", "John Smith")...)
	opts := ix.Options()
	for _, tt := range []struct{ q, entry string }{
		{"Mohammed bin Salman Al Saud", "Mohammed bin Salman"},
		{"John William Smith Jr", "John Smith"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entry)
		if m == nil || m.Score < opts.Review || opts.IsHit(m.Score) {
			t.Errorf("%q: got %+v, want a possible match", tt.q, m)
		}
	}
	// Four further names are another person's.
	if m := matchOf(ix.Name(screen.Query{Name: "John Paul George Ringo Smith", Kind: screen.KindPerson}), "John Smith"); m != nil {
		t.Errorf("got %.3f %s, want no match", m.Score, m.Explain)
	}
}

// A German name with its umlauts written out ("Juergen Mueller" for
// Jürgen Müller, which the lists fold as Jurgen Muller) is respelt.
func TestUmlautsWrittenOut(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "Jürgen Müller")...)
	m := matchOf(ix.Name(screen.Query{Name: "Juergen Mueller", Kind: screen.KindPerson}), "Jürgen Müller")
	if m == nil || !strings.Contains(m.Explain, "umlauts written out") {
		t.Errorf("got %+v, want a match respelt", m)
	}
}

// A name written with letters with a háček ("Łukašenka", in Belarusian
// Łacinka) is also read as Cyrillic transliteration writes them (sh, ch,
// zh); written as the list writes it in Latin letters ("Karadžić",
// KARADZIC) it stays as it was.
func TestHacekLetters(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct{ q, entry string }{
		{"Alaksandr Łukašenka", "LUKASHENKA, Alyaksandr Ryhorovich"},
		{"Radovan Karadžić", "KARADZIC, Radovan"},
	} {
		if m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entry); m == nil || m.Score < opts.Review {
			t.Errorf("%q: got %+v, want %s", tt.q, m, tt.entry)
		}
	}
}

// A query word that is the initials of words of an organisation's name
// ("NVK" for NAUCHNO VNEDRENCHESKAYA KOMPANIYA, as Russian company names
// are written) pairs with them, explained, a possible match; one that is
// not their initials does not.
func TestAcronym(t *testing.T) {
	t.Parallel()
	const nvk, bdd = "ZAKRYTOE AKTSIONERNOE OBSHCHESTVO NAUCHNO VNEDRENCHESKAYA KOMPANIYA BOLIDEX", "BANCO DE DESARROLLO DE ORINOCO"
	// A Cyrillic letter romanised in two letters is two letters of the
	// initials too (ИЦ, "ITS"), or one where the next word needs the
	// second ("TSK" for TSENTRALNAYA SUDOSTROITELNAYA KOMPANIYA).
	const its, tsk = "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU INZHENERNYI TSENTR KOMETA", "TSENTRALNAYA SUDOSTROITELNAYA KOMPANIYA ZVEZDOCHKA"
	ix := sdnWithEntities(t, nvk, bdd, its, tsk)
	opts := ix.Options()
	for _, m := range explained(t, ix, screen.KindOrganization, []explainCase{
		{"CJSC NVK Bolidex", nvk, "nvk (initials of nauchno vnedrencheskaya kompaniya)"},
		{"BDD Orinoco", bdd, "bdd (initials of banco de desarrollo)"},
		{"OOO ITS Kometa", its, "its (initials of inzhenernyi tsentr)"},
		{"TSK Zvezdochka", tsk, "tsk (initials of tsentralnaya sudostroitelnaya kompaniya)"},
	}) {
		if m.Score < opts.Review || opts.IsHit(m.Score) {
			t.Errorf("%q: score %.3f, want a possible match", m.MatchedName, m.Score)
		}
	}
	for _, q := range []string{"CJSC NKV Bolidex", "OOO IST Kometa"} {
		for _, m := range ix.Name(screen.Query{Name: q, Kind: screen.KindOrganization}) {
			if strings.Contains(m.Explain, "initials of") {
				t.Errorf("%q: got %s, want no initials", q, m.Explain)
			}
		}
	}
}

// A long word no other entry holds stands for its entry's name alone, a
// possible match ("Krasnodarskneftegaz" for KRASNODARSKNEFTEGAZ
// ZAPOLYARYE); two listed words run together are still read apart, and
// match the alias they spell ("AeroCaribbean", AERO-CARIBBEAN), though
// the word alone is a possible match already.
func TestUniqueWordSubset(t *testing.T) {
	t.Parallel()
	ix := sdnWithEntities(t, "KRASNODARSKNEFTEGAZ ZAPOLYARYE")
	opts := ix.Options()
	m := matchOf(ix.Name(screen.Query{Name: "Krasnodarskneftegaz", Kind: screen.KindOrganization}), "KRASNODARSKNEFTEGAZ ZAPOLYARYE")
	if m == nil || m.Score < opts.Review || opts.IsHit(m.Score) {
		t.Errorf("Krasnodarskneftegaz: got %+v, want a possible match", m)
	}
	m = matchOf(ix.Name(screen.Query{Name: "AeroCaribbean", Kind: screen.KindOrganization}), "AEROCARIBBEAN AIRLINES")
	if m == nil || m.Score != 1 || m.MatchedName != "AERO-CARIBBEAN" {
		t.Errorf("AeroCaribbean: got %+v, want the alias AERO-CARIBBEAN at 1", m)
	}
}

// IMPEX and I/E are IMPORT AND EXPORT, which the lists and firms also
// write in full, both ways (a person's name is not read so:
// TestExpandAbbrev).
func TestImportExportAbbreviated(t *testing.T) {
	t.Parallel()
	const full, slashed = "ZHEJIANG QINGLU IMPORT AND EXPORT CO., LTD.", "HANGZHOU MINGDA I/E CO., LTD."
	ix := sdnWithEntities(t, full, slashed)
	for _, m := range explained(t, ix, screen.KindOrganization, []explainCase{
		{"Zhejiang Qinglu Impex Co Ltd", full, `abbreviation read as the words it stands for: "impex"`},
		{"ZHEJIANG QINGLU I/E CO LTD", full, `abbreviation read as the words it stands for: "i/e"`},
		{"Hangzhou Mingda Import and Export Co., Ltd.", slashed, "import=import"},
	}) {
		if !ix.Options().IsHit(m.Score) {
			t.Errorf("%q: score %.3f, want a match", m.MatchedName, m.Score)
		}
	}
}

// "T.R.D." is trading as company names abbreviate it.
func TestTradingAbbreviated(t *testing.T) {
	t.Parallel()
	ix := sdnWithEntities(t, "ZARQA PEARL GENERAL T.R.D.")
	explained(t, ix, screen.KindOrganization, []explainCase{
		{"Zarqa Pearl General Trading", "ZARQA PEARL GENERAL T.R.D.", "trading~trd (abbreviation of a word of company names"},
	})
}

// A generational suffix (Jr., Sr.) is left out wherever the name puts it.
func TestGenerationalSuffix(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "CAZARES SALAZAR, Arturo", "MEZA, Ramon")...)
	opts := ix.Options()
	for _, q := range []string{"CAZARES SALAZAR JR., Arturo", "Arturo Cazares Salazar Jr."} {
		m := matchOf(ix.Name(screen.Query{Name: q, Kind: screen.KindPerson}), "CAZARES SALAZAR, Arturo")
		if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, "jr (title, left out)") {
			t.Errorf("%q: got %+v, want a hit with jr left out", q, m)
		}
	}
}

// An honorific the list writes among a person's names ("KARZANI, Haji
// Mohammad Nabi") that the query leaves out counts as a further name.
func TestListHonorific(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "KARZANI, Haji Mohammad Nabi", "KARZANI, Abdul")...)
	m := matchOf(ix.Name(screen.Query{Name: "Mohammad Nabi Karzani", Kind: screen.KindPerson}), "KARZANI, Haji Mohammad Nabi")
	if m == nil || !ix.Options().IsHit(m.Score) || !strings.Contains(m.Explain, "haji left out (honorific") {
		t.Errorf("got %+v, want a hit with the honorific left out", m)
	}
}

// Another form of a word of company names ("Economic" for ECONOMY,
// "Industries" for INDUSTRY) names the same business.
func TestCompanyWordForms(t *testing.T) {
	t.Parallel()
	ix := sdnWithEntities(t, "ZHONGXIN KEHUA ECONOMY AND TRADE CO LTD", "QINGMAO HEAVY INDUSTRY LTD")
	explained(t, ix, screen.KindOrganization, []explainCase{
		{"Zhongxin Kehua Economic and Trade Co Ltd", "ZHONGXIN KEHUA ECONOMY AND TRADE CO LTD", "economic~economy (another form of a word of company names"},
		{"Qingmao Heavy Industries Ltd", "QINGMAO HEAVY INDUSTRY LTD", "industries≈industry (singular and plural)"},
	})
}

// A name written as a web address ("www.zarqa-travel.com") is read
// without www and the top-level domain.
func TestWebAddress(t *testing.T) {
	t.Parallel()
	ix := sdnWithEntities(t, "ZARQA TRAVEL")
	for _, m := range explained(t, ix, screen.KindOrganization, []explainCase{
		{"www.zarqa-travel.com", "ZARQA TRAVEL", "query read as a web address: www and .com ignored"},
	}) {
		if m.Score != 1 {
			t.Errorf("score %.3f, want 1", m.Score)
		}
	}
}

// TestBranchOrg: an organisation's name, a place and a branch qualifier
// ("BANK SEPAH PARIS BRANCH") name the listed organisation's branch,
// which is the organisation: a possible match (the place is no word of
// its name), a match when no place is named; the qualifier is said in the
// explanation. A person's name that ends in Branch is none.
func TestBranchOrg(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct {
		q, kind, entry, explain string
		hit                     bool
	}{
		{"Bank Sepah Paris Branch", screen.KindOrganization, "BANK SEPAH", "query branch qualifier ignored: branch", false},
		{"Mahan Air Abu Dhabi Branch", "", "MAHAN AIR", "a branch of the organisation", false},
		{"Bank Saderat Iran London Representative Office", screen.KindOrganization, "BANK SADERAT IRAN", "query branch qualifier ignored: representative office", false},
		{"KOREA KWANGSON BANKING CORP BRANCH OFFICE", screen.KindOrganization, "KOREA KWANGSON BANKING CORP", "query branch qualifier ignored: branch office", true},
		// Words joined before the qualifier ("inter national") leave it
		// where it is.
		{"Bank Sepah Inter National Paris Branch", screen.KindOrganization, "BANK SEPAH INTERNATIONAL PLC", "query branch qualifier ignored: branch;", false},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: tt.kind}), tt.entry)
		switch {
		case m == nil:
			t.Errorf("%q: %s not found", tt.q, tt.entry)
		case opts.IsHit(m.Score) != tt.hit || m.Score < opts.Review || !strings.Contains(m.Explain, tt.explain):
			t.Errorf("%q: got %.3f %q, want a hit %v explained %q", tt.q, m.Score, m.Explain, tt.hit, tt.explain)
		}
	}
	for _, q := range []string{"John Branch", "Mary Anne Branch", "Branch Banking and Trust Company"} {
		for _, m := range ix.Name(screen.Query{Name: q}) {
			if strings.Contains(m.Explain, "branch qualifier") {
				t.Errorf("%q: %q read with a branch qualifier: %s", q, m.MatchedName, m.Explain)
			}
		}
	}
}

// TestNumeralConflict: a number of an organisation's name (in digits, or
// an ordinal such as "46TH") that the query gives otherwise is another
// name, however alike the rest ("INSTITUTION 4" is not INSTITUTION 27,
// listed on its own), and a number pairs by its spelling only. A query or
// a name without a number does not conflict.
func TestNumeralConflict(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct {
		q, kind  string
		found    []string // entry IDs, each at review at least
		hit      string   // the entry found at match level, if any
		notFound []string
	}{
		// Listed on their own: SDN 50016 and 50017, 40422 and 40657.
		{q: "FEDERAL STATE GOVERNMENTAL INSTITUTION 4 CENTRAL RESEARCH INSTITUTE OF THE MINISTRY OF DEFENSE OF THE RUSSIAN FEDERATION",
			found: []string{"50016"}, hit: "50016", notFound: []string{"50017"}},
		{q: "MYANMA MINING ENTERPRISE NUMBER 1", kind: screen.KindOrganization,
			found: []string{"40422"}, hit: "40422", notFound: []string{"40657"}},
		{q: "Myanma Mining Enterprise No 2", kind: screen.KindOrganization,
			found: []string{"40657"}, hit: "40657", notFound: []string{"40422"}},
		// An ordinal a letter apart is another number: the 237th
		// Guards Air Assault Regiment is not the listed 234th (SDN
		// 37828), which it found at match level (0.906).
		{q: "234TH GUARDS AIR ASSAULT REGIMENT", found: []string{"37828"}, hit: "37828"},
		{q: "237TH GUARDS AIR ASSAULT REGIMENT", notFound: []string{"37828"}},
		// No numeral in the query: either may be meant.
		{q: "MYANMA MINING ENTERPRISE", kind: screen.KindOrganization, found: []string{"40422", "40657"}},
	} {
		ms := ix.Name(screen.Query{Name: tt.q, Kind: tt.kind})
		for _, id := range tt.found {
			m := matchByID(ms, id)
			switch {
			case m == nil:
				t.Errorf("%q: entry %s not found", tt.q, id)
			case m.Score < opts.Review || opts.IsHit(m.Score) != (id == tt.hit):
				t.Errorf("%q: entry %s at %.3f, want a hit %v: %s", tt.q, id, m.Score, id == tt.hit, m.Explain)
			}
		}
		for _, id := range tt.notFound {
			if m := matchByID(ms, id); m != nil {
				t.Errorf("%q: entry %s found at %.3f: %s", tt.q, id, m.Score, m.Explain)
			}
		}
	}
}

// A linking word of an organisation's name (a preposition, an article,
// the ezafe, "and" and "for") that the query leaves out between two words
// that pair is optional: "Jaish Mohammed" is JAISH-I-MOHAMMED, not a part
// of it, and "Haji Basir Zarjmil Company Hawala" HAJI BASIR AND ZARJMIL
// COMPANY HAWALA. A linking word beside a word the query leaves out still
// counts.
func TestOptionalLinkWord(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct{ q, entryID, link string }{
		{"Jaish Mohammed", "6935", "i left out (linking word, optional)"},
		{"Jaish Muhammad", "6935", "i left out (linking word, optional)"},
		{"Lashkar Tayyiba", "7140", "e left out (linking word, optional)"},
		{"Banco Nacional Cuba", "306", "de left out (linking word, optional)"},
		{"Petroleos Venezuela", "26367", "de left out (linking word, optional)"},
		{"Haji Basir Zarjmil Company Hawala", "17150", "and left out (linking word, optional)"},
		{"Ural Bank Reconstruction Development", "34516", "for left out (linking word, optional), and left out (linking word, optional)"},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q}), tt.entryID)
		if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, tt.link) {
			t.Errorf("%q: got %+v, want entry %s at match level, %q", tt.q, m, tt.entryID, tt.link)
		}
	}
	// "de" beside NACIONAL, which the query leaves out too: a part of
	// the name, a possible match.
	m := matchByID(ix.Name(screen.Query{Name: "Banco Cuba"}), "306")
	if m == nil || opts.IsHit(m.Score) || m.Score < opts.Review || !strings.Contains(m.Explain, "de missing") {
		t.Errorf(`"Banco Cuba": got %+v, want entry 306 at review, "de missing"`, m)
	}
}

// A rare first given name and one of a person's family names, both as
// written, name the person as a rare family name does: "Samark Lopez"
// for LOPEZ BELLO, Samark Jose (alias LOPEZ DELGADO, Samark), a possible
// match. A common given name with a common family name does not: "Jose
// Lopez" is not DAVILA LOPEZ, Jose Ramon, nor CASTILLO LOPEZ, Jose Adrian.
func TestRareGivenPartialFamily(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	m := matchByID(ix.Name(screen.Query{Name: "Samark Lopez", Kind: screen.KindPerson}), "20251")
	if m == nil || m.Score < opts.Review || opts.IsHit(m.Score) || !strings.Contains(m.Explain, "one of several family names left out") {
		t.Errorf(`"Samark Lopez": got %+v, want entry 20251 at review, a family name left out`, m)
	}
	ms := ix.Name(screen.Query{Name: "Jose Lopez", Kind: screen.KindPerson})
	for _, id := range []string{"11934", "50858"} {
		if m := matchByID(ms, id); m != nil {
			t.Errorf(`"Jose Lopez": got %+v, want no match of entry %s`, m, id)
		}
	}
}

// A one-word query stands for a longer name only when the word is the
// party's own. A word of everyday English is not, however rare in the
// lists ("Spring", "Express", SBOM suppliers); a word many names hold is,
// when it leads the name and is its heaviest: the name of a group, which
// its members' names begin with ("VTB" for VTB BANK).
func TestOneWordQuery(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tc := range []struct {
		q, entry string
		review   bool
	}{
		{"Spring", "LIMITED LIABILITY COMPANY SPRING ELEKTRONIKS", false},
		{"Spring", "SPRING SHIPPING LIMITED", false},
		{"Express", "SHAM EXPRESS", false},
		{"Bank", "VTB BANK PUBLIC JOINT STOCK COMPANY", false},
		{"VTB", "VTB BANK PUBLIC JOINT STOCK COMPANY", true},
		{"VTB", "VTB LEASING JOINT STOCK COMPANY", true},
		{"Sberbank", "JOINT STOCK COMPANY SBERBANK LEASING", true},
		{"Hezbollah", "HIZBALLAH", true},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tc.q, Kind: screen.KindOrganization}), tc.entry)
		got := m != nil && m.Score >= opts.Review
		if got != tc.review || got && opts.IsHit(m.Score) {
			t.Errorf("%q for %s: got %+v, want a possible match: %v", tc.q, tc.entry, m, tc.review)
		}
	}
}

// TestLaterGivenName finds a person named by a family name as rare as a
// surname alone must be and a later given name or the patronymic, the
// first given name left out ("Makhmudovich MAMASHOYEV", "Dimas
// PERSHADA"): a possible match at most, which says so. Not where a
// family name of the name is left out ("Jose Morales" for MORALES
// CIFUENTES, Juan Jose) or the later given name is a common one and the
// surname a common one too ("John Taylor" for TAYLOR, Mark John; "Robert
// Eklund" is a possible match of EKLUND, Leif Robert); and a name that
// scored a match before keeps its score ("PUTIN VLADIMIROVICH").
func TestLaterGivenName(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	score := func(q, entry string) (float64, string) {
		if m := matchOf(ix.Name(screen.Query{Name: q, Kind: screen.KindPerson}), entry); m != nil {
			return m.Score, m.Explain
		}
		return 0, ""
	}
	for _, tt := range []struct{ q, entry string }{
		{"Makhmudovich MAMASHOYEV", "MAMASHOYEV, Azizjon Makhmudovich"},
		{"Vladimirovna TIKHONOVA", "TIKHONOVA, Katerina Vladimirovna"},
		{"Dimas PERSHADA", "PERSHADA, Angga Dimas"},
		// A common given name beside a surname few people have.
		{"Paul Diegelmann", "DIEGELMANN, Axel Paul"},
		{"Peter Bomatter", "BOMATTER, Hans Peter"},
	} {
		s, explain := score(tt.q, tt.entry)
		if s < opts.Review || opts.IsHit(s) || !strings.Contains(explain, "a rare surname and a later given name or the patronymic") {
			t.Errorf("%q: %s at %.3f (%s), want a possible match that says why", tt.q, tt.entry, s, explain)
		}
	}
	for _, tt := range []struct{ q, entry string }{
		{"Jose Morales", "MORALES CIFUENTES, Juan Jose"},
		{"John Taylor", "TAYLOR, Mark John"},
	} {
		if s, explain := score(tt.q, tt.entry); s >= opts.Review {
			t.Errorf("%q: %s at %.3f (%s), want no possible match", tt.q, tt.entry, s, explain)
		}
	}
	if s, _ := score("PUTIN VLADIMIROVICH", "PUTIN, Vladimir Vladimirovich"); !opts.IsHit(s) {
		t.Errorf("PUTIN VLADIMIROVICH: %.3f, want a match as before", s)
	}
}

// TestEzafe: the ezafe (of) of Persian and Urdu names of organisations,
// written e, i or ye, is one linking word however written: "Jaish i
// Mohammed" is JAISH-E-MOHAMMED and "Tehrik i Taliban Pakistan"
// TEHRIK-E-TALIBAN PAKISTAN at match, where a list writes one spelling;
// and one the query writes between words that pair and the name leaves
// out is left out, as the name's own is: "Bonyad-e Mostazafan" is
// BONYAD MOSTAZAFAN. A letter e or i that begins or ends a name is no
// ezafe: "E Systems" is no I SYSTEMS LTD.
func TestEzafe(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("own", "entity", append(fillerPersons(), "JAISH-E-MOHAMMED", "TEHRIK-E-TALIBAN PAKISTAN", "BONYAD MOSTAZAFAN", "I SYSTEMS LTD")))
	assertNotReview(t, ix, screen.KindOrganization, [2]string{"E Systems", "I SYSTEMS LTD"})
	assertMatchExplained(t, ix, screen.KindOrganization, []reviewCase{
		{"Jaish i Mohammed", "JAISH-E-MOHAMMED", ""},
		{"Tehrik i Taliban Pakistan", "TEHRIK-E-TALIBAN PAKISTAN", ""},
		{"Bonyad-e Mostazafan", "BONYAD MOSTAZAFAN", ""},
	})
}

// TestSubsetEndingWritten: an organisation's heaviest word with its final
// -a or -ah written the other way, as the press writes Arabic names,
// stands for the name as the word spelt alike does: "Al-Nusra" is a
// possible match of AL-NUSRAH FRONT, as "Al-Nusrah" is.
func TestSubsetEndingWritten(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	assertLevels(t, ix, screen.KindOrganization, []levelCase{
		{"Al-Nusra", "AL-NUSRAH FRONT", false},
		{"Al-Nusrah", "AL-NUSRAH FRONT", false},
	})
}

// TestOwnWordAmidCommon: a list that names a company by its own word
// alone (HIKVISION, ROSNEFT), as a company's own list of banned vendors
// does, finds the company's full name, its other words naming no party
// (what it does, its country or market, a Chinese place, a legal form): a possible
// match. Not where a word of everyday English leads the own word and
// names the company with it ("Sun Microsystems" is no SPC MICROSYSTEMS,
// "Enterprise Rent-A-Car" no RENTA).
func TestOwnWordAmidCommon(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "entity", []string{"HIKVISION", "ROSNEFT", "AEROFLOT", "HYTERA", "WAGNER"}))
	assertLevels(t, ix, screen.KindOrganization, []levelCase{
		{"Hangzhou Hikvision Digital Technology Co., Ltd.", "HIKVISION", false},
		{"Rosneft Oil Company", "ROSNEFT", false},
		{"Aeroflot Russian Airlines", "AEROFLOT", false},
		// "communications" is in few listed names: a rare word, but one
		// of everyday English, which the own word is not.
		{"Hytera Communications Corporation Limited", "HYTERA", false},
		// A subsidiary named after its market, in English or the
		// market's language.
		{"Hikvision USA Inc", "HIKVISION", false},
		{"Hytera America Inc", "HYTERA", false},
		{"Aeroflot Deutschland GmbH", "AEROFLOT", false},
		// A market's name no list holds weighs most, and gathers no
		// name: the own word gathers them.
		{"Rosneft Deutschland GmbH", "ROSNEFT", false},
		{"Rosneft Deutschland GmbH", "OPEN JOINT-STOCK COMPANY ROSNEFT OIL COMPANY", false},
		// The list's words of the organisation's kind, which the
		// subsidiary's name leaves out.
		{"Kalashnikov USA", "JOINT STOCK COMPANY CONCERN KALASHNIKOV", false},
		{"Concern Kalashnikov Deutschland", "JOINT STOCK COMPANY CONCERN KALASHNIKOV", false},
	})
	assertNotReview(t, ix, screen.KindOrganization,
		[2]string{"Sun Microsystems, Inc.", "LLC SPC MICROSYSTEMS"},
		[2]string{"Enterprise Rent-A-Car Company", "RENTA A.S."},
		// A group's name is no word of its kind: a company named after a
		// Wagner is not the Wagner Group.
		[2]string{"Wagner Services LLC", "PRIVATE MILITARY COMPANY 'WAGNER'"},
		// Nor is a common surname (the census's) a company's own word,
		// where a list gives it alone.
		[2]string{"Wagner Services LLC", "WAGNER"})
}

// TestFurtherNamesNoComma: a query's further names that the list does not
// give count as further names, not as words of their own: its patronymic
// where the list writes the name with no comma and every word of the name
// pairs, as it does for a name written with its family name first
// ("FRIDMAN, Mikhail Maratovich" for a list's Michail Fridman, "PUTIN,
// Vladimir Vladimirovich" for VLADIMR PUTIN), and the article of a
// further name ("Saddam Hussein al-Tikriti" for Saddam Hussein, "HAQQANI,
// Khalil Al-Rahman" for Khalil Haqqani), and the given names after the
// first of a query written family name first ("HANIYAH, Ismail Abdul
// Salah" for Ismail Haniyeh): each a possible match.
func TestFurtherNamesNoComma(t *testing.T) {
	t.Parallel()
	for _, c := range []reviewCase{
		{"FRIDMAN, Mikhail Maratovich", "Michail Fridman", "a further name of the query"},
		{"PUTIN, Vladimir Vladimirovich", "VLADIMR PUTIN", "a further name of the query"},
		{"KADYROV, Ramzan Akhmatovich", "Ramsan Kadyrow", "a further name of the query"},
		{"Saddam Hussein al-Tikriti", "Saddam Hussein", "a further name of the query"},
		{"HAQQANI, Khalil Al-Rahman", "Khalil Haqqani", "a further name of the query"},
		// Given names after the first, by the query's own form.
		{"HANIYAH, Ismail Abdul Salah", "Ismail Haniyeh", "a further name of the query"},
		// The nasab (bin and the father's and grandfather's names),
		// which the list leaves out: too heavy, counted whole, for the
		// bound scoreRec starts with.
		{"BIN LADIN, Usama bin Muhammad bin Awad", "Osama bin Laden", "a further name of the query"},
		// A second family name of the query, written family name
		// first, where the list gives one (Hispanic names carry two).
		{"MURILLO DE ORTEGA, Rosario Maria", "Rosario Murillo", "a further name of the query"},
		{"MUHAMMAD, Sirajuddin Haqqani Jalaluddin Khwasa", "Sirajuddin Haqqani", "a further name of the query"},
		// The query's patronymic counts for nothing, as the list's does:
		// a family name misspelt by the list still finds the person.
		{"PUTIN, Vladimir Vladimirovich", "VLADIMIR PUTNI", "a further name of the query"},
		{"PUTIN, Vladimir Vladimirovich", "Vladimir Pulin", "a further name of the query"},
		// The list gives the beginning of the given name.
		{"MADURO MOROS, Nicolas", "nic maduro", "nicolas=nic… (the list gives the beginning of the given name)"},
	} {
		ix := newIndex(t, namedList("own", "individual", append(fillerPersons(), c.entry)))
		assertPersonReview(t, ix, []reviewCase{c})
	}
	// Not a Mandarin syllable, a name of its own: "Manuel Chen" is not
	// CHEN, Man Chi.
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"CHEN, Man Chi"}))
	assertNotReview(t, ix, screen.KindPerson, [2]string{"Manuel Chen", "CHEN, Man Chi"})
}

// TestTitleAfterComma: a title leading the given names after the comma of
// a name written family name first ("AL ZAWAHIRI, Dr. Ayman", as the
// lists write it) is a title, left out, as one leading the name is; and
// the article of the family name is optional where the list writes the
// name with no comma and without it ("Ayman Zawahiri").
func TestTitleAfterComma(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("own", "individual", append(fillerPersons(), "Ayman Zawahiri", "Ibrahim al-Badri")))
	assertPersonReview(t, ix, []reviewCase{
		{"AL ZAWAHIRI, Dr. Ayman", "Ayman Zawahiri", "al left out (article, optional), zawahiri=zawahiri, dr (title, left out)"},
		{"AL-BADRI, Dr. Ibrahim 'Awwad Ibrahim 'Ali", "Ibrahim al-Badri", "dr (title, left out)"},
	})
}

// TestListedSurnameAlone: a list that names a person by a rare family name
// alone, a title aside ("KADYROV", "General Soleimani"), as an alias or a
// company's own list may, is found by the person's full name, the given
// names counting as further names: a possible match, explained. Not a
// common word alone (MOHAMMED), and not for a query whose kind is not a
// person's.
func TestListedSurnameAlone(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("own", "individual", append(fillerPersons(), "KADYROW", "General Soleimani")))
	assertPersonReview(t, ix, []reviewCase{
		{"KADYROV, Ramzan Akhmatovich", "KADYROW", "the list gives a rare family name alone, a title aside"},
		{"SOLEIMANI, Qasem", "General Soleimani", "the list gives a rare family name alone, a title aside"},
	})
	assertNotReview(t, ix, screen.KindOrganization, [2]string{"Soleimani Trading Company", "General Soleimani"})
	sdn := newIndex(t, sdnList(t), namedList("own", "individual", []string{"Mohammed"}))
	assertNotReview(t, sdn, screen.KindPerson, [2]string{"Mohammed Ali Hassan", "Mohammed"})
}

// TestGivenTypoNoKind: for a query of no kind, a rare family name as
// written and the first given name one letter off is a possible match
// where a later given name or the patronymic is spelt as listed too, not
// on the family name and the misspelt name alone ("Mary Taylor" is no
// TAYLOR, Mark).
func TestGivenTypoNoKind(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	checkExplained(t, ix, "", "", false, []reviewCase{
		{"Igbr Venediktovich Plotnitsky", "PLOTNITSKY, Igor Venediktovich", "the first given name one letter off"},
	})
	assertNotReview(t, ix, "", [2]string{"Mary Taylor", "TAYLOR, Mark"})
}
