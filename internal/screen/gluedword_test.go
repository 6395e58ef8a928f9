package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestGluedWordReadings: a word written apart or together otherwise than
// the listed name writes it is read as the listed name's, and the
// reading that repairs one word does not undo another the name pairs as
// written.
func TestGluedWordReadings(t *testing.T) {
	t.Parallel()
	// "ship management" run together, beside a legal form "co" that some
	// name holds beside "hai": "shanghai" stays one word.
	assertFound(t, []foundCase{
		{"SHANGHAI FUTURE SHIPMANAGEMENT CO LTD", "51386", true},
		{"Shanghai Future Ship Management Co Ltd", "51386", true},
	})
	// A number among words run together, as a domain name writes them.
	assertFound(t, []foundCase{
		{"hope1shipping", "58112", true},
		{"companiaganadera5manantiales", "15864", true},
		{"severomuyskiytonnel2", "48889", true},
		{"hope2shipping", "58112", false},
	})
	// AL HAKIM, Abdullah Yahya: the article joined to "hakim" only where
	// a name that writes ALHAKIM holds another word of the query, and
	// "abdullah" not split where the name holds it.
	assertFoundAs(t, screen.KindPerson, []foundCase{
		{"Abd Allah Yahya Al Hakim", "17386", true},
		{"Abd-Allah Yahya Al Hakim", "17386", true},
		{"Abd Ullah Yahya Al Hakim", "17386", true},
		{"Abdullah Yahya Alhakim", "17386", true},
		{"Abdullah Yahya", "17386", false}, // given names alone
	})
	// A name of God and the word before it, written apart in another
	// spelling than the listed name runs them together in: Allah as
	// -ullah, abd and the article as abdul-.
	assertFoundAs(t, screen.KindPerson, []foundCase{
		{"Rahmat Allah Mohammad Afzal", "12594", true},
		{"Ismat Allah Khalozai", "33958", true},
		{"Abdel Aziz Kaskariy", "36043", true},
		{"Abd al-Hamid Celik", "36031", true},
		{"Abd al-Wahab Noor Abdi", "40220", true},
		{"Rahmat Ali Mohammad Afzal", "12594", false}, // not a name of God
	})
}

// TestShortVowelReadings: a given name with the other short vowel of an
// Arabic name's romanisations pairs, listed or not ("Imed", IMAD;
// "Zeyd", ZAYD).
func TestShortVowelReadings(t *testing.T) {
	t.Parallel()
	assertFoundAs(t, screen.KindPerson, []foundCase{
		{"Imed Khalil Al-Alami", "7912", true},
		{"Zeyd Ali Ahmed Al-Sharafi", "56699", true},
		{"Zoyd Ali Ahmed Al-Sharafi", "56699", false}, // o for a
	})
}
