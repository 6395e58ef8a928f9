package server

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"sync"
	"time"
)

// Cookie names of the web page.
const (
	sessionCookie = "bangate_session"
	signinCookie  = "bangate_signin"
)

// DefaultSessionTTL is the default Options.SessionTTL.
const DefaultSessionTTL = 8 * time.Hour

// maxWebSessions bounds the sessions kept; beyond it the expired ones go,
// then the oldest.
const maxWebSessions = 10000

// webSession is a signed-in browser: the API token it signed in with
// (kept server-side only, so that a revocation ends the session), its
// CSRF token and its expiry.
type webSession struct {
	id      string
	secret  string
	csrf    string
	expires time.Time
}

// webSessions maps session IDs (the cookie's random value) to sessions.
type webSessions struct {
	ttl time.Duration
	now func() time.Time

	mu sync.Mutex
	m  map[string]*webSession
}

func newWebSessions(ttl time.Duration) *webSessions {
	return &webSessions{ttl: ttl, now: time.Now, m: map[string]*webSession{}}
}

// randomID is 256 random bits, URL-safe.
func randomID() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return base64.RawURLEncoding.EncodeToString(b)
}

// start makes a session for a token's secret.
func (ws *webSessions) start(secret string) *webSession {
	now := ws.now()
	s := &webSession{id: randomID(), secret: secret, csrf: randomID(), expires: now.Add(ws.ttl)}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if len(ws.m) >= maxWebSessions {
		var oldest *webSession
		for id, o := range ws.m {
			if now.After(o.expires) {
				delete(ws.m, id)
			} else if oldest == nil || o.expires.Before(oldest.expires) {
				oldest = o
			}
		}
		if len(ws.m) >= maxWebSessions && oldest != nil {
			delete(ws.m, oldest.id)
		}
	}
	ws.m[s.id] = s
	return s
}

// fromRequest is the live session of a request's cookie, or nil.
func (ws *webSessions) fromRequest(r *http.Request) *webSession {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil
	}
	ws.mu.Lock()
	defer ws.mu.Unlock()
	s, ok := ws.m[c.Value]
	if !ok {
		return nil
	}
	if ws.now().After(s.expires) {
		delete(ws.m, s.id)
		return nil
	}
	return s
}

// end forgets a session.
func (ws *webSessions) end(id string) {
	ws.mu.Lock()
	delete(ws.m, id)
	ws.mu.Unlock()
}

// cookie is a cookie of the page: HttpOnly, SameSite=Strict, Secure on
// TLS; maxAge < 0 deletes it.
func cookie(r *http.Request, name, value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true,
		Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode}
}

// sameToken compares two CSRF tokens in constant time; an empty one
// never matches.
func sameToken(a, b string) bool {
	return a != "" && b != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
