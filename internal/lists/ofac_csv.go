package lists

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bangate/bangate/internal/provenance"
)

// OFACFiles is the file set of one OFAC legacy CSV list: SDN.CSV, ALT.CSV,
// ADD.CSV and SDN_COMMENTS.CSV for the SDN list, or CONS_PRIM.CSV,
// CONS_ALT.CSV, CONS_ADD.CSV and CONS_COMMENTS.CSV for the consolidated
// non-SDN list (same layouts).
type OFACFiles struct {
	// Primary is SDN.CSV or CONS_PRIM.CSV (12 columns). Required.
	Primary Source
	// Alt is ALT.CSV or CONS_ALT.CSV (5 columns). Required.
	Alt Source
	// Add is ADD.CSV or CONS_ADD.CSV (6 columns). Optional: its rows are
	// checked (layout, known ent_num) but Entry has no address field.
	Add Source
	// Comments is SDN_COMMENTS.CSV or CONS_COMMENTS.CSV (2 columns), the
	// continuation of remarks cut at 1000 characters. Optional.
	Comments Source
}

// OFACPaths names the files of an OFAC legacy CSV list on disk; empty
// optional paths are absent files.
type OFACPaths struct {
	Primary, Alt, Add, Comments string
}

// Files returns the OFACFiles reading the named paths.
func (p OFACPaths) Files() OFACFiles {
	f := OFACFiles{Primary: FileSource(p.Primary), Alt: FileSource(p.Alt)}
	if p.Add != "" {
		f.Add = FileSource(p.Add)
	}
	if p.Comments != "" {
		f.Comments = FileSource(p.Comments)
	}
	return f
}

// errNoID is returned when a loader is given provenance without an ID.
var errNoID = errors.New("provenance has no list id")

// LoadOFACLegacyFiles is LoadOFACLegacy over files on disk.
func LoadOFACLegacyFiles(paths OFACPaths, meta provenance.List) (*List, error) {
	return LoadOFACLegacy(paths.Files(), meta)
}

// LoadOFACLegacy parses an OFAC legacy CSV file set into a List. meta gives
// the provenance the files do not carry (ID, Kind, SourceURL, Published,
// Retrieved); SHA256 and Entries are computed. Kind defaults to
// KindSanctions.
//
// Every malformed input is an error naming the file and line: a wrong column
// count, bad quoting, an empty or truncated file, an ent_num that is not a
// number, an unknown SDN_Type or alt_type, an empty name, the same ent_num
// twice with different names, and an alt, add or comments row whose ent_num
// is not in the primary file.
func LoadOFACLegacy(files OFACFiles, meta provenance.List) (*List, error) {
	if meta.ID == "" {
		return nil, errNoID
	}
	if meta.Kind == "" {
		meta.Kind = provenance.KindSanctions
	}
	if files.Primary.R == nil || files.Alt.R == nil {
		return nil, fmt.Errorf("load %s: primary and alt files are required", meta.ID)
	}
	prim, err := readSource(files.Primary)
	if err != nil {
		return nil, err
	}
	alt, err := readSource(files.Alt)
	if err != nil {
		return nil, err
	}
	parts := []part{{"primary", prim}, {"alt", alt}}
	var add, comments []byte
	if files.Add.R != nil {
		if add, err = readSource(files.Add); err != nil {
			return nil, err
		}
		parts = append(parts, part{"add", add})
	}
	if files.Comments.R != nil {
		if comments, err = readSource(files.Comments); err != nil {
			return nil, err
		}
		parts = append(parts, part{"comments", comments})
	}

	b := &legacyBuilder{}
	if err := b.primary(files.Primary.Name, prim); err != nil {
		return nil, err
	}
	if err := b.alt(files.Alt.Name, alt, true); err != nil {
		return nil, err
	}
	if add != nil {
		if err := b.add(files.Add.Name, add); err != nil {
			return nil, err
		}
	}
	if comments != nil {
		if err := b.comments(files.Comments.Name, comments, true); err != nil {
			return nil, err
		}
	}
	b.parseRemarks()
	return finish(&List{Entries: b.entries}, meta, digest(parts...)), nil
}

// legacyBuilder assembles entries from the legacy CSV files.
type legacyBuilder struct {
	entries []Entry
	index   map[string]int // ent_num -> index in entries
}

// sdnType maps SDN_Type values to Entry.Type; the null marker means entity.
func sdnType(s string) (string, bool) {
	switch strings.ToLower(s) {
	case "":
		return "entity", true
	case "individual":
		return "individual", true
	case "vessel":
		return "vessel", true
	case "aircraft":
		return "aircraft", true
	case "entity":
		return "entity", true
	}
	return "", false
}

// primary reads SDN.CSV / CONS_PRIM.CSV; it must be called first.
func (b *legacyBuilder) primary(name string, data []byte) error {
	n := countLines(data)
	b.entries = make([]Entry, 0, n)
	b.index = make(map[string]int, n)
	lines := make(map[string]int, n) // ent_num -> line of its primary row
	return readLegacyCSV(name, data, primaryFields, func(line int, rec []string) error {
		id := legacyValue(rec[0])
		if !isDigits(id) {
			return parseErr(name, line, "ent_num is not a number")
		}
		n := legacyValue(rec[1])
		if n == "" {
			return parseErr(name, line, "ent_num %s has no name", id)
		}
		typ, ok := sdnType(legacyValue(rec[2]))
		if !ok {
			return parseErr(name, line, "ent_num %s: unknown SDN_Type", id)
		}
		if i, dup := b.index[id]; dup {
			if b.entries[i].Name != n {
				return parseErr(name, line, "ent_num %s listed twice with different names (first at line %d)", id, lines[id])
			}
			for _, p := range splitPrograms(legacyValue(rec[3])) {
				b.entries[i].Programs = appendUnique(b.entries[i].Programs, p)
			}
			return nil
		}
		b.index[id] = len(b.entries)
		lines[id] = line
		b.entries = append(b.entries, Entry{
			ID:       id,
			Name:     n,
			Type:     typ,
			Programs: splitPrograms(legacyValue(rec[3])),
			Remarks:  legacyRaw(rec[11]), // trimmed after joining the comments
		})
		return nil
	})
}

// altType maps alt_type values to Alias.Type.
func altType(s string) (string, bool) {
	switch strings.ToLower(strings.TrimRight(s, ".")) {
	case "aka", "a.k.a":
		return "aka", true
	case "fka", "f.k.a":
		return "fka", true
	case "nka", "n.k.a":
		return "nka", true
	}
	return "", false
}

// entry finds the entry a row of a secondary file (alt, add, comments)
// belongs to by its ent_num: its id and index, or index -1 for an unknown
// ent_num when strict is unset (the row is then skipped); an unknown
// ent_num in strict mode, or one that is not a number, is an error.
func (b *legacyBuilder) entry(name string, line int, rec []string, strict bool) (string, int, error) {
	id := legacyValue(rec[0])
	if !isDigits(id) {
		return id, -1, parseErr(name, line, "ent_num is not a number")
	}
	i, ok := b.index[id]
	switch {
	case ok:
		return id, i, nil
	case strict:
		return id, -1, parseErr(name, line, "ent_num %s is not in the primary file", id)
	default:
		return id, -1, nil
	}
}

// alt reads ALT.CSV / CONS_ALT.CSV. With strict unset, rows of unknown
// ent_nums are skipped (used only when combining files of different dates).
func (b *legacyBuilder) alt(name string, data []byte, strict bool) error {
	return readLegacyCSV(name, data, altFields, func(line int, rec []string) error {
		id, i, err := b.entry(name, line, rec, strict)
		if err != nil || i < 0 {
			return err
		}
		typ, ok := altType(legacyValue(rec[2]))
		if !ok {
			return parseErr(name, line, "ent_num %s: unknown alt_type", id)
		}
		n := legacyValue(rec[3])
		if n == "" {
			return parseErr(name, line, "ent_num %s: empty alt_name", id)
		}
		b.entries[i].Aliases = addAlias(b.entries[i], Alias{Name: n, Type: typ})
		return nil
	})
}

// add reads ADD.CSV / CONS_ADD.CSV: it checks the layout and that every
// ent_num is known; Entry holds no addresses.
func (b *legacyBuilder) add(name string, data []byte) error {
	return readLegacyCSV(name, data, addFields, func(line int, rec []string) error {
		_, _, err := b.entry(name, line, rec, true)
		return err
	})
}

// comments reads SDN_COMMENTS.CSV / CONS_COMMENTS.CSV and appends each
// row to its entry's remarks with no separator: OFAC cuts the remarks at
// 1000 characters, mid-token, and continues them here. With strict unset,
// rows of unknown ent_nums are skipped.
func (b *legacyBuilder) comments(name string, data []byte, strict bool) error {
	return readLegacyCSV(name, data, commentsFields, func(line int, rec []string) error {
		_, i, err := b.entry(name, line, rec, strict)
		if err != nil || i < 0 {
			return err
		}
		// The continuation is taken verbatim: a leading or trailing space
		// can be part of the cut text.
		if v := rec[1]; strings.TrimSpace(v) != nullMarker {
			b.entries[i].Remarks += v
		}
		return nil
	})
}

// parseRemarks trims every entry's remarks and fills its structured fields
// from them.
func (b *legacyBuilder) parseRemarks() {
	for i := range b.entries {
		b.entries[i].Remarks = strings.TrimSpace(b.entries[i].Remarks)
		if b.entries[i].Remarks != "" {
			ParseRemarks(b.entries[i].Remarks).apply(&b.entries[i])
		}
	}
}

// addAlias returns e's aliases with a appended, unless a has the entry's
// primary name or is already there.
func addAlias(e Entry, a Alias) []Alias {
	if strings.EqualFold(a.Name, e.Name) {
		return e.Aliases
	}
	for _, x := range e.Aliases {
		if strings.EqualFold(x.Name, a.Name) {
			return e.Aliases
		}
	}
	return append(e.Aliases, a)
}
