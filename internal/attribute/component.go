package attribute

import (
	"strings"

	"github.com/bangate/bangate/internal/textnorm"
	"github.com/bangate/bangate/sbom"
)

// Component returns the signals of one component, deduplicated, in a fixed
// order: parties, e-mail and URL domains, purl namespace, CPE vendors,
// copyright holders, the component's own name.
func Component(c *sbom.Component) []Signal {
	out := make([]Signal, 0, 2*len(c.Parties)+len(c.ExternalRefs)+4)
	add := func(s Signal) {
		if s.Value == "" {
			return
		}
		for _, o := range out { // a handful of signals: a scan beats a map
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	for _, p := range c.Parties {
		Party(p, add)
	}
	for _, r := range c.ExternalRefs {
		d, ns := urlSignal(r.URL)
		switch {
		case ns != "":
			add(Signal{Source: SourceVCS, Type: ValueNamespace, Value: ns, Ecosystem: "golang", Pointer: r.Pointer})
		case d != "":
			add(Signal{Source: SourceURL, Type: ValueDomain, Value: d, Pointer: r.Pointer})
		}
	}
	if eco, ns := PURLNamespace(c.PURL); ns != "" {
		add(Signal{Source: SourcePURL, Type: ValueNamespace, Value: ns, Ecosystem: eco, Pointer: c.Pointer + "/purl"})
	} else if c.Group != "" && eco == "" {
		add(Signal{Source: SourceGroup, Type: ValueNamespace, Value: c.Group, Ecosystem: "maven", Pointer: c.Pointer + "/group"})
	}
	for i, cpe := range c.CPEs {
		if v := CPEVendor(cpe); v != "" {
			ptr := c.Pointer + "/cpe"
			if len(c.CPEs) > 1 {
				ptr = c.Pointer + "/cpes/" + itoa(i)
			}
			add(Signal{Source: SourceCPE, Type: ValueCPEVendor, Value: v, Pointer: ptr})
		}
	}
	for _, h := range CopyrightHolders(c.Copyright) {
		add(Signal{Source: SourceCopyright, Type: ValueName, Value: h, Kind: "", Pointer: c.CopyrightPointer})
	}
	if c.Name != "" {
		add(Signal{Source: SourceComponentName, Type: ValueName, Value: nameSeparators.Replace(c.Name), Kind: sbom.KindOrganization, Pointer: c.Pointer + "/name"})
	}
	return out
}

// nameSeparators turns the separators of package names into spaces, so that
// "node-hikvision-api" shows its words.
var nameSeparators = strings.NewReplacer("-", " ", "_", " ", ".", " ", "/", " ")

// Party passes the signals of one party to add: its name, the domains of
// its e-mail addresses and of its URLs.
func Party(p sbom.Party, add func(Signal)) {
	if name := strings.TrimSpace(p.Name); name != "" && !isNoAssertion(name) {
		add(Signal{Source: p.Role, Type: ValueName, Value: name, Kind: p.Kind, Pointer: p.Pointer})
	}
	for _, e := range p.Emails {
		if d := EmailDomain(e); d != "" {
			add(Signal{Source: SourceEmail, Type: ValueDomain, Value: d, Pointer: p.Pointer})
		}
	}
	for _, u := range p.URLs {
		if d, ns := urlSignal(u); d != "" && ns == "" {
			add(Signal{Source: SourceURL, Type: ValueDomain, Value: d, Pointer: p.Pointer})
		}
	}
}

func isNoAssertion(s string) bool {
	return strings.EqualFold(s, "NOASSERTION") || strings.EqualFold(s, "NONE")
}

// PURLNamespace returns the purl's type and namespace, lower-cased (the
// ban lists compare namespaces case-insensitively); "" when the purl has no
// namespace or does not parse.
func PURLNamespace(purl string) (ecosystem, namespace string) {
	if purl == "" {
		return "", ""
	}
	p, err := sbom.ParsePURL(purl)
	if err != nil {
		return "", ""
	}
	ns := p.Namespace
	switch p.Type {
	case "npm":
		if ns != "" && !strings.HasPrefix(ns, "@") {
			ns = "@" + ns
		}
	case "github":
		// A github purl's namespace is the organisation on github.com.
		ns = "github.com/" + ns
	}
	return p.Type, strings.ToLower(ns)
}

// CodeHostNamespace returns "host/org" for a URL on a public code host
// (github.com, gitlab.com, bitbucket.org), "" otherwise.
func CodeHostNamespace(raw string) string {
	_, ns := urlSignal(raw)
	return ns
}

// Domain returns the host of a URL as textnorm.Domain writes it, "" when the
// URL has none.
func Domain(raw string) string {
	d, _ := urlSignal(raw)
	return d
}

// urlSignal reads a URL once: its domain, and for a public code host the
// "host/org" namespace. It is a small parser of its own because it runs
// for every reference of every component, and net/url allocates more than
// the rest of attribution together.
func urlSignal(raw string) (domain, namespace string) {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.EqualFold(raw, "NOASSERTION") || strings.EqualFold(raw, "NONE") {
		return "", ""
	}
	raw = strings.TrimPrefix(raw, "git+")
	if i := strings.Index(raw, "://"); i >= 0 {
		raw = raw[i+3:]
	} else if rest, ok := strings.CutPrefix(raw, "git@"); ok { // git@github.com:org/repo
		raw = strings.Replace(rest, ":", "/", 1)
	}
	host, path := raw, ""
	if i := strings.IndexAny(raw, "/?#"); i >= 0 {
		host, path = raw[:i], raw[i:]
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 { // user:pass@host
		host = host[i+1:]
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.Contains(host, "]") { // host:port
		host = host[:i]
	}
	host, err := textnorm.Domain(host)
	if err != nil {
		return "", ""
	}
	switch host {
	case "github.com", "gitlab.com", "bitbucket.org":
		if strings.HasPrefix(path, "/") {
			org, _, _ := strings.Cut(path[1:], "/")
			org, _, _ = strings.Cut(org, "?")
			org, _, _ = strings.Cut(org, "#")
			if org != "" {
				namespace = host + "/" + strings.ToLower(org)
			}
		}
	}
	return host, namespace
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
// URI, lower case and unescaped; "" when it is ANY or NA or the CPE does not
// parse (sbom.Decode reports that as a warning).
func CPEVendor(cpe string) string {
	c, err := sbom.ParseCPE(cpe)
	if err != nil {
		return ""
	}
	v := strings.ToLower(c.Vendor)
	if v == "*" || v == "-" {
		return ""
	}
	return v
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
