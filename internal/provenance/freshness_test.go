package provenance_test

import (
	"errors"
	"testing"
	"time"

	"github.com/bangate/bangate/internal/provenance"
)

func TestCheckFresh(t *testing.T) {
	t.Parallel()
	pub := time.Date(2026, 8, 20, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	tests := []struct {
		name    string
		p       provenance.List
		maxAge  time.Duration
		now     time.Time
		wantErr string
	}{
		{"fresh", provenance.List{ID: "ofac-sdn", Published: pub}, 30 * day, pub.Add(10 * day), ""},
		{"exactly max age", provenance.List{ID: "ofac-sdn", Published: pub}, 30 * day, pub.Add(30 * day), ""},
		{"no limit", provenance.List{ID: "ofac-sdn", Published: pub}, 0, pub.Add(1000 * day), ""},
		{"replay before publication", provenance.List{ID: "ofac-sdn", Published: pub}, 30 * day, pub.Add(-400 * day), ""},
		{
			"stale", provenance.List{ID: "ofac-sdn", Published: pub}, 30 * day, time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC),
			`list ofac-sdn published 2026-08-20 is 99 days old, more than the 30 days allowed (lists.max-age): run "bangate data update" to fetch the current list (offline: "bangate data import" files you brought), or accept the risk with --offline --stale-lists warn (lists.offline: true, lists.stale: warn)`,
		},
		{
			"no date", provenance.List{ID: "x"}, 30 * day, pub,
			`list x has no publication date, so its age cannot be checked: run "bangate data update" to fetch the current list (offline: "bangate data import" files you brought), or accept the risk with --offline --stale-lists warn (lists.offline: true, lists.stale: warn)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := provenance.CheckFresh(tt.p, tt.maxAge, tt.now)
			if tt.wantErr == "" {
				if err != nil {
					t.Errorf("error = %v, want nil", err)
				}
				return
			}
			if err == nil || err.Error() != tt.wantErr || !errors.Is(err, provenance.ErrStale) {
				t.Errorf("error = %v\nwant %s", err, tt.wantErr)
			}
			var se *provenance.StaleError
			if !errors.As(err, &se) || se.List != tt.p.ID {
				t.Errorf("not a StaleError for %s: %v", tt.p.ID, err)
			}
		})
	}
}

func TestAgeDays(t *testing.T) {
	t.Parallel()
	pub := time.Date(2026, 8, 20, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		p    provenance.List
		now  time.Time
		want int
	}{
		{provenance.List{Published: pub}, pub.Add(99*24*time.Hour + time.Hour), 99},
		{provenance.List{Published: pub}, pub.Add(-time.Hour), 0},
		{provenance.List{}, pub, 0},
	} {
		if got := provenance.AgeDays(tt.p, tt.now); got != tt.want {
			t.Errorf("AgeDays(%v, %v) = %d, want %d", tt.p.Published, tt.now, got, tt.want)
		}
	}
}
