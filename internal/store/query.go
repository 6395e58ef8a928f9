package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrNotFound is returned for an ID the log does not hold.
var ErrNotFound = errors.New("not found")

// Page bounds of List.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

const summaryColumns = `seq, id, created_us, kind, actor, outcome, exit_code, profile, as_of, subjects,
	input_sha256, input_size, input_type, input_stored, prev_hash, hash`

const entryColumns = summaryColumns + `, input, plan, lists, decision, evidence`

type scanner interface{ Scan(dest ...any) error }

// scanEntry reads a row of summaryColumns, or of entryColumns when full.
func scanEntry(r scanner, full bool) (*Entry, error) {
	var (
		e        Entry
		us       int64
		subjects string
		stored   int
	)
	dest := []any{&e.Seq, &e.ID, &us, &e.Kind, &e.Actor, &e.Outcome, &e.ExitCode, &e.Profile, &e.AsOf, &subjects,
		&e.Input.SHA256, &e.Input.Size, &e.Input.Type, &stored, &e.PrevHash, &e.Hash}
	var plan, lists, dec, ev string
	if full {
		dest = append(dest, &e.Input.Data, &plan, &lists, &dec, &ev)
	}
	if err := r.Scan(dest...); err != nil {
		return nil, err
	}
	e.Time = time.UnixMicro(us).UTC()
	e.Input.Stored = stored != 0
	if err := json.Unmarshal([]byte(subjects), &e.Subjects); err != nil {
		// A subjects column that is not a JSON array was altered; the
		// entry is returned with what it holds so that Verify names it.
		e.Subjects = []string{subjects}
	}
	if full {
		e.Plan, e.Lists, e.Decision, e.Evidence = nonEmpty(plan), nonEmpty(lists), nonEmpty(dec), nonEmpty(ev)
	}
	return &e, nil
}

func nonEmpty(s string) []byte {
	if s == "" {
		return nil
	}
	return []byte(s)
}

func jsonText(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("encode: %w", err)
	}
	return string(b), nil
}

// Get returns the entry with the given ID, with its documents.
func (l *Log) Get(ctx context.Context, id string) (*Entry, error) {
	row, err := l.queryRow(ctx, l.q("SELECT "+entryColumns+" FROM decisions WHERE id = ?"), id)
	if err != nil {
		return nil, fmt.Errorf("read decision %s: %w", id, err)
	}
	e, err := scanEntry(row, true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("decision %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read decision %s: %w", id, err)
	}
	return e, nil
}

// Filter selects entries for List.
type Filter struct {
	// Since and Until bound the entries' time: Since <= time < Until;
	// zero: no bound.
	Since, Until time.Time
	// Outcome, when set, is the outcome the entries must have.
	Outcome string
	// Kind, when set, is the kind the entries must have.
	Kind string
	// Subject, when set, must occur in a subject (case-insensitive).
	Subject string
	// Cursor continues a listing where a Page's Next left off.
	Cursor string
	// Desc lists the newest entries first.
	Desc bool
	// Limit bounds the page (DefaultLimit when 0, at most MaxLimit).
	Limit int
}

// Page is one page of a listing: the entries (without their documents)
// and the cursor of the next page ("" at the end).
type Page struct {
	Entries []*Entry
	Next    string
}

// ErrBadCursor is returned for a cursor List did not hand out.
var ErrBadCursor = errors.New("bad cursor")

// List returns a page of the entries the filter selects, in log order
// (newest first with Desc).
func (l *Log) List(ctx context.Context, f Filter) (Page, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	var (
		where []string
		args  []any
	)
	if f.Cursor != "" {
		after, err := strconv.ParseInt(f.Cursor, 10, 64)
		if err != nil || after < 0 {
			return Page{}, fmt.Errorf("cursor %q: %w", f.Cursor, ErrBadCursor)
		}
		if f.Desc {
			where = append(where, "seq < ?")
		} else {
			where = append(where, "seq > ?")
		}
		args = append(args, after)
	}
	if !f.Since.IsZero() {
		where, args = append(where, "created_us >= ?"), append(args, f.Since.UnixMicro())
	}
	if !f.Until.IsZero() {
		where, args = append(where, "created_us < ?"), append(args, f.Until.UnixMicro())
	}
	if f.Outcome != "" {
		where, args = append(where, "outcome = ?"), append(args, f.Outcome)
	}
	if f.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, f.Kind)
	}
	if f.Subject != "" {
		where, args = append(where, `search LIKE ? ESCAPE '\'`), append(args, "%"+likeEscape(strings.ToLower(f.Subject))+"%")
	}
	query := "SELECT " + summaryColumns + " FROM decisions"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	order := "ASC"
	if f.Desc {
		order = "DESC"
	}
	query += " ORDER BY seq " + order + " LIMIT " + strconv.Itoa(limit+1)
	rows, err := l.queryList(ctx, l.q(query), args...)
	if err != nil {
		return Page{}, fmt.Errorf("list decisions: %w", err)
	}
	defer func() { _ = rows.Close() }()
	var p Page
	for rows.Next() {
		e, err := scanEntry(rows, false)
		if err != nil {
			return Page{}, fmt.Errorf("list decisions: %w", err)
		}
		p.Entries = append(p.Entries, e)
	}
	if err := rows.Err(); err != nil {
		return Page{}, fmt.Errorf("list decisions: %w", err)
	}
	if len(p.Entries) > limit {
		p.Entries = p.Entries[:limit]
		p.Next = strconv.FormatInt(p.Entries[limit-1].Seq, 10)
	}
	return p, nil
}

// likeEscape escapes the LIKE wildcards of s with a backslash.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// scanRange calls fn for every entry from seq lo on, in order, with its
// documents, reading a page at a time.
func (l *Log) scanRange(ctx context.Context, where string, args []any, fn func(*Entry) error) error {
	const page = 500
	after := int64(0)
	for {
		q := "SELECT " + entryColumns + " FROM decisions WHERE seq > ?"
		if where != "" {
			q += " AND " + where
		}
		q += " ORDER BY seq LIMIT " + strconv.Itoa(page)
		rows, err := l.db.QueryContext(ctx, l.q(q), append([]any{after}, args...)...)
		if err != nil {
			return fmt.Errorf("read decision log: %w", err)
		}
		n := 0
		for rows.Next() {
			e, err := scanEntry(rows, true)
			if err != nil {
				_ = rows.Close()
				return fmt.Errorf("read decision log after seq %d: %w", after, err)
			}
			n++
			after = e.Seq
			if err := fn(e); err != nil {
				_ = rows.Close()
				return err
			}
		}
		err = rows.Err()
		_ = rows.Close()
		if err != nil {
			return fmt.Errorf("read decision log: %w", err)
		}
		if n < page {
			return nil
		}
	}
}
