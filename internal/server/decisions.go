package server

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/store"
)

// handleDecision is GET /v1/decisions/{id}: the decision document as it
// was answered, with its ID and place in the log.
func (s *Server) handleDecision(w http.ResponseWriter, r *http.Request) {
	if he := strictQuery(r.URL.Query(), nil); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	e, ok := s.entry(w, r)
	if !ok {
		return
	}
	s.answerDecision(w, r, http.StatusOK, e)
}

// handleEvidence is GET /v1/decisions/{id}/evidence: the signed evidence
// record (a DSSE envelope) logged with the decision.
func (s *Server) handleEvidence(w http.ResponseWriter, r *http.Request) {
	if he := strictQuery(r.URL.Query(), nil); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	e, ok := s.entry(w, r)
	if !ok {
		return
	}
	if len(e.Evidence) == 0 {
		s.fail(w, r, http.StatusNotFound, "decision "+e.ID+" has no evidence record: the server had no signing key (evidence.sign-key) when it was made")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(e.Evidence)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(e.Evidence)
}

// entry reads the entry named by the path, answering 404 when there is
// none.
func (s *Server) entry(w http.ResponseWriter, r *http.Request) (*store.Entry, bool) {
	id := r.PathValue("id")
	e, err := s.opts.Log.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no decision %q", id))
		return nil, false
	}
	if err != nil {
		s.log.Error("read decision", "id", id, "err", err)
		s.fail(w, r, http.StatusServiceUnavailable, "the decision log cannot be read; try again")
		return nil, false
	}
	return e, true
}

// summary is one decision in a listing.
type summary struct {
	ID       string   `json:"id"`
	Seq      int64    `json:"seq"`
	Hash     string   `json:"hash"`
	Time     string   `json:"time"`
	Kind     string   `json:"kind"`
	Actor    string   `json:"actor"`
	Outcome  string   `json:"outcome"`
	ExitCode int      `json:"exit_code"`
	Profile  string   `json:"profile"`
	AsOf     string   `json:"as_of"`
	Subjects []string `json:"subjects"`
	Input    struct {
		SHA256 string `json:"sha256"`
		Size   int64  `json:"size"`
		Type   string `json:"type"`
		Stored bool   `json:"stored"`
	} `json:"input"`
	URL string `json:"url"`
}

// listing is the answer of GET /v1/decisions.
type listing struct {
	Decisions []summary `json:"decisions"`
	// Next is the URL of the next page; absent on the last.
	Next string `json:"next,omitempty"`
}

var listParams = []string{"since", "until", "outcome", "subject", "kind", "limit", "cursor", "order"}

// handleDecisions is GET /v1/decisions: the decisions a filter selects,
// newest first (order=asc: oldest first), a page at a time.
func (s *Server) handleDecisions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if he := strictQuery(q, listParams); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	f, he := s.filterOf(q)
	if he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	p, err := s.opts.Log.List(r.Context(), f)
	if errors.Is(err, store.ErrBadCursor) {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	if err != nil {
		s.log.Error("list decisions", "err", err)
		s.fail(w, r, http.StatusServiceUnavailable, "the decision log cannot be read; try again")
		return
	}
	out := listing{Decisions: make([]summary, 0, len(p.Entries))}
	for _, e := range p.Entries {
		sm := summary{ID: e.ID, Seq: e.Seq, Hash: e.Hash, Time: e.Time.UTC().Format(time.RFC3339Nano), Kind: e.Kind, Actor: e.Actor,
			Outcome: e.Outcome, ExitCode: e.ExitCode, Profile: e.Profile, AsOf: e.AsOf, Subjects: e.Subjects, URL: "/v1/decisions/" + e.ID}
		sm.Input.SHA256, sm.Input.Size, sm.Input.Type, sm.Input.Stored = e.Input.SHA256, e.Input.Size, e.Input.Type, e.Input.Stored
		if sm.Subjects == nil {
			sm.Subjects = []string{}
		}
		out.Decisions = append(out.Decisions, sm)
	}
	if p.Next != "" {
		nq := url.Values{}
		for k, v := range q {
			nq[k] = v
		}
		nq.Set("cursor", p.Next)
		out.Next = "/v1/decisions?" + nq.Encode()
	}
	writeJSON(w, http.StatusOK, out)
}

// timeRange reads a query's since and until (zero when not given).
func (s *Server) timeRange(q url.Values) (since, until time.Time, he *httpError) {
	for _, b := range []struct {
		key string
		t   *time.Time
	}{{"since", &since}, {"until", &until}} {
		if v := q.Get(b.key); v != "" {
			t, err := config.ParseAsOf(v, s.now())
			if err != nil {
				return since, until, badRequest("%s %q: want a date YYYY-MM-DD or an RFC 3339 time", b.key, v)
			}
			*b.t = t
		}
	}
	return since, until, nil
}

// filterOf reads the listing's query.
func (s *Server) filterOf(q url.Values) (store.Filter, *httpError) {
	f := store.Filter{Subject: strings.TrimSpace(q.Get("subject")), Cursor: q.Get("cursor"), Desc: true}
	var he *httpError
	if f.Since, f.Until, he = s.timeRange(q); he != nil {
		return f, he
	}
	if v := q.Get("outcome"); v != "" {
		switch v {
		case decision.OutcomePass, decision.OutcomeFail, decision.OutcomeReview, decision.OutcomeError:
			f.Outcome = v
		default:
			return f, badRequest("outcome %q: want pass, fail, review or error", v)
		}
	}
	if v := q.Get("kind"); v != "" {
		if v != store.KindCheck && v != store.KindScreen && v != store.KindRescreen && v != store.KindReview {
			return f, badRequest("kind %q: want check, screen, rescreen or review", v)
		}
		f.Kind = v
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > store.MaxLimit {
			return f, badRequest("limit %q: want 1 to %d", v, store.MaxLimit)
		}
		f.Limit = n
	}
	switch q.Get("order") {
	case "", "desc":
	case "asc":
		f.Desc = false
	default:
		return f, badRequest("order %q: want asc or desc", q.Get("order"))
	}
	return f, nil
}
