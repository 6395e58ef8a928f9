package check

import (
	"errors"
	"sort"

	"github.com/bangate/bangate/internal/attribute"
)

// ScreenedParty is one distinct party name a check screens by name, with
// the roles it appears in ("supplier", "author", "vendor", "owner", ...).
type ScreenedParty struct {
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

// Screened is what ScreenedParties found in one input.
type Screened struct {
	// Parties are the distinct party names screened, sorted by name.
	Parties []ScreenedParty
	// Hits is the number of distinct party names and identifiers that
	// matched a list, whatever the policies made of the match (counted
	// only when asked).
	Hits int
	// HitsCounted is set when Hits was counted.
	HitsCounted bool
}

// ScreenedParties returns the distinct party names a check of in screens
// by name (the parties of every component and of the document of an SBOM,
// or of every vendor record) and, when countHits is set, how many distinct
// party names and identifiers (domains, package namespaces, CPE vendors)
// match a list in force. Component names, screened only for ban-list
// brands, are neither parties nor counted: a brand match is a finding of
// its own. It uses the parse Prepare made, if any, and parses in
// otherwise. It is what a no-hit certificate rests on.
func (c *Checker) ScreenedParties(in Input, countHits bool) (Screened, error) {
	p := in.parsed
	if p == nil {
		p = parse(in, c.opts)
	}
	if p.out.Error != "" {
		return Screened{}, errors.New(p.out.Error)
	}
	sc := newScreener(c.screening.Load())
	hits := map[attribute.Signal]bool{}
	roles := map[string]map[string]bool{}
	add := func(sig attribute.Signal) {
		if sig.Source == attribute.SourceComponentName || sig.Value == "" {
			return
		}
		if countHits {
			key := attribute.Signal{Type: sig.Type, Value: sig.Value, Kind: sig.Kind, Ecosystem: sig.Ecosystem, Source: sig.Source}
			if _, seen := hits[key]; !seen {
				hits[key] = len(sc.signal(sig)) > 0
			}
		}
		if sig.Type != attribute.ValueName {
			return
		}
		r := roles[sig.Value]
		if r == nil {
			r = map[string]bool{}
			roles[sig.Value] = r
		}
		r[sig.Source] = true
	}
	if p.doc == nil {
		for i := range p.vendors {
			v := &p.vendors[i]
			for _, party := range vendorParties(v) {
				for _, sig := range partySignals(party) {
					add(sig)
				}
			}
			for _, d := range v.Domains {
				add(attribute.Signal{Source: attribute.SourceURL, Type: attribute.ValueDomain, Value: attribute.Domain(d)})
			}
		}
	} else {
		doc := p.doc
		for i := range doc.Components {
			comp := &doc.Components[i]
			if countHits {
				for _, sig := range attribute.Component(comp) {
					add(sig)
				}
				continue
			}
			// Names only: the parties and copyright holders, which is
			// all attribute.Component screens by name besides the
			// component's own name.
			for _, party := range comp.Parties {
				attribute.Party(party, add)
			}
			for _, h := range attribute.CopyrightHolders(comp.Copyright) {
				add(attribute.Signal{Source: attribute.SourceCopyright, Type: attribute.ValueName, Value: h})
			}
		}
		if doc.Subject != nil {
			for _, party := range doc.Subject.Parties {
				attribute.Party(party, add)
			}
		}
		for _, party := range doc.Parties {
			attribute.Party(party, add)
		}
	}
	out := make([]ScreenedParty, 0, len(roles))
	for name, r := range roles {
		sp := ScreenedParty{Name: name, Roles: make([]string, 0, len(r))}
		for role := range r {
			sp.Roles = append(sp.Roles, role)
		}
		sort.Strings(sp.Roles)
		out = append(out, sp)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	res := Screened{Parties: out, HitsCounted: countHits}
	for _, hit := range hits {
		if hit {
			res.Hits++
		}
	}
	return res, nil
}
