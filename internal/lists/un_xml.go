package lists

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/provenance"
)

// UN Security Council Consolidated List: official address and file name.
const (
	// UNSourceURL is where the Security Council publishes the list.
	UNSourceURL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
	// UNFileName is the official file name.
	UNFileName = "consolidated.xml"
)

// unRecord is one INDIVIDUAL or ENTITY of the UN list; the two share
// most elements, each kind fills its own alias and address elements.
type unRecord struct {
	First          string      `xml:"FIRST_NAME"`
	Second         string      `xml:"SECOND_NAME"`
	Third          string      `xml:"THIRD_NAME"`
	Fourth         string      `xml:"FOURTH_NAME"`
	ListType       string      `xml:"UN_LIST_TYPE"`
	Reference      string      `xml:"REFERENCE_NUMBER"`
	Comments       string      `xml:"COMMENTS1"`
	OriginalScript string      `xml:"NAME_ORIGINAL_SCRIPT"`
	Nationalities  []string    `xml:"NATIONALITY>VALUE"`
	PersonAliases  []unAlias   `xml:"INDIVIDUAL_ALIAS"`
	EntityAliases  []unAlias   `xml:"ENTITY_ALIAS"`
	PersonAddrs    []unAddress `xml:"INDIVIDUAL_ADDRESS"`
	EntityAddrs    []unAddress `xml:"ENTITY_ADDRESS"`
	Births         []unBirth   `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
	Documents      []unDoc     `xml:"INDIVIDUAL_DOCUMENT"`
}

// unAlias is one INDIVIDUAL_ALIAS or ENTITY_ALIAS.
type unAlias struct {
	Quality string `xml:"QUALITY"`
	Name    string `xml:"ALIAS_NAME"`
}

// unAddress is one INDIVIDUAL_ADDRESS or ENTITY_ADDRESS.
type unAddress struct {
	Street  string `xml:"STREET"`
	City    string `xml:"CITY"`
	State   string `xml:"STATE_PROVINCE"`
	Zip     string `xml:"ZIP_CODE"`
	Country string `xml:"COUNTRY"`
}

// unBirth is one INDIVIDUAL_DATE_OF_BIRTH.
type unBirth struct {
	Type     string `xml:"TYPE_OF_DATE"`
	Date     string `xml:"DATE"`
	Year     string `xml:"YEAR"`
	FromYear string `xml:"FROM_YEAR"`
	ToYear   string `xml:"TO_YEAR"`
}

// unDoc is one INDIVIDUAL_DOCUMENT.
type unDoc struct {
	Type           string `xml:"TYPE_OF_DOCUMENT"`
	Number         string `xml:"NUMBER"`
	IssuingCountry string `xml:"ISSUING_COUNTRY"`
	CountryOfIssue string `xml:"COUNTRY_OF_ISSUE"`
}

// LoadUNXML parses the UN Security Council Consolidated List XML
// (consolidated.xml: root CONSOLIDATED_LIST with INDIVIDUALS/INDIVIDUAL and
// ENTITIES/ENTITY) into a List.
//
// Entry.ID is REFERENCE_NUMBER ("QDi.290"), the permanent reference the
// Security Council committees cite; Name joins FIRST_NAME to FOURTH_NAME
// as the list orders them; Programs holds UN_LIST_TYPE (the sanctions
// regime: "Al-Qaida", "DPRK", ...). NAME_ORIGINAL_SCRIPT becomes an alias
// of type AliasOriginalScript, kept as written. Alias quality "Low"
// becomes "weak", "f.k.a." "fka", the rest "aka". Provenance.Published is
// the root's dateGenerated, which the file must carry; meta.Published is
// ignored. A record without a reference number or a name, a reference
// number listed twice, an unknown date-of-birth type and a file with no
// records are errors naming the element and its line.
func LoadUNXML(s Source, meta provenance.List) (*List, error) {
	data, err := readSanctions(s, &meta)
	if err != nil {
		return nil, err
	}
	l, published, err := parseUNXML(s.Name, data)
	if err != nil {
		return nil, err
	}
	meta.Published = published
	return finish(l, meta, digest(part{UNFileName, data})), nil
}

// parseUNXML parses the bytes of consolidated.xml.
func parseUNXML(name string, data []byte) (*List, time.Time, error) {
	x := newXMLDoc(name, data)
	root, err := x.root("CONSOLIDATED_LIST", "")
	if err != nil {
		return nil, time.Time{}, err
	}
	gen := strings.TrimSpace(attr(root, "dateGenerated"))
	if gen == "" {
		return nil, time.Time{}, x.errf("no dateGenerated attribute (the publication date)")
	}
	published, err := time.Parse(time.RFC3339Nano, gen)
	if err != nil {
		return nil, time.Time{}, x.errf("dateGenerated is not an RFC 3339 date and time")
	}
	l := &List{}
	seen := map[string]string{} // reference number -> element path
	record := func(se xml.StartElement, typ string) error {
		var r unRecord
		if err := x.decode(&r, se); err != nil {
			return err
		}
		e, err := r.entry(typ)
		if err != nil {
			return x.errf("%w", err)
		}
		if first, dup := seen[e.ID]; dup {
			return x.errf("reference number %s listed twice (first at %s)", e.ID, first)
		}
		seen[e.ID] = x.path()
		l.Entries = append(l.Entries, e)
		return nil
	}
	err = x.children(func(se xml.StartElement) error {
		var want, typ string
		switch se.Name.Local {
		case "INDIVIDUALS":
			want, typ = "INDIVIDUAL", "individual"
		case "ENTITIES":
			want, typ = "ENTITY", "entity"
		default:
			return x.skip()
		}
		return x.children(func(se xml.StartElement) error {
			if se.Name.Local != want {
				return x.errf("unexpected element in %ss", strings.ToLower(want))
			}
			return record(se, typ)
		})
	})
	if err != nil {
		return nil, time.Time{}, err
	}
	if err := x.end(); err != nil {
		return nil, time.Time{}, err
	}
	if len(l.Entries) == 0 {
		return nil, time.Time{}, parseErr(name, 0, "no INDIVIDUAL or ENTITY records")
	}
	return l, published.UTC(), nil
}

// unAliasType maps an alias QUALITY to Alias.Type.
func unAliasType(q string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(q)) {
	case "", "good", "a.k.a.", "a.k.a":
		return "aka", nil
	case "low":
		return "weak", nil
	case "f.k.a.", "f.k.a":
		return "fka", nil
	}
	return "", errors.New("unknown alias QUALITY")
}

// entry converts a record of kind typ ("individual" or "entity").
func (r *unRecord) entry(typ string) (Entry, error) {
	id := clean(r.Reference)
	if id == "" {
		return Entry{}, errors.New("no REFERENCE_NUMBER")
	}
	e := Entry{ID: id, Type: typ, Name: joinParts(" ", r.First, r.Second, r.Third, r.Fourth),
		Remarks: strings.TrimSpace(r.Comments)}
	if e.Name == "" {
		return Entry{}, fmt.Errorf("%s has no name", id)
	}
	if p := clean(r.ListType); p != "" {
		e.Programs = []string{p}
	}
	if n := clean(r.OriginalScript); n != "" {
		e.Aliases = addAlias(e, Alias{Name: n, Type: AliasOriginalScript})
	}
	for _, a := range append(r.PersonAliases, r.EntityAliases...) {
		n := clean(a.Name)
		if n == "" {
			continue // the list writes an empty alias element for none
		}
		t, err := unAliasType(a.Quality)
		if err != nil {
			return Entry{}, fmt.Errorf("%s: %w", id, err)
		}
		e.Aliases = addAlias(e, Alias{Name: n, Type: t})
	}
	for _, n := range r.Nationalities {
		if n = clean(n); n != "" {
			e.Nationalities = appendUnique(e.Nationalities, n)
		}
	}
	for _, a := range append(r.PersonAddrs, r.EntityAddrs...) {
		if s := joinParts(", ", a.Street, a.City, a.State, a.Zip, a.Country); s != "" {
			e.Addresses = appendUnique(e.Addresses, s)
		}
	}
	for _, b := range r.Births {
		d, err := b.text()
		if err != nil {
			return Entry{}, fmt.Errorf("%s: %w", id, err)
		}
		if d != "" {
			e.DatesOfBirth = appendUnique(e.DatesOfBirth, d)
		}
	}
	for _, d := range r.Documents {
		num := clean(d.Number)
		if num == "" {
			continue
		}
		t := clean(d.Type)
		if t == "" {
			t = "Document"
		}
		country := clean(d.IssuingCountry)
		if country == "" {
			country = clean(d.CountryOfIssue)
		}
		e.IDs = append(e.IDs, Identifier{Type: t, Number: num, Country: country})
	}
	return e, nil
}

// text writes a date of birth the way OFAC's remarks do: the date
// (YYYY-MM-DD) or year, "circa Y" when approximate, "Y1 to Y2" for a range;
// "" when the element is empty.
func (b unBirth) text() (string, error) {
	d := clean(b.Date)
	if d == "" {
		d = clean(b.Year)
	}
	switch strings.ToUpper(clean(b.Type)) {
	case "", "EXACT":
		return d, nil
	case "APPROXIMATELY":
		if d == "" {
			return "", nil
		}
		return "circa " + d, nil
	case "BETWEEN":
		from, to := clean(b.FromYear), clean(b.ToYear)
		if from == "" || to == "" {
			return d, nil
		}
		return from + " to " + to, nil
	}
	return "", errors.New("unknown TYPE_OF_DATE")
}
