package attribute

import (
	"strings"

	"github.com/bangate/bangate/sbom"
)

// CPE is what attribution reads of a CPE name.
type CPE struct {
	// Part is "a" (application), "o" (operating system) or "h"
	// (hardware), lower case; "" when unknown.
	Part string
	// Vendor is lower case and unescaped; "" for ANY and NA.
	Vendor string
	// Lenient is set when the CPE does not parse and was split by hand.
	Lenient bool
}

// ReadCPE reads a CPE 2.3 formatted string or a CPE 2.2 URI: with
// sbom.ParseCPE when it parses, else by a best-effort split (prefix
// compared case-insensitively, attributes split on unescaped colons,
// backslash escapes and %-escapes removed), so that "cpe:2.3:a:kaspersky\_lab:…"
// or "CPE:2.3:H:HIKVISION:…" still names its vendor and part. ok is false
// when no part or vendor can be read.
func ReadCPE(raw string) (c CPE, ok bool) {
	raw = strings.TrimSpace(raw)
	if p, err := sbom.ParseCPE(raw); err == nil {
		c = CPE{Part: strings.ToLower(p.Part), Vendor: strings.ToLower(p.Vendor)}
	} else {
		c.Lenient = true
		lower := strings.ToLower(raw)
		var attrs []string
		switch {
		case strings.HasPrefix(lower, "cpe:2.3:"):
			attrs = splitUnescaped(raw[len("cpe:2.3:"):])
		case strings.HasPrefix(lower, "cpe:/"):
			attrs = strings.Split(raw[len("cpe:/"):], ":")
			for i := range attrs {
				attrs[i] = decode(attrs[i])
			}
		case strings.HasPrefix(lower, "cpe:"):
			// another version number ("cpe:2.2:a:…") or none ("cpe:a:…"),
			// read as the formatted string is
			rest := raw[len("cpe:"):]
			if v, after, ok := strings.Cut(rest, ":"); ok && v != "" && strings.Trim(v, "0123456789.") == "" {
				rest = after
			}
			attrs = splitUnescaped(rest)
		case strings.HasPrefix(lower, "wfn:["):
			// the well-formed name of CPE 2.3 (NISTIR 7695):
			// wfn:[part="h",vendor="hikvision",…]
			part, vendor := wfnAttr(raw, "part"), wfnAttr(raw, "vendor")
			if part == "" && vendor == "" {
				return CPE{}, false
			}
			attrs = []string{part, vendor}
		default:
			return CPE{}, false
		}
		if len(attrs) < 2 {
			return CPE{}, false
		}
		c.Part, c.Vendor = strings.ToLower(unescapeCPE(attrs[0])), strings.ToLower(unescapeCPE(attrs[1]))
	}
	if c.Vendor == "*" || c.Vendor == "-" {
		c.Vendor = ""
	}
	if c.Part == "*" || c.Part == "-" {
		c.Part = ""
	}
	return c, c.Part != "" || c.Vendor != ""
}

// wfnAttr returns the value of attribute name of a well-formed CPE name
// (`vendor="hikvision"`, `vendor=ANY`), "" when absent.
func wfnAttr(wfn, name string) string {
	rest := wfn
	for {
		i := indexFoldASCII(rest, name)
		if i < 0 {
			return ""
		}
		before := strings.TrimRight(rest[:i], " ")
		after := strings.TrimLeft(rest[i+len(name):], " ")
		rest = rest[i+len(name):]
		if !strings.HasSuffix(before, "[") && !strings.HasSuffix(before, ",") || !strings.HasPrefix(after, "=") {
			continue
		}
		v := strings.TrimLeft(after[1:], " ")
		if q, ok := strings.CutPrefix(v, `"`); ok {
			end := 0
			for end < len(q) && q[end] != '"' {
				if q[end] == '\\' {
					end++
				}
				end++
			}
			return q[:min(end, len(q))]
		}
		end := strings.IndexAny(v, ",]")
		if end < 0 {
			end = len(v)
		}
		if v = strings.TrimSpace(v[:end]); v == "ANY" || v == "NA" {
			return ""
		}
		return v
	}
}

// indexFoldASCII is the offset in s of the first match of name, an ASCII
// word, without regard to letter case; -1 when none. Offsets count in s
// itself: lower-casing s first would change the byte length of some
// letters ("Ⱥ" is two bytes, "ⱥ" three) and so every offset after them.
func indexFoldASCII(s, name string) int {
	for i := 0; i+len(name) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(name)], name) {
			return i
		}
	}
	return -1
}

// splitUnescaped splits a formatted string's attributes on colons that no
// backslash escapes.
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

// unescapeCPE removes the backslash escapes of a formatted string's
// attribute ("kaspersky\_lab" → "kaspersky_lab").
func unescapeCPE(v string) string {
	if !strings.Contains(v, `\`) {
		return strings.TrimSpace(v)
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			i++
		}
		b.WriteByte(v[i])
	}
	return strings.TrimSpace(b.String())
}
