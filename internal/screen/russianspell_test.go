package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestRussianNamesGermanPolish finds Russian names as German and Polish
// write them (z and c for ц, s for з, sch and sz for ш, ch for х, w for
// в, j for й): "Kusnezow" for KUZNETSOV, "Cepkin" for TSEPKIN; and ё
// after ж, ч, ш and щ, which they write o and the lists e ("Bogatschow",
// "Bogaczow", BOGACHEV). The explanation names the orthography. A long word one letter from the
// listed one stays that word misspelt, whatever orthography reads it too,
// so that "Jewgeni Prigoschin" is still a match.
func TestRussianNamesGermanPolish(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ q, entry, how string }{
		{"Stanislaw Kusnezow", "KUZNETSOV, Stanislav Konstantinovich", "German spelling of a Russian name"},
		{"Andrey Sacharow", "ZAKHAROV, Andrey Georgiyevich", "German spelling of a Russian name"},
		{"Oleg Zepkin", "TSEPKIN, Oleg Vladimirovich", "German spelling of a Russian name"},
		{"Alexander Tschemesow", "CHEMEZOV, Alexander Sergeevich", "German spelling of a Russian name"},
		{"Sergei Schelesnjak", "ZHELEZNYAK, Sergei Vladimirovich", "German spelling of a Russian name, s and sch as z and zh"},
		{"Oleg Cepkin", "TSEPKIN, Oleg Vladimirovich", "Polish spelling of a Russian name"},
		{"Maria Woroncowa", "VORONTSOVA, Maria Vladimirovna", "Polish spelling of a Russian name"},
		{"Witaly Lichaczew", "LIKHACHEV, Vitaly Viktorovich", "Polish spelling of a Russian name"},
		// ё after a hushing consonant, written o.
		{"Jewgeni Bogatschow", "BOGACHEV, Evgeniy Mikhaylovich", "German spelling of a Russian name, o for ё after ch, sh, zh"},
		{"Daniil Borschtschow", "BORSHCHEV, Daniil Sergeyevich", "German spelling of a Russian name, o for ё after ch, sh, zh"},
		{"Evgeniy Bogaczow", "BOGACHEV, Evgeniy Mikhaylovich", "Polish spelling of a Russian name, o for ё after ch, sh, zh"},
		{"Dmitrij Choroszow", "KHOROSHEV, Dmitry Yuryevich", "Polish spelling of a Russian name, o for ё after ch, sh, zh"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entry)
		if m == nil || m.Score < opts.Review || !strings.Contains(m.Explain, "foreign spelling: "+tt.how+",") &&
			!strings.Contains(m.Explain, "foreign spelling: "+tt.how+")") {
			t.Errorf("%q: got %+v, want %s at review or above by %s", tt.q, m, tt.entry, tt.how)
		}
	}
	var best float64
	for _, c := range ix.Name(screen.Query{Name: "Jewgeni Prigoschin", Kind: screen.KindPerson}) {
		if strings.HasPrefix(c.EntryName, "PRIGOZHIN, Yevgeniy") {
			best = max(best, c.Score)
		}
	}
	if !opts.IsHit(best) {
		t.Errorf("Jewgeni Prigoschin: PRIGOZHIN at %.3f, want a match", best)
	}
}
