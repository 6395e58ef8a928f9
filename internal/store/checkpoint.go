package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"time"
)

// ErrEmpty is returned by Checkpoint for a log with no entries.
var ErrEmpty = errors.New("decision log is empty")

// Checkpoint pins the chain at one entry: its seq and hash, when, and a
// signature over them with the evidence key (KeyID and Signature empty
// when no key was configured). A checkpoint makes a rewrite of the chain
// up to it, or the removal of entries up to it, detectable by anyone who
// holds the public key.
type Checkpoint struct {
	Seq       int64     `json:"seq"`
	Hash      string    `json:"hash"`
	Time      time.Time `json:"time"`
	KeyID     string    `json:"key_id,omitempty"`
	Signature string    `json:"signature,omitempty"`
}

// Message is the bytes a checkpoint's signature covers.
func (c Checkpoint) Message() []byte {
	return fmt.Appendf(nil, "bangate-log-checkpoint/v1\nseq %d\nhash %s\ntime %s\n", c.Seq, c.Hash, c.Time.UTC().Format(timeFormat))
}

// Signed reports whether the checkpoint carries a signature.
func (c Checkpoint) Signed() bool { return c.Signature != "" }

// verify checks the checkpoint's signature with key.
func (c Checkpoint) verify(ctx context.Context, key Verifier) error {
	if !c.Signed() {
		return errors.New("it is not signed")
	}
	sig, err := base64.StdEncoding.DecodeString(c.Signature)
	if err != nil {
		return errors.New("its signature is not base64")
	}
	if err := key.Verify(ctx, c.Message(), sig); err != nil {
		return fmt.Errorf("its signature does not verify with the key given: %w", err)
	}
	return nil
}

// sign signs c with s.
func sign(ctx context.Context, s Signer, c *Checkpoint) error {
	id, err := s.KeyID()
	if err != nil {
		return fmt.Errorf("sign checkpoint: %w", err)
	}
	sig, err := s.Sign(ctx, c.Message())
	if err != nil {
		return fmt.Errorf("sign checkpoint: %w", err)
	}
	c.KeyID, c.Signature = id, base64.StdEncoding.EncodeToString(sig)
	return nil
}

// insertCheckpoint signs and writes the checkpoint of entry seq; one
// already there is kept.
func (l *Log) insertCheckpoint(ctx context.Context, tx *sql.Tx, seq int64, hash string, now time.Time) error {
	c := Checkpoint{Seq: seq, Hash: hash, Time: now}
	if l.opts.Signer != nil {
		if err := sign(ctx, l.opts.Signer, &c); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, l.q("INSERT INTO checkpoints (seq, hash, created_us, key_id, signature) VALUES (?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING"),
		c.Seq, c.Hash, c.Time.UnixMicro(), c.KeyID, c.Signature)
	if err != nil {
		return fmt.Errorf("insert checkpoint %d: %w", seq, err)
	}
	return nil
}

// Checkpoint writes a checkpoint of the log's head, unless the head has
// one already, and returns it; ErrEmpty for an empty log.
func (l *Log) Checkpoint(ctx context.Context) (Checkpoint, error) {
	tx, err := l.lockedTx(ctx)
	if err != nil {
		return Checkpoint{}, fmt.Errorf("checkpoint %s: %w", l.where, err)
	}
	defer func() { _ = tx.Rollback() }()
	headStmt, err := l.txStmt(ctx, tx, headQuery)
	if err != nil {
		return Checkpoint{}, err
	}
	seq, hash, err := head(ctx, headStmt)
	if err != nil {
		return Checkpoint{}, err
	}
	if seq == 0 {
		return Checkpoint{}, ErrEmpty
	}
	if err := l.insertCheckpoint(ctx, tx, seq, hash, l.opts.Now().UTC().Truncate(time.Microsecond)); err != nil {
		return Checkpoint{}, err
	}
	if err := tx.Commit(); err != nil {
		return Checkpoint{}, fmt.Errorf("checkpoint %s: %w", l.where, err)
	}
	cs, err := l.checkpoints(ctx, seq, seq)
	if err != nil || len(cs) != 1 {
		return Checkpoint{}, fmt.Errorf("checkpoint %s: read back checkpoint %d: %w", l.where, seq, err)
	}
	return cs[0], nil
}

// Checkpoints returns every checkpoint, by seq.
func (l *Log) Checkpoints(ctx context.Context) ([]Checkpoint, error) {
	return l.checkpoints(ctx, 1, 1<<62)
}

// checkpoints returns the checkpoints from seq lo to hi.
func (l *Log) checkpoints(ctx context.Context, lo, hi int64) ([]Checkpoint, error) {
	rows, err := l.db.QueryContext(ctx, l.q("SELECT seq, hash, created_us, key_id, signature FROM checkpoints WHERE seq >= ? AND seq <= ? ORDER BY seq"), lo, hi)
	if err != nil {
		return nil, fmt.Errorf("read checkpoints: %w", err)
	}
	defer func() { _ = rows.Close() }()
	var out []Checkpoint
	for rows.Next() {
		var (
			c  Checkpoint
			us int64
		)
		if err := rows.Scan(&c.Seq, &c.Hash, &us, &c.KeyID, &c.Signature); err != nil {
			return nil, fmt.Errorf("read checkpoints: %w", err)
		}
		c.Time = time.UnixMicro(us).UTC()
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read checkpoints: %w", err)
	}
	return out, nil
}

// Head returns the seq and hash of the last entry (0 and GenesisHash for
// an empty log).
func (l *Log) Head(ctx context.Context) (int64, string, error) {
	s, err := l.stmt(ctx, headQuery)
	if err != nil {
		return 0, "", err
	}
	return head(ctx, s)
}
