package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
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
	// Lists names the list snapshots it stands on (the caller's key;
	// SetLists moves subjects without rewriting their states); "" when
	// the state alone says.
	Lists string
}

// keepQuery stores a subject, replacing the one with the same key.
const keepQuery = `INSERT INTO inventory (subject, name, plan, input, state, updated_us, lists) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (subject) DO UPDATE SET name = excluded.name, plan = excluded.plan, input = excluded.input, state = excluded.state,
updated_us = excluded.updated_us, lists = excluded.lists`

// Keep stores a subject, replacing the one with the same key.
func (l *Log) Keep(ctx context.Context, k Kept) error {
	_, err := l.exec(ctx, l.q(keepQuery), keptArgs(k)...)
	if err != nil {
		return fmt.Errorf("keep subject %s in %s: %w", k.Name, l.where, err)
	}
	return nil
}

func keptArgs(k Kept) []any {
	return []any{k.Subject, k.Name, string(k.Plan), k.Input, string(k.State), k.Updated.UTC().UnixMicro(), k.Lists}
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

// rowsPerStatement bounds the rows one multi-row statement of KeepMany
// and SetLists carries (a round trip each, not one per row).
const rowsPerStatement = 100

// KeepMany stores subjects in one transaction, replacing those with the
// same keys (loading an inventory in bulk).
func (l *Log) KeepMany(ctx context.Context, ks []Kept) error {
	return l.inChunks(ctx, "keep", ks, func(tx *sql.Tx, ks []Kept) error {
		var b strings.Builder
		b.WriteString("INSERT INTO inventory (subject, name, plan, input, state, updated_us, lists) VALUES ")
		args := make([]any, 0, 7*len(ks))
		for i, k := range ks {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?, ?, ?, ?, ?, ?, ?)")
			args = append(args, keptArgs(k)...)
		}
		b.WriteString(` ON CONFLICT (subject) DO UPDATE SET name = excluded.name, plan = excluded.plan, input = excluded.input,
state = excluded.state, updated_us = excluded.updated_us, lists = excluded.lists`)
		_, err := tx.ExecContext(ctx, l.q(b.String()), args...)
		return err
	})
}

// SetLists sets the list snapshots (Kept.Lists) the given subjects
// stand on, in one transaction; a subject no longer kept is skipped.
func (l *Log) SetLists(ctx context.Context, subjects []string, lists string) error {
	ks := make([]Kept, len(subjects))
	for i, sub := range subjects {
		ks[i] = Kept{Subject: sub, Name: sub}
	}
	return l.inChunks(ctx, "move", ks, func(tx *sql.Tx, ks []Kept) error {
		args := make([]any, 0, 1+len(ks))
		args = append(args, lists)
		for _, k := range ks {
			args = append(args, k.Subject)
		}
		q := "UPDATE inventory SET lists = ? WHERE subject IN (?" + strings.Repeat(", ?", len(ks)-1) + ")"
		_, err := tx.ExecContext(ctx, l.q(q), args...)
		return err
	})
}

// inChunks runs fn on ks, rowsPerStatement at a time, in one transaction.
func (l *Log) inChunks(ctx context.Context, what string, ks []Kept, fn func(*sql.Tx, []Kept) error) error {
	if len(ks) == 0 {
		return nil
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s %d subjects in %s: %w", what, len(ks), l.where, err)
	}
	defer func() { _ = tx.Rollback() }()
	for len(ks) > 0 {
		n := min(len(ks), rowsPerStatement)
		if err := fn(tx, ks[:n]); err != nil {
			return fmt.Errorf("%s subjects %s… in %s: %w", what, ks[0].Name, l.where, err)
		}
		ks = ks[n:]
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s %d subjects in %s: %w", what, len(ks), l.where, err)
	}
	return nil
}

// inventoryPage is how many kept subjects one query of a walk reads.
const inventoryPage = 512

// Inventory calls fn with every kept subject, in key order; fn's error
// stops the walk and is returned.
func (l *Log) Inventory(ctx context.Context, fn func(Kept) error) error {
	return l.InventoryRange(ctx, "", "", true, func(ks []Kept) error {
		for _, k := range ks {
			if err := fn(k); err != nil {
				return err
			}
		}
		return nil
	})
}

// InventoryRange calls fn with the kept subjects whose keys lie in
// [from, to) ("" to: no upper bound), in key order, a page at a time;
// without withInput their Input is nil (KeptInput reads it). A page is
// read whole before fn runs, so that fn may write (SQLite allows one
// connection to write while none reads), and an inventory of any size
// is walked in bounded memory.
func (l *Log) InventoryRange(ctx context.Context, from, to string, withInput bool, fn func([]Kept) error) error {
	cols := "subject, name, plan, state, updated_us, lists"
	if withInput {
		cols += ", input"
	}
	after, first := from, true
	for {
		q, args := "SELECT "+cols+" FROM inventory WHERE subject > ?", []any{after}
		if first {
			q = "SELECT " + cols + " FROM inventory WHERE subject >= ?"
		}
		if to != "" {
			q += " AND subject < ?"
			args = append(args, to)
		}
		q += " ORDER BY subject LIMIT ?"
		args = append(args, inventoryPage)
		ks, err := l.inventoryPage(ctx, l.q(q), withInput, args)
		if err != nil {
			return err
		}
		if len(ks) == 0 {
			return nil
		}
		if err := fn(ks); err != nil {
			return err
		}
		if len(ks) < inventoryPage {
			return nil
		}
		after, first = ks[len(ks)-1].Subject, false
	}
}

func (l *Log) inventoryPage(ctx context.Context, q string, withInput bool, args []any) ([]Kept, error) {
	rows, err := l.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read the inventory of %s: %w", l.where, err)
	}
	defer func() { _ = rows.Close() }()
	var ks []Kept
	for rows.Next() {
		var k Kept
		var plan, state string
		var us int64
		dest := []any{&k.Subject, &k.Name, &plan, &state, &us, &k.Lists}
		if withInput {
			dest = append(dest, &k.Input)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("read the inventory of %s: %w", l.where, err)
		}
		k.Plan, k.State, k.Updated = []byte(plan), []byte(state), time.UnixMicro(us).UTC()
		ks = append(ks, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the inventory of %s: %w", l.where, err)
	}
	return ks, nil
}

// KeptInput reads the input of a kept subject; ErrNotKept when it is no
// longer kept.
func (l *Log) KeptInput(ctx context.Context, subject string) ([]byte, error) {
	var in []byte
	err := l.db.QueryRowContext(ctx, l.q("SELECT input FROM inventory WHERE subject = ?"), subject).Scan(&in)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotKept
	}
	if err != nil {
		return nil, fmt.Errorf("read the input of subject %s in %s: %w", subject, l.where, err)
	}
	return in, nil
}

// ErrNotKept is returned for a subject the inventory does not hold.
var ErrNotKept = errors.New("subject not kept")

// Alert is an alert as stored: its number, time, subject and body (the
// JSON the API answers and the webhook posts).
type Alert struct {
	Seq     int64
	Created time.Time
	Subject string
	Body    []byte
	// Key identifies what raised the alert ("": nothing): an alert whose
	// key is stored already is not stored again.
	Key string
	// Existing is set by AddAlert when an alert of the same Key was
	// stored before; Seq, Created and Body are then that alert's.
	Existing bool
}

// AddAlert stores an alert with the next number, which it sets; an
// alert whose Key is stored already is read back instead (Existing).
func (l *Log) AddAlert(ctx context.Context, a *Alert) error {
	for attempt := 0; ; attempt++ {
		if found, err := l.alertByKey(ctx, a); found || err != nil {
			return err
		}
		err := l.addAlert(ctx, a)
		if err == nil || attempt == 4 || ctx.Err() != nil {
			return err
		}
		// Another replica took the number, or stored the same alert:
		// look again, and take the next number.
	}
}

// alertByKey reads into a the stored alert of a.Key, if any.
func (l *Log) alertByKey(ctx context.Context, a *Alert) (bool, error) {
	if a.Key == "" {
		return false, nil
	}
	var created int64
	var body string
	err := l.db.QueryRowContext(ctx, l.q("SELECT seq, created_us, body FROM alerts WHERE alert_key = ?"), a.Key).Scan(&a.Seq, &created, &body)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("add alert to %s: %w", l.where, err)
	}
	a.Created, a.Body, a.Existing = time.UnixMicro(created).UTC(), []byte(body), true
	return true, nil
}

func (l *Log) addAlert(ctx context.Context, a *Alert) error {
	var last sql.NullInt64
	if err := l.db.QueryRowContext(ctx, "SELECT MAX(seq) FROM alerts").Scan(&last); err != nil {
		return fmt.Errorf("add alert to %s: %w", l.where, err)
	}
	seq := last.Int64 + 1
	_, err := l.db.ExecContext(ctx, l.q("INSERT INTO alerts (seq, created_us, subject, body, alert_key) VALUES (?, ?, ?, ?, ?)"),
		seq, a.Created.UTC().UnixMicro(), a.Subject, string(a.Body), a.Key)
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
