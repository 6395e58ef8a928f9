package provenance

import (
	"errors"
	"fmt"
	"time"
)

// ErrStale is matched (errors.Is) by every error of CheckFresh, so a caller
// can turn a stale list into a warning when the user asked for that.
var ErrStale = errors.New("list is stale")

// StaleError says that a list is older than allowed, or has no date.
type StaleError struct {
	// List is the list's ID.
	List string
	// Published is the list's publication date (zero when unknown).
	Published time.Time
	// Age is how old the list was at the time of the check.
	Age time.Duration
	// MaxAge is the allowed age.
	MaxAge time.Duration
}

// Error implements error; the message is one line.
func (e *StaleError) Error() string {
	const fix = `run "bangate data update" to fetch the current list (offline: "bangate data import" files you brought), ` +
		`or accept the risk with --offline --stale-lists warn (lists.offline: true, lists.stale: warn)`
	if e.Published.IsZero() {
		return fmt.Sprintf("list %s has no publication date, so its age cannot be checked: %s", e.List, fix)
	}
	return fmt.Sprintf("list %s published %s is %d days old, more than the %d days allowed (lists.max-age): %s",
		e.List, e.Published.Format(time.DateOnly), days(e.Age), days(e.MaxAge), fix)
}

// Is makes errors.Is(err, ErrStale) hold.
func (e *StaleError) Is(target error) bool { return target == ErrStale }

// days rounds a duration down to whole days.
func days(d time.Duration) int { return int(d / (24 * time.Hour)) }

// AgeDays returns the whole days between a list's publication and now (the
// check's as-of time), 0 when it was published after now; it is the
// age_days of input.lists.
func AgeDays(p List, now time.Time) int {
	if p.Published.IsZero() || now.Before(p.Published) {
		return 0
	}
	return days(now.Sub(p.Published))
}

// CheckFresh returns a *StaleError when the list was published more than
// maxAge before now, or has no publication date. now is injected (the
// check's as-of time), never read from the clock here. A maxAge of zero or
// less means no limit. A list published after now (a replay with an
// earlier --as-of) is fresh.
func CheckFresh(p List, maxAge time.Duration, now time.Time) error {
	if maxAge <= 0 {
		return nil
	}
	if p.Published.IsZero() {
		return &StaleError{List: p.ID, MaxAge: maxAge}
	}
	if age := now.Sub(p.Published); age > maxAge {
		return &StaleError{List: p.ID, Published: p.Published, Age: age, MaxAge: maxAge}
	}
	return nil
}
