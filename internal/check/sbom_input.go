package check

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/bangate/bangate/internal/attribute"
	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/provenance"
	"github.com/bangate/bangate/sbom"
)

// sbomInput is what the pipeline computed for one SBOM.
type sbomInput struct {
	value    ast.Object
	coverage decision.Coverage
	subject  *decision.Subject
	sc       *screener // what was screened
}

// partyRole reports whether source is one of the sources of a signal that
// name a party. (A switch: it is asked for every signal.)
func partyRole(source string) bool {
	switch source {
	case sbom.RoleSupplier, sbom.RoleManufacturer, sbom.RolePublisher, sbom.RoleAuthor, sbom.RoleOriginator, sbom.RoleCreator,
		sbom.RoleLicensor, sbom.RoleVendor, roleOwner:
		return true
	}
	return false
}

// componentsPart is what attributing and screening a run of components
// produced.
type componentsPart struct {
	comps        []ast.Object
	unattributed []ast.Object
	cov          decision.Coverage
	sc           *screener
	err          error // why a component could not be screened
}

// parallelFrom is the component count from which two goroutines attribute
// and screen halves of a document decoded whole.
const parallelFrom = 2048

// screenSink attributes and screens the components of a document as
// sbom.DecodeEach decodes them, with a screener per decoding goroutine,
// and keeps what each batch produced (the components with a match), not
// the components.
type screenSink struct {
	s   *Session
	scr *Screening
	mu  sync.Mutex
	scs map[int]*screener // per worker
	// parts are the batches' results by seq.
	parts map[int]componentsPart
	err   error // the first component that could not be screened
	// noWebsites is the screeners' (screener.noWebsites).
	noWebsites bool
	// run is shared by the screeners.
	run *runNames
	// places are those of the top-level components, when the decoder
	// gave them (sbom.PlacesSink): they place the findings.
	places *sbom.ComponentPlaces
}

func newScreenSink(s *Session, scr *Screening, noWebsites bool) *screenSink {
	return &screenSink{s: s, scr: scr, scs: map[int]*screener{}, parts: map[int]componentsPart{}, noWebsites: noWebsites,
		run: &runNames{}}
}

// Batch attributes and screens one batch.
func (k *screenSink) Batch(worker, seq int, comps []sbom.Component) error {
	k.mu.Lock()
	sc := k.scs[worker]
	if sc == nil {
		sc = newScreener(k.scr, k.s.SharedDomains(), k.noWebsites)
		sc.run = k.run
		k.scs[worker] = sc
	}
	k.mu.Unlock()
	part := k.s.components(comps, sc)
	k.mu.Lock()
	defer k.mu.Unlock()
	k.parts[seq] = part
	if part.err != nil && k.err == nil {
		k.err = part.err
	}
	return part.err
}

// Reset drops the batches' results; the screeners keep what they
// screened, which the document screens again.
func (k *screenSink) Reset() {
	k.mu.Lock()
	k.parts = map[int]componentsPart{}
	k.places = nil
	k.mu.Unlock()
}

// Places keeps the places of the top-level components, for locating the
// findings in the input.
func (k *screenSink) Places(p *sbom.ComponentPlaces) {
	k.mu.Lock()
	k.places = p
	k.mu.Unlock()
}

// results returns the batches' results in file order.
func (k *screenSink) results() []componentsPart {
	seqs := slices.Sorted(maps.Keys(k.parts))
	out := make([]componentsPart, len(seqs))
	for i, seq := range seqs {
		out[i] = k.parts[seq]
	}
	return out
}

// screenComponents attributes and screens the components of a document
// decoded whole, on two goroutines when there are many (noWebsites is the
// screeners', screener.noWebsites).
func (s *Session) screenComponents(comps []sbom.Component, scr *Screening, noWebsites bool) []componentsPart {
	if len(comps) < parallelFrom {
		return []componentsPart{s.components(comps, newScreener(scr, s.SharedDomains(), noWebsites))}
	}
	parts := make([]componentsPart, 2)
	half := len(comps) / 2
	run := &runNames{}
	screener := func() *screener {
		sc := newScreener(scr, s.SharedDomains(), noWebsites)
		sc.run = run
		return sc
	}
	var wg sync.WaitGroup
	wg.Go(func() { parts[1] = s.components(comps[half:], screener()) })
	parts[0] = s.components(comps[:half], screener())
	wg.Wait()
	return parts
}

// buildSBOMInput builds the policy input of doc from its components
// attributed and screened in parts (in file order; n components in all).
// An error means a party or component could not be screened.
func (s *Session) buildSBOMInput(doc *sbom.Document, n int, parts []componentsPart, src sourceInfo, scr *Screening) (sbomInput, error) {
	for _, p := range parts {
		if p.err != nil {
			return sbomInput{}, p.err
		}
	}
	var sc *screener
	merged := map[*screener]bool{}
	var cov decision.Coverage
	var objs, unattributed []ast.Object
	for _, p := range parts {
		objs = append(objs, p.comps...)
		unattributed = append(unattributed, p.unattributed...)
		cov.Attributed += p.cov.Attributed
		cov.Unattributed += p.cov.Unattributed
		cov.WithNamedParty += p.cov.WithNamedParty
		cov.WithPURLNamespace += p.cov.WithPURLNamespace
		switch {
		case sc == nil:
			sc = p.sc
			merged[sc] = true
		case !merged[p.sc]:
			sc.merge(p.sc)
			merged[p.sc] = true
		}
	}
	if sc == nil {
		sc = newScreener(scr, s.SharedDomains(), false)
	}
	if len(unattributed) > s.plan.MaxListed {
		unattributed = unattributed[:s.plan.MaxListed]
	}
	cov.Components = n
	cov.Services = doc.Services

	// The document's own parties and subject.
	subj := &objBuilder{}
	var subject *decision.Subject
	var docParties []ast.Object
	if doc.Subject != nil {
		subj.str("name", doc.Subject.Name).str("version", doc.Subject.Version).strOpt("ref", doc.Subject.Ref).
			strOpt("purl", doc.Subject.PURL).hashesOpt("hashes", doc.Subject.Hashes).strOpt("type", doc.Subject.Type)
		// What the document describes decides the kind of thing its own
		// parties (metadata supplier, manufacturer, the subject's
		// supplier) supply: a device's supplier supplies equipment.
		equipment := false
		for _, c := range doc.Subject.CPEs {
			equipment = equipment || attribute.HardwareCPE(c)
		}
		if equipment {
			subj.val("equipment", ast.Boolean(true))
		}
		subject = &decision.Subject{Kind: "document", Ref: doc.Subject.Ref, Name: doc.Subject.Name, Version: doc.Subject.Version}
		for _, p := range doc.Subject.Parties {
			found, err := screenParty(sc, p)
			if err != nil {
				return sbomInput{}, err
			}
			docParties = append(docParties, partyValue(p, found))
		}
	}
	for _, p := range doc.Parties {
		found, err := screenParty(sc, p)
		if err != nil {
			return sbomInput{}, err
		}
		docParties = append(docParties, partyValue(p, found))
	}
	subj.val("parties", objArray(docParties))

	var warnings []ast.Object
	for _, w := range doc.Warnings {
		b := &objBuilder{}
		b.str("code", w.Code).str("message", w.Message).str("pointer", w.Pointer)
		warnings = append(warnings, b.obj())
	}
	cov.PartiesScreened = sc.distinctNames()

	// A document that names no component, subject or party has nothing to
	// screen: the policies send it to review, never pass it.
	empty := n == 0 && doc.Subject == nil && len(doc.Parties) == 0
	covObj := &objBuilder{}
	covObj.val("nothing_checked", ast.Boolean(empty)).
		int("components", cov.Components).int("services", cov.Services).int("attributed", cov.Attributed).
		int("with_named_party", cov.WithNamedParty).int("with_purl_namespace", cov.WithPURLNamespace).
		int("unattributed_count", cov.Unattributed).val("unattributed", objArray(unattributed)).
		int("max_listed", s.plan.MaxListed)

	source := &objBuilder{}
	source.str("path", src.path).str("format", string(doc.Format)).str("spec_version", doc.SpecVersion).str("sha256", src.sha256)

	in := &objBuilder{}
	in.str("kind", "sbom").str("as_of", s.plan.AsOf.UTC().Format(time.RFC3339)).str("profile", s.plan.Profile).
		val("source", source.obj()).val("subject", subj.obj()).val("components", objArray(objs)).
		val("vendors", ast.NewArray()).val("lists", s.listsValue(scr)).val("coverage", covObj.obj()).
		val("warnings", objArray(warnings)).
		val("screening", (&objBuilder{}).num("match", scr.Thresholds.Match).num("review", scr.Thresholds.Review).obj()).
		val("settings", s.settingsValue())
	return sbomInput{value: in.obj(), coverage: cov, subject: subject, sc: sc}, nil
}

// unattributing reports whether source is one of the sources of signals
// that are screened but say nothing of whose a component is: a package's
// own name, the IRI of an element the document does not hold, a string no
// reader reads. (A switch: it is asked for every signal.)
func unattributing(source string) bool {
	switch source {
	case attribute.SourceComponentName, attribute.SourceReference, sbom.RoleUnread:
		return true
	}
	return false
}

// components attributes and screens a run of components with sc; it
// stops at the first component that cannot be screened.
func (s *Session) components(comps []sbom.Component, sc *screener) componentsPart {
	part := componentsPart{sc: sc}
	// One component's signals and screened signals at a time: the slices
	// are reused, what is kept of them (the matches) is not in them.
	var (
		signals []attribute.Signal
		items   []screenedSignal
	)
	for i := range comps {
		comp := &comps[i]
		signals = attribute.AppendComponent(signals[:0], comp)
		parties := newPartyFinder(comp.Parties)
		attributed, named, matched := false, false, false
		items = items[:0]
		var eco, ns string
		for _, sig := range signals {
			if !unattributing(sig.Source) {
				attributed = true
			}
			if sig.Source == attribute.SourcePURL && eco == "" {
				eco, ns = sig.Ecosystem, sig.Value
			}
			found, err := sc.signal(sig)
			if err != nil {
				part.err = err
				return part
			}
			party := parties.of(sig)
			if sig.Type == attribute.ValueName && partyRole(sig.Source) {
				named = true
			}
			items = append(items, screenedSignal{sig: sig, party: party, found: found})
			matched = matched || len(found) > 0
		}
		var (
			partyMatches [][]Found
			compMatches  []Found
		)
		if matched {
			// corroborate, and the matches of the parties, concern the
			// components with a match alone.
			corroborate(items, sc.sharedAddress, nil)
			partyMatches = make([][]Found, len(comp.Parties))
			for _, it := range items {
				if it.sig.Type == attribute.ValueName && it.party >= 0 && partyRole(it.sig.Source) {
					partyMatches[it.party] = append(partyMatches[it.party], it.found...)
					continue
				}
				compMatches = append(compMatches, it.found...)
			}
		}
		if ns != "" {
			part.cov.WithPURLNamespace++
		}
		if named {
			part.cov.WithNamedParty++
		}
		if attributed {
			part.cov.Attributed++
		} else {
			part.cov.Unattributed++
			if len(part.unattributed) < s.plan.MaxListed {
				b := &objBuilder{}
				b.str("ref", comp.Ref).str("name", comp.Name).str("pointer", comp.Pointer)
				part.unattributed = append(part.unattributed, b.obj())
			}
		}
		if !matched && !s.allComponents() {
			continue
		}
		if partyMatches == nil {
			partyMatches = make([][]Found, len(comp.Parties))
		}
		part.comps = append(part.comps, componentValue(comp, eco, ns, partyMatches, compMatches))
	}
	return part
}

// screenedSignal is one signal of a subject with its matches and the index
// of the party it belongs to (-1 for the subject's own fields).
type screenedSignal struct {
	sig   attribute.Signal
	party int
	found []Found
}

// partyFinder finds the party a signal of a component belongs to.
type partyFinder struct {
	parties []sbom.Party
	// byPointer indexes the parties by pointer when there are more than
	// partyScan: a component has a few, one of an SBOM written to defeat
	// the gate thousands, each asked for by each of its signals.
	byPointer map[string][]int
}

// partyScan is the number of parties partyFinder reads through before it
// indexes them.
const partyScan = 16

// newPartyFinder returns the finder of a component's parties.
func newPartyFinder(parties []sbom.Party) partyFinder {
	f := partyFinder{parties: parties}
	if len(parties) > partyScan {
		f.byPointer = make(map[string][]int, len(parties))
		for j, p := range parties {
			f.byPointer[p.Pointer] = append(f.byPointer[p.Pointer], j)
		}
	}
	return f
}

// of returns the index of the party a signal belongs to: the party whose
// name it is, or whose e-mail or URL it is (same pointer); -1 for the
// component's own fields.
func (f partyFinder) of(sig attribute.Signal) int {
	name := sig.Type == attribute.ValueName
	if !name && sig.Source != attribute.SourceEmail && sig.Source != attribute.SourceURL && sig.Source != attribute.SourceVCS {
		return -1
	}
	holds := func(p sbom.Party) bool {
		return p.Pointer == sig.Pointer && (!name || p.Role == sig.Source && strings.TrimSpace(p.Name) == sig.Value)
	}
	if f.byPointer != nil {
		for _, j := range f.byPointer[sig.Pointer] {
			if holds(f.parties[j]) {
				return j
			}
		}
		return -1
	}
	for j, p := range f.parties {
		if holds(p) {
			return j
		}
	}
	return -1
}

// entryKey names a list entry.
type entryKey struct{ list, id string }

// corroborate sets, on every name match of a subject's signals, what else
// ties the subject to the same entry (Found.Corroboration), whether the
// party's own contact details argue against it (Found.Contradiction) and
// the namesakes the same name matched (Found.Namesakes). extra lists
// evidence the caller has of its own (a procurement record's country, its
// counterparty role), per entry. shared reports whether an address is on
// a shared provider's domain (screener.sharedAddress): not the party's
// own, it argues nothing.
func corroborate(items []screenedSignal, shared func(attribute.Signal) bool, extra func(f *Found, it *screenedSignal) []string) {
	evidence := map[entryKey][]string{}
	partyHits := map[int]map[entryKey]bool{}
	contacts := map[int][]string{}
	for _, it := range items {
		if it.sig.Type == attribute.ValueName {
			continue
		}
		if it.party >= 0 && (it.sig.Type == attribute.ValueEmail || it.sig.Type == attribute.ValueURL) && !shared(it.sig) {
			contacts[it.party] = append(contacts[it.party], it.sig.Value)
		}
		for _, f := range it.found {
			k := entryKey{f.List, f.EntryID}
			evidence[k] = append(evidence[k], evidenceText(f))
			if it.party >= 0 {
				if partyHits[it.party] == nil {
					partyHits[it.party] = map[entryKey]bool{}
				}
				partyHits[it.party][k] = true
			}
		}
	}
	for i := range items {
		it := &items[i]
		if it.sig.Type != attribute.ValueName || len(it.found) == 0 {
			continue
		}
		var namesakes []string
		for _, f := range it.found {
			if f.EntryType == "individual" {
				namesakes = append(namesakes, namesake(f))
			}
		}
		for j := range it.found {
			f := &it.found[j]
			k := entryKey{f.List, f.EntryID}
			f.Corroboration = slices.Clone(evidence[k])
			if extra != nil {
				f.Corroboration = append(f.Corroboration, extra(f, it)...)
			}
			if c := contacts[it.party]; it.party >= 0 && len(c) > 0 && !partyHits[it.party][k] {
				f.Contradiction = fmt.Sprintf("the party gives %s, which the entry does not list", strings.Join(quoteAll(c), ", "))
			}
			if f.EntryType == "individual" {
				f.Namesakes = namesakes
			}
		}
	}
}

// evidenceText describes an identifier or address match as corroboration.
func evidenceText(f Found) string {
	how := f.MatchedOn
	if f.Basis != "" {
		how = f.Basis
	}
	return fmt.Sprintf("%s %q matches %q (%s)", f.Signal, f.Value, f.MatchedName, how)
}

// namesake names a matched individual with what tells it apart.
func namesake(f Found) string {
	var facts []string
	facts = append(facts, f.List+" "+f.EntryID)
	if len(f.DatesOfBirth) > 0 {
		facts = append(facts, "DOB "+strings.Join(f.DatesOfBirth, ", "))
	}
	if len(f.Nationalities) > 0 {
		facts = append(facts, "nationality "+strings.Join(f.Nationalities, ", "))
	}
	return fmt.Sprintf("%s (%s)", f.EntryName, strings.Join(facts, "; "))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// screenParty screens every signal of a party.
func screenParty(sc *screener, p sbom.Party) ([]Found, error) {
	var items []screenedSignal
	for _, sig := range partySignals(p) {
		found, err := sc.signal(sig)
		if err != nil {
			return nil, err
		}
		items = append(items, screenedSignal{sig: sig, party: 0, found: found})
	}
	corroborate(items, sc.sharedAddress, nil)
	var out []Found
	for _, it := range items {
		out = append(out, it.found...)
	}
	return out, nil
}

func componentValue(comp *sbom.Component, eco, ns string, partyMatches [][]Found, compMatches []Found) ast.Object {
	equipment := false
	for _, c := range comp.CPEs {
		equipment = equipment || attribute.HardwareCPE(c)
	}
	for _, id := range comp.Identities {
		equipment = equipment || (strings.EqualFold(id.Field, "cpe") && attribute.HardwareCPE(id.Value))
	}
	if eco == "" {
		eco, _ = attribute.PURLNamespace(comp.PURL)
	}
	parties := make([]ast.Object, 0, len(comp.Parties))
	for j, p := range comp.Parties {
		parties = append(parties, partyValue(p, partyMatches[j]))
	}
	b := &objBuilder{}
	b.str("ref", comp.Ref).str("pointer", comp.Pointer).str("name", comp.Name).str("version", comp.Version).
		str("type", comp.Type).str("purl", comp.PURL).str("ecosystem", eco).str("namespace", ns).
		val("cpes", strArray(nonNil(comp.CPEs))).val("equipment", ast.Boolean(equipment)).str("section", comp.Section).
		val("parties", objArray(parties)).val("matches", objArray(foundValues(compMatches))).hashesOpt("hashes", comp.Hashes)
	return b.obj()
}

func partyValue(p sbom.Party, found []Found) ast.Object {
	b := &objBuilder{}
	b.str("role", p.Role).str("kind", p.Kind).str("name", p.Name).str("pointer", p.Pointer).
		val("matches", objArray(foundValues(found)))
	return b.obj()
}

func foundValues(fs []Found) []ast.Object {
	out := make([]ast.Object, len(fs))
	for i, f := range fs {
		out[i] = matchValue(f)
	}
	return out
}

// listsValue is input.lists for scr: the session's, built once, for its
// own screening.
func (s *Session) listsValue(scr *Screening) ast.Object {
	if scr == s.screening && s.inputLists != nil {
		return s.inputLists
	}
	return listsValue(scr, s.plan.AsOf)
}

func listsValue(scr *Screening, at time.Time) ast.Object {
	b := &objBuilder{}
	for _, p := range scr.Lists {
		l := &objBuilder{}
		l.str("kind", string(p.Kind)).str("source_url", p.SourceURL).str("published", dateString(p.Published)).
			str("sha256", p.SHA256).int("entries", p.Entries).int("age_days", provenance.AgeDays(p, at))
		b.val(p.ID, l.obj())
	}
	return b.obj()
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}
