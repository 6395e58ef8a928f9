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
	"slices"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/store"
)

// DefaultReviewExpiry is the default Options.ReviewExpiry.
const DefaultReviewExpiry = 365 * 24 * time.Hour

// Review actions.
const (
	reviewConfirm = "confirm"
	reviewClear   = "clear"
)

// reviewDoc is the decision document of a review entry: a reviewer's
// resolution of one possible match. A clearing is a waiver scoped to the
// party, the list entry and the entry's content (EntryDigest): it lapses
// when the entry changes, and at Expires.
type reviewDoc struct {
	Review   string `json:"review"` // confirm or clear
	Decision string `json:"decision"`
	Finding  string `json:"finding"`
	Rule     string `json:"rule"`
	Party    string `json:"party"`
	PartyRef string `json:"party_ref,omitempty"`
	// PartyKind is the finding's subject kind ("vendor", "component");
	// PartyPURL and PartyHash identify a component, which its clearing's
	// waiver selects it by (a ref or a name alone is the SBOM author's to
	// choose).
	PartyKind   string  `json:"party_kind,omitempty"`
	PartyPURL   string  `json:"party_purl,omitempty"`
	PartyHash   string  `json:"party_hash,omitempty"`
	List        string  `json:"list"`
	EntryID     string  `json:"entry_id"`
	EntryName   string  `json:"entry_name"`
	EntryDigest string  `json:"entry_digest"`
	Score       float64 `json:"score"`
	Reason      string  `json:"reason"`
	Reviewer    string  `json:"reviewer"`
	Expires     string  `json:"expires"`
}

// entryDigest is the digest of a list entry as a finding shows it listed:
// its list, ID, type, name, programs and links. A change to any of them
// makes a new digest, so that a clearing of the old entry lapses.
func entryDigest(m map[string]any) string {
	keep := map[string]any{}
	for _, k := range []string{"list", "entry_id", "entry_type", "entry_name", "programs", "linked_to"} {
		keep[k] = m[k]
	}
	b, _ := json.Marshal(keep) // map keys are sorted: a canonical form
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// openReview is one possible match awaiting a reviewer.
type openReview struct {
	Entry   *store.Entry
	Finding finding
}

// reviewsView is the reviews page.
type reviewsView struct {
	Open []openReview
	Done string
}

// eachReview calls fn with every review entry of the log and its
// document, newest first; an entry whose document does not read is passed
// over.
func (s *Server) eachReview(ctx context.Context, fn func(e *store.Entry, rd reviewDoc)) error {
	f := store.Filter{Kind: store.KindReview, Limit: store.MaxLimit, Desc: true}
	for {
		p, err := s.opts.Log.List(ctx, f)
		if err != nil {
			return err
		}
		for _, sm := range p.Entries {
			e, err := s.opts.Log.Get(ctx, sm.ID) // a listing has no documents
			if err != nil {
				return err
			}
			var rd reviewDoc
			if json.Unmarshal(e.Decision, &rd) == nil {
				fn(e, rd)
			}
		}
		if p.Next == "" {
			return nil
		}
		f.Cursor = p.Next
	}
}

// resolved returns the findings already resolved ("decision#finding").
func (s *Server) resolved(ctx context.Context) (map[string]bool, error) {
	done := map[string]bool{}
	err := s.eachReview(ctx, func(_ *store.Entry, rd reviewDoc) { done[rd.Decision+"#"+rd.Finding] = true })
	return done, err
}

// handleReviews is GET /reviews: the possible matches not yet resolved,
// newest first.
func (s *Server) handleReviews(w http.ResponseWriter, r *http.Request, u webUser) {
	d := u.data("Reviews", "reviews")
	v := reviewsView{Done: r.URL.Query().Get("done")}
	done, err := s.resolved(r.Context())
	if err == nil {
		var p store.Page
		p, err = s.opts.Log.List(r.Context(), store.Filter{Outcome: decision.OutcomeReview, Limit: store.MaxLimit, Desc: true})
		for _, sm := range p.Entries {
			if err != nil {
				break
			}
			if sm.Kind != store.KindCheck && sm.Kind != store.KindRescreen {
				continue
			}
			var e *store.Entry
			if e, err = s.opts.Log.Get(r.Context(), sm.ID); err != nil { // a listing has no documents
				break
			}
			var run decision.Run
			if json.Unmarshal(e.Decision, &run) != nil {
				continue
			}
			for _, f := range findingsOf(&run) {
				if f.Kind == "review" && !done[e.ID+"#"+f.Key] {
					v.Open = append(v.Open, openReview{Entry: e, Finding: f})
				}
			}
		}
	}
	if err != nil {
		s.log.Error("read the review queue", "err", err)
		d.Error = "the decision log cannot be read; try again"
	}
	d.Body = v
	s.render(w, http.StatusOK, "reviews", d)
}

// handleReviewSubmit is POST /reviews: a reviewer confirms or clears one
// possible match, with a reason; the resolution is logged.
func (s *Server) handleReviewSubmit(w http.ResponseWriter, r *http.Request, u webUser) {
	action := r.PostFormValue("action")
	id, key := r.PostFormValue("decision"), r.PostFormValue("finding")
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	fail := func(status int, msg string) {
		d := u.data("Review not recorded", "reviews")
		d.Error = msg
		s.render(w, status, "message", d)
	}
	if action != reviewConfirm && action != reviewClear {
		fail(http.StatusBadRequest, fmt.Sprintf("action %q: want confirm or clear", action))
		return
	}
	if reason == "" {
		fail(http.StatusBadRequest, "a reason is required: say why the match is confirmed or cleared")
		return
	}
	e, err := s.opts.Log.Get(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		fail(http.StatusNotFound, fmt.Sprintf("no decision %q", id))
		return
	}
	if err != nil {
		s.log.Error("read decision", "id", id, "err", err)
		fail(http.StatusServiceUnavailable, "the decision log cannot be read; try again")
		return
	}
	var run decision.Run
	if err := json.Unmarshal(e.Decision, &run); err != nil {
		fail(http.StatusBadRequest, fmt.Sprintf("decision %s is not a check", id))
		return
	}
	fs := findingsOf(&run)
	i := slices.IndexFunc(fs, func(f finding) bool { return f.Key == key && f.Kind == "review" })
	if i < 0 {
		fail(http.StatusBadRequest, fmt.Sprintf("decision %s has no possible match %q", id, key))
		return
	}
	done, err := s.resolved(r.Context())
	if err != nil {
		s.log.Error("read reviews", "err", err)
		fail(http.StatusServiceUnavailable, "the decision log cannot be read; try again")
		return
	}
	if done[id+"#"+key] {
		fail(http.StatusConflict, "this possible match is already resolved")
		return
	}
	f := fs[i]
	m := f.Match
	score, _ := m["score"].(float64)
	rd := reviewDoc{Review: action, Decision: id, Finding: key, Rule: f.Rule, Party: f.Subject.Name, PartyRef: f.Subject.Ref,
		PartyKind: f.Subject.Kind, PartyPURL: f.Subject.PURL, PartyHash: selectableHash(f.Subject.Hashes),
		List: str(m, "list"), EntryID: str(m, "entry_id"), EntryName: str(m, "entry_name"), EntryDigest: entryDigest(m),
		Score: score, Reason: reason, Reviewer: actor(u.tok),
		Expires: s.now().Add(s.opts.ReviewExpiry).UTC().Format("2006-01-02")}
	doc, err := json.MarshalIndent(rd, "", "  ")
	if err != nil {
		fail(http.StatusInternalServerError, "encode the review failed")
		return
	}
	outcome := decision.OutcomePass
	if action == reviewConfirm {
		outcome = decision.OutcomeFail
	}
	subjects := []string{}
	for _, sj := range []string{rd.Party, rd.EntryName} {
		if sj != "" && !slices.Contains(subjects, sj) {
			subjects = append(subjects, sj)
		}
	}
	re := &store.Entry{Kind: store.KindReview, Actor: actor(u.tok), Outcome: outcome, ExitCode: decision.ExitCodeFor(outcome),
		Profile: e.Profile, AsOf: e.AsOf, Subjects: subjects, Lists: e.Lists, Plan: e.Plan, Decision: append(doc, '\n'),
		Input: store.Input{SHA256: e.Input.SHA256, Size: e.Input.Size, Type: e.Input.Type}}
	if he := s.appendEntry(r.Context(), re); he != nil {
		fail(he.status, he.msg)
		return
	}
	info := infoOf(r)
	info.decision, info.outcome = re.ID, re.Outcome
	http.Redirect(w, r, "/reviews?done="+re.ID, http.StatusSeeOther)
}

func str(m map[string]any, k string) string { s, _ := m[k].(string); return s }

// reviewWaiverPrefix begins the ID of a waiver made from a clearing.
const reviewWaiverPrefix = "review-"

// clearing is a live clearing: its review document and waiver.
type clearing struct {
	doc    reviewDoc
	waiver decision.Waiver
}

// clearings are the clearings of possible matches that have not expired,
// each as a waiver of its rule for its party (a vendor: its record's ref
// and its name), newest first. A later review of the same finding's
// party, rule and entry (a confirmation) ends an earlier clearing.
func (s *Server) clearings(ctx context.Context) ([]clearing, error) {
	today := s.now().UTC().Format("2006-01-02")
	var out []clearing
	seen := map[string]bool{}
	err := s.eachReview(ctx, func(e *store.Entry, rd reviewDoc) {
		key := rd.PartyRef + "\x00" + rd.Party + "\x00" + rd.Rule + "\x00" + rd.List + "\x00" + rd.EntryID
		if seen[key] {
			return // a newer review of the same decides
		}
		seen[key] = true
		sel, ok := rd.selector()
		if rd.Review != reviewClear || rd.Expires < today || !ok {
			return
		}
		out = append(out, clearing{doc: rd, waiver: decision.Waiver{ID: reviewWaiverPrefix + e.ID, Rule: rd.Rule,
			Subject: sel, Reason: rd.Reason, ApprovedBy: rd.Reviewer, Ticket: "review of decision " + rd.Decision, Expires: rd.Expires}})
	})
	return out, err
}

// selector is what a clearing's waiver selects its party by: a vendor by
// its record's ref and name, a component by its purl (or, without one,
// its hash) and name. ok is false for a party nothing selects safely (a
// component with neither purl nor hash): its clearing is recorded but
// waives nothing.
func (rd reviewDoc) selector() (decision.WaiverSubject, bool) {
	switch {
	case rd.Party == "":
		return decision.WaiverSubject{}, false
	case rd.PartyKind == "component" && rd.PartyPURL != "":
		return decision.WaiverSubject{PURL: rd.PartyPURL, Name: rd.Party}, true
	case rd.PartyKind == "component" && rd.PartyHash != "":
		return decision.WaiverSubject{Hash: rd.PartyHash, Name: rd.Party}, true
	case rd.PartyKind != "component" && rd.PartyRef != "":
		return decision.WaiverSubject{Vendor: rd.PartyRef, Name: rd.Party}, true
	}
	return decision.WaiverSubject{}, false
}

// selectableHash is the first of a component's hashes a waiver may
// select it by (a collision resistant one), or "".
func selectableHash(hs []string) string {
	for _, h := range hs {
		if decision.ValidHashSelector(h) {
			return h
		}
	}
	return ""
}

// forInput keeps the clearings whose party the input names (its bytes
// hold the party's name, as any case): the others cannot apply, and would
// be reported as unused waivers.
func forInput(cs []clearing, data []byte) []clearing {
	if len(cs) == 0 {
		return nil
	}
	lower := bytes.ToLower(data)
	var out []clearing
	for _, c := range cs {
		name, _ := json.Marshal(strings.ToLower(c.doc.Party))
		if bytes.Contains(lower, bytes.ToLower(name[1:len(name)-1])) || bytes.Contains(lower, []byte(strings.ToLower(c.doc.Party))) {
			out = append(out, c)
		}
	}
	return out
}

// withClearings is plan with the clearings added to the waivers of the
// server's own waiver file (base, the default session's).
func withClearings(plan check.Plan, base []decision.Waiver, cs []clearing) (check.Plan, error) {
	if len(cs) == 0 {
		return plan, nil
	}
	ws := slices.Clone(base)
	for _, c := range cs {
		ws = append(ws, c.waiver)
	}
	data, err := json.Marshal(map[string][]decision.Waiver{"waivers": ws})
	if err != nil {
		return plan, fmt.Errorf("encode the waivers of the reviews: %w", err)
	}
	name := "reviews"
	if plan.Waivers.File != nil {
		name = plan.Waivers.File.Name + " and reviews"
	}
	plan.Waivers.File = check.NewBlob(name, data)
	return plan, nil
}

// lapsed are the clearings whose waiver covered a finding on a list
// entry other than the one cleared, or on its content changed since:
// they do not apply.
func lapsed(run *decision.Run, cs []clearing) map[string]bool {
	byID := map[string]clearing{}
	for _, c := range cs {
		byID[c.waiver.ID] = c
	}
	out := map[string]bool{}
	for _, in := range run.Inputs {
		for _, v := range in.Result.Waived {
			id, _ := v.Waiver["id"].(string)
			c, ok := byID[id]
			if !ok {
				continue
			}
			if str(v.Match, "list") != c.doc.List || str(v.Match, "entry_id") != c.doc.EntryID || entryDigest(v.Match) != c.doc.EntryDigest {
				out[id] = true
			}
		}
	}
	return out
}
