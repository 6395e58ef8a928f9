package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestNicknames: a person's given name as a nickname ("Bill", "Bob",
// "Mike") finds the listed full name, in English or another language's
// form, as a possible match (review), explained; a full name does not
// find a listed nickname, a nickname does not pair with a common family
// name, one the list holds often as a name of its own ("Ali") is that
// name, and under organisation rules nothing pairs so.
func TestNicknames(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"GATES, William", "SMITHERSON, Robert", "POMPEO, Michael", "JONESY, Sally", "HAQQANIYY, Alison"}))
	assertGivenPaired(t, ix, "a given name by its nickname", []reviewCase{
		{"Bill Gates", "GATES, William", "bill~william (a nickname of the same given name)"},
		{"Bob Smitherson", "SMITHERSON, Robert", "bob~robert (a nickname of the same given name)"},
		{"Mike Pompeo", "POMPEO, Michael", "mike~michael (a nickname of the same given name)"},
		// A nickname of an English name the list gives in its Russian form.
		{"Mike Fridman", "FRIDMAN, Mikhail Maratovich", "mike~mikhail (a nickname of the same given name)"},
	})
	for _, tt := range []struct{ q, entry string }{
		{"Sarah Jonesy", "JONESY, Sally"},     // a full name for a listed nickname
		{"William Pompeo", "POMPEO, Michael"}, // another given name
		{"Bill Pompeo", "POMPEO, Michael"},
		// A nickname the list holds often as a name of its own.
		{"Ali Haqqaniyy", "HAQQANIYY, Alison"},
	} {
		if m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entry); m != nil {
			t.Errorf("%q: %s %.3f, want none: %s", tt.q, tt.entry, m.Score, m.Explain)
		}
	}
	for _, m := range ix.Name(screen.Query{Name: "Bill Gates Trading", Kind: screen.KindOrganization}) {
		if strings.Contains(m.Explain, "nickname") {
			t.Errorf("organisation paired by a nickname: %s", m.Explain)
		}
	}
}
