package config_test

import (
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/config"
)

// A webhook URL must be http(s), and its posts must be signed: a URL
// without a secret is refused, naming the key.
func TestValidateServeWebhook(t *testing.T) {
	for _, tc := range []struct {
		url, secret, want string
	}{
		{"", "", ""},
		{"https://hooks.example.com/bangate", "s3cret", ""},
		{"http://127.0.0.1:9/hook", "s3cret", ""},
		{"https://hooks.example.com/bangate", "", "serve.webhook-secret"},
		{"ftp://hooks.example.com/", "s3cret", "serve.webhook-url"},
		{"hooks.example.com/bangate", "s3cret", "serve.webhook-url"},
	} {
		cfg, _, err := config.Load(config.LoadOptions{Dir: t.TempDir(), Flags: flags(t)})
		if err != nil {
			t.Fatal(err)
		}
		cfg.Serve.WebhookURL, cfg.Serve.WebhookSecret = tc.url, tc.secret
		_, err = cfg.ValidateServe(false)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%q/%q: %v", tc.url, tc.secret, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%q/%q: error %v, want one naming %s", tc.url, tc.secret, err, tc.want)
		}
	}
}

// The web page's session and review durations: defaults, and bad values
// refused naming the key.
func TestValidateServePageDurations(t *testing.T) {
	cfg, _, err := config.Load(config.LoadOptions{Dir: t.TempDir(), Flags: flags(t)})
	if err != nil {
		t.Fatal(err)
	}
	ss, err := cfg.ValidateServe(false)
	if err != nil || ss.SessionTTL.Hours() != 8 || ss.ReviewExpiry.Hours() != 8760 {
		t.Fatalf("defaults: %v %v %v", ss.SessionTTL, ss.ReviewExpiry, err)
	}
	for _, tc := range []struct{ ttl, expiry, want string }{
		{"0s", "8760h", "serve.session-ttl"},
		{"soon", "8760h", "serve.session-ttl"},
		{"8h", "1h", "serve.review-expiry"},
		{"8h", "a year", "serve.review-expiry"},
	} {
		c := cfg
		c.Serve.SessionTTL, c.Serve.ReviewExpiry = tc.ttl, tc.expiry
		if _, err := c.ValidateServe(false); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s/%s: error %v, want one naming %s", tc.ttl, tc.expiry, err, tc.want)
		}
	}
}
