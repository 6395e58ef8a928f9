package screen

import (
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// TestGlued splits glued words against a small vocabulary.
func TestGlued(t *testing.T) {
	vocab := map[string]bool{"banco": true, "nacional": true, "cuba": true, "rami": true, "makhlouf": true,
		"kim": true, "jong": true, "un": true, "set": true, "sch": true, "in": true}
	known := func(b []byte) bool { return vocab[string(b)] }
	for _, tt := range []struct {
		text string
		want []int // cuts; nil: no split
	}{
		{"ramimakhlouf", []int{4}},
		{"banconacionaldecuba", []int{5, 13, 15}},
		{"nacionaldecuba", []int{8, 10}},
		{"kimjongun", nil},                     // "un" is no linking word
		{"setschin", nil},                      // nor "in"
		{"makhloufx", nil},                     // a rest no listed name holds
		{"debanco", nil},                       // a linking word never comes first
		{"ramimakhloufbancocubanacional", nil}, // five words
	} {
		var cuts [maxGlued]int
		n := glued([]byte(tt.text), known, nil, cuts[:0])
		if got := cuts[:n]; !slices.Equal(got, tt.want) && !(n == 0 && tt.want == nil) {
			t.Errorf("glued(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestGluedTooLong: a glued word longer than maxGluedLen is not split,
// though it splits (its prefixes are looked up: one of 100,000 letters
// took minutes).
func TestGluedTooLong(t *testing.T) {
	known := func(b []byte) bool { return string(b) == "banco" || strings.Trim(string(b), "x") == "" }
	for _, tt := range []struct {
		text string
		want int
	}{
		{"banco" + strings.Repeat("x", maxGluedLen-5), 1},
		{"banco" + strings.Repeat("x", maxGluedLen-4), 0},
	} {
		var cuts [maxGlued]int
		if n := glued([]byte(tt.text), known, nil, cuts[:0]); n != tt.want {
			t.Errorf("glued(%d letters) = %d cuts, want %d", len(tt.text), n, tt.want)
		}
	}
}

// TestGluedByWeight: of the splits into fewest words, the one of the
// lightest (commonest) words wins.
func TestGluedByWeight(t *testing.T) {
	weights := map[string]float32{"bashar": 5, "al": 1, "assad": 6, "bashara": 9, "las": 8, "sad": 8}
	known := func(b []byte) bool { _, ok := weights[string(b)]; return ok }
	cost := func(b []byte) float32 { return weights[string(b)] }
	var cuts [maxGlued]int
	n := glued([]byte("basharalassad"), known, cost, cuts[:0])
	if got, want := cuts[:n], []int{6, 8}; !slices.Equal(got, want) {
		t.Errorf("glued(basharalassad) = %v, want %v", got, want)
	}
	// Without weights, the longest first word.
	n = glued([]byte("basharalassad"), known, nil, cuts[:0])
	if got, want := cuts[:n], []int{7, 10}; !slices.Equal(got, want) {
		t.Errorf("glued(basharalassad) without weights = %v, want %v", got, want)
	}
}

// TestGluedArticleLegal: the article al or el may begin a glued word (the
// lighter split wins: "al bustan", not "albu stan") and a legal form of
// two letters, or a run of forms, end one; the form is no word of its own
// elsewhere.
func TestGluedArticleLegal(t *testing.T) {
	weights := map[string]float32{"albu": 9, "stan": 8, "al": 1, "bustan": 9, "charity": 5, "zara": 8, "shipholding": 9,
		"magniservia": 9, "industrial": 5, "ltd": 2, "bank": 3}
	known := func(b []byte) bool { _, ok := weights[string(b)]; return ok }
	cost := func(b []byte) float32 { return weights[string(b)] }
	for _, tt := range []struct {
		text string
		want []int
	}{
		{"albustancharity", []int{2, 8}},
		{"zarashipholdingco", []int{4, 15}},
		{"magniserviasadecv", []int{11, 13, 15}},
		{"industrialcoltd", []int{10, 12}},
		{"asbank", nil},     // a legal form of two letters begins no word
		{"bankcobank", nil}, // nor stands inside one
	} {
		var cuts [maxGluedMany]int
		n := glued([]byte(tt.text), known, cost, cuts[:0])
		if n == 0 {
			n = gluedMany([]byte(tt.text), known, cost, cuts[:0])
		}
		if got := cuts[:n]; !slices.Equal(got, tt.want) && !(n == 0 && tt.want == nil) {
			t.Errorf("glued(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestSyllables splits syllabic names run together, one syllable of two
// letters among them, and nothing else.
func TestSyllables(t *testing.T) {
	vocab := map[string]bool{"kim": true, "il": true, "sung": true, "ri": true, "yong": true, "ho": true,
		"set": true, "sch": true, "in": true, "jong": true, "un": true, "hans": true, "peter": true, "pri": true, "gos": true, "chi": true, "ne": true, "ur": true, "su": true, "la": true}
	known := func(b []byte) bool { return vocab[string(b)] }
	for _, tt := range []struct {
		text string
		want []int
	}{
		{"kimilsung", []int{3, 5}},
		{"riyongho", []int{2, 6}},
		{"kimjongun", []int{3, 7}},
		{"setschin", nil},  // "sch" is no syllable
		{"hanspeter", nil}, // two words, no syllable of two letters: glued's
		{"kimsung", nil},   // two syllables
		{"prigoschine", nil},
		{"ursula", nil}, // "u" is a Korean surname, "ur" none
	} {
		var cuts [maxGlued]int
		n := syllables([]byte(tt.text), known, cuts[:0])
		if got := cuts[:n]; !slices.Equal(got, tt.want) && !(n == 0 && tt.want == nil) {
			t.Errorf("syllables(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestParticleClass puts the spellings of one particle in one class.
func TestParticleClass(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"bin", "ben", true}, {"ibn", "bin", true}, {"al", "el", true}, {"abu", "abou", true},
		{"abdul", "abd", true}, {"dhu", "zu", true}, {"al", "bin", false}, {"ali", "al", false}, {"zu", "abu", false},
	} {
		ca, cb := particleClass(tt.a), particleClass(tt.b)
		if got := ca != 0 && ca == cb; got != tt.same {
			t.Errorf("%q, %q: same class %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

// TestSunArticleSpellings reads a word as the article assimilated to the
// next word only before a word that begins with its consonant.
func TestSunArticleSpellings(t *testing.T) {
	for _, tt := range []struct {
		w, next string
		want    bool
	}{
		{"az", "zawahiri", true}, {"ash", "sham", true}, {"at", "tikriti", true}, {"an", "nusra", true},
		{"ar", "rahman", true}, {"as", "sayyid", true}, {"adh", "dhahab", true}, {"ush", "shams", true},
		{"as", "bank", false}, {"at", "home", false}, {"an", "n", false}, {"ab", "bakr", false},
		{"ash", "sayyid", false}, {"os", "sama", false}, {"a", "abbas", false},
	} {
		if got := sunArticle([]byte(tt.w), []byte(tt.next)); got != tt.want {
			t.Errorf("sunArticle(%q, %q) = %v, want %v", tt.w, tt.next, got, tt.want)
		}
	}
}

// TestNearBounded: a word longer than maxFuzzyLen has no neighbours
// within one edit, on either side of the table: its neighbourhood costs
// the square of its length.
func TestNearBounded(t *testing.T) {
	long := strings.Repeat("ab", maxFuzzyLen/2)
	words := []string{long, long + "c", "sechin"}
	d := buildDelTable(words, nil)
	for _, tt := range []struct {
		q    string
		want []int32
	}{
		{"sechim", []int32{2}},
		{long[:len(long)-1], []int32{0}}, // within maxFuzzyLen: found
		{long + "d", []int32{0}},         // not the listed long+"c": longer than maxFuzzyLen
		{strings.Repeat("x", 10*maxFuzzyLen), nil},
	} {
		got := d.appendNear(nil, words, []byte(tt.q))
		if !slices.Equal(got, tt.want) {
			t.Errorf("appendNear(%.12q...) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestGluedNear splits a glued word one part of which is misspelt: the
// split of fewest words wins, whichever part is misspelt, and the
// misspelt part has minNearPart letters or more.
func TestGluedNear(t *testing.T) {
	vocab := map[string]bool{"vladimir": true, "putin": true, "aero": true, "caribbean": true, "banco": true,
		"nacional": true, "cuba": true, "hasan": true, "nasrallah": true, "arri": true, "bean": true}
	known := func(b []byte) bool { return vocab[string(b)] }
	// near: one letter more or less than a listed word of four letters
	// or more, for the test.
	near := func(b []byte) bool {
		for w := range vocab {
			if len(w) >= 4 && (oneLetterLess(string(b), w) || oneLetterLess(w, string(b))) {
				return true
			}
		}
		return string(b) == "caribbaen"
	}
	for _, tt := range []struct {
		text string
		want []int // cuts; nil: no split
	}{
		{"vladmirputin", []int{7}},   // the first part misspelt
		{"vladimirputtin", []int{8}}, // the last
		{"hasannasralah", []int{5}},
		{"banconacionaldecubba", []int{5, 13, 15}},
		{"aerocaribbaen", []int{4}}, // not "aeroc arri bean": fewest words
		{"vladimirputn", nil},       // "putn": too short to be misspelt
		{"vladimirputin", nil},      // no part misspelt: glued's
		{"xxxxxputin", nil},         // no part near a listed word
	} {
		var cuts [maxGlued]int
		n := gluedNear([]byte(tt.text), known, near, nil, cuts[:0])
		if got := cuts[:n]; !slices.Equal(got, tt.want) && !(n == 0 && tt.want == nil) {
			t.Errorf("gluedNear(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// oneLetterLess reports whether a is b with one letter left out.
func oneLetterLess(a, b string) bool {
	for i := range len(b) {
		if b[:i]+b[i+1:] == a {
			return true
		}
	}
	return false
}

// TestGluedMany splits a whole name run together into more words than
// glued does, fewest words first, then the cheapest; a linking word never
// comes first, and more than maxGluedMany words do not split.
func TestGluedMany(t *testing.T) {
	weights := map[string]float32{"islamic": 3, "republic": 3, "iran": 4, "shipping": 5, "lines": 4,
		"ship": 5, "ping": 6, "korea": 3, "mining": 5, "development": 4, "trading": 2, "corporation": 1, "abc": 9}
	known := func(b []byte) bool { _, ok := weights[string(b)]; return ok }
	cost := func(b []byte) float32 { return weights[string(b)] }
	for _, tt := range []struct {
		text string
		want []int // cuts; nil: no split
	}{
		{"islamicrepublicofiranshippinglines", []int{7, 15, 17, 21, 29}}, // not "ship ping": fewest words
		{"koreaminingdevelopmenttradingcorporation", []int{5, 11, 22, 29}},
		{"deislamicrepublic", nil},                   // a linking word never first
		{strings.Repeat("abc", maxGluedMany+1), nil}, // too many words
		{"islamicrepublicx", nil},                    // a rest no listed name holds
	} {
		var cuts [maxGluedMany]int
		n := gluedMany([]byte(tt.text), known, cost, cuts[:0])
		if got := cuts[:n]; !slices.Equal(got, tt.want) && !(n == 0 && tt.want == nil) {
			t.Errorf("gluedMany(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestSplitKnownHeldApart: a listed word is read as the listed words it
// is made of when a listed name writes them apart, or one of them beside
// another word of the query; not when the parts are only letters of
// other names ("michael", which "mic" and "hael" of other names spell).
func TestSplitKnownHeldApart(t *testing.T) {
	t.Parallel()
	entity := func(id, name string) lists.Entry { return lists.Entry{ID: id, Name: name, Type: "entity"} }
	ls := []*lists.List{{Provenance: provenance.List{ID: "l", Kind: provenance.KindSanctions}, Entries: []lists.Entry{
		entity("1", "GAZPROM NEFT"), entity("2", "GAZPROMNEFT TRADING"),
		entity("3", "MAHAN AIR"), entity("4", "IRAN AIRLINES"), entity("5", "SHIPPING LINES"),
		entity("6", "MIC TRADING"), entity("7", "HAEL GROUP"),
		{ID: "8", Name: "SMITH, Michael", Type: "individual"}, {ID: "9", Name: "BROWN, Anna", Type: "individual"},
	}}}
	ix, err := NewIndex(ls, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query, want string // want: the reading; "" when nothing splits
	}{
		{"gazpromneft", "gazprom neft"},       // GAZPROM NEFT writes them apart
		{"mahan airlines", "mahan air lines"}, // MAHAN AIR holds "air" beside "mahan"
		{"michael brown", ""},                 // no name writes "mic hael", nor holds either with "brown"
		{"brown michael", ""},
	} {
		var nb normBuf
		nb.normalize(tt.query)
		ix.computeKeys(&nb)
		split := ix.splitKnown(&nb, false)
		if got := nb.String(); split != (tt.want != "") || split && got != tt.want {
			t.Errorf("splitKnown(%q) = %v, %q; want %q", tt.query, split, got, tt.want)
		}
	}
}

// TestShortPartCut: a word that is two words of a listed name run
// together, one of one or two letters, is read as those words ("alshaar"
// for AL-SHAAR, even though ALSHAER is one letter away; "tingyu" for
// Ting-yu); not the same words in the other order, nor a word of four
// letters or of two short parts. A listed word ("alrawi") is split so
// only on the second reading (splitKnown), at the article.
func TestShortPartCut(t *testing.T) {
	t.Parallel()
	person := func(id, name string) lists.Entry { return lists.Entry{ID: id, Name: name, Type: "individual"} }
	ls := []*lists.List{{Provenance: provenance.List{ID: "l", Kind: provenance.KindSanctions}, Entries: []lists.Entry{
		person("1", "AL-SHAAR, Mohammad"), person("2", "ALSHAER, Omar"), person("3", "SHIH, Ting-yu"),
		person("4", "AL-RAWI, Talib"), person("5", "ALRAWI, Fawaz"), person("6", "LE-HUA, Li"), person("7", "KIM, Yu Ri"),
		{ID: "8", Name: "A-ONE TRADING", Type: "entity"},
	}}}
	ix, err := NewIndex(ls, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query, want, known string // want: the reading of resegment; known: of splitKnown after it
	}{
		{"alshaar mohammad", "al shaar mohammad", ""},
		{"tingyu shih", "ting yu shih", ""},
		{"yuting shih", "yuting shih", ""}, // Ting-yu, not yu ting
		{"lehua li", "le hua li", ""},
		{"alrawi talib", "alrawi talib", "al rawi talib"},
		{"yuri kim", "yuri kim", ""},         // both parts short
		{"aone trading", "aone trading", ""}, // four letters
	} {
		var nb normBuf
		nb.normalize(tt.query)
		ix.resegment(&nb)
		if got := nb.String(); got != tt.want {
			t.Errorf("resegment(%q) = %q, want %q", tt.query, got, tt.want)
		}
		ix.computeKeys(&nb)
		split := ix.splitKnown(&nb, false)
		if got := nb.String(); split != (tt.known != "") || split && got != tt.known {
			t.Errorf("splitKnown(%q) = %v, %q; want %q", tt.query, split, got, tt.known)
		}
	}
}

// TestDigitRuns: a word of letters and digits is cut where they change,
// when every run of letters is a word's (minPart letters or more).
func TestDigitRuns(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []int // cuts; nil: no cut
	}{
		{"hope1shipping", []int{4, 5}},
		{"companiaganadera5manantiales", []int{16, 17}},
		{"tonnel2", []int{6}},
		{"7eleven", []int{1}},
		{"route66trading", []int{5, 7}},
		{"s7engineering", nil}, // a letter alone
		{"log4j", nil},
		{"hope1", []int{4}},
		{"shipping", nil},            // no digit
		{"1952", nil},                // no letter
		{"abc1def2ghi3jkl4mno", nil}, // more runs than glued splits
		{"hope-1", nil},
	} {
		var cuts [maxGlued]int
		n := digitRuns([]byte(tt.text), cuts[:0])
		if got := cuts[:n]; !slices.Equal(got, tt.want) && !(n == 0 && tt.want == nil) {
			t.Errorf("digitRuns(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
