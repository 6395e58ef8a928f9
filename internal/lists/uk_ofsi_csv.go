package lists

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bangate/bangate/internal/provenance"
	"golang.org/x/text/encoding/charmap"
)

// OFSI Consolidated List of Financial Sanctions Targets (HM Treasury).
// OFSI stopped updating it on 2026-01-28, when the FCDO's UK Sanctions List
// became the single UK list; the loader reads archived copies and the
// files of the years it was published.
const (
	// OFSISourceURL is where OFSI published the 2022-format CSV.
	OFSISourceURL = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"
	// OFSIFileName is the official file name.
	OFSIFileName = "ConList.csv"
)

// The two CSV layouts of the OFSI Consolidated List: the one published
// until February 2022 (29 columns) and the 2022 format (36 columns, with the
// non-Latin script of a name, separate passport and national ID numbers,
// the alias quality and the UK Sanctions List designation date).
var (
	ofsiHeader2020 = []string{"Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title",
		"DOB", "Town of Birth", "Country of Birth", "Nationality", "Passport Details", "NI Number",
		"Position", "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6",
		"Post/Zip Code", "Country", "Other Information", "Group Type", "Alias Type", "Regime",
		"Listed On", "Last Updated", "Group ID"}
	ofsiHeader2022 = []string{"Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title",
		"Name Non-Latin Script", "Non-Latin Script Type", "Non-Latin Script Language",
		"DOB", "Town of Birth", "Country of Birth", "Nationality", "Passport Number", "Passport Details",
		"National Identification Number", "National Identification Details",
		"Position", "Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6",
		"Post/Zip Code", "Country", "Other Information", "Group Type", "Alias Type", "Alias Quality",
		"Regime", "Listed On", "UK Sanctions List Date Designated", "Last Updated", "Group ID"}
)

// ofsiNumbered splits a numbered list ("1) Saudi Arabia 2) Qatar",
// "(1) OR801168 (2) 4117921") into its items.
var ofsiNumbered = regexp.MustCompile(`(?:^|\s)\(?\d+\)\s*`)

// ofsiItems returns the items of a numbered list, or the value alone.
func ofsiItems(s string) []string {
	var out []string
	for _, v := range ofsiNumbered.Split(s, -1) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// LoadOFSICSV parses the OFSI Consolidated List CSV (ConList.csv) in
// either layout, told apart by the header on its second row: the 29
// columns published until 2022 or the 36 of the 2022 format. The first
// row, "Last Updated,DD/MM/YYYY", is the publication date
// (Provenance.Published; required). The file is UTF-8 (a byte-order mark
// is skipped) or, as OFSI published it before 2022, Windows-1252: a file
// that is not valid UTF-8 is read as Windows-1252.
//
// OFSI writes one row per name (and repeats it per address and date of
// birth); the rows of one Group ID are one Entry, whose ID is the Group
// ID. Name is the "Prime Alias" / "Primary name" row's Name 1 to Name 5
// and Name 6 (the surname or the entity's name) joined; the other rows are
// aliases ("AKA" / "Alias" "aka", or "weak" with Alias Quality "Low
// quality"; "FKA" "fka"; "Primary name variation" AliasVariation), and a
// Name Non-Latin Script is an alias of type AliasOriginalScript with its
// language. Group Type Individual, Entity and Ship are "individual",
// "entity" and "vessel"; Regime is the program. Every malformed row is an
// error naming the file and line: a wrong header or field count, bad
// quoting, a row without a Group ID or name, an unknown group or alias
// type, a group whose rows disagree on their type, or with no primary
// name.
func LoadOFSICSV(s Source, meta provenance.List) (*List, error) {
	data, err := readSanctions(s, &meta)
	if err != nil {
		return nil, err
	}
	text := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(text) {
		if text, err = charmap.Windows1252.NewDecoder().Bytes(text); err != nil {
			return nil, parseErr(s.Name, 0, "neither UTF-8 nor Windows-1252")
		}
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1 // the date row is shorter than the records
	first, err := r.Read()
	if err != nil {
		return nil, csvErr(s.Name, err)
	}
	if len(first) < 2 || strings.TrimSpace(first[0]) != "Last Updated" {
		return nil, parseErr(s.Name, 1, `first row is not "Last Updated,DD/MM/YYYY"`)
	}
	published, err := time.Parse("02/01/2006", strings.TrimSpace(first[1]))
	if err != nil {
		return nil, parseErr(s.Name, 1, "Last Updated is not DD/MM/YYYY")
	}
	header, err := r.Read()
	if err != nil {
		return nil, csvErr(s.Name, err)
	}
	var layout []string
	switch {
	case equalStrings(header, ofsiHeader2022):
		layout = ofsiHeader2022
	case equalStrings(header, ofsiHeader2020):
		layout = ofsiHeader2020
	default:
		return nil, parseErr(s.Name, 2, "header is neither OFSI layout (29 columns until 2022, 36 in the 2022 format)")
	}
	col := make(map[string]int, len(layout))
	for i, h := range layout {
		col[h] = i
	}
	b := &ofsiBuilder{name: s.Name, index: map[string]int{}}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvErr(s.Name, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(layout) {
			return nil, &ParseError{File: s.Name, Line: line, Err: errFieldCount}
		}
		get := func(k string) string {
			if i, ok := col[k]; ok {
				return clean(rec[i])
			}
			return ""
		}
		if err := b.add(line, get); err != nil {
			return nil, err
		}
	}
	if err := b.check(); err != nil {
		return nil, err
	}
	meta.Published = published
	return finish(&List{Entries: b.entries}, meta, digest(part{OFSIFileName, data})), nil
}

// ofsiBuilder assembles entries from the rows of their groups.
type ofsiBuilder struct {
	name    string
	entries []Entry
	index   map[string]int // Group ID -> index in entries
	lines   []int          // the first line of each entry's group
	primary []bool         // whether the entry's primary name was seen
	// pending are aliases seen before the group's primary name.
	pending [][]Alias
}

// ofsiGroupType maps Group Type to Entry.Type.
func ofsiGroupType(s string) (string, bool) {
	switch strings.ToLower(s) {
	case "individual":
		return "individual", true
	case "entity":
		return "entity", true
	case "ship":
		return "vessel", true
	}
	return "", false
}

// ofsiAliasType maps Alias Type (and Alias Quality) to Alias.Type, or
// "primary".
func ofsiAliasType(typ, quality string) (string, bool) {
	switch strings.ToLower(typ) {
	case "prime alias", "primary name":
		return "primary", true
	case "aka", "alias":
		if strings.HasPrefix(strings.ToLower(quality), "low") {
			return "weak", true
		}
		return "aka", true
	case "fka":
		return "fka", true
	case "primary name variation":
		return AliasVariation, true
	}
	return "", false
}

// add folds one row into its group's entry.
func (b *ofsiBuilder) add(line int, get func(string) string) error {
	id := get("Group ID")
	if !isDigits(id) {
		return parseErr(b.name, line, "Group ID is not a number")
	}
	name := joinParts(" ", get("Name 1"), get("Name 2"), get("Name 3"), get("Name 4"), get("Name 5"), get("Name 6"))
	if name == "" {
		return parseErr(b.name, line, "group %s: row without a name", id)
	}
	typ, ok := ofsiGroupType(get("Group Type"))
	if !ok {
		return parseErr(b.name, line, "group %s: unknown Group Type", id)
	}
	at, ok := ofsiAliasType(get("Alias Type"), get("Alias Quality"))
	if !ok {
		return parseErr(b.name, line, "group %s: unknown Alias Type", id)
	}
	i, seen := b.index[id]
	if !seen {
		i = len(b.entries)
		b.index[id] = i
		b.entries = append(b.entries, Entry{ID: id, Type: typ})
		b.lines = append(b.lines, line)
		b.primary = append(b.primary, false)
		b.pending = append(b.pending, nil)
	}
	e := &b.entries[i]
	if e.Type != typ {
		return parseErr(b.name, line, "group %s: Group Type differs from the group's first row (line %d)", id, b.lines[i])
	}
	switch {
	case at == "primary" && !b.primary[i]:
		e.Name = name
		b.primary[i] = true
		for _, a := range b.pending[i] {
			e.Aliases = addAlias(*e, a)
		}
		b.pending[i] = nil
	case at == "primary" && e.Name != name:
		// A second primary name: OFSI lists some groups under two.
		e.Aliases = addAlias(*e, Alias{Name: name, Type: "aka"})
	case at != "primary":
		a := Alias{Name: name, Type: at}
		if b.primary[i] {
			e.Aliases = addAlias(*e, a)
		} else {
			b.pending[i] = append(b.pending[i], a)
		}
	}
	if n := get("Name Non-Latin Script"); n != "" {
		a := Alias{Name: n, Type: AliasOriginalScript, Lang: get("Non-Latin Script Language")}
		if b.primary[i] {
			e.Aliases = addAlias(*e, a)
		} else {
			b.pending[i] = append(b.pending[i], a)
		}
	}
	if p := get("Regime"); p != "" {
		e.Programs = appendUnique(e.Programs, p)
	}
	if d := ofsiDate(get("DOB")); d != "" {
		e.DatesOfBirth = appendUnique(e.DatesOfBirth, d)
	}
	for _, n := range ofsiItems(get("Nationality")) {
		e.Nationalities = appendUnique(e.Nationalities, n)
	}
	if a := joinParts(", ", get("Address 1"), get("Address 2"), get("Address 3"), get("Address 4"),
		get("Address 5"), get("Address 6"), get("Post/Zip Code"), get("Country")); a != "" {
		e.Addresses = appendUnique(e.Addresses, a)
	}
	for _, idc := range []struct{ col, typ string }{
		{"Passport Number", "Passport"}, {"National Identification Number", "National ID No."},
	} {
		for _, v := range ofsiItems(get(idc.col)) {
			if !hasID(e.IDs, idc.typ, v) {
				e.IDs = append(e.IDs, Identifier{Type: idc.typ, Number: v})
			}
		}
	}
	if e.Remarks == "" {
		e.Remarks = ofsiRemarks(get)
	}
	return nil
}

// check refuses a group without a primary name.
func (b *ofsiBuilder) check() error {
	if len(b.entries) == 0 {
		return parseErr(b.name, 0, "no records")
	}
	for i, e := range b.entries {
		if !b.primary[i] {
			return parseErr(b.name, b.lines[i], "group %s has no primary name row", e.ID)
		}
	}
	return nil
}

// ofsiRemarks gathers the free-text columns of a row: Other Information,
// then the labelled position, passport and ID details.
func ofsiRemarks(get func(string) string) string {
	var parts []string
	if v := get("Other Information"); v != "" {
		parts = append(parts, v)
	}
	for _, c := range []string{"Title", "Position", "Passport Details", "NI Number", "National Identification Details"} {
		if v := get(c); v != "" {
			parts = append(parts, c+": "+v)
		}
	}
	return strings.Join(parts, "; ")
}

// ofsiDate converts an OFSI date of birth, DD/MM/YYYY with 00 for an
// unknown day or month, to YYYY-MM-DD, YYYY-MM or YYYY; anything else is
// kept as written.
func ofsiDate(s string) string {
	if len(s) != 10 || s[2] != '/' || s[5] != '/' || !isDigits(s[:2]+s[3:5]+s[6:]) {
		return s
	}
	d, m, y := s[:2], s[3:5], s[6:]
	switch {
	case y == "0000":
		return ""
	case m == "00":
		return y
	case d == "00":
		return y + "-" + m
	}
	return fmt.Sprintf("%s-%s-%s", y, m, d)
}

// hasID reports whether ids holds an identifier of this type and number.
func hasID(ids []Identifier, typ, number string) bool {
	for _, id := range ids {
		if id.Type == typ && id.Number == number {
			return true
		}
	}
	return false
}
