package evidence

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/internal/procurement"
	"github.com/bangate/bangate/internal/screen"
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
// data: the policy bundle rebuilt from the stored files, the list
// snapshots as recorded (from st, else the list store, else the embedded
// snapshot, each checked against the recorded digest), the recorded
// waivers, configuration and as_of, and the stored inputs. What is not
// available locally is ErrMissing, named; a stored copy that no longer
// matches its digest is ErrTampered, named.
func Replay(ctx context.Context, rec *Record, st *Store, opts ReplayOptions) (*ReplayResult, error) {
	p := rec.Predicate
	b, err := rebuildBundle(st, p.Policy)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	engine, err := policy.NewFromBundle(ctx, b, policy.WaiverData(p.Waivers.Entries))
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	res := &ReplayResult{ListSources: map[string]string{}, RecordedExit: p.ExitCode}
	ls, err := replayLists(st, p.Lists, opts.ListsDir, res.ListSources)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	sopts := screen.DefaultOptions()
	sopts.Match, sopts.Review = p.Config.MatchThreshold, p.Config.ReviewThresh
	scr, err := check.NewScreening(ls, sopts)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	inputs, err := replayInputs(st, p.Inputs, opts.Inputs)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	popts := procurement.Options{Columns: p.Config.ProcurementColumns, Encoding: p.Config.ProcurementEncoding}
	var ownership []procurement.Edge
	if p.Config.OwnershipSHA256 != "" {
		b, err := st.Get(p.Config.OwnershipSHA256)
		if err != nil {
			return nil, fmt.Errorf("replay: ownership file %s: %w", p.Config.OwnershipFile, err)
		}
		if ownership, err = procurement.ReadOwnership(bytes.NewReader(b), p.Config.OwnershipFile, procurement.Options{Encoding: p.Config.ProcurementEncoding}); err != nil {
			return nil, fmt.Errorf("replay: %w", err)
		}
	}
	checker := check.New(engine, scr, check.Options{
		Profile: p.Config.Profile, AsOf: p.AsOf, AllComponents: p.Config.PolicyInput == "all",
		MaxListed: p.Config.MaxListed, Kind: p.Config.InputKind, Embargo: p.Config.Embargo,
		Procurement: popts, Ownership: ownership,
	})
	// As the check command does: the waiver findings over the whole run,
	// then the gate.
	run := checker.Run(ctx, inputs, opts.Tool)
	check.Finish(run, check.Gate{Waivers: p.Waivers.Entries, AsOf: p.AsOf, WaiverWarnDays: p.Config.WaiverWarnDays,
		FailOn: p.Config.FailOn, WaiverFail: p.Config.WaiverFail})
	res.Run, res.ExitCode = run, run.ExitCode
	for i, in := range p.Inputs {
		want := comparable(in.Outcome, in.Error, in.Result)
		got := comparable(run.Inputs[i].Outcome, run.Inputs[i].Error, run.Inputs[i].Result)
		if d := cmp.Diff(want, got); d != "" {
			res.Diffs = append(res.Diffs, InputDiff{Path: in.Path, Diff: d})
		}
	}
	res.Same = len(res.Diffs) == 0 && res.ExitCode == res.RecordedExit
	return res, nil
}

// comparable is a decision as plain JSON values, so that a recorded and a
// fresh decision compare equal whatever Go types their matches hold.
func comparable(outcome, errText string, r decision.Result) any {
	raw, err := json.Marshal(struct {
		Outcome string          `json:"outcome"`
		Error   string          `json:"error,omitempty"`
		Result  decision.Result `json:"result"`
	}{outcome, errText, normalResult(r)})
	if err != nil {
		return err.Error()
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return err.Error()
	}
	return v
}

// rebuildBundle writes the stored bundle files into a temporary directory
// per origin, loads them as the check did, and checks the digest.
func rebuildBundle(st *Store, rb Bundle) (*policy.Bundle, error) {
	tmp, err := os.MkdirTemp("", "bangate-replay-*")
	if err != nil {
		return nil, fmt.Errorf("rebuild policy bundle: %w", err)
	}
	defer os.RemoveAll(tmp)
	dirs := map[string]string{}
	var origins []string
	for _, f := range rb.Files {
		if !safeRelPath(f.Path) {
			return nil, fmt.Errorf("policy file %q: %w: unsafe path", f.Path, ErrMalformed)
		}
		dir, ok := dirs[f.Origin]
		if !ok {
			dir = filepath.Join(tmp, fmt.Sprintf("o%d", len(dirs)))
			dirs[f.Origin] = dir
			origins = append(origins, f.Origin)
		}
		data, err := st.Get(f.SHA256)
		if err != nil {
			return nil, fmt.Errorf("policy file %s:%s: %w", f.Origin, f.Path, err)
		}
		dst := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, fmt.Errorf("rebuild policy bundle: %w", err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return nil, fmt.Errorf("rebuild policy bundle: %w", err)
		}
	}
	var builtin *os.Root
	var userDirs []string
	back := map[string]string{}
	for _, o := range origins {
		if o == "builtin" {
			r, err := os.OpenRoot(dirs[o])
			if err != nil {
				return nil, fmt.Errorf("rebuild policy bundle: %w", err)
			}
			defer r.Close()
			builtin = r
			continue
		}
		userDirs = append(userDirs, dirs[o])
		back[dirs[o]] = o
	}
	var b *policy.Bundle
	if builtin != nil {
		b, err = policy.LoadBundle(builtin.FS(), userDirs)
	} else {
		b, err = policy.LoadBundle(nil, userDirs)
	}
	if err != nil {
		return nil, fmt.Errorf("rebuild policy bundle: %w", err)
	}
	for i := range b.Files {
		if o, ok := back[b.Files[i].Origin]; ok {
			b.Files[i].Origin = o
		}
	}
	sort.Slice(b.Files, func(i, j int) bool {
		if b.Files[i].Origin != b.Files[j].Origin {
			return b.Files[i].Origin < b.Files[j].Origin
		}
		return b.Files[i].Path < b.Files[j].Path
	})
	if got := b.Digest(); got != rb.Digest {
		return nil, fmt.Errorf("rebuilt policy bundle has digest sha256:%s, the record says sha256:%s: %w", got, rb.Digest, ErrTampered)
	}
	return b, nil
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
		l, err := st.GetList(s.Object, s.Provenance)
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
		found.Provenance = s.Provenance
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
