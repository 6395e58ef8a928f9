package screen_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestSunArticle finds names written with the Arabic article assimilated
// to the next word's first consonant ("az-Zawahiri", "ash-Sham"), as
// romanisations write it, where the lists write AL, and the other way
// round ("El Sayed" for ES SAYED): the article pairs as the article and
// weighs as it does.
func TestSunArticle(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	opts := ix.Options()
	for _, tt := range []struct{ q, kind, entryID, explain string }{
		{"Ayman az-Zawahiri", screen.KindPerson, "2676", "az~al (the same particle)"},
		{"Saddam at-Tikriti", screen.KindPerson, "7843", "at~al (the same particle)"},
		{"Hayat Tahrir ash-Sham", screen.KindOrganization, "16937", "ash~al (the same particle)"},
		{"Jabhat an-Nusra", screen.KindOrganization, "16937", "an~al (the same particle)"},
		{"Ansar ash-Sharia", screen.KindOrganization, "11695", "ash~al (the same particle)"},
		{"Abdel Kader Mahmoud El Sayed", screen.KindPerson, "7207", "el~es (the same particle)"},
		// Dhu as Persian and the Levant sound it.
		{"Zu al-Himma Shalish", screen.KindPerson, "8868", "zu~dhu (the same particle)"},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: tt.kind}), tt.entryID)
		if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, tt.explain) {
			t.Errorf("%q: got %+v, want entry %s at match level, %q", tt.q, m, tt.entryID, tt.explain)
		}
	}
}

// TestAbdArticle finds names whose "abd" is run together with the article
// assimilated to the next word ("Abdur Rahman", "Abdurrahman",
// "Abdussalam"), as people write 'ABD AL-RAHMAN and 'ABD AL-SALAM: the
// particle pairs as abd, and a word run together with the next is split
// after the article.
func TestAbdArticle(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ q, entryID, explain string }{
		{"Abdur Rahman Khalaf Al-Anzi", "17166", "abdur~abd (the same particle)"},
		{"Abdurrahman Khalaf Al-Anzi", "17166", "abdur~abd (the same particle)"},
		{"Abdus Salam Said Jan", "12562", "abdus~abd (the same particle)"},
		{"Abdussalam Said Jan", "12562", `query read as "abdus salam said jan"`},
	} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindPerson}), tt.entryID)
		if m == nil || m.Score < opts.Review || !strings.Contains(m.Explain, tt.explain) {
			t.Errorf("%q: got %+v, want entry %s at review or above, %q", tt.q, m, tt.entryID, tt.explain)
		}
	}
	// "abdur" is abd only before a word that begins with the article's
	// consonant: "Abdur Salam" is no 'ABD AL-SALAM.
	if m := matchByID(ix.Name(screen.Query{Name: "Abdur Salam Said Jan", Kind: screen.KindPerson}), "12562"); m != nil &&
		strings.Contains(m.Explain, "abdur~abd") {
		t.Errorf("Abdur Salam Said Jan: got %+v, want abdur not read as abd", m)
	}
}

// TestOrgLeadingArticle: the Arabic article that begins an organisation's
// name may be left out, as a family name's may, once the word after it
// pairs: "Qatirji Company" is AL-QATIRJI COMPANY, "Fakher Advanced Works"
// AL-FAKHER ADVANCED WORKS CO. LTD., each at match; the explanation says
// the article was left out.
func TestOrgLeadingArticle(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t))
	opts := ix.Options()
	for _, tt := range []struct{ q, entryID string }{{"Qatirji Company", "24903"}, {"Fakher Advanced Works", "46814"}} {
		m := matchByID(ix.Name(screen.Query{Name: tt.q, Kind: screen.KindOrganization}), tt.entryID)
		if m == nil || !opts.IsHit(m.Score) || !strings.Contains(m.Explain, "al left out (article, optional)") {
			t.Errorf("%q: got %+v, want entry %s at match, its article left out", tt.q, m, tt.entryID)
		}
	}
}

// TestAbdArticleListed: a name the list writes with abd and the article
// assimilated ("ABDUR RAUF") is found by abd and the article as the query
// writes them ("Abdul Rauf"), as the other way round: the particle pairs
// as abd.
func TestAbdArticleListed(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, sdnList(t), namedList("own", "individual", []string{"AZHAR, Abdur Rauf", "HAMID, Abdus Salam"}))
	assertMatchExplained(t, ix, screen.KindPerson, []reviewCase{
		{"Abdul Rauf Azhar", "AZHAR, Abdur Rauf", "abdul~abdur (the same particle)"},
		{"Abdel Salam Hamid", "HAMID, Abdus Salam", "abdel~abdus (the same particle)"},
	})
}
