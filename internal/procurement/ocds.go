package procurement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	errNotOCDS       = errors.New("not an OCDS release package, record package, release or record")
	errLinkedOnly    = errors.New("record has no compiledRelease and no embedded release (only links, or nothing); publish compiled releases or a release package")
	errDanglingAward = errors.New("contract's awardID matches no award in this release, and the release has not exactly one supplier")
)

// ReadOCDS reads Open Contracting Data Standard JSON, versions 1.0 and 1.1
// (and 1.2's address.country): release packages, record packages (each
// record's compiledRelease, or its embedded releases when it has none), a
// bare release or record, a JSON array of releases, or several of these
// concatenated one after the other.
//
// It yields one Vendor per supplier, tenderer or payee of each release:
// every party with the role supplier, tenderer or payee, every party an
// award names in suppliers or a contract's transaction names as payee (by
// id, OCDS 1.1), and every organisation an award, the tender or a
// transaction names inline (OCDS 1.0 style, deduplicated within the
// release).
// A supplier's Contracts are the release's contracts whose awardID is one
// of its awards (id, value.amount and currency, dateSigned), plus each of
// its awards that has no contract yet (award id, value, date). Its
// Products are the items of those awards and contracts, or the tender's
// items when they list none. Pointers point into the file
// ("/releases/0/parties/2", "/records/1/compiledRelease/parties/0");
// Document numbers the JSON value when the file holds several.
//
// Unknown fields (extensions) are ignored; a field bangate reads that has
// the wrong JSON type is an error naming the release and the key, as is a
// record with neither a compiledRelease nor an embedded release. opts is
// accepted for a uniform reader signature; no option applies to OCDS.
func ReadOCDS(r io.Reader, name string, opts Options) ([]Vendor, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return readOCDS(data, name)
}

func readOCDS(data []byte, name string) ([]Vendor, error) {
	data = bytes.TrimPrefix(data, bomUTF8)
	if !utf8.Valid(data) {
		return nil, inputErr(name, fmt.Sprintf("line %d", invalidUTF8Line(data)), "", errInvalidUTF8)
	}
	var docs []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, jsonSyntaxErr(name, data, err)
		}
		docs = append(docs, raw)
	}
	if len(docs) == 0 {
		return nil, inputErr(name, "", "", errors.New("empty input"))
	}
	if err := checkKeys(data, name, false); err != nil {
		return nil, err
	}
	o := ocdsReader{source: name}
	for i, doc := range docs {
		if len(docs) > 1 {
			o.document = i + 1
		}
		if err := o.document1(doc); err != nil {
			return nil, err
		}
	}
	if len(o.out) == 0 {
		return nil, fmt.Errorf("read %s: %w: no release names a supplier, tenderer or payee", name, ErrNoRecords)
	}
	return o.out, nil
}

// ocdsReader accumulates the vendors of one file.
type ocdsReader struct {
	source   string
	document int
	out      []Vendor
}

func (o *ocdsReader) errAt(loc, field string, err error) error {
	if o.document > 0 {
		loc = strings.TrimSpace(fmt.Sprintf("document %d %s", o.document, loc))
	}
	return inputErr(o.source, loc, field, err)
}

// ocdsTop holds the keys that tell the kinds of OCDS document apart.
type ocdsTop struct {
	OCID            *json.RawMessage  `json:"ocid"`
	Releases        []json.RawMessage `json:"releases"`
	Records         []json.RawMessage `json:"records"`
	CompiledRelease *json.RawMessage  `json:"compiledRelease"`
}

func (o *ocdsReader) document1(doc json.RawMessage) error {
	if firstByte(doc) == '[' {
		var rels []json.RawMessage
		if err := json.Unmarshal(doc, &rels); err != nil {
			return o.errAt("/", "", errNotOCDS)
		}
		for i, r := range rels {
			if err := o.release(r, "/"+strconv.Itoa(i)); err != nil {
				return err
			}
		}
		return nil
	}
	var top ocdsTop
	if err := json.Unmarshal(doc, &top); err != nil {
		return o.errAt("", "", fmt.Errorf("%w: %w", errNotOCDS, typeErr(err)))
	}
	switch {
	case top.Records != nil:
		for i, rec := range top.Records {
			if err := o.record(rec, "/records/"+strconv.Itoa(i)); err != nil {
				return err
			}
		}
	case top.OCID != nil && (top.CompiledRelease != nil || top.Releases != nil):
		return o.record(doc, "")
	case top.Releases != nil:
		for i, r := range top.Releases {
			if err := o.release(r, "/releases/"+strconv.Itoa(i)); err != nil {
				return err
			}
		}
	case top.OCID != nil:
		return o.release(doc, "")
	default:
		return o.errAt("", "", errNotOCDS)
	}
	return nil
}

func (o *ocdsReader) record(raw json.RawMessage, base string) error {
	var rec ocdsTop
	if err := json.Unmarshal(raw, &rec); err != nil {
		return o.errAt(ptrOrRoot(base), "", typeErr(err))
	}
	if rec.CompiledRelease != nil && string(bytes.TrimSpace(*rec.CompiledRelease)) != "null" {
		return o.release(*rec.CompiledRelease, base+"/compiledRelease")
	}
	embedded := 0
	for j, r := range rec.Releases {
		var probe ocdsRelease
		if err := json.Unmarshal(r, &probe); err != nil {
			return o.errAt(base+"/releases/"+strconv.Itoa(j), "", typeErr(err))
		}
		if !probe.hasContent() {
			continue
		}
		embedded++
		if err := o.release(r, base+"/releases/"+strconv.Itoa(j)); err != nil {
			return err
		}
	}
	if embedded == 0 {
		return o.errAt(ptrOrRoot(base), "", errLinkedOnly)
	}
	return nil
}

func ptrOrRoot(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

// typeErr makes a json error say which key had which wrong type.
func typeErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Errorf("%w: got a JSON %s", errWrongType, te.Value)
		}
		return fmt.Errorf("key %s: %w: got a JSON %s", te.Field, errWrongType, te.Value)
	}
	if errors.Is(err, errWrongType) {
		return err
	}
	return errNotOCDS
}

// The OCDS shapes bangate reads. Identifiers and amounts are flexString
// because publishers write them as numbers or strings.
type ocdsRelease struct {
	OCID      flexString     `json:"ocid"`
	ID        flexString     `json:"id"`
	Parties   []ocdsOrg      `json:"parties"`
	Tender    *ocdsTender    `json:"tender"`
	Awards    []ocdsAward    `json:"awards"`
	Contracts []ocdsContract `json:"contracts"`
}

func (r *ocdsRelease) hasContent() bool {
	return r.Parties != nil || r.Tender != nil || r.Awards != nil || r.Contracts != nil
}

type ocdsOrg struct {
	ID                    flexString       `json:"id"`
	Name                  flexString       `json:"name"`
	Identifier            *ocdsIdentifier  `json:"identifier"`
	AdditionalIdentifiers []ocdsIdentifier `json:"additionalIdentifiers"`
	Address               *ocdsAddress     `json:"address"`
	ContactPoint          *ocdsContact     `json:"contactPoint"`
	Roles                 []flexString     `json:"roles"`
	// BeneficialOwners are the natural persons who ultimately own or
	// control the organisation (the beneficial owners extension).
	BeneficialOwners []ocdsOwner `json:"beneficialOwners"`
}

// ocdsOwner is one beneficial owner of an organisation (the OCDS
// beneficial owners extension): a natural person, with no stake given.
type ocdsOwner struct {
	Name flexString `json:"name"`
}

type ocdsIdentifier struct {
	Scheme    flexString `json:"scheme"`
	ID        flexString `json:"id"`
	LegalName flexString `json:"legalName"`
}

type ocdsAddress struct {
	CountryName flexString `json:"countryName"`
	Country     flexString `json:"country"`
}

type ocdsContact struct {
	Name  flexString `json:"name"`
	Email flexString `json:"email"`
	URL   flexString `json:"url"`
}

type ocdsTender struct {
	Items     []ocdsItem `json:"items"`
	Tenderers []ocdsOrg  `json:"tenderers"`
}

type ocdsAward struct {
	ID        flexString `json:"id"`
	Date      flexString `json:"date"`
	Value     *ocdsValue `json:"value"`
	Suppliers []ocdsOrg  `json:"suppliers"`
	Items     []ocdsItem `json:"items"`
}

type ocdsContract struct {
	ID             flexString          `json:"id"`
	AwardID        flexString          `json:"awardID"`
	Value          *ocdsValue          `json:"value"`
	DateSigned     flexString          `json:"dateSigned"`
	Items          []ocdsItem          `json:"items"`
	Implementation *ocdsImplementation `json:"implementation"`
}

// ocdsImplementation is a contract's implementation: its payments, each
// to a payee (OCDS 1.1).
type ocdsImplementation struct {
	Transactions []ocdsTransaction `json:"transactions"`
}

type ocdsTransaction struct {
	Payee *ocdsOrg `json:"payee"`
}

type ocdsValue struct {
	Amount   flexString `json:"amount"`
	Currency flexString `json:"currency"`
}

type ocdsItem struct {
	Description    flexString          `json:"description"`
	Classification *ocdsClassification `json:"classification"`
}

type ocdsClassification struct {
	Scheme      flexString `json:"scheme"`
	ID          flexString `json:"id"`
	Description flexString `json:"description"`
}

func str(f flexString) string { return strings.TrimSpace(string(f)) }

// supplierEntry is one vendor of a release being built.
type supplierEntry struct {
	v       Vendor
	awards  []int // indexes into release awards
	tenders bool  // a tenderer: gets the tender's items when it has no award items
}

func (o *ocdsReader) release(raw json.RawMessage, base string) error {
	var rel ocdsRelease
	if err := json.Unmarshal(raw, &rel); err != nil {
		return o.errAt(ptrOrRoot(base), "", typeErr(err))
	}
	var entries []*supplierEntry
	byParty := map[int]*supplierEntry{}
	partyIdx := map[string]int{}
	for i, p := range rel.Parties {
		if id := str(p.ID); id != "" {
			if _, dup := partyIdx[id]; !dup {
				partyIdx[id] = i
			}
		}
	}
	partyEntry := func(i int) (*supplierEntry, error) {
		if e, ok := byParty[i]; ok {
			return e, nil
		}
		ptr := base + "/parties/" + strconv.Itoa(i)
		v, err := orgVendor(&rel.Parties[i], ptr)
		if err != nil {
			return nil, o.errAt(ptr, "", err)
		}
		e := &supplierEntry{v: v}
		byParty[i] = e
		entries = append(entries, e)
		return e, nil
	}
	for i, p := range rel.Parties {
		// a payee is paid under the contract: a counterparty as much as
		// the supplier it may stand in for
		if hasRole(p.Roles, "supplier") || hasRole(p.Roles, "tenderer") || hasRole(p.Roles, "payee") {
			e, err := partyEntry(i)
			if err != nil {
				return err
			}
			e.tenders = e.tenders || hasRole(p.Roles, "tenderer")
		}
	}
	inline := map[string]*supplierEntry{}
	inlineEntry := func(org *ocdsOrg, ptr string) (*supplierEntry, error) {
		if id := str(org.ID); id != "" {
			if i, ok := partyIdx[id]; ok {
				return partyEntry(i)
			}
		}
		key := orgKey(org)
		if e, ok := inline[key]; ok {
			return e, nil
		}
		v, err := orgVendor(org, ptr)
		if err != nil {
			return nil, o.errAt(ptr, "", err)
		}
		e := &supplierEntry{v: v}
		inline[key] = e
		entries = append(entries, e)
		return e, nil
	}
	awardIdx := map[string]int{}
	for ai := range rel.Awards {
		a := &rel.Awards[ai]
		if id := str(a.ID); id != "" {
			if _, dup := awardIdx[id]; !dup {
				awardIdx[id] = ai
			}
		}
		for si := range a.Suppliers {
			e, err := inlineEntry(&a.Suppliers[si], fmt.Sprintf("%s/awards/%d/suppliers/%d", base, ai, si))
			if err != nil {
				return err
			}
			e.awards = append(e.awards, ai)
		}
	}
	if rel.Tender != nil {
		for ti := range rel.Tender.Tenderers {
			e, err := inlineEntry(&rel.Tender.Tenderers[ti], fmt.Sprintf("%s/tender/tenderers/%d", base, ti))
			if err != nil {
				return err
			}
			e.tenders = true
		}
	}
	for ci := range rel.Contracts {
		impl := rel.Contracts[ci].Implementation
		if impl == nil {
			continue
		}
		for ti := range impl.Transactions {
			if payee := impl.Transactions[ti].Payee; payee != nil {
				e, err := inlineEntry(payee, fmt.Sprintf("%s/contracts/%d/implementation/transactions/%d/payee", base, ci, ti))
				if err != nil {
					return err
				}
				// paid under the contract: its award's contracts and items
				if ai, ok := awardIdx[str(rel.Contracts[ci].AwardID)]; ok && !slices.Contains(e.awards, ai) {
					e.awards = append(e.awards, ai)
				}
			}
		}
	}
	// Link contracts to awards.
	contractsOf := make(map[int][]int, len(rel.Awards)) // award → contracts
	var orphan []int
	for ci := range rel.Contracts {
		ai, ok := awardIdx[str(rel.Contracts[ci].AwardID)]
		if !ok {
			orphan = append(orphan, ci)
			continue
		}
		contractsOf[ai] = append(contractsOf[ai], ci)
	}
	if len(orphan) > 0 {
		var only *supplierEntry
		n := 0
		for i, p := range rel.Parties {
			if hasRole(p.Roles, "supplier") {
				only, n = byParty[i], n+1
			}
		}
		if n != 1 {
			return o.errAt(fmt.Sprintf("%s/contracts/%d", base, orphan[0]), "key awardID", errDanglingAward)
		}
		only.awards = append(only.awards, -1)
		contractsOf[-1] = orphan
	}
	subcontractors(&rel, base, entries)
	for _, e := range entries {
		if err := o.fill(e, &rel, base, contractsOf); err != nil {
			return err
		}
		e.v.Record = len(o.out) + 1
		e.v.Source = o.source
		e.v.Document = o.document
		o.out = append(o.out, e.v)
	}
	return nil
}

// subcontractors gives the vendors of a release each party whose roles
// include subcontractor (and that is not a vendor of the release itself),
// with the party's own pointer: OCDS does not say whose subcontractor it
// is, so it is named for every vendor with an award (the suppliers, who
// subcontract), or for every vendor when none has one yet (tenderers).
func subcontractors(rel *ocdsRelease, base string, entries []*supplierEntry) {
	awarded := make([]*supplierEntry, 0, len(entries))
	for _, e := range entries {
		if len(e.awards) > 0 {
			awarded = append(awarded, e)
		}
	}
	if len(awarded) == 0 {
		awarded = entries
	}
	for i := range rel.Parties {
		p := &rel.Parties[i]
		if !hasRole(p.Roles, "subcontractor") || hasRole(p.Roles, "supplier") || hasRole(p.Roles, "tenderer") || hasRole(p.Roles, "payee") {
			continue
		}
		name, ptr := str(p.Name), fmt.Sprintf("%s/parties/%d/name", base, i)
		if name == "" && p.Identifier != nil {
			name, ptr = str(p.Identifier.LegalName), fmt.Sprintf("%s/parties/%d/identifier/legalName", base, i)
		}
		if name == "" {
			continue
		}
		for _, e := range awarded {
			e.v.Fields["parties."+strconv.Itoa(len(e.v.Parties))] = ptr
			e.v.Parties = append(e.v.Parties, Party{Role: RoleSubcontractor, Name: name})
		}
	}
}

// fill adds an entry's contracts and products.
func (o *ocdsReader) fill(e *supplierEntry, rel *ocdsRelease, base string, contractsOf map[int][]int) error {
	v := &e.v
	addItems := func(items []ocdsItem, ptr string) {
		for ii := range items {
			it := &items[ii]
			p := Product{Name: str(it.Description)}
			if c := it.Classification; c != nil {
				p.Category, p.Code, p.Scheme = str(c.Description), str(c.ID), str(c.Scheme)
			}
			if p == (Product{}) || slices.Contains(v.Products, p) {
				continue
			}
			v.Fields["products."+strconv.Itoa(len(v.Products))] = ptr + "/items/" + strconv.Itoa(ii)
			v.Products = append(v.Products, p)
		}
	}
	seenAward := map[int]bool{}
	for _, ai := range e.awards {
		if seenAward[ai] {
			continue
		}
		seenAward[ai] = true
		var aw *ocdsAward
		if ai >= 0 {
			aw = &rel.Awards[ai]
		}
		cis := contractsOf[ai]
		for _, ci := range cis {
			c := &rel.Contracts[ci]
			ptr := fmt.Sprintf("%s/contracts/%d", base, ci)
			k, err := contractOf(c.ID, c.AwardID, c.Value, c.DateSigned)
			if err != nil {
				return o.errAt(ptr, err.col, err.err)
			}
			v.Fields["contracts."+strconv.Itoa(len(v.Contracts))] = ptr
			v.Contracts = append(v.Contracts, k)
			addItems(c.Items, ptr)
		}
		if aw == nil {
			continue
		}
		ptr := fmt.Sprintf("%s/awards/%d", base, ai)
		if len(cis) == 0 {
			k, err := contractOf("", aw.ID, aw.Value, aw.Date)
			if err != nil {
				return o.errAt(ptr, err.col, err.err)
			}
			v.Fields["contracts."+strconv.Itoa(len(v.Contracts))] = ptr
			v.Contracts = append(v.Contracts, k)
		}
		addItems(aw.Items, ptr)
	}
	if len(v.Products) == 0 && rel.Tender != nil && (e.tenders || len(e.awards) > 0) {
		addItems(rel.Tender.Items, base+"/tender")
	}
	return nil
}

func contractOf(id, awardID flexString, val *ocdsValue, date flexString) (Contract, *colErr) {
	c := Contract{ID: str(id), AwardID: str(awardID)}
	if val != nil {
		amt, err := parseAmount(str(val.Amount))
		if err != nil {
			return c, &colErr{"key value/amount", err}
		}
		c.Amount, c.Currency = amt, strings.ToUpper(str(val.Currency))
	}
	d, err := parseDate(str(date))
	if err != nil {
		return c, &colErr{"key date", err}
	}
	c.Date = d
	return c, nil
}

func hasRole(roles []flexString, want string) bool {
	for _, r := range roles {
		if strings.EqualFold(str(r), want) {
			return true
		}
	}
	return false
}

// orgKey identifies an inline organisation within a release.
func orgKey(org *ocdsOrg) string {
	if id := str(org.ID); id != "" {
		return "id\x00" + id
	}
	if org.Identifier != nil && str(org.Identifier.ID) != "" {
		return "ident\x00" + str(org.Identifier.Scheme) + "\x00" + str(org.Identifier.ID)
	}
	return "name\x00" + strings.ToLower(str(org.Name))
}

// orgVendor maps an OCDS organisation to a Vendor without record numbers.
func orgVendor(org *ocdsOrg, ptr string) (Vendor, error) {
	v := Vendor{Pointer: ptr, Fields: map[string]string{}}
	v.Name = str(org.Name)
	if v.Name != "" {
		v.Fields["name"] = ptr + "/name"
	}
	idents := make([]*ocdsIdentifier, 0, 1+len(org.AdditionalIdentifiers))
	identPtrs := make([]string, 0, cap(idents))
	if org.Identifier != nil {
		idents = append(idents, org.Identifier)
		identPtrs = append(identPtrs, ptr+"/identifier")
	}
	for i := range org.AdditionalIdentifiers {
		idents = append(idents, &org.AdditionalIdentifiers[i])
		identPtrs = append(identPtrs, fmt.Sprintf("%s/additionalIdentifiers/%d", ptr, i))
	}
	for i, id := range idents {
		if ln := str(id.LegalName); ln != "" {
			if v.Name == "" {
				v.Name = ln
				v.Fields["name"] = identPtrs[i] + "/legalName"
			} else {
				before := len(v.Aliases)
				v.Aliases = appendUnique(v.Aliases, ln, v.Name)
				if len(v.Aliases) > before {
					v.Fields["aliases."+strconv.Itoa(before)] = identPtrs[i] + "/legalName"
				}
			}
		}
		if val := str(id.ID); val != "" {
			if path := setScheme(&v.Identifiers, str(id.Scheme), val); path != "" {
				v.Fields[path] = identPtrs[i] + "/id"
			}
		}
	}
	if a := org.Address; a != nil {
		if c := str(a.Country); c != "" {
			if code := isoCountry(c); code != "" {
				v.Country = code
				v.Fields["country"] = ptr + "/address/country"
			}
		}
		if n := str(a.CountryName); n != "" {
			code, name := parseCountry(n)
			if v.Country == "" && code != "" {
				v.Country = code
				v.Fields["country"] = ptr + "/address/countryName"
			}
			if name != "" || code == "" {
				v.CountryName = n
				v.Fields["country_name"] = ptr + "/address/countryName"
			}
		}
	}
	for i := range org.BeneficialOwners {
		// the extension gives no stake: whether the owner's share blocks
		// the organisation under the 50 Percent Rule cannot be told, so
		// the owner is a party of the record, screened as an owner
		if n := str(org.BeneficialOwners[i].Name); n != "" {
			v.Fields["parties."+strconv.Itoa(len(v.Parties))] = fmt.Sprintf("%s/beneficialOwners/%d/name", ptr, i)
			v.Parties = append(v.Parties, Party{Role: RoleBeneficialOwner, Name: n})
		}
	}
	if cp := org.ContactPoint; cp != nil {
		if n := str(cp.Name); n != "" {
			v.Contacts = []string{n}
			v.Fields["contacts.0"] = ptr + "/contactPoint/name"
		}
		for _, f := range [...]struct {
			val flexString
			key string
		}{{cp.URL, "url"}, {cp.Email, "email"}} {
			d, err := domainOf(str(f.val))
			if err != nil {
				return v, fmt.Errorf("key contactPoint/%s: %w", f.key, err)
			}
			before := len(v.Domains)
			v.Domains = appendUnique(v.Domains, d, "")
			if len(v.Domains) > before {
				v.Fields["domains."+strconv.Itoa(before)] = ptr + "/contactPoint/" + f.key
			}
			if d != "" {
				before = len(v.Links)
				v.Links = appendUnique(v.Links, str(f.val), "")
				if len(v.Links) > before {
					v.Fields["links."+strconv.Itoa(before)] = ptr + "/contactPoint/" + f.key
				}
			}
		}
	}
	return v, nil
}

// setScheme stores an identifier by its org-id.guide scheme and returns
// its key in Vendor.Fields: XI-LEI → LEI; a scheme naming DUNS, UEI or
// CAGE → that field; US-EIN → TaxID; any other → Other[scheme]
// ("unspecified" when the publisher gave no scheme). The first identifier
// of a kind is kept; a later one of the same kind is not stored and the
// returned key is empty.
func setScheme(ids *Identifiers, scheme, val string) string {
	up := strings.ToUpper(scheme)
	var dst *string
	var path string
	switch {
	case up == "XI-LEI" || up == "LEI":
		dst, path = &ids.LEI, "identifiers.lei"
	case strings.Contains(up, "DUNS"):
		dst, path = &ids.DUNS, "identifiers.duns"
	case strings.Contains(up, "UEI"):
		dst, path = &ids.UEI, "identifiers.uei"
	case strings.Contains(up, "CAGE"):
		dst, path = &ids.CAGE, "identifiers.cage"
	case up == "US-EIN":
		dst, path = &ids.TaxID, "identifiers.tax_id"
	}
	if dst != nil {
		if *dst != "" {
			return ""
		}
		*dst = val
		return path
	}
	if scheme == "" {
		scheme = "unspecified"
	}
	if _, taken := ids.Other[scheme]; taken {
		return ""
	}
	if ids.Other == nil {
		ids.Other = map[string]string{}
	}
	ids.Other[scheme] = val
	return "identifiers.other." + scheme
}
