package check_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/check"
)

// ScreenedParties names the same parties whether or not it counts hits,
// and whether or not the input was parsed ahead.
func TestScreenedParties(t *testing.T) {
	c := checker(t, "federal-contractor", "2026-11-27")
	for _, name := range []string{"kaspersky.cdx.json", "clean.cdx.json", "kaspersky.spdx"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "..", "examples", "sbom", name))
			if err != nil {
				t.Fatal(err)
			}
			in := check.Input{Path: name, Data: data}
			counted, err := c.ScreenedParties(in, true)
			if err != nil {
				t.Fatal(err)
			}
			namesOnly, err := c.ScreenedParties(check.Prepare(in, check.Options{}), false)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(counted.Parties, namesOnly.Parties); d != "" {
				t.Errorf("parties differ (-counted +names only):\n%s", d)
			}
			if len(counted.Parties) == 0 || !counted.HitsCounted || namesOnly.HitsCounted {
				t.Errorf("parties %d, counted %v/%v", len(counted.Parties), counted.HitsCounted, namesOnly.HitsCounted)
			}
			wantHits := name != "clean.cdx.json"
			if (counted.Hits > 0) != wantHits {
				t.Errorf("hits %d, want hits: %v", counted.Hits, wantHits)
			}
		})
	}
	if _, err := c.ScreenedParties(check.Input{Path: "x", Data: []byte("not an sbom")}, true); err == nil {
		t.Error("an unparsable input must be an error")
	}
}
