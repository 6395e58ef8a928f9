package server

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/bangate/bangate/internal/store"
)

// Roles an API token can have.
const (
	// RoleSubmitter checks inputs and screens names, and reads decisions
	// and lists.
	RoleSubmitter = "submitter"
	// RoleReviewer does what a submitter does, and confirms or clears
	// possible matches.
	RoleReviewer = "reviewer"
	// RoleAuditor reads decisions, lists, the log's head and checkpoints,
	// its verification and the metrics; it submits nothing.
	RoleAuditor = "auditor"
	// RoleAdmin may do everything.
	RoleAdmin = "admin"
)

// Roles lists the roles, from least to most.
func Roles() []string { return []string{RoleSubmitter, RoleReviewer, RoleAuditor, RoleAdmin} }

// ParseRole checks a role name.
func ParseRole(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if !slices.Contains(Roles(), s) {
		return "", fmt.Errorf("role %q: want one of %s", s, strings.Join(Roles(), ", "))
	}
	return s, nil
}

// permission is what an endpoint requires.
type permission string

const (
	permSubmit permission = "submit" // run checks and screenings
	permRead   permission = "read"   // read decisions and lists
	permAudit  permission = "audit"  // the log's head, verification, metrics
	permReview permission = "review" // confirm or clear possible matches
)

// grants says what each role may do.
var grants = map[string][]permission{
	RoleSubmitter: {permSubmit, permRead},
	RoleReviewer:  {permSubmit, permRead, permReview},
	RoleAuditor:   {permRead, permAudit},
	RoleAdmin:     {permSubmit, permRead, permAudit, permReview},
}

func allowed(role string, p permission) bool { return slices.Contains(grants[role], p) }

// authenticator checks bearer tokens against the store, trusting a token
// looked up for ttl, and limits each token's request rate.
type authenticator struct {
	log   *store.Log
	ttl   time.Duration
	rate  rate.Limit
	burst int
	now   func() time.Time

	mu       sync.Mutex
	cache    map[[32]byte]cachedToken
	limiters map[string]*rate.Limiter
}

type cachedToken struct {
	tok     store.Token
	err     error
	expires time.Time
}

func newAuthenticator(l *store.Log, ttl time.Duration, perSecond float64, burst int, now func() time.Time) *authenticator {
	r := rate.Inf
	if perSecond > 0 {
		r = rate.Limit(perSecond)
	}
	return &authenticator{log: l, ttl: ttl, rate: r, burst: burst, now: now,
		cache: map[[32]byte]cachedToken{}, limiters: map[string]*rate.Limiter{}}
}

// errNoToken and the store's ErrUnknownToken are 401s.
var errNoToken = errors.New("no API token: send Authorization: Bearer <token> (bangate token create)")

// token returns the live token of a request.
func (a *authenticator) token(ctx context.Context, r *http.Request) (store.Token, error) {
	h := r.Header.Get("Authorization")
	scheme, secret, ok := strings.Cut(h, " ")
	if h == "" || !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
		return store.Token{}, errNoToken
	}
	return a.lookup(ctx, strings.TrimSpace(secret))
}

// lookup returns the live token of a secret (store.ErrUnknownToken for
// none), from the cache when it was looked up within ttl.
func (a *authenticator) lookup(ctx context.Context, secret string) (store.Token, error) {
	key := sha256.Sum256([]byte(secret))
	now := a.now()
	a.mu.Lock()
	c, ok := a.cache[key]
	a.mu.Unlock()
	if ok && now.Before(c.expires) {
		return c.tok, c.err
	}
	tok, err := a.log.LookupToken(ctx, secret)
	if err != nil && !errors.Is(err, store.ErrUnknownToken) {
		return store.Token{}, err // the database, not the token: not cached
	}
	a.mu.Lock()
	if len(a.cache) > 10000 {
		clear(a.cache) // bounded: a flood of made-up tokens cannot grow it
	}
	a.cache[key] = cachedToken{tok: tok, err: err, expires: now.Add(a.ttl)}
	a.mu.Unlock()
	return tok, err
}

// allow takes one request from the token's rate budget.
func (a *authenticator) allow(id string) bool {
	if a.rate == rate.Inf {
		return true
	}
	a.mu.Lock()
	l, ok := a.limiters[id]
	if !ok {
		l = rate.NewLimiter(a.rate, a.burst)
		a.limiters[id] = l
	}
	a.mu.Unlock()
	return l.AllowN(a.now(), 1)
}

type tokenKey struct{}

// tokenOf is the token a request was authenticated with.
func tokenOf(ctx context.Context) store.Token {
	t, _ := ctx.Value(tokenKey{}).(store.Token)
	return t
}

// actor names a token in the log: its name and ID.
func actor(t store.Token) string { return t.Name + " (" + t.ID + ")" }

// authorize wraps h: a request needs a live token whose role grants p,
// within the token's rate limit.
func (s *Server) authorize(p permission, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := s.requestToken(r)
		switch {
		case errors.Is(err, errNoToken), errors.Is(err, store.ErrUnknownToken):
			w.Header().Set("WWW-Authenticate", `Bearer realm="bangate"`)
			msg := err.Error()
			if errors.Is(err, store.ErrUnknownToken) {
				msg = "the API token is unknown or revoked"
			}
			s.fail(w, r, http.StatusUnauthorized, msg)
			return
		case err != nil:
			s.log.Error("look up token", "err", err)
			s.fail(w, r, http.StatusServiceUnavailable, "the token store cannot be read; try again")
			return
		}
		noteActor(r, tok)
		if !allowed(tok.Role, p) {
			s.fail(w, r, http.StatusForbidden, fmt.Sprintf("role %s may not %s", tok.Role, p))
			return
		}
		if !s.auth.allow(tok.ID) {
			w.Header().Set("Retry-After", "1")
			s.fail(w, r, http.StatusTooManyRequests, "rate limit of this token exceeded (serve.rate-limit); slow down")
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), tokenKey{}, tok)))
	}
}

// requestToken is the token of an API request: its bearer token, or, for
// a GET without one, the token of the page's signed-in session (so that
// the page's links to a decision's JSON and evidence work in a browser).
func (s *Server) requestToken(r *http.Request) (store.Token, error) {
	if r.Header.Get("Authorization") == "" && r.Method == http.MethodGet {
		if ws := s.web.fromRequest(r); ws != nil {
			return s.auth.lookup(r.Context(), ws.secret)
		}
	}
	return s.auth.token(r.Context(), r)
}
