package screen_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
)

// minAliasRecall is the share of the should-match pairs of aliases-dev.tsv
// found at review level or above, near the level reached, so that it
// cannot regress.
const minAliasRecall = 0.78

// aliasPair is one labelled pair of aliases-dev.tsv: an alias of an SDN
// entry and the entry's primary name.
type aliasPair struct {
	q                screen.Query
	target, label    string
	variation, entry string
}

func readAliasPairs(t *testing.T) []aliasPair {
	t.Helper()
	var out []aliasPair
	readTSV(t, "aliases-dev.tsv", func(line int, f []string) {
		if len(f) != 6 {
			t.Fatalf("aliases-dev.tsv:%d: %d fields", line, len(f))
		}
		switch f[3] {
		case "match", "nomatch", "skip":
		default:
			t.Fatalf("aliases-dev.tsv:%d: label %q", line, f[3])
		}
		out = append(out, aliasPair{q: screen.Query{Name: f[0], Kind: f[1]}, target: f[2], label: f[3], variation: f[4], entry: f[5]})
	})
	return out
}

// TestAccuracyAliases measures the matcher on OFAC's own name variants
// (testdata/accuracy/aliases-dev.tsv), leaving each query name out: every
// name and alias of every SDN entry is indexed as an entry of its own
// ("<uid>#<n>", n = 0 for the primary name), but for the aliases the
// pairs screen, so that a query is found only through another name of
// its entry. A should-match pair is found when its target, the entry's
// primary name, is returned at review level or above.
func TestAccuracyAliases(t *testing.T) {
	t.Parallel()
	sdn := sdnList(t)
	pairs := readAliasPairs(t)
	left := map[[2]string]bool{} // uid, alias name
	for _, p := range pairs {
		left[[2]string{p.entry, p.q.Name}] = true
	}
	names := &lists.List{Provenance: provenance.List{ID: "sdn-names", Kind: provenance.KindSanctions}}
	primary := map[string]string{}
	for _, e := range sdn.Entries {
		primary[e.ID] = e.Name
		names.Entries = append(names.Entries, lists.Entry{ID: e.ID + "#0", List: names.Provenance.ID, Name: e.Name, Type: e.Type})
		for i, a := range e.Aliases {
			if left[[2]string{e.ID, a.Name}] {
				continue
			}
			names.Entries = append(names.Entries, lists.Entry{ID: fmt.Sprintf("%s#%d", e.ID, i+1), List: names.Provenance.ID, Name: a.Name, Type: e.Type})
		}
	}
	names.Provenance.Entries = len(names.Entries)
	ix := newIndex(t, names)
	opts := ix.Options()
	var pos tally
	var neg, negReview, negHit, skipped int
	byVariation := groups{}
	var misses []string
	for _, p := range pairs {
		if primary[p.entry] != p.target {
			t.Fatalf("aliases-dev.tsv: entry %s is not named %q", p.entry, p.target)
		}
		if p.label == "skip" {
			skipped++
			continue
		}
		ms := ix.Name(p.q)
		s := bestFor(ms, names.Provenance.ID, p.entry+"#0")
		if p.label == "nomatch" {
			neg++
			if s >= opts.Review {
				negReview++
			}
			if opts.IsHit(s) {
				negHit++
			}
			continue
		}
		pos.add(s, opts)
		byVariation.add(p.variation, s, opts)
		if s < opts.Review {
			var best string
			for _, m := range ms {
				if strings.HasPrefix(m.EntryID, p.entry+"#") {
					best = fmt.Sprintf("; another name of it: %q %.3f %s", m.MatchedName, m.Score, m.Method)
					break
				}
			}
			misses = append(misses, fmt.Sprintf("%q (%s, %s) vs %q %.3f%s", p.q.Name, p.q.Kind, p.variation, p.target, s, best))
		}
	}
	t.Logf("OFAC's name variants, each alias left out: should match %d: found at review or above %.3f, at match %.3f; another name (translations, acronyms) %d: %d at review, %d at match; not judged %d",
		pos.n, pos.recall(), pos.hitRecall(), neg, negReview, negHit, skipped)
	byVariation.log(t, "kind of variation")
	for _, m := range misses {
		t.Logf("  miss: %s", m)
	}
	if pos.recall() < minAliasRecall {
		t.Errorf("OFAC's name variants: %.3f of the should-match pairs found, want %.2f", pos.recall(), minAliasRecall)
	}
}

// heldOutAliasDuplicates counts the held-out pairs of pairs whose query
// and target, as the matcher normalises them, are those of a pair of
// aliases-dev.tsv: a tuning pair must not repeat a held-out one, which
// would leave that pair not independent of the tuning (markDependent).
// The pairs are counted, not printed.
func heldOutAliasDuplicates(t *testing.T, pairs []screenerPair) int {
	t.Helper()
	tuning := map[[2]string]bool{}
	for _, p := range readAliasPairs(t) {
		tuning[[2]string{screen.Normalize(p.q.Name).String(), screen.Normalize(p.target).String()}] = true
	}
	n := 0
	for _, p := range pairs {
		if p.heldOut && tuning[[2]string{screen.Normalize(p.q.Name).String(), screen.Normalize(p.target).String()}] {
			n++
		}
	}
	return n
}
