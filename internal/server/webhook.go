package server

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// SignatureHeader carries the signature of a webhook's body:
// "sha256=" and the hex HMAC-SHA256 of the body under the webhook secret.
const SignatureHeader = "X-Bangate-Signature"

// Webhook defaults.
const (
	// DefaultWebhookAttempts is how often an alert is posted before it
	// is given up (it stays in GET /v1/alerts).
	DefaultWebhookAttempts = 6
	// DefaultWebhookBackoff is the wait before the first retry; each
	// later one waits twice as long, up to maxWebhookBackoff.
	DefaultWebhookBackoff = time.Second
	maxWebhookBackoff     = 5 * time.Minute
	webhookQueue          = 1024
)

// Sign is the SignatureHeader value of body under secret.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// VerifySignature reports whether header is body's signature under
// secret, comparing in constant time.
func VerifySignature(secret, body []byte, header string) bool {
	return hmac.Equal([]byte(header), []byte(Sign(secret, body)))
}

// checkWebhookURL accepts an absolute http or https URL.
func checkWebhookURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("webhook URL %q: want an http:// or https:// URL", s)
	}
	return nil
}

// hookMsg is one alert to post.
type hookMsg struct {
	seq  int64
	body []byte
}

// webhook posts alerts, one request each, signed, retrying with
// exponential backoff; it works through a queue in the background so
// that re-screening never waits for the receiver.
type webhook struct {
	url      string
	secret   []byte
	client   *http.Client
	attempts int
	backoff  time.Duration
	log      *slog.Logger
	queue    chan hookMsg
	stop     <-chan struct{}
}

// send queues an alert; when the queue is full the alert is only in the
// store (GET /v1/alerts), and that is logged.
func (h *webhook) send(seq int64, body []byte) {
	select {
	case h.queue <- hookMsg{seq: seq, body: body}:
	default:
		h.log.Error("webhook: queue full; the alert is not posted (GET /v1/alerts has it)", "seq", seq)
	}
}

// run posts the queued alerts until stop.
func (h *webhook) run() {
	for {
		select {
		case <-h.stop:
			return
		case m := <-h.queue:
			h.deliver(m)
		}
	}
}

// deliver posts one alert until the receiver answers 2xx, the attempts
// are used up, or the server stops.
func (h *webhook) deliver(m hookMsg) {
	wait := h.backoff
	for attempt := 1; ; attempt++ {
		err := h.post(m)
		if err == nil {
			h.log.Info("webhook: alert delivered", "seq", m.seq, "attempt", attempt)
			return
		}
		if attempt >= h.attempts {
			h.log.Error("webhook: alert not delivered; given up (GET /v1/alerts has it)", "seq", m.seq, "attempts", attempt, "err", err)
			return
		}
		h.log.Warn("webhook: alert not delivered; retrying", "seq", m.seq, "attempt", attempt, "retry_in", wait.String(), "err", err)
		t := time.NewTimer(wait)
		select {
		case <-h.stop:
			t.Stop()
			return
		case <-t.C:
		}
		wait = min(2*wait, maxWebhookBackoff)
	}
}

// post sends one alert once.
func (h *webhook) post(m hookMsg) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-h.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.url, bytes.NewReader(m.body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "bangate")
	req.Header.Set("X-Bangate-Alert", strconv.FormatInt(m.seq, 10))
	req.Header.Set(SignatureHeader, Sign(h.secret, m.body))
	resp, err := h.client.Do(req)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("receiver answered %s", resp.Status)
	}
	return nil
}

// newWebhook prepares the webhook of opts, or nil when none is set.
func newWebhook(opts Options, log *slog.Logger, stop <-chan struct{}) (*webhook, error) {
	if opts.WebhookURL == "" {
		return nil, nil
	}
	if err := checkWebhookURL(opts.WebhookURL); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	if strings.TrimSpace(opts.WebhookSecret) == "" {
		return nil, errors.New("server: a webhook URL needs a webhook secret to sign its alerts (serve.webhook-secret)")
	}
	h := &webhook{url: opts.WebhookURL, secret: []byte(opts.WebhookSecret), client: opts.WebhookClient,
		attempts: opts.WebhookAttempts, backoff: opts.WebhookBackoff, log: log, queue: make(chan hookMsg, webhookQueue), stop: stop}
	if h.client == nil {
		h.client = &http.Client{Timeout: 10 * time.Second}
	}
	if h.attempts <= 0 {
		h.attempts = DefaultWebhookAttempts
	}
	if h.backoff <= 0 {
		h.backoff = DefaultWebhookBackoff
	}
	return h, nil
}
