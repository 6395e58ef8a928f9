package report

import (
	"testing"
	"time"
)

func TestAgeText(t *testing.T) {
	t.Parallel()
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		asOf, published time.Time
		want            string
	}{
		{day("2026-12-03"), day("2026-08-20"), "105d"},
		{day("2026-12-03"), day("2026-12-03"), "0d"},
		{day("2026-12-03"), day("2026-12-02").Add(23 * time.Hour), "0d"},
		{day("2024-10-01"), day("2025-12-19"), "after as-of"},
		{time.Time{}, day("2025-12-19"), "unknown"},
		{day("2024-10-01"), time.Time{}, "unknown"},
	}
	for _, tc := range tests {
		if got := ageText(tc.asOf, tc.published); got != tc.want {
			t.Errorf("ageText(%v, %v) = %q, want %q", tc.asOf, tc.published, got, tc.want)
		}
	}
}
