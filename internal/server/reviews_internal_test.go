package server

import (
	"testing"

	"github.com/bangate/bangate/internal/decision"
)

// TestClearingLapses checks that a clearing applies only to the list
// entry it cleared, as it was listed: a changed name, program or link of
// the entry, or another entry, makes it lapse.
func TestClearingLapses(t *testing.T) {
	listed := map[string]any{"list": "ofac-cons", "entry_id": "30947", "entry_type": "entity", "entry_name": "HUAWEI TECHNOLOGIES CO., LTD.",
		"programs": []any{"CMIC-EO13959"}, "linked_to": []any{}, "score": 0.937}
	c := clearing{doc: reviewDoc{List: "ofac-cons", EntryID: "30947", EntryDigest: entryDigest(listed)}, waiver: decision.Waiver{ID: "review-1"}}
	with := func(k string, v any) map[string]any {
		m := map[string]any{}
		for k, v := range listed {
			m[k] = v
		}
		m[k] = v
		return m
	}
	for _, tc := range []struct {
		name  string
		match map[string]any
		lapse bool
	}{
		{"same entry", listed, false},
		{"same entry, another score", with("score", 0.95), false},
		{"renamed", with("entry_name", "HUAWEI TECHNOLOGIES CO LTD"), true},
		{"new program", with("programs", []any{"CMIC-EO13959", "SDGT"}), true},
		{"newly linked", with("linked_to", []any{"12345"}), true},
		{"another entry", with("entry_id", "30948"), true},
		{"another list", with("list", "ofac-sdn"), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			run := &decision.Run{Inputs: []decision.Input{{Result: decision.Result{Waived: []decision.Violation{
				{Rule: "ofac-ns-cmic", Match: tc.match, Waiver: map[string]any{"id": "review-1"}},
			}}}}}
			if got := lapsed(run, []clearing{c})["review-1"]; got != tc.lapse {
				t.Errorf("lapsed %v, want %v", got, tc.lapse)
			}
		})
	}
}

func TestClearingsForInput(t *testing.T) {
	cs := []clearing{{doc: reviewDoc{Party: "Huawey Technologies"}}, {doc: reviewDoc{Party: "Müller \"GmbH\""}}}
	if got := forInput(cs, []byte(`{"vendors":[{"name":"HUAWEY TECHNOLOGIES"}]}`)); len(got) != 1 || got[0].doc.Party != "Huawey Technologies" {
		t.Errorf("forInput: %+v", got)
	}
	if got := forInput(cs, []byte(`{"vendors":[{"name":"Müller \"GmbH\""}]}`)); len(got) != 1 {
		t.Errorf("forInput of a JSON-escaped name: %+v", got)
	}
	if got := forInput(cs, []byte(`name\nAcme`)); len(got) != 0 {
		t.Errorf("forInput of another party: %+v", got)
	}
}

func TestParseIdentifiers(t *testing.T) {
	got, err := parseIdentifiers("UEI=ABC123DEF456, duns: 123456789\nlei=5493001KJTIIGC8Y1R12")
	if err != nil || got["uei"] != "ABC123DEF456" || got["duns"] != "123456789" || got["lei"] != "5493001KJTIIGC8Y1R12" {
		t.Errorf("parseIdentifiers: %v %v", got, err)
	}
	if _, err := parseIdentifiers("ABC123"); err == nil {
		t.Error("an identifier without a scheme is accepted")
	}
}
