package lists

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/publicsuffix"
	"gopkg.in/yaml.v3"

	"github.com/bangate/bangate/internal/textnorm"
)

// SharedDomainDir is where a policy bundle keeps its shared-domain files;
// each loads at data.bangate.domains.<id> in OPA.
const SharedDomainDir = "bangate/domains"

// Categories of shared-domain providers.
var sharedCategories = map[string]bool{
	"webmail": true, "code-host": true, "package-registry": true, "site-host": true, "google": true,
	"shortener": true, "social": true, "messaging": true, "funding": true, "cloud-storage": true,
}

// SharedProvider is one provider whose domains many unrelated parties use.
type SharedProvider struct {
	// Name names the provider ("Gmail").
	Name string `yaml:"name"`
	// Category is webmail, code-host, package-registry, site-host,
	// google, shortener, social, messaging, funding or cloud-storage.
	Category string `yaml:"category"`
	// Source is the page that shows the domains are open to anyone.
	Source string `yaml:"source"`
	// Tenants is "subdomains" when the provider gives each user a
	// subdomain of its own (someone.wordpress.com), "" when users live
	// under paths (github.com/someone).
	Tenants string `yaml:"tenants"`
	// Domains are the provider's domains; "label.*" stands for the label
	// followed by any public suffix ("yahoo.*": yahoo.com, yahoo.co.uk).
	Domains []string `yaml:"domains"`
	// File is the file the provider was read from.
	File string `yaml:"-"`
}

// SubdomainTenants reports whether each user of the provider has a
// subdomain of its own.
func (p SharedProvider) SubdomainTenants() bool { return p.Tenants == "subdomains" }

// sharedFile is the value under a shared-domain file's single top-level key.
type sharedFile struct {
	Title     string           `yaml:"title"`
	Reviewed  string           `yaml:"reviewed"`
	Providers []SharedProvider `yaml:"providers"`
	// Own lists domains that are not shared for this check, although a
	// provider lists them: for the user they identify their owner.
	Own []string `yaml:"own"`
}

// SharedDomains is the set of shared domains a check applies: the
// providers of every shared-domain file of the bundle, less the domains a
// file declares its own. The zero value and nil hold none.
type SharedDomains struct {
	exact map[string]*SharedProvider // domain → provider
	wild  map[string]*SharedProvider // label of "label.*" → provider
	own   map[string]string          // domain → the file declaring it own
	files []string
}

// Files are the files the set was read from, in the order read.
func (s *SharedDomains) Files() []string {
	if s == nil {
		return nil
	}
	return slices.Clone(s.files)
}

// Lookup says whether host (as textnorm.Domain writes it) is on a shared
// domain: the host itself or a parent of it is listed (and neither it nor
// a parent below the listed one is declared own), or its registrable
// domain under the Public Suffix List is a listed "label.*". listed is the
// listed domain that matched (the registrable domain for "label.*").
func (s *SharedDomains) Lookup(host string) (p SharedProvider, listed string, ok bool) {
	if s == nil || host == "" {
		return SharedProvider{}, "", false
	}
	for d := host; strings.Contains(d, "."); d = d[strings.IndexByte(d, '.')+1:] {
		if _, own := s.own[d]; own {
			return SharedProvider{}, "", false
		}
		if p := s.exact[d]; p != nil {
			return *p, d, true
		}
	}
	if len(s.wild) == 0 {
		return SharedProvider{}, "", false
	}
	reg, err := textnorm.RegistrableDomain(host)
	if err != nil {
		return SharedProvider{}, "", false
	}
	if label, suffix, ok := strings.Cut(reg, "."); ok {
		if p := s.wild[label]; p != nil {
			if ps, _ := publicsuffix.PublicSuffix(reg); ps == suffix {
				return *p, reg, true
			}
		}
	}
	return SharedProvider{}, "", false
}

// TenantHost returns, for a host on a provider whose users have
// subdomains of their own, the user's host: the label right below the
// listed domain, with it ("a.someone.wordpress.com" → "someone.wordpress.com");
// "" otherwise.
func TenantHost(p SharedProvider, listed, host string) string {
	if !p.SubdomainTenants() || !strings.HasSuffix(host, "."+listed) {
		return ""
	}
	rest := strings.TrimSuffix(host, "."+listed)
	return rest[strings.LastIndexByte(rest, '.')+1:] + "." + listed
}

// LoadSharedDomains reads every bangate/domains/*.yaml (and *.yml) of each
// policy bundle given, in order, into one set. A bundle without such files
// adds nothing.
func LoadSharedDomains(bundles ...fs.FS) (*SharedDomains, error) {
	var files []NamedFile
	for _, b := range bundles {
		if b == nil {
			continue
		}
		names, err := SharedDomainFiles(b)
		if err != nil {
			return nil, err
		}
		for _, name := range names {
			data, err := fs.ReadFile(b, name)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", name, err)
			}
			files = append(files, NamedFile{Name: name, Data: data})
		}
	}
	return ParseSharedDomains(files)
}

// NamedFile is a file's name and bytes.
type NamedFile struct {
	Name string
	Data []byte
}

// SharedDomainFiles returns the shared-domain files of a policy bundle,
// sorted; a .json file there is an error, since Go reads only YAML and
// OPA would load it too.
func SharedDomainFiles(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, SharedDomainDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", SharedDomainDir, err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		name := path.Join(SharedDomainDir, e.Name())
		switch path.Ext(e.Name()) {
		case ".yaml", ".yml":
			out = append(out, name)
		case ".json":
			return nil, parseErr(name, 0, "shared-domain files are YAML (.yaml or .yml)")
		}
	}
	slices.Sort(out)
	return out, nil
}

// IsSharedDomainFile reports whether a bundle path is a shared-domain file.
func IsSharedDomainFile(p string) bool {
	dir, file := path.Split(p)
	return strings.TrimSuffix(dir, "/") == SharedDomainDir && !strings.HasPrefix(file, ".") &&
		(path.Ext(file) == ".yaml" || path.Ext(file) == ".yml")
}

// ParseSharedDomains parses shared-domain files into one set. Each file
// has the single top-level key equal to its base name (so OPA loads it at
// data.bangate.domains.<id>) with title, reviewed, providers (each with
// name, category, source, domains and optional tenants: subdomains) and
// own (domains taken out of the set). Unknown keys, a provider without a
// name, a known category, a source or a domain, and a domain that is not
// a domain name are errors naming the file and line.
func ParseSharedDomains(files []NamedFile) (*SharedDomains, error) {
	s := &SharedDomains{exact: map[string]*SharedProvider{}, wild: map[string]*SharedProvider{}, own: map[string]string{}}
	seen := map[string]string{}
	for _, f := range files {
		id := strings.TrimSuffix(strings.TrimSuffix(path.Base(f.Name), ".yml"), ".yaml")
		if prev, dup := seen[id]; dup {
			return nil, parseErr(f.Name, 0, "shared-domain file id %s is also defined in %s", id, prev)
		}
		seen[id] = f.Name
		sf, err := parseSharedFile(f.Name, id, f.Data)
		if err != nil {
			return nil, err
		}
		s.files = append(s.files, f.Name)
		for i := range sf.Providers {
			p := sf.Providers[i]
			p.File = f.Name
			for _, d := range p.Domains {
				if label, ok := strings.CutSuffix(d, ".*"); ok {
					if _, dup := s.wild[label]; !dup {
						s.wild[label] = &p
					}
					continue
				}
				// parseSharedFile checked that d is in textnorm.Domain's form.
				if _, dup := s.exact[d]; !dup {
					s.exact[d] = &p
				}
			}
		}
		for _, d := range sf.Own {
			s.own[strings.ToLower(strings.TrimSpace(d))] = f.Name // its textnorm.Domain form, checked
		}
	}
	return s, nil
}

// parseSharedFile decodes and checks one file.
func parseSharedFile(name, id string, data []byte) (*sharedFile, error) {
	if len(data) > MaxFileSize {
		return nil, parseErr(name, 0, "file larger than %d bytes", MaxFileSize)
	}
	var top map[string]yaml.Node
	if err := yaml.Unmarshal(data, &top); err != nil {
		return nil, parseErr(name, 0, "%v", err)
	}
	if len(top) != 1 {
		return nil, parseErr(name, 0, "want the single top-level key %s", id)
	}
	node, ok := top[id]
	if !ok {
		return nil, parseErr(name, 0, "want the single top-level key %s (the file's base name), so that OPA loads it at data.bangate.domains.%s", id, id)
	}
	// The file again, strictly (a yaml.Node decodes without KnownFields):
	// its one key is id, so its one value is the file's body.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var body map[string]sharedFile
	if err := dec.Decode(&body); err != nil && !errors.Is(err, io.EOF) {
		return nil, parseErr(name, node.Line, "%v", err)
	}
	sf := body[id]
	if len(sf.Providers) == 0 && len(sf.Own) == 0 {
		return nil, parseErr(name, node.Line, "no providers and no own domains")
	}
	for i, p := range sf.Providers {
		where := fmt.Sprintf("provider %d (%q)", i+1, p.Name)
		switch {
		case strings.TrimSpace(p.Name) == "":
			return nil, parseErr(name, node.Line, "provider %d has no name", i+1)
		case !sharedCategories[p.Category]:
			return nil, parseErr(name, node.Line, "%s: category %q is not one of webmail, code-host, package-registry, site-host, google, shortener, social, messaging, funding, cloud-storage", where, p.Category)
		case !strings.HasPrefix(p.Source, "https://") && !strings.HasPrefix(p.Source, "http://"):
			return nil, parseErr(name, node.Line, "%s: source must be the URL that shows the domains are open to anyone", where)
		case p.Tenants != "" && p.Tenants != "subdomains":
			return nil, parseErr(name, node.Line, "%s: tenants %q: want subdomains or nothing", where, p.Tenants)
		case len(p.Domains) == 0:
			return nil, parseErr(name, node.Line, "%s has no domains", where)
		}
		for _, d := range p.Domains {
			if err := checkSharedDomain(d); err != nil {
				return nil, parseErr(name, node.Line, "%s: %v", where, err)
			}
		}
	}
	for _, d := range sf.Own {
		if n, err := textnorm.Domain(d); err != nil || n != strings.ToLower(strings.TrimSpace(d)) {
			return nil, parseErr(name, node.Line, "own domain %q is not a domain name as textnorm writes it", d)
		}
	}
	return &sf, nil
}

// checkSharedDomain accepts a domain name in textnorm.Domain's form or
// "label.*".
func checkSharedDomain(d string) error {
	if label, ok := strings.CutSuffix(d, ".*"); ok {
		if label == "" || strings.ContainsAny(label, ".*") || strings.ToLower(label) != label {
			return fmt.Errorf("domain %q: want label.* with one lower-case label", d)
		}
		return nil
	}
	n, err := textnorm.Domain(d)
	if err != nil {
		return fmt.Errorf("domain %q: %w", d, err)
	}
	if n != d {
		return fmt.Errorf("domain %q: write it as %q", d, n)
	}
	return nil
}
