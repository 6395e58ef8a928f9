package screen

import (
	"cmp"
	"slices"

	"github.com/bangate/bangate/internal/lists"
)

// newMatch fills a Match for the entry e, which r points at.
func (ix *Index) newMatch(r ref, e *lists.Entry, matched, on string, score float64, method, explain string) Match {
	m := Match{
		List:        ix.listID(r),
		EntryID:     e.ID,
		EntryName:   e.Name,
		MatchedName: matched,
		MatchedOn:   on,
		Score:       score,
		Method:      method,
		Explain:     explain,
		EntryType:   e.Type,
	}
	if len(e.Programs) > 0 {
		m.Programs = slices.Clone(e.Programs)
	}
	if len(e.LinkedTo) > 0 {
		m.LinkedTo = slices.Clone(e.LinkedTo)
	}
	return m
}

// compareMatches orders matches best first, then by list, entry and what
// matched, so that output is deterministic.
func compareMatches(a, b Match) int {
	return cmp.Or(
		cmp.Compare(b.Score, a.Score),
		cmp.Compare(a.List, b.List),
		cmp.Compare(a.EntryID, b.EntryID),
		cmp.Compare(a.MatchedOn, b.MatchedOn),
		cmp.Compare(a.MatchedName, b.MatchedName),
	)
}

// sortMatches sorts matches best first.
func sortMatches(ms []Match) []Match {
	slices.SortFunc(ms, compareMatches)
	return ms
}
