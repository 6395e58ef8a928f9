package screen

import "testing"

// TestWadeGilesPinyin: a Wade–Giles syllable is spelt as pinyin spells it
// but for the letters the Mandarin key merges, and its key is that of
// the pinyin syllable.
func TestWadeGilesPinyin(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ wg, pinyin, listed string }{
		{"hsiao", "xiao", "xiao"}, {"tse", "ze", "ze"}, {"tzu", "zi", "zi"}, {"ssu", "si", "si"},
		{"tsu", "zu", "zu"}, {"tsai", "zai", "cai"}, {"jen", "ren", "ren"}, {"chih", "chi", "zhi"},
		{"shih", "shi", "shi"}, {"tung", "tong", "dong"}, {"hsiung", "xiong", "xiong"},
		{"yeh", "ye", "ye"}, {"chieh", "chie", "jie"}, {"chien", "chian", "qian"}, {"yen", "yan", "yan"},
		{"kuei", "kui", "gui"}, {"erh", "er", "er"}, {"ko", "ke", "ge"}, {"ho", "he", "he"},
		{"lo", "luo", "luo"}, {"to", "tuo", "duo"}, {"po", "po", "bo"}, {"cho", "chuo", "zhuo"},
		{"teh", "te", "de"}, {"yu", "yu", "you"}, {"ing", "ing", "ying"}, {"kuo", "kuo", "guo"},
		{"chou", "chou", "zhou"}, {"chiang", "chiang", "jiang"}, {"ching", "ching", "qing"},
	} {
		if got := string(appendWadeGilesPinyin(nil, []byte(tt.wg))); got != tt.pinyin {
			t.Errorf("%s: read %q, want %q", tt.wg, got, tt.pinyin)
		}
		if q, l := string(appendMandarinKey(nil, []byte(tt.pinyin))), string(appendMandarinKey(nil, []byte(tt.listed))); q != l {
			t.Errorf("%s: key %q, the listed %s's %q", tt.wg, q, tt.listed, l)
		}
	}
}

// TestMandarinSyllables: a word is Mandarin syllables, in pinyin or
// Wade–Giles, when it splits into initials and finals; most European
// names do not.
func TestMandarinSyllables(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		w    string
		want int
	}{
		{"deng", 1}, {"xiaoping", 2}, {"hsiao", 1}, {"hsiung", 1}, {"yeh", 1}, {"ouyang", 2}, {"junxiong", 2},
		{"vladimir", 0}, {"smith", 0}, {"john", 0}, {"kadyrov", 0}, {"putin", 2}, {"", 0}, {"hsiehhsiehhsieh", 3}, {"hsiehhsiehhsiehhsieh", 0},
	} {
		if got := mandarinSyllables([]byte(tt.w)); got != tt.want {
			t.Errorf("%q: %d syllables, want %d", tt.w, got, tt.want)
		}
	}
}

// FuzzMandarinKeys: any word of letters a–z has Mandarin keys, each
// 0-terminated, or none, without a panic; a word is Mandarin syllables
// when it is pinyin.
func FuzzMandarinKeys(f *testing.F) {
	for _, s := range []string{"hsiao", "tse", "xiaoping", "hsiehhsiehhsieh", "o", "eh", "tsu", "ssu", "cho", "yuehsiung"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := make([]byte, 0, len(s))
		for i := range len(s) {
			if c := s[i]; c >= 'a' && c <= 'z' {
				w = append(w, c)
			}
		}
		if isPinyin(w) && mandarinSyllables(w) == 0 {
			t.Errorf("%q is pinyin, but no Mandarin syllables", w)
		}
		for _, query := range []bool{false, true} {
			if k := appendMandarinKeys(nil, w, query); len(k) > 0 && k[len(k)-1] != 0 {
				t.Errorf("%q: keys %q not 0-terminated", w, k)
			}
		}
	})
}
