package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/evidence"
	"github.com/bangate/bangate/internal/store"
	"github.com/bangate/bangate/internal/store/storetest"
)

var pg storetest.Postgres

func TestMain(m *testing.M) {
	code := m.Run()
	pg.Stop()
	os.Exit(code)
}

// backend is one database a test runs against.
type backend struct {
	name string
	opts func(t *testing.T) store.Options
	// raw opens the database directly, to tamper with it.
	raw func(t *testing.T, o store.Options) *sql.DB
	// ph is the placeholder style of raw queries.
	ph func(n int) string
}

var backends = []backend{
	{
		name: "sqlite",
		opts: func(t *testing.T) store.Options { return store.Options{DataDir: t.TempDir()} },
		raw: func(t *testing.T, o store.Options) *sql.DB {
			db, err := sql.Open("sqlite", "file:"+filepath.Join(o.DataDir, store.FileName)+"?_pragma=busy_timeout(10000)")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		},
		ph: func(int) string { return "?" },
	},
	{
		name: "postgres",
		opts: func(t *testing.T) store.Options { return store.Options{Database: pg.URL(t)} },
		raw: func(t *testing.T, o store.Options) *sql.DB {
			db, err := sql.Open("pgx", o.Database)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		},
		ph: func(n int) string { return fmt.Sprintf("$%d", n) },
	},
}

// each runs fn against every backend.
func each(t *testing.T, fn func(t *testing.T, b backend)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { fn(t, b) })
	}
}

// open opens a log with opts and closes it at the end of the test.
func open(t *testing.T, opts store.Options) *store.Log {
	t.Helper()
	l, err := store.Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Close(context.Background()) })
	return l
}

// entry is a plausible check entry.
func entry(i int, outcome string, subject string) *store.Entry {
	input := fmt.Appendf(nil, `{"vendor":%q,"n":%d}`, subject, i)
	sum := sha256.Sum256(input)
	code := map[string]int{"pass": 0, "fail": 1, "error": 2, "review": 3}[outcome]
	return &store.Entry{
		Kind: store.KindCheck, Actor: "test (tok_1)", Outcome: outcome, ExitCode: code, Profile: "federal-contractor", AsOf: "2024-10-01",
		Subjects: []string{subject},
		Input:    store.Input{SHA256: hex.EncodeToString(sum[:]), Size: int64(len(input)), Type: "application/json", Stored: true, Data: input},
		Plan:     []byte(`{"profile":"federal-contractor"}`), Lists: []byte(`[{"id":"ofac-sdn","sha256":"ab"}]`),
		Decision: fmt.Appendf(nil, "{\n  \"outcome\": %q,\n  \"n\": %d\n}\n", outcome, i),
	}
}

// appendN appends n entries, outcomes cycling pass, fail, review.
func appendN(t *testing.T, l *store.Log, n int) []*store.Entry {
	t.Helper()
	outcomes := []string{"pass", "fail", "review"}
	var out []*store.Entry
	for i := range n {
		e := entry(i, outcomes[i%3], fmt.Sprintf("Vendor %d Ltd", i))
		if err := l.Append(context.Background(), e); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// keys returns an Ed25519 signer and its verifier, as the evidence
// commands make them.
func keys(t *testing.T) (*evidence.Signer, *evidence.Verifier) {
	t.Helper()
	priv, pub, err := evidence.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	s, err := evidence.ParsePrivateKey(priv, "test.key")
	if err != nil {
		t.Fatal(err)
	}
	v, err := evidence.ParsePublicKey(pub, "test.pub")
	if err != nil {
		t.Fatal(err)
	}
	return s, v
}

// fixedClock returns a clock that advances a second per call.
func fixedClock(start time.Time) func() time.Time {
	ch := make(chan time.Time, 1)
	ch <- start
	return func() time.Time {
		t := <-ch
		ch <- t.Add(time.Second)
		return t
	}
}
