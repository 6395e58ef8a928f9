package evidence

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/check"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/policy"
)

// Check is what a finished check hands to Write.
type Check struct {
	// Run is the decided run, with its final exit code.
	Run *decision.Run
	// Checker is the checker that decided (it names the parties screened).
	Checker *check.Checker
	// Inputs are the inputs as read, in the order of Run.Inputs.
	Inputs []check.Input
	// Engine is the compiled policy engine (its files and digest).
	Engine *policy.Engine
	// BuiltIn is the built-in bundle the engine loaded; the files of
	// other origins are read from their directories.
	BuiltIn fs.FS
	// Lists are the loaded lists, as screened.
	Lists []*lists.List
	// WaiverFile is the waiver file as named ("" for none), and Waivers
	// its waivers.
	WaiverFile string
	Waivers    []policy.Waiver
	// Config is the effective configuration.
	Config Config
	// CheckedAt is when the check ran.
	CheckedAt time.Time
	// Pending, when not nil, holds the parties Prepare named while the
	// check ran; else Write names them itself.
	Pending *Pending
}

// Write records c: it stores every policy file, list snapshot and input in
// st (each once), builds the predicate, signs it with signer (nil: an
// unsigned, digest-only record) and stores the envelope. It returns the
// envelope and the record ID. The private key is never written anywhere.
func Write(ctx context.Context, st *Store, c Check, signer *Signer) ([]byte, string, error) {
	if c.Run == nil || c.Engine == nil || c.Checker == nil {
		return nil, "", errors.New("write evidence: incomplete check")
	}
	if len(c.Inputs) != len(c.Run.Inputs) {
		return nil, "", fmt.Errorf("write evidence: %d inputs read, %d decided", len(c.Inputs), len(c.Run.Inputs))
	}
	if err := storePolicy(st, c.Engine.Files(), c.BuiltIn); err != nil {
		return nil, "", err
	}
	if c.Config.OwnershipFile != "" {
		b, err := os.ReadFile(c.Config.OwnershipFile)
		if err != nil {
			return nil, "", fmt.Errorf("write evidence: read ownership %s: %w", c.Config.OwnershipFile, unwrapPath(err))
		}
		if c.Config.OwnershipSHA256, err = st.Put(b); err != nil {
			return nil, "", fmt.Errorf("write evidence: ownership %s: %w", c.Config.OwnershipFile, err)
		}
	}
	snaps, err := storeLists(st, c.Lists, c.Run.Lists)
	if err != nil {
		return nil, "", err
	}
	parties := make([]check.Screened, len(c.Inputs))
	var (
		prepared []check.Screened
		perrs    []error
	)
	if c.Pending != nil {
		prepared, perrs = c.Pending.wait()
		if len(prepared) != len(c.Inputs) {
			return nil, "", errors.New("write evidence: prepared for other inputs")
		}
	}
	for i, in := range c.Inputs {
		if in.Err != nil || c.Run.Inputs[i].SHA256 == "" {
			continue
		}
		// An input whose bytes were dropped after parsing is not stored;
		// a replay then needs it given again.
		if in.Data != nil {
			if err := st.PutDigest(c.Run.Inputs[i].SHA256, in.Data); err != nil {
				return nil, "", fmt.Errorf("write evidence: input %s: %w", in.Path, err)
			}
		}
		if c.Run.Inputs[i].Error != "" {
			continue // it could not be parsed; nothing was screened
		}
		// Hits need counting only where no finding shows one.
		count := !hasHit(c.Run.Inputs[i])
		if prepared != nil && (prepared[i].HitsCounted || !count) {
			parties[i], err = prepared[i], perrs[i]
		} else {
			parties[i], err = c.Checker.ScreenedParties(in, count)
		}
		if err != nil {
			return nil, "", fmt.Errorf("write evidence: %w", err)
		}
	}
	integrity := IntegrityDigest
	if signer != nil {
		integrity = IntegritySigned
	}
	p := Build(c, parties, snaps, integrity)
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

// storePolicy copies every bundle file into the store, checking that it is
// still the file the engine compiled.
func storePolicy(st *Store, files []policy.File, builtin fs.FS) error {
	for _, f := range files {
		var (
			data []byte
			err  error
		)
		if f.Origin == "builtin" {
			if builtin == nil {
				return fmt.Errorf("write evidence: policy %s:%s: no built-in bundle given", f.Origin, f.Path)
			}
			data, err = fs.ReadFile(builtin, f.Path)
		} else {
			data, err = os.ReadFile(filepath.Join(f.Origin, filepath.FromSlash(f.Path)))
		}
		if err != nil {
			return fmt.Errorf("write evidence: read policy %s:%s: %w", f.Origin, f.Path, unwrapPath(err))
		}
		d, err := st.Put(data)
		if err != nil {
			return fmt.Errorf("write evidence: policy %s:%s: %w", f.Origin, f.Path, err)
		}
		if d != f.SHA256 {
			return fmt.Errorf("write evidence: policy %s:%s changed after it was compiled", f.Origin, f.Path)
		}
	}
	return nil
}

// storeLists stores every list screened and pairs it with its provenance.
func storeLists(st *Store, ls []*lists.List, used []lists.Provenance) ([]ListSnapshot, error) {
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
		out = append(out, ListSnapshot{Provenance: p, Object: d})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Build assembles the predicate of c: parties[i] is what was screened in
// input i, snaps the stored list snapshots.
func Build(c Check, parties []check.Screened, snaps []ListSnapshot, integrity string) *Predicate {
	run := c.Run
	p := &Predicate{
		Version:   Version,
		Kind:      KindNoHit,
		Integrity: integrity,
		Tool:      run.Tool,
		CheckedAt: c.CheckedAt.UTC(),
		AsOf:      run.AsOf.UTC(),
		Config:    c.Config,
		Policy:    Bundle{Version: run.Tool.BundleVersion, Digest: c.Engine.Digest(), Files: c.Engine.Files()},
		Lists:     snaps,
		Outcome:   run.Outcome,
		ExitCode:  run.ExitCode,
	}
	if p.Lists == nil {
		p.Lists = []ListSnapshot{}
	}
	for i, d := range run.Inputs {
		in := Input{
			Path: d.Path, Kind: d.Kind, Format: d.Format, SpecVersion: d.SpecVersion, SHA256: d.SHA256,
			Subject: d.Subject, Error: d.Error, Outcome: d.Outcome, Result: normalResult(d.Result), Coverage: d.Coverage,
		}
		if i < len(c.Inputs) {
			in.Size = int64(len(c.Inputs[i].Data))
		}
		var ps check.Screened
		if i < len(parties) {
			ps = parties[i]
		}
		in.Screened = screened(ps.Parties)
		in.Screened.Hits = ps.Hits
		if noHit(d, ps.Hits) {
			in.Certificate = certificate(d, in.Screened.Count, snaps, run.AsOf)
		} else {
			p.Kind = KindDecision
		}
		p.Inputs = append(p.Inputs, in)
	}
	p.Waivers = waiverUse(c.WaiverFile, c.Waivers, run.Inputs)
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

// waiverUse sorts the waivers into applied, expired and unused.
func waiverUse(file string, ws []policy.Waiver, inputs []decision.Input) Waivers {
	out := Waivers{File: file, Entries: ws, Applied: []string{}, Expired: []string{}, Unused: []string{}}
	if out.Entries == nil {
		out.Entries = []policy.Waiver{}
	}
	if file != "" {
		if b, err := os.ReadFile(file); err == nil {
			out.SHA256 = digestOf(b)
		}
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
