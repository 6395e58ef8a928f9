package sbom

import (
	"errors"
	"strconv"
	"strings"
)

// CPE is a parsed Common Platform Enumeration name. Attribute values are
// unescaped; "*" (ANY) and "-" (NA) are kept as written, and an attribute
// a CPE 2.2 URI leaves out is "*".
type CPE struct {
	// Binding is "2.3" for a formatted string (cpe:2.3:...) and "2.2" for
	// a URI (cpe:/...).
	Binding   string
	Part      string // "a" application, "o" operating system, "h" hardware
	Vendor    string
	Product   string
	Version   string
	Update    string
	Edition   string
	Language  string
	SWEdition string
	TargetSW  string
	TargetHW  string
	Other     string
}

// CPEError says why a CPE does not parse. Its message never contains the
// CPE itself.
type CPEError struct {
	// Reason is a short description ("12 attributes, want 11").
	Reason string
}

// Error returns "invalid CPE: <reason>".
func (e *CPEError) Error() string { return "invalid CPE: " + e.Reason }

// ParseCPE strictly parses a CPE 2.3 formatted string
// ("cpe:2.3:a:vendor:product:1.0:*:*:*:*:*:*:*", NISTIR 7695 §6.2) or a
// CPE 2.2 URI ("cpe:/a:vendor:product:1.0", §6.1). The error is a
// *CPEError.
func ParseCPE(s string) (CPE, error) {
	switch {
	case strings.HasPrefix(s, "cpe:2.3:"):
		return parseCPE23(s[len("cpe:2.3:"):])
	case strings.HasPrefix(s, "cpe:/"):
		return parseCPE22(s[len("cpe:/"):])
	case s == "":
		return CPE{}, &CPEError{Reason: "empty"}
	}
	return CPE{}, &CPEError{Reason: "neither cpe:2.3: nor cpe:/ prefix"}
}

// parseCPE23 parses the 11 attributes of a formatted string.
func parseCPE23(rest string) (CPE, error) {
	attrs := make([]string, 0, 11)
	start := 0
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '\\':
			i++ // the next byte is quoted
		case ':':
			attrs = append(attrs, rest[start:i])
			start = i + 1
		}
	}
	attrs = append(attrs, rest[start:])
	if len(attrs) != 11 {
		return CPE{}, &CPEError{Reason: strconv.Itoa(len(attrs)) + " attributes, want 11"}
	}
	switch attrs[0] {
	case "a", "o", "h", "*", "-":
	default:
		return CPE{}, &CPEError{Reason: "part is not a, o, h, * or -"}
	}
	names := [...]string{"part", "vendor", "product", "version", "update", "edition", "language", "sw_edition", "target_sw", "target_hw", "other"}
	vals := make([]string, 11)
	vals[0] = attrs[0]
	for i := 1; i < 11; i++ {
		v, err := cpe23Value(attrs[i])
		if err != nil {
			return CPE{}, &CPEError{Reason: names[i] + ": " + err.Error()}
		}
		if i == 6 && v != "*" && v != "-" && !isLanguageTag(v) {
			return CPE{}, &CPEError{Reason: "language is not a language tag"}
		}
		vals[i] = v
	}
	return CPE{
		Binding: "2.3", Part: vals[0], Vendor: vals[1], Product: vals[2], Version: vals[3],
		Update: vals[4], Edition: vals[5], Language: vals[6], SWEdition: vals[7],
		TargetSW: vals[8], TargetHW: vals[9], Other: vals[10],
	}, nil
}

// cpe23Value checks one formatted-string attribute and returns it
// unescaped: "*" or "-" alone, or characters from [A-Za-z0-9._-] and
// backslash-quoted punctuation, optionally with "*" or a run of "?" at
// either end.
func cpe23Value(v string) (string, error) {
	if v == "*" || v == "-" {
		return v, nil
	}
	if v == "" {
		return "", errors.New("empty attribute")
	}
	body := v
	lead := len(body) - len(strings.TrimLeft(body, "?"))
	if lead == 0 && strings.HasPrefix(body, "*") {
		lead = 1
	}
	body = body[lead:]
	// Trailing wildcards, unless the last one is quoted.
	trail := 0
	for j := len(body) - 1; j >= 0 && (body[j] == '?' || body[j] == '*'); j-- {
		bs := 0
		for k := j - 1; k >= 0 && body[k] == '\\'; k-- {
			bs++
		}
		if bs%2 == 1 {
			break
		}
		trail++
	}
	if trail > 1 && strings.Contains(body[len(body)-trail:], "*") {
		return "", errors.New("bad wildcard")
	}
	body = body[:len(body)-trail]
	if body == "" {
		return "", errors.New("wildcards without a value")
	}
	var b strings.Builder
	b.Grow(len(v))
	b.WriteString(v[:lead])
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '_', c == '-':
			b.WriteByte(c)
		case c == '\\':
			if i+1 >= len(body) || !isCPEPunct(body[i+1]) {
				return "", errors.New("bad quoting")
			}
			i++
			b.WriteByte(body[i])
		default:
			return "", errors.New("character not allowed unquoted")
		}
	}
	b.WriteString(v[lead+len(body):])
	return b.String(), nil
}

// isCPEPunct reports the printable non-alphanumeric ASCII characters that
// may be quoted in a formatted string.
func isCPEPunct(c byte) bool {
	return c > ' ' && c < 0x7F && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')
}

// isLanguageTag accepts the RFC 5646 subset CPE allows: two or three
// letters, optionally "-" and a two-letter or three-digit region.
func isLanguageTag(v string) bool {
	lang, region, hasRegion := strings.Cut(v, "-")
	if len(lang) < 2 || len(lang) > 3 || !allASCII(lang, isLetter) {
		return false
	}
	if !hasRegion {
		return true
	}
	return (len(region) == 2 && allASCII(region, isLetter)) || (len(region) == 3 && allASCII(region, isDigit))
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// allASCII reports whether every byte of s satisfies f.
func allASCII(s string, f func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !f(s[i]) {
			return false
		}
	}
	return true
}

// parseCPE22 parses a URI: up to 7 colon-separated components after
// "cpe:/", percent-encoded, each empty or made of [A-Za-z0-9._~%-]. A
// packed edition ("~ed~swed~tsw~thw~other", the 2.3 URI binding) is
// unpacked.
func parseCPE22(rest string) (CPE, error) {
	comps := strings.Split(rest, ":")
	if len(comps) > 7 {
		return CPE{}, &CPEError{Reason: strconv.Itoa(len(comps)) + " components, want at most 7"}
	}
	vals := make([]string, 7)
	for i, c := range comps {
		v, err := cpe22Value(c)
		if err != nil {
			return CPE{}, &CPEError{Reason: "component " + strconv.Itoa(i+1) + ": " + err.Error()}
		}
		vals[i] = v
	}
	switch vals[0] {
	case "a", "o", "h":
	case "":
		vals[0] = "*"
	default:
		return CPE{}, &CPEError{Reason: "part is not a, o or h"}
	}
	if vals[6] != "" && !isLanguageTag(vals[6]) {
		return CPE{}, &CPEError{Reason: "language is not a language tag"}
	}
	out := CPE{Binding: "2.2", Part: vals[0], Vendor: vals[1], Product: vals[2], Version: vals[3],
		Update: vals[4], Edition: vals[5], Language: vals[6]}
	if len(comps) > 5 && strings.HasPrefix(comps[5], "~") {
		packed := strings.Split(comps[5], "~")
		if len(packed) != 6 {
			return CPE{}, &CPEError{Reason: "packed edition needs 5 fields"}
		}
		f := make([]string, 5)
		for i := range f {
			v, err := cpe22Value(packed[i+1])
			if err != nil {
				return CPE{}, &CPEError{Reason: "packed edition: " + err.Error()}
			}
			f[i] = v
		}
		out.Edition, out.SWEdition, out.TargetSW, out.TargetHW, out.Other = f[0], f[1], f[2], f[3], f[4]
	}
	for _, p := range []*string{&out.Vendor, &out.Product, &out.Version, &out.Update, &out.Edition,
		&out.Language, &out.SWEdition, &out.TargetSW, &out.TargetHW, &out.Other} {
		if *p == "" {
			*p = "*"
		}
	}
	return out, nil
}

// cpe22Value checks and percent-decodes one URI component.
func cpe22Value(c string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(c); i++ {
		ch := c[i]
		switch {
		case ch >= 'a' && ch <= 'z', ch >= 'A' && ch <= 'Z', ch >= '0' && ch <= '9', ch == '.', ch == '_', ch == '-', ch == '~':
			b.WriteByte(ch)
		case ch == '%':
			if i+2 >= len(c) || !isHex(c[i+1]) || !isHex(c[i+2]) {
				return "", errors.New("bad percent escape")
			}
			n, _ := strconv.ParseUint(c[i+1:i+3], 16, 8)
			if n < 0x20 || n >= 0x7F {
				return "", errors.New("percent escape outside printable ASCII")
			}
			b.WriteByte(byte(n))
			i += 2
		default:
			return "", errors.New("character not allowed")
		}
	}
	return b.String(), nil
}

// isHex reports a hexadecimal digit.
func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// cpeReason returns the input-free reason of a ParseCPE error.
func cpeReason(err error) string {
	var ce *CPEError
	if errors.As(err, &ce) {
		return ce.Reason
	}
	return "invalid"
}
