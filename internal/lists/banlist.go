package lists

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/bangate/bangate/internal/provenance"
	"gopkg.in/yaml.v3"

	"github.com/bangate/bangate/internal/textnorm"
)

// BanListDir is where a policy bundle keeps its ban lists; each file loads
// at data.bangate.lists.<id> in OPA.
const BanListDir = "bangate/lists"

// banFile is the value under a ban list file's single top-level key; only
// the fields Go needs are decoded (obligations stay with the policies).
type banFile struct {
	Title     string    `yaml:"title"`
	Kind      string    `yaml:"kind"`
	SourceURL string    `yaml:"source_url"`
	Published string    `yaml:"published"`
	Reviewed  string    `yaml:"reviewed"`
	Entries   yaml.Node `yaml:"entries"`
}

// banEntry is one entry of a ban list.
type banEntry struct {
	Name           string     `yaml:"name"`
	Type           string     `yaml:"type"`
	Aliases        []banAlias `yaml:"aliases"`
	Brands         []string   `yaml:"brands"`
	Domains        []string   `yaml:"domains"`
	PurlNamespaces []string   `yaml:"purl_namespaces"`
	CPEVendors     []string   `yaml:"cpe_vendors"`
}

// banAlias is one alias of a ban list entry.
type banAlias struct {
	Name string `yaml:"name"`
	Type string `yaml:"type"`
}

// UnmarshalYAML decodes an alias, refusing keys other than name and type:
// an unquoted comma in a flow mapping ({name: Foo Co., Ltd., type: aka})
// silently cuts the name and adds a key "Ltd.", which this catches.
func (a *banAlias) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: alias must be a mapping with name and type", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch n.Content[i].Value {
		case "name", "type":
		default:
			return fmt.Errorf("line %d: an alias has a key other than name and type (quote names that contain a comma)", n.Content[i].Line)
		}
	}
	type plain banAlias
	return n.Decode((*plain)(a))
}

// banAliasTypes are the alias types a ban list may use.
var banAliasTypes = map[string]bool{
	"aka": true, "fka": true, "nka": true, "weak": true, "former": true,
	"parent": true, "subsidiary": true, "affiliate": true, "brand": true,
}

// banKinds maps a ban list's kind to the list Kind.
var banKinds = map[string]provenance.Kind{"": provenance.KindBan, "ban": provenance.KindBan, "linked": provenance.KindLinked}

// LoadBanLists reads every bangate/lists/*.yaml (and *.yml) of a policy
// bundle, in name order, one List per file. Each file has the single
// top-level key <id> equal to its base name (so OPA loads it at
// data.bangate.lists.<id>), with title, kind (ban or linked; default ban),
// source_url, published ("YYYY-MM-DD", required), reviewed and entries
// (a map from entry ID to name, type, aliases, brands, domains,
// purl_namespaces and cpe_vendors; other keys such as obligations are left
// to the policies). Provenance.SHA256 is the sha256 of the file bytes and
// Provenance.Retrieved is the reviewed date. A bundle without ban lists
// yields no lists and no error.
func LoadBanLists(fsys fs.FS) ([]*List, error) {
	names, err := BanListFiles(fsys)
	if err != nil {
		return nil, err
	}
	out := make([]*List, 0, len(names))
	seen := make(map[string]string)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		if len(data) > MaxFileSize {
			return nil, parseErr(name, 0, "file larger than %d bytes", MaxFileSize)
		}
		l, err := ParseBanList(name, data)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[l.Provenance.ID]; dup {
			return nil, parseErr(name, 0, "list id %s is also defined in %s", l.Provenance.ID, prev)
		}
		seen[l.Provenance.ID] = name
		out = append(out, l)
	}
	return out, nil
}

// BanListFiles returns the paths of the ban list files of a policy bundle
// (bangate/lists/*.yaml and *.yml), sorted: the files LoadBanLists reads.
func BanListFiles(fsys fs.FS) ([]string, error) {
	var names []string
	for _, pat := range []string{"*.yaml", "*.yml"} {
		m, err := fs.Glob(fsys, BanListDir+"/"+pat)
		if err != nil {
			return nil, fmt.Errorf("list ban lists: %w", err)
		}
		names = append(names, m...)
	}
	sort.Strings(names)
	return names, nil
}

// ParseBanList parses one ban list file; name is its path in the bundle,
// whose base name (without extension) must equal the file's top-level key.
func ParseBanList(name string, data []byte) (*List, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &ParseError{File: name, Err: yamlErr(err)}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, parseErr(name, 0, "not a YAML mapping")
	}
	top := doc.Content[0]
	if len(top.Content) != 2 {
		return nil, parseErr(name, top.Line, "want exactly one top-level key, the list id")
	}
	id := top.Content[0].Value
	base := strings.TrimSuffix(strings.TrimSuffix(path.Base(name), ".yaml"), ".yml")
	if id != base {
		return nil, parseErr(name, top.Content[0].Line, "the top-level key is not the file name %s", base)
	}
	var f banFile
	if err := top.Content[1].Decode(&f); err != nil {
		return nil, &ParseError{File: name, Line: top.Content[1].Line, Err: yamlErr(err)}
	}
	kind, ok := banKinds[f.Kind]
	if !ok {
		return nil, parseErr(name, top.Content[1].Line, "unknown kind (want ban or linked)")
	}
	meta := provenance.List{ID: id, Kind: kind, Title: f.Title, SourceURL: f.SourceURL}
	if f.SourceURL == "" {
		return nil, parseErr(name, top.Content[1].Line, "no source_url")
	}
	var err error
	if meta.Published, err = parseDay(f.Published); err != nil || f.Published == "" {
		return nil, parseErr(name, top.Content[1].Line, "published must be a date YYYY-MM-DD")
	}
	if f.Reviewed != "" {
		if meta.Retrieved, err = parseDay(f.Reviewed); err != nil {
			return nil, parseErr(name, top.Content[1].Line, "reviewed must be a date YYYY-MM-DD")
		}
	}
	entries, err := banEntries(name, &f.Entries)
	if err != nil {
		return nil, err
	}
	return finish(&List{Entries: entries}, meta, digest(part{name, data})), nil
}

// yamlLine finds the "line N" that yaml.v3 puts in its messages.
var yamlLine = regexp.MustCompile(`line \d+`)

// yamlErr rewords a YAML decoding error without the input values that
// yaml.v3 quotes in type errors.
func yamlErr(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		where, what := "a value", "wrong type (see the schema in policies/README.md)"
		if len(te.Errors) > 0 {
			if l := yamlLine.FindString(te.Errors[0]); l != "" {
				where = l
			}
			if strings.Contains(te.Errors[0], "already defined") {
				what = "a key is defined twice"
			}
		}
		return fmt.Errorf("yaml: %s: %s", where, what)
	}
	return err
}

// parseDay parses a YYYY-MM-DD date; "" gives the zero time.
func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.DateOnly, s)
}

// banEntries decodes the entries mapping, sorted by entry ID.
func banEntries(name string, n *yaml.Node) ([]Entry, error) {
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		return nil, parseErr(name, n.Line, "entries must be a non-empty mapping from entry id to entry")
	}
	entries := make([]Entry, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := strings.TrimSpace(k.Value)
		if k.Kind != yaml.ScalarNode || id == "" {
			return nil, parseErr(name, k.Line, "entry id must be a non-empty string")
		}
		var b banEntry
		if err := v.Decode(&b); err != nil {
			return nil, &ParseError{File: name, Line: k.Line, Err: fmt.Errorf("entry: %w", yamlErr(err))}
		}
		e, err := b.entry(id)
		if err != nil {
			return nil, &ParseError{File: name, Line: k.Line, Err: fmt.Errorf("entry: %w", err)}
		}
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].ID < entries[j].ID })
	return entries, nil
}

// entry validates and converts a ban list entry.
func (b *banEntry) entry(id string) (Entry, error) {
	e := Entry{ID: id, Name: strings.TrimSpace(b.Name)}
	if e.Name == "" {
		return Entry{}, errors.New("no name")
	}
	typ := strings.TrimSpace(b.Type)
	if typ == "" {
		typ = "entity"
	}
	t, ok := sdnType(typ)
	if !ok {
		return Entry{}, errors.New("unknown type (want entity, individual, vessel or aircraft)")
	}
	e.Type = t
	for i, a := range b.Aliases {
		a.Name, a.Type = strings.TrimSpace(a.Name), strings.TrimSpace(a.Type)
		if a.Name == "" {
			return Entry{}, errors.New("alias without a name")
		}
		if a.Type == "" {
			a.Type = "aka"
		}
		if !banAliasTypes[a.Type] {
			return Entry{}, fmt.Errorf("aliases[%d]: unknown type", i)
		}
		e.Aliases = addAlias(e, Alias{Name: a.Name, Type: a.Type})
	}
	for _, w := range b.Brands {
		w = strings.ToLower(strings.TrimSpace(w))
		if w == "" || strings.ContainsAny(w, " \t") {
			return Entry{}, errors.New("a brand must be one word")
		}
		e.Brands = appendUnique(e.Brands, w)
	}
	for i, d := range b.Domains {
		n, err := textnorm.Domain(d)
		if err != nil || n != strings.ToLower(strings.TrimSpace(d)) {
			return Entry{}, fmt.Errorf("domains[%d] is not a bare domain name", i)
		}
		e.Domains = appendUnique(e.Domains, n)
	}
	for i, p := range b.PurlNamespaces {
		p = strings.TrimSpace(p)
		eco, ns, ok := strings.Cut(p, ":")
		badAt := strings.Contains(strings.TrimPrefix(ns, "@"), "@")
		if !ok || eco == "" || ns == "" || eco != strings.ToLower(eco) || strings.ContainsAny(p, " \t") || badAt {
			return Entry{}, fmt.Errorf("purl_namespaces[%d] is not ecosystem:namespace", i)
		}
		e.PurlNamespaces = appendUnique(e.PurlNamespaces, p)
	}
	for i, c := range b.CPEVendors {
		c = strings.TrimSpace(c)
		if c == "" || strings.ContainsAny(c, " :*") {
			return Entry{}, fmt.Errorf("cpe_vendors[%d] is not a CPE vendor string", i)
		}
		e.CPEVendors = appendUnique(e.CPEVendors, c)
	}
	return e, nil
}
