package evidence

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
)

// ReplayOptions say where Replay finds what the record references.
type ReplayOptions struct {
	// ListsDir is the list snapshot store searched (current and previous
	// snapshots) for a list the evidence store lacks; "" skips it.
	ListsDir string
	// Inputs replace stored inputs, matched as Verify matches them; each
	// must have the digest the record names.
	Inputs []InputFile
	// Tool identifies the program replaying.
	Tool decision.Tool
	// Cache shares compiled policies and indexes between replays; nil:
	// none.
	Cache *check.Cache
}

// ReplayResult is the outcome of a replay.
type ReplayResult struct {
	// Same is set when every input's decision and the exit code are those
	// recorded.
	Same bool
	// Diffs names every input whose decision differs, with a diff
	// (- recorded, + replayed).
	Diffs []InputDiff
	// ExitCode and RecordedExit are the replayed and recorded exit codes.
	ExitCode     int
	RecordedExit int
	// ListSources says, per list ID, where its snapshot was found.
	ListSources map[string]string
	// Run is the replayed run.
	Run *decision.Run
}

// InputDiff is one input whose replayed decision differs.
type InputDiff struct {
	Path string
	Diff string
}

// Replay re-runs the recorded check with today's code on the recorded
// data: the recorded plan (a version 1 record's configuration turned into
// one), the policy bundle from the stored files, the list snapshots as
// recorded (from st, else the list store, else the embedded snapshot, each
// checked against the recorded digest), the stored waiver, ownership and
// input files, and the lists' ages as they were when the check ran. What
// is not available locally is ErrMissing, named; a stored copy that no
// longer matches its digest is ErrTampered, named.
func Replay(ctx context.Context, rec *Record, st *Store, opts ReplayOptions) (*ReplayResult, error) {
	p := rec.Predicate
	plan, err := recordedPlan(p, st)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	files, err := policyFiles(st, p.Policy)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	res := &ReplayResult{ListSources: map[string]string{}, RecordedExit: p.ExitCode}
	ls, err := replayLists(st, p.Lists, opts.ListsDir, res.ListSources)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	inputs, err := replayInputs(st, p.Inputs, opts.Inputs)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	checkedAt := p.CheckedAt
	sess, err := check.NewSession(ctx, plan, check.Sources{
		PolicyFiles: files, BundleDigest: p.Policy.Digest, Lists: ls, Tool: opts.Tool,
		Now: func() time.Time { return checkedAt }, Cache: opts.Cache,
	})
	if errors.Is(err, check.ErrBundleChanged) {
		return nil, fmt.Errorf("replay: rebuilt %w: %w", err, ErrTampered)
	}
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	run := sess.Run(ctx, inputs).Decision
	res.Run, res.ExitCode = run, run.ExitCode
	for i, in := range p.Inputs {
		want := comparable(in.Outcome, in.Error, in.Result)
		got := comparable(run.Inputs[i].Outcome, run.Inputs[i].Error, run.Inputs[i].Result)
		pruneAddedMatchDetail(want, got)
		if d := cmp.Diff(want, got); d != "" {
			res.Diffs = append(res.Diffs, InputDiff{Path: in.Path, Diff: d})
		}
	}
	res.Same = len(res.Diffs) == 0 && res.ExitCode == res.RecordedExit
	return res, nil
}

// recordedPlan is the plan a record was checked with, its waiver and
// ownership files read back from the store.
func recordedPlan(p *Predicate, st *Store) (check.Plan, error) {
	if p.Plan == nil {
		return legacyPlan(p, st)
	}
	plan := *p.Plan
	for _, b := range []**check.Blob{&plan.Waivers.File, &plan.Ownership} {
		if *b == nil {
			continue
		}
		data, err := st.Get((*b).SHA256)
		if err != nil {
			return plan, fmt.Errorf("file %s: %w", (*b).Name, err)
		}
		*b = &check.Blob{Name: (*b).Name, SHA256: (*b).SHA256, Data: data}
	}
	return plan, nil
}

// legacyPlan turns the configuration of a version 1 record into the plan
// it describes. A version 1 check could run only on lists within their
// age limit (a stale list stopped it before any input was read), so the
// replay does not age them again. Its waivers were recorded as entries,
// not as a file: they are written back as a waiver file.
func legacyPlan(p *Predicate, st *Store) (check.Plan, error) {
	c := p.Config
	plan := check.Plan{
		Profile: c.Profile, AsOf: p.AsOf, FailOn: c.FailOn,
		Screening:   check.Thresholds{Match: c.MatchThreshold, Review: c.ReviewThresh},
		PolicyInput: c.PolicyInput, MaxListed: c.MaxListed,
		Input:   check.InputPlan{Kind: c.InputKind, MaxSize: c.MaxInputSize, Columns: c.ProcurementColumns, Encoding: c.ProcurementEncoding},
		Embargo: c.Embargo,
		Waivers: check.WaiverPlan{WarnDays: c.WaiverWarnDays, Fail: c.WaiverFail},
		Lists:   check.ListPlan{Stale: check.StaleWarn},
	}
	if c.OwnershipSHA256 != "" {
		data, err := st.Get(c.OwnershipSHA256)
		if err != nil {
			return plan, fmt.Errorf("ownership file %s: %w", c.OwnershipFile, err)
		}
		plan.Ownership = check.NewBlob(c.OwnershipFile, data)
	}
	if len(p.Waivers.Entries) > 0 {
		data, err := yaml.Marshal(struct {
			Waivers []decision.Waiver `yaml:"waivers"`
		}{p.Waivers.Entries})
		if err != nil {
			return plan, fmt.Errorf("waivers: %w", err)
		}
		name := p.Waivers.File
		if name == "" {
			name = "waivers"
		}
		plan.Waivers.File = check.NewBlob(name, data)
	}
	return plan, nil
}

// policyFiles reads every recorded policy file back from the store.
func policyFiles(st *Store, rb Bundle) ([]check.PolicyFile, error) {
	out := make([]check.PolicyFile, 0, len(rb.Files))
	for _, f := range rb.Files {
		if !safeRelPath(f.Path) {
			return nil, fmt.Errorf("policy file %q: %w: unsafe path", f.Path, ErrMalformed)
		}
		data, err := st.Get(f.SHA256)
		if err != nil {
			return nil, fmt.Errorf("policy file %s:%s: %w", f.Origin, f.Path, err)
		}
		out = append(out, check.PolicyFile{Origin: f.Origin, Path: f.Path, Data: data})
	}
	return out, nil
}

// pruneAddedMatchDetail removes from the replayed decision got the keys of
// each finding's match that the recorded decision want does not have: a
// later program explains a match in more detail (its basis, corroboration,
// namesakes) than the one that wrote the record, and such detail is not a
// different decision. Everything the record holds is still compared, and
// a finding the record lacks (or has) is still a difference.
func pruneAddedMatchDetail(want, got any) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				continue
			}
			if k == "match" {
				wm, wok := wv.(map[string]any)
				gm, gok := gv.(map[string]any)
				if wok && gok {
					for gk := range gm {
						if _, recorded := wm[gk]; !recorded {
							delete(gm, gk)
						}
					}
				}
			}
			pruneAddedMatchDetail(wv, gv)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return
		}
		for i := range w {
			pruneAddedMatchDetail(w[i], g[i])
		}
	}
}

// comparable is a decision as plain JSON values, so that a recorded and a
// fresh decision compare equal whatever Go types their matches hold. The
// findings' lines and columns are left out: they say where a field sits
// in the recorded bytes, not what was decided, and records made before
// bangate placed its findings have none.
func comparable(outcome, errText string, r decision.Result) any {
	raw, err := json.Marshal(struct {
		Outcome string          `json:"outcome"`
		Error   string          `json:"error,omitempty"`
		Result  decision.Result `json:"result"`
	}{outcome, errText, withoutPlaces(normalResult(r))})
	if err != nil {
		return err.Error()
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return err.Error()
	}
	return v
}

// withoutPlaces is r with every finding's line and column cleared, on
// copies.
func withoutPlaces(r decision.Result) decision.Result {
	for _, vs := range []*[]decision.Violation{&r.Violations, &r.Reviews, &r.Warnings, &r.Waived} {
		*vs = slices.Clone(*vs)
		for i := range *vs {
			(*vs)[i].Line, (*vs)[i].Column = 0, 0
		}
	}
	return r
}

// replayLists finds every recorded list snapshot.
func replayLists(st *Store, snaps []ListSnapshot, listsDir string, sources map[string]string) ([]*lists.List, error) {
	var (
		out      []*lists.List
		embedded []*lists.List
		loaded   bool
		lstore   *lists.Store
	)
	for _, s := range snaps {
		l, err := st.GetList(s.Object, s.List)
		if err == nil {
			sources[s.ID] = "evidence store"
			out = append(out, l)
			continue
		}
		if !errors.Is(err, ErrMissing) {
			return nil, err
		}
		// Not in the evidence store: the list store's current or previous
		// snapshot, or the embedded one, if it is the same snapshot.
		if listsDir != "" && lstore == nil {
			if _, serr := os.Stat(filepath.Join(listsDir, "lists")); serr == nil {
				lstore, _ = lists.OpenStore(listsDir, time.Now)
			}
		}
		var found *lists.List
		if lstore != nil {
			for _, load := range []func(string) (*lists.List, error){lstore.Load, lstore.Previous} {
				if c, lerr := load(s.ID); lerr == nil && c.Provenance.SHA256 == s.SHA256 && c.Provenance.Entries == s.Entries {
					found, sources[s.ID] = c, "list store"
					break
				}
			}
		}
		if found == nil && !loaded {
			embedded, _ = lists.Snapshot()
			loaded = true
		}
		for _, c := range embedded {
			if found == nil && c.Provenance.ID == s.ID && c.Provenance.SHA256 == s.SHA256 && c.Provenance.Entries == s.Entries {
				found, sources[s.ID] = c, "embedded snapshot"
			}
		}
		if found == nil {
			pub := "undated"
			if !s.Published.IsZero() {
				pub = "published " + s.Published.UTC().Format(time.DateOnly)
			}
			return nil, fmt.Errorf("list %s snapshot sha256:%s (%s, %d entries): %w: not in the evidence store, the list store or the embedded snapshot",
				s.ID, s.SHA256, pub, s.Entries, ErrMissing)
		}
		found.Provenance = s.List
		if _, err := st.PutList(found); err != nil {
			return nil, err
		}
		out = append(out, found)
	}
	return out, nil
}

// replayInputs reads every recorded input from the given files or the
// store; an input that could not be read when recorded is replayed as
// such.
func replayInputs(st *Store, recorded []Input, given []InputFile) ([]check.Input, error) {
	out := make([]check.Input, 0, len(recorded))
	for _, in := range recorded {
		if in.SHA256 == "" {
			out = append(out, check.Input{Path: in.Path, Err: errors.New(in.Error)})
			continue
		}
		var data []byte
		for _, f := range given {
			if s, ok := findSubject([]Subject{{Name: in.Path, SHA256: in.SHA256}}, f.Path); ok {
				if digestOf(f.Data) != s.SHA256 {
					return nil, fmt.Errorf("input %s has sha256:%s, the record says sha256:%s: %w", f.Path, digestOf(f.Data), s.SHA256, ErrInvalid)
				}
				data = f.Data
			}
		}
		if data == nil {
			var err error
			if data, err = st.Get(in.SHA256); err != nil {
				return nil, fmt.Errorf("input %s: %w (give it with --input)", in.Path, err)
			}
		}
		out = append(out, check.Input{Path: in.Path, Data: data})
	}
	return out, nil
}
