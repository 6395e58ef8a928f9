package evidence

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/provenance"
)

// Check is what a finished check hands to Write: the session that ran
// it and the run itself. Everything the record states comes from them:
// the plan, the policy files as compiled, the lists as screened, the bytes
// of every input, waiver and ownership file as checked, and the parties the
// run screened. Nothing is read again from disk.
type Check struct {
	// Session ran the check.
	Session *check.Session
	// Run is what it decided.
	Run *check.Run
	// CheckedAt is when the check ran.
	CheckedAt time.Time
}

// Write records c: it stores every policy file, list snapshot, input,
// waiver and ownership file in st (each once), builds the predicate, signs
// it with signer (nil: an unsigned, digest-only record) and stores the
// envelope. It returns the envelope and the record ID. The private key is
// never written anywhere.
func Write(ctx context.Context, st *Store, c Check, signer *Signer) ([]byte, string, error) {
	if c.Run == nil || c.Run.Decision == nil || c.Session == nil {
		return nil, "", errors.New("write evidence: incomplete check")
	}
	if len(c.Run.Inputs) != len(c.Run.Decision.Inputs) {
		return nil, "", fmt.Errorf("write evidence: %d inputs read, %d decided", len(c.Run.Inputs), len(c.Run.Decision.Inputs))
	}
	if err := storePolicy(st, c.Session); err != nil {
		return nil, "", err
	}
	plan := c.Session.Plan()
	for _, b := range []*check.Blob{plan.Waivers.File, plan.Ownership} {
		if b == nil {
			continue
		}
		if err := st.PutDigest(b.SHA256, b.Data); err != nil {
			return nil, "", fmt.Errorf("write evidence: %s: %w", b.Name, err)
		}
	}
	loaded, err := c.Session.LoadedLists()
	if err != nil {
		return nil, "", fmt.Errorf("write evidence: lists: %w", err)
	}
	snaps, err := storeLists(st, loaded, c.Run.Decision.Lists)
	if err != nil {
		return nil, "", err
	}
	for _, in := range c.Run.Inputs {
		// An input whose bytes were dropped after parsing is not stored;
		// a replay then needs it given again.
		if in.SHA256 == "" || in.Data == nil {
			continue
		}
		if err := st.PutDigest(in.SHA256, in.Data); err != nil {
			return nil, "", fmt.Errorf("write evidence: input %s: %w", in.Path, err)
		}
	}
	integrity := IntegrityDigest
	if signer != nil {
		integrity = IntegritySigned
	}
	p := Build(c, snaps, integrity)
	stmt, err := Statement(p, Subjects(p))
	if err != nil {
		return nil, "", fmt.Errorf("write evidence: %w", err)
	}
	env, id, err := Seal(ctx, stmt, signer)
	if err != nil {
		return nil, "", fmt.Errorf("write evidence: %w", err)
	}
	if err := st.PutRecord(id, env); err != nil {
		return nil, "", fmt.Errorf("write evidence: %w", err)
	}
	return env, id, nil
}

// storePolicy stores every bundle file as the session compiled it.
func storePolicy(st *Store, s *check.Session) error {
	for _, f := range s.PolicyFiles() {
		data := s.PolicyContent(f)
		if data == nil {
			return fmt.Errorf("write evidence: policy %s:%s: no content kept", f.Origin, f.Path)
		}
		if err := st.PutDigest(f.SHA256, data); err != nil {
			return fmt.Errorf("write evidence: policy %s:%s: %w", f.Origin, f.Path, err)
		}
	}
	return nil
}

// storeLists stores every list screened and pairs it with its provenance.
func storeLists(st *Store, ls []*lists.List, used []provenance.List) ([]ListSnapshot, error) {
	byID := make(map[string]*lists.List, len(ls))
	for _, l := range ls {
		byID[l.Provenance.ID] = l
	}
	out := make([]ListSnapshot, 0, len(used))
	for _, p := range used {
		l, ok := byID[p.ID]
		if !ok || l.Provenance.SHA256 != p.SHA256 {
			return nil, fmt.Errorf("write evidence: list %s was screened but not handed over", p.ID)
		}
		d, err := st.PutList(l)
		if err != nil {
			return nil, fmt.Errorf("write evidence: %w", err)
		}
		out = append(out, ListSnapshot{List: p, Object: d})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Build assembles the predicate of c; snaps are the stored list
// snapshots.
func Build(c Check, snaps []ListSnapshot, integrity string) *Predicate {
	run := c.Run.Decision
	plan := c.Session.Plan()
	p := &Predicate{
		Version:   Version,
		Kind:      KindNoHit,
		Integrity: integrity,
		Tool:      run.Tool,
		CheckedAt: c.CheckedAt.UTC(),
		AsOf:      run.AsOf.UTC(),
		Plan:      &plan,
		Policy:    Bundle{Version: run.Tool.BundleVersion, Digest: c.Session.BundleDigest(), Files: c.Session.PolicyFiles()},
		Sources:   &run.Sources,
		Licensed:  run.Licensed,
		Lists:     snaps,
		Outcome:   run.Outcome,
		ExitCode:  run.ExitCode,
		Errors:    run.Errors,
	}
	if p.Lists == nil {
		p.Lists = []ListSnapshot{}
	}
	for i, d := range run.Inputs {
		facts := c.Run.Inputs[i]
		in := Input{
			Path: d.Path, Kind: d.Kind, Format: d.Format, SpecVersion: d.SpecVersion, SHA256: d.SHA256, Size: facts.Size,
			Subject: d.Subject, Error: d.Error, Outcome: d.Outcome, Result: normalResult(d.Result), Coverage: d.Coverage,
		}
		in.Screened = screened(facts.Parties)
		in.Screened.Hits = facts.Hits
		if noHit(d, facts.Hits) {
			in.Certificate = certificate(d, in.Screened.Count, snaps, run.AsOf)
		} else {
			p.Kind = KindDecision
		}
		p.Inputs = append(p.Inputs, in)
	}
	if len(run.Errors) > 0 {
		p.Kind = KindDecision // a run that could not be fully checked certifies nothing
	}
	p.Waivers = waiverUse(plan.Waivers.File, c.Session.Waivers(), run.Inputs)
	return p
}

// normalResult gives every list of a result a non-nil value, so that the
// record always has the same shape.
func normalResult(r decision.Result) decision.Result {
	for _, vs := range []*[]decision.Violation{&r.Violations, &r.Reviews, &r.Warnings, &r.Waived} {
		if *vs == nil {
			*vs = []decision.Violation{}
		}
	}
	return r
}

// screened bounds the parties listed (see MaxListedParties).
func screened(ps []check.ScreenedParty) Screened {
	h := sha256.New()
	for _, p := range ps {
		h.Write([]byte(p.Name))
		h.Write([]byte{'\n'})
	}
	s := Screened{Count: len(ps), Digest: hex.EncodeToString(h.Sum(nil)), Parties: ps}
	if len(ps) > MaxListedParties {
		s.Parties, s.Truncated = ps[:MaxListedParties], true
	}
	if s.Parties == nil {
		s.Parties = []check.ScreenedParty{}
	}
	return s
}

// hasHit reports whether a finding of d rests on a list match.
func hasHit(d decision.Input) bool {
	if len(d.Result.Waived) > 0 {
		return true
	}
	for _, vs := range [][]decision.Violation{d.Result.Violations, d.Result.Reviews, d.Result.Warnings} {
		for _, v := range vs {
			if len(v.Match) > 0 {
				return true
			}
		}
	}
	return false
}

// noHit reports whether input d was checked and nothing in it matched any
// list: no signal matched, no finding of any kind rests on a match, and
// none was waived.
func noHit(d decision.Input, hits int) bool {
	return d.Error == "" && d.Outcome != decision.OutcomeError && hits == 0 && !hasHit(d)
}

// certificate is the no-hit statement for one input.
func certificate(d decision.Input, parties int, snaps []ListSnapshot, asOf time.Time) string {
	var ls []string
	for _, s := range snaps {
		pub := "undated"
		if !s.Published.IsZero() {
			pub = "published " + s.Published.UTC().Format(time.DateOnly)
		}
		ls = append(ls, fmt.Sprintf("%s (%s, %d entries, sha256 %s)", s.ID, pub, s.Entries, s.SHA256))
	}
	return fmt.Sprintf("As of %s, the %d distinct party names in %s (sha256 %s) were screened against %s; none matched.",
		asOf.UTC().Format(time.DateOnly), parties, d.Path, d.SHA256, strings.Join(ls, ", "))
}

// waiverUse sorts the waivers of the waiver file into applied, expired
// and unused.
func waiverUse(file *check.Blob, ws []decision.Waiver, inputs []decision.Input) Waivers {
	out := Waivers{Entries: ws, Applied: []string{}, Expired: []string{}, Unused: []string{}}
	if out.Entries == nil {
		out.Entries = []decision.Waiver{}
	}
	if file != nil {
		out.File, out.SHA256 = file.Name, file.SHA256
	}
	applied, expired := map[string]bool{}, map[string]bool{}
	for _, in := range inputs {
		for _, v := range in.Result.Waived {
			if id, ok := v.Waiver["id"].(string); ok {
				applied[id] = true
			}
		}
		for _, v := range in.Result.Warnings {
			if id, ok := v.Waiver["id"].(string); ok && v.Rule == "waiver-expired" {
				expired[id] = true
			}
		}
	}
	for _, w := range ws {
		switch {
		case applied[w.ID]:
			out.Applied = append(out.Applied, w.ID)
		case expired[w.ID]:
			out.Expired = append(out.Expired, w.ID)
		default:
			out.Unused = append(out.Unused, w.ID)
		}
	}
	sort.Strings(out.Applied)
	sort.Strings(out.Expired)
	sort.Strings(out.Unused)
	return out
}

// Subjects are the statement subjects of p: every input that was read.
func Subjects(p *Predicate) []Subject {
	var out []Subject
	for _, in := range p.Inputs {
		if in.SHA256 != "" {
			out = append(out, Subject{Name: in.Path, SHA256: in.SHA256})
		}
	}
	return out
}
