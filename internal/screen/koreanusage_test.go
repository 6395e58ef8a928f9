package screen_test

import "testing"

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
