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
	plan      Plan
	engine    *policy.Engine
	screening *Screening
	waivers   []decision.Waiver
	ownership []procurement.Edge
	stale     []error
	tool      decision.Tool
	log       *slog.Logger // nil: none
}

// NewSession validates the plan, compiles the policies and loads and
// indexes the lists (each at most once per Cache), and parses the waiver
// and ownership files the plan carries.
func NewSession(ctx context.Context, plan Plan, src Sources) (*Session, error) {
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
	// The two fixed costs are independent: compile while the lists load.
	var (
		wg     sync.WaitGroup
		engErr error
	)
	wg.Go(func() { s.engine, engErr = s.compile(ctx, src) })
	scr, scrErr := loadScreening(plan, src)
	wg.Wait()
	if err := errors.Join(engErr, scrErr); err != nil {
		return nil, err
	}
	s.screening = scr
	if profiles := s.engine.Profiles(); !slices.Contains(profiles, plan.Profile) {
		return nil, fmt.Errorf("profile %q: the policy bundle defines %s", plan.Profile, strings.Join(profiles, ", "))
	}
	s.stale = staleLists(scr.Lists, time.Duration(plan.Lists.MaxAge), src.Now())
	return s, nil
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
	for _, f := range s.engine.Files() {
		if f.Origin != policy.OriginBuiltin {
			src.Policies = append(src.Policies, f)
		}
	}
	return src
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
		return LoadScreening(ls, opts, src.IndexCache)
	})
}

// staleLists returns a *provenance.StaleError for every sanctions list
// older than maxAge at now; curated ban lists carry the date of their
// legal texts and are not aged.
func staleLists(ls []provenance.List, maxAge time.Duration, now time.Time) []error {
	var out []error
	for _, p := range ls {
		if p.Kind == provenance.KindBan {
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

// PolicyFiles lists the compiled bundle's files with their digests.
func (s *Session) PolicyFiles() []provenance.File { return s.engine.Files() }

// BundleDigest is the digest over every policy file.
func (s *Session) BundleDigest() string { return s.engine.Digest() }

// Waivers are the waivers the plan's waiver file holds.
func (s *Session) Waivers() []decision.Waiver { return slices.Clone(s.waivers) }

// Stale returns the lists older than the plan allows, as errors that say
// how to fix it.
func (s *Session) Stale() []error { return slices.Clone(s.stale) }

// allComponents reports whether every component reaches the policies.
func (s *Session) allComponents() bool { return s.plan.PolicyInput == PolicyInputAll }

// PolicyContent is the bytes of one of PolicyFiles, as compiled.
func (s *Session) PolicyContent(f provenance.File) []byte { return s.engine.Content(f) }
