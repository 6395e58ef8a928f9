package check

import (
	"sync"

	"github.com/bangate/bangate/internal/policy"
)

// Cache shares the fixed costs of sessions in one process: a compiled
// policy bundle per bundle and waiver digest, and a screening index per
// list stamp and thresholds. Sessions of the same policies and lists (the
// plans of one server, the checks of one test binary) pay for them once.
// It is safe for concurrent use; a value is built once even when several
// sessions ask for it at the same time.
type Cache struct {
	mu         sync.Mutex
	engines    map[string]*cached[*policy.Engine]
	screenings map[string]*cached[*Screening]
}

type cached[T any] struct {
	once sync.Once
	v    T
	err  error
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{engines: map[string]*cached[*policy.Engine]{}, screenings: map[string]*cached[*Screening]{}}
}

func (c *Cache) engine(key string, build func() (*policy.Engine, error)) (*policy.Engine, error) {
	return get(&c.mu, c.engines, key, build)
}

func (c *Cache) screening(key string, build func() (*Screening, error)) (*Screening, error) {
	return get(&c.mu, c.screenings, key, build)
}

// get returns the value under key, building it once. A failed build is not
// kept: the next caller tries again.
func get[T any](mu *sync.Mutex, m map[string]*cached[T], key string, build func() (T, error)) (T, error) {
	mu.Lock()
	e, ok := m[key]
	if !ok {
		e = &cached[T]{}
		m[key] = e
	}
	mu.Unlock()
	e.once.Do(func() { e.v, e.err = build() })
	if e.err != nil {
		mu.Lock()
		if m[key] == e {
			delete(m, key)
		}
		mu.Unlock()
	}
	return e.v, e.err
}
