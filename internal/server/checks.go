package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/evidence"
	"github.com/bangate/bangate/internal/report"
	"github.com/bangate/bangate/internal/store"
)

// checkParams are the query parameters of POST /v1/checks.
var checkParams = []string{"profile", "as_of", "fail_on", "name", "async", "monitor"}

// boolParam reads query parameter key, "true" or "false"; def when it is
// not given.
func boolParam(q url.Values, key string, def bool) (bool, *httpError) {
	switch v := q.Get(key); v {
	case "":
		return def, nil
	case "true":
		return true, nil
	case "false":
		return false, nil
	default:
		return def, badRequest("%s %q: want true or false", key, v)
	}
}

// strictQuery refuses parameters the endpoint does not know, or gives
// twice: a misspelt fail_on must not silently check with the default.
func strictQuery(q url.Values, known []string) *httpError {
	for k, vs := range q {
		if !slices.Contains(known, k) {
			return badRequest("unknown query parameter %q (known: %s)", k, strings.Join(known, ", "))
		}
		if len(vs) > 1 {
			return badRequest("query parameter %q given %d times", k, len(vs))
		}
	}
	return nil
}

// planFor is the plan of a check request: the server's plan with the
// profile, as-of date and fail-on level the query sets.
func (s *Server) planFor(q url.Values) (check.Plan, *httpError) {
	plan := s.opts.Plan
	if v := strings.TrimSpace(q.Get("profile")); v != "" {
		plan.Profile = v
	}
	switch v := strings.TrimSpace(q.Get("as_of")); {
	case v != "":
		t, err := config.ParseAsOf(v, s.now())
		if err != nil {
			return plan, badRequest("as_of %q: want a date YYYY-MM-DD or an RFC 3339 time", v)
		}
		plan.AsOf = t
	case s.opts.TodayAsOf:
		plan.AsOf, _ = config.ParseAsOf("", s.now())
	}
	if v := strings.TrimSpace(q.Get("fail_on")); v != "" {
		v = strings.ToLower(v)
		if _, err := decision.ParseFailOn(v); err != nil {
			return plan, badRequest("fail_on %q: want one of %s", v, strings.Join(decision.FailOnLevels(), ", "))
		}
		plan.FailOn = v
	}
	if err := plan.Validate(); err != nil {
		return plan, badRequest("%v", err)
	}
	return plan, nil
}

// handleCheck is POST /v1/checks.
func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if he := strictQuery(q, checkParams); he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	async, he := boolParam(q, "async", false)
	if he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	plan, he := s.planFor(q)
	if he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	name := defaultInputName
	if v := q.Get("name"); v != "" {
		name = cleanName(v)
	}
	keep, he := boolParam(q, "monitor", true)
	if he != nil {
		s.fail(w, r, he.status, he.msg)
		return
	}
	in, he := readInput(w, r, s.opts.MaxRequestSize, name)
	if he != nil {
		s.reject(w, r, he)
		return
	}
	in.keep = keep
	tok := tokenOf(r.Context())
	if async || (s.opts.AsyncSize > 0 && int64(len(in.data)) >= s.opts.AsyncSize) {
		s.startJob(w, r, plan, in, tok)
		return
	}
	e, he := s.check(r.Context(), plan, in, actor(tok))
	if he != nil {
		s.reject(w, r, he)
		return
	}
	s.answerDecision(w, r, http.StatusCreated, e)
}

// reject answers a request that got no decision.
func (s *Server) reject(w http.ResponseWriter, r *http.Request, he *httpError) {
	if he.status >= 400 && he.status < 500 {
		s.metrics.rejected.WithLabelValues(fmt.Sprint(he.status)).Inc()
	}
	s.fail(w, r, he.status, he.msg)
}

// answerDecision answers a logged decision: its document with its ID and
// place in the log.
func (s *Server) answerDecision(w http.ResponseWriter, r *http.Request, status int, e *store.Entry) {
	info := infoOf(r)
	info.decision, info.outcome = e.ID, e.Outcome
	body := withReceipt(e.Decision, e)
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", fmt.Sprint(len(body)))
	if status == http.StatusCreated {
		h.Set("Location", "/v1/decisions/"+e.ID)
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// receipt is where a decision stands in the log.
type receipt struct {
	Seq  int64  `json:"seq"`
	Hash string `json:"hash"`
}

// withReceipt returns the decision document with "id" and "log" as its
// first members; the rest is the document byte for byte.
func withReceipt(doc []byte, e *store.Entry) []byte {
	rec, _ := json.Marshal(receipt{Seq: e.Seq, Hash: e.Hash})
	id, _ := json.Marshal(e.ID)
	if rest, ok := bytes.CutPrefix(doc, []byte("{\n")); ok {
		head := fmt.Appendf(nil, "{\n  \"id\": %s,\n  \"log\": %s,\n", id, rec)
		return append(head, rest...)
	}
	// Not the indented form the renderers write: merge as JSON.
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		m = map[string]json.RawMessage{"document": json.RawMessage(doc)}
	}
	m["id"], m["log"] = id, rec
	out, _ := json.MarshalIndent(m, "", "  ")
	return append(out, '\n')
}

// maxStale bounds the times a check is decided again because a review
// was logged while it was decided (checkOnce).
const maxStale = 5

// check decides one input and logs the decision. An input that cannot be
// read or is of no known kind gets a 4xx and no decision.
func (s *Server) check(ctx context.Context, plan check.Plan, in requestInput, who string) (*store.Entry, *httpError) {
	s.work.Add(1)
	defer s.work.Done()
	for range maxStale {
		e, he, stale := s.checkOnce(ctx, plan, in, who)
		if !stale {
			return e, he
		}
	}
	return nil, &httpError{status: http.StatusServiceUnavailable, msg: "reviews kept being logged while the input was checked; try again"}
}

// checkOnce decides one input with the reviewers' clearings as the log
// held them at some seq, and logs the decision unless a review was logged
// after that seq (stale: the clearings are read again, and the input
// decided again, by check).
func (s *Server) checkOnce(ctx context.Context, plan check.Plan, in requestInput, who string) (_ *store.Entry, _ *httpError, stale bool) {
	if err := s.acquire(ctx); err != nil {
		return nil, &httpError{status: http.StatusServiceUnavailable, msg: "request ended while waiting for a free check slot"}, false
	}
	// The slot bounds the checks computed at once; the wait for the
	// log's commit below is not computing, so the slot is given back
	// before it: other checks run meanwhile. Their appends, announced to
	// the log, join the commit of this one (one sync for several).
	release := sync.OnceFunc(s.release)
	defer release()
	withdraw := s.opts.Log.Announce()
	defer withdraw()
	s.metrics.inFlight.Inc()
	defer s.metrics.inFlight.Dec()
	g := s.gen.Load()
	sess, run, asOf, he := s.runWithClearings(ctx, g, plan, in)
	if he != nil {
		return nil, he, false
	}
	plan = sess.Plan()
	if ctx.Err() != nil {
		return nil, &httpError{status: http.StatusServiceUnavailable, msg: "request cancelled before the check finished"}, false
	}
	if len(run.Inputs) == 1 {
		if ie := run.Inputs[0].Err; ie != nil && (ie.Stage == check.StageRead || ie.Stage == check.StageParse) {
			status := http.StatusBadRequest
			if check.IsUnknownKind(ie) {
				status = http.StatusUnsupportedMediaType
			}
			return nil, &httpError{status: status, msg: ie.Error()}, false
		}
	}
	var doc bytes.Buffer
	if err := mustRenderer(report.FormatJSON).Render(&doc, run.Decision); err != nil {
		return nil, s.internal("render the decision", err), false
	}
	e := &store.Entry{Kind: store.KindCheck, Actor: who, Outcome: run.Decision.Outcome, ExitCode: run.Decision.ExitCode,
		Profile: plan.Profile, AsOf: plan.AsOf.UTC().Format(time.RFC3339), Subjects: subjectsOf(run),
		Input: s.logInput(in), Decision: doc.Bytes()}
	var err error
	if e.Plan, err = plan.JSON(); err != nil {
		return nil, s.internal("encode the plan", err), false
	}
	if e.Lists, err = g.listsJSON(run.Decision.Lists); err != nil {
		return nil, s.internal("encode the lists", err), false
	}
	if s.opts.Signer != nil {
		if e.Evidence, err = s.evidenceRecord(ctx, g, sess, run); err != nil {
			return nil, s.internal("make the evidence record", err), false
		}
	}
	// A kept input goes into the inventory in the decision's own
	// transaction (its ID is known first); a failure to keep it is
	// logged: the decision stands.
	var kept *store.Kept
	if in.keep {
		if e.ID, err = store.NewID(); err != nil {
			return nil, s.internal("name the decision", err), false
		}
		k, err := s.kept(plan, in, sess, run, e)
		if err != nil {
			s.log.Error("keep the subject for re-screening", "subject", in.name, "err", err)
		} else {
			kept = &k
		}
	}
	release()
	withdraw()
	keepErr, err := s.opts.Log.AppendKeepUnless(context.WithoutCancel(ctx), e, kept, &store.Unless{Kind: store.KindReview, Seq: asOf})
	if errors.Is(err, store.ErrStale) {
		s.clearingsChanged(asOf)
		return nil, nil, true
	}
	if he := s.appended(e, err); he != nil {
		return nil, he, false
	}
	if keepErr != nil {
		s.log.Error("keep the subject for re-screening", "subject", in.name, "err", keepErr)
	}
	return e, nil, false
}

// runWithClearings runs the input on plan with the reviewers' clearings
// of possible matches of its parties as waivers. A clearing whose waiver
// covered a finding on another list entry, or on the entry's content
// changed since the review, has lapsed: the input is run again without
// it.
func (s *Server) runWithClearings(ctx context.Context, g *generation, plan check.Plan, in requestInput) (*check.Session, *check.Run, int64, *httpError) {
	cs, asOf, err := s.cachedClearings(ctx)
	if err != nil {
		s.log.Error("read the reviews", "err", err)
		return nil, nil, 0, &httpError{status: http.StatusServiceUnavailable, msg: "the reviews in the decision log cannot be read; try again"}
	}
	cs = forInput(cs, in.data)
	inputs := []check.Input{{Path: in.name, Data: in.data}}
	for {
		p, err := withClearings(plan, g.base.Waivers(), cs)
		if err != nil {
			return nil, nil, 0, s.internal("apply the reviews", err)
		}
		sess, he := s.sessionFor(ctx, g, p)
		if he != nil && len(cs) > 0 {
			// The policies refuse a clearing as a waiver: check without
			// the clearings (fail closed: their findings stand), and say so.
			s.log.Error("the reviews' clearings cannot be applied as waivers; checked without them", "err", he.msg)
			cs = nil
			continue
		}
		if he != nil {
			return nil, nil, 0, he
		}
		run := sess.Run(ctx, inputs)
		gone := lapsed(run.Decision, cs)
		if len(gone) == 0 {
			return sess, run, asOf, nil
		}
		cs = slices.DeleteFunc(cs, func(c clearing) bool { return gone[c.waiver.ID] })
	}
}

// sessionFor returns the session of plan; a plan the bundle cannot run
// (an unknown profile) is the request's fault.
func (s *Server) sessionFor(ctx context.Context, g *generation, plan check.Plan) (*check.Session, *httpError) {
	sess, err := s.session(ctx, g, plan)
	if err != nil {
		return nil, badRequest("%v", err)
	}
	return sess, nil
}

// appendEntry logs a decision; the append is not cut short when the
// client goes away, so that what is logged is whole.
func (s *Server) appendEntry(ctx context.Context, e *store.Entry) *httpError {
	he, _ := s.appendKept(ctx, e, nil)
	return he
}

// appendKept is appendEntry that also keeps k (when not nil) in the same
// transaction (store.Log.AppendKeep); keepErr is the failure to keep k.
func (s *Server) appendKept(ctx context.Context, e *store.Entry, k *store.Kept) (he *httpError, keepErr error) {
	keepErr, err := s.opts.Log.AppendKeep(context.WithoutCancel(ctx), e, k)
	if he := s.appended(e, err); he != nil {
		return he, nil
	}
	if e.Kind == store.KindReview {
		s.clearingsChanged(e.Seq - 1)
	}
	return nil, keepErr
}

// appended counts the decision e once its append returned err; a
// failure is the request's 503.
func (s *Server) appended(e *store.Entry, err error) *httpError {
	if err != nil {
		s.log.Error("append to the decision log", "err", err)
		return &httpError{status: http.StatusServiceUnavailable, msg: "the decision could not be logged, so it is not given; try again"}
	}
	s.metrics.decision(e.Kind, e.Outcome, e.Seq)
	return nil
}

// internal logs a server-side failure and answers 500 without details.
func (s *Server) internal(what string, err error) *httpError {
	s.log.Error(what, "err", err)
	return &httpError{status: http.StatusInternalServerError, msg: what + " failed; see the server log"}
}

// logInput is what the log keeps of an input: its digest always, its
// bytes up to LogMaxInput.
func (s *Server) logInput(in requestInput) store.Input {
	li := store.Input{SHA256: sha256Hex(in.data), Size: int64(len(in.data)), Type: in.ctype}
	if int64(len(in.data)) <= s.opts.LogMaxInput {
		li.Stored, li.Data = true, in.data
	}
	return li
}

// maxSubjects bounds the subjects logged per decision.
const maxSubjects = 100

// subjectsOf names what a check decided on, for the subject filter: an
// SBOM's subject and the input's name, the vendors of a procurement
// file, and every party a finding rests on.
func subjectsOf(run *check.Run) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && len(out) < maxSubjects && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	for i, d := range run.Decision.Inputs {
		if d.Subject != nil {
			add(d.Subject.Name + " " + d.Subject.Version)
		}
		if d.Kind == check.KindSBOM {
			add(d.Path)
		}
		if i < len(run.Inputs) {
			for _, p := range run.Inputs[i].Parties {
				if slices.Contains(p.Roles, "vendor") {
					add(p.Name)
				}
			}
		}
		for _, vs := range [][]decision.Violation{d.Result.Violations, d.Result.Reviews, d.Result.Waived} {
			for _, v := range vs {
				if name, ok := v.Match["value"].(string); ok {
					add(name)
				}
				if v.Subject.Kind == "vendor" {
					add(v.Subject.Name)
				}
			}
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// evidenceRecord is the signed evidence record of a run.
func (s *Server) evidenceRecord(ctx context.Context, g *generation, sess *check.Session, run *check.Run) ([]byte, error) {
	snaps, err := s.evidenceSnapshots(g, sess)
	if err != nil {
		return nil, err
	}
	p := evidence.Build(evidence.Check{Session: sess, Run: run, CheckedAt: s.now()}, snaps, evidence.IntegritySigned)
	stmt, err := evidence.Statement(p, evidence.Subjects(p))
	if err != nil {
		return nil, err
	}
	env, _, err := evidence.Seal(ctx, stmt, s.opts.Signer)
	return env, err
}

// mustRenderer returns a built-in renderer.
func mustRenderer(format string) report.Renderer {
	r, err := report.New(format)
	if err != nil {
		panic(err) // a built-in format: a programming error
	}
	return r
}

// sha256Hex is the hex sha256 of b.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// errorsAs is errors.As returning the target.
func errorsAs[T error](err error) (T, bool) {
	var t T
	ok := errors.As(err, &t)
	return t, ok
}
