package screen

import (
	"maps"
	"slices"
	"testing"
)

// TestAppendKey: the phonetic key of a word, with doubled letters merged
// (appendKey) and kept (appendBrandKey), through every rule of the first
// pass (the digraphs by their first letter), the i/y rules, the frequent
// given names and the East Slavic forms.
func TestAppendKey(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ word, key, brandKey string }{
		{"khrushchev", "hrushev", "hrushev"}, // kh, shch
		{"schneider", "shneyder", "shneyder"},
		{"shchukin", "shukin", "shukin"},
		{"kuznetsov", "kuznetsov", "kuznetsov"},
		{"schatz", "shats", "shats"}, // sch, tz
		{"philipp", "filip", "filipp"},
		{"chechen", "chechen", "chechen"},
		{"clouseau", "kluseau", "kluseau"}, // c, ou
		{"maxim", "maksim", "maksim"},
		{"wojciech", "voykech", "voykech"}, // w, j, c before i
		{"qasim", "kasim", "kasim"},
		{"iakov", "yakov", "yakov"},
		{"yegor", "egor", "egor"},
		{"aleksander", "aleksandr", "aleksandr"},
		{"volodymyrovych", "vladimirovich", "vladimirovich"},
		{"mohammed", "muhamad", "muhamad"},
		{"putin", "putin", "putin"},
		{"ab1", "ab1", "ab1"}, // not all letters: as it is
	} {
		if got := string(appendKey(nil, []byte(tt.word))); got != tt.key {
			t.Errorf("appendKey(%q) = %q, want %q", tt.word, got, tt.key)
		}
		if got := string(appendBrandKey(nil, []byte(tt.word))); got != tt.brandKey {
			t.Errorf("appendBrandKey(%q) = %q, want %q", tt.word, got, tt.brandKey)
		}
	}
}

// TestKeyTableLengths: the longest words of the tables appendKeyOpt
// looks words up in are as long as the bounds that spare the look-up of
// longer words say.
func TestKeyTableLengths(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		keys []string
		max  int
	}{
		{"nameVariants", slices.Collect(maps.Keys(nameVariants)), maxNameVariant},
		{"eastSlavicForms", slices.Collect(maps.Keys(eastSlavicForms)), maxEastSlavicForm},
		{"patronymicEndings", patronymicEndings, maxPatronymicEnding},
	} {
		longest := 0
		for _, k := range tt.keys {
			longest = max(longest, len(k))
		}
		if longest != tt.max || longest == 0 {
			t.Errorf("%s: longest %d, bound %d", tt.name, longest, tt.max)
		}
	}
	// A patronymic of the longest form, and one letter more.
	var form string
	for k := range eastSlavicForms {
		if len(k) == maxEastSlavicForm {
			form = k
		}
	}
	if got, ok := eastSlavicName([]byte(form + "ovych")); !ok || got != eastSlavicForms[form]+"ovich" {
		t.Errorf("eastSlavicName(%q) = %q, %v", form+"ovych", got, ok)
	}
	if _, ok := eastSlavicName([]byte("x" + form + "ovych")); ok {
		t.Errorf("eastSlavicName(%q) found a form", "x"+form+"ovych")
	}
}
