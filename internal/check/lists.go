package check

import (
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
	var stored []*lists.List
	if dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "lists")); err == nil {
			store, err := lists.OpenStore(dir, now)
			if err != nil {
				return nil, err
			}
			ids, err := store.IDs()
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				l, err := store.Load(id)
				if err != nil {
					return nil, fmt.Errorf("load list %s from %s: %w", id, dir, err)
				}
				stored = append(stored, l)
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("open list store %s: %w", dir, err)
		}
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
