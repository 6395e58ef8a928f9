package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// FileName is the SQLite database in the data directory.
const FileName = "bangate.db"

// Options say where the log lives and how it is kept.
type Options struct {
	// DataDir holds the SQLite database (FileName) when Database is
	// empty; it is created if needed.
	DataDir string
	// Database is a PostgreSQL URL (postgres://… or postgresql://…);
	// empty: SQLite in DataDir.
	Database string
	// Signer signs checkpoints (the evidence key); nil: checkpoints are
	// written unsigned.
	Signer Signer
	// CheckpointEvery writes a checkpoint after every so many entries;
	// 0: DefaultCheckpointEvery, < 0: only when asked (Checkpoint).
	CheckpointEvery int
	// MaxBatch bounds the entries appended in one transaction; 0:
	// DefaultMaxBatch.
	MaxBatch int
	// CommitDelay is how long a commit waits for announced appends
	// (Log.Announce) to join it; 0: DefaultCommitDelay, < 0: no wait. A
	// commit with none announced does not wait.
	CommitDelay time.Duration
	// Now is the clock entries are stamped with; nil: time.Now.
	Now func() time.Time
	// Log receives what the store did; nil: nothing.
	Log *slog.Logger
}

// Defaults of Options.
const (
	DefaultCheckpointEvery = 1000
	DefaultMaxBatch        = 256
	// DefaultCommitDelay is a few syncs' time: under load the appends of
	// the checks under way gather into one commit, and a lone append
	// (none announced) is committed at once.
	DefaultCommitDelay = time.Millisecond
)

// Signer signs checkpoints and export manifests: an Ed25519 evidence key
// (*evidence.Signer) has this method set, which is dsse.Signer's.
type Signer interface {
	Sign(ctx context.Context, data []byte) ([]byte, error)
	KeyID() (string, error)
}

// Verifier checks signatures made by a Signer (*evidence.Verifier).
type Verifier interface {
	Verify(ctx context.Context, data, sig []byte) error
	KeyID() (string, error)
}

// dialect is the SQL dialect of the database.
type dialect int

const (
	dialectSQLite dialect = iota
	dialectPostgres
)

// Log is the decision log and the token table of one database. It is safe
// for concurrent use; several processes may share a PostgreSQL database
// (and an SQLite file on one machine).
type Log struct {
	db      *sql.DB
	pool    *pgxpool.Pool // PostgreSQL: the pool db draws from, river's too
	dialect dialect
	where   string // the database, for messages (no password)
	opts    Options

	appends chan *appendReq
	stop    chan struct{}
	done    chan struct{}
	closeMu sync.Mutex
	closed  bool
	// last is what the appender knows of the log's head.
	last lastOf
	// announced counts the appends announced and not yet made
	// (Announce).
	announced atomic.Int64
	// appended counts the entries this Log appended: Close checkpoints
	// only a head it wrote itself, so that a command that only reads or
	// verifies never signs a head.
	appended atomic.Int64
	// stmts are the statements prepared so far (stmt).
	stmts stmts
}

// Open opens the log, creating the database if needed, and brings its
// schema up to date with the embedded migrations.
func Open(ctx context.Context, opts Options) (*Log, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.CheckpointEvery == 0 {
		opts.CheckpointEvery = DefaultCheckpointEvery
	}
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = DefaultMaxBatch
	}
	if opts.CommitDelay == 0 {
		opts.CommitDelay = DefaultCommitDelay
	}
	l := &Log{opts: opts, last: lastOf{seq: -1, kinds: map[string]int64{}}, appends: make(chan *appendReq, 4*opts.MaxBatch), stop: make(chan struct{}), done: make(chan struct{})}
	var err error
	switch {
	case opts.Database != "":
		if err := checkPostgresURL(opts.Database); err != nil {
			return nil, err
		}
		l.dialect, l.where = dialectPostgres, redact(opts.Database)
		// One pool for the log (database/sql over it) and the job queue
		// (river's pgx driver, which also holds a connection to listen).
		cfg, err := pgxpool.ParseConfig(opts.Database)
		if err != nil {
			return nil, fmt.Errorf("open database %s: %w", l.where, err)
		}
		cfg.MaxConns = 24
		if l.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
			return nil, fmt.Errorf("open database %s: %w", l.where, err)
		}
		l.db = stdlib.OpenDBFromPool(l.pool)
		l.db.SetMaxOpenConns(16)
		l.db.SetMaxIdleConns(16)
	case opts.DataDir != "":
		if err := os.MkdirAll(opts.DataDir, 0o700); err != nil {
			return nil, fmt.Errorf("open data directory: %w", err)
		}
		path := filepath.Join(opts.DataDir, FileName)
		l.dialect, l.where = dialectSQLite, path
		// WAL with synchronous=FULL: every commit syncs the WAL before
		// Append acknowledges it, so an acknowledged decision survives
		// the machine losing power, not only the process being killed
		// (NORMAL syncs at checkpoints only and may lose the last
		// commits then). The appends that arrive together share one
		// commit, hence one sync. The immediate transactions serialise
		// writers from the start, so two processes never deadlock
		// upgrading a read lock.
		dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
			"?_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=busy_timeout(10000)&_txlock=immediate"
		if l.db, err = sql.Open("sqlite", dsn); err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
		// Keep every connection open: database/sql keeps 2 idle by
		// default, so under load connections were closed and opened
		// again, each open reading the schema and preparing the
		// request path's queries again.
		l.db.SetMaxOpenConns(8)
		l.db.SetMaxIdleConns(8)
	default:
		return nil, errors.New("open decision log: no data directory and no database URL")
	}
	if err := l.migrate(ctx); err != nil {
		_ = l.closeDB()
		return nil, err
	}
	go l.appender()
	return l, nil
}

// checkPostgresURL accepts postgres:// and postgresql:// URLs only.
func checkPostgresURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return fmt.Errorf("database %s: want a postgres:// or postgresql:// URL", redact(s))
	}
	return nil
}

// redact drops the password from a database URL.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// migrate runs the embedded migrations, then river's (the job queue's
// tables); on PostgreSQL under locks, so that replicas starting together
// apply each once.
func (l *Log) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return fmt.Errorf("migrations: %w", err)
	}
	d := goose.DialectSQLite3
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true), goose.WithSlog(l.opts.Log)}
	if l.dialect == dialectPostgres {
		d = goose.DialectPostgres
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return fmt.Errorf("migrate %s: %w", l.where, err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(d, l.db, sub, opts...)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", l.where, err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate %s: %w", l.where, err)
	}
	return l.migrateQueue(ctx)
}

// Where names the database (a PostgreSQL URL without its password, or
// the SQLite file).
func (l *Log) Where() string { return l.where }

// Ping checks that the database answers.
func (l *Log) Ping(ctx context.Context) error {
	if err := l.db.PingContext(ctx); err != nil {
		return fmt.Errorf("ping %s: %w", l.where, err)
	}
	return nil
}

// Close stops accepting appends, finishes those under way, writes a
// checkpoint of the head when this Log appended entries, and closes the
// database.
func (l *Log) Close(ctx context.Context) error {
	l.closeMu.Lock()
	if l.closed {
		l.closeMu.Unlock()
		return nil
	}
	l.closed = true
	close(l.stop)
	l.closeMu.Unlock()
	<-l.done
	var err error
	if l.opts.CheckpointEvery > 0 && l.appended.Load() > 0 {
		if _, cerr := l.Checkpoint(ctx); cerr != nil && !errors.Is(cerr, ErrEmpty) {
			err = cerr
		}
	}
	return errors.Join(err, l.closeStmts(), l.closeDB())
}

// closeDB closes the database handle and, on PostgreSQL, its pool.
func (l *Log) closeDB() error {
	err := l.db.Close()
	if l.pool != nil {
		l.pool.Close()
	}
	return err
}

// q rewrites a query written with ? placeholders for the dialect.
func (l *Log) q(query string) string {
	if l.dialect != dialectPostgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
