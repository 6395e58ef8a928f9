package policy

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"
)

// OFACObligation is the obligation under which bangate.rules.sanctions
// decides a match against every sanctions list that
// data.bangate.sanctions.regimes does not name (the OFAC SDN and non-SDN
// lists, the trade.gov Consolidated Screening List, a list of your own):
// its rule sanctions_list holds for those lists and its candidates apply
// while the profile names this obligation.
const OFACObligation = "ofac-sdn"

// ListScope says which sanctions lists a profile applies, read from the
// bundle's data: the profile's obligations (data.bangate.profiles) and each
// list's obligation, which is the one data.bangate.sanctions.regimes names
// for the UN, EU and UK lists (un-sc, eu-sanctions, uk-sanctions), and
// OFACObligation for every other sanctions list, as the rules decide them.
// It is the one place that maps profile -> obligations -> lists: the
// lists a check ages (lists.max-age) and refreshes (lists.update-after)
// are those it applies, so a stale UN list never stops a us-person check.
// Ban lists are policy data of the bundle and not in its scope.
type ListScope struct {
	// Profile is the profile the scope is of.
	Profile string
	// Obligations are the profile's obligation ids, sorted.
	Obligations []string
	// regimes maps a list id to the obligation of the regimes table.
	regimes map[string]string
}

// ListScope returns the scope of the named profile; an error when the
// bundle does not define it.
func (b *Bundle) ListScope(profile string) (ListScope, error) {
	bg, _ := b.Documents["bangate"].(map[string]any)
	profiles, _ := bg["profiles"].(map[string]any)
	p, ok := profiles[profile].(map[string]any)
	if !ok {
		return ListScope{}, fmt.Errorf("profile %q: the policy bundle defines %s", profile, strings.Join(b.Profiles(), ", "))
	}
	obs, ok := p["obligations"].([]any)
	if !ok {
		return ListScope{}, fmt.Errorf("profile %q: obligations must be a list of obligation ids", profile)
	}
	s := ListScope{Profile: profile, regimes: map[string]string{}}
	for _, o := range obs {
		id, ok := o.(string)
		if !ok {
			return ListScope{}, fmt.Errorf("profile %q: obligation %v is not an id", profile, o)
		}
		s.Obligations = append(s.Obligations, id)
	}
	slices.Sort(s.Obligations)
	s.Obligations = slices.Compact(s.Obligations)
	sanctions, _ := bg["sanctions"].(map[string]any)
	regimes, _ := sanctions["regimes"].(map[string]any)
	for _, id := range slices.Sorted(maps.Keys(regimes)) {
		r, _ := regimes[id].(map[string]any)
		ob, ok := r["obligation"].(string)
		if !ok || ob == "" {
			return ListScope{}, fmt.Errorf("data.bangate.sanctions.regimes.%s: no obligation", id)
		}
		s.regimes[id] = ob
	}
	return s, nil
}

// Obligation is the obligation under which matches against the sanctions
// list id are decided.
func (s ListScope) Obligation(id string) string {
	if ob, ok := s.regimes[id]; ok {
		return ob
	}
	return OFACObligation
}

// Applies reports whether the profile applies the sanctions list id.
func (s ListScope) Applies(id string) bool {
	_, ok := slices.BinarySearch(s.Obligations, s.Obligation(id))
	return ok
}

// ListScope is the scope of the named profile in the compiled bundle.
func (e *Engine) ListScope(profile string) (ListScope, error) { return e.bundle.ListScope(profile) }

// LoadData reads only the data documents (JSON and YAML) of every origin,
// as LoadOrigins merges them, without parsing or compiling a policy: enough
// for Profiles and ListScope, at a fraction of the cost.
func LoadData(origins []Origin) (*Bundle, error) {
	b := &Bundle{Documents: map[string]any{}}
	for _, o := range origins {
		res, err := loader.NewFileLoader().WithFS(o.FS).WithRegoVersion(ast.RegoV1).Filtered([]string{"."}, func(abspath string, info fs.FileInfo, depth int) bool {
			return skipNonBundle(abspath, info, depth) || (!info.IsDir() && strings.HasSuffix(info.Name(), ".rego"))
		})
		if err != nil {
			if o.Name == OriginBuiltin {
				return nil, fmt.Errorf("load built-in policy data: %w", oneLine(err))
			}
			return nil, fmt.Errorf("load policy data %s: %w", o.Name, oneLine(err))
		}
		if err := mergeDocs(b.Documents, res.Documents, ""); err != nil {
			return nil, fmt.Errorf("load policy data %s: %w", o.Name, err)
		}
	}
	return b, nil
}
