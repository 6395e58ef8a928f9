package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"
)

// ErrClosed is returned by Append once Close has begun.
var ErrClosed = errors.New("decision log is closed")

// appendLockKey is the PostgreSQL advisory lock that serialises appends
// and checkpoints across processes ("bangate" in ASCII).
const appendLockKey = 0x62616e67617465

// appendTimeout bounds one append transaction.
const appendTimeout = 30 * time.Second

type appendReq struct {
	e      *Entry
	kept   *Kept   // kept with e, or nil
	unless *Unless // e's condition, or nil
	stale  bool    // the condition failed: e was not appended
	done   chan error
	// keepErr is the error keeping kept (set before done is sent on).
	keepErr error
}

// NewID returns a new decision ID (a UUIDv7), for an entry whose ID must
// be known before it is appended (AppendKeep).
func NewID() (string, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return "", fmt.Errorf("new decision id: %w", err)
	}
	return id.String(), nil
}

// Append adds e to the log and returns once it is committed: it sets
// e.Seq, e.ID (when empty), e.Time, e.PrevHash and e.Hash. Appends that
// arrive together share one transaction. An error means the entry was
// not acknowledged; when ctx ends first, the entry may still be written.
func (l *Log) Append(ctx context.Context, e *Entry) error {
	_, err := l.AppendKeep(ctx, e, nil)
	return err
}

// AppendKeep is Append of e and, in the same transaction, Keep of k (when
// not nil): the subject is kept only once its decision is logged, and
// both are made durable by one commit. A failure to keep k does not stop
// e: it is returned as keepErr, with err nil when e was appended.
func (l *Log) AppendKeep(ctx context.Context, e *Entry, k *Kept) (keepErr, err error) {
	return l.AppendKeepUnless(ctx, e, k, nil)
}

// ErrStale is returned by AppendKeepUnless when its condition failed.
var ErrStale = errors.New("the decision log gained an entry the decision did not see")

// Unless is the condition of an append: it is made unless an entry of
// Kind was appended after Seq.
type Unless struct {
	Kind string
	Seq  int64
}

// AppendKeepUnless is AppendKeep of e and k, unless u (when not nil)
// fails: an entry of kind u.Kind was appended after seq u.Seq, by this
// process or another; then neither is appended and err is ErrStale. The
// condition is decided in the append's own transaction: a decision made
// on what the log held at u.Seq (the reviews it applied) is logged only
// while that still holds.
func (l *Log) AppendKeepUnless(ctx context.Context, e *Entry, k *Kept, u *Unless) (keepErr, err error) {
	if err := e.validate(); err != nil {
		return nil, err
	}
	req := &appendReq{e: e, kept: k, unless: u, done: make(chan error, 1)}
	l.closeMu.Lock()
	if l.closed {
		l.closeMu.Unlock()
		return nil, ErrClosed
	}
	select {
	case l.appends <- req:
		l.closeMu.Unlock()
	case <-ctx.Done():
		l.closeMu.Unlock()
		return nil, fmt.Errorf("append to decision log: %w", ctx.Err())
	}
	select {
	case err := <-req.done:
		if err != nil {
			return nil, err
		}
		return req.keepErr, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("append to decision log: %w", ctx.Err())
	}
}

// appender writes the queued appends, as many as are waiting (up to
// MaxBatch) in one transaction, until Close; then it writes what is left
// in the queue and stops.
func (l *Log) appender() {
	defer close(l.done)
	for {
		var first *appendReq
		select {
		case first = <-l.appends:
		case <-l.stop:
			for {
				select {
				case r := <-l.appends:
					l.writeBatch(l.gather(r))
				default:
					return
				}
			}
		}
		l.writeBatch(l.gather(first))
	}
}

// gather takes first and the appends already waiting behind it; while
// appends are announced (Announce), it waits up to CommitDelay for them,
// so that they share the commit, and its sync, rather than each make
// one: PostgreSQL's commit_delay with commit_siblings, where the
// siblings are the entries being decided.
func (l *Log) gather(first *appendReq) []*appendReq {
	batch := []*appendReq{first}
	var deadline <-chan time.Time
	for len(batch) < l.opts.MaxBatch {
		select {
		case r := <-l.appends:
			batch = append(batch, r)
			continue
		default:
		}
		if l.opts.CommitDelay <= 0 || l.announced.Load() == 0 {
			return batch
		}
		if deadline == nil {
			t := time.NewTimer(l.opts.CommitDelay)
			defer t.Stop()
			deadline = t.C
		}
		select {
		case r := <-l.appends:
			batch = append(batch, r)
		case <-deadline:
			return batch
		case <-l.stop:
			return batch
		}
	}
	return batch
}

// Announce says that an append is on its way (an entry being decided),
// so that the appender waits for it, up to Options.CommitDelay, to share
// a commit with the appends before it. The function returned withdraws
// the announcement: call it before the append (or when there will be
// none); calling it again does nothing.
func (l *Log) Announce() (withdraw func()) {
	l.announced.Add(1)
	return sync.OnceFunc(func() { l.announced.Add(-1) })
}

func (l *Log) writeBatch(batch []*appendReq) {
	ctx, cancel := context.WithTimeout(context.Background(), appendTimeout)
	defer cancel()
	err := l.write(ctx, batch)
	if err != nil {
		l.opts.Log.Error("append to decision log", "entries", len(batch), "err", err)
		err = fmt.Errorf("append to decision log %s: %w", l.where, err)
		// What the appender knew of the log's head is what the failed
		// transaction would have made it: known no more.
		l.last.seq = -1
		clear(l.last.kinds)
	}
	for _, r := range batch {
		switch {
		case err != nil:
			r.done <- err
		case r.stale:
			r.done <- ErrStale
		default:
			r.done <- nil
		}
	}
}

// lastOf is what the appender knows of the log's head: the seq it last
// appended at (-1: none, or not known) and the seq of the last entry of
// each kind asked about (Unless), as of that seq. Only the appender
// reads and writes it.
type lastOf struct {
	seq   int64
	kinds map[string]int64
}

// kindHeadQuery reads the seq of the last entry of a kind (0: none).
const kindHeadQuery = "SELECT COALESCE(MAX(seq), 0) FROM decisions WHERE kind = ?"

// lastOfKind returns the seq of the last entry of kind, from what the
// appender knows or, when it does not, from tx.
func (l *Log) lastOfKind(ctx context.Context, tx *sql.Tx, kind string) (int64, error) {
	if s, ok := l.last.kinds[kind]; ok {
		return s, nil
	}
	stmt, err := l.txStmt(ctx, tx, l.q(kindHeadQuery))
	if err != nil {
		return 0, err
	}
	var s int64
	if err := stmt.QueryRowContext(ctx, kind).Scan(&s); err != nil {
		return 0, fmt.Errorf("read the last %s entry: %w", kind, err)
	}
	l.last.kinds[kind] = s
	return s, nil
}

// headQuery reads the last entry's seq and hash.
const headQuery = "SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1"

// head reads the last entry's seq and hash with headQuery; 0 and
// GenesisHash for an empty log.
func head(ctx context.Context, q *sql.Stmt) (int64, string, error) {
	var (
		seq  int64
		hash string
	)
	err := q.QueryRowContext(ctx).Scan(&seq, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, GenesisHash, nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("read the log's head: %w", err)
	}
	return seq, hash, nil
}

// lockedTx begins a transaction that holds the append lock: the advisory
// lock on PostgreSQL; on SQLite every transaction is immediate (it takes
// the write lock when it begins).
func (l *Log) lockedTx(ctx context.Context) (*sql.Tx, error) {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if l.dialect == dialectPostgres {
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", int64(appendLockKey)); err != nil {
			_ = tx.Rollback()
			return nil, fmt.Errorf("take the append lock: %w", err)
		}
	}
	return tx, nil
}

const insertEntry = `INSERT INTO decisions (seq, id, created_us, kind, actor, outcome, exit_code, profile, as_of, subjects, search,
	input_sha256, input_size, input_type, input_stored, input, plan, lists, decision, evidence, prev_hash, hash)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// write chains and inserts the entries of batch in one transaction, with
// the checkpoints that fall due, and keeps their subjects.
func (l *Log) write(ctx context.Context, batch []*appendReq) error {
	tx, err := l.lockedTx(ctx)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	headStmt, err := l.txStmt(ctx, tx, headQuery)
	if err != nil {
		return err
	}
	seq, prev, err := head(ctx, headStmt)
	if err != nil {
		return err
	}
	if seq != l.last.seq {
		// Another process appended since this one last did: what this
		// one knew of the last entry of each kind may be out of date.
		clear(l.last.kinds)
	}
	stmt, err := l.txStmt(ctx, tx, l.q(insertEntry))
	if err != nil {
		return fmt.Errorf("prepare insert: %w", err)
	}
	defer func() { _ = stmt.Close() }()
	now := l.opts.Now().UTC().Truncate(time.Microsecond)
	for _, r := range batch {
		e := r.e
		r.stale = false
		if u := r.unless; u != nil {
			last, err := l.lastOfKind(ctx, tx, u.Kind)
			if err != nil {
				return err
			}
			if last > u.Seq {
				r.stale = true
				continue
			}
		}
		seq++
		if e.ID == "" {
			id, err := uuid.NewV7()
			if err != nil {
				return fmt.Errorf("new decision id: %w", err)
			}
			e.ID = id.String()
		}
		if e.Subjects == nil {
			e.Subjects = []string{}
		}
		e.Seq, e.Time, e.PrevHash = seq, now, prev
		e.Hash = e.HashOf()
		prev = e.Hash
		l.last.kinds[e.Kind] = seq // the newest entry of all
		subjects, err := jsonText(e.Subjects)
		if err != nil {
			return err
		}
		var input []byte
		if e.Input.Stored {
			input = e.Input.Data
			if input == nil {
				input = []byte{}
			}
		}
		if _, err := stmt.ExecContext(ctx, e.Seq, e.ID, e.Time.UnixMicro(), e.Kind, e.Actor, e.Outcome, e.ExitCode, e.Profile, e.AsOf,
			subjects, searchText(e.Subjects), e.Input.SHA256, e.Input.Size, e.Input.Type, boolInt(e.Input.Stored), input,
			string(e.Plan), string(e.Lists), string(e.Decision), string(e.Evidence), e.PrevHash, e.Hash); err != nil {
			return fmt.Errorf("insert entry %d: %w", e.Seq, err)
		}
		if every := l.opts.CheckpointEvery; every > 0 && seq%int64(every) == 0 {
			if err := l.insertCheckpoint(ctx, tx, seq, e.Hash, now); err != nil {
				return err
			}
		}
	}
	for _, r := range batch {
		if r.kept != nil && !r.stale {
			r.keepErr = l.keepIn(ctx, tx, *r.kept)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	appended := 0
	for _, r := range batch {
		if !r.stale {
			appended++
		}
	}
	l.last.seq = seq
	l.appended.Add(int64(appended))
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
