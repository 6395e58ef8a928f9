package lists

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/provenance"
)

// The FCDO's UK Sanctions List: every designation under the Sanctions and
// Anti-Money Laundering Act 2018, and since 2026-01-28 the single UK list
// (OFSI's Consolidated List closed that day).
const (
	// FCDOSourceURL is where the FCDO publishes the list as XML.
	FCDOSourceURL = "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"
	// FCDOFileName is the official file name.
	FCDOFileName = "UK-Sanctions-List.xml"
)

// fcdoDesignation is one Designation of the UK Sanctions List XML.
type fcdoDesignation struct {
	UniqueID    string `xml:"UniqueID"`
	OFSIGroupID string `xml:"OFSIGroupID"`
	UNRef       string `xml:"UNReferenceNumber"`
	Names       []struct {
		Name1    string `xml:"Name1"`
		Name2    string `xml:"Name2"`
		Name3    string `xml:"Name3"`
		Name4    string `xml:"Name4"`
		Name5    string `xml:"Name5"`
		Name6    string `xml:"Name6"`
		Type     string `xml:"NameType"`
		Strength string `xml:"AliasStrength"`
	} `xml:"Names>Name"`
	NonLatin []struct {
		Name     string `xml:"NameNonLatinScript"`
		Language string `xml:"NonLatinScriptLanguage"`
	} `xml:"NonLatinNames>NonLatinName"`
	Regime   string   `xml:"RegimeName"`
	Kind     string   `xml:"IndividualEntityShip"`
	Imposed  string   `xml:"SanctionsImposed"`
	Other    string   `xml:"OtherInformation"`
	Reasons  string   `xml:"UKStatementofReasons"`
	Emails   []string `xml:"EmailAddresses>EmailAddress"`
	Websites []string `xml:"Websites>Website"`
	Addrs    []struct {
		Line1   string `xml:"AddressLine1"`
		Line2   string `xml:"AddressLine2"`
		Line3   string `xml:"AddressLine3"`
		Line4   string `xml:"AddressLine4"`
		Line5   string `xml:"AddressLine5"`
		Line6   string `xml:"AddressLine6"`
		Postal  string `xml:"AddressPostalCode"`
		Country string `xml:"AddressCountry"`
	} `xml:"Addresses>Address"`
	Person struct {
		DOBs          []string `xml:"DOBs>DOB"`
		Nationalities []string `xml:"Nationalities>Nationality"`
		Passports     []string `xml:"PassportDetails>Passport>PassportNumber"`
		NationalIDs   []string `xml:"NationalIdentifierDetails>NationalIdentifier>NationalIdentifierNumber"`
	} `xml:"IndividualDetails>Individual"`
	Entity struct {
		Registrations []string `xml:"BusinessRegistrationNumbers>BusinessRegistrationNumber"`
	} `xml:"EntityDetails>Entity"`
	Ship struct {
		IMO []string `xml:"IMONumbers>IMONumber"`
	} `xml:"ShipDetails>Ship"`
}

// LoadFCDOXML parses the FCDO's UK Sanctions List XML
// (UK-Sanctions-List.xml: root Designations, one Designation per
// designated person, entity or ship) into a List.
//
// Entry.ID is the UniqueID ("AFG0011", the UK Sanctions List reference);
// the OFSI Group ID and the UN reference are kept as IDs. Name is the
// "Primary name" Name1 to Name5 and Name6 joined; "Primary name
// variation" names are aliases of type AliasVariation, "Alias" names
// "aka", or "weak" with AliasStrength "Low quality", and
// NameNonLatinScript an alias of type AliasOriginalScript. Individual,
// Entity and Ship are "individual", "entity" and "vessel". Programs holds
// RegimeName and each measure of SanctionsImposed as "measure:<measure>"
// ("measure:Asset freeze"), so that a policy can tell an asset freeze from,
// say, a ship's port-entry ban. Provenance.Published is the root's
// dateGenerated attribute, else its DateGenerated element (DD/MM/YYYY); a
// file with neither is an error, as are a Designation without UniqueID or
// name, with an unknown kind, or listed twice.
func LoadFCDOXML(s Source, meta provenance.List) (*List, error) {
	data, err := readSanctions(s, &meta)
	if err != nil {
		return nil, err
	}
	x := newXMLDoc(s.Name, data)
	root, err := x.root("Designations", "")
	if err != nil {
		return nil, err
	}
	var published time.Time
	if v := strings.TrimSpace(attr(root, "dateGenerated")); v != "" {
		if published, err = time.Parse(time.RFC3339Nano, v); err != nil {
			return nil, x.errf("dateGenerated is not an RFC 3339 date and time")
		}
	}
	l := &List{}
	seen := map[string]string{}
	err = x.children(func(se xml.StartElement) error {
		switch se.Name.Local {
		case "DateGenerated":
			var v string
			if err := x.decode(&v, se); err != nil {
				return err
			}
			t, err := time.Parse("02/01/2006", strings.TrimSpace(v))
			if err != nil {
				return x.errf("DateGenerated is not DD/MM/YYYY")
			}
			if published.IsZero() {
				published = t
			}
			return nil
		case "Designation":
			var d fcdoDesignation
			if err := x.decode(&d, se); err != nil {
				return err
			}
			e, err := d.entry()
			if err != nil {
				return x.errf("%w", err)
			}
			if first, dup := seen[e.ID]; dup {
				return x.errf("UniqueID %s listed twice (first at %s)", e.ID, first)
			}
			seen[e.ID] = x.path()
			l.Entries = append(l.Entries, e)
			return nil
		}
		return x.skip()
	})
	if err != nil {
		return nil, err
	}
	if err := x.end(); err != nil {
		return nil, err
	}
	if published.IsZero() {
		return nil, parseErr(s.Name, 0, "no dateGenerated attribute or DateGenerated element (the publication date)")
	}
	if len(l.Entries) == 0 {
		return nil, parseErr(s.Name, 0, "no Designation records")
	}
	meta.Published = published.UTC()
	return finish(l, meta, digest(part{FCDOFileName, data})), nil
}

// entry converts a Designation.
func (d *fcdoDesignation) entry() (Entry, error) {
	id := clean(d.UniqueID)
	if id == "" {
		return Entry{}, errors.New("designation has no UniqueID")
	}
	typ, ok := ofsiGroupType(clean(d.Kind))
	if !ok {
		return Entry{}, fmt.Errorf("%s: unknown IndividualEntityShip", id)
	}
	e := Entry{ID: id, Type: typ}
	var others []Alias
	for _, n := range d.Names {
		name := joinParts(" ", n.Name1, n.Name2, n.Name3, n.Name4, n.Name5, n.Name6)
		if name == "" {
			continue
		}
		switch t := strings.ToLower(clean(n.Type)); {
		case t == "primary name" && e.Name == "":
			e.Name = name
		case t == "primary name" || t == "alias":
			at := "aka"
			if strings.HasPrefix(strings.ToLower(clean(n.Strength)), "low") {
				at = "weak"
			}
			others = append(others, Alias{Name: name, Type: at})
		case t == "primary name variation":
			others = append(others, Alias{Name: name, Type: AliasVariation})
		default:
			return Entry{}, fmt.Errorf("%s: unknown NameType", id)
		}
	}
	if e.Name == "" {
		return Entry{}, fmt.Errorf("%s has no primary name", id)
	}
	for _, n := range d.NonLatin {
		if v := clean(n.Name); v != "" {
			e.Aliases = addAlias(e, Alias{Name: v, Type: AliasOriginalScript, Lang: clean(n.Language)})
		}
	}
	for _, a := range others {
		e.Aliases = addAlias(e, a)
	}
	if p := clean(d.Regime); p != "" {
		e.Programs = append(e.Programs, p)
	}
	for _, m := range strings.Split(d.Imposed, "|") {
		if m = clean(m); m != "" {
			e.Programs = appendUnique(e.Programs, "measure:"+m)
		}
	}
	for _, v := range []struct{ typ, num string }{
		{"OFSI Group ID", d.OFSIGroupID}, {"UN reference number", d.UNRef},
	} {
		if n := clean(v.num); n != "" {
			e.IDs = append(e.IDs, Identifier{Type: v.typ, Number: n})
		}
	}
	for _, g := range []struct {
		typ  string
		nums []string
	}{
		{"Passport", d.Person.Passports}, {"National ID No.", d.Person.NationalIDs},
		{"Registration Number", d.Entity.Registrations}, {"IMO", d.Ship.IMO},
	} {
		for _, n := range g.nums {
			if n = clean(n); n != "" && !hasID(e.IDs, g.typ, n) {
				e.IDs = append(e.IDs, Identifier{Type: g.typ, Number: n})
			}
		}
	}
	for _, v := range d.Person.DOBs {
		if v = fcdoDate(clean(v)); v != "" {
			e.DatesOfBirth = appendUnique(e.DatesOfBirth, v)
		}
	}
	for _, v := range d.Person.Nationalities {
		if v = clean(v); v != "" {
			e.Nationalities = appendUnique(e.Nationalities, v)
		}
	}
	for _, a := range d.Addrs {
		if v := joinParts(", ", a.Line1, a.Line2, a.Line3, a.Line4, a.Line5, a.Line6, a.Postal, a.Country); v != "" {
			e.Addresses = appendUnique(e.Addresses, v)
		}
	}
	var ct contacts
	for _, w := range d.Websites {
		ct.website(clean(w))
	}
	for _, m := range d.Emails {
		ct.email(clean(m))
	}
	ct.apply(&e)
	var remarks []string
	for _, r := range []string{d.Other, d.Reasons} {
		if r = strings.TrimSpace(r); r != "" {
			remarks = append(remarks, r)
		}
	}
	e.Remarks = strings.Join(remarks, "; ")
	return e, nil
}

// fcdoDate converts a UK Sanctions List date of birth, DD/MM/YYYY with
// "dd" and "mm" for an unknown day or month, to the form ofsiDate writes.
func fcdoDate(s string) string {
	if len(s) == 10 && s[2] == '/' && s[5] == '/' {
		s = strings.NewReplacer("dd", "00", "mm", "00").Replace(s[:6]) + s[6:]
	}
	return ofsiDate(s)
}
