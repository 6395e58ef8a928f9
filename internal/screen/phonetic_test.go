package screen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestPhoneticScripts: a listed person's name as the press writes it in
// kana, Hangul, an abjad or Greek, or a Korean name in another
// romanisation, is found by the script's phonetic key,
// as a possible match (review) whose method names the script; a name of
// the same script whose words agree only in part is not.
func TestPhoneticScripts(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct {
		name, entry, method string
	}{
		{"ミン・アウン・フライン", "HLAING, Min Aung", "phonetic (kana)"},
		{"람잔 카디로프", "KADYROV, Ramzan Akhmatovich", "phonetic (Hangul)"},
		{"바샤르 알아사드", "AL-ASSAD, Bashar", "phonetic (Hangul)"},
		{"رمضان قديروف", "KADYROV, Ramzan Akhmatovich", "phonetic (abjad)"},
		{"אולג דריפסקה", "DERIPASKA, Oleg Vladimirovich", "phonetic (abjad)"},
		{"Γεβγκένι Πριγκόζιν", "PRIGOZHIN, Yevgeniy Viktorovich", "phonetic (Greek)"},
		{"Kim Chong-un", "KIM, Jong Un", "phonetic (Korean romanisation)"},
		{"Gim Jeongeun", "KIM, Jong Un", "phonetic (Korean romanisation)"},
		{"Kimjongun", "KIM, Jong Un", "phonetic (Korean romanisation)"},
	} {
		ms := ix.Name(screen.Query{Name: tt.name, Kind: screen.KindPerson})
		got := matchOf(ms, tt.entry)
		if got == nil {
			t.Errorf("%q: %s not found (%d matches)", tt.name, tt.entry, len(ms))
			continue
		}
		if got.Method != tt.method || opts.IsHit(got.Score) || got.Score < opts.Review {
			t.Errorf("%q: %s by %q at %.3f, want %q at review", tt.name, tt.entry, got.Method, got.Score, tt.method)
		}
		if !strings.Contains(got.Explain, "the whole name agrees") || !strings.Contains(got.Explain, "review at most") {
			t.Errorf("%q: explanation %q", tt.name, got.Explain)
		}
	}
	// The whole name must agree, and a rare word with a telling key be
	// among it: a namesake of one word is no match, nor "محمد علي"
	// (Muhammad Ali), whose "ali", keyed "l", is also WALI's.
	for _, name := range []string{"세르게이 라흐마니노프", "김정남", "ウラジーミル・ナボコフ", "محمد نصر", "محمد علي", "Kim Jong-kook", "Kim Yeon-koung"} {
		for _, m := range ix.Name(screen.Query{Name: name, Kind: screen.KindPerson}) {
			if strings.HasPrefix(m.Method, "phonetic") {
				t.Errorf("%q: %s %q by %s at %.3f, want no phonetic match", name, m.EntryID, m.MatchedName, m.Method, m.Score)
			}
		}
	}
}

// TestHanjaKorean: a Korean name written in Han characters is read in
// Korean beside its pinyin, and the explanation names the reading.
func TestHanjaKorean(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	for _, m := range ix.Name(screen.Query{Name: "金正恩", Kind: screen.KindPerson}) {
		if m.EntryName == "KIM, Jong Un" {
			if !strings.Contains(m.Explain, "Hanja read in Korean") {
				t.Errorf("金正恩: explanation %q", m.Explain)
			}
			return
		}
	}
	t.Error("金正恩: KIM, Jong Un not found")
}

// TestHanjaSimplified: Chinese writes Korean names in simplified
// characters; such a name is read in Korean by their traditional forms,
// and a listed name it matches word for word is found. A Chinese name,
// in simplified or traditional characters, finds nothing by its Korean
// reading, a guess: "李明" read "ri myong" found RI, Myong Hun at 0.924
// and "普京" (Putin) PO, Kong at 0.930, both at match level.
func TestHanjaSimplified(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ name, entry string }{
		{"金与正", "KIM, Yo Jong"},
		{"崔龙海", "CHOE, Ryong Hae"},
		{"黄炳誓", "HWANG, Pyong So"},
		{"郑京择", "JONG, Kyong Thaek"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.name}), tt.entry)
		if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, "Hanja read in Korean") {
			t.Errorf("%q: %s = %+v, want a match by the Korean reading", tt.name, tt.entry, m)
		}
	}
	// "陈静" reads "jin jong" (JON, Yong Sang, 0.849 so); "郑爽" reads
	// "jong sang" (JONG, Song Ho, 0.864 so).
	for _, name := range []string{"陈静", "郑爽", "张伟", "王芳", "刘洋", "李明", "普京", "吳英傑"} {
		for _, m := range ix.Name(screen.Query{Name: name}) {
			if strings.Contains(m.Explain, "Hanja read in Korean") {
				t.Errorf("%q: %s %q at %.3f by the Korean reading, want none", name, m.EntryID, m.MatchedName, m.Score)
			}
		}
	}
}

// TestHanNameParts: the parts of a foreign name in Han syllables, set
// apart by middle dots, are each one word of the name: no run of
// syllables read as one word crosses a dot, and no part is read as two
// words. Before, "哈桑·纳斯鲁拉" (Hasan Nasrallah) found six other
// entries ("ha sang na" HASSAN, "na si lu" NASR and "la" AL) and not his.
func TestHanNameParts(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	ms := ix.Name(screen.Query{Name: "哈桑·纳斯鲁拉", Kind: screen.KindPerson})
	if len(ms) != 1 || ms[0].EntryName != "NASRALLAH, Hasan" {
		for _, m := range ms {
			t.Logf("%s %q %.3f %s", m.EntryID, m.MatchedName, m.Score, m.Explain)
		}
		t.Errorf("哈桑·纳斯鲁拉: %d matches, want NASRALLAH, Hasan alone", len(ms))
	}
	// Myanmar syllables have no parts: a name of several words is read
	// as before.
	if matchOf(ix.Name(screen.Query{Name: "ဗလာဒီမာ ပူတင်", Kind: screen.KindPerson}), "PUTIN, Vladimir Vladimirovich") == nil {
		t.Error("ဗလာဒီမာ ပူတင်: PUTIN, Vladimir Vladimirovich not found")
	}
}

// TestIndicScripts: names written in Devanagari and Bengali (inherent
// vowels, Hindi's schwa deletion, nukta letters, Bengali's "bh" for v)
// and in Myanmar find the listed person at review level at least.
func TestIndicScripts(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ name, entry string }{
		{"रमज़ान कादिरोव", "23343"},
		{"ভ্লাদিমির পুতিন", "35096"},
		{"ভ্লাদিমির ভ্লাদিমিরোভিচ পুতিন", "35096"},
		{"সের্গেই লাভরভ", "35233"},
		// Myanmar, syllable by syllable, without spaces.
		{"မင်းအောင်လှိုင်", "27225"},
	} {
		ms := ix.Name(screen.Query{Name: tt.name, Kind: screen.KindPerson})
		if s := bestFor(ms, "ofac-sdn", tt.entry); s < opts.Review {
			t.Errorf("%q: entry %s not found (%d matches)", tt.name, tt.entry, len(ms))
		}
	}
}

// TestKoreanNameUsage: a Korean name that a list writes in common usage
// and Korean order, without a comma ("Park Geun-hye"), is found by the
// Korean romanisation key from its McCune–Reischauer spelling and from
// Hangul, read so; a name whose given name differs is not.
func TestKoreanNameUsage(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "Park Geun-hye", "Lee Myeong-bak", "KIM, Jong Un")...)
	for _, tt := range []struct {
		name, entry, explain string
	}{
		{"Pak Kun-hye", "Park Geun-hye", "pak~park (phonetic key pak)"},
		{"박근혜", "Park Geun-hye", "query transliterated (McCune–Reischauer"},
		{"Ri Myong Bak", "Lee Myeong-bak", "ri~lee (phonetic key ri)"},
		{"박근수", "", ""},
		{"Pak Kun-su", "", ""},
	} {
		ms := ix.Name(screen.Query{Name: tt.name, Kind: screen.KindPerson})
		if tt.entry == "" {
			for _, m := range ms {
				if m.MatchedName == "Park Geun-hye" {
					t.Errorf("%q: %q at %.3f, want no match", tt.name, m.MatchedName, m.Score)
				}
			}
			continue
		}
		i := slices.IndexFunc(ms, func(m screen.Match) bool { return m.MatchedName == tt.entry })
		if i < 0 || ms[i].Method != "phonetic (Korean romanisation)" || !strings.Contains(ms[i].Explain, tt.explain) {
			t.Errorf("%q: got %+v, want %q by the Korean romanisation key, explained %q", tt.name, ms, tt.entry, tt.explain)
		}
	}
}
