package textnorm

import (
	"errors"
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// ErrNotDomain is wrapped by the errors of Domain, EmailDomain and
// RegistrableDomain.
var ErrNotDomain = errors.New("not a domain name")

// ErrNotEmail is wrapped by the errors of Email and EmailDomain when the
// address has no local part or no "@".
var ErrNotEmail = errors.New("not an e-mail address")

// idnaLookup is the UTS #46 lookup profile: NFKC and case folding, default
// ignorables removed, ideographic full stops read as dots, Punycode out.
// Hyphens are checked here, not by the profile, so that ASCII names and
// internationalised ones meet the same rules.
var idnaLookup = idna.New(
	idna.MapForLookup(),
	idna.Transitional(false),
	idna.BidiRule(),
	idna.ValidateLabels(true),
	idna.StrictDomainName(true),
	idna.CheckJoiners(true),
	idna.CheckHyphens(false),
)

// Domain returns the host name of a URL or a bare host name in the form
// that every list entry and every signal holds:
//   - surrounding space, the scheme ("https://", "git+ssh://"), user
//     information ("user:pass@"), a port, and the path, query and fragment
//     are removed;
//   - an internationalised name is mapped and converted to ASCII (IDNA,
//     UTS #46 lookup: "Касперский.рф" → "xn--...", full-width letters and
//     ideographic full stops read as ASCII), a Punycode label is checked;
//   - lower case; trailing dots (the root, or a sentence's full stop), and
//     leading wildcards "*." and "www." labels are removed.
//
// It fails, wrapping ErrNotDomain, when what remains is not a domain name:
// no dot, an empty label or one longer than 63 octets, a name longer than
// 253, characters other than letters, digits and inner hyphens (an
// underscore, a space), an IP address, or an invalid IDNA label.
func Domain(s string) (string, error) {
	h := BrowserForm(strings.TrimSpace(s))
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	if i := strings.LastIndexByte(h, '@'); i >= 0 {
		h = h[i+1:]
	}
	// Spaces around the host ("kaspersky.com /x") are no part of it.
	h = strings.TrimSpace(h)
	if strings.Contains(h, "%") {
		// a browser, and Go's url.Parse, read "%6Baspersky.com" as
		// kaspersky.com; a bad escape stays and fails as a domain
		if u, err := url.PathUnescape(h); err == nil {
			h = u
		}
	}
	if strings.HasPrefix(h, "[") {
		return "", fmt.Errorf("%q: %w: an IP address", s, ErrNotDomain)
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 {
		if !allDigits(h[i+1:]) {
			return "", fmt.Errorf("%q: %w: port %q", s, ErrNotDomain, h[i+1:])
		}
		h = h[:i]
	}
	d, err := hostName(h)
	if err != nil {
		return "", fmt.Errorf("%q: %w", s, err)
	}
	return d, nil
}

// hostName normalises and checks a bare host name.
func hostName(h string) (string, error) {
	if h == "" {
		return "", fmt.Errorf("%w: empty", ErrNotDomain)
	}
	if !utf8.ValidString(h) {
		return "", fmt.Errorf("%w: invalid UTF-8", ErrNotDomain)
	}
	plain := isPlain(h)
	if plain {
		h = lowerASCII(h)
	}
	if !plain || strings.Contains(h, "xn--") {
		a, err := idnaLookup.ToASCII(strings.TrimRight(h, ".。．｡"))
		if err != nil {
			return "", fmt.Errorf("%w: %w", ErrNotDomain, err)
		}
		h = a
	}
	h = lowerASCII(strings.TrimRight(h, "."))
	for {
		t := strings.TrimPrefix(strings.TrimPrefix(h, "*."), "www.")
		if t == h {
			break
		}
		h = t
	}
	if err := checkHostName(h); err != nil {
		return "", err
	}
	return h, nil
}

// checkHostName checks a lower-case ASCII host name.
func checkHostName(h string) error {
	if len(h) > 253 {
		return fmt.Errorf("%w: %d octets, more than 253", ErrNotDomain, len(h))
	}
	if !strings.Contains(h, ".") {
		return fmt.Errorf("%w: %q has no dot", ErrNotDomain, h)
	}
	last := ""
	for label := range strings.SplitSeq(h, ".") {
		switch {
		case label == "":
			return fmt.Errorf("%w: empty label in %q", ErrNotDomain, h)
		case len(label) > 63:
			return fmt.Errorf("%w: label %q longer than 63 octets", ErrNotDomain, label)
		case label[0] == '-' || label[len(label)-1] == '-':
			return fmt.Errorf("%w: label %q begins or ends with a hyphen", ErrNotDomain, label)
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return fmt.Errorf("%w: %q in label %q", ErrNotDomain, c, label)
			}
		}
		last = label
	}
	if allDigits(last) {
		return fmt.Errorf("%w: %q is an IP address", ErrNotDomain, h)
	}
	return nil
}

// Email returns an e-mail address in the form lists and signals compare:
// the address of "Name <addr>" or "mailto:addr", the local part lower-cased
// (providers treat it so, though the standard need not) and the domain as
// Domain writes it. It fails, wrapping ErrNotEmail or ErrNotDomain, when
// there is no "@", no local part or no valid domain.
func Email(s string) (string, error) {
	// Bytes that are no UTF-8 are read as U+FFFD, as lowering them would
	// write them, so that the quoted local part they would otherwise keep
	// unparsed reads as it reads again.
	a := strings.ToValidUTF8(strings.TrimSpace(s), "\uFFFD")
	if strings.ContainsAny(a, "<>\"( ") {
		if p, err := mail.ParseAddress(a); err == nil {
			a = p.Address
		} else if lt, gt := strings.LastIndexByte(a, '<'), strings.LastIndexByte(a, '>'); lt >= 0 && gt > lt {
			a = strings.TrimSpace(a[lt+1 : gt])
		}
	}
	if len(a) > len("mailto:") && strings.EqualFold(a[:len("mailto:")], "mailto:") {
		a = a[len("mailto:"):]
	}
	at := strings.LastIndexByte(a, '@')
	if at < 0 {
		return "", fmt.Errorf("%q: %w: no @", s, ErrNotEmail)
	}
	local, dom := a[:at], a[at+1:]
	if local == "" || strings.ContainsAny(local, " \t<>") {
		return "", fmt.Errorf("%q: %w: bad local part %q", s, ErrNotEmail, local)
	}
	if i := strings.IndexAny(dom, "?#"); i >= 0 { // mailto:a@b.com?subject=…
		dom = dom[:i]
	}
	d, err := hostName(dom)
	if err != nil {
		return "", fmt.Errorf("%q: %w", s, err)
	}
	return strings.ToLower(local) + "@" + d, nil
}

// EmailDomain returns the domain of an e-mail address, as Email writes it.
func EmailDomain(s string) (string, error) {
	e, err := Email(s)
	if err != nil {
		return "", err
	}
	return e[strings.LastIndexByte(e, '@')+1:], nil
}

// RegistrableDomain returns the registrable domain of a domain in Domain's
// form: its public suffix per the Public Suffix List
// (golang.org/x/net/publicsuffix, ICANN and private sections) plus one
// label. "sites.google.com" → "google.com", "a.b.example.co.uk" →
// "example.co.uk", "someone.github.io" → "someone.github.io" (github.io is a
// suffix of the list's private section). It fails, wrapping ErrNotDomain,
// for a public suffix itself ("co.uk").
func RegistrableDomain(domain string) (string, error) {
	d, err := publicsuffix.EffectiveTLDPlusOne(domain)
	if err != nil {
		return "", fmt.Errorf("%q: %w: %w", domain, ErrNotDomain, err)
	}
	return d, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// lowerASCII lower-cases ASCII letters, allocating only when there is one.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// WebAddress returns the host and path of a web address in the form lists
// and signals compare, so that a listed website on a shared host
// ("sites.google.com/view/secondeye") can be matched by host and path
// prefix: the host as Domain writes it; the path without query and
// fragment, percent-escapes decoded where they decode, lower case (the
// shared hosts this serves treat their paths so), with a trailing "/" or
// ".git" and repeated slashes removed; "" when there is none. Git's
// scp-like address, with a user or without ("git@host:path",
// "host:path"), and a host followed by a colon and more than a port's
// digits read as host and "/path" (scpLike). It fails as Domain does.
func WebAddress(s string) (host, path string, err error) {
	// "git+" goes before a scheme ("git+https://"); no host holds a "+".
	h := scpLike(BrowserForm(strings.TrimPrefix(strings.TrimSpace(s), "git+")))
	host, err = Domain(h)
	if err != nil {
		return "", "", err
	}
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	}
	i := strings.IndexAny(h, "/?#")
	if i < 0 || h[i] != '/' {
		return host, "", nil
	}
	p := h[i:]
	if j := strings.IndexAny(p, "?#"); j >= 0 {
		p = p[:j]
	}
	if strings.Contains(p, "%") {
		if u, uerr := url.PathUnescape(p); uerr == nil {
			p = u
		}
	}
	return host, webPath(p), nil
}

// scpLike writes a colon after the host of an address that is not a
// port's as the slash that begins the path, as git reads its scp-like
// addresses ("git@github.com:KasperskyLab/uif", "github.com:org/repo",
// user optional) and as a reader reads "https://github.com:org/repo":
// "org" is no port, and the host is github.com either way. Without "://"
// the host must hold a dot, so that "mailto:", "urn:" and a drive letter
// stay as they are. A port's digits, and an IP address in brackets, are
// left alone.
func scpLike(h string) string {
	start, scheme := 0, false
	if i := strings.Index(h, "://"); i >= 0 {
		start, scheme = i+3, true
	}
	end := len(h)
	if i := strings.IndexAny(h[start:], "/?#"); i >= 0 {
		end = start + i
	}
	if i := strings.LastIndexByte(h[start:end], '@'); i >= 0 {
		start += i + 1
	}
	c := strings.IndexByte(h[start:end], ':')
	if c < 0 || strings.HasPrefix(h[start:], "[") {
		return h
	}
	c += start
	if port := h[c+1 : end]; port != "" && allDigits(port) {
		return h
	}
	if !scheme && !strings.Contains(h[start:c], ".") {
		return h
	}
	return h[:c] + "/" + h[c+1:]
}

// webPath writes the path of a web address (starting with "/") as
// WebAddress returns it: empty and "." segments dropped, lower case, its
// end trimmed (pathEnd).
func webPath(p string) string {
	if plainPath(p) {
		// Nothing to drop but at the end, nothing to lower: the path
		// itself, as nearly every path is.
		return pathEnd(p)
	}
	return pathEnd(webPathSplit(p))
}

// pathEnd cuts from a path's end, until none is left, what an address
// read again from host and path would not keep there: a "/", a "."
// segment, a ".git", and the spaces before a "?" or "#" ("/org/ #") or a
// ".git" ("/org/repo/.git"), which reading the address trims.
func pathEnd(p string) string {
	for {
		q := strings.TrimRightFunc(p, unicode.IsSpace)
		q = strings.TrimSuffix(q, "/")
		q = strings.TrimSuffix(q, "/.")
		q = strings.TrimSuffix(q, ".git")
		if q == p {
			return p
		}
		p = q
	}
}

// webPathSplit is webPath the long way for any path: split at "/",
// joined again without empty and "." segments, lowered.
func webPathSplit(p string) string {
	var b strings.Builder
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || seg == "." {
			continue
		}
		b.WriteByte('/')
		b.WriteString(seg)
	}
	return strings.ToLower(b.String())
}

// plainPath reports whether a path is ASCII without capital letters and
// has no empty or "." segment but a last, empty one (a trailing "/").
func plainPath(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
		if c == '/' && i+1 < len(p) && (p[i+1] == '/' || p[i+1] == '.' && (i+2 == len(p) || p[i+2] == '/')) {
			return false
		}
	}
	return true
}

// PathHasPrefix reports whether path (as WebAddress writes it) is prefix
// or lies under it, on a segment boundary: "/view/x" is under "/view" but
// not under "/vie".
func PathHasPrefix(path, prefix string) bool {
	if prefix == "" {
		return true
	}
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

// BrowserForm rewrites a URL of a scheme a browser treats as special
// (http, https, ftp, ws, wss, also after "git+") as the WHATWG URL
// Standard reads it, so that the host a browser would visit is the host
// screened: ASCII tabs and newlines anywhere are removed, backslashes
// before the query are slashes, and however many slashes or backslashes
// follow the scheme ("https:\\kaspersky.com\x", "https:kaspersky.com",
// "https:///kaspersky.com") the authority comes next. Anything else is
// returned as it is.
func BrowserForm(s string) string {
	u := s
	if strings.ContainsAny(u, "\t\n\r") {
		u = urlWhitespace.Replace(u)
	}
	scheme, rest, ok := strings.Cut(u, ":")
	if !ok {
		return s
	}
	switch strings.TrimPrefix(strings.ToLower(scheme), "git+") {
	case "http", "https", "ftp", "ws", "wss":
	default:
		return s
	}
	if !strings.Contains(rest, "\\") && strings.HasPrefix(rest, "//") && !strings.HasPrefix(rest, "///") {
		return u
	}
	end := strings.IndexAny(rest, "?#")
	if end < 0 {
		end = len(rest)
	}
	rest = strings.ReplaceAll(rest[:end], "\\", "/") + rest[end:]
	return scheme + "://" + strings.TrimLeft(rest, "/")
}

// urlWhitespace removes the ASCII tabs and newlines a URL parser ignores.
var urlWhitespace = strings.NewReplacer("\t", "", "\n", "", "\r", "")
