package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestGreekLoanReadings: a foreign name in Greek letters finds the listed
// name whose letters Greek writes with others it has (κ for the ch of
// Michael, χ for a Spanish j, γου for a w, τσ for t and s, τζ for a soft
// g, μπ and ντ inside a word for b and d), as a possible match.
func TestGreekLoanReadings(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "JACKSON, Michael", "WILSON, Christopher", "GARCIA, Jose", "GATES, Bill",
		"JOHNSON, Robert", "WASHINGTON, George", "ZUCKERBERG, Mark")...)
	opts := ix.Options()
	for _, tt := range []struct{ q, entry, explain string }{
		{"Μάικλ Τζάκσον", "JACKSON, Michael", "maikl~michael (phonetic key mcl)"},
		{"Κρίστοφερ Γουίλσον", "WILSON, Christopher", "kristofer~christopher (phonetic key crstfr), gouilson~wilson (phonetic key lsn)"},
		{"Χοσέ Γκαρσία", "GARCIA, Jose", "chose~jose (phonetic key js)"},
		{"Μπιλ Γκέιτς", "GATES, Bill", "gkeits~gates (phonetic key kts)"},
		{"Ρόμπερτ Τζόνσον", "JOHNSON, Robert", "rompert~robert (phonetic key rbrt)"},
		{"Τζορτζ Γουόσινγκτον", "WASHINGTON, George", "tzortz~george (phonetic key krk)"},
		{"Μαρκ Ζάκερμπεργκ", "ZUCKERBERG, Mark", "zakermpergk~zuckerberg (phonetic key zkrbrk)"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q}), tt.entry)
		switch {
		case m == nil:
			t.Errorf("%q: %s not found", tt.q, tt.entry)
		case m.Score < opts.Review || opts.IsHit(m.Score):
			t.Errorf("%q: %.3f, want review: %s", tt.q, m.Score, m.Explain)
		case m.Method != "phonetic (Greek)" || !strings.Contains(m.Explain, tt.explain):
			t.Errorf("%q: %s explained %q, want %q", tt.q, m.Method, m.Explain, tt.explain)
		}
	}
	for _, q := range []string{"Μάικλ Γκέιτς", "Τζορτζ Τζάκσον"} {
		if ms := ix.Name(screen.Query{Name: q}); len(ms) > 0 {
			t.Errorf("%q: %s %.3f, want none: %s", q, ms[0].EntryName, ms[0].Score, ms[0].Explain)
		}
	}
}
