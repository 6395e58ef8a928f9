package lists

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"github.com/bangate/bangate/internal/atomicfile"
	"github.com/bangate/bangate/internal/provenance"
)

// Format names a list file format the store can import.
type Format string

// Formats the store imports, each read by its loader.
const (
	// FormatOFACLegacy is the OFAC legacy CSV set (roles primary, alt,
	// and optionally add and comments), read by LoadOFACLegacy.
	FormatOFACLegacy Format = "ofac-legacy-csv"
	// FormatSDNXML is OFAC's classic SDN.XML (role file), read by LoadSDNXML.
	FormatSDNXML Format = "ofac-sdn-xml"
	// FormatCSLCSV is the trade.gov CSL CSV (role file), read by LoadCSLCSV.
	FormatCSLCSV Format = "csl-csv"
	// FormatCSLJSON is the trade.gov CSL JSON (role file), read by LoadCSLJSON.
	FormatCSLJSON Format = "csl-json"
	// FormatDerivedSDN is the derived SDN export (role file), read by
	// LoadDerivedSDN.
	FormatDerivedSDN Format = "derived-sdn-csv"
	// FormatUNXML is the UN Security Council Consolidated List XML (role
	// file), read by LoadUNXML.
	FormatUNXML Format = "un-sc-xml"
	// FormatEUXML is the EU Financial Sanctions Files XML 1.1 (role
	// file), read by LoadEUXML.
	FormatEUXML Format = "eu-fsf-xml"
	// FormatOFSICSV is OFSI's Consolidated List CSV, either layout (role
	// file), read by LoadOFSICSV.
	FormatOFSICSV Format = "uk-ofsi-csv"
	// FormatFCDOXML is the FCDO's UK Sanctions List XML (role file), read
	// by LoadFCDOXML.
	FormatFCDOXML Format = "uk-fcdo-xml"
)

// singleFileLoaders are the loaders of the formats of one file.
var singleFileLoaders = map[Format]func(Source, provenance.List) (*List, error){
	FormatSDNXML:     LoadSDNXML,
	FormatCSLCSV:     LoadCSLCSV,
	FormatCSLJSON:    LoadCSLJSON,
	FormatDerivedSDN: LoadDerivedSDN,
	FormatUNXML:      LoadUNXML,
	FormatEUXML:      LoadEUXML,
	FormatOFSICSV:    LoadOFSICSV,
	FormatFCDOXML:    LoadFCDOXML,
}

// datedFormats are the formats whose files state their publication date,
// which their loader records.
var datedFormats = map[Format]bool{
	FormatSDNXML: true, FormatUNXML: true, FormatEUXML: true, FormatOFSICSV: true, FormatFCDOXML: true,
}

// Formats returns every format the store imports, FormatOFACLegacy first.
func Formats() []Format {
	return []Format{FormatOFACLegacy, FormatSDNXML, FormatDerivedSDN, FormatCSLJSON, FormatCSLCSV,
		FormatUNXML, FormatEUXML, FormatFCDOXML, FormatOFSICSV}
}

// Dated reports whether the files of format f state their own publication
// date, which their loader records; the others need one from outside (an
// import's --published, an update's Last-Modified).
func (f Format) Dated() bool { return datedFormats[f] }

// ListID is the list ID a file of format f is stored under unless told
// otherwise: ofac-sdn, trade-csl, un-sc, eu-fsf, uk-fcdo, uk-ofsi; "" for
// the OFAC legacy CSV, which serves ofac-sdn and ofac-cons alike.
func (f Format) ListID() string {
	return map[Format]string{
		FormatSDNXML: "ofac-sdn", FormatDerivedSDN: "ofac-sdn", FormatCSLJSON: "trade-csl", FormatCSLCSV: "trade-csl",
		FormatUNXML: "un-sc", FormatEUXML: "eu-fsf", FormatFCDOXML: "uk-fcdo", FormatOFSICSV: "uk-ofsi",
	}[f]
}

// File roles within an import.
const (
	// RolePrimary is SDN.CSV or CONS_PRIM.CSV.
	RolePrimary = "primary"
	// RoleAlt is ALT.CSV or CONS_ALT.CSV.
	RoleAlt = "alt"
	// RoleAdd is ADD.CSV or CONS_ADD.CSV.
	RoleAdd = "add"
	// RoleComments is SDN_COMMENTS.CSV or CONS_COMMENTS.CSV.
	RoleComments = "comments"
	// RoleFile is the one file of a single-file format.
	RoleFile = "file"
)

// MaxShrink is the largest share of its entries a list may lose in one
// import or update; more looks like a truncated or wrong file and is
// refused unless ImportSpec.AllowShrink is set.
const MaxShrink = 0.10

// ErrShrink is wrapped by the error refusing a list much smaller than the
// one it would replace.
var ErrShrink = errors.New("list much smaller than the current one")

// ErrNotStored is wrapped when the store holds no snapshot of a list.
var ErrNotStored = errors.New("list not in the store")

// validListID is the form of a list ID usable as a directory name.
var validListID = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// DefaultStoreDir returns the default store directory, "bangate/lists"
// under the user cache directory.
func DefaultStoreDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find cache dir: %w", err)
	}
	return filepath.Join(d, "bangate", "lists"), nil
}

// Store is a directory of content-addressed list snapshots:
// objects/<sha256> holds each imported file once; lists/<id>/current.json
// names the files and provenance of a list's current snapshot and
// previous.json the one it replaced. Every file is written to a temporary
// name and renamed into place, so a reader never sees a partial snapshot.
// A Store is safe for concurrent use.
//
// Every writer (Import, Update) holds the store's lock: a mutex within the
// process and an advisory lock on the file "lock" between processes
// (flock(2), LockFileEx on Windows), so that one process at a time
// changes the store and a process that waited sees what the other stored.
// Readers take no lock.
type Store struct {
	dir string
	now func() time.Time
	mu  sync.Mutex // serialises writers within the process
}

// lockFileName is the file in the store's directory that writers lock.
const lockFileName = "lock"

// lockRetry is how often a writer waiting for another process tries the
// lock again.
const lockRetry = 50 * time.Millisecond

// lock takes the store's write lock, waiting until ctx is done; the
// returned function releases it.
func (s *Store) lock(ctx context.Context) (func(), error) {
	s.mu.Lock()
	fl := flock.New(filepath.Join(s.dir, lockFileName), flock.SetPermissions(0o644))
	ok, err := fl.TryLockContext(ctx, lockRetry)
	if err == nil && !ok {
		err = ctx.Err()
	}
	if err != nil {
		s.mu.Unlock()
		return nil, fmt.Errorf("lock list store %s (another bangate is updating it): %w", s.dir, err)
	}
	return func() {
		_ = fl.Unlock() // closing the file releases the lock whatever Unlock says
		s.mu.Unlock()
	}, nil
}

// OpenStore opens (creating if needed) the store in dir; now gives the
// retrieval time recorded for imports.
func OpenStore(dir string, now func() time.Time) (*Store, error) {
	if dir == "" {
		return nil, errors.New("open store: no directory")
	}
	for _, d := range []string{dir, filepath.Join(dir, "objects"), filepath.Join(dir, "lists")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	return &Store{dir: dir, now: now}, nil
}

// manifest is the JSON record of one stored snapshot.
type manifest struct {
	Format     Format          `json:"format"`
	Provenance provenance.List `json:"provenance"`
	Files      []manifestFile  `json:"files"`
}

// manifestFile is one file of a stored snapshot.
type manifestFile struct {
	Role   string `json:"role"`
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
}

// ImportSpec says what to import.
type ImportSpec struct {
	// Meta is the provenance the files do not carry; ID is required.
	// Retrieved defaults to the store's clock.
	Meta provenance.List
	// Format is the files' format.
	Format Format
	// Files holds the files by role (RolePrimary, RoleAlt, RoleAdd,
	// RoleComments for FormatOFACLegacy; RoleFile otherwise).
	Files map[string]Source
	// AllowShrink accepts a list that lost more than MaxShrink of the
	// current snapshot's entries.
	AllowShrink bool
}

// roleOrder is the fixed order of roles in a manifest.
var roleOrder = []string{RolePrimary, RoleAlt, RoleAdd, RoleComments, RoleFile}

// knownRole reports whether role is one of the file roles.
func knownRole(role string) bool {
	for _, r := range roleOrder {
		if r == role {
			return true
		}
	}
	return false
}

// Import checks files exactly as loading them does, refuses a list much
// smaller than the current snapshot (or, for a list the store does not
// hold yet, than the embedded snapshot's copy), and stores them as the
// list's new current snapshot, keeping the replaced one as previous. The
// same files stored again (a refresh that found nothing new) replace only
// the current snapshot's record, with its new retrieval time, and keep
// the previous snapshot. Import waits for a concurrent writer.
func (s *Store) Import(spec ImportSpec) (*List, error) {
	unlock, err := s.lock(context.Background())
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", spec.Meta.ID, err)
	}
	defer unlock()
	return s.importLocked(spec, false)
}

// importLocked is Import under the store's lock. With notOlder, a list
// published before the snapshot it would replace is refused (an update
// never goes back in time; an import may, on purpose).
func (s *Store) importLocked(spec ImportSpec, notOlder bool) (*List, error) {
	if !validListID.MatchString(spec.Meta.ID) {
		return nil, fmt.Errorf("import: list id %q is not a lower-case name", spec.Meta.ID)
	}
	if spec.Meta.Retrieved.IsZero() {
		spec.Meta.Retrieved = s.now().UTC()
	}
	for role := range spec.Files {
		if !knownRole(role) {
			return nil, fmt.Errorf("import %s: unknown file role %q", spec.Meta.ID, role)
		}
	}
	data := make(map[string][]byte, len(spec.Files))
	var files []manifestFile
	for _, role := range roleOrder {
		src, ok := spec.Files[role]
		if !ok || src.R == nil {
			continue
		}
		b, err := readSource(src)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", spec.Meta.ID, err)
		}
		data[role] = b
		sum := sha256.Sum256(b)
		files = append(files, manifestFile{Role: role, Name: filepath.Base(src.Name), SHA256: hex.EncodeToString(sum[:])})
	}
	l, err := loadFormat(spec.Format, files, data, spec.Meta)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", spec.Meta.ID, err)
	}

	cur, err := s.readManifest(spec.Meta.ID, "current.json")
	if err != nil && !errors.Is(err, ErrNotStored) {
		return nil, err
	}
	if err := guard(spec, l.Provenance, cur, notOlder); err != nil {
		return nil, fmt.Errorf("import %s: %w", spec.Meta.ID, err)
	}
	for _, f := range files {
		p := filepath.Join(s.dir, "objects", f.SHA256)
		if _, err := os.Stat(p); err == nil {
			continue
		}
		if err := atomicfile.WriteBytes(p, 0o644, data[f.Role]); err != nil {
			return nil, fmt.Errorf("import %s: %w", spec.Meta.ID, err)
		}
	}
	m := manifest{Format: spec.Format, Provenance: l.Provenance, Files: files}
	js, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", spec.Meta.ID, err)
	}
	dir := filepath.Join(s.dir, "lists", spec.Meta.ID)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("import %s: %w", spec.Meta.ID, err)
	}
	// The same snapshot again keeps the previous one: only a change of
	// content makes the current snapshot previous.
	if cur != nil && (cur.Provenance.SHA256 != l.Provenance.SHA256 || cur.Format != spec.Format) {
		old, err := os.ReadFile(filepath.Join(dir, "current.json"))
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", spec.Meta.ID, err)
		}
		if !bytes.Equal(old, js) {
			if err := atomicfile.WriteBytes(filepath.Join(dir, "previous.json"), 0o644, old); err != nil {
				return nil, fmt.Errorf("import %s: %w", spec.Meta.ID, err)
			}
		}
	}
	if err := atomicfile.WriteBytes(filepath.Join(dir, "current.json"), 0o644, js); err != nil {
		return nil, fmt.Errorf("import %s: %w", spec.Meta.ID, err)
	}
	return l, nil
}

// ErrOlder is wrapped by the error refusing, in an update, a list
// published before the snapshot it would replace.
var ErrOlder = errors.New("list published before the current one")

// guard refuses a new snapshot with provenance p of a list whose current
// snapshot is cur (nil when the store holds none, and then the embedded
// snapshot's copy, if any, stands for it): one that lost more than
// MaxShrink of the entries (unless spec.AllowShrink) and, with notOlder,
// one published before it.
func guard(spec ImportSpec, p provenance.List, cur *manifest, notOlder bool) error {
	var (
		entries   int
		published time.Time
		what      string
	)
	switch e, ok := EmbeddedInfo(p.ID); {
	case cur != nil:
		entries, published, what = cur.Provenance.Entries, cur.Provenance.Published, "the current snapshot"
	case ok:
		entries, published, what = e.Entries, e.Published, "the snapshot embedded in bangate"
	default:
		return nil
	}
	if !spec.AllowShrink && float64(p.Entries) < float64(entries)*(1-MaxShrink) {
		return fmt.Errorf("%w: %d entries, %s has %d", ErrShrink, p.Entries, what, entries)
	}
	if notOlder && !p.Published.IsZero() && p.Published.Before(published) {
		return fmt.Errorf("%w: published %s, %s was published %s", ErrOlder,
			p.Published.Format(time.RFC3339), what, published.Format(time.RFC3339))
	}
	return nil
}

// Provenance returns the provenance of list id's current snapshot as its
// record states it, without reading the files (Load checks them).
func (s *Store) Provenance(id string) (provenance.List, error) {
	if !validListID.MatchString(id) {
		return provenance.List{}, fmt.Errorf("load %s: not a list id", id)
	}
	m, err := s.readManifest(id, "current.json")
	if err != nil {
		return provenance.List{}, err
	}
	return m.Provenance, nil
}

// Load returns the current snapshot of list id, re-checking every file's
// digest and parsing it again.
func (s *Store) Load(id string) (*List, error) { return s.load(id, "current.json") }

// Previous returns the snapshot that the current one of list id replaced.
func (s *Store) Previous(id string) (*List, error) { return s.load(id, "previous.json") }

// Stamp returns the sha256 of list id's current manifest. The manifest
// names every file by its digest and records when it was stored, so the
// stamp changes whenever the current snapshot does; reading it costs one
// small file, not the snapshot.
func (s *Store) Stamp(id string) (string, error) {
	if !validListID.MatchString(id) {
		return "", fmt.Errorf("stamp %s: not a list id", id)
	}
	b, err := os.ReadFile(filepath.Join(s.dir, "lists", id, "current.json"))
	if err != nil {
		return "", fmt.Errorf("stamp %s: %w", id, err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// IDs returns the IDs of the stored lists, sorted.
func (s *Store) IDs() ([]string, error) {
	ents, err := os.ReadDir(filepath.Join(s.dir, "lists"))
	if err != nil {
		return nil, fmt.Errorf("read store: %w", err)
	}
	var ids []string
	for _, e := range ents {
		if e.IsDir() && validListID.MatchString(e.Name()) {
			if _, err := os.Stat(filepath.Join(s.dir, "lists", e.Name(), "current.json")); err == nil {
				ids = append(ids, e.Name())
			}
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// load reads one manifest and the files it names.
func (s *Store) load(id, which string) (*List, error) {
	if !validListID.MatchString(id) {
		return nil, fmt.Errorf("load %s: not a list id", id)
	}
	m, err := s.readManifest(id, which)
	if err != nil {
		return nil, err
	}
	data := make(map[string][]byte, len(m.Files))
	for _, f := range m.Files {
		if len(f.SHA256) != 64 {
			return nil, fmt.Errorf("load %s: manifest names a bad digest", id)
		}
		b, err := os.ReadFile(filepath.Join(s.dir, "objects", f.SHA256))
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", id, err)
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != f.SHA256 {
			return nil, fmt.Errorf("load %s: stored file %s does not match its digest", id, f.Name)
		}
		data[f.Role] = b
	}
	l, err := loadFormat(m.Format, m.Files, data, m.Provenance)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", id, err)
	}
	if l.Provenance.SHA256 != m.Provenance.SHA256 || l.Provenance.Entries != m.Provenance.Entries {
		return nil, fmt.Errorf("load %s: stored snapshot does not match its manifest", id)
	}
	l.Provenance = m.Provenance
	return l, nil
}

// readManifest reads lists/<id>/<which>.
func (s *Store) readManifest(id, which string) (*manifest, error) {
	b, err := os.ReadFile(filepath.Join(s.dir, "lists", id, which))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("load %s: %w", id, ErrNotStored)
	}
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", id, err)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, &ParseError{File: filepath.Join("lists", id, which), Err: err}
	}
	return &m, nil
}

// loadFormat parses stored or imported files with the format's loader.
func loadFormat(format Format, files []manifestFile, data map[string][]byte, meta provenance.List) (*List, error) {
	src := func(role string) Source {
		for _, f := range files {
			if f.Role == role {
				return Source{Name: f.Name, R: bytes.NewReader(data[role])}
			}
		}
		return Source{}
	}
	// Loaders recompute these.
	meta.SHA256, meta.Entries = "", 0
	if format == FormatOFACLegacy {
		return LoadOFACLegacy(OFACFiles{Primary: src(RolePrimary), Alt: src(RoleAlt), Add: src(RoleAdd), Comments: src(RoleComments)}, meta)
	}
	if load, ok := singleFileLoaders[format]; ok {
		f := src(RoleFile)
		if f.R == nil || len(files) != 1 {
			return nil, fmt.Errorf("format %s takes one file, role %q", format, RoleFile)
		}
		return load(f, meta)
	}
	return nil, fmt.Errorf("unknown format %q", format)
}
