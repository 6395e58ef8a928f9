package screen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// A name written with the Arabic article apart is joined as French writes
// it, the article assimilated and a final e ("Safi al-Din" for
// SAFIEDDINE).
func TestJoinedArticleDine(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t,
		"SAFIEDDINE, Hashem",
		"KARIMOV, Rustam",
		"PETROV, Ivan")
	ms := ix.Name(screen.Query{Name: "Hashem Safi al-Din", Kind: screen.KindPerson})
	i := slices.IndexFunc(ms, func(m screen.Match) bool { return m.EntryID == "1" })
	if i < 0 || !strings.Contains(ms[i].Explain, `split words joined: "safi al din"`) {
		t.Errorf("got %+v, want entry 1 with the words joined", ms)
	}
}

// A name written "Surname, Given names" joins its last given name and
// its surname, which stand together in its natural order, where a list
// runs them together ("ZADEH, Mohammed Khalil" for KHALILZADEH,
// Mohammad); not a name whose two words make no listed word, nor one
// written with an organisation's comma.
func TestJoinedCommaSurname(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "KHALILZADEH, Mohammad", "ZADEH, Ali", "KHALIL, Omar")...)
	for _, tc := range []struct {
		q, kind string
		want    bool
	}{
		{"ZADEH, Mohammed Khalil", screen.KindPerson, true},
		{"Zadeh, Mohammad Khalil", screen.KindPerson, true},
		{"ZADEH, Khalil Mohammed", screen.KindPerson, false},
		{"ZADEH, Mohammed Khalil", screen.KindOrganization, false},
	} {
		ms := ix.Name(screen.Query{Name: tc.q, Kind: tc.kind})
		i := slices.IndexFunc(ms, func(m screen.Match) bool {
			return m.MatchedName == "KHALILZADEH, Mohammad" && strings.Contains(m.Explain, `split words joined: "khalil zadeh"`)
		})
		if (i >= 0) != tc.want {
			t.Errorf("%q (%s): got %+v, want KHALILZADEH, Mohammad with the words joined: %v", tc.q, tc.kind, ms, tc.want)
		}
	}
}

// TestInternationalCompanyForm: the legal forms of a Russian special
// administrative region's international company (MKAO, MKOOO, written
// out or in Cyrillic) are legal forms, as OOO and AO are: "ADORABELLA
// MKOOO" is ADORABELLA AG. (The Cyrillic name's words are phonetic
// likenesses, so it is a possible match only.)
func TestInternationalCompanyForm(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("sdn", "entity", []string{"ADORABELLA AG", "RASPERIA TREIDING LIMITED", "ALFA BANK"}))
	for _, tc := range []struct{ q, want, form string }{
		{"ADORABELLA MKOOO", "ADORABELLA AG", "mkooo"},
		{"МКАО Расперия Трейдинг", "RASPERIA TREIDING LIMITED", "mkao"},
		{"Mezhdunarodnaya Kompaniya Aktsionernoe Obshchestvo Adorabella", "ADORABELLA AG", "mezhdunarodnaya kompaniya aktsionernoe obshchestvo"},
	} {
		ms := ix.Name(screen.Query{Name: tc.q, Kind: screen.KindOrganization})
		i := slices.IndexFunc(ms, func(m screen.Match) bool { return m.MatchedName == tc.want })
		if i < 0 || !strings.Contains(ms[i].Explain, "query legal form ignored: "+tc.form) {
			t.Errorf("%q: got %+v, want %q with the legal form %q ignored", tc.q, ms, tc.want, tc.form)
		}
	}
}

// TestGluedMisspelt: a name run together with one word misspelt is
// split where the rest are listed words, and read once more
// ("vladmirputin"), also where the rest splits otherwise into listed
// words ("hasannasralah" is first read "hasan nasr alah").
func TestGluedMisspelt(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	for _, tt := range []struct{ q, entryID, split string }{
		{"vladmirputin", "35096", "vladmir putin"},
		{"VladimirPuttin", "35096", "vladimir puttin"},
		{"nicolasmadurro", "22790", "nicolas madurro"},
		{"hasannasralah", "2686", "hasan nasralah"},
		{"banconacionaldecubba", "306", "banco nacional de cubba"},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q}), tt.entryID)
		if m == nil || !strings.Contains(m.Explain, "glued words split") || !strings.Contains(m.Explain, `query read as "`+tt.split+`"`) {
			t.Errorf("%q: got %+v, want entry %s read as %q", tt.q, m, tt.entryID, tt.split)
		}
	}
	// A misspelt part of fewer than five letters is not split off; nor is
	// a vendor's name that is no listed name run together.
	for _, q := range []string{"vladimirputn", "cloudflare", "jetbrains", "hashicorp", "springframework"} {
		if ms := ix.Name(screen.Query{Name: q}); len(ms) > 0 {
			t.Errorf("%q: got %+v, want no match", q, ms)
		}
	}
}

// TestGluedWholeName: a whole name run together, of more words than a
// glued word is otherwise split into, is split and found.
func TestGluedWholeName(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ q, entryID string }{
		{"IslamicRepublicofIranShippingLines", "25396"},
		{"KoreaMiningDevelopmentTradingCorporation", "9345"},
		{"TareckZaidanElAissamiMaddah", "20250"},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q}), tt.entryID)
		if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, "glued words split") {
			t.Errorf("%q: got %+v, want entry %s at match level, its words split", tt.q, m, tt.entryID)
		}
	}
}

// TestGluedSpeltOtherwise: a name run together whose words are spelt
// otherwise than the list spells them is read with its words apart: at
// its capitals when written in camel case ("AliChamenei", a German
// spelling, not "alic hamenei"; "BancoNacionalDeKuba"); a person's name
// of two such words, each of five letters or more, split into the two
// ("mouammarkadhafi", not into short listed words: "ram san kadyrow").
// Each is found as written apart. Vendors' names so written and names of
// persons not listed stay unmatched.
func TestGluedSpeltOtherwise(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct {
		q, kind, entryID, read string
		hit                    bool
	}{
		{"AliChamenei", "", "26945", "ali chamenei", true},
		{"BancoNacionalDeKuba", screen.KindOrganization, "306", "banco nacional de kuba", true},
		{"AeroKaribbean", screen.KindOrganization, "36", "aero karibbean", true},
		{"jewgenijprigoschin", screen.KindPerson, "21171", "jewgenij prigoschin", true},
		{"mouammarkadhafi", screen.KindPerson, "12606", "mouammar kadhafi", false},
		{"ramsankadyrow", screen.KindPerson, "23343", "ramsan kadyrow", false},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: tt.kind}), tt.entryID)
		if m == nil || m.Score < opts.Review || opts.IsHit(m.Score) != tt.hit ||
			!strings.Contains(m.Explain, `glued words split: "`+strings.ToLower(tt.q)+`"`) || !strings.Contains(m.Explain, `query read as "`+tt.read+`"`) {
			t.Errorf("%q: got %+v, want entry %s (at match level: %v), read as %q", tt.q, m, tt.entryID, tt.hit, tt.read)
		}
	}
	for _, tt := range []struct{ q, kind string }{
		{"GitHub", screen.KindOrganization}, {"JetBrains", screen.KindOrganization}, {"HashiCorp", screen.KindOrganization},
		{"PostgreSQL", screen.KindOrganization}, {"CloudFlare", screen.KindOrganization},
		{"michaelbrown", screen.KindPerson}, {"wolfgangschmidt", screen.KindPerson}, {"jeanpierredupont", screen.KindPerson},
		{"cloudflare", screen.KindPerson}, {"springframework", screen.KindPerson},
	} {
		if ms := ix.Name(screen.Query{Name: tt.q, Kind: tt.kind}); len(ms) > 0 {
			t.Errorf("%q (%s): got %+v, want no match", tt.q, tt.kind, ms)
		}
	}
}

// TestNameParticlesJoined: the particles that begin a family name,
// written apart, find the name a list writes with them run together
// ("de la Cruz" for DELA CRUZ), and still the name written apart.
func TestNameParticlesJoined(t *testing.T) {
	t.Parallel()
	ix := personsIndex(t, append(fillerPersons(), "DELA CRUZ, Maria", "DE LA CRUZ, Juan", "VANDER MEER, Jan")...)
	for _, tt := range []struct{ q, entry, explain string }{
		{"Maria de la Cruz", "DELA CRUZ, Maria", `split words joined: "de la"`},
		{"Jan van der Meer", "VANDER MEER, Jan", `split words joined: "van der"`},
		{"Juan de la Cruz", "DE LA CRUZ, Juan", "de=de, la=la"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q}), tt.entry)
		if m == nil || !ix.Options().IsHit(m.Score) || !strings.Contains(m.Explain, tt.explain) {
			t.Errorf("%q: %v, want %s at match level, explained %q", tt.q, m, tt.entry, tt.explain)
		}
	}
}

// TestShortSurnameGlued finds a person's given name and a family name of
// one or two letters run together in the order people write them, the
// reverse of the list's, as in an e-mail address or a user name
// ("yongxinli" for LI, Yongxin); not in an organisation's name, whose
// words run together are a brand.
func TestShortSurnameGlued(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ q, entry string }{
		{"yongxinli", "LI, Yongxin"},
		{"lianhehu", "HU, Lianhe"},
		{"Lianhehu", "HU, Lianhe"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entry)
		if m == nil || m.Score < opts.Review || !strings.Contains(m.Explain, "glued words split") {
			t.Errorf("%q: got %+v, want %s at review or above, the words split", tt.q, m, tt.entry)
		}
	}
	if m := matchOf(ix.Name(screen.Query{Name: "yongxinli", Kind: screen.KindOrganization}), "LI, Yongxin"); m != nil {
		t.Errorf("yongxinli as an organisation: got %+v", m)
	}
}

// TestJoinHeldTogether joins the words a listed name holds as one where
// that name holds another word of the query too, before a join another
// name's word would make ("ali reda abd allah": ABDALLAH, Ali Reda, not
// the listed word ALIREDA; "mohammad reza ali akbari": AKBARI,
// Mohammadreza Ali, not ALIAKBARI).
func TestJoinHeldTogether(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ q, entryID, joined string }{
		{"Ali Reda Abd Allah", "37429", `split words joined: "abd allah"`},
		{"ABD ALLAH, Ali Reda", "37429", `split words joined: "abd allah"`},
		{"Mohammad Reza Ali Akbari", "27271", `split words joined: "mohammad reza"`},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entryID)
		if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, tt.joined) {
			t.Errorf("%q: got %+v, want entry %s at match level, %s", tt.q, m, tt.entryID, tt.joined)
		}
	}
}

// TestArticleNearGlued finds a name written with the Arabic article run
// together with a word one letter or a phonetic key from the listed one
// ("alqaeda" for AL QAIDA, "AlShabab" for AL-SHABAAB), organisation or
// person; a word that only begins with al is no such name.
func TestArticleNearGlued(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, namedList("sdn", "entity", []string{"AL QAIDA", "AL-SHABAAB", "ALBERTA TRADING"}))
	opts := ix.Options()
	for _, tt := range []struct{ q, kind, entryID string }{
		{"alqaeda", screen.KindOrganization, "1"},
		{"Alqaeda", "", "1"},
		{"AlShabab", screen.KindOrganization, "2"},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: tt.kind}), tt.entryID)
		if m == nil || m.Score < opts.Review || !strings.Contains(m.Explain, "glued words split") {
			t.Errorf("%q (%s): got %+v, want entry %s at review or above, the article split off", tt.q, tt.kind, m, tt.entryID)
		}
	}
	if ms := ix.Name(screen.Query{Name: "albert", Kind: screen.KindOrganization}); len(ms) > 0 {
		t.Errorf("albert: got %+v, want nothing", ms)
	}
}

// TestApostropheAsSpace joins a word and the letter after it where the
// apostrophe between them was written as a space, as a listed name of
// its kind holds it ("LORD S RESISTANCE ARMY" for LORD'S RESISTANCE
// ARMY); not in a person's name, whose letter is an initial.
func TestApostropheAsSpace(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ q, entryID, joined string }{
		{"LORD S RESISTANCE ARMY", "19100", `split words joined: "lord s"`},
		{"ANSAR AL SHARI A IN TUNISIA", "16477", `split words joined: "shari a"`},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entryID)
		if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, tt.joined) {
			t.Errorf("%q: got %+v, want entry %s at match level, %s", tt.q, m, tt.entryID, tt.joined)
		}
	}
	for _, m := range ix.Name(screen.Query{Name: "LORD S RESISTANCE ARMY", Kind: screen.KindPerson}) {
		if strings.Contains(m.Explain, `split words joined: "lord s"`) {
			t.Errorf("as a person's name: got %+v, want the letter read as an initial", m)
		}
	}
	// A word of three letters and a letter are English words, not one
	// word with its apostrophe written as a space: words of licence
	// text written into an SBOM's publisher field.
	for _, q := range []string{"the and a", "and a", "are a the", "as and a"} {
		for _, kind := range []string{screen.KindOrganization, ""} {
			for _, m := range ix.Name(screen.Query{Name: q, Kind: kind}) {
				if strings.Contains(m.Explain, "split words joined") {
					t.Errorf("%q (%q): got %s %q %.3f, %s; want no join", q, kind, m.EntryID, m.MatchedName, m.Score, m.Explain)
				}
			}
		}
	}
}

// TestNameWithNumberRunIn: a person's name with a number run into its
// end, as a user name or an address writes it ("vladimirputin1952",
// "ramzankadyrov95"), is read as the name and the number: a possible
// match, the number unmatched.
func TestNameWithNumberRunIn(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ q, entryID string }{{"vladimirputin1952", "35096"}, {"ramzankadyrov95", "23343"}} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entryID)
		if m == nil || m.Score < opts.Review || !strings.Contains(m.Explain, "unmatched") {
			t.Errorf("%q: got %+v, want entry %s at review, the number unmatched", tt.q, m, tt.entryID)
		}
	}
}
