package check

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/bangate/bangate/internal/atomicfile"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/internal/screen/indexfile"
)

// IndexCache keeps built screening indexes as files in a directory, so
// that a run whose lists have not changed decodes the index instead of
// parsing the list files and indexing some 40,000 names again. A file is
// named by the digest of everything the index is built from (see
// LoadScreening); a file that cannot be read or decoded is rebuilt, and a
// cache that cannot be written only costs the next run the indexing.
//
// An index file is untrusted input: anyone who can write the directory
// could put there an index built from other lists (say, a 12-entry SDN
// list), and its name and checksums would not tell. So each file's
// digest is recorded when it is written, in a record beside it
// (<name>.json, an IndexRecord), and checked before every read: a file
// without a record, or whose digest differs, is discarded and rebuilt.
// The digest checked is that of the tables (indexfile.TablesSHA256), which
// hold the digest of each 16 KiB block of entries: the tables are read
// and hashed once, in memory, when the file is opened (some 3 ms for the
// 5 MB of tables of a 12 MB file), and each block of entries when it is
// first read.
type IndexCache struct {
	// Dir holds the index files.
	Dir string
	// Program identifies the running program: its code and the data
	// built into it (the built-in bundle, the embedded snapshot). An
	// empty Program disables the cache: without it a file written by
	// another build could be taken for this one's.
	Program string
	// Keep is how many index files to keep, newest first; 0 means 4.
	Keep int
	// Log receives what the cache did, at debug level, and why a file
	// was discarded or could not be written, at warn level; nil: no log.
	Log *slog.Logger
}

// indexFileExt is the extension of index files.
const indexFileExt = ".idx"

// recordExt is the extension of the record beside each index file.
const recordExt = ".json"

// IndexRecord is what is recorded of an index file when it is written.
type IndexRecord struct {
	// File is the index file's name in the cache directory.
	File string `json:"file"`
	// SHA256 is the hex digest of the file.
	SHA256 string `json:"sha256"`
	// TablesSHA256 is the hex digest of the file's header and tables
	// section (indexfile.TablesSHA256), checked before every read: the
	// tables hold the digest of each block of entries, checked when the
	// block is first read, so it covers the whole file.
	TablesSHA256 string `json:"tables_sha256"`
	// Size is the file's size in bytes.
	Size int64 `json:"size"`
	// Written is when the file was written.
	Written time.Time `json:"written"`
	// Lists are the list snapshots the index was built from.
	Lists []IndexedList `json:"lists"`
}

// IndexedList names one list snapshot an index was built from.
type IndexedList struct {
	ID      string `json:"id"`
	SHA256  string `json:"sha256"`
	Entries int    `json:"entries"`
}

// LoadScreening loads the lists of src and indexes them with opts, or,
// when cache holds an index built from the same lists, options and
// program, decodes that instead. cache may be nil.
func LoadScreening(src ListSources, opts screen.Options, cache *IndexCache) (*Screening, error) {
	return loadStamped(src, "", opts, cache)
}

// loadStamped is LoadScreening of lists whose Stamp the caller has taken
// already ("": not yet).
func loadStamped(src ListSources, stamp string, opts screen.Options, cache *IndexCache) (*Screening, error) {
	if err := opts.Validate(); err != nil {
		return nil, fmt.Errorf("screen options: %w", err)
	}
	var path string
	if cache != nil && cache.Program != "" && cache.Dir != "" {
		if stamp == "" {
			var err error
			if stamp, err = src.Stamp(); err != nil {
				return nil, err
			}
		}
		path = filepath.Join(cache.Dir, indexKey(cache.Program, stamp, opts)+indexFileExt)
		if s := cache.load(path); s != nil {
			return s, nil
		}
	}
	ls, err := src.Load()
	if err != nil {
		return nil, err
	}
	s, err := NewScreening(ls, opts)
	if err != nil {
		return nil, err
	}
	if path != "" {
		cache.store(path, s.Index)
	}
	return s, nil
}

// indexKey is the digest an index file is named by.
func indexKey(program, stamp string, opts screen.Options) string {
	h := sha256.New()
	fmt.Fprintf(h, "program %s\nlists %s\noptions %+v\n", program, stamp, opts)
	return hex.EncodeToString(h.Sum(nil))
}

// load reads the index file at path; nil when there is none, it has no
// record, its digest is not the recorded one, or it does not read.
func (c *IndexCache) load(path string) *Screening {
	s, err := openIndex(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		c.log(slog.LevelDebug, "no cached screening index", "file", path)
		return nil
	case err != nil:
		c.log(slog.LevelWarn, "cached screening index discarded; indexing the lists again", "file", path, "err", err)
		return nil
	}
	now := time.Now()
	_ = os.Chtimes(path, now, now) // kept longest when used most recently
	c.log(slog.LevelDebug, "screening index from cache", "file", path)
	var once sync.Once
	s.damaged = func() {
		once.Do(func() {
			c.log(slog.LevelWarn, "cached screening index damaged; removed, the next check indexes the lists again", "file", path)
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				c.log(slog.LevelWarn, "damaged screening index not removed", "file", path, "err", err)
			}
		})
	}
	return s
}

// ReadIndexRecord reads the record of the index file at path.
func ReadIndexRecord(path string) (IndexRecord, error) {
	var r IndexRecord
	b, err := os.ReadFile(strings.TrimSuffix(path, indexFileExt) + recordExt)
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return r, fmt.Errorf("index record of %s: %w", filepath.Base(path), err)
	}
	return r, nil
}

// errNoRecord is wrapped when an index file has no record of its digest.
var errNoRecord = errors.New("no digest recorded for it (not written by bangate's index cache)")

// openIndex reads the index file at path once the sha256 of its tables is
// the one its record holds. The file stays open while the index is in use
// (the entries of sanctions lists are read from it when a match needs
// one) and is closed once the index is garbage. The digest is taken over
// the very bytes of the tables the index keeps in memory, so it is the
// file that is then used; an entry read later is checked against its
// block's digest, which the tables hold.
func openIndex(path string) (*Screening, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	rec, err := ReadIndexRecord(path)
	if errors.Is(err, fs.ErrNotExist) {
		err = errNoRecord
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	var want [sha256.Size]byte
	if n, err := hex.Decode(want[:], []byte(rec.TablesSHA256)); err != nil || n != len(want) || len(rec.TablesSHA256) != 2*len(want) {
		f.Close()
		return nil, fmt.Errorf("%w: its record holds no sha256 of its tables: %q", errNoRecord, rec.TablesSHA256)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if info.Size() != rec.Size {
		f.Close()
		return nil, fmt.Errorf("its size (%d bytes) is not the recorded %d bytes, so its sha256 is not the recorded %s", info.Size(), rec.Size, rec.SHA256)
	}
	ix, err := indexfile.ReadSHA256(f, info.Size(), want)
	if err != nil {
		f.Close()
		if errors.Is(err, indexfile.ErrDigest) {
			return nil, fmt.Errorf("the sha256 of its tables is not the recorded %s: %w", rec.TablesSHA256, err)
		}
		return nil, err
	}
	runtime.AddCleanup(ix, func(f *os.File) { f.Close() }, f)
	return newScreening(ix)
}

// store writes the index to path and its record beside it, each
// atomically, and prunes the oldest files beyond Keep.
func (c *IndexCache) store(path string, ix *screen.Index) {
	data, err := indexfile.Marshal(ix)
	if err == nil {
		if err = os.MkdirAll(c.Dir, 0o755); err == nil {
			err = atomicfile.WriteBytes(path, 0o644, data)
		}
	}
	if err == nil {
		sum := sha256.Sum256(data)
		rec := IndexRecord{File: filepath.Base(path), SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)), Written: time.Now().UTC()}
		var tables [sha256.Size]byte
		if tables, err = indexfile.TablesSHA256(data); err != nil {
			c.log(slog.LevelWarn, "screening index not cached", "file", path, "err", err)
			return
		}
		rec.TablesSHA256 = hex.EncodeToString(tables[:])
		for _, p := range ix.Provenance() {
			rec.Lists = append(rec.Lists, IndexedList{ID: p.ID, SHA256: p.SHA256, Entries: p.Entries})
		}
		var js []byte
		if js, err = json.MarshalIndent(rec, "", "  "); err == nil {
			err = atomicfile.WriteBytes(strings.TrimSuffix(path, indexFileExt)+recordExt, 0o644, js)
		}
	}
	if err != nil {
		c.log(slog.LevelWarn, "screening index not cached", "file", path, "err", err)
		return
	}
	c.log(slog.LevelDebug, "screening index cached", "file", path, "bytes", len(data))
	c.prune(path)
}

// prune removes the least recently used index files beyond Keep; keep
// is never removed.
func (c *IndexCache) prune(keep string) {
	n := c.Keep
	if n <= 0 {
		n = 4
	}
	ents, err := os.ReadDir(c.Dir)
	if err != nil {
		return
	}
	type file struct {
		path string
		mod  time.Time
	}
	var files []file
	for _, e := range ents {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), indexFileExt) {
			if info, err := e.Info(); err == nil {
				files = append(files, file{filepath.Join(c.Dir, e.Name()), info.ModTime()})
			}
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].mod.After(files[j].mod) })
	for i, f := range files {
		if i >= n && f.path != keep {
			for _, p := range []string{f.path, strings.TrimSuffix(f.path, indexFileExt) + recordExt} {
				if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
					c.log(slog.LevelWarn, "old screening index not removed", "file", p, "err", err)
				}
			}
		}
	}
}

func (c *IndexCache) log(level slog.Level, msg string, args ...any) {
	if c.Log != nil {
		c.Log.Log(context.Background(), level, msg, args...)
	}
}

// CachedIndex returns the path of the index file a session of plan with
// src would read (the lists as they are now, the plan's thresholds, this
// program), its record, and whether both exist; "" when src keeps no
// index cache.
func CachedIndex(plan Plan, src Sources) (string, IndexRecord, bool, error) {
	c := src.IndexCache
	if c == nil || c.Program == "" || c.Dir == "" {
		return "", IndexRecord{}, false, nil
	}
	if src.Now == nil {
		src.Now = time.Now
	}
	opts := screen.DefaultOptions()
	opts.Match, opts.Review = plan.Screening.Match, plan.Screening.Review
	ls := ListSources{Builtin: src.Builtin, UserDirs: plan.Policies.Dirs, StoreDir: plan.Lists.StoreDir, Now: src.Now}
	stamp, err := ls.Stamp()
	if err != nil {
		return "", IndexRecord{}, false, err
	}
	path := filepath.Join(c.Dir, indexKey(c.Program, stamp, opts)+indexFileExt)
	_, statErr := os.Stat(path)
	rec, recErr := ReadIndexRecord(path)
	switch {
	case errors.Is(statErr, fs.ErrNotExist) || errors.Is(recErr, fs.ErrNotExist):
		return path, IndexRecord{}, false, nil
	case statErr != nil:
		return path, IndexRecord{}, false, statErr
	case recErr != nil:
		return path, IndexRecord{}, false, recErr
	}
	return path, rec, true, nil
}
