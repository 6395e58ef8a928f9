package check

import (
	"errors"
	"fmt"
	"sort"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/internal/screen/indexfile"
)

// Screening is an immutable set of loaded lists and their index.
type Screening struct {
	// Index screens names and identifiers against every list.
	Index *screen.Index
	// Lists is the provenance of every list, sorted by ID.
	Lists []provenance.List
	// Kinds maps a list ID to its kind.
	Kinds map[string]provenance.Kind
	// Thresholds are the name-match thresholds the index was built with.
	Thresholds screen.Options

	// names keeps the matches of the names screened lately.
	names *nameCache

	// damaged, when set, is called when an entry of the index's file does
	// not read as it was written (indexfile.ErrFormat: entries are checked
	// when first read): the cache then drops the file, so that the next
	// check indexes the lists again.
	damaged func()
}

// failed tells the index cache about a screening error that shows its
// file damaged.
func (s *Screening) failed(err error) {
	if s.damaged != nil && errors.Is(err, indexfile.ErrFormat) {
		s.damaged()
	}
}

// NewScreening indexes the lists once.
func NewScreening(ls []*lists.List, opts screen.Options) (*Screening, error) {
	ix, err := screen.NewIndex(ls, opts)
	if err != nil {
		return nil, fmt.Errorf("index lists: %w", err)
	}
	return newScreening(ix)
}

// newScreening is the Screening of an index.
func newScreening(ix *screen.Index) (*Screening, error) {
	s := &Screening{Index: ix, Kinds: map[string]provenance.Kind{}, Thresholds: ix.Options(), names: newNameCache()}
	for _, p := range ix.Provenance() {
		if _, dup := s.Kinds[p.ID]; dup {
			return nil, fmt.Errorf("index lists: list %s is loaded twice", p.ID)
		}
		s.Kinds[p.ID] = p.Kind
		s.Lists = append(s.Lists, p)
	}
	sort.Slice(s.Lists, func(i, j int) bool { return s.Lists[i].ID < s.Lists[j].ID })
	return s, nil
}

// Loaded returns the loaded lists, in the order they were indexed. They
// are shared and must not be changed. An index read from its file reads
// every entry here; an error names the one it could not read.
func (s *Screening) Loaded() ([]*lists.List, error) { return s.Index.Lists() }
