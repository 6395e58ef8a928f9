package screen

import "testing"

// TestPhonKeys: a foreign name as a script renders it, transliterated,
// has a key of that script's family that the name as the lists write it
// shares; names that differ in what the script keeps do not.
func TestPhonKeys(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		f             phonFamily
		query, listed string
		agree         bool
	}{
		// Kana: epenthetic vowels, r=l, v at the start before a consonant,
		// di=ji, ti=chi, h before a consonant is fu; other vowels kept.
		{phonKana, "urajimiru", "vladimir", true},
		{phonKana, "puchin", "putin", true},
		{phonKana, "kimu", "kim", true},
		{phonKana, "furain", "hlaing", true},
		{phonKana, "ari", "ali", true},
		{phonKana, "afumado", "ahmad", true},
		{phonKana, "rabu", "ramzan", false},
		{phonKana, "kadirofu", "kadyrov", true},
		{phonKana, "raburofu", "lavrov", true},
		{phonKana, "jonun", "jongun", true},
		{phonKana, "nabokofu", "novikov", false}, // kana keeps the vowels
		// A final h after a vowel is left unwritten (ナスララ, Nasrallah).
		{phonKana, "nasurara", "nasrallah", true},
		{phonKana, "hasana", "hasanah", true},
		{phonKana, "hasan", "hasanh", false}, // after a consonant, kept
		// English names: an h after o unsounded, a final th an s, ン
		// before m an m.
		{phonKana, "jon", "john", true},
		{phonKana, "jonson", "johnson", true},
		{phonKana, "sumisu", "smith", true},
		{phonKana, "muhanmado", "muhammad", true},
		{phonKana, "jon", "jan", false},
		// Hangul: eu epenthesis, r=l, p=f=b=v, j=z; other vowels kept.
		{phonHangul, "kadilopeu", "kadyrov", true},
		{phonHangul, "lamjan", "ramzan", true},
		{phonHangul, "basyaleu", "bashar", true},
		{phonHangul, "peuligojin", "prigozhin", true},
		{phonHangul, "seulgei", "sechin", false},
		{phonHangul, "heullaing", "hlaing", true},
		{phonHangul, "nabokopeu", "novikov", false}, // Hangul keeps the vowels
		{phonHangul, "jon", "john", true},
		{phonHangul, "seumiseu", "smith", true},
		// Abjads: no short vowels, waw and he ambiguous, p=b=f=v, q=k.
		{phonAbjad, "qdiruf", "kadyrov", true},
		{phonAbjad, "khamnhay", "khamenei", true},
		{phonAbjad, "drifskh", "deripaska", true},
		{phonAbjad, "snwar", "sinwar", true},
		{phonAbjad, "rmdan", "ramzan", true},
		{phonAbjad, "mhmd", "ahmad", false},
		// Hebrew's kaf, read k, a kh inside a word.
		{phonAbjad, "mikail", "mikhail", true},
		{phonAbjad, "zkrovh", "zakharova", true},
		// Thai: final consonants neutralised, kh=k, ch=j.
		{phonThai, "khim", "kim", true},
		{phonThai, "chong", "jong", true},
		{phonThai, "khim", "jim", false},
		// ช for the sh Thai does not have.
		{phonThai, "bachchar", "bashar", true},
		{phonThai, "bachchar", "bakar", false},
		// Greek: ντ, γκ, μπ; γι and γε for y and j; ζ for zh.
		{phonGreek, "alexanter", "alyaksandr", true},
		{phonGreek, "gevgkeni", "yevgeniy", true},
		{phonGreek, "prigkozin", "prigozhin", true},
		{phonGreek, "giongk", "jong", true},
		{phonGreek, "mpaiten", "biden", true},
		// χ for an h, as Greek writes it (Χαμάς, Χεζμπολάχ).
		{phonGreek, "chamas", "hamas", true},
		{phonGreek, "chezmpolach", "hizballah", true},
		{phonGreek, "loukasenko", "lukashin", false},
		// Korean names in McCune–Reischauer and Revised Romanization.
		{phonKorean, "jeongeun", "jongun", true},
		{phonKorean, "chong", "jong", true},
		{phonKorean, "gim", "kim", true},
		{phonKorean, "choi", "choe", true},
		{phonKorean, "yeo", "yo", true},
		{phonKorean, "kook", "un", false},
		// Surnames whose spellings the rules do not bring together.
		{phonKorean, "lee", "ri", true},
		{phonKorean, "rhee", "ri", true},
		{phonKorean, "park", "pak", true},
		{phonKorean, "jung", "chong", true},
		{phonKorean, "lee", "ro", false},
	} {
		q := phonKeys(nil, tt.f, []byte(tt.query), true)
		l := phonKeys(nil, tt.f, []byte(tt.listed), false)
		if len(l) == 0 {
			t.Fatalf("%s %q: no key", phonNames[tt.f], tt.listed)
		}
		if got := hasPhonKey(q, l[:len(l)-1]); got != tt.agree {
			t.Errorf("%s: %q (keys %q) and %q (key %q): agree %v, want %v", phonNames[tt.f], tt.query, q, tt.listed, l, got, tt.agree)
		}
	}
}

// TestPhonKeysNoLetters: a word with bytes other than a–z has no key,
// and a query word's variants are bounded.
func TestPhonKeysNoLetters(t *testing.T) {
	t.Parallel()
	if k := phonKeys(nil, phonKana, []byte("r2d2"), true); len(k) != 0 {
		t.Errorf("r2d2: keys %q, want none", k)
	}
	k := phonKeys(nil, phonAbjad, []byte("wawawawawawah"), true)
	n := 0
	eachPhonKey(k, func([]byte) { n++ })
	if n == 0 || n > maxPhonVariants {
		t.Errorf("wawawawawawah: %d keys, want 1 to %d", n, maxPhonVariants)
	}
}

// TestKoreanLooking: a Latin name is read as Korean when a Korean surname
// leads or ends it and the given name has two syllables.
func TestKoreanLooking(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"Kim Jeong-eun", true},
		{"Gim Jeongeun", true},
		{"Ryonghae Choe", true},
		{"Choi Ryong-hae", true},
		{"Kim Il", false},         // one syllable
		{"Andrew Kim", false},     // not Korean syllables
		{"Jong Un Kim Sr", false}, // four words
		{"Kimjongun", true},       // run together
		{"Kimberley", false},
	} {
		var nb normBuf
		nb.normalize(tt.name)
		if got, _ := koreanLooking(&nb); got != tt.want {
			t.Errorf("%q: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestWithinTwoEdits: optimal string alignment distance at most 2.
func TestWithinTwoEdits(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"prigozhin", "prigoschin", true},
		{"prigozhin", "prigoschine", false},
		{"lukashenko", "lukachenko", true},
		{"abcdef", "badcef", true}, // two transpositions
		{"abcdef", "abcdef", true},
		{"abcdefgh", "abcxyzgh", false},
		{"abc", "abcdef", false},
	} {
		if got := withinTwoEdits(tt.a, []byte(tt.b)); got != tt.want {
			t.Errorf("withinTwoEdits(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
