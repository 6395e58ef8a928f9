package config_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"

	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/screen"
)

var now = time.Date(2026, 11, 27, 15, 4, 5, 0, time.UTC)

func flags(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	fs.String("profile", config.DefaultProfile, "")
	fs.String("max-list-age", "120d", "")
	fs.StringArray("policy", nil, "")
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return fs
}

func writeFile(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, config.FileName), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestLoadDefaults(t *testing.T) {
	cfg, files, err := config.Load(config.LoadOptions{Dir: t.TempDir(), Flags: flags(t)})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 0 {
		t.Errorf("files = %+v, want none", files)
	}
	s, err := cfg.Validate(now)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Profile != config.DefaultProfile || cfg.Lists.MaxAge != "14d" || cfg.Policy.Input != "diet" || len(cfg.Output) != 1 {
		t.Errorf("defaults: %+v", cfg)
	}
	if want := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC); !s.AsOf.Equal(want) {
		t.Errorf("as-of = %v, want %v", s.AsOf, want)
	}
	if s.MaxSize != 256<<20 || s.MaxAge != 14*24*time.Hour || s.UpdateAfter != 24*time.Hour || s.UpdateTimeout != 2*time.Minute {
		t.Errorf("settled = %+v", s)
	}
}

func TestLoadPrecedence(t *testing.T) {
	dir := writeFile(t, "profile: us-person\nlists:\n  max-age: 30d\npolicy:\n  dirs: [a]\n")
	tests := []struct {
		name        string
		env         map[string]string
		args        []string
		wantProfile string
		wantAge     string
	}{
		{"file beats default", nil, nil, "us-person", "30d"},
		{"env beats file", map[string]string{"BANGATE_PROFILE": "all", "BANGATE_LISTS_MAX_AGE": "7d"}, nil, "all", "7d"},
		{"flag beats env", map[string]string{"BANGATE_PROFILE": "all"}, []string{"--profile", "telecom-carrier", "--max-list-age", "1d"}, "telecom-carrier", "1d"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			cfg, _, err := config.Load(config.LoadOptions{File: filepath.Join(dir, config.FileName), Flags: flags(t, tc.args...)})
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Profile != tc.wantProfile || cfg.Lists.MaxAge != tc.wantAge {
				t.Errorf("got profile %q age %q, want %q %q", cfg.Profile, cfg.Lists.MaxAge, tc.wantProfile, tc.wantAge)
			}
		})
	}
}

// Every key can be set from the environment alone (spf13/viper#761).
func TestEveryKeyFromEnv(t *testing.T) {
	values := map[string]string{
		"profile": "all", "as-of": "2024-10-01", "fail-on": "review", "output": "json,sarif=x.sarif",
		"waivers": "w.yaml", "log-level": "debug", "policy.dirs": "p1,p2", "policy.input": "all",
		"input.max-size": "1MiB", "input.kind": "sbom", "lists.max-age": "9d", "lists.stale": "warn",
		"lists.dir": "store", "lists.index-cache": "false",
		"lists.update-after": "1d", "lists.update-timeout": "90s", "lists.offline": "true", "lists.base-url": "https://mirror.example.com/lists", "screen.match": "0.95", "screen.review": "0.7", "coverage.max-listed": "3",
		"waiver-warn-days": "7", "waiver-fail": "true", "verbose": "true", "color": "never",
		"procurement.columns": "", "procurement.encoding": "latin1", "procurement.ownership": "own.csv", "procurement.embargo": "review",
		"evidence.file": "rec.json", "evidence.dir": "ev", "evidence.sign-key": "sign.pem",
		"serve.addr": "127.0.0.1:9", "serve.data-dir": "data", "serve.database": "postgres://db/x", "serve.tls-cert": "c.pem",
		"serve.tls-key": "k.pem", "serve.max-request-size": "1MiB", "serve.rate-limit": "5", "serve.rate-burst": "7",
		"serve.max-concurrent": "3", "serve.async-size": "0", "serve.list-refresh": "5m", "serve.shutdown-timeout": "9s",
		"serve.log-max-input": "1KiB", "serve.checkpoint-every": "10", "serve.access-log": "false",
		"serve.webhook-url": "https://hooks.example.com/bangate", "serve.webhook-secret": "s3cret",
		"serve.session-ttl": "2h", "serve.review-expiry": "720h",
		"policy.allow-builtins": "http.send,time.now_ns", "policy.timeout": "3s", "policy.max-memory": "256MiB",
	}
	for _, k := range config.Keys() {
		v, ok := values[k.Name]
		if !ok {
			t.Fatalf("no test value for key %s", k.Name)
		}
		t.Setenv(config.EnvName(k.Name), v)
	}
	cfg, _, err := config.Load(config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{
		"profile": cfg.Profile, "as-of": cfg.AsOf, "fail-on": cfg.FailOn, "output": strings.Join(cfg.Output, ","),
		"waivers": cfg.Waivers, "log-level": cfg.LogLevel, "policy.dirs": strings.Join(cfg.Policy.Dirs, ","),
		"policy.input": cfg.Policy.Input, "input.max-size": cfg.Input.MaxSize, "input.kind": cfg.Input.Kind,
		"lists.max-age": cfg.Lists.MaxAge, "lists.stale": cfg.Lists.Stale, "lists.dir": cfg.Lists.Dir,
		"lists.index-cache":  fmt.Sprint(cfg.Lists.IndexCache),
		"lists.update-after": cfg.Lists.UpdateAfter, "lists.update-timeout": cfg.Lists.UpdateTimeout,
		"lists.offline": fmt.Sprint(cfg.Lists.Offline), "lists.base-url": cfg.Lists.BaseURL, "screen.match": "0.95", "screen.review": "0.7", "coverage.max-listed": "3",
		"waiver-warn-days": fmt.Sprint(cfg.WaiverWarnDays), "waiver-fail": fmt.Sprint(cfg.WaiverFail),
		"verbose": fmt.Sprint(cfg.Verbose), "color": cfg.Color,
		"procurement.columns": "", "procurement.encoding": cfg.Procurement.Encoding,
		"procurement.ownership": cfg.Procurement.Ownership, "procurement.embargo": cfg.Procurement.Embargo,
		"evidence.file": cfg.Evidence.File, "evidence.dir": cfg.Evidence.Dir, "evidence.sign-key": cfg.Evidence.SignKey,
		"serve.addr": cfg.Serve.Addr, "serve.data-dir": cfg.Serve.DataDir, "serve.database": cfg.Serve.Database,
		"serve.tls-cert": cfg.Serve.TLSCert, "serve.tls-key": cfg.Serve.TLSKey, "serve.max-request-size": cfg.Serve.MaxRequestSize,
		"serve.rate-limit": fmt.Sprint(cfg.Serve.RateLimit), "serve.rate-burst": fmt.Sprint(cfg.Serve.RateBurst),
		"serve.max-concurrent": fmt.Sprint(cfg.Serve.MaxConcurrent), "serve.async-size": cfg.Serve.AsyncSize,
		"serve.list-refresh": cfg.Serve.ListRefresh, "serve.shutdown-timeout": cfg.Serve.ShutdownTimeout,
		"serve.log-max-input": cfg.Serve.LogMaxInput, "serve.checkpoint-every": fmt.Sprint(cfg.Serve.CheckpointEvery),
		"serve.access-log":  fmt.Sprint(cfg.Serve.AccessLog),
		"serve.session-ttl": cfg.Serve.SessionTTL, "serve.review-expiry": cfg.Serve.ReviewExpiry,
		"serve.webhook-url": cfg.Serve.WebhookURL, "serve.webhook-secret": cfg.Serve.WebhookSecret,
		"policy.allow-builtins": strings.Join(cfg.Policy.AllowBuiltins, ","), "policy.timeout": cfg.Policy.Timeout,
		"policy.max-memory": cfg.Policy.MaxMemory,
	}
	if cfg.Screen.Match != 0.95 || cfg.Screen.Review != 0.7 || cfg.Coverage.MaxListed != 3 {
		t.Errorf("numbers from env: %+v %+v", cfg.Screen, cfg.Coverage)
	}
	for k, want := range values {
		if got[k] != want {
			t.Errorf("%s (%s) = %q, want %q", k, config.EnvName(k), got[k], want)
		}
	}
	if _, err := cfg.Validate(now); err != nil {
		t.Errorf("validate: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want string
	}{
		{"unknown key", "profil: all\n", nil, "unknown key profil"},
		{"unknown nested key", "lists:\n  maxage: 3d\n", nil, "unknown key lists.maxage"},
		{"bad yaml", "profile: [\n", nil, "read config"},
		{"empty profile", "profile: \"\"\n", nil, "config key profile: bad value \"\""},
		{"bad age", "lists:\n  max-age: soon\n", nil, "config key lists.max-age"},
		{"bad update-after", "lists:\n  update-after: daily\n", nil, "config key lists.update-after"},
		{"zero update-timeout", "lists:\n  update-timeout: 0\n", nil, "config key lists.update-timeout"},
		{"bad base-url", "lists:\n  base-url: ftp://mirror/lists\n", nil, "config key lists.base-url"},
		{"bad size", "", map[string]string{"BANGATE_INPUT_MAX_SIZE": "lots"}, "config key input.max-size"},
		{"bad date", "as-of: 2024-13-01\n", nil, "config key as-of"},
		{"bad thresholds", "screen:\n  match: 0.5\n  review: 0.9\n", nil, "screen.review"},
		{"bad number", "screen:\n  match: high\n", nil, "screen.match"},
		{"bad color", "color: rainbow\n", nil, "config key color: bad value \"rainbow\": want auto, always or never"},
		{"bad color from env", "", map[string]string{"BANGATE_COLOR": "yes"}, "config key color"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			dir := writeFile(t, tc.file)
			cfg, _, err := config.Load(config.LoadOptions{File: filepath.Join(dir, config.FileName)})
			if err == nil {
				_, err = cfg.Validate(now)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestExplicitFileMissing(t *testing.T) {
	_, _, err := config.Load(config.LoadOptions{File: filepath.Join(t.TempDir(), "nope.yaml")})
	if err == nil || !strings.Contains(err.Error(), "nope.yaml") {
		t.Fatalf("err = %v", err)
	}
}

// The default thresholds are the ones the accuracy test measured.
func TestDefaultThresholdsMatchScreen(t *testing.T) {
	cfg, _, err := config.Load(config.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Screen.Match != screen.DefaultMatch || cfg.Screen.Review != screen.DefaultReview {
		t.Errorf("config thresholds %g/%g, screen defaults %g/%g", cfg.Screen.Match, cfg.Screen.Review, screen.DefaultMatch, screen.DefaultReview)
	}
}

// The commented example configuration loads, and states the defaults of
// the list keys it shows.
func TestExampleConfig(t *testing.T) {
	cfg, _, err := config.Load(config.LoadOptions{File: filepath.Join("..", "..", "examples", "bangate.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	s, err := cfg.Validate(now)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Lists.MaxAge != config.DefaultMaxAge || s.UpdateAfter != 24*time.Hour || cfg.Lists.Offline {
		t.Errorf("examples/bangate.yaml lists: %+v", cfg.Lists)
	}
}
