package attribute

import (
	"net/mail"
	"net/url"
	"strings"

	"github.com/package-url/packageurl-go"

	"github.com/bangate/bangate/sbom"
)

// Component returns the signals of one component, deduplicated, in a fixed
// order: parties, e-mail and URL domains, purl namespace, CPE vendors,
// copyright holders, the component's own name.
func Component(c *sbom.Component) []Signal {
	var out []Signal
	seen := map[Signal]bool{}
	add := func(s Signal) {
		if s.Value == "" || seen[s] {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	for _, p := range c.Parties {
		Party(p, add)
	}
	for _, r := range c.ExternalRefs {
		d := Domain(r.URL)
		if d == "" {
			continue
		}
		if ns := CodeHostNamespace(r.URL); ns != "" {
			add(Signal{Source: SourceVCS, Type: ValueNamespace, Value: ns, Ecosystem: "golang", Pointer: r.Pointer})
			continue
		}
		add(Signal{Source: SourceURL, Type: ValueDomain, Value: d, Pointer: r.Pointer})
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
		add(Signal{Source: SourceComponentName, Type: ValueName, Value: strings.NewReplacer("-", " ", "_", " ", ".", " ", "/", " ").Replace(c.Name), Kind: sbom.KindOrganization, Pointer: c.Pointer + "/name"})
	}
	return out
}

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
		if d := Domain(u); d != "" && CodeHostNamespace(u) == "" {
			add(Signal{Source: SourceURL, Type: ValueDomain, Value: d, Pointer: p.Pointer})
		}
	}
}

func isNoAssertion(s string) bool {
	return strings.EqualFold(s, "NOASSERTION") || strings.EqualFold(s, "NONE")
}

// PURLNamespace returns the purl's type and namespace, lower-cased where
// the ecosystem is case-insensitive; "" when the purl has no namespace or
// does not parse.
func PURLNamespace(purl string) (ecosystem, namespace string) {
	if purl == "" {
		return "", ""
	}
	p, err := packageurl.FromString(purl)
	if err != nil {
		return "", ""
	}
	ns := p.Namespace
	switch p.Type {
	case "npm":
		if ns != "" && !strings.HasPrefix(ns, "@") {
			ns = "@" + ns
		}
	case "golang", "github", "gitlab", "bitbucket":
		// Go module paths start with the host; github purls hold the org.
		if p.Type == "github" {
			ns = "github.com/" + ns
		}
	}
	return p.Type, strings.ToLower(ns)
}

// CodeHostNamespace returns "host/org" for a URL on a public code host
// (github.com, gitlab.com, bitbucket.org), "" otherwise.
func CodeHostNamespace(raw string) string {
	u, err := url.Parse(strings.TrimPrefix(strings.TrimSpace(raw), "git+"))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	switch host {
	case "github.com", "gitlab.com", "bitbucket.org":
	default:
		return ""
	}
	org, _, _ := strings.Cut(strings.Trim(u.Path, "/"), "/")
	if org == "" {
		return ""
	}
	return host + "/" + strings.ToLower(org)
}

// Domain returns the lower-case host of a URL without "www.", "" when the
// URL has none.
func Domain(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || strings.EqualFold(raw, "NOASSERTION") || strings.EqualFold(raw, "NONE") {
		return ""
	}
	raw = strings.TrimPrefix(raw, "git+")
	if !strings.Contains(raw, "://") {
		if strings.HasPrefix(raw, "git@") { // git@github.com:org/repo
			raw = "ssh://" + strings.Replace(strings.TrimPrefix(raw, "git@"), ":", "/", 1)
		} else {
			raw = "https://" + raw
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	host = strings.TrimPrefix(host, "www.")
	if !strings.Contains(host, ".") {
		return ""
	}
	return host
}

// EmailDomain returns the lower-case domain of an e-mail address.
func EmailDomain(addr string) string {
	addr = strings.TrimSpace(addr)
	if a, err := mail.ParseAddress(addr); err == nil {
		addr = a.Address
	}
	_, d, ok := strings.Cut(addr, "@")
	if !ok {
		return ""
	}
	d = strings.TrimSuffix(strings.ToLower(strings.Trim(d, "<> ")), ".")
	if !strings.Contains(d, ".") {
		return ""
	}
	return d
}

// CPEVendor returns the vendor of a CPE 2.3 formatted string or a CPE 2.2
// URI, "" when it has none or is malformed.
func CPEVendor(cpe string) string {
	var fields []string
	switch {
	case strings.HasPrefix(cpe, "cpe:2.3:"):
		fields = splitUnescaped(cpe[len("cpe:2.3:"):])
		if len(fields) < 2 {
			return ""
		}
		fields = fields[1:]
	case strings.HasPrefix(cpe, "cpe:/"):
		fields = strings.Split(cpe[len("cpe:/"):], ":")
		if len(fields) < 2 {
			return ""
		}
		fields = fields[1:]
	default:
		return ""
	}
	v := strings.ToLower(strings.ReplaceAll(fields[0], `\`, ""))
	if v == "*" || v == "-" || v == "" {
		return ""
	}
	return v
}

func splitUnescaped(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ':':
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
