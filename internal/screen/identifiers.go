package screen

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/internal/textnorm"
)

// addIdentifiers gathers an entry's domains, purl namespaces, CPE vendors
// and registration numbers; finish makes IDTables of them.
func (b *builder) addIdentifiers(base ref, e *lists.Entry) error {
	add := func(kind, field int, k string) {
		m := b.idKeys[kind]
		m[k] = appendIDRef(m[k], IDRef{ref: base, field: int32(field)})
	}
	for i, d := range e.Domains {
		k := normalizeDomain(d)
		if k == "" {
			return fmt.Errorf("domain %q: %w", d, errEmptyIdent)
		}
		add(idDomain, i, k)
	}
	for i, p := range e.PurlNamespaces {
		eco, ns, ok := strings.Cut(p, ":")
		eco, ns = normalizeEcosystem(eco), normalizeNamespace(ns)
		if !ok || eco == "" || ns == "" {
			return fmt.Errorf("purl namespace %q: %w", p, errNamespace)
		}
		add(idPurl, i, eco+":"+ns)
	}
	for i, v := range e.CPEVendors {
		k := normalizeCPEVendor(v)
		if k == "" {
			return fmt.Errorf("cpe vendor %q: %w", v, errEmptyIdent)
		}
		add(idCPE, i, k)
	}
	for i, id := range e.IDs {
		k := normalizeRegID(id.Number)
		if k == "" {
			continue // a remark with no usable number; nothing to match
		}
		add(idReg, i, k)
	}
	return nil
}

// appendIDRef appends r unless its entry is already there.
func appendIDRef(rs []IDRef, r IDRef) []IDRef {
	for _, x := range rs {
		if x.list == r.list && x.entry == r.entry {
			return rs
		}
	}
	return append(rs, r)
}

// Kinds of identifier, indexing Index.ids.
const (
	idDomain = iota
	idPurl
	idCPE
	idReg
	idKinds
)

// IDTable finds the entries listing a normalised identifier: key i is
// Blob[KeyOff[i]:KeyOff[i+1]], the keys are in order, and the entries of
// key i are Refs[RefStart[i]:RefStart[i+1]]. A part of Tables.
type IDTable struct {
	Blob     string
	KeyOff   []uint32
	RefStart []uint32
	Refs     []IDRef
}

// newIDTable makes the table of m.
func newIDTable(m map[string][]IDRef) IDTable {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var t IDTable
	var blob strings.Builder
	t.KeyOff = make([]uint32, 0, len(keys)+1)
	t.RefStart = make([]uint32, 0, len(keys)+1)
	for _, k := range keys {
		t.KeyOff = append(t.KeyOff, uint32(blob.Len()))
		t.RefStart = append(t.RefStart, uint32(len(t.Refs)))
		blob.WriteString(k)
		t.Refs = append(t.Refs, m[k]...)
	}
	t.KeyOff = append(t.KeyOff, uint32(blob.Len()))
	t.RefStart = append(t.RefStart, uint32(len(t.Refs)))
	t.Blob = blob.String()
	return t
}

// lookup returns the entries listing key k.
func (t *IDTable) lookup(k string) []IDRef {
	n := len(t.KeyOff) - 1
	if n <= 0 {
		return nil
	}
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.Blob[t.KeyOff[m]:t.KeyOff[m+1]] < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == n || t.Blob[t.KeyOff[lo]:t.KeyOff[lo+1]] != k {
		return nil
	}
	return t.Refs[t.RefStart[lo]:t.RefStart[lo+1]]
}

// idValue returns the identifier of e that r points at, as e writes it,
// and for a registration number its type; ok is false when e has no such
// identifier (a damaged index).
func idValue(kind int, e *lists.Entry, r IDRef) (value, typ string, ok bool) {
	var vs []string
	switch kind {
	case idDomain:
		vs = e.Domains
	case idPurl:
		vs = e.PurlNamespaces
	case idCPE:
		vs = e.CPEVendors
	case idReg:
		if int(r.field) < len(e.IDs) && r.field >= 0 {
			return e.IDs[r.field].Number, e.IDs[r.field].Type, true
		}
		return "", "", false
	}
	if r.field < 0 || int(r.field) >= len(vs) {
		return "", "", false
	}
	return vs[r.field], "", true
}

// normalizeDomain returns a host name as textnorm.Domain writes it, or ""
// when it is no domain name.
func normalizeDomain(d string) string {
	n, err := textnorm.Domain(d)
	if err != nil {
		return ""
	}
	return n
}

// normalizeEcosystem lower-cases a purl type; "go" is "golang".
func normalizeEcosystem(e string) string {
	e = strings.ToLower(strings.TrimSpace(e))
	if e == "go" {
		return "golang"
	}
	return e
}

// normalizeNamespace lower-cases a purl namespace, decodes percent
// escapes ("%40kaspersky" → "@kaspersky") and drops a trailing "/" or ".".
func normalizeNamespace(ns string) string {
	ns = strings.TrimSpace(ns)
	if strings.Contains(ns, "%") {
		if u, err := url.PathUnescape(ns); err == nil {
			ns = u
		}
	}
	return strings.TrimRight(strings.ToLower(ns), "/.")
}

// normalizeCPEVendor lower-cases a CPE vendor and removes the backslash
// escapes of CPE 2.3 formatted strings.
func normalizeCPEVendor(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if !strings.Contains(v, `\`) {
		return v
	}
	var sb strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
		}
		sb.WriteByte(v[i])
	}
	return sb.String()
}

// normalizeRegID keeps the letters and digits of a registration number,
// upper-cased ("91440300-7466 4525 1H" → "914403007466452511H").
func normalizeRegID(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		clean = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
	}
	if clean {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9', c >= 'A' && c <= 'Z':
			sb.WriteByte(c)
		case c >= 'a' && c <= 'z':
			sb.WriteByte(c - ('a' - 'A'))
		}
	}
	return sb.String()
}

// Domain returns the entries holding domain or one of its parent domains
// down to its registrable domain under the Public Suffix List
// ("sub.kaspersky.com" finds "kaspersky.com"; a public suffix such as
// "co.uk" or "github.io" never matches as a parent). Matches score 1. It
// treats the domain as its owner's: a caller screening an address on a
// shared provider (gmail.com) uses Email or Website instead. An error means
// a matched entry could not be read: the domain cannot be screened.
func (ix *Index) Domain(domain string) ([]Match, error) {
	return ix.domainMatches(domain, "domain")
}

// Email returns the entries listing the e-mail address exactly, compared
// as textnorm.Email writes it (local part and domain lower case). Matches
// score 1 and are on "email". An error means a matched entry could not be
// read.
func (ix *Index) Email(addr string) ([]Match, error) {
	a, err := textnorm.Email(addr)
	if err != nil {
		return nil, nil //nolint:nilerr // not an e-mail address: nothing lists it
	}
	var out []Match
	for _, r := range ix.ids[idDomain].lookup(a[strings.LastIndexByte(a, '@')+1:]) {
		e, err := ix.entry(r.ref)
		if err != nil {
			return nil, err
		}
		for _, m := range e.Emails {
			if m == a {
				out = append(out, ix.newMatch(r.ref, e, m, "email", 1, "exact-address",
					fmt.Sprintf("listed e-mail address %q equals %q", m, addr)))
				break
			}
		}
	}
	return sortMatches(out), nil
}

// Website returns the entries listing a web address on host (as
// textnorm.WebAddress writes it) whose path is path or a prefix of it on a
// segment boundary. A listed address without a path matches only when
// bareHost is set: the host is a user's own on the provider (someone's
// site), not the provider's. Matches score 1 and are on "website". An
// error means a matched entry could not be read.
func (ix *Index) Website(host, path string, bareHost bool) ([]Match, error) {
	h := normalizeDomain(host)
	if h == "" {
		return nil, nil
	}
	var out []Match
	for _, r := range ix.ids[idDomain].lookup(h) {
		e, err := ix.entry(r.ref)
		if err != nil {
			return nil, err
		}
		for _, w := range e.Websites {
			wh, wp, _ := strings.Cut(w, "/")
			if wp != "" {
				wp = "/" + wp
			}
			if wh != h || (wp == "" && !bareHost) || !textnorm.PathHasPrefix(path, wp) {
				continue
			}
			out = append(out, ix.newMatch(r.ref, e, w, "website", 1, "host-path",
				fmt.Sprintf("listed web address %q: same host as %q, and its path a prefix of %q", w, host, path)))
			break
		}
	}
	return sortMatches(out), nil
}

// domainMatches matches a domain, reporting it as matched on `on`.
func (ix *Index) domainMatches(domain, on string) ([]Match, error) {
	d := normalizeDomain(domain)
	reg, err := textnorm.RegistrableDomain(d)
	if err != nil {
		reg = d // a public suffix itself: only an exact listing matches
	}
	var out []Match
	for d != "" {
		for _, r := range ix.ids[idDomain].lookup(d) {
			e, err := ix.entry(r.ref)
			if err != nil {
				return nil, err
			}
			v, _, ok := idValue(idDomain, e, r)
			if !ok {
				continue
			}
			how := "equals"
			if d != normalizeDomain(domain) {
				how = "is a parent domain of"
			}
			out = append(out, ix.newMatch(r.ref, e, v, on, 1, "domain",
				fmt.Sprintf("listed domain %q %s %q", v, how, domain)))
		}
		i := strings.IndexByte(d, '.')
		if i < 0 || d == reg {
			break // never a parent of the registrable domain
		}
		d = d[i+1:]
	}
	return sortMatches(out), nil
}

// PURLNamespace returns the entries whose package namespace equals
// namespace or is its prefix on a namespace boundary of the ecosystem:
// "." for maven (com.kaspersky.components → maven:com.kaspersky), "/" for
// golang and every other type; npm scopes match exactly. Comparison is
// case-insensitive; "%40" is read as "@". Matches score 1. An error
// means a matched entry could not be read.
func (ix *Index) PURLNamespace(ecosystem, namespace string) ([]Match, error) {
	eco, ns := normalizeEcosystem(ecosystem), normalizeNamespace(namespace)
	if eco == "" || ns == "" {
		return nil, nil
	}
	sep := byte('/')
	switch eco {
	case "maven":
		sep = '.'
	case "npm":
		sep = 0
	}
	var out []Match
	for cur := ns; cur != ""; {
		for _, r := range ix.ids[idPurl].lookup(eco + ":" + cur) {
			e, err := ix.entry(r.ref)
			if err != nil {
				return nil, err
			}
			v, _, ok := idValue(idPurl, e, r)
			if !ok {
				continue
			}
			how := "equals"
			if cur != ns {
				how = "is a prefix, on a namespace boundary, of"
			}
			out = append(out, ix.newMatch(r.ref, e, v, "purl_namespace", 1, "namespace-prefix",
				fmt.Sprintf("listed purl namespace %q %s %s namespace %q", v, how, eco, namespace)))
		}
		if sep == 0 {
			break
		}
		i := strings.LastIndexByte(cur, sep)
		if i <= 0 {
			break
		}
		cur = cur[:i]
	}
	return sortMatches(out), nil
}

// CPEVendor returns the entries listing the CPE vendor string exactly
// (case-insensitive, CPE 2.3 escapes removed). Matches score 1. An error
// means a matched entry could not be read.
func (ix *Index) CPEVendor(vendor string) ([]Match, error) {
	k := normalizeCPEVendor(vendor)
	var out []Match
	for _, r := range ix.ids[idCPE].lookup(k) {
		e, err := ix.entry(r.ref)
		if err != nil {
			return nil, err
		}
		v, _, ok := idValue(idCPE, e, r)
		if !ok {
			continue
		}
		out = append(out, ix.newMatch(r.ref, e, v, "cpe_vendor", 1, "cpe-vendor",
			fmt.Sprintf("listed CPE vendor %q equals %q", v, vendor)))
	}
	return sortMatches(out), nil
}

// Identifier returns the entries listing the registration or document
// number (tax ID, USCC, passport, ...), compared on its letters and digits
// only, upper-cased. Numbers under 5 characters never match. Matches score 1.
// An error means a matched entry could not be read.
func (ix *Index) Identifier(number string) ([]Match, error) {
	k := normalizeRegID(number)
	if len(k) < 5 {
		return nil, nil
	}
	var out []Match
	for _, r := range ix.ids[idReg].lookup(k) {
		e, err := ix.entry(r.ref)
		if err != nil {
			return nil, err
		}
		v, typ, ok := idValue(idReg, e, r)
		if !ok {
			continue
		}
		if typ != "" {
			v = typ + " " + v
		}
		out = append(out, ix.newMatch(r.ref, e, v, "id", 1, "exact",
			fmt.Sprintf("listed identifier %q equals %q on letters and digits", v, number)))
	}
	return sortMatches(out), nil
}

// Party screens a whole party: its name (Name) and the domains of its
// e-mail addresses (matched on "email_domain") and URLs ("domain"). An
// error means a matched entry could not be read: the party cannot be
// screened.
func (ix *Index) Party(q Query) ([]Match, error) {
	out, err := ix.Name(q)
	if err != nil {
		return nil, err
	}
	for _, e := range q.Emails {
		if at := strings.LastIndexByte(e, '@'); at >= 0 {
			ms, err := ix.domainMatches(strings.TrimRight(e[at+1:], ">) "), "email_domain")
			if err != nil {
				return nil, err
			}
			out = append(out, ms...)
		}
	}
	for _, u := range q.URLs {
		if h := urlHost(u); h != "" {
			ms, err := ix.domainMatches(h, "domain")
			if err != nil {
				return nil, err
			}
			out = append(out, ms...)
		}
	}
	return sortMatches(out), nil
}

// urlHost returns the host of a URL, or of a bare "host/path".
func urlHost(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Hostname()
}
