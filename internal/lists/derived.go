package lists

import (
	"strings"

	"github.com/bangate/bangate/internal/provenance"
)

// derivedHeader is the header of the derived SDN export.
var derivedHeader = []string{"uid", "name", "type", "programs", "alternate_names"}

// LoadDerivedSDN parses the derived SDN export published by
// kindrat86/ofac-sdn-json (ofac-sdn.csv): a header
// "uid,name,type,programs,alternate_names", then one row per SDN entry with
// programs and alternate names joined by "; ". It is SDN.CSV joined with
// ALT.CSV by a third party, so Provenance.Derived is set; it has no remarks
// (no IDs, DOBs, weak aliases, websites) and does not say whether an
// alternate name is an a.k.a., f.k.a. or n.k.a.: all become "aka".
func LoadDerivedSDN(s Source, meta provenance.List) (*List, error) {
	meta.Derived = true
	data, err := readSanctions(s, &meta)
	if err != nil {
		return nil, err
	}
	entries, err := parseDerivedSDN(s.Name, data)
	if err != nil {
		return nil, err
	}
	return finish(&List{Entries: entries}, meta, digest(part{"ofac-sdn.csv", data})), nil
}

// parseDerivedSDN parses the bytes of the derived export.
func parseDerivedSDN(name string, data []byte) ([]Entry, error) {
	n := countLines(data)
	entries := make([]Entry, 0, n)
	seen := make(map[string]int, n)
	header := true
	err := scanCSV(name, string(data), len(derivedHeader), func(line int, rec []string) error {
		if header {
			header = false
			if !equalStrings(rec, derivedHeader) {
				return parseErr(name, line, "header is not uid,name,type,programs,alternate_names")
			}
			return nil
		}
		id := strings.TrimSpace(rec[0])
		if !isDigits(id) {
			return parseErr(name, line, "uid is not a number")
		}
		if first, dup := seen[id]; dup {
			return parseErr(name, line, "uid %s listed twice (first at line %d)", id, first)
		}
		seen[id] = line
		e := Entry{ID: id, Name: strings.TrimSpace(rec[1])}
		if e.Name == "" {
			return parseErr(name, line, "uid %s has no name", id)
		}
		typ, ok := sdnType(strings.TrimSpace(rec[2]))
		if !ok || strings.TrimSpace(rec[2]) == "" {
			return parseErr(name, line, "uid %s: unknown type", id)
		}
		e.Type = typ
		e.Programs = splitSemi(rec[3])
		for _, a := range splitSemi(rec[4]) {
			e.Aliases = addAlias(e, Alias{Name: a, Type: "aka"})
		}
		entries = append(entries, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, parseErr(name, 0, "no records")
	}
	return entries, nil
}
