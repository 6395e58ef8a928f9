package check

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
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

// load reads the index file at path; nil when there is none or it does
// not read.
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

// openIndex reads the index file at path. The file is mapped into memory
// where the system allows, so that a check touches only the pages of the
// entries it reads (and makes no system call to read one); else it stays
// open. Either way it is released once the index is garbage.
func openIndex(path string) (*Screening, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	ix, err := indexfile.Read(f, info.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	runtime.AddCleanup(ix, func(f *os.File) { f.Close() }, f)
	return newScreening(ix)
}

// store writes the index to path, atomically, and prunes the oldest
// files beyond Keep.
func (c *IndexCache) store(path string, ix *screen.Index) {
	data, err := indexfile.Marshal(ix)
	if err == nil {
		if err = os.MkdirAll(c.Dir, 0o755); err == nil {
			err = atomicfile.WriteBytes(path, 0o644, data)
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
			if err := os.Remove(f.path); err != nil {
				c.log(slog.LevelWarn, "old screening index not removed", "file", f.path, "err", err)
			}
		}
	}
}

func (c *IndexCache) log(level slog.Level, msg string, args ...any) {
	if c.Log != nil {
		c.Log.Log(context.Background(), level, msg, args...)
	}
}
