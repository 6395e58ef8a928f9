package procurement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	errNotVendorArray = errors.New("want an array of vendor objects or an object with the key vendors")
	// errVendorsOnly is wrapped when a vendor file's object or mapping
	// holds a key beside vendors: what it holds is not read, and could be
	// vendors under another name.
	errVendorsOnly  = errors.New("a vendor file's object holds the key vendors alone; another key is not read, and the vendors it may hold would pass unscreened")
	errTrailingData = errors.New("data after the end of the JSON value")
	errOwnerPercent = errors.New("owner has no percent")
	errWrongType    = errors.New("wrong JSON type")
)

// ReadJSON reads a JSON array of vendor objects, or an object whose only
// key is vendors holding that array. Keys are the snake_case field names
// of Vendor (name, aliases, country, identifiers, domains, products,
// owners, parent, parent_identifiers, contract or contracts); an unknown
// key is an error, so that a misspelt owners key cannot silently drop
// ownership. Pointers are "/3" or "/vendors/3". opts is accepted for a
// uniform reader signature; no option applies to JSON.
func ReadJSON(r io.Reader, name string, opts Options) ([]Vendor, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return readJSON(data, name)
}

// rawItem is one vendor element of a JSON or YAML file, as JSON.
type rawItem struct {
	pointer string
	line    int // YAML only; 0 when unknown
	json    []byte
}

func readJSON(data []byte, name string) ([]Vendor, error) {
	data = bytes.TrimPrefix(data, bomUTF8)
	if !utf8.Valid(data) {
		return nil, inputErr(name, fmt.Sprintf("line %d", invalidUTF8Line(data)), "", errInvalidUTF8)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var top json.RawMessage
	if err := dec.Decode(&top); err != nil {
		return nil, jsonSyntaxErr(name, data, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, inputErr(name, fmt.Sprintf("line %d", lineAt(data, dec.InputOffset())), "", errTrailingData)
	}
	if err := checkKeys(data, name, false); err != nil {
		return nil, err
	}
	var elems []json.RawMessage
	prefix := ""
	switch firstByte(top) {
	case '[':
		if err := json.Unmarshal(top, &elems); err != nil {
			return nil, inputErr(name, "", "", errNotVendorArray)
		}
	case '{':
		var wrapper struct {
			Vendors *[]json.RawMessage `json:"vendors"`
		}
		d := json.NewDecoder(bytes.NewReader(top))
		d.DisallowUnknownFields()
		if err := d.Decode(&wrapper); err != nil || wrapper.Vendors == nil {
			// A key beside vendors is named, with its line: read again
			// only on this error, not for every vendor file.
			if key, off, ok := otherKey(top, "vendors"); ok {
				start := int64(len(data) - len(bytes.TrimLeft(data, " \t\r\n")))
				return nil, inputErr(name, fmt.Sprintf("line %d", lineAt(data, start+off)), strconv.Quote(key), errVendorsOnly)
			}
			return nil, inputErr(name, "", "", errNotVendorArray)
		}
		elems, prefix = *wrapper.Vendors, "/vendors"
	default:
		return nil, inputErr(name, "", "", errNotVendorArray)
	}
	items := make([]rawItem, len(elems))
	for i, e := range elems {
		items[i] = rawItem{pointer: prefix + "/" + strconv.Itoa(i), json: e}
	}
	return vendorsFromItems(items, name)
}

// otherKey returns the first key of the JSON object obj that is not
// want, and its offset in obj, when obj also holds want; ok is false
// when it holds no other key or not want, or does not read as an object.
func otherKey(obj []byte, want string) (key string, off int64, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", 0, false
	}
	found := false
	for dec.More() {
		at := dec.InputOffset()
		t, err := dec.Token()
		if err != nil {
			return "", 0, false
		}
		switch k, _ := t.(string); {
		case k == want:
			found = true
		case !ok:
			key, off, ok = k, at+int64(len(obj[at:])-len(bytes.TrimLeft(obj[at:], " \t\r\n,"))), true
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return "", 0, false
		}
	}
	return key, off, ok && found
}

func firstByte(b []byte) byte {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// jsonSyntaxErr names the line of a JSON syntax error.
func jsonSyntaxErr(source string, data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return inputErr(source, fmt.Sprintf("line %d", lineAt(data, se.Offset)), "", se)
	}
	if errors.Is(err, io.EOF) {
		return inputErr(source, "", "", errors.New("empty input"))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return inputErr(source, fmt.Sprintf("line %d", lineAt(data, int64(len(data)))), "",
			errors.New("unexpected end of JSON input: the document ends before its closing bracket (truncated)"))
	}
	return inputErr(source, "", "", err)
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// vendorDoc is the JSON and YAML shape of a vendor.
type vendorDoc struct {
	Name              string                `json:"name"`
	Aliases           []string              `json:"aliases"`
	Country           string                `json:"country"`
	Identifiers       map[string]flexString `json:"identifiers"`
	Domains           []string              `json:"domains"`
	Products          []productDoc          `json:"products"`
	Owners            []ownerDoc            `json:"owners"`
	Parent            string                `json:"parent"`
	ParentIdentifiers map[string]flexString `json:"parent_identifiers"`
	Supplier          string                `json:"supplier"`
	Reseller          string                `json:"reseller"`
	Distributor       string                `json:"distributor"`
	OEM               string                `json:"oem"`
	UltimateParent    string                `json:"ultimate_parent"`
	Contacts          []string              `json:"contacts"`
	Contract          *contractDoc          `json:"contract"`
	Contracts         []contractDoc         `json:"contracts"`
}

type productDoc struct {
	Name            string     `json:"name"`
	Category        string     `json:"category"`
	Code            flexString `json:"code"`
	Scheme          string     `json:"scheme"`
	Manufacturer    string     `json:"manufacturer"`
	CountryOfOrigin string     `json:"country_of_origin"`
}

type ownerDoc struct {
	Name    string      `json:"name"`
	Percent *flexString `json:"percent"`
	Country string      `json:"country"`
}

type contractDoc struct {
	ID       flexString `json:"id"`
	AwardID  flexString `json:"award_id"`
	Amount   flexString `json:"amount"`
	Currency string     `json:"currency"`
	Date     string     `json:"date"`
}

// flexString is a JSON string or number kept as its text (numbers keep
// every digit); null is empty. Objects, arrays and booleans are errors.
type flexString string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return errWrongType
	case b[0] == '{':
		return &json.UnmarshalTypeError{Value: "object", Type: reflect.TypeFor[string]()}
	case b[0] == '[':
		return &json.UnmarshalTypeError{Value: "array", Type: reflect.TypeFor[string]()}
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
	case b[0] == '-' || b[0] >= '0' && b[0] <= '9':
		*f = flexString(b)
	case string(b) == "null":
		*f = ""
	default:
		return &json.UnmarshalTypeError{Value: "bool", Type: reflect.TypeFor[string]()}
	}
	return nil
}

func vendorsFromItems(items []rawItem, source string) ([]Vendor, error) {
	if len(items) == 0 {
		return nil, fmt.Errorf("read %s: %w", source, ErrNoRecords)
	}
	vendors := make([]Vendor, 0, len(items))
	for i, it := range items {
		loc := it.pointer
		if it.line > 0 {
			loc = fmt.Sprintf("%s (line %d)", it.pointer, it.line)
		}
		var doc vendorDoc
		d := json.NewDecoder(bytes.NewReader(it.json))
		d.DisallowUnknownFields()
		if err := d.Decode(&doc); err != nil {
			return nil, docDecodeErr(source, loc, err)
		}
		v, err := doc.vendor(it.pointer)
		if err != nil {
			var ce *colErr
			if errors.As(err, &ce) {
				return nil, inputErr(source, loc, "key "+ce.col, ce.err)
			}
			return nil, inputErr(source, loc, "", err)
		}
		v.Record, v.Source = i+1, source
		vendors = append(vendors, v)
	}
	return vendors, nil
}

func docDecodeErr(source, loc string, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return inputErr(source, loc, "key "+te.Field, fmt.Errorf("%w: got a JSON %s", errWrongType, te.Value))
	}
	if errors.Is(err, errWrongType) {
		return inputErr(source, loc, "", err)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return inputErr(source, loc, "", se)
	}
	if _, key, ok := strings.Cut(err.Error(), "unknown field "); ok {
		return inputErr(source, loc, "key "+key, errors.New("unknown key"))
	}
	if errors.Is(err, io.EOF) {
		return inputErr(source, loc, "", errors.New("empty element"))
	}
	return inputErr(source, loc, "", errors.New("not a vendor object"))
}

// ptrEscape escapes a key for an RFC 6901 pointer.
func ptrEscape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// vendor converts and checks a decoded document. base is its pointer.
func (d *vendorDoc) vendor(base string) (Vendor, error) {
	v := Vendor{Pointer: base, Fields: map[string]string{}}
	at := func(rel string) string { return base + "/" + rel }
	v.Name = strings.TrimSpace(d.Name)
	if v.Name == "" {
		return v, &colErr{"name", errEmptyName}
	}
	v.Fields["name"] = at("name")
	for i, a := range d.Aliases {
		before := len(v.Aliases)
		v.Aliases = appendUnique(v.Aliases, a, v.Name)
		if len(v.Aliases) > before {
			v.Fields["aliases."+strconv.Itoa(before)] = at("aliases/" + strconv.Itoa(i))
		}
	}
	if s := strings.TrimSpace(d.Country); s != "" {
		v.Country, v.CountryName = parseCountry(s)
		v.Fields["country"] = at("country")
	}
	if err := setIdentifiers(&v.Identifiers, d.Identifiers, "identifiers", base, v.Fields); err != nil {
		return v, err
	}
	if err := setIdentifiers(&v.ParentIdentifiers, d.ParentIdentifiers, "parent_identifiers", base, v.Fields); err != nil {
		return v, err
	}
	for i, raw := range d.Domains {
		dom, err := domainOf(raw)
		if err != nil {
			return v, &colErr{"domains/" + strconv.Itoa(i), err}
		}
		before := len(v.Domains)
		v.Domains = appendUnique(v.Domains, dom, "")
		if len(v.Domains) > before {
			v.Fields["domains."+strconv.Itoa(before)] = at("domains/" + strconv.Itoa(i))
		}
		if dom != "" {
			before = len(v.Links)
			v.Links = appendUnique(v.Links, raw, "")
			if len(v.Links) > before {
				v.Fields["links."+strconv.Itoa(before)] = at("domains/" + strconv.Itoa(i))
			}
		}
	}
	for _, pt := range [...]struct{ role, key, name string }{
		{RoleSupplier, "supplier", d.Supplier}, {RoleReseller, "reseller", d.Reseller},
		{RoleDistributor, "distributor", d.Distributor}, {RoleOEM, "oem", d.OEM},
		{RoleUltimateParent, "ultimate_parent", d.UltimateParent},
	} {
		if n := strings.TrimSpace(pt.name); n != "" {
			v.Fields["parties."+strconv.Itoa(len(v.Parties))] = at(pt.key)
			v.Parties = append(v.Parties, Party{Role: pt.role, Name: n})
		}
	}
	for i, c := range d.Contacts {
		before := len(v.Contacts)
		v.Contacts = appendUnique(v.Contacts, c, "")
		if len(v.Contacts) > before {
			v.Fields["contacts."+strconv.Itoa(before)] = at("contacts/" + strconv.Itoa(i))
		}
	}
	for i, p := range d.Products {
		pr := Product{
			Name: strings.TrimSpace(p.Name), Category: strings.TrimSpace(p.Category),
			Code: strings.TrimSpace(string(p.Code)), Scheme: strings.TrimSpace(p.Scheme),
			Manufacturer: strings.TrimSpace(p.Manufacturer),
		}
		if s := strings.TrimSpace(p.CountryOfOrigin); s != "" {
			code, _ := parseCountry(s)
			if code == "" {
				return v, &colErr{fmt.Sprintf("products/%d/country_of_origin", i), errOriginNotCode}
			}
			pr.CountryOfOrigin = code
		}
		v.Products = append(v.Products, pr)
		v.Fields["products."+strconv.Itoa(i)] = at("products/" + strconv.Itoa(i))
	}
	sum := 0.0
	for i, o := range d.Owners {
		key := "owners/" + strconv.Itoa(i)
		name := strings.TrimSpace(o.Name)
		if name == "" {
			return v, &colErr{key + "/name", errOwnerName}
		}
		if o.Percent == nil {
			return v, &colErr{key + "/percent", errOwnerPercent}
		}
		pct, err := parsePercent(string(*o.Percent))
		if err != nil {
			return v, &colErr{key + "/percent", err}
		}
		sum += pct
		owner := Owner{Name: name, Percent: pct}
		if s := strings.TrimSpace(o.Country); s != "" {
			owner.Country, _ = parseCountry(s)
		}
		v.Owners = append(v.Owners, owner)
		v.Fields["owners."+strconv.Itoa(i)] = at(key)
	}
	if sum > 100+percentTolerance {
		return v, &colErr{"owners", errOwnersOver}
	}
	v.Parent = strings.TrimSpace(d.Parent)
	if v.Parent != "" {
		v.Fields["parent"] = at("parent")
	}
	contracts, keys := d.Contracts, "contracts/"
	if d.Contract != nil {
		if len(d.Contracts) > 0 {
			return v, &colErr{"contract", errors.New("both contract and contracts given")}
		}
		contracts, keys = []contractDoc{*d.Contract}, "contract"
	}
	for i, c := range contracts {
		key := keys
		if keys == "contracts/" {
			key += strconv.Itoa(i)
		}
		amt, err := parseAmount(string(c.Amount))
		if err != nil {
			return v, &colErr{key + "/amount", err}
		}
		date, err := parseDate(c.Date)
		if err != nil {
			return v, &colErr{key + "/date", err}
		}
		v.Contracts = append(v.Contracts, Contract{
			ID: strings.TrimSpace(string(c.ID)), AwardID: strings.TrimSpace(string(c.AwardID)),
			Amount: amt, Currency: strings.ToUpper(strings.TrimSpace(c.Currency)), Date: date,
		})
		v.Fields["contracts."+strconv.Itoa(i)] = at(key)
	}
	return v, nil
}

// setIdentifiers copies identifiers from a document map: uei, cage, duns,
// lei and tax_id (in any case) to their fields, any other key to Other.
// One of the five given twice in different cases is an error, since
// either value could otherwise win.
func setIdentifiers(dst *Identifiers, src map[string]flexString, key, base string, fields map[string]string) error {
	seen := map[string]bool{}
	for k, val := range src {
		s := strings.TrimSpace(string(val))
		if s == "" {
			continue
		}
		lk := strings.ToLower(k)
		path := key + "." + lk
		switch lk {
		case "uei", "cage", "duns", "lei", "tax_id":
			if seen[lk] {
				return &colErr{key + "/" + lk, errors.New("identifier given twice")}
			}
			seen[lk] = true
		}
		switch lk {
		case "uei":
			dst.UEI = s
		case "cage":
			dst.CAGE = s
		case "duns":
			dst.DUNS = s
		case "lei":
			dst.LEI = s
		case "tax_id":
			dst.TaxID = s
		default:
			if dst.Other == nil {
				dst.Other = map[string]string{}
			}
			dst.Other[k] = s
			path = key + ".other." + k
		}
		fields[path] = base + "/" + key + "/" + ptrEscape(k)
	}
	return nil
}
