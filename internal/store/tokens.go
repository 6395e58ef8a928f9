package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// TokenPrefix starts every API token, so that a leaked one is easy to
// recognise (and to scan for).
const TokenPrefix = "bgt_"

// Token is an API token as stored: never the secret itself, only its
// sha256.
type Token struct {
	// ID names the token (in logs, the actor of a decision, revoke).
	ID string `json:"id"`
	// Name is what its creator called it.
	Name string `json:"name"`
	// Role is what it may do (the server's roles).
	Role string `json:"role"`
	// Created and Revoked are when it was created and revoked (zero:
	// not revoked).
	Created time.Time `json:"created"`
	Revoked time.Time `json:"revoked,omitzero"`
}

// tokenHash is the stored form of a secret. The secret holds 256 random
// bits, so a plain sha256 is as strong as a slow hash would be.
func tokenHash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// CreateToken makes a token with a role and stores its hash; the secret
// is returned once and kept nowhere.
func (l *Log) CreateToken(ctx context.Context, name, role string) (string, Token, error) {
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", Token{}, fmt.Errorf("create token: %w", err)
	}
	secret := TokenPrefix + base64.RawURLEncoding.EncodeToString(raw[:])
	var idRaw [6]byte
	if _, err := rand.Read(idRaw[:]); err != nil {
		return "", Token{}, fmt.Errorf("create token: %w", err)
	}
	t := Token{ID: "tok_" + hex.EncodeToString(idRaw[:]), Name: name, Role: role, Created: l.opts.Now().UTC().Truncate(time.Microsecond)}
	_, err := l.db.ExecContext(ctx, l.q("INSERT INTO tokens (id, name, role, hash, created_us) VALUES (?, ?, ?, ?, ?)"),
		t.ID, t.Name, t.Role, tokenHash(secret), t.Created.UnixMicro())
	if err != nil {
		return "", Token{}, fmt.Errorf("store token in %s: %w", l.where, err)
	}
	return secret, t, nil
}

// ErrUnknownToken is returned for a secret that names no token, or a
// revoked one.
var ErrUnknownToken = errors.New("unknown or revoked token")

// LookupToken returns the live token whose secret this is.
func (l *Log) LookupToken(ctx context.Context, secret string) (Token, error) {
	if !strings.HasPrefix(secret, TokenPrefix) {
		return Token{}, ErrUnknownToken
	}
	row, err := l.queryRow(ctx, l.q("SELECT id, name, role, created_us, revoked_us FROM tokens WHERE hash = ?"), tokenHash(secret))
	if err != nil {
		return Token{}, fmt.Errorf("look up token: %w", err)
	}
	t, err := scanToken(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Token{}, ErrUnknownToken
	}
	if err != nil {
		return Token{}, fmt.Errorf("look up token: %w", err)
	}
	if !t.Revoked.IsZero() {
		return Token{}, ErrUnknownToken
	}
	return t, nil
}

func scanToken(r scanner) (Token, error) {
	var (
		t       Token
		created int64
		revoked sql.NullInt64
	)
	if err := r.Scan(&t.ID, &t.Name, &t.Role, &created, &revoked); err != nil {
		return Token{}, err
	}
	t.Created = time.UnixMicro(created).UTC()
	if revoked.Valid {
		t.Revoked = time.UnixMicro(revoked.Int64).UTC()
	}
	return t, nil
}

// Tokens lists every token, revoked ones too, by creation.
func (l *Log) Tokens(ctx context.Context) ([]Token, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT id, name, role, created_us, revoked_us FROM tokens ORDER BY created_us, id")
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer func() { _ = rows.Close() }()
	var out []Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("list tokens: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	return out, nil
}

// RevokeToken revokes the token with this ID; ErrNotFound when there is
// none that is live.
func (l *Log) RevokeToken(ctx context.Context, id string) error {
	res, err := l.db.ExecContext(ctx, l.q("UPDATE tokens SET revoked_us = ? WHERE id = ? AND revoked_us IS NULL"), l.opts.Now().UnixMicro(), id)
	if err != nil {
		return fmt.Errorf("revoke token %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("token %s: %w", id, ErrNotFound)
	}
	return nil
}
