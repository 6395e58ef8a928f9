package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestKanaListedLatinQuery: a foreign name a list writes only in kana,
// which the index reads as Hepburn writes it ("ドナルド・トランプ",
// "donarudo toranpu"), is found by a Latin query of its consonants as
// kana writes them (l as r, m before p as n), whose every vowel kana
// writes too, as a possible match; another name is not.
func TestKanaListedLatinQuery(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"ドナルド・トランプ", "アンゲラ・メルケル"}))
	const how = " (the same consonants as kana writes them"
	assertPersonReview(t, ix, []reviewCase{
		{"Donald Trump", "ドナルド・トランプ", "donald≈donarudo" + how},
		{"Angela Merkel", "アンゲラ・メルケル", "merkel≈merukeru" + how},
	})
	for _, q := range []string{"Donald Duck", "Angela Merkin"} {
		for _, m := range ix.Name(screen.Query{Name: q, Kind: screen.KindPerson}) {
			if m.List == "own" {
				t.Errorf("%q: %s %.3f, want none of the own list: %s", q, m.EntryName, m.Score, m.Explain)
			}
		}
	}
}
