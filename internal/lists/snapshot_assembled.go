package lists

import (
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/bangate/bangate/internal/provenance"
)

// The hand-assembled ofac-sdn list, embedded until a release runs the
// snapshot generator (go run ./internal/lists/snapshotgen) on the official
// SDN files: the generator then writes the official set into
// snapshot/ofac-sdn/ (removing these files) and its record into
// snapshot_gen.go, which takes precedence over what this file states.

// Files of the hand-assembled ofac-sdn, in digest order.
const (
	snapDerived      = "snapshot/ofac-sdn/ofac-sdn-derived.csv" // kindrat86 export, OFAC publication 2026-08-20
	snapSDN          = "snapshot/ofac-sdn/sdn.csv"              // official SDN.CSV of 2024-05-03
	snapAlt          = "snapshot/ofac-sdn/alt.csv"              // official ALT.CSV of ≈2025-01-06
	snapKasperskySDN = "snapshot/ofac-sdn/kaspersky-sdn.csv"    // official SDN.CSV rows of the 2024-06-21 designations
	snapKasperskyAlt = "snapshot/ofac-sdn/kaspersky-alt.csv"    // their ALT.CSV rows
	sdnSourceURL     = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"
)

// Dates of the hand-assembled ofac-sdn (the files themselves carry none).
var (
	// snapSDNPublished is the OFAC publication date of the derived export
	// (its metadata.json "published"); snapSDNRetrieved its "retrieved".
	snapSDNPublished = time.Date(2026, 8, 20, 0, 0, 0, 0, time.UTC)
	snapSDNRetrieved = time.Date(2026, 8, 22, 0, 0, 0, 0, time.UTC)
)

// assembledInfo is the Embedded of the hand-assembled lists; a test
// checks it against the loaded list.
var assembledInfo = map[string]Embedded{
	"ofac-sdn": {Published: snapSDNPublished, Retrieved: snapSDNRetrieved, Entries: 19249},
}

// assembledLoaders load the hand-assembled lists.
var assembledLoaders = map[string]func() (*List, error){"ofac-sdn": snapshotSDN}

// assembledSDN reports whether the embedded ofac-sdn is the hand-assembled
// list (no generated record replaces it).
func assembledSDN() bool {
	_, ok := generatedRecord("ofac-sdn")
	return !ok
}

// snapshotSDN builds the hand-assembled ofac-sdn. It combines files of
// different dates, and its Provenance says so (Derived, Note): the
// entries, names, types, programs and aliases are those of the derived
// export of the SDN list published 2026-08-20 (the newest names available
// here); remarks and what they hold (IDs, dates of birth, nationalities,
// websites, weak aliases, Linked To) are added from the official rows of
// the same ent_num and the same primary name: the twelve rows of the
// 2024-06-21 Kaspersky designations, else SDN.CSV of 2024-05-03 (18 of
// whose remarks are cut at 1000 characters and stay cut: see
// officialRows). ALT.CSV of 2025-01-06 supplies the alias types (f.k.a.,
// n.k.a.) the export drops. An entry absent from the export (45818
// ASTRAKHAN, Kirill Aleksandrovich, removed before 2026) is not included.
func snapshotSDN() (*List, error) {
	read := func(name string) ([]byte, error) {
		b, err := fs.ReadFile(snapshotFS, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		return b, nil
	}
	names := []string{snapDerived, snapSDN, snapAlt, snapKasperskySDN, snapKasperskyAlt}
	data := make(map[string][]byte, len(names))
	parts := make([]part, 0, len(names))
	for _, n := range names {
		b, err := read(n)
		if err != nil {
			return nil, err
		}
		data[n] = b
		parts = append(parts, part{n[len("snapshot/ofac-sdn/"):], b})
	}

	// The parses are independent; run them side by side. The official
	// rows' remarks are parsed in their goroutine, while the derived export
	// is read in another.
	var (
		wg                      sync.WaitGroup
		entries                 []Entry
		official                map[string]officialRow
		altTypes                map[string][]Alias
		kasp                    = &legacyBuilder{}
		derivedErr, officialErr error
		altErr, kaspErr         error
		sha                     string
	)
	wg.Go(func() {
		entries, derivedErr = parseDerivedSDN(snapDerived, data[snapDerived])
	})
	wg.Go(func() {
		official, officialErr = officialRows(data[snapSDN])
	})
	// The Kaspersky rows of 2024-06-21 (a consistent official excerpt),
	// the alias types and the digest.
	kaspErr = kasp.primary(snapKasperskySDN, data[snapKasperskySDN])
	if kaspErr == nil {
		kaspErr = kasp.alt(snapKasperskyAlt, data[snapKasperskyAlt], true)
	}
	altTypes, altErr = officialAltTypes(data[snapAlt])
	sha = digest(parts...)
	wg.Wait()
	for _, err := range []error{derivedErr, officialErr, altErr, kaspErr} {
		if err != nil {
			return nil, err
		}
	}

	var withRemarks, renamed, kaspersky int
	for i := range entries {
		e := &entries[i]
		if j, ok := kasp.index[e.ID]; ok {
			k := &kasp.entries[j]
			kaspersky++
			if k.Name != e.Name {
				renamed++
				continue
			}
			typeAliases(e, k.Aliases)
			if k.Remarks != "" {
				e.Remarks = k.Remarks
				ParseRemarks(k.Remarks).apply(e)
				withRemarks++
			}
			continue
		}
		o, ok := official[e.ID]
		if !ok {
			continue
		}
		if o.name != e.Name {
			renamed++ // the remarks may describe the former listing
			continue
		}
		typeAliases(e, altTypes[e.ID])
		if o.remarks != "" {
			e.Remarks = o.remarks
			o.parsed.apply(e)
			withRemarks++
		}
	}
	meta := provenance.List{
		ID:        "ofac-sdn",
		Kind:      provenance.KindSanctions,
		Title:     "OFAC Specially Designated Nationals and Blocked Persons List (SDN)",
		SourceURL: sdnSourceURL,
		Published: snapSDNPublished,
		Retrieved: snapSDNRetrieved,
		Derived:   true,
		Note: fmt.Sprintf("embedded snapshot: entries, names, types, programs and aliases from the derived "+
			"kindrat86/ofac-sdn-json export of the SDN list published 2026-08-20 (%d entries); remarks added to %d of them "+
			"from official rows with the same ent_num and name (the 2024-06-21 Kaspersky designations: %d; "+
			"else SDN.CSV of 2024-05-03, whose remarks cut at 1000 characters are not continued), alias types from "+
			"ALT.CSV of 2025-01-06; %d entries renamed since 2024-05-03 have no remarks; "+
			"45818 ASTRAKHAN, Kirill Aleksandrovich (designated 2024-06-21) is absent from the 2026 data and not included",
			len(entries), withRemarks, kaspersky, renamed),
	}
	return finish(&List{Entries: entries}, meta, sha), nil
}

// officialRow is what the snapshot takes from an official SDN.CSV row:
// the name (to check it is the same listing) and the remarks, parsed.
type officialRow struct {
	name, remarks string
	parsed        Remarks
}

// officialRows reads SDN.CSV by ent_num and parses the remarks. A remark
// cut at 1000 characters stays cut: the only SDN_COMMENTS.CSV at hand is of
// another date, and its continuations do not always fit the older text
// (17018: the 2024-05-03 head ends "Directive 3)", the 2025-01-06 tail
// starts "ive 2): 24 Feb"), so joining them would make up remarks.
func officialRows(sdn []byte) (map[string]officialRow, error) {
	rows := make(map[string]officialRow, countLines(sdn))
	err := readLegacyCSV(snapSDN, sdn, primaryFields, func(line int, rec []string) error {
		id := legacyValue(rec[0])
		if !isDigits(id) {
			return parseErr(snapSDN, line, "ent_num is not a number")
		}
		r := officialRow{name: legacyValue(rec[1]), remarks: legacyValue(rec[11])}
		if r.remarks != "" {
			r.parsed = ParseRemarks(r.remarks)
		}
		rows[id] = r
		return nil
	})
	return rows, err
}

// officialAltTypes reads the ALT.CSV aliases that are not a.k.a. (the types
// the derived export drops), by ent_num.
func officialAltTypes(alt []byte) (map[string][]Alias, error) {
	out := make(map[string][]Alias, 1024)
	err := readLegacyCSV(snapAlt, alt, altFields, func(line int, rec []string) error {
		typ, ok := altType(legacyValue(rec[2]))
		if !ok {
			return parseErr(snapAlt, line, "unknown alt_type")
		}
		if typ != "aka" {
			id := legacyValue(rec[0])
			out[id] = append(out[id], Alias{Name: legacyValue(rec[3]), Type: typ})
		}
		return nil
	})
	return out, err
}

// typeAliases gives e's aliases the types the official ALT.CSV rows
// record (the derived export calls every alias "aka").
func typeAliases(e *Entry, official []Alias) {
	for k := range e.Aliases {
		for _, o := range official {
			if o.Name == e.Aliases[k].Name {
				e.Aliases[k].Type = o.Type
				break
			}
		}
	}
}
