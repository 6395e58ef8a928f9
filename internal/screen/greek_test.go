package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestGreekLoanReadings: a foreign name in Greek letters finds the listed
// name whose letters Greek writes with others it has (κ for the ch of
// Michael, χ for a Spanish j, γου for a w, τσ for t and s, τζ for a soft
// g, μπ and ντ inside a word for b and d), as a possible match.
func TestGreekLoanReadings(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "JACKSON, Michael", "WILSON, Christopher", "GARCIA, Jose", "GATES, Bill",
		"JOHNSON, Robert", "WASHINGTON, George", "ZUCKERBERG, Mark", "XI, Jinping")...)
	assertReview(t, ix, "phonetic (Greek)", []reviewCase{
		{"Μάικλ Τζάκσον", "JACKSON, Michael", "maikl~michael (phonetic key mcl)"},
		{"Κρίστοφερ Γουίλσον", "WILSON, Christopher", "kristofer~christopher (phonetic key crstfr), gouilson~wilson (phonetic key lsn)"},
		{"Χοσέ Γκαρσία", "GARCIA, Jose", "chose~jose (phonetic key js)"},
		{"Μπιλ Γκέιτς", "GATES, Bill", "gkeits~gates (phonetic key kts)"},
		{"Ρόμπερτ Τζόνσον", "JOHNSON, Robert", "rompert~robert (phonetic key rbrt)"},
		{"Τζορτζ Γουόσινγκτον", "WASHINGTON, George", "tzortz~george (phonetic key krk)"},
		{"Μαρκ Ζάκερμπεργκ", "ZUCKERBERG, Mark", "zakermpergk~zuckerberg (phonetic key zkrbrk)"},
		{"Σι Τζινπίνγκ", "XI, Jinping", "si~xi (phonetic key s)"}, // pinyin's x, an s
	})
	assertNoMatch(t, ix, "Μάικλ Γκέιτς", "Τζορτζ Τζάκσον")
}

// TestGreekChi: χ, read "ch", is an h or a kh, never the ch of English:
// "Χαμάς" finds HAMAS by the skeleton of its Greek reading, and not TAMAS
// COMPANY or TECHMASH by that of "ch" as English sounds it; the
// explanation gives the skeleton that paired the words. Greek writes a
// foreign h with χ, so the Greek key of a listed h is h ("Χεζμπολάχ",
// HIZBALLAH).
func TestGreekChi(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	assertReview(t, ix, "", []reviewCase{
		{"Χαμάς", "HAMAS", "chamas~hamas (consonant skeleton hms)"},
		{"Χεζμπολάχ", "HIZBALLAH", "chezmpolach~hizballah (phonetic key hzblh)"},
		{"Μπασάρ Άσαντ", "AL-ASSAD, Bashar", "mpasar~bashar (consonant skeleton bsr)"},
	})
	for _, m := range ix.Name(screen.Query{Name: "Χαμάς"}) {
		if m.EntryName != "HAMAS" {
			t.Errorf("Χαμάς: %s %.3f, want HAMAS only: %s", m.EntryName, m.Score, m.Explain)
		}
	}
}

// TestGreekGammaIota: γι before a vowel is y inside a word as at its
// start ("Χανίγια", HANIYA).
func TestGreekGammaIota(t *testing.T) {
	t.Parallel()
	assertFoundAs(t, screen.KindPerson, []foundCase{{"Ισμαήλ Χανίγια", "23627", true}})
}

// TestGreekChiAsH: χ is the h of an Arabic name as often as its kh
// ("Γιαχία Σινουάρ", SINWAR, Yahya); and Greek, which has no h, leaves
// it out, as Portuguese does ("Ιμπραήμ", Ibraim, for Ibrahim).
func TestGreekChiAsH(t *testing.T) {
	t.Parallel()
	assertFoundAs(t, screen.KindPerson, []foundCase{
		{"Γιαχία Σινουάρ", "18528", true},
		{"Νταούντ Ιμπραήμ", "9758", true},
	})
}

// TestGreekIotaAlpha: ια after a consonant is the ya of a foreign name as
// often as its ia ("Νετανιάχου", NETANYAHU).
func TestGreekIotaAlpha(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "NETANYAHU, Benjamin")...)
	opts := ix.Options()
	m := matchOf(ix.Name(screen.Query{Name: "Νετανιάχου", Kind: screen.KindPerson}), "NETANYAHU, Benjamin")
	if m == nil || m.Score < opts.Review {
		t.Errorf("Νετανιάχου: got %+v, want NETANYAHU, Benjamin found", m)
	}
}

// TestGreekListedLatinQuery: a person's name a list writes only in Greek,
// which the index reads by ELOT ("Μπαράκ Ομπάμα", "mparak ompama"), is
// read as Greek renders a foreign name too (μπ and ντ for b and d at the
// start of a word or between vowels, ντ for d ending one after a
// consonant, γκ for g): a Latin query finds it, and the explanation gives
// the reading. Another person of the same family name does not.
func TestGreekListedLatinQuery(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"Μπαράκ Ομπάμα", "Ντόναλντ Τραμπ", "Άνγκελα Μέρκελ"}))
	const how = "the listed name read as Greek renders a foreign name (μπ b, ντ d, γκ g, τζ j)"
	assertExplained(t, ix, screen.KindPerson, []reviewCase{
		{"Barack Obama", "Μπαράκ Ομπάμα", how + `: "barak obama"`},
		{"Donald Trump", "Ντόναλντ Τραμπ", how + `: "donald tramp"`},
		{"Angela Merkel", "Άνγκελα Μέρκελ", "angela=angela, merkel=merkel"},
	})
	opts := ix.Options()
	for _, m := range ix.Name(screen.Query{Name: "Michelle Obama", Kind: screen.KindPerson}) {
		if m.List == "own" && m.Score >= opts.Review {
			t.Errorf("Michelle Obama: %s %.3f, want none of the own list: %s", m.EntryName, m.Score, m.Explain)
		}
	}
}
