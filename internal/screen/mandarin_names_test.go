package screen_test

import (
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestWadeGilesNames: a Chinese name in Wade–Giles ("Teng Hsiao-p'ing",
// as Taiwan's passports and older documents write names) finds the
// person the lists write in pinyin (DENG, Xiaoping), and one in pinyin
// or in Han characters the person a list writes in Wade–Giles ("Bao
// Youxiang", "鲍有祥", PAO, Yu Hsiang), as a possible match,
// by the Mandarin key, the rule named; a name of other syllables does
// not, nor one that is not Chinese ("putin" is pinyin syllables too).
func TestWadeGilesNames(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "DENG, Xiaoping", "MAO, Zedong", "ZHANG, Junxiong", "XU, Xinliang",
		"CAI, Yingwen", "JIANG, Jingguo", "YE, Jianying", "ZHU, De", "REN, Bishi", "DENG, Xiaoming", "XU, Xinlang",
		"PAO, Yu Hsiang", "SHIH, Kuo Neng", "WEI, Hsueh Kang", "JIANG, Qing", "GUO, Moruo", "JIANG, Zemin")...)
	const method = "phonetic (Chinese romanisation)"
	assertReview(t, ix, method, []reviewCase{
		{"Teng Hsiao-p'ing", "DENG, Xiaoping", "teng~deng (phonetic key deng), hsiao ping~xiaoping (phonetic key xiaobing)"},
		{"Mao Tse-tung", "MAO, Zedong", "tse tung~zedong"},
		{"Chang Chun-hsiung", "ZHANG, Junxiong", "chang~zhang"},
		{"Hsu Hsin-liang", "XU, Xinliang", "hsu~xu"},
		{"Tsai Ing-wen", "CAI, Yingwen", "tsai~cai"},
		// Not only the names of the rarest word, "ching" (JIANG, Qing) or
		// "kuo" (GUO, Moruo), which pairs here in a run of two.
		{"Chiang Ching-kuo", "JIANG, Jingguo", "ching kuo~jingguo"},
		{"Chiang Ching", "JIANG, Qing", "ching~qing"},
		{"Kuo Mo-jo", "GUO, Moruo", "mo jo~moruo"},
		{"Yeh Chien-ying", "YE, Jianying", "chien ying~jianying"},
		{"Chu Teh", "ZHU, De", "teh~de"},
		{"Jen Pi-shih", "REN, Bishi", "jen~ren"},
		// A name the list writes in Wade–Giles, in pinyin.
		{"Bao Youxiang", "PAO, Yu Hsiang", "youxiang~yu hsiang (phonetic key yuxiang)"},
		{"Shi Guoneng", "SHIH, Kuo Neng", "shi~shih"},
		// And in Han characters, read in pinyin.
		{"鲍有祥", "PAO, Yu Hsiang", "bao~pao (phonetic key bao), you~yu (phonetic key yu), xiang~hsiang (phonetic key xiang)"},
		{"鮑有祥", "PAO, Yu Hsiang", "xiang~hsiang"},
		{"魏学刚", "WEI, Hsueh Kang", "xue~hsueh (phonetic key xue), gang~kang (phonetic key gang)"},
	})
	for _, tt := range []struct{ q, not string }{
		{"Teng Hsiao-ping", "DENG, Xiaoming"},
		{"Hsu Hsin-liang", "XU, Xinlang"},
		{"Tseng Ming", "DENG, Xiaoming"},
		{"Vladimir Teng", "DENG, Xiaoping"},
	} {
		for _, m := range ix.Name(screen.Query{Name: tt.q}) {
			if m.MatchedName == tt.not {
				t.Errorf("%q: %q at %.3f by %s: %s", tt.q, m.MatchedName, m.Score, m.Method, m.Explain)
			}
		}
	}
}
