package server

import (
	"container/list"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/evidence"
	"github.com/bangate/bangate/internal/provenance"
)

// maxSessions bounds the sessions a generation keeps (one per profile,
// as-of date and fail-on level asked for); the least recently used goes.
const maxSessions = 128

// generation is one state of the lists: the sessions started on them and
// the cache they share. A refresh that finds new list snapshots starts a
// new generation and swaps it in atomically; requests under way finish on
// the one they started with.
type generation struct {
	stamp string
	cache *check.Cache
	base  *check.Session // the session of Options.Plan

	mu       sync.Mutex
	sessions map[string]*list.Element // of *sessionEntry
	lru      *list.List

	snapsMu sync.Mutex
	snaps   map[string]*snapshots // evidence list snapshots, by bundle and lists

	listsMu  sync.Mutex
	lists    []provenance.List // the lists listsRaw encodes
	listsRaw []byte
}

// listsJSON is the JSON of a run's lists, which every check on the
// generation's lists logs: encoded once, shared by the entries (which do
// not change it).
func (g *generation) listsJSON(ls []provenance.List) ([]byte, error) {
	g.listsMu.Lock()
	defer g.listsMu.Unlock()
	if g.listsRaw != nil && slices.Equal(g.lists, ls) {
		return g.listsRaw, nil
	}
	raw, err := json.Marshal(ls)
	if err != nil {
		return nil, err
	}
	g.lists, g.listsRaw = slices.Clone(ls), raw
	return raw, nil
}

type sessionEntry struct {
	key  string
	once sync.Once
	sess *check.Session
	err  error
}

// snapshots are the lists of a session as the evidence store keeps them.
type snapshots struct {
	once  sync.Once
	snaps []evidence.ListSnapshot
	err   error
}

// listSources are the list sources of the default plan.
func (s *Server) listSources() check.ListSources {
	p, src := s.opts.Plan, s.opts.Sources
	return check.ListSources{Builtin: src.Builtin, UserDirs: p.Policies.Dirs, StoreDir: p.Lists.StoreDir, Now: s.now}
}

// newGeneration starts the default plan's session on the lists as they
// are now, with cache (a new one when nil).
func (s *Server) newGeneration(ctx context.Context, cache *check.Cache) (*generation, error) {
	stamp, err := s.listSources().Stamp()
	if err != nil {
		return nil, fmt.Errorf("server: lists: %w", err)
	}
	if cache == nil {
		cache = check.NewCache()
	}
	g := &generation{stamp: stamp, cache: cache, sessions: map[string]*list.Element{}, lru: list.New(),
		snaps: map[string]*snapshots{}}
	src := s.opts.Sources
	src.Cache, src.Now = g.cache, s.now
	if src.Log == nil {
		src.Log = s.log
	}
	if g.base, err = check.NewSession(ctx, s.opts.Plan, src); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	return g, nil
}

// planKey is what varies between the plans of one server: what a request
// may set, and the waivers (the server's file with the reviews').
func planKey(p check.Plan) string {
	k := p.Profile + "\x00" + p.AsOf.UTC().Format(time.RFC3339Nano) + "\x00" + p.FailOn
	if f := p.Waivers.File; f != nil {
		k += "\x00" + f.SHA256 // the reviews' waivers
	}
	return k
}

// session returns the generation's session of plan, starting it on first
// use. A plan that differs from the default only in what a request may
// set starts from the cached policies and index, so that its only
// possible errors are the request's values.
func (s *Server) session(ctx context.Context, g *generation, plan check.Plan) (*check.Session, error) {
	key := planKey(plan)
	if key == planKey(g.base.Plan()) {
		return g.base, nil
	}
	g.mu.Lock()
	el, ok := g.sessions[key]
	if ok {
		g.lru.MoveToFront(el)
	} else {
		el = g.lru.PushFront(&sessionEntry{key: key})
		g.sessions[key] = el
		for g.lru.Len() > maxSessions {
			old := g.lru.Back()
			g.lru.Remove(old)
			delete(g.sessions, old.Value.(*sessionEntry).key)
		}
	}
	e := el.Value.(*sessionEntry)
	g.mu.Unlock()
	e.once.Do(func() {
		src := s.opts.Sources
		src.Cache, src.Now = g.cache, s.now
		if src.Log == nil {
			src.Log = s.log
		}
		e.sess, e.err = check.NewSession(ctx, plan, src)
	})
	if e.err != nil {
		g.mu.Lock()
		if cur, ok := g.sessions[key]; ok && cur == el {
			g.lru.Remove(el)
			delete(g.sessions, key)
		}
		g.mu.Unlock()
	}
	return e.sess, e.err
}

// refreshLoop looks at the list store every ListRefresh and swaps in a
// new generation when its snapshots changed.
func (s *Server) refreshLoop() {
	t := time.NewTicker(s.opts.ListRefresh)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			s.refresh(context.Background(), false)
		}
	}
}

// refresh starts a new generation when the lists changed and queues the
// re-screen of the inventory on it (waiting for it when wait is set); on
// an error the current one stays in service and the error is logged.
func (s *Server) refresh(ctx context.Context, wait bool) {
	old, cur, ok := s.swapLists(ctx)
	if ok && genKey(old) != genKey(cur) {
		s.enqueueRescreen(ctx, old, cur, wait)
	}
	s.metrics.observeLists(cur.base.Lists(), s.now())
}

// swapLists swaps in a new generation when the list store's snapshots
// changed, keeping the one it replaces (prev) for the re-screen's diff,
// and returns both; ok is false when nothing changed.
func (s *Server) swapLists(ctx context.Context) (old, cur *generation, ok bool) {
	s.swapMu.Lock()
	defer s.swapMu.Unlock()
	cur = s.gen.Load()
	stamp, err := s.listSources().Stamp()
	if err != nil {
		s.log.Error("list refresh: read the list store", "err", err)
		return nil, cur, false
	}
	if stamp == cur.stamp {
		return nil, cur, false
	}
	g, err := s.newGeneration(ctx, nil)
	if err != nil {
		s.log.Error("list refresh: the new lists cannot be used; the current ones stay in service", "err", err)
		return nil, cur, false
	}
	s.prev.Store(cur)
	s.gen.Store(g)
	s.log.Info("list refresh: new list snapshots in service", "lists", len(g.base.Lists()))
	return cur, g, true
}

// evidenceSnapshots stores the session's policy files and lists in the
// evidence store, once per bundle and lists, and returns the snapshots an
// evidence record names.
func (s *Server) evidenceSnapshots(g *generation, sess *check.Session) ([]evidence.ListSnapshot, error) {
	key := sess.BundleDigest()
	for _, p := range sess.Lists() {
		key += " " + p.ID + ":" + p.SHA256
	}
	g.snapsMu.Lock()
	sn, ok := g.snaps[key]
	if !ok {
		sn = &snapshots{}
		g.snaps[key] = sn
	}
	g.snapsMu.Unlock()
	sn.once.Do(func() { sn.snaps, sn.err = s.storeSnapshots(sess) })
	return sn.snaps, sn.err
}

// storeSnapshots puts the session's policy files and lists into the
// evidence store (when there is one) and pairs each list with its object.
func (s *Server) storeSnapshots(sess *check.Session) ([]evidence.ListSnapshot, error) {
	out := make([]evidence.ListSnapshot, 0, len(sess.Lists()))
	if s.opts.EvidenceDir == "" {
		for _, p := range sess.Lists() {
			out = append(out, evidence.ListSnapshot{List: p})
		}
		return out, nil
	}
	st, err := evidence.OpenStore(s.opts.EvidenceDir)
	if err != nil {
		return nil, err
	}
	for _, f := range sess.PolicyFiles() {
		if err := st.PutDigest(f.SHA256, sess.PolicyContent(f)); err != nil {
			return nil, fmt.Errorf("store policy %s:%s: %w", f.Origin, f.Path, err)
		}
	}
	loaded, err := sess.LoadedLists()
	if err != nil {
		return nil, err
	}
	byID := map[string]string{}
	for _, l := range loaded {
		d, err := st.PutList(l)
		if err != nil {
			return nil, err
		}
		byID[l.Provenance.ID] = d
	}
	for _, p := range sess.Lists() {
		out = append(out, evidence.ListSnapshot{List: p, Object: byID[p.ID]})
	}
	return out, nil
}
