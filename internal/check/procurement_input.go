package check

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/procurement"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/sbom"
)

// Party roles of a procurement record besides those of package sbom.
const (
	roleVendor  = "vendor"
	roleAlias   = "alias"
	roleParent  = "parent"
	roleOwner   = "owner"
	roleContact = "contact"
)

// blockingList reports whether a match against list id means the party's
// property is blocked (so that the OFAC 50 Percent Rule applies): the SDN
// list, not the non-SDN lists (a CMIC listing restricts securities only).
func blockingList(id string) bool { return strings.HasPrefix(id, "ofac-sdn") }

// buildProcurementInput screens every vendor record, applies the 50
// Percent Rule over the ownership graph, and builds the policy input. An
// error means the ownership graph does not hold or a party could not be
// screened.
func (s *Session) buildProcurementInput(vs []procurement.Vendor, edges []procurement.Edge, src sourceInfo, scr *Screening) (ast.Object, decision.Coverage, *screener, error) {
	sc := newScreener(scr)
	var screenErr error // the first owner that could not be screened
	blocked := func(name string) bool {
		found, err := sc.signal(attribute.Signal{Source: roleOwner, Type: attribute.ValueName, Value: name})
		if err != nil {
			if screenErr == nil {
				screenErr = err
			}
			return false
		}
		for _, f := range found {
			if blockingList(f.List) && scr.Kinds[f.List] == provenance.KindSanctions && f.Score >= scr.Thresholds.Match {
				return true
			}
		}
		return false
	}
	exposure, err := procurement.Aggregate(append(procurement.VendorEdges(vs), edges...), blocked)
	if err != nil {
		return nil, decision.Coverage{}, nil, fmt.Errorf("ownership of %s: %w", src.path, err)
	}
	if screenErr != nil {
		return nil, decision.Coverage{}, nil, screenErr
	}
	var cov decision.Coverage
	cov.Components = len(vs)
	objs := make([]ast.Object, 0, len(vs))
	for i := range vs {
		v := &vs[i]
		parties := vendorParties(v)
		pv := make([]ast.Object, 0, len(parties))
		any := false
		for _, p := range parties {
			found, err := screenParty(sc, p)
			if err != nil {
				return nil, decision.Coverage{}, nil, err
			}
			any = any || len(found) > 0
			pv = append(pv, partyValue(p, found))
		}
		var domainMatches []Found
		for j, d := range v.Domains {
			found, err := sc.signal(attribute.Signal{Source: attribute.SourceURL, Type: attribute.ValueDomain,
				Value: attribute.Domain(d), Pointer: fieldPointer(v, "domains."+strconv.Itoa(j))})
			if err != nil {
				return nil, decision.Coverage{}, nil, err
			}
			domainMatches = append(domainMatches, found...)
		}
		if v.Name != "" {
			cov.WithNamedParty++
			cov.Attributed++
		} else {
			cov.Unattributed++
		}
		exp := exposure[procurement.Key(v.Name)]
		if !any && len(domainMatches) == 0 && !s.allComponents() && !exposed(exp) && !foreign(v) {
			continue // the input diet: nothing for a policy to decide
		}
		objs = append(objs, vendorValue(v, pv, domainMatches, exp))
	}
	cov.PartiesScreened = sc.distinctNames()
	covObj := &objBuilder{}
	covObj.int("components", 0).int("vendors", len(vs)).int("attributed", cov.Attributed).
		int("with_named_party", cov.WithNamedParty).int("with_purl_namespace", 0).
		int("unattributed_count", cov.Unattributed).val("unattributed", ast.NewArray()).int("max_listed", s.plan.MaxListed)
	source := &objBuilder{}
	source.str("path", src.path).str("format", src.format).str("spec_version", "").str("sha256", src.sha256)
	in := &objBuilder{}
	in.str("kind", "procurement").str("as_of", s.plan.AsOf.UTC().Format(time.RFC3339)).str("profile", s.plan.Profile).
		val("source", source.obj()).val("subject", (&objBuilder{}).val("parties", ast.NewArray()).obj()).
		val("components", ast.NewArray()).val("vendors", objArray(objs)).val("lists", listsValue(scr, s.plan.AsOf)).
		val("coverage", covObj.obj()).val("warnings", ast.NewArray()).
		val("screening", (&objBuilder{}).num("match", scr.Thresholds.Match).num("review", scr.Thresholds.Review).obj()).
		val("settings", s.settingsValue())
	return in.obj(), cov, sc, nil
}

// exposed reports whether the ownership graph ties a record to a blocked
// person at all.
func exposed(e procurement.Exposure) bool {
	return e.Designated || e.Blocked || e.Percent > 0 || e.LookThrough > 0
}

// foreign reports whether a record names a country other than the United
// States, for itself or a product's origin: the embargo rules must see it.
// A record that names no country is left out like a US one; a policy that
// must see every record asks for it with policy.input: all.
func foreign(v *procurement.Vendor) bool {
	if (v.Country != "" && v.Country != "US") || (v.CountryName != "" && v.Country != "US") {
		return true
	}
	for _, p := range v.Products {
		if p.CountryOfOrigin != "" && p.CountryOfOrigin != "US" {
			return true
		}
	}
	return false
}

// vendorParties lists every party a record names, each with the location
// of its field.
func vendorParties(v *procurement.Vendor) []sbom.Party {
	var ps []sbom.Party
	add := func(role, kind, name, field string) {
		if strings.TrimSpace(name) != "" {
			ps = append(ps, sbom.Party{Role: role, Kind: kind, Name: name, Pointer: fieldPointer(v, field)})
		}
	}
	// A vendor may be a sole proprietor, a person: its names are of
	// unknown kind, screened against individuals and entities alike.
	add(roleVendor, "", v.Name, "name")
	for i, a := range v.Aliases {
		add(roleAlias, "", a, "aliases."+strconv.Itoa(i))
	}
	add(roleParent, sbom.KindOrganization, v.Parent, "parent")
	for i, o := range v.Owners {
		add(roleOwner, "", o.Name, "owners."+strconv.Itoa(i))
	}
	for i, p := range v.Products {
		add(sbom.RoleManufacturer, sbom.KindOrganization, p.Manufacturer, "products."+strconv.Itoa(i)+".manufacturer")
	}
	for i, name := range v.Contacts {
		add(roleContact, sbom.KindPerson, name, "contacts."+strconv.Itoa(i))
	}
	return ps
}

// fieldPointer locates one field of a record: a JSON pointer for JSON,
// YAML and OCDS, "row N, column C" for CSV.
func fieldPointer(v *procurement.Vendor, field string) string {
	loc, ok := v.Fields[field]
	if !ok {
		// A part of a list element ("products.0.manufacturer") may be
		// recorded as the whole element ("products.0").
		if i := strings.LastIndex(field, "."); i > 0 {
			loc, ok = v.Fields[field[:i]]
		}
	}
	switch {
	case !ok:
		return v.Pointer
	case strings.HasPrefix(loc, "/"):
		return loc
	default:
		return v.Pointer + ", column " + loc
	}
}

func vendorValue(v *procurement.Vendor, parties []ast.Object, matches []Found, exp procurement.Exposure) ast.Object {
	ids := &objBuilder{}
	ids.strOpt("uei", v.Identifiers.UEI).strOpt("cage", v.Identifiers.CAGE).strOpt("duns", v.Identifiers.DUNS).
		strOpt("lei", v.Identifiers.LEI).strOpt("tax_id", v.Identifiers.TaxID)
	for k, val := range v.Identifiers.Other {
		ids.str(k, val)
	}
	products := make([]ast.Object, len(v.Products))
	for i, p := range v.Products {
		b := &objBuilder{}
		b.str("name", p.Name).str("category", p.Category).str("code", p.Code).str("scheme", p.Scheme).
			str("manufacturer", p.Manufacturer).str("country_of_origin", p.CountryOfOrigin).
			str("pointer", fieldPointer(v, "products."+strconv.Itoa(i)))
		products[i] = b.obj()
	}
	owners := make([]ast.Object, len(v.Owners))
	for i, o := range v.Owners {
		b := &objBuilder{}
		b.str("name", o.Name).num("percent", o.Percent).str("country", o.Country).str("pointer", fieldPointer(v, "owners."+strconv.Itoa(i)))
		owners[i] = b.obj()
	}
	contracts := make([]ast.Object, len(v.Contracts))
	for i, k := range v.Contracts {
		b := &objBuilder{}
		b.str("id", k.ID).str("award_id", k.AwardID).str("amount", k.Amount).str("currency", k.Currency).str("date", k.Date)
		contracts[i] = b.obj()
	}
	chains := make([]ast.Object, len(exp.Chains))
	for i, ch := range exp.Chains {
		b := &objBuilder{}
		b.val("path", strArray(ch.Path)).num("percent", ch.Percent).num("counted", ch.Counted).val("edges", strArray(nonNil(ch.Edges)))
		chains[i] = b.obj()
	}
	own := &objBuilder{}
	own.val("designated", ast.Boolean(exp.Designated)).val("blocked", ast.Boolean(exp.Blocked)).
		num("percent", exp.Percent).num("look_through", exp.LookThrough).val("chains", objArray(chains))
	b := &objBuilder{}
	b.int("record", v.Record).str("pointer", v.Pointer).str("source", v.Source).str("name", v.Name).
		val("aliases", strArray(nonNil(v.Aliases))).str("country", v.Country).str("country_name", v.CountryName).
		val("identifiers", ids.obj()).val("domains", strArray(nonNil(v.Domains))).val("products", objArray(products)).
		val("owners", objArray(owners)).str("parent", v.Parent).val("contracts", objArray(contracts)).
		val("parties", objArray(parties)).val("matches", objArray(foundValues(matches))).val("ownership", own.obj())
	if len(v.Contracts) > 0 {
		b.val("contract", contracts[0])
	}
	return b.obj()
}
