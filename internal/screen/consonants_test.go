package screen_test

import "testing"

// TestConsonantVariant: a word of a person's name that no listed name
// holds, spelt with the consonants of a rare listed word and other vowels
// (a romanisation of an Arabic or Persian name), pairs with it as a vowel
// variant: a possible match at most, the rule named. ("Hasan Jamaluddin"
// found nothing without it; the other two reach review without it too, by
// a further name and by two edits. The pairs of OFAC's variants the rule
// finds, and nothing else did, are counted by TestAccuracyAliases.)
func TestConsonantVariant(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	assertReview(t, ix, "fuzzy", []reviewCase{
		{"Haydar Mozher Malak Al-Saidi", "AL-SA'IDI, Haydar Muzhir Ma'lak", "mozher≈muzhir (the same consonants as written in as many syllables, the vowels otherwise)"},
		{"Hasan Jamaluddin", "JAMAL-AL-DIN, Hasan", "jamaluddin≈jamaleddine (the same consonants as written in as many syllables, the vowels otherwise)"},
		{"Adnan Kotharani", "KAWTHARANI, Adnan Hussein", "kotharani≈kutherani (the same consonants as written in as many syllables, the vowels otherwise)"},
	})
}
