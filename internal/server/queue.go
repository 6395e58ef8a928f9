package server

import (
	"context"
	"encoding/json"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/bangate/bangate/internal/monitor"
	"github.com/bangate/bangate/internal/store"
)

// The queues of the server's jobs (river, in the decision log's
// database).
const (
	// queueChecks holds the async checks (202 and a job URL).
	queueChecks = "checks"
	// queueRescreen holds the re-screens of the inventory on new lists,
	// one job per change of the lists, run one at a time per process.
	queueRescreen = "rescreen"
	// queueWebhook holds the alerts to post; only a server with a
	// webhook works it.
	queueWebhook = "webhook"
)

// rescreenAttempts bounds the runs of a re-screen that fails (the
// database went away); each run picks up where the last left off, since
// a subject re-screened stands on the new lists.
const rescreenAttempts = 5

// newQueue prepares the server's job queue on its log.
func (s *Server) newQueue() (*store.Queue, error) {
	ws := river.NewWorkers()
	river.AddWorker(ws, &checkWorker{s: s})
	river.AddWorker(ws, &rescreenWorker{s: s})
	river.AddWorker(ws, &rescreenPartWorker{s: s})
	queues := map[string]river.QueueConfig{
		queueChecks:   {MaxWorkers: s.opts.MaxConcurrent},
		queueRescreen: {MaxWorkers: max(1, s.opts.RescreenWorkers)},
	}
	if s.hook != nil {
		river.AddWorker(ws, s.hook)
		queues[queueWebhook] = river.QueueConfig{MaxWorkers: 4}
	}
	return s.opts.Log.NewQueue(store.QueueConfig{Workers: ws, Queues: queues, PollInterval: s.opts.JobPoll, Logger: s.log})
}

// rescreenArgs are a change of the lists in service: the generation the
// inventory was screened on and the new one (genKey). Unique by them:
// replicas sharing the database that each find the change insert one job.
// It splits the inventory into rescreenParts jobs, which the replicas'
// workers share.
type rescreenArgs struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Kind names the job kind.
func (rescreenArgs) Kind() string { return "bangate.rescreen" }

// rescreenPartArgs are the re-screen of the kept subjects with keys in
// [Lo, Hi) ("" Hi: no bound) on a change of the lists.
type rescreenPartArgs struct {
	From string `json:"from"`
	To   string `json:"to"`
	Lo   string `json:"lo"`
	Hi   string `json:"hi"`
}

// Kind names the job kind.
func (rescreenPartArgs) Kind() string { return "bangate.rescreen-part" }

// rescreenParts is how many parts a re-screen is split into: subject
// keys are hex SHA-256 digests, so the parts are the 16 first digits,
// each about a sixteenth of the inventory.
const rescreenParts = 16

// rescreenOutput is what a re-screen job records: its parts' job IDs.
type rescreenOutput struct {
	Parts []int64 `json:"parts"`
}

// partRanges are the key ranges of the parts.
func partRanges() [][2]string {
	const digits = "0123456789abcdef"
	out := make([][2]string, rescreenParts)
	for i := range rescreenParts {
		lo, hi := digits[i:i+1], ""
		if i == 0 {
			lo = ""
		}
		if i+1 < rescreenParts {
			hi = digits[i+1 : i+2]
		}
		out[i] = [2]string{lo, hi}
	}
	return out
}

// genKey names what a generation screens with: the default plan's
// fingerprint (policies, thresholds, settings) and its list snapshots.
func genKey(g *generation) string {
	return monitor.Fingerprint(g.base) + " " + monitor.ListsKey(g.base)
}

// rescreenWorker splits a re-screen into its parts.
type rescreenWorker struct {
	river.WorkerDefaults[rescreenArgs]
	s *Server
}

// Work queues the parts (unique, so that a retry queues none twice) and
// records their IDs.
func (w *rescreenWorker) Work(ctx context.Context, j *river.Job[rescreenArgs]) error {
	var params []river.InsertManyParams
	for _, r := range partRanges() {
		params = append(params, river.InsertManyParams{Args: rescreenPartArgs{From: j.Args.From, To: j.Args.To, Lo: r[0], Hi: r[1]},
			InsertOpts: &river.InsertOpts{Queue: queueRescreen, MaxAttempts: rescreenAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}})
	}
	res, err := w.s.queue.InsertMany(ctx, params)
	if err != nil {
		return err
	}
	var out rescreenOutput
	for _, r := range res {
		out.Parts = append(out.Parts, r.Job.ID)
	}
	return river.RecordOutput(ctx, out)
}

// rescreenPartWorker re-screens a part of the inventory.
type rescreenPartWorker struct {
	river.WorkerDefaults[rescreenPartArgs]
	s *Server
}

// Timeout: a part of a large inventory takes as long as it takes.
func (w *rescreenPartWorker) Timeout(*river.Job[rescreenPartArgs]) time.Duration { return -1 }

// Work re-screens the part from the job's generation to the new one. A
// process that has not got the new lists yet looks at its list store;
// if they are still not there it snoozes the job (another replica, or
// this one later, takes it); if its lists have moved past them, a later
// job covers the change. Without the old lists in memory (this process
// started on the new ones) every subject not screened on the new lists is
// checked again in full.
func (w *rescreenPartWorker) Work(ctx context.Context, j *river.Job[rescreenPartArgs]) error {
	s := w.s
	s.work.Add(1)
	defer s.work.Done()
	cur := s.gen.Load()
	if genKey(cur) != j.Args.To {
		s.refresh(ctx, false)
		cur = s.gen.Load()
	}
	switch k := genKey(cur); {
	case k == j.Args.From:
		s.log.Info("re-screen: this process has not got the new lists yet; the job waits", "job", j.ID)
		return river.JobSnooze(30 * time.Second)
	case k != j.Args.To:
		s.log.Info("re-screen: the lists in service have moved on; a later re-screen covers the change", "job", j.ID)
		return nil
	}
	var old *generation
	if p := s.prev.Load(); p != nil && genKey(p) == j.Args.From {
		old = p
	}
	return s.rescreen(ctx, old, cur, j.Args.Lo, j.Args.Hi)
}

// enqueueRescreen queues the re-screen of the change from old to cur
// (once, whichever replica asks first) and, when wait is set, waits for
// it to finish or fail a first time; otherwise it waits in the
// background, to drop the old generation once no longer needed.
func (s *Server) enqueueRescreen(ctx context.Context, old, cur *generation, wait bool) {
	res, err := s.queue.Insert(ctx, rescreenArgs{From: genKey(old), To: genKey(cur)},
		&river.InsertOpts{Queue: queueRescreen, MaxAttempts: rescreenAttempts, UniqueOpts: river.UniqueOpts{ByArgs: true}})
	if err != nil {
		s.log.Error("list refresh: the re-screen of the inventory is not queued", "err", err)
		return
	}
	s.log.Info("list refresh: re-screen of the inventory queued", "job", res.Job.ID, "already_queued", res.UniqueSkippedAsDuplicate)
	done := func(ctx context.Context) {
		if s.waitRescreen(ctx, res.Job.ID) {
			s.prev.CompareAndSwap(old, nil)
		}
	}
	if wait {
		done(ctx)
		return
	}
	s.bg.Go(func() {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go func() {
			select {
			case <-s.stop:
				cancel()
			case <-ctx.Done():
			}
		}()
		done(ctx)
	})
}

// waitRescreen waits for a re-screen job and its parts to finish, or to
// fail a first time, or ctx; it reports whether all completed.
func (s *Server) waitRescreen(ctx context.Context, id int64) bool {
	row, err := s.queue.Wait(ctx, id, rivertype.JobStateRetryable)
	if err != nil || row.State != rivertype.JobStateCompleted {
		if ctx.Err() == nil {
			s.log.Error("list refresh: the re-screen did not finish", "job", id, "err", err)
		}
		return false
	}
	var out rescreenOutput
	if err := json.Unmarshal(row.Output(), &out); err != nil {
		s.log.Error("list refresh: the re-screen's parts", "job", id, "err", err)
		return false
	}
	ok := true
	for _, p := range out.Parts {
		row, err := s.queue.Wait(ctx, p, rivertype.JobStateRetryable)
		if err != nil || row.State != rivertype.JobStateCompleted {
			if ctx.Err() == nil {
				s.log.Error("list refresh: a part of the re-screen did not finish", "job", p, "err", err)
			}
			ok = false
		}
	}
	return ok
}
