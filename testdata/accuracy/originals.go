//go:build ignore

// originals writes originals-dev.tsv: tuning pairs of names in their
// original script, as the UN and the UK lists write them beside their
// Latin names, with the SDN entry of ofac-sdn-2026-08-20.csv that is the
// same party. Run in this directory:
//
//	go run ../../internal/lists/testdata/uk/xlsx2csv UK_Sanctions_List.xlsx > uk.csv
//	go run originals.go uk.csv > originals-dev.tsv
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
// Like gen.go it uses only the standard library and none of the matcher's
// code, so the set does not borrow the matcher's rules.
package main

import (
	"compress/gzip"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
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

type sdnEntry struct{ name, typ string }

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run originals.go UK.csv")
	}
	byWords := readSDN()
	var rows [][5]string // query, kind, target, script, origin
	seen := map[string]bool{}
	add := func(query, latin, typ, origin string) {
		query = strings.Join(strings.Fields(query), " ")
		sc := script(query)
		if sc == "" || seen[query] {
			return
		}
		var target *sdnEntry
		for _, e := range byWords[words(latin)] {
			if e.typ != typ {
				continue
			}
			if target != nil && target != e {
				return // two entries: not one party
			}
			target = e
		}
		if target == nil {
			return
		}
		seen[query] = true
		kind := "organization"
		if typ == "individual" {
			kind = "person"
		}
		rows = append(rows, [5]string{query, kind, target.name, sc, origin})
	}
	for _, p := range readUN() {
		add(p[0], p[1], p[2], "UN Security Council Consolidated List 2026-02-27, NAME_ORIGINAL_SCRIPT")
	}
	for _, p := range readUK(os.Args[1]) {
		add(p[0], p[1], p[2], "UK Sanctions List 2025-04-10, Name Non-Latin Script")
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i][3] < rows[j][3] })
	w := csv.NewWriter(os.Stdout)
	w.Comma = '\t'
	fmt.Println("# Tuning pairs of names in their original script, as the UN and UK lists write them, with the SDN entry of the same")
	fmt.Println("# party (see SOURCES.md; written by `go run originals.go`). Columns as screeners.tsv; every row is split \"dev\".")
	fmt.Println("# query\tkind\ttarget\ttarget_type\tlabel\tscript\tvariation\tsplit\torigin")
	for _, r := range rows {
		if err := w.Write([]string{r[0], r[1], r[2], r[1], "match", r[3], "script", "dev", r[4]}); err != nil {
			log.Fatal(err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		log.Fatal(err)
	}
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
		switch {
		case r < 0x250 || !unicode.IsLetter(r):
		case unicode.Is(unicode.Arabic, r):
			return "arabic"
		case unicode.Is(unicode.Cyrillic, r):
			return "cyrillic"
		case unicode.Is(unicode.Han, r):
			return "han"
		case unicode.Is(unicode.Hangul, r):
			return "hangul"
		case unicode.Is(unicode.Greek, r):
			return "greek"
		case unicode.Is(unicode.Hebrew, r):
			return "hebrew"
		case unicode.Is(unicode.Georgian, r):
			return "georgian"
		case unicode.Is(unicode.Armenian, r):
			return "armenian"
		case unicode.Is(unicode.Thai, r):
			return "thai"
		case unicode.Is(unicode.Myanmar, r):
			return "myanmar"
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			return "kana"
		default:
			return "other"
		}
	}
	return ""
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
		e := &sdnEntry{name: r[1], typ: r[2]}
		names := []string{r[1]}
		if r[4] != "" {
			names = append(names, strings.Split(r[4], "; ")...)
		}
		for _, n := range names {
			k := words(n)
			if !slices.Contains(out[k], e) {
				out[k] = append(out[k], e)
			}
		}
	}
	return out
}

// readUN returns the UN list's original-script names with their primary
// Latin names and types.
func readUN() [][3]string {
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
		Individuals []unName `xml:"INDIVIDUALS>INDIVIDUAL"`
		Entities    []unName `xml:"ENTITIES>ENTITY"`
	}
	if err := xml.NewDecoder(z).Decode(&doc); err != nil {
		log.Fatal(err)
	}
	var out [][3]string
	for typ, ns := range map[string][]unName{"individual": doc.Individuals, "entity": doc.Entities} {
		for _, n := range ns {
			if n.Original != "" {
				out = append(out, [3]string{n.Original, strings.Join([]string{n.First, n.Second, n.Third, n.Fourth}, " "), typ})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

type unName struct {
	First    string `xml:"FIRST_NAME"`
	Second   string `xml:"SECOND_NAME"`
	Third    string `xml:"THIRD_NAME"`
	Fourth   string `xml:"FOURTH_NAME"`
	Original string `xml:"NAME_ORIGINAL_SCRIPT"`
}

// readUK returns the UK list's non-Latin names with the Latin name of
// their row and its type, from the CSV xlsx2csv writes.
func readUK(path string) [][3]string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil && err != io.EOF {
		log.Fatal(err)
	}
	if len(recs) < 2 {
		log.Fatal("no header row")
	}
	col := map[string]int{}
	for i, h := range recs[1] {
		col[h] = i
	}
	for _, h := range []string{"Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6", "Name Non-Latin Script", "Group Type"} {
		if _, ok := col[h]; !ok {
			log.Fatalf("no column %q", h)
		}
	}
	var out [][3]string
	for _, rec := range recs[2:] {
		if len(rec) <= col["Group Type"] || rec[col["Name Non-Latin Script"]] == "" {
			continue
		}
		var latin []string
		for _, h := range []string{"Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"} {
			latin = append(latin, rec[col[h]])
		}
		typ := "entity"
		if rec[col["Group Type"]] == "Individual" {
			typ = "individual"
		}
		out = append(out, [3]string{rec[col["Name Non-Latin Script"]], strings.Join(latin, " "), typ})
	}
	return out
}
