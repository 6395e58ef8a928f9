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
	opts := ix.Options()
	for _, tt := range []struct{ q, entry, explain string }{
		{"이영희", "Lee Young-hee", "yong~young (phonetic key yonk), hui~hee (phonetic key hi)"},
		{"김수현", "Kim Soo-hyun", "su~soo (phonetic key so), hyon~hyun (phonetic key hyon)"},
		{"박지성", "Park Ji-sung", "song~sung (phonetic key sonk)"},
		{"정경화", "Chung Kyung-wha", "jong~chung (phonetic key jonk), kyong~kyung (phonetic key kyonk), hwa~wha (phonetic key hwa)"},
		{"최지우", "Choi Ji-woo", "u~woo (phonetic key o)"},
		{"윤석열", "Yoon Suk-yeol", "sok~suk (phonetic key sok)"},
		{"유재석", "Yoo Jae-suk", "ryu~yoo (phonetic key ryo)"},
		{"노무현", "Roh Moo-hyun", "ro~roh (phonetic key ro), mu~moo (phonetic key mo)"},
		{"서정우", "Suh Jung-woo", "so~suh (phonetic key so)"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q}), tt.entry)
		switch {
		case m == nil:
			t.Errorf("%q: %s not found", tt.q, tt.entry)
		case m.Score < opts.Review || opts.IsHit(m.Score):
			t.Errorf("%q: %.3f, want review: %s", tt.q, m.Score, m.Explain)
		case m.Method != "phonetic (Korean romanisation)" || !strings.Contains(m.Explain, tt.explain):
			t.Errorf("%q: %s explained %q, want %q", tt.q, m.Method, m.Explain, tt.explain)
		}
	}
	for _, q := range []string{"김영희", "이영수", "박지선"} {
		if ms := ix.Name(screen.Query{Name: q}); len(ms) > 0 {
			t.Errorf("%q: %s %.3f, want none: %s", q, ms[0].EntryName, ms[0].Score, ms[0].Explain)
		}
	}
}
