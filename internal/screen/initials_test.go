package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestRussianInitials: Russian documents write a person as the surname
// and the initials of the given name and the patronymic ("Гербер М.Ю.").
// An initial romanised in two letters or four (ю yu, е ye, ж zh, ...) and
// closed by its dot is an initial under person rules, as a single letter
// is, and starts the name it stands for. A word so written without its
// dot stays a word ("Kim Yo Jong"). Given names by their initials and a
// surname that shares only its consonant skeleton are no match; beside a
// word spelt as the name spells it they are a possible one.
func TestRussianInitials(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct{ q, entryID, explain string }{
		{"Гербер М.Ю.", "45856", "m.=mikhail (initial)"},
		{"Gerber Yu.", "45856", "yu.=yuyevich (initial)"},
		{"Prigozhin Ye.V.", "21171", "ye.=yevgeniy (initial), v.=viktorovich (initial)"},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entryID)
		if m == nil || m.Score < opts.Review || opts.IsHit(m.Score) || !strings.Contains(m.Explain, tt.explain) {
			t.Errorf("%q: got %+v, want entry %s at review, %q", tt.q, m, tt.entryID, tt.explain)
		}
	}
	// A name of no kind, as an SBOM's author or a record's contact is:
	// the initials set apart by dots are a person's too, not an
	// organisation's acronym ("ii").
	for _, tt := range []struct{ q, explain string }{
		{"Sechin I.I.", "i.=igor (initial)"},
		{"Сечин И.И.", "i.=igor (initial)"},
		{"Kovalchuk Y.V.", "y.=yuri (initial), v.=valentinovich (initial)"},
	} {
		ms := ix.Name(screen.Query{Name: tt.q})
		if len(ms) == 0 || ms[0].Score < opts.Review || opts.IsHit(ms[0].Score) || !strings.Contains(ms[0].Explain, tt.explain) {
			t.Errorf("%q (no kind): got %+v, want a possible match, %q", tt.q, ms, tt.explain)
		}
	}
	m := matchByID(ix.Name(screen.Query{Name: "Kim Yo Jong", Kind: screen.KindPerson}), "21444")
	if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, "yo=yo") {
		t.Errorf(`"Kim Yo Jong": got %+v, want entry 21444 at match level, "yo=yo"`, m)
	}
	if m := matchByID(ix.Name(screen.Query{Name: "Юмашев В.Б.", Kind: screen.KindPerson}), "57075"); m != nil {
		t.Errorf(`"Юмашев В.Б.": got %+v, want no match of MOOSAVI, Badroddin`, m)
	}
	// Beside a word spelt as the name spells it, words of the same
	// consonant skeleton and an initial are a possible match: "عدنان س.
	// حسن أحمد", read "adnan s hsn ahmd", is AHMED, Adnan S. Hasan.
	assertExplained(t, ix, screen.KindPerson, []reviewCase{
		{"عدنان س. حسن أحمد", "AHMED, Adnan S. Hasan", "adnan=adnan, s.=s (initial), hsn~hasan (consonant skeleton"},
	})
}
