package check

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/internal/procurement"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
)

// Sources say where a session finds what its plan names, and hold what
// belongs to the program rather than to the plan.
type Sources struct {
	// Builtin is the built-in policy bundle (policies.FS); nil runs only
	// the plan's user policies.
	Builtin fs.FS
	// PolicyFiles, when set, are the whole policy bundle as files (a
	// replay): they replace Builtin and the plan's directories, and must
	// have the digest Bundle names.
	PolicyFiles []PolicyFile
	// BundleDigest is the digest PolicyFiles must have.
	BundleDigest string
	// Lists, when set, are the lists to screen against (a replay),
	// instead of the built-in ban lists, the plan's directories and the
	// list store.
	Lists []*lists.List
	// IndexCache keeps built screening indexes between processes; nil:
	// none.
	IndexCache *IndexCache
	// Cache shares compiled policies and screening indexes between the
	// sessions of one process; nil: none.
	Cache *Cache
	// Tool identifies the program that decides.
	Tool decision.Tool
	// Now is the clock list ages are measured with (the time the check
	// runs, or the recorded time of a replayed check); nil: time.Now.
	Now func() time.Time
	// Log receives what the session did; nil: nothing.
	Log *slog.Logger
}

// PolicyFile is one policy file given as bytes (a replayed bundle).
type PolicyFile struct {
	// Origin is "builtin" or the user directory the file came from.
	Origin string
	// Path is the file's path inside its origin.
	Path string
	// Data is the file's content.
	Data []byte
}

// Session holds what every check of one plan needs and pays for once: the
// compiled policies, the screening index, the parsed waivers and
// ownership. It is safe for concurrent use; a server keeps one per plan.
type Session struct {
	plan Plan
	// compiled is closed once engine or engineErr is set; nil: engine is
	// set already.
	compiled chan struct{}
	// loaded is closed once shared is set (or the bundle failed to load);
	// nil: shared is set already.
	loaded    chan struct{}
	loadOnce  sync.Once
	engine    *policy.Engine
	engineErr error
	screening *Screening
	// inputLists is input.lists for every input of the session: the
	// lists of screening as of the plan's date (listsValue), built once.
	inputLists ast.Object
	waivers    []decision.Waiver
	ownership  []procurement.Edge
	shared     *lists.SharedDomains
	// stale are the lists too old for the plan, among those the
	// profile applies; known once the policies are compiled (staleLists).
	stale     []error
	staleAt   time.Time
	staleOnce sync.Once
	tool      decision.Tool
	// program identifies the running program's code (IndexCache.Program).
	program string
	log     *slog.Logger // nil: none
}

// NewSession validates the plan, compiles the policies and loads and
// indexes the lists (each at most once per Cache), and parses the waiver
// and ownership files the plan carries.
func NewSession(ctx context.Context, plan Plan, src Sources) (*Session, error) {
	s, err := OpenSession(ctx, plan, src)
	if err != nil {
		return nil, err
	}
	if err := s.Ready(); err != nil {
		return nil, err
	}
	return s, nil
}

// OpenSession is NewSession for a front end that has work to do before
// the policies are needed: it returns once the lists are loaded and
// indexed, while the policies compile on another goroutine. A run screens
// its inputs meanwhile and waits for the policies only to evaluate them.
// Ready waits for them and returns what NewSession would have; until it
// returns nil, a run may decide its inputs as errors, and the caller
// reports Ready's error instead.
func OpenSession(ctx context.Context, plan Plan, src Sources) (*Session, error) {
	if err := plan.Validate(); err != nil {
		return nil, err
	}
	if src.Now == nil {
		src.Now = time.Now
	}
	if src.Cache == nil {
		src.Cache = NewCache()
	}
	s := &Session{plan: plan, tool: src.Tool, log: src.Log}
	if src.IndexCache != nil {
		s.program = src.IndexCache.Program
	}
	if b := plan.Waivers.File; b != nil {
		ws, err := policy.ParseWaivers(b.Data, b.Name)
		if err != nil {
			return nil, err
		}
		s.waivers = ws
	}
	if b := plan.Ownership; b != nil {
		edges, err := procurement.ReadOwnership(bytes.NewReader(b.Data), b.Name, procurement.Options{Encoding: plan.Input.Encoding})
		if err != nil {
			return nil, fmt.Errorf("read ownership %s: %w", b.Name, err)
		}
		s.ownership = edges
	}
	// The two fixed costs are independent: compile while the lists load,
	// and after, while the caller screens.
	s.compiled, s.loaded = make(chan struct{}), make(chan struct{})
	start := time.Now()
	go func() {
		defer close(s.compiled)
		defer s.markLoaded() // also when the bundle failed to load
		s.engine, s.engineErr = s.compile(ctx, src)
		s.debug("policies compiled", "took", time.Since(start))
		if s.engineErr != nil {
			s.engine = nil
			return
		}
		if profiles := s.engine.Profiles(); !slices.Contains(profiles, plan.Profile) {
			s.engine, s.engineErr = nil, fmt.Errorf("profile %q: the policy bundle defines %s", plan.Profile, strings.Join(profiles, ", "))
		}
	}()
	scr, err := loadScreening(plan, src)
	s.debug("lists loaded", "took", time.Since(start))
	if err != nil {
		return nil, errors.Join(s.Ready(), err)
	}
	s.screening = scr
	s.inputLists = listsValue(scr, plan.AsOf)
	s.staleAt = src.Now()
	return s, nil
}

// debug logs what the session did at debug level.
func (s *Session) debug(msg string, args ...any) {
	if s.log != nil {
		s.log.Debug(msg, args...)
	}
}

// Ready waits until the policies are compiled and returns the error that
// kept them from compiling (or the plan's profile from being found in
// them).
func (s *Session) Ready() error {
	_, err := s.policies()
	return err
}

// policies returns the compiled policies, once compiled.
func (s *Session) policies() (*policy.Engine, error) {
	if s.compiled != nil {
		<-s.compiled
	}
	return s.engine, s.engineErr
}

// compile loads and compiles the policy bundle with the waivers as data.
func (s *Session) compile(ctx context.Context, src Sources) (*policy.Engine, error) {
	var origins []policy.Origin
	if src.PolicyFiles != nil {
		origins = filesOrigins(src.PolicyFiles)
	} else {
		var err error
		if origins, err = policy.Origins(src.Builtin, s.plan.Policies.Dirs); err != nil {
			return nil, err
		}
	}
	b, err := policy.LoadOrigins(origins, false)
	if err != nil {
		return nil, err
	}
	if src.PolicyFiles != nil && b.Digest() != src.BundleDigest {
		return nil, fmt.Errorf("policy bundle has digest sha256:%s, want sha256:%s: %w", b.Digest(), src.BundleDigest, ErrBundleChanged)
	}
	if s.shared, err = sharedDomains(b); err != nil {
		return nil, err
	}
	s.markLoaded()
	waivers := policy.WaiverData(s.waivers)
	limits := s.plan.Policies.Limits()
	key := fmt.Sprintf("bundle %s limits %q %s %d", b.Digest(), limits.AllowBuiltins, limits.Timeout, limits.MaxMemory)
	if f := s.plan.Waivers.File; f != nil {
		key += " waivers " + f.SHA256
	}
	e, err := src.Cache.engine(key, func() (*policy.Engine, error) { return policy.NewFromBundle(ctx, b, waivers, limits) })
	if err != nil {
		return nil, err
	}
	// The bundle checks the waivers too (a waiver of a blocked person
	// without its licence): refuse the file now, naming it, rather than
	// fail every input.
	if f := s.plan.Waivers.File; f != nil {
		msgs, err := e.WaiverErrors(ctx)
		if err != nil {
			return nil, fmt.Errorf("check waivers %s: %w", f.Name, err)
		}
		if len(msgs) > 0 {
			return nil, fmt.Errorf("parse waivers %s: %s", f.Name, strings.Join(msgs, "; "))
		}
	}
	return e, nil
}

// sources are the configuration files of the plan and the user policy
// files the session compiled.
func (s *Session) sources() decision.Sources {
	src := decision.Sources{Config: slices.Clone(s.plan.Config), Policies: []provenance.File{}}
	if src.Config == nil {
		src.Config = []decision.ConfigFile{}
	}
	eng, err := s.policies()
	if err != nil || eng == nil {
		return src // the run reports why the policies did not compile
	}
	for _, f := range eng.Files() {
		if f.Origin != policy.OriginBuiltin {
			src.Policies = append(src.Policies, f)
		}
	}
	return src
}

// sharedDomains reads the shared-domain files of a loaded bundle (every
// origin's bangate/domains/*.yaml), so that screening applies exactly the
// data the policies see at data.bangate.domains.
func sharedDomains(b *policy.Bundle) (*lists.SharedDomains, error) {
	var files []lists.NamedFile
	for _, f := range b.Files {
		if strings.HasPrefix(f.Path, lists.SharedDomainDir+"/") && strings.HasSuffix(f.Path, ".json") {
			return nil, fmt.Errorf("policy %s: %s: shared-domain files are YAML (.yaml or .yml)", f.Origin, f.Path)
		}
		if lists.IsSharedDomainFile(f.Path) {
			files = append(files, lists.NamedFile{Name: f.Path, Data: b.Contents[f]})
		}
	}
	sd, err := lists.ParseSharedDomains(files)
	if err != nil {
		return nil, fmt.Errorf("load shared domains: %w", err)
	}
	return sd, nil
}

// markLoaded says that the bundle's shared domains are known, once.
func (s *Session) markLoaded() {
	s.loadOnce.Do(func() {
		if s.loaded != nil {
			close(s.loaded)
		}
	})
}

// SharedDomains is the set of shared domains the session screens with. It
// waits until the policy bundle that defines them is loaded (which is
// before it compiles); nil if it failed to load, which Ready reports.
func (s *Session) SharedDomains() *lists.SharedDomains {
	if s.loaded != nil {
		<-s.loaded
	}
	return s.shared
}

// ErrBundleChanged is wrapped when a replayed bundle does not have the
// recorded digest.
var ErrBundleChanged = errors.New("policy bundle changed")

// loadScreening loads and indexes the lists of a plan, or takes the lists
// the sources give.
func loadScreening(plan Plan, src Sources) (*Screening, error) {
	opts := screen.DefaultOptions()
	opts.Match, opts.Review = plan.Screening.Match, plan.Screening.Review
	if err := opts.Validate(); err != nil {
		return nil, fmt.Errorf("screen options: %w", err)
	}
	if src.Lists != nil {
		key := fmt.Sprintf("given %+v", opts)
		for _, l := range src.Lists {
			key += " " + l.Provenance.ID + ":" + l.Provenance.SHA256
		}
		return src.Cache.screening(key, func() (*Screening, error) { return NewScreening(src.Lists, opts) })
	}
	ls := ListSources{Builtin: src.Builtin, UserDirs: plan.Policies.Dirs, StoreDir: plan.Lists.StoreDir, Now: src.Now}
	stamp, err := ls.Stamp()
	if err != nil {
		return nil, err
	}
	return src.Cache.screening(fmt.Sprintf("stamp %s %+v", stamp, opts), func() (*Screening, error) {
		return loadStamped(ls, stamp, opts, src.IndexCache)
	})
}

// staleLists returns a *provenance.StaleError for every sanctions list the
// profile applies (scope) that is older than maxAge at now. A sanctions
// list the profile does not apply decides nothing in its checks and is
// not aged (a stale UN list never stops a us-person check). Ban and linked
// lists are policy data of the bundle, dated by the legal texts they cite
// and changed with a release or the user's own policy directory: they are
// not aged either.
func staleLists(ls []provenance.List, scope policy.ListScope, maxAge time.Duration, now time.Time) []error {
	var out []error
	for _, p := range ls {
		if p.Kind != provenance.KindSanctions || !scope.Applies(p.ID) {
			continue
		}
		if err := provenance.CheckFresh(p, maxAge, now); err != nil {
			out = append(out, err)
		}
	}
	return out
}

// Plan is the plan the session runs.
func (s *Session) Plan() Plan { return s.plan }

// Lists is the provenance of every list screened against, sorted by ID.
func (s *Session) Lists() []provenance.List { return slices.Clone(s.screening.Lists) }

// LoadedLists returns the lists as screened, for the evidence store. A
// screening index read from its cache reads them whole here; an error
// names the entry it could not read.
func (s *Session) LoadedLists() ([]*lists.List, error) { return s.screening.Loaded() }

// PolicyFiles lists the compiled bundle's files with their digests (none
// when Ready fails).
func (s *Session) PolicyFiles() []provenance.File {
	if e, _ := s.policies(); e != nil {
		return e.Files()
	}
	return nil
}

// BundleDigest is the digest over every policy file ("" when Ready
// fails).
func (s *Session) BundleDigest() string {
	if e, _ := s.policies(); e != nil {
		return e.Digest()
	}
	return ""
}

// Program identifies the program that decides: its name and version, and
// the identity of its code and built-in data that the index cache keys
// its files by ("" parts when the caller gave none). What a matcher
// decides may change with it.
func (s *Session) Program() string {
	return s.tool.Name + " " + s.tool.Version + " " + s.program
}

// Waivers are the waivers the plan's waiver file holds.
func (s *Session) Waivers() []decision.Waiver { return slices.Clone(s.waivers) }

// Stale returns the lists older than the plan allows, as errors that say
// how to fix it.
func (s *Session) Stale() []error { return slices.Clone(s.staleErrors()) }

// allComponents reports whether every component reaches the policies.
func (s *Session) allComponents() bool { return s.plan.PolicyInput == PolicyInputAll }

// PolicyContent is the bytes of one of PolicyFiles, as compiled.
func (s *Session) PolicyContent(f provenance.File) []byte {
	if e, _ := s.policies(); e != nil {
		return e.Content(f)
	}
	return nil
}

// staleErrors says which lists the profile applies are older than the plan
// allows. The profile's list scope is the compiled policies', so it waits
// for them; nil when they did not compile (Ready reports why).
func (s *Session) staleErrors() []error {
	s.staleOnce.Do(func() {
		eng, err := s.policies()
		if err != nil || eng == nil || s.screening == nil {
			return
		}
		scope, err := eng.ListScope(s.plan.Profile)
		if err != nil {
			s.stale = []error{err}
			return
		}
		s.stale = staleLists(s.screening.Lists, scope, time.Duration(s.plan.Lists.MaxAge), s.staleAt)
	})
	return s.stale
}
