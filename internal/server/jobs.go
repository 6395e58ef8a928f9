package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/store"
)

// Job states, as GET /v1/jobs/{id} names them.
const (
	jobRunning = "running"
	jobDone    = "done"
	jobFailed  = "failed"
)

// checkTimeout bounds one run of an async check.
const checkTimeout = 10 * time.Minute

// job is a check answered 202, as GET /v1/jobs/{id} shows it. The check
// is a job on the queue in the decision log's database: any replica
// sharing it may run it, a job interrupted by a crash is run again once
// river rescues it, and a finished one is kept for river's retention
// period (24 hours).
type job struct {
	ID       string    `json:"id"`
	Status   string    `json:"status"`
	Created  time.Time `json:"created"`
	Decision string    `json:"decision,omitempty"`
	Outcome  string    `json:"outcome,omitempty"`
	Error    string    `json:"error,omitempty"`
	Code     int       `json:"code,omitempty"`
}

// checkArgs are an async check: the request's input and the settings a
// request may choose; the rest of the plan is the server's.
type checkArgs struct {
	Owner   string    `json:"owner"`
	Actor   string    `json:"actor"`
	Profile string    `json:"profile"`
	AsOf    time.Time `json:"as_of"`
	FailOn  string    `json:"fail_on"`
	Name    string    `json:"name"`
	Type    string    `json:"type,omitempty"`
	Keep    bool      `json:"keep"`
	Data    []byte    `json:"data"`
}

// Kind names the job kind.
func (checkArgs) Kind() string { return "bangate.check" }

// checkResult is what a finished check job records as its output.
type checkResult struct {
	Decision string `json:"decision,omitempty"`
	Outcome  string `json:"outcome,omitempty"`
	Error    string `json:"error,omitempty"`
	Code     int    `json:"code,omitempty"`
}

// checkWorker runs async checks.
type checkWorker struct {
	river.WorkerDefaults[checkArgs]
	s *Server
}

// Timeout bounds one check.
func (w *checkWorker) Timeout(*river.Job[checkArgs]) time.Duration { return checkTimeout }

// Work checks the job's input and records where its decision is. A check
// the input makes impossible (4xx) or that fails inside is recorded as
// failed, not retried: its client resubmits.
func (w *checkWorker) Work(ctx context.Context, j *river.Job[checkArgs]) error {
	s, a := w.s, j.Args
	plan := s.opts.Plan
	plan.Profile, plan.AsOf, plan.FailOn = a.Profile, a.AsOf, a.FailOn
	e, he := s.check(ctx, plan, requestInput{data: a.Data, name: a.Name, ctype: a.Type, keep: a.Keep}, a.Actor)
	var res checkResult
	if he != nil {
		if ctx.Err() != nil {
			return ctx.Err() // stopped or timed out: river runs it again
		}
		res = checkResult{Error: he.msg, Code: he.status}
		s.log.Warn("job failed", "job", jobID(j.ID), "status", he.status, "error", he.msg)
	} else {
		res = checkResult{Decision: "/v1/decisions/" + e.ID, Outcome: e.Outcome}
		s.log.Info("job done", "job", jobID(j.ID), "decision", e.ID, "outcome", e.Outcome)
	}
	return river.RecordOutput(ctx, res)
}

// jobID is the job's ID in the API.
func jobID(id int64) string { return "job_" + strconv.FormatInt(id, 10) }

// startJob answers 202 with the job's URL; a worker of the queue checks
// the input after.
func (s *Server) startJob(w http.ResponseWriter, r *http.Request, plan check.Plan, in requestInput, tok store.Token) {
	args := checkArgs{Owner: tok.ID, Actor: actor(tok), Profile: plan.Profile, AsOf: plan.AsOf, FailOn: plan.FailOn,
		Name: in.name, Type: in.ctype, Keep: in.keep, Data: in.data}
	res, err := s.queue.Insert(r.Context(), args, &river.InsertOpts{Queue: queueChecks, MaxAttempts: 3})
	if err != nil {
		he := s.internal("queue the check", err)
		s.reject(w, r, he)
		return
	}
	j := jobOf(res.Job)
	w.Header().Set("Location", "/v1/jobs/"+j.ID)
	writeJSON(w, http.StatusAccepted, j)
}

// jobOf is the API's view of a check job.
func jobOf(row *rivertype.JobRow) job {
	j := job{ID: jobID(row.ID), Status: jobRunning, Created: row.CreatedAt.UTC()}
	switch row.State {
	case rivertype.JobStateCompleted:
		var res checkResult
		if err := json.Unmarshal(row.Output(), &res); err != nil || (res.Error == "" && res.Decision == "") {
			j.Status, j.Error, j.Code = jobFailed, "the job finished without a result", http.StatusInternalServerError
			return j
		}
		j.Decision, j.Outcome, j.Error, j.Code = res.Decision, res.Outcome, res.Error, res.Code
		j.Status = jobDone
		if res.Error != "" {
			j.Status = jobFailed
		}
	case rivertype.JobStateDiscarded, rivertype.JobStateCancelled:
		j.Status, j.Code = jobFailed, http.StatusInternalServerError
		j.Error = "the check did not finish"
		if n := len(row.Errors); n > 0 {
			j.Error += ": " + row.Errors[n-1].Error
		}
	}
	return j
}

// handleJob is GET /v1/jobs/{id}: only the token that submitted the job
// (or an admin) sees it.
func (s *Server) handleJob(w http.ResponseWriter, r *http.Request) {
	if he := strictQuery(r.URL.Query(), nil); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	const missing = "no such job (finished jobs are kept for a day)"
	n, err := strconv.ParseInt(strings.TrimPrefix(r.PathValue("id"), "job_"), 10, 64)
	if err != nil || !strings.HasPrefix(r.PathValue("id"), "job_") {
		s.fail(w, r, http.StatusNotFound, missing)
		return
	}
	row, err := s.queue.Job(r.Context(), n)
	if errors.Is(err, store.ErrNoJob) {
		s.fail(w, r, http.StatusNotFound, missing)
		return
	}
	if err != nil {
		he := s.internal("read the job", err)
		s.fail(w, r, he.status, he.msg)
		return
	}
	var a checkArgs
	tok := tokenOf(r.Context())
	if row.Kind != (checkArgs{}).Kind() || json.Unmarshal(row.EncodedArgs, &a) != nil || (a.Owner != tok.ID && tok.Role != RoleAdmin) {
		s.fail(w, r, http.StatusNotFound, missing)
		return
	}
	writeJSON(w, http.StatusOK, jobOf(row))
}
