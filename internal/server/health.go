package server

import (
	"context"
	"net/http"
	"time"

	"github.com/bangate/bangate/internal/store"
)

// health is the answer of /healthz and /readyz.
type health struct {
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

// handleHealth is GET /healthz: the process answers.
func (s *Server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, health{Status: "ok"})
}

// handleReady is GET /readyz: the server takes checks (a session is in
// service, the log answers, no shutdown under way); 503 otherwise.
func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		writeJSON(w, http.StatusServiceUnavailable, health{Status: "unavailable", Reason: "shutting down"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.opts.Log.Ping(ctx); err != nil {
		s.log.Warn("not ready", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, health{Status: "unavailable", Reason: "the decision log does not answer"})
		return
	}
	writeJSON(w, http.StatusOK, health{Status: "ready"})
}

// logHead is the answer of GET /v1/log: where the chain stands and its
// latest checkpoint, for an auditor to note down and compare later.
type logHead struct {
	Seq        int64             `json:"seq"`
	Hash       string            `json:"hash"`
	Checkpoint *store.Checkpoint `json:"checkpoint,omitempty"`
	Database   string            `json:"database"`
}

// handleLogHead is GET /v1/log.
func (s *Server) handleLogHead(w http.ResponseWriter, r *http.Request) {
	if he := strictQuery(r.URL.Query(), nil); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	seq, hash, err := s.opts.Log.Head(r.Context())
	if err != nil {
		s.log.Error("read the log head", "err", err)
		s.fail(w, r, http.StatusServiceUnavailable, "the decision log cannot be read; try again")
		return
	}
	out := logHead{Seq: seq, Hash: hash, Database: s.opts.Log.Where()}
	cps, err := s.opts.Log.Checkpoints(r.Context())
	if err != nil {
		s.log.Error("read checkpoints", "err", err)
		s.fail(w, r, http.StatusServiceUnavailable, "the decision log cannot be read; try again")
		return
	}
	if len(cps) > 0 {
		out.Checkpoint = &cps[len(cps)-1]
	}
	writeJSON(w, http.StatusOK, out)
}

// verification is the answer of GET /v1/log/verify.
type verification struct {
	Intact      bool   `json:"intact"`
	Entries     int64  `json:"entries"`
	Head        string `json:"head"`
	Checkpoints int    `json:"checkpoints"`
	Signed      int    `json:"signed_checkpoints"`
	Problem     string `json:"problem,omitempty"`
	Seq         int64  `json:"seq,omitempty"`
}

// handleVerify is GET /v1/log/verify: the whole chain walked. Checkpoint
// signatures are checked with the server's own key when it has one; an
// auditor checks them with the public key through `bangate log verify`.
func (s *Server) handleVerify(w http.ResponseWriter, r *http.Request) {
	if he := strictQuery(r.URL.Query(), nil); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	rep, err := s.opts.Log.Verify(r.Context(), store.VerifyOptions{})
	out := verification{Intact: err == nil, Entries: rep.Entries, Head: rep.Head, Checkpoints: rep.Checkpoints, Signed: rep.Signed}
	if be, ok := errorsAs[*store.BrokenError](err); ok {
		out.Problem, out.Seq = be.Error(), be.Seq
	} else if err != nil {
		s.log.Error("verify the log", "err", err)
		s.fail(w, r, http.StatusServiceUnavailable, "the decision log cannot be read; try again")
		return
	}
	writeJSON(w, http.StatusOK, out)
}
