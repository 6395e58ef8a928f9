package screen

import "testing"

// TestHanKey: the pinyin syllables of a foreign name, run together, and
// the listed spelling key alike; another name does not.
func TestHanKey(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		syllables []string
		listed    string
		agree     bool
	}{
		{[]string{"ma", "du", "luo"}, "maduro", true},
		{[]string{"ni", "gu", "la", "si"}, "nicolas", true},
		{[]string{"xie", "er", "gai"}, "sergei", true},
		{[]string{"la", "fu", "luo", "fu"}, "lavrov", true},
		{[]string{"ka", "de", "luo", "fu"}, "kadyrov", true},
		{[]string{"ha", "mei", "nei", "yi"}, "khamenei", true},
		{[]string{"la", "mu", "zan"}, "ramzan", true},
		{[]string{"ye", "fu", "gen", "ni"}, "yevgeniy", true},
		{[]string{"fu", "la", "ji", "mi", "er"}, "vladimir", true},
		{[]string{"pu", "jing"}, "putin", true},
		{[]string{"fu", "la", "ji", "mi", "luo", "wei", "qi"}, "vladimirovich", true},
		{[]string{"pu", "li", "ge", "ren"}, "prigozhin", true},
		// A Greek name's ch before r, l or "ael" is a k, a final th an
		// s, an ng before a vowel an n and a g.
		{[]string{"mai", "ke", "er"}, "michael", true},
		{[]string{"ke", "li", "si"}, "chris", true},
		{[]string{"shi", "mi", "si"}, "smith", true},
		{[]string{"an", "ge", "la"}, "angela", true},
		{[]string{"cha", "li"}, "charley", true},
		{[]string{"kai", "qi"}, "maduro", false},
		{[]string{"ma", "du", "luo"}, "madrid", false},
	} {
		st := syllableState(phonHan, tt.syllables)
		k := phonKeys(nil, phonHan, []byte(tt.listed), false)
		l := k[:len(k)-1]
		if got := st.hanAgrees(0, len(st.q), l, 0, false); got != tt.agree {
			t.Errorf("%v and %q (key %q): agree %v, want %v", tt.syllables, tt.listed, l, got, tt.agree)
		}
	}
}

// TestHanAltKey: a listed word's second key (hanAltWord) leaves out the
// letters Chinese often does not write, and a query's 尔 "er" stands for
// nothing only against it: "bo ge" is the berg of Rotenberg, "ya li shan
// da" Alexander, "wei ke tuo" Viktor; "xie qin" is not Sergun, whose r
// Chinese writes, and "yi ge er" is not Kaya. It reads letters as the
// name's language sounds them: "ka zha fei" is Qadhafi, "gu si man"
// Guzman, "hua jin" Joaquin.
func TestHanAltKey(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		syllables []string
		listed    string
		agree     bool
	}{
		{[]string{"luo", "teng", "bo", "ge"}, "rotenberg", true},
		{[]string{"wei", "ke", "sai", "er", "bo", "ge"}, "vekselberg", true},
		{[]string{"ya", "li", "shan", "da"}, "alexander", true},
		{[]string{"wei", "ke", "tuo"}, "viktor", true},
		{[]string{"xie", "qin"}, "sergun", false},
		{[]string{"yi", "ge", "er"}, "kaya", false},
		{[]string{"a", "er", "ka", "ji"}, "arkady", true}, // its first key: 尔 writes the r
		// An l before the consonants that end the word, unsounded as
		// the r: 罗纳德 for Ronald.
		{[]string{"luo", "na", "de"}, "ronald", true},
		{[]string{"luo", "na"}, "ronald", false},
		// Letters as the name's own language sounds them: an Arabic dh
		// as z, a Spanish z as s and a Spanish initial j as h.
		{[]string{"ka", "zha", "fei"}, "qadhafi", true},
		{[]string{"gu", "si", "man"}, "guzman", true},
		{[]string{"hua", "jin"}, "joaquin", true},
		{[]string{"hua", "jin"}, "benjamin", false},
		{[]string{"hao", "er", "he"}, "jorge", true},
		{[]string{"hao", "er", "he"}, "jordan", false},
		// Not the Spanish ll as y: Chinese writes an l.
		{[]string{"mi", "le"}, "miller", true},
		{[]string{"ka", "wei", "lue"}, "cabello", true},
	} {
		st := syllableState(phonHan, tt.syllables)
		k := phonKeys(nil, phonHan, []byte(tt.listed), false)
		got := st.hanAgrees(0, len(st.q), k[:len(k)-1], 0, false)
		if w, ok := hanAltWord(tt.listed); ok && !got {
			got = st.hanAgrees(0, len(st.q), appendHanKey(nil, w, false), 0, true)
		}
		if got != tt.agree {
			t.Errorf("%v and %q: agree %v, want %v", tt.syllables, tt.listed, got, tt.agree)
		}
	}
}

// TestMyanmarKey: Myanmar syllables of a foreign name and the listed
// spelling, its unsounded r left out, key alike; another name does not.
func TestMyanmarKey(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		syllables []string
		listed    string
		agree     bool
	}{
		{[]string{"ba", "la", "di", "ma"}, "vladimir", true},
		{[]string{"pu", "tin"}, "putin", true},
		{[]string{"hpa", "ran"}, "fran", true},
		{[]string{"li", "nin"}, "putin", false},
	} {
		st := syllableState(phonMyanmar, tt.syllables)
		k := phonKeys(nil, phonMyanmar, []byte(tt.listed), false)
		l := k[:len(k)-1]
		if got := st.hanAgrees(0, len(st.q), l, 0, false); got != tt.agree {
			t.Errorf("%v and %q (key %q): agree %v, want %v", tt.syllables, tt.listed, l, got, tt.agree)
		}
	}
}

// TestMyanmarKeysLongWord: a word whose key is longer than the key's
// stack buffer still gets both readings of its th.
func TestMyanmarKeysLongWord(t *testing.T) {
	t.Parallel()
	w := []byte("thbdfgjklmnpqstvxzbdfgjklmnpqstvxzbdfgjklm")
	keys := appendMyanmarKeys(nil, w, true)
	var n int
	for _, c := range keys {
		if c == 0 {
			n++
		}
	}
	if n != 2 || keys[0] != 't' {
		t.Errorf("appendMyanmarKeys(%s) = %q, want the t and the s reading", w, keys)
	}
}

// syllableState returns the state of a search whose query words are
// syllables of family f (phonHan or phonMyanmar).
func syllableState(f phonFamily, syllables []string) *phonState {
	st := &phonState{han: true}
	for _, s := range syllables {
		st.q = append(st.q, phonQWord{text: s, keys: phonKeys(nil, f, []byte(s), true)})
	}
	return st
}
