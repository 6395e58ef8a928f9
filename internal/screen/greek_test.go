package screen_test

import "testing"

// TestGreekLoanReadings: a foreign name in Greek letters finds the listed
// name whose letters Greek writes with others it has (κ for the ch of
// Michael, χ for a Spanish j, γου for a w, τσ for t and s, τζ for a soft
// g, μπ and ντ inside a word for b and d), as a possible match.
func TestGreekLoanReadings(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "JACKSON, Michael", "WILSON, Christopher", "GARCIA, Jose", "GATES, Bill",
		"JOHNSON, Robert", "WASHINGTON, George", "ZUCKERBERG, Mark")...)
	assertReview(t, ix, "phonetic (Greek)", []reviewCase{
		{"Μάικλ Τζάκσον", "JACKSON, Michael", "maikl~michael (phonetic key mcl)"},
		{"Κρίστοφερ Γουίλσον", "WILSON, Christopher", "kristofer~christopher (phonetic key crstfr), gouilson~wilson (phonetic key lsn)"},
		{"Χοσέ Γκαρσία", "GARCIA, Jose", "chose~jose (phonetic key js)"},
		{"Μπιλ Γκέιτς", "GATES, Bill", "gkeits~gates (phonetic key kts)"},
		{"Ρόμπερτ Τζόνσον", "JOHNSON, Robert", "rompert~robert (phonetic key rbrt)"},
		{"Τζορτζ Γουόσινγκτον", "WASHINGTON, George", "tzortz~george (phonetic key krk)"},
		{"Μαρκ Ζάκερμπεργκ", "ZUCKERBERG, Mark", "zakermpergk~zuckerberg (phonetic key zkrbrk)"},
	})
	assertNoMatch(t, ix, "Μάικλ Γκέιτς", "Τζορτζ Τζάκσον")
}
