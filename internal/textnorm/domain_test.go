package textnorm_test

import (
	"errors"
	"testing"

	"github.com/bangate/bangate/internal/textnorm"
)

// TestDomain holds the cases of the four normalisers it replaced
// (attribute's URL reader, lists.NormalizeDomain, procurement's domainOf and
// screen's normalizeDomain) and the cases where they disagreed.
func TestDomain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string // want "" means an error
	}{
		{"kaspersky.com", "kaspersky.com"},
		{"https://www.kaspersky.com/downloads", "kaspersky.com"},
		{"http://USA.Kaspersky.com", "usa.kaspersky.com"},
		{"kaspersky-labs.com/x", "kaspersky-labs.com"},
		{"HTTPS://WWW.Example.COM:8443/path?q=1", "example.com"},
		{"http://u:p@Host.Example.org:8080/a?b#c", "host.example.org"},
		{"git+ssh://git@github.com:22/org/repo", "github.com"},
		{"user@mail.example.ru", "mail.example.ru"},
		{"www.ptsecurity.com", "ptsecurity.com"},
		{"www.www.example.com", "example.com"},
		{"example.com.", "example.com"},
		{"example.com..", "example.com"},
		{"Dnl-Test.Kaspersky-Labs.com.", "dnl-test.kaspersky-labs.com"},
		{"*.kaspersky.com", "kaspersky.com"},
		{"  kaspersky.com  ", "kaspersky.com"},
		// As a browser reads a URL (WHATWG): an escaped host, backslashes
		// for slashes, any number of them after the scheme, tabs and
		// newlines dropped.
		{"https://%6Baspersky.com/", "kaspersky.com"},
		{"https://%6B%61%73%70%65%72%73%6B%79.com/x", "kaspersky.com"},
		{`https:\\kaspersky.com\x`, "kaspersky.com"},
		{`https://kaspersky.com\x`, "kaspersky.com"},
		{`https:/\kaspersky.com/`, "kaspersky.com"},
		{"https:kaspersky.com/x", "kaspersky.com"},
		{"https:///kaspersky.com/", "kaspersky.com"},
		{"https://kasper\nsky.com/x", "kaspersky.com"},
		{"https://kasper\tsky.com/", "kaspersky.com"},
		{"http://kaspersky.com%2F@example.org/", "example.org"},
		{"https://kaspersky.com%2F.example.org/", ""},
		// Other schemes and bare names are read as written.
		{"kasper\nsky.com", ""},
		// Internationalised names: UTS #46 mapping, then Punycode.
		{"касперский.рф", "xn--80akjebc7ajgd.xn--p1ai"},
		{"https://КАСПЕРСКИЙ.РФ/", "xn--80akjebc7ajgd.xn--p1ai"},
		{"ｋａｓｐｅｒｓｋｙ．ｃｏｍ", "kaspersky.com"},
		{"kaspersky。com", "kaspersky.com"},
		{"kasp\u200Bersky.com", "kaspersky.com"},
		{"xn--80akjebc7ajgd.xn--p1ai", "xn--80akjebc7ajgd.xn--p1ai"},
		{"bücher.example", "xn--bcher-kva.example"},
		// Not domain names.
		{"", ""},
		{"localhost", ""},
		{"http://localhost", ""},
		{"https://localhost:8080", ""},
		{"x@localhost", ""},
		{"exa mple.com", ""},
		{"ex_ample.com", ""},
		{"..com", ""},
		{"a..b.com", ""},
		{"-a.com", ""},
		{"a-.com", ""},
		{"n/a", ""},
		{"::", ""},
		{"NOASSERTION", ""},
		{"10.0.0.1", ""},
		{"http://10.0.0.1:8080/", ""},
		{"[::1]:80", ""},
		{"kaspersky.com:abc", ""},
		{"xn--zz.com", ""},
		{"www.", ""},
		{"\"quoted\".com", ""},
	}
	for _, tt := range tests {
		got, err := textnorm.Domain(tt.in)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("Domain(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if err != nil && !errors.Is(err, textnorm.ErrNotDomain) {
			t.Errorf("Domain(%q): error %v does not wrap ErrNotDomain", tt.in, err)
		}
	}
}

func TestEmail(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, addr, domain string // "" means an error
	}{
		{"dev@kaspersky.com", "dev@kaspersky.com", "kaspersky.com"},
		{"Ivan Petrov <Ivan@Kaspersky.COM>", "ivan@kaspersky.com", "kaspersky.com"},
		{"Security Components Team <oss-components@vendor.com>", "oss-components@vendor.com", "vendor.com"},
		{"Georg Brandl <georg@python.org> (https://python.org)", "georg@python.org", "python.org"},
		{"mailto:Sales@Kaspersky.com?subject=licence", "sales@kaspersky.com", "kaspersky.com"},
		{"x@gmail.com.", "x@gmail.com", "gmail.com"},
		{"info@www.example.com", "info@example.com", "example.com"},
		{"info@касперский.рф", "info@xn--80akjebc7ajgd.xn--p1ai", "xn--80akjebc7ajgd.xn--p1ai"},
		{"no-at-sign", "", ""},
		{"x@localhost", "", ""},
		{"@kaspersky.com", "", ""},
		{"a@b", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		addr, err := textnorm.Email(tt.in)
		if addr != tt.addr || (err == nil) != (tt.addr != "") {
			t.Errorf("Email(%q) = %q, %v; want %q", tt.in, addr, err, tt.addr)
		}
		if err != nil && !errors.Is(err, textnorm.ErrNotDomain) && !errors.Is(err, textnorm.ErrNotEmail) {
			t.Errorf("Email(%q): error %v wraps neither sentinel", tt.in, err)
		}
		d, err := textnorm.EmailDomain(tt.in)
		if d != tt.domain || (err == nil) != (tt.domain != "") {
			t.Errorf("EmailDomain(%q) = %q, %v; want %q", tt.in, d, err, tt.domain)
		}
	}
}

func TestRegistrableDomain(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"kaspersky.com", "kaspersky.com"},
		{"usa.kaspersky.com", "kaspersky.com"},
		{"sites.google.com", "google.com"},
		{"groups.yahoo.com", "yahoo.com"},
		{"a.b.example.co.uk", "example.co.uk"},
		{"someone.github.io", "someone.github.io"},
		{"xn--80akjebc7ajgd.xn--p1ai", "xn--80akjebc7ajgd.xn--p1ai"},
		{"co.uk", ""},
		{"com", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := textnorm.RegistrableDomain(tt.in)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("RegistrableDomain(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if err != nil && !errors.Is(err, textnorm.ErrNotDomain) {
			t.Errorf("RegistrableDomain(%q): error %v does not wrap ErrNotDomain", tt.in, err)
		}
	}
}

func TestWebAddress(t *testing.T) {
	tests := []struct{ in, host, path string }{
		{"https://sites.google.com/view/SecondEye/?x=1#top", "sites.google.com", "/view/secondeye"},
		{"http://WWW.Example.com", "example.com", ""},
		{"www.example.com/", "example.com", ""},
		{"git+https://github.com/KasperskyLab/Kaspresso.git", "github.com", "/kasperskylab/kaspresso"},
		{"git@github.com:KasperskyLab/uif.git", "github.com", "/kasperskylab/uif"},
		{"scm:git:git://github.com//x//y/./z", "github.com", "/x/y/z"},
		{"https://groups.yahoo.com/group/%7Ejunit", "groups.yahoo.com", "/group/~junit"},
		{"https://example.org/a%ZZb", "example.org", "/a%zzb"},
		{`https:\\github.com\KasperskyLab\agent?q=a\b`, "github.com", "/kasperskylab/agent"},
		{"https:github.com/KasperskyLab", "github.com", "/kasperskylab"},
		{"https://%67ithub.com/KasperskyLab", "github.com", "/kasperskylab"},
		// git's scp-like address without a user, and a colon after the
		// host that is no port: host and path, as git and a reader read
		// them; a port's digits and "mailto:" stay as they are.
		{"github.com:KasperskyLab/uif.git", "github.com", "/kasperskylab/uif"},
		{"https://github.com:KasperskyLab/uif", "github.com", "/kasperskylab/uif"},
		{"ssh://git@github.com:KasperskyLab/uif", "github.com", "/kasperskylab/uif"},
		{"https://example.org:8443/a", "example.org", "/a"},
		{"example.org:8443/a", "example.org", "/a"},
		{"mailto:dev@Kaspersky.com", "kaspersky.com", ""},
		{"git+github.com/KasperskyLab", "github.com", "/kasperskylab"},
		{"https://kaspersky.com /x", "kaspersky.com", "/x"},
	}
	for _, tt := range tests {
		h, p, err := textnorm.WebAddress(tt.in)
		if err != nil || h != tt.host || p != tt.path {
			t.Errorf("WebAddress(%q) = %q, %q, %v; want %q, %q", tt.in, h, p, err, tt.host, tt.path)
		}
	}
	if _, _, err := textnorm.WebAddress("not a url"); !errors.Is(err, textnorm.ErrNotDomain) {
		t.Errorf("WebAddress of no host: %v", err)
	}
	for _, tt := range []struct {
		path, prefix string
		want         bool
	}{{"/view/x", "/view", true}, {"/view", "/view", true}, {"/viewer", "/view", false}, {"/a", "", true}, {"", "/a", false}} {
		if got := textnorm.PathHasPrefix(tt.path, tt.prefix); got != tt.want {
			t.Errorf("PathHasPrefix(%q, %q) = %v", tt.path, tt.prefix, got)
		}
	}
}
