package sbom

import (
	"encoding/json"
	"strconv"
	"strings"
)

// NOTE: syft's JSON format is read here from its documented shape
// (schema/json/schema-*.json in anchore/syft) rather than with syft's own
// decoder, whose module brings syft's whole dependency tree. Packages
// ("artifacts") give the components; the parties are the ones syft itself
// maps to SPDX suppliers and originators (see syft's
// format/internal/spdxutil/helpers/originator_supplier.go), read by field
// name so that every schema version (1.x to 16.x) is read alike.

// syftDoc is the part of a syft JSON document that is read.
type syftDoc struct {
	Artifacts     []*syftArtifact `json:"artifacts"`
	Relationships []*struct {
		Parent string `json:"parent"`
		Child  string `json:"child"`
		Type   string `json:"type"`
	} `json:"artifactRelationships"`
	Source *struct {
		ID       string          `json:"id"`
		Name     string          `json:"name"`
		Version  string          `json:"version"`
		Type     string          `json:"type"`
		Supplier string          `json:"supplier"`
		Target   json.RawMessage `json:"target"` // schemas before 9
	} `json:"source"`
}

// syftArtifact is one package. CPEs and licenses changed shape between
// schema versions (strings, then objects); metadata differs by package
// type. They are read loosely.
type syftArtifact struct {
	ID       string          `json:"id"`
	Name     string          `json:"name"`
	Version  string          `json:"version"`
	Type     string          `json:"type"`
	PURL     string          `json:"purl"`
	CPEs     json.RawMessage `json:"cpes"`
	Licenses json.RawMessage `json:"licenses"`
	Metadata json.RawMessage `json:"metadata"`
}

// sniffSyftJSON identifies syft JSON by its schema version.
func sniffSyftJSON(s sniffed, opts Options) (sniffed, error) {
	s.format = FormatSyftJSON
	var head struct {
		Schema struct {
			Version string `json:"version"`
		} `json:"schema"`
	}
	if err := json.Unmarshal(s.body, &head); err != nil {
		return s, jsonError(opts.Name, s.format, err)
	}
	v := strings.TrimSpace(head.Schema.Version)
	if v == "" || len(v) > 16 || strings.Trim(v, "0123456789.") != "" {
		return s, newError(opts.Name, s.format, ErrInvalid, "schema.version is not a version number")
	}
	s.version = v
	return s, nil
}

// decodeSyftJSON reads syft JSON.
func decodeSyftJSON(s sniffed, opts Options) (*Document, error) {
	var in syftDoc
	if err := json.Unmarshal(s.body, &in); err != nil {
		return nil, spdxJSONError(opts.Name, s.format, s.body, err, true)
	}
	if len(in.Artifacts) > opts.maxComponents() {
		return nil, newError(opts.Name, s.format, ErrTooManyComponents,
			strconv.Itoa(len(in.Artifacts))+" packages, limit "+strconv.Itoa(opts.maxComponents()))
	}
	doc := &Document{Format: s.format, SpecVersion: s.version, Components: make([]Component, 0, len(in.Artifacts))}
	log := &lenientLog{}
	warn := func(code, msg, ptr string) {
		doc.Warnings = append(doc.Warnings, Warning{Code: code, Message: msg, Pointer: ptr})
	}
	seen := make(map[string]string, len(in.Artifacts))
	for i, a := range in.Artifacts {
		if a == nil {
			continue
		}
		ptr := "/artifacts/" + strconv.Itoa(i)
		c := Component{Ref: a.ID, Pointer: ptr, Name: a.Name, Version: a.Version, Type: a.Type, PURL: a.PURL}
		if c.Ref == "" {
			c.Ref = ptr
		} else if first, dup := seen[c.Ref]; dup {
			warn(WarnDuplicateRef, "artifact id already used by the artifact at "+first, ptr)
		} else {
			seen[c.Ref] = ptr
		}
		if strings.TrimSpace(a.Name) == "" {
			warn(WarnComponentUnnamed, "artifact has no name", ptr)
		}
		if a.PURL != "" {
			if _, err := ParsePURL(a.PURL); err != nil {
				warn(WarnPURLInvalid, "purl does not parse: "+purlReason(err), ptr+"/purl")
			}
		}
		for k, cpe := range syftCPEs(a.CPEs, ptr+"/cpes", log) {
			c.CPEs = append(c.CPEs, cpe)
			if _, err := ParseCPE(cpe); err != nil {
				warn(WarnCPEInvalid, "CPE does not parse: "+cpeReason(err), ptr+"/cpes/"+strconv.Itoa(k))
			}
		}
		c.Licenses = syftLicenses(a.Licenses, ptr+"/licenses", log)
		c.Parties = syftParties(a.Metadata, ptr+"/metadata", log)
		doc.Components = append(doc.Components, c)
	}
	if src := in.Source; src != nil {
		name := src.Name
		if name == "" && len(src.Target) > 0 {
			var t struct {
				UserInput string `json:"userInput"`
			}
			if json.Unmarshal(src.Target, &t) == nil {
				name = t.UserInput
			} else {
				_ = json.Unmarshal(src.Target, &name) // a directory or file source names its path
			}
		}
		if name != "" {
			subj := &Component{Ref: src.ID, Pointer: "/source", Name: name, Version: src.Version, Type: src.Type}
			if subj.Ref == "" {
				subj.Ref = subj.Pointer
			}
			doc.Subject = subj
		}
		if strings.TrimSpace(src.Supplier) != "" {
			doc.Parties = append(doc.Parties, contactParties(RoleSupplier, "", src.Supplier, "/source/supplier")...)
		}
	}
	edges := make(map[[2]string]bool)
	for _, r := range in.Relationships {
		if r == nil {
			continue
		}
		from, to := r.Parent, r.Child
		switch r.Type {
		case "contains":
		case "dependency-of":
			from, to = to, from
		default:
			continue
		}
		_, okF := seen[from]
		_, okT := seen[to]
		if !okF || !okT || edges[[2]string{from, to}] {
			continue
		}
		edges[[2]string{from, to}] = true
		if doc.Dependencies == nil {
			doc.Dependencies = make(map[string][]string)
		}
		doc.Dependencies[from] = append(doc.Dependencies[from], to)
	}
	log.flush(doc)
	return doc, nil
}

// syftCPEs reads an artifact's CPEs: strings (schemas before 16) or
// objects {"cpe": …}.
func syftCPEs(raw json.RawMessage, ptr string, log *lenientLog) []string {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		log.note(WarnFieldMalformed, "cpes is not a list; not read", ptr)
		return nil
	}
	var out []string
	for _, e := range list {
		var s string
		if json.Unmarshal(e, &s) != nil {
			var o struct {
				CPE string `json:"cpe"`
			}
			if json.Unmarshal(e, &o) != nil {
				log.note(WarnFieldMalformed, "a CPE that is neither a string nor {\"cpe\": …}; not read", ptr)
				continue
			}
			s = o.CPE
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// syftLicenses reads an artifact's licenses: strings (older schemas) or
// objects with an SPDX expression or a value.
func syftLicenses(raw json.RawMessage, ptr string, log *lenientLog) []string {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		log.note(WarnFieldMalformed, "licenses is not a list; not read", ptr)
		return nil
	}
	var out []string
	for _, e := range list {
		var s string
		if json.Unmarshal(e, &s) != nil {
			var o struct {
				Value string `json:"value"`
				Expr  string `json:"spdxExpression"`
			}
			if json.Unmarshal(e, &o) != nil {
				continue
			}
			s = o.Expr
			if s == "" {
				s = o.Value
			}
		}
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// syftPartyFields are the metadata members that name parties, with the
// role and kind syft gives them when it writes SPDX (maintainers and
// packagers supply a package; vendors and companies are organisations).
var syftPartyFields = []struct {
	field, role, kind string
}{
	{"author", RoleAuthor, ""},
	{"authors", RoleAuthor, ""},
	{"maintainer", RoleSupplier, ""},
	{"maintainers", RoleSupplier, ""},
	{"packager", RoleSupplier, ""},
	{"vendor", RoleSupplier, KindOrganization},
	{"companyName", RoleSupplier, KindOrganization},
}

// syftManifestVendors are the Java manifest attributes syft takes as the
// supplying organisation.
var syftManifestVendors = []string{"Specification-Vendor", "Implementation-Vendor"}

// syftParties reads the parties an artifact's metadata names.
func syftParties(raw json.RawMessage, ptr string, log *lenientLog) []Party {
	if len(raw) == 0 || raw[0] != '{' {
		return nil
	}
	var md map[string]json.RawMessage
	if json.Unmarshal(raw, &md) != nil {
		return nil
	}
	var out []Party
	for _, f := range syftPartyFields {
		v, ok := md[f.field]
		if !ok {
			continue
		}
		fp := ptr + "/" + f.field
		var s string
		if json.Unmarshal(v, &s) == nil {
			ps := contactParties(f.role, f.kind, s, fp)
			if f.field == "author" {
				ps = withAuthorEmail(ps, md["authorEmail"], f.role, ptr+"/authorEmail")
			}
			out = append(out, ps...)
			continue
		}
		var list []json.RawMessage
		if json.Unmarshal(v, &list) != nil {
			log.note(WarnFieldMalformed, "a party field that is neither text nor a list; not read", fp)
			continue
		}
		for k, e := range list {
			ep := fp + "/" + strconv.Itoa(k)
			if json.Unmarshal(e, &s) == nil {
				out = append(out, contactParties(f.role, f.kind, s, ep)...)
				continue
			}
			var o struct {
				Name     string `json:"name"`
				Email    string `json:"email"`
				Homepage string `json:"homepage"`
			}
			if json.Unmarshal(e, &o) != nil {
				log.note(WarnFieldMalformed, "a party that is neither text nor {name, email}; not read", ep)
				continue
			}
			p := Party{Role: f.role, Kind: f.kind, Name: strings.TrimSpace(o.Name), Pointer: ep + "/name"}
			if o.Email != "" {
				p.Emails = []string{o.Email}
			}
			if o.Homepage != "" {
				p.URLs = []string{o.Homepage}
			}
			nameContact(&p)
			if p.Name != "" || len(p.Emails) > 0 || len(p.URLs) > 0 {
				out = append(out, p)
			}
		}
	}
	if m, ok := md["manifest"]; ok {
		out = append(out, syftManifestParties(m, ptr+"/manifest")...)
	}
	return out
}

// withAuthorEmail adds the addresses of a Python authorEmail field (which
// may read "Name <address>, …") to the author parties, or makes parties of
// it when there is no author.
func withAuthorEmail(ps []Party, raw json.RawMessage, role, ptr string) []Party {
	var s string
	if len(raw) == 0 || json.Unmarshal(raw, &s) != nil || strings.TrimSpace(s) == "" {
		return ps
	}
	extra := contactParties(role, "", s, ptr)
	if len(ps) == 1 && len(ps[0].Emails) == 0 {
		for _, e := range extra {
			for _, a := range e.Emails {
				if !contains(ps[0].Emails, a) {
					ps[0].Emails = append(ps[0].Emails, a)
				}
			}
		}
		return ps
	}
	if len(ps) == 0 {
		return extra
	}
	return ps
}

// syftManifestParties reads the vendor attributes of a Java manifest:
// "main" is an object in older schemas and a list of {key, value} in
// newer ones.
func syftManifestParties(raw json.RawMessage, ptr string) []Party {
	var m struct {
		Main json.RawMessage `json:"main"`
	}
	if json.Unmarshal(raw, &m) != nil || len(m.Main) == 0 {
		return nil
	}
	mp := ptr + "/main"
	values := make(map[string]string)
	places := make(map[string]string)
	var obj map[string]string
	var list []struct {
		Key   string `json:"key"`
		Value string `json:"value"`
	}
	switch {
	case json.Unmarshal(m.Main, &obj) == nil:
		for k, v := range obj {
			values[k], places[k] = v, mp+"/"+escapeToken(k)
		}
	case json.Unmarshal(m.Main, &list) == nil:
		for i, kv := range list {
			if _, dup := values[kv.Key]; !dup {
				values[kv.Key], places[kv.Key] = kv.Value, mp+"/"+strconv.Itoa(i)+"/value"
			}
		}
	default:
		return nil
	}
	var out []Party
	done := make(map[string]bool)
	for _, k := range syftManifestVendors {
		if v := strings.TrimSpace(values[k]); v != "" && !done[v] {
			done[v] = true
			out = append(out, contactParties(RoleSupplier, KindOrganization, v, places[k])...)
		}
	}
	return out
}
