package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestKoreanCommonUsage: a Korean name in Hangul finds the listed name
// in the spellings of South Korean passports and the press ("Soo", "Hee",
// "Young", "Sung", "Woo", "Wha"; the surnames Chung, Roh, Yoo, Suh), as
// a possible match (review); another name does not pair.
func TestKoreanCommonUsage(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "Lee Young-hee", "Kim Soo-hyun", "Park Ji-sung", "Chung Kyung-wha",
		"Choi Ji-woo", "Yoon Suk-yeol", "Yoo Jae-suk", "Roh Moo-hyun", "Suh Jung-woo")...)
	assertReview(t, ix, "phonetic (Korean romanisation)", []reviewCase{
		{"이영희", "Lee Young-hee", "yong~young (phonetic key yonk), hui~hee (phonetic key hi)"},
		{"김수현", "Kim Soo-hyun", "su~soo (phonetic key so), hyon~hyun (phonetic key hyon)"},
		{"박지성", "Park Ji-sung", "song~sung (phonetic key sonk)"},
		{"정경화", "Chung Kyung-wha", "jong~chung (phonetic key jonk), kyong~kyung (phonetic key kyonk), hwa~wha (phonetic key hwa)"},
		{"최지우", "Choi Ji-woo", "u~woo (phonetic key o)"},
		{"윤석열", "Yoon Suk-yeol", "sok~suk (phonetic key sok)"},
		{"유재석", "Yoo Jae-suk", "ryu~yoo (phonetic key ryo)"},
		{"노무현", "Roh Moo-hyun", "ro~roh (phonetic key ro), mu~moo (phonetic key mo)"},
		{"서정우", "Suh Jung-woo", "so~suh (phonetic key so)"},
	})
	assertNoMatch(t, ix, "김영희", "이영수", "박지선")
}

// TestKoreanListedLatinQuery: a person's name a list writes only in
// Hangul, which the index reads by the Revised Romanization as one word
// ("문재인", "munjaein"), is read as a Korean name too, as the lists write
// North Korean names (McCune–Reischauer): a Latin query finds it, and the
// explanation gives the reading. Another name of the same surname does
// not.
func TestKoreanListedLatinQuery(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"문재인", "김정은"}))
	opts := ix.Options()
	for _, tt := range []struct{ q, entry, explain string }{
		{"Moon Jae-in", "문재인", `the listed name read as a Korean name (McCune–Reischauer): "mun jae in"`},
		{"Mun Jae In", "문재인", "mun=mun, jae=jae, in=in"},
		{"Kim Jong Un", "김정은", "kim=kim, jong=jong, un=un"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entry)
		switch {
		case m == nil || m.List != "own":
			t.Errorf("%q: %s not found", tt.q, tt.entry)
		case !opts.IsHit(m.Score) || !strings.Contains(m.Explain, tt.explain):
			t.Errorf("%q: %.3f %q, want a match explained %q", tt.q, m.Score, m.Explain, tt.explain)
		}
	}
	for _, m := range ix.Name(screen.Query{Name: "Kim Jong Nam", Kind: screen.KindPerson}) {
		if m.List == "own" {
			t.Errorf("Kim Jong Nam: %s %.3f, want none of the own list: %s", m.EntryName, m.Score, m.Explain)
		}
	}
}
