package check

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/bangate/bangate/internal/lists"
)

// LoadLists gathers every list a check screens against: the ban lists of
// the built-in bundle and of each user policy directory, then the sanctions
// lists (snapshot, or the embedded snapshot when snapshot is nil).
func LoadLists(builtin fs.FS, userDirs []string, snapshot []*lists.List) ([]*lists.List, error) {
	var out []*lists.List
	if builtin != nil {
		bans, err := lists.LoadBanLists(builtin)
		if err != nil {
			return nil, fmt.Errorf("load built-in ban lists: %w", err)
		}
		out = append(out, bans...)
	}
	for _, dir := range userDirs {
		bans, err := lists.LoadBanLists(os.DirFS(dir))
		if err != nil {
			return nil, fmt.Errorf("load ban lists of %s: %w", dir, err)
		}
		out = append(out, bans...)
	}
	if snapshot == nil {
		var err error
		if snapshot, err = lists.Snapshot(); err != nil {
			return nil, fmt.Errorf("load embedded list snapshot: %w", err)
		}
	}
	return append(out, snapshot...), nil
}

// SanctionsLists returns the sanctions lists in force: each list's current
// snapshot in the store at dir (filled by `bangate data update` or
// `data import`), and the embedded snapshot for every list the store does
// not hold. A store that does not exist yet holds nothing.
func SanctionsLists(dir string, now func() time.Time) ([]*lists.List, error) {
	store, ids, err := storedLists(dir, now)
	if err != nil {
		return nil, err
	}
	var stored []*lists.List
	for _, id := range ids {
		l, err := store.Load(id)
		if err != nil {
			return nil, fmt.Errorf("load list %s from %s: %w", id, dir, err)
		}
		stored = append(stored, l)
	}
	skip := map[string]bool{}
	for _, l := range stored {
		skip[l.Provenance.ID] = true
	}
	embedded, err := lists.SnapshotExcept(skip)
	if err != nil {
		return nil, fmt.Errorf("load embedded list snapshot: %w", err)
	}
	return append(embedded, stored...), nil
}

// storedLists opens the snapshot store at dir and returns the IDs of the
// lists it holds; a store that does not exist yet (or dir "") holds none.
func storedLists(dir string, now func() time.Time) (*lists.Store, []string, error) {
	if dir == "" {
		return nil, nil, nil
	}
	if _, err := os.Stat(filepath.Join(dir, "lists")); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, fmt.Errorf("open list store %s: %w", dir, err)
	}
	store, err := lists.OpenStore(dir, now)
	if err != nil {
		return nil, nil, err
	}
	ids, err := store.IDs()
	if err != nil {
		return nil, nil, err
	}
	return store, ids, nil
}

// ListSources says where the lists of a check come from, so that they can
// be loaded, or recognised without loading them (Stamp).
type ListSources struct {
	// Builtin is the built-in policy bundle, whose ban lists come first.
	Builtin fs.FS
	// UserDirs are the user policy directories, whose ban lists follow.
	UserDirs []string
	// StoreDir is the list snapshot store; empty: the embedded snapshot
	// only.
	StoreDir string
	// Now is the clock the store records imports with.
	Now func() time.Time
}

// Load loads every list: LoadLists over the sources.
func (s ListSources) Load() ([]*lists.List, error) {
	snap, err := SanctionsLists(s.StoreDir, s.Now)
	if err != nil {
		return nil, err
	}
	return LoadLists(s.Builtin, s.UserDirs, snap)
}

// Stamp returns a digest that changes whenever what Load returns can: the
// bytes of every ban list file, the manifest of every stored snapshot,
// and which lists come from the embedded snapshot. The content of the
// built-in bundle and of the embedded snapshot belongs to the program; a
// caller keying a cache on the stamp adds the program's identity.
func (s ListSources) Stamp() (string, error) {
	h := sha256.New()
	bundles := []fs.FS{s.Builtin}
	for _, dir := range s.UserDirs {
		bundles = append(bundles, os.DirFS(dir))
	}
	for i, b := range bundles {
		if b == nil {
			continue
		}
		names, err := lists.BanListFiles(b)
		if err != nil {
			return "", err
		}
		for _, name := range names {
			data, err := fs.ReadFile(b, name)
			if err != nil {
				return "", fmt.Errorf("read %s: %w", name, err)
			}
			sum := sha256.Sum256(data)
			fmt.Fprintf(h, "bundle %d %s %x\n", i, name, sum)
		}
	}
	store, ids, err := storedLists(s.StoreDir, s.Now)
	if err != nil {
		return "", err
	}
	stored := map[string]bool{}
	for _, id := range ids {
		st, err := store.Stamp(id)
		if err != nil {
			return "", err
		}
		stored[id] = true
		fmt.Fprintf(h, "stored %s %s\n", id, st)
	}
	for _, id := range lists.SnapshotIDs() {
		if !stored[id] {
			fmt.Fprintf(h, "embedded %s\n", id)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
