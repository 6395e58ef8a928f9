package attribute

import (
	"net/url"
	"strings"

	"github.com/bangate/bangate/sbom"
)

// PURL is what attribution reads of a package URL, strictly parsed or, for
// one that does not parse, split as best it can be.
type PURL struct {
	// Type is the ecosystem, lower case ("maven", "npm", "github").
	Type string
	// Namespace is decoded, as written (case kept).
	Namespace string
	// Name is decoded, as written.
	Name string
	// RepositoryURL is the repository_url qualifier (oci, docker), "" when
	// absent.
	RepositoryURL string
	// Lenient is set when the purl does not parse and was split by hand:
	// `Pkg:maven/...`, a leading space, a repeated qualifier, a bad
	// %-escape. sbom.Decode reports such a purl as a warning.
	Lenient bool
}

// ReadPURL reads a package URL: with sbom.ParsePURL when it parses, else
// by a best-effort split (scheme and type compared case-insensitively,
// the version, qualifiers and subpath cut off, each segment percent-decoded
// where it decodes), so that a purl an author broke on purpose still names
// its owner. ok is false when nothing like "type/name" is left.
func ReadPURL(raw string) (p PURL, ok bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return PURL{}, false
	}
	if sp, err := sbom.ParsePURL(raw); err == nil {
		p = PURL{Type: strings.ToLower(sp.Type), Namespace: sp.Namespace, Name: sp.Name}
		p.RepositoryURL = qualifier(raw, "repository_url")
		return p, true
	}
	s := raw
	if len(s) >= 4 && strings.EqualFold(s[:4], "pkg:") {
		s = s[4:]
	}
	s = strings.TrimLeft(s, "/ ")
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	var quals string
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s, quals = s[:i], s[i+1:]
	}
	segs := strings.Split(strings.Trim(s, "/"), "/")
	kept := segs[:0]
	for _, seg := range segs {
		if seg = strings.TrimSpace(seg); seg != "" {
			kept = append(kept, seg)
		}
	}
	if len(kept) < 2 {
		return PURL{}, false
	}
	last := kept[len(kept)-1]
	if i := strings.LastIndexByte(last, '@'); i > 0 {
		last = last[:i]
	}
	p = PURL{Type: strings.ToLower(decode(kept[0])), Name: decode(last), Lenient: true}
	ns := make([]string, 0, len(kept)-2)
	for _, seg := range kept[1 : len(kept)-1] {
		ns = append(ns, decode(seg))
	}
	p.Namespace = strings.Join(ns, "/")
	p.RepositoryURL = qualifier("?"+quals, "repository_url")
	return p, p.Type != "" && p.Name != ""
}

// qualifier returns the first value of qualifier key of a purl, decoded;
// "" when absent.
func qualifier(raw, key string) string {
	i := strings.IndexByte(raw, '?')
	if i < 0 {
		return ""
	}
	q := raw[i+1:]
	if j := strings.IndexByte(q, '#'); j >= 0 {
		q = q[:j]
	}
	for _, kv := range strings.Split(q, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if strings.EqualFold(strings.TrimSpace(k), key) {
			return decode(v)
		}
	}
	return ""
}

// decode percent-decodes s; a bad escape is kept as written and the good
// ones around it decoded.
func decode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHexByte(s[i+1]) && isHexByte(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHexByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// codeHosts are the public code hosts whose first path segment is the
// repository owner.
var codeHosts = map[string]bool{"github.com": true, "gitlab.com": true, "bitbucket.org": true}

// purlHostTypes map purl types whose namespace is the owner on a code host
// to that host.
var purlHostTypes = map[string]string{"github": "github.com", "gitlab": "gitlab.com", "bitbucket": "bitbucket.org"}

// registryHosts map container registries to the code host whose accounts
// own their namespaces.
var registryHosts = map[string]string{"ghcr.io": "github.com", "registry.gitlab.com": "gitlab.com"}

// Owner is who a purl names as the package's owner.
type Owner struct {
	// Ecosystem and Namespace are the namespace signal ("maven",
	// "com.kaspersky"); Namespace is lower case, "" when the type has
	// none.
	Ecosystem, Namespace string
	// CodeHost is "host/owner" when the owner is an account on a public
	// code host ("github.com/kasperskylab"), matched as a golang
	// namespace like a Go module path.
	CodeHost string
	// Name is the owner as words, screened for the brand words and names
	// of the ban lists ("com kaspersky", "kasperskylab"); "" when the type
	// names no owner.
	Name string
	// PackageName is the package's own name when its type has no
	// namespace and the name itself can bear a brand (npm, pypi, cargo,
	// nuget, gem): screened like a component's name.
	PackageName string
}

// brandNameTypes are the purl types whose package names carry their
// publisher's brand when they have one ("huaweicloudsdkcore",
// "Huawei.Cloud.SDK.Core", "kaspersky-…").
var brandNameTypes = map[string]bool{"npm": true, "pypi": true, "cargo": true, "nuget": true, "gem": true, "cocoapods": true, "pub": true}

// PURLOwner returns who a purl names as the owner of its package: its
// namespace for every type that has one (maven groupId, npm scope, docker
// and composer vendor, golang and swift module host path, hex
// organisation, conan user, deb/rpm/apk distribution), the account on a
// code host for github, gitlab and bitbucket purls, a Go or Swift path on
// a code host and an oci or docker repository on ghcr.io, and the package
// name of the types whose names bear a brand. ok is false when the purl
// cannot be read at all.
func PURLOwner(raw string) (o Owner, ok bool) {
	p, ok := ReadPURL(raw)
	if !ok {
		return Owner{}, false
	}
	return purlOwner(raw, p), true
}

// purlOwner is PURLOwner of a purl read (ReadPURL) from raw.
func purlOwner(raw string, p PURL) (o Owner) {
	ns := p.Namespace
	switch p.Type {
	case "npm":
		if ns != "" && !strings.HasPrefix(ns, "@") {
			ns = "@" + ns
		}
	case "github", "gitlab", "bitbucket":
		if ns != "" {
			owner, _, _ := strings.Cut(ns, "/")
			o.CodeHost = purlHostTypes[p.Type] + "/" + strings.ToLower(owner)
		}
	case "oci":
		if ns == "" && p.RepositoryURL != "" {
			repo := strings.TrimSuffix(p.RepositoryURL, "/"+p.Name)
			if i := strings.Index(repo, "://"); i >= 0 {
				repo = repo[i+3:]
			}
			ns = repo
		}
	case "nuget":
		if ns == "" {
			if prefix, _, found := strings.Cut(p.Name, "."); found {
				o.Name = prefix
			}
		}
	case "conan":
		if ns == "" {
			ns = qualifier(raw, "user")
		}
	}
	if ns != "" {
		o.Ecosystem, o.Namespace = p.Type, strings.ToLower(strings.TrimRight(ns, "/."))
		if o.CodeHost == "" {
			o.CodeHost = codeHostOwner(o.Namespace)
		}
		if o.Name == "" {
			o.Name = ownerWords(o.Namespace)
		}
	}
	if brandNameTypes[p.Type] || (p.Type == "nuget" && ns == "") {
		o.PackageName = p.Name
	}
	return o
}

// codeHostOwner returns "host/owner" for a path that starts with a public
// code host or a registry of one ("github.com/Org/repo",
// "ghcr.io/org/image"), "" otherwise.
func codeHostOwner(path string) string {
	host, rest, found := strings.Cut(strings.ToLower(path), "/")
	if !found || rest == "" {
		return ""
	}
	if h, ok := registryHosts[host]; ok {
		host = h
	}
	if !codeHosts[host] {
		return ""
	}
	owner, _, _ := strings.Cut(rest, "/")
	return host + "/" + owner
}

// ownerWords turns a namespace into words to screen: separators become
// spaces, and a host part common to every owner ("com", "org", "io",
// "github.com") is kept, for the screen's normaliser folds short common
// words away.
func ownerWords(ns string) string {
	return strings.TrimSpace(ownerSeparators.Replace(strings.TrimPrefix(ns, "@")))
}

var ownerSeparators = strings.NewReplacer(".", " ", "/", " ", "-", " ", "_", " ", ":", " ")
