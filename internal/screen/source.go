package screen

import (
	"sync"

	"github.com/bangate/bangate/internal/lists"
)

// EntryRef locates an entry of an index: the position of its list among
// the index's lists and the entry's position in that list.
type EntryRef struct {
	List, Entry int
}

// EntrySource gives an index the entries of its lists when a query needs
// one: from memory for an index NewIndex built, from the index file for
// one read back (package indexfile). It must be safe for concurrent use.
// The index only asks for entries that exist.
type EntrySource interface {
	// Entry returns the entry r locates. It is shared and must not be
	// changed. An error says why it could not be read: the query that
	// asked fails, and nothing else.
	Entry(r EntryRef) (*lists.Entry, error)
	// Find returns the position in list (a position among the index's
	// lists) of the entry whose ID is id; ok is false when it has none.
	Find(list int, id string) (entry int, ok bool, err error)
}

// listSource is the EntrySource of lists held in memory.
type listSource struct {
	lists []*lists.List
	// byID maps, per list, an entry ID to the entry's position; built on
	// the first Find.
	byID func() []map[string]int
}

var _ EntrySource = (*listSource)(nil)

// newListSource returns the EntrySource of ls.
func newListSource(ls []*lists.List) *listSource {
	s := &listSource{lists: ls}
	s.byID = sync.OnceValue(func() []map[string]int {
		out := make([]map[string]int, len(ls))
		for li, l := range ls {
			m := make(map[string]int, len(l.Entries))
			for ei := range l.Entries {
				if _, dup := m[l.Entries[ei].ID]; !dup {
					m[l.Entries[ei].ID] = ei
				}
			}
			out[li] = m
		}
		return out
	})
	return s
}

// Entry returns the entry r locates.
func (s *listSource) Entry(r EntryRef) (*lists.Entry, error) {
	return &s.lists[r.List].Entries[r.Entry], nil
}

// Find returns the position of the entry id of list.
func (s *listSource) Find(list int, id string) (int, bool, error) {
	ei, ok := s.byID()[list][id]
	return ei, ok, nil
}
