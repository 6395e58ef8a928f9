package check

import (
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/internal/screen"
	"github.com/bangate/bangate/sbom"
)

// Confidence levels of an attribution (see policies/README.md).
const (
	ConfidenceHigh   = "high"
	ConfidenceMedium = "medium"
	ConfidenceLow    = "low"
)

// Found is one match with the signal that produced it.
type Found struct {
	screen.Match
	// Signal is the field the evidence came from.
	Signal string
	// Value is the signal's value (the name, domain, namespace, vendor).
	Value string
	// Pointer locates the evidence in the input.
	Pointer string
	// Confidence says how strongly the match attributes the subject.
	Confidence string
}

// screener screens signals with a per-input cache: the same supplier name
// on thousands of components is screened once. It also records what the
// check screened, for the no-hit certificate: every distinct party name
// with the roles it appeared in, and every distinct signal that matched a
// list, whatever the policies made of it.
type screener struct {
	s     *Screening
	names map[nameKey][]screen.Match
	ids   map[idKey][]screen.Match
	roles map[string]map[string]bool
	hits  map[hitKey]bool
}

type hitKey struct{ typ, value, kind, eco, source string }

type nameKey struct{ name, kind string }

type idKey struct{ typ, eco, value string }

func newScreener(s *Screening) *screener {
	return &screener{s: s, names: map[nameKey][]screen.Match{}, ids: map[idKey][]screen.Match{},
		roles: map[string]map[string]bool{}, hits: map[hitKey]bool{}}
}

// merge adds what another screener screened, so that distinctNames, the
// parties and the hits count both.
func (sc *screener) merge(o *screener) {
	for k, v := range o.names {
		if _, ok := sc.names[k]; !ok {
			sc.names[k] = v
		}
	}
	for name, rs := range o.roles {
		for r := range rs {
			sc.role(name, r)
		}
	}
	for k := range o.hits {
		sc.hits[k] = true
	}
}

// role records that name was screened as a party in role.
func (sc *screener) role(name, role string) {
	r := sc.roles[name]
	if r == nil {
		r = map[string]bool{}
		sc.roles[name] = r
	}
	r[role] = true
}

// screened is what the screener recorded: the distinct party names, sorted,
// and the number of distinct signals that matched a list.
func (sc *screener) screened() ([]ScreenedParty, int) {
	out := make([]ScreenedParty, 0, len(sc.roles))
	for name, r := range sc.roles {
		out = append(out, ScreenedParty{Name: name, Roles: slices.Sorted(maps.Keys(r))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, len(sc.hits)
}

// distinctNames is how many distinct party names were screened against
// every list (component names, screened for brands only, not counted).
func (sc *screener) distinctNames() int { return len(sc.names) }

// signal screens one signal and returns its matches with a confidence. An
// error means a matched list entry could not be read (an index read from
// its file): the signal, and so the input, cannot be screened.
func (sc *screener) signal(sig attribute.Signal) ([]Found, error) {
	ms, err := sc.matches(sig)
	if err != nil {
		sc.s.failed(err)
		return nil, signalError(sig, err)
	}
	if sig.Source != attribute.SourceComponentName && sig.Value != "" && sig.Type == attribute.ValueName {
		sc.role(sig.Value, sig.Source)
	}
	if len(ms) == 0 {
		return nil, nil
	}
	out := make([]Found, 0, len(ms))
	for _, m := range ms {
		conf, keep := sc.confidence(sig, m)
		if !keep {
			continue
		}
		out = append(out, Found{Match: m, Signal: sig.Source, Value: sig.Value, Pointer: sig.Pointer, Confidence: conf})
	}
	if len(out) > 0 && sig.Source != attribute.SourceComponentName {
		sc.hits[hitKey{sig.Type, sig.Value, sig.Kind, sig.Ecosystem, sig.Source}] = true
	}
	return out, nil
}

// signalError names the signal that could not be screened, and where the
// input gives it.
func signalError(sig attribute.Signal, err error) error {
	if sig.Pointer == "" {
		return fmt.Errorf("%s %q: %w", sig.Type, sig.Value, err)
	}
	return fmt.Errorf("%s %q at %s: %w", sig.Type, sig.Value, sig.Pointer, err)
}

// matches screens one signal against the index, through the screener's
// cache; a failed query is not cached.
func (sc *screener) matches(sig attribute.Signal) ([]screen.Match, error) {
	ix := sc.s.Index
	if sig.Type == attribute.ValueName {
		// A component's own name can only raise a review for being named
		// after a banned vendor: screen it against the ban lists alone.
		// Component names are nearly all distinct: not worth a cache entry.
		if sig.Source == attribute.SourceComponentName {
			return ix.BanName(screen.Query{Name: sig.Value, Kind: sig.Kind})
		}
		k := nameKey{sig.Value, sig.Kind}
		if ms, ok := sc.names[k]; ok {
			return ms, nil
		}
		ms, err := ix.Name(screen.Query{Name: sig.Value, Kind: sig.Kind})
		if err != nil {
			return nil, err
		}
		sc.names[k] = ms
		return ms, nil
	}
	k := idKey{sig.Type, sig.Ecosystem, sig.Value}
	if ms, ok := sc.ids[k]; ok {
		return ms, nil
	}
	var (
		ms  []screen.Match
		err error
	)
	switch sig.Type {
	case attribute.ValueDomain:
		ms, err = ix.Domain(sig.Value)
	case attribute.ValueNamespace:
		ms, err = ix.PURLNamespace(sig.Ecosystem, sig.Value)
	case attribute.ValueCPEVendor:
		ms, err = ix.CPEVendor(sig.Value)
	}
	if err != nil {
		return nil, err
	}
	sc.ids[k] = ms
	return ms, nil
}

// confidence grades a match by the signal it came from; keep is false for
// matches a signal cannot support (a package named after a sanctioned
// person, say).
func (sc *screener) confidence(sig attribute.Signal, m screen.Match) (conf string, keep bool) {
	kind := sc.s.Kinds[m.List]
	switch sig.Source {
	case attribute.SourceComponentName:
		// A package merely named after a vendor: weak, and only for brands
		// of ban lists.
		return ConfidenceLow, kind == provenance.KindBan && m.MatchedOn == "brand"
	case attribute.SourceCopyright:
		return ConfidenceLow, true
	case attribute.SourceVCS:
		return ConfidenceMedium, true
	case attribute.SourcePURL, attribute.SourceGroup, attribute.SourceCPE, attribute.SourceEmail, attribute.SourceURL:
		return ConfidenceHigh, true
	}
	// A party's name.
	if kind == provenance.KindBan {
		if m.MatchedOn == "brand" {
			return ConfidenceMedium, true
		}
		return ConfidenceHigh, true
	}
	if m.Score >= sc.s.Thresholds.Match {
		return ConfidenceHigh, true
	}
	return ConfidenceLow, true
}

// partySignals returns the signals of one party.
func partySignals(p sbom.Party) []attribute.Signal {
	var out []attribute.Signal
	attribute.Party(p, func(s attribute.Signal) { out = append(out, s) })
	return out
}
