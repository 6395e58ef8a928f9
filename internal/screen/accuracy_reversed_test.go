package screen_test

import (
	"fmt"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// minReversedRecall is the least share of the reversed tuning pairs found
// at review or above (TestAccuracyReversed): 259 of 305 on 2026-12-08.
const minReversedRecall = 0.84

// TestAccuracyReversed measures the should-match tuning pairs of the
// screeners' suites and of names as people write them the other way
// round: the list writes the pair's query (a company's own list, another
// screener's index of one name, a register in another language's
// spelling), and the pair's target is screened. Each pair is scored in an
// index of its own, the name and the filler names, as a screener's test of
// two names is: a labelled set that the matcher's rules, written for the
// query's side, were not tuned on. It prints recall by kind of variation,
// the pairs missed, and fails below minReversedRecall.
func TestAccuracyReversed(t *testing.T) {
	t.Parallel()
	type pair struct{ listed, kind, screened, variation string }
	var pairs []pair
	for _, file := range []string{"screeners.tsv", "variants-dev.tsv"} {
		readTSV(t, file, func(line int, f []string) {
			if len(f) != 9 {
				t.Fatalf("%s:%d: %d fields", file, line, len(f))
			}
			if f[4] == "match" && f[7] == "dev" {
				pairs = append(pairs, pair{f[0], f[1], f[2], f[5] + "/" + f[6]})
			}
		})
	}
	scores := make([]float64, len(pairs))
	opts := screen.DefaultOptions()
	for i, p := range pairs {
		typ := "entity"
		if p.kind == screen.KindPerson {
			typ = "individual"
		}
		ix := newIndex(t, namedList("own", typ, append(fillerPersons(), p.listed)))
		if m := matchOf(ix.Name(screen.Query{Name: p.screened, Kind: p.kind}), p.listed); m != nil {
			scores[i] = m.Score
		}
	}
	var all tally
	byVariation := groups{}
	var misses []string
	for i, p := range pairs {
		all.add(scores[i], opts)
		byVariation.add(p.variation, scores[i], opts)
		if scores[i] < opts.Review {
			misses = append(misses, fmt.Sprintf("%q (%s) screened for a list's %q", p.screened, p.variation, p.listed))
		}
	}
	t.Logf("tuning pairs the other way round: should match %d: found at review or above %.3f, at match %.3f",
		all.n, all.recall(), all.hitRecall())
	byVariation.log(t, "script and kind of variation")
	for _, m := range misses {
		t.Logf("  miss: %s", m)
	}
	if all.recall() < minReversedRecall {
		t.Errorf("tuning pairs the other way round: %.3f found, want %.2f", all.recall(), minReversedRecall)
	}
}
