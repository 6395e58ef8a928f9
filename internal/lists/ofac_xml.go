package lists

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/provenance"
)

// SDN.XML namespaces: the Sanctions List Service one (since 2024) and the
// older one. Documents without a namespace are accepted too.
const (
	sdnXMLNamespace    = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML"
	sdnXMLNamespaceOld = "http://tempuri.org/sdnList.xsd"
)

// maxXMLDepth bounds element nesting; SDN.XML nests five levels deep.
const maxXMLDepth = 32

// xmlPublish is SDN.XML's header; OFAC spells the element publshInformation.
type xmlPublish struct {
	PublishDate string `xml:"Publish_Date"`
	RecordCount string `xml:"Record_Count"`
}

// xmlEntry is one sdnEntry of SDN.XML.
type xmlEntry struct {
	UID       string   `xml:"uid"`
	FirstName string   `xml:"firstName"`
	LastName  string   `xml:"lastName"`
	Title     string   `xml:"title"`
	SDNType   string   `xml:"sdnType"`
	Remarks   string   `xml:"remarks"`
	Programs  []string `xml:"programList>program"`
	IDs       []struct {
		Type    string `xml:"idType"`
		Number  string `xml:"idNumber"`
		Country string `xml:"idCountry"`
	} `xml:"idList>id"`
	AKAs []struct {
		Type      string `xml:"type"`
		Category  string `xml:"category"`
		LastName  string `xml:"lastName"`
		FirstName string `xml:"firstName"`
	} `xml:"akaList>aka"`
	Nationalities []string `xml:"nationalityList>nationality>country"`
	DatesOfBirth  []string `xml:"dateOfBirthList>dateOfBirthItem>dateOfBirth"`
}

// LoadSDNXML parses OFAC's classic SDN.XML (root sdnList, either namespace)
// into a List. Provenance.Published is taken from
// publshInformation/Publish_Date (MM/DD/YYYY) when meta leaves it zero. The
// number of entries must equal Record_Count when the file states one, so a
// truncated download is an error. Document type declarations are refused and
// nesting is bounded, so entity-expansion and deep-nesting inputs fail fast.
func LoadSDNXML(s Source, meta provenance.List) (*List, error) {
	data, err := readSanctions(s, &meta)
	if err != nil {
		return nil, err
	}
	l, published, err := parseSDNXML(s.Name, data)
	if err != nil {
		return nil, err
	}
	if meta.Published.IsZero() {
		meta.Published = published
	}
	return finish(l, meta, digest(part{"sdn.xml", data})), nil
}

// errXMLLimit marks the refusals of depthLimiter.
var errXMLLimit = errors.New("refused")

// depthLimiter is an xml.TokenReader that refuses directives and nesting
// deeper than maxXMLDepth.
type depthLimiter struct {
	d     *xml.Decoder
	depth int
}

// Token implements xml.TokenReader.
func (l *depthLimiter) Token() (xml.Token, error) {
	tok, err := l.d.RawToken()
	if err != nil {
		return tok, err
	}
	switch tok.(type) {
	case xml.StartElement:
		l.depth++
		if l.depth > maxXMLDepth {
			return nil, fmt.Errorf("%w: elements nested deeper than %d", errXMLLimit, maxXMLDepth)
		}
	case xml.EndElement:
		l.depth--
	case xml.Directive:
		return nil, fmt.Errorf("%w: document type declarations are not allowed", errXMLLimit)
	}
	return tok, nil
}

// parseSDNXML parses the bytes of SDN.XML.
func parseSDNXML(name string, data []byte) (*List, time.Time, error) {
	raw := xml.NewDecoder(bytes.NewReader(data))
	d := xml.NewTokenDecoder(&depthLimiter{d: raw})
	line := func() int { l, _ := raw.InputPos(); return l }
	fail := func(err error) (*List, time.Time, error) {
		return nil, time.Time{}, &ParseError{File: name, Line: line(), Err: err}
	}
	// failXML reports an error of the decoder without the element names
	// encoding/xml quotes from the input.
	failXML := func(err error) (*List, time.Time, error) {
		var se *xml.SyntaxError
		switch {
		case errors.As(err, &se):
			return nil, time.Time{}, &ParseError{File: name, Line: se.Line, Err: errors.New("XML syntax error")}
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, errXMLLimit):
			return fail(err)
		}
		return fail(errors.New("malformed XML"))
	}

	// Find the root element.
	var root xml.StartElement
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return fail(errors.New("no root element"))
			}
			return failXML(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			root = se
			break
		}
	}
	if root.Name.Local != "sdnList" {
		return fail(errors.New("root element is not sdnList"))
	}
	switch root.Name.Space {
	case "", sdnXMLNamespace, sdnXMLNamespaceOld:
	default:
		return fail(errors.New("sdnList has an unknown namespace"))
	}

	l := &List{}
	var published time.Time
	recordCount := -1
	seen := make(map[string]bool)
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return fail(errors.New("sdnList is not closed (truncated?)"))
			}
			return failXML(err)
		}
		if _, ok := tok.(xml.EndElement); ok {
			break // the end of sdnList; the decoder checks nesting
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		at := line()
		switch se.Name.Local {
		case "publshInformation":
			var p xmlPublish
			if err := d.DecodeElement(&p, &se); err != nil {
				return failXML(err)
			}
			if v := strings.TrimSpace(p.PublishDate); v != "" {
				t, err := time.Parse("01/02/2006", v)
				if err != nil {
					return nil, time.Time{}, parseErr(name, at, "Publish_Date is not MM/DD/YYYY")
				}
				published = t
			}
			if v := strings.TrimSpace(p.RecordCount); v != "" {
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 {
					return nil, time.Time{}, parseErr(name, at, "Record_Count is not a number")
				}
				recordCount = n
			}
		case "sdnEntry":
			var x xmlEntry
			if err := d.DecodeElement(&x, &se); err != nil {
				return failXML(err)
			}
			e, err := x.entry()
			if err != nil {
				return nil, time.Time{}, &ParseError{File: name, Line: at, Err: err}
			}
			if seen[e.ID] {
				return nil, time.Time{}, parseErr(name, at, "uid %s listed twice", e.ID)
			}
			seen[e.ID] = true
			l.Entries = append(l.Entries, e)
		default:
			if err := d.Skip(); err != nil {
				return failXML(err)
			}
		}
	}
	// Nothing but whitespace, comments or processing instructions may
	// follow the root.
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return failXML(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(t)) != 0 {
				return fail(errors.New("content after the root element"))
			}
		case xml.Comment, xml.ProcInst:
		default:
			return fail(errors.New("content after the root element"))
		}
	}
	if len(l.Entries) == 0 {
		return nil, time.Time{}, parseErr(name, 0, "no sdnEntry elements")
	}
	if recordCount >= 0 && recordCount != len(l.Entries) {
		return nil, time.Time{}, parseErr(name, 0, "Record_Count is %d but the file holds %d entries", recordCount, len(l.Entries))
	}
	return l, published, nil
}

// xmlAKAType maps an aka's type and category to Alias.Type.
func xmlAKAType(typ, category string) (string, error) {
	if strings.EqualFold(strings.TrimSpace(category), "weak") {
		return "weak", nil
	}
	t, ok := altType(strings.TrimSpace(typ))
	if !ok {
		return "", errors.New("unknown aka type")
	}
	return t, nil
}

// xmlName joins SDN.XML name parts the way SDN.CSV writes them:
// "LAST, First" for individuals, the last name alone otherwise.
func xmlName(last, first string) string {
	last, first = strings.TrimSpace(last), strings.TrimSpace(first)
	switch {
	case first == "":
		return last
	case last == "":
		return first
	}
	return last + ", " + first
}

// entry converts an sdnEntry.
func (x *xmlEntry) entry() (Entry, error) {
	id := strings.TrimSpace(x.UID)
	if !isDigits(id) {
		return Entry{}, errors.New("sdnEntry uid is not a number")
	}
	e := Entry{ID: id, Name: xmlName(x.LastName, x.FirstName), Remarks: strings.TrimSpace(x.Remarks)}
	if e.Name == "" {
		return Entry{}, fmt.Errorf("uid %s has no name", id)
	}
	typ, ok := sdnType(strings.TrimSpace(x.SDNType))
	if !ok || strings.TrimSpace(x.SDNType) == "" {
		return Entry{}, fmt.Errorf("uid %s: unknown sdnType", id)
	}
	e.Type = typ
	for _, p := range x.Programs {
		if p = strings.TrimSpace(p); p != "" {
			e.Programs = appendUnique(e.Programs, p)
		}
	}
	for _, a := range x.AKAs {
		t, err := xmlAKAType(a.Type, a.Category)
		if err != nil {
			return Entry{}, fmt.Errorf("uid %s: %w", id, err)
		}
		if n := xmlName(a.LastName, a.FirstName); n != "" {
			e.Aliases = addAlias(e, Alias{Name: n, Type: t})
		}
	}
	for _, i := range x.IDs {
		typ, num := strings.TrimSpace(i.Type), strings.TrimSpace(i.Number)
		switch {
		case num == "":
			continue
		case strings.EqualFold(typ, "Website"):
			var ct contacts
			ct.website(num)
			ct.apply(&e)
		case strings.EqualFold(typ, "Email Address"):
			var ct contacts
			ct.email(num)
			ct.apply(&e)
		default:
			e.IDs = append(e.IDs, Identifier{Type: typ, Number: num, Country: strings.TrimSpace(i.Country)})
		}
	}
	for _, n := range x.Nationalities {
		if n = strings.TrimSpace(n); n != "" {
			e.Nationalities = appendUnique(e.Nationalities, n)
		}
	}
	for _, d := range x.DatesOfBirth {
		if d = strings.TrimSpace(d); d != "" {
			e.DatesOfBirth = appendUnique(e.DatesOfBirth, d)
		}
	}
	if e.Remarks != "" {
		ParseRemarks(e.Remarks).apply(&e)
	}
	return e, nil
}
