package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// KindRescreen is a decision made by re-screening a kept subject on new
// lists.
const KindRescreen = "rescreen"

// Kept is a subject of the inventory: an input checked through the
// server, kept to be checked again when the lists change.
type Kept struct {
	// Subject is its key (the plan's and the input's digests).
	Subject string
	// Name is the input's name.
	Name string
	// Plan is the JSON of the plan it is checked under; its waiver and
	// ownership files are the server's.
	Plan []byte
	// Input is the input's bytes.
	Input []byte
	// State is what the last check decided and rested on (JSON, the
	// caller's).
	State []byte
	// Updated is when it was last checked.
	Updated time.Time
}

// keepQuery stores a subject, replacing the one with the same key.
const keepQuery = `INSERT INTO inventory (subject, name, plan, input, state, updated_us) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (subject) DO UPDATE SET name = excluded.name, plan = excluded.plan, input = excluded.input, state = excluded.state, updated_us = excluded.updated_us`

// Keep stores a subject, replacing the one with the same key.
func (l *Log) Keep(ctx context.Context, k Kept) error {
	_, err := l.exec(ctx, l.q(keepQuery), keptArgs(k)...)
	if err != nil {
		return fmt.Errorf("keep subject %s in %s: %w", k.Name, l.where, err)
	}
	return nil
}

func keptArgs(k Kept) []any {
	return []any{k.Subject, k.Name, string(k.Plan), k.Input, string(k.State), k.Updated.UTC().UnixMicro()}
}

// keepIn stores a subject within tx, under a savepoint: a failure is
// undone and returned, and leaves the rest of the transaction whole.
func (l *Log) keepIn(ctx context.Context, tx *sql.Tx, k Kept) error {
	if _, err := tx.ExecContext(ctx, "SAVEPOINT keep"); err != nil {
		return fmt.Errorf("keep subject %s in %s: %w", k.Name, l.where, err)
	}
	stmt, err := l.txStmt(ctx, tx, l.q(keepQuery))
	if err == nil {
		_, err = stmt.ExecContext(ctx, keptArgs(k)...)
	}
	if err != nil {
		_, rerr := tx.ExecContext(ctx, "ROLLBACK TO SAVEPOINT keep")
		return errors.Join(fmt.Errorf("keep subject %s in %s: %w", k.Name, l.where, err), rerr)
	}
	if _, err := tx.ExecContext(ctx, "RELEASE SAVEPOINT keep"); err != nil {
		return fmt.Errorf("keep subject %s in %s: %w", k.Name, l.where, err)
	}
	return nil
}

// Inventory calls fn with every kept subject, in key order; fn's error
// stops the walk and is returned.
func (l *Log) Inventory(ctx context.Context, fn func(Kept) error) error {
	rows, err := l.db.QueryContext(ctx, "SELECT subject, name, plan, input, state, updated_us FROM inventory ORDER BY subject")
	if err != nil {
		return fmt.Errorf("read the inventory of %s: %w", l.where, err)
	}
	defer func() { _ = rows.Close() }()
	var ks []Kept
	for rows.Next() {
		var k Kept
		var plan, state string
		var us int64
		if err := rows.Scan(&k.Subject, &k.Name, &plan, &k.Input, &state, &us); err != nil {
			return fmt.Errorf("read the inventory of %s: %w", l.where, err)
		}
		k.Plan, k.State, k.Updated = []byte(plan), []byte(state), time.UnixMicro(us).UTC()
		ks = append(ks, k)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read the inventory of %s: %w", l.where, err)
	}
	// The rows are read before fn runs, so that fn may write (SQLite
	// allows one connection to write while none reads).
	for _, k := range ks {
		if err := fn(k); err != nil {
			return err
		}
	}
	return nil
}

// Alert is an alert as stored: its number, time, subject and body (the
// JSON the API answers and the webhook posts).
type Alert struct {
	Seq     int64
	Created time.Time
	Subject string
	Body    []byte
}

// AddAlert stores an alert with the next number, which it sets.
func (l *Log) AddAlert(ctx context.Context, a *Alert) error {
	for attempt := 0; ; attempt++ {
		err := l.addAlert(ctx, a)
		if err == nil || attempt == 4 || ctx.Err() != nil {
			return err
		}
		// Another replica took the number: take the next.
	}
}

func (l *Log) addAlert(ctx context.Context, a *Alert) error {
	var last sql.NullInt64
	if err := l.db.QueryRowContext(ctx, "SELECT MAX(seq) FROM alerts").Scan(&last); err != nil {
		return fmt.Errorf("add alert to %s: %w", l.where, err)
	}
	seq := last.Int64 + 1
	_, err := l.db.ExecContext(ctx, l.q("INSERT INTO alerts (seq, created_us, subject, body) VALUES (?, ?, ?, ?)"),
		seq, a.Created.UTC().UnixMicro(), a.Subject, string(a.Body))
	if err != nil {
		return fmt.Errorf("add alert to %s: %w", l.where, err)
	}
	a.Seq = seq
	return nil
}

// Alerts returns up to limit alerts numbered after after, oldest first,
// those of subject only when it is not "".
func (l *Log) Alerts(ctx context.Context, after int64, subject string, limit int) ([]Alert, error) {
	if limit <= 0 {
		return nil, errors.New("alerts: limit must be positive")
	}
	q, args := "SELECT seq, created_us, subject, body FROM alerts WHERE seq > ?", []any{after}
	if subject != "" {
		q += " AND subject = ?"
		args = append(args, subject)
	}
	q += " ORDER BY seq LIMIT ?"
	args = append(args, limit)
	rows, err := l.db.QueryContext(ctx, l.q(q), args...)
	if err != nil {
		return nil, fmt.Errorf("read alerts of %s: %w", l.where, err)
	}
	defer func() { _ = rows.Close() }()
	var out []Alert
	for rows.Next() {
		var a Alert
		var us int64
		var body string
		if err := rows.Scan(&a.Seq, &us, &a.Subject, &body); err != nil {
			return nil, fmt.Errorf("read alerts of %s: %w", l.where, err)
		}
		a.Created, a.Body = time.UnixMicro(us).UTC(), []byte(body)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read alerts of %s: %w", l.where, err)
	}
	return out, nil
}
