package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/gofrs/flock"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
)

// queueMigrateLock is the PostgreSQL advisory lock river's migrations run
// under (rivermigrate takes none), so that replicas starting together
// apply each once. Its value is arbitrary; "bangate-q".
const queueMigrateLock = 0x62616e676174652d

// migrateQueue brings river's tables up to date in the log's database.
func (l *Log) migrateQueue(ctx context.Context) error {
	cfg := &rivermigrate.Config{Logger: l.opts.Log}
	switch l.dialect {
	case dialectPostgres:
		m, err := rivermigrate.New(riverpgxv5.New(l.pool), cfg)
		if err != nil {
			return fmt.Errorf("migrate the job queue of %s: %w", l.where, err)
		}
		// A session lock on a connection of its own: river's migrations
		// run in transactions of their own (an enum value added is not
		// usable in the transaction that adds it).
		conn, err := l.pool.Acquire(ctx)
		if err != nil {
			return fmt.Errorf("migrate the job queue of %s: %w", l.where, err)
		}
		defer conn.Release()
		if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", int64(queueMigrateLock)); err != nil {
			return fmt.Errorf("migrate the job queue of %s: lock: %w", l.where, err)
		}
		defer func() {
			_, _ = conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", int64(queueMigrateLock))
		}()
		if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
			return fmt.Errorf("migrate the job queue of %s: %w", l.where, err)
		}
	default:
		m, err := rivermigrate.New(riversqlite.New(l.db), cfg)
		if err != nil {
			return fmt.Errorf("migrate the job queue of %s: %w", l.where, err)
		}
		// A file lock beside the database: a second process starting at
		// the same time waits for the first's migrations.
		fl := flock.New(l.where+".migrate.lock", flock.SetPermissions(0o600))
		if _, err := fl.TryLockContext(ctx, 50*time.Millisecond); err != nil {
			return fmt.Errorf("migrate the job queue of %s: lock: %w", l.where, err)
		}
		defer func() { _ = fl.Unlock() }()
		if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
			return fmt.Errorf("migrate the job queue of %s: %w", l.where, err)
		}
	}
	return nil
}

// QueueConfig configures the job queue of a log.
type QueueConfig struct {
	// Workers work the jobs; every kind inserted must have one.
	Workers *river.Workers
	// Queues are the queues this process works and how many jobs of each
	// it runs at once; none: it only inserts and reads jobs.
	Queues map[string]river.QueueConfig
	// PollInterval is how often the queues are looked at for jobs other
	// processes inserted (SQLite has no notifications; PostgreSQL is
	// notified and polls as a fallback); 0: river's default (1s).
	PollInterval time.Duration
	// JobTimeout bounds one run of a job; 0: river's default (1m), < 0:
	// none.
	JobTimeout time.Duration
	// Logger receives what the queue did, from warnings up (river's
	// routine information stays out); nil: the log's logger.
	Logger *slog.Logger
}

// warnings passes on the records of a handler from slog.LevelWarn up.
type warnings struct{ slog.Handler }

// Enabled is false below slog.LevelWarn.
func (h warnings) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && h.Handler.Enabled(ctx, l)
}

// WithAttrs keeps the level.
func (h warnings) WithAttrs(as []slog.Attr) slog.Handler { return warnings{h.Handler.WithAttrs(as)} }

// WithGroup keeps the level.
func (h warnings) WithGroup(name string) slog.Handler { return warnings{h.Handler.WithGroup(name)} }

// queueClient is what the server uses of a river client, whichever the
// driver's transaction type.
type queueClient interface {
	Start(ctx context.Context) error
	Stop(ctx context.Context) error
	StopAndCancel(ctx context.Context) error
	Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
	InsertMany(ctx context.Context, params []river.InsertManyParams) ([]*rivertype.JobInsertResult, error)
	JobGet(ctx context.Context, id int64) (*rivertype.JobRow, error)
}

// Queue is a river job queue in the log's database: on PostgreSQL
// several processes share it (a job runs once, in one of them); on SQLite
// the processes of one machine do.
type Queue struct {
	c     queueClient
	where string
	works bool
}

// ErrNoJob is returned by Queue.Job for an ID no job has.
var ErrNoJob = errors.New("no such job")

// NewQueue prepares a river client on the log's database; Start starts
// working its queues. The log must outlive it.
func (l *Log) NewQueue(cfg QueueConfig) (*Queue, error) {
	if cfg.Logger == nil {
		cfg.Logger = l.opts.Log
	}
	rc := &river.Config{Workers: cfg.Workers, Queues: cfg.Queues, FetchPollInterval: cfg.PollInterval,
		JobTimeout: cfg.JobTimeout, Logger: slog.New(warnings{cfg.Logger.Handler()})}
	if cfg.PollInterval > 0 {
		rc.FetchCooldown = min(cfg.PollInterval, river.FetchCooldownDefault)
	}
	q := &Queue{where: l.where, works: len(cfg.Queues) > 0}
	var err error
	switch l.dialect {
	case dialectPostgres:
		q.c, err = river.NewClient(riverpgxv5.New(l.pool), rc)
	default:
		q.c, err = river.NewClient(riversqlite.New(l.db), rc)
	}
	if err != nil {
		return nil, fmt.Errorf("job queue of %s: %w", l.where, err)
	}
	return q, nil
}

// Start starts working the queues (nothing when the queue works none).
// The work goes on until Stop, whatever ctx does.
func (q *Queue) Start(ctx context.Context) error {
	if !q.works {
		return nil
	}
	if err := q.c.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("start the job queue of %s: %w", q.where, err)
	}
	return nil
}

// Stop stops fetching jobs and waits for those under way until ctx ends,
// then cancels them (a cancelled job is retried later, here or by another
// process).
func (q *Queue) Stop(ctx context.Context) error {
	if !q.works {
		return nil
	}
	err := q.c.Stop(ctx)
	if err != nil && ctx.Err() != nil {
		cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = q.c.StopAndCancel(cctx)
	}
	if err != nil {
		return fmt.Errorf("stop the job queue of %s: %w", q.where, err)
	}
	return nil
}

// Insert adds a job; with unique options, an equal job already there is
// returned instead (UniqueSkippedAsDuplicate).
func (q *Queue) Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error) {
	res, err := q.c.Insert(ctx, args, opts)
	if err != nil {
		return nil, fmt.Errorf("insert a %s job into %s: %w", args.Kind(), q.where, err)
	}
	return res, nil
}

// InsertMany adds jobs in one transaction (unique ones as Insert does).
func (q *Queue) InsertMany(ctx context.Context, params []river.InsertManyParams) ([]*rivertype.JobInsertResult, error) {
	res, err := q.c.InsertMany(ctx, params)
	if err != nil {
		return nil, fmt.Errorf("insert %d jobs into %s: %w", len(params), q.where, err)
	}
	return res, nil
}

// Job reads a job by its ID; ErrNoJob when there is none.
func (q *Queue) Job(ctx context.Context, id int64) (*rivertype.JobRow, error) {
	j, err := q.c.JobGet(ctx, id)
	if errors.Is(err, river.ErrNotFound) {
		return nil, ErrNoJob
	}
	if err != nil {
		return nil, fmt.Errorf("read job %d of %s: %w", id, q.where, err)
	}
	return j, nil
}

// Final reports whether a job's state is final: it will not run again.
func Final(s rivertype.JobState) bool {
	return s == rivertype.JobStateCompleted || s == rivertype.JobStateDiscarded || s == rivertype.JobStateCancelled
}

// Wait polls a job until its state is final or one of also, or ctx ends,
// and returns it as it then is.
func (q *Queue) Wait(ctx context.Context, id int64, also ...rivertype.JobState) (*rivertype.JobRow, error) {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for {
		j, err := q.Job(ctx, id)
		if err != nil {
			return nil, err
		}
		if Final(j.State) {
			return j, nil
		}
		for _, s := range also {
			if j.State == s {
				return j, nil
			}
		}
		select {
		case <-ctx.Done():
			return j, fmt.Errorf("wait for job %d: %w", id, ctx.Err())
		case <-t.C:
		}
	}
}
