package policy_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/policies"
)

// Each built-in profile applies the sanctions lists of its obligations:
// the U.S. profiles OFAC's and the CSL (and a list of one's own, which the
// OFAC rules decide), the EU and UK profiles their own and the UN's.
func TestListScope(t *testing.T) {
	t.Parallel()
	builtin := []policy.Origin{{Name: policy.OriginBuiltin, FS: policies.FS}}
	full, err := policy.LoadOrigins(builtin, false)
	if err != nil {
		t.Fatal(err)
	}
	data, err := policy.LoadData(builtin)
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{"ofac-sdn", "ofac-cons", "trade-csl", "mine", "un-sc", "eu-fsf", "uk-fcdo", "uk-ofsi"}
	us := []string{"ofac-sdn", "ofac-cons", "trade-csl", "mine"}
	want := map[string][]string{
		"us-person":          us,
		"federal-contractor": us,
		"telecom-carrier":    us,
		"exporter":           us,
		"eu-person":          {"un-sc", "eu-fsf"},
		"uk-person":          {"un-sc", "uk-fcdo", "uk-ofsi"},
		"all":                ids,
	}
	for profile, lists := range want {
		for _, b := range []*policy.Bundle{full, data} {
			s, err := b.ListScope(profile)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, id := range ids {
				if s.Applies(id) {
					got = append(got, id)
				}
			}
			if !cmp.Equal(got, lists) {
				t.Errorf("%s applies %v, want %v", profile, got, lists)
			}
		}
	}
	if _, err := data.ListScope("reseller"); err == nil || !strings.Contains(err.Error(), `profile "reseller": the policy bundle defines all, eu-person`) {
		t.Errorf("unknown profile: %v", err)
	}
	// A user's profile merges in, as the engine sees it.
	user := fstest.MapFS{"bangate/profiles/mine.yaml": {Data: []byte("un-only:\n  title: x\n  obligations: [un-sc]\n")}}
	b, err := policy.LoadData(append(builtin, policy.Origin{Name: "mine", FS: user}))
	if err != nil {
		t.Fatal(err)
	}
	if s, err := b.ListScope("un-only"); err != nil || !s.Applies("un-sc") || s.Applies("ofac-sdn") {
		t.Errorf("user profile: %+v, %v", s, err)
	}
}

// OFACObligation is what bangate.rules.sanctions applies to every
// sanctions list outside the regimes table: the Go mirror of the rule
// must not drift from it.
func TestOFACObligationMirrorsTheRules(t *testing.T) {
	t.Parallel()
	rego, err := os.ReadFile(filepath.Join("..", "..", "policies", "bangate", "rules", "sanctions", "sanctions.rego"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`lists.applies_id("` + policy.OFACObligation + `")`, "not data.bangate.sanctions.regimes[id]"} {
		if !strings.Contains(string(rego), want) {
			t.Errorf("sanctions.rego no longer holds %q: update ListScope", want)
		}
	}
}
