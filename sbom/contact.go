package sbom

import (
	"strings"
	"unicode"
)

// Contact is what a free-text party string names: a name with the e-mail
// addresses and URLs written beside it.
type Contact struct {
	Name   string   `json:"name"`
	Emails []string `json:"emails,omitempty"`
	URLs   []string `json:"urls,omitempty"`
}

// ParseContacts splits a free-text party string, as SBOM fields and
// package manifests write them, into the parties it names, each with its
// name, e-mail addresses and URLs apart:
//
//   - npm "Name <email> (url)" and PEP 621 / RFC 5322 "Name <email>";
//   - SPDX "Name (email)" (the actor form after "Person:" or "Organization:");
//   - a bare address or URL beside the name ("Name email", "Name https://…");
//   - a list of such parties separated by commas or semicolons
//     ("A <a@x.org>, B <b@y.org>"), split only when every part carries its
//     own address or URL, so that "Huawei Technologies Co., Ltd." stays one
//     name.
//
// A parenthesised or bracketed group that is neither an address nor a URL
// stays part of the name ("Acme (Europe) Ltd"); an empty group is dropped.
// The name is the rest, trimmed, with runs of white space folded where
// something was taken out; a string with nothing to take out keeps its
// name as written (trimmed). "NOASSERTION", "NONE" and an empty string
// name nobody. Every reader of this package takes author, supplier,
// publisher, creator and maintainer strings through it.
func ParseContacts(s string) []Contact {
	s = strings.TrimSpace(s)
	if s == "" || isNoValue(s) {
		return nil
	}
	if !strings.ContainsAny(s, "@:<([,;") {
		return []Contact{{Name: s}} // nothing to take out
	}
	if parts := splitContactList(s); len(parts) > 1 {
		out := make([]Contact, 0, len(parts))
		for _, p := range parts {
			if c, ok := parseContact(p); ok {
				out = append(out, c)
			}
		}
		return out
	}
	if c, ok := parseContact(s); ok {
		return []Contact{c}
	}
	return nil
}

// parseContact parses one party; ok is false when it names nothing.
func parseContact(s string) (Contact, bool) {
	s = strings.TrimSpace(s)
	var c Contact
	var rest strings.Builder
	taken := false
	for i := 0; i < len(s); {
		ch := s[i]
		if ch == '<' || ch == '(' || ch == '[' {
			closing := byte(')')
			switch ch {
			case '<':
				closing = '>'
			case '[':
				closing = ']'
			}
			if j := strings.IndexByte(s[i+1:], closing); j >= 0 {
				inner := strings.TrimSpace(s[i+1 : i+1+j])
				switch {
				case inner == "":
					taken = true
				case c.take(inner):
					taken = true
				case strings.ContainsAny(inner, "<@"):
					// A group that holds a contact of its own ("ijl (ijl
					// <ijl@example.org>)"): its addresses are taken, its
					// name stays in the brackets.
					in, _ := parseContact(inner)
					for _, e := range in.Emails {
						c.take(e)
					}
					for _, u := range in.URLs {
						c.take(u)
					}
					taken = taken || len(in.Emails) > 0 || len(in.URLs) > 0
					if in.Name != "" {
						rest.WriteString(string(ch) + in.Name + string(closing))
					}
				default:
					rest.WriteString(s[i : i+2+j])
				}
				i += j + 2
				continue
			}
		}
		// A word: up to the next space or opening bracket.
		j := i
		for j < len(s) && !isSpace(s[j]) && s[j] != '<' && s[j] != '(' && s[j] != '[' {
			j++
		}
		if j == i {
			rest.WriteByte(ch)
			i++
			continue
		}
		word := s[i:j]
		if c.take(strings.TrimRight(word, ",;")) {
			taken = true
		} else {
			rest.WriteString(word)
		}
		i = j
	}
	if taken {
		c.Name = strings.Trim(strings.Join(strings.Fields(rest.String()), " "), " ,;:-|/")
	} else {
		c.Name = s
	}
	if isNoValue(c.Name) {
		c.Name = ""
	}
	return c, c.Name != "" || len(c.Emails) > 0 || len(c.URLs) > 0
}

// take records v as an e-mail address or a URL and reports whether it was
// one.
func (c *Contact) take(v string) bool {
	switch {
	case isEmailLike(v):
		v = strings.TrimPrefix(v, "mailto:")
		if !contains(c.Emails, v) {
			c.Emails = append(c.Emails, v)
		}
		return true
	case isURLLike(v):
		if !contains(c.URLs, v) {
			c.URLs = append(c.URLs, v)
		}
		return true
	}
	return false
}

// isEmailLike reports an address of the form local@domain (with an
// optional mailto: scheme), without spaces or brackets.
func isEmailLike(v string) bool {
	v = strings.TrimPrefix(v, "mailto:")
	at := strings.IndexByte(v, '@')
	if at <= 0 || at == len(v)-1 || strings.Count(v, "@") != 1 {
		return false
	}
	if strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
		return false
	}
	for _, r := range v {
		if unicode.IsSpace(r) || strings.ContainsRune("<>()[],;\"'", r) {
			return false
		}
	}
	return true
}

// isURLLike reports an http(s) URL with a host.
func isURLLike(v string) bool {
	for _, scheme := range []string{"https://", "http://"} {
		if len(v) > len(scheme) && strings.EqualFold(v[:len(scheme)], scheme) {
			return !strings.ContainsFunc(v, unicode.IsSpace)
		}
	}
	return false
}

// splitContactList splits s at commas and semicolons outside brackets when
// there are several parts and every part carries an address or a URL;
// otherwise it returns s alone.
func splitContactList(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<', '(', '[':
			depth++
		case '>', ')', ']':
			if depth > 0 {
				depth--
			}
		case ',', ';':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	parts = append(parts, s[start:])
	if len(parts) < 2 {
		return []string{s}
	}
	for _, p := range parts {
		c, ok := parseContact(p)
		if !ok || (len(c.Emails) == 0 && len(c.URLs) == 0) {
			return []string{s}
		}
	}
	return parts
}

// contains reports whether list holds v.
func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// contactParties returns the parties a free-text string names, with role,
// kind and pointer set; nil when it names nobody.
func contactParties(role, kind, s, ptr string) []Party {
	cs := ParseContacts(s)
	if len(cs) == 0 {
		return nil
	}
	out := make([]Party, 0, len(cs))
	for _, c := range cs {
		out = append(out, Party{Role: role, Kind: kind, Name: c.Name, Emails: c.Emails, URLs: c.URLs, Pointer: ptr})
	}
	return out
}

// nameContact moves e-mail addresses and URLs written into a party's name
// field ("Jane Doe <jane@example.com>") into its Emails and URLs.
func nameContact(p *Party) {
	if !strings.ContainsAny(p.Name, "@:") {
		return
	}
	cs := ParseContacts(p.Name)
	if len(cs) != 1 || (len(cs[0].Emails) == 0 && len(cs[0].URLs) == 0) {
		return
	}
	p.Name = cs[0].Name
	for _, e := range cs[0].Emails {
		if !contains(p.Emails, e) {
			p.Emails = append(p.Emails, e)
		}
	}
	for _, u := range cs[0].URLs {
		if !contains(p.URLs, u) {
			p.URLs = append(p.URLs, u)
		}
	}
}
