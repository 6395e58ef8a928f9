package lists

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/bangate/bangate/internal/provenance"
)

// snapshotFS holds the files of the embedded snapshot; see
// snapshot/SOURCES.md for where each came from.
//
//go:embed snapshot/ofac-sdn/*.csv snapshot/ofac-cons/*.csv
var snapshotFS embed.FS

// SnapshotRecord is what the release's snapshot generator
// (go run ./internal/lists/snapshotgen) recorded of one embedded list: the
// list's provenance as the store's loaders computed it from the official
// files, and each file. The generator writes the records into
// snapshot_gen.go (which the loader reads) and snapshot/manifest.json
// (which the next run of the generator reads).
type SnapshotRecord struct {
	// ID is the list ID ("ofac-sdn", "ofac-cons"); the files lie in
	// snapshot/<ID>/.
	ID string `json:"id"`
	// Title and SourceURL are the list's provenance title and the address
	// of its primary file as fetched (a mirror's, if one was used).
	Title     string `json:"title"`
	SourceURL string `json:"source_url"`
	// Published is the publication date: the date the files state, else
	// the server's Last-Modified time, else the date given to the
	// generator (Note says which). Retrieved is when the files were
	// fetched or read.
	Published time.Time `json:"published"`
	Retrieved time.Time `json:"retrieved"`
	// Note is the provenance note.
	Note string `json:"note"`
	// Entries and SHA256 are the loaded list's entry count and digest.
	Entries int    `json:"entries"`
	SHA256  string `json:"sha256"`
	// Files are the list's files, in role order.
	Files []SnapshotFile `json:"files"`
}

// SnapshotFile is one official file of an embedded list.
type SnapshotFile struct {
	// Role is RolePrimary, RoleAlt, RoleAdd or RoleComments.
	Role string `json:"role"`
	// Name is the file's name in snapshot/<ID>/ (the official name in
	// lower case, "sdn.csv").
	Name string `json:"name"`
	// Size is the file's length in bytes.
	Size int `json:"size"`
	// SHA256 is the hex sha256 of the file.
	SHA256 string `json:"sha256"`
}

// SnapshotRecords returns the records snapshot_gen.go holds, in the
// order of SnapshotIDs. A list without one is the hand-assembled
// ofac-sdn (snapshot_assembled.go), replaced by the first release that
// runs the generator on it.
func SnapshotRecords() []SnapshotRecord {
	out := make([]SnapshotRecord, 0, len(generatedSnapshot))
	for _, id := range snapshotIDs {
		if r, ok := generatedRecord(id); ok {
			r.Files = append([]SnapshotFile(nil), r.Files...)
			out = append(out, r)
		}
	}
	return out
}

// generatedRecord returns the generator's record of list id.
func generatedRecord(id string) (SnapshotRecord, bool) {
	for _, r := range generatedSnapshot {
		if r.ID == id {
			return r, true
		}
	}
	return SnapshotRecord{}, false
}

// Snapshot parses the lists embedded in the binary, so that bangate works
// offline on first run: "ofac-sdn" and "ofac-cons" (the ban lists come from
// the policy bundle, see LoadBanLists). It parses on every call and keeps no
// cache; the two lists are parsed concurrently.
//
// A list the release's generator wrote (snapshot_gen.go holds its record)
// is its official legacy CSV set, loaded with LoadOFACLegacy under the
// recorded provenance, and must load to the recorded entries and digest.
// ofac-sdn, until a release regenerates it, is the hand-assembled list
// that snapshotSDN describes: files of different dates, and its
// Provenance says so (Derived, Note).
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

// EmbeddedInfo returns what is known of the embedded list id without
// parsing it (the generator's record, or the hand-assembled list's
// facts); false when the snapshot holds no such list. A first update or
// import of the list into a store is checked against it (MaxShrink).
func EmbeddedInfo(id string) (Embedded, bool) {
	if r, ok := generatedRecord(id); ok {
		return Embedded{Published: r.Published, Retrieved: r.Retrieved, Entries: r.Entries}, true
	}
	e, ok := assembledInfo[id]
	return e, ok
}

// SnapshotExcept is Snapshot without the lists whose IDs skip holds (say,
// because a newer copy is in the store), which are then not parsed at all.
func SnapshotExcept(skip map[string]bool) ([]*List, error) {
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
		wg.Go(func() { out[i], errs[i] = snapshotList(id) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("embedded snapshot: %w", err)
		}
	}
	return out, nil
}

// snapshotList loads the embedded list id: the generated official set if
// snapshot_gen.go records one, else the hand-assembled list.
func snapshotList(id string) (*List, error) {
	if r, ok := generatedRecord(id); ok {
		return snapshotGenerated(r)
	}
	if load, ok := assembledLoaders[id]; ok {
		return load()
	}
	return nil, fmt.Errorf("%s: no files and no record (run go run ./internal/lists/snapshotgen)", id)
}

// snapshotGenerated loads the official legacy CSV set the generator wrote
// for r, under r's provenance, and checks it against r.
func snapshotGenerated(r SnapshotRecord) (*List, error) {
	var files OFACFiles
	for _, f := range r.Files {
		name := "snapshot/" + r.ID + "/" + f.Name
		b, err := fs.ReadFile(snapshotFS, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		src := Source{Name: name, R: bytes.NewReader(b)}
		switch f.Role {
		case RolePrimary:
			files.Primary = src
		case RoleAlt:
			files.Alt = src
		case RoleAdd:
			files.Add = src
		case RoleComments:
			files.Comments = src
		default:
			return nil, fmt.Errorf("%s: unknown file role %q in snapshot_gen.go", name, f.Role)
		}
	}
	l, err := LoadOFACLegacy(files, provenance.List{
		ID:        r.ID,
		Kind:      provenance.KindSanctions,
		Title:     r.Title,
		SourceURL: r.SourceURL,
		Published: r.Published,
		Retrieved: r.Retrieved,
		Note:      r.Note,
	})
	if err != nil {
		return nil, err
	}
	if l.Provenance.SHA256 != r.SHA256 || l.Provenance.Entries != r.Entries {
		return nil, fmt.Errorf("%s: the files load to %d entries, sha256 %s; snapshot_gen.go records %d, %s "+
			"(run go run ./internal/lists/snapshotgen again)", r.ID, l.Provenance.Entries, l.Provenance.SHA256, r.Entries, r.SHA256)
	}
	return l, nil
}
