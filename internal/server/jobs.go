package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"sync"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/store"
)

// jobTTL is how long a finished job is kept for its client to collect.
const jobTTL = time.Hour

// Job states.
const (
	jobRunning = "running"
	jobDone    = "done"
	jobFailed  = "failed"
)

// job is a check answered 202: it runs after the answer, and its state
// is read at /v1/jobs/{id}. Jobs live in the server's memory: a job
// interrupted by a crash is lost (its client sees 404 and submits
// again); a decision it made is in the log.
type job struct {
	ID       string    `json:"id"`
	Status   string    `json:"status"`
	Created  time.Time `json:"created"`
	Decision string    `json:"decision,omitempty"`
	Outcome  string    `json:"outcome,omitempty"`
	Error    string    `json:"error,omitempty"`
	Code     int       `json:"code,omitempty"`
	owner    string
	finished time.Time
}

type jobs struct {
	mu  sync.Mutex
	m   map[string]*job
	now func() time.Time
}

func newJobs(now func() time.Time) *jobs { return &jobs{m: map[string]*job{}, now: now} }

func (js *jobs) create(owner string) *job {
	var b [12]byte
	_, _ = rand.Read(b[:])
	j := &job{ID: "job_" + hex.EncodeToString(b[:]), Status: jobRunning, Created: js.now().UTC(), owner: owner}
	js.mu.Lock()
	defer js.mu.Unlock()
	now := js.now()
	for id, old := range js.m {
		if old.Status != jobRunning && now.Sub(old.finished) > jobTTL {
			delete(js.m, id)
		}
	}
	js.m[j.ID] = j
	return j
}

func (js *jobs) finish(id string, e *store.Entry, he *httpError) {
	js.mu.Lock()
	defer js.mu.Unlock()
	j := js.m[id]
	j.finished = js.now()
	if he != nil {
		j.Status, j.Error, j.Code = jobFailed, he.msg, he.status
		return
	}
	j.Status, j.Decision, j.Outcome = jobDone, "/v1/decisions/"+e.ID, e.Outcome
}

func (js *jobs) get(id string) (job, bool) {
	js.mu.Lock()
	defer js.mu.Unlock()
	j, ok := js.m[id]
	if !ok {
		return job{}, false
	}
	return *j, true
}

// startJob answers 202 with the job's URL and checks the input after.
func (s *Server) startJob(w http.ResponseWriter, r *http.Request, plan check.Plan, in requestInput, tok store.Token) {
	j := s.jobs.create(tok.ID)
	s.work.Add(1)
	go func() {
		defer s.work.Done()
		e, he := s.check(context.Background(), plan, in, actor(tok))
		s.jobs.finish(j.ID, e, he)
		if he != nil {
			s.log.Warn("job failed", "job", j.ID, "status", he.status, "error", he.msg)
		} else {
			s.log.Info("job done", "job", j.ID, "decision", e.ID, "outcome", e.Outcome)
		}
	}()
	w.Header().Set("Location", "/v1/jobs/"+j.ID)
	snap, _ := s.jobs.get(j.ID)
	writeJSON(w, http.StatusAccepted, snap)
}

// handleJob is GET /v1/jobs/{id}: only the token that submitted the job
// (or an admin) sees it.
func (s *Server) handleJob(w http.ResponseWriter, r *http.Request) {
	if he := strictQuery(r.URL.Query(), nil); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	j, ok := s.jobs.get(r.PathValue("id"))
	tok := tokenOf(r.Context())
	if !ok || (j.owner != tok.ID && tok.Role != RoleAdmin) {
		s.fail(w, r, http.StatusNotFound, "no such job (jobs are kept for an hour after they finish, and not across restarts)")
		return
	}
	writeJSON(w, http.StatusOK, j)
}
