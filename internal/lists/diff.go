package lists

import (
	"reflect"
	"sort"
)

// ListDiff is what changed between two snapshots of a list.
type ListDiff struct {
	// Added are entries of the new snapshot that the old one lacks.
	Added []Entry
	// Removed are entries of the old snapshot that the new one lacks.
	Removed []Entry
	// Changed are entries of the new snapshot whose ID and name the old
	// one has, with other content (aliases, programs, remarks) changed.
	Changed []Entry
}

// Diff compares two snapshots of a list by content: an entry is the same
// when its ID and primary name are. OFAC reuses ent_nums, so an ent_num now
// naming another party shows as one removal and one addition, never as a
// change. Results are sorted by ID, then name.
func Diff(old, cur *List) ListDiff {
	type key struct{ id, name string }
	index := func(l *List) map[key]*Entry {
		m := make(map[key]*Entry, len(l.Entries))
		for i := range l.Entries {
			e := &l.Entries[i]
			m[key{e.ID, e.Name}] = e
		}
		return m
	}
	o, n := index(old), index(cur)
	var d ListDiff
	for k, e := range n {
		prev, ok := o[k]
		switch {
		case !ok:
			d.Added = append(d.Added, *e)
		case !sameContent(*prev, *e):
			d.Changed = append(d.Changed, *e)
		}
	}
	for k, e := range o {
		if _, ok := n[k]; !ok {
			d.Removed = append(d.Removed, *e)
		}
	}
	for _, s := range [][]Entry{d.Added, d.Removed, d.Changed} {
		sort.Slice(s, func(i, j int) bool {
			if s[i].ID != s[j].ID {
				return s[i].ID < s[j].ID
			}
			return s[i].Name < s[j].Name
		})
	}
	return d
}

// sameContent reports whether two entries hold the same data, ignoring the
// list they belong to.
func sameContent(a, b Entry) bool {
	a.List, b.List = "", ""
	return reflect.DeepEqual(a, b)
}
