package check_test

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/policies"
)

var (
	intlOnce  sync.Once
	intlLists []*lists.List
	intlErr   error
)

// intlSession starts a session of profile on the built-in ban lists and
// real excerpts of the UN, EU, UK and trade.gov lists from
// internal/lists/testdata, loaded by their loaders, instead of the
// embedded OFAC snapshot (so it is fast).
func intlSession(t *testing.T, profile string) *check.Session {
	t.Helper()
	intlOnce.Do(func() {
		dir := filepath.Join("..", "lists", "testdata")
		load := func(f func(lists.Source, provenance.List) (*lists.List, error), path, id string, published time.Time) *lists.List {
			if intlErr != nil {
				return nil
			}
			l, err := f(lists.FileSource(filepath.Join(dir, path)), provenance.List{ID: id, Published: published})
			intlErr = err
			return l
		}
		csl := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC) // the CSL files state no date
		ls := []*lists.List{
			load(lists.LoadUNXML, "un/consolidated-excerpt.xml", "un-sc", time.Time{}),
			load(lists.LoadEUXML, "eu/sample_eu_sanctions.xml", "eu-fsf", time.Time{}),
			load(lists.LoadFCDOXML, "uk/uk-sanctions-list-excerpt.xml", "uk-fcdo", time.Time{}),
			load(lists.LoadOFSICSV, "uk/conlist-2022-excerpt.csv", "uk-ofsi", time.Time{}),
			load(lists.LoadCSLCSV, "csl/consolidated.csv", "trade-csl", csl),
		}
		if intlErr != nil {
			return
		}
		intlLists, intlErr = check.LoadLists(policies.FS, nil, ls)
	})
	if intlErr != nil {
		t.Fatal(intlErr)
	}
	s, err := check.NewSession(context.Background(), testPlan(t, profile, "2026-12-03"),
		check.Sources{Builtin: policies.FS, Lists: intlLists, Cache: cache})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// An entry of each new list is screened and explained in a check: the
// finding names the list's rule, the entry, the matched name and how it
// matched, and cites the list's legal authority.
func TestInternationalListsScreenedAndExplained(t *testing.T) {
	tests := []struct {
		name      string
		component string
		profile   string
		outcome   string
		rule      string
		entry     string   // the entry id the finding rests on
		explain   []string // each must appear in the message
	}{
		// A listed person's name alone (an author) is reviewed, naming the
		// namesakes with what tells them apart; it never freezes.
		{"UN entry by its original-script alias", `{"type":"library","bom-ref":"c1","name":"x","version":"1","author":"Умаров Доку Хаматович"}`,
			"eu-person", "review", "un-sc-possible", "QDi.290",
			[]string{`UN Security Council Consolidated List entry QDi.290 "DOKU KHAMATOVICH UMAROV"`, "regime Al-Qaida", "1267 (1999)",
				"name only", "DOB 1964-04-13"}},
		{"UN entry for a UK person", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"Koryo Bank"}}`,
			"uk-person", "fail", "un-sc-asset-freeze", "KPe.045",
			[]string{`"KORYO BANK"`, "resolution 1718 (2006)"}},
		{"EU entry by name", `{"type":"library","bom-ref":"c1","name":"x","version":"1","author":"Saddam Hussein Al-Tikriti"}`,
			"eu-person", "review", "eu-asset-freeze-possible", "13",
			[]string{`EU consolidated financial sanctions list entry 13 "Saddam Hussein Al-Tikriti"`, "Article 215 TFEU", "1210/2003",
				"Qusay Saddam Hussein Al-Tikriti (eu-fsf 20; DOB 1965, 1966; nationality IRAQ)"}},
		{"UK Sanctions List entity by alias", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"Jannat Oshiklari"}}`,
			"uk-person", "fail", "uk-asset-freeze", "AQD0377",
			[]string{`"Khatiba al-Tawhid wal-Jihad (KTJ)"`, "Sanctions and Anti-Money Laundering Act 2018"}},
		{"OFSI entry by its Cyrillic name", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"ПАО Сбербанк"}}`,
			"uk-person", "fail", "uk-asset-freeze", "15076",
			[]string{"PJSC SBERBANK", "The Russia (Sanctions) (EU Exit) Regulations 2019"}},
		{"EU listing is not a UK one", `{"type":"library","bom-ref":"c1","name":"x","version":"1","author":"Saddam Hussein Al-Tikriti"}`,
			"uk-person", "pass", "", "", nil},
		{"Entity List row from the CSL, exporter", `{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"China Electronics Technology Group Corporation 13th Research Institute"}}`,
			"exporter", "review", "csl-entity-list", "",
			[]string{"BIS Entity List", "licence"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := oneChecker{intlSession(t, tc.profile)}
			got := c.Check(context.Background(), check.Input{Path: "t.cdx.json", Data: cdx(tc.component)})
			if got.Result.Outcome != tc.outcome {
				t.Fatalf("outcome %q, want %q (error %q)\nviolations %+v\nreviews %+v\nwarnings %+v", got.Outcome, tc.outcome, got.Error,
					got.Result.Violations, got.Result.Reviews, got.Result.Warnings)
			}
			if tc.rule == "" {
				return
			}
			found := false
			for _, v := range append(got.Result.Violations, got.Result.Reviews...) {
				if v.Rule != tc.rule {
					continue
				}
				found = true
				if tc.entry != "" && v.Match["entry_id"] != tc.entry {
					t.Errorf("finding rests on entry %v, want %s", v.Match["entry_id"], tc.entry)
				}
				if ex, _ := v.Match["explain"].(string); ex == "" {
					t.Errorf("match carries no explanation: %+v", v.Match)
				}
				if v.Authority == nil || v.Authority.Citation == "" || v.Authority.URL == "" {
					t.Errorf("finding without authority: %+v", v)
				}
				for _, want := range tc.explain {
					if !strings.Contains(v.Message+" "+v.Authority.Citation, want) {
						t.Errorf("message %q does not say %q", v.Message, want)
					}
				}
			}
			if !found {
				t.Errorf("no finding of rule %s: %+v %+v", tc.rule, got.Result.Violations, got.Result.Reviews)
			}
		})
	}
}

// The EU and UK profiles cannot pass without their lists: the check could
// not be made, and says how to fix it.
func TestInternationalProfileWithoutItsList(t *testing.T) {
	c := checker(t, "eu-person", "2026-12-03") // the built-in lists and the embedded OFAC snapshot only
	got := c.Check(context.Background(), check.Input{Path: "t.cdx.json",
		Data: cdx(`{"type":"library","bom-ref":"c1","name":"x","version":"1","supplier":{"name":"Example Corp"}}`)})
	if got.Outcome != "error" || !strings.Contains(got.Error, "bangate data update") || !strings.Contains(got.Error, "eu-fsf") {
		t.Fatalf("outcome %q, error %q; want an error naming the missing list and the fix", got.Outcome, got.Error)
	}
}
