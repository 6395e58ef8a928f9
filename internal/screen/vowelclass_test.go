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

// A short word of a name written with a letter doubled or not ("Al-Haj"
// for AL-HAJJ) pairs by its phonetic key, explained; other short words
// that only share a key ("Jun", YUN) still pair by their spelling only.
func TestGeminateShortWord(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(),
		"HASSAN, Hussein Al-Hajj",
		"HASSAN, Hussein Ali",
		"KIM, Yun Ho",
		"HAJ, Ahmad")...)
	for _, tc := range []struct {
		q, want, explain string
	}{
		{"HASSAN, Hussein Al-Haj", "HASSAN, Hussein Al-Hajj", "haj~hajj (a letter doubled"},
		{"Hussein Haj Hassan", "HASSAN, Hussein Al-Hajj", "haj~hajj (a letter doubled"},
		{"KIM, Jun Ho", "", ""},
	} {
		ms := ix.Name(screen.Query{Name: tc.q, Kind: screen.KindPerson})
		var got screen.Match
		for _, m := range ms {
			if m.MatchedName == tc.want || tc.want == "" && m.MatchedName == "KIM, Yun Ho" {
				got = m
				break
			}
		}
		switch {
		case tc.want == "" && got.MatchedName != "":
			t.Errorf("%q: got %q %.3f (%s), want no match of KIM, Yun Ho", tc.q, got.MatchedName, got.Score, got.Explain)
		case tc.want != "" && !strings.Contains(got.Explain, tc.explain):
			t.Errorf("%q: got %+v, want %q explained by %q", tc.q, ms, tc.want, tc.explain)
		}
	}
}
