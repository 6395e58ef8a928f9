package lists

import (
	"embed"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/bangate/bangate/internal/provenance"
)

// snapshotFS holds the official files of the embedded snapshot; see
// snapshot/SOURCES.md for where each came from.
//
//go:embed snapshot/ofac-sdn/*.csv snapshot/ofac-cons/*.csv
var snapshotFS embed.FS

// Files of the embedded snapshot, in digest order.
const (
	snapDerived      = "snapshot/ofac-sdn/ofac-sdn-derived.csv" // kindrat86 export, OFAC publication 2026-08-20
	snapSDN          = "snapshot/ofac-sdn/sdn.csv"              // official SDN.CSV of 2024-05-03
	snapAlt          = "snapshot/ofac-sdn/alt.csv"              // official ALT.CSV of ≈2025-01-06
	snapKasperskySDN = "snapshot/ofac-sdn/kaspersky-sdn.csv"    // official SDN.CSV rows of the 2024-06-21 designations
	snapKasperskyAlt = "snapshot/ofac-sdn/kaspersky-alt.csv"    // their ALT.CSV rows
	snapConsPrim     = "snapshot/ofac-cons/cons_prim.csv"       // official CONS_PRIM.CSV of ≈2025-12-19
	snapConsAlt      = "snapshot/ofac-cons/cons_alt.csv"        // CONS_ALT.CSV
	snapConsAdd      = "snapshot/ofac-cons/cons_add.csv"        // CONS_ADD.CSV
	snapConsComments = "snapshot/ofac-cons/cons_comments.csv"   // CONS_COMMENTS.CSV
	sdnSourceURL     = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"
	consSourceURL    = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV"
)

// Dates of the embedded snapshot (the files themselves carry none).
var (
	// snapSDNPublished is the OFAC publication date of the derived export
	// (its metadata.json "published"); snapSDNRetrieved its "retrieved".
	snapSDNPublished = time.Date(2026, 8, 20, 0, 0, 0, 0, time.UTC)
	snapSDNRetrieved = time.Date(2026, 8, 22, 0, 0, 0, 0, time.UTC)
	// snapConsPublished is approximate: the date of the carrier
	// repository's copy of the non-SDN files.
	snapConsPublished = time.Date(2025, 12, 19, 0, 0, 0, 0, time.UTC)
)

// Snapshot parses the lists embedded in the binary, so that bangate works
// offline on first run: "ofac-sdn" and "ofac-cons" (the ban lists come from
// the policy bundle, see LoadBanLists). It parses on every call and keeps no
// cache; the two lists are parsed concurrently.
//
// ofac-sdn combines files of different dates, and its Provenance says so
// (Derived, Note): the entries, names, types, programs and aliases are those
// of the derived export of the SDN list published 2026-08-20 (the newest
// names available here); remarks and what they hold (IDs, dates of birth,
// nationalities, websites, weak aliases, Linked To) are added from the
// official rows of the same ent_num and the same primary name: the twelve
// rows of the 2024-06-21 Kaspersky designations, else SDN.CSV of
// 2024-05-03 (18 of whose remarks are cut at 1000 characters and stay cut:
// see officialRows). ALT.CSV of 2025-01-06 supplies the alias types (f.k.a., n.k.a.) the export drops. An entry
// absent from the export (45818 ASTRAKHAN, Kirill Aleksandrovich, removed
// before 2026) is not included.
//
// ofac-cons is the official consolidated non-SDN CSV set of about
// 2025-12-19, loaded with LoadOFACLegacy.
//
// NOTE: the UN, EU and UK lists and the trade.gov CSL are not embedded;
// they come only from the store (the refresh before a check, data update
// or import). A check ages only the lists its profile applies, but every
// embedded list is loaded and indexed in every check; a UN list of
// 2026-02-27 (the newest real copy at hand, 2 MB) would be stale under any
// max-age in days for the profiles that apply it, and the EU and UK
// profiles need a current EU or UK list from the store anyway (no real
// full copy small and recent enough exists to embed), so embedding the UN
// list alone would not let them run offline.
//
// The embedded lists age like any list, from their publication dates, and
// are past lists.max-age soon after a release: offline they let a check
// fail on what they list, never pass (see the README's quick start).
func Snapshot() ([]*List, error) { return SnapshotExcept(nil) }

// snapshotIDs are the IDs of the embedded lists, in the order Snapshot
// returns them.
var snapshotIDs = []string{"ofac-sdn", "ofac-cons"}

// SnapshotIDs returns the IDs of the lists the embedded snapshot holds.
func SnapshotIDs() []string { return append([]string(nil), snapshotIDs...) }

// Embedded is what is known of a list of the embedded snapshot without
// parsing it: its dates, as its Provenance states them, and its size.
type Embedded struct {
	// Published and Retrieved are the list's publication and retrieval
	// dates.
	Published, Retrieved time.Time
	// Entries is the number of entries the list loads.
	Entries int
}

// embedded holds the Embedded of every list of the snapshot; a test
// checks it against the loaded lists.
var embedded = map[string]Embedded{
	"ofac-sdn":  {Published: snapSDNPublished, Retrieved: snapSDNRetrieved, Entries: 19249},
	"ofac-cons": {Published: snapConsPublished, Retrieved: snapConsPublished, Entries: 442},
}

// EmbeddedInfo returns what is known of the embedded list id without
// parsing it; false when the snapshot holds no such list. A first update
// or import of the list into a store is checked against it (MaxShrink).
func EmbeddedInfo(id string) (Embedded, bool) {
	e, ok := embedded[id]
	return e, ok
}

// SnapshotExcept is Snapshot without the lists whose IDs skip holds (say,
// because a newer copy is in the store), which are then not parsed at all.
func SnapshotExcept(skip map[string]bool) ([]*List, error) {
	loaders := map[string]func() (*List, error){"ofac-sdn": snapshotSDN, "ofac-cons": snapshotCons}
	var ids []string
	for _, id := range snapshotIDs {
		if !skip[id] {
			ids = append(ids, id)
		}
	}
	out := make([]*List, len(ids))
	errs := make([]error, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Go(func() { out[i], errs[i] = loaders[id]() })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("embedded snapshot: %w", err)
		}
	}
	return out, nil
}

// snapshotCons loads the embedded consolidated non-SDN list.
func snapshotCons() (*List, error) {
	files := OFACFiles{}
	for _, f := range []struct {
		dst  *Source
		name string
	}{
		{&files.Primary, snapConsPrim}, {&files.Alt, snapConsAlt},
		{&files.Add, snapConsAdd}, {&files.Comments, snapConsComments},
	} {
		r, err := snapshotFS.Open(f.name)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", f.name, err)
		}
		defer func() { _ = r.Close() }() // an embedded file: closing cannot fail
		*f.dst = Source{Name: f.name, R: r}
	}
	return LoadOFACLegacy(files, provenance.List{
		ID:        "ofac-cons",
		Kind:      provenance.KindSanctions,
		Title:     "OFAC Consolidated Sanctions List (non-SDN)",
		SourceURL: consSourceURL,
		Published: snapConsPublished,
		Retrieved: snapConsPublished,
		Note: "embedded snapshot: official CONS_PRIM/ALT/ADD/COMMENTS.CSV; the files carry no date, " +
			"the publication date is that of the copy (about 2025-12-19)",
	})
}

// snapshotSDN builds the embedded SDN list as Snapshot describes.
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
