package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestRussianCompanyWords: a Russian company's name written in English
// finds the name the list writes romanised ("Technologies" for
// TEKHNOLOGII), the rule named in the explanation.
func TestRussianCompanyWords(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	const q, entry = "Ugolnye Technologies LLC", "UGOLNYE TEKHNOLOGII, OOO"
	m := matchOf(ix.Name(screen.Query{Name: q, Kind: screen.KindOrganization}), entry)
	const explain = "technologies~tekhnologii (a word of company names as Russian writes it, romanised"
	if m == nil || !ix.Options().IsHit(m.Score) || !strings.Contains(m.Explain, explain) {
		t.Errorf("%q: %v, want %s at match, explained %q", q, m, entry, explain)
	}
}

// TestRussianCompanyWordsTranslated: the words of a Russian company's
// name, romanised or in Cyrillic, find the name a list gives only in
// English, at review at least, the rule named: "nauchno-proizvodstvennoe
// predpriyatie" is a SCIENTIFIC PRODUCTION ENTERPRISE, "Московский
// кредитный банк" CREDIT BANK OF MOSCOW, "558 авиационный ремонтный завод"
// 558 AIRCRAFT REPAIR PLANT. Each Russian word weighs as the commoner
// English word it pairs with, so that a name translated word for word is
// a match ("Российский фонд прямых инвестиций", RUSSIAN DIRECT INVESTMENT
// FUND), however rare its Russian words are in the lists; so is one whose
// kompaniya is the COMPANY of its name ("Частная военная компания Редут",
// PRIVATE MILITARY COMPANY REDUT), and one whose и is the AND of its name,
// the FOR beside it left out as the linking word it is
// ("Уральский банк реконструкции и развития", URAL BANK FOR
// RECONSTRUCTION AND DEVELOPMENT).
func TestRussianCompanyWordsTranslated(t *testing.T) {
	t.Parallel()
	// The SDN list beside, for the weights of the words in real lists:
	// its Russian words are rare, their English common.
	ix := newIndex(t, sdnList(t), namedList("own", "entity", []string{
		"JOINT STOCK COMPANY SCIENTIFIC PRODUCTION ENTERPRISE SALYUT", "CREDIT BANK OF MOSCOW PUBLIC JOINT STOCK COMPANY",
		"JSC 558 AIRCRAFT REPAIR PLANT", "RUSSIAN DIRECT INVESTMENT FUND",
	}))
	const rule = " (a word of Russian company names and its English"
	for _, tt := range []struct {
		q, entry, pair string
		hit            bool
	}{
		{"AO Nauchno-Proizvodstvennoe Predpriyatie Salyut", "JOINT STOCK COMPANY SCIENTIFIC PRODUCTION ENTERPRISE SALYUT", "proizvodstvennoe~production", true},
		{"Московский кредитный банк", "CREDIT BANK OF MOSCOW PUBLIC JOINT STOCK COMPANY", "kreditnyy~credit", false},
		{"558 авиационный ремонтный завод", "JSC 558 AIRCRAFT REPAIR PLANT", "remontnyy~repair", false},
		{"Российский фонд прямых инвестиций", "RUSSIAN DIRECT INVESTMENT FUND", "pryamykh~direct", true},
		{"Частная военная компания Редут", "PRIVATE MILITARY COMPANY REDUT", "kompaniya~company", true},
		{"Уральский банк реконструкции и развития", "PUBLIC JOINT STOCK COMPANY URAL BANK FOR RECONSTRUCTION AND DEVELOPMENT", "i~and", true},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entry)
		if m == nil || m.Score < ix.Options().Review || tt.hit && !ix.Options().IsHit(m.Score) || !strings.Contains(m.Explain, tt.pair+rule) {
			t.Errorf("%q: %v, want %s at review at least (at match %v), explained %q", tt.q, m, tt.entry, tt.hit, tt.pair+rule)
		}
	}
}

// TestRussianAcronymsTranslated: the acronym of a Russian organisation's
// kind stands for the English words a list translates it by, whose
// initials in Russian it spells: "NPO Kvant" is SCIENTIFIC PRODUCTION
// ASSOCIATION KVANT, "NII Polyus" RESEARCH INSTITUTE POLYUS; the
// explanation says so. Initials that spell neither ("SPA Kvant") are not.
func TestRussianAcronymsTranslated(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "entity", []string{"SCIENTIFIC PRODUCTION ASSOCIATION KVANT", "RESEARCH INSTITUTE POLYUS"}))
	for _, tt := range []struct{ q, entry, explain string }{
		{"NPO Kvant", "SCIENTIFIC PRODUCTION ASSOCIATION KVANT", "npo (Russian initials of scientific production association)"},
		{"NII Polyus", "RESEARCH INSTITUTE POLYUS", "nii (Russian initials of research institute)"},
	} {
		m := matchOf(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entry)
		if m == nil || m.Score < ix.Options().Review || !strings.Contains(m.Explain, tt.explain) {
			t.Errorf("%q: %+v, want %s at review at least, explained %q", tt.q, m, tt.entry, tt.explain)
		}
	}
	if m := matchOf(ix.Name(screen.Query{Name: "SPA Kvant", Kind: screen.KindOrganization}), "SCIENTIFIC PRODUCTION ASSOCIATION KVANT"); m != nil && strings.Contains(m.Explain, "Russian initials") {
		t.Errorf("SPA Kvant: %+v, want no Russian initials", m)
	}
}
