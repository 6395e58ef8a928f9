package lists_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bangate/bangate/internal/lists"
	"github.com/bangate/bangate/policies"
)

// The built-in bundle's shared domains hold the providers of issue 12's
// false fails, and only what they should: a company's own domain, a
// tenant's site under a private public suffix, and a look-alike of a
// provider are not shared.
func TestBuiltinSharedDomains(t *testing.T) {
	t.Parallel()
	s, err := lists.LoadSharedDomains(policies.FS)
	if err != nil {
		t.Fatal(err)
	}
	shared := []string{
		"gmail.com", "googlemail.com", "yahoo.com", "groups.yahoo.com", "yahoo.co.uk", "hotmail.com", "hotmail.fr",
		"outlook.com", "live.com", "mail.ru", "yandex.ru", "qq.com", "163.com", "protonmail.com", "proton.me",
		"github.com", "gitlab.com", "bitbucket.org", "sourceforge.net", "gitee.com", "raw.githubusercontent.com",
		"sites.google.com", "groups.google.com", "developers.google.com", "code.google.com", "google.com", "maven.google.com",
		"googleapis.com", "blogspot.com", "github.io", "wordpress.com", "someone.wordpress.com", "medium.com",
		"bit.ly", "t.co", "facebook.com", "t.me", "vk.com", "dropbox.com", "s3.amazonaws.com", "npmjs.com", "pypi.org",
	}
	for _, h := range shared {
		if _, _, ok := s.Lookup(h); !ok {
			t.Errorf("%s is not shared", h)
		}
	}
	own := []string{
		"kaspersky.com", "ksn.kaspersky.com", "huawei.com", "shazow.net", "secondeyesolution.com", "apache.org",
		"yahoo-finance.example", "notgmail.com", "gmail.com.example.org", "example.co.uk",
	}
	for _, h := range own {
		if p, _, ok := s.Lookup(h); ok {
			t.Errorf("%s is shared (%s)", h, p.Name)
		}
	}
	for host, tenant := range map[string]string{
		"someone.wordpress.com": "someone.wordpress.com", "a.b.someone.github.io": "someone.github.io",
		"someone.blogspot.com": "someone.blogspot.com", "github.com": "", "sites.google.com": "", "wordpress.com": "",
	} {
		p, listed, ok := s.Lookup(host)
		if got := lists.TenantHost(p, listed, host); !ok || got != tenant {
			t.Errorf("TenantHost(%s) = %q (shared %v), want %q", host, got, ok, tenant)
		}
	}
	if p, listed, _ := s.Lookup("github.com"); p.SubdomainTenants() || p.Category != "code-host" || listed != "github.com" || p.File != "bangate/domains/shared.yaml" {
		t.Errorf("github.com: %+v", p)
	}
	if _, listed, _ := s.Lookup("mail.yahoo.co.uk"); listed != "yahoo.co.uk" {
		t.Errorf("yahoo.* matched %q", listed)
	}
}

func TestSharedDomainsOverride(t *testing.T) {
	t.Parallel()
	user := fstest.MapFS{"bangate/domains/local.yaml": {Data: []byte(`local:
  title: ours
  providers:
    - {name: Example Mail, category: webmail, source: "https://mail.example.net", domains: [mail.example.net]}
  own: [google.com]
`)}}
	s, err := lists.LoadSharedDomains(policies.FS, user)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := s.Lookup("x.mail.example.net"); !ok {
		t.Error("a user's provider is not shared")
	}
	if _, _, ok := s.Lookup("google.com"); ok {
		t.Error("a domain the user declares own is still shared")
	}
	if _, _, ok := s.Lookup("sites.google.com"); ok {
		t.Error("a host under a domain the user declares own is still shared")
	}
	if _, _, ok := s.Lookup("gmail.com"); !ok {
		t.Error("the built-in providers are lost")
	}
	if got := s.Files(); len(got) != 2 {
		t.Errorf("files %v", got)
	}
}

func TestParseSharedDomainsRejects(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, file, text, want string }{
		{"wrong key", "x.yaml", "y:\n  providers: []\n", "top-level key x"},
		{"two keys", "x.yaml", "x: {}\ny: {}\n", "single top-level key"},
		{"unknown field", "x.yaml", "x:\n  providers:\n    - {name: A, category: webmail, source: \"https://a\", domains: [a.com], weight: 3}\n", "weight"},
		{"no source", "x.yaml", "x:\n  providers:\n    - {name: A, category: webmail, domains: [a.com]}\n", "source"},
		{"bad category", "x.yaml", "x:\n  providers:\n    - {name: A, category: mail, source: \"https://a\", domains: [a.com]}\n", "category \"mail\""},
		{"bad domain", "x.yaml", "x:\n  providers:\n    - {name: A, category: webmail, source: \"https://a\", domains: [\"not a domain\"]}\n", "not a domain"},
		{"upper case", "x.yaml", "x:\n  providers:\n    - {name: A, category: webmail, source: \"https://a\", domains: [Gmail.com]}\n", "write it as"},
		{"bad wildcard", "x.yaml", "x:\n  providers:\n    - {name: A, category: webmail, source: \"https://a\", domains: [\"a.b.*\"]}\n", "label.*"},
		{"bad tenants", "x.yaml", "x:\n  providers:\n    - {name: A, category: webmail, source: \"https://a\", tenants: paths, domains: [a.com]}\n", "tenants"},
		{"empty", "x.yaml", "x:\n  title: t\n", "no providers"},
		{"bad own", "x.yaml", "x:\n  own: [\"https://a.com/x\"]\n", "own domain"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lists.ParseSharedDomains([]lists.NamedFile{{Name: "bangate/domains/" + tc.file, Data: []byte(tc.text)}})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "bangate/domains/x.yaml") {
				t.Fatalf("error %v, want it to name the file and contain %q", err, tc.want)
			}
		})
	}
	_, err := lists.LoadSharedDomains(fstest.MapFS{"bangate/domains/x.json": {Data: []byte(`{}`)}})
	if err == nil || !strings.Contains(err.Error(), "YAML") {
		t.Errorf("a JSON shared-domain file: %v", err)
	}
}

// BenchmarkLoadSharedDomains reads the built-in bundle's shared-domain
// files, as every check does once the bundle is loaded.
func BenchmarkLoadSharedDomains(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lists.LoadSharedDomains(policies.FS); err != nil {
			b.Fatal(err)
		}
	}
}
