package sbom

import (
	"regexp"
	"strconv"
)

// Warning codes of the defects Decode reads past: each touches nothing
// that is screened, so the document is read and the defect reported
// rather than refused. One warning is given per code and document, at the
// first place it occurs, with the number of places in its message.
const (
	// WarnIDUnprefixed marks an SPDX element identifier without the
	// "SPDXRef-" prefix (Flux release SBOMs, GitHub's older exports). The
	// identifier is kept as written.
	WarnIDUnprefixed = "spdxid-unprefixed"
	// WarnIDMissing marks an SPDX package without an SPDXID; its ref is its
	// pointer.
	WarnIDMissing = "spdxid-missing"
	// WarnActorUntyped marks an SPDX supplier, originator or creator
	// without "Person:" or "Organization:" (Microsoft sbom-tool, syft 0.33):
	// it is taken as a party of unknown kind, its e-mail split out.
	WarnActorUntyped = "actor-untyped"
	// WarnTagUnknown marks an SPDX tag-value tag this package does not know
	// (misspelt, or from another version): it is not read.
	WarnTagUnknown = "tag-unknown"
	// WarnTagCase marks a known SPDX tag written in another case
	// ("Packagesupplier"): it is read as the known tag.
	WarnTagCase = "tag-case"
	// WarnTagMisplaced marks a package tag after the package's files or
	// snippets: it is read for that package.
	WarnTagMisplaced = "tag-misplaced"
	// WarnLineEndings marks SPDX tag-value text with CR-only or mixed line
	// endings.
	WarnLineEndings = "line-endings"
	// WarnFieldMissing marks a mandatory field that is not screened and is
	// absent (an SPDX package's downloadLocation).
	WarnFieldMissing = "field-missing"
	// WarnFieldMalformed marks a field that is not screened and does not
	// have its specified form (a relationship without three parts, a
	// checksum without an algorithm): it is not read.
	WarnFieldMalformed = "field-malformed"
	// WarnFieldSkipped marks a field that is not screened and that the
	// format's library cannot take as written (cyclonedx-go's types disagree
	// with the CycloneDX schema on some fields): it is not read.
	WarnFieldSkipped = "field-skipped"
	// WarnExternalRefMalformed marks an SPDX ExternalRef that is not
	// "CATEGORY TYPE LOCATOR": its locator is taken as the rest of the line
	// and screened as written.
	WarnExternalRefMalformed = "externalref-malformed"
	// WarnSignatureUnverified marks a DSSE envelope whose signatures were
	// not verified: Decode reads the payload, it does not check who signed
	// it.
	WarnSignatureUnverified = "signature-unverified"
	// WarnPredicateType marks an in-toto statement whose predicateType does
	// not name the SBOM format its predicate holds.
	WarnPredicateType = "predicate-type"
)

// lenientLog gathers the warnings of one decode, one per code: the first
// place a code occurs and how many places have it.
type lenientLog struct {
	order []string
	first map[string]Warning
	count map[string]int
}

// note records one occurrence of code at ptr.
func (l *lenientLog) note(code, msg, ptr string) {
	if l.first == nil {
		l.first = make(map[string]Warning)
		l.count = make(map[string]int)
	}
	if _, ok := l.first[code]; !ok {
		l.order = append(l.order, code)
		l.first[code] = Warning{Code: code, Message: msg, Pointer: ptr}
	}
	l.count[code]++
}

// warnings returns one warning per code, in the order the codes first
// occurred.
func (l *lenientLog) warnings() []Warning {
	out := make([]Warning, 0, len(l.order))
	for _, code := range l.order {
		w := l.first[code]
		if n := l.count[code]; n > 1 {
			w.Message += " (" + strconv.Itoa(n) + " places; the first is given)"
		}
		out = append(out, w)
	}
	return out
}

// flush appends the gathered warnings to doc.
func (l *lenientLog) flush(doc *Document) {
	if l == nil || len(l.order) == 0 {
		return
	}
	doc.Warnings = append(doc.Warnings, l.warnings()...)
	l.order, l.first, l.count = nil, nil, nil
}

// quotableName matches a tag or field name short and plain enough to be
// named in a message (messages never echo other input).
var quotableName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]{0,39}$`)

// nameOrSome returns name when it may be quoted in a message, and what
// otherwise.
func nameOrSome(name, what string) string {
	if quotableName.MatchString(name) {
		return name
	}
	return what
}
