package screen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestNormalizeDisguises: the tokeniser reads names through
// internal/textnorm, so the Unicode disguises of a brand word (issue 13)
// fold to the word itself.
func TestNormalizeDisguises(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"ＫＡＳＰＥＲＳＫＹ", "𝐊𝐚𝐬𝐩𝐞𝐫𝐬𝐤𝐲", "Kas\u0440ersky", "Kaspersk\u0443",
		"Kasp\u3164ersky", "Kasp\u115Fersky", "Kasp\u2800ersky", "Kasp\x7Fersky",
		"Kasp\u0085ersky", "Kasp\u2028ersky", "Kasp\u200Bersky",
		"🅺🅰🆂🅿🅴🆁🆂🅺🆈", "🅚🅐🅢🅟🅔🅡🅢🅚🅨",
	} {
		if got := screen.Normalize(in).Words; !slices.Equal(got, []string{"kaspersky"}) {
			t.Errorf("Normalize(%q).Words = %q, want [kaspersky]", in, got)
		}
	}
}

// TestLookalikeLetters: a name is read as a reader sees it. A word of
// Cyrillic letters with a Latin letter typed for its Cyrillic twin (a
// keyboard without Belarusian "і") is Cyrillic; a word made only of
// Cyrillic letters that look Latin is also read as the Latin letters it
// shows, against the scored lists too; and a Russian word that only looks
// Latin matches nothing so read.
func TestLookalikeLetters(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct {
		name, entry string // entry "": nothing at match level
		explain     string
	}{
		// "I" and "i" Latin, the rest Cyrillic, as the UK list writes him.
		{"КУБРАКОЎ, Iван Уладзiмiравiч", "KUBRAKOU, Ivan Uladzimiravich", "BGN/PCGN (Cyrillic)"},
		{"Iван КУБРАКОЎ", "KUBRAKOU, Ivan Uladzimiravich", "BGN/PCGN (Cyrillic)"},
		// Five Cyrillic letters: "namas" transliterated, HAMAS to a reader.
		{"\u041d\u0410\u041c\u0410\u0405", "HAMAS", "lookalike letters read as Latin"},
		{"ВЕРА", "", ""},
		{"Анна Мороз", "", ""},
	} {
		ms := ix.Name(screen.Query{Name: tt.name})
		var hit *screen.Match
		for i := range ms {
			if opts.IsHit(ms[i].Score) {
				hit = &ms[i]
				break
			}
		}
		switch {
		case tt.entry == "" && hit != nil:
			t.Errorf("%q: %s %.3f at match level, want none: %s", tt.name, hit.EntryName, hit.Score, hit.Explain)
		case tt.entry != "" && (hit == nil || hit.EntryName != tt.entry):
			t.Errorf("%q: got %v, want %s at match level", tt.name, ms, tt.entry)
		case hit != nil && !strings.Contains(hit.Explain, tt.explain):
			t.Errorf("%q: explanation %q, want it to name %q", tt.name, hit.Explain, tt.explain)
		}
	}
}

// TestDigitsForLetters: digits and signs written for letters are read as
// those letters against the sanctions lists too, as the ban lists read
// them, and the explanation says so; names that hold digits of their own
// ("Log4j", "Web3") match nothing so read.
func TestDigitsForLetters(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct{ name, matched string }{
		{"H4MAS", "HAMAS"},     // found at no level as written
		{"R0SNEFT", "ROSNEFT"}, // one letter off as written: review
		{"5berbank of Russ1a", "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA"},
		{"Log4j", ""},
		{"Web3 Foundation", ""},
		{"Level3 Communications", ""},
		{"Win32 Team", ""},
	} {
		ms := ix.Name(screen.Query{Name: tt.name})
		switch {
		case tt.matched == "" && len(ms) > 0:
			t.Errorf("%q: %s %.3f, want nothing: %s", tt.name, ms[0].MatchedName, ms[0].Score, ms[0].Explain)
		case tt.matched == "":
		case len(ms) == 0 || ms[0].MatchedName != tt.matched || !opts.IsHit(ms[0].Score):
			t.Errorf("%q: got %v, want %s at match level", tt.name, ms, tt.matched)
		case !strings.Contains(ms[0].Explain, "digits and signs read as the letters"):
			t.Errorf("%q: explanation %q does not say how the query was read", tt.name, ms[0].Explain)
		}
	}
}

// TestNameWrittenApart: a listed name of one word written apart, by a
// hyphen or a space, in parts too short to be names of their own, is the
// name, and so is a person's name split by a hyphen; the words of
// everyday names that run together into a listed word do not make it,
// nor do a person's words apart.
func TestNameWrittenApart(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct {
		q       screen.Query
		matched string // "": nothing at match level
	}{
		{screen.Query{Name: "Ha-mas"}, "HAMAS"},
		{screen.Query{Name: "Ham as"}, "HAMAS"},
		{screen.Query{Name: "Ha-mas Ltd", Kind: screen.KindOrganization}, "HAMAS"},
		{screen.Query{Name: "Ro Sneft"}, "ROSNEFT"},
		{screen.Query{Name: "Sun Rise"}, ""},
		{screen.Query{Name: "Tele Com"}, ""},
		{screen.Query{Name: "Ha Mas", Kind: screen.KindPerson}, ""},
		// A hyphen alone joins parts of a word, a person's too.
		{screen.Query{Name: "Vladimir Pu-tin", Kind: screen.KindPerson}, "PUTIN, Vladimir"},
		{screen.Query{Name: "Pu-tin Vladimir"}, "PUTIN, Vladimir"},
		{screen.Query{Name: "Vladimir Pu tin", Kind: screen.KindPerson}, ""},
		{screen.Query{Name: "Jean-Pierre Dupont", Kind: screen.KindPerson}, ""},
	} {
		ms := ix.Name(tt.q)
		hit := len(ms) > 0 && opts.IsHit(ms[0].Score)
		switch {
		case tt.matched == "" && hit:
			t.Errorf("%q: %s %.3f, want nothing at match level: %s", tt.q.Name, ms[0].MatchedName, ms[0].Score, ms[0].Explain)
		case tt.matched != "" && (!hit || ms[0].MatchedName != tt.matched):
			t.Errorf("%q: got %v, want %s at match level", tt.q.Name, ms, tt.matched)
		case hit && !strings.Contains(ms[0].Explain, "split words joined"):
			t.Errorf("%q: explanation %q does not say the words were joined", tt.q.Name, ms[0].Explain)
		}
	}
}

// TestLettersAsTheyLook: letters that look like others in the fonts that
// show names (a lower-case l among capitals, rn for m, vv for w, a
// capital I or a 1 among lower-case letters) are read as what they look
// like, against the ban lists and the sanctions lists, and the
// explanation says so; names whose case tells nothing so, or whose rn is
// their own, match nothing.
func TestLettersAsTheyLook(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct {
		name, list, matched string // matched "": nothing
		hit                 bool
	}{
		{"HlKVlSlON", "vendor-bans", "hikvision", true},
		{"HUAWEl Device", "vendor-bans", "huawei", true},
		{"Gazprorn Neft", "ofac-sdn", "PUBLIC JOINT STOCK COMPANY GAZPROM NEFT", true},
		{"VVagner", "ofac-sdn", "PMC WAGNER", false},
		{"HezboIIah", "ofac-sdn", "ANSAR HEZBOLLAH", false},
		{"Apache Software Foundation", "", "", false},
		{"McIntosh Labs", "", "", false},
		{"Corner Bakery", "", "", false},
		{"Modern Tools", "", "", false},
	} {
		ms := ix.Name(screen.Query{Name: tt.name})
		switch {
		case tt.matched == "" && len(ms) > 0:
			t.Errorf("%q: %s %.3f, want nothing: %s", tt.name, ms[0].MatchedName, ms[0].Score, ms[0].Explain)
		case tt.matched == "":
		case len(ms) == 0 || ms[0].List != tt.list || ms[0].MatchedName != tt.matched || opts.IsHit(ms[0].Score) != tt.hit || ms[0].Score < opts.Review:
			t.Errorf("%q: got %v, want %s %q (hit %v)", tt.name, ms, tt.list, tt.matched, tt.hit)
		case !strings.Contains(ms[0].Explain, "letters read as they look"):
			t.Errorf("%q: explanation %q does not say how the query was read", tt.name, ms[0].Explain)
		}
	}
}
