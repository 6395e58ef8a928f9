package check

import (
	"sync"

	"github.com/bangate/bangate/internal/screen"
)

// Name cache bounds: some 4,096 names of up to 256 bytes, with their
// matches.
const (
	nameCacheMax     = 4096
	nameCacheMaxName = 256
)

// nameCache keeps the matches of the names a Screening screened lately,
// shared by the checks of every session on it: a server is asked about
// the same vendors again and again, and a name's matches depend on the
// index alone. The matches are shared: read them, do not change them.
type nameCache struct {
	mu sync.Mutex
	m  map[nameKey][]screen.Match
}

func newNameCache() *nameCache { return &nameCache{m: map[nameKey][]screen.Match{}} }

// get returns the matches kept for k.
func (c *nameCache) get(k nameKey) ([]screen.Match, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ms, ok := c.m[k]
	return ms, ok
}

// put keeps the matches of k (a name too long is not kept); when the
// cache is full it starts again empty (the names asked about most are
// kept again at once).
func (c *nameCache) put(k nameKey, ms []screen.Match) {
	if len(k.name) > nameCacheMaxName {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= nameCacheMax {
		clear(c.m)
	}
	c.m[k] = ms
}
