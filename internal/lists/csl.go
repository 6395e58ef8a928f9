package lists

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bangate/bangate/internal/provenance"
)

// The two CSV layouts of the trade.gov Consolidated Screening List: the
// current one leads with _id (29 columns), the 2019 one has no _id (28).
var (
	cslHeader29 = []string{"_id", "source", "entity_number", "type", "programs", "name", "title",
		"addresses", "federal_register_notice", "start_date", "end_date", "standard_order",
		"license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
		"gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
		"alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
		"source_information_url", "ids"}
	cslHeader28 = cslHeader29[1:]
)

// cslRecord is one CSL row in the fields bangate keeps, from either format.
type cslRecord struct {
	id, source, entityNumber, typ, name, remarks string
	programs, altNames, nationalities, dates     []string
	ids                                          []Identifier
	domains, emails, websites                    []string
}

// LoadCSLCSV parses the trade.gov Consolidated Screening List CSV
// (consolidated.csv) in either layout, told apart by the header: the
// current 29 columns with _id, or the older 28 without.
//
// Entry.ID is _id, else entity_number (the OFAC ent_num), else for old rows
// of non-OFAC lists "csl-" and the first 16 hex digits of the sha256 of the
// source and name. The source list is kept as a program tag
// "source:<CODE>", CODE being the abbreviation the source name gives in
// parentheses ("source:EL" for "Entity List (EL) - Bureau of Industry and
// Security"). Type is "" where the list does not say (BIS and State rows).
func LoadCSLCSV(s Source, meta provenance.List) (*List, error) {
	if meta.ID == "" {
		return nil, errNoID
	}
	data, err := readSource(s)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	header, err := r.Read()
	if err != nil {
		return nil, csvErr(s.Name, err)
	}
	var withID bool
	switch {
	case equalStrings(header, cslHeader29):
		withID = true
	case equalStrings(header, cslHeader28):
	default:
		return nil, parseErr(s.Name, 1, "header is neither CSL layout (29 columns with _id, 28 without)")
	}
	col := make(map[string]int, len(header))
	for i, h := range header {
		col[h] = i
	}
	r.FieldsPerRecord = len(header)
	b := newCSLBuilder(s.Name)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvErr(s.Name, err)
		}
		line, _ := r.FieldPos(0)
		get := func(k string) string { return strings.TrimSpace(rec[col[k]]) }
		c := cslRecord{
			source:        get("source"),
			entityNumber:  get("entity_number"),
			typ:           get("type"),
			name:          get("name"),
			remarks:       get("remarks"),
			programs:      splitSemi(get("programs")),
			altNames:      splitSemi(get("alt_names")),
			nationalities: splitSemi(get("nationalities")),
			dates:         splitSemi(get("dates_of_birth")),
		}
		if withID {
			c.id = get("_id")
		}
		ids := cslCSVIDs(get("ids"))
		c.ids, c.domains, c.emails, c.websites = ids.ids, ids.domains, ids.emails, ids.websites
		if err := b.add(line, c); err != nil {
			return nil, err
		}
	}
	return b.finish(meta, data)
}

// cslJSONDoc is the top level of consolidated.json.
type cslJSONDoc struct {
	Results *[]cslJSONResult `json:"results"`
}

// cslJSONResult is one result of consolidated.json; list fields may be
// arrays or strings.
type cslJSONResult struct {
	ID            string    `json:"id"`
	UnderscoreID  string    `json:"_id"`
	Source        string    `json:"source"`
	EntityNumber  jsonText  `json:"entity_number"`
	Type          string    `json:"type"`
	Name          string    `json:"name"`
	Remarks       jsonText  `json:"remarks"`
	Programs      jsonList  `json:"programs"`
	AltNames      jsonList  `json:"alt_names"`
	Nationalities jsonList  `json:"nationalities"`
	DatesOfBirth  jsonList  `json:"dates_of_birth"`
	IDs           []cslJSID `json:"ids"`
}

// cslJSID is one identifier object of consolidated.json.
type cslJSID struct {
	Type    string `json:"type"`
	Number  string `json:"number"`
	Country string `json:"country"`
}

// Errors of the flexible JSON fields.
var (
	errListShape = errors.New("a list field is neither a string nor an array of strings")
	errTextShape = errors.New("a field is neither a string nor a number")
)

// jsonList is a JSON array of strings, a "; "-joined string, or null.
type jsonList []string

// UnmarshalJSON implements json.Unmarshaler.
func (l *jsonList) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*l = nil
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*l = splitSemi(s)
		return nil
	}
	var a []string
	if err := json.Unmarshal(b, &a); err != nil {
		return errListShape
	}
	*l = a
	return nil
}

// jsonText is a JSON string or number (entity_number), or null.
type jsonText string

// UnmarshalJSON implements json.Unmarshaler.
func (t *jsonText) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		*t = ""
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = jsonText(s)
	default:
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return errTextShape
		}
		*t = jsonText(n.String())
	}
	return nil
}

// LoadCSLJSON parses the trade.gov Consolidated Screening List JSON
// (consolidated.json: an object whose "results" array holds one object per
// listed party, with arrays for alt_names, programs, addresses and ids).
// Entries are built as LoadCSLCSV builds them; "id" (or "_id") is the ID.
func LoadCSLJSON(s Source, meta provenance.List) (*List, error) {
	if meta.ID == "" {
		return nil, errNoID
	}
	data, err := readSource(s)
	if err != nil {
		return nil, err
	}
	var doc cslJSONDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, parseErr(s.Name, lineAt(data, se.Offset), "invalid JSON syntax")
		case errors.As(err, &te):
			return nil, parseErr(s.Name, lineAt(data, te.Offset), "field %s: wrong JSON type", te.Field)
		}
		// A truncated document, or a list field of the wrong shape.
		return nil, &ParseError{File: s.Name, Err: fmt.Errorf("invalid JSON: %w", sanitizeJSONErr(err))}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, parseErr(s.Name, 0, "content after the JSON document")
	}
	if doc.Results == nil {
		return nil, parseErr(s.Name, 0, "no results array")
	}
	b := newCSLBuilder(s.Name)
	for i, x := range *doc.Results {
		c := cslRecord{
			id: strings.TrimSpace(x.ID), source: strings.TrimSpace(x.Source),
			entityNumber: strings.TrimSpace(string(x.EntityNumber)), typ: strings.TrimSpace(x.Type),
			name: strings.TrimSpace(x.Name), remarks: strings.TrimSpace(string(x.Remarks)),
			programs: trimAll(x.Programs), altNames: trimAll(x.AltNames),
			nationalities: trimAll(x.Nationalities), dates: trimAll(x.DatesOfBirth),
		}
		if c.id == "" {
			c.id = strings.TrimSpace(x.UnderscoreID)
		}
		for _, id := range x.IDs {
			c.addID(strings.TrimSpace(id.Type), strings.TrimSpace(id.Number), strings.TrimSpace(id.Country))
		}
		// JSON has no line per result: report the 1-based result index.
		if err := b.add(i+1, c); err != nil {
			var pe *ParseError
			if errors.As(err, &pe) {
				pe.Line = 0
				pe.Err = fmt.Errorf("results[%d]: %w", i, pe.Err)
			}
			return nil, err
		}
	}
	return b.finish(meta, data)
}

// sanitizeJSONErr keeps the errors encoding/json and jsonList produce
// without input bytes, and rewords any other.
func sanitizeJSONErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, errListShape) || errors.Is(err, errTextShape) {
		return err
	}
	return errors.New("malformed document")
}

// lineAt returns the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// cslBuilder assembles CSL entries, whichever the format.
type cslBuilder struct {
	name    string
	entries []Entry
	index   map[string]int
}

// newCSLBuilder returns a builder for the file called name.
func newCSLBuilder(name string) *cslBuilder {
	return &cslBuilder{name: name, index: make(map[string]int)}
}

// cslType maps the CSL type column to Entry.Type; "" stays "" (not stated).
func cslType(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	t, ok := sdnType(s)
	return t, ok
}

// sourceCode returns the program tag for a CSL source name.
func sourceCode(source string) string {
	if i := strings.IndexByte(source, '('); i >= 0 {
		if j := strings.IndexByte(source[i:], ')'); j > 1 {
			return "source:" + source[i+1:i+j]
		}
	}
	return "source:" + source
}

// successorTail is how ISN rows end their names.
const successorTail = "; and any successor, sub-unit, or subsidiary thereof"

// add converts and appends one record; line is its line (or index).
func (b *cslBuilder) add(line int, c cslRecord) error {
	c.name = strings.TrimSpace(strings.TrimSuffix(c.name, successorTail))
	for i, a := range c.altNames {
		// BIS joins the last alias with "; and ".
		c.altNames[i] = strings.TrimPrefix(a, "and ")
	}
	if c.name == "" {
		return parseErr(b.name, line, "empty name")
	}
	if c.source == "" {
		return parseErr(b.name, line, "empty source")
	}
	typ, ok := cslType(c.typ)
	if !ok {
		return parseErr(b.name, line, "unknown type")
	}
	if c.entityNumber != "" && !isDigits(c.entityNumber) {
		return parseErr(b.name, line, "entity_number is not a number")
	}
	id := c.id
	if id == "" {
		id = c.entityNumber
	}
	if id == "" {
		sum := sha256.Sum256([]byte(c.source + "\x00" + c.name))
		id = "csl-" + hex.EncodeToString(sum[:8])
	}
	e := Entry{ID: id, Name: c.name, Type: typ, Remarks: c.remarks,
		Nationalities: c.nationalities, DatesOfBirth: c.dates, IDs: c.ids, Domains: c.domains, Emails: c.emails, Websites: c.websites}
	e.Programs = append(e.Programs, sourceCode(c.source))
	for _, p := range c.programs {
		e.Programs = appendUnique(e.Programs, p)
	}
	for _, a := range c.altNames {
		e.Aliases = addAlias(e, Alias{Name: a, Type: "aka"})
	}
	if i, dup := b.index[id]; dup {
		prev := &b.entries[i]
		if prev.Name != e.Name {
			return parseErr(b.name, line, "id listed twice with different names")
		}
		// The same party listed again (old layout, several addresses):
		// merge what it adds.
		for _, p := range e.Programs {
			prev.Programs = appendUnique(prev.Programs, p)
		}
		for _, a := range e.Aliases {
			prev.Aliases = addAlias(*prev, a)
		}
		return nil
	}
	b.index[id] = len(b.entries)
	b.entries = append(b.entries, e)
	return nil
}

// finish returns the list.
func (b *cslBuilder) finish(meta provenance.List, data []byte) (*List, error) {
	if len(b.entries) == 0 {
		return nil, parseErr(b.name, 0, "no records")
	}
	if meta.Kind == "" {
		meta.Kind = provenance.KindSanctions
	}
	return finish(&List{Entries: b.entries}, meta, digest(part{"csl", data})), nil
}

// cslCSVIDs parses the CSV ids column: "; "-joined items, each
// "type, number, country" in the current layout and "country, number, type"
// (or "number, type") in the 2019 one; OFAC features ("Gender, Male") are
// mixed in. The end holding a known identifier label is the type; a
// two-letter code at the other end is the country. Websites and e-mail
// addresses become domains, known identifier types become IDs, the rest is
// dropped.
func cslCSVIDs(s string) cslRecord {
	var c cslRecord
	for _, item := range splitSemi(s) {
		parts := strings.Split(item, ", ")
		if len(parts) < 2 {
			continue
		}
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		var typ, country string
		switch first, last := parts[0], parts[len(parts)-1]; {
		case isIDType(first):
			typ, parts = first, parts[1:]
			if len(parts) >= 2 && isCountryCode(parts[len(parts)-1]) {
				country, parts = parts[len(parts)-1], parts[:len(parts)-1]
			}
		case isIDType(last):
			typ, parts = last, parts[:len(parts)-1]
			if len(parts) >= 2 && isCountryCode(parts[0]) {
				country, parts = parts[0], parts[1:]
			}
		default:
			continue
		}
		c.addID(typ, strings.Join(parts, ", "), country)
	}
	return c
}

// isIDType reports whether typ is a website, e-mail or identifier label.
func isIDType(typ string) bool {
	return strings.EqualFold(typ, "Website") || strings.EqualFold(typ, "Email Address") || isIDLabel(typ)
}

// isCountryCode reports whether s looks like an ISO 3166-1 alpha-2 code.
func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// addID records one identifier of a CSL record.
func (c *cslRecord) addID(typ, number, country string) {
	if typ == "" || number == "" {
		return
	}
	switch {
	case strings.EqualFold(typ, "Website"):
		ct := contacts{domains: c.domains, websites: c.websites}
		ct.website(number)
		c.domains, c.websites = ct.domains, ct.websites
	case strings.EqualFold(typ, "Email Address"):
		ct := contacts{domains: c.domains, emails: c.emails}
		ct.email(number)
		c.domains, c.emails = ct.domains, ct.emails
	case isIDLabel(typ):
		c.ids = append(c.ids, Identifier{Type: typ, Number: number, Country: country})
	}
}

// isIDLabel reports whether typ is a known identifier type.
func isIDLabel(typ string) bool {
	if strings.HasPrefix(typ, "Digital Currency Address - ") {
		return true
	}
	for _, l := range idLabels {
		if l == typ {
			return true
		}
	}
	return false
}

// splitSemi splits a "; "-joined field, dropping empty items.
func splitSemi(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ";")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// trimAll trims every string and drops empty ones.
func trimAll(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// equalStrings reports whether a and b hold the same strings in order.
func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.TrimSpace(a[i]) != b[i] {
			return false
		}
	}
	return true
}
