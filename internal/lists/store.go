package lists

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

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
type Store struct {
	dir string
	now func() time.Time
	mu  sync.Mutex // serialises writers within the process
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
// smaller than the current snapshot, and stores them as the list's new
// current snapshot, keeping the replaced one as previous.
func (s *Store) Import(spec ImportSpec) (*List, error) {
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

	s.mu.Lock()
	defer s.mu.Unlock()
	cur, err := s.readManifest(spec.Meta.ID, "current.json")
	if err != nil && !errors.Is(err, ErrNotStored) {
		return nil, err
	}
	if cur != nil && !spec.AllowShrink && float64(l.Provenance.Entries) < float64(cur.Provenance.Entries)*(1-MaxShrink) {
		return nil, fmt.Errorf("import %s: %w: %d entries, the current snapshot has %d", spec.Meta.ID, ErrShrink, l.Provenance.Entries, cur.Provenance.Entries)
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
	if cur != nil {
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

// UpdateSource says where to download one list: the publisher's base
// URL and the official name of each file, so that a mirror serving the
// same names under another base (Rebase) needs nothing else.
type UpdateSource struct {
	// Meta is the list's provenance (ID, Kind, Title, SourceURL). When
	// Published is zero and the format carries no date (the legacy CSV,
	// the CSL), the server's Last-Modified time is recorded as the
	// publication date, else the retrieval time, and Note says which.
	Meta provenance.List
	// Format is the files' format.
	Format Format
	// Files holds the official file name of each file by role
	// ("SDN.CSV", "consolidated.xml").
	Files map[string]string
	// URLs holds the download address of each file by role.
	URLs map[string]string
}

// Rebase returns the source with every file fetched from base by its
// official name (base + "/" + name): a mirror or an air-gapped proxy that
// serves the official names. A file without an official name keeps its
// address. Meta.SourceURL becomes the address the file it named is now
// fetched from, so the provenance names the source actually used.
func (s UpdateSource) Rebase(base string) UpdateSource {
	base = strings.TrimRight(base, "/") + "/"
	urls := make(map[string]string, len(s.URLs))
	for role, u := range s.URLs {
		nu := u
		if name, ok := s.Files[role]; ok && name != "" {
			nu = base + url.PathEscape(name)
		}
		if u == s.Meta.SourceURL {
			s.Meta.SourceURL = nu
		}
		urls[role] = nu
	}
	s.URLs = urls
	return s
}

// RebaseAll is Rebase over every source.
func RebaseAll(sources []UpdateSource, base string) []UpdateSource {
	out := make([]UpdateSource, len(sources))
	for i, s := range sources {
		out[i] = s.Rebase(base)
	}
	return out
}

// Official download addresses.
const (
	// ofacExports is the OFAC Sanctions List Service.
	ofacExports = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
	// CSLSourceURL is trade.gov's Consolidated Screening List, JSON.
	CSLSourceURL = "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json"
	// CSLFileName is its official file name.
	CSLFileName = "consolidated.json"
)

// officialSource builds an UpdateSource from a base URL and the official
// file names by role.
func officialSource(meta provenance.List, format Format, base string, files map[string]string) UpdateSource {
	urls := make(map[string]string, len(files))
	for role, name := range files {
		urls[role] = base + name
	}
	return UpdateSource{Meta: meta, Format: format, Files: files, URLs: urls}
}

// DefaultUpdateSources returns the official sources of every list bangate
// can update:
//   - ofac-sdn, ofac-cons: the OFAC SDN and consolidated non-SDN legacy CSV
//     sets from the Sanctions List Service (which answers with a redirect
//     to a signed address; the client follows it);
//   - trade-csl: trade.gov's Consolidated Screening List (JSON), whose rows
//     keep their source list as a program "source:<code>";
//   - un-sc: the UN Security Council Consolidated List (XML);
//   - eu-fsf: the EU Financial Sanctions Files consolidated list (XML 1.1);
//   - uk-fcdo: the FCDO's UK Sanctions List (XML), the single UK list
//     since 2026-01-28. OFSI's Consolidated List (uk-ofsi, LoadOFSICSV) is
//     no longer published and is imported only.
//
// Every source names its files by their official names, so Rebase can
// point it at a mirror.
func DefaultUpdateSources() []UpdateSource {
	sanctions := func(id, title, sourceURL string) provenance.List {
		return provenance.List{ID: id, Kind: provenance.KindSanctions, Title: title, SourceURL: sourceURL}
	}
	return []UpdateSource{
		officialSource(sanctions("ofac-sdn", "OFAC Specially Designated Nationals and Blocked Persons List (SDN)", ofacExports+"SDN.CSV"),
			FormatOFACLegacy, ofacExports, map[string]string{RolePrimary: "SDN.CSV", RoleAlt: "ALT.CSV",
				RoleAdd: "ADD.CSV", RoleComments: "SDN_COMMENTS.CSV"}),
		officialSource(sanctions("ofac-cons", "OFAC Consolidated Sanctions List (non-SDN)", ofacExports+"CONS_PRIM.CSV"),
			FormatOFACLegacy, ofacExports, map[string]string{RolePrimary: "CONS_PRIM.CSV", RoleAlt: "CONS_ALT.CSV",
				RoleAdd: "CONS_ADD.CSV", RoleComments: "CONS_COMMENTS.CSV"}),
		{
			Meta:   sanctions("trade-csl", "trade.gov Consolidated Screening List (Commerce, State and Treasury export screening lists)", CSLSourceURL),
			Format: FormatCSLJSON, Files: map[string]string{RoleFile: CSLFileName}, URLs: map[string]string{RoleFile: CSLSourceURL},
		},
		{
			Meta:   sanctions("un-sc", "UN Security Council Consolidated List", UNSourceURL),
			Format: FormatUNXML, Files: map[string]string{RoleFile: UNFileName}, URLs: map[string]string{RoleFile: UNSourceURL},
		},
		{
			Meta:   sanctions("eu-fsf", "EU consolidated list of persons, groups and entities subject to EU financial sanctions (FSF)", EUSourceURL),
			Format: FormatEUXML, Files: map[string]string{RoleFile: EUFileName}, URLs: map[string]string{RoleFile: EUSourceURL},
		},
		{
			Meta:   sanctions("uk-fcdo", "UK Sanctions List (FCDO)", FCDOSourceURL),
			Format: FormatFCDOXML, Files: map[string]string{RoleFile: FCDOFileName}, URLs: map[string]string{RoleFile: FCDOSourceURL},
		},
	}
}

// Update downloads every source with client (its timeout and ctx bound
// each request), checks and stores it as Import does. A source that fails
// to download or to load leaves its current snapshot in place; the others
// are still updated. It returns the lists it stored and the joined errors
// of the rest.
func (s *Store) Update(ctx context.Context, client *http.Client, sources []UpdateSource) ([]*List, error) {
	var (
		out  []*List
		errs []error
	)
	for _, src := range sources {
		l, err := s.updateOne(ctx, client, src)
		if err != nil {
			errs = append(errs, fmt.Errorf("update %s: %w", src.Meta.ID, err))
			continue
		}
		out = append(out, l)
	}
	return out, errors.Join(errs...)
}

// updateOne downloads and imports one source.
func (s *Store) updateOne(ctx context.Context, client *http.Client, src UpdateSource) (*List, error) {
	retrieved := s.now().UTC()
	spec := ImportSpec{Meta: src.Meta, Format: src.Format, Files: make(map[string]Source, len(src.URLs))}
	spec.Meta.Retrieved = retrieved
	var modified time.Time // the latest Last-Modified of the files
	for _, role := range roleOrder {
		u, ok := src.URLs[role]
		if !ok {
			continue
		}
		b, lm, err := download(ctx, client, u)
		if err != nil {
			return nil, err
		}
		if lm.After(modified) {
			modified = lm
		}
		name := src.Files[role]
		if name == "" {
			name = path.Base(u)
		}
		spec.Files[role] = Source{Name: name, R: bytes.NewReader(b)}
	}
	if spec.Meta.Published.IsZero() && !datedFormats[src.Format] {
		switch {
		case !modified.IsZero():
			spec.Meta.Published = modified.UTC()
			if spec.Meta.Note == "" {
				spec.Meta.Note = "the files carry no publication date; the server's Last-Modified time is recorded"
			}
		default:
			spec.Meta.Published = retrieved
			if spec.Meta.Note == "" {
				spec.Meta.Note = "the files carry no publication date; the retrieval time is recorded"
			}
		}
	}
	return s.Import(spec)
}

// download GETs url and returns the body and its Last-Modified time (zero
// when absent or malformed), refusing a status other than 200 and a body
// larger than MaxFileSize.
func download(ctx context.Context, client *http.Client, url string) ([]byte, time.Time, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("download %s: %w", url, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("download %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, time.Time{}, fmt.Errorf("download %s: HTTP status %d", url, resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, MaxFileSize+1))
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("download %s: %w", url, err)
	}
	if len(b) > MaxFileSize {
		return nil, time.Time{}, fmt.Errorf("download %s: larger than %d bytes", url, MaxFileSize)
	}
	if resp.ContentLength >= 0 && int64(len(b)) != resp.ContentLength {
		return nil, time.Time{}, fmt.Errorf("download %s: got %d of %d bytes", url, len(b), resp.ContentLength)
	}
	lm, err := http.ParseTime(resp.Header.Get("Last-Modified"))
	if err != nil {
		lm = time.Time{}
	}
	return b, lm, nil
}
