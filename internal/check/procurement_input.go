package check

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/procurement"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/textnorm"
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
	sc := newScreener(scr, s.SharedDomains(), false)
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
		var items []screenedSignal
		screenSig := func(sig attribute.Signal, party int) error {
			found, err := sc.signal(sig)
			if err != nil {
				return err
			}
			items = append(items, screenedSignal{sig: sig, party: party, found: found})
			return nil
		}
		for j, p := range parties {
			for _, sig := range partySignals(p) {
				if err := screenSig(sig, j); err != nil {
					return nil, decision.Coverage{}, nil, err
				}
			}
		}
		for _, sig := range recordSignals(v) {
			if err := screenSig(sig, -1); err != nil {
				return nil, decision.Coverage{}, nil, err
			}
		}
		productMatches := make([][]Found, len(v.Products))
		for k := range v.Products {
			for _, sig := range productSignals(v, k) {
				found, err := sc.signal(sig)
				if err != nil {
					return nil, decision.Coverage{}, nil, err
				}
				productMatches[k] = append(productMatches[k], found...)
			}
		}
		corroborate(items, sc.sharedAddress, func(f *Found, it *screenedSignal) []string {
			return recordEvidence(v, parties, f, it)
		})
		partyFound := make([][]Found, len(parties))
		var recordMatches []Found
		any := false
		for _, it := range items {
			any = any || len(it.found) > 0
			if it.party >= 0 {
				partyFound[it.party] = append(partyFound[it.party], it.found...)
			} else {
				recordMatches = append(recordMatches, it.found...)
			}
		}
		for _, pm := range productMatches {
			any = any || len(pm) > 0
		}
		pv := make([]ast.Object, 0, len(parties))
		for j, p := range parties {
			pv = append(pv, partyValue(p, partyFound[j]))
		}
		if v.Name != "" {
			cov.WithNamedParty++
			cov.Attributed++
		} else {
			cov.Unattributed++
		}
		exp := exposure[procurement.Key(v.Name)]
		if !any && !s.allComponents() && !exposed(exp) && !foreign(v) {
			continue // the input diet: nothing for a policy to decide
		}
		objs = append(objs, vendorValue(v, pv, recordMatches, productMatches, exp))
	}
	cov.PartiesScreened = sc.distinctNames()
	covObj := &objBuilder{}
	covObj.val("nothing_checked", ast.Boolean(len(vs) == 0)).int("components", 0).int("vendors", len(vs)).int("attributed", cov.Attributed).
		int("with_named_party", cov.WithNamedParty).int("with_purl_namespace", 0).
		int("unattributed_count", cov.Unattributed).val("unattributed", ast.NewArray()).int("max_listed", s.plan.MaxListed)
	source := &objBuilder{}
	source.str("path", src.path).str("format", src.format).str("spec_version", "").str("sha256", src.sha256)
	in := &objBuilder{}
	in.str("kind", "procurement").str("as_of", s.plan.AsOf.UTC().Format(time.RFC3339)).str("profile", s.plan.Profile).
		val("source", source.obj()).val("subject", (&objBuilder{}).val("parties", ast.NewArray()).obj()).
		val("components", ast.NewArray()).val("vendors", objArray(objs)).val("lists", s.listsValue(scr)).
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
	for i, p := range v.Parties {
		kind, role := "", p.Role
		switch p.Role {
		case procurement.RoleOEM, procurement.RoleUltimateParent:
			kind = sbom.KindOrganization
		case procurement.RoleBeneficialOwner:
			// a natural person owning or controlling the vendor, stake
			// not given: an owner, whom the 50 Percent Rule and FAQ 398
			// concern, never a name to drop
			kind, role = sbom.KindPerson, roleOwner
		case procurement.RoleShareholder:
			role = roleOwner
		}
		add(role, kind, p.Name, "parties."+strconv.Itoa(i))
	}
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

// recordSignals are the signals of a record besides its parties' names:
// each e-mail or web address it gives (the whole address, so that one on a
// shared provider matches only exactly), each domain given without an
// address, and each registration number.
func recordSignals(v *procurement.Vendor) []attribute.Signal {
	var out []attribute.Signal
	linked := map[string]bool{}
	for j, l := range v.Links {
		ptr := fieldPointer(v, "links."+strconv.Itoa(j))
		if strings.Contains(l, "@") && !strings.Contains(l, "/") {
			if a, err := textnorm.Email(l); err == nil {
				out = append(out, attribute.Signal{Source: attribute.SourceEmail, Type: attribute.ValueEmail, Value: a, Pointer: ptr})
				linked[a[strings.LastIndexByte(a, '@')+1:]] = true
				continue
			}
		}
		if h, path, err := textnorm.WebAddress(l); err == nil {
			out = append(out, attribute.Signal{Source: attribute.SourceURL, Type: attribute.ValueURL, Value: h + path, Pointer: ptr})
			linked[h] = true
		}
	}
	for j, d := range v.Domains {
		if !linked[d] {
			out = append(out, attribute.Signal{Source: attribute.SourceURL, Type: attribute.ValueDomain,
				Value: attribute.Domain(d), Pointer: fieldPointer(v, "domains."+strconv.Itoa(j))})
		}
	}
	ids := v.Identifiers
	for _, id := range []struct{ key, value string }{
		{"uei", ids.UEI}, {"cage", ids.CAGE}, {"duns", ids.DUNS}, {"lei", ids.LEI}, {"tax_id", ids.TaxID},
	} {
		if strings.TrimSpace(id.value) != "" {
			out = append(out, attribute.Signal{Source: attribute.SourceIdentifier, Type: attribute.ValueID, Value: id.value,
				Pointer: fieldPointer(v, "identifiers."+id.key)})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(ids.Other)) {
		out = append(out, attribute.Signal{Source: attribute.SourceIdentifier, Type: attribute.ValueID, Value: ids.Other[k],
			Pointer: fieldPointer(v, "identifiers.other."+k)})
	}
	return out
}

// productSignals are the texts of product k screened against the ban
// lists' names and brand words ("Kaspersky Endpoint Security licence
// renewal"): its name and category.
func productSignals(v *procurement.Vendor, k int) []attribute.Signal {
	p := v.Products[k]
	var out []attribute.Signal
	for _, t := range []struct{ field, text string }{{"name", p.Name}, {"category", p.Category}} {
		if strings.TrimSpace(t.text) != "" {
			out = append(out, attribute.Signal{Source: sourceProduct, Type: attribute.ValueName, Value: t.text,
				Kind: sbom.KindOrganization, Pointer: fieldPointer(v, "products."+strconv.Itoa(k)+"."+t.field)})
		}
	}
	return out
}

// sourceProduct is the signal source of a product's name or category.
const sourceProduct = "product"

// counterpartyRoles are the roles of a record's parties that the buyer
// deals with directly: a name match of one of them is corroborated by the
// deal itself.
var counterpartyRoles = map[string]bool{
	roleVendor: true, roleAlias: true, procurement.RoleSupplier: true, procurement.RoleReseller: true,
	procurement.RoleDistributor: true,
}

// recordEvidence is what a procurement record adds to corroborate a name
// match: the party being a counterparty of the deal, and the record's
// country agreeing with the listed nationality or address.
func recordEvidence(v *procurement.Vendor, parties []sbom.Party, f *Found, it *screenedSignal) []string {
	var out []string
	if it.party >= 0 && counterpartyRoles[parties[it.party].Role] {
		out = append(out, fmt.Sprintf("%s of the record: a counterparty of the deal", parties[it.party].Role))
	}
	if c := countryAgrees(v.Country, v.CountryName, f); c != "" {
		out = append(out, c)
	}
	return out
}

// countryAgrees returns a text when the record's country is one the entry
// gives as a nationality or address country, "" otherwise.
func countryAgrees(code, name string, f *Found) string {
	names := map[string]bool{}
	if code != "" {
		if r, err := language.ParseRegion(code); err == nil {
			names[strings.ToLower(display.English.Regions().Name(r))] = true
		}
		names[strings.ToLower(code)] = true
	}
	if name != "" {
		names[strings.ToLower(strings.TrimSpace(name))] = true
	}
	if len(names) == 0 {
		return ""
	}
	for _, n := range f.Nationalities {
		if names[strings.ToLower(strings.TrimSpace(n))] {
			return fmt.Sprintf("the record's country %s is the entry's nationality", n)
		}
	}
	for _, a := range f.AddressCountries {
		if names[strings.ToLower(a)] {
			return fmt.Sprintf("the record's country %s is the entry's address country", a)
		}
	}
	return ""
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

func vendorValue(v *procurement.Vendor, parties []ast.Object, matches []Found, productMatches [][]Found, exp procurement.Exposure) ast.Object {
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
			str("pointer", fieldPointer(v, "products."+strconv.Itoa(i))).
			val("matches", objArray(foundValues(productMatches[i])))
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
