package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// A listed given name written with other vowels ("Mounir" for MONIR,
// while other entries are MOUNIR) is a possible match, explained, never
// a hit, when the rarer family name gathers the name.
func TestVowelClassPerson(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t,
		"CHOUKA, Monir",
		"SAID, Mounir",
		"HASSAN, Mounir",
		"KARIMOV, Rustam",
		"PETROV, Ivan")
	ms := ix.Name(screen.Query{Name: "Mounir Chouka", Kind: screen.KindPerson})
	if len(ms) == 0 || ms[0].EntryID != "1" {
		t.Fatalf("got %+v, want entry 1", ms)
	}
	m := ms[0]
	if ix.Options().IsHit(m.Score) || !strings.Contains(m.Explain, "mounir≈monir (vowels written otherwise") {
		t.Errorf("got %.3f %s %q, want a possible match explained by its vowels", m.Score, m.Method, m.Explain)
	}
}

// A patronymic of the query that the listed name does not give
// ("Yevgeny Garryevich Khodotov" for KHODOTOV, Yevgeny) counts as a
// further name of the query, even when it is the query's rarest word.
func TestQueryPatronymic(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t,
		"KHODOTOV, Yevgeny",
		"PETROV, Yevgeny Ivanovich",
		"SIDOROV, Ivan",
		"KHODOTOVA, Anna")
	ms := ix.Name(screen.Query{Name: "Yevgeny Garryevich Khodotov", Kind: screen.KindPerson})
	if len(ms) == 0 || ms[0].EntryID != "1" || !strings.Contains(ms[0].Explain, "garryevich unmatched") {
		t.Fatalf("got %+v, want entry 1 with the patronymic unmatched", ms)
	}
}
