package screen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestLegalFormWordLeftOut: a legal form of three words or more written
// with one of them left out ("Joint Company" for JOINT STOCK COMPANY) is
// read as the legal form, so that the name it goes with is found as
// listed; before, its words counted as name words the listed name lacks,
// and the company passed. Two short words left of a form are not one
// ("sa de" is not SA DE CV), nor is a state unitary enterprise's form
// without "unitary", a form of its own. A word no name has but in its
// legal form ("Aktsionernoe") is one alone, or beside a short word ("s").
func TestLegalFormWordLeftOut(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tc := range []struct{ q, want, form string }{
		{"ATOMSPETSPROJECT JOINT COMPANY", "ATOMSPETSPROJECT JOINT STOCK COMPANY", "joint company"},
		{"Limited Liability Rutarget", "LIMITED LIABILITY COMPANY RUTARGET", "limited liability"},
		{"Public Stock Company Samaraneftegeofizika", "PUBLIC JOINT STOCK COMPANY SAMARANEFTEGEOFIZIKA", "public stock company"},
		{"Obshchestvo Ogranichennoi Otvetstvennostyu Filakskom", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU FILAKSKOM", "obshchestvo ogranichennoi otvetstvennostyu"},
		{"High Nutrition Sociedad Responsabilidad Limitada", "HIGH NUTRITION SOCIEDAD DE RESPONSABILIDAD LIMITADA", "sociedad responsabilidad limitada"},
		// A word of legal forms only, left alone of a form of two or
		// beside a short word of a form: still the form.
		{"Aktsionernoe Mosinzhproekt", "AKTSIONERNOE OBSHCHESTVO MOSINZHPROEKT", "aktsionernoe"},
		{"Obshchestvo s Otvetstvennostyu Periton Inzhiniring", "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU PERITON INZHINIRING", "obshchestvo s otvetstvennostyu"},
	} {
		ms := ix.Name(screen.Query{Name: tc.q, Kind: screen.KindOrganization})
		i := slices.IndexFunc(ms, func(m screen.Match) bool { return m.MatchedName == tc.want })
		if i < 0 || !opts.IsHit(ms[i].Score) || !strings.Contains(ms[i].Explain, "query legal form ignored: "+tc.form) {
			t.Errorf("%q: got %+v, want %q at match with the legal form %q ignored", tc.q, ms, tc.want, tc.form)
		}
	}
	// The reading of a name in Han ends "sa de" (巴沙尔·阿萨德, Bashar
	// al-Assad): not a legal form.
	ms := ix.Name(screen.Query{Name: "巴沙尔·阿萨德", Kind: screen.KindPerson})
	if !slices.ContainsFunc(ms, func(m screen.Match) bool { return m.EntryName == "AL-ASSAD, Bashar" }) {
		t.Errorf("巴沙尔·阿萨德: AL-ASSAD, Bashar not found: %+v", ms)
	}
	// FEDERAL STATE ENTERPRISE is not FEDERAL STATE UNITARY ENTERPRISE
	// without a word: the other words of the name still count.
	ms = ix.Name(screen.Query{Name: "FEDERAL STATE ENTERPRISE KAMENSKY PLANT", Kind: screen.KindOrganization})
	if !slices.ContainsFunc(ms, func(m screen.Match) bool { return m.EntryName == "FEDERAL STATE ENTERPRISE KAMENSKY COMBINE" }) {
		t.Errorf("FEDERAL STATE ENTERPRISE KAMENSKY PLANT: the combine not found: %+v", ms)
	}
}

// TestAktsionernayaKompaniya: a joint-stock company's form as ALROSA
// writes it (Акционерная компания, AK) is a legal form, alone or before
// another: "Aktsionernaya Kompaniya Alrosa PAO" is PUBLIC JOINT STOCK
// COMPANY ALROSA at match, where its two words counted as name words.
func TestAktsionernayaKompaniya(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, q := range []string{"Aktsionernaya Kompaniya Alrosa PAO", "Aktsionernaya Kompaniya Alrosa"} {
		m := matchOf(ix.Name(screen.Query{Name: q, Kind: screen.KindOrganization}), "PUBLIC JOINT STOCK COMPANY ALROSA")
		if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, "query legal form ignored: aktsionernaya kompaniya") {
			t.Errorf("%q: got %+v, want PUBLIC JOINT STOCK COMPANY ALROSA at match, its legal form ignored", q, m)
		}
	}
}
