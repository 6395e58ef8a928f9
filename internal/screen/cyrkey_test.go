package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestCyrillicForeignNames: a foreign name as Russian writes it finds the
// listed name as its own language spells it, as a possible match
// (review), by the Cyrillic family's key; a Russian name is read as
// written, and another foreign name does not pair.
func TestCyrillicForeignNames(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "SMITH, John", "JACKSON, Michael", "BUSH, George", "WILSON, Christopher",
		"RODRIGUEZ, Juan Carlos", "POTTER, Harry", "WILLIAMS, Hank", "BROWN, James", "LOBAEV, Nikolay")...)
	assertReview(t, ix, "phonetic (Cyrillic rendering of a foreign name)", []reviewCase{
		{"Джон Смит", "SMITH, John", "dzhon~john (phonetic key jn), smit~smith (phonetic key smt)"},
		{"Майкл Джексон", "JACKSON, Michael", "maykl~michael (phonetic key mcl)"},
		{"Джордж Буш", "BUSH, George", "dzhordzh~george (phonetic key grg)"},
		{"Кристофер Уилсон", "WILSON, Christopher", "kristofer~christopher (phonetic key crstfr), uilson~wilson (phonetic key lsn)"},
		{"Хуан Карлос Родригес", "RODRIGUEZ, Juan Carlos", "khuan~juan (phonetic key jn)"},
		{"Гарри Поттер", "POTTER, Harry", "garri~harry (phonetic key hr)"},
		{"Хэнк Уильямс", "WILLIAMS, Hank", "khenk~hank (phonetic key hnk)"},
		{"Джеймс Браун", "BROWN, James", "dzheyms~james (phonetic key jms), braun~brown (phonetic key brn)"},
	})
	assertNoMatch(t, ix,
		"Джон Браун",       // John Brown: neither SMITH, John nor BROWN, James
		"Николай Волобуев", // a Russian name: its v is no w (LOBAEV, Nikolay)
		"Гарри Смит",       // Harry Smith
	)
	// A Russian name with a match of its own is not read as a foreign one.
	if ms := ix.Name(screen.Query{Name: "Иван Петров"}); len(ms) != 1 || ms[0].EntryName != "PETROV, Ivan" || !ix.Options().IsHit(ms[0].Score) {
		t.Errorf("Иван Петров: %v, want PETROV, Ivan alone", ms)
	}
}
