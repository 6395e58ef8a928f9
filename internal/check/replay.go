package check

import (
	"fmt"
	"sort"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/internal/procurement"
	"github.com/bangate/bangate/sbom"
)

// ScreenedParty is one distinct party name a check screens by name, with
// the roles it appears in ("supplier", "author", "vendor", "owner", ...).
type ScreenedParty struct {
	Name  string   `json:"name"`
	Roles []string `json:"roles"`
}

// ScreenedParties parses in again and returns the distinct party names the
// check screens by name, sorted by name: the parties of every component
// and of the document (SBOM), or of every vendor record (procurement).
// Component names, which are only matched against ban-list brands, are not
// parties and are left out. It is what a no-hit certificate names.
func (c *Checker) ScreenedParties(in Input) ([]ScreenedParty, error) {
	if in.Err != nil {
		return nil, in.Err
	}
	kind, err := c.kindOf(in.Data)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", in.Path, err)
	}
	roles := map[string]map[string]bool{}
	add := func(sig attribute.Signal) {
		if sig.Type != attribute.ValueName || sig.Source == attribute.SourceComponentName || sig.Value == "" {
			return
		}
		r := roles[sig.Value]
		if r == nil {
			r = map[string]bool{}
			roles[sig.Value] = r
		}
		r[sig.Source] = true
	}
	if kind == "procurement" {
		vs, err := procurement.Read(in.Data, in.Path, c.opts.Procurement)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", in.Path, err)
		}
		for i := range vs {
			for _, p := range vendorParties(&vs[i]) {
				for _, sig := range partySignals(p) {
					add(sig)
				}
			}
		}
	} else {
		doc, err := sbom.Decode(in.Data, sbom.Options{Name: in.Path})
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", in.Path, err)
		}
		for i := range doc.Components {
			for _, sig := range attribute.Component(&doc.Components[i]) {
				add(sig)
			}
		}
		if doc.Subject != nil {
			for _, p := range doc.Subject.Parties {
				attribute.Party(p, add)
			}
		}
		for _, p := range doc.Parties {
			attribute.Party(p, add)
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
	return out, nil
}
