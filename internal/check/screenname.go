package check

import (
	"strings"

	"github.com/bangate/bangate/internal/screen"
)

// Outcomes of screening one name.
const (
	NameMatch  = "match"
	NameReview = "review"
	NameNone   = "none"
)

// NameResult is how one name screened against every list.
type NameResult struct {
	// Query is the name as given.
	Query string
	// Outcome is NameMatch (a score at or above the match threshold),
	// NameReview (at or above the review threshold) or NameNone.
	Outcome string
	// Matches are the matches, best first.
	Matches []screen.Match
}

// ScreenName screens one party name against every list, as a check
// screens a party of kind ("person", "organization" or "" for unknown).
// An error means a matched list entry could not be read: nothing may be
// concluded from the name, and the next call reads again.
func (s *Session) ScreenName(name, kind string) (NameResult, error) {
	r := NameResult{Query: name, Outcome: NameNone}
	if strings.TrimSpace(name) == "" {
		return r, nil
	}
	ms, err := s.screening.Index.Name(screen.Query{Name: name, Kind: kind})
	if err != nil {
		s.screening.failed(err)
		return NameResult{}, err
	}
	t := s.screening.Thresholds
	for _, m := range ms {
		r.Matches = append(r.Matches, m)
		switch {
		case m.Score >= t.Match:
			r.Outcome = NameMatch
		case m.Score >= t.Review && r.Outcome == NameNone:
			r.Outcome = NameReview
		}
	}
	return r, nil
}

// WarmIndex indexes the lists of a plan and keeps the index in
// src.IndexCache, so that the next check starts at once; data commands
// call it after they change the lists.
func WarmIndex(plan Plan, src Sources) error {
	if src.Cache == nil {
		src.Cache = NewCache()
	}
	_, err := loadScreening(plan, src)
	return err
}
