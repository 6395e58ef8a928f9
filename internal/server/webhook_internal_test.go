package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/bangate/bangate/internal/store"
)

// A receiver that never accepts gets the alert WebhookAttempts times,
// each post signed, through the job queue with river's retries; then the
// job is discarded (the alert stays in the store).
func TestWebhookGivesUp(t *testing.T) {
	var posts atomic.Int32
	secret := []byte("k")
	rc := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !VerifySignature(secret, body, r.Header.Get(SignatureHeader)) || r.Header.Get("X-Bangate-Alert") != "1" {
			t.Errorf("post %s: bad signature %q", body, r.Header.Get(SignatureHeader))
		}
		posts.Add(1)
		w.WriteHeader(http.StatusInternalServerError)
	}))
	defer rc.Close()
	h, err := newWebhook(Options{WebhookURL: rc.URL, WebhookSecret: string(secret), WebhookAttempts: 3, WebhookBackoff: time.Millisecond},
		slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	l, err := store.Open(ctx, store.Options{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close(ctx)
	ws := river.NewWorkers()
	river.AddWorker(ws, h)
	q, err := l.NewQueue(store.QueueConfig{Workers: ws, Queues: map[string]river.QueueConfig{queueWebhook: {MaxWorkers: 1}},
		PollInterval: 10 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer q.Stop(ctx)
	res, err := q.Insert(ctx, webhookArgs{Seq: 1, Body: `{"seq":1}`}, h.insertOpts())
	if err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	row, err := q.Wait(wctx, res.Job.ID)
	if err != nil {
		t.Fatal(err)
	}
	if row.State != rivertype.JobStateDiscarded || len(row.Errors) != 3 {
		t.Errorf("job %s with %d errors, want discarded after 3", row.State, len(row.Errors))
	}
	if n := posts.Load(); n != 3 {
		t.Errorf("%d posts, want 3", n)
	}
	// An alert queued again while its job waits is that job.
	later := h.insertOpts()
	later.ScheduledAt = time.Now().Add(time.Hour)
	for i, dup := range []bool{false, true} {
		res, err := q.Insert(ctx, webhookArgs{Seq: 2, Body: `{"seq":2}`}, later)
		if err != nil || res.UniqueSkippedAsDuplicate != dup {
			t.Errorf("alert 2 queued %d times: duplicate %v, want %v (%v)", i+1, res != nil && res.UniqueSkippedAsDuplicate, dup, err)
		}
	}
	// The backoff doubles from WebhookBackoff and stops at its bound.
	h.backoff = time.Second
	for attempt, want := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 4: 8 * time.Second, 30: maxWebhookBackoff} {
		got := time.Until(h.NextRetry(&river.Job[webhookArgs]{JobRow: &rivertype.JobRow{Attempt: attempt}}))
		if got > want || got < want-time.Second {
			t.Errorf("retry after attempt %d in %v, want %v", attempt, got, want)
		}
	}
}

// The signature is the hex HMAC-SHA256 of the body, and nothing else
// verifies.
func TestSign(t *testing.T) {
	// RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
	const want = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
	if got := Sign([]byte("Jefe"), []byte("what do ya want for nothing?")); got != want {
		t.Errorf("Sign = %s, want %s", got, want)
	}
	if VerifySignature([]byte("Jefe"), []byte("what do ya want for nothing!"), want) {
		t.Error("a changed body verifies")
	}
	if _, err := newWebhook(Options{WebhookURL: "https://example.com/h"}, slog.New(slog.DiscardHandler)); err == nil {
		t.Error("a webhook without a secret accepted")
	}
}
