package screen

import (
	"bytes"
	"compress/gzip"
	_ "embed" // the nickname table
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
)

// Nicknames. English writes a person's given name in its familiar form
// as often as in full: "Bill Gates" for GATES, William Henry, "Bob" for
// Robert, "Mike" for Michael, "Alex" for Alexander. Neither spelling nor
// sound relates Bill to William, so a table does: the nicknames of
// English given names of carltonnorthern/nicknames (names.csv, a
// hand-curated list used by record-linkage tools; data/, SOURCES.md says
// where the copy comes from). A query's given name paired with a listed
// one by the table is a possible match at most (capNickname), as a
// nickname is as often another person's given name.

// nicknamesGz is names.csv of carltonnorthern/nicknames at commit 21d7505
// (rows "name,has_nickname,nickname"), gzip-compressed.
//
//go:embed data/nicknames-21d7505.csv.gz
var nicknamesGz []byte

// minNickname is the fewest letters of a nickname taken from the table:
// shorter ones ("Al", "Ed") are as often initials, particles (the
// article al) or other names.
const minNickname = 3

// parseNicknames reads the table into the full names each nickname is
// a nickname of, in the table's order.
func parseNicknames(gz []byte) (map[string][]string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("nicknames: %w", err)
	}
	r := csv.NewReader(zr)
	r.FieldsPerRecord = 3
	fullOf := map[string][]string{}
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("nicknames: %w", err)
		}
		if line == 1 {
			continue // the header
		}
		name, rel, nick := strings.TrimSpace(rec[0]), rec[1], strings.TrimSpace(rec[2])
		if rel != "has_nickname" || name == "" || nick == "" {
			return nil, fmt.Errorf("nicknames: line %d: %q, want name,has_nickname,nickname", line, strings.Join(rec, ","))
		}
		if !lettersOnly([]byte(name)) || !lettersOnly([]byte(nick)) {
			continue // "k.c." for Casey: initials, not a name
		}
		// The table lists some pairs both ways ("bill,has_nickname,
		// william"): the shorter name is the nickname, and of two of one
		// length neither is ("bill", "fred").
		if len(nick) > len(name) {
			name, nick = nick, name
		}
		if len(nick) < minNickname || len(nick) == len(name) || slices.Contains(fullOf[nick], name) {
			continue
		}
		fullOf[nick] = append(fullOf[nick], name)
	}
	if len(fullOf) < 1000 {
		return nil, fmt.Errorf("nicknames: %d nicknames, want the whole table", len(fullOf))
	}
	return fullOf, nil
}

// givenFormTable is what scoring pairs given names by: for each form,
// the forms it pairs with (its group), from givenNameForms and the
// nicknames.
type givenFormTable struct {
	forms [][]string
	// own are the forms of each group that are the name itself, in
	// another language's form or not (its language group): a word weighs
	// as they do, not as the full names of a nickname.
	own   [][]string
	group map[string]int32
	// filter is the word filter of group's keys, asked first.
	filter *wordFilter
}

// nickname reports whether group g is a nickname's (the groups after
// givenNameForms' language groups).
func (t *givenFormTable) nickname(g int32) bool { return int(g) >= len(givenFormsOf) }

// givenForms returns the table, built on first use from givenNameForms
// and the embedded nicknames: a word's group is its language group and,
// for a nickname, the full names it is a nickname of and their language
// groups ("Mike": Michael, Mikhail, Mykhailo). The table pairs a query's
// nickname with a listed full name, not the other way: a list that gives
// a nickname ("JONES, Sally") names someone known by it, and a query in
// full ("Sarah Jones") is as often another person. A table that does not
// parse is a build defect, caught by the package's tests.
var givenForms = sync.OnceValue(func() givenFormTable {
	fullOf, err := parseNicknames(nicknamesGz)
	if err != nil {
		panic(err) // the embedded table is part of the build; TestNicknamesTable
	}
	return buildGivenForms(fullOf)
})

// buildGivenForms composes the language groups of givenNameForms, which
// keep their indexes, with the full names of each nickname, fullOf: a
// word of a language group has that group; a nickname, a group of its
// own forms and its full names' forms.
func buildGivenForms(fullOf map[string][]string) givenFormTable {
	t := givenFormTable{group: maps.Clone(givenFormGroup), forms: slices.Clone(givenFormsOf), own: slices.Clone(givenFormsOf)}
	// formsOf appends w's forms, its language group's or w, to dst.
	formsOf := func(dst []string, w string) []string {
		if g, ok := givenFormGroup[w]; ok {
			return append(dst, givenFormsOf[g]...)
		}
		return append(dst, w)
	}
	for _, w := range slices.Sorted(maps.Keys(fullOf)) {
		own := formsOf(nil, w)
		set := slices.Clone(own)
		for _, f := range fullOf[w] {
			set = formsOf(set, f)
		}
		slices.Sort(set)
		t.group[w] = int32(len(t.forms))
		t.forms = append(t.forms, slices.Compact(set))
		t.own = append(t.own, own)
	}
	t.filter = filterOf(t.group)
	return t
}
