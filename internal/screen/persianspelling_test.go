package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestPersianZh: the -nezhad of Iranian family names is the -nejad a
// list writes, either way round, as Persian's zh (ژ) is written j by
// others: "Mahmoud Ahmadinezhad" finds AHMADINEJAD, Mahmoud where a list
// writes only that, and "Hossein Saburinejad" SABURINEZHAD, Hossein.
func TestPersianZh(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"AHMADINEJAD, Mahmoud", "SABURINEZHAD, Hossein"}))
	for _, tt := range []struct{ q, entry string }{
		{"Mahmoud Ahmadinezhad", "AHMADINEJAD, Mahmoud"},
		{"Hossein Saburinejad", "SABURINEZHAD, Hossein"},
	} {
		var m *screen.Match
		for _, c := range ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}) {
			if c.List == "own" && c.EntryName == tt.entry {
				m = &c
			}
		}
		if m == nil || !ix.Options().IsHit(m.Score) || !strings.Contains(m.Explain, "Persian zh") {
			t.Errorf("%q: %+v, want %s at match, read as Persian zh for j or the other way", tt.q, m, tt.entry)
		}
	}
}

// TestPersianZadehApart: the -zadeh of Iranian family names, which
// Persian script writes apart as often as not, is joined to the word
// before it: "حسن حسن زاده", read "hsn hsn zadh", is HASSANZADEH, Hassan,
// as "حسن حسن‌زاده" is, at review at least.
func TestPersianZadehApart(t *testing.T) {
	t.Parallel()
	assertExplained(t, newIndex(t, testLists(t)...), screen.KindPerson, []reviewCase{
		{"حسن حسن زاده", "HASSANZADEH, Hassan", "hsnzadh~hassanzadeh"},
		{"حسن حسن\u200cزاده", "HASSANZADEH, Hassan", "hsnzadh~hassanzadeh"},
	})
}

// TestPersianQaf: the qaf, which Persian sounds as ghayn and Persian
// romanisations write gh, is read so where a list writes q, and the other
// way round: "Ghorbani", "Ghassem" and "Zolghadr" find QORBANI, QASSEM and
// ZOLQADR at match as read, and a word whose vowels differ too ("Sadegh"
// for SADIQ, "Ghoreishi" for QURESHI) is a possible match by its
// consonants, as other vowels are. Each list below writes one spelling
// only, as most lists do. "Ghani" (ghayn) is a listed name of its own,
// and stays one.
func TestPersianQaf(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("own", "individual", append(fillerPersons(),
		"QORBANI, Ali", "SULEIMANI, Qassem", "ZOLQADR, Baqer", "TABATABAI, Sadiq", "QURESHI, Abdul Qadir", "GHASEMI, Rostam", "GHANI, Ashraf", "QANI, Yusuf")))
	assertMatchExplained(t, ix, screen.KindPerson, []reviewCase{
		{"Ali Ghorbani", "QORBANI, Ali", "Persian gh for the qaf"},
		{"Ghassem Suleimani", "SULEIMANI, Qassem", "Persian gh for the qaf"},
	})
	assertExplained(t, ix, screen.KindPerson, []reviewCase{
		{"Bagher Zolghadr", "ZOLQADR, Baqer", "Persian gh for the qaf"},
		{"Rostam Qasemi", "GHASEMI, Rostam", ""},
		{"Sadegh Tabatabai", "TABATABAI, Sadiq", ""},
		{"Abdul Qadir Ghoreishi", "QURESHI, Abdul Qadir", ""},
	})
	opts := ix.Options()
	if m := matchOf(ix.Name(screen.Query{Name: "Yusuf Ghani", Kind: screen.KindPerson}), "QANI, Yusuf"); m != nil && opts.IsHit(m.Score) {
		t.Errorf("Yusuf Ghani: QANI, Yusuf at %.3f, want no match: GHANI is a listed name (%s)", m.Score, m.Explain)
	}
}

// TestDhalSpellings: Arabic's dhal, zha and dad, which romanisations write
// dh, z, d or th, are read each way where a list writes one spelling only:
// "Ramazan Abdullah" finds RAMADAN, Abdullah, "Nadhim Zahawi" ZAHAWI,
// Nazim, "Kathem Ali" KAZEM, Ali and "Muammar Qathafi" QADHAFI, Muammar
// at match, each explained by the spelling it read. The tha, which
// Persian sounds s, is read so too, beside other vowels a possible match
// ("Kiyomarth Heydari", a name the UN list gives, for HEIDARI, Kiyumars).
func TestDhalSpellings(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("own", "individual", append(fillerPersons(),
		"RAMADAN, Abdullah", "ZAHAWI, Nazim", "KAZEM, Ali", "QADHAFI, Muammar", "HEIDARI, Kiyumars")))
	assertLevels(t, ix, screen.KindPerson, []levelCase{{"Kiyomarth Heydari", "HEIDARI, Kiyumars", false}})
	assertMatchExplained(t, ix, screen.KindPerson, []reviewCase{
		{"Ramazan Abdullah", "RAMADAN, Abdullah", "z written d"},
		{"Nadhim Zahawi", "ZAHAWI, Nazim", "dh written z"},
		{"Kathem Ali", "KAZEM, Ali", "th written dh"},
		{"Muammar Qathafi", "QADHAFI, Muammar", "th written dh"},
	})
}

// TestIndonesianSy: Indonesian and Malay write the sh of Arabic names sy
// ("Hasyim", "Syarifuddin"), read as the sh a list writes: "Syarifuddin
// Hasan" finds SHARIFUDDIN, Hasan at match, explained so.
func TestIndonesianSy(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("own", "individual", append(fillerPersons(), "SHARIFUDDIN, Hasan", "ASHARI, Hashim")))
	assertMatchExplained(t, ix, screen.KindPerson, []reviewCase{
		{"Syarifuddin Hasan", "SHARIFUDDIN, Hasan", "Indonesian sy for sh"},
		{"Hashim Asyari", "ASHARI, Hashim", "Indonesian sy for sh"},
	})
}
