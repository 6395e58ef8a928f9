package screen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestGivenNameForms: a person's given name in its English form finds
// the listed Russian form, as a possible match (review), explained; the
// table never pairs a surname or an organisation's word.
func TestGivenNameForms(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct {
		q, entryID, explain string
	}{
		// Kaspersky Lab's leaders designated in June 2024, and others.
		{"Michael Gerber", "45856", "michael~mikhail (the same given name in another language)"},
		{"Andrew Tikhonov", "45815", "andrew~andrey (the same given name in another language)"},
		{"Eugene Prigozhin", "21171", "eugene~evgeny (the same given name in another language)"},
		{"Fridman, Michael", "44291", "michael~mikhail (the same given name in another language)"},
		// A Turkish form of an Arabic given name.
		{"Mehmet Deif", "18529", "mehmet~muhammed (the same given name in another language)"},
	} {
		ms := ix.Name(screen.Query{Name: tt.q})
		m := matchByID(ms, tt.entryID)
		switch {
		case m == nil:
			t.Errorf("%q: entry %s not found: %v", tt.q, tt.entryID, ms)
		case m.Score < opts.Review || opts.IsHit(m.Score):
			t.Errorf("%q: %.3f, want review: %s", tt.q, m.Score, m.Explain)
		case !strings.Contains(m.Explain, tt.explain) || !strings.Contains(m.Explain, "a given name in another language's form: review at most"):
			t.Errorf("%q: explained %q, want %q and the cap", tt.q, m.Explain, tt.explain)
		}
	}
	// Not under organisation rules.
	for _, m := range ix.Name(screen.Query{Name: "Mikhail Trading LLC", Kind: screen.KindOrganization}) {
		if strings.Contains(m.Explain, "another language") {
			t.Errorf("%q paired by a given name's form: %s", m.MatchedName, m.Explain)
		}
	}
}

// TestGivenNameFormsGreekLetters: the forms of a given name that write
// the Greek ch and th as k and t, or Michael as Nordic and Polish do,
// pair with the listed form as the Russian forms do: a possible match,
// explained. The names are the index's own, beside the SDN list.
func TestGivenNameFormsGreekLetters(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"IVANOVA, Christina", "NOVAK, Thomas", "ANDERSSON, Michael"}))
	assertGivenPaired(t, ix, "a given name in another language's form: review at most", []reviewCase{
		{"Kristina Ivanova", "IVANOVA, Christina", "kristina~christina (the same given name in another language)"},
		{"Tomas Novak", "NOVAK, Thomas", "tomas~thomas (the same given name in another language)"},
		{"Mikael Andersson", "ANDERSSON, Michael", "mikael~michael (the same given name in another language)"},
	})
}

// assertGivenPaired checks that each case's query, of a person, finds its
// entry as a possible match (review, not match), explained by the
// case's pairing and by the cap capNote.
func assertGivenPaired(t *testing.T, ix testIndex, capNote string, cases []reviewCase) {
	t.Helper()
	checkExplained(t, ix, screen.KindPerson, "", false, cases)
	capped := make([]reviewCase, len(cases))
	for i, c := range cases {
		capped[i] = reviewCase{c.q, c.entry, capNote}
	}
	checkExplained(t, ix, screen.KindPerson, "", false, capped)
}

// TestShortGivenVariant: a short given name written with two neighbouring
// letters swapped or an h added or left out ("Jonh", "Jhon", "Jon" for
// John) finds the listed person as a possible match (review) when the
// rest of the name is spelt as listed; another short name one letter
// away ("Joan", "Jan") does not, nor does a surname so written.
func TestShortGivenVariant(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "SMITH, John", "KOVAC, Ana")...)
	assertReview(t, ix, "", []reviewCase{
		{"Jonh Smith", "SMITH, John", "jonh≈john (a short given name with two neighbouring letters swapped)"},
		{"Jhon Smith", "SMITH, John", "jhon≈john (a short given name with two neighbouring letters swapped)"},
		{"Jon Smith", "SMITH, John", "jon≈john (a short given name with an h added or left out)"},
		{"ג׳ון סמית׳", "SMITH, John", "jon≈john (a short given name with an h added or left out)"},
	})
	for _, q := range []string{"Joan Smith", "Jan Smith", "John Smiht", "Ana Kovca", "Nan Kovac"} {
		for _, m := range ix.Name(screen.Query{Name: q}) {
			if strings.Contains(m.Explain, "a short given name") {
				t.Errorf("%q: %q at %.3f: %s", q, m.MatchedName, m.Score, m.Explain)
			}
		}
	}
}

// TestShortGivenClusterVowel: a short Arabic given name that ends in two
// consonants, written with a vowel between them or without ("Amer" for
// AMR, "Bakr" for BAKAR, "Bakar" for BAKR), finds the listed person as a
// possible match (review) when the rest of the name is spelt as listed,
// whether the query's spelling is listed or not (a query's word of five
// letters that no listed name holds is one letter from the name's, a
// typo: "Badar" for BADR). A European name that
// ends in r, l or n and a consonant is not so read ("Carl" is not
// CAROL, "Mark" not MAREK), nor a vowel added after the consonants.
func TestShortGivenClusterVowel(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "ARMANAZI, Amr", "BASHIR, Abu Bakar", "AL-BAGHDADI, Abu Bakr al-Husayni",
		"SMITH, Carol", "NOWAK, Marek", "HADDAD, Amer")...)
	const why = " (a short given name with a vowel written between its last two consonants, or left out)"
	assertReview(t, ix, "", []reviewCase{
		{"Amer Armanazi", "ARMANAZI, Amr", "amer≈amr" + why},
		{"Abu Bakr Bashir", "BASHIR, Abu Bakar", "bakr≈bakar" + why},
		{"Abu Bakar al-Baghdadi", "AL-BAGHDADI, Abu Bakr al-Husayni", "bakar≈bakr" + why},
		{"Amr Haddad", "HADDAD, Amer", "amr≈amer" + why},
	})
	for _, q := range []string{"Carl Smith", "Mark Nowak", "Amra Armanazi", "Amre Haddad"} {
		for _, m := range ix.Name(screen.Query{Name: q}) {
			if strings.Contains(m.Explain, why) {
				t.Errorf("%q: %q at %.3f: %s", q, m.MatchedName, m.Score, m.Explain)
			}
		}
	}
}

// TestShortGivenVariantTransliterated: a short given name read from
// another script that some listed name spells as read ("jon", from ג׳ון,
// ジョン or 존, is a Korean surname of the lists) is looked for as a short
// given name's variant too, as a possible match.
func TestShortGivenVariantTransliterated(t *testing.T) {
	t.Parallel()
	sdn := sdnList(t)
	ix := newIndex(t, sdn, namedList("own", "individual", []string{"SMITH, John"}))
	holds := false
	for _, e := range sdn.Entries {
		holds = holds || slices.Contains(strings.FieldsFunc(strings.ToLower(e.Name), func(r rune) bool { return r < 'a' || r > 'z' }), "jon")
	}
	if !holds {
		t.Fatal(`the list holds no "jon": the test needs a listed word the reading spells`)
	}
	assertReview(t, ix, "", []reviewCase{
		{"ג׳ון סמית׳", "SMITH, John", "jon≈john (a short given name with an h added or left out)"},
		{"ג'ון סמית'", "SMITH, John", "jon≈john (a short given name with an h added or left out)"},
	})
}
