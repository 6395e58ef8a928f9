package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestLookalikeLetters: a name is read as a reader sees it. A word of
// Cyrillic letters with a Latin letter typed for its Cyrillic twin (a
// keyboard without Belarusian "і") is Cyrillic; a word made only of
// Cyrillic letters that look Latin is also read as the Latin letters it
// shows, against the scored lists too; and a Russian word that only looks
// Latin matches nothing so read.
func TestLookalikeLetters(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct {
		name, entry string // entry "": nothing at match level
		explain     string
	}{
		// "I" and "i" Latin, the rest Cyrillic, as the UK list writes him.
		{"КУБРАКОЎ, Iван Уладзiмiравiч", "KUBRAKOU, Ivan Uladzimiravich", "BGN/PCGN (Cyrillic)"},
		{"Iван КУБРАКОЎ", "KUBRAKOU, Ivan Uladzimiravich", "BGN/PCGN (Cyrillic)"},
		// Five Cyrillic letters: "namas" transliterated, HAMAS to a reader.
		{"\u041d\u0410\u041c\u0410\u0405", "HAMAS", "lookalike letters read as Latin"},
		{"ВЕРА", "", ""},
		{"Анна Мороз", "", ""},
	} {
		ms := ix.Name(screen.Query{Name: tt.name})
		var hit *screen.Match
		for i := range ms {
			if opts.IsHit(ms[i].Score) {
				hit = &ms[i]
				break
			}
		}
		switch {
		case tt.entry == "" && hit != nil:
			t.Errorf("%q: %s %.3f at match level, want none: %s", tt.name, hit.EntryName, hit.Score, hit.Explain)
		case tt.entry != "" && (hit == nil || hit.EntryName != tt.entry):
			t.Errorf("%q: got %v, want %s at match level", tt.name, ms, tt.entry)
		case hit != nil && !strings.Contains(hit.Explain, tt.explain):
			t.Errorf("%q: explanation %q, want it to name %q", tt.name, hit.Explain, tt.explain)
		}
	}
}
