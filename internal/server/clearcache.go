package server

import (
	"context"
	"sync"
)

// clearingCache holds the reviewers' clearings as the decision log held
// them at seq, read on day (a clearing lapses by date): the checks apply
// them without reading every review again, and each check's decision is
// logged only if no review was logged after seq (Server.checkOnce), by
// this process or another sharing the database.
type clearingCache struct {
	mu  sync.Mutex
	ok  bool
	day string
	seq int64
	cs  []clearing
}

// cachedClearings returns the live clearings (Server.clearings) and the
// seq of the log they are as of, read again when none are cached for
// today. The slice is shared: read it, do not change it.
func (s *Server) cachedClearings(ctx context.Context) ([]clearing, int64, error) {
	c := &s.clearCache
	today := s.now().UTC().Format("2006-01-02")
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ok && c.day == today {
		return c.cs, c.seq, nil
	}
	// The head first: a review logged between the two readings is after
	// seq, so a decision on these clearings is decided again, on the
	// clearings read anew.
	seq, _, err := s.opts.Log.Head(ctx)
	if err != nil {
		return nil, 0, err
	}
	cs, err := s.clearings(ctx)
	if err != nil {
		return nil, 0, err
	}
	c.ok, c.day, c.seq, c.cs = true, today, seq, cs
	return cs, seq, nil
}

// clearingsChanged says that a review was logged after seq: clearings
// cached as of seq or before are read again.
func (s *Server) clearingsChanged(after int64) {
	c := &s.clearCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seq <= after {
		c.ok = false
	}
}
