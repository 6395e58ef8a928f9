package config

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// ServeConfig governs `bangate serve` and the decision log the serve,
// token and log commands open.
type ServeConfig struct {
	// Addr is the address the server listens on.
	Addr string `mapstructure:"addr"`
	// DataDir holds the SQLite decision log when Database is empty.
	DataDir string `mapstructure:"data-dir"`
	// Database is a PostgreSQL URL; it replaces SQLite.
	Database string `mapstructure:"database"`
	// TLSCert and TLSKey are PEM files; both or neither.
	TLSCert string `mapstructure:"tls-cert"`
	TLSKey  string `mapstructure:"tls-key"`
	// MaxRequestSize bounds a request body.
	MaxRequestSize string `mapstructure:"max-request-size"`
	// RateLimit is the requests per second each token may make (0: no
	// limit); RateBurst the burst above it.
	RateLimit float64 `mapstructure:"rate-limit"`
	RateBurst int     `mapstructure:"rate-burst"`
	// MaxConcurrent bounds the checks run at once (0: twice the cores).
	MaxConcurrent int `mapstructure:"max-concurrent"`
	// AsyncSize is the input size from which a check is answered 202
	// with a job URL ("0": never).
	AsyncSize string `mapstructure:"async-size"`
	// ListRefresh is how often the list store is looked at for new
	// snapshots.
	ListRefresh string `mapstructure:"list-refresh"`
	// ShutdownTimeout bounds how long shutdown waits for checks under
	// way.
	ShutdownTimeout string `mapstructure:"shutdown-timeout"`
	// LogMaxInput is the largest input the decision log keeps whole
	// (larger ones are logged by digest).
	LogMaxInput string `mapstructure:"log-max-input"`
	// AccessLog logs every request as one JSON line, whatever log-level.
	AccessLog bool `mapstructure:"access-log"`
	// CheckpointEvery writes a signed checkpoint every so many decisions.
	CheckpointEvery int `mapstructure:"checkpoint-every"`
	// SessionTTL is how long a sign-in on the web page lasts.
	SessionTTL string `mapstructure:"session-ttl"`
	// ReviewExpiry is how long a reviewer's clearing waives a possible
	// match.
	ReviewExpiry string `mapstructure:"review-expiry"`
	// WebhookURL receives every alert; WebhookSecret signs them.
	WebhookURL    string `mapstructure:"webhook-url"`
	WebhookSecret string `mapstructure:"webhook-secret"`
}

// ServeSettled holds the values ValidateServe derived.
type ServeSettled struct {
	MaxRequestSize  int64
	AsyncSize       int64
	LogMaxInput     int64
	ListRefresh     time.Duration
	ShutdownTimeout time.Duration
	SessionTTL      time.Duration
	ReviewExpiry    time.Duration
}

// ValidateServe checks the serve keys; an error names the key. needStore
// requires a place for the decision log (serve.data-dir or
// serve.database).
func (c *Config) ValidateServe(needStore bool) (ServeSettled, error) {
	var s ServeSettled
	sc := c.Serve
	if needStore && sc.DataDir == "" && sc.Database == "" {
		return s, fmt.Errorf("config key serve.data-dir: no data directory and no serve.database: give --data-dir DIR (SQLite) or --database postgres://…")
	}
	if (sc.TLSCert == "") != (sc.TLSKey == "") {
		return s, fmt.Errorf("config keys serve.tls-cert and serve.tls-key: give both or neither")
	}
	var err error
	if s.MaxRequestSize, err = ParseSize(sc.MaxRequestSize); err != nil || s.MaxRequestSize <= 0 {
		return s, keyError("serve.max-request-size", sc.MaxRequestSize, "a size such as 32MiB")
	}
	if s.AsyncSize, err = ParseSize(sc.AsyncSize); err != nil {
		return s, keyError("serve.async-size", sc.AsyncSize, "a size such as 8MiB, or 0 for never")
	}
	if s.LogMaxInput, err = ParseSize(sc.LogMaxInput); err != nil {
		return s, keyError("serve.log-max-input", sc.LogMaxInput, "a size such as 4MiB, or 0 to keep no input")
	}
	if s.ListRefresh, err = time.ParseDuration(sc.ListRefresh); err != nil || s.ListRefresh < 0 {
		return s, keyError("serve.list-refresh", sc.ListRefresh, "a duration such as 1m, or 0 for never")
	}
	if s.ShutdownTimeout, err = time.ParseDuration(sc.ShutdownTimeout); err != nil || s.ShutdownTimeout <= 0 {
		return s, keyError("serve.shutdown-timeout", sc.ShutdownTimeout, "a duration such as 30s")
	}
	if s.SessionTTL, err = time.ParseDuration(sc.SessionTTL); err != nil || s.SessionTTL <= 0 {
		return s, keyError("serve.session-ttl", sc.SessionTTL, "a duration such as 8h")
	}
	if s.ReviewExpiry, err = time.ParseDuration(sc.ReviewExpiry); err != nil || s.ReviewExpiry < 24*time.Hour {
		return s, keyError("serve.review-expiry", sc.ReviewExpiry, "a duration of a day or more, such as 8760h (a year)")
	}
	if sc.RateLimit < 0 {
		return s, keyError("serve.rate-limit", strconv.FormatFloat(sc.RateLimit, 'g', -1, 64), "requests per second >= 0 (0: no limit)")
	}
	if sc.RateBurst < 1 {
		return s, keyError("serve.rate-burst", strconv.Itoa(sc.RateBurst), "a number >= 1")
	}
	if sc.MaxConcurrent < 0 {
		return s, keyError("serve.max-concurrent", strconv.Itoa(sc.MaxConcurrent), "a number >= 0 (0: twice the cores)")
	}
	if sc.CheckpointEvery < 1 {
		return s, keyError("serve.checkpoint-every", strconv.Itoa(sc.CheckpointEvery), "a number >= 1")
	}
	if sc.WebhookURL != "" {
		if u, err := url.Parse(sc.WebhookURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return s, keyError("serve.webhook-url", sc.WebhookURL, "an http:// or https:// URL")
		}
		if strings.TrimSpace(sc.WebhookSecret) == "" {
			return s, fmt.Errorf("config key serve.webhook-secret: serve.webhook-url is set, and its posts must be signed: set a secret (%s)", EnvName("serve.webhook-secret"))
		}
	}
	return s, nil
}
