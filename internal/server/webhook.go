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

	"github.com/riverqueue/river"
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

// webhookArgs are one alert to post: its number and the body signed and
// posted, byte for byte.
type webhookArgs struct {
	Seq  int64  `json:"seq"`
	Body string `json:"body"`
}

// Kind names the job kind.
func (webhookArgs) Kind() string { return "bangate.webhook" }

// webhook posts alerts, one request each, signed. Each alert is a job on
// the queue in the decision log's database (queueWebhook), so that
// re-screening never waits for the receiver, a post outlives a restart,
// and replicas sharing the database post each alert once. A post the
// receiver refuses fails the job; river retries it (up to attempts, with
// NextRetry's exponential backoff), then discards it (the alert stays in
// GET /v1/alerts).
type webhook struct {
	river.WorkerDefaults[webhookArgs]
	url      string
	secret   []byte
	client   *http.Client
	attempts int
	backoff  time.Duration
	log      *slog.Logger
}

// Timeout bounds one post (the client's own timeout is shorter).
func (h *webhook) Timeout(*river.Job[webhookArgs]) time.Duration { return time.Minute }

// NextRetry waits backoff before the first retry, each later one twice
// as long, up to maxWebhookBackoff.
func (h *webhook) NextRetry(j *river.Job[webhookArgs]) time.Time {
	wait := h.backoff
	for i := 1; i < j.Attempt && wait < maxWebhookBackoff; i++ {
		wait *= 2
	}
	return time.Now().Add(min(wait, maxWebhookBackoff))
}

// Work posts one alert once; an error makes river retry it.
func (h *webhook) Work(ctx context.Context, j *river.Job[webhookArgs]) error {
	err := h.post(ctx, j.Args.Seq, []byte(j.Args.Body))
	switch {
	case err == nil:
		h.log.Info("webhook: alert delivered", "seq", j.Args.Seq, "attempt", j.Attempt)
	case j.Attempt >= j.MaxAttempts:
		h.log.Error("webhook: alert not delivered; given up (GET /v1/alerts has it)", "seq", j.Args.Seq, "attempts", j.Attempt, "err", err)
	default:
		h.log.Warn("webhook: alert not delivered; retrying", "seq", j.Args.Seq, "attempt", j.Attempt, "err", err)
	}
	return err
}

// insertOpts are the options of an alert's job: at most attempts posts,
// and one job per alert (inserting it again is harmless).
func (h *webhook) insertOpts() *river.InsertOpts {
	return &river.InsertOpts{Queue: queueWebhook, MaxAttempts: h.attempts, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// post sends one alert once.
func (h *webhook) post(ctx context.Context, seq int64, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "bangate")
	req.Header.Set("X-Bangate-Alert", strconv.FormatInt(seq, 10))
	req.Header.Set(SignatureHeader, Sign(h.secret, body))
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
func newWebhook(opts Options, log *slog.Logger) (*webhook, error) {
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
		attempts: opts.WebhookAttempts, backoff: opts.WebhookBackoff, log: log}
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
