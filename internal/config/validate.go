package config

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/decision"
)

// Validate checks every key and derives typed values; an error names the
// key. Values are read case-insensitively where that is unambiguous
// (fail-on, log-level, the enumerations). The profile is checked against
// the policy bundle, which defines the profiles, when the check starts.
func (c *Config) Validate(now time.Time) (Settled, error) {
	var s Settled
	if strings.TrimSpace(c.Profile) == "" {
		return s, keyError("profile", c.Profile, "a profile the policy bundle defines")
	}
	for _, v := range []*string{&c.FailOn, &c.LogLevel, &c.Color, &c.Policy.Input, &c.Input.Kind, &c.Lists.Stale, &c.Procurement.Encoding, &c.Procurement.Embargo} {
		*v = strings.ToLower(strings.TrimSpace(*v))
	}
	if _, err := decision.ParseFailOn(c.FailOn); err != nil {
		return s, keyError("fail-on", c.FailOn, "one of "+strings.Join(decision.FailOnLevels(), ", "))
	}
	if !contains([]string{"debug", "info", "warn", "error"}, c.LogLevel) {
		return s, keyError("log-level", c.LogLevel, "one of debug, info, warn, error")
	}
	if !contains([]string{"auto", "always", "never"}, c.Color) {
		return s, keyError("color", c.Color, "auto, always or never")
	}
	if !contains([]string{"diet", "all"}, c.Policy.Input) {
		return s, keyError("policy.input", c.Policy.Input, "diet or all")
	}
	if !contains([]string{"auto", "sbom", "procurement"}, c.Input.Kind) {
		return s, keyError("input.kind", c.Input.Kind, "auto, sbom or procurement")
	}
	if !contains([]string{"error", "warn"}, c.Lists.Stale) {
		return s, keyError("lists.stale", c.Lists.Stale, "error or warn")
	}
	if c.Screen.Review <= 0 || c.Screen.Review > 1 || c.Screen.Match <= 0 || c.Screen.Match > 1 || c.Screen.Review > c.Screen.Match {
		return s, fmt.Errorf("config key screen.review (%g) and screen.match (%g): want 0 < review <= match <= 1", c.Screen.Review, c.Screen.Match)
	}
	if !contains([]string{"utf-8", "latin1", "windows-1252"}, c.Procurement.Encoding) {
		return s, keyError("procurement.encoding", c.Procurement.Encoding, "utf-8, latin1 or windows-1252")
	}
	if !contains([]string{"deny", "review", "off"}, c.Procurement.Embargo) {
		return s, keyError("procurement.embargo", c.Procurement.Embargo, "deny, review or off")
	}
	if c.Coverage.MaxListed < 0 {
		return s, keyError("coverage.max-listed", strconv.Itoa(c.Coverage.MaxListed), "a number >= 0")
	}
	var err error
	if s.AsOf, err = ParseAsOf(c.AsOf, now); err != nil {
		return s, keyError("as-of", c.AsOf, "a date YYYY-MM-DD or an RFC 3339 time")
	}
	if s.MaxSize, err = ParseSize(c.Input.MaxSize); err != nil || s.MaxSize <= 0 {
		return s, keyError("input.max-size", c.Input.MaxSize, "a size such as 256MiB, 1GB or 1048576")
	}
	if s.MaxAge, err = ParseAge(c.Lists.MaxAge); err != nil {
		return s, keyError("lists.max-age", c.Lists.MaxAge, "an age such as 14d, 72h or 0")
	}
	if s.UpdateAfter, err = ParseAge(c.Lists.UpdateAfter); err != nil {
		return s, keyError("lists.update-after", c.Lists.UpdateAfter, "an age such as 24h, 1d or 0")
	}
	if s.UpdateTimeout, err = ParseAge(c.Lists.UpdateTimeout); err != nil || s.UpdateTimeout <= 0 {
		return s, keyError("lists.update-timeout", c.Lists.UpdateTimeout, "a duration such as 2m or 90s")
	}
	if c.Lists.BaseURL = strings.TrimSpace(c.Lists.BaseURL); c.Lists.BaseURL != "" {
		u, err := url.Parse(c.Lists.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return s, keyError("lists.base-url", c.Lists.BaseURL, "an http or https URL without query, such as https://mirror.example.com/bangate-lists")
		}
	}
	if s.PolicyTimeout, err = ParseAge(c.Policy.Timeout); err != nil || s.PolicyTimeout <= 0 {
		return s, keyError("policy.timeout", c.Policy.Timeout, "a duration such as 10s or 2m")
	}
	if s.PolicyMaxMemory, err = ParseSize(c.Policy.MaxMemory); err != nil || s.PolicyMaxMemory <= 0 {
		return s, keyError("policy.max-memory", c.Policy.MaxMemory, "a size such as 512MiB or 2GiB")
	}
	for _, o := range c.Output {
		format, _, _ := strings.Cut(o, "=")
		if format == "" {
			return s, keyError("output", o, "FORMAT or FORMAT=FILE")
		}
	}
	return s, nil
}

func keyError(key, value, want string) error {
	return fmt.Errorf("config key %s: bad value %q: want %s", key, value, want)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ParseAsOf reads a date or an RFC 3339 time; empty means the start of
// today (UTC) by the given clock.
func ParseAsOf(s string, now time.Time) (time.Time, error) {
	if s == "" {
		y, m, d := now.UTC().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse date %q: %w", s, err)
	}
	return t.UTC(), nil
}

// ParseSize reads a byte size: a number with an optional unit (B, KB, MB,
// GB, KiB, MiB, GiB).
func ParseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1000}, {"MB", 1000 * 1000}, {"GB", 1000 * 1000 * 1000}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("parse size %q", s)
	}
	return n * mult, nil
}

// ParseAge reads an age: "0", a number of days ("30d") or a Go duration.
func ParseAge(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "0" {
		return 0, nil
	}
	if d, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(d)
		if err != nil || n < 0 || n > 100000 {
			return 0, fmt.Errorf("parse age %q", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("parse age %q", s)
	}
	return d, nil
}
