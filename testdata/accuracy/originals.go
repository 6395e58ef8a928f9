//go:build ignore

// originals writes two sets of tuning pairs from the UN and the UK lists,
// each name with the SDN entry of ofac-sdn-2026-08-20.csv that is the
// same party:
//
//   - originals-dev.tsv: the names in their original script, as the lists
//     write them beside their Latin names;
//   - lists-dev.tsv: the lists' other Latin names of the party, as they
//     spell them, that no name of the SDN entry spells alike.
//
// Run in this directory:
//
//	go run ../../internal/lists/testdata/uk/xlsx2csv UK_Sanctions_List.xlsx > uk.csv
//	go run originals.go uk.csv
//
// (UK_Sanctions_List.xlsx is the UK Sanctions List's spreadsheet export;
// SOURCES.md names the copy the file was made from; xlsx2csv with no
// group ID writes every row.)
//
// A pair is written when the list's primary Latin name has the same words
// as the name or an alias of exactly one SDN entry of the same type (case,
// punctuation and word order aside): the original-script name is then
// the list's rendering of a name OFAC lists too. The UN's
// NAME_ORIGINAL_SCRIPT is its primary name's; the UK's non-Latin name
// stands on a row of its own, whose Latin name is the one compared.
//
// A Latin name of the lists is written to lists-dev.tsv when one of the
// party's names (the UN's primary name and aliases, the names of the UK's
// rows of one Group ID) has the same words as a name of exactly one SDN
// entry of the same type, it has not, and it shares a word of four
// letters or more with a name of that entry: another spelling of a name
// OFAC lists ("Salem Ahmed Salem HAMDAN", HAMDAN, Salim Ahmad Salim), not
// a name of its own (a kunya, an acronym, a nickname), which a screener
// is not expected to tie to the entry.
//
// Like gen.go it uses only the standard library and none of the matcher's
// code, so the set does not borrow the matcher's rules.
package main

import (
	"compress/gzip"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"log"
	"os"
	"slices"
	"sort"
	"strings"
	"unicode"
)

const (
	sdnFile = "ofac-sdn-2026-08-20.csv"
	unFile  = "../../internal/lists/testdata/un/consolidated.xml.gz"
)

type sdnEntry struct {
	name, typ string
	words     map[string]bool // the words of its names and aliases, four letters or more
	names     map[string]bool // its names and aliases as words returns them
}

// party is an entry of the UN or UK list: its Latin names, and its names
// in their original script with the Latin name each renders.
type party struct {
	typ       string
	latin     []string
	originals [][2]string
}

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run originals.go UK.csv")
	}
	byWords := readSDN()
	un, uk := readUN(), readUK(os.Args[1])
	const (
		unOrigin = "UN Security Council Consolidated List 2026-02-27"
		ukOrigin = "UK Sanctions List 2025-04-10"
	)
	// target returns the one SDN entry of type typ one of names is a name
	// of, or nil.
	target := func(typ string, names ...string) *sdnEntry {
		var t *sdnEntry
		for _, n := range names {
			for _, e := range byWords[words(n)] {
				if e.typ != typ {
					continue
				}
				if t != nil && t != e {
					return nil // two entries: not one party
				}
				t = e
			}
		}
		return t
	}

	var originals, variants [][5]string // query, kind, target, script, origin
	seen, seenLatin := map[string]bool{}, map[string]bool{}
	for _, src := range []struct {
		parties []party
		origin  string
	}{{un, unOrigin}, {uk, ukOrigin}} {
		for _, p := range src.parties {
			kind := "organization"
			if p.typ == "individual" {
				kind = "person"
			}
			for _, o := range p.originals {
				q := strings.Join(strings.Fields(o[0]), " ")
				sc := script(q)
				if sc == "" || seen[q] {
					continue
				}
				if t := target(p.typ, o[1]); t != nil {
					seen[q] = true
					originals = append(originals, [5]string{q, kind, t.name, sc, src.origin + ", " + map[bool]string{true: "NAME_ORIGINAL_SCRIPT", false: "Name Non-Latin Script"}[src.origin == unOrigin]})
				}
			}
			t := target(p.typ, p.latin...)
			if t == nil {
				continue
			}
			for _, n := range p.latin {
				q := strings.Join(strings.Fields(n), " ")
				if q == "" || script(q) != "" || seenLatin[q] || t.names[words(q)] || !sharesWord(q, t.words) {
					continue
				}
				seenLatin[q] = true
				variants = append(variants, [5]string{q, kind, t.name, "latin", src.origin})
			}
		}
	}
	sort.SliceStable(originals, func(i, j int) bool { return originals[i][3] < originals[j][3] })
	write("originals-dev.tsv", originals, "script",
		"Tuning pairs of names in their original script, as the UN and UK lists write them, with the SDN entry of the same")
	write("lists-dev.tsv", variants, "lists",
		"Tuning pairs of the Latin names the UN and UK lists write for a party, with the SDN entry of the same party, where")
}

// write writes rows to path in the columns of screeners.tsv, their
// variation var, after two lines of comment, head and a line of its own.
func write(path string, rows [][5]string, variation, head string) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintln(f, "# "+head)
	if variation == "lists" {
		fmt.Fprintln(f, "# no name of the SDN entry has the same words (see SOURCES.md; written by `go run originals.go`). Columns as")
		fmt.Fprintln(f, "# screeners.tsv; every row is split \"dev\".")
	} else {
		fmt.Fprintln(f, "# party (see SOURCES.md; written by `go run originals.go`). Columns as screeners.tsv; every row is split \"dev\".")
	}
	fmt.Fprintln(f, "# query\tkind\ttarget\ttarget_type\tlabel\tscript\tvariation\tsplit\torigin")
	w := csv.NewWriter(f)
	w.Comma = '\t'
	for _, r := range rows {
		if err := w.Write([]string{r[0], r[1], r[2], r[1], "match", r[3], variation, "dev", r[4]}); err != nil {
			log.Fatal(err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// sharesWord reports whether name has a word of four letters or more of
// ws.
func sharesWord(name string, ws map[string]bool) bool {
	for _, w := range strings.Fields(words(name)) {
		if len([]rune(w)) >= 4 && ws[w] {
			return true
		}
	}
	return false
}

// words returns the words of a name, upper case, sorted: letters and
// digits only.
func words(s string) string {
	ws := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	sort.Strings(ws)
	return strings.Join(ws, " ")
}

// script names the script of a name's first letter outside Latin, or ""
// for a name in Latin letters only.
func script(s string) string {
	for _, r := range s {
		if r < 0x250 || !unicode.IsLetter(r) {
			continue
		}
		for _, sc := range scripts {
			if unicode.In(r, sc.tables...) {
				return sc.name
			}
		}
		return "other"
	}
	return ""
}

// scripts are the scripts the sets name, by their Unicode tables.
var scripts = []struct {
	name   string
	tables []*unicode.RangeTable
}{
	{"arabic", []*unicode.RangeTable{unicode.Arabic}}, {"cyrillic", []*unicode.RangeTable{unicode.Cyrillic}},
	{"han", []*unicode.RangeTable{unicode.Han}}, {"hangul", []*unicode.RangeTable{unicode.Hangul}},
	{"greek", []*unicode.RangeTable{unicode.Greek}}, {"hebrew", []*unicode.RangeTable{unicode.Hebrew}},
	{"georgian", []*unicode.RangeTable{unicode.Georgian}}, {"armenian", []*unicode.RangeTable{unicode.Armenian}},
	{"thai", []*unicode.RangeTable{unicode.Thai}}, {"myanmar", []*unicode.RangeTable{unicode.Myanmar}},
	{"kana", []*unicode.RangeTable{unicode.Hiragana, unicode.Katakana}},
}

// readSDN maps the words of every SDN name and alias to its entries.
func readSDN() map[string][]*sdnEntry {
	f, err := os.Open(sdnFile)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	out := map[string][]*sdnEntry{}
	for _, r := range recs[1:] {
		e := &sdnEntry{name: r[1], typ: r[2], words: map[string]bool{}, names: map[string]bool{}}
		names := []string{r[1]}
		if r[4] != "" {
			names = append(names, strings.Split(r[4], "; ")...)
		}
		for _, n := range names {
			k := words(n)
			e.names[k] = true
			for _, w := range strings.Fields(k) {
				e.words[w] = true
			}
			if !slices.Contains(out[k], e) {
				out[k] = append(out[k], e)
			}
		}
	}
	return out
}

// readUN returns the UN list's parties: the primary name and aliases, and
// the original-script name with the primary name.
func readUN() []party {
	f, err := os.Open(unFile)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		log.Fatal(err)
	}
	var doc struct {
		Individuals []unEntry `xml:"INDIVIDUALS>INDIVIDUAL"`
		Entities    []unEntry `xml:"ENTITIES>ENTITY"`
	}
	if err := xml.NewDecoder(z).Decode(&doc); err != nil {
		log.Fatal(err)
	}
	var out []party
	for _, l := range []struct {
		typ     string
		entries []unEntry
	}{{"individual", doc.Individuals}, {"entity", doc.Entities}} {
		for _, e := range l.entries {
			primary := strings.Join(strings.Fields(strings.Join([]string{e.First, e.Second, e.Third, e.Fourth}, " ")), " ")
			p := party{typ: l.typ, latin: []string{primary}}
			for _, a := range append(e.IndividualAliases, e.EntityAliases...) {
				if a != "" {
					p.latin = append(p.latin, a)
				}
			}
			if e.Original != "" {
				p.originals = append(p.originals, [2]string{e.Original, primary})
			}
			out = append(out, p)
		}
	}
	return out
}

type unEntry struct {
	First             string   `xml:"FIRST_NAME"`
	Second            string   `xml:"SECOND_NAME"`
	Third             string   `xml:"THIRD_NAME"`
	Fourth            string   `xml:"FOURTH_NAME"`
	Original          string   `xml:"NAME_ORIGINAL_SCRIPT"`
	IndividualAliases []string `xml:"INDIVIDUAL_ALIAS>ALIAS_NAME"`
	EntityAliases     []string `xml:"ENTITY_ALIAS>ALIAS_NAME"`
}

// readUK returns the UK list's parties, from the CSV xlsx2csv writes: the
// Latin names of the rows of a Group ID, in the order of the rows, and
// each non-Latin name with the Latin name of its row.
func readUK(path string) []party {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	if len(recs) < 2 {
		log.Fatal("no header row")
	}
	col := map[string]int{}
	for i, h := range recs[1] {
		col[h] = i
	}
	nameCols := []string{"Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"}
	for _, h := range append(nameCols, "Name Non-Latin Script", "Group Type", "Group ID") {
		if _, ok := col[h]; !ok {
			log.Fatalf("no column %q", h)
		}
	}
	byGroup := map[string]*party{}
	var order []string
	for _, rec := range recs[2:] {
		if len(rec) <= col["Group ID"] {
			continue
		}
		id := rec[col["Group ID"]]
		p := byGroup[id]
		if p == nil {
			p = &party{typ: "entity"}
			if rec[col["Group Type"]] == "Individual" {
				p.typ = "individual"
			}
			byGroup[id] = p
			order = append(order, id)
		}
		var latin []string
		for _, h := range nameCols {
			latin = append(latin, rec[col[h]])
		}
		name := strings.Join(strings.Fields(strings.Join(latin, " ")), " ")
		if name != "" {
			p.latin = append(p.latin, name)
		}
		if nl := rec[col["Name Non-Latin Script"]]; nl != "" {
			p.originals = append(p.originals, [2]string{nl, name})
		}
	}
	out := make([]party, 0, len(order))
	for _, id := range order {
		out = append(out, *byGroup[id])
	}
	return out
}
