package screen_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
)

// The accuracy gates (issues on real-world input and on recall), over the
// labelled sets in testdata/accuracy (see its README.md), at the default
// thresholds. A positive is found when its entry is returned (score >=
// Review) and a hit when it scores at least Match (deny level); a negative
// is a false positive at review when anything is returned, and at deny
// level when anything scores at least Match.
const (
	// minRecall and minHitRecall hold on the generated sets (variants of
	// real SDN names), tuning and held-out alike.
	minRecall    = 0.99
	minHitRecall = 0.97
	// maxReviewFP is the most false positives at review level, as a share
	// of the negatives; none may reach deny level.
	maxReviewFP = 0.001
	// screenerRecallTarget is the target share of the other
	// screeners' should-match pairs found at review level or above, on
	// the held-out pairs nobody has seen (markDependent). It is not
	// reached: 0.872 of the first set's (split from the tuning pairs'
	// sources), 0.737 of the second's (other files of other suites,
	// mostly names in other scripts; 0.711 when it was added), 0.833 of
	// both. The test logs the gap and asserts a floor near the
	// level reached, so that it cannot regress: minScreenerRecall on the
	// first set, minBothRecall on both. None of their should-not-match
	// pairs may reach deny level.
	screenerRecallTarget = 0.90
	minScreenerRecall    = 0.86
	minBothRecall        = 0.80
	// The third held-out set (screeners-heldout3.tsv, added 2026-12-04
	// after that day's rules, which did not change its figures): 0.853 of
	// its should-match pairs found, 0.843 of the three sets'. Floors as
	// above.
	minThirdRecall = 0.84
	minAllRecall   = 0.83
	// thirdSuiteArtefacts is how many of the third set's should-not-match
	// pairs score at match level and are let be. A helper read the two
	// (the developers did not): one is a person's name with the given
	// name moved to the end, which that suite's phonetic pre-filter
	// rejects (its test says so); the other the same common given name
	// spelt otherwise, a middle name added and the surname first, which
	// that suite itself scores above 0.8. Neither is two different
	// parties; the labels follow that suite's tests of its own string
	// metrics. A third pair at match level is an error.
	thirdSuiteArtefacts = 2
)

type labelled struct {
	q       screen.Query
	entryID string // positives only
	variant string // positives: the variant; negatives: the source
}

func readLabelled(tb testing.TB, name string, positive bool) []labelled {
	tb.Helper()
	var out []labelled
	readTSV(tb, name, func(line int, f []string) {
		switch {
		case positive && len(f) == 5:
			out = append(out, labelled{q: screen.Query{Name: f[0], Kind: f[1]}, entryID: f[2], variant: f[3]})
		case !positive && len(f) == 3:
			out = append(out, labelled{q: screen.Query{Name: f[0], Kind: f[1]}, variant: f[2]})
		default:
			tb.Fatalf("%s:%d: %d fields", name, line, len(f))
		}
	})
	return out
}

// readTSV calls fn with the fields of every line of testdata/accuracy/name
// that is neither empty nor a comment.
func readTSV(tb testing.TB, name string, fn func(line int, fields []string)) {
	tb.Helper()
	path := filepath.Join("..", "..", "testdata", "accuracy", name)
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line, rows := 0, 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		rows++
		fn(line, strings.Split(t, "\t"))
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if rows == 0 {
		tb.Fatalf("%s: empty", name)
	}
}

// bestFor returns the score of entry id of list among ms, or 0.
func bestFor(ms []screen.Match, list, id string) float64 {
	for _, m := range ms {
		if m.List == list && m.EntryID == id {
			return m.Score
		}
	}
	return 0
}

// tally counts labelled queries of one group.
type tally struct{ n, found, hit int }

func (t *tally) add(score float64, opts screen.Options) {
	t.n++
	if score >= opts.Review {
		t.found++
	}
	if opts.IsHit(score) {
		t.hit++
	}
}

func (t tally) recall() float64    { return ratio(t.found, t.n) }
func (t tally) hitRecall() float64 { return ratio(t.hit, t.n) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// groups is a tally per group name, printed in order.
type groups map[string]*tally

func (g groups) add(name string, score float64, opts screen.Options) {
	t := g[name]
	if t == nil {
		t = &tally{}
		g[name] = t
	}
	t.add(score, opts)
}

func (g groups) log(t *testing.T, title string) {
	t.Helper()
	names := make([]string, 0, len(g))
	for k := range g {
		names = append(names, k)
	}
	slices.Sort(names)
	t.Logf("  by %s:", title)
	for _, k := range names {
		v := g[k]
		t.Logf("    %-20s n=%4d at review or above %.3f, at match %.3f", k, v.n, v.recall(), v.hitRecall())
	}
}

// generatedResult is the measure of one generated set.
type generatedResult struct {
	pos               tally
	negN, fp, fpHits  int
	byVariant, byKind groups
}

// measureGenerated screens a generated set (variants of real SDN names and
// real names that are not listed) and logs what it finds.
func measureGenerated(t *testing.T, ix testIndex, posFile, negFile string) generatedResult {
	t.Helper()
	opts := ix.Options()
	r := generatedResult{byVariant: groups{}, byKind: groups{}}
	var misses, fps []string
	for _, p := range readLabelled(t, posFile, true) {
		s := bestFor(ix.Name(p.q), "ofac-sdn", p.entryID)
		r.pos.add(s, opts)
		r.byVariant.add(p.variant, s, opts)
		kind := p.q.Kind
		if kind == "" {
			kind = "unknown"
		}
		r.byKind.add(kind, s, opts)
		if s < opts.Review {
			misses = append(misses, fmt.Sprintf("%s %q (%s, %s)", p.entryID, p.q.Name, p.q.Kind, p.variant))
		}
	}
	for _, n := range readLabelled(t, negFile, false) {
		r.negN++
		ms := ix.Name(n.q)
		if len(ms) == 0 {
			continue
		}
		r.fp++
		if opts.IsHit(ms[0].Score) {
			r.fpHits++
		}
		fps = append(fps, fmt.Sprintf("%q (%s, %s) → %s %q %.3f %s", n.q.Name, n.q.Kind, n.variant, ms[0].EntryID, ms[0].MatchedName, ms[0].Score, ms[0].Method))
	}
	t.Logf("%s / %s at match %.2f, review %.2f:", posFile, negFile, opts.Match, opts.Review)
	t.Logf("  positives %d: recall %.4f at review or above, %.4f at match (deny level)", r.pos.n, r.pos.recall(), r.pos.hitRecall())
	t.Logf("  negatives %d: false positives %d at review or above (%.4f), %d at match; precision %.4f",
		r.negN, r.fp, ratio(r.fp, r.negN), r.fpHits, ratio(r.pos.found, r.pos.found+r.fp))
	r.byKind.log(t, "kind")
	r.byVariant.log(t, "kind of variation")
	for _, m := range misses {
		t.Logf("  miss: %s", m)
	}
	for _, f := range fps {
		t.Logf("  false positive: %s", f)
	}
	return r
}

// check asserts the targets on a generated set.
func (r generatedResult) check(t *testing.T, name string) {
	t.Helper()
	if got := r.pos.recall(); got < minRecall {
		t.Errorf("%s: recall %.4f below %.2f", name, got, minRecall)
	}
	if got := r.pos.hitRecall(); got < minHitRecall {
		t.Errorf("%s: recall at match %.4f below %.2f", name, got, minHitRecall)
	}
	if r.fpHits > 0 {
		t.Errorf("%s: %d negatives at match (deny level), want none", name, r.fpHits)
	}
	if got := ratio(r.fp, r.negN); got > maxReviewFP {
		t.Errorf("%s: false-positive rate at review %.4f above %.3f", name, got, maxReviewFP)
	}
}

// TestAccuracy measures the generated set the matcher was tuned on.
func TestAccuracy(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	measureGenerated(t, ix, "positives.tsv", "negatives.tsv").check(t, "tuning set")
}

// TestAccuracyHeldOut measures the generated set the matcher was never
// tuned on: other SDN entries, other real names.
func TestAccuracyHeldOut(t *testing.T) {
	t.Parallel()
	ix := newIndex(t, testLists(t)...)
	measureGenerated(t, ix, "positives-heldout.tsv", "negatives-heldout.tsv").check(t, "held-out set")
}

// screenerPair is one labelled pair of the other screeners' tests.
type screenerPair struct {
	q                  screen.Query
	target, targetType string
	match              bool
	script, variation  string
	heldOut            bool
	// seenBy says why a held-out pair is not independent of the tuning:
	// a developer saw it (split "seen"), a tuning pair has its query and
	// target, or a tuning pair names its target in the same non-Latin
	// script. Empty
	// for a held-out pair nobody has seen.
	seenBy              string
	list, entry, origin string // where the target is indexed
	file                string // the file the pair is read from
}

// readScreeners reads labelled pairs files (screeners.tsv and the like)
// and the list of the targets the SDN list does not hold: a target is the
// SDN entry whose name or an alias normalises as it does, or else an
// entry of list "screeners".
func readScreeners(t *testing.T, sdn *lists.List, files ...string) ([]screenerPair, *lists.List) {
	t.Helper()
	byName := map[string]string{}
	for _, e := range sdn.Entries {
		byName[screen.Normalize(e.Name).String()] = e.ID
		for _, a := range e.Aliases {
			if _, dup := byName[screen.Normalize(a.Name).String()]; !dup {
				byName[screen.Normalize(a.Name).String()] = e.ID
			}
		}
	}
	own := &lists.List{Provenance: provenance.List{ID: "screeners", Kind: provenance.KindSanctions}}
	ownIDs := map[string]string{}
	var out []screenerPair
	for _, file := range files {
		readTSV(t, file, func(line int, f []string) {
			if len(f) != 9 {
				t.Fatalf("%s:%d: %d fields", file, line, len(f))
			}
			p := screenerPair{q: screen.Query{Name: f[0], Kind: f[1]}, target: f[2], targetType: f[3],
				match: f[4] == "match", script: f[5], variation: f[6], heldOut: f[7] == "heldout" || f[7] == "seen", origin: f[8], file: file}
			if f[7] == "seen" {
				p.seenBy = "seen by a developer"
			}
			key := screen.Normalize(p.target).String()
			if id, ok := byName[key]; ok {
				p.list, p.entry = "ofac-sdn", id
			} else {
				id, ok := ownIDs[key]
				if !ok {
					id = fmt.Sprint(len(own.Entries) + 1)
					ownIDs[key] = id
					typ := "entity"
					if p.targetType == "person" {
						typ = "individual"
					}
					own.Entries = append(own.Entries, lists.Entry{ID: id, List: "screeners", Name: p.target, Type: typ})
				}
				p.list, p.entry = "screeners", id
			}
			out = append(out, p)
		})
	}
	own.Provenance.Entries = len(own.Entries)
	markDependent(out)
	return out, own
}

// markDependent sets seenBy on the held-out pairs that the tuning pairs
// do not leave independent: a tuning pair with the same query (as
// normalised) and target, or one that names the same target in the same non-Latin
// script (a rendering of one name in one script is close to any other).
func markDependent(pairs []screenerPair) {
	queries := map[[2]string]bool{}
	renderings := map[[2]string]bool{}
	for _, p := range pairs {
		if p.heldOut {
			continue
		}
		queries[[2]string{screen.Normalize(p.q.Name).String(), p.target}] = true
		if p.script != "latin" {
			renderings[[2]string{p.target, p.script}] = true
		}
	}
	for i := range pairs {
		p := &pairs[i]
		switch {
		case !p.heldOut || p.seenBy != "":
		case queries[[2]string{screen.Normalize(p.q.Name).String(), p.target}]:
			p.seenBy = "query of a tuning pair"
		case renderings[[2]string{p.target, p.script}]:
			p.seenBy = "target of a tuning pair in its script"
		}
	}
}

// withWeakAliases returns sdn with the weak aliases that OFAC's remarks
// give its entries in the remarks fixture (tinyOFAC) added, as the legacy
// CSV loader reads them; the derived CSV leaves remarks out. sdn is not
// changed.
func withWeakAliases(t *testing.T, sdn *lists.List) *lists.List {
	t.Helper()
	weak := map[string][]lists.Alias{}
	for _, e := range tinyOFAC(t).Entries {
		for _, a := range e.Aliases {
			if a.Type == "weak" {
				weak[e.ID] = append(weak[e.ID], a)
			}
		}
	}
	out := *sdn
	out.Entries = slices.Clone(sdn.Entries)
	for i := range out.Entries {
		e := &out.Entries[i]
		if ws := weak[e.ID]; len(ws) > 0 {
			e.Aliases = append(slices.Clone(e.Aliases), ws...)
		}
	}
	return &out
}

// heldOutFiles are the files of held-out pairs: the first set
// (screeners-heldout.tsv, split from the tuning pairs' sources), the
// second (screeners-heldout2.tsv, from other files of other screeners'
// suites, built without screening a row of it) and the third
// (screeners-heldout3.tsv, from further files, built the same way on
// 2026-12-04 after the rules of that day). The target is asserted on them
// together.
var heldOutFiles = []string{"screeners-heldout.tsv", "screeners-heldout2.tsv", "screeners-heldout3.tsv"}

// TestAccuracyScreeners measures the labelled pairs of other screeners'
// test suites (testdata/accuracy/screeners.tsv, held out:
// screeners-heldout.tsv) and the tuning pairs of
// names in other scripts (scripts-dev.tsv), as people write them
// (variants-dev.tsv) and as the UN and UK lists write them, in their
// original script (originals-dev.tsv) and in Latin letters
// (lists-dev.tsv): their should-match pairs
// found, by script and by kind of variation, and their should-not-match
// pairs kept apart. The targets are asserted on the held-out pairs, which
// are measured last; the tuning pairs are printed.
func TestAccuracyScreeners(t *testing.T) {
	t.Parallel()
	sdn := withWeakAliases(t, sdnList(t))
	first, second, third := heldOutFiles[:1], heldOutFiles[1:2], heldOutFiles[2:]
	tuning := []string{"screeners.tsv", "scripts-dev.tsv", "variants-dev.tsv", "originals-dev.tsv", "lists-dev.tsv"}
	// The second and third held-out sets' own targets are indexed for
	// their pairs only, each set's in an index of its own: added to the
	// index of the others, their words would change the rarity weights
	// the other pairs are scored by. A set's pairs are read with the
	// targets of its index, which numbers them as it meets them.
	var pairs []screenerPair
	var pairIx []testIndex // the index each pair is scored against
	for k, files := range [][]string{first, second, third} {
		read := slices.Concat(tuning, first)
		if k > 0 {
			read = append(read, files...)
		}
		ps, own := readScreeners(t, sdn, read...)
		pix := newIndex(t, sdn, banList(), own)
		for _, p := range ps {
			if k == 0 || slices.Contains(files, p.file) {
				pairs, pairIx = append(pairs, p), append(pairIx, pix)
			}
		}
	}
	for _, p := range pairs {
		// The held-out rows are files of their own, so that reading the
		// tuning rows never shows one.
		if p.heldOut != slices.Contains(heldOutFiles, p.file) {
			t.Errorf("%s: a %s pair (split column) in the wrong file: the held-out pairs are in %v, the others not", p.file, map[bool]string{true: "held-out", false: "tuning"}[p.heldOut], heldOutFiles)
		}
	}
	opts := pairIx[0].Options()
	seen := map[string]int{}
	for _, p := range pairs {
		if p.seenBy != "" {
			seen[p.seenBy]++
		}
	}
	t.Logf("held-out pairs not independent of the tuning, left out of the target: %v", seen)
	if n := heldOutAliasDuplicates(t, pairs); n > 0 {
		t.Errorf("%d held-out pairs repeat a pair of aliases-dev.tsv (query and target as normalised); a tuning pair must not", n)
	}
	for _, set := range []struct {
		name    string
		files   []string
		heldOut bool
		unseen  bool    // only the held-out pairs nobody has seen
		floor   float64 // the least recall asserted; 0 for none (the second set alone is small)
		// maxNegHit is how many should-not-match pairs may score at
		// match level (thirdSuiteArtefacts); none but in the third set.
		maxNegHit int
	}{
		{"tuning pairs", []string{"screeners.tsv"}, false, false, 0, 0},
		{"tuning pairs in other scripts", []string{"scripts-dev.tsv"}, false, false, 0, 0},
		{"tuning pairs as people write names", []string{"variants-dev.tsv"}, false, false, 0, 0},
		{"tuning pairs in the original script of the UN and UK lists", []string{"originals-dev.tsv"}, false, false, 0, 0},
		{"tuning pairs of the UN and UK lists", []string{"lists-dev.tsv"}, false, false, 0, 0},
		{"held-out pairs, first set, all", first, true, false, 0, 0},
		{"held-out pairs nobody has seen, first set", first, true, true, minScreenerRecall, 0},
		{"held-out pairs, second set, all", second, true, false, 0, 0},
		{"held-out pairs nobody has seen, second set", second, true, true, 0, 0},
		{"held-out pairs nobody has seen, first and second sets", heldOutFiles[:2], true, true, minBothRecall, 0},
		{"held-out pairs, third set, all", third, true, false, 0, thirdSuiteArtefacts},
		{"held-out pairs nobody has seen, third set", third, true, true, minThirdRecall, thirdSuiteArtefacts},
		{"held-out pairs nobody has seen, all sets", heldOutFiles, true, true, minAllRecall, thirdSuiteArtefacts},
	} {
		name := set.name
		var pos tally
		var neg, negReview, negHit int
		byScript, byVariation := groups{}, groups{}
		var misses, fps []string
		for i, p := range pairs {
			if p.heldOut != set.heldOut || !slices.Contains(set.files, p.file) || set.unseen && p.seenBy != "" {
				continue
			}
			s := bestFor(pairIx[i].Name(p.q), p.list, p.entry)
			if !p.match {
				neg++
				if s >= opts.Review {
					negReview++
				}
				if opts.IsHit(s) {
					negHit++
				}
				if s > 0 {
					fps = append(fps, fmt.Sprintf("%q vs %q %.3f", p.q.Name, p.target, s))
				}
				continue
			}
			pos.add(s, opts)
			byScript.add(p.script, s, opts)
			byVariation.add(p.variation, s, opts)
			if s < opts.Review {
				misses = append(misses, fmt.Sprintf("%q (%s, %s) vs %q", p.q.Name, p.script, p.variation, p.target))
			}
		}
		t.Logf("%s: should match %d: found at review or above %.3f, at match %.3f; should not match %d: %d at review, %d at match; precision %.3f",
			name, pos.n, pos.recall(), pos.hitRecall(), neg, negReview, negHit, ratio(pos.found, pos.found+negReview))
		byScript.log(t, "script")
		byVariation.log(t, "kind of variation")
		if set.heldOut && os.Getenv("BANGATE_SHOW_HELDOUT") == "" {
			// Held-out rows are measured, not read: the names they
			// miss are printed only when asked, so that nobody tunes
			// the matcher on them by accident.
			misses, fps = nil, nil
		}
		for _, m := range misses {
			t.Logf("  miss: %s", m)
		}
		for _, f := range fps {
			t.Logf("  should not match: %s", f)
		}
		switch {
		case negHit > set.maxNegHit:
			t.Errorf("%s: %d should-not-match pairs at match level, want at most %d", name, negHit, set.maxNegHit)
		case negHit > 0:
			t.Logf("%s: %d should-not-match pairs at match level, the suite artefacts let be (thirdSuiteArtefacts); the target is none", name, negHit)
		}
		if !set.unseen {
			continue
		}
		if pos.recall() < screenerRecallTarget {
			t.Logf("%s: %.3f of the should-match pairs found; the target is %.2f", name, pos.recall(), screenerRecallTarget)
		}
		if pos.recall() < set.floor {
			t.Errorf("%s: %.3f of the should-match pairs found, want %.2f", name, pos.recall(), set.floor)
		}
	}
}

// TestAccuracySweep measures recall and false positives over a range of
// thresholds, on the tuning and held-out generated sets together, and
// asserts that the default thresholds are where the sweep puts them: at
// Match no negative and at least minHitRecall of the positives; at Review
// at most maxReviewFP of the negatives and at least minRecall of the
// positives; and that Match is not needlessly high (a threshold 0.05
// lower would let a negative through or add no recall). Behind -short: it
// screens every set once more.
func TestAccuracySweep(t *testing.T) {
	if testing.Short() {
		t.Skip("the sweep screens every set once more")
	}
	t.Parallel()
	var pos, neg []labelled
	for _, f := range []string{"positives.tsv", "positives-heldout.tsv"} {
		pos = append(pos, readLabelled(t, f, true)...)
	}
	for _, f := range []string{"negatives.tsv", "negatives-heldout.tsv"} {
		neg = append(neg, readLabelled(t, f, false)...)
	}
	// Review 0.6 returns every score worth sweeping; Match stays the
	// default, since the evidence rules cap scores just below it.
	low := screen.Options{Match: screen.DefaultMatch, Review: 0.6}
	built, err := screen.NewIndex(testLists(t), low)
	if err != nil {
		t.Fatal(err)
	}
	ix := testIndex{built, t}
	ps := make([]float64, len(pos))
	for i, p := range pos {
		ps[i] = bestFor(ix.Name(p.q), "ofac-sdn", p.entryID)
	}
	ns := make([]float64, len(neg))
	for i, n := range neg {
		if ms := ix.Name(n.q); len(ms) > 0 {
			ns[i] = ms[0].Score
		}
	}
	at := func(th float64) (recall float64, fp int) {
		var found int
		for _, s := range ps {
			if s >= th {
				found++
			}
		}
		for _, s := range ns {
			if s >= th {
				fp++
			}
		}
		return ratio(found, len(ps)), fp
	}
	for _, th := range []float64{0.70, 0.75, 0.78, 0.80, 0.82, 0.85, 0.88, 0.90, 0.92, 0.95} {
		r, fp := at(th)
		t.Logf("threshold %.2f: recall %.4f, false positives %d/%d (%.4f)", th, r, fp, len(ns), ratio(fp, len(ns)))
	}
	def := screen.DefaultOptions()
	if r, fp := at(def.Match); fp > 0 || r < minHitRecall {
		t.Errorf("at match %.2f: recall %.4f, %d negatives; want >= %.2f and none", def.Match, r, fp, minHitRecall)
	}
	if r, fp := at(def.Review); ratio(fp, len(ns)) > maxReviewFP || r < minRecall {
		t.Errorf("at review %.2f: recall %.4f, false-positive rate %.4f; want >= %.2f and <= %.3f", def.Review, r, ratio(fp, len(ns)), minRecall, maxReviewFP)
	}
	if r, fp := at(def.Match - 0.05); fp == 0 && r > 0.999 {
		t.Errorf("match %.2f is needlessly high: at %.2f recall is %.4f with no negative", def.Match, def.Match-0.05, r)
	}
}
