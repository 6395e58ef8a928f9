package monitor

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/screen"
)

// Entry is a list entry an alert names: the entry that changed and how.
type Entry struct {
	List     string   `json:"list"`
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Change   string   `json:"change"`
	Programs []string `json:"programs,omitempty"`
	// Snapshot is the snapshot that brought the change (the old one for
	// a removal).
	Snapshot Snapshot `json:"snapshot"`
}

// PrefilterMargin is how far below the plan's review threshold the
// screener still counts a name as affected. The screener's index holds
// only the changed entries, so a word's rarity (which weighs the score)
// is not what it is in the whole list; the margin makes it err on the
// side of re-screening, which costs a check and never a missed change.
const PrefilterMargin = 0.15

// Screener tells which names the changes of some lists can affect: it
// screens them against an index of only the added and changed entries
// (new versions) and one of the removed and changed entries (old
// versions), with the plan's thresholds lowered by PrefilterMargin.
type Screener struct {
	changes  []Change
	cur, old *screen.Index
	// ids are the changed entries by "list\x00id", for subjects whose
	// decision cites an entry.
	ids map[string][]Entry

	// seen remembers what a name matched ("list\x00id" keys), since the
	// names of an inventory repeat (an SBOM's suppliers, a vendor
	// checked under several plans); at most maxSeen names.
	mu   sync.Mutex
	seen map[string][]string
}

// maxSeen bounds the names a Screener remembers.
const maxSeen = 1 << 20

// NewScreener indexes the entries of changes; match and review are the
// plan's thresholds.
func NewScreener(changes []Change, match, review float64) (*Screener, error) {
	r := max(0.5, review-PrefilterMargin)
	opts := screen.Options{Match: max(r, match-PrefilterMargin), Review: r, Vessels: true}
	s := &Screener{changes: changes, ids: map[string][]Entry{}}
	var curLs, oldLs []*lists.List
	for _, c := range changes {
		id := c.New.List
		if id == "" {
			id = c.Old.List
		}
		var cur, old []lists.Entry
		cur = append(append(cur, c.Diff.Added...), c.Diff.Changed...)
		old = append(append(old, c.Diff.Removed...), c.oldChanged...)
		add := func(es []lists.Entry, change string, snap Snapshot) {
			for _, e := range es {
				k := id + "\x00" + e.ID
				s.ids[k] = append(s.ids[k], Entry{List: id, ID: e.ID, Name: e.Name, Change: change, Programs: e.Programs, Snapshot: snap})
			}
		}
		add(c.Diff.Added, ChangeAdded, c.New)
		add(c.Diff.Changed, ChangeChanged, c.New)
		add(c.Diff.Removed, ChangeRemoved, c.Old)
		if len(cur) > 0 {
			curLs = append(curLs, miniList(id, c, cur))
		}
		if len(old) > 0 {
			oldLs = append(oldLs, miniList(id, c, dedupe(old)))
		}
	}
	var err error
	if len(curLs) > 0 {
		if s.cur, err = screen.NewIndex(curLs, opts); err != nil {
			return nil, fmt.Errorf("index the changed entries: %w", err)
		}
	}
	if len(oldLs) > 0 {
		if s.old, err = screen.NewIndex(oldLs, opts); err != nil {
			return nil, fmt.Errorf("index the removed entries: %w", err)
		}
	}
	return s, nil
}

// miniList is a list of the given entries with the provenance of the
// list they come from, so that they are matched as that list's kind.
func miniList(id string, c Change, es []lists.Entry) *lists.List {
	l := &lists.List{Entries: es}
	l.Provenance.ID = id
	l.Provenance.Kind = c.kind
	return l
}

// dedupe drops repeated entries (an ID and name given twice).
func dedupe(es []lists.Entry) []lists.Entry {
	seen := map[[2]string]bool{}
	out := es[:0:0]
	for _, e := range es {
		k := [2]string{e.ID, e.Name}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// matches returns the changed entries ("list\x00id") name matches, from
// memory when it was screened before.
func (s *Screener) matches(name string) ([]string, error) {
	s.mu.Lock()
	keys, ok := s.seen[name]
	s.mu.Unlock()
	if ok {
		return keys, nil
	}
	for _, ix := range []*screen.Index{s.cur, s.old} {
		if ix == nil {
			continue
		}
		ms, err := ix.Name(screen.Query{Name: name})
		if err != nil {
			return nil, fmt.Errorf("screen %q against the changed entries: %w", name, err)
		}
		for _, m := range ms {
			keys = append(keys, m.List+"\x00"+m.EntryID)
		}
	}
	s.mu.Lock()
	if s.seen == nil {
		s.seen = map[string][]string{}
	}
	if len(s.seen) < maxSeen {
		s.seen[name] = keys
	}
	s.mu.Unlock()
	return keys, nil
}

// Empty reports whether no entry changed.
func (s *Screener) Empty() bool { return s.cur == nil && s.old == nil }

// Affects returns the changed entries that names (a subject's screened
// parties) or lookups (its identifier look-ups) can match, and those
// cited (list and entry IDs, as "list/id") by the subject's last
// decision; none means the changes cannot change the subject's outcome.
func (s *Screener) Affects(names, cited []string, lookups []check.Lookup) ([]Entry, error) {
	var out []Entry
	seen := map[string]bool{}
	add := func(list, id string) {
		k := list + "\x00" + id
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, s.ids[k]...)
	}
	for _, c := range cited {
		if list, id, ok := strings.Cut(c, "/"); ok {
			if _, known := s.ids[list+"\x00"+id]; known {
				add(list, id)
			}
		}
	}
	for _, n := range names {
		if strings.TrimSpace(n) == "" {
			continue
		}
		keys, err := s.matches(n)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			list, id, _ := strings.Cut(k, "\x00")
			add(list, id)
		}
	}
	for _, ix := range []*screen.Index{s.cur, s.old} {
		if ix == nil {
			continue
		}
		for _, l := range lookups {
			ms, err := l.Query(ix)
			if err != nil {
				return nil, fmt.Errorf("look up %s %q among the changed entries: %w", l.Kind, l.Value, err)
			}
			for _, m := range ms {
				add(m.List, m.EntryID)
			}
		}
	}
	slices.SortFunc(out, func(a, b Entry) int {
		return strings.Compare(a.List+"\x00"+a.ID+"\x00"+a.Change, b.List+"\x00"+b.ID+"\x00"+b.Change)
	})
	return out, nil
}
