package evidence

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
)

// validate checks the predicate's schema: every required field present
// and well formed, and the bundle digest consistent with its files.
func (p *Predicate) validate() error {
	switch {
	case p.Kind != KindDecision && p.Kind != KindNoHit:
		return fmt.Errorf("kind %q", p.Kind)
	case p.Integrity != IntegritySigned && p.Integrity != IntegrityDigest:
		return fmt.Errorf("integrity %q", p.Integrity)
	case p.Tool.Name == "" || p.Tool.Version == "":
		return errors.New("tool: no name or version")
	case p.CheckedAt.IsZero():
		return errors.New("no checked_at")
	case p.AsOf.IsZero():
		return errors.New("no as_of")
	case !hexDigest.MatchString(p.Policy.Digest):
		return errors.New("policy: no digest")
	case len(p.Inputs) == 0:
		return errors.New("no inputs")
	case !knownExit(p.ExitCode):
		return fmt.Errorf("exit code %d", p.ExitCode)
	}
	for _, f := range p.Policy.Files {
		if !hexDigest.MatchString(f.SHA256) || f.Origin == "" || !safeRelPath(f.Path) {
			return fmt.Errorf("policy file %q: bad origin, path or digest", f.Path)
		}
	}
	switch {
	case p.Version == 1 && (p.Config == nil || p.Plan != nil):
		return errors.New("version 1: want config, no plan")
	case p.Version == Version && (p.Plan == nil || p.Config != nil):
		return fmt.Errorf("version %d: want plan, no config", Version)
	}
	if got := provenance.BundleDigest(p.Policy.Files); got != p.Policy.Digest {
		return fmt.Errorf("policy digest sha256:%s does not match its files (sha256:%s)", p.Policy.Digest, got)
	}
	for _, l := range p.Lists {
		if l.ID == "" || !hexDigest.MatchString(l.SHA256) || !hexDigest.MatchString(l.Object) {
			return fmt.Errorf("list %q: bad id, digest or object", l.ID)
		}
	}
	for _, in := range p.Inputs {
		if in.SHA256 != "" && !hexDigest.MatchString(in.SHA256) {
			return fmt.Errorf("input %q: bad sha256", in.Path)
		}
		switch in.Outcome {
		case decision.OutcomePass, decision.OutcomeFail, decision.OutcomeReview, decision.OutcomeError:
		default:
			return fmt.Errorf("input %q: outcome %q", in.Path, in.Outcome)
		}
		if in.Screened.Count < len(in.Screened.Parties) {
			return fmt.Errorf("input %q: screened count below the parties listed", in.Path)
		}
	}
	return nil
}

func knownExit(c int) bool {
	return c == decision.ExitPass || c == decision.ExitFail || c == decision.ExitError || c == decision.ExitReview
}

// safeRelPath reports whether p is a clean, relative, slash-separated path
// that stays inside its root.
func safeRelPath(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && !strings.Contains(p, "\\") && path.Clean(p) == p &&
		p != ".." && !strings.HasPrefix(p, "../") && !strings.Contains(p, "\x00")
}
