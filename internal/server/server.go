package server

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/evidence"
	"github.com/bangate/bangate/internal/store"
)

// Options configure a Server.
type Options struct {
	// Log is the decision log; every decision is appended to it before
	// it is answered. The server does not close it.
	Log *store.Log
	// Plan is the plan of a check with no query parameters; a request may
	// set its profile, as-of date and fail-on level.
	Plan check.Plan
	// Sources are the program's sources of a session (built-in bundle,
	// index cache, tool). Their Cache, when set, serves the first
	// generation of the lists (tests share one); each later generation
	// gets a new one.
	Sources check.Sources
	// Signer signs the evidence record stored with each decision; nil:
	// no record is made.
	Signer *evidence.Signer
	// EvidenceDir is an evidence store that receives, once each, the
	// policy files and list snapshots the records name, so that a record
	// can be replayed; "" keeps none (records still name their digests).
	EvidenceDir string
	// Logger receives what the server did; nil: nothing.
	Logger *slog.Logger
	// AccessLog receives one line per request (nil: none).
	AccessLog *slog.Logger
	// Now is the clock (the default as-of date, list ages); nil: time.Now.
	Now func() time.Time

	// TodayAsOf checks a request without as_of as of today (by Now);
	// false: as of Plan.AsOf.
	TodayAsOf bool

	// MaxRequestSize bounds a request body (413 beyond).
	MaxRequestSize int64
	// AsyncSize is the input size from which a check is answered 202 with
	// a job URL; 0: never.
	AsyncSize int64
	// LogMaxInput is the largest input kept whole in the log.
	LogMaxInput int64
	// RateLimit is the requests per second a token may make (0: no
	// limit), RateBurst the burst.
	RateLimit float64
	RateBurst int
	// MaxConcurrent bounds the checks run at once (0: twice the cores).
	MaxConcurrent int
	// ListRefresh is how often the list store is looked at for new
	// snapshots (0: never).
	ListRefresh time.Duration
	// WebhookURL receives a POST of every alert (a kept subject whose
	// outcome changed on new lists), signed with WebhookSecret in the
	// SignatureHeader; "" posts none.
	WebhookURL    string
	WebhookSecret string
	// WebhookAttempts and WebhookBackoff bound the retries of a post
	// (0: DefaultWebhookAttempts, DefaultWebhookBackoff); WebhookClient
	// posts them (nil: a client with a 10s timeout).
	WebhookAttempts int
	WebhookBackoff  time.Duration
	WebhookClient   *http.Client

	// JobPoll is how often the job queue (river, in the decision log's
	// database) is looked at for jobs other processes queued; 0: river's
	// default (1s). A job this process queues is picked up at once.
	JobPoll time.Duration
	// RescreenWorkers is how many parts of a re-screen this process runs
	// at once (0: 1); replicas sharing the database share the parts.
	RescreenWorkers int

	// TokenTTL is how long a token looked up is trusted without asking
	// the database again (so a revocation takes at most this long);
	// 0: DefaultTokenTTL.
	TokenTTL time.Duration

	// SessionTTL is how long a sign-in on the web page lasts;
	// 0: DefaultSessionTTL.
	SessionTTL time.Duration
	// ReviewExpiry is how long a reviewer's clearing of a possible match
	// waives it; 0: DefaultReviewExpiry.
	ReviewExpiry time.Duration
}

// DefaultTokenTTL is the default Options.TokenTTL.
const DefaultTokenTTL = 10 * time.Second

// Server answers the HTTP API. It is safe for concurrent use.
type Server struct {
	opts   Options
	log    *slog.Logger
	access *slog.Logger
	now    func() time.Time
	gen    atomic.Pointer[generation]
	// prev is the generation gen replaced, kept for the re-screen's diff
	// until that is done.
	prev atomic.Pointer[generation]
	// lastDiff is the diff of the last re-screen, shared by its parts.
	lastDiff atomic.Pointer[diff]
	metrics  *metrics
	auth     *authenticator
	queue    *store.Queue
	hook     *webhook
	slots    chan struct{}
	// clearCache holds the reviews' clearings for the checks.
	clearCache clearingCache
	handler    http.Handler
	web        *webSessions
	pages      pages

	draining  atomic.Bool
	stop      chan struct{}
	closeOnce sync.Once
	bg        sync.WaitGroup // the list refresher, the waits for re-screens
	// swapMu makes one swap of the lists at a time.
	swapMu sync.Mutex
	work   sync.WaitGroup // checks under way, async ones included
}

// New prepares a server: it starts the session of the default plan
// (compiling the policies and indexing the lists), so that the first
// request is answered at once.
func New(ctx context.Context, opts Options) (*Server, error) {
	if opts.Log == nil {
		return nil, errors.New("server: no decision log")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.MaxRequestSize <= 0 {
		return nil, errors.New("server: no request size limit")
	}
	if opts.MaxConcurrent <= 0 {
		opts.MaxConcurrent = 2 * runtime.GOMAXPROCS(0)
	}
	if opts.TokenTTL <= 0 {
		opts.TokenTTL = DefaultTokenTTL
	}
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = DefaultSessionTTL
	}
	if opts.ReviewExpiry <= 0 {
		opts.ReviewExpiry = DefaultReviewExpiry
	}
	if opts.RateBurst < 1 {
		opts.RateBurst = 1
	}
	if opts.AccessLog == nil {
		opts.AccessLog = slog.New(slog.DiscardHandler)
	}
	s := &Server{opts: opts, log: opts.Logger, access: opts.AccessLog, now: opts.Now, stop: make(chan struct{}),
		slots: make(chan struct{}, opts.MaxConcurrent)}
	s.metrics = newMetrics()
	s.auth = newAuthenticator(opts.Log, opts.TokenTTL, opts.RateLimit, opts.RateBurst, time.Now)
	s.web = newWebSessions(opts.SessionTTL)
	pg, err := parsePages()
	if err != nil {
		return nil, err
	}
	s.pages = pg
	hook, err := newWebhook(opts, opts.Logger)
	if err != nil {
		return nil, err
	}
	s.hook = hook
	g, err := s.newGeneration(ctx, opts.Sources.Cache)
	if err != nil {
		return nil, err
	}
	s.gen.Store(g)
	s.metrics.observeLists(g.base.Lists(), s.now())
	s.handler = s.routes()
	if s.queue, err = s.newQueue(); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	if err := s.queue.Start(ctx); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	if opts.ListRefresh > 0 {
		s.bg.Go(s.refreshLoop)
	}
	return s, nil
}

// Handler is the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve answers requests on ln (with TLS when tlsConfig is set) until ctx
// ends, then shuts down gracefully: it stops accepting, reports not
// ready, waits up to drain for the requests and jobs under way, and
// stops the list refresher. The decision log is the caller's to close.
func (s *Server) Serve(ctx context.Context, ln net.Listener, tlsConfig *tls.Config, drain time.Duration) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if tlsConfig != nil {
		hs.TLSConfig = tlsConfig
		ln = tls.NewListener(ln, tlsConfig)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String(), "tls", tlsConfig != nil, "log", s.opts.Log.Where())
	select {
	case err := <-errc:
		s.Close()
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down: draining the requests under way", "timeout", drain.String())
	s.draining.Store(true)
	sctx, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	err := hs.Shutdown(sctx)
	if werr := s.waitWork(sctx); werr != nil && err == nil {
		err = werr
	}
	s.Close()
	if err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	s.log.Info("shut down")
	return nil
}

// waitWork waits for the checks under way (async jobs too) or ctx.
func (s *Server) waitWork(ctx context.Context) error {
	done := make(chan struct{})
	go func() { s.work.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("checks still under way: %w", ctx.Err())
	}
}

// closeWait bounds how long Close waits for the jobs under way before it
// cancels them (river runs a cancelled job again later).
const closeWait = 10 * time.Second

// Close stops the list refresher and the job queue, waiting up to
// closeWait for the jobs under way. It does not wait for requests: Serve
// does.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.stop)
		ctx, cancel := context.WithTimeout(context.Background(), closeWait)
		defer cancel()
		if err := s.queue.Stop(ctx); err != nil {
			s.log.Error("stop the job queue", "err", err)
		}
		s.bg.Wait()
	})
}

// acquire takes one of the check slots, waiting for one while ctx lasts.
func (s *Server) acquire(ctx context.Context) error {
	select {
	case s.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *Server) release() { <-s.slots }
