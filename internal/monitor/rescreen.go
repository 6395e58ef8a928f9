package monitor

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
)

// Alert says that a subject's outcome changed on new lists, and why.
type Alert struct {
	// Seq numbers the alert in its store (0 until stored).
	Seq int64 `json:"seq,omitempty"`
	// Raised is when the re-screen found the change.
	Raised time.Time `json:"raised"`
	// Subject is the subject's key, Name its input's name.
	Subject string `json:"subject"`
	Name    string `json:"name"`
	// Parties are the parties the new decision's findings are about (a
	// vendor, a supplier), so that the alert says whom it concerns.
	Parties []string `json:"parties"`
	// Old and New are the outcomes before and after.
	Old string `json:"old_outcome"`
	New string `json:"new_outcome"`
	// Entries are the changed list entries that affect the subject;
	// empty when the change came from the policies or settings (Full).
	Entries []Entry `json:"entries"`
	// Snapshots are the list snapshots the new decision used that the
	// re-screen brought in (their publication dates say when).
	Snapshots []Snapshot `json:"snapshots"`
	// Full is set when every subject was checked again (the policies,
	// thresholds or settings changed), not only those the entries affect.
	Full bool `json:"full,omitempty"`
	// Decision is the new decision's ID in the log, if it was logged.
	Decision string `json:"decision,omitempty"`
}

// Result is what re-screening one subject did.
type Result struct {
	// Subject is the subject as it now stands (updated when re-run).
	Subject Subject
	// Run is the new run; nil when the changes could not affect it.
	Run *check.Run
	// Entries are the changed entries that made it re-run.
	Entries []Entry
	// Full is set when it was re-run because it was checked on other
	// settings or on lists the changes do not start from.
	Full bool
	// Alert is set when the outcome changed.
	Alert *Alert
	// Old is the outcome before.
	Old string
}

// Rescreen re-runs on sess the subjects the changes can affect: those
// whose screened names or identifier look-ups match a changed entry (sc.Affects), and every one
// checked under another Fingerprint or on lists other than from (the
// ListsKey the changes start from; "" skips that test). It returns one
// Result per subject, in order; a subject left alone has a nil Run.
func Rescreen(ctx context.Context, sess *check.Session, subs []Subject, sc *Screener, from string, now time.Time) ([]Result, error) {
	fp, to := Fingerprint(sess), ListsKey(sess)
	var snaps []Snapshot
	for _, c := range sc.changes {
		if c.New.List != "" {
			snaps = append(snaps, c.New)
		}
	}
	out := make([]Result, 0, len(subs))
	for _, sub := range subs {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		r := Result{Subject: sub, Old: sub.Outcome}
		t, err := sc.Triage(sub, from, fp, to)
		if err != nil {
			return out, err
		}
		r.Entries, r.Full = t.Entries, t.Full
		if !t.Run {
			if t.Moved {
				r.Subject.Lists = to // the changes do not touch it: it stands on the new lists
			}
			out = append(out, r)
			continue
		}
		es := r.Entries
		run := sess.Run(ctx, []check.Input{{Path: sub.Name, Data: sub.Data}})
		r.Run = run
		Observe(&r.Subject, sess, run)
		if r.Subject.Outcome != r.Old {
			r.Alert = &Alert{Raised: now.UTC(), Subject: sub.Key, Name: sub.Name, Old: r.Old, New: r.Subject.Outcome,
				Entries: es, Snapshots: snaps, Full: r.Full}
			r.Alert.Parties = PartiesOf(run)
			if r.Alert.Entries == nil {
				r.Alert.Entries = []Entry{}
			}
			if r.Alert.Snapshots == nil {
				r.Alert.Snapshots = []Snapshot{}
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// Triage is what a re-screen does with one subject, decided without its
// input.
type Triage struct {
	// Run is set when the subject must be checked again.
	Run bool
	// Full is set when it must because it was checked under another
	// Fingerprint or on lists other than those the changes start from.
	Full bool
	// Moved is set when it is left alone but now stands on the new lists
	// (the changes cannot touch it).
	Moved bool
	// Entries are the changed entries that can affect it.
	Entries []Entry
}

// Triage decides, from a subject's state alone, whether the changes
// from the lists named from (a ListsKey; "" skips that test) can affect
// it on a session with Fingerprint fp and ListsKey to: so that a caller
// reads the inputs of only the subjects to check again.
func (s *Screener) Triage(sub Subject, from, fp, to string) (Triage, error) {
	var t Triage
	t.Full = sub.Fingerprint != fp || (from != "" && sub.Lists != from)
	if sub.Lists == to && sub.Fingerprint == fp {
		return Triage{}, nil // already checked on these lists
	}
	es, err := s.Affects(sub.Names, sub.Cited, sub.Lookups)
	if err != nil {
		return t, fmt.Errorf("re-screen %s: %w", sub.Name, err)
	}
	t.Entries = es
	t.Run = len(es) > 0 || t.Full
	t.Moved = !t.Run
	return t, nil
}

// PartiesOf names the parties a run's findings (violations, reviews,
// waived) are about, each once, in order.
func PartiesOf(run *check.Run) []string {
	out := []string{}
	for _, in := range run.Decision.Inputs {
		for _, vs := range [][]decision.Violation{in.Result.Violations, in.Result.Reviews, in.Result.Waived} {
			for _, v := range vs {
				if n := v.Subject.Name; n != "" && !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
	}
	return out
}
