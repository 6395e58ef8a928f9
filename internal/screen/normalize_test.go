package screen_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/screen"
)

func TestNormalizeWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		words    []string
		core     string
		translit bool
	}{
		{"case and comma", "KASPERSKY LAB, ZAO", []string{"kaspersky", "lab", "zao"}, "kaspersky lab", false},
		{"leading legal form", "AO Kaspersky Lab", []string{"ao", "kaspersky", "lab"}, "kaspersky lab", false},
		{"two trailing legal forms", "Huawei Device Co., Ltd.", []string{"huawei", "device", "co", "ltd"}, "huawei device", false},
		{"long legal form", "Limited Liability Company Garant-SV", []string{"limited", "liability", "company", "garant", "sv"}, "garant sv", false},
		{"transliterated legal form", "ООО Ромашка", []string{"ooo", "romashka"}, "romashka", true},
		{"dotted initials merge", "Z.T.E. Corp", []string{"zte", "corp"}, "zte", false},
		{"spaced letters merge", "GRUPO CINJAB S A DE C V", []string{"grupo", "cinjab", "sa", "de", "cv"}, "grupo cinjab", false},
		{"single initial stays", "A. Tikhonov", []string{"a", "tikhonov"}, "a tikhonov", false},
		{"legal form only is kept", "Limited", []string{"limited"}, "limited", false},
		{"legal word inside is kept", "China Telecom (Americas) Corporation", []string{"china", "telecom", "americas", "corporation"}, "china telecom americas", false},
		{"diacritics", "Crème Brûlée Straße Łódź", []string{"creme", "brulee", "strasse", "lodz"}, "creme brulee strasse lodz", false},
		{"apostrophes join", "O'Brien D’Arcy", []string{"obrien", "darcy"}, "obrien darcy", false},
		{"ampersand", "Ernst & Young LLP", []string{"ernst", "and", "young", "llp"}, "ernst and young", false},
		{"cyrillic", "Андрей Тихонов", []string{"andrey", "tikhonov"}, "andrey tikhonov", true},
		{"cyrillic soft sign and shch", "Геннадьевич Борщев", []string{"gennadevich", "borshchev"}, "gennadevich borshchev", true},
		// Shared letters take the Russian values (и → i), so Ukrainian "Київ" is "kiyiv", not "kyiv".
		{"ukrainian", "Київ", []string{"kiyiv"}, "kiyiv", true},
		{"greek", "Γιώργος Παπαδόπουλος", []string{"giorgos", "papadopoulos"}, "giorgos papadopoulos", true},
		{"han in pinyin", "中兴通讯 ZTE", []string{"zhong", "xing", "tong", "xun", "zte"}, "zhong xing tong xun zte", true},
		{"no letters", " .,- ", nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n := screen.Normalize(tt.in)
			if diff := cmp.Diff(tt.words, n.Words, cmp.Comparer(func(a, b []string) bool { return len(a) == 0 && len(b) == 0 || cmp.Equal(a, b) })); diff != "" {
				t.Errorf("Normalize(%q).Words (-want +got):\n%s", tt.in, diff)
			}
			if got := n.Core(); got != tt.core {
				t.Errorf("Normalize(%q).Core() = %q, want %q", tt.in, got, tt.core)
			}
			if n.Transliterated != tt.translit {
				t.Errorf("Normalize(%q).Transliterated = %v", tt.in, n.Transliterated)
			}
			if len(n.Keys) != len(n.Words) || len(n.Legal) != len(n.Words) {
				t.Errorf("Normalize(%q): %d words, %d keys, %d legal flags", tt.in, len(n.Words), len(n.Keys), len(n.Legal))
			}
		})
	}
}

// TestNormalizeKeys checks every transliteration rule: both spellings of
// each pair must get the same phonetic key.
func TestNormalizeKeys(t *testing.T) {
	t.Parallel()
	pairs := []struct{ rule, a, b string }{
		{"-ei/-ey", "Andrei", "Andrey"},
		{"j/y", "Andrej", "Andrey"},
		{"-iy/-y", "Dmitriy", "Dmitry"},
		{"-ii/-y", "Dmitrii", "Dmitry"},
		{"-i/-y", "Dmitri", "Dmitry"},
		{"ye-/e-", "Yevgeny", "Evgeny"},
		{"ye- and -iy", "Yevgeniy", "Evgeny"},
		{"x/ks and -ander/-andr", "Alexander", "Aleksandr"},
		{"x/ks", "Alexei", "Aleksey"},
		{"kh/h", "Tikhonov", "Tihonov"},
		{"kh/h inside", "Mikhail", "Mihail"},
		{"ts/tz", "Tsoi", "Tzoi"},
		{"shch/sch", "Borshchev", "Borschev"},
		{"ou/u", "Doukhvalov", "Dukhvalov"},
		{"ie/ye", "Gennadievich", "Gennadyevich"},
		{"iye/ye", "Gennadiyevich", "Gennadyevich"},
		{"ye/e after a consonant", "Adonyev", "Adonev"},
		{"cyrillic ье", "Геннадьевич", "Gennadyevich"},
		{"ai/ay", "Mikhailovich", "Mikhaylovich"},
		{"iu-/yu-", "Iurii", "Yuriy"},
		{"ju-/yu-", "Jurij", "Yuriy"},
		{"double letters", "Gennadiy", "Genadiy"},
		{"w/v", "Wladimir", "Vladimir"},
		{"-ow/-ov", "Ivanow", "Ivanov"},
		{"ph/f", "Josiph", "Josif"},
		{"c/k", "Nicolai", "Nikolay"},
		{"arabic names", "Muhammad", "Mohammed"},
		{"arabic names", "Mohamed", "Muhammed"},
		{"arabic names", "Hussein", "Husayn"},
		{"arabic names", "Osama", "Usama"},
		{"arabic names", "Abdallah", "Abdullah"},
		{"cyrillic/latin", "Тихонов", "Tikhonov"},
		{"cyrillic й", "Андрей", "Andrei"},
		{"cyrillic ё", "Алёна", "Alena"},
		{"cyrillic х/kh", "Михаил", "Mikhail"},
		{"cyrillic ц/ts", "Цой", "Tsoy"},
		{"cyrillic щ/shch", "Борщев", "Borshchev"},
		{"greek/latin", "Νίκος", "Nikos"},
	}
	for _, p := range pairs {
		t.Run(p.rule, func(t *testing.T) {
			t.Parallel()
			ka, kb := screen.Normalize(p.a).Keys, screen.Normalize(p.b).Keys
			if !cmp.Equal(ka, kb) {
				t.Errorf("keys differ: %q → %v, %q → %v", p.a, ka, p.b, kb)
			}
		})
	}
	// Different names keep different keys.
	for _, p := range [][2]string{{"Ivanov", "Ivanova"}, {"Anna", "Anne"}, {"Kasper", "Kaspersky"}, {"11420", "1420"}} {
		if ka, kb := screen.Normalize(p[0]).Keys, screen.Normalize(p[1]).Keys; cmp.Equal(ka, kb) {
			t.Errorf("%q and %q share key %v", p[0], p[1], ka)
		}
	}
}
