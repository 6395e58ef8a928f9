package procurement

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

var (
	errEmptyName     = errors.New("empty vendor name")
	errEmptyRow      = errors.New("row has no value in any column")
	errOriginNotCode = errors.New("country of origin is not an ISO 3166-1 code")
	errNoHeader      = errors.New("no header row")
)

// ReadCSV reads comma-, tab- or semicolon-separated vendor records with a
// header row. Columns are found by the built-in names (USAspending and
// FPDS contract downloads, SAM.gov entity extracts, simple sheets; see
// ColumnFields) or by opts.Columns. The name column is required. A blank
// line is skipped; every other line is a record or an error: a wrong
// number of fields, an unclosed quote, an empty name, a value that does
// not parse (amount, date, percentage, country of origin, web address)
// are *InputError values naming the file, the row and the column.
func ReadCSV(r io.Reader, name string, opts Options) ([]Vendor, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return readCSV(data, name, opts)
}

// openCSV decodes data to UTF-8 and reads the header row of a delimited
// file (vendor records and ownership files alike).
func openCSV(data []byte, name string, opts Options) (*csv.Reader, []string, error) {
	text, err := toUTF8(data, opts.Encoding, name)
	if err != nil {
		return nil, nil, err
	}
	if bytes.IndexByte(text, '\n') < 0 && bytes.IndexByte(text, '\r') >= 0 {
		// lines ended by a carriage return alone (Excel's "CSV (Macintosh)"),
		// which spreadsheets read as lines and encoding/csv as one line
		text = bytes.ReplaceAll(text, []byte{'\r'}, []byte{'\n'})
	}
	cr := newCSVReader(text, opts.Delimiter)
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, inputErr(name, "", "", errNoHeader)
	}
	if err != nil {
		return nil, nil, csvErr(name, err)
	}
	return cr, header, nil
}

func readCSV(data []byte, name string, opts Options) ([]Vendor, error) {
	cr, header, err := openCSV(data, name, opts)
	if err != nil {
		return nil, err
	}
	header = append([]string(nil), header...)
	plan, err := planColumns(header, opts.Columns, name)
	if err != nil {
		return nil, err
	}
	// Most files hold one record per line; size the result for that, but
	// never beyond what the file's size could hold, so that a file of
	// blank lines cannot make a huge allocation.
	vendors := make([]Vendor, 0, min(bytes.Count(data, []byte{'\n'}), len(data)/32+1))
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvErr(name, err)
		}
		line, _ := cr.FieldPos(0)
		v, err := plan.vendor(rec, line, len(vendors)+1)
		if err != nil {
			return nil, err
		}
		vendors = append(vendors, v)
	}
	if len(vendors) == 0 {
		return nil, fmt.Errorf("read %s: %w", name, ErrNoRecords)
	}
	return vendors, nil
}

func newCSVReader(text []byte, delim rune) *csv.Reader {
	if delim == 0 {
		delim = sniffDelimiter(text)
	}
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = delim
	cr.ReuseRecord = true
	return cr
}

// csvErr turns an encoding/csv error into an InputError with the row.
func csvErr(source string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		loc := fmt.Sprintf("row %d", pe.StartLine)
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			return inputErr(source, loc, "", fmt.Errorf("%w (the header has a different number)", pe.Err))
		}
		return inputErr(source, loc, "", fmt.Errorf("line %d, character %d: %w", pe.Line, pe.Column, pe.Err))
	}
	return inputErr(source, "", "", err)
}

// sniffDelimiter picks comma, tab or semicolon, whichever occurs most
// often outside quotes on the first line; comma when none does.
func sniffDelimiter(text []byte) rune {
	var comma, tab, semi int
	quoted := false
	for _, c := range text {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if c == '\n' {
			break
		}
		switch c {
		case ',':
			comma++
		case '\t':
			tab++
		case ';':
			semi++
		}
	}
	switch {
	case tab > comma && tab >= semi:
		return '\t'
	case semi > comma && semi > tab:
		return ';'
	default:
		return ','
	}
}

// colRef is one header column: its index and its name as written.
type colRef struct {
	idx  int
	name string
}

// csvPlan says which columns feed which fields of a file. It also holds
// the per-file state of one read (caches and scratch space), so a plan is
// used by one goroutine only.
type csvPlan struct {
	source    string
	single    [numFields]colRef // idx -1: no column
	multi     [numFields][]colRef
	parties   []partyCol // columns naming other parties
	usdAmount bool
	pscCode   bool

	scratch   []fieldEntry                   // Fields of the record being read
	shapes    map[uint64][]map[string]string // shared Fields maps by content hash
	countries map[string][2]string           // parseCountry results by cell value
}

// partyCol is a column naming another party of the record.
type partyCol struct {
	role string
	col  colRef
}

// fieldEntry is one Vendor.Fields entry.
type fieldEntry struct{ key, col string }

// set records that field key came from column col.
func (p *csvPlan) set(key, col string) {
	for i := range p.scratch {
		if p.scratch[i].key == key {
			p.scratch[i].col = col
			return
		}
	}
	p.scratch = append(p.scratch, fieldEntry{key, col})
}

// fieldsMap returns a map holding exactly the scratch entries. Rows with
// the same fields from the same columns share one map, which saves most
// of the allocation of a large file; the maps are never modified after
// they are shared.
func (p *csvPlan) fieldsMap() map[string]string {
	h := uint64(14695981039346656037)
	for _, e := range p.scratch {
		for _, s := range [2]string{e.key, e.col} {
			for i := 0; i < len(s); i++ {
				h = (h ^ uint64(s[i])) * 1099511628211
			}
			h = (h ^ 0xff) * 1099511628211
		}
	}
	if p.shapes == nil {
		p.shapes = map[uint64][]map[string]string{}
	}
	for _, m := range p.shapes[h] {
		if sameEntries(m, p.scratch) {
			return m
		}
	}
	m := make(map[string]string, len(p.scratch))
	for _, e := range p.scratch {
		m[e.key] = e.col
	}
	p.shapes[h] = append(p.shapes[h], m)
	return m
}

func sameEntries(m map[string]string, entries []fieldEntry) bool {
	if len(m) != len(entries) {
		return false
	}
	for _, e := range entries {
		if col, ok := m[e.key]; !ok || col != e.col {
			return false
		}
	}
	return true
}

// country is parseCountry with a per-file cache: a column of country
// codes has few distinct values.
func (p *csvPlan) country(s string) (code, name string) {
	if r, ok := p.countries[s]; ok {
		return r[0], r[1]
	}
	code, name = parseCountry(s)
	if p.countries == nil {
		p.countries = map[string][2]string{}
	}
	if len(p.countries) < 4096 {
		p.countries[s] = [2]string{code, name}
	}
	return code, name
}

// listKeys are the Fields keys of the first list elements, so that the
// common case does not build a string per record.
var listKeys = func() map[string][]string {
	m := map[string][]string{}
	for _, prefix := range []string{"aliases.", "domains.", "owners."} {
		for i := range 16 {
			m[prefix] = append(m[prefix], prefix+strconv.Itoa(i))
		}
	}
	return m
}()

func listKey(prefix string, i int) string {
	if keys := listKeys[prefix]; i < len(keys) {
		return keys[i]
	}
	return prefix + strconv.Itoa(i)
}

// planColumns finds the columns of every field. opts.Columns wins over the
// built-in names; a name it gives that is not in the header is an error,
// as is a missing name column or a used column that appears twice.
func planColumns(header []string, columns map[string]string, source string) (*csvPlan, error) {
	byNorm := make(map[string]int, len(header))
	dup := make(map[string]bool)
	for i, h := range header {
		h = strings.TrimSpace(h)
		header[i] = h
		n := normColumn(h)
		if _, seen := byNorm[n]; seen {
			dup[n] = true
			continue
		}
		byNorm[n] = i
	}
	p := &csvPlan{source: source}
	for f := range p.single {
		p.single[f].idx = -1
	}
	overridden := [numFields]bool{}
	for key, col := range columns {
		f, ok := fieldByName(key)
		if !ok {
			return nil, inputErrf(source, "header", key, "not a vendor field that columns can map (see ColumnFields)")
		}
		n := normColumn(col)
		i, ok := byNorm[n]
		if !ok {
			return nil, inputErrf(source, "header", key, "mapped column is not in the header")
		}
		if dup[n] {
			return nil, inputErrf(source, "header", key, "mapped column appears more than once in the header")
		}
		overridden[f] = true
		ref := colRef{idx: i, name: header[i]}
		if columnTable[f].multi {
			p.multi[f] = []colRef{ref}
		} else {
			p.single[f] = ref
		}
	}
	for f, spec := range columnTable {
		if overridden[f] {
			continue
		}
		for _, c := range spec.cols {
			n := normColumn(c)
			i, ok := byNorm[n]
			if !ok {
				continue
			}
			if dup[n] {
				return nil, inputErrf(source, "header", header[i], "column appears more than once in the header")
			}
			ref := colRef{idx: i, name: header[i]}
			if spec.multi {
				if !containsRef(p.multi[f], ref) {
					p.multi[f] = append(p.multi[f], ref)
				}
				continue
			}
			p.single[f] = ref
			break
		}
	}
	for _, pc := range partyColumns {
		for _, c := range pc.cols {
			i, ok := byNorm[normColumn(c)]
			if !ok || i == p.single[fName].idx {
				continue
			}
			p.parties = append(p.parties, partyCol{role: pc.role, col: colRef{idx: i, name: header[i]}})
		}
	}
	if p.single[fName].idx < 0 {
		return nil, inputErr(source, "header", "name",
			fmt.Errorf("%w (looked for recipient_name, vendorname, legalBusinessName, vendor, supplier, contractor, name, …; name the column in the configuration, procurement.columns.name)", ErrNotVendorFile))
	}
	if a := p.single[fAmount]; a.idx >= 0 && p.single[fCurrency].idx < 0 {
		p.usdAmount = usdColumns[normColumn(a.name)]
	}
	if c := p.single[fProductCode]; c.idx >= 0 {
		p.pscCode = pscColumns[normColumn(c.name)]
	}
	return p, nil
}

func containsRef(refs []colRef, r colRef) bool {
	for _, have := range refs {
		if have.idx == r.idx {
			return true
		}
	}
	return false
}

// cell returns the trimmed value of field f in rec and its column name.
func (p *csvPlan) cell(rec []string, f field) (string, string) {
	c := p.single[f]
	if c.idx < 0 {
		return "", ""
	}
	return strings.TrimSpace(rec[c.idx]), c.name
}

// vendor maps one CSV record to a Vendor.
func (p *csvPlan) vendor(rec []string, line, record int) (Vendor, error) {
	loc := "row " + strconv.Itoa(line)
	fail := func(col string, err error) (Vendor, error) {
		return Vendor{}, inputErr(p.source, loc, "column "+col, err)
	}
	v := Vendor{Record: record, Pointer: loc, Source: p.source}
	p.scratch = p.scratch[:0]
	name, col := p.cell(rec, fName)
	if name == "" {
		if blankRecord(rec) {
			return Vendor{}, inputErr(p.source, loc, "", errEmptyRow)
		}
		return fail(col, errEmptyName)
	}
	v.Name = name
	p.set("name", col)

	for _, c := range p.multi[fAliases] {
		for a := range strings.SplitSeq(rec[c.idx], ";") {
			before := len(v.Aliases)
			v.Aliases = appendUnique(v.Aliases, a, v.Name)
			if len(v.Aliases) > before {
				p.set(listKey("aliases.", before), c.name)
			}
		}
	}
	if s, col := p.cell(rec, fCountry); s != "" {
		v.Country, v.CountryName = p.country(s)
		p.set("country", col)
	}
	if s, col := p.cell(rec, fCountryName); s != "" && v.CountryName == "" {
		v.CountryName = s
		p.set("country_name", col)
	}
	idFields := [...]struct {
		f   field
		dst *string
	}{
		{fUEI, &v.Identifiers.UEI}, {fCAGE, &v.Identifiers.CAGE}, {fDUNS, &v.Identifiers.DUNS},
		{fLEI, &v.Identifiers.LEI}, {fTaxID, &v.Identifiers.TaxID},
		{fParent, &v.Parent}, {fParentUEI, &v.ParentIdentifiers.UEI},
		{fParentDUNS, &v.ParentIdentifiers.DUNS},
	}
	for _, id := range idFields {
		if s, col := p.cell(rec, id.f); s != "" {
			*id.dst = s
			p.set(columnTable[id.f].path, col)
		}
	}
	for _, c := range p.multi[fDomains] {
		d, err := domainOf(rec[c.idx])
		if err != nil {
			return fail(c.name, err)
		}
		before := len(v.Domains)
		v.Domains = appendUnique(v.Domains, d, "")
		if len(v.Domains) > before {
			p.set(listKey("domains.", before), c.name)
		}
		if d != "" {
			before = len(v.Links)
			v.Links = appendUnique(v.Links, rec[c.idx], "")
			if len(v.Links) > before {
				p.set("links."+strconv.Itoa(before), c.name)
			}
		}
	}
	for _, pc := range p.parties {
		name := strings.TrimSpace(rec[pc.col.idx])
		if name == "" || strings.EqualFold(name, v.Name) {
			continue
		}
		if pc.role == roleContact {
			before := len(v.Contacts)
			v.Contacts = appendUnique(v.Contacts, name, "")
			if len(v.Contacts) > before {
				p.set("contacts."+strconv.Itoa(before), pc.col.name)
			}
			continue
		}
		p.set("parties."+strconv.Itoa(len(v.Parties)), pc.col.name)
		v.Parties = append(v.Parties, Party{Role: pc.role, Name: name})
	}
	if err := p.product(rec, &v); err != nil {
		return fail(err.col, err.err)
	}
	if s, col := p.cell(rec, fOwners); s != "" {
		owners, err := parseOwners(s)
		if err != nil {
			return fail(col, err)
		}
		v.Owners = owners
		for i := range owners {
			p.set(listKey("owners.", i), col)
		}
	}
	if err := p.contract(rec, &v); err != nil {
		return fail(err.col, err.err)
	}
	v.Fields = p.fieldsMap()
	return v, nil
}

// colErr is an error in one column or key, before it gets its location.
type colErr struct {
	col string
	err error
}

// Error implements error so a colErr can travel through error returns.
func (c *colErr) Error() string { return c.col + ": " + c.err.Error() }

func (p *csvPlan) product(rec []string, v *Vendor) *colErr {
	var pr Product
	set := false
	put := func(f field, dst *string) {
		if s, col := p.cell(rec, f); s != "" {
			*dst = s
			p.set(columnTable[f].path, col)
			set = true
		}
	}
	put(fProduct, &pr.Name)
	put(fCategory, &pr.Category)
	put(fProductCode, &pr.Code)
	put(fManufacturer, &pr.Manufacturer)
	if pr.Code != "" {
		code, desc := splitCodeDesc(pr.Code)
		pr.Code = code
		if pr.Category == "" && desc != "" {
			pr.Category = desc
			p.set("products.0.category", p.single[fProductCode].name)
		}
		if p.pscCode {
			pr.Scheme = "PSC"
		}
	}
	if s, col := p.cell(rec, fOrigin); s != "" {
		code, _ := p.country(s)
		if code == "" {
			return &colErr{col, errOriginNotCode}
		}
		pr.CountryOfOrigin = code
		p.set("products.0.country_of_origin", col)
		set = true
	}
	if set {
		v.Products = []Product{pr}
	}
	return nil
}

func (p *csvPlan) contract(rec []string, v *Vendor) *colErr {
	var c Contract
	set := false
	if s, col := p.cell(rec, fContractID); s != "" {
		c.ID = s
		p.set("contracts.0.id", col)
		set = true
	}
	if s, col := p.cell(rec, fAmount); s != "" {
		amt, err := parseAmount(s)
		if err != nil {
			return &colErr{col, err}
		}
		c.Amount = amt
		p.set("contracts.0.amount", col)
		if p.usdAmount {
			c.Currency = "USD"
			p.set("contracts.0.currency", col)
		}
		set = true
	}
	if s, col := p.cell(rec, fCurrency); s != "" {
		c.Currency = strings.ToUpper(s)
		p.set("contracts.0.currency", col)
		set = true
	}
	if s, col := p.cell(rec, fDate); s != "" {
		d, err := parseDate(s)
		if err != nil {
			return &colErr{col, err}
		}
		c.Date = d
		p.set("contracts.0.date", col)
		set = true
	}
	if set {
		v.Contracts = []Contract{c}
	}
	return nil
}

func blankRecord(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}
