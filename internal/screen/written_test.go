package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestNamesAsWritten: names as the press and people write them, against
// the real SDN list. Each row gives the entry the query must find, at
// least at review ("hit" asks for match level), and a piece of the
// explanation that says how; the rows of wantNone must find nothing of
// the entry named, so that the rule that finds the first is not a
// licence for the second.
func TestNamesAsWritten(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct {
		name, kind, entry, explain string
		hit                        bool
	}{
		// A company's word in the other number.
		{"Islamic Republic of Iran Shipping Line", screen.KindOrganization, "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES", "line≈lines", true},
		// Half of a listed word written apart, with a half no list holds.
		{"Rosoboron Export", screen.KindOrganization, "ROSOBORONEKSPORT OAO", `split words joined: "rosoboron export"`, true},
		// A listed word that names nothing as written, read as the listed
		// words it is made of.
		{"Gazpromneft", "", "PUBLIC JOINT STOCK COMPANY GAZPROM NEFT", `glued words split: "gazpromneft"`, true},
		// The article of an Arabic family name left out.
		{"Ayman Zawahiri", screen.KindPerson, "AL ZAWAHIRI, Dr. Ayman", "al left out (article, optional)", true},
		// A degree before the given names is no given name.
		{"Ibrahim al-Badri", screen.KindPerson, "AL-BADRI, Dr. Ibrahim 'Awwad Ibrahim 'Ali", "ibrahim=ibrahim, al=al, badri=badri", true},
		// "ye" after a vowel as passports write it, "e" ("Sergeevich",
		// BGN/PCGN's Sergeyevich), in a Swedish rendering.
		{"Sergej Sergejevitj Chemezov", screen.KindPerson, "CHEMEZOV, Sergey Sergeevich", "sergejevitj~sergeevich (foreign spelling: Scandinavian spelling", true},
		// A rare surname alone in another language's spelling.
		{"Lawrow", screen.KindPerson, "LAVROV, Sergei Viktorovich", "lawrow~lavrov", false},
		{"Loukachenko", screen.KindPerson, "LUKASHENKA, Alyaksandr Ryhorovich", "French spelling", false},
	} {
		ms := ix.Name(screen.Query{Name: tt.name, Kind: tt.kind})
		got := matchOf(ms, tt.entry)
		switch {
		case got == nil:
			t.Errorf("%q: %s not found (%d matches)", tt.name, tt.entry, len(ms))
		case !strings.Contains(got.Explain, tt.explain):
			t.Errorf("%q: explanation %q, want it to say %q", tt.name, got.Explain, tt.explain)
		case tt.hit != opts.IsHit(got.Score):
			t.Errorf("%q: score %.3f, want a hit %v", tt.name, got.Score, tt.hit)
		case tt.kind == screen.KindPerson && !strings.Contains(tt.name, " ") && opts.IsHit(got.Score):
			t.Errorf("%q: a surname alone scored %.3f, want review at most", tt.name, got.Score)
		}
	}
	for _, tt := range []struct{ name, kind, entry string }{
		// The other number of a person's name is another name.
		{"Marco Trevino", screen.KindPerson, "TREVINO MORALES, Miguel"},
		// A common word in the other number does not make a name.
		{"Shipping Lines Express", screen.KindOrganization, "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES"},
		// An article alone is no family name.
		{"Ayman Al", screen.KindPerson, "AL ZAWAHIRI, Dr. Ayman"},
		// A degree is not the person's given name.
		{"Dr. Zawahiri Smith", screen.KindPerson, "AL ZAWAHIRI, Dr. Ayman"},
	} {
		if m := matchOf(ix.Name(screen.Query{Name: tt.name, Kind: tt.kind}), tt.entry); m != nil {
			t.Errorf("%q: %s %q by %s at %.3f", tt.name, m.EntryID, m.MatchedName, m.Method, m.Score)
		}
	}
}
