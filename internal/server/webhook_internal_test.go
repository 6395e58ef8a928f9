package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// A receiver that never accepts gets the alert WebhookAttempts times,
// each post signed; then the webhook gives up. Once the server stops, a
// delivery waits for no retry.
func TestWebhookGivesUp(t *testing.T) {
	var posts atomic.Int32
	secret := []byte("k")
	rc := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !VerifySignature(secret, body, r.Header.Get(SignatureHeader)) || r.Header.Get("X-Bangate-Alert") == "" {
			t.Errorf("post %s: bad signature %q", body, r.Header.Get(SignatureHeader))
		}
		posts.Add(1)
		w.WriteHeader(http.StatusInternalServerError)
	}))
	defer rc.Close()
	stop := make(chan struct{})
	h, err := newWebhook(Options{WebhookURL: rc.URL, WebhookSecret: string(secret), WebhookAttempts: 3, WebhookBackoff: time.Millisecond},
		slog.New(slog.DiscardHandler), stop)
	if err != nil {
		t.Fatal(err)
	}
	h.deliver(hookMsg{seq: 1, body: []byte(`{"seq":1}`)})
	if n := posts.Load(); n != 3 {
		t.Errorf("%d posts, want 3", n)
	}
	close(stop)
	h.backoff = time.Hour
	start := time.Now()
	h.deliver(hookMsg{seq: 2, body: []byte(`{"seq":2}`)}) // stopped: at most one post, no waiting
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("deliver after stop took %v", d)
	}
	if n := posts.Load(); n > 4 {
		t.Errorf("%d posts after stop, want at most 4", n)
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
	if _, err := newWebhook(Options{WebhookURL: "https://example.com/h"}, slog.New(slog.DiscardHandler), nil); err == nil {
		t.Error("a webhook without a secret accepted")
	}
}
