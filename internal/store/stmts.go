package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// maxListStmts bounds the prepared statements of listings (List): their
// text varies with the filter, and a listing past the bound runs
// unprepared.
const maxListStmts = 32

// stmts holds the statements a Log prepared, by query text. database/sql
// prepares a statement again on each connection it first runs on, and
// keeps it there, so a query on the request path is parsed and planned
// once per connection rather than on every call.
type stmts struct {
	mu     sync.Mutex
	byText map[string]*sql.Stmt
	lists  int // how many of byText are listings
}

// stmt returns the prepared statement of a fixed query (in the
// dialect's placeholders).
func (l *Log) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	s, _, err := l.prepared(ctx, query, false)
	return s, err
}

// prepared returns the prepared statement of query; for a listing
// (list), nil once maxListStmts listings are prepared.
func (l *Log) prepared(ctx context.Context, query string, list bool) (*sql.Stmt, bool, error) {
	l.stmts.mu.Lock()
	defer l.stmts.mu.Unlock()
	if s, ok := l.stmts.byText[query]; ok {
		return s, true, nil
	}
	if list && l.stmts.lists >= maxListStmts {
		return nil, false, nil
	}
	s, err := l.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, false, fmt.Errorf("prepare %.40q: %w", query, err)
	}
	if l.stmts.byText == nil {
		l.stmts.byText = map[string]*sql.Stmt{}
	}
	l.stmts.byText[query] = s
	if list {
		l.stmts.lists++
	}
	return s, true, nil
}

// queryRow runs a fixed query returning one row, prepared.
func (l *Log) queryRow(ctx context.Context, query string, args ...any) (*sql.Row, error) {
	s, err := l.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.QueryRowContext(ctx, args...), nil
}

// queryList runs a listing, prepared while fewer than maxListStmts
// listings are.
func (l *Log) queryList(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s, ok, err := l.prepared(ctx, query, true)
	if err != nil {
		return nil, err
	}
	if !ok {
		return l.db.QueryContext(ctx, query, args...)
	}
	return s.QueryContext(ctx, args...)
}

// exec runs a fixed statement, prepared.
func (l *Log) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := l.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}

// txStmt returns a fixed query prepared for tx: the Log's statement, on
// the transaction's connection.
func (l *Log) txStmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	s, err := l.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return tx.StmtContext(ctx, s), nil
}

// closeStmts closes the prepared statements.
func (l *Log) closeStmts() error {
	l.stmts.mu.Lock()
	defer l.stmts.mu.Unlock()
	var errs []error
	for _, s := range l.stmts.byText {
		errs = append(errs, s.Close())
	}
	l.stmts.byText, l.stmts.lists = nil, 0
	return errors.Join(errs...)
}
