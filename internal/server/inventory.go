package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/monitor"
	"github.com/bangate/bangate/internal/report"
	"github.com/bangate/bangate/internal/store"
)

// monitorActor is the actor of the decisions re-screening makes.
const monitorActor = "bangate monitor (re-screen on new lists)"

// subjectKey identifies a kept subject: the input under the settings a
// request may choose. The same input checked again replaces its entry.
func subjectKey(plan check.Plan, data []byte) string {
	// The same input under the same profile, date and fail-on level is
	// one subject, whichever reviewers' clearings its check applied: a
	// re-screen applies the clearings in force then.
	plan.Waivers.File = nil
	return sha256Hex([]byte(planKey(plan) + "\x00" + sha256Hex(data)))
}

// kept is the inventory entry of a checked input, with what its check
// (decision e, whose ID is set) decided and rested on.
func (s *Server) kept(plan check.Plan, in requestInput, sess *check.Session, run *check.Run, e *store.Entry) (store.Kept, error) {
	sub := monitor.Subject{Key: subjectKey(plan, in.data), Name: in.name, Data: in.data, Decision: e.ID}
	monitor.Observe(&sub, sess, run)
	return s.keptOf(plan, sub)
}

// keptOf is the inventory entry of sub under plan.
func (s *Server) keptOf(plan check.Plan, sub monitor.Subject) (store.Kept, error) {
	pj, err := plan.JSON()
	if err != nil {
		return store.Kept{}, err
	}
	state, err := json.Marshal(sub)
	if err != nil {
		return store.Kept{}, err
	}
	return store.Kept{Subject: sub.Key, Name: sub.Name, Plan: pj, Input: sub.Data, State: state, Updated: s.now(), Lists: sub.Lists}, nil
}

// keepSubject stores sub under plan.
func (s *Server) keepSubject(ctx context.Context, plan check.Plan, sub monitor.Subject) error {
	k, err := s.keptOf(plan, sub)
	if err != nil {
		return err
	}
	return s.opts.Log.Keep(ctx, k)
}

// keptPlan is the plan a kept subject is checked under: the server's,
// with the profile, as-of date and fail-on level of the request that
// brought it.
func (s *Server) keptPlan(k store.Kept) (check.Plan, error) {
	var p check.Plan
	if err := json.Unmarshal(k.Plan, &p); err != nil {
		return p, fmt.Errorf("kept subject %s: plan: %w", k.Name, err)
	}
	plan := s.opts.Plan
	plan.Profile, plan.AsOf, plan.FailOn = p.Profile, p.AsOf, p.FailOn
	return plan, nil
}

// RefreshLists looks at the list store now, as the refresher does every
// ListRefresh: when the snapshots changed it swaps in the new lists and
// queues the re-screen of the inventory on them. It returns when the
// re-screen is done (by this process or another sharing the database) or
// has failed once.
func (s *Server) RefreshLists(ctx context.Context) { s.refresh(ctx, true) }

// fullRescreen is the "from" of a re-screen without the old lists: no
// subject was screened on it, so every one not on the new lists is
// checked again.
const fullRescreen = "(full)"

// diff is what changed between two generations, and the screener of
// those changes: worked out once per process for all the parts of a
// re-screen.
type diff struct {
	key     string
	once    sync.Once
	changes []monitor.Change
	sc      *monitor.Screener
	from    string
	err     error
}

// diffOf returns the changes from old to cur (old nil: none, and a from
// no subject stands on).
func (s *Server) diffOf(old, cur *generation) *diff {
	key := genKey(cur)
	if old != nil {
		key = genKey(old) + "\x00" + key
	}
	d := &diff{key: key}
	if prev := s.lastDiff.Load(); prev != nil && prev.key == key {
		d = prev
	} else if !s.lastDiff.CompareAndSwap(prev, d) {
		if cur := s.lastDiff.Load(); cur != nil && cur.key == key {
			d = cur
		}
	}
	d.once.Do(func() {
		d.from = fullRescreen
		if old != nil {
			oldLs, err := old.base.LoadedLists()
			if err != nil {
				d.err = fmt.Errorf("re-screen: the previous lists: %w", err)
				return
			}
			curLs, err := cur.base.LoadedLists()
			if err != nil {
				d.err = fmt.Errorf("re-screen: the new lists: %w", err)
				return
			}
			d.changes = monitor.Changes(oldLs, curLs)
			d.from = monitor.ListsKey(old.base)
		}
		th := s.opts.Plan.Screening
		if d.sc, d.err = monitor.NewScreener(d.changes, th.Match, th.Review); d.err != nil {
			d.err = fmt.Errorf("re-screen: %w", d.err)
		}
	})
	return d
}

// rescreen checks again, on the lists of cur, the kept subjects with keys
// in [lo, hi) ("" hi: no bound) that the changes from old can affect (all
// of them when the policies or settings changed, or when old is nil: the
// old lists are not at hand), logs the new decisions, and raises an alert
// for each subject whose outcome changed.
func (s *Server) rescreen(ctx context.Context, old, cur *generation, lo, hi string) error {
	d := s.diffOf(old, cur)
	if d.err != nil {
		return d.err
	}
	changes, sc, from := d.changes, d.sc, d.from
	// The reviewers' clearings apply as they do to a check, so that a
	// party a reviewer cleared does not come back as a possible match.
	cleared, err := s.clearings(ctx)
	if err != nil {
		return fmt.Errorf("re-screen: the reviews: %w", err)
	}
	start := time.Now()
	var kept, rerun, alerts int
	keys := map[*check.Session][2]string{} // a session's Fingerprint and ListsKey
	err = s.opts.Log.InventoryRange(ctx, lo, hi, false, func(page []store.Kept) error {
		moved := map[string][]string{} // left alone, now standing on the new lists (by ListsKey)
		for _, k := range page {
			kept++
			var sub monitor.Subject
			if err := json.Unmarshal(k.State, &sub); err != nil {
				return fmt.Errorf("kept subject %s: state: %w", k.Name, err)
			}
			sub.Key, sub.Name = k.Subject, k.Name
			if k.Lists != "" {
				sub.Lists = k.Lists // moved since the state was written
			}
			plan, err := s.keptPlan(k)
			if err != nil {
				return err
			}
			// Decided from the state alone when no reviewer's clearing can
			// concern the subject's parties: its input is read only when
			// it is checked again.
			if !mayConcern(cleared, sub.Names) {
				if sess, err := s.session(ctx, cur, plan); err == nil {
					kk, ok := keys[sess]
					if !ok {
						kk = [2]string{monitor.Fingerprint(sess), monitor.ListsKey(sess)}
						keys[sess] = kk
					}
					t, err := sc.Triage(sub, from, kk[0], kk[1])
					if err != nil {
						return err
					}
					if !t.Run {
						if t.Moved {
							moved[kk[1]] = append(moved[kk[1]], k.Subject)
						}
						continue
					}
				}
			}
			in, err := s.opts.Log.KeptInput(ctx, k.Subject)
			if errors.Is(err, store.ErrNotKept) {
				continue // dropped since the page was read
			}
			if err != nil {
				return err
			}
			k.Input, sub.Data = in, in
			r, plan, err := s.rescreenOne(ctx, cur, plan, sub, forInput(cleared, k.Input), sc, from)
			if err != nil {
				return err
			}
			if r == nil {
				continue // its plan no longer runs; logged
			}
			if r.Run != nil {
				rerun++
				e, err := s.logRescreen(ctx, plan, k, r.Run)
				if err != nil {
					return err
				}
				r.Subject.Decision = e.ID
				if r.Alert != nil {
					r.Alert.Decision = e.ID
					if err := s.raise(ctx, r.Alert); err != nil {
						return err
					}
					alerts++
				}
			}
			if r.Run != nil || r.Subject.Lists != sub.Lists {
				if err := s.keepSubject(ctx, plan, r.Subject); err != nil {
					return err
				}
			}
		}
		for lists, subs := range moved {
			if err := s.opts.Log.SetLists(ctx, subs, lists); err != nil {
				return err
			}
		}
		return nil
	})
	s.log.Info("re-screen on new lists", "full", old == nil, "from_key", lo, "to_key", hi, "changed_lists", len(changes),
		"changed_entries", monitor.Entries(changes), "kept", kept, "rechecked", rerun, "alerts", alerts, "took", time.Since(start).String())
	if err != nil {
		return fmt.Errorf("re-screen: %w", err)
	}
	return nil
}

// mayConcern reports whether one of the clearings may concern one of
// names (a subject's screened parties): its party is in a name, or a name
// in its party, ignoring case.
func mayConcern(cs []clearing, names []string) bool {
	for _, c := range cs {
		p := strings.ToLower(strings.TrimSpace(c.doc.Party))
		if p == "" {
			return true
		}
		for _, n := range names {
			n = strings.ToLower(strings.TrimSpace(n))
			if n != "" && (strings.Contains(n, p) || strings.Contains(p, n)) {
				return true
			}
		}
	}
	return false
}

// logRescreen appends the decision of a re-screen to the log.
func (s *Server) logRescreen(ctx context.Context, plan check.Plan, k store.Kept, run *check.Run) (*store.Entry, error) {
	var doc bytes.Buffer
	if err := mustRenderer(report.FormatJSON).Render(&doc, run.Decision); err != nil {
		return nil, fmt.Errorf("render the decision: %w", err)
	}
	e := &store.Entry{Kind: store.KindRescreen, Actor: monitorActor, Outcome: run.Decision.Outcome, ExitCode: run.Decision.ExitCode,
		Profile: plan.Profile, AsOf: plan.AsOf.UTC().Format(time.RFC3339), Subjects: subjectsOf(run),
		Input: s.logInput(requestInput{data: k.Input, name: k.Name}), Decision: doc.Bytes()}
	var err error
	if e.Plan, err = plan.JSON(); err != nil {
		return nil, fmt.Errorf("encode the plan: %w", err)
	}
	if e.Lists, err = json.Marshal(run.Decision.Lists); err != nil {
		return nil, fmt.Errorf("encode the lists: %w", err)
	}
	if err := s.opts.Log.Append(ctx, e); err != nil {
		return nil, err
	}
	s.metrics.decision(e.Kind, e.Outcome, e.Seq)
	return e, nil
}

// rescreenOne re-screens one kept subject on plan with the clearings of
// its parties as waivers, as runWithClearings checks an input: a clearing
// that lapsed (its entry changed) is dropped and the subject run again, and
// when the policies refuse the clearings it runs without them. It returns
// the result and the plan it ran on; a nil result when the subject's plan
// no longer runs (logged).
func (s *Server) rescreenOne(ctx context.Context, cur *generation, plan check.Plan, sub monitor.Subject, cs []clearing,
	sc *monitor.Screener, from string) (*monitor.Result, check.Plan, error) {
	for {
		p, err := withClearings(plan, cur.base.Waivers(), cs)
		if err != nil {
			return nil, plan, err
		}
		sess, err := s.session(ctx, cur, p)
		if err != nil && len(cs) > 0 {
			s.log.Error("re-screen: the reviews' clearings cannot be applied as waivers; checked without them", "subject", sub.Name, "err", err)
			cs = nil
			continue
		}
		if err != nil {
			s.log.Error("re-screen: the subject's plan no longer runs; it is left as it was", "subject", sub.Name, "err", err)
			return nil, plan, nil
		}
		res, err := monitor.Rescreen(ctx, sess, []monitor.Subject{sub}, sc, from, s.now())
		if err != nil {
			return nil, plan, err
		}
		r := &res[0]
		if r.Run != nil {
			if gone := lapsed(r.Run.Decision, cs); len(gone) > 0 {
				cs = slices.DeleteFunc(cs, func(c clearing) bool { return gone[c.waiver.ID] })
				continue
			}
		}
		return r, sess.Plan(), nil
	}
}
