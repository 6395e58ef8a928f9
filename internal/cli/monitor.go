package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/atomicfile"
	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/monitor"
)

const monitorLong = `Check every SBOM and vendor file in an inventory directory, keep what
each check decided in a state file, and on the next run report the files
whose outcome changed and why: bangate serve's re-screening, without a
server, for a cron job.

The first run checks every file. A later run checks again only what can
have changed:
  - a file that is new or whose content changed;
  - a file whose screened parties (its vendors, suppliers, the owners the
    ownership file links to them) match an entry the lists added, changed
    or removed since the last run, or whose findings cite such an entry;
  - every file, when the policies, thresholds, profile, as-of date, fail-on
    level, waivers or ownership file changed, or when the last run's list
    snapshots are not the list store's previous ones (so the change cannot
    be worked out: data update twice between runs).
The as-of date is part of that: with the default (today) a new day checks
everything again, because obligations take effect by date.

For each file whose outcome changed the report names the old and new
outcome, the list entries that changed it, and the snapshots that brought
them with their publication dates. The state file (default
.bangate-monitor.json in the directory; hidden, so not an input) is written
atomically once the run is done; a failed run leaves the last one.

Exit code: the worst current outcome of the inventory, as check gives it
(2 could not check > 1 fail > 3 needs review > 0 pass), whether or not it
changed; the report says what changed. An inventory that cannot be read
or a state file that cannot be read or written is 2.`

const monitorExample = `  bangate monitor --inventory vendors/
  bangate monitor --inventory vendors/ --ownership owners.csv --format json
  bangate data update && bangate monitor --inventory sboms/ --state /var/lib/bangate/sboms.json`

// stateFileName is the default state file in the inventory directory.
const stateFileName = ".bangate-monitor.json"

// stateVersion is the version of the state file's layout.
const stateVersion = 1

// monitorState is what a monitor run leaves for the next.
type monitorState struct {
	Version     int                        `json:"version"`
	Checked     time.Time                  `json:"checked"`
	Lists       []monitor.Snapshot         `json:"lists"`
	ListsKey    string                     `json:"lists_key"`
	Fingerprint string                     `json:"fingerprint"`
	Subjects    map[string]monitor.Subject `json:"subjects"`
}

// monitorReport is the report of a monitor run (JSON as written).
type monitorReport struct {
	Checked time.Time          `json:"checked"`
	Lists   []monitor.Snapshot `json:"lists"`
	// First is set on the run that found no state.
	First bool `json:"first"`
	// Changes are the subjects whose outcome changed.
	Changes []monitor.Alert `json:"changes"`
	// New, Gone are files first seen and no longer there; Rechecked the
	// files checked again.
	New       []string `json:"new"`
	Gone      []string `json:"gone"`
	Rechecked []string `json:"rechecked"`
	// Full is set when every file was checked again.
	Full bool `json:"full"`
	// Subjects are every file's current outcome.
	Subjects []monitorSubject `json:"subjects"`
	Outcome  string           `json:"outcome"`
	ExitCode int              `json:"exit_code"`
}

type monitorSubject struct {
	Name    string `json:"name"`
	Outcome string `json:"outcome"`
}

// monitorKeys are the configuration keys monitor takes as flags: those
// of check, without the report and evidence outputs.
func monitorKeys() []string {
	var out []string
	for _, k := range config.Keys() {
		if k.Flag == "" || strings.HasPrefix(k.Name, "serve.") || strings.HasPrefix(k.Name, "evidence.") ||
			slices.Contains([]string{"output", "verbose", "color"}, k.Name) {
			continue
		}
		out = append(out, k.Name)
	}
	return out
}

func newMonitorCmd(env *Env) *cobra.Command {
	var inventory, stateFile, format string
	cmd := &cobra.Command{
		Use:     "monitor --inventory DIR",
		Short:   "Re-screen a directory of SBOMs and vendor files when the lists change (cron-friendly)",
		Long:    monitorLong,
		Example: monitorExample,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if inventory == "" {
				return withCode(decision.ExitError, errors.New("monitor: --inventory DIR is required"))
			}
			if format != "text" && format != "json" {
				return withCode(decision.ExitError, fmt.Errorf("monitor: --format %q: want text or json", format))
			}
			if stateFile == "" {
				stateFile = filepath.Join(inventory, stateFileName)
			}
			return runMonitor(cmd, env, inventory, stateFile, format)
		},
	}
	cmd.Flags().StringVar(&inventory, "inventory", "", "directory of SBOMs and vendor files to check and keep checking")
	cmd.Flags().StringVar(&stateFile, "state", "", "state file (default DIR/"+stateFileName+")")
	cmd.Flags().StringVar(&format, "format", "text", "report format: text or json")
	addConfigFlags(cmd, monitorKeys()...)
	return cmd
}

func runMonitor(cmd *cobra.Command, env *Env, dir, stateFile, format string) error {
	ctx := cmd.Context()
	cfg, settled, files, err := loadConfigFiles(cmd, env)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	log := newLogger(env.Stderr, cfg.LogLevel)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		if err == nil {
			err = errors.New("not a directory")
		}
		return withCode(decision.ExitError, fmt.Errorf("monitor: inventory %s: %w", dir, unwrapPath(err)))
	}
	prev, err := readMonitorState(stateFile)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	plan, err := newPlan(cfg, settled, env)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	plan.Config = files
	refreshLists(ctx, cfg, settled, plan, env, log)
	sess, err := newSession(ctx, cfg, plan, env, log)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	if w := sess.StaleWarning(); w != "" {
		log.Warn("stale list", "err", w)
	}
	inputs := check.ReadInputs([]string{dir}, nil, plan.Input.MaxSize)
	now := env.Now()
	rep, next, err := monitorRun(ctx, sess, inputs, dir, prev, func(id string) (*lists.List, error) {
		st, err := lists.OpenStore(plan.Lists.StoreDir, env.Now)
		if err != nil {
			return nil, err
		}
		return st.Previous(id)
	}, now)
	if err != nil {
		return withCode(decision.ExitError, err)
	}
	js, err := json.MarshalIndent(next, "", "  ")
	if err != nil {
		return withCode(decision.ExitError, fmt.Errorf("monitor: state: %w", err))
	}
	if err := atomicfile.WriteBytes(stateFile, 0o644, append(js, '\n')); err != nil {
		return withCode(decision.ExitError, fmt.Errorf("monitor: write state %s: %w", stateFile, err))
	}
	if format == "json" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return withCode(decision.ExitError, err)
		}
		fmt.Fprintf(env.Stdout, "%s\n", b)
	} else {
		printMonitorReport(env.Stdout, rep)
	}
	if rep.ExitCode == decision.ExitPass {
		return nil
	}
	return withCode(rep.ExitCode, nil)
}

// readMonitorState reads the state file; nil when there is none yet.
func readMonitorState(path string) (*monitorState, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("monitor: read state %s: %w", path, unwrapPath(err))
	}
	return parseMonitorState(b, path)
}

// parseMonitorState decodes a state file's bytes; path names it in errors.
func parseMonitorState(b []byte, path string) (*monitorState, error) {
	var st monitorState
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, fmt.Errorf("monitor: state %s: %w (remove it to start again)", path, err)
	}
	if st.Version != stateVersion {
		return nil, fmt.Errorf("monitor: state %s: version %d, this bangate writes %d (remove it to start again)", path, st.Version, stateVersion)
	}
	if st.Subjects == nil {
		st.Subjects = map[string]monitor.Subject{}
	}
	return &st, nil
}

// monitorRun decides the inventory against the last state: it checks new
// and changed files, re-screens the others as monitor.Rescreen does, and
// returns the report and the next state. previous returns the list
// store's previous snapshot of a list.
func monitorRun(ctx context.Context, sess *check.Session, inputs []check.Input, dir string, prev *monitorState,
	previous func(id string) (*lists.List, error), now time.Time) (monitorReport, monitorState, error) {
	rep := monitorReport{Checked: now.UTC(), First: prev == nil, Changes: []monitor.Alert{}, New: []string{}, Gone: []string{}, Rechecked: []string{}}
	next := monitorState{Version: stateVersion, Checked: now.UTC(), ListsKey: monitor.ListsKey(sess), Fingerprint: monitor.Fingerprint(sess),
		Subjects: map[string]monitor.Subject{}}
	for _, p := range sess.Lists() {
		next.Lists = append(next.Lists, monitor.SnapshotOf(p))
	}
	rep.Lists = next.Lists
	cur, err := sess.LoadedLists()
	if err != nil {
		return rep, next, err
	}
	if prev == nil {
		prev = &monitorState{Subjects: map[string]monitor.Subject{}}
	}
	old, from := oldLists(cur, prev, previous)
	sc, err := monitor.NewScreener(monitor.Changes(old, cur), sess.Plan().Screening.Match, sess.Plan().Screening.Review)
	if err != nil {
		return rep, next, err
	}
	rep.Full = !rep.First && (from == "" || prev.Fingerprint != next.Fingerprint)
	worst := decision.ExitPass
	seen := map[string]bool{}
	for _, in := range inputs {
		if in.Skipped != "" {
			continue // hidden (the state file), a link out of the tree, ...
		}
		key := relName(dir, in.Path)
		sub := monitor.Subject{Key: key, Name: key, Data: in.Data}
		old, kept := prev.Subjects[key]
		sum := sha256Hex(in.Data)
		if !kept || old.SHA256 != sum || old.Outcome == decision.OutcomeError || in.Err != nil {
			run := sess.Run(ctx, []check.Input{in})
			if len(run.Decision.Inputs) == 0 {
				continue // not an SBOM or vendor file (a README): the run skipped it
			}
			monitor.Observe(&sub, sess, run)
			rep.New = append(rep.New, key)
			if kept && old.Outcome != sub.Outcome && !rep.First {
				rep.Changes = append(rep.Changes, monitor.Alert{Raised: now.UTC(), Subject: key, Name: key, Old: old.Outcome, New: sub.Outcome,
					Parties: monitor.PartiesOf(run), Entries: []monitor.Entry{}, Snapshots: []monitor.Snapshot{}})
			}
		} else {
			old.Key, old.Name, old.Data = key, key, in.Data
			f := from
			if f == "" {
				f = "\x00unknown" // the change cannot be worked out: no subject stands on it, so all are checked
			}
			res, err := monitor.Rescreen(ctx, sess, []monitor.Subject{old}, sc, f, now)
			if err != nil {
				return rep, next, err
			}
			r := res[0]
			sub = r.Subject
			if r.Run != nil {
				rep.Rechecked = append(rep.Rechecked, key)
			}
			if r.Alert != nil {
				rep.Changes = append(rep.Changes, *r.Alert)
			}
		}
		sub.Data = nil
		seen[key] = true
		next.Subjects[key] = sub
		rep.Subjects = append(rep.Subjects, monitorSubject{Name: key, Outcome: sub.Outcome})
		if c := decision.ExitCodeFor(sub.Outcome); decision.Worse(c, worst) {
			worst = c
		}
	}
	for key := range prev.Subjects {
		if !seen[key] {
			rep.Gone = append(rep.Gone, key)
		}
	}
	slices.Sort(rep.Gone)
	if rep.Subjects == nil {
		rep.Subjects = []monitorSubject{}
	}
	rep.ExitCode, rep.Outcome = worst, decision.OutcomeFor(worst)
	return rep, next, nil
}

// oldLists are the lists of the last run as far as the list store still
// holds them (a list unchanged is the current one, a changed one must be
// the store's previous snapshot), and from, the ListsKey they make; from
// is "" when a list of the last run is not to be had.
func oldLists(cur []*lists.List, prev *monitorState, previous func(id string) (*lists.List, error)) ([]*lists.List, string) {
	if len(prev.Lists) == 0 {
		return cur, ""
	}
	byID := map[string]*lists.List{}
	for _, l := range cur {
		byID[l.Provenance.ID] = l
	}
	var out []*lists.List
	for _, s := range prev.Lists {
		l := byID[s.List]
		if l == nil || l.Provenance.SHA256 != s.SHA256 {
			p, err := previous(s.List)
			if err != nil || p.Provenance.SHA256 != s.SHA256 {
				return cur, ""
			}
			l = p
		}
		out = append(out, l)
	}
	return out, prev.ListsKey
}

// relName is path relative to the inventory, with forward slashes.
func relName(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}

// printMonitorReport writes the text report.
func printMonitorReport(w io.Writer, rep monitorReport) {
	fmt.Fprintf(w, "inventory: %d files, outcome %s (exit %d)\n", len(rep.Subjects), strings.ToUpper(rep.Outcome), rep.ExitCode)
	var ls []string
	for _, l := range rep.Lists {
		ls = append(ls, fmt.Sprintf("%s %s", l.List, dateOrUnknown(l.Published, time.DateOnly)))
	}
	fmt.Fprintf(w, "lists: %s\n", strings.Join(ls, ", "))
	switch {
	case rep.First:
		fmt.Fprintf(w, "first run: every file checked; the next run reports what changes\n")
	case rep.Full:
		fmt.Fprintf(w, "every file checked again (the policies, settings or lists changed in a way not worked out entry by entry)\n")
	default:
		fmt.Fprintf(w, "checked again: %d (new or changed files: %d)\n", len(rep.Rechecked), len(rep.New))
	}
	if len(rep.Changes) == 0 && !rep.First {
		fmt.Fprintf(w, "no outcome changed\n")
	}
	for _, a := range rep.Changes {
		who := a.Name
		if len(a.Parties) > 0 {
			who += " (" + strings.Join(a.Parties, ", ") + ")"
		}
		fmt.Fprintf(w, "\n%s: %s -> %s\n", who, strings.ToUpper(a.Old), strings.ToUpper(a.New))
		for _, e := range a.Entries {
			fmt.Fprintf(w, "  %s %s %q %s in the snapshot published %s (sha256 %s)\n", e.List, e.ID, e.Name, e.Change,
				dateOrUnknown(e.Snapshot.Published, time.DateOnly), short(e.Snapshot.SHA256))
		}
		if len(a.Entries) == 0 {
			fmt.Fprintf(w, "  the file changed, or the policies or settings did: see bangate check %s\n", a.Name)
		}
	}
	for _, g := range rep.Gone {
		fmt.Fprintf(w, "gone: %s\n", g)
	}
}

// sha256Hex is the hex sha256 of b.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
