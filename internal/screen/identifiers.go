package screen

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/bangate/bangate/internal/lists"
)

// addIdentifiers indexes an entry's domains, purl namespaces, CPE vendors
// and registration numbers.
func (b *builder) addIdentifiers(base ref, e *lists.Entry) error {
	ix := b.ix
	for _, d := range e.Domains {
		k := normalizeDomain(d)
		if k == "" {
			return fmt.Errorf("domain %q: %w", d, errEmptyIdent)
		}
		ix.domains[k] = appendIDRef(ix.domains[k], idRef{ref: base, value: d})
	}
	for _, p := range e.PurlNamespaces {
		eco, ns, ok := strings.Cut(p, ":")
		eco, ns = normalizeEcosystem(eco), normalizeNamespace(ns)
		if !ok || eco == "" || ns == "" {
			return fmt.Errorf("purl namespace %q: %w", p, errNamespace)
		}
		k := eco + ":" + ns
		ix.purls[k] = appendIDRef(ix.purls[k], idRef{ref: base, value: p})
	}
	for _, v := range e.CPEVendors {
		k := normalizeCPEVendor(v)
		if k == "" {
			return fmt.Errorf("cpe vendor %q: %w", v, errEmptyIdent)
		}
		ix.cpes[k] = appendIDRef(ix.cpes[k], idRef{ref: base, value: v})
	}
	for _, id := range e.IDs {
		k := normalizeRegID(id.Number)
		if k == "" {
			continue // a remark with no usable number; nothing to match
		}
		ix.regIDs[k] = appendIDRef(ix.regIDs[k], idRef{ref: base, value: id.Number, typ: id.Type})
	}
	return nil
}

// appendIDRef appends r unless its entry is already there.
func appendIDRef(rs []idRef, r idRef) []idRef {
	for _, x := range rs {
		if x.list == r.list && x.entry == r.entry {
			return rs
		}
	}
	return append(rs, r)
}

// normalizeDomain lower-cases a host name and drops surrounding space, a
// leading "*." and a trailing dot.
func normalizeDomain(d string) string {
	d = strings.ToLower(strings.TrimSpace(d))
	d = strings.TrimPrefix(d, "*.")
	return strings.TrimSuffix(d, ".")
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
// ("sub.kaspersky.com" finds "kaspersky.com"; a bare top-level domain
// never matches). Matches score 1.
func (ix *Index) Domain(domain string) []Match {
	return ix.domainMatches(domain, "domain")
}

// domainMatches matches a domain, reporting it as matched on `on`.
func (ix *Index) domainMatches(domain, on string) []Match {
	d := normalizeDomain(domain)
	var out []Match
	for d != "" {
		if refs, ok := ix.domains[d]; ok {
			for _, r := range refs {
				how := "equals"
				if d != normalizeDomain(domain) {
					how = "is a parent domain of"
				}
				out = append(out, ix.newMatch(r.ref, r.value, on, 1, "domain",
					fmt.Sprintf("listed domain %q %s %q", r.value, how, domain)))
			}
		}
		i := strings.IndexByte(d, '.')
		if i < 0 {
			break
		}
		d = d[i+1:]
		if !strings.Contains(d, ".") {
			break // never a bare top-level domain
		}
	}
	return sortMatches(out)
}

// PURLNamespace returns the entries whose package namespace equals
// namespace or is its prefix on a namespace boundary of the ecosystem:
// "." for maven (com.kaspersky.components → maven:com.kaspersky), "/" for
// golang and every other type; npm scopes match exactly. Comparison is
// case-insensitive; "%40" is read as "@". Matches score 1.
func (ix *Index) PURLNamespace(ecosystem, namespace string) []Match {
	eco, ns := normalizeEcosystem(ecosystem), normalizeNamespace(namespace)
	if eco == "" || ns == "" {
		return nil
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
		if refs, ok := ix.purls[eco+":"+cur]; ok {
			for _, r := range refs {
				how := "equals"
				if cur != ns {
					how = "is a prefix, on a namespace boundary, of"
				}
				out = append(out, ix.newMatch(r.ref, r.value, "purl_namespace", 1, "namespace-prefix",
					fmt.Sprintf("listed purl namespace %q %s %s namespace %q", r.value, how, eco, namespace)))
			}
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
	return sortMatches(out)
}

// CPEVendor returns the entries listing the CPE vendor string exactly
// (case-insensitive, CPE 2.3 escapes removed). Matches score 1.
func (ix *Index) CPEVendor(vendor string) []Match {
	k := normalizeCPEVendor(vendor)
	var out []Match
	for _, r := range ix.cpes[k] {
		out = append(out, ix.newMatch(r.ref, r.value, "cpe_vendor", 1, "cpe-vendor",
			fmt.Sprintf("listed CPE vendor %q equals %q", r.value, vendor)))
	}
	return sortMatches(out)
}

// Identifier returns the entries listing the registration or document
// number (tax ID, USCC, passport, ...), compared on its letters and digits
// only, upper-cased. Numbers under 5 characters never match. Matches score 1.
func (ix *Index) Identifier(number string) []Match {
	k := normalizeRegID(number)
	if len(k) < 5 {
		return nil
	}
	var out []Match
	for _, r := range ix.regIDs[k] {
		v := r.value
		if r.typ != "" {
			v = r.typ + " " + r.value
		}
		out = append(out, ix.newMatch(r.ref, v, "id", 1, "exact",
			fmt.Sprintf("listed identifier %q equals %q on letters and digits", v, number)))
	}
	return sortMatches(out)
}

// Party screens a whole party: its name (Name) and the domains of its
// e-mail addresses (matched on "email_domain") and URLs ("domain").
func (ix *Index) Party(q Query) []Match {
	out := ix.Name(q)
	for _, e := range q.Emails {
		if at := strings.LastIndexByte(e, '@'); at >= 0 {
			out = append(out, ix.domainMatches(strings.TrimRight(e[at+1:], ">) "), "email_domain")...)
		}
	}
	for _, u := range q.URLs {
		if h := urlHost(u); h != "" {
			out = append(out, ix.domainMatches(h, "domain")...)
		}
	}
	return sortMatches(out)
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
