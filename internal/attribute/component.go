package attribute

import (
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/bangate/bangate/internal/textnorm"
	"github.com/bangate/bangate/sbom"
)

// Component returns the signals of one component, deduplicated, in a fixed
// order: parties (names, e-mail addresses, URLs), the component's URLs,
// what its purl names (namespace, code-host owner, owner and brand-bearing
// package name), its group, CPE vendors, copyright holders (of its
// copyright text and its copyright evidence), the identities its evidence
// states, and its own name.
func Component(c *sbom.Component) []Signal {
	return AppendComponent(make([]Signal, 0, 2*len(c.Parties)+2*len(c.ExternalRefs)+6), c)
}

// signalScan is the number of a component's signals AppendComponent
// reads through for a duplicate before it indexes them.
const signalScan = 32

// AppendComponent appends the signals of one component (see Component) to
// out and returns the extended slice: a caller that attributes component
// after component reuses one slice.
func AppendComponent(out []Signal, c *sbom.Component) []Signal {
	start := len(out)
	// seen indexes the signals once there are more than signalScan: a
	// component has a handful, where a scan beats a map, but one of an
	// SBOM written to defeat the gate may have thousands of authors.
	var seen map[Signal]struct{}
	add := func(s Signal) {
		if s.Value == "" {
			return
		}
		if seen != nil {
			if _, ok := seen[s]; ok {
				return
			}
			seen[s] = struct{}{}
			out = append(out, s)
			return
		}
		for _, o := range out[start:] {
			if o == s {
				return
			}
		}
		out = append(out, s)
		if len(out)-start > signalScan {
			seen = make(map[Signal]struct{}, 2*signalScan)
			for _, o := range out[start:] {
				seen[o] = struct{}{}
			}
		}
	}
	for _, p := range c.Parties {
		Party(p, add)
	}
	for _, r := range c.ExternalRefs {
		urlSignals(r.URL, r.Pointer, add)
	}
	hasNamespace := purlSignals(c.PURL, c.Pointer+"/purl", c.Name, add)
	if !hasNamespace && c.Group != "" {
		add(Signal{Source: SourceGroup, Type: ValueNamespace, Value: strings.ToLower(strings.TrimSpace(c.Group)), Ecosystem: "maven", Pointer: c.Pointer + "/group"})
	}
	for i, cpe := range c.CPEs {
		ptr := c.Pointer + "/cpe"
		if len(c.CPEs) > 1 {
			ptr = c.Pointer + "/cpes/" + itoa(i)
		}
		cpeSignal(cpe, ptr, add)
	}
	for _, h := range Holders(c.Copyright) {
		add(Signal{Source: SourceCopyright, Type: ValueName, Value: h.Name, Kind: h.Kind, Pointer: c.CopyrightPointer})
	}
	for _, t := range c.CopyrightEvidence {
		for _, h := range Holders(t.Text) {
			add(Signal{Source: SourceCopyright, Type: ValueName, Value: h.Name, Kind: h.Kind, Pointer: t.Pointer})
		}
	}
	for _, id := range c.Identities {
		switch strings.ToLower(id.Field) {
		case "purl":
			purlSignals(id.Value, id.Pointer, c.Name, add)
		case "cpe":
			cpeSignal(id.Value, id.Pointer, add)
		case "group":
			add(Signal{Source: SourceGroup, Type: ValueNamespace, Value: strings.ToLower(strings.TrimSpace(id.Value)), Ecosystem: "maven", Pointer: id.Pointer})
		case "name":
			add(Signal{Source: SourceComponentName, Type: ValueName, Value: nameSeparators.Replace(id.Value), Kind: sbom.KindOrganization, Pointer: id.Pointer})
		}
	}
	if c.Name != "" {
		add(Signal{Source: SourceComponentName, Type: ValueName, Value: nameSeparators.Replace(c.Name), Kind: sbom.KindOrganization, Pointer: c.Pointer + "/name"})
	}
	return out
}

// purlSignals passes what a purl names (see PURLOwner) to add: its
// namespace, the code-host account it names, the owner as words and, for
// the types whose package names bear a brand, the package name (unless it
// is the component's own name, screened anyway). It reports whether the
// purl gave a namespace.
func purlSignals(raw, ptr, compName string, add func(Signal)) bool {
	p, ok := ReadPURL(raw)
	if !ok {
		return false
	}
	o, lenient := purlOwner(raw, p), p.Lenient
	if o.Namespace != "" {
		add(Signal{Source: SourcePURL, Type: ValueNamespace, Value: o.Namespace, Ecosystem: o.Ecosystem, Pointer: ptr, Lenient: lenient})
	}
	if o.CodeHost != "" {
		add(Signal{Source: SourcePURL, Type: ValueNamespace, Value: o.CodeHost, Ecosystem: "golang", Pointer: ptr, Lenient: lenient})
	}
	if o.Name != "" {
		add(Signal{Source: SourcePURLOwner, Type: ValueName, Value: o.Name, Kind: sbom.KindOrganization, Pointer: ptr, Lenient: lenient})
	}
	if o.PackageName != "" && !strings.EqualFold(o.PackageName, compName) {
		add(Signal{Source: SourcePURLName, Type: ValueName, Value: nameSeparators.Replace(o.PackageName), Kind: sbom.KindOrganization, Pointer: ptr, Lenient: lenient})
	}
	// The download_url and vcs_url qualifiers say where the package comes
	// from, as an SPDX download location or a CycloneDX vcs or distribution
	// reference does: their addresses are screened like those.
	for _, key := range purlURLQualifiers {
		if u := qualifier(raw, key); u != "" {
			urlSignals(u, ptr, add)
		}
	}
	return o.Namespace != ""
}

// purlURLQualifiers are the purl qualifiers that hold where the package
// comes from.
var purlURLQualifiers = []string{"download_url", "vcs_url"}

// cpeSignal passes a CPE's vendor to add.
func cpeSignal(raw, ptr string, add func(Signal)) {
	if c, ok := ReadCPE(raw); ok && c.Vendor != "" {
		add(Signal{Source: SourceCPE, Type: ValueCPEVendor, Value: c.Vendor, Pointer: ptr, Lenient: c.Lenient})
	}
}

// HardwareCPE reports whether a CPE, read as ReadCPE reads it, names
// hardware (part "h").
func HardwareCPE(raw string) bool {
	c, ok := ReadCPE(raw)
	return ok && c.Part == "h"
}

// urlSignals passes a URL's signals to add: the web address (host and
// path) and, for a public code host, the account it names ("host/org",
// matched as a golang namespace, and the account as words, screened like
// a purl's owner).
func urlSignals(raw, ptr string, add func(Signal)) {
	raw = strings.TrimSpace(raw)
	if raw == "" || isNoAssertion(raw) {
		return
	}
	host, path, err := textnorm.WebAddress(raw)
	if err != nil {
		return
	}
	add(Signal{Source: SourceURL, Type: ValueURL, Value: host + path, Pointer: ptr})
	if ns := codeHostNamespace(host, path); ns != "" {
		add(Signal{Source: SourceVCS, Type: ValueNamespace, Value: ns, Ecosystem: "golang", Pointer: ptr})
		if _, owner, ok := strings.Cut(ns, "/"); ok {
			add(Signal{Source: SourceVCSOwner, Type: ValueName, Value: ownerWords(owner), Kind: sbom.KindOrganization, Pointer: ptr})
		}
	}
}

// nameKind is the kind a party's name is screened as: its kind, but for
// an organisation's field holding a name with no word that only
// organisations' names have (orgNamed), which is screened as either kind.
// A CycloneDX supplier or manufacturer is an organisational entity by the
// schema, and sole traders, maintainers and a sanctioned individual alike
// are written there by name, in any letter case and order and with any
// separators ("Mikhail Yuyevich Gerber"; the list's own "PUTIN, Vladimir
// Vladimirovich"; "vladimir_putin"): the field's type does not tell, so
// the individuals of the lists are screened too.
func nameKind(kind, name string) string {
	if kind == sbom.KindOrganization && !orgNamed(name) {
		return ""
	}
	return kind
}

// orgNamed reports whether a name has a word that only organisations'
// names have: one of orgWords ("Ltd", "Foundation"), or one that links
// their words (orgLink: "Bank of Trade and Industry").
func orgNamed(name string) bool {
	for w := range strings.FieldsSeq(name) {
		if w = strings.Trim(w, ".,;:()\"'"); isOrgWord(w) || orgLink(w) {
			return true
		}
	}
	return false
}

// personParts returns the parts of a name that names several parties,
// set apart by semicolons, slashes, commas, ampersands, "and", a dash
// between spaces, a bar or a line break, or in parentheses, brackets or
// angle brackets, that may be a person's name (personLike): "Vladimir
// Putin" of "Acme Global Trading Corp, Vladimir Putin". Each may be a
// party of its own, and is screened as a person's name: read with the
// rest, the words of the others outweigh it, and an organisation's field
// would screen it by organisation rules, which never match an individual.
// A name and its legal form ("Hytera America, Inc.") name one party.
func personParts(name string) []string {
	if !strings.ContainsAny(name, partSeparators) && !strings.Contains(name, " - ") && indexAnd(name) < 0 {
		return nil
	}
	var parts []string
	names := 0 // the parts that are more than legal forms
	for p := range strings.FieldsFuncSeq(name, func(r rune) bool { return strings.ContainsRune(partSeparators, r) }) {
		for _, q := range strings.Split(p, " - ") {
			for _, w := range splitAnd(q) {
				if w = strings.TrimSpace(w); w != "" && w != name {
					parts = append(parts, w)
					if !legalOnly(w) {
						names++
					}
				}
			}
		}
	}
	if names < 2 {
		return nil
	}
	// A name that may be one person's is several only when every part
	// may be one: "Jane Roe, John Doe", not "PUTIN, Vladimir
	// Vladimirovich", the family name first before a comma.
	every := personLike(name)
	var out []string
	for _, w := range parts {
		switch {
		case personLike(w):
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		case every:
			return nil
		}
	}
	return out
}

// legalOnly reports whether every word of a part is an organisation's
// word, a legal form most often ("Inc.", "GmbH & Co. KG").
func legalOnly(part string) bool {
	for w := range strings.FieldsSeq(part) {
		if !isOrgWord(strings.Trim(w, ".,")) {
			return false
		}
	}
	return true
}

// partSeparators set a name's parts apart (personParts), with their
// fullwidth forms.
const partSeparators = ";/(),&|[]<>\n\r\t；／（），＆"

// splitAnd splits s at the word "and" between spaces, in any letter case.
func splitAnd(s string) []string {
	var out []string
	for {
		i := indexAnd(s)
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+len(" and "):]
	}
}

// indexAnd returns the index of the first " and " of s in any letter
// case, or -1.
func indexAnd(s string) int {
	for i := 0; i+5 <= len(s); i++ {
		if s[i] == ' ' && s[i+4] == ' ' && strings.EqualFold(s[i+1:i+4], "and") {
			return i
		}
	}
	return -1
}

// nameSeparators turns the separators of package names into spaces, so that
// "node-hikvision-api" shows its words.
var nameSeparators = strings.NewReplacer("-", " ", "_", " ", ".", " ", "/", " ")

// Party passes the signals of one party to add: its name, each e-mail
// address (the whole address, as textnorm.Email writes it; a value with no
// local part gives its domain) and each URL (see urlSignals).
func Party(p sbom.Party, add func(Signal)) {
	if name := strings.TrimSpace(p.Name); name != "" && !isNoAssertion(name) {
		kind := nameKind(p.Kind, name)
		add(Signal{Source: p.Role, Type: ValueName, Value: name, Kind: kind, Pointer: p.Pointer})
		if alt := unescapedName(name); alt != "" {
			add(Signal{Source: p.Role, Type: ValueName, Value: alt, Kind: kind, Pointer: p.Pointer})
		}
		for _, part := range personParts(name) {
			// Screened as a person's name: it is passed for the
			// individuals of the lists. The whole name, screened as
			// its field says, stands for the organisations ("Hong
			// Kong" of "Huaxin Shipping (Hong Kong) Ltd" is a place,
			// and would match entities' names).
			add(Signal{Source: p.Role, Type: ValueName, Value: part, Kind: sbom.KindPerson, Pointer: p.Pointer})
		}
	}
	for _, e := range p.Emails {
		if a, err := textnorm.Email(e); err == nil {
			add(Signal{Source: SourceEmail, Type: ValueEmail, Value: a, Pointer: p.Pointer})
		} else if d := EmailDomain("x@" + strings.TrimLeft(strings.TrimSpace(e), "@")); d != "" {
			add(Signal{Source: SourceEmail, Type: ValueDomain, Value: d, Pointer: p.Pointer})
		}
	}
	for _, u := range p.URLs {
		urlSignals(u, p.Pointer, add)
	}
	if p.Reference != "" {
		urlSignals(p.Reference, p.Pointer, func(s Signal) {
			if s.Type == ValueURL {
				s.Source = SourceReference
				add(s)
			}
		})
	}
}

// unescapedName is a name as a person reads it when it is written with
// percent escapes ("AO%20Kaspersky%20Lab") or HTML character references
// ("AO &#75;aspersky Lab", "AT&amp;T"), as exports from web forms write
// names; "" when it has neither, or they decode to nothing new.
func unescapedName(name string) string {
	if !hasEscapeStart(name) {
		return ""
	}
	// invisible characters and combining marks inside an escape
	// ("&#\u2066\u206997;"), compatibility forms of its characters
	// ("％４Ｂ") and letters of other scripts that look like its own ("%4В",
	// Cyrillic) do not stop a person reading it
	out := norm.NFKC.String(strings.Map(func(r rune) rune {
		if textnorm.Invisible(r) || unicode.IsControl(r) || unicode.Is(unicode.Mn, r) {
			return -1
		}
		if l, ok := textnorm.LatinLookalike(r); ok {
			return rune(l)
		}
		return r
	}, name))
	// one inside the other ("%6&#66;" is "%6B" is "k"): a few rounds
	for range 4 {
		prev := out
		if strings.Contains(out, "&") && strings.Contains(out, ";") {
			out = html.UnescapeString(out)
		}
		if strings.Contains(out, "%") {
			// the good escapes decoded, a bad one kept as written
			if u := decode(out); utf8.ValidString(u) {
				out = u
			}
		}
		if out == prev {
			break
		}
	}
	if out = strings.TrimSpace(out); out == name {
		return ""
	}
	return out
}

// escapeStarts are the characters an escape starts with: "%" and "&" and
// their full-width and small forms.
const escapeStarts = "%&\uFF05\uFF06\uFE6A\uFE60"

// hasEscapeStart is strings.ContainsAny(name, escapeStarts), without
// looking up each character of an ASCII name in escapeStarts (which
// ContainsAny does, escapeStarts not being ASCII): it runs for every
// party's name.
func hasEscapeStart(name string) bool {
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == '%' || c == '&':
			return true
		case c >= utf8.RuneSelf:
			return strings.ContainsAny(name[i:], escapeStarts)
		}
	}
	return false
}

func isNoAssertion(s string) bool {
	return strings.EqualFold(s, "NOASSERTION") || strings.EqualFold(s, "NONE")
}

// PURLNamespace returns the purl's type and namespace as PURLOwner reads
// them (lower case; an npm scope with its "@"; a github purl's owner as
// "github.com/owner"); "" when the purl has no namespace or cannot be read
// at all.
func PURLNamespace(purl string) (ecosystem, namespace string) {
	o, ok := PURLOwner(purl)
	if !ok {
		return "", ""
	}
	if o.Namespace == "" {
		p, _ := ReadPURL(purl)
		return p.Type, ""
	}
	if purlHostTypes[o.Ecosystem] != "" {
		return o.Ecosystem, o.CodeHost
	}
	return o.Ecosystem, o.Namespace
}

// CodeHostNamespace returns "host/org" for a URL on a public code host
// (github.com, gitlab.com, bitbucket.org), "" otherwise.
func CodeHostNamespace(raw string) string {
	host, path, err := textnorm.WebAddress(raw)
	if err != nil {
		return ""
	}
	return codeHostNamespace(host, path)
}

// Domain returns the host of a URL as textnorm.WebAddress reads it, "" when
// the URL has none.
func Domain(raw string) string {
	host, _, err := textnorm.WebAddress(raw)
	if err != nil {
		return ""
	}
	return host
}

// codeHostNamespace returns "host/org" for the host and path of a web
// address (textnorm.WebAddress) on a public code host (github.com,
// gitlab.com, bitbucket.org), "" otherwise: the path's first segment, as
// WebAddress writes it (lower case, percent-escapes decoded, repeated
// slashes removed).
func codeHostNamespace(host, path string) string {
	switch host {
	case "github.com", "gitlab.com", "bitbucket.org":
	default:
		return ""
	}
	org, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/")
	if org == "" {
		return ""
	}
	return host + "/" + org
}

// EmailDomain returns the domain of an e-mail address as
// textnorm.EmailDomain writes it, "" when it has none.
func EmailDomain(addr string) string {
	d, err := textnorm.EmailDomain(addr)
	if err != nil {
		return ""
	}
	return d
}

// CPEVendor returns the vendor of a CPE 2.3 formatted string or a CPE 2.2
// URI as ReadCPE reads it (lower case, unescaped; a CPE that does not
// parse split by hand); "" when it is ANY or NA or cannot be read.
func CPEVendor(cpe string) string {
	c, _ := ReadCPE(cpe)
	return c.Vendor
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
