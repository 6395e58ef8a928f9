package screen_test

import (
	"fmt"
	"testing"

	"github.com/bangate/bangate/internal/screen"
)

// TestTwoEditAnchored: gathering the names of a word every two-edit match
// must agree with (twoEditGather) finds the same two-edit matches as
// gathering the names of every rare word, on the labelled queries, where
// some are found.
func TestTwoEditAnchored(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...).Index
	var qs []screen.Query
	for _, l := range readLabelled(t, "positives.tsv", true) {
		qs = append(qs, l.q)
	}
	for _, l := range readLabelled(t, "negatives.tsv", false) {
		qs = append(qs, l.q)
	}
	found := 0
	for _, q := range qs {
		anchored, all, err := screen.TwoEditBoth(ix, q)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := fmt.Sprint(anchored), fmt.Sprint(all); a != b {
			t.Errorf("%q: anchored %s, not anchored %s", q.Name, a, b)
		}
		found += len(all)
	}
	if found == 0 {
		t.Error("no two-edit match among the labelled queries: the test compares nothing")
	}
	t.Logf("%d two-edit matches", found)
}
