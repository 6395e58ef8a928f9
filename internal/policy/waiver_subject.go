package policy

import (
	"errors"
	"fmt"
	"strings"

	"github.com/package-url/packageurl-go"

	"github.com/bangate/bangate/internal/decision"
)

// checkSubject validates a waiver's subject selector and returns it with
// its hash in normal form. A selector must pin down what it waives with
// something the author of an SBOM cannot give a second component alone:
//
//   - purl: the exact purl, or a glob ending in "/*" (every package of a
//     namespace) or "@*" (every version of a package); never a bare prefix
//     ("purl: p" once waived everything);
//   - hash: a component hash with a collision resistant algorithm;
//   - for a procurement record: vendor (its ref) together with name.
//
// ref and name only narrow a purl or a hash: a bom-ref or a name is the
// SBOM author's to choose, so a second banned component given the same
// ref would be waived too.
func checkSubject(s decision.WaiverSubject) (decision.WaiverSubject, error) {
	for _, f := range []struct{ key, v string }{{"purl", s.PURL}, {"hash", s.Hash}, {"ref", s.Ref}, {"name", s.Name}, {"vendor", s.Vendor}} {
		if f.v != strings.TrimSpace(f.v) {
			return s, fmt.Errorf("%s %q has leading or trailing spaces", f.key, f.v)
		}
	}
	if s.PURL != "" {
		if err := checkPURLSelector(s.PURL); err != nil {
			return s, err
		}
	}
	if s.Hash != "" {
		alg, value, ok := strings.Cut(s.Hash, ":")
		h := decision.HashSelector(alg, value)
		if !ok || !decision.ValidHashSelector(h) {
			return s, fmt.Errorf("hash %q: want ALG:HEX with ALG one of %s and the full hex digest (MD5 and SHA-1 values can be forged to match another file)",
				s.Hash, strings.Join(decision.HashAlgorithms(), ", "))
		}
		s.Hash = h
	}
	anchored := s.PURL != "" || s.Hash != ""
	switch {
	case anchored && s.Vendor != "":
		return s, errors.New("vendor selects a procurement record, which has no purl or hash: give vendor with name only")
	case anchored:
		return s, nil
	case s.Vendor != "" && s.Name != "":
		return s, nil
	case s.Vendor != "":
		return s, fmt.Errorf("vendor %q alone is refused: give the record's name too (name: ...), so that another record given the same ref is not waived", s.Vendor)
	case s.Ref != "":
		return s, fmt.Errorf("ref %q alone (or with a name) is refused: the SBOM's author chooses bom-refs, so another component given the same ref would be waived too; add the component's purl (purl: pkg:TYPE/NAMESPACE/NAME@VERSION) or one of its hashes (hash: sha256:HEX)", s.Ref)
	case s.Name != "":
		return s, fmt.Errorf("name %q alone is refused: the SBOM's author chooses names; add the component's purl or one of its hashes, or, for a procurement record, its ref (vendor: ...)", s.Name)
	default:
		return s, errors.New("no selector: give purl (exact, or a glob ending in /* or @*), hash (ALG:HEX), or, for a procurement record, vendor with name")
	}
}

// checkPURLSelector accepts an exact purl or a glob whose only "*" ends it
// after "/" or "@", with a valid purl before that separator.
func checkPURLSelector(p string) error {
	const hint = "a purl selector is an exact purl (pkg:maven/com.example/lib@1.0) or a glob ending in /* (pkg:maven/com.example/*) or @* (pkg:maven/com.example/lib@*); bare prefixes are not matched"
	base := p
	if strings.Contains(p, "*") {
		if strings.Count(p, "*") != 1 || !(strings.HasSuffix(p, "/*") || strings.HasSuffix(p, "@*")) {
			return fmt.Errorf("purl %q: %s", p, hint)
		}
		base = p[:len(p)-2]
	}
	if _, err := packageurl.FromString(base); err != nil || !strings.HasPrefix(base, "pkg:") {
		if strings.HasSuffix(p, "/") || strings.HasSuffix(p, "@") {
			return fmt.Errorf("purl %q is a bare prefix, which is no longer matched: write the exact purl, or the glob %q", p, p+"*")
		}
		return fmt.Errorf("purl %q is not a purl: %s", p, hint)
	}
	return nil
}
