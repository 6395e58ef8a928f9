package lists

import (
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/provenance"
)

// EU Financial Sanctions Files (FSF): the consolidated list of persons,
// groups and entities subject to EU financial sanctions, XML 1.1.
const (
	// EUSourceURL is the Commission's download address of the full list
	// (the token is the public one the FSF web page links to).
	EUSourceURL = "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"
	// EUFileName is the name bangate gives the file: the FSF file
	// identifier in the download path with its extension (the server
	// names each download after its date), so a mirror serves it under
	// a stable name.
	EUFileName = "xmlFullSanctionsList_1_1.xml"
	// euNamespace is the namespace of the FSF XML export.
	euNamespace = "http://eu.europa.ec/fpi/fsd/export"
)

// euEntity is one sanctionEntity of the FSF XML.
type euEntity struct {
	LogicalID   string   `xml:"logicalId,attr"`
	EURef       string   `xml:"euReferenceNumber,attr"`
	UNID        string   `xml:"unitedNationId,attr"`
	Remarks     []string `xml:"remark"`
	Regulations []struct {
		NumberTitle string `xml:"numberTitle,attr"`
		Programme   string `xml:"programme,attr"`
	} `xml:"regulation"`
	SubjectType struct {
		Code string `xml:"code,attr"`
	} `xml:"subjectType"`
	Names []struct {
		First    string `xml:"firstName,attr"`
		Middle   string `xml:"middleName,attr"`
		Last     string `xml:"lastName,attr"`
		Whole    string `xml:"wholeName,attr"`
		Language string `xml:"nameLanguage,attr"`
		Strong   string `xml:"strong,attr"`
		ID       string `xml:"logicalId,attr"`
	} `xml:"nameAlias"`
	Citizenships []struct {
		Country string `xml:"countryDescription,attr"`
		ISO2    string `xml:"countryIso2Code,attr"`
	} `xml:"citizenship"`
	Births []struct {
		Date  string `xml:"birthdate,attr"`
		Year  string `xml:"year,attr"`
		Circa string `xml:"circa,attr"`
	} `xml:"birthdate"`
	IDs []struct {
		Number      string `xml:"number,attr"`
		TypeCode    string `xml:"identificationTypeCode,attr"`
		Description string `xml:"identificationTypeDescription,attr"`
		ISO2        string `xml:"countryIso2Code,attr"`
	} `xml:"identification"`
	Addresses []struct {
		Street  string `xml:"street,attr"`
		POBox   string `xml:"poBox,attr"`
		City    string `xml:"city,attr"`
		Zip     string `xml:"zipCode,attr"`
		Region  string `xml:"region,attr"`
		Place   string `xml:"place,attr"`
		Country string `xml:"countryDescription,attr"`
	} `xml:"address"`
}

// LoadEUXML parses the EU Financial Sanctions Files XML 1.1 (root export
// in namespace http://eu.europa.ec/fpi/fsd/export, one sanctionEntity per
// listed person or enterprise) into a List.
//
// Entry.ID is the entity's logicalId; its euReferenceNumber ("EU.27.28")
// and unitedNationId (the UN reference of a UN listing) are kept as IDs.
// The FSF marks no name as primary: Name is the strong name in no stated
// language or in English that has name parts, else such a whole name,
// else any strong name, else any name; among equals the one with the
// lowest logicalId (the earliest recorded). Every other nameAlias is an alias
// carrying its nameLanguage in Alias.Lang ("weak" when strong is false).
// Programs holds each regulation's programme code ("RUS", "IRQ") and the
// regulation itself as "regulation:<numberTitle>". subjectType person is
// "individual", enterprise "entity". Provenance.Published is the root's
// generationDate, which the file must carry. A sanctionEntity without a
// logicalId or a name, with an unknown subject type or listed twice, and a
// file without records, are errors naming the element and its line.
func LoadEUXML(s Source, meta provenance.List) (*List, error) {
	data, err := readSanctions(s, &meta)
	if err != nil {
		return nil, err
	}
	x := newXMLDoc(s.Name, data)
	root, err := x.root("export", euNamespace, "")
	if err != nil {
		return nil, err
	}
	gen := strings.TrimSpace(attr(root, "generationDate"))
	if gen == "" {
		return nil, x.errf("no generationDate attribute (the publication date)")
	}
	published, err := time.Parse(time.RFC3339Nano, gen)
	if err != nil {
		return nil, x.errf("generationDate is not an RFC 3339 date and time")
	}
	l := &List{}
	seen := map[string]string{}
	err = x.children(func(se xml.StartElement) error {
		if se.Name.Local != "sanctionEntity" {
			return x.skip()
		}
		var r euEntity
		if err := x.decode(&r, se); err != nil {
			return err
		}
		e, err := r.entry()
		if err != nil {
			return x.errf("%w", err)
		}
		if first, dup := seen[e.ID]; dup {
			return x.errf("logicalId %s listed twice (first at %s)", e.ID, first)
		}
		seen[e.ID] = x.path()
		l.Entries = append(l.Entries, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := x.end(); err != nil {
		return nil, err
	}
	if len(l.Entries) == 0 {
		return nil, parseErr(s.Name, 0, "no sanctionEntity records")
	}
	meta.Published = published.UTC()
	return finish(l, meta, digest(part{EUFileName, data})), nil
}

// euSubjectType maps subjectType/@code to Entry.Type.
func euSubjectType(code string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(code)) {
	case "person":
		return "individual", true
	case "enterprise":
		return "entity", true
	}
	return "", false
}

// entry converts a sanctionEntity.
func (r *euEntity) entry() (Entry, error) {
	id := clean(r.LogicalID)
	if id == "" {
		return Entry{}, errors.New("sanctionEntity has no logicalId")
	}
	typ, ok := euSubjectType(r.SubjectType.Code)
	if !ok {
		return Entry{}, fmt.Errorf("logicalId %s: unknown subjectType code", id)
	}
	e := Entry{ID: id, Type: typ}
	// The primary name: see LoadEUXML.
	primary, rank, nameID := -1, 4, int64(math.MaxInt64)
	for i, n := range r.Names {
		lang := strings.ToUpper(clean(n.Language))
		strong := !strings.EqualFold(clean(n.Strong), "false")
		parts := clean(n.First) != "" || clean(n.Last) != ""
		whole := euWholeName(n.Whole, n.First, n.Middle, n.Last) != ""
		rk := 3
		switch {
		case !whole:
			continue
		case strong && (lang == "" || lang == "EN") && parts:
			rk = 0
		case strong && (lang == "" || lang == "EN"):
			rk = 1
		case strong:
			rk = 2
		}
		nid, err := strconv.ParseInt(clean(n.ID), 10, 64)
		if err != nil {
			nid = math.MaxInt64
		}
		if rk < rank || rk == rank && nid < nameID {
			primary, rank, nameID = i, rk, nid
		}
	}
	if primary < 0 {
		return Entry{}, fmt.Errorf("logicalId %s has no name", id)
	}
	p := r.Names[primary]
	e.Name = euWholeName(p.Whole, p.First, p.Middle, p.Last)
	for i, n := range r.Names {
		name := euWholeName(n.Whole, n.First, n.Middle, n.Last)
		if i == primary || name == "" {
			continue
		}
		t := "aka"
		if strings.EqualFold(clean(n.Strong), "false") {
			t = "weak"
		}
		e.Aliases = addAlias(e, Alias{Name: name, Type: t, Lang: strings.ToUpper(clean(n.Language))})
	}
	for _, g := range r.Regulations {
		if p := clean(g.Programme); p != "" {
			e.Programs = appendUnique(e.Programs, p)
		}
	}
	for _, g := range r.Regulations {
		if t := clean(g.NumberTitle); t != "" {
			e.Programs = appendUnique(e.Programs, "regulation:"+t)
		}
	}
	if v := clean(r.EURef); v != "" {
		e.IDs = append(e.IDs, Identifier{Type: "EU reference number", Number: v})
	}
	if v := clean(r.UNID); v != "" {
		e.IDs = append(e.IDs, Identifier{Type: "UN reference number", Number: v})
	}
	for _, c := range r.Citizenships {
		if v := clean(c.Country); v != "" && !strings.EqualFold(v, "UNKNOWN") {
			e.Nationalities = appendUnique(e.Nationalities, v)
		}
	}
	for _, b := range r.Births {
		d := clean(b.Date)
		if d == "" {
			d = clean(b.Year)
		}
		if d == "" {
			continue
		}
		if strings.EqualFold(clean(b.Circa), "true") {
			d = "circa " + d
		}
		e.DatesOfBirth = appendUnique(e.DatesOfBirth, d)
	}
	for _, d := range r.IDs {
		num := clean(d.Number)
		if num == "" {
			continue
		}
		t := clean(d.Description)
		if t == "" {
			t = clean(d.TypeCode)
		}
		if t == "" {
			t = "Document"
		}
		e.IDs = append(e.IDs, Identifier{Type: t, Number: num, Country: clean(d.ISO2)})
	}
	for _, a := range r.Addresses {
		country := clean(a.Country)
		if strings.EqualFold(country, "UNKNOWN") {
			country = ""
		}
		if s := joinParts(", ", a.Street, a.POBox, a.City, a.Zip, a.Region, a.Place, country); s != "" {
			e.Addresses = appendUnique(e.Addresses, s)
		}
	}
	var remarks []string
	for _, m := range r.Remarks {
		if m = strings.TrimSpace(m); m != "" {
			remarks = append(remarks, m)
		}
	}
	e.Remarks = strings.Join(remarks, "; ")
	return e, nil
}

// euWholeName is a nameAlias's wholeName, or its parts joined when the
// whole name is empty.
func euWholeName(whole, first, middle, last string) string {
	if w := clean(whole); w != "" {
		return w
	}
	return joinParts(" ", first, middle, last)
}
