package evidence

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/bangate/bangate/internal/atomicfile"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// hexDigest is a lower-case hex sha256.
var hexDigest = regexp.MustCompile(`^[0-9a-f]{64}$`)

// safeID is a list ID usable as a directory name.
var safeID = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// Store is a directory holding evidence records (records/<id>.json, the
// DSSE envelope; the ID is the sha256 of its payload) and the objects they
// reference (objects/<sha256>: policy files, inputs, list snapshots), each
// stored once and written atomically. A Store is safe for concurrent use,
// within a process and across processes.
type Store struct {
	dir string
}

// OpenStore opens, creating if needed, the store in dir.
func OpenStore(dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("open evidence store: no directory")
	}
	for _, d := range []string{dir, filepath.Join(dir, "objects"), filepath.Join(dir, "records"), filepath.Join(dir, "lists")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("open evidence store: %w", err)
		}
	}
	return &Store{dir: dir}, nil
}

// Dir is the store's directory.
func (s *Store) Dir() string { return s.dir }

// Put stores data once under its sha256 and returns the digest.
func (s *Store) Put(data []byte) (string, error) {
	sum := sha256.Sum256(data)
	d := hex.EncodeToString(sum[:])
	return d, s.putAs(d, data)
}

func (s *Store) putAs(d string, data []byte) error {
	p := filepath.Join(s.dir, "objects", d)
	if _, err := os.Stat(p); err == nil {
		return nil
	}
	if err := atomicfile.WriteBytes(p, 0o644, data); err != nil {
		return fmt.Errorf("store object: %w", err)
	}
	return nil
}

// PutDigest stores data under d, the sha256 its caller already computed
// from these bytes: an object already stored is not hashed again; a new
// one is, and a wrong digest is refused.
func (s *Store) PutDigest(d string, data []byte) error {
	if s.Has(d) {
		return nil
	}
	if got := digestOf(data); got != d {
		return fmt.Errorf("store object: bytes hash to sha256:%s, not sha256:%s", got, d)
	}
	return s.putAs(d, data)
}

// Has reports whether object d is stored.
func (s *Store) Has(d string) bool {
	if !hexDigest.MatchString(d) {
		return false
	}
	_, err := os.Stat(filepath.Join(s.dir, "objects", d))
	return err == nil
}

// Get returns object d, checking its digest: ErrMissing when absent,
// ErrTampered when its bytes no longer hash to d.
func (s *Store) Get(d string) ([]byte, error) {
	if !hexDigest.MatchString(d) {
		return nil, fmt.Errorf("object %q: %w: not a sha256", d, ErrMalformed)
	}
	b, err := os.ReadFile(filepath.Join(s.dir, "objects", d))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("object sha256:%s: %w", d, ErrMissing)
	}
	if err != nil {
		return nil, fmt.Errorf("read object sha256:%s: %w", d, err)
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != d {
		return nil, fmt.Errorf("object sha256:%s now hashes to sha256:%s: %w", d, got, ErrTampered)
	}
	return b, nil
}

// storedList is the form of a list snapshot in the store.
type storedList struct {
	Provenance provenance.List `json:"provenance"`
	Entries    []lists.Entry   `json:"entries"`
}

// PutList stores the loaded list l (its provenance and entries, gzipped
// JSON) once per list ID and provenance digest, and returns the object's
// digest. A snapshot already stored is not encoded again.
func (s *Store) PutList(l *lists.List) (string, error) {
	p := l.Provenance
	if !safeID.MatchString(p.ID) || !hexDigest.MatchString(p.SHA256) {
		return "", fmt.Errorf("store list %q: bad id or digest", p.ID)
	}
	ref := filepath.Join(s.dir, "lists", p.ID, p.SHA256)
	if b, err := os.ReadFile(ref); err == nil {
		d := strings.TrimSpace(string(b))
		if s.Has(d) {
			return d, nil
		}
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		return "", fmt.Errorf("store list %s: %w", p.ID, err)
	}
	if err := json.NewEncoder(zw).Encode(storedList{Provenance: p, Entries: l.Entries}); err != nil {
		return "", fmt.Errorf("store list %s: %w", p.ID, err)
	}
	if err := zw.Close(); err != nil {
		return "", fmt.Errorf("store list %s: %w", p.ID, err)
	}
	d, err := s.Put(buf.Bytes())
	if err != nil {
		return "", fmt.Errorf("store list %s: %w", p.ID, err)
	}
	if err := os.MkdirAll(filepath.Dir(ref), 0o755); err != nil {
		return "", fmt.Errorf("store list %s: %w", p.ID, err)
	}
	if err := atomicfile.WriteBytes(ref, 0o644, []byte(d+"\n")); err != nil {
		return "", fmt.Errorf("store list %s: %w", p.ID, err)
	}
	return d, nil
}

// GetList loads the list snapshot in object d and checks that it is the
// one want describes (ID, digest of the source files, entry count).
func (s *Store) GetList(d string, want provenance.List) (*lists.List, error) {
	b, err := s.Get(d)
	if err != nil {
		return nil, fmt.Errorf("list %s snapshot: %w", want.ID, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("list %s snapshot: %w: %w", want.ID, ErrMalformed, err)
	}
	var sl storedList
	dec := json.NewDecoder(io.LimitReader(zr, 1<<30))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&sl); err != nil {
		return nil, fmt.Errorf("list %s snapshot: %w: %w", want.ID, ErrMalformed, err)
	}
	got := sl.Provenance
	if got.ID != want.ID || got.SHA256 != want.SHA256 || got.Entries != want.Entries || len(sl.Entries) != want.Entries {
		return nil, fmt.Errorf("list %s snapshot sha256:%s holds %s sha256:%s with %d entries, the record names sha256:%s with %d: %w",
			want.ID, d, got.ID, got.SHA256, len(sl.Entries), want.SHA256, want.Entries, ErrTampered)
	}
	return &lists.List{Provenance: got, Entries: sl.Entries}, nil
}

// PutRecord stores an envelope under its record ID.
func (s *Store) PutRecord(id string, envelope []byte) error {
	if !hexDigest.MatchString(id) {
		return fmt.Errorf("store record: bad id %q", id)
	}
	if err := atomicfile.WriteBytes(filepath.Join(s.dir, "records", id+".json"), 0o644, envelope); err != nil {
		return fmt.Errorf("store record: %w", err)
	}
	return nil
}

// RecordIDs returns the IDs of the stored records, sorted.
func (s *Store) RecordIDs() ([]string, error) {
	ents, err := os.ReadDir(filepath.Join(s.dir, "records"))
	if err != nil {
		return nil, fmt.Errorf("read evidence store: %w", err)
	}
	var ids []string
	for _, e := range ents {
		id, ok := strings.CutSuffix(e.Name(), ".json")
		if ok && hexDigest.MatchString(id) && e.Type().IsRegular() {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// FindRecord returns the envelope of the record whose ID starts with
// prefix (at least 8 hex digits) and its full ID.
func (s *Store) FindRecord(prefix string) ([]byte, string, error) {
	prefix = strings.TrimPrefix(strings.ToLower(prefix), "sha256:")
	if len(prefix) < 8 || len(prefix) > 64 || strings.Trim(prefix, "0123456789abcdef") != "" {
		return nil, "", fmt.Errorf("record %q: want at least 8 hex digits of a record ID", prefix)
	}
	ids, err := s.RecordIDs()
	if err != nil {
		return nil, "", err
	}
	var found []string
	for _, id := range ids {
		if strings.HasPrefix(id, prefix) {
			found = append(found, id)
		}
	}
	switch len(found) {
	case 0:
		return nil, "", fmt.Errorf("record %s: %w", prefix, ErrMissing)
	case 1:
	default:
		return nil, "", fmt.Errorf("record %s: the prefix names %d records; give more digits", prefix, len(found))
	}
	b, err := os.ReadFile(filepath.Join(s.dir, "records", found[0]+".json"))
	if err != nil {
		return nil, "", fmt.Errorf("read record %s: %w", found[0], err)
	}
	return b, found[0], nil
}
