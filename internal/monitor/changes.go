package monitor

import (
	"slices"
	"time"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// Kinds of entry change.
const (
	// ChangeAdded is an entry the new snapshot has and the old lacks.
	ChangeAdded = "added"
	// ChangeChanged is an entry whose content changed.
	ChangeChanged = "changed"
	// ChangeRemoved is an entry the new snapshot no longer has.
	ChangeRemoved = "removed"
)

// Snapshot names a list snapshot: its list, digest and publication date.
type Snapshot struct {
	List      string    `json:"list"`
	SHA256    string    `json:"sha256"`
	Published time.Time `json:"published,omitzero"`
}

// SnapshotOf is the Snapshot of a list's provenance.
func SnapshotOf(p provenance.List) Snapshot {
	return Snapshot{List: p.ID, SHA256: p.SHA256, Published: p.Published}
}

// Change is what changed in one list between two snapshots.
type Change struct {
	// Old and New are the snapshots (Old zero for a list that is new,
	// New zero for a list no longer loaded).
	Old, New Snapshot
	// Diff holds the entries added, changed and removed.
	Diff lists.ListDiff
	// oldChanged are the old versions of Diff.Changed.
	oldChanged []lists.Entry
	// kind is the list's kind.
	kind provenance.Kind
}

// Changes compares the lists of two sessions by ID and digest and
// returns the lists whose snapshot changed, in ID order. A list only one
// side has counts as wholly added or removed.
func Changes(old, cur []*lists.List) []Change {
	byID := func(ls []*lists.List) map[string]*lists.List {
		m := make(map[string]*lists.List, len(ls))
		for _, l := range ls {
			m[l.Provenance.ID] = l
		}
		return m
	}
	o, n := byID(old), byID(cur)
	var ids []string
	for id := range o {
		ids = append(ids, id)
	}
	for id := range n {
		if _, ok := o[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	var out []Change
	for _, id := range ids {
		ol, nl := o[id], n[id]
		empty := &lists.List{}
		switch {
		case ol == nil:
			empty.Provenance = nl.Provenance
			out = append(out, Change{New: SnapshotOf(nl.Provenance), Diff: lists.Diff(empty, nl), kind: nl.Provenance.Kind})
		case nl == nil:
			empty.Provenance = ol.Provenance
			out = append(out, Change{Old: SnapshotOf(ol.Provenance), Diff: lists.Diff(ol, empty), kind: ol.Provenance.Kind})
		case ol.Provenance.SHA256 != nl.Provenance.SHA256:
			c := Change{Old: SnapshotOf(ol.Provenance), New: SnapshotOf(nl.Provenance), Diff: lists.Diff(ol, nl), kind: nl.Provenance.Kind}
			if len(c.Diff.Changed) > 0 {
				prev := make(map[[2]string]lists.Entry, len(ol.Entries))
				for _, e := range ol.Entries {
					prev[[2]string{e.ID, e.Name}] = e
				}
				for _, e := range c.Diff.Changed {
					c.oldChanged = append(c.oldChanged, prev[[2]string{e.ID, e.Name}])
				}
			}
			if len(c.Diff.Added)+len(c.Diff.Changed)+len(c.Diff.Removed) > 0 {
				out = append(out, c)
			}
		}
	}
	return out
}

// Entries counts the entries the changes touch.
func Entries(cs []Change) int {
	n := 0
	for _, c := range cs {
		n += len(c.Diff.Added) + len(c.Diff.Changed) + len(c.Diff.Removed)
	}
	return n
}
