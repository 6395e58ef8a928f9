package check

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/internal/lists"
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
	// Value is the signal's value (the name, e-mail address, host and
	// path, domain, namespace, vendor).
	Value string
	// Pointer locates the evidence in the input.
	Pointer string
	// Confidence says how strongly the match attributes the subject.
	Confidence string
	// DatesOfBirth and Nationalities are the entry's, as listed: what
	// tells a listed person from a namesake; AddressCountries the
	// countries of its addresses. They are read for sanctions lists only.
	DatesOfBirth, Nationalities, AddressCountries []string
	// Basis says what an address match rests on: BasisExactAddress,
	// BasisHostPath or BasisOwnDomain; "" for other matches.
	Basis string
	// NameWords is the number of words of a matched name, legal forms
	// aside.
	NameWords int
	// Missing are the words of the listed name that the party's name
	// lacks ("yuvenalyevich"), for a name match against a sanctions list.
	Missing []string
	// Corroboration says what else in the input ties the same subject to
	// the same entry, for a name match: an address, identifier or domain
	// that matched the entry, a consistent country, or the party being
	// the counterparty of a procurement record.
	Corroboration []string
	// Contradiction says why the party's own contact details argue that
	// it is not the listed party, for a name match: the party gives an
	// e-mail address or web address on a domain of its own, and the entry
	// lists none of them. An address on a shared provider's domain
	// (webmail, a code host) argues nothing: anybody may hold one.
	Contradiction string
	// Namesakes are the entries of sanctions lists the same name matched,
	// each with what tells them apart (date of birth, nationality), for a
	// name match against an individual.
	Namesakes []string
}

// Bases of an address match (Found.Basis).
const (
	// BasisExactAddress: the whole e-mail address is listed (the only
	// match an address on a shared mail provider can make).
	BasisExactAddress = "exact address"
	// BasisHostPath: a listed web address has the same host and a path
	// prefix (the only match a URL on a shared host can make).
	BasisHostPath = "host and path"
	// BasisOwnDomain: the domain is listed and is the party's own, not a
	// shared provider's.
	BasisOwnDomain = "own domain"
)

// screener screens signals with a per-input cache: the same supplier name
// on thousands of components is screened once. It also records what the
// check screened, for the no-hit certificate: every distinct party name
// with the roles it appeared in, and every distinct signal that matched a
// list, whatever the policies made of it.
type screener struct {
	s      *Screening
	shared *lists.SharedDomains
	// names are the party names screened against every list, with the
	// roles each appeared in.
	names map[nameKey]screenedName
	// ban are the names screened against the ban lists alone (see
	// banOnlySource), components' own names aside.
	ban map[nameKey][]screen.Match
	// run, when set, shares the names screened with the other screeners
	// of the same input.
	run *runNames
	// componentNames are components' own names (see componentNameCache).
	componentNames componentNameCache
	ids            map[Lookup][]screen.Match
	hosts          hostCache
	hits           map[hitKey]bool
	// noWebsites leaves the look-ups of web addresses on shared hosts out
	// of ids (RunOptions.NoLookups): nearly all distinct, they are not
	// worth a cache entry when nobody lists them.
	noWebsites bool
}

type hitKey struct{ typ, value, kind, eco, source string }

type nameKey struct{ name, kind string }

// newScreener returns a screener of s (see screener.noWebsites).
func newScreener(s *Screening, shared *lists.SharedDomains, noWebsites bool) *screener {
	return &screener{s: s, shared: shared, names: map[nameKey]screenedName{}, ban: map[nameKey][]screen.Match{},
		ids: map[Lookup][]screen.Match{}, hits: map[hitKey]bool{}, noWebsites: noWebsites}
}

// merge adds what another screener screened, so that distinctNames, the
// parties and the hits count both.
func (sc *screener) merge(o *screener) {
	for k, v := range o.names {
		e, ok := sc.names[k]
		if !ok {
			e.ms = v.ms
		}
		for _, r := range v.roles.list() {
			e.roles.add(r)
		}
		sc.names[k] = e
	}
	for k, v := range o.ban {
		if _, ok := sc.ban[k]; !ok {
			sc.ban[k] = v
		}
	}
	for k, v := range o.ids {
		if _, ok := sc.ids[k]; !ok {
			sc.ids[k] = v
		}
	}
	for k := range o.hits {
		sc.hits[k] = true
	}
}

// screened is what the screener recorded: the distinct party names, sorted,
// the look-ups it made, and the number of distinct signals that matched a
// list.
func (sc *screener) screened() ([]ScreenedParty, map[Lookup][]screen.Match, int) {
	roles := map[string]map[string]bool{}
	for k, e := range sc.names {
		for _, role := range e.roles.list() {
			r := roles[k.name]
			if r == nil {
				r = map[string]bool{}
				roles[k.name] = r
			}
			r[role] = true
		}
	}
	out := make([]ScreenedParty, 0, len(roles))
	for name, r := range roles {
		out = append(out, ScreenedParty{Name: name, Roles: slices.Sorted(maps.Keys(r))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, sc.ids, len(sc.hits)
}

// distinctNames is how many distinct party names were screened against
// every list (names screened for ban-list brands only, not counted).
func (sc *screener) distinctNames() int { return len(sc.names) }

// banOnly prefixes the key of a name screened against the ban lists alone
// in the Screening's name cache.
const banOnly = "\x00ban\x00"

// banOnlySource reports whether source is one of the sources of names
// screened only against the ban lists' names and brand words: a component
// merely named after a vendor, a purl's owner or package name. (A switch:
// it is asked for every signal.)
func banOnlySource(source string) bool {
	switch source {
	case attribute.SourceComponentName, attribute.SourcePURLOwner, attribute.SourcePURLName, attribute.SourceVCSOwner, sourceProduct:
		return true
	}
	return false
}

// signal screens one signal and returns its matches with a confidence. An
// error means a matched list entry could not be read (an index read from
// its file): the signal, and so the input, cannot be screened.
func (sc *screener) signal(sig attribute.Signal) ([]Found, error) {
	ms, err := sc.matches(sig)
	if err != nil {
		sc.s.failed(err)
		return nil, signalError(sig, err)
	}
	if len(ms) == 0 {
		return nil, nil
	}
	out := make([]Found, 0, len(ms))
	var query, reading screen.Normalized
	var readingText string
	for _, m := range ms {
		conf, keep := sc.confidence(sig, m)
		if !keep {
			continue
		}
		f := Found{Match: m, Signal: sig.Source, Value: sig.Value, Pointer: sig.Pointer, Confidence: conf}
		if sc.s.Kinds[m.List] == provenance.KindSanctions {
			// What tells a listed person from a namesake is read only
			// for sanctions entries; the match carries type and links.
			e, err := sc.s.Index.Entry(m.List, m.EntryID)
			if err != nil {
				return nil, signalError(sig, err)
			}
			if e != nil {
				f.DatesOfBirth, f.Nationalities = e.DatesOfBirth, e.Nationalities
				for _, a := range e.Addresses {
					if i := strings.LastIndex(a, ", "); i >= 0 {
						f.AddressCountries = append(f.AddressCountries, strings.TrimSpace(a[i+2:]))
					} else if a = strings.TrimSpace(a); a != "" && !strings.ContainsAny(a, "0123456789") {
						f.AddressCountries = append(f.AddressCountries, a)
					}
				}
			}
		}
		switch b := basis(m.MatchedOn); b {
		case BasisOwnDomain:
			// Matched as the party's own domain: the evidence is the
			// domain, as it always was, not the whole address.
			f.Basis, f.Value = b, addressHost(sig)
		case BasisExactAddress, BasisHostPath:
			f.Basis = b
			f.Explain = strings.TrimSpace(f.Explain + " (" + b + sc.providerText(sig) + ")")
		}
		if sig.Type == attribute.ValueName && sc.s.Kinds[m.List] == provenance.KindSanctions {
			if query.Words == nil {
				query = screen.Normalize(sig.Value)
			}
			// The listed name's words the query lacks, as the matcher
			// read the query where it read it otherwise than written
			// ("vladimirputin" split, a name shown reversed by a
			// right-to-left override); its words as written count as
			// written ("RubyGems" is one word standing for a name).
			read := query
			if m.Reading != "" {
				if m.Reading != readingText {
					reading, readingText = screen.Normalize(m.Reading), m.Reading
				}
				read = reading
			}
			f.NameWords, f.Missing = nameWords(query), missingWords(read, screen.Normalize(m.MatchedName))
		}
		out = append(out, f)
	}
	if len(out) > 0 && !banOnlySource(sig.Source) {
		sc.hits[hitKey{sig.Type, sig.Value, sig.Kind, sig.Ecosystem, sig.Source}] = true
	}
	return out, nil
}

// basis is what a match on matched rests on, for an address.
func basis(matchedOn string) string {
	switch matchedOn {
	case "email":
		return BasisExactAddress
	case "website":
		return BasisHostPath
	case "domain", "email_domain":
		return BasisOwnDomain
	}
	return ""
}

// providerText names the shared provider of an e-mail or web address, for
// an explanation: "; gmail.com is Gmail's, a shared webmail domain".
func (sc *screener) providerText(sig attribute.Signal) string {
	host := addressHost(sig)
	if p, listed, ok := sc.shared.Lookup(host); ok {
		return fmt.Sprintf("; %s is %s's, a shared %s domain (%s)", listed, p.Name, p.Category, p.File)
	}
	return ""
}

// addressHost is the host of an e-mail, URL or domain signal.
func addressHost(sig attribute.Signal) string {
	switch sig.Type {
	case attribute.ValueEmail:
		return sig.Value[strings.LastIndexByte(sig.Value, '@')+1:]
	case attribute.ValueURL:
		h, _, _ := strings.Cut(sig.Value, "/")
		return h
	case attribute.ValueDomain:
		return sig.Value
	}
	return ""
}

// nameWords returns the number of words of the query, legal forms
// aside.
func nameWords(q screen.Normalized) int {
	n := 0
	for i := range q.Words {
		if !q.Legal[i] {
			n++
		}
	}
	return n
}

// missingWords returns the words of the listed name (legal forms aside)
// that the query lacks, compared by word and by phonetic key.
func missingWords(q, listed screen.Normalized) []string {
	have := map[string]bool{}
	for i, w := range q.Words {
		if q.Legal[i] {
			continue
		}
		have[w] = true
		have["\x00"+q.Keys[i]] = true
	}
	var missing []string
	for i, w := range listed.Words {
		if listed.Legal[i] || have[w] || have["\x00"+listed.Keys[i]] {
			continue
		}
		missing = append(missing, w)
	}
	return missing
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
// cache; a failed query is not cached. An address on a shared provider's
// domain (webmail, code host, site host; the bundle's shared-domain data)
// is matched only as a whole address, or as host and path; any other is
// matched by its domain, as the party's own.
func (sc *screener) matches(sig attribute.Signal) ([]screen.Match, error) {
	if sig.Type == attribute.ValueName {
		if banOnlySource(sig.Source) {
			return sc.banMatches(sig)
		}
		return sc.nameMatches(sig)
	}
	l, ok := sc.lookup(sig)
	if !ok {
		return nil, nil
	}
	if sc.noWebsites && l.Kind == LookupWebsite {
		// Nearly all distinct, and not recorded: no cache entry.
		return l.Query(sc.s.Index)
	}
	if ms, ok := sc.ids[l]; ok {
		return ms, nil
	}
	ms, err := l.Query(sc.s.Index)
	if err != nil {
		return nil, err
	}
	sc.ids[l] = ms
	return ms, nil
}

// nameMatches screens a party's name against every list, and records the
// role it appeared in (a name not empty).
func (sc *screener) nameMatches(sig attribute.Signal) ([]screen.Match, error) {
	k := nameKey{sig.Value, sig.Kind}
	e, ok := sc.names[k]
	if !ok {
		ms, err := sc.run.matches(runKey{nameKey: k}, func() ([]screen.Match, error) {
			return sc.sharedMatches(k, screen.Query{Name: sig.Value, Kind: sig.Kind}, sc.s.Index.Name)
		})
		if err != nil {
			return nil, err
		}
		e.ms = ms
		if sig.Value != "" {
			e.roles.add(sig.Source)
		}
		sc.names[k] = e
	} else if sig.Value != "" && e.roles.add(sig.Source) {
		sc.names[k] = e
	}
	return e.ms, nil
}

// sharedMatches returns the matches the screening's cache of names holds
// under k, or screens q with fn and keeps them there.
func (sc *screener) sharedMatches(k nameKey, q screen.Query, fn func(screen.Query) ([]screen.Match, error)) ([]screen.Match, error) {
	if ms, ok := sc.s.names.get(k); ok {
		return ms, nil
	}
	ms, err := fn(q)
	if err != nil {
		return nil, err
	}
	sc.s.names.put(k, ms)
	return ms, nil
}

// banMatches screens a name against the ban lists alone: a component
// merely named after a vendor, a purl's owner or package name can only tie
// it to a banned vendor.
func (sc *screener) banMatches(sig attribute.Signal) ([]screen.Match, error) {
	k := nameKey{sig.Value, sig.Kind}
	if sig.Source == attribute.SourceComponentName {
		return sc.componentNames.matches(sc.s.Index, k)
	}
	if ms, ok := sc.ban[k]; ok {
		return ms, nil
	}
	ms, err := sc.run.matches(runKey{nameKey: k, ban: true}, func() ([]screen.Match, error) {
		return sc.sharedMatches(nameKey{banOnly + k.name, k.kind}, screen.Query{Name: sig.Value, Kind: sig.Kind}, sc.s.Index.BanName)
	})
	if err != nil {
		return nil, err
	}
	sc.ban[k] = ms
	return ms, nil
}

// sharedAddress reports whether an e-mail or web address signal is on a
// shared provider's domain (webmail, a code host, a site host: the
// bundle's shared-domain data), a tenant's host included: anybody may hold
// one, so it is not the party's own and argues nothing about who the party
// is (corroborate).
func (sc *screener) sharedAddress(sig attribute.Signal) bool {
	if sig.Type != attribute.ValueEmail && sig.Type != attribute.ValueURL {
		return false
	}
	l, ok := sc.lookup(sig)
	return ok && (l.Kind == LookupEmail || l.Kind == LookupWebsite)
}

// lookup returns the look-up of an identifier signal; ok is false for a
// signal that matches nothing (a bare shared domain).
func (sc *screener) lookup(sig attribute.Signal) (l Lookup, ok bool) {
	switch sig.Type {
	case attribute.ValueEmail:
		d := addressHost(sig)
		if sc.hosts.get(sc.shared, d).shared {
			return Lookup{Kind: LookupEmail, Value: sig.Value}, true
		}
		return Lookup{Kind: LookupDomain, Value: d}, true
	case attribute.ValueURL:
		host, _, _ := strings.Cut(sig.Value, "/")
		if h := sc.hosts.get(sc.shared, host); h.shared {
			return Lookup{Kind: LookupWebsite, Value: sig.Value, Bare: h.tenant}, true
		}
		return Lookup{Kind: LookupDomain, Value: host}, true
	case attribute.ValueDomain:
		if sc.hosts.get(sc.shared, sig.Value).shared {
			return Lookup{}, false // a shared provider's domain alone identifies nobody
		}
		return Lookup{Kind: LookupDomain, Value: sig.Value}, true
	case attribute.ValueNamespace:
		return Lookup{Kind: LookupNamespace, Ecosystem: sig.Ecosystem, Value: sig.Value}, true
	case attribute.ValueCPEVendor:
		return Lookup{Kind: LookupCPEVendor, Value: sig.Value}, true
	case attribute.ValueID:
		return Lookup{Kind: LookupIdentifier, Value: sig.Value}, true
	}
	return Lookup{}, false
}

// confidence grades a match by the signal it came from; keep is false for
// matches a signal cannot support (a package named after a sanctioned
// person, say).
func (sc *screener) confidence(sig attribute.Signal, m screen.Match) (conf string, keep bool) {
	conf, keep = sc.signalConfidence(sig, m)
	if conf != ConfidenceLow && m.Score < sc.s.Thresholds.Match {
		// The matcher scores what it can only suspect (a brand inside a
		// word, a phonetic likeness) below the match threshold: review at
		// most, whatever the signal.
		conf = ConfidenceLow
	}
	return conf, keep
}

// signalConfidence grades a match by the signal it came from alone.
func (sc *screener) signalConfidence(sig attribute.Signal, m screen.Match) (conf string, keep bool) {
	kind := sc.s.Kinds[m.List]
	switch sig.Source {
	case attribute.SourceComponentName, attribute.SourcePURLName:
		// A package merely named after a vendor: weak, and only for brands
		// and names of ban lists.
		return ConfidenceLow, kind == provenance.KindBan
	case attribute.SourcePURLOwner, attribute.SourceVCSOwner, sourceProduct:
		// The owner a purl names registered its namespace, the owner of a
		// code-host account its account, and a product named after a
		// vendor is most likely the vendor's: a brand word in any of them
		// is as strong as one in a supplier's name.
		if kind != provenance.KindBan {
			return "", false
		}
		if m.MatchedOn == "brand" {
			return ConfidenceMedium, true
		}
		return ConfidenceHigh, true
	case sbom.RoleUnread:
		// A string no reader reads may be anything: one word of it ("sft",
		// a training method) naming a sanctioned entity is no lead; a
		// banned vendor's name or brand is.
		return ConfidenceLow, kind == provenance.KindBan || len(strings.Fields(sig.Value)) > 1
	case attribute.SourceCopyright, attribute.SourceReference:
		return ConfidenceLow, true
	case attribute.SourceVCS:
		return ConfidenceMedium, true
	case attribute.SourcePURL, attribute.SourceGroup, attribute.SourceCPE, attribute.SourceEmail, attribute.SourceURL,
		attribute.SourceIdentifier:
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
