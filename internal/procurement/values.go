package procurement

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/bangate/bangate/internal/textnorm"
)

// Value errors. They never quote the value.
var (
	errNotDecimal  = errors.New("not a decimal number")
	errNotPercent  = errors.New("percentage is not a number")
	errPercentOut  = errors.New("percentage outside 0–100")
	errNotDate     = errors.New("not a date (want YYYY-MM-DD, RFC 3339, M/D/YYYY or YYYYMMDD)")
	errNotDomain   = errors.New("no internet domain in web address or e-mail")
	errOwnerFormat = errors.New("owner entry is not name:percent")
	errOwnerName   = errors.New("owner entry has an empty name")
	errOwnersOver  = errors.New("owners' percentages sum to more than 100")
)

// percentTolerance absorbs float rounding when percentages are summed
// (33.33 + 33.33 + 33.34).
const percentTolerance = 1e-6

// parseCountry turns a country field into an ISO 3166-1 alpha-2 code and,
// when the field was more than a bare code, the text as written. It
// accepts "US", "USA", "usa", "USA: UNITED STATES OF AMERICA" (FPDS's
// code-colon-name form) and plain names, which it keeps as the name only.
func parseCountry(raw string) (code, name string) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", ""
	}
	head, tail, found := strings.Cut(s, ":")
	if found {
		if c := isoCountry(strings.TrimSpace(head)); c != "" {
			return c, strings.TrimSpace(tail)
		}
		return "", s
	}
	if c := isoCountry(s); c != "" {
		return c, ""
	}
	return "", s
}

// isoCountry returns the alpha-2 code for a 2- or 3-letter ISO 3166-1
// code, or "" when s is not one.
func isoCountry(s string) string {
	if len(s) != 2 && len(s) != 3 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	r, err := language.ParseRegion(strings.ToUpper(s))
	if err != nil || !r.IsCountry() {
		return ""
	}
	out := r.String()
	if len(out) != 2 {
		return ""
	}
	return out
}

// parseAmount checks a money amount and returns it as a plain decimal
// string with no precision lost: an optional sign, digits, an optional
// fraction. It accepts a leading "$" and thousands separators in groups
// of three ("$1,234,567.50"). Exponent forms (JSON numbers such as 1e6)
// are expanded exactly.
func parseAmount(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", nil
	}
	if plainDecimal(s) {
		return s, nil // the common case, without allocating
	}
	sign := ""
	switch s[0] {
	case '-':
		sign, s = "-", s[1:]
	case '+':
		s = s[1:]
	}
	s = strings.TrimPrefix(s, "$")
	if strings.ContainsAny(s, "eE") {
		return expandExponent(sign + s)
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac && (frac == "" || !allDigits(frac)) {
		return "", errNotDecimal
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 || !allDigits(groups[0]) {
			return "", errNotDecimal
		}
		for _, g := range groups[1:] {
			if len(g) != 3 || !allDigits(g) {
				return "", errNotDecimal
			}
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" || !allDigits(intPart) {
		return "", errNotDecimal
	}
	if hasFrac {
		return sign + intPart + "." + frac, nil
	}
	return sign + intPart, nil
}

// maxExponent bounds exponent forms so that "1e999999" cannot make a
// million-digit string.
const maxExponent = 40

func expandExponent(s string) (string, error) {
	if len(s) > 64 {
		return "", errNotDecimal
	}
	_, exp, _ := strings.Cut(strings.ToLower(s), "e")
	e, err := strconv.Atoi(exp)
	if err != nil || e > maxExponent || e < -maxExponent {
		return "", errNotDecimal
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return "", errNotDecimal
	}
	if r.IsInt() {
		return r.Num().String(), nil
	}
	// The denominator of a parsed decimal is 2^a·5^b; this many fraction
	// digits represent it exactly.
	digits := len(r.Denom().String()) * 4
	out := r.FloatString(digits)
	out = strings.TrimRight(out, "0")
	return strings.TrimSuffix(out, "."), nil
}

// plainDecimal reports whether s is already in the form parseAmount
// returns: an optional minus, digits, an optional fraction.
func plainDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	return allDigits(intPart) && (!hasFrac || allDigits(frac))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// dateLayouts are tried in order on the date part of a field.
var dateLayouts = [...]string{"2006-01-02", "1/2/2006", "20060102"}

// parseDate normalises a date field to YYYY-MM-DD. Timestamps keep the
// calendar date they were written with (no time zone conversion).
func parseDate(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", nil
	}
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	if isoDate(s) {
		return s, nil // the common case, without allocating
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", errNotDate
}

// isoDate reports whether s is a valid YYYY-MM-DD date.
func isoDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' ||
		!allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return false
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parsePercent reads a stake such as "60", "60.5" or "60%".
func parsePercent(raw string) (float64, error) {
	s := strings.TrimSpace(raw)
	s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, errNotPercent
	}
	if f < 0 || f > 100 {
		return 0, errPercentOut
	}
	return f, nil
}

// parseOwners reads an owners cell, "Name:60;Other Name:40". The last
// colon of each entry separates the name from the percentage, so names
// may contain colons. Empty entries (a trailing semicolon) are ignored.
func parseOwners(raw string) ([]Owner, error) {
	var owners []Owner
	sum := 0.0
	for part := range strings.SplitSeq(raw, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		i := strings.LastIndexByte(part, ':')
		if i < 0 {
			return nil, errOwnerFormat
		}
		name := strings.TrimSpace(part[:i])
		if name == "" {
			return nil, errOwnerName
		}
		pct, err := parsePercent(part[i+1:])
		if err != nil {
			return nil, err
		}
		sum += pct
		owners = append(owners, Owner{Name: name, Percent: pct})
	}
	if sum > 100+percentTolerance {
		return nil, errOwnersOver
	}
	return owners, nil
}

// domainOf extracts the host of a web address or the domain of an e-mail
// address, as textnorm.Domain and textnorm.EmailDomain write them.
func domainOf(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", nil
	}
	var d string
	var err error
	if strings.Contains(s, "@") && !strings.Contains(s, "/") {
		d, err = textnorm.EmailDomain(s)
	} else {
		d, err = textnorm.Domain(s)
	}
	if err != nil {
		return "", errNotDomain // textnorm's error quotes the value
	}
	return d, nil
}

// splitCodeDesc splits FPDS's "8135: PACKAGING AND PACKING BULK MATERIALS"
// into code and description; a value without ": " is returned as the code.
func splitCodeDesc(s string) (code, desc string) {
	s = strings.TrimSpace(s)
	if c, d, ok := strings.Cut(s, ": "); ok {
		return strings.TrimSpace(c), strings.TrimSpace(d)
	}
	return s, ""
}

// appendUnique appends s to list unless it is empty or already there
// (compared case-insensitively) or equal to skip.
func appendUnique(list []string, s, skip string) []string {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, skip) {
		return list
	}
	for _, have := range list {
		if strings.EqualFold(have, s) {
			return list
		}
	}
	return append(list, s)
}
