package lists_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/google/go-cmp/cmp"
)

// OFSI's whole ConList.csv of 2020-04-27: the 29-column layout, Windows-1252.
func TestLoadOFSICSVRealFile2020(t *testing.T) {
	t.Parallel()
	data := gunzipTestdata(t, "uk/ConList-2020-04-27.csv.gz")
	sum := sha256.Sum256(data)
	const want = "e1b4d79024f27a6074e52f55a6368b9475036cd2b2323077748a7131acc0bf76"
	if got := hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("test file sha256 %s, want %s", got, want)
	}
	l, err := lists.LoadOFSICSV(lists.Source{Name: "ConList.csv", R: bytes.NewReader(data)}, provenance.List{ID: "uk-ofsi"})
	if err != nil {
		t.Fatal(err)
	}
	p := l.Provenance
	if p.SHA256 != want || p.Entries != 2114 || !p.Published.Equal(time.Date(2020, 4, 27, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("provenance %+v", p)
	}
	if diff := cmp.Diff(map[string]int{"individual": 1523, "entity": 591}, countTypes(l)); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
	e := entryByID(t, l, "13349")
	if e.Name != "Nayef Salam Muhammad Ujaym AL-HABABI" || len(e.Aliases) != 7 ||
		!cmp.Equal(e.Nationalities, []string{"Saudi Arabia", "Qatar"}) || !cmp.Equal(e.DatesOfBirth, []string{"1980", "1981"}) ||
		!cmp.Equal(e.Programs, []string{"The ISIL (Da'esh) and Al-Qaida organisations"}) {
		t.Errorf("group 13349 = %+v", e)
	}
	// Windows-1252 is decoded: no replacement characters, and the curly
	// quotes and accents of the file come out as UTF-8.
	var accents int
	for _, e := range l.Entries {
		for _, s := range append([]string{e.Name, e.Remarks}, e.Addresses...) {
			if strings.ContainsRune(s, '\uFFFD') {
				t.Fatalf("group %s: replacement character in %q", e.ID, s)
			}
			if strings.ContainsAny(s, "’é“”–") {
				accents++
			}
		}
	}
	if accents == 0 {
		t.Error("no Windows-1252 punctuation or accent decoded")
	}
}

// Rows of the 2022 format, converted from OFSI's XLSX export of 2025-04-10
// by testdata/uk/xlsx2csv (see testdata/SOURCES.md).
func TestLoadOFSICSV2022(t *testing.T) {
	t.Parallel()
	l, err := lists.LoadOFSICSV(src("ConList.csv", readTestdata(t, "uk/conlist-2022-excerpt.csv")), provenance.List{ID: "uk-ofsi"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Provenance.Entries != 5 || !l.Provenance.Published.Equal(time.Date(2025, 4, 10, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("provenance %+v", l.Provenance)
	}
	sber := entryByID(t, l, "15076")
	want := lists.Entry{
		ID: "15076", List: "uk-ofsi", Name: "PJSC SBERBANK (PUBLIC JOINT-STOCK COMPANY SBERBANK)", Type: "entity",
		Aliases: []lists.Alias{
			{Name: "ПАО Сбербанк", Type: lists.AliasOriginalScript},
			{Name: "PJSC SBERBANK OF RUSSIA", Type: lists.AliasVariation},
			{Name: "SBERBANK", Type: lists.AliasVariation},
			{Name: "SBERBANK OF RUSSIA", Type: lists.AliasVariation},
		},
		Programs:  []string{"Russia"},
		Addresses: []string{"19 Vavilova St., Moscow, 117997, Russia"},
	}
	sber.Remarks = ""
	if diff := cmp.Diff(want, sber); diff != "" {
		t.Errorf("group 15076 (-want +got):\n%s", diff)
	}
	salam := entryByID(t, l, "11634")
	if diff := cmp.Diff([]lists.Identifier{{Type: "Passport", Number: "OR801168"}, {Type: "Passport", Number: "4117921"},
		{Type: "National ID No.", Number: "281020505755"}}, salam.IDs); diff != "" {
		t.Errorf("group 11634 ids (-want +got):\n%s", diff)
	}
	if salam.Aliases[0] != (lists.Alias{Name: "سعید جان عبد السلام", Type: lists.AliasOriginalScript}) {
		t.Errorf("group 11634 aliases %v", salam.Aliases)
	}
	weak := 0
	for _, a := range salam.Aliases {
		if a.Type == "weak" {
			weak++
		}
	}
	if weak != 8 {
		t.Errorf("group 11634: %d low-quality aliases, want 8", weak)
	}
	if e := entryByID(t, l, "13651"); e.Type != "vessel" || e.Name != "SAM JONG 2" {
		t.Errorf("group 13651 = %+v", e)
	}
}

func TestLoadOFSICSVBad(t *testing.T) {
	t.Parallel()
	good := readTestdata(t, "uk/conlist-2022-excerpt.csv")
	lines := strings.SplitAfter(good, "\r\n")
	tests := []struct {
		name, doc, want string
	}{
		{"no date row", strings.Join(lines[1:], ""), `line 1: first row is not "Last Updated,DD/MM/YYYY"`},
		{"bad date", strings.Replace(good, "10/04/2025", "2025-04-10", 1), "Last Updated is not DD/MM/YYYY"},
		{"unknown header", strings.Replace(good, "Alias Quality", "Alias Strength", 1), "line 2: header is neither OFSI layout"},
		{"field count", lines[0] + lines[1] + "A,B\r\n", "line 3: wrong number of fields"},
		{"alias type", strings.Replace(good, ",Primary name variation,", ",Nickname,", 1), "line 3: group 15672: unknown Alias Type"},
		{"group type", strings.Replace(good, ",Individual,", ",Company,", 1), "unknown Group Type"},
		{"no primary", lines[0] + lines[1] + lines[2], "line 3: group 15672 has no primary name row"},
		{"bad quoting", lines[0] + lines[1] + `"A` + "\r\n", "extraneous or missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := lists.LoadOFSICSV(src("ConList.csv", tt.doc), provenance.List{ID: "t"})
			if err == nil {
				t.Fatal("want error")
			}
			if !errors.Is(err, lists.ErrMalformed) || !strings.HasPrefix(err.Error(), "parse ConList.csv: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want a ParseError containing %q", err, tt.want)
			}
		})
	}
}

// Three records of the FCDO's UK Sanctions List of 2026-08-14.
func TestLoadFCDOXML(t *testing.T) {
	t.Parallel()
	l, err := lists.LoadFCDOXML(src("UK-Sanctions-List.xml", readTestdata(t, "uk/uk-sanctions-list-excerpt.xml")), provenance.List{ID: "uk-fcdo"})
	if err != nil {
		t.Fatal(err)
	}
	if l.Provenance.Entries != 3 || !l.Provenance.Published.Equal(time.Date(2026, 8, 14, 23, 0, 4, 744e6, time.UTC)) {
		t.Errorf("provenance %+v", l.Provenance)
	}
	mansur := entryByID(t, l, "AFG0011")
	mansur.Remarks = ""
	want := lists.Entry{
		ID: "AFG0011", List: "uk-fcdo", Name: "ABDUL LATIF MANSUR", Type: "individual",
		Aliases: []lists.Alias{
			{Name: "عبد اللطيف منصور", Type: lists.AliasOriginalScript},
			{Name: "Abdul Latif MANSOOR", Type: "aka"},
			{Name: "Wali MOHAMMAD", Type: "aka"},
		},
		Programs: []string{"The Afghanistan (Sanctions) (EU Exit) Regulations 2020", "measure:Asset freeze", "measure:Travel Ban"},
		IDs: []lists.Identifier{{Type: "OFSI Group ID", Number: "7270"}, {Type: "UN reference number", Number: "TAi.007"},
			{Type: "Passport", Number: "D0009720"}, {Type: "Passport", Number: "D0010442"}},
		Nationalities: []string{"Afghanistan"},
		DatesOfBirth:  []string{"1968", "1967-11-12"},
		Addresses:     []string{"Darul Aman, Kabul, Afghanistan"},
	}
	if diff := cmp.Diff(want, mansur); diff != "" {
		t.Errorf("AFG0011 (-want +got):\n%s", diff)
	}
	ship := entryByID(t, l, "DPR0075")
	if ship.Type != "vessel" || !cmp.Equal(ship.Programs[1:], []string{"measure:Prohibition of port entry"}) ||
		!cmp.Equal(ship.IDs, []lists.Identifier{{Type: "IMO", Number: "IMO9562233"}}) {
		t.Errorf("DPR0075 = %+v", ship)
	}
}

func TestLoadFCDOXMLBad(t *testing.T) {
	t.Parallel()
	good := readTestdata(t, "uk/uk-sanctions-list-excerpt.xml")
	noAttr := strings.Replace(good, ` dateGenerated="2026-08-14T23:00:04.744Z"`, "", 1)
	tests := []struct {
		name, doc, want string
	}{
		{"no date", strings.Replace(noAttr, "<DateGenerated>14/08/2026</DateGenerated>", "", 1), "no dateGenerated attribute or DateGenerated element"},
		{"bad element date", strings.Replace(noAttr, "14/08/2026", "2026-08-14", 1), "element /Designations/DateGenerated[1]: DateGenerated is not DD/MM/YYYY"},
		{"no id", strings.Replace(good, "<UniqueID>AQD0377</UniqueID>", "", 1), "element /Designations/Designation[2]: designation has no UniqueID"},
		{"duplicate", strings.Replace(good, "<UniqueID>DPR0075</UniqueID>", "<UniqueID>AFG0011</UniqueID>", 1), "UniqueID AFG0011 listed twice"},
		{"name type", strings.Replace(good, "<NameType>Alias</NameType>", "<NameType>Nickname</NameType>", 1), "AFG0011: unknown NameType"},
		{"kind", strings.Replace(good, "<IndividualEntityShip>Ship</IndividualEntityShip>", "<IndividualEntityShip>Plane</IndividualEntityShip>", 1), "DPR0075: unknown IndividualEntityShip"},
		{"no records", `<Designations dateGenerated="2026-08-14T23:00:04Z"/>`, "no Designation records"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := lists.LoadFCDOXML(src("UK-Sanctions-List.xml", tt.doc), provenance.List{ID: "t"})
			if err == nil {
				t.Fatal("want error")
			}
			if !errors.Is(err, lists.ErrMalformed) || !strings.HasPrefix(err.Error(), "parse UK-Sanctions-List.xml: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want a ParseError containing %q", err, tt.want)
			}
		})
	}
}
