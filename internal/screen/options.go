package screen

import (
	"errors"
	"fmt"
)

// Options tune the matcher.
type Options struct {
	// Match is the score at or above which a name match is a hit.
	Match float64
	// Review is the score at or above which a name match is a possible
	// match a person must clear; matches below it are not returned.
	Review float64
	// MaxMatches caps the matches returned for one name, best first;
	// 0, the default, means no cap: a common name may match many
	// entries, and each is a possible match the policy must see.
	MaxMatches int
	// Vessels also matches names against vessel and aircraft entries of
	// sanctions lists. Off by default: the parties of SBOMs and
	// procurement records are organisations and persons, and vessel names
	// ("ORIENT", "HAPPY") only add false positives.
	Vessels bool
}

// Default thresholds; testdata/accuracy/README.md at the repository root
// says how they were chosen.
const (
	// DefaultMatch is the default hit threshold.
	DefaultMatch = 0.85
	// DefaultReview is the default possible-match threshold.
	DefaultReview = 0.80
)

// DefaultOptions returns the options the accuracy test measures.
func DefaultOptions() Options {
	return Options{Match: DefaultMatch, Review: DefaultReview}
}

// Validate reports an option out of range.
func (o Options) Validate() error {
	switch {
	case !(o.Review > 0 && o.Review <= 1):
		return fmt.Errorf("review threshold %v: %w", o.Review, errThreshold)
	case !(o.Match > 0 && o.Match <= 1):
		return fmt.Errorf("match threshold %v: %w", o.Match, errThreshold)
	case o.Review > o.Match:
		return fmt.Errorf("review threshold %v above match threshold %v: %w", o.Review, o.Match, errThreshold)
	case o.MaxMatches < 0:
		return fmt.Errorf("max matches %d: must not be negative", o.MaxMatches)
	}
	return nil
}

// IsHit reports whether score is at or above the match threshold; a
// returned match that is not a hit is a possible match.
func (o Options) IsHit(score float64) bool { return score >= o.Match }

var errThreshold = errors.New("must be in (0, 1] with review <= match")
